"""YAML text to plain Python values plus the position of every key and value.

Parsing runs in libyaml (PyYAML's C parser) at C speed; this module builds the
values from the parser's events in one pass, so every key and value keeps its
line and column without ruamel.yaml's pure-Python round trip (#2, speed).

The format is a small, strict subset of YAML 1.2 (shared/FORMAT.md rule 9):
no tags, anchors, aliases, merge keys or directives, one document. Scalars are
resolved by YAML 1.2's core schema, so `no` stays text and `0114` is 114.
Dates are left as text: the models decide where a date belongs.
"""

from __future__ import annotations

import contextlib
import functools
import re
import sys
import unicodedata
from array import array
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import yaml

from naravard.findings import PER_CODE
from naravard.loader.breaks import Mapper, parser_positions
from naravard.loader.codes import (
    DUPLICATE_KEY,
    ENCODING,
    FORBIDDEN_YAML,
    MULTIPLE_DOCUMENTS,
    TOO_DEEP,
    YAML_SYNTAX,
)
from naravard.loader.encoding import CONTROL
from naravard.loader.messages import ParserProblem, classify
from naravard.loader.yamlc import CSafeLoader
from naravard.model.codes import INVALID_NUMBER

MAX_DEPTH = 40
MAX_NODES = 50_000  # keys and values in one file; the largest real file has a few thousand (issue 21)
_SCAN = 32  # siblings walked before a node's children are indexed

Path = tuple[str | int, ...]


class Span(NamedTuple):
    """Where a mapping entry or list item stands: its key's and its value's 1-based positions.

    A named tuple, not a dataclass: one is made for every key and value of every file.
    """

    key_line: int
    key_column: int
    line: int
    column: int


@dataclass(frozen=True)
class TreeProblem:
    """A problem found while building the tree (code, message, 1-based position).

    `more` > 0: this stands for that many further problems of the same code, not kept (one
    finding per alias of a 2 MB file would be 700,000 of them; findings.MORE_OF_THE_SAME).
    """

    code: str
    message: str
    line: int
    column: int
    more: int = 0


class _ListIndex:
    """A list's children by position (see `Positions`)."""

    __slots__ = ("_rows",)

    def __init__(self, rows: array[int]) -> None:
        self._rows = rows

    def get(self, part: Any, default: int | None = None) -> int | None:
        if type(part) is int and 0 <= part < len(self._rows):
            return self._rows[part]
        return default


_ChildIndex = dict[Any, int] | _ListIndex


class Positions:
    """Where every key and value of a document stands, looked up by path: `get(("aktiviteter", 3, "id"))`.

    Kept compact (issue 9: positions for a national repository must fit beside its models
    and travel cheaply from a worker process): one row per node in document order, each with
    its key (or list index), its subtree's size and its span. A lookup walks down the path,
    skipping whole subtrees of the siblings before the one it wants. A node with more than
    _SCAN children gets an index of them on its first lookup (kept beside the rows, never sent to
    another process): a flow list of a million items is then O(depth) per lookup, not O(items),
    and the rows stay as compact as before (issue 21).
    """

    __slots__ = ("_index", "_keys_", "_packed", "_sizes", "_spans")

    def __init__(self, keys: list[Any], sizes: array[int], spans: array[int]) -> None:
        self._keys_: list[Any] | None = keys
        self._packed: tuple[list[Any], array[int]] | None = None
        self._sizes = sizes
        self._spans = spans
        self._index: dict[int, _ChildIndex] = {}

    @classmethod
    def packed(cls, table: list[Any], numbers: array[int], sizes: array[int], spans: array[int]) -> Positions:
        """Positions whose keys are numbers into `table`, unpacked on the first lookup (loader.cache).

        A run that finds nothing looks nothing up: most files' keys are then never unpacked.
        """
        positions = cls([], sizes, spans)
        positions._keys_, positions._packed = None, (table, numbers)
        return positions

    @property
    def _keys(self) -> list[Any]:
        if self._keys_ is None:
            assert self._packed is not None
            table, numbers = self._packed
            self._keys_, self._packed = list(map(table.__getitem__, numbers)), None
        return self._keys_

    def __len__(self) -> int:
        return len(self._sizes)

    def __reduce__(self) -> tuple[Any, ...]:
        return Positions, (self._keys, self._sizes, self._spans)

    def get(self, path: Path) -> Span | None:
        """The span of the key or value at `path`, or None when the document has none there."""
        keys, sizes = self._keys, self._sizes
        if not keys:
            return None
        node = 0
        for part in path:
            index = self._index.get(node)
            if index is not None:
                found = index.get(part)
                if found is None:
                    return None
                node = found
                continue
            child, end, steps = node + 1, node + sizes[node], 0
            while child < end and keys[child] != part:
                child += sizes[child]
                steps += 1
                if steps == _SCAN:
                    child = self._indexed(node).get(part, end) or end
                    break
            if child >= end:
                return None
            node = child
        at = 4 * node
        return Span(*self._spans[at : at + 4])

    def _indexed(self, node: int) -> _ChildIndex:
        """The index of a node's children: an array by position for a list, else a dict by key."""
        keys, sizes = self._keys, self._sizes
        rows = array("I")
        child, end = node + 1, node + sizes[node]
        while child < end:
            rows.append(child)
            child += sizes[child]
        index: _ChildIndex
        if all(type(keys[row]) is int and keys[row] == n for n, row in enumerate(rows)):
            index = _ListIndex(rows)  # 4 bytes an item: a million-item list costs 4 MB, not 100
        else:
            index = {}
            for row in rows:
                index.setdefault(keys[row], row)
        self._index[node] = index
        return index

    def first_key(self) -> Span | None:
        """The span of the document's first top-level entry, if the document is a non-empty mapping."""
        keys, sizes = self._keys, self._sizes
        if len(keys) < 2 or not isinstance(keys[1], str) or sizes[0] < 2:
            return None
        return Span(*self._spans[4:8])

    def __getitem__(self, path: Path) -> Span:
        span = self.get(path)
        if span is None:
            raise KeyError(path)
        return span


