"""The library behind the CLI: one documented function per command, what commands and tests call.

| command | function |
|---|---|
| validate, lint | `validate`, `lint` (and `check`, `waive` on a loaded repository) |
| diff | `diff_years`, `diff_revisions` |
| report | `build_report` |
| new uppfoljning, new plan | `new_followup`, `new_plan` |
| fmt | `fmt` (then `write_formatted`) |
| fix | `fix` (then `write_fixes`) |
| migrate | `migrate` (then `write_migration`) |
| schema | `schema` |
| init | `init` |
| kolada hamta, kolada import | `kolada_fetch`, `kolada_import` |
| export | `export` |

Each takes the repository's root (the folder with data/) and returns values: findings,
results and paths, never printed text. A usage problem (an unknown kommun, a bad
revision) is a `naravard.errors.UsageError` with a Swedish message. Nothing here keeps
state between calls or changes what it was given.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from naravard import core
from naravard.core import check, waive
from naravard.errors import Refused, UsageError
from naravard.findings import CheckResult, Finding, Severity
from naravard.repository import Repository, later_than, load_repository
from naravard.suggest import did_you_mean

if TYPE_CHECKING:
    from naravard.authoring.fix import FileFixes, FixRun
    from naravard.authoring.fmt import Formatted
    from naravard.authoring.migrate import Migration
    from naravard.diff import RevisionDiff, YearDiff
    from naravard.export.run import ExportResult, Format
    from naravard.kolada.client import KoladaClient, Progress
    from naravard.kolada.importing import ImportResult
    from naravard.loader.cache import ParseCache
    from naravard.report.context import ReportContext

__all__ = [
    "build_report",
    "check",
    "diff_revisions",
    "diff_years",
    "export",
    "fix",
    "fmt",
    "init",
    "kolada_fetch",
    "kolada_import",
    "lint",
    "load_repository",
    "migrate",
    "new_followup",
    "new_plan",
    "schema",
    "stale_schemas",
    "validate",
    "waive",
    "write_fixes",
    "write_formatted",
    "write_migration",
]


def validate(
    root: Path,
    paths: Sequence[Path] = (),
    *,
    rev: str | None = None,
    cache: ParseCache | None = None,
    keep: Callable[[Repository], object] | None = None,
) -> CheckResult:
    """`naravard validate`: check the whole repository; report only findings in `paths` if given.

    With `rev` (`A..B`, or `A` for A to the working tree) revision B is checked, and every
    commit of the range is searched for personnummer (naravard.history). With a `cache`,
    files parsed before are not parsed again; the result is the same. `keep` is given the
    loaded repository (the CLI keeps it to the end of its process: see naravard.cli.ending).
    """
    repo, history = _load_range(root, rev, cache, keep)
    return core.result(repo, paths, warnings=False, extra=history)


def lint(
    root: Path,
    paths: Sequence[Path] = (),
    *,
    today: date | None = None,
    rev: str | None = None,
    cache: ParseCache | None = None,
    keep: Callable[[Repository], object] | None = None,
) -> CheckResult:
    """`naravard lint`: validate and add the quality warnings, less those waived, as of `today`."""
    repo, history = _load_range(root, rev, cache, keep)
    return core.result(repo, paths, warnings=True, today=today, extra=history)


def _load_range(
    root: Path,
    rev: str | None,
    cache: ParseCache | None = None,
    keep: Callable[[Repository], object] | None = None,
) -> tuple[Repository, list[Finding]]:
    if rev is None:
        repo, history = load_repository(root, cache=cache), []
    else:
        from naravard.history import check_history, split_range

        tip = split_range(rev)[1]
        history = check_history(root, rev)
        repo = load_repository(root, revision=tip) if tip else load_repository(root)
    if keep is not None:
        keep(repo)
    return repo, history


def stale_schemas(root: Path, *, changed_strategy_only: bool = False, out: Path | None = None) -> list[Path]:
    """The files in schemas/ (or `out`) that `naravard schema` would write anew.

    `changed_strategy_only`: say nothing unless a strategy file is newer than the schemas (the
    cheap look validate takes before it compares contents).
    """
    from naravard.authoring.schemas import schema_sources, stale_schema_files, strategy_newer_than_schemas

    if changed_strategy_only and not strategy_newer_than_schemas(root):
        return []
    return stale_schema_files(schema_sources(root), out or root / "schemas")


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
    errors = Counter(f.location.file for f in core.check(new) if f.severity is Severity.ERROR)
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
    jobs: int | None = None,
    cache: ParseCache | None = None,
) -> list[Path]:
    """Render the report for `year` into `out`; return the files written.

    `jobs` is the number of worker processes for loading and for the charts (default: chosen
    by the size of the repository, see naravard.workers). With a `cache`, files parsed before
    are not parsed again (as for `validate`); the report is the same.

    `strict`: write nothing and raise `Refused` while a warning questions what the report shows.
    `own_templates`: use the repository's templates/ (only when the caller trusts them).
    `notice` hears, in Swedish, which files have errors and were left out.
    """
    from naravard.report.charts import build_charts
    from naravard.report.render import report_name, write_report

    if "pdf" in formats:  # before anything is loaded or drawn
        from naravard.report.pdf import weasyprint_or_refuse

        weasyprint_or_refuse()
    # The repository is dropped when its context is made: the chart workers are fresh
    # processes (naravard.workers), so none of them holds a copy of it either.
    context = _report_context(root, year, kommuner, jobs, cache)
    _refuse_report_targets(root, out, report_name(context))
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
    charts = build_charts(context, progress=progress, jobs=jobs)
    templates = root / "templates" if own_templates else None
    return write_report(context, charts, out, formats=formats, templates=templates)


def _report_year(repo: Repository, findings: Sequence[Finding]) -> int:
    """The latest year with a follow-up handed in without errors (a draft is not handed in);
    the latest year with any follow-up when none is. `findings`: the repository's, whose errors count."""
    from naravard.submission import followup_years, latest_submitted_year

    years = followup_years(repo)
    if not years:
        raise UsageError("Det finns inga uppföljningar att skriva en rapport om.")
    # A follow-up is written after its year: one for a year still to come (a stray
    # uppfoljning-2099.yaml) is not the latest report.
    this_year = date.today().year
    return latest_submitted_year(repo, findings) or max(
        (y for y in years if y <= this_year), default=years[-1]
    )


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


