"""A per-file cache of the parse: a file whose bytes were read before is not parsed again (issue 15).

What is kept is what loading one file gives, and nothing that depends on other files: its values,
the positions of every key and value, its load findings, waivers, hidden characters and where
personal data stands (`loader.personal`: positions and masked forms, never a number in full). The
cross-file rules and the models are always run on the whole repository, so a cache can make a run
faster but never change what it finds: an entry is found by the SHA-256 of the file's bytes, in a
folder named by naravard's version, the source of its loader and of `naravard.privacy`, the
`personnummer` package's, Python's version and the parser's (PyYAML and libyaml). Any change
to one of them is a new folder, and the old ones are removed.

**Where.** In the user's own cache folder (`~/.cache/naravard` on Linux, `~/Library/Caches/naravard`
on macOS, `%LOCALAPPDATA%\\naravard\\Cache` on Windows; `NARAVARD_CACHE_DIR` overrides), not in the
repository: a repository's content comes from pull requests, and a `.naravard-cache/` committed in
one could claim that a broken file is clean. A folder that is a symbolic link, or (on POSIX) not
the user's own, is not used.

**What format.** Data only: a cache file is read as JSON (values, findings) and two arrays of
unsigned integers (positions), behind a header with the file's hash, the lengths and a CRC-32 of
the rest. Not pickle or marshal: reading those can run code or crash the interpreter on crafted
input, and a cache file is input. A file that does not read back exactly as written (truncated,
corrupted, from another machine, hand-made) is ignored and the file is parsed as if there were no
cache. A mapping whose keys are not all text (a scale's `1: Stämmer inte alls`) is kept as a list of pairs,
since JSON keeps only text keys.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import struct
import sys
import tempfile
import zlib
from array import array
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from naravard.findings import Finding, Location, Severity
from naravard.loader import SourceDocument
from naravard.loader.personal import NumberAt, PersonalData
from naravard.loader.tree import Positions

_MAGIC = b"naravard-parse\x00\x02"
_HEADER = struct.Struct("<16s32sIIIII")  # magic, the file's sha256, lengths (json, keys, sizes, spans), crc32
_ITEM = "I"


def default_folder() -> Path:
    """The user's cache folder for naravard (NARAVARD_CACHE_DIR overrides)."""
    override = os.environ.get("NARAVARD_CACHE_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32":  # pragma: no cover - platform specific
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "naravard" / "Cache"
    if sys.platform == "darwin":  # pragma: no cover - platform specific
        return Path.home() / "Library" / "Caches" / "naravard"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "naravard"


@functools.lru_cache(maxsize=1)
def version_key() -> str:
    """What a cache entry depends on besides the file: naravard, its loader, Python, PyYAML, libyaml.

    And what finds personal data for it: `naravard.privacy` and the `personnummer` package.
    """
    from personnummer import personnummer  # type: ignore[import-untyped]  # no type hints

    from naravard import __version__, privacy

    digest = hashlib.sha256()
    for source in sorted(Path(__file__).parent.glob("*.py")):  # the loader's own code
        digest.update(source.read_bytes())
    for module in (privacy, personnummer):
        digest.update(Path(str(module.__file__)).read_bytes())
    for part in (
        __version__,
        sys.version,
        yaml.__version__,
        getattr(yaml, "__with_libyaml__", False) and _libyaml_version(),
        sys.byteorder,
        array(_ITEM).itemsize,
    ):
        digest.update(repr(part).encode())
    return f"parse-{digest.hexdigest()[:20]}"


def _libyaml_version() -> str:
    try:
        from yaml import _yaml

        return str(_yaml.get_version_string())
    except (ImportError, AttributeError):  # pragma: no cover - depends on how PyYAML was built
        return "none"


class ParseCache:
    """The cache folder for this naravard; entries are read and written by a file's hash."""

    def __init__(self, folder: Path | None = None) -> None:
        self.base = folder if folder is not None else default_folder()
        self.folder = self.base / version_key()
        self.usable = True

    def __getstate__(self) -> dict[str, Any]:  # sent to worker processes: only where it is
        return {"base": self.base, "folder": self.folder, "usable": self.usable}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)

    @staticmethod
    def digest(data: bytes) -> bytes:
        return hashlib.sha256(data).digest()

    def _path(self, digest: bytes) -> Path:
        name = digest.hex()
        return self.folder / name[:2] / name[2:]

    def has(self, digest: bytes) -> bool:
        """Whether an entry for the bytes with `digest` is kept (it is checked when read)."""
        return self.usable and self._path(digest).is_file()

    def get(self, rel: str, digest: bytes) -> SourceDocument | None:
        """The document of the file `rel` whose bytes have `digest`, if a sound entry is kept."""
        if not self.usable:
            return None
        try:
            with open(self._path(digest), "rb") as handle:
                raw = handle.read()
            return _decode(rel, digest, raw)
        except (OSError, ValueError, TypeError, KeyError, IndexError, struct.error, RecursionError):
            return None

    def put(self, digest: bytes, doc: SourceDocument) -> None:
        """Keep `doc` as the parse of the bytes with `digest`; quietly nothing if it cannot be kept."""
        if not self.usable:
            return
        try:
            raw = _encode(digest, doc)
        except (TypeError, ValueError, RecursionError):
            return  # not JSON (a key that is not text, a number beyond JSON): parsed every time
        if raw is None:
            return
        target = self._path(digest)
        try:
            if not self._ready:
                self.usable = False
                return
            if target.parent.name not in self._made:
                target.parent.mkdir(mode=0o700, exist_ok=True)
                self._made.add(target.parent.name)
            handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
            with os.fdopen(handle, "wb") as out:
                out.write(raw)
            os.replace(temporary, target)
        except OSError:
            with contextlib.suppress(OSError, UnboundLocalError):
                os.unlink(temporary)

    @functools.cached_property
    def _made(self) -> set[str]:
        return set()

    @functools.cached_property
    def _ready(self) -> bool:
        """The folder exists, is the user's own and no symbolic link (checked once per process)."""
        try:
            self.base.mkdir(mode=0o700, parents=True, exist_ok=True)
            for folder in (self.base, self.folder):
                if folder.is_symlink():
                    return False
            if hasattr(os, "getuid") and self.base.stat().st_uid != os.getuid():
                return False
            fresh = not self.folder.exists()
            self.folder.mkdir(mode=0o700, exist_ok=True)
            ignore = self.base / ".gitignore"  # should someone point NARAVARD_CACHE_DIR into a repository
            if not ignore.exists():
                ignore.write_text("# made by naravard\n*\n", encoding="utf-8")
            if fresh:
                self._remove_other_versions()
            return True
        except OSError:
            return False

    def _remove_other_versions(self) -> None:
        import shutil

        for other in self.base.glob("parse-*"):
            if other != self.folder and other.is_dir() and not other.is_symlink():
                shutil.rmtree(other, ignore_errors=True)


