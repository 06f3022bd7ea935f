"""`naravard diff`: what moved between two years, or what a change to the repository means."""

import enum
import sys
from typing import Annotated

import typer

from naravard.cli.app import RootOption, app, fail, repository_root
from naravard.errors import UsageError


class DiffFormat(enum.StrEnum):
    """Output formats of diff."""

    text = "text"
    md = "md"
    json = "json"


@app.command()
def diff(
    years: Annotated[
        list[int] | None, typer.Argument(help="Två år att jämföra, t.ex. 2023 2024.", show_default=False)
    ] = None,
    kommun: Annotated[
        list[str] | None, typer.Option("--kommun", "-k", help="Visa bara den här kommunen (kan upprepas).")
    ] = None,
    rev: Annotated[
        str | None,
        typer.Option(
            "--rev",
            help="Jämför två git-versioner: A..B, eller A för A mot arbetskopian. Inget checkas ut.",
        ),
    ] = None,
    root: RootOption = None,
    output_format: Annotated[
        DiffFormat, typer.Option("--format", "-f", help="Utdataformat: text, md eller json.")
    ] = DiffFormat.text,
) -> None:
    """Visa vad som har ändrats mellan två år eller två git-versioner.

    Med två år: självskattning, nyckeltal och aktiviteter per kommun och för regionen.
    Med --rev: vad en ändring av repositoriet betyder, t.ex. som kommentar på en pull request.
    """
    from naravard import api
    from naravard.output import diff as render

    try:
        repo_root = repository_root(root)
        if rev is not None:
            if years:
                raise UsageError("Ange antingen två år eller --rev, inte båda.")
            changes = api.diff_revisions(repo_root, rev)
            if output_format is DiffFormat.json:
                sys.stdout.write(render.as_json(changes))
            elif output_format is DiffFormat.md:
                sys.stdout.write(render.revision_markdown(changes))
            else:
                render.write_revision_text(changes, sys.stdout)
            return
        if not years or len(years) != 2:
            raise UsageError("Ange två år, t.ex. `naravard diff 2023 2024`, eller --rev A..B.")
        result = api.diff_years(repo_root, years[0], years[1], kommun or ())
    except UsageError as error:
        raise fail(error) from None
    if output_format is DiffFormat.json:
        sys.stdout.write(render.as_json(result))
    elif output_format is DiffFormat.md:
        sys.stdout.write(render.years_markdown(result, detailed=bool(kommun)))
    else:
        render.write_years_text(result, sys.stdout, detailed=bool(kommun))
