"""Atomic writes: a reader, a crash or a kill sees the old file or the new one, never a mix.

ruamel.yaml's own dump truncates the file before it writes (issue 7), so nothing
here writes into the target. The new content goes to a temporary file in the
same folder (a rename is atomic only within one file system), is flushed to
disk, gets the old file's mode, and then replaces the target in one rename. On
an error the temporary file is removed and the target is untouched. A process
killed with SIGKILL cannot clean up: then a hidden `.NAME.*.naravard-tmp` file
may remain beside an intact target (it is not a data file and is never read).
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path
from typing import BinaryIO

TEMP_SUFFIX = ".naravard-tmp"


def write_atomic(path: Path, data: bytes) -> None:
    """Replace the file at `path` (or create it) with `data`, keeping an existing file's mode."""
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except FileNotFoundError:
        mode = _default_mode()
    temp = _write_temp(path, data, mode)
    try:
        os.replace(temp, path)
    except BaseException:
        _remove(temp)
        raise
    _sync_folder(path.parent)


def create_new(path: Path, data: bytes) -> None:
    """Create `path` with `data`; raise FileExistsError, and change nothing, when it already exists."""
    if path.exists() or path.is_symlink():
        raise FileExistsError(path)
    temp = _write_temp(path, data, _default_mode())
    try:
        try:
            os.link(temp, path)  # fails if the file appeared meanwhile: never overwrites
        except FileExistsError:
            raise
        except OSError:  # a file system without hard links: the check above has to do
            if path.exists():
                raise FileExistsError(path) from None
            os.replace(temp, path)
    finally:
        _remove(temp)
    _sync_folder(path.parent)


def _write_temp(path: Path, data: bytes, mode: int) -> Path:
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=path.parent)
    temp = Path(name)
    try:
        with os.fdopen(handle, "wb") as stream:
            _write_all(stream, data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp, mode)
    except BaseException:
        _remove(temp)
        raise
    return temp


def _write_all(stream: BinaryIO, data: bytes) -> None:
    # A seam of its own so the kill test can stop a `naravard fmt` process in the middle of a write.
    stream.write(data)


def _default_mode() -> int:
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


def _remove(temp: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        temp.unlink()


def _sync_folder(folder: Path) -> None:
    # The rename itself reaches the disk only when the folder is flushed (POSIX; not possible on Windows).
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_or_fail(path: Path, data: bytes) -> None:
    """`write_atomic` for commands that write their output: a problem is a UsageError in Swedish."""
    from naravard.errors import UsageError

    if not path.parent.is_dir():
        raise UsageError(f"Mappen {path.parent} finns inte; skapa den eller ange en annan fil.")
    if path.is_dir():
        raise UsageError(f"{path} är en mapp; ange ett filnamn.")
    try:
        write_atomic(path, data)
    except OSError as exc:
        raise UsageError(f"Kan inte skriva {path}: {exc.strerror or exc}.") from None
