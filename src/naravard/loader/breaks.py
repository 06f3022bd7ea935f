"""One definition of a line, everywhere: a line ends at LF or CRLF, and nowhere else.

That is what editors, git and GitHub show. libyaml (YAML 1.1) also ends a line at a lone CR,
NEL (U+0085), LINE SEPARATOR (U+2028) and PARAGRAPH SEPARATOR (U+2029), and Python's
`str.splitlines` at VT, FF and \\x1c-\\x1e too: a position counted that way is a line off for every
such character above it (issue 21), and a command that rewrites by line would edit the wrong one.
Parser positions go through `parser_positions`, text is split with `split_lines`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

# The breaks libyaml counts; "\r\n" is one break.
_PARSER_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
_ODD = re.compile("\r(?!\n)|[\x85\u2028\u2029]")
_LF = re.compile("\n")

Mapper = Callable[[int, int], tuple[int, int]]


def split_lines(text: str) -> list[str]:
    """The lines of `text` (LF or CRLF ends a line; the CR of a CRLF is not part of the line)."""
    lines = text.split("\n")
    if text.endswith("\n"):
        lines.pop()
    return [line[:-1] if line.endswith("\r") else line for line in lines]


def parser_positions(text: str) -> Mapper | None:
    """A function from libyaml's 0-based (line, column) in `text` to the real 0-based (line, column).

    None when both agree (the text has no break other than LF and CRLF): the common case costs
    one scan and nothing after it.
    """
    if _ODD.search(text) is None:
        return None
    parser_starts = [0, *(m.end() for m in _PARSER_BREAK.finditer(text))]
    real_starts = [0, *(m.end() for m in _LF.finditer(text))]

    def real(line: int, column: int) -> tuple[int, int]:
        if line >= len(parser_starts):
            return line, column
        index = parser_starts[line] + column
        row = bisect.bisect_right(real_starts, index) - 1
        return row, index - real_starts[row]

    return real
