"""What each line of a YAML text is: content, a comment line or blank; and every comment.

Comments are found from libyaml's tokens, so a `#` inside a quoted text or a
block scalar is never taken for one. fmt uses this to move a comment with the
key below it and to prove that no comment was lost.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from functools import cached_property

import yaml

from naravard.loader.breaks import Mapper, parser_positions
from naravard.loader.yamlc import CSafeLoader as _Loader

_BLOCK_HEADER = re.compile(r"[|>][-+0-9]*")


class LineKind(enum.Enum):
    """A line holds YAML content (maybe with a comment after it), only a comment, or nothing."""

    CONTENT = "content"
    COMMENT = "comment"
    BLANK = "blank"


@dataclass(frozen=True)
class Comment:
    """A comment: 0-based line and column of its `#`, and its text from `#` on."""

    line: int
    column: int
    text: str


@dataclass(frozen=True)
class LineMap:
    """Per line (0-based): its kind, the first token's column, and how far YAML content reaches."""

    kinds: tuple[LineKind, ...]
    first_token: tuple[int | None, ...]
    covered: tuple[int, ...]
    comments: tuple[Comment, ...]

    @cached_property
    def _comment_columns(self) -> dict[int, int]:
        return {c.line: c.column for c in self.comments}

    def comment_column(self, line: int) -> int | None:
        """The column of the comment on `line`, if it has one."""
        return self._comment_columns.get(line)


class _Mark:
    """A token's mark on the real lines of the text (loader.breaks), not libyaml's."""

    __slots__ = ("column", "line")

    def __init__(self, mark: yaml.Mark, real: Mapper | None) -> None:
        self.line, self.column = (mark.line, mark.column) if real is None else real(mark.line, mark.column)


def scan_lines(text: str) -> LineMap:
    """Classify every line of `text` (which must be valid YAML: yaml.YAMLError otherwise)."""
    lines = text.split("\n")
    covered = [0] * len(lines)  # how far tokens reach on each line
    first: list[int | None] = [None] * len(lines)
    real = parser_positions(text)
    for token in yaml.scan(text, Loader=_Loader):
        start, end = _Mark(token.start_mark, real), _Mark(token.end_mark, real)
        if (start.line, start.column) == (end.line, end.column):
            continue  # KeyToken, BlockEndToken...: they take no room
        if first[start.line] is None:
            first[start.line] = start.column
        if isinstance(token, yaml.ScalarToken) and token.style in ("|", ">"):
            # The header line of a block scalar may end in a comment: cover only `|-`, `>2`...
            header = _BLOCK_HEADER.match(lines[start.line], start.column)
            covered[start.line] = max(covered[start.line], header.end() if header else start.column + 1)
            for inner in range(start.line + 1, end.line):
                covered[inner] = len(lines[inner]) or 1
            if end.column:
                covered[end.line] = max(covered[end.line], end.column)
            continue
        if start.line == end.line:
            covered[start.line] = max(covered[start.line], end.column)
            continue
        covered[start.line] = len(lines[start.line])
        for inner in range(start.line + 1, end.line):
            covered[inner] = len(lines[inner]) or 1
        covered[end.line] = max(covered[end.line], end.column)
    kinds: list[LineKind] = []
    comments: list[Comment] = []
    for number, line in enumerate(lines):
        rest = line[covered[number] :]
        stripped = rest.lstrip(" \t")
        if stripped.startswith("#") and (covered[number] == 0 or rest[:1] in (" ", "\t")):
            column = len(line) - len(stripped)
            comments.append(Comment(number, column, stripped.rstrip()))
        if covered[number]:
            kinds.append(LineKind.CONTENT)
        elif stripped.startswith("#"):
            kinds.append(LineKind.COMMENT)
        elif not stripped.strip():
            kinds.append(LineKind.BLANK)
        else:
            kinds.append(LineKind.CONTENT)
    return LineMap(tuple(kinds), tuple(first), tuple(covered), tuple(comments))


def comment_texts(text: str) -> list[str]:
    """The text of every comment, in order (for proving that a rewrite kept them all)."""
    return [c.text for c in scan_lines(text).comments]


def strip_trailing_space(text: str) -> str:
    """Remove spaces at line ends that belong to no value (a block scalar's own are kept)."""
    lines = text.split("\n")
    covered = scan_lines(text).covered
    for number, line in enumerate(lines):
        trimmed = line.rstrip(" \t")
        if len(trimmed) < len(line) and covered[number] <= len(trimmed):
            lines[number] = trimmed
    return "\n".join(lines)
