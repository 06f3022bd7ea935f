"""Numbers and changes for people, the Swedish way, in one place (the report and `diff` use it).

A decimal comma, a narrow no-break space (U+202F) between thousands, `–` for no value. A change
of a nyckeltal given in procent or as an andel is a difference in procentenheter ("+4,4 p.e."):
29,4 % → 33,8 % is 4,4 procentenheter, not "+15 %". Every other unit keeps the relative change.
"""

from __future__ import annotations

# How many procentenheter one step of the unit is: a procent is one, an andel (0–1) a hundred.
POINT_UNITS: dict[str, float] = {"procent": 1.0, "andel": 100.0}
THIN = "\u202f"


def number(value: float | int | None, decimals: int = 2) -> str:
    """`1 288`, `52,1`, `–`: at most `decimals` decimals, trailing zeros dropped."""
    if value is None:
        return "–"
    if isinstance(value, float):
        text = f"{value:,.{decimals}f}"
        if "." in text:
            text = text.rstrip("0").rstrip(".")
        if text in ("-0", "+0"):
            text = "0"
    else:
        text = f"{value:,}"
    return text.replace(",", THIN).replace(".", ",")


def in_points(enhet: str) -> bool:
    """True when changes in this unit are shown in procentenheter."""
    return enhet in POINT_UNITS


def points(enhet: str, old: float | None, new: float | None) -> float | None:
    """The change in procentenheter, for a procent or andel nyckeltal with both values; else None."""
    if old is None or new is None or enhet not in POINT_UNITS:
        return None
    return (new - old) * POINT_UNITS[enhet]


def relative(old: float | None, new: float | None) -> float | None:
    """The change as a share of the old value (0.15 = +15 %), None without both values or from 0."""
    if old is None or new is None or not old:
        return None
    return (new - old) / abs(old)


def change(enhet: str, old: float | None, new: float | None) -> str:
    """`+4,4 p.e.` for procent and andel, `+15 %` for every other unit, `–` when unknown."""
    moved = points(enhet, old, new)
    if moved is not None:
        return _signed(moved, 1) + " p.e."
    share = relative(old, new)
    return "–" if share is None else _signed(share * 100, 0) + " %"


def _signed(value: float, decimals: int) -> str:
    rounded = round(value, decimals)
    text = number(abs(rounded), decimals) if decimals else number(int(abs(rounded)))
    return "±0" if rounded == 0 else ("+" if rounded > 0 else "-") + text
