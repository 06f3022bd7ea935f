"""Personal data in texts: finding Swedish identity numbers and contact details, and masking them.

Follow-ups are written by people who work with patients, so a personnummer pasted from a
journal will one day stand in a `resultat` (issue 12). This module is the one place that knows
what such data looks like:

- `identity_numbers(text)`: personnummer and samordningsnummer (10 or 12 digits, with `-`, `+`
  or no separator) that pass the Luhn check and denote a real date that has been. The check
  itself is the `personnummer` package's; this module only finds the candidates in free text
  and leaves out what a person would not take for one (a bare `0701234567` after "tel").
- `contact_details(text)`: e-mail addresses shaped like a person's (`fornamn.efternamn@`) and
  mobile numbers, which rule NV314 warns about.
- `personal_data(data, text, tree)`: both, in a file the loader reads, kept on its document
  (`loader.personal`) for rules NV217 and NV314, so no rule reads a file a second time.
- `mask(text)`: every identity number in `text` shown as `811218-****`. Everything naravard
  writes to a terminal passes through `masked_output()`, and the report and the export mask
  what they write, so a number never leaves the repository in full, whatever printed it.
"""

from __future__ import annotations

import codecs
import contextlib
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, TextIO

from personnummer import personnummer as _library  # type: ignore[import-untyped]  # no type hints

from naravard.loader.encoding import position_of_char, positions_of_chars
from naravard.loader.personal import NONE, NumberAt, PersonalData

if TYPE_CHECKING:
    from naravard.loader.tree import Positions, Tree

_DASHES = "\u2010\u2011\u2012\u2013\u2212"  # hyphens and dashes Word and web pages put for `-`
_NUMBER = re.compile(
    r"(?<![\w/+])(?<![0-9][.,:])"
    rf"(?P<head>(?:18|19|20)?[0-9]{{6}})(?P<sep>[-+{_DASHES}]?)(?P<tail>[0-9]{{4}})"
    r"(?!\w)(?![.,:/+-][0-9])"
)
_PHONE_CUE = re.compile(
    r"(?i)(?<!\w)(?:tel|telefon\w*|tfn|mob|mobil\w*|ring\w*|sms\w*|nås|kontakt\w*|fax)(?!\w)(?:[\s.:,]|på)*\Z"
)
_DIGITS_ONLY = bytes(48 if 48 <= i <= 57 else 120 for i in range(256))  # b"0" for a digit, b"x" else
# Where a number can start: the first digit of a run of six or more. `_NUMBER` starts with six
# digits, and no \w may stand before it, so it can start nowhere else; tried only there, it reads
# a 20 MB report in 0.2 s instead of 0.65 s (its look-behinds stop the regex engine from skipping
# ahead to a digit by itself, issue 18).
_DIGIT_RUN = re.compile(r"[0-9]{6,}")


@dataclass(frozen=True)
class IdentityNumber:
    """A personnummer or samordningsnummer found in a text: where, and how it may be shown."""

    start: int
    end: int
    masked: str  # `811218-****`: enough to find it, not enough to be it
    samordningsnummer: bool
    digits: str  # the twelve digits; compared in memory, never written anywhere
    born: date | None = None  # a twelve-digit form's birth date: one still to come is nobody's

    @property
    def kind(self) -> str:
        """The Swedish word for it."""
        return "samordningsnummer" if self.samordningsnummer else "personnummer"


def identity_numbers(text: str, *, today: date | None = None) -> list[IdentityNumber]:
    """Every valid personnummer and samordningsnummer in `text`, in order."""
    day = today or date.today()
    return [n for n in _numbers(text) if n.born is None or n.born <= day]


def number_matches(text: str) -> Iterator[re.Match[str]]:
    """What `_NUMBER.finditer(text)` finds, tried only where a run of six digits starts."""
    after = 0  # matches do not overlap: the next starts after the last, as with finditer
    for run in _DIGIT_RUN.finditer(text):
        if run.start() >= after and (match := _NUMBER.match(text, run.start())):
            after = match.end()
            yield match


