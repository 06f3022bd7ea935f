"""What a filled-in cell says, as a follow-up value, or why it cannot be read.

Excel and LibreOffice check the cells as they are typed in (drop-down lists, whole
numbers, decimal numbers), but a pasted value, a cell formatted as text or another
program slips past them; so every cell is checked again here. A problem is a short
Swedish sentence that goes after the cell's name: `Självskattning!E4: ett heltal 1–4
väntades, det står `3,5`.`
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from naravard.export.cells import plain_number
from naravard.form.layout import Kind, Value
from naravard.form.values import canonical
from naravard.model.words import STATUS
from naravard.suggest import show


@dataclass(frozen=True)
class Problem:
    """Why a cell cannot be read."""

    message: str


@dataclass(frozen=True)
class Scale:
    """The steps a score may take and their labels."""

    low: int
    high: int
    labels: dict[int, str]


_NUMBER_TEXT = re.compile(r"[-+−]?[0-9 \u00a0]*[0-9]([.,][0-9]+)?\Z")
_SCORE_ITEM = re.compile(r"([0-9]+)\s*(?:[–-].*)?\Z", re.DOTALL)


def read_cell(kind: Kind, value: Any, scale: Scale) -> Value | Problem:
    """The value of a cell of `kind` (None when it is empty)."""
    if isinstance(value, str) and not value.strip():
        value = None
    if value is None:
        return None
    if kind is Kind.TEXT:
        return _text(value)
    if kind is Kind.STATUS:
        return _status(value)
    if kind is Kind.SCORE:
        return _score(value, scale)
    return _number(value)


def shown(value: Any) -> str:
    """A cell's value as the person sees it in Swedish Excel: `3,5`, `2024-02-14`."""
    if isinstance(value, bool):
        return "SANT" if value else "FALSKT"
    if isinstance(value, (int, float)):
        return plain_number(value, decimal=",") if math.isfinite(value) else str(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(" ")
    if isinstance(value, (date, time)):
        return value.isoformat()
    return show(str(value), 60)


def _text(value: Any) -> Value:
    if isinstance(value, str):
        return canonical(value)
    return shown(value)  # a number or a date typed where text goes: the text it shows


def _status(value: Any) -> Value | Problem:
    if isinstance(value, str):
        typed = value.strip().lower()
        for status, word in STATUS.items():
            if typed in (status, word):
                return status
    words = ", ".join(STATUS.values())
    return Problem(f"välj en status i listan ({words}); det står `{shown(value)}`.")


def _score(value: Any, scale: Scale) -> Value | Problem:
    number: int | None = None
    if isinstance(value, (int, float)) and not isinstance(value, bool) and float(value).is_integer():
        number = int(value)
    elif isinstance(value, str):
        typed = value.strip()
        item = _SCORE_ITEM.match(typed)
        if item:
            number = int(item.group(1))
        else:
            by_label = {label.strip().lower(): step for step, label in scale.labels.items()}
            number = by_label.get(typed.lower())
    if number is not None and scale.low <= number <= scale.high:
        return number
    return Problem(
        f"ett heltal {scale.low}–{scale.high} väntades, det står `{shown(value)}`. "
        "Välj en skattning i listan."
    )


def _number(value: Any) -> Value | Problem:
    if isinstance(value, (bool, date, time)):
        return Problem(f"ett tal väntades, det står `{shown(value)}`. Skriv talet, t.ex. 52,1.")
    if isinstance(value, (int, float)):
        if not math.isfinite(value):
            return Problem(f"ett tal väntades, det står `{shown(value)}`.")
        return canonical(value)
    if _NUMBER_TEXT.match(str(value).strip()):
        return Problem(
            f"talet är sparat som text (`{shown(value)}`), inte som ett tal. Skriv in talet på nytt "
            "i cellen; står det kvar som text, välj Format celler → Tal först."
        )
    return Problem(
        f"ett tal väntades, det står `{shown(value)}`. Skriv talet (t.ex. 52,1), "
        "eller lämna cellen tom om värdet inte är känt."
    )
