"""Canonical key order: the order of the fields in the pydantic models (the schema's order).

A mapping is reordered only when every key in it is a known field, so a
misspelt key is never moved away from where its author put it. Comments travel
with the key below them: comment lines directly above a key (at or left of its
indentation) move with it; comments above the first key stay at the top of the
mapping; comments after the last key stay at its end. Block mappings are
reordered as blocks of lines, so every line of a value stays byte for byte as
it was; one-line flow mappings (`{varde: 3, kommentar: …}`) are reordered in
ruamel.yaml's data before it writes them.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from pydantic import BaseModel
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from naravard.authoring.lines import LineKind, LineMap, scan_lines
from naravard.loader.tree import Positions, build_tree
from naravard.model.messages import fields_at

Model = type[BaseModel]


def _ranked(keys: list[Any], fields: list[str]) -> list[Any] | None:
    """The keys in canonical order, or None when they are already in it or one is unknown."""
    if not fields or not all(isinstance(k, str) and k in fields for k in keys):
        return None
    ordered = sorted(keys, key=fields.index)
    return ordered if ordered != keys else None


def order_flow_mappings(data: Any, model: Model, path: tuple[Any, ...] = ()) -> None:
    """Put the keys of every comment-free flow mapping (`{a: 1, b: 2}`) in canonical order."""
    if isinstance(data, CommentedMap):
        if data.fa.flow_style() and not data.ca.items:
            ordered = _ranked(list(data), fields_at(model, path))
            for key in ordered or ():
                data.move_to_end(key)
        for key, value in data.items():
            order_flow_mappings(value, model, (*path, key))
    elif isinstance(data, CommentedSeq):
        for index, item in enumerate(data):
            order_flow_mappings(item, model, (*path, index))


@dataclass(frozen=True)
class _Move:
    depth: int
    start: int  # first line that is permuted
    end: int  # line after the last one that is permuted
    gaps: tuple[tuple[int, int], ...]  # blank lines in front of each place: they stay where they are
    blocks: tuple[tuple[int, int, int], ...]  # (start, end, key line) of each key's lines, new order
    dash: str | None  # `  - ` in front of the first key of a list item


def order_block_mappings(text: str, model: Model) -> str:
    """Put the keys of every block mapping in canonical order by moving whole blocks of lines."""
    tree = build_tree(text)
    if tree.problems:
        return text
    lines = text.split("\n")
    layout = scan_lines(text)
    moves = [
        move
        for path, mapping in _iter_mappings(tree.value, ())
        if (move := _plan_move(path, mapping, tree.spans, lines, layout, model)) is not None
    ]
    # Inner mappings first: each move stays within one block of the mappings around it.
    for move in sorted(moves, key=lambda m: -m.depth):
        lines[move.start : move.end] = _moved(lines, move)
    return "\n".join(lines)


def _iter_mappings(value: Any, path: tuple[Any, ...]) -> Any:
    if isinstance(value, dict):
        yield path, value
        for key, item in value.items():
            yield from _iter_mappings(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _iter_mappings(item, (*path, index))


def _plan_move(
    path: tuple[Any, ...],
    mapping: dict[Any, Any],
    spans: Positions,
    lines: list[str],
    layout: LineMap,
    model: Model,
) -> _Move | None:
    keys = list(mapping)
    ordered = _ranked(keys, fields_at(model, path))
    start_span = spans.get(path)
    if ordered is None or start_span is None:
        return None
    if lines[start_span.line - 1][start_span.column - 1 :].startswith("{"):
        return None  # a flow mapping: see order_flow_mappings
    key_lines = [spans[(*path, k)].key_line - 1 for k in keys]
    indent = spans[(*path, keys[0])].key_column - 1
    if len(set(key_lines)) != len(key_lines) or any(
        lines[n][:indent].strip() or spans[(*path, k)].key_column - 1 != indent
        for n, k in zip(key_lines[1:], keys[1:], strict=True)
    ):
        return None  # not one key per line at one indentation: leave it as it is
    end = _region_end(key_lines[-1], indent, layout)
    starts = [key_lines[0]]
    for previous, line in pairwise(key_lines):
        starts.append(_leading_start(line, previous, indent, layout))
    last = _leading_start(end, key_lines[-1], indent, layout)
    bounds = [*starts[1:], last]
    # Blank lines at the top of a block separate two places; they stay between the same places.
    tops = [_after_blanks(s, n, layout) for s, n in zip(starts, key_lines, strict=True)]
    blocks = {k: (t, e, n) for k, t, e, n in zip(keys, tops, bounds, key_lines, strict=True)}
    prefix = lines[key_lines[0]][:indent]
    return _Move(
        depth=len(path),
        start=starts[0],
        end=last,
        gaps=tuple(zip(starts, tops, strict=True)),
        blocks=tuple(blocks[k] for k in ordered),
        dash=prefix if prefix.strip() else None,
    )


def _after_blanks(start: int, key_line: int, layout: LineMap) -> int:
    while start < key_line and layout.kinds[start] is LineKind.BLANK:
        start += 1
    return start


def _region_end(last_key_line: int, indent: int, layout: LineMap) -> int:
    """The first line after the mapping: one where a token starts at or left of its keys."""
    for line in range(last_key_line + 1, len(layout.kinds)):
        column = layout.first_token[line]
        if column is not None and column <= indent:
            return line
    ends_with_newline = layout.kinds[-1] is LineKind.BLANK
    return len(layout.kinds) - 1 if ends_with_newline else len(layout.kinds)


def _leading_start(line: int, floor: int, indent: int, layout: LineMap) -> int:
    """Where the blank and comment lines directly above `line` (not above `floor`) begin."""
    start = line
    while start - 1 > floor and _loose(start - 1, indent, layout):
        start -= 1
    return start


def _loose(line: int, indent: int, layout: LineMap) -> bool:
    kind = layout.kinds[line]
    if kind is LineKind.BLANK:
        return True
    column = layout.comment_column(line)
    return kind is LineKind.COMMENT and column is not None and column <= indent


def _moved(lines: list[str], move: _Move) -> list[str]:
    out: list[str] = []
    for number, ((gap_start, gap_end), (start, end, key_line)) in enumerate(
        zip(move.gaps, move.blocks, strict=True)
    ):
        out.extend(lines[gap_start:gap_end])
        block = lines[start:end]
        if move.dash is not None:
            offset = key_line - start
            key_text = block[offset][len(move.dash) :]
            block[offset] = (move.dash if number == 0 else " " * len(move.dash)) + key_text
            if number == 0:  # its comments now stand above the `-`: line them up with it
                margin = " " * (len(move.dash) - len(move.dash.lstrip()))
                block[:offset] = [margin + line.lstrip() if line.strip() else line for line in block[:offset]]
        out.extend(block)
    return out
