"""What the strategy says to fetch from Kolada, and Kolada's rows turned into values per kommun.

The strategy revision in force for a year lists the nyckeltal with a `kolada`
KPI id and the kommuner with their kommunkod; Kolada speaks in KPI ids and
kommunkoder, the repository in ids. This module translates between them.
Beside the kommuner, Kolada is asked for the region's own values (its
"municipality" `00` + länskod, e.g. `0024` for Västerbotten) and Sweden's (`0000`):
the report shows them as reference values.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from naravard.kolada.errors import KoladaError
from naravard.kolada.parse import KoladaRow
from naravard.model.strategy import Strategi
from naravard.suggest import did_you_mean

REGION = "region"
RIKET = "riket"
RIKET_CODE = "0000"  # Kolada's "municipality" for the whole of Sweden


@dataclass(frozen=True)
class Sources:
    """The KPIs behind the strategy's nyckeltal and the kommunkoder of its kommuner, for one year."""

    year: int
    nyckeltal_by_kpi: dict[str, tuple[str, ...]]
    kommun_by_code: dict[str, str]
    nyckeltal_order: tuple[str, ...]
    kommun_order: tuple[str, ...]
    region_code: str = ""  # Kolada's id of the whole region, "00" + länskod

    @property
    def kpis(self) -> list[str]:
        """The KPI ids to ask Kolada for."""
        return list(self.nyckeltal_by_kpi)

    @property
    def kommunkoder(self) -> list[str]:
        """The kommunkoder to ask Kolada for: the kommuner's, then the region's and Sweden's."""
        return [*self.kommun_by_code, *self.reference_by_code]

    @property
    def reference_by_code(self) -> dict[str, str]:
        """Kolada's ids of the region and of Sweden, and the section of the file they go in."""
        return {self.region_code: REGION, RIKET_CODE: RIKET} if self.region_code else {RIKET_CODE: RIKET}


def build_sources(strategy: Strategi, year: int, kommuner: Sequence[str] = ()) -> Sources:
    """The sources for `year` in the strategy; only `kommuner` when some are named."""
    known = [k.id for k in strategy.kommuner]
    for kommun in kommuner:
        if kommun not in known:
            raise KoladaError(
                f"Kommunen `{kommun}` finns inte i strategin för {year}.{did_you_mean(kommun, known)}"
            )
    by_kpi: dict[str, list[str]] = {}
    for nyckeltal in strategy.nyckeltal:
        if nyckeltal.kolada:
            by_kpi.setdefault(nyckeltal.kolada, []).append(nyckeltal.id)
    return Sources(
        year=year,
        nyckeltal_by_kpi={kpi: tuple(ids) for kpi, ids in by_kpi.items()},
        kommun_by_code={k.kod: k.id for k in strategy.kommuner if not kommuner or k.id in kommuner},
        nyckeltal_order=tuple(n.id for n in strategy.nyckeltal),
        kommun_order=tuple(known),
        region_code=region_code(strategy),
    )


def region_code(strategy: Strategi) -> str:
    """Kolada's id of the whole region: "00" and the länskod, which every kommunkod starts with."""
    lanskod = strategy.region.lanskod
    others = sorted({k.kod[:2] for k in strategy.kommuner} - {lanskod})
    if others:
        raise KoladaError(
            f"Strategin har länskod {lanskod} men kommunkoder som börjar med {', '.join(others)}. "
            "Kolada skulle ge värden för fel län: rätta `region: lanskod` eller kommunernas `kod`."
        )
    return "00" + lanskod


@dataclass(frozen=True)
class Imported:
    """A value to write for one kommun and nyckeltal."""

    varde: float | None
    kolada: str
    period: int
    hamtad: date


@dataclass
class Collected:
    """Values per kommun and nyckeltal, and how many of Kolada's rows had no place in the strategy.

    `references` holds the region's and Sweden's values, under "region" and "riket".
    """

    values: dict[str, dict[str, Imported]] = field(default_factory=dict)
    references: dict[str, dict[str, Imported]] = field(default_factory=dict)
    other_kommuner: int = 0
    other_kpis: int = 0


def collect(rows: Iterable[KoladaRow], sources: Sources, *, hamtad: date, complete: bool) -> Collected:
    """Kolada's rows as values per kommun (or region, or riket) and nyckeltal (gender T already chosen).

    A deleted row or a null value gives `varde: None`; a live row wins over a
    deleted one for the same KPI, place and period. With `complete`, every
    kommun, the region, Sweden and every nyckeltal asked for get a value, None
    where Kolada had none.
    """
    places = {**sources.kommun_by_code, **sources.reference_by_code}
    found: dict[tuple[str, str], Imported] = {}
    live: set[tuple[str, str]] = set()
    result = Collected()
    for row in rows:
        place = places.get(row.municipality)
        if place is None:
            result.other_kommuner += 1
            continue
        if row.kpi not in sources.nyckeltal_by_kpi:
            result.other_kpis += 1
            continue
        if row.period != sources.year:
            continue  # not asked for (a fetch asks for one year; an import sorts rows by year)
        for nyckeltal in sources.nyckeltal_by_kpi[row.kpi]:
            key = (place, nyckeltal)
            if row.deleted and key in live:
                continue
            found[key] = Imported(None if row.deleted else row.value, row.kpi, row.period, hamtad)
            if not row.deleted:
                live.add(key)
    if complete:
        for kpi, ids in sources.nyckeltal_by_kpi.items():
            for place in places.values():
                for nyckeltal in ids:
                    found.setdefault((place, nyckeltal), Imported(None, kpi, sources.year, hamtad))
    for target, order in (
        (result.values, sources.kommun_order),
        (result.references, tuple(sources.reference_by_code.values())),
    ):
        for place in order:
            for nyckeltal in sources.nyckeltal_order:
                if (place, nyckeltal) in found:
                    target.setdefault(place, {})[nyckeltal] = found[(place, nyckeltal)]
    return result