def _numbers(text: str) -> list[IdentityNumber]:
    """What `identity_numbers` finds on any day: a twelve-digit form keeps its birth date."""
    found = []
    for match in number_matches(text):
        head, sep, tail = match.group("head", "sep", "tail")
        start = match.start()
        if (
            not sep
            and len(head) == 6
            and head[0] == "0"
            and _PHONE_CUE.search(text, max(start - 30, 0), start)
        ):
            continue  # `tel. 0701234567`: a phone number, however well its digits add up
        normal = "-" if sep and sep in _DASHES else sep
        candidate = head + normal + tail
        number = _checked(candidate)
        if number is not None:
            digits, coordination, born = number
            masked = f"{head}{sep}****"
            # Ten digits always mean a date that has been (the century is chosen so).
            born_if_told = born if len(candidate) > 11 else None
            found.append(IdentityNumber(start, match.end(), masked, coordination, digits, born_if_told))
    return found


def _checked(candidate: str) -> tuple[str, bool, date] | None:
    """The twelve digits, whether it is a samordningsnummer and the birth date, for a valid one."""
    try:
        number = _library.Personnummer(candidate)
        born = number.get_date()
    except (_library.PersonnummerException, ValueError):
        return None
    digits = f"{number.full_year}{number.month}{number.day}{number.num}{number.check}"
    return digits, bool(number.is_coordination_number()), born


def mask(text: str) -> str:
    """`text` with every identity number masked (`811218-****`); unchanged when it holds none."""
    numbers = identity_numbers(text)
    if not numbers:
        return text
    parts, last = [], 0
    for number in numbers:
        parts += [text[last : number.start], number.masked]
        last = number.end
    parts.append(text[last:])
    return "".join(parts)


def mask_value(value: Any) -> Any:
    """A cell or other value masked: text as `mask`, an integer that is a number as masked text."""
    if isinstance(value, str):
        return mask(value)
    if isinstance(value, int) and not isinstance(value, bool) and value > 10**9:
        shown = mask(str(value))
        return shown if "*" in shown else value
    return value


@dataclass(frozen=True)
class Found:
    """An identity number in a file's text: 1-based line and column, and the number."""

    line: int
    column: int
    number: IdentityNumber


def scan(data: bytes) -> list[Found]:
    """Every identity number in a file's bytes, at its line and column (comments and keys too).

    The file is read as a person's editor shows it, so a number is found where it stands,
    also inside block scalars and flow mappings. Six digits in a row are looked for in the
    bytes first (at C speed): most files have none, and are done with then.
    """
    if b"000000" not in data.translate(_DIGITS_ONLY):
        return []
    text = file_text(data)
    return [Found(*position_of_char(text, n.start), n) for n in identity_numbers(text)]


def file_text(data: bytes) -> str:
    """A file's text as a person's editor shows it (UTF-8 without its BOM; a bad byte as �)."""
    return data.removeprefix(codecs.BOM_UTF8).decode("utf-8", errors="replace")


_EMAIL = re.compile(r"(?<![\w.+-])([\w.+-]+)@[\w-]+(?:\.[\w-]+)+")
_NAME_PARTS = re.compile(r"[^\W\d_]+(?:[._-][^\W\d_]+)+\Z")  # anna.andersson, anna-karin.berg
_MOBILE = re.compile(r"(?<![\w+])(?:(?:\+46|0046)[ -]?(?:\(0\))?[ -]?|0)7[02369](?:[ -]?[0-9]){7}(?![0-9])")


@dataclass(frozen=True)
class Contact:
    """An e-mail address or a mobile number of a person in a text."""

    start: int
    end: int
    what: str  # "e-postadress" or "mobilnummer"


def contact_details(text: str) -> list[Contact]:
    """E-mail addresses shaped like a person's (`fornamn.efternamn@…`) and mobile numbers in `text`.

    A shared mailbox (`registrator@falun.se`) and a landline (a switchboard, a reception) are
    not a person's, and are left alone.
    """
    found = []
    if "@" in text:
        for match in _EMAIL.finditer(text):
            if _NAME_PARTS.match(match.group(1)):
                found.append(Contact(match.start(), match.end(), "e-postadress"))
    if "7" in text:
        found += [Contact(m.start(), m.end(), "mobilnummer") for m in _MOBILE.finditer(text)]
    return sorted(found, key=lambda c: c.start)


