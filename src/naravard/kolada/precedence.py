"""Which value of a nyckeltal counts: the one typed into the follow-up, or the one from Kolada.

The precedence, as the README and rule NV313 tell it to users:

1. A number typed into the kommun's follow-up (uppfoljning-ÅÅÅÅ.yaml) counts: the
   follow-up is the kommun's own report, and a comment there can explain it.
2. Otherwise the number from Kolada (data/region/nyckeltal-ÅÅÅÅ.yaml) counts, and
   whoever shows it cites "Källa: Kolada".
3. Otherwise the value is not known (`null` typed, null in Kolada, or neither).

When both are numbers and differ, lint warns (NV313).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from naravard.repository import Repository

KOLADA = "Kolada"
FOLLOWUP = "Kommunens uppföljning"


@dataclass(frozen=True)
class NyckeltalVarde:
    """The value of one nyckeltal for one kommun and year, and where it comes from."""

    varde: float | None
    kalla: str
    fran_kolada: bool = False
    kolada: str | None = None
    hamtad: date | None = None
    kommentar: str | None = None


def nyckeltal_values(repo: Repository, kommun: str, year: int) -> dict[str, NyckeltalVarde]:
    """Every nyckeltal with a typed or an imported value for the kommun and year, the one that counts.

    The order is the strategy's; a nyckeltal known from neither source is left out.
    """
    followup = repo.followup_for(kommun, year)
    typed = followup.model.nyckeltal if followup else {}
    imported_entry = repo.imported_for(year)
    imported = imported_entry.model.kommuner.get(kommun, {}) if imported_entry else {}
    revision = repo.revision_for(year)
    order = [n.id for n in revision.model.nyckeltal] if revision else list(dict.fromkeys([*typed, *imported]))
    values: dict[str, NyckeltalVarde] = {}
    for key in order:
        mine, theirs = typed.get(key), imported.get(key)
        if mine is not None and (mine.varde is not None or theirs is None or theirs.varde is None):
            values[key] = NyckeltalVarde(mine.varde, mine.kalla or FOLLOWUP, kommentar=mine.kommentar)
        elif theirs is not None:
            values[key] = NyckeltalVarde(theirs.varde, KOLADA, True, theirs.kolada, theirs.hamtad)
    return values


def agrees(typed: float, kolada: float) -> bool:
    """True when the typed value is Kolada's rounded to as many decimals as were typed.

    Kolada publishes 61.23; a kommun that writes 61.2 agrees with it, one that writes 16.2 does not.
    """
    written = Decimal(repr(typed))
    exponent = written.as_tuple().exponent
    decimals = 0 if typed.is_integer() or not isinstance(exponent, int) else max(-exponent, 0)
    step = Decimal(1).scaleb(-decimals)
    try:
        return Decimal(repr(kolada)).quantize(step, rounding=ROUND_HALF_UP) == written.quantize(step)
    except InvalidOperation:  # beyond Decimal's precision (1e30 and up): compare as they are
        return typed == kolada
