"""Formatters: a `CheckResult` as text for people, JSON for programs, and what CI systems read:
annotations for GitHub Actions, SARIF for code scanning, Code Quality for GitLab, JUnit XML.

A formatter's module is imported when its format is asked for (`formatter`): a pre-commit run
writes text and should not pay for SARIF's or JUnit's imports (issue 18 item 3).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from naravard.findings import CheckResult

Formatter = Callable[[CheckResult, Path, TextIO], None]

FORMATS: dict[str, str] = {
    "text": "text",
    "json": "json_",
    "github": "github",
    "sarif": "sarif",
    "gitlab": "gitlab",
    "junit": "junit",
}
"""Each format's module in naravard.output; each module has a `write` formatter."""


def formatter(name: str) -> Formatter:
    """The formatter of the format `name` (a key of FORMATS)."""
    module = importlib.import_module(f"naravard.output.{FORMATS[name]}")
    write: Formatter = module.write
    return write


__all__ = ["FORMATS", "Formatter", "formatter"]
