"""Writing a file so that it is either the old file or the whole new one, never half (issue 7).

The new content goes to a temporary file in the same folder, is flushed to disk,
gets the old file's permissions, and replaces the old file in one rename. An
error or a kill midway leaves the old file as it was and no temporary file behind.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from naravard.errors import UsageError


def write_atomic(path: Path, data: bytes) -> None:
    """Replace the file at `path` with `data` in one step, keeping its permissions."""
    folder = path.parent
    if not folder.is_dir():
        raise UsageError(f"Mappen {folder} finns inte; skapa den eller ange en annan fil.")
    if path.is_dir():
        raise UsageError(f"{path} är en mapp; ange ett filnamn.")
    try:
        mode = stat.S_IMODE(path.stat().st_mode) if path.is_file() else _default_mode()
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".naravard-tmp", dir=folder)
    except OSError as exc:
        raise UsageError(f"Kan inte skriva {path}: {exc.strerror}.") from None
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(exc, OSError):
            raise UsageError(f"Kan inte skriva {path}: {exc.strerror}.") from None
        raise
    _sync_folder(folder)


def _default_mode() -> int:
    # What open() would give a new file: 0o666 less the umask (which can only be read by setting it).
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


def _sync_folder(folder: Path) -> None:
    # Make the rename itself durable; not possible (nor needed) on every platform.
    with contextlib.suppress(OSError, AttributeError):
        handle = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)
