"""Time and peak memory of `naravard validate` on every hostile case in tests/hostile/ (issue 7).

Each case stands in for one follow-up of the conformance repository, and naravard runs as
its own process, the way CI runs it. The tests prove the behaviour; this measures its cost.

    python bench/hostile.py
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from run import measure

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "hostile"
REPO = ROOT / "tests" / "fixtures" / "conformance" / "repo"
TARGET = "data/kommuner/borlange/uppfoljning-2024.yaml"


def main() -> int:
    """Print one row per case: seconds, peak MiB, exit code."""
    script = Path(sys.executable).parent / "naravard"
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for case in sorted(CASES.glob("*.yaml")):
            root = Path(tmp) / case.stem
            shutil.copytree(REPO, root)
            shutil.copyfile(case, root / TARGET)
            run = measure([str(script), "validate", "--root", str(root)])
            rows.append((case.stem, run.seconds, run.peak_mib, run.exit_code))
    width = max(len(name) for name, *_ in rows)
    print(f"{'case'.ljust(width)}  seconds  peak MiB  exit")
    for name, seconds, peak, code in rows:
        print(f"{name.ljust(width)}  {seconds:7.2f}  {peak:8.0f}  {code:4d}")
    print(f"{'slowest'.ljust(width)}  {max(r[1] for r in rows):7.2f}  {max(r[2] for r in rows):8.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