NO_POSITIONS = Positions([], array("I"), array("I"))


@dataclass
class Tree:
    """The values of one YAML document and the positions of everything in it."""

    value: Any = None
    spans: Positions = NO_POSITIONS
    problems: list[TreeProblem] = field(default_factory=list)
    empty: bool = True
    text_keys: bool = True  # every mapping key is text (not `1:` or `true:`), as JSON keeps them


_NULL = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
_INT = re.compile(r"[-+]?[0-9]+\Z", re.ASCII)
_OCT = re.compile(r"0o[0-7]+\Z", re.ASCII)
_HEX = re.compile(r"0x[0-9a-fA-F]+\Z", re.ASCII)
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\Z", re.ASCII)
_INF = re.compile(r"[-+]?\.(inf|Inf|INF)\Z")
_NAN = re.compile(r"\.(nan|NaN|NAN)\Z")


class _TooLong(ValueError):
    pass


class _Stop(Exception):
    """The builder stops reading (a file with more values than MAX_NODES)."""


def resolve_plain(text: str) -> Any:
    """The value of an unquoted scalar under YAML 1.2's core schema."""
    if text in _NULL:
        return None
    first = text[0]
    if first in "tTfF":
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        return text
    if not (first.isdigit() or first in "+-."):
        return text
    try:
        if _INT.match(text):
            return int(text)
        if _OCT.match(text):
            return int(text[2:], 8)
        if _HEX.match(text):
            return int(text[2:], 16)
    except ValueError as exc:  # more digits than Python converts (sys.int_info)
        raise _TooLong(text) from exc
    if _FLOAT.match(text):
        return float(text)
    if _INF.match(text):
        return float("-inf") if text[0] == "-" else float("inf")
    if _NAN.match(text):
        return float("nan")
    return text


def _nfc(text: str) -> str:
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


class _Frame:
    __slots__ = ("container", "is_map", "key", "key_at", "node", "seen", "start")

    def __init__(self, container: Any, node: int, start: tuple[int, int]) -> None:
        self.container = container
        self.node = node
        self.start = start
        self.is_map = isinstance(container, dict)
        self.key: Any = _NO_KEY
        self.key_at = start
        self.seen: dict[Any, int] = {}


_NO_KEY = object()
_SKIP = object()
_FORBIDDEN = FORBIDDEN_YAML.code


def _at(event: Any) -> tuple[int, int]:
    return event.start_mark.line + 1, event.start_mark.column + 1