_MOBILE_HINT = re.compile(rb"07[02369]")  # a literal start: searched at C speed


def personal_data(data: bytes, text: str | None = None, tree: Tree | None = None) -> PersonalData:
    """What a file holds of personal data (rules NV217 and NV314), found while the loader reads it.

    `text` is the file's text and `tree` its values and positions when the loader could read
    them; without them (a file that is not UTF-8, say) the file is read as a person's editor
    shows it, with a bad byte as �. Numbers are found where they stand in the text, also in
    comments, keys, block scalars and flow mappings; a number that an escape makes in a
    double-quoted text is found in the values. Each search starts with a look at the bytes at
    C speed: most files hold nothing, and are done with then.
    """
    digits = b"000000" in data.translate(_DIGITS_ONLY)
    escapes = b"\\" in data
    contacts = b"@" in data or b"+46" in data or b"0046" in data or _MOBILE_HINT.search(data) is not None
    if not (digits or escapes or contacts):
        return NONE
    if text is None:
        text = file_text(data)
    same: dict[str, int] = {}  # the digits of each number, to tell numbers apart; not kept

    def kept(line: int, column: int, number: IdentityNumber) -> NumberAt:
        born = number.born.isoformat() if number.born is not None else None
        which = same.setdefault(number.digits, len(same))
        return NumberAt(line, column, number.masked, number.samordningsnummer, born, which)

    numbers: tuple[NumberAt, ...] = ()
    if digits:
        found = _numbers(text)
        places = positions_of_chars(text, [n.start for n in found])
        numbers = tuple(kept(*place, n) for place, n in zip(places, found, strict=True))
    escaped: tuple[NumberAt, ...] = ()
    if escapes:
        if tree is None:
            from naravard.loader.tree import build_tree

            tree = build_tree(text)
        if not tree.problems:
            escaped = tuple(kept(*place) for place in _in_values(tree.value, tree.spans))
    people: tuple[tuple[int, int, str], ...] = ()
    if contacts:
        details = contact_details(text)
        places = positions_of_chars(text, [c.start for c in details])
        people = tuple((*place, c.what) for place, c in zip(places, details, strict=True))
    return PersonalData(numbers, escaped, people)


def _in_values(value: Any, spans: Positions) -> Iterator[tuple[int, int, IdentityNumber]]:
    """Every number in the keys and texts of `value`, at the start of the key or text."""
    stack: list[tuple[tuple[Any, ...], Any]] = [((), value)]
    while stack:
        path, value = stack.pop()
        items = (
            value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
        )
        for key, child in items:
            span = spans.get((*path, key))
            if span is None:
                continue
            if isinstance(key, str):
                for number in _numbers(key):
                    yield span.key_line, span.key_column, number
            if isinstance(child, str):
                for number in _numbers(child):
                    yield span.line, span.column, number
            else:
                stack.append(((*path, key), child))


class MaskingStream:
    """A text stream that masks identity numbers in everything written through it.

    Text is passed on a line at a time (a number is never split between two writes of one
    line); `flush` passes on what is left, so a progress bar still moves.
    """

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._pending = ""

    def write(self, text: str) -> int:
        pending = self._pending + text
        cut = pending.rfind("\n") + 1
        if cut:
            self._stream.write(mask(pending[:cut]))
        self._pending = pending[cut:]
        return len(text)

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        if self._pending:
            self._stream.write(mask(self._pending))
            self._pending = ""
        self._stream.flush()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)  # isatty, encoding, fileno: the stream's own


@contextlib.contextmanager
def masked_output() -> Iterator[None]:
    """Mask every identity number written to stdout and stderr while the block runs."""
    saved = sys.stdout, sys.stderr
    out, err = MaskingStream(sys.stdout), MaskingStream(sys.stderr)
    sys.stdout, sys.stderr = out, err
    try:
        yield
    finally:
        for stream in (out, err):
            with contextlib.suppress(OSError, ValueError):
                stream.flush()
        sys.stdout, sys.stderr = saved
