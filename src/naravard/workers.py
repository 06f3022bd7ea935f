"""Worker processes: the one place that starts them, with one start-method policy (issue 15 item 4).

Loading, charts and fmt each map a function over many independent items; they do it through
`map_in_workers`. Workers are fresh processes, never forks of the caller: a fork copies whatever
the caller holds and is unsafe while any thread runs (a progress bar's, a library's), which is
why Python 3.14 stopped forking by default. The policy:

- `forkserver` where the platform has it (Linux, macOS): a small server process is started once
  (from scratch, importing only the module of the mapped function) and each worker is forked
  from it, which costs milliseconds instead of a fresh interpreter's start;
- `spawn` elsewhere (Windows), the only method there.

The mapped function gets a value shared by every item (a repository root, a report's context) as
its first argument; it is sent once to each worker, not once per item. A worker that dies (killed
for memory, say) costs nothing but time: what it had not returned is done in this process.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

S = TypeVar("S")
T = TypeVar("T")
R = TypeVar("R")

START_METHODS = ("forkserver", "spawn")


def cores() -> int:
    """The cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1  # pragma: no cover - platforms without affinity (macOS, Windows)


def start_method() -> str:
    """The start method workers get on this platform: forkserver where there is one, else spawn."""
    import multiprocessing

    return "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"


def map_in_workers(
    function: Callable[[S, T], R],
    shared: S,
    items: Sequence[T],
    *,
    jobs: int,
    chunksize: int = 1,
    collector: bool = True,
    imports: Sequence[str] = (),
    start: str | None = None,
) -> Iterator[R]:
    """`function(shared, item)` for every item, in order, in `jobs` worker processes.

    With `jobs` below 2 (or fewer than two items) everything runs in this process. `collector`
    False turns the cycle collector off in the workers, for work that keeps nothing between
    items and makes no reference cycles (loading: it spends a third less time). `imports`: the
    modules each worker imports before its first item, with what it was sent, so that the
    collector never scans them again (matplotlib for the charts). `start` overrides the start
    method (tests use it to run the spawn of Windows and macOS on Linux).
    """
    if jobs < 2 or len(items) < 2:
        yield from (function(shared, item) for item in items)
        return
    # Imported here: a small repository loads in this process and never pays for them (issue 18).
    import multiprocessing
    import pickle
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    method = start or start_method()
    if method not in START_METHODS:
        raise ValueError(f"start method {method!r}: only {START_METHODS} are safe")
    context = multiprocessing.get_context(method)
    if method == "forkserver":
        context.set_forkserver_preload([function.__module__])
    # Pickled once here, not once for each worker it starts: a national report's context is
    # 10 MB of pickle and 0.17 s of this process's time each time (issue 18). In a list, so that
    # each side lets go of the bytes once the workers have them: the memory ceiling is 500 MB.
    payload = [pickle.dumps(shared, protocol=pickle.HIGHEST_PROTOCOL)]
    done = 0
    try:
        with ProcessPoolExecutor(
            min(jobs, len(items)),
            mp_context=context,
            initializer=_receive,
            initargs=(function, payload, collector, tuple(imports)),
        ) as pool:
            results = pool.map(_call, items, chunksize=chunksize)
            payload.clear()  # map submits every item, which starts every worker this map gets
            for result in results:
                yield result
                done += 1
    except BrokenProcessPool:
        yield from (function(shared, item) for item in items[done:])


_WORK: tuple[Callable[[Any, Any], Any], Any] | None = None  # in a worker: what it was sent


def _receive(
    function: Callable[[Any, Any], Any], payload: list[bytes], collector: bool, imports: tuple[str, ...]
) -> None:
    import importlib
    import pickle

    global _WORK
    # This process only, and it ends with the map. Unpickling a million objects and importing
    # matplotlib make no garbage worth collecting: the collector waits until they are in place.
    gc.disable()
    _WORK = (function, pickle.loads(payload.pop()))  # pickled by map_in_workers; then let go
    for name in imports:
        importlib.import_module(name)
    if collector:
        # What was sent and imported lives as long as the worker: kept out of every later
        # collection, which then scans only what an item made (a report's context is a million
        # objects, matplotlib a quarter million, and each chart collects its figure: 4.3 of 27 s,
        # then 1 s, issue 18).
        gc.freeze()
        gc.enable()


def _call(item: Any) -> Any:
    assert _WORK is not None, "a worker is always started through _receive"
    function, shared = _WORK
    return function(shared, item)
