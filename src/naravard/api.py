"""The library behind the CLI: what commands and tests call."""

from __future__ import annotations

import multiprocessing
import sys
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from naravard.diff import RevisionDiff, YearDiff, compare_revisions, compare_years
from naravard.discover import iter_data_files, relative_path, within
from naravard.errors import UsageError
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


def validate(root: Path, paths: Sequence[Path] = ()) -> CheckResult:
    """Validate the whole repository; report only findings in `paths` when some are given."""
    return _run(load_repository(root), paths, warnings=False)


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
    return compare_revisions(old, new, labels=(old_rev, new_rev or "arbetskopian"))


def build_report(
    root: Path,
    year: int | None,
    out: Path,
    *,
    formats: Sequence[str] = ("html", "md"),
    kommuner: Sequence[str] = (),
    progress: Callable[[str], None] | None = None,
) -> list[Path]:
    """Render the report for `year` into `out`; return the files written."""
    from naravard.report.charts import build_charts, chart_workers
    from naravard.report.render import report_name, write_report

    files = list(iter_data_files(root))
    if year is None:
        years = [f.year for f in files if f.kind == "uppfoljning" and f.year is not None]
        if not years:
            raise UsageError("Det finns inga uppföljningar att skriva en rapport om.")
        # A follow-up is written after its year: one for a year still to come (a stray
        # uppfoljning-2099.yaml) is not the latest report.
        this_year = date.today().year
        year = max((y for y in years if y <= this_year), default=max(years))
    if sys.platform == "linux" and len(files) >= parallel.MIN_FILES:
        # A large repository is loaded in a forked child that sends back only the report's
        # context: the memory of the loaded repository goes back to the system when the child
        # ends, before the charts are drawn (issue 9: 563 -> 358 MB for all processes at 290 kommuner).
        with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork")) as child:
            context = child.submit(_report_context, root, year, kommuner).result()
    else:
        context = _report_context(root, year, kommuner)
    _refuse_report_targets(root, out, report_name(context))
    with chart_workers(len(context.kommuner)) as workers:
        charts = build_charts(context, progress=progress, workers=workers)
    return write_report(context, charts, out, formats=formats, templates=root / "templates")


def _refuse_report_targets(root: Path, out: Path, name: str) -> None:
    """UsageError before anything is drawn when the report would be written through a link.

    Inside the repository no folder on the way to `out` may be a link (rapport/ → /somewhere);
    `out` must be a folder, and nothing the report replaces in it a link or no regular file.
    """
    from naravard.atomic import RefusedTarget, refuse_folder, refuse_target

    out, root = out.absolute(), root.absolute()
    try:
        if out.is_relative_to(root):
            refuse_folder(out, root=root)
        elif out.is_symlink():
            raise RefusedTarget(out, f"{out} är en symbolisk länk; naravard skriver inte genom en länk")
        if out.exists() and not out.is_dir():
            raise RefusedTarget(out, f"{out} är ingen mapp; ange en mapp för rapporten med --out")
        refuse_target(out / f"{name}.html")
        refuse_folder(out / name, root=out)
        if (out / name).is_dir():
            for entry in (out / name).iterdir():
                refuse_target(entry)
    except RefusedTarget as exc:
        raise UsageError(f"{exc.strerror}.") from None


def _report_context(root: Path, year: int, kommuner: Sequence[str]) -> ReportContext:
    from naravard import __version__
    from naravard.discover import describe_commit
    from naravard.report.context import build_context

    repo = load_repository(root, until=year)  # later years are not in the report
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
