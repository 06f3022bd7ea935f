"""naravard.workers, the one seam for worker processes: same results in workers as in this process."""

from __future__ import annotations

import gc
import os
import sys

import pytest

from naravard.workers import map_in_workers, start_method

PARENT = os.getpid()


def square_plus(offset: int, item: int) -> int:
    return item * item + offset


def dies_on_seven(_shared: None, item: int) -> int:
    """A worker killed while working on one item (as the kernel does when memory runs out)."""
    if item == 7 and os.getpid() != PARENT:
        os._exit(9)
    return item


def where(_shared: None, _item: int) -> tuple[int, bool]:
    return os.getpid(), gc.isenabled()


@pytest.mark.parametrize("start", ["forkserver", "spawn"])
def test_workers_return_what_this_process_returns_in_order(start: str) -> None:
    if start not in ("spawn", start_method()):
        pytest.skip(f"{start} does not exist on {sys.platform}")
    items = list(range(40))
    alone = list(map_in_workers(square_plus, 3, items, jobs=1))
    assert alone == [n * n + 3 for n in items]
    assert list(map_in_workers(square_plus, 3, items, jobs=2, chunksize=3, start=start)) == alone


def test_a_worker_that_dies_loses_no_item() -> None:
    items = list(range(20))
    assert list(map_in_workers(dies_on_seven, None, items, jobs=2)) == items


def test_workers_are_other_processes_and_only_they_pause_the_collector() -> None:
    seen = list(map_in_workers(where, None, range(8), jobs=2, collector=False))
    assert all(pid != PARENT and not enabled for pid, enabled in seen)
    assert gc.isenabled()


def test_fork_is_refused() -> None:
    with pytest.raises(ValueError, match="fork"):
        list(map_in_workers(square_plus, 0, [1, 2], jobs=2, start="fork"))


def frozen(_shared: object, _item: int) -> tuple[int, int]:
    return os.getpid(), gc.get_freeze_count()


def test_what_workers_are_sent_is_kept_out_of_their_collections_and_this_process_is_untouched() -> None:
    shared = [[n] for n in range(10_000)]  # a context: many objects, alive for the whole map
    before = gc.get_freeze_count()
    seen = list(map_in_workers(frozen, shared, range(8), jobs=2))
    assert all(pid != PARENT and count >= len(shared) for pid, count in seen)
    assert gc.get_freeze_count() <= before  # nothing frozen here by the map (frozen objects may die)


def imported_and_frozen(_shared: object, name: str) -> tuple[bool, int]:
    import sys

    return name in sys.modules, gc.get_freeze_count()


def test_what_workers_import_first_is_kept_out_of_their_collections_too() -> None:
    alone = list(map_in_workers(imported_and_frozen, None, ["decimal", "decimal"], jobs=2))
    first = list(
        map_in_workers(imported_and_frozen, None, ["decimal", "decimal"], jobs=2, imports=["decimal"])
    )
    assert all(imported for imported, _ in first)
    assert min(count for _, count in first) > max(count for _, count in alone)