def build_tree(text: str, utf8: bytes | None = None) -> Tree:
    """Parse one YAML document into values and positions; problems become `TreeProblem`s.

    `utf8`, when given, is `text` as the UTF-8 it was decoded from: libyaml reads bytes, so
    the parser takes them as they are rather than a second encoding of the text.
    A document with problems gets no positions: its problems carry their own, and nothing
    else is looked up in a file that could not be read. Every position is on the real lines
    of the text (loader.breaks), not on libyaml's.
    """
    tree = Tree()
    builder = _Builder(tree)
    try:
        builder.run(text if utf8 is None else utf8)
    except yaml.YAMLError as exc:
        found = _too_deep(text, exc) or classify(exc, text)
        tree.problems.append(TreeProblem(found.code, found.message, found.line, found.column))
        tree.value = None
    builder.close()
    if not tree.problems and not tree.empty:
        tree.spans = Positions(builder.keys, builder.sizes, builder.spans)
    real = parser_positions(text)
    if real is not None:
        _to_real_lines(tree, builder.spans, real)
    return tree


def _to_real_lines(tree: Tree, spans: array[int], real: Mapper) -> None:
    for at in range(0, len(spans), 2):
        line, column = real(spans[at] - 1, spans[at + 1] - 1)
        spans[at], spans[at + 1] = line + 1, column + 1
    for number, p in enumerate(tree.problems):
        line, column = real(p.line - 1, p.column - 1)
        tree.problems[number] = TreeProblem(p.code, p.message, line + 1, column + 1, p.more)


def _too_deep(text: str, exc: yaml.YAMLError) -> ParserProblem | None:
    """NV007 where a flow structure gets too deep, when libyaml's own nesting limit struck first.

    libyaml looks ahead along a line before it hands over the first events of a flow structure,
    so `[[[[…` on one line meets its limit (1,000 levels in libyaml 0.2.6) before our depth check
    sees level 41. Only a line with more than MAX_DEPTH openers before the error can be that
    case: its start is parsed again by the pure-Python parser, which has no such limit and
    yields its events one by one, so our own check names the place, as for any too-deep file.
    """
    mark = getattr(exc, "problem_mark", None)
    if mark is None:
        return None
    start = text.rfind("\n", 0, mark.index) + 1 if mark.index <= len(text) else 0
    head = text[start : mark.index]
    if head.count("[") + head.count("{") <= MAX_DEPTH:
        return None
    end = text.find("\n", mark.index)
    tree = Tree()
    with contextlib.suppress(yaml.YAMLError):  # the rest of the line is cut off: it may not parse
        _Builder(tree, yaml.SafeLoader).run(text[: len(text) if end < 0 else end])
    deep = next((p for p in tree.problems if p.code == TOO_DEEP.code), None)
    return ParserProblem(deep.code, deep.message, deep.line, deep.column) if deep else None


