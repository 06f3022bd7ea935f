"""Waivers: which `# naravard: ignore[...]` comment or naravard.yaml `undantag` silences a warning.

One place for the matching, so that silencing a warning (api.waive) and telling a
waiver that silences nothing (rule NV391) cannot disagree.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from naravard.findings import Finding, Severity
from naravard.repository import Repository

UNWAIVABLE = ("NV390", "NV391")  # what is wrong with a waiver cannot itself be waived


@dataclass(frozen=True)
class Inline:
    """One code of a `# naravard: ignore[...]` comment: it covers its own line and the next."""

    file: str
    line: int
    column: int
    code: str


@dataclass(frozen=True)
class Configured:
    """The `undantag` at `index` in naravard.yaml."""

    index: int


Waiver = Inline | Configured


def silencers(finding: Finding, repo: Repository, today: date) -> list[Waiver]:
    """Every waiver that silences `finding` on `today` (none for an error)."""
    if finding.severity is not Severity.WARNING or finding.code in UNWAIVABLE:
        return []
    loc = finding.location
    inline = repo.waivers.get(loc.file, {})
    found: list[Waiver] = []
    for line in (loc.line, loc.line - 1):
        column, codes = inline.get(line, (0, ()))
        if finding.code in codes:
            found.append(Inline(loc.file, line, column, finding.code))
    found += [
        Configured(i)
        for i, waiver in enumerate(repo.config.undantag)
        if waiver.covers(finding.code, loc.file, today)
    ]
    return found


def all_waivers(repo: Repository) -> Iterator[Waiver]:
    """Every waiver in the repository, inline ones file by file, then those in naravard.yaml."""
    for rel, comments in repo.waivers.items():
        for line, (column, codes) in comments.items():
            for code in codes:
                yield Inline(rel, line, column, code)
    for i in range(len(repo.config.undantag)):
        yield Configured(i)
