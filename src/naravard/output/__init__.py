"""Formatters: a `CheckResult` as text for people, JSON for programs, and what CI systems read:
annotations for GitHub Actions, SARIF for code scanning, Code Quality for GitLab, JUnit XML."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from naravard.findings import CheckResult
from naravard.output import github, gitlab, json_, junit, sarif, text

Formatter = Callable[[CheckResult, Path, TextIO], None]

FORMATTERS: dict[str, Formatter] = {
    "text": text.write,
    "json": json_.write,
    "github": github.write,
    "sarif": sarif.write,
    "gitlab": gitlab.write,
    "junit": junit.write,
}

__all__ = ["FORMATTERS", "Formatter"]
