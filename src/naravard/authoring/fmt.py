"""`naravard fmt`: canonical formatting that keeps every comment, value, BOM and line ending.

A file is formatted only when naravard's own loader reads it without a problem
(a file it cannot read is never rewritten). The new text is then proven safe
before anything is written: it must load to exactly the same values (types
included) and hold exactly the same comments. If not, the file is left as it
was and the result says why. Writing is atomic (`atomic.write_atomic`).
"""

from __future__ import annotations

import difflib
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from naravard.atomic import repository_of, write_atomic
from naravard.authoring.lines import comment_texts, strip_trailing_space
from naravard.authoring.order import order_block_mappings, order_flow_mappings
from naravard.authoring.roundtrip import build_yaml, drop_needless_quotes, dump, load
from naravard.authoring.targets import model_for, yaml_files
from naravard.findings import Finding
from naravard.loader import MAX_BYTES, load_document, load_text
from naravard.loader.tree import build_tree
from naravard.textfile import TextFile
from naravard.workers import cores, map_in_workers

Model = type[BaseModel]


@dataclass(frozen=True)
class Formatted:
    """The outcome for one file: its bytes before and after, or why it was not formatted."""

    path: Path
    rel: str
    before: bytes = b""
    after: bytes | None = None
    findings: tuple[Finding, ...] = ()
    refusal: str | None = None

    @property
    def changed(self) -> bool:
        """True when formatting gives other bytes than the file has."""
        return self.after is not None and self.after != self.before

    def diff(self) -> str:
        """A unified diff from the file as it is to the file formatted (empty when unchanged)."""
        if not self.changed or self.after is None:
            return ""
        old, new = (_text(self.before), _text(self.after))
        return "".join(
            difflib.unified_diff(
                old.splitlines(keepends=True),
                new.splitlines(keepends=True),
                fromfile=f"a/{self.rel}",
                tofile=f"b/{self.rel}",
            )
        )


def _text(data: bytes) -> str:
    return data.decode("utf-8").lstrip("\ufeff").replace("\r\n", "\n")


def format_text(text: str, model: Model | None) -> str:
    """The canonical form of a YAML text (LF line ends); raises on what ruamel.yaml cannot read."""
    rt = build_yaml()
    data = load(rt, text)
    drop_needless_quotes(data)
    if model is not None:
        order_flow_mappings(data, model)
    formatted = dump(rt, data)
    if model is not None:
        formatted = order_block_mappings(formatted, model)
    return strip_trailing_space(formatted)


def format_bytes(path: Path, rel: str, data: bytes, model: Model | None) -> Formatted:
    """Format one file's bytes, or say why it must not be formatted."""
    original = load_text(rel, data)
    if original.findings:
        return Formatted(path, rel, data, findings=tuple(original.findings), refusal=_UNREADABLE)
    stored = TextFile.from_bytes(data)
    if not isinstance(stored, TextFile):  # the loader accepted it, so this does not happen
        return Formatted(path, rel, data, refusal=_UNREADABLE)
    if not isinstance(original.value, dict):
        return Formatted(path, rel, data, refusal=_NOT_A_MAPPING)
    try:
        text = format_text(stored.text, model)
        if text != stored.text:
            # A moved block can land where ruamel.yaml writes it a little differently
            # (trailing blank lines of a `|+` text at the end): one more pass settles it.
            text = format_text(text, model)
    except Exception:  # ruamel.yaml raises many kinds of error on text that libyaml read: leave the file
        return Formatted(path, rel, data, refusal=_RUAMEL)
    tree = build_tree(text)
    if tree.problems or not same_values(original.value, tree.value):
        return Formatted(path, rel, data, refusal=_VALUES)
    if Counter(comment_texts(stored.text)) != Counter(comment_texts(text)):
        return Formatted(path, rel, data, refusal=_COMMENTS)
    return Formatted(path, rel, data, after=stored.with_text(text).to_bytes())


def format_file(root: Path, path: Path) -> Formatted:
    """Read, check and format one file of the repository at `root` (nothing is written)."""
    rel = path.relative_to(root).as_posix()
    if path.is_symlink():
        return Formatted(path, rel, refusal=_LINK)
    found, model = model_for(root, path)
    if not found:  # not a data file (e.g. README.md): say so before reading it as YAML
        return Formatted(path, rel, refusal=_UNKNOWN)
    doc = load_document(root, path)
    if doc.findings:
        return Formatted(path, rel, findings=tuple(doc.findings), refusal=_UNREADABLE)
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        return Formatted(path, rel, refusal=f"Filen kan inte läsas: {exc.strerror}.")
    return format_bytes(path, rel, data, model)


# ruamel.yaml's round trip is pure Python (~0.1 s for a 20 kB file), so many files go to every
# core (naravard.workers); starting the workers costs about half a second, so only a run of many
# files uses them.
PARALLEL_FROM = 100


def format_paths(root: Path, paths: Sequence[Path] = (), *, jobs: int | None = None) -> list[Formatted]:
    """Format the given files and folders (default: every data file and naravard.yaml).

    `jobs` worker processes (default: one per core, up to eight, from PARALLEL_FROM files on).
    """
    files = yaml_files(root, paths)
    if jobs is None:
        jobs = min(cores(), 8) if len(files) >= PARALLEL_FROM else 1
    return list(map_in_workers(format_file, root, files, jobs=jobs, chunksize=8))


def write_formatted(result: Formatted) -> bool:
    """Write a changed file atomically; False (nothing written) if it changed on disk meanwhile."""
    if not result.changed or result.after is None:
        return False
    try:
        current = result.path.read_bytes()
    except OSError:
        return False
    if current != result.before:
        return False
    write_atomic(result.path, result.after, root=repository_of(result.path, result.rel))
    return True


def same_values(old: Any, new: Any) -> bool:
    """Equal values of equal types all the way down (`1` is not `1.0`, `nan` equals `nan`)."""
    if type(old) is not type(new):
        return False
    if isinstance(old, dict):
        return list(map(repr, sorted(old, key=repr))) == list(map(repr, sorted(new, key=repr))) and all(
            same_values(value, new[key]) for key, value in old.items()
        )
    if isinstance(old, list):
        return len(old) == len(new) and all(map(same_values, old, new))
    if isinstance(old, float) and math.isnan(old):
        return math.isnan(new)
    return bool(old == new)


_UNREADABLE = "Filen formateras inte förrän felen ovan är rättade."
_UNKNOWN = (
    "naravard känner inte igen filen (den är ingen strategi, handlingsplan, lokal plan, "
    "uppföljning eller naravard.yaml) och formaterar den inte."
)
_LINK = "Filen är en symbolisk länk och formateras inte: formatera filen som länken pekar på."
_RUAMEL = (
    "Filen kan inte formateras: biblioteket som skriver om filer kan inte läsa den (ofta ett datum "
    "som inte finns, t.ex. 2024-02-30). Rätta felen som `naravard validate` visar och försök igen; "
    "filen lämnas orörd."
)
_NOT_A_MAPPING = (
    "Filen formateras inte: en datafil börjar med nycklar (som `kommun: …`), inte med en lista "
    "eller ett ensamt värde. Rätta felen som `naravard validate` visar först."
)
_VALUES = (
    "Filen kan inte formateras utan att ett värde skulle ändras, så den lämnas orörd. "
    "Det är ett fel i naravard: rapportera gärna filen."
)
_COMMENTS = (
    "Filen kan inte formateras utan att en kommentar skulle gå förlorad, så den lämnas orörd. "
    "Det är ett fel i naravard: rapportera gärna filen."
)
