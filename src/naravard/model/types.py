"""Field types shared by the file models: ids, text, dates, years and points in time.

Each type validates strictly (no silent coercion) and explains itself in the
JSON Schema, in Swedish, so an editor's hover says what to write.
"""

from __future__ import annotations

import calendar
import functools
import re
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Annotated, Any

from pydantic import BaseModel as _BaseModel
from pydantic import BeforeValidator, ConfigDict, Field, PlainValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

from naravard.model.glossary import title_for

ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"


class StrictModel(_BaseModel):
    """Base of every file model: strict types, unknown keys are errors, values frozen."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True, field_title_generator=title_for)


class Meaning(Enum):
    """What a field holds, beyond its type: the schema check's hints follow it (model/messages.py).

    Put in a field's `Annotated[...]`; pydantic keeps it with the field and ignores it otherwise.
    """

    SCORE = "självskattning"
    YEAR = "årtal"
    VALUE = "nyckeltalsvärde"


TEXT_MAX = 20_000


def _text(value: Any) -> Any:
    # An empty answer is allowed by validate and flagged by lint (FORMAT.md rule 1).
    if value is None:
        return ""
    # The length is counted here, not with Field(max_length=…): pydantic's own check makes Python
    # keep a UTF-8 copy inside every non-ASCII string it measures, for as long as the models live
    # (issue 15: a 425-character text grows from 498 to 948 bytes). One call per text does both.
    if type(value) is str and len(value) > TEXT_MAX:
        raise PydanticCustomError("string_too_long", "Värdet är för långt.", {"max_length": TEXT_MAX})
    return value


Id = Annotated[
    str,
    Field(
        pattern=ID_PATTERN,
        max_length=80,
        description="Ett id: små bokstäver a–z, siffror och bindestreck (t.ex. nara-for-mig).",
    ),
]
Text = Annotated[
    str,
    BeforeValidator(_text),
    WithJsonSchema({"type": ["string", "null"], "maxLength": TEXT_MAX}),
]
Year = Annotated[int, Field(ge=2000, le=2100, description="Ett årtal, t.ex. 2024."), Meaning.YEAR]

_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z", re.ASCII)

# A real calendar day, as a pattern an editor can check (yaml-language-server checks `format: date`
# by its shape only): month lengths, and 29 February in Gregorian leap years. Year 0000 does not
# exist for Python's `date`, so not here either.
DATE_PATTERN = (
    r"^(?!0000)(?:[0-9]{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])"
    r"|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))"
    r"|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29)$"
)
DATE_MESSAGE = "Ett datum skrivs ÅÅÅÅ-MM-DD och ska finnas i kalendern, t.ex. 2024-02-14."
_MONTH = re.compile(r"([0-9]{4})-([0-9]{2})\Z", re.ASCII)


def _date(value: Any) -> Any:
    if isinstance(value, str) and _DATE.match(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise PydanticCustomError(
                "datum", "`{value}` är inget riktigt datum (finns den dagen?).", {"value": value}
            ) from None
    if isinstance(value, date):
        return value
    raise PydanticCustomError(
        "datum", "Ett datum skrivs ÅÅÅÅ-MM-DD, t.ex. 2024-02-14.", {"value": str(value)[:40]}
    )


Datum = Annotated[
    date,
    PlainValidator(_date),
    WithJsonSchema(
        {
            "type": "string",
            "format": "date",
            "pattern": DATE_PATTERN,
            "patternErrorMessage": DATE_MESSAGE,
            "description": "Ett datum: ÅÅÅÅ-MM-DD.",
        }
    ),
]


@dataclass(frozen=True)
class Tidpunkt:
    """A year, a month or a day: `first` is its first day and `last` its last."""

    text: str
    first: date
    last: date


def _tidpunkt(value: Any) -> Tidpunkt:
    try:
        return _cached_tidpunkt(value)
    except TypeError:  # not hashable: a list or a mapping where a time belongs
        return _parse_tidpunkt(value)


@functools.lru_cache(maxsize=4096, typed=True)
def _cached_tidpunkt(value: Any) -> Tidpunkt:
    # A national repository writes the same few hundred times ~90,000 times (issue 9).
    return _parse_tidpunkt(value)


def _parse_tidpunkt(value: Any) -> Tidpunkt:
    if isinstance(value, date):
        return Tidpunkt(value.isoformat(), value, value)
    if isinstance(value, int) and not isinstance(value, bool) and 2000 <= value <= 2100:
        return Tidpunkt(str(value), date(value, 1, 1), date(value, 12, 31))
    if isinstance(value, str):
        month = _MONTH.match(value)
        if month:
            year, number = int(month.group(1)), int(month.group(2))
            if 2000 <= year <= 2100 and 1 <= number <= 12:
                last = calendar.monthrange(year, number)[1]
                return Tidpunkt(value, date(year, number, 1), date(year, number, last))
        if _DATE.match(value):
            day = _date(value)
            return Tidpunkt(value, day, day)
    raise PydanticCustomError(
        "tidpunkt",
        "En tidpunkt skrivs som ett år (2024), en månad (2024-09) eller ett datum (2024-09-15).",
        {"value": str(value)[:40]},
    )


TidpunktField = Annotated[
    Tidpunkt,
    PlainValidator(_tidpunkt),
    WithJsonSchema(
        {
            "description": "Ett år (2024), en månad (2024-09) eller ett datum (2024-09-15).",
            # As strict as _tidpunkt, so the editor and validate agree (tests/test_editor_agreement.py).
            "oneOf": [
                {"type": "integer", "minimum": 2000, "maximum": 2100},
                {"type": "string", "pattern": r"^(20[0-9]{2}|2100)-(0[1-9]|1[0-2])$"},
                {"type": "string", "pattern": DATE_PATTERN, "format": "date"},
            ],
        }
    ),
]


def short_form(key: str) -> Any:
    """Let `id: 3` stand for `id: {key: 3}` (the short form of a score or a value)."""

    def expand(value: Any) -> Any:
        return value if isinstance(value, dict) else {key: value}

    return BeforeValidator(expand)
