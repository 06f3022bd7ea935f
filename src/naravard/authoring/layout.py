"""Repairs of the layout a YAML parser stops at: the slips of hand-editing and pasting from Word.

Where the parser gives up, and only there, the character it stopped at is looked at:

- a space that is not one (U+00A0 from Word, U+202F, …) becomes an ordinary space;
- a character with no width (U+200B, …) in the indentation is taken out;
- `nara-for-alla:3`, a key glued to its value, gets its space after the colon;
- a tab in the indentation becomes spaces, when exactly one indentation makes the file read
  on (the lines around it say which; two readings that give different values are left).

Then the file is parsed again, until it reads or the parser stops at something else: that
is for a person. A file that reads can still hold such a slip where YAML takes it for part
of a key (`\u00a0 nara-for-alla: 3` is a key of its own at the top): a non-breaking space
or a character with no width in the indentation or after a key's colon is repaired too, but
only where it stands outside every value, in the file as repaired. Nothing inside a text
is changed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import yaml

from naravard.authoring.fmt import same_values
from naravard.findings import FixKind
from naravard.loader.breaks import parser_positions
from naravard.loader.codes import YAML_SYNTAX
from naravard.loader.messages import GLUED_KEY, LOOKS_LIKE_SPACE, ODD_AFTER_KEY, ODD_INDENT, ZERO_WIDTH
from naravard.loader.tree import Tree, build_tree
from naravard.loader.yamlc import CSafeLoader

_PARSE_BUDGET = 20_000_000  # characters parsed per file: a 40 KB file gets 500 repairs, 2 MB ten


@dataclass(frozen=True)
class LayoutEdit:
    """At a 1-based line and column, `old` becomes `new`."""

    line: int
    column: int
    old: str
    new: str
    kind: FixKind


# The characters a slip is made of, and a key glued to its value: a file without them needs no parse.
_SUSPECT = re.compile(f"[\t{LOOKS_LIKE_SPACE}]|{ZERO_WIDTH.pattern}|{GLUED_KEY.pattern}", re.MULTILINE)


def repair_layout(text: str) -> tuple[str, list[LayoutEdit]]:
    """The text with each layout slip repaired, and the edits made, in order."""
    edits: list[LayoutEdit] = []
    if not _SUSPECT.search(text):
        return text, edits
    tree = build_tree(text)
    for _ in range(max(10, min(500, _PARSE_BUDGET // max(len(text), 1)))):
        if tree.problems and tree.problems[0].code == YAML_SYNTAX.code:
            problem = tree.problems[0]
            found = _repair(text, problem.line, problem.column)
        elif not tree.problems:
            found = _outside_values(text)
        else:
            found = None
        if found is None:
            break
        edit, text, tree = found
        edits.append(edit)
    return text, edits


def _outside_values(text: str) -> tuple[LayoutEdit, str, Tree] | None:
    """The first odd space or invisible character in an indentation or after a key, outside values."""
    lines = text.split("\n")
    for number, row in enumerate(lines, start=1):
        for pattern in (ODD_INDENT, ODD_AFTER_KEY):
            match = pattern.match(row)
            if match is None:
                continue
            edit = _odd(number, match.start(1) + 1, match.group(1))
            changed = _apply(lines, edit)
            tree = build_tree(changed)
            onward = not tree.problems or tree.problems[0].line > number
            if onward and not _inside_a_value(changed, number, match.start(1)):
                return edit, changed, tree
    return None


def _odd(line: int, column: int, char: str) -> LayoutEdit:
    """A look-alike space becomes a space; a character with no width goes."""
    if ZERO_WIDTH.fullmatch(char):
        return LayoutEdit(line, column, char, "", FixKind.HIDDEN)
    return LayoutEdit(line, column, char, " ", FixKind.SPACE)


def _inside_a_value(text: str, line: int, column: int) -> bool:
    """Whether the 0-based column of the 1-based line lies within a value or key of the text."""
    row = line - 1
    scanned = scan_scalars(text)
    if scanned.stopped is not None and scanned.stopped <= row:
        return True  # a slip at or before the place: what it belongs to is not known
    return any(start < (row, column) < end for start, end in scanned.spans)


@dataclass(frozen=True)
class Scanned:
    """Where each value and key of a text starts and ends (real 0-based line, column).

    `stopped`: the real line where a slip stopped the scanner (-1: no place known); the spans
    are those before it.
    """

    spans: list[tuple[tuple[int, int], tuple[int, int]]]
    stopped: int | None = None


def scan_scalars(text: str) -> Scanned:
    """The values and keys of `text` as libyaml's scanner finds them, on the text's real lines."""
    real = parser_positions(text) or (lambda line, column: (line, column))
    spans = []
    try:
        for token in yaml.scan(text, Loader=CSafeLoader):
            if isinstance(token, yaml.ScalarToken):
                start, end = token.start_mark, token.end_mark
                spans.append((real(start.line, start.column), real(end.line, end.column)))
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        return Scanned(spans, real(mark.line, mark.column)[0] if mark is not None else -1)
    except yaml.YAMLError:
        return Scanned(spans, -1)
    return Scanned(spans)


def _repair(text: str, line: int, column: int) -> tuple[LayoutEdit, str, Tree] | None:
    lines = text.split("\n")
    if not 0 < line <= len(lines):
        return None
    row = lines[line - 1]
    char = row[column - 1] if 0 < column <= len(row) else ""
    if char and (char in LOOKS_LIKE_SPACE or (ZERO_WIDTH.fullmatch(char) and not row[: column - 1].strip())):
        edit = _odd(line, column, char)
    elif char == ":" and _glued_at(row) == column:
        edit = LayoutEdit(line, column, ":", ": ", FixKind.SPACE)
    elif char == "\t" and not row[: column - 1].strip(" \t"):
        return _indent(lines, line)
    else:
        return None
    changed = _apply(lines, edit)
    return edit, changed, build_tree(changed)


def _glued_at(row: str) -> int:
    glued = GLUED_KEY.match(row)
    return glued.end() if glued else 0


def _indentation(text: str) -> str:
    return text[: len(text) - len(text.lstrip(" \t"))]


def _apply(lines: list[str], edit: LayoutEdit) -> str:
    row = lines[edit.line - 1]
    start = edit.column - 1
    edited = row[:start] + edit.new + row[start + len(edit.old) :]
    return "\n".join([*lines[: edit.line - 1], edited, *lines[edit.line :]])


_ITEM = re.compile(r"[ ]*(?:-[ ]+)*")


def _indent(lines: list[str], line: int) -> tuple[LayoutEdit, str, Tree] | None:
    """Tabs in the indentation: spaces to the one width that reads, else nothing."""
    row = lines[line - 1]
    leading = _indentation(row)
    readings: list[tuple[LayoutEdit, str, Tree]] = []
    for width in sorted(set(_widths(lines, line))):
        edit = LayoutEdit(line, 1, leading, " " * width, FixKind.INDENT)
        changed = _apply(lines, edit)
        tree = build_tree(changed)
        if not tree.problems or tree.problems[0].line > line:
            readings.append((edit, changed, tree))
    if len(readings) == 1:
        return readings[0]
    whole = [r for r in readings if not r[2].problems]
    same = all(same_values(whole[0][2].value, r[2].value) for r in whole) if whole else False
    return readings[0] if readings and len(whole) == len(readings) and same else None


def _widths(lines: list[str], line: int) -> Iterator[int]:
    """The indentations the lines around offer: the one before (as sibling or child), the one after."""
    before = _neighbour(lines, range(line - 2, -1, -1))
    after = _neighbour(lines, range(line, len(lines)))
    if before is not None:
        indent = len(before) - len(before.lstrip(" "))
        item = _ITEM.match(before)
        content = item.end() if item else indent
        yield indent
        yield content
        if before.rstrip().endswith((":", "|", ">", "|-", ">-")):
            yield content + 2
    if after is not None:
        yield len(after) - len(after.lstrip(" "))


def _neighbour(lines: list[str], numbers: range) -> str | None:
    for number in numbers:
        text = lines[number].rstrip("\r")
        stripped = text.strip()
        if stripped and not stripped.startswith("#") and "\t" not in _indentation(text):
            return text
    return None
