"""Findings: what every check returns, as immutable values.

A finding is one problem in one file at one position. Checks yield them;
only `output/` turns them into text.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum


class Severity(StrEnum):
    """How serious a finding is. `error` fails validate; `warning` only lint --strict."""

    ERROR = "error"
    WARNING = "warning"

    @property
    def swedish(self) -> str:
        """The word shown to a person."""
        return "fel" if self is Severity.ERROR else "varning"


@dataclass(frozen=True, order=True)
class Location:
    """A 1-based line and column in a file (relative to the repository root, `/`-separated)."""

    file: str
    line: int = 1
    column: int = 1


@dataclass(frozen=True)
class Finding:
    """One diagnostic: where, how serious, which code, and a Swedish message."""

    location: Location
    code: str
    message: str
    severity: Severity = Severity.ERROR

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        loc = self.location
        return (loc.file, loc.line, loc.column, self.code)


@dataclass(frozen=True)
class CheckResult:
    """All findings of one run, plus how many files were read (and which: `checked`)."""

    findings: tuple[Finding, ...] = field(default_factory=tuple)
    files: int = 0
    checked: tuple[str, ...] = field(default_factory=tuple)

    @classmethod
    def build(cls, findings: Iterable[Finding], *, files: int, checked: Iterable[str] = ()) -> CheckResult:
        """Sort and de-duplicate findings (one problem found twice is shown once)."""
        unique = {(f.sort_key, f.message, f.severity): f for f in findings}
        return cls(tuple(sorted(unique.values(), key=lambda f: f.sort_key)), files, tuple(checked))

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> int:
        return sum(1 for f in self.findings if f.severity is Severity.WARNING)

    def exit_code(self, *, strict: bool = False) -> int:
        """0 when clean, 1 when errors (or, with strict, warnings) were found."""
        failing = self.errors + (self.warnings if strict else 0)
        return 1 if failing else 0
