"""`naravard status [ÅR]`: which kommuner have handed in their follow-up, per year."""

import enum
import sys
from typing import Annotated

import typer

from naravard.cli.app import RootOption, app, fail, repository_root
from naravard.errors import UsageError


class StatusFormat(enum.StrEnum):
    """Output formats of status."""

    text = "text"
    json = "json"
    md = "md"


@app.command()
def status(
    year: Annotated[
        int | None, typer.Argument(help="Bara det här året (standard: alla år).", show_default=False)
    ] = None,
    root: RootOption = None,
    output_format: Annotated[
        StatusFormat, typer.Option("--format", "-f", help="Utdataformat: text, json eller md.")
    ] = StatusFormat.text,
) -> None:
    """Visa vilka kommuner som lämnat in sin uppföljning, per år.

    Varje kommun och år är saknas (ingen fil), utkast (inga självskattningar ifyllda ännu),
    har fel (naravard validate visar dem) eller inlämnad (med datumet i `inlamnad`). Samma
    bedömning som i rapporten.
    """
    from naravard import api
    from naravard.output import status as render
    from naravard.submission import followup_years, matrix

    try:
        repo = api.load_repository(repository_root(root))
        years = [year] if year is not None else followup_years(repo)
        if not years:
            raise UsageError("Det finns inga uppföljningar ännu. Ange ett år, t.ex. `naravard status 2025`.")
        if not repo.revisions_for(years):
            raise UsageError(f"Ingen version av strategin gäller för {', '.join(map(str, years))}.")
        rows = matrix(repo, api.check(repo), years)
    except UsageError as error:
        raise fail(error) from None
    if output_format is StatusFormat.json:
        sys.stdout.write(render.as_json(rows, years))
    elif output_format is StatusFormat.md:
        sys.stdout.write(render.markdown(rows, years))
    else:
        render.write_text(rows, years, sys.stdout)