def _encode(digest: bytes, doc: SourceDocument) -> bytes | None:
    _, (keys, sizes, positions) = doc.spans.__reduce__()  # what Positions is made of, as it travels
    # Each node's key as a number into a table of the distinct keys: a few dozen per file.
    table: dict[tuple[type, Any], int] = {}
    numbers = array(_ITEM, [table.setdefault((type(key), key), len(table)) for key in keys])
    record = {
        "value": doc._value if doc.text_keys else _tagged(doc._value),
        "tagged": not doc.text_keys,
        "keys": [key for _, key in table],
        "findings": [
            [f.location.line, f.location.column, f.code, f.message, f.severity.value, f.more]
            for f in doc.findings
        ],
        "waivers": [[line, column, list(codes)] for line, (column, codes) in doc.waivers.items()],
        "hidden": [list(h) for h in doc.hidden],
        "numbers": [_number(n) for n in doc.personal.numbers],
        "escaped": [_number(n) for n in doc.personal.escaped],
        "contacts": [list(c) for c in doc.personal.contacts],
    }
    body = json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    tail = numbers.tobytes() + sizes.tobytes() + positions.tobytes()
    crc = zlib.crc32(tail, zlib.crc32(body))
    header = _HEADER.pack(_MAGIC, digest, len(body), len(numbers), len(sizes), len(positions), crc)
    return bytes(header + body + tail)


