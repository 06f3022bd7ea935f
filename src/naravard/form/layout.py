"""Where everything stands in a form, and the hidden record of it that makes reading back exact.

A form has one sheet per part of the follow-up. Each sheet has a title (row 1), a hint
(row 2), column headers (row 3) and one row per activity, question, delmål or nyckeltal
from row 4 on, with that row's id in the hidden column A. The cells to fill in are
`Field`s: a sheet, a row and a column, the place in the follow-up they write to (`path`),
what kind of value they take, and a fingerprint of the value the form was filled with.

The layout itself is written into a hidden sheet as JSON with its SHA-256. On reading,
the record is checked against its hash (an edited record is refused), and the workbook
against the record: sheet names, headers and every row's id. So a renamed sheet, a
moved or sorted row, an edited id or an added row is found and named, never read into
the wrong place. The fingerprints let the reader tell what the person changed from what
someone changed in the YAML file since (`update`).
"""

from __future__ import annotations

import enum
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from openpyxl.utils import get_column_letter

FORMAT_VERSION = 1
META_SHEET = "naravard"
TITLE_ROW, HINT_ROW, HEADER_ROW, FIRST_ROW = 1, 2, 3, 4
ID_COLUMN = 1
CHUNK = 30_000  # a cell holds at most 32,767 characters; a long record spans several cells

INSTRUCTIONS = "Så fyller du i"
AKTIVITETER = "Aktiviteter"
REFLEKTION = "Reflektion"
SJALVSKATTNING = "Självskattning"
NYCKELTAL = "Nyckeltal"
SHEETS = (AKTIVITETER, REFLEKTION, SJALVSKATTNING, NYCKELTAL)

Value = str | int | float | None
MAX_ROW = 100_000
Path = tuple[str, ...]


class Kind(enum.StrEnum):
    """What a cell to fill in takes."""

    STATUS = "status"
    TEXT = "text"
    SCORE = "skattning"
    NUMBER = "tal"


# Every kind of place a cell may write to (the id left out), and the kind of cell it takes.
PATHS: dict[tuple[str, ...], Kind] = {
    ("aktiviteter", "status"): Kind.STATUS,
    ("aktiviteter", "resultat"): Kind.TEXT,
    ("reflektion",): Kind.TEXT,
    ("sjalvskattning", "varde"): Kind.SCORE,
    ("sjalvskattning", "kommentar"): Kind.TEXT,
    ("nyckeltal", "varde"): Kind.NUMBER,
    ("nyckeltal", "kommentar"): Kind.TEXT,
}


def cell_ref(sheet: str, row: int, column: int) -> str:
    """`Självskattning!E4`, the way Excel names a cell."""
    return f"{sheet}!{get_column_letter(column)}{row}"


def fingerprint(value: Value) -> str:
    """A short hash of a value (a number that is whole counts as an integer)."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return hashlib.sha256(json.dumps(value, ensure_ascii=False).encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Field:
    """A cell to fill in: where it is, where its value goes, and the value the form started with."""

    sheet: str
    row: int
    column: int
    path: Path
    kind: Kind
    original: str  # fingerprint() of the value the cell was filled with

    @property
    def ref(self) -> str:
        return cell_ref(self.sheet, self.row, self.column)


@dataclass(frozen=True)
class RowId:
    """The id that stands in column A of a row."""

    sheet: str
    row: int
    id: str


@dataclass(frozen=True)
class Layout:
    """Everything the reader needs: whose form it is, the sheets' headers, the rows and the fields."""

    kommun: str
    year: int
    rel: str  # the follow-up it reads back into, relative to the repository root
    scale: tuple[int, int]
    labels: tuple[str, ...]  # the scale's labels from its lowest step up
    headers: dict[str, tuple[str, ...]]
    rows: tuple[RowId, ...]
    fields: tuple[Field, ...]

    def to_json(self) -> str:
        """The record written into the hidden sheet."""
        record = {
            "naravard": FORMAT_VERSION,
            "kommun": self.kommun,
            "ar": self.year,
            "fil": self.rel,
            "skala": list(self.scale),
            "etiketter": list(self.labels),
            "rubriker": {name: list(h) for name, h in self.headers.items()},
            "rader": [[r.sheet, r.row, r.id] for r in self.rows],
            "falt": [[f.sheet, f.row, f.column, list(f.path), f.kind.value, f.original] for f in self.fields],
        }
        return json.dumps(record, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> Layout:
        """The layout from its record; ValueError (or KeyError, TypeError) when it is not one."""
        record: Any = json.loads(text)
        if record.get("naravard") != FORMAT_VERSION:
            raise ValueError(record.get("naravard"))
        low, high = record["skala"]
        layout = cls(
            kommun=str(record["kommun"]),
            year=int(record["ar"]),
            rel=str(record["fil"]),
            scale=(int(low), int(high)),
            labels=tuple(map(str, record["etiketter"])),
            headers={str(name): tuple(map(str, h)) for name, h in record["rubriker"].items()},
            rows=tuple(RowId(str(s), int(r), str(i)) for s, r, i in record["rader"]),
            fields=tuple(
                Field(str(s), int(r), int(c), tuple(map(str, p)), Kind(k), str(o))
                for s, r, c, p, k, o in record["falt"]
            ),
        )
        places: list[RowId | Field] = [*layout.rows, *layout.fields]
        for place in places:
            if place.sheet not in layout.headers or not 1 <= place.row <= MAX_ROW:
                raise ValueError(place)
        for cell in layout.fields:
            if (
                not 1 <= cell.column <= len(layout.headers[cell.sheet])
                or PATHS.get(cell.path[:1] + cell.path[2:]) is not cell.kind
            ):
                raise ValueError(cell)
        return layout


def signature(record: str) -> str:
    """The SHA-256 that the hidden record is stored with."""
    return hashlib.sha256(record.encode("utf-8")).hexdigest()


def chunks(record: str) -> list[str]:
    """The record in pieces that each fit in a cell."""
    return [record[i : i + CHUNK] for i in range(0, len(record), CHUNK)] or [""]
