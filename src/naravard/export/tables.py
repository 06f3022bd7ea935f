"""The year's data as tables: one row per kommun, and long tables for nyckeltal, activities, reflection.

Headers are the strategy's own names (delmål, nyckeltal), so the sheet reads
like the strategy. Nyckeltal take the value that counts (`kolada.precedence`),
and the long nyckeltal table says where each comes from ("Kolada" for imported
values: Källa: Kolada).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from naravard.errors import UsageError
from naravard.export.cells import Cell
from naravard.kolada.precedence import nyckeltal_values
from naravard.model.followup import REFLECTION_KEYS, Uppfoljning
from naravard.model.glossary import GLOSSARY
from naravard.model.strategy import Strategi
from naravard.model.words import STATUS, UNIT_SHORT
from naravard.repository import Repository

STATUSES = STATUS
UNITS = UNIT_SHORT


@dataclass(frozen=True)
class Table:
    """A sheet: its name, a short name for file names, headers and rows."""

    title: str
    slug: str
    headers: tuple[str, ...]
    rows: list[tuple[Cell, ...]] = field(default_factory=list)


def build_tables(repo: Repository, year: int) -> list[Table]:
    """Kommuner, Nyckeltal, Aktiviteter and Reflektioner for `year`."""
    revision = repo.revision_for(year)
    if revision is None:
        raise UsageError(f"Ingen version av strategin gäller för {year}; det finns inget att exportera.")
    strategy = revision.model
    return [
        _kommuner(repo, strategy, year),
        _nyckeltal(repo, strategy, year),
        _aktiviteter(repo, strategy, year),
        _reflektioner(repo, strategy, year),
    ]


def _followups(repo: Repository, strategy: Strategi, year: int) -> list[tuple[str, Uppfoljning]]:
    found = []
    for kommun in strategy.kommuner:
        entry = repo.followup_for(kommun.id, year)
        if entry is not None:
            found.append((kommun.namn, entry.model))
    return found


def _kommuner(repo: Repository, strategy: Strategi, year: int) -> Table:
    scored = [(strategy.malbild.id, strategy.malbild.namn), *((d.id, d.namn) for d in strategy.delmal)]
    headers = (
        "Kommun",
        "Kommunkod",
        "Uppföljning",
        "Inlämnad",
        *(f"Självskattning: {name}" for _, name in scored),
        *(f"{n.namn} ({UNITS[n.enhet]})" for n in strategy.nyckeltal),
        *(f"Aktiviteter: {label}" for label in STATUSES.values()),
    )
    table = Table("Kommuner", "kommuner", headers)
    for kommun in strategy.kommuner:
        entry = repo.followup_for(kommun.id, year)
        followup = entry.model if entry else None
        values = nyckeltal_values(repo, kommun.id, year)
        scores: list[Cell] = [
            followup.sjalvskattning[key].varde if followup and key in followup.sjalvskattning else None
            for key, _ in scored
        ]
        counts: list[Cell] = [
            sum(1 for a in followup.aktiviteter if a.status == status) if followup else None
            for status in STATUSES
        ]
        table.rows.append(
            (
                kommun.namn,
                kommun.kod,
                "ja" if followup else "nej",
                followup.inlamnad if followup else None,
                *scores,
                *(values[n.id].varde if n.id in values else None for n in strategy.nyckeltal),
                *counts,
            )
        )
    return table


def _nyckeltal(repo: Repository, strategy: Strategi, year: int) -> Table:
    headers = ("Kommun", "Nyckeltal", "Delmål", "Värde", "Enhet", "Källa", "Kolada-id", "Hämtad", "Kommentar")
    table = Table("Nyckeltal", "nyckeltal", headers)
    delmal = {d.id: d.namn for d in strategy.delmal}
    for kommun in strategy.kommuner:
        values = nyckeltal_values(repo, kommun.id, year)
        for n in strategy.nyckeltal:
            value = values.get(n.id)
            if value is None:
                continue
            table.rows.append(
                (
                    kommun.namn,
                    n.namn,
                    delmal.get(n.delmal, n.delmal),
                    value.varde,
                    UNITS[n.enhet],
                    value.kalla,
                    value.kolada,
                    value.hamtad,
                    value.kommentar,
                )
            )
    return table


def _aktiviteter(repo: Repository, strategy: Strategi, year: int) -> Table:
    headers = ("Kommun", "Id", "Titel", "Delmål", "Status", "Resultat")
    table = Table("Aktiviteter", "aktiviteter", headers)
    delmal = {d.id: d.namn for d in strategy.delmal}
    for kommun in strategy.kommuner:
        entry = repo.followup_for(kommun.id, year)
        if entry is None:
            continue
        planned = {a.id: a for plan in repo.plans_for(kommun.id, year) for a in plan.model.aktiviteter}
        for report in entry.model.aktiviteter:
            activity = planned.get(report.id)
            table.rows.append(
                (
                    kommun.namn,
                    report.id,
                    activity.titel if activity else None,
                    ", ".join(delmal.get(d, d) for d in activity.delmal) if activity else None,
                    STATUSES[report.status],
                    report.resultat,
                )
            )
    return table


def _reflektioner(repo: Repository, strategy: Strategi, year: int) -> Table:
    headers = ("Kommun", *(GLOSSARY[key] for key in REFLECTION_KEYS))
    table = Table("Reflektioner", "reflektioner", headers)
    for namn, followup in _followups(repo, strategy, year):
        table.rows.append((namn, *(getattr(followup.reflektion, key) for key in REFLECTION_KEYS)))
    return table
