"""`naravard schema`: the JSON Schemas for the editor, generated for this repository's ids.

The content comes from `naravard.model.schema.build_schemas`; here it is only
written, atomically, and only where it changed.
"""

from __future__ import annotations

from pathlib import Path

from naravard.atomic import write_atomic
from naravard.model.schema import build_schemas, render
from naravard.repository import Repository


def write_schema_files(repo: Repository, folder: Path) -> list[tuple[Path, bool]]:
    """Write every schema into `folder`; return each path and whether it changed."""
    folder.mkdir(parents=True, exist_ok=True)
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