def _report_context(
    root: Path, year: int | None, kommuner: Sequence[str], jobs: int | None, cache: ParseCache | None = None
) -> ReportContext:
    from naravard import __version__
    from naravard.discover import describe_commit
    from naravard.report.context import build_context

    repo = load_repository(root, until=year, jobs=jobs, cache=cache)  # later years are not in the report
    # Errors and the unwaived warnings: the report's caveats (and, without a year, what chooses it).
    findings: list[Finding] | None = None
    if year is None:  # the whole repository is loaded to choose the year: once, not twice
        findings = core.check(repo, warnings=True)
        year = _report_year(repo, findings)
        if any(later_than(file, year) for file in repo.files):  # rare: a year after the report's
            repo, findings = load_repository(root, until=year, jobs=jobs, cache=cache), None
    known = repo.kommun_ids()
    for kommun in kommuner:
        if kommun not in known:
            raise UsageError(f"Kommunen `{kommun}` finns inte i strategin.{did_you_mean(kommun, known)}")
    if findings is None:
        findings = core.check(repo, warnings=True)
    core.refuse_personal_data(findings)
    return build_context(
        repo, findings, year, focus=kommuner, commit=describe_commit(root), version=__version__
    )


def new_followup(root: Path, kommun: str, year: int) -> str:
    """`naravard new uppfoljning`: create the year's follow-up of `kommun`; its path from the root."""
    from naravard.authoring.new_followup import followup_scaffold
    from naravard.authoring.scaffold import create

    scaffold = followup_scaffold(load_repository(root), kommun, year)
    create(root, scaffold)
    return scaffold.rel


