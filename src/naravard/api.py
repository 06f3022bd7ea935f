"""The library behind the CLI: what commands and tests call."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from naravard.discover import iter_data_files, relative_path, within
from naravard.errors import UsageError
from naravard.findings import CheckResult, Finding, Severity
from naravard.repository import Repository, load_repository
from naravard.rules import iter_findings
from naravard.suggest import did_you_mean

if TYPE_CHECKING:
    from naravard.diff import RevisionDiff, YearDiff
    from naravard.loader.cache import ParseCache
    from naravard.report.context import ReportContext

__all__ = [
    "build_report",
    "check",
    "diff_revisions",
    "diff_years",
    "lint",
    "load_repository",
    "validate",
]


def check(repo: Repository, *, warnings: bool = False) -> list[Finding]:
    """Every finding of a loaded repository: load, schema and rule findings (errors first)."""
    found = [*repo.findings, *iter_findings(repo, warnings=warnings)]
    return waive(found, repo) if warnings else found


def waive(findings: Iterable[Finding], repo: Repository) -> list[Finding]:
    """Drop warnings that an inline comment or a current waiver in naravard.yaml silences."""
    kept = []
    for finding in findings:
        loc = finding.location
        if finding.severity is Severity.WARNING and finding.code != "NV390":
            inline = repo.waivers.get(loc.file, {})
            codes = (*inline.get(loc.line, (0, ()))[1], *inline.get(loc.line - 1, (0, ()))[1])
            if finding.code in codes:
                continue
            if any(w.covers(finding.code, loc.file, repo.today) for w in repo.config.undantag):
                continue
        kept.append(finding)
    return kept


def validate(root: Path, paths: Sequence[Path] = (), *, cache: ParseCache | None = None) -> CheckResult:
    """Validate the whole repository; report only findings in `paths` when some are given.

    With a `cache`, files parsed before are not parsed again; the result is the same.
    """
    return _run(load_repository(root, cache=cache), paths, warnings=False)


def lint(
    root: Path, paths: Sequence[Path] = (), *, today: date | None = None, cache: ParseCache | None = None
) -> CheckResult:
    """Validate and add the quality warnings, less those waived."""
    repo = load_repository(root, cache=cache)
    if today is not None:
        repo.today = today
    return _run(repo, paths, warnings=True)


def diff_years(root: Path, year_a: int, year_b: int, kommuner: Sequence[str] = ()) -> YearDiff:
    """Compare every kommun's follow-up of two years (or only `kommuner`)."""
    from naravard.diff import compare_years  # imported here: validate and lint do without it

    repo = load_repository(root, until=max(year_a, year_b))
    known = repo.kommun_ids()
    for kommun in kommuner:
        if kommun not in known:
            raise UsageError(f"Kommunen `{kommun}` finns inte i strategin.{did_you_mean(kommun, known)}")
    return compare_years(repo, year_a, year_b, kommuner)


def diff_revisions(root: Path, spec: str) -> RevisionDiff:
    """Compare two git revisions (`A..B`), or a revision with the working tree (`A`)."""
    from naravard.diff import compare_revisions

    old_rev, _, new_rev = spec.partition("..")
    if not old_rev:
        raise UsageError("Ange en git-version, t.ex. --rev main..HEAD eller --rev HEAD~1.")
    old = load_repository(root, revision=old_rev)
    new = load_repository(root, revision=new_rev) if new_rev else load_repository(root)
    return compare_revisions(old, new, labels=(old_rev, new_rev or "arbetskopian"))


def build_report(
    root: Path,
    year: int | None,
    out: Path,
    *,
    formats: Sequence[str] = ("html", "md"),
    kommuner: Sequence[str] = (),
    progress: Callable[[str], None] | None = None,
    jobs: int | None = None,
) -> list[Path]:
    """Render the report for `year` into `out`; return the files written.

    `jobs` is the number of worker processes for loading and for the charts (default: chosen
    by the size of the repository, see naravard.workers).
    """
    from naravard.report.charts import build_charts
    from naravard.report.render import write_report

    files = list(iter_data_files(root))
    if year is None:
        years = [f.year for f in files if f.kind == "uppfoljning" and f.year is not None]
        if not years:
            raise UsageError("Det finns inga uppföljningar att skriva en rapport om.")
        year = max(years)
    # The repository is dropped when its context is made: the chart workers are fresh
    # processes (naravard.workers), so none of them holds a copy of it either.
    context = _report_context(root, year, kommuner, jobs)
    charts = build_charts(context, progress=progress, jobs=jobs)
    return write_report(context, charts, out, formats=formats, templates=root / "templates")


def _report_context(root: Path, year: int, kommuner: Sequence[str], jobs: int | None) -> ReportContext:
    from naravard import __version__
    from naravard.discover import describe_commit
    from naravard.report.context import build_context

    repo = load_repository(root, until=year, jobs=jobs)  # later years are not in the report
    known = repo.kommun_ids()
    for kommun in kommuner:
        if kommun not in known:
            raise UsageError(f"Kommunen `{kommun}` finns inte i strategin.{did_you_mean(kommun, known)}")
    findings = check(repo)
    return build_context(
        repo, findings, year, focus=kommuner, commit=describe_commit(root), version=__version__
    )


def _run(repo: Repository, paths: Sequence[Path], *, warnings: bool) -> CheckResult:
    findings = check(repo, warnings=warnings)
    files = len(repo.files)
    if paths:
        prefixes = [relative_path(repo.root, p) for p in paths]
        findings = [f for f in findings if within(f.location.file, prefixes)]
        files = sum(1 for f in repo.files if within(f.rel, prefixes))
    return CheckResult.build(findings, files=files)
