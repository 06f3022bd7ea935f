"""Bytes to text: UTF-8 only, with a clear word about what the file is instead.

Kommun staff save files from Notepad++ or Word on Swedish Windows, so the
usual mistakes are Windows-1252 ("ANSI") and UTF-16 ("Unicode"). Each gets a
message that names the encoding and a position where one exists.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)

# C0 and C1 control characters other than tab, LF and CR, and lone surrogates.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


@dataclass(frozen=True)
class DecodeProblem:
    """Why the bytes are not acceptable text, with a 1-based position when one is known."""

    message: str
    line: int = 1
    column: int = 1


@dataclass(frozen=True)
class Decoded:
    """The text of a file and how it was stored (kept so rewriting commands can keep it)."""

    text: str
    bom: bool
    newline: str


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


def _utf16_without_bom(data: bytes) -> bool:
    sample = data[:200]
    if len(sample) < 4:
        return False
    zeros_even = sample[0::2].count(0)
    zeros_odd = sample[1::2].count(0)
    half = len(sample) // 2
    return zeros_even > half * 0.6 or zeros_odd > half * 0.6


def decode(data: bytes) -> Decoded | DecodeProblem:
    """Decode a file's bytes as UTF-8 (an optional byte-order mark is accepted)."""
    for mark, name in _BOMS:
        if data.startswith(mark):
            return DecodeProblem(_other_encoding(name))
    if _utf16_without_bom(data):
        return DecodeProblem(_other_encoding("UTF-16"))
    bom = data.startswith(codecs.BOM_UTF8)
    body = data[len(codecs.BOM_UTF8) :] if bom else data
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = position_of_byte(body, exc.start)
        return DecodeProblem(_not_utf8(body, exc.start), line, column)
    control = CONTROL.search(text)
    if control:
        line, column = position_of_char(text, control.start())
        return DecodeProblem(_control_message(control.group()), line, column)
    newline = "\r\n" if "\r\n" in text[:4096] else "\n"
    return Decoded(text=text, bom=bom, newline=newline)


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
