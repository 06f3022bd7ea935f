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


PER_CODE = 20
"""Findings of one code shown per file; the rest are one `… och N till av samma slag` finding (issue 21)."""


def more_of_the_same(extra: int) -> str:
    """The message of the finding that stands for `extra` findings not shown."""
    return f"… och {extra:,} till av samma slag i filen.".replace(",", " ")


@dataclass(frozen=True)
class Finding:
    """One diagnostic: where, how serious, which code, and a Swedish message.

    `more` > 0: the finding stands for that many of the same code in the file, not shown.
    """

    location: Location
    code: str
    message: str
    severity: Severity = Severity.ERROR
    more: int = 0

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        loc = self.location
        return (loc.file, loc.line, loc.column, self.code)


@dataclass(frozen=True)
class CheckResult:
    """All findings of one run, plus how many files were read."""

    findings: tuple[Finding, ...] = field(default_factory=tuple)
    files: int = 0

    @classmethod
    def build(cls, findings: Iterable[Finding], *, files: int) -> CheckResult:
        """Sort and de-duplicate findings (one problem found twice is shown once), and cap them.

        At most PER_CODE findings of one code per file are kept; the rest become one finding
        that says how many more there are, at the first one left out. Output stays
        proportional to the distinct problems, whatever the format.
        """
        unique = {(f.sort_key, f.message, f.severity): f for f in findings}
        kept: list[Finding] = []
        shown: dict[tuple[str, str], int] = {}
        left_out: dict[tuple[str, str], tuple[Finding, int]] = {}
        for f in sorted(unique.values(), key=lambda f: f.sort_key):
            group = (f.location.file, f.code)
            if not f.more and shown.get(group, 0) < PER_CODE:
                shown[group] = shown.get(group, 0) + 1
                kept.append(f)
                continue
            first, extra = left_out.get(group, (f, 0))
            left_out[group] = (first, extra + max(f.more, 1))
        for first, extra in left_out.values():
            kept.append(Finding(first.location, first.code, more_of_the_same(extra), first.severity, extra))
        return cls(tuple(sorted(kept, key=lambda f: f.sort_key)), files)

    @property
    def errors(self) -> int:
        return sum(max(f.more, 1) for f in self.findings if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> int:
        return sum(max(f.more, 1) for f in self.findings if f.severity is Severity.WARNING)

    def exit_code(self, *, strict: bool = False) -> int:
        """0 when clean, 1 when errors (or, with strict, warnings) were found."""
        failing = self.errors + (self.warnings if strict else 0)
        return 1 if failing else 0
