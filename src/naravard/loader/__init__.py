"""Loading: a file on disk to a `SourceDocument` (values with positions, or load findings).

Reading is safe for files from a pull request: only regular files inside the
repository, a size limit checked before reading, strict UTF-8, and no YAML
feature that could construct objects or expand aliases.
"""

from __future__ import annotations

import functools
import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from naravard.findings import Finding, Location, more_of_the_same
from naravard.loader.encoding import Decoded, decode
from naravard.loader.tree import NO_POSITIONS, Positions, build_tree

_WAIVER = re.compile(r"(?:^|\s)#\s*naravard:\s*ignore\[([^\]]*)\]", re.MULTILINE)


def find_waivers(text: str) -> dict[int, tuple[int, tuple[str, ...]]]:
    """`# naravard: ignore[NV301, NV309]` comments: line → (column, codes)."""
    if "naravard:" not in text:
        return {}
    found = {}
    for match in _WAIVER.finditer(text):
        start = match.start() + (1 if text[match.start()].isspace() else 0)
        line = text.count("\n", 0, start) + 1
        column = start - (text.rfind("\n", 0, start) + 1) + 1
        codes = tuple(c.strip().upper() for c in match.group(1).split(",") if c.strip())
        found[line] = (column, codes)
    return found


_HIDDEN = re.compile("[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def find_hidden(text: str) -> tuple[tuple[int, int, str], ...]:
    """Bidi controls and zero-width characters in the text (rule NV312 reports them)."""
    found = []
    for match in _HIDDEN.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
        found.append((line, column, match.group()))
    return tuple(found)


__all__ = ["MAX_BYTES", "SourceDocument", "load_document", "load_text"]

MAX_BYTES = 2 * 1024 * 1024  # the largest real file is ~40 KB; a limit keeps /dev/zero out


@dataclass
class SourceDocument:
    """One YAML file: its values and positions when it could be read, else its load findings.

    Once a file has been checked against its model, the repository releases its values (they
    are much of the memory of a large run, issue 9); they are read again through `reload` if
    asked for. The positions are compact and stay: a finding never reads a file twice.
    """

    rel: str
    _value: Any = None
    spans: Positions = NO_POSITIONS
    findings: list[Finding] = field(default_factory=list)
    waivers: dict[int, tuple[int, tuple[str, ...]]] = field(default_factory=dict)
    hidden: tuple[tuple[int, int, str], ...] = ()  # bidi and zero-width characters: line, column, char
    reload: Callable[[], bytes] | None = field(default=None, repr=False, compare=False)
    _released: bool = field(default=False, repr=False, compare=False)

    @property
    def ok(self) -> bool:
        """True when the file was read into values (it may still break the schema)."""
        return not self.findings

    @property
    def value(self) -> Any:
        """The file's values (read again after `release`)."""
        if self._released and self.reload is not None:
            decoded = decode(self.reload())
            self._value = build_tree(decoded.text).value if isinstance(decoded, Decoded) else None
            self._released = False
        return self._value

    def release(self) -> None:
        """Forget the values; they are read again from the file if asked for."""
        if self.reload is not None:
            self._value, self._released = None, True

    def at(self, path: tuple[Any, ...], *, key: bool = False) -> Location:
        """The location of the deepest known part of `path` (its key, or its value)."""
        spans = self.spans
        for end in range(len(path), -1, -1):
            span = spans.get(path[:end])
            if span is not None:
                # A path deeper than the file goes (`varde` of a short-form score) is inside
                # the deepest value that exists: point at that value.
                if key and end == len(path):
                    return Location(self.rel, span.key_line, span.key_column)
                return Location(self.rel, span.line, span.column)
        return Location(self.rel, 1, 1)

    def first_key(self) -> Location:
        """Where the file's first top-level key stands (missing top-level keys point here)."""
        first = self.spans.first_key()
        if first is not None:
            return Location(self.rel, first.key_line, first.key_column)
        return self.at(())

    def finding(self, path: tuple[Any, ...], code: str, message: str, *, key: bool = False) -> Finding:
        """A finding located at `path` in this file."""
        return Finding(self.at(path, key=key), code, message)


def load_text(rel: str, data: bytes) -> SourceDocument:
    """Build a document from a file's bytes."""
    doc = SourceDocument(rel)
    decoded = decode(data)
    if not isinstance(decoded, Decoded):
        doc.findings.append(Finding(Location(rel, decoded.line, decoded.column), "NV002", decoded.message))
        return doc
    doc.waivers = find_waivers(decoded.text)
    doc.hidden = find_hidden(decoded.text)
    doc.reload = functools.partial(bytes, data)
    tree = build_tree(decoded.text)
    doc.findings.extend(
        Finding(
            Location(rel, p.line, p.column),
            p.code,
            more_of_the_same(p.more) if p.more else p.message,
            more=p.more,
        )
        for p in tree.problems
    )
    if not doc.findings and tree.empty:
        doc.findings.append(Finding(Location(rel, 1, 1), "NV003", _EMPTY))
    doc._value = tree.value
    doc.spans = tree.spans
    return doc


def load_document(root: Path, path: Path) -> SourceDocument:
    """Read and load one file of the repository at `root`."""
    rel = path.relative_to(root).as_posix()
    refusal = _refuse(root, path)
    if refusal:
        return SourceDocument(rel, findings=[Finding(Location(rel), "NV009", refusal)])
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        return SourceDocument(
            rel,
            findings=[Finding(Location(rel), "NV009", f"Filen kan inte läsas: {exc.strerror}.")],
        )
    if len(data) > MAX_BYTES:
        return SourceDocument(rel, findings=[Finding(Location(rel), "NV009", _too_large())])
    doc = load_text(rel, data)
    doc.reload = functools.partial(_read_again, path)  # not the bytes: a large run keeps no file text
    return doc


def _read_again(path: Path) -> bytes:
    with open(path, "rb") as handle:
        return handle.read(MAX_BYTES + 1)


def _refuse(root: Path, path: Path) -> str | None:
    try:
        # Resolving covers a link anywhere on the way, not only the file itself.
        if not path.resolve().is_relative_to(root.resolve()):
            return (
                "Filen är en symbolisk länk till något utanför repositoriet och läses inte. "
                "Lägg in själva filen i stället för en länk."
            )
        info = os.stat(path)
    except (OSError, RuntimeError) as exc:
        return f"Filen kan inte läsas: {getattr(exc, 'strerror', None) or exc}."
    if not stat.S_ISREG(info.st_mode):
        return "Det här är inte en vanlig fil (utan t.ex. en enhet eller en namngiven pipe) och läses inte."
    if info.st_size > MAX_BYTES:
        return _too_large()
    return None


def _too_large() -> str:
    return (
        f"Filen är större än {MAX_BYTES // (1024 * 1024)} MB, gränsen för en datafil i naravard. "
        "En plan eller uppföljning är normalt några tiotal kB: kontrollera att rätt fil har sparats här."
    )


_EMPTY = (
    "Filen är tom (eller innehåller bara kommentarer). Fyll i den, eller ta bort den om den inte ska finnas."
)
