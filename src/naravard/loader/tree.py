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

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import yaml

from naravard.loader.encoding import CONTROL
from naravard.loader.messages import parser_code, parser_message

try:  # libyaml ships inside PyYAML's wheels; the pure-Python parser is the same API, slower.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_DEPTH = 40

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
    """A problem found while building the tree (code, message, 1-based position)."""

    code: str
    message: str
    line: int
    column: int


@dataclass
class Tree:
    """The values of one YAML document and a span for every path into it."""

    value: Any = None
    spans: dict[Path, Span] = field(default_factory=dict)
    problems: list[TreeProblem] = field(default_factory=list)
    empty: bool = True


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
    __slots__ = ("container", "is_map", "key", "key_at", "path", "seen", "start")

    def __init__(self, container: Any, path: Path, start: tuple[int, int]) -> None:
        self.container = container
        self.path = path
        self.start = start
        self.is_map = isinstance(container, dict)
        self.key: Any = _NO_KEY
        self.key_at = start
        self.seen: dict[Any, int] = {}


_NO_KEY = object()
_SKIP = object()
_FORBIDDEN = "NV005"


def _at(event: Any) -> tuple[int, int]:
    return event.start_mark.line + 1, event.start_mark.column + 1


def build_tree(text: str) -> Tree:
    """Parse one YAML document into values and spans; problems become `TreeProblem`s."""
    tree = Tree()
    try:
        _Builder(tree).run(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        tree.problems.append(TreeProblem(parser_code(exc), parser_message(exc), line, column))
        tree.value = None
    except yaml.YAMLError as exc:  # a ReaderError has an index, not a line
        position = getattr(exc, "position", 0) or 0
        line = text.count("\n", 0, position) + 1
        column = position - (text.rfind("\n", 0, position) + 1) + 1
        tree.problems.append(TreeProblem("NV001", parser_message(exc), line, column))
        tree.value = None
    return tree


class _Builder:
    """Turns the parser's events into values; one instance per document."""

    def __init__(self, tree: Tree) -> None:
        self.tree = tree
        self.stack: list[_Frame] = []

    def problem(self, code: str, message: str, at: tuple[int, int]) -> None:
        self.tree.problems.append(TreeProblem(code, message, at[0], at[1]))

    def run(self, text: str) -> None:
        stack = self.stack
        loader = _Loader(text)
        try:
            self._events(loader, stack)
        finally:
            loader.dispose()

    def _events(self, loader: Any, stack: list[_Frame]) -> None:
        # get_event() straight from the C parser: yaml.parse() would add a generator and a
        # check_event() call per event (issue 9: this loop is most of validate's time).
        documents = 0
        event: Any
        get_event = loader.get_event
        while True:
            event = get_event()
            kind = type(event)
            if kind is yaml.StreamEndEvent:
                return
            if kind is yaml.ScalarEvent:
                self.check_node(event)
                self.finish(self.scalar(event), _at(event), plain=not event.style)
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                self.check_node(event)
                at = _at(event)
                if len(stack) >= MAX_DEPTH:
                    self.problem("NV007", _depth_message(), at)
                    self.tree.value = None
                    return
                container: Any = {} if kind is yaml.MappingStartEvent else []
                stack.append(_Frame(container, self.child_path(), at))
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                frame = stack.pop()
                self.finish(frame.container, frame.start, plain=False)
            elif kind is yaml.AliasEvent:
                at = _at(event)
                self.problem(_FORBIDDEN, _alias_message(event.anchor), at)
                self.finish(None, at, plain=False)
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    self.problem("NV006", _documents_message(), _at(event))
                    return
                if event.version is not None or event.tags:
                    self.problem(_FORBIDDEN, _directive_message(), _at(event))

    def scalar(self, event: Any) -> Any:
        if event.style or not event.implicit[0]:
            if event.style == '"' and CONTROL.search(event.value):
                # Written as an escape (`"\\e"`, `"\\x07"`): not in the raw text the decoder checked.
                self.problem("NV002", _escaped_control_message(), _at(event))
            return _nfc(event.value)
        try:
            value = resolve_plain(event.value)
        except _TooLong:
            self.problem("NV105", _too_long_message(), _at(event))
            return None
        return _nfc(value) if isinstance(value, str) else value

    def check_node(self, event: Any) -> None:
        anchor, tag = event.anchor, event.tag
        if anchor is None and (tag is None or tag == "!"):
            return
        if anchor is not None:
            self.problem(_FORBIDDEN, _anchor_message(anchor), _at(event))
        if tag is not None and tag != "!":
            self.problem(_FORBIDDEN, _tag_message(tag), _at(event))

    def child_path(self) -> Path:
        if not self.stack:
            return ()
        frame = self.stack[-1]
        if not frame.is_map:
            return (*frame.path, len(frame.container))
        if frame.key is _NO_KEY or frame.key is _SKIP:
            return (*frame.path, "\x00")  # inside a rejected key: never reported
        return (*frame.path, frame.key)

    def finish(self, value: Any, at: tuple[int, int], *, plain: bool) -> None:
        """Put a finished value into its parent (or take it as the parent's next key)."""
        tree = self.tree
        if not self.stack:
            tree.value = value
            tree.empty = False
            tree.spans[()] = Span(at[0], at[1], at[0], at[1])
            return
        frame = self.stack[-1]
        if not frame.is_map:
            index = len(frame.container)
            frame.container.append(value)
            tree.spans[(*frame.path, index)] = Span(at[0], at[1], at[0], at[1])
        elif frame.key is _NO_KEY:
            self.take_key(frame, value, at, plain=plain)
        else:
            key = frame.key
            frame.key = _NO_KEY
            if key is not _SKIP:
                frame.container[key] = value
                key_line, key_column = frame.key_at
                tree.spans[(*frame.path, key)] = Span(key_line, key_column, at[0], at[1])

    def take_key(self, frame: _Frame, key: Any, at: tuple[int, int], *, plain: bool) -> None:
        if key == "<<" and plain:
            self.problem(_FORBIDDEN, _merge_message(), at)
            key = _SKIP
        elif isinstance(key, (dict, list)) or key is None or (isinstance(key, float) and key != key):
            self.problem("NV001", _complex_key_message(), at)
            key = _SKIP
        elif key in frame.seen:
            self.problem("NV004", _duplicate_message(key, frame.seen[key]), at)
            key = _SKIP
        else:
            frame.seen[key] = at[0]
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


def _depth_message() -> str:
    return f"Strukturen är för djupt nästlad (mer än {MAX_DEPTH} nivåer)."


def _escaped_control_message() -> str:
    return (
        "Texten innehåller ett osynligt styrtecken, skrivet som en escape-sekvens med \\. "
        "Ta bort det: sådana tecken hör inte hemma i en plan eller uppföljning."
    )


def _too_long_message() -> str:
    return "Talet har för många siffror för att vara ett nyckeltal eller en skattning."
