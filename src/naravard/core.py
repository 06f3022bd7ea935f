"""Checking, in one place: load → check → waive → result. The api and every command use it.

`check` runs the rules over a loaded repository, `waive` drops the warnings that a
comment or naravard.yaml silences, `run` does all of it for a repository on disk and
keeps the findings of the files asked about. Nothing here changes the repository it
is given: the day a check runs on is an argument (`today`), not state.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path

from naravard.discover import relative_path, within
from naravard.findings import CheckResult, Finding, Severity
from naravard.repository import Repository, load_repository
from naravard.rules import iter_findings, unused_waiver
from naravard.waivers import silencers

__all__ = ["check", "refuse_personal_data", "result", "run", "waive"]


def check(repo: Repository, *, warnings: bool = False, today: date | None = None) -> list[Finding]:
    """Every finding of a loaded repository: load, schema and rule findings (errors first).

    With `warnings`, the enabled warning rules run too and waived warnings are dropped.
    `today` is the day the check is made on (waivers and NV390 expire by it; default: today).
    The rules also check what could be read of files with schema errors (`for_rules`), so
    every independent mistake of a file is reported in one run; their warnings wait until the
    file reads cleanly, and nothing is said where a part was taken out (that it is missing is
    the schema error's consequence, not a second mistake).
    """
    from naravard.analysis import analysis_findings

    day = today or date.today()
    gaps = {entry.doc.rel: entry.gaps for entry in repo.partial}
    rules = [
        f for f in iter_findings(repo.for_rules(), warnings=warnings, today=day) if _outside_gaps(f, gaps)
    ]
    found = [*repo.findings, *analysis_findings(repo.root, repo.snapshot), *rules]
    if not warnings:
        return found
    return [*waive(found, repo, today=day), *unused_waiver.check(repo, found, day)]


def _outside_gaps(finding: Finding, gaps: dict[str, frozenset[tuple[int, int]]]) -> bool:
    loc = finding.location
    if loc.file not in gaps:
        return True
    return finding.severity is Severity.ERROR and (loc.line, loc.column) not in gaps[loc.file]


def waive(findings: Iterable[Finding], repo: Repository, *, today: date | None = None) -> list[Finding]:
    """Drop warnings that an inline comment or a current waiver in naravard.yaml silences."""
    day = today or date.today()
    return [finding for finding in findings if not silencers(finding, repo, day)]


def result(
    repo: Repository,
    paths: Sequence[Path] = (),
    *,
    warnings: bool,
    today: date | None = None,
    extra: Sequence[Finding] = (),
) -> CheckResult:
    """The checked, waived result of a loaded repository, of the files under `paths` if given.

    `extra`: findings made elsewhere that belong to the result (the history of a `--rev` range).
    """
    findings = [*check(repo, warnings=warnings, today=today), *extra]
    checked = [f.rel for f in repo.files]
    if paths:
        prefixes = [relative_path(repo.root, p) for p in paths]
        findings = [f for f in findings if within(f.location.file, prefixes)]
        checked = [rel for rel in checked if within(rel, prefixes)]
    return CheckResult.build(findings, files=len(checked), checked=checked)


def refuse_personal_data(findings: Iterable[Finding]) -> None:
    """Stop a report or an export while a personnummer stands in the data (NV217)."""
    from naravard.errors import PersonalDataFound
    from naravard.rules import personal_identity_number

    code = personal_identity_number.RULE.code
    places = tuple(
        f"{f.location.file}:{f.location.line}:{f.location.column}" for f in findings if f.code == code
    )
    if places:
        raise PersonalDataFound(places)


def run(
    root: Path, paths: Sequence[Path] = (), *, warnings: bool = False, today: date | None = None
) -> CheckResult:
    """Load the repository at `root`, check it (with `warnings`: lint) and return the result."""
    return result(load_repository(root), paths, warnings=warnings, today=today)
