"""A data file saved in another encoding than UTF-8, named, and its text in UTF-8 (`fix --koda-om`).

Swedish Windows saves as Windows-1252 ("ANSI") from Notepad and Excel, and as UTF-16
("Unicode") from some other programs. Such a file is converted only when its bytes are
that encoding without doubt: UTF-16 and UTF-32 by their byte-order mark (or UTF-16's
zero bytes), Windows-1252 when the bytes are not UTF-8 but every one of them is a
Windows-1252 character, and the text holds no control characters. Anything else is left
as it is, for a person.
"""

from __future__ import annotations

from dataclasses import dataclass

from naravard.loader.encoding import BOMS, CONTROL, Decoded, decode, utf16_without_bom


@dataclass(frozen=True)
class Recoded:
    """A file's encoding by name, and its text as UTF-8 bytes (line endings as they were)."""

    encoding: str
    utf8: bytes


def recoded(data: bytes) -> Recoded | None:
    """The file in UTF-8, when it is surely in one other encoding; None when it is UTF-8 or unsure."""
    if isinstance(decode(data), Decoded):
        return None
    text, name = _decoded(data)
    if text is None or CONTROL.search(text):
        return None
    utf8 = text.encode("utf-8")
    return Recoded(name, utf8) if isinstance(decode(utf8), Decoded) else None


def _decoded(data: bytes) -> tuple[str | None, str]:
    """The text by the encoding the loader names for these bytes (loader.encoding), and its name."""
    for mark, name in BOMS:
        if data.startswith(mark):
            return _try(data, name.lower()), name  # the codec reads the mark and drops it
    if utf16_without_bom(data):
        little = data[1::2].count(0) > data[0::2].count(0)  # ASCII text: the high byte is zero
        return _try(data, "utf-16-le" if little else "utf-16-be"), "UTF-16"
    return _try(data, "cp1252"), "Windows-1252 (ANSI)"


def _try(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None