class _Builder:
    """Turns the parser's events into values and positions; one instance per document."""

    def __init__(self, tree: Tree, loader: Any = CSafeLoader) -> None:
        self.tree = tree
        self.loader = loader
        self.stack: list[_Frame] = []
        self.kept: dict[str, int] = {}
        self.more: dict[str, tuple[tuple[int, int], int]] = {}
        # Positions, one row per node in document order (see `Positions`).
        self.keys: list[Any] = []
        self.sizes: array[int] = array("I")
        self.spans: array[int] = array("I")

    def problem(self, code: str, message: str | Callable[[], str], at: tuple[int, int]) -> None:
        kept = self.kept[code] = self.kept.get(code, 0) + 1
        if kept > PER_CODE:
            if code not in self.more:
                self.more[code] = (at, 0)
            first, extra = self.more[code]
            self.more[code] = (first, extra + 1)
            return
        text = message if isinstance(message, str) else message()
        self.tree.problems.append(TreeProblem(code, text, at[0], at[1]))

    def close(self) -> None:
        """Add one problem per code that had more than PER_CODE: how many more there were."""
        for code, (at, extra) in self.more.items():
            self.tree.problems.append(TreeProblem(code, "", at[0], at[1], extra))

    def too_many(self, at: tuple[int, int]) -> None:
        self.problem("NV009", _too_many_message(), at)
        self.tree.value = None
        raise _Stop

    def record(self, key: Any, key_at: tuple[int, int], at: tuple[int, int]) -> int:
        """Add a node's row to the positions; return its number."""
        node = len(self.keys)
        if node >= MAX_NODES:
            self.too_many(at)
        self.keys.append(key)
        self.sizes.append(1)
        self.spans.extend((key_at[0], key_at[1], at[0], at[1]))
        return node

    def run(self, text: str | bytes) -> None:
        stack = self.stack
        loader = self.loader(text)
        try:
            self._events(loader, stack)
        except _Stop:
            pass  # a limit was reached: its problem is recorded, the rest of the file is not read
        finally:
            loader.dispose()

    def _events(self, loader: Any, stack: list[_Frame]) -> None:
        # get_event() straight from the C parser: yaml.parse() would add a generator and a
        # check_event() call per event (issue 9: this loop is most of validate's time).
        documents = 0
        event: Any
        get_event = loader.get_event
        keys, sizes, spans = self.keys, self.sizes, self.spans
        while True:
            event = get_event()
            kind = type(event)
            if kind is yaml.StreamEndEvent:
                return
            if kind is yaml.ScalarEvent:
                # The one path of every scalar, inlined (issue 9: this loop is most of a run's
                # time): plain text needs no resolving, and most scalars are a mapping's key or value.
                if event.anchor is not None or event.tag is not None:
                    self.check_node(event)
                text = event.value
                first = text[:1]
                if event.style or not event.implicit[0] or not first.isalpha() or first in "tTfFnN":
                    value = self.scalar(event)  # quoted, or perhaps a number, a boolean or null
                else:
                    value = text if text.isascii() else _nfc(text)
                mark = event.start_mark
                line, column = mark.line + 1, mark.column + 1
                frame = stack[-1] if stack else None
                if frame is None or not frame.is_map:  # a list item, or the whole document
                    if len(keys) >= MAX_NODES:
                        self.too_many((line, column))
                    if frame is None:
                        key: Any = None
                        self.tree.value, self.tree.empty = value, False
                    else:
                        key = len(frame.container)
                        frame.container.append(value)
                    keys.append(key)
                    sizes.append(1)
                    spans.extend((line, column, line, column))
                    continue
                key = frame.key
                if key is _NO_KEY:
                    if type(value) is str and value not in frame.seen and (value != "<<" or event.style):
                        frame.seen[value] = line
                        frame.key = sys.intern(value)
                        frame.key_at = (line, column)
                    else:
                        self.take_key(frame, value, (line, column), plain=not event.style)
                    continue
                frame.key = _NO_KEY
                if len(keys) >= MAX_NODES:
                    self.too_many(_at(event))
                keys.append(key)
                sizes.append(1)
                key_line, key_column = frame.key_at
                spans.extend((key_line, key_column, line, column))
                if key is not _SKIP:
                    frame.container[key] = value
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                self.check_node(event)
                at = _at(event)
                if len(stack) >= MAX_DEPTH:
                    self.problem(TOO_DEEP.code, _depth_message(), at)
                    self.tree.value = None
                    return
                container: Any = {} if kind is yaml.MappingStartEvent else []
                stack.append(_Frame(container, self.record(*self.place(at), at), at))
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                frame = stack.pop()
                self.sizes[frame.node] = len(self.keys) - frame.node
                self.finish(frame.container, frame.start, recorded=True)
            elif kind is yaml.AliasEvent:
                at = _at(event)
                self.problem(_FORBIDDEN, functools.partial(_alias_message, event.anchor), at)
                self.finish(None, at)
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    self.problem(MULTIPLE_DOCUMENTS.code, _documents_message(), _at(event))
                    return
                if event.version is not None or event.tags:
                    self.problem(_FORBIDDEN, _directive_message(), _at(event))

    def scalar(self, event: Any) -> Any:
        if event.style or not event.implicit[0]:
            if event.style == '"' and CONTROL.search(event.value):
                # Written as an escape (`"\\e"`, `"\\x07"`): not in the raw text the decoder checked.
                self.problem(ENCODING.code, _escaped_control_message(), _at(event))
            return _nfc(event.value)
        try:
            value = resolve_plain(event.value)
        except _TooLong:
            self.problem(INVALID_NUMBER.code, _too_long_message(), _at(event))
            return None
        return _nfc(value) if isinstance(value, str) else value

    def check_node(self, event: Any) -> None:
        anchor, tag = event.anchor, event.tag
        if anchor is None and (tag is None or tag == "!"):
            return
        if anchor is not None:
            self.problem(_FORBIDDEN, functools.partial(_anchor_message, anchor), _at(event))
        if tag is not None and tag != "!":
            self.problem(_FORBIDDEN, functools.partial(_tag_message, tag), _at(event))

    def place(self, at: tuple[int, int]) -> tuple[Any, tuple[int, int]]:
        """The key (or list index) a value starting at `at` gets in its parent, and the key's position."""
        if not self.stack:
            return None, at
        frame = self.stack[-1]
        if frame.is_map:
            return frame.key, frame.key_at  # no key yet: a complex key, an NV001 problem
        return len(frame.container), at

    def finish(self, value: Any, at: tuple[int, int], *, recorded: bool = False) -> None:
        """Put a finished list, mapping or alias into its parent (or take it as the parent's next key).

        Scalars never come here: `_events` puts them in place itself.
        """
        if not self.stack:
            self.tree.value = value
            self.tree.empty = False
            if not recorded:
                self.record(None, at, at)
            return
        frame = self.stack[-1]
        if not frame.is_map:
            if not recorded:
                self.record(len(frame.container), at, at)
            frame.container.append(value)
        elif frame.key is _NO_KEY:
            self.take_key(frame, value, at, plain=False)
        else:
            key = frame.key
            frame.key = _NO_KEY
            if not recorded:
                self.record(key, frame.key_at, at)
            if key is not _SKIP:
                frame.container[key] = value

    def take_key(self, frame: _Frame, key: Any, at: tuple[int, int], *, plain: bool) -> None:
        if key == "<<" and plain:
            self.problem(_FORBIDDEN, _merge_message(), at)
            key = _SKIP
        elif isinstance(key, (dict, list)) or key is None or (isinstance(key, float) and key != key):
            self.problem(YAML_SYNTAX.code, _complex_key_message(), at)
            key = _SKIP
        elif key in frame.seen:
            self.problem(DUPLICATE_KEY.code, _duplicate_message(key, frame.seen[key]), at)
            key = _SKIP
        else:
            frame.seen[key] = at[0]
            if type(key) is str:
                key = sys.intern(key)  # the same few keys thousands of times: one string each
            else:
                self.tree.text_keys = False
        frame.key = key
        frame.key_at = at


