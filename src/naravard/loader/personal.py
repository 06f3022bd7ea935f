"""What a file holds of personal data, as the loader finds it while it reads the file (issue 18).

Rules NV217 (personnummer) and NV314 (contact details) judge this record instead of reading
every file a second time; `naravard.privacy` is the one place that knows what such data looks
like and fills it in. The record holds no number in full, so it can be kept in the parse cache
like the rest of a document: where each number stands, how it is shown (`811218-****`), and
which numbers of the file are the same one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class NumberAt:
    """A personnummer or samordningsnummer in a file: 1-based line and column, and how it is shown.

    `born` is the birth date of a twelve-digit form: one still to come is nobody's, and that is
    judged on the day the rule runs (a cache entry outlives the day it was written). A ten-digit
    form always means a date that has been: None. `number` tells the file's numbers apart (the
    same digits, the same number) without keeping the digits.
    """

    line: int
    column: int
    masked: str
    samordningsnummer: bool
    born: str | None
    number: int

    @property
    def kind(self) -> str:
        """The Swedish word for it."""
        return "samordningsnummer" if self.samordningsnummer else "personnummer"

    def counts_on(self, today: date) -> bool:
        """Whether this is a number on `today` (a birth date still to come is none)."""
        return self.born is None or date.fromisoformat(self.born) <= today


@dataclass(frozen=True)
class PersonalData:
    """The personal data of one file: numbers in its text, numbers only its values show, contacts.

    `escaped` holds the numbers that an escape in a double-quoted text makes (`"\\x38…"`), which
    the text does not show: each at the start of the text that holds it. `contacts` are a person's
    e-mail addresses and mobile numbers: line, column and which of the two (Swedish).
    """

    numbers: tuple[NumberAt, ...] = ()
    escaped: tuple[NumberAt, ...] = ()
    contacts: tuple[tuple[int, int, str], ...] = ()


NONE = PersonalData()
