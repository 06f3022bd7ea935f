"""The JSON shape fixed by shared/FORMAT.md § Diagnostics, plus the naravard version."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TextIO

from naravard import __version__
from naravard.findings import CheckResult


def write(result: CheckResult, root: Path, stream: TextIO) -> None:
    """Write the result as one JSON document."""
    document = {
        "version": __version__,
        "diagnostics": [
            {
                "file": f.location.file,
                "line": f.location.line,
                "column": f.location.column,
                "severity": f.severity.value,
                "code": f.code,
                "message": f.message,
            }
            for f in result.findings
        ],
        "summary": {"files": result.files, "errors": result.errors, "warnings": result.warnings},
    }
    stream.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
