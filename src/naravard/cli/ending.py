"""How a `naravard` process ends: what a check built is left for the operating system to free.

A national repository is millions of objects (models, positions); freeing them one at a time when
the command is done took 0.43 s of a 3.4 s warm validate (issue 18), and nothing is gained by it:
the process ends right after. A command that built such a thing hands it to `keep`, and `run`
then runs the atexit handlers (coverage's, a host's), flushes the output and ends the process with
`os._exit`, as mypy does: only the freeing is skipped. Commands that keep nothing end as any
Python program does. Outside `run` (tests, a library user's process) `keep` keeps nothing, so
nothing outlives its use there.
"""

from __future__ import annotations

import atexit
import contextlib
import gc
import os
import sys
from collections.abc import Callable

_kept: list[object] | None = None  # in a `naravard` process: what lives until the process ends


def keep(value: object) -> None:
    """Let `value` live until the process ends, and end it without freeing (only inside `run`)."""
    if _kept is not None:
        _kept.append(value)


def run(app: Callable[[], object]) -> None:
    """Run the command line `app` as the whole process."""
    global _kept
    _kept = []
    # A command is one short process that builds millions of objects and keeps them to its end
    # (a national repository's models), and nothing it loads makes reference cycles: the cycle
    # collector would only scan them again and again (issue 9: a third of loading). It stays on
    # for anyone who imports naravard as a library; the charts collect after each figure.
    gc.disable()
    try:
        app()
    except SystemExit as done:
        if not _kept:
            raise
        atexit._run_exitfuncs()
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(OSError, ValueError):  # a closed pipe has nothing left to show
                stream.flush()
        os._exit(done.code if isinstance(done.code, int) else 0 if done.code is None else 1)
