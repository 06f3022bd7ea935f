"""Which files a writing command works on, and which model gives each one its key order."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from pydantic import BaseModel

from naravard.config import Konfiguration
from naravard.discover import CONFIG_NAME, Kind, classify, iter_data_files
from naravard.errors import UsageError
from naravard.repository import MODELS


def yaml_files(root: Path, paths: Sequence[Path] = ()) -> list[Path]:
    """The files named, and the data files in the folders named (default: naravard.yaml and data/)."""
    config = root / CONFIG_NAME
    every = [*([config] if config.is_file() else []), *(f.path for f in iter_data_files(root))]
    if not paths:
        return every
    found: dict[Path, None] = {}
    for given in paths:
        # Resolve the folders on the way but not the last name: a symlink is named, never followed.
        absolute = Path(os.path.abspath(given))
        located = absolute.parent.resolve() / absolute.name
        if not (located.exists() or located.is_symlink()):
            raise UsageError(f"{given} finns inte.")
        if not located.is_relative_to(root):
            raise UsageError(f"{given} ligger inte i repositoriet {root}.")
        if located.is_dir() and not located.is_symlink():
            found.update((file, None) for file in every if file.is_relative_to(located))
        else:
            found[located] = None
    return list(found)


def model_for(root: Path, path: Path) -> tuple[bool, type[BaseModel] | None]:
    """(known, model): whether naravard knows the file, and the model that orders its keys."""
    rel = path.relative_to(root).as_posix()
    if rel == CONFIG_NAME:
        return True, Konfiguration
    kind = classify(root, path).kind
    if kind is Kind.UNKNOWN:
        return False, None
    return True, MODELS.get(kind)
