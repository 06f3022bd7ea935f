"""The probes of issue 21 (a hostile repository): time, peak memory and outcome of each.

Each probe builds its case in a fresh copy of the conformance repository and runs one naravard
command as its own process, with a deadline (a probe past it is killed and shown as such). The
tests (tests/test_hostile.py, tests/test_hostile_repository.py) prove the behaviour; this
measures its cost, before and after a change, side by side.

    python bench/security.py [--deadline 120] [PROBE ...]
"""

from __future__ import annotations

import argparse
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPO = ROOT / "tests" / "fixtures" / "conformance" / "repo"
TARGET = "data/kommuner/borlange/uppfoljning-2024.yaml"
FU26 = "data/kommuner/borlange/uppfoljning-2026.yaml"
HEAD = "kommun: borlange\nar: 2024\n"


def _write(root: Path, rel: str, text: str) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def flow_list(items: int) -> Callable[[Path], list[str]]:
    def setup(root: Path) -> list[str]:
        _write(root, TARGET, HEAD + "aktiviteter: [" + ",".join(["1"] * items) + "]\n")
        return ["validate"]

    return setup


def aliases(root: Path) -> list[str]:
    _write(root, TARGET, HEAD + "x: [" + ",".join(["*a"] * 690_000) + "]\n")
    return ["validate", "--format", "json"]


def hidden(root: Path) -> list[str]:
    _write(root, TARGET, HEAD + "# \u200b\n" * 340_000)
    return ["lint"]


def waivers(root: Path) -> list[str]:
    _write(root, TARGET, HEAD + "# naravard: ignore[NV301]\n" * 80_000)
    return ["lint"]


def big_blob(root: Path) -> list[str]:
    git = ["git", "-C", str(root), "-c", "user.name=n", "-c", "user.email=n@n"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-qm", "a"], check=True)
    with open(root / TARGET, "a", encoding="utf-8") as stream:
        stream.write("# " + "x" * 200 * 1024 * 1024 + "\n")
    subprocess.run([*git, "commit", "-qam", "b"], check=True)
    return ["diff", "--rev", "HEAD~1..HEAD"]


def migrate_u2028(root: Path) -> list[str]:
    strategy = root / "data/region/strategi-2026.yaml"
    strategy.write_text(
        strategy.read_text(encoding="utf-8") + "ersatter:\n  nyckeltal:\n    sip-antal: sip-per-1000\n",
        encoding="utf-8",
    )
    text = (root / FU26).read_text(encoding="utf-8")
    text = text.replace(
        "  utmaningar: Kompetensförsörjning.\n", '  utmaningar: "Kompetens\u2028försörjning."\n'
    )
    text = text.replace("  sip-per-1000: 1.4\n", "  sip-antal: 1.4\n")
    _write(root, FU26, text)
    return ["migrate"]


def markup_delmal(root: Path) -> list[str]:
    for name in ("strategi.yaml", "strategi-2026.yaml"):
        strategy = root / "data/region" / name
        text = strategy.read_text(encoding="utf-8")
        strategy.write_text(
            text.replace("namn: Nära för mig", "namn: Nära [/bold] för mig"), encoding="utf-8"
        )
    return ["diff", "2024", "2026"]


def fifo(root: Path) -> list[str]:
    # A named pipe stands in for /dev/null: the code before issue 21 replaced the device itself
    # when run as root, which no benchmark should do to the machine it runs on.
    os.mkfifo(root / "pipe")
    return ["export", "2024", "--format", "csv", "-o", str(root / "pipe")]


def report_out_file(root: Path) -> list[str]:
    (root / "a-file").write_text("x", encoding="utf-8")
    return ["report", "2024", "--format", "md", "--out", str(root / "a-file")]


def symlinked_rapport(root: Path) -> list[str]:
    outside = root.parent / "outside"
    outside.mkdir()
    (root / "rapport").symlink_to(outside)
    return ["report", "2024", "--format", "md"]


def rev_option(root: Path) -> list[str]:
    return ["diff", "--rev", "--name-only"]


def nested(root: Path) -> list[str]:
    path = root / "data" / "kommuner"
    for _ in range(1_100):
        path = path / "d"
        os.mkdir(path)
    return ["validate"]


def kolada_url(root: Path) -> list[str]:
    return ["kolada", "hamta", "2024"]


PROBES: dict[str, Callable[[Path], list[str]]] = {
    "flow-list-40000": flow_list(40_000),
    "flow-list-1000000": flow_list(1_000_000),
    "aliases-2mb": aliases,
    "hidden-2mb": hidden,
    "waivers-80000": waivers,
    "diff-rev-200mb-blob": big_blob,
    "migrate-u2028": migrate_u2028,
    "diff-markup-delmal": markup_delmal,
    "export-fifo": fifo,
    "report-out-file": report_out_file,
    "rapport-symlink": symlinked_rapport,
    "rev-name-only": rev_option,
    "nested-1100": nested,
    "kolada-bad-url": kolada_url,
}


ENV = {"kolada-bad-url": {"NARAVARD_KOLADA_URL": "http://[::1"}}


def run(name: str, deadline: float) -> tuple[float, float, str]:
    tmp = tempfile.mkdtemp()
    try:
        return _run(Path(tmp), name, deadline)
    finally:
        subprocess.run(["rm", "-rf", tmp], check=False)  # shutil.rmtree recurses: 1,100 folders are too deep


def _run(tmp: Path, name: str, deadline: float) -> tuple[float, float, str]:
    root = Path(tmp) / "repo"
    shutil.copytree(REPO, root)
    args = PROBES[name](root)
    rss = Path(tmp) / "maxrss"
    argv = ["/usr/bin/time", "-f", "%M", "-o", str(rss), sys.executable, "-m", "naravard", *args]
    started = time.perf_counter()
    try:
        done = subprocess.run(
            [*argv, "--root", str(root)],
            capture_output=True,
            timeout=deadline,
            env={**os.environ, **ENV.get(name, {})},
        )
    except subprocess.TimeoutExpired:
        return time.perf_counter() - started, 0.0, f"killed at {deadline:.0f} s"
    seconds = time.perf_counter() - started
    if name == "export-fifo":
        kept = stat.S_ISFIFO(os.lstat(root / "pipe").st_mode)
        done = done.__class__(
            done.args,
            done.returncode,
            done.stdout,
            done.stderr + (b"" if kept else b"\nthe pipe became a file"),
        )
    peak = rss.read_text().split() if rss.exists() else []
    mib = int(peak[-1]) / 1024 if peak and peak[-1].isdigit() else 0.0
    err = done.stderr.decode(errors="replace")
    what = "traceback" if "Traceback" in err else (err.strip().splitlines() or [""])[-1][:70]
    return seconds, mib, f"exit {done.returncode}: {what}"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--deadline", type=float, default=120.0)
    parser.add_argument("probes", nargs="*", default=list(PROBES))
    options = parser.parse_args()
    width = max(len(name) for name in options.probes)
    print(f"{'probe'.ljust(width)}  seconds  peak MiB  outcome")
    for name in options.probes:
        seconds, mib, outcome = run(name, options.deadline)
        print(f"{name.ljust(width)}  {seconds:7.2f}  {mib:8.0f}  {outcome}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
