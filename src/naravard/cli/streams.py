"""Output that never crashes on a console that cannot show a character (Windows' cp1252, cp850).

`naravard diff 2023 2024 > diff.txt` in a Swedish Windows console writes in cp1252 or cp850, which
have å, ä and ö but not → or ⚠. Every character the stream cannot encode becomes its ASCII
equivalent (`->`, `!`), and letters keep what the encoding has: nothing is lost that the console
could show, and nothing crashes.
"""

from __future__ import annotations

import codecs
import io
import sys
import unicodedata

_ASCII = {
    "→": "->",
    "←": "<-",
    "↑": "^",
    "↓": "v",
    "…": "...",
    "–": "-",
    "—": "-",
    "−": "-",
    "≤": "<=",
    "≥": ">=",
    "≈": "~",
    "×": "x",
    "⚠": "!",
    "⍽": "_",
    "✓": "ok",
    "✗": "x",
    "•": "*",
    "·": "*",
    "“": '"',
    "”": '"',
    "„": '"',
    "‘": "'",
    "’": "'",
    "«": '"',
    "»": '"',
    "\u00a0": " ",
    "\u202f": " ",
    "\u2009": " ",
}

HANDLER = "naravard-ascii"


def ascii_equivalent(char: str) -> str:
    """What to write for a character the console cannot show."""
    if char in _ASCII:
        return _ASCII[char]
    plain = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode("ascii")
    return plain or "?"


def _replace(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    text = error.object[error.start : error.end]
    return "".join(ascii_equivalent(c) for c in text), error.end


codecs.register_error(HANDLER, _replace)


def make_safe() -> None:
    """Let stdout and stderr write what their encoding cannot hold as ASCII equivalents."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and stream.errors in ("strict", "replace"):
            stream.reconfigure(errors=HANDLER)


__all__ = ["HANDLER", "ascii_equivalent", "make_safe"]
