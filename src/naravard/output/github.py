"""GitHub Actions workflow commands: each finding becomes an inline annotation on the pull request."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from naravard.findings import CheckResult, Severity
from naravard.output.terminal import visible


def _escape_data(text: str) -> str:
    # ESC and other control characters never reach the runner's log (issue 21): written as escapes.
    lines = text.replace("%", "%25").split("\n")
    return "%0A".join(visible(line.replace("\r", "%0D")) for line in lines)


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def write(result: CheckResult, root: Path, stream: TextIO) -> None:
    """One `::error` or `::warning` line per finding."""
    for f in result.findings:
        level = "error" if f.severity is Severity.ERROR else "warning"
        loc = f.location
        props = (
            f"file={_escape_property(loc.file)},line={loc.line},col={loc.column},"
            f"title={_escape_property(f.code)}"
        )
        stream.write(f"::{level} {props}::{_escape_data(f.message)}\n")
