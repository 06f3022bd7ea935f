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
import gc
import os
import sys
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from multiprocessing import get_context
from multiprocessing.context import BaseContext
from pathlib import Path

from naravard.loader import SourceDocument, load_document, load_text

MIN_FILES = 100
"""Below this many files everything is loaded in the calling process."""

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


def cores() -> int:
    """The cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1  # pragma: no cover - platforms without affinity (macOS, Windows)


def load_all(sources: Sequence[Source], *, jobs: int | None = None) -> Iterator[SourceDocument | None]:
    """Load every source, in order; None for a file that vanished before it could be read.

    `jobs` is the number of worker processes (default: one per core on Linux, where CI runs
    and workers are forked in milliseconds; elsewhere this process, until the spawn start of
    Windows and macOS has been tried there); 1 loads in this process.
    """
    jobs = (cores() if sys.platform == "linux" else 1) if jobs is None else jobs
    if jobs < 2 or len(sources) < MIN_FILES:
        yield from map(load_source, sources)
        return
    done = 0
    try:
        with ProcessPoolExecutor(jobs, mp_context=_context(), initializer=gc.disable) as pool:
            for doc in pool.map(_load_in_worker, sources, chunksize=CHUNK):
                source = sources[done]
                if doc is not None and isinstance(source, InMemory) and source.data is not None:
                    doc.reload = functools.partial(bytes, source.data)  # see _load_in_worker
                yield doc
                done += 1
    except BrokenProcessPool:
        # A worker died (killed for memory, say): load what is left here rather than give up.
        yield from map(load_source, sources[done:])


def load_source(source: Source) -> SourceDocument | None:
    """Load one file; None when it vanished (or, in a revision, has no bytes)."""
    if isinstance(source, OnDisk):
        if not (source.path.exists() or source.path.is_symlink()):
            return None
        return load_document(source.root, source.path)
    if source.data is None:
        return None
    return load_text(source.rel, source.data)


def _load_in_worker(source: Source) -> SourceDocument | None:
    # A worker keeps nothing between files, so its cycle collector is off (the parent pauses
    # its own while loading, see naravard.repository). A document read from bytes would carry
    # them back in its `reload`: the caller, which has them, puts that back instead.
    doc = load_source(source)
    if doc is not None and isinstance(source, InMemory):
        doc.reload = None
    return doc


def _context() -> BaseContext:
    # fork starts a worker in milliseconds with everything already imported; elsewhere (when
    # asked for with `jobs`) the platform's default, spawn, is the safe choice.
    return get_context("fork" if sys.platform == "linux" else None)
