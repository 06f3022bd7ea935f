"""ruamel.yaml's round trip, set up to write the files as the data owners write them.

Settings (checked against every shipped file: a load and dump changes nothing):
two spaces per level with list items indented under their key, no re-wrapping
of long lines (width 4096), quotes as written, and a null written out as `null`
where the author wrote it so (`resultat:` stays empty). On top of that,
`drop_needless_quotes` takes away quotes that change nothing for any reader.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from typing import Any

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.emitter import Emitter
from ruamel.yaml.representer import RoundTripRepresenter
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, SingleQuotedScalarString

from naravard.loader.tree import resolve_plain
from naravard.loader.yamlc import CSafeLoader as _Loader

_NULL_WORDS = frozenset({"null", "Null", "NULL", "~"})
_STR = "tag:yaml.org,2002:str"


class WrittenNull:
    """A null that the source spells out (`null`, `~`); an empty one stays None and empty."""


def _represent_written_null(representer: RoundTripRepresenter, _data: WrittenNull) -> Any:
    return representer.represent_scalar("tag:yaml.org,2002:null", "null")


class _Representer(RoundTripRepresenter):
    """ruamel.yaml's round-trip representer with naravard's nulls, on a class of its own.

    `add_representer` changes the class it is called on for every YAML instance in the
    process, so the nulls are set here, where no other module's settings reach them.
    """

    def ignore_aliases(self, data: Any) -> bool:
        # The format forbids anchors: a scalar used twice (Kolada's one fetch date) is written
        # twice. Containers still count as represented, which keeps an empty null empty.
        return not isinstance(data, (dict, list)) or super().ignore_aliases(data)


_Representer.add_representer(type(None), RoundTripRepresenter.represent_none)
_Representer.add_representer(WrittenNull, _represent_written_null)


def build_yaml() -> YAML:
    """A round-trip YAML instance with naravard's layout."""
    rt = YAML(typ="rt")
    rt.Representer = _Representer
    rt.indent(mapping=2, sequence=4, offset=2)
    rt.width = 4096
    rt.preserve_quotes = True
    return rt


def load(rt: YAML, text: str) -> Any:
    """The round-trip data of `text`, with written-out nulls marked."""
    data = rt.load(text)
    events = (e for e in yaml.parse(text, Loader=_Loader) if _is_node(e))
    _mark_written_nulls(data, events)
    return data


def dump(rt: YAML, data: Any) -> str:
    """The text of round-trip data."""
    out = io.StringIO()
    rt.dump(data, out)
    return out.getvalue()


class StructureMismatch(ValueError):
    """ruamel.yaml and libyaml read the text differently (then the file is not rewritten)."""


def _is_node(event: Any) -> bool:
    return isinstance(
        event, (yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent, yaml.CollectionEndEvent)
    )


def _mark_written_nulls(node: Any, events: Iterator[Any]) -> Any:
    """Walk ruamel's data and libyaml's events together; return the node, a null marked if written."""
    event = next(events, None)
    if isinstance(node, CommentedMap):
        if not isinstance(event, yaml.MappingStartEvent):
            raise StructureMismatch(event)
        for key in list(node):
            _expect_scalar(next(events, None))
            value = _mark_written_nulls(node[key], events)
            if value is not node[key]:
                node[key] = value
        _expect_end(next(events, None))
        return node
    if isinstance(node, CommentedSeq):
        if not isinstance(event, yaml.SequenceStartEvent):
            raise StructureMismatch(event)
        for index, item in enumerate(node):
            value = _mark_written_nulls(item, events)
            if value is not item:
                node[index] = value
        _expect_end(next(events, None))
        return node
    if not isinstance(event, yaml.ScalarEvent):
        raise StructureMismatch(event)
    if node is None and event.value in _NULL_WORDS and not event.style:
        return WrittenNull()
    return node


def _expect_scalar(event: Any) -> None:
    if not isinstance(event, yaml.ScalarEvent):
        raise StructureMismatch(event)


def _expect_end(event: Any) -> None:
    if not isinstance(event, yaml.CollectionEndEvent):
        raise StructureMismatch(event)


def insert_in_order(mapping: CommentedMap, key: str, value: Any, order: Sequence[str]) -> None:
    """Put a new `key` before the first existing key that comes after it in `order` (else last)."""
    rank = {k: i for i, k in enumerate(order)}
    mine = rank.get(key, len(order))
    for position, existing in enumerate(mapping):
        if rank.get(existing, -1) > mine:
            mapping.insert(position, key, value)
            return
    mapping[key] = value


def drop_needless_quotes(data: Any) -> None:
    """Write quoted texts plain where every reader reads the plain text the same (keys too).

    A text keeps its quotes when plain it would be a number, a date, a boolean or
    null under YAML 1.2 (naravard, the editor) or YAML 1.1 (older tools: `no`,
    `0114`), or when YAML's syntax needs them (`: `, ` #`, a leading `-`).
    """
    _unquote(data, in_flow=False)


def _unquote(node: Any, *, in_flow: bool) -> None:
    if isinstance(node, CommentedMap):
        flow = in_flow or node.fa.flow_style()
        if any(_plain_ok(k, in_flow=flow) for k in node):
            for key in list(node):
                value = node[key]
                del node[key]
                node[str(key) if _plain_ok(key, in_flow=flow) else key] = value
        for key in list(node):
            value = node[key]
            if _plain_ok(value, in_flow=flow):
                dict.__setitem__(node, key, str(value))  # CommentedMap would keep the quoted type
            else:
                _unquote(value, in_flow=flow)
    elif isinstance(node, CommentedSeq):
        flow = in_flow or node.fa.flow_style()
        for index, item in enumerate(node):
            if _plain_ok(item, in_flow=flow):
                node[index] = str(item)
            else:
                _unquote(item, in_flow=flow)


_ANALYSER = Emitter(io.StringIO(), allow_unicode=True)
_YAML11 = yaml.resolver.Resolver()


def _plain_ok(value: Any, *, in_flow: bool) -> bool:
    if not isinstance(value, (DoubleQuotedScalarString, SingleQuotedScalarString)):
        return False
    return plain_safe(str(value), in_flow=in_flow)


def plain_safe(text: str, *, in_flow: bool = False) -> bool:
    """True when `text` can be written without quotes and every reader reads it back as this text."""
    if not text or text != text.strip() or not text.isprintable():
        return False
    try:
        analysis = _ANALYSER.analyze_scalar(text)
    except AttributeError:
        # A lone emitter has no serializer, and ruamel asks it about `?` and similar
        # indicators; such a text keeps its quotes (found by tests/test_properties.py).
        return False
    if analysis.multiline or not (analysis.allow_flow_plain if in_flow else analysis.allow_block_plain):
        return False
    if resolve_plain(text) != text:
        return False
    resolved: Any = _YAML11.resolve(yaml.ScalarNode, text, (True, False))  # type: ignore[no-untyped-call]
    return bool(resolved == _STR)
