"""Writing YAML text by hand for the scaffolds: scalars quoted only where needed, wrapped comments.

The scaffolds are written as text rather than dumped, because their point is the
comments between the keys; `tests/test_new.py` checks that `naravard fmt` leaves
what is written here unchanged.
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Sequence
from datetime import date

from naravard.authoring.roundtrip import plain_safe
from naravard.loader.tree import build_tree

WIDTH = 100

Scalar = str | int | float | bool | date | None


def scalar(value: Scalar, *, in_flow: bool = False) -> str:
    """One value as YAML: plain where that reads back the same, else in double quotes."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, date):
        return value.isoformat()
    if plain_safe(value, in_flow=in_flow):
        return value
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def flow_list(values: Sequence[Scalar]) -> str:
    """`[a, b]`."""
    return "[" + ", ".join(scalar(v, in_flow=True) for v in values) + "]"


def sequence(indent: int, key: str, values: Sequence[Scalar]) -> list[str]:
    """`key: [a, b]` when it fits on a line, else one `- item` per line."""
    pad = " " * indent
    flow = f"{pad}{key}: {flow_list(values)}"
    if len(flow) <= WIDTH:
        return [flow]
    return [f"{pad}{key}:", *(f"{pad}  - {scalar(v)}" for v in values)]


def entry(indent: int, key: str, value: Scalar, *, note: str | None = None) -> list[str]:
    """`key: value`, as a folded block when the text is long, with an optional end-of-line comment."""
    pad = " " * indent
    if isinstance(value, str) and (len(value) + indent + len(key) + 2 > WIDTH or "\n" in value):
        block = _block(indent + 2, value)
        if block is not None:
            header, *body = block
            return [f"{pad}{key}: {header}" + (f"   # {one_line(note)}" if note else ""), *body]
    line = f"{pad}{key}: {scalar(value)}".rstrip()
    return [f"{line}   # {one_line(note)}" if note else line]


def comment(indent: int, text: str) -> list[str]:
    """A comment, wrapped at the line width."""
    pad = " " * indent
    wrapped = textwrap.wrap(
        one_line(text), WIDTH - indent - 2, break_long_words=False, break_on_hyphens=False
    )
    return [f"{pad}# {line}" for line in wrapped] or [f"{pad}#"]


def one_line(text: str) -> str:
    """`text` on one line: every kind of line break (U+2028 and NEL too) and run of spaces is one space."""
    return " ".join(text.split())


def _block(indent: int, text: str) -> list[str] | None:
    """A `>-` (or `|-` for text with line breaks) block that reads back as exactly `text`."""
    pad = " " * indent
    if "\n" in text:
        lines = ["|-", *(f"{pad}{line}" if line else "" for line in text.split("\n"))]
    else:
        wrapped = textwrap.wrap(
            text,
            WIDTH - indent,
            break_long_words=False,
            break_on_hyphens=False,
            replace_whitespace=False,
            drop_whitespace=True,
        )
        lines = [">-", *(f"{pad}{line}" for line in wrapped)]
    probe = build_tree("k: " + "\n".join(lines) + "\n")
    if probe.problems or not isinstance(probe.value, dict) or probe.value.get("k") != text:
        return None
    return lines
