"""Cell values made safe and readable for a spreadsheet.

A text that starts with `=`, `+`, `-` or `@` (or a tab or carriage return) is
read by Excel and LibreOffice as a formula: `=HYPERLINK("http://…")` in a
follow-up's free text would become a live link in the analyst's sheet (CSV
injection). Such a text gets a leading apostrophe, the mark spreadsheets use
for "this is text". Numbers are never text here, so a real negative number
stays a number.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

Cell = str | int | float | date | None

# What a spreadsheet may take for the start of a formula, fullwidth forms included (＝SUM(…)
# is a formula in Excel with an East Asian input method), and what it skips before looking:
# spaces, line breaks of every kind, a byte-order mark and zero-width characters (issue 21).
FORMULA_START = frozenset("=+-@\t\r\n\uff1d\uff0b\uff0d\uff20")
_BLANKS = " \t\r\n\u00a0\u3000\u2028\u2029\ufeff\u200b\u200c\u200d\u2060\x85"


def neutralise(text: str) -> str:
    """`text`, with an apostrophe in front when a spreadsheet would take it for a formula."""
    first = text.lstrip(_BLANKS)[:1]
    if text[:1] in FORMULA_START or first in FORMULA_START:
        return "'" + text
    return text


def plain_number(value: int | float, *, decimal: str = ".") -> str:
    """A number as digits, never in exponent form: 1288, 52.1, -0.5 (`decimal=","`: 52,1)."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = format(Decimal(repr(value)), "f") if isinstance(value, float) else str(value)
    return text.replace(".", decimal)
