"""The "C parse floor": load every YAML file under ROOT/data with PyYAML's CSafeLoader, in one process.

    python bench/floor.py ROOT

This is the least any YAML-reading validator has to do: libyaml parses and PyYAML builds plain
Python values, with no positions kept and no checks. bench/run.py reports other commands as ratios
to it.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import yaml


def main(argv: Sequence[str]) -> int:
    """Load every data/**/*.yaml file under the root given as the only argument."""
    if len(argv) != 1:
        print("usage: python bench/floor.py ROOT", file=sys.stderr)
        return 2
    files = sorted((Path(argv[0]) / "data").rglob("*.yaml"))
    size = 0
    for path in files:
        with open(path, "rb") as handle:
            yaml.load(handle, Loader=yaml.CSafeLoader)
            size += handle.tell()
    print(f"{len(files)} files, {size / 1e6:.1f} MB loaded with yaml.CSafeLoader")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
