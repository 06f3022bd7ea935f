"""What `naravard kolada hamta` and `naravard kolada import` do, as functions returning values.

Both read the strategy revision in force for the year, translate between its
ids and Kolada's KPI ids and kommunkoder (`sources`), and write
data/region/nyckeltal-ÅÅÅÅ.yaml (`store`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from naravard.kolada.client import KoladaClient, Progress
from naravard.kolada.errors import KoladaError
from naravard.kolada.parse import KoladaRow, parse_json, parse_page
from naravard.kolada.sources import Collected, Sources, build_sources, collect
from naravard.kolada.store import Written, store
from naravard.repository import Repository, load_repository

MAX_RESPONSE_FILE = 50 * 1024 * 1024


@dataclass(frozen=True)
class ImportResult:
    """What one year's import wrote, and what in Kolada's answer had no place in the strategy."""

    written: Written
    other_kommuner: int = 0
    other_kpis: int = 0


def fetch_year(
    root: Path,
    year: int,
    kommuner: Sequence[str] = (),
    *,
    client: KoladaClient,
    today: date | None = None,
    progress: Progress | None = None,
) -> ImportResult:
    """Fetch the year's values of every nyckeltal with a Kolada id, for every kommun (or `kommuner`),
    and the region's and Sweden's values beside them."""
    sources = _sources(load_repository(root), year, kommuner)
    rows = client.data(sources.kpis, sources.kommunkoder, [year], progress=progress)
    collected = collect(rows, sources, hamtad=today or date.today(), complete=True)
    written = store(root, sources, collected.values, replace=True, references=collected.references)
    return _result(written, collected)


def import_files(root: Path, files: Sequence[Path]) -> list[ImportResult]:
    """Read saved Kolada responses (v2 or v3) and write their values, one file per year they cover.

    The date a value was fetched is taken to be the day the response file was last changed.
    """
    repo = load_repository(root)
    rows_by_year: dict[int, list[tuple[KoladaRow, date]]] = {}
    for file in files:
        fetched = _modified(file)
        for row in parse_page(parse_json(_read(file), source=str(file), local=True), source=str(file)).rows:
            rows_by_year.setdefault(row.period, []).append((row, fetched))
    if not rows_by_year:
        raise KoladaError("Filerna innehåller inga värden från Kolada; ingenting skrevs.")
    # Every year's strategy is checked before anything is written: all years or none.
    sources_by_year = {year: _sources(repo, year, ()) for year in sorted(rows_by_year)}
    results = []
    for year, sources in sources_by_year.items():
        merged = Collected()
        for fetched in sorted({day for _, day in rows_by_year[year]}):
            part = collect(
                [r for r, day in rows_by_year[year] if day == fetched],
                sources,
                hamtad=fetched,
                complete=False,
            )
            _merge(merged, part)
        written = store(root, sources, merged.values, replace=False, references=merged.references)
        results.append(_result(written, merged))
    return results


def _sources(repo: Repository, year: int, kommuner: Sequence[str]) -> Sources:
    revision = repo.revision_for(year)
    if revision is None:
        raise KoladaError(
            f"Ingen version av strategin gäller för {year}, så det finns inga nyckeltal att hämta. "
            "Har strategin fel visar `naravard validate` dem."
        )
    sources = build_sources(revision.model, year, kommuner)
    if not sources.kpis:
        raise KoladaError(
            f"Inget nyckeltal i strategin för {year} ({revision.doc.rel}) har ett Kolada-id (`kolada:`), "
            "så det finns inget att hämta."
        )
    return sources


def _merge(into: Collected, part: Collected) -> None:
    for kommun, values in part.values.items():
        into.values.setdefault(kommun, {}).update(values)
    for place, values in part.references.items():
        into.references.setdefault(place, {}).update(values)
    into.other_kommuner += part.other_kommuner
    into.other_kpis += part.other_kpis


def _result(written: Written, collected: Collected) -> ImportResult:
    return ImportResult(written, collected.other_kommuner, collected.other_kpis)


def _read(file: Path) -> bytes:
    try:
        if not file.is_file():
            raise KoladaError(f"{file} finns inte eller är ingen vanlig fil.")
        with open(file, "rb") as handle:
            data = handle.read(MAX_RESPONSE_FILE + 1)
    except OSError as exc:
        raise KoladaError(f"{file} kan inte läsas: {exc.strerror}.") from None
    if len(data) > MAX_RESPONSE_FILE:
        raise KoladaError(f"{file} är större än {MAX_RESPONSE_FILE // (1024 * 1024)} MB och läses inte.")
    return data


def _modified(file: Path) -> date:
    try:
        return date.fromtimestamp(file.stat().st_mtime)
    except OSError:
        return date.today()


__all__ = ["ImportResult", "fetch_year", "import_files"]
