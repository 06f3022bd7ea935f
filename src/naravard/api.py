"""The library behind the CLI: what commands and tests call."""

from __future__ import annotations

import multiprocessing
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from naravard.diff import RevisionDiff, YearDiff, compare_revisions, compare_years
from naravard.discover import iter_data_files, relative_path, within
from naravard.errors import Refused, UsageError
from naravard.findings import CheckResult, Finding, Severity
from naravard.loader import parallel
from naravard.repository import Repository, load_repository
from naravard.rules import iter_findings
from naravard.suggest import did_you_mean

if TYPE_CHECKING:
    from naravard.report.context import ReportContext

__all__ = [
    "build_report",
    "check",
    "diff_revisions",
    "diff_years",
    "lint",
    "load_repository",
    "stale_schemas",
    "validate",
]


def check(repo: Repository, *, warnings: bool = False) -> list[Finding]:
    """Every finding of a loaded repository: load, schema and rule findings (errors first).

    The rules also check what could be read of files with schema errors (`for_rules`), so
    every independent mistake of a file is reported in one run; their warnings wait until the
    file reads cleanly, and nothing is said where a part was taken out (that it is missing is
    the schema error's consequence, not a second mistake).
    """
    from naravard.report.analysis import analysis_findings

    gaps = {entry.doc.rel: entry.gaps for entry in repo.partial}
    rules = [f for f in iter_findings(repo.for_rules(), warnings=warnings) if _outside_gaps(f, gaps)]
    found = [*repo.findings, *analysis_findings(repo.root), *rules]
    return waive(found, repo) if warnings else found


def _outside_gaps(finding: Finding, gaps: dict[str, frozenset[tuple[int, int]]]) -> bool:
    loc = finding.location
    if loc.file not in gaps:
        return True
    return finding.severity is Severity.ERROR and (loc.line, loc.column) not in gaps[loc.file]


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


def validate(root: Path, paths: Sequence[Path] = ()) -> CheckResult:
    """Validate the whole repository; report only findings in `paths` when some are given."""
    return _run(load_repository(root), paths, warnings=False)


def stale_schemas(root: Path, *, changed_strategy_only: bool = False) -> list[Path]:
    """The files in schemas/ that `naravard schema` would write anew.

    `changed_strategy_only`: say nothing unless a strategy file is newer than the schemas (the
    cheap look validate takes before it compares contents).
    """
    from naravard.authoring.schemas import schema_sources, stale_schema_files, strategy_newer_than_schemas

    if changed_strategy_only and not strategy_newer_than_schemas(root):
        return []
    return stale_schema_files(schema_sources(root), root / "schemas")


def lint(root: Path, paths: Sequence[Path] = (), *, today: date | None = None) -> CheckResult:
    """Validate and add the quality warnings, less those waived."""
    repo = load_repository(root)
    if today is not None:
        repo.today = today
    return _run(repo, paths, warnings=True)


def diff_years(root: Path, year_a: int, year_b: int, kommuner: Sequence[str] = ()) -> YearDiff:
    """Compare every kommun's follow-up of two years (or only `kommuner`)."""
    repo = load_repository(root, until=max(year_a, year_b))
    known = repo.kommun_ids()
    for kommun in kommuner:
        if kommun not in known:
            raise UsageError(f"Kommunen `{kommun}` finns inte i strategin.{did_you_mean(kommun, known)}")
    return compare_years(repo, year_a, year_b, kommuner)


def diff_revisions(root: Path, spec: str) -> RevisionDiff:
    """Compare two git revisions (`A..B`), or a revision with the working tree (`A`)."""
    old_rev, _, new_rev = spec.partition("..")
    if not old_rev:
        raise UsageError("Ange en git-version, t.ex. --rev main..HEAD eller --rev HEAD~1.")
    old = load_repository(root, revision=old_rev)
    new = load_repository(root, revision=new_rev) if new_rev else load_repository(root)
    errors = Counter(f.location.file for f in check(new) if f.severity is Severity.ERROR)
    return compare_revisions(old, new, labels=(old_rev, new_rev or "arbetskopian"), errors=errors)


def build_report(
    root: Path,
    year: int | None,
    out: Path,
    *,
    formats: Sequence[str] = ("html", "md"),
    kommuner: Sequence[str] = (),
    progress: Callable[[str], None] | None = None,
    strict: bool = False,
    own_templates: bool = False,
    notice: Callable[[str], None] | None = None,
) -> list[Path]:
    """Render the report for `year` into `out`; return the files written.

    `strict`: write nothing and raise `Refused` while a warning questions what the report shows.
    `own_templates`: use the repository's templates/ (only when the caller trusts them).
    `notice` hears, in Swedish, which files have errors and were left out.
    """
    from naravard.report.charts import build_charts, chart_workers
    from naravard.report.render import write_report

    files = list(iter_data_files(root))
    if year is None:
        year = _report_year(root)
    if sys.platform == "linux" and len(files) >= parallel.MIN_FILES:
        # A large repository is loaded in a forked child that sends back only the report's
        # context: the memory of the loaded repository goes back to the system when the child
        # ends, before the charts are drawn (issue 9: 563 -> 358 MB for all processes at 290 kommuner).
        with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork")) as child:
            context = child.submit(_report_context, root, year, kommuner).result()
    else:
        context = _report_context(root, year, kommuner)
    if notice is not None:
        for bad in context.error_files:
            left = (
                "lämnades utanför rapporten" if bad.left_out else "finns med i rapporten men behöver rättas"
            )
            notice(f"{bad.file}: {bad.errors} fel, {left} (naravard validate {bad.file}).")
    if strict and context.caveats:
        raise Refused(
            [f"{c.file}:{c.line}:{c.column}: {c.code} {c.kommun}: {c.message}" for c in context.caveats]
        )
    with chart_workers(len(context.kommuner)) as workers:
        charts = build_charts(context, progress=progress, workers=workers)
    templates = root / "templates" if own_templates else None
    return write_report(context, charts, out, formats=formats, templates=templates)


def _report_year(root: Path) -> int:
    """The latest year with a follow-up handed in without errors (a draft is not handed in);
    the latest year with any follow-up when none is."""
    from naravard.submission import followup_years, latest_submitted_year

    repo = load_repository(root)
    years = followup_years(repo)
    if not years:
        raise UsageError("Det finns inga uppföljningar att skriva en rapport om.")
    return latest_submitted_year(repo, check(repo)) or years[-1]


def _report_context(root: Path, year: int, kommuner: Sequence[str]) -> ReportContext:
    from naravard import __version__
    from naravard.discover import describe_commit
    from naravard.report.context import build_context

    repo = load_repository(root, until=year)  # later years are not in the report
    known = repo.kommun_ids()
    for kommun in kommuner:
        if kommun not in known:
            raise UsageError(f"Kommunen `{kommun}` finns inte i strategin.{did_you_mean(kommun, known)}")
    findings = check(repo, warnings=True)  # errors and the unwaived warnings: the report's caveats
    return build_context(
        repo, findings, year, focus=kommuner, commit=describe_commit(root), version=__version__
    )


def _run(repo: Repository, paths: Sequence[Path], *, warnings: bool) -> CheckResult:
    findings = check(repo, warnings=warnings)
    checked = [f.rel for f in repo.files]
    if paths:
        prefixes = [relative_path(repo.root, p) for p in paths]
        findings = [f for f in findings if within(f.location.file, prefixes)]
        checked = [rel for rel in checked if within(rel, prefixes)]
    return CheckResult.build(findings, files=len(checked), checked=checked)
