"""Bytes to text: UTF-8 only, with a clear word about what the file is instead.

Kommun staff save files from Notepad++ or Word on Swedish Windows, so the
usual mistakes are Windows-1252 ("ANSI") and UTF-16 ("Unicode"). Each gets a
message that names the encoding and a position where one exists.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)

# C0 and C1 control characters other than tab, LF and CR, and lone surrogates.
_CONTROL_CHARS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff"
CONTROL = re.compile(f"[{_CONTROL_CHARS}]")
# Bidi controls and zero-width characters: allowed, but rule NV312 names them.
_HIDDEN_CHARS = "\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
# Both in one pass over the text (issue 15: each pass over a national corpus costs ~10 ms/MB).
_SUSPECT = re.compile(f"[{_CONTROL_CHARS}{_HIDDEN_CHARS}]")


@dataclass(frozen=True)
class DecodeProblem:
    """Why the bytes are not acceptable text, with a 1-based position when one is known."""

    message: str
    line: int = 1
    column: int = 1


@dataclass(frozen=True)
class Decoded:
    """The text of a file and how it was stored (kept so rewriting commands can keep it).

    `body` is the UTF-8 the text was decoded from, without a byte-order mark: the parser reads
    it as it is, with no second encoding of the text. `hidden` holds the bidi controls and
    zero-width characters of the text: line, column, character.
    """

    text: str
    bom: bool
    newline: str
    body: bytes = b""
    hidden: tuple[tuple[int, int, str], ...] = ()


def position_of_byte(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters) of a byte offset in mostly-UTF-8 data."""
    line_start = data.rfind(b"\n", 0, offset) + 1
    line = data.count(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8", errors="replace")) + 1
    return line, column


def position_of_char(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of a character index in text."""
    line_start = text.rfind("\n", 0, index) + 1
    return text.count("\n", 0, index) + 1, index - line_start + 1


def positions_of_chars(text: str, indexes: Iterable[int]) -> Iterator[tuple[int, int]]:
    """1-based line and column of each of ascending character indexes, in one pass over the text.

    Each step counts only the lines since the previous index, so many indexes cost no more than
    one (issue 18: counting from the start for every match made a file of them quadratic).
    """
    line, line_start, last = 1, 0, 0
    for index in indexes:
        lines = text.count("\n", last, index)
        if lines:
            line += lines
            line_start = text.rfind("\n", last, index) + 1
        last = index
        yield line, index - line_start + 1


def utf16_without_bom(data: bytes) -> bool:
    """Whether the bytes look like UTF-16 saved without a byte-order mark (many zero bytes)."""
    sample = data[:200]
    if len(sample) < 4:
        return False
    zeros_even = sample[0::2].count(0)
    zeros_odd = sample[1::2].count(0)
    half = len(sample) // 2
    return zeros_even > half * 0.6 or zeros_odd > half * 0.6


def decode(data: bytes) -> Decoded | DecodeProblem:
    """Decode a file's bytes as UTF-8 (an optional byte-order mark is accepted)."""
    for mark, name in BOMS:
        if data.startswith(mark):
            return DecodeProblem(_other_encoding(name))
    if utf16_without_bom(data):
        return DecodeProblem(_other_encoding("UTF-16"))
    bom = data.startswith(codecs.BOM_UTF8)
    body = data[len(codecs.BOM_UTF8) :] if bom else data
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = position_of_byte(body, exc.start)
        return DecodeProblem(_not_utf8(body, exc.start), line, column)
    control, hidden = _scan(text)
    if control:
        line, column = position_of_char(text, control.start())
        return DecodeProblem(_control_message(control.group()), line, column)
    newline = "\r\n" if "\r\n" in text[:4096] else "\n"
    return Decoded(text=text, bom=bom, newline=newline, body=body, hidden=hidden)


def _scan(text: str) -> tuple[re.Match[str] | None, tuple[tuple[int, int, str], ...]]:
    """The first control character, else None and every hidden character, in one pass."""
    hidden: list[int] = []
    for match in _SUSPECT.finditer(text):
        if CONTROL.match(match.group()):
            return match, ()
        hidden.append(match.start())
    places = positions_of_chars(text, hidden)
    return None, tuple((*place, text[start]) for place, start in zip(places, hidden, strict=True))


def _other_encoding(name: str) -> str:
    return (
        f"Filen är sparad som {name}, men naravard läser bara UTF-8. "
        "Spara om den som UTF-8 (i Notepad++: Koda → Konvertera till UTF-8; "
        "i VS Code: klicka på kodningen nere till höger → Spara med kodning → UTF-8)."
    )


def _not_utf8(body: bytes, offset: int) -> str:
    try:
        body.decode("cp1252")
        guess = "Windows-1252 (ANSI)"
    except UnicodeDecodeError:
        guess = "en annan teckenkodning än UTF-8"
    byte = body[offset]
    return (
        f"Filen är inte UTF-8: byte 0x{byte:02X} här ser ut som {guess}, vanligt när filen "
        "sparats i Anteckningar eller Excel. Spara om filen som UTF-8 (i Notepad++: Koda → "
        "Konvertera till UTF-8; i VS Code: Spara med kodning → UTF-8)."
    )


def _control_message(char: str) -> str:
    code = ord(char)
    if code == 0:
        what = "ett NUL-tecken (byte 0)"
    elif 0xD800 <= code <= 0xDFFF:
        what = f"ett ensamt surrogattecken (U+{code:04X})"
    else:
        what = f"ett osynligt styrtecken (U+{code:04X})"
    return (
        f"Filen innehåller {what}, som inte får finnas i en textfil. Det kommer ofta från "
        "kopiering ur ett annat program: ta bort tecknet eller skriv om texten."
    )
