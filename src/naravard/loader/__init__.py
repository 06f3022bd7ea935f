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
from naravard.loader.codes import EMPTY_FILE, ENCODING, UNREADABLE_FILE
from naravard.loader.encoding import Decoded, decode, positions_of_chars
from naravard.loader.personal import NONE, PersonalData
from naravard.loader.tree import NO_POSITIONS, Positions, build_tree

# One line only: `[^\]\n]` and `[ \t]`, so a comment without its `]` costs its line, not the file.
_WAIVER = re.compile(r"(?:^|\s)#[ \t]*naravard:[ \t]*ignore\[([^\]\n]*)\]", re.MULTILINE)


def find_waivers(text: str) -> dict[int, tuple[int, tuple[str, ...]]]:
    """`# naravard: ignore[NV301, NV309]` comments: line → (column, codes), in one pass over the text."""
    if "naravard:" not in text:
        return {}
    matches = list(_WAIVER.finditer(text))
    starts = [match.start() + (1 if text[match.start()].isspace() else 0) for match in matches]
    found = {}
    for (line, column), match in zip(positions_of_chars(text, starts), matches, strict=True):
        codes = tuple(c.strip().upper() for c in match.group(1).split(",") if c.strip())
        found[line] = (column, codes)
    return found


__all__ = ["MAX_BYTES", "SourceDocument", "load_document", "load_text", "loaded_from", "read_file", "reread"]

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
    personal: PersonalData = NONE  # personnummer and contact details (rules NV217, NV314)
    text_keys: bool = field(default=True, repr=False)  # every mapping key is text (see loader.cache)
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
            if isinstance(decoded, Decoded):
                self._value = build_tree(decoded.text, decoded.body).value
            else:
                self._value = None
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
    # naravard.privacy finds positions with loader.encoding: imported here, not where loading starts.
    from naravard.privacy import personal_data

    doc = SourceDocument(rel)
    decoded = decode(data)
    if not isinstance(decoded, Decoded):
        doc.findings.append(ENCODING.at(Location(rel, decoded.line, decoded.column), decoded.message))
        doc.personal = personal_data(data)  # searched as an editor shows the file
        return doc
    doc.waivers = find_waivers(decoded.text)
    doc.hidden = decoded.hidden
    doc.reload = functools.partial(bytes, data)
    tree = build_tree(decoded.text, decoded.body)
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
        doc.findings.append(EMPTY_FILE.at(Location(rel, 1, 1), _EMPTY))
    doc.personal = personal_data(data, decoded.text, tree)
    doc._value = tree.value
    doc.spans = tree.spans
    doc.text_keys = tree.text_keys
    return doc


def load_document(root: Path, path: Path) -> SourceDocument:
    """Read and load one file of the repository at `root`."""
    forget_folders()  # one file is one load: its folders are resolved anew
    data = read_file(root, path)
    if isinstance(data, SourceDocument):
        return data
    return loaded_from(root, path, data)


def read_file(root: Path, path: Path, rel: str | None = None) -> bytes | SourceDocument:
    """The bytes of one file of the repository, or a document with the reason it is not read.

    `rel` is the path from `root` when the caller knows it.
    """
    rel = rel if rel is not None else path.relative_to(root).as_posix()
    refusal = _refuse(root, path)
    if refusal:
        return SourceDocument(rel, findings=[UNREADABLE_FILE.at(Location(rel), refusal)])
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        return SourceDocument(
            rel,
            findings=[UNREADABLE_FILE.at(Location(rel), f"Filen kan inte läsas: {exc.strerror}.")],
        )
    if len(data) > MAX_BYTES:
        return SourceDocument(rel, findings=[UNREADABLE_FILE.at(Location(rel), _too_large())])
    return data


def loaded_from(root: Path, path: Path, data: bytes, rel: str | None = None) -> SourceDocument:
    """The document of a file of the repository whose bytes `read_file` gave."""
    doc = load_text(rel if rel is not None else path.relative_to(root).as_posix(), data)
    doc.reload = functools.partial(reread, path)  # not the bytes: a large run keeps no file text
    return doc


def reread(path: Path) -> bytes:
    """A file's bytes again, for a document whose values were released."""
    with open(path, "rb") as handle:
        return handle.read(MAX_BYTES + 1)


def _refuse(root: Path, path: Path) -> str | None:
    try:
        info = os.lstat(path)
        # Resolving covers a link anywhere on the way, not only the file itself. A file that is no
        # link is inside the repository when its folder is: each folder is resolved once per load
        # (issue 18: resolving every file walked every folder again).
        if stat.S_ISLNK(info.st_mode):
            inside = path.resolve().is_relative_to(resolved_folder(root))
            info = os.stat(path)
        else:
            inside = folder_inside(root, path.parent)
        if not inside:
            return (
                "Filen är en symbolisk länk till något utanför repositoriet och läses inte. "
                "Lägg in själva filen i stället för en länk."
            )
    except (OSError, RuntimeError) as exc:
        return f"Filen kan inte läsas: {getattr(exc, 'strerror', None) or exc}."
    if not stat.S_ISREG(info.st_mode):
        return "Det här är inte en vanlig fil (utan t.ex. en enhet eller en namngiven pipe) och läses inte."
    if info.st_size > MAX_BYTES:
        return _too_large()
    return None


@functools.lru_cache(maxsize=4096)
def resolved_folder(folder: Path) -> Path:
    """`folder.resolve()`, once per folder until `forget_folders` (called where a load starts)."""
    return folder.resolve()


@functools.lru_cache(maxsize=4096)
def folder_inside(root: Path, folder: Path) -> bool:
    """Whether `folder`, links on the way resolved, is inside `root` (once per folder, as above)."""
    return resolved_folder(folder).is_relative_to(resolved_folder(root))


def forget_folders() -> None:
    """Resolve folders anew: a folder may have become a link since the last load in this process."""
    resolved_folder.cache_clear()
    folder_inside.cache_clear()


def _too_large() -> str:
    return (
        f"Filen är större än {MAX_BYTES // (1024 * 1024)} MB, gränsen för en datafil i naravard. "
        "En plan eller uppföljning är normalt några tiotal kB: kontrollera att rätt fil har sparats här."
    )


_EMPTY = (
    "Filen är tom (eller innehåller bara kommentarer). Fyll i den, eller ta bort den om den inte ska finnas."
)