def new_plan(root: Path, kommuner: Sequence[str], *, fran: int | None = None, till: int | None = None) -> str:
    """`naravard new plan`: create a (joint) local plan in the first kommun's folder; its path."""
    from naravard.authoring.new_plan import plan_scaffold
    from naravard.authoring.scaffold import create

    scaffold = plan_scaffold(load_repository(root), list(kommuner), fran=fran, till=till)
    create(root, scaffold)
    return scaffold.rel


def fmt(root: Path, paths: Sequence[Path] = ()) -> list[Formatted]:
    """`naravard fmt`: every file (under `paths`) formatted in memory; `write_formatted` writes one."""
    from naravard.authoring.fmt import format_paths

    return format_paths(root, paths)


def write_formatted(result: Formatted) -> bool:
    """Write one formatted file atomically; False when it changed meanwhile (nothing written)."""
    from naravard.authoring import fmt as formatting

    return formatting.write_formatted(result)


def fix(root: Path, paths: Sequence[Path] = (), *, recode: bool = False) -> FixRun:
    """`naravard fix`: every safe fix under `paths`, to the end, proved in memory; `write_fixes` writes.

    With `recode`, files saved as Windows-1252 or UTF-16 are converted to UTF-8 first.
    """
    from naravard.authoring.fix import run_fix
    from naravard.discover import relative_path

    return run_fix(root, [relative_path(root, p) for p in paths], recode=recode)


def write_fixes(root: Path, outcome: FileFixes) -> bool:
    """Write one file's fixes atomically; False when it changed meanwhile (nothing written)."""
    from naravard.authoring import fix as fixing

    return fixing.write_fixes(root, outcome)


def migrate(root: Path, paths: Sequence[Path] = ()) -> list[Migration]:
    """`naravard migrate`: the follow-ups' renames by the strategy's `ersatter`; `write_migration` writes."""
    from naravard.authoring.migrate import plan_migrations
    from naravard.discover import relative_path

    return plan_migrations(load_repository(root), [relative_path(root, p) for p in paths])


def write_migration(migration: Migration) -> bool:
    """Write one migrated file atomically; False when it changed meanwhile (nothing written)."""
    from naravard.authoring import migrate as migrating

    return migrating.write_migration(migration)


def schema(root: Path, out: Path | None = None) -> list[tuple[Path, bool]]:
    """`naravard schema`: write the editor's JSON schemas (to `out`, default schemas/); (path, changed)."""
    from naravard.authoring.schemas import schema_sources, write_schema_files

    return write_schema_files(schema_sources(root), out or root / "schemas")


def init(directory: Path, region: str, *, examples: bool = False) -> list[Path]:
    """`naravard init`: a new data repository from a region's template; the files written."""
    from naravard.authoring.init import init_repository

    return init_repository(directory, region=region, examples=examples)


def kolada_fetch(
    root: Path,
    year: int,
    kommuner: Sequence[str] = (),
    *,
    client: KoladaClient,
    progress: Progress | None = None,
) -> ImportResult:
    """`naravard kolada hamta`: fetch the year's nyckeltal from Kolada into nyckeltal-ÅR.yaml."""
    from naravard.kolada.importing import fetch_year

    return fetch_year(root, year, kommuner, client=client, progress=progress)


def kolada_import(root: Path, files: Sequence[Path]) -> list[ImportResult]:
    """`naravard kolada import`: read saved Kolada responses into nyckeltal-ÅR.yaml, per year."""
    from naravard.kolada.importing import import_files

    return import_files(root, files)


def export(
    root: Path, year: int, *, output_format: Format = "xlsx", out: Path | None = None, dialect: str = "excel"
) -> ExportResult:
    """`naravard export`: the year's tables as xlsx or csv; nothing is written while there are errors."""
    from naravard.export.run import export_year

    return export_year(root, year, output_format=output_format, out=out, dialect=dialect)
