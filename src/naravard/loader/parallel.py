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

from naravard.loader import SourceDocument, forget_folders, load_text, loaded_from, read_file, reread
from naravard.loader.cache import ParseCache
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

    @functools.cached_property
    def rel(self) -> str:
        """The path from the root, as findings name the file (worked out once: issue 18)."""
        return self.path.relative_to(self.root).as_posix()


@dataclass(frozen=True)
class InMemory:
    """A file whose bytes are already read (from a git revision); None when there is none to read."""

    rel: str
    data: bytes | None


Source = OnDisk | InMemory


def load_all(
    sources: Sequence[Source],
    *,
    jobs: int | None = None,
    start: str | None = None,
    cache: ParseCache | None = None,
) -> Iterator[SourceDocument | None]:
    """Load every source, in order; None for a file that vanished before it could be read.

    `jobs` is the number of worker processes: by default one per core from MIN_FILES files to
    parse on, else this process; 1 loads in this process, 2 or more always uses workers. `start`
    is the workers' start method (see naravard.workers; tests run spawn on Linux with it). With
    a `cache`, a file whose bytes were parsed before is taken from it, and only the others are
    parsed (and kept in it).
    """
    forget_folders()
    # First which files the cache has (by their bytes' hash), then one at a time, in order: an
    # entry is read only when its turn comes, so no more than one file's values wait at a time.
    kept = [_kept(cache, source) for source in sources] if cache is not None else [None] * len(sources)
    todo = [source for source, digest in zip(sources, kept, strict=True) if digest is None]
    if jobs is None:
        jobs = cores() if len(todo) >= MIN_FILES else 1
    parsed = map_in_workers(
        _load_in_worker, cache, todo, jobs=jobs, chunksize=CHUNK, collector=False, start=start
    )
    for source, digest in zip(sources, kept, strict=True):
        if digest is None:
            doc = next(parsed)
        else:
            assert cache is not None
            doc = _from_cache(cache, source, digest) or load_source(source, cache)
        if doc is not None and isinstance(source, InMemory) and source.data is not None:
            doc.reload = functools.partial(bytes, source.data)  # see _load_in_worker
        yield doc


def load_source(source: Source, cache: ParseCache | None = None) -> SourceDocument | None:
    """Load one file; None when it vanished (or, in a revision, has no bytes). Kept in `cache`."""
    if isinstance(source, OnDisk):
        if not (source.path.exists() or source.path.is_symlink()):
            return None
        data = read_file(source.root, source.path, source.rel)
        if isinstance(data, SourceDocument):
            return data
        doc = loaded_from(source.root, source.path, data, source.rel)
    elif source.data is None:
        return None
    else:
        data = source.data
        doc = load_text(source.rel, data)
    if cache is not None:
        cache.put(cache.digest(data), doc)
    return doc


def _kept(cache: ParseCache, source: Source) -> bytes | None:
    """The hash of the bytes of `source` when the cache has an entry for them, else None."""
    if isinstance(source, OnDisk):
        data = read_file(source.root, source.path, source.rel)
        if isinstance(data, SourceDocument):
            return None  # refused, unreadable or gone: loaded as without a cache, which says why
    elif source.data is None:
        return None
    else:
        data = source.data
    digest = cache.digest(data)
    return digest if cache.has(digest) else None


def _from_cache(cache: ParseCache, source: Source, digest: bytes) -> SourceDocument | None:
    if isinstance(source, OnDisk):
        doc = cache.get(source.rel, digest)
        if doc is not None:
            doc.reload = functools.partial(reread, source.path)
        return doc
    return cache.get(source.rel, digest)


def _load_in_worker(cache: ParseCache | None, source: Source) -> SourceDocument | None:
    # A document read from bytes would carry them back in its `reload`: the caller, which has
    # them, puts that back instead.
    doc = load_source(source, cache)
    if doc is not None and isinstance(source, InMemory):
        doc.reload = None
    return doc
