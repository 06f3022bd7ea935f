"""Kolada's data responses, in the v2 and v3 shapes, as plain rows.

A response is `{"values": [...], "count": N}` with the next page's address in
`next_page` (v2) or `next_url` (v3). Each item holds one KPI, one municipality
and one period, with a value per gender:

    {"kpi": "U71411", "municipality": "2080", "period": 2024,   # or "2024" (v3)
     "values": [{"gender": "T", "value": 812.0, "status": "", "count": 1}, ...]}

Only gender "T" (totalt) is kept; `value` may be null. A row that Kolada has
deleted carries `is_deleted` (v2) or `isdeleted` (v3).
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from typing import Any

from naravard.kolada.errors import KoladaError
from naravard.suggest import show

_KPI = re.compile(r"[A-Z][0-9]{5}\Z")
_MUNICIPALITY = re.compile(r"[0-9]{4}\Z")
_YEAR = re.compile(r"[0-9]{4}\Z")


@dataclass(frozen=True)
class KoladaRow:
    """One KPI value for one municipality and period (gender: totalt)."""

    kpi: str
    municipality: str
    period: int
    value: float | None
    deleted: bool = False


@dataclass(frozen=True)
class Page:
    """The rows of one response and the address of the next page, if there is one."""

    rows: tuple[KoladaRow, ...]
    next_url: str | None


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} är inget tal")


def parse_json(data: bytes, *, source: str, local: bool = False) -> Any:
    """The JSON document in `data` (UTF-8), or a KoladaError naming `source`.

    `local`: `source` is a saved file, not an answer from Kolada (nothing to try again later).
    """
    try:
        text = data.decode("utf-8-sig")
        return json.loads(text, parse_constant=_reject_constant)
    except RecursionError:
        raise KoladaError(
            f"Svaret från {source} är nästlat i för många nivåer för att vara Koladas."
        ) from None
    except (UnicodeDecodeError, ValueError) as exc:
        if local:
            raise KoladaError(
                f"Filen {source} är inte giltig JSON ({show(str(exc), 80)}). Spara svaret från "
                "Kolada på nytt (hela svaret, som UTF-8) och läs in det igen."
            ) from None
        raise KoladaError(
            f"Svaret från {source} är inte giltig JSON ({show(str(exc), 80)}). "
            "Försök igen senare; händer det igen, kontrollera adressen till Kolada."
        ) from None


def parse_page(document: Any, *, source: str) -> Page:
    """The rows and next-page address of one Kolada data response (v2 or v3)."""
    if not isinstance(document, dict) or not isinstance(document.get("values"), list):
        raise KoladaError(
            f"Svaret från {source} har inte Koladas form: listan `values` saknas. "
            "Är det ett svar från Koladas data-API (data/kpi/…)?"
        )
    next_url = document.get("next_url", document.get("next_page"))
    if next_url is not None and not isinstance(next_url, str):
        raise KoladaError(f"Svaret från {source} har en adress till nästa sida som inte är text.")
    rows = tuple(_row(item, i, source) for i, item in enumerate(document["values"]))
    return Page(rows, next_url or None)


def _row(item: Any, index: int, source: str) -> KoladaRow:
    def bad(what: str) -> KoladaError:
        return KoladaError(f"Rad {index + 1} i svaret från {source} har {what}.")

    if not isinstance(item, dict):
        raise bad("inte Koladas form (ett objekt med kpi, municipality, period och values)")
    kpi = item.get("kpi")
    if not isinstance(kpi, str) or not _KPI.match(kpi):
        raise bad(f"ett KPI-id som inte ser ut som Koladas (`{show(kpi)}`)")
    municipality = item.get("municipality")
    if isinstance(municipality, int) and not isinstance(municipality, bool):
        municipality = str(municipality).zfill(4)  # a kommunkod that lost its text form
    if not isinstance(municipality, str) or not _MUNICIPALITY.match(municipality):
        raise bad(f"en kommunkod som inte är fyra siffror (`{show(municipality)}`)")
    period = item.get("period")
    if isinstance(period, str) and _YEAR.match(period):
        period = int(period)
    if not isinstance(period, int) or isinstance(period, bool) or not 1900 <= period <= 2100:
        raise bad(f"en period som inte är ett år (`{show(period)}`)")
    values = item.get("values")
    if not isinstance(values, list):
        raise bad("ingen lista `values`")
    total = [v for v in values if isinstance(v, dict) and v.get("gender") == "T"]
    value = total[0].get("value") if total else None
    if value is not None and (not isinstance(value, (int, float)) or isinstance(value, bool)):
        raise bad(f"ett värde som inte är ett tal (`{show(value)}`)")
    try:
        finite = value is None or math.isfinite(value)
    except OverflowError:  # an integer of hundreds of digits does not fit in a float
        finite = False
    if not finite:
        raise bad("ett värde som är för stort för att vara ett tal")
    deleted = _deleted(item) or bool(total and _deleted(total[0]))
    return KoladaRow(kpi, municipality, period, None if value is None else float(value), deleted)


def _deleted(part: dict[str, Any]) -> bool:
    return part.get("is_deleted") is True or part.get("isdeleted") is True
