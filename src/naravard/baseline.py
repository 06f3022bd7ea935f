"""A baseline: the warnings a repository already had, so that lint shows only the new ones.

`naravard lint --baseline naravard-baseline.json` leaves out every warning recorded in the file;
`--update-baseline` records the warnings there are now. An entry is a warning's code, file and
message (naravard.fingerprint.key), never its line, so moving a line does not make a warning
new. An entry that matches nothing any more (the warning was fixed) is stale: lint says so,
and the next update drops it, so the file only shrinks. Errors are never recorded: they must be
fixed.

The file is JSON, sorted, one entry per warning and file, so that a change to it reads well in
a pull request:

    {"naravard": "0.2.0", "varningar": [{"kod": "NV301", "fil": "data/…", "meddelande": "…", "antal": 1}]}
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from naravard import __version__
from naravard.atomic import write_or_fail
from naravard.errors import UsageError
from naravard.findings import Finding, Severity
from naravard.fingerprint import Key, key

DEFAULT_NAME = "naravard-baseline.json"


@dataclass(frozen=True)
class Applied:
    """What a baseline did to a run: the findings to show, how many it hid, and its stale entries."""

    findings: list[Finding]
    hidden: int
    stale: list[tuple[Key, int]]


def read(path: Path) -> Counter[Key]:
    """The entries of a baseline file (key → how many times); a bad file is a UsageError in Swedish."""
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UsageError(
            f"{path} finns inte. Skapa den med `naravard lint --baseline {path} --update-baseline`."
        ) from None
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise UsageError(f"{path} kan inte läsas som en baslinje (JSON): {type(error).__name__}.") from None
    entries: Counter[Key] = Counter()
    rows = document.get("varningar") if isinstance(document, dict) else None
    if not isinstance(rows, list):
        raise UsageError(f"{path} är ingen baslinje från naravard: listan `varningar` saknas.")
    for row in rows:
        row = row if isinstance(row, dict) else {}
        code, file, message, count = (row.get(k) for k in ("kod", "fil", "meddelande", "antal"))
        if not (isinstance(code, str) and isinstance(file, str) and isinstance(message, str)):
            raise UsageError(f"{path}: en post i `varningar` saknar kod, fil eller meddelande.")
        entries[(code, file, message)] += count if isinstance(count, int) and count > 0 else 1
    return entries


def apply(findings: Sequence[Finding], baseline: Counter[Key], *, scope: Iterable[str] | None) -> Applied:
    """Leave out the warnings in `baseline`; entries for files in `scope` (all, if None) that matched
    nothing are stale. When a key occurs more often than recorded, the last ones in the file are new."""
    left = Counter(baseline)
    shown: list[Finding] = []
    hidden = 0
    for finding in findings:
        k = key(finding)
        if finding.severity is Severity.WARNING and left[k] > 0:
            left[k] -= 1
            hidden += 1
            continue
        shown.append(finding)
    files = None if scope is None else set(scope)
    stale = sorted((k, n) for k, n in left.items() if n > 0 and (files is None or k[1] in files))
    return Applied(shown, hidden, stale)


def write(path: Path, findings: Iterable[Finding], *, keep: Counter[Key] | None = None) -> int:
    """Record the warnings among `findings` (plus the entries `keep`, for files not checked this time);
    return how many warnings the file holds."""
    entries = Counter(keep or {})
    entries.update(key(f) for f in findings if f.severity is Severity.WARNING)
    rows = [
        {"kod": code, "fil": file, "meddelande": message, "antal": count}
        for (code, file, message), count in sorted(
            entries.items(), key=lambda kv: (kv[0][1], kv[0][0], kv[0][2])
        )
        if count > 0
    ]
    document = {"naravard": __version__, "varningar": rows}
    write_or_fail(path, (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    return sum(entries.values())
