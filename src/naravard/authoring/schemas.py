"""`naravard schema`: the JSON Schemas for the editor, generated for this repository's ids.

The content comes from `naravard.model.schema.build_schemas`; here it is only
written, atomically, and only where it changed, or compared (`--check`, and validate
when the strategy has changed since the schemas were written).
"""

from __future__ import annotations

from pathlib import Path

from naravard.atomic import RefusedTarget, refuse_folder, write_atomic
from naravard.errors import UsageError
from naravard.model.schema import build_schemas, render
from naravard.repository import Repository, load_repository

STRATEGY_GLOB = "data/region/strategi*.yaml"


def schema_sources(root: Path) -> Repository:
    """What the schemas are made from: strategies and handlingsplaner (no follow-up is read)."""
    return load_repository(root, until=0)


def _contents(repo: Repository) -> dict[str, bytes]:
    return {name: render(schema).encode("utf-8") for name, schema in build_schemas(repo).items()}


def _differs(path: Path, data: bytes) -> bool:
    try:
        return path.read_bytes() != data
    except (FileNotFoundError, IsADirectoryError):
        return True


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
    for name, data in _contents(repo).items():
        path = folder / name
        changed = _differs(path, data)
        if changed:
            write_atomic(path, data)
        written.append((path, changed))
    return written


def stale_schema_files(repo: Repository, folder: Path) -> list[Path]:
    """The schema files in `folder` that `naravard schema` would write anew.

    A repository without the folder does not use the editor's schemas: nothing is stale.
    """
    if not folder.is_dir():
        return []
    return [folder / name for name, data in _contents(repo).items() if _differs(folder / name, data)]


def strategy_newer_than_schemas(root: Path) -> bool:
    """A strategy file changed after the oldest schema was written (schemas/ exists).

    Cheap (only file times): validate asks this first, and compares contents only then.
    """
    schemas = list((root / "schemas").glob("*.schema.json"))
    strategies = list(root.glob(STRATEGY_GLOB))
    if not schemas or not strategies:
        return False
    return max(p.stat().st_mtime for p in strategies) > min(p.stat().st_mtime for p in schemas)