def _decode(rel: str, digest: bytes, raw: bytes) -> SourceDocument | None:
    magic, stored, body_length, numbers_length, sizes_length, spans_length, crc = _HEADER.unpack_from(raw)
    item = array(_ITEM).itemsize
    start = _HEADER.size
    if magic != _MAGIC or stored != digest:
        return None
    if len(raw) != start + body_length + (numbers_length + sizes_length + spans_length) * item:
        return None
    view = memoryview(raw)  # no copies of the entry's parts: an entry is larger than its file
    if zlib.crc32(view[start:]) != crc:
        return None
    record = json.loads(str(view[start : start + body_length], "utf-8"))
    arrays = []
    at = start + body_length
    for length in (numbers_length, sizes_length, spans_length):
        arrays.append(array(_ITEM))
        arrays[-1].frombytes(view[at : at + length * item])
        at += length * item
    numbers, sizes, spans = arrays
    table = [sys.intern(key) if type(key) is str else key for key in record["keys"]]
    if numbers and max(numbers) >= len(table):
        return None
    if not (len(numbers) == len(sizes) and len(spans) == 4 * len(sizes)):
        return None
    if sizes and (sizes[0] != len(sizes) or min(sizes) < 1 or max(sizes) > len(sizes)):
        return None
    doc = SourceDocument(rel)
    doc._value = _untagged(record["value"]) if record["tagged"] else record["value"]
    if sizes:
        doc.spans = Positions.packed(table, numbers, sizes, spans)
    if any(not isinstance(item, list) or len(item) != 6 for item in record["findings"]):
        return None  # an entry of another shape: parsed again, never trusted
    for line, column, code, message, severity, more in record["findings"]:
        if not (type(line) is int and type(column) is int and type(code) is str and type(message) is str):
            return None
        if type(more) is not int or more < 0:
            return None
        doc.findings.append(Finding(Location(rel, line, column), code, message, Severity(severity), more))
    for line, column, codes in record["waivers"]:
        if not (type(line) is int and type(column) is int and type(codes) is list):
            return None
        if not all(type(c) is str for c in codes):
            return None
        doc.waivers[line] = (column, tuple(codes))
    hidden = tuple((line, column, char) for line, column, char in record["hidden"])
    if not all(
        type(line) is int and type(column) is int and type(char) is str for line, column, char in hidden
    ):
        return None
    doc.hidden = hidden
    contacts = tuple((line, column, what) for line, column, what in record["contacts"])
    if not all(
        type(line) is int and type(column) is int and type(what) is str for line, column, what in contacts
    ):
        return None
    found, escaped = _numbers(record["numbers"]), _numbers(record["escaped"])
    if found is None or escaped is None:
        return None
    if found or escaped or contacts:
        doc.personal = PersonalData(found, escaped, contacts)
    return doc


def _number(number: NumberAt) -> list[Any]:
    return [number.line, number.column, number.masked, number.samordningsnummer, number.born, number.number]


def _numbers(items: list[Any]) -> tuple[NumberAt, ...] | None:
    numbers = tuple(NumberAt(*item) for item in items)  # TypeError for an item of another length
    for n in numbers:
        if not (type(n.line) is int and type(n.column) is int and type(n.masked) is str):
            return None
        if not (type(n.samordningsnummer) is bool and type(n.number) is int):
            return None
        if n.born is not None and type(n.born) is not str:
            return None
        if n.born is not None:
            date.fromisoformat(n.born)  # ValueError for a text that is no date
    return numbers


_PAIRS = "\u0000pairs"  # a mapping with keys that are not text, as a list of pairs (no YAML key is this)


def _tagged(value: Any) -> Any:
    if type(value) is dict:
        if all(type(key) is str for key in value):
            return {key: _tagged(item) for key, item in value.items()}
        return {_PAIRS: [[key, _tagged(item)] for key, item in value.items()]}
    if type(value) is list:
        return [_tagged(item) for item in value]
    return value


def _untagged(value: Any) -> Any:
    if type(value) is dict:
        if len(value) == 1 and _PAIRS in value:
            pairs = value[_PAIRS]
            if not all(type(pair) is list and len(pair) == 2 for pair in pairs):
                raise ValueError("not a mapping naravard wrote")
            return {key: _untagged(item) for key, item in pairs}
        return {key: _untagged(item) for key, item in value.items()}
    if type(value) is list:
        return [_untagged(item) for item in value]
    return value