def _merge_message() -> str:
    return (
        "Sammanslagningsnyckeln `<<` används inte i naravards filer: skriv ut nycklarna "
        "och värdena där de behövs."
    )


def _complex_key_message() -> str:
    return "En nyckel måste vara ett enkelt ord, inte en lista eller en mappning."


def _duplicate_message(key: Any, first_line: int) -> str:
    return (
        f"Nyckeln `{key}` finns redan på rad {first_line} i samma avsnitt. "
        "Varje nyckel får bara förekomma en gång: slå ihop eller ta bort den ena."
    )


def _anchor_message(anchor: str) -> str:
    return (
        f"Ankare (`&{anchor}`) används inte i naravards filer: skriv ut värdet på varje "
        "ställe där det behövs."
    )


def _alias_message(anchor: str) -> str:
    return (
        f"Alias (`*{anchor}`) används inte i naravards filer: skriv ut värdet på varje ställe där det behövs."
    )


def _tag_message(tag: str) -> str:
    short = tag.replace("tag:yaml.org,2002:", "!!")
    if len(short) > 40:
        short = short[:40] + "…"
    return (
        f"YAML-taggen `{short}` är inte tillåten. Skriv värdet utan tagg; "
        "text som börjar med ! måste stå inom citattecken."
    )


def _directive_message() -> str:
    return "Direktiv som `%YAML` och `%TAG` används inte i naravards filer: ta bort raden."


def _documents_message() -> str:
    return (
        "Filen innehåller flera YAML-dokument (avdelade med `---`). En fil ska bara ha ett "
        "dokument: dela upp den i flera filer eller ta bort avdelaren."
    )


def _too_many_message() -> str:
    limit = f"{MAX_NODES:,}".replace(",", " ")
    return (
        f"Filen har fler än {limit} nycklar och värden, mer än någon plan eller uppföljning har; "
        "resten av filen läses inte. Kontrollera att rätt fil har sparats här."
    )


def _depth_message() -> str:
    return f"Strukturen är för djupt nästlad (mer än {MAX_DEPTH} nivåer)."


def _escaped_control_message() -> str:
    return (
        "Texten innehåller ett osynligt styrtecken, skrivet som en escape-sekvens med \\. "
        "Ta bort det: sådana tecken hör inte hemma i en plan eller uppföljning."
    )


def _too_long_message() -> str:
    return "Talet har för många siffror för att vara ett nyckeltal eller en skattning."
