"""The peers a CI user would reach for instead of naravard, run the way such a user would run them.

    python bench/peers.py check-jsonschema ROOT   # every data file against its JSON Schema
    python bench/peers.py yamllint ROOT           # every data file, yamllint's relaxed rules

check-jsonschema takes one schema per run, so it runs once per kind of file, with the corpus's
own schemas (`naravard schema --root ROOT --out ROOT/schemas`, written before timing by
bench/run.py). The exit code is the worst of the runs.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

SCHEMAS = {
    "strategi.yaml": "strategi",
    "lokal-plan.yaml": "lokal-plan",
    "uppfoljning-": "uppfoljning",
    "handlingsplan-": "handlingsplan",
    "nyckeltal-": "nyckeltal",
}


def by_schema(root: Path) -> dict[str, list[str]]:
    """The data files of ROOT grouped by the schema that describes them."""
    groups: dict[str, list[str]] = {}
    for path in sorted((root / "data").rglob("*.yaml")):
        kind = next((k for prefix, k in SCHEMAS.items() if path.name.startswith(prefix)), None)
        if kind:
            groups.setdefault(kind, []).append(str(path))
    return groups


def tool(name: str) -> str:
    """The tool next to this Python (the bench's virtual environment), else on PATH."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} is not installed: `make bench` installs it (pip install -e '.[bench]').")
    return found


def main(argv: Sequence[str]) -> int:
    """Run one peer over the corpus at ROOT."""
    if len(argv) != 2 or argv[0] not in ("check-jsonschema", "yamllint"):
        print("usage: python bench/peers.py check-jsonschema|yamllint ROOT", file=sys.stderr)
        return 2
    peer, root = argv[0], Path(argv[1])
    if peer == "yamllint":
        command = [tool("yamllint"), "--no-warnings", "-d", "relaxed", str(root / "data")]
        return subprocess.run(command, check=False).returncode
    worst = 0
    for kind, files in by_schema(root).items():
        schema = root / "schemas" / f"{kind}.schema.json"
        command = [tool("check-jsonschema"), "--schemafile", str(schema), *files]
        worst = max(worst, subprocess.run(command, check=False).returncode)
    return worst


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
