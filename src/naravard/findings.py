"""Findings: what every check returns, as immutable values.

A finding is one problem in one file at one position. Besides its Swedish message it
carries, as data, what a program needs: the nearest valid value (`suggestion`), the edit
that repairs it (`fix`) and the values its message is made from (`values`). Nothing
reads a message to find them. Checks yield findings; only `output/` turns them into text.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from naravard.loader import SourceDocument
    from naravard.suggest import Guess


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


class FixKind(StrEnum):
    """The kinds of repair `naravard fix` makes (the word shown beside each)."""

    SPELLING = "stavning"
    DECIMAL = "decimalkomma"
    THOUSANDS = "tusentalsmellanslag"
    QUOTES = "citattecken"
    CASE = "gemener"
    HIDDEN = "osynligt tecken"
    WHOLE = "heltal"
    DATE = "datumform"
    SPACE = "mellanslag"
    INDENT = "indrag"
    LIST = "lista"


@dataclass(frozen=True)
class Edit:
    """The edit that repairs a finding: at its location the text `old` becomes `new`.

    The span is the finding's location up to `len(old)` characters on the same line;
    `naravard fix` makes the edit only where exactly `old` stands there.
    """

    old: str
    new: str
    kind: FixKind


PER_CODE = 20
"""Findings of one code shown per file; the rest are one `… och N till av samma slag` finding (issue 21)."""


def more_of_the_same(extra: int) -> str:
    """The message of the finding that stands for `extra` findings not shown."""
    return f"… och {extra:,} till av samma slag i filen.".replace(",", " ")


@dataclass(frozen=True)
class Finding:
    """One diagnostic: where, how serious, which code, a Swedish message and its data.

    `more` > 0: the finding stands for that many of the same code in the file, not shown.
    """

    location: Location
    code: str
    message: str
    severity: Severity = Severity.ERROR
    more: int = 0
    suggestion: str | None = field(default=None, kw_only=True)
    """The nearest valid value (a did-you-mean), when there is exactly one."""
    fix: Edit | None = field(default=None, kw_only=True)
    """The edit that repairs the finding without judgement, when there is one."""
    values: tuple[tuple[str, str], ...] = field(default=(), kw_only=True)
    """The values the message is made from, by name (what was typed, what was expected)."""

    def value(self, name: str) -> str | None:
        """One of the values the message is made from."""
        return dict(self.values).get(name)

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
        return cls(tuple(sorted(kept, key=lambda f: f.sort_key)), files, tuple(checked))

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


@dataclass(frozen=True)
class Code:
    """A diagnostic code: id, kebab-case name, one-line summary and its Markdown documentation.

    Each code is a constant beside the code that emits it (the loader, the model, one
    module per rule); `naravard.codes` collects them and writes docs/rules.md.
    """

    code: str
    name: str
    summary: str
    severity: Severity = Severity.ERROR
    doc: str = field(default="", kw_only=True)
    fixes: str = field(default="", kw_only=True)
    """What `naravard fix` repairs for this code, in Swedish; empty when it repairs nothing."""

    def at(
        self,
        location: Location,
        message: str,
        *,
        suggestion: str | None = None,
        fix: Edit | None = None,
        values: tuple[tuple[str, str], ...] = (),
        guess: Guess | None = None,
    ) -> Finding:
        """A finding of this code, with this code's severity.

        With `guess`, the finding carries its suggestion, its spelling fix and both words.
        """
        if guess is not None:
            suggestion = suggestion or guess.nearest
            fix = fix or guess.fix
            values = (*guess.values, *values)
        return Finding(
            location, self.code, message, self.severity, suggestion=suggestion, fix=fix, values=values
        )

    def on(
        self,
        doc: SourceDocument,
        path: tuple[Any, ...],
        message: str,
        *,
        key: bool = False,
        guess: Guess | None = None,
        fix: Edit | None = None,
        values: tuple[tuple[str, str], ...] = (),
        suggestion: str | None = None,
    ) -> Finding:
        """A finding of this code at `path` in a document (its key with `key`).

        With `guess`, the finding carries the suggestion and the spelling fix.
        """
        location = doc.at(path, key=key)
        return self.at(location, message, guess=guess, fix=fix, values=values, suggestion=suggestion)
