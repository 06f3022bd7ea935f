"""What to write instead, by what the field holds: a score, a year, a nyckeltal value, a date, an id.

Each hint is a sentence for the message and, where the right value needs no judgement, the
edit that makes it (`Edit`): `"3"` → `3`, `2 840` → `2840`, `Ludvika` → `ludvika`,
`2025-2-7` → `2025-02-07`. Where a right value exists but is a guess (`27/2 2025`, a score
of 2.5), the hint names it and the finding carries it as its suggestion, with no edit.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from naravard.findings import Edit, FixKind
from naravard.loader.messages import ZERO_WIDTH
from naravard.loader.tree import resolve_plain
from naravard.model.types import ID_PATTERN, Meaning
from naravard.suggest import fold, show

# Spaces used between thousands: a plain, a non-breaking, a narrow non-breaking, a figure space.
_GROUPED = re.compile(r"[-+]?[0-9]{1,3}(?:[ \u00a0\u202f\u2007][0-9]{3})+(?:[.,][0-9]+)?")
_NUMBER = re.compile(r"[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?")
_COMMA = re.compile(r"[-+]?[0-9]+,[0-9]+")
_ID = re.compile(ID_PATTERN)
_NOT_KNOWN = {"", "-", "–", "?", "n/a", "na", "saknas", "uppgift saknas", "okänt", "vet ej", "ej känt"}
_WORDS = {
    "noll": 0,
    "ett": 1,
    "en": 1,
    "etta": 1,
    "två": 2,
    "tvåa": 2,
    "tre": 3,
    "trea": 3,
    "fyra": 4,
    "fyran": 4,
    "fem": 5,
    "femma": 5,
    "sex": 6,
    "sexa": 6,
    "sju": 7,
    "sjua": 7,
}
_MONTHS = "januari februari mars april maj juni juli augusti september oktober november december"
_YEAR_FIRST = re.compile(r"([0-9]{4})[-./]([0-9]{1,2})[-./]([0-9]{1,2})")
_DAY_FIRST = re.compile(r"([0-9]{1,2})[-./]([0-9]{1,2})[-./ ]+([0-9]{4})")


@dataclass(frozen=True)
class Hint:
    """A sentence to add to a message, the right value where one is known, and the edit if safe."""

    text: str = ""
    right: str | None = None
    fix: Edit | None = None


NO_HINT = Hint()


def written(source: str | None, value: str) -> str | None:
    """How `value` (a text) stands at the start of `source`: as it is, or in quotes; None if unsure.

    A plain scalar on one line is written exactly as its value; a quoted one adds its quotes
    (a value with a backslash or its own quote in it is left alone: it may be escaped).
    """
    if source is None:
        return None
    if source.startswith(value) and not source.startswith(("'", '"')):
        return value
    for quote in ('"', "'"):
        if source.startswith(quote + value + quote) and quote not in value and "\\" not in value:
            return quote + value + quote
    return None


def _edit(source: str | None, value: str, new: str, kind: FixKind) -> Edit | None:
    old = written(source, value)
    return Edit(old, new, kind) if old is not None and old != new else None


def _number_in(text: str) -> tuple[str, FixKind] | None:
    """The number a text stands for when only its writing is wrong, and what was wrong."""
    stripped = text.strip()
    if ZERO_WIDTH.search(stripped):
        clean = ZERO_WIDTH.sub("", stripped)
        found = _number_in(clean)
        return (found[0], FixKind.HIDDEN) if found else None
    if _NUMBER.fullmatch(stripped):
        return stripped, FixKind.QUOTES
    if _COMMA.fullmatch(stripped):
        return stripped.replace(",", "."), FixKind.DECIMAL
    if _GROUPED.fullmatch(stripped):
        return re.sub(r"[ \u00a0\u202f\u2007]", "", stripped).replace(",", "."), FixKind.THOUSANDS
    return None


_WHY = {
    FixKind.HIDDEN: "Talet innehåller ett osynligt tecken (ofta inklistrat från en webbsida).",
    FixKind.QUOTES: "Ett tal inom citattecken läses som text.",
    FixKind.DECIMAL: "Decimaler skrivs med punkt.",
    FixKind.THOUSANDS: "Ett tal skrivs utan mellanslag mellan tusentalen.",
}


def value_hint(value: Any, source: str | None) -> Hint:
    """A nyckeltal value (a number or null) written as a text."""
    if not isinstance(value, str):
        return NO_HINT
    found = _number_in(value)
    if found is not None:
        number, why = found
        return Hint(f" {_WHY[why]} Skriv `{show(number, 60)}`.", number, _edit(source, value, number, why))
    if "%" in value:
        return Hint(" Skriv bara talet, utan procenttecken (enheten står i strategin).")
    if value.strip().lower() in _NOT_KNOWN:
        return Hint(
            " Är värdet inte känt: skriv null, och gärna `orsak:` (bortfall, ej-tillampligt eller sekretess)."
        )
    return Hint(" Skriv ett tal med decimalpunkt, t.ex. 52.1, eller null om värdet inte är känt.")


def _scale(scale: tuple[int, int] | None) -> str:
    return f"skalan {scale[0]}–{scale[1]}" if scale else "strategins skala"


def score_hint(value: Any, source: str | None, scale: tuple[int, int] | None) -> Hint:
    """A självskattning that is not a whole number on the scale (a null, a text, a decimal)."""
    on = _scale(scale)
    if value is None:
        return Hint(f" En självskattning kan inte lämnas tom: skriv ett heltal på {on}.")
    if isinstance(value, bool):
        return Hint(f" En självskattning är ett heltal på {on}.")
    if isinstance(value, float):
        return _fraction(value, source, on)
    if not isinstance(value, str):
        return Hint(f" En självskattning är ett heltal på {on}.")
    text = value.strip()
    word = _WORDS.get(text.lower())
    within = word is not None and (scale is None or scale[0] <= word <= scale[1])
    if word is not None and within:
        right = str(word)
        fix = _edit(source, value, right, FixKind.WHOLE)
        return Hint(f" Skriv skattningen med siffror: `{right}`.", right, fix)
    found = _number_in(text)
    if found is not None:
        number, why = found
        as_float = float(number)
        if not as_float.is_integer():
            return _fraction(as_float, None, on)
        right = str(int(as_float))
        return Hint(f" {_WHY[why]} Skriv `{right}`.", right, _edit(source, value, right, why))
    return Hint(f" En självskattning är ett heltal på {on}, t.ex. 3.")


def _fraction(value: float, source: str | None, on: str) -> Hint:
    if value.is_integer():
        right = str(int(value))
        as_written = _NUMBER.match(source or "")
        old = as_written.group() if as_written else ""
        fix = Edit(old, right, FixKind.WHOLE) if old and float(old) == value else None
        return Hint(f" Skriv skattningen utan decimaler: `{right}`.", right, fix)
    low = int(value // 1)
    return Hint(f" Skalan har bara hela steg: välj {low} eller {low + 1} ({on}).")


def integer_hint(meaning: Meaning | None, value: Any, source: str | None) -> Hint:
    """A whole number (a year, a step of the scale) written as a text or with decimals."""
    example = "2024" if meaning is Meaning.YEAR else "3"
    what = "årtalet" if meaning is Meaning.YEAR else "talet"
    if isinstance(value, float):
        if value.is_integer():
            return Hint(f" Skriv {what} utan decimaler: `{int(value)}`.", str(int(value)))
        return Hint(" Skriv ett heltal utan decimaler.")
    if isinstance(value, str):
        found = _number_in(value)
        if found is not None and float(found[0]).is_integer():
            right = str(int(float(found[0])))
            return Hint(f" {_WHY[found[1]]} Skriv `{right}`.", right, _edit(source, value, right, found[1]))
    return Hint(f" Skriv {what} med siffror, t.ex. {example}.")


def date_hint(value: Any, source: str | None) -> Hint:
    """A date in another form than ÅÅÅÅ-MM-DD, or one that is not in the calendar."""
    if isinstance(value, int) and not isinstance(value, bool) and 10_000_000 <= value <= 99_999_999:
        digits = str(value)
        day = _day(digits[:4], digits[4:6], digits[6:])
        if day:
            fix = _edit(source, digits, day, FixKind.DATE)
            return Hint(f" Skriv datumet med bindestreck: `{day}`.", day, fix)
    if not isinstance(value, str):
        return NO_HINT
    text = value.strip()
    if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
        year, month, day_number = (int(part) for part in text.split("-"))
        if 1 <= month <= 12:
            days = calendar.monthrange(year, month)[1]
            return Hint(f" {_MONTHS.split()[month - 1].capitalize()} {year} har {days} dagar.")
        swapped = _day(str(year), str(day_number), str(month))
        if swapped:
            return Hint(f" Månaden står före dagen: menade du `{swapped}`?", swapped)
        return NO_HINT
    year_first = _YEAR_FIRST.fullmatch(text)
    if year_first:
        day = _day(*year_first.groups())
        if day:
            return Hint(f" Skriv `{day}`.", day, _edit(source, value, day, FixKind.DATE))
    day_first = _DAY_FIRST.fullmatch(text)
    if day_first:
        day_part, month_part, year_part = day_first.groups()
        day = _day(year_part, month_part, day_part)
        if day:
            return Hint(f" Menade du `{day}`?", day)
    return NO_HINT


def _day(year: str, month: str, day: str) -> str | None:
    try:
        return date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


_PLAIN_TOKEN = re.compile(r"[^\s,\[\]{}#'\"]+")


def _plain_token(source: str | None, value: Any) -> str | None:
    """The unquoted word at the start of `source`, when YAML reads it as `value` (not a text)."""
    token = _PLAIN_TOKEN.match(source or "")
    if token is None:
        return None
    read = resolve_plain(token.group())
    return token.group() if type(read) is type(value) and read == value else None


def text_hint(value: Any, source: str | None) -> Hint:
    """A number, or true/false, where a text belongs: in quotes it is read as written."""
    hint = ' Sätt värdet inom citattecken ("…") om det ska läsas som text.'
    token = _plain_token(source, value) if isinstance(value, (int, float, bool)) else None
    if token is None:
        return Hint(hint)
    quoted = f'"{token}"'
    return Hint(f" Sätt värdet inom citattecken: `{quoted}`.", quoted, Edit(token, quoted, FixKind.QUOTES))


def list_hint(value: Any, source: str | None) -> Hint:
    """One value where a list belongs: in brackets it is a list of one."""
    token = _plain_token(source, value) if isinstance(value, (str, int)) and value != "" else None
    if token is None:
        return NO_HINT
    listed = f"[{token}]"
    return Hint(f" En lista med ett värde skrivs `{listed}`.", listed, Edit(token, listed, FixKind.LIST))


def id_hint(value: Any, source: str | None) -> Hint:
    """An id with capitals, invisible characters, å/ä/ö or spaces."""
    if not isinstance(value, str):
        return NO_HINT
    if _ID.fullmatch(value.lower()):
        right = value.lower()
        fix = _edit(source, value, right, FixKind.CASE)
        return Hint(f" Skriv id:t med små bokstäver: `{right}`.", right, fix)
    clean = ZERO_WIDTH.sub("", value)
    if clean != value and _ID.fullmatch(clean.lower()):
        right = clean.lower()
        return Hint(
            f" Id:t innehåller ett osynligt tecken: skriv `{right}`.",
            right,
            _edit(source, value, right, FixKind.HIDDEN),
        )
    folded = re.sub(r"-{2,}", "-", re.sub(r"[^a-z0-9-]", "-", fold(value.strip()))).strip("-")
    if folded and _ID.fullmatch(folded):
        return Hint(f" Menade du `{folded}`?", folded)
    return NO_HINT
