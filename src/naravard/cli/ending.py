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
        if not _kept or not isinstance(done.code, int | None):
            raise
        atexit._run_exitfuncs()
        os._exit(_flushed(done.code or 0))
    finally:
        _kept = None


def _flushed(code: int) -> int:
    """`code`, once stdout and stderr are written out; 120 where they could not be (as Python does)."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (BrokenPipeError, ValueError):  # the reader is gone, or the stream is closed
            pass
        except OSError as error:  # a full disk: the output is not all there, and that must show
            with contextlib.suppress(OSError, ValueError):
                sys.stderr.write(f"naravard: utdata kunde inte skrivas: {error.strerror or error}\n")
                sys.stderr.flush()
            code = 120
    return code
