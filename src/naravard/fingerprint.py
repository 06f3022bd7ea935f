"""What makes two findings the same finding across runs: the key behind baselines and CI fingerprints.

A finding is known by its code, its file and what it says, never by its line: a line added
above it moves it but does not make it new. Line numbers inside a message (`finns redan på rad
12`) are left out of the key for the same reason. When one file has the same finding twice,
the occurrences are told apart by their order in the file.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable

from naravard.findings import Finding

Key = tuple[str, str, str]

_LINE = re.compile(r"\b(rad|raden|rader) [0-9]+")


def key(finding: Finding) -> Key:
    """(code, file, message without line numbers): stable when lines move."""
    return finding.code, finding.location.file, _LINE.sub(r"\1 #", finding.message)


def fingerprints(findings: Iterable[Finding]) -> list[str]:
    """One stable hex fingerprint per finding, unique within the run (occurrences numbered)."""
    seen: Counter[Key] = Counter()
    out = []
    for finding in findings:
        k = key(finding)
        occurrence = seen[k]
        seen[k] += 1
        text = "\0".join((*k, str(occurrence)))
        out.append(hashlib.sha256(text.encode("utf-8")).hexdigest()[:32])
    return out
