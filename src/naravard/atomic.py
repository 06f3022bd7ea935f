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
import errno
import os
import stat
import tempfile
from pathlib import Path
from typing import BinaryIO

TEMP_SUFFIX = ".naravard-tmp"


class RefusedTarget(OSError):
    """A write naravard will not make: a link, a device, a pipe, or a folder reached through a link.

    An OSError whose `strerror` is the Swedish reason, so every command that already says
    "kan inte skriva (…)" says why in words a person understands.
    """

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(errno.EPERM, reason, str(path))


def refuse_target(path: Path) -> None:
    """Raise RefusedTarget when `path` is a symbolic link or exists as something else than a file.

    A rename replaces a link or a device with a regular file (`export -o /dev/null` as root
    would turn the device into a file); writing through the link would write where it points.
    """
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise RefusedTarget(path, f"{path} kan inte läsas ({exc.strerror})") from None
    if stat.S_ISLNK(info.st_mode):
        raise RefusedTarget(path, f"{path} är en symbolisk länk; naravard skriver inte genom en länk")
    if not stat.S_ISREG(info.st_mode):
        what = (
            "en mapp"
            if stat.S_ISDIR(info.st_mode)
            else "ingen vanlig fil (utan t.ex. en enhet eller en pipe)"
        )
        raise RefusedTarget(path, f"{path} är {what} och skrivs inte över")


def refuse_folder(folder: Path, *, root: Path) -> None:
    """Raise RefusedTarget when `folder`, or a folder between `root` and it, is a link or no folder.

    Only what exists is looked at: a folder that is still to be created is fine. `root` itself
    may be reached any way the user likes.
    """
    try:
        parts = folder.relative_to(root).parts
    except ValueError:
        raise RefusedTarget(folder, f"{folder} ligger utanför repositoriet {root}") from None
    current = root
    for part in parts:
        current = current / part
        try:
            info = os.lstat(current)
        except FileNotFoundError:
            return
        except OSError as exc:
            raise RefusedTarget(current, f"{current} kan inte läsas ({exc.strerror})") from None
        if stat.S_ISLNK(info.st_mode):
            raise RefusedTarget(
                current, f"{current} är en symbolisk länk; naravard skriver inte genom en länk till en mapp"
            )
        if not stat.S_ISDIR(info.st_mode):
            raise RefusedTarget(current, f"{current} är ingen mapp")


def write_atomic(path: Path, data: bytes, *, root: Path | None = None) -> None:
    """Replace the file at `path` (or create it) with `data`, keeping an existing file's mode.

    Refuses (RefusedTarget) a target that is a link or not a regular file, and, with `root`,
    a folder on the way from `root` that is a link.
    """
    if root is not None:
        refuse_folder(path.parent, root=root)
    refuse_target(path)
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


def create_new(path: Path, data: bytes, *, root: Path | None = None) -> None:
    """Create `path` with `data`; raise FileExistsError, and change nothing, when it already exists."""
    if root is not None:
        refuse_folder(path.parent, root=root)
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


def repository_of(path: Path, rel: str) -> Path:
    """The repository root that `path` is `rel` (a `/`-separated path) inside of."""
    return path.parents[len(rel.split("/")) - 1]


def write_or_fail(path: Path, data: bytes, *, root: Path | None = None) -> None:
    """`write_atomic` for commands that write their output: a problem is a UsageError in Swedish."""
    from naravard.errors import UsageError

    if not path.parent.is_dir():
        raise UsageError(f"Mappen {path.parent} finns inte; skapa den eller ange en annan fil.")
    if path.is_dir() and not path.is_symlink():
        raise UsageError(f"{path} är en mapp; ange ett filnamn.")
    try:
        write_atomic(path, data, root=root)
    except RefusedTarget as exc:
        raise UsageError(f"{exc.strerror}.") from None
    except OSError as exc:
        raise UsageError(f"Kan inte skriva {path}: {exc.strerror or exc}.") from None
