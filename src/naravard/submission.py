"""Has a kommun handed in its follow-up for a year? One definition for `naravard status` and the report.

- saknas: there is no file `data/kommuner/<kommun>/uppfoljning-<år>.yaml`.
- utkast: the file is there but no självskattning is filled in yet, as `naravard new
  uppfoljning` leaves it (a draft; its empty scores are errors until they are filled in).
- har fel: the file is there, filled in, and has errors (`naravard validate` shows them).
- inlämnad: the file is there without errors; its `inlamnad` date is shown when it has one.

Which files a year's export or report depends on (`year_scope`) is defined here too: errors in
other years' files do not stop them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from naravard.discover import CONFIG_NAME, DataFile, Kind
from naravard.findings import Finding, Severity

if TYPE_CHECKING:  # the repository asks `is_draft` of each follow-up it loads
    from naravard.repository import Repository


class Status(StrEnum):
    """A follow-up's state; the values are what JSON and the report's cells use."""

    SAKNAS = "saknas"
    UTKAST = "utkast"
    FEL = "fel"
    INLAMNAD = "inlamnad"

    @property
    def words(self) -> str:
        """The words shown to a person."""
        return _WORDS[self]


_WORDS = {
    Status.SAKNAS: "saknas",
    Status.UTKAST: "utkast",
    Status.FEL: "har fel",
    Status.INLAMNAD: "inlämnad",
}


@dataclass(frozen=True)
class Submission:
    """One kommun's follow-up for one year."""

    kommun: str
    year: int
    status: Status
    file: str | None = None
    errors: int = 0
    inlamnad: date | None = None


def is_draft(value: Any) -> bool:
    """True for a follow-up's values whose självskattning lists scores but fills in none of them."""
    scores = value.get("sjalvskattning") if isinstance(value, dict) else None
    if not isinstance(scores, dict) or not scores:
        return False
    return all(
        score is None or (isinstance(score, dict) and score.get("varde") is None) for score in scores.values()
    )


def errors_by_file(findings: Iterable[Finding]) -> Counter[str]:
    """How many errors each file has."""
    return Counter(f.location.file for f in findings if f.severity is Severity.ERROR)


def submission(repo: Repository, errors: Counter[str], kommun: str, year: int) -> Submission:
    """The state of `kommun`'s follow-up for `year` (`errors` from `errors_by_file`)."""
    rel = repo.followup_files().get((kommun, year))
    if rel is None:
        return Submission(kommun, year, Status.SAKNAS)
    if rel in repo.drafts:
        return Submission(kommun, year, Status.UTKAST, rel, errors.get(rel, 0))
    if errors.get(rel):
        return Submission(kommun, year, Status.FEL, rel, errors[rel])
    entry = repo.followup_for(kommun, year)
    handed_in = entry.model.inlamnad if entry is not None and entry.doc.rel == rel else None
    return Submission(kommun, year, Status.INLAMNAD, rel, 0, handed_in)


def followup_years(repo: Repository) -> list[int]:
    """Every year that some kommun has a follow-up file for."""
    return sorted({f.year for f in repo.files if f.kind is Kind.FOLLOWUP and f.year is not None})


def latest_submitted_year(repo: Repository, findings: Sequence[Finding]) -> int | None:
    """The latest year with at least one follow-up handed in without errors (not a draft)."""
    errors = errors_by_file(findings)
    for year in reversed(followup_years(repo)):
        kommuner = {f.folder for f in repo.files if f.kind is Kind.FOLLOWUP and f.year == year and f.folder}
        if any(submission(repo, errors, k, year).status is Status.INLAMNAD for k in sorted(kommuner)):
            return year
    return None


_YEAR = re.compile(r"(?<![0-9])(19|20)[0-9]{2}(?![0-9])")


def year_scope(repo: Repository, year: int) -> set[str]:
    """The files a year's export or report depends on: its follow-ups, Kolada import and
    handlingsplan, the plans covering it, the strategy revision in force, and naravard.yaml.
    A strategy or plan that did not load is in scope (what it covers is unknown), and so is a
    misnamed file unless its name holds another year."""
    scope = {CONFIG_NAME}
    revision = repo.revision_for(year)
    if revision is not None:
        scope.add(revision.doc.rel)
    loaded = {e.doc.rel for e in (*repo.strategies, *repo.plans)}
    scope |= {p.doc.rel for p in repo.plans if p.model.period.fran <= year <= p.model.period.till}
    scope |= {f.rel for f in repo.files if _depends(f, year, loaded)}
    return scope


def _depends(f: DataFile, year: int, loaded: set[str]) -> bool:
    if f.kind in (Kind.STRATEGY, Kind.PLAN):
        return f.rel not in loaded
    if f.kind in (Kind.FOLLOWUP, Kind.NYCKELTAL, Kind.HANDLINGSPLAN):
        return f.year == year
    return {int(m.group()) for m in _YEAR.finditer(f.rel)} <= {year}


@dataclass(frozen=True)
class Row:
    """One kommun's follow-ups, one per year of the matrix."""

    kommun: str
    namn: str
    cells: tuple[Submission, ...]


def matrix(repo: Repository, findings: Sequence[Finding], years: Sequence[int]) -> list[Row]:
    """Every kommun of the strategy revisions in force for `years` × those years."""
    errors = errors_by_file(findings)
    names: dict[str, str] = {}
    for entry in repo.revisions_for(years):
        for k in entry.model.kommuner:
            names.setdefault(k.id, k.namn)
    return [
        Row(kommun, namn, tuple(submission(repo, errors, kommun, year) for year in years))
        for kommun, namn in names.items()
    ]
