"""The values a form reads and writes, found and changed in a follow-up's round-trip data.

The data is ruamel.yaml's (`authoring.roundtrip`), so a change made here keeps every
comment, the key order and the style of everything around it. A path names a value the
way a form does: `("aktiviteter", "<id>", "status")`, `("reflektion", "lardomar")`,
`("sjalvskattning", "<id>", "varde" | "kommentar")`, `("nyckeltal", "<id>", "varde" |
"kommentar")`. Values are compared in one canonical form: text without surrounding
space (an empty text is None), whole numbers as integers.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import Any

from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString

from naravard.authoring.roundtrip import WrittenNull, build_yaml, dump, insert_in_order
from naravard.authoring.yamltext import WIDTH
from naravard.form.layout import Path, Value
from naravard.loader.tree import build_tree


class Missing:
    """The follow-up has no entry there (no such activity, score or nyckeltal)."""

    def __repr__(self) -> str:
        return "MISSING"


MISSING = Missing()


def canonical(value: Any) -> Value:
    """A value as forms compare it."""
    if value is None or isinstance(value, WrittenNull):
        return None
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return int(value)
    if isinstance(value, (int, float)):
        return value
    text = str(value).replace("\r\n", "\n").strip()
    return text or None


def get(data: Any, path: Path) -> Value | Missing:
    """The value at `path`, or MISSING when its entry is not in the follow-up."""
    entry = _entry(data, path)
    if isinstance(entry, Missing):
        return entry
    if path[0] == "reflektion":
        return canonical(entry)
    if path[0] == "aktiviteter":
        return canonical(entry.get(path[2]) if isinstance(entry, dict) else None)
    if isinstance(entry, dict):  # the long form: {varde: 3, kommentar: …}
        return canonical(entry.get(path[2]))
    value: Value = canonical(entry)
    return value if path[2] == "varde" else None


def _entry(data: Any, path: Path) -> Any:
    section = data.get(path[0]) if isinstance(data, dict) else None
    if path[0] == "aktiviteter":
        for item in section if isinstance(section, list) else ():
            if isinstance(item, dict) and item.get("id") == path[1]:
                return item
        return MISSING
    if not isinstance(section, dict) or path[1] not in section:
        return MISSING
    return section[path[1]]


def put(data: CommentedMap, path: Path, value: Value, order: Sequence[str] = ()) -> None:
    """Set the value at `path`, creating its entry when needed (new keys in the order of `order`)."""
    if path[0] == "aktiviteter":
        entry = _entry(data, path)
        if entry is MISSING:
            entry = CommentedMap([("id", path[1]), ("status", None), ("resultat", None)])
            activities = data["aktiviteter"]
            if not activities:
                activities.fa.set_block_style()  # `aktiviteter: []` becomes a list of entries
            activities.append(entry)
        entry[path[2]] = _text(value, indent=4) if path[2] == "resultat" else value
        return
    section = data[path[0]]
    if path[0] == "reflektion":
        section[path[1]] = _text(value, indent=2)
        return
    key, part = path[1], path[2]
    empty = WrittenNull() if path[0] == "nyckeltal" else None
    if key not in section:
        if not section:
            section.fa.set_block_style()
        insert_in_order(section, key, empty, order)
    current = section[key]
    if part == "varde" and not isinstance(current, dict):
        section[key] = empty if value is None else value
        return
    if not isinstance(current, dict):  # a comment for a value in the short form: the long form
        current = CommentedMap([("varde", section[key])])
        current.fa.set_flow_style()
        section[key] = current
    if part == "kommentar" and value is None:
        current.pop("kommentar", None)
    else:
        current[part] = (WrittenNull() if value is None else value) if part == "varde" else value


def _text(value: Value, *, indent: int) -> Any:
    """A text as a block when it is long or has line breaks, if the block reads back the same."""
    if not isinstance(value, str):
        return value
    block: Any
    if "\n" in value:
        block = LiteralScalarString(value)
    elif len(value) + indent + 12 > WIDTH:
        lines = textwrap.wrap(value, WIDTH - indent - 2, break_long_words=False, break_on_hyphens=False)
        block = FoldedScalarString(value)
        block.fold_pos = _fold_positions(value, lines)
    else:
        return value
    probe = build_tree(dump(build_yaml(), {"k": block}))
    if probe.problems or not isinstance(probe.value, dict) or probe.value.get("k") != value:
        return value  # ruamel.yaml quotes it on one line instead
    return block


def _fold_positions(text: str, lines: list[str]) -> list[int]:
    positions, at = [], 0
    for line in lines[:-1]:
        at = text.index(line, at) + len(line)
        if text[at : at + 1] != " " or text[at + 1 : at + 2] == " ":
            return []  # a fold only replaces a single space; otherwise, one long line
        positions.append(at)
        at += 1
    return positions
