"""Loading many files on every core (issue 9): workers read, decode and parse; the caller gets
documents back in the order it asked for them.

Parsing is most of a large run's time and each file is parsed on its own, so it is what the
workers do. They send back plain values, findings and compact positions, which cost little to
move between processes; the models are built by the caller, because pydantic models cost more to
move than to build. Small repositories are loaded in the calling process: starting workers costs
more than it saves below a few dozen files.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from naravard.loader import SourceDocument, load_document, load_text
from naravard.workers import cores, map_in_workers

MIN_FILES = 100
"""With `jobs` left to choose, below this many files everything is loaded in the calling process."""

CHUNK = 16
"""Files a worker takes at a time: enough to keep the hand-over cheap, few enough to share evenly."""


@dataclass(frozen=True)
class OnDisk:
    """A file to read from the working tree."""

    root: Path
    path: Path


@dataclass(frozen=True)
class InMemory:
    """A file whose bytes are already read (from a git revision); None when there is none to read."""

    rel: str
    data: bytes | None


Source = OnDisk | InMemory


def load_all(
    sources: Sequence[Source], *, jobs: int | None = None, start: str | None = None
) -> Iterator[SourceDocument | None]:
    """Load every source, in order; None for a file that vanished before it could be read.

    `jobs` is the number of worker processes: by default one per core from MIN_FILES files on,
    else this process; 1 loads in this process, 2 or more always uses workers. `start` is the
    workers' start method (see naravard.workers; tests run spawn on Linux with it).
    """
    if jobs is None:
        jobs = cores() if len(sources) >= MIN_FILES else 1
    docs = map_in_workers(
        _load_in_worker, None, sources, jobs=jobs, chunksize=CHUNK, collector=False, start=start
    )
    for source, doc in zip(sources, docs, strict=True):
        if doc is not None and isinstance(source, InMemory) and source.data is not None:
            doc.reload = functools.partial(bytes, source.data)  # see _load_in_worker
        yield doc


def load_source(source: Source) -> SourceDocument | None:
    """Load one file; None when it vanished (or, in a revision, has no bytes)."""
    if isinstance(source, OnDisk):
        if not (source.path.exists() or source.path.is_symlink()):
            return None
        return load_document(source.root, source.path)
    if source.data is None:
        return None
    return load_text(source.rel, source.data)


def _load_in_worker(_shared: None, source: Source) -> SourceDocument | None:
    # A document read from bytes would carry them back in its `reload`: the caller, which has
    # them, puts that back instead.
    doc = load_source(source)
    if doc is not None and isinstance(source, InMemory):
        doc.reload = None
    return doc
