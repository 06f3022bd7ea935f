"""`naravard schema`: the JSON Schemas for the editor, generated for this repository's ids.

The content comes from `naravard.model.schema.build_schemas`; here it is only
written, atomically, and only where it changed.
"""

from __future__ import annotations

from pathlib import Path

from naravard.atomic import RefusedTarget, refuse_folder, write_atomic
from naravard.errors import UsageError
from naravard.model.schema import build_schemas, render
from naravard.repository import Repository


def write_schema_files(repo: Repository, folder: Path) -> list[tuple[Path, bool]]:
    """Write every schema into `folder`; return each path and whether it changed.

    Inside the repository no folder on the way may be a link; anywhere, `folder` must be a folder
    (or not exist yet) and no schema file a link or something else than a file (UsageError).
    """
    try:
        if folder.absolute().is_relative_to(repo.root.absolute()):
            refuse_folder(folder.absolute(), root=repo.root.absolute())
        elif folder.is_symlink() or (folder.exists() and not folder.is_dir()):
            raise RefusedTarget(folder, f"{folder} är ingen mapp; ange en mapp för schemana")
        folder.mkdir(parents=True, exist_ok=True)
        return _write_all(repo, folder)
    except RefusedTarget as exc:
        raise UsageError(f"{exc.strerror}.") from None
    except OSError as exc:
        raise UsageError(f"Kan inte skriva schemana i {folder}: {exc.strerror or exc}.") from None


def _write_all(repo: Repository, folder: Path) -> list[tuple[Path, bool]]:
    written = []
    for name, schema in build_schemas(repo).items():
        path = folder / name
        data = render(schema).encode("utf-8")
        try:
            changed = path.read_bytes() != data
        except FileNotFoundError:
            changed = True
        if changed:
            write_atomic(path, data)
        written.append((path, changed))
    return written
