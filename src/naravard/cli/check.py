"""`naravard validate` and `naravard lint`: check the repository and print the findings."""

import enum
import os
import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from naravard.cli import ending
from naravard.cli.app import CacheOption, RootOption, app, count, fail, parse_cache, repository_root
from naravard.errors import UsageError

if TYPE_CHECKING:  # findings are loaded with the check, not for --help
    from naravard.findings import CheckResult


class Format(enum.StrEnum):
    """Output formats of validate and lint (the keys of naravard.output.FORMATS)."""

    text = "text"
    json = "json"
    github = "github"
    sarif = "sarif"
    gitlab = "gitlab"
    junit = "junit"
    auto = "auto"


class FailOn(enum.StrEnum):
    """What makes validate and lint exit 1."""

    error = "error"
    warning = "warning"


def resolve_format(output: Format) -> str:
    """`auto`: annotations under GitHub Actions (GITHUB_ACTIONS=true), text elsewhere."""
    if output is not Format.auto:
        return output.value
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


PathsArgument = Annotated[
    list[Path] | None,
    typer.Argument(help="Filer eller mappar att rapportera om (standard: hela repositoriet)."),
]
FormatOption = Annotated[
    Format,
    typer.Option(
        "--format",
        "-f",
        help="Utdataformat: text, json, github (annotationer), sarif (kodgranskning), gitlab (Code "
        "Quality), junit (XML) eller auto (github i GitHub Actions, annars text).",
    ),
]
FailOnOption = Annotated[
    FailOn,
    typer.Option("--fail-on", help="Vad som ger exit 1: error (fel) eller warning (även varningar)."),
]

RevOption = Annotated[
    str | None,
    typer.Option(
        "--rev",
        help="A..B: kontrollera version B, och sök igenom varje commit i A..B efter personnummer "
        "(A: från A till arbetskopian). Inget checkas ut.",
    ),
]


def _report(
    paths: list[Path] | None,
    root: Path | None,
    output: Format,
    cache: bool | None,
    *,
    lint: bool,
    fail_on: FailOn,
    baseline: Path | None = None,
    update_baseline: bool = False,
    rev: str | None = None,
) -> None:
    from naravard import api
    from naravard.output import formatter

    try:
        repo_root = repository_root(root)
        kept = parse_cache(cache)
        result = (
            api.lint(repo_root, paths or (), rev=rev, cache=kept, keep=ending.keep)
            if lint
            else api.validate(repo_root, paths or (), rev=rev, cache=kept, keep=ending.keep)
        )
        if baseline is not None or update_baseline:
            result = _with_baseline(result, repo_root, baseline, update=update_baseline, limited=bool(paths))
    except UsageError as error:
        raise fail(error) from None
    formatter(resolve_format(output))(result, repo_root, sys.stdout)
    _notice_stale_schemas(repo_root)
    raise typer.Exit(result.exit_code(strict=fail_on is FailOn.warning))


def _notice_stale_schemas(repo_root: Path) -> None:
    """One line on stderr when the strategy changed and the editor's schemas did not follow.

    Not a finding: the data is not wrong, and a finding would change the exit status, the JSON,
    SARIF and baselines. stderr is seen in a terminal and in a CI log.
    """
    from naravard import api

    try:
        stale = api.stale_schemas(repo_root, changed_strategy_only=True)
    except (UsageError, OSError):
        return
    if stale:
        names = ", ".join(path.name for path in stale)
        typer.echo(
            f"Obs: strategin har ändrats men inte editorns scheman ({names}). Kör `naravard schema` "
            "och checka in schemas/, så att editorn föreslår och kontrollerar rätt id:n.",
            err=True,
        )


def _with_baseline(
    result: "CheckResult", repo_root: Path, path: Path | None, *, update: bool, limited: bool
) -> "CheckResult":
    """Leave out the warnings recorded in the baseline (after recording them, with `update`)."""
    from naravard import baseline
    from naravard.findings import CheckResult

    path = path if path is not None else repo_root / baseline.DEFAULT_NAME
    scope = result.checked if limited else None
    if update:
        keep = None
        if limited and path.exists():  # entries for the files not checked this time stay
            checked = set(result.checked)
            keep = Counter({k: n for k, n in baseline.read(path).items() if k[1] not in checked})
        total = baseline.write(path, result.findings, keep=keep)
        typer.echo(f"Skrev {path}: {count(total, 'varning', 'varningar')} i baslinjen.", err=True)
    applied = baseline.apply(result.findings, baseline.read(path), scope=scope)
    if applied.stale:
        typer.echo(
            f"{path}: {count(len(applied.stale), 'post', 'poster')} gäller inte längre (varningen är "
            f"rättad). Kör `naravard lint --baseline {path} --update-baseline` så blir filen mindre:",
            err=True,
        )
        for (code, file, message), _ in applied.stale:
            typer.echo(f"  {file}: {code} {message}", err=True)
    if applied.hidden:
        typer.echo(f"{count(applied.hidden, 'varning', 'varningar')} i baslinjen visas inte.", err=True)
    return CheckResult.build(applied.findings, files=result.files, checked=result.checked)


@app.command()
def validate(
    paths: PathsArgument = None,
    root: RootOption = None,
    output_format: FormatOption = Format.text,
    fail_on: FailOnOption = FailOn.error,
    rev: RevOption = None,
    cache: CacheOption = None,
) -> None:
    """Kontrollera filerna mot formatet och strategin.

    Avslutas med 0 utan fel, 1 med fel och 2 om kommandot inte kunde köras.
    """
    _report(paths, root, output_format, cache, lint=False, fail_on=fail_on, rev=rev)


@app.command()
def lint(
    paths: PathsArgument = None,
    root: RootOption = None,
    output_format: FormatOption = Format.text,
    fail_on: FailOnOption = FailOn.error,
    strict: Annotated[bool, typer.Option("--strict", help="Samma som --fail-on warning.")] = False,
    baseline: Annotated[
        Path | None,
        typer.Option(
            "--baseline",
            help="Visa bara varningar som inte finns i baslinjen (t.ex. naravard-baseline.json).",
            dir_okay=False,
        ),
    ] = None,
    update_baseline: Annotated[
        bool,
        typer.Option(
            "--update-baseline",
            help="Skriv dagens varningar till baslinjen (standard: naravard-baseline.json i roten).",
        ),
    ] = False,
    rev: RevOption = None,
    cache: CacheOption = None,
) -> None:
    """Granska filerna: felen som validate hittar, plus varningar.

    Varningarna gäller sådant som bör ses över: tomma svar, stora förändringar, saknade
    nyckeltal. Bara varningar ger exit 0, utom med --fail-on warning (eller --strict).
    """
    _report(
        paths,
        root,
        output_format,
        cache,
        lint=True,
        fail_on=FailOn.warning if strict else fail_on,
        baseline=baseline,
        update_baseline=update_baseline,
        rev=rev,
    )
