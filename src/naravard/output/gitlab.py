"""GitLab Code Quality (the merge request's widget): a JSON list with one issue per finding.

Each issue has the fields GitLab reads: `description`, `check_name` (the code), `fingerprint`
(naravard.fingerprint: the same finding gets the same one in every run, so GitLab tells new
findings from old), `severity` (an error is `major`, a warning `minor`), `location.path`
relative to the repository root and `location.lines.begin`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, TextIO

from naravard.findings import CheckResult, Severity
from naravard.fingerprint import fingerprints

_SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor"}


def issues(result: CheckResult) -> list[dict[str, Any]]:
    """The Code Quality issues as JSON-ready values."""
    return [
        {
            "description": f"{finding.code} {finding.message}",
            "check_name": finding.code,
            "fingerprint": fingerprint,
            "severity": _SEVERITY[finding.severity],
            "location": {"path": finding.location.file, "lines": {"begin": max(finding.location.line, 1)}},
        }
        for finding, fingerprint in zip(result.findings, fingerprints(result.findings), strict=True)
    ]


def write(result: CheckResult, root: Path, stream: TextIO) -> None:
    """Write the report as one JSON list."""
    stream.write(json.dumps(issues(result), ensure_ascii=False, indent=2) + "\n")
