"""Formatters: a `CheckResult` as text for people, JSON for programs, annotations for GitHub."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from naravard.findings import CheckResult
from naravard.output import github, json_, text

Formatter = Callable[[CheckResult, Path, TextIO], None]

FORMATTERS: dict[str, Formatter] = {
    "text": text.write,
    "json": json_.write,
    "github": github.write,
}

__all__ = ["FORMATTERS", "Formatter"]
