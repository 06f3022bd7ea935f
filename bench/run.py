"""Run the benchmark: generate (or reuse) the corpus, time each command in its own process.

    python bench/run.py [--kommuner N] [--years A-B] [--seed S] [--repeat K]

Each command runs as a child process; its wall time is measured around it and its peak memory is
its `ru_maxrss` as GNU time reports it (`/usr/bin/time -f %M`; a small Python launcher reading
`os.wait4` where there is no GNU time): the largest single process of its tree, not the sum of a pool.
With --repeat K every command runs K times, interleaved, and the fastest run counts.
The table is printed and written to bench/results.json.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from generate import parse_years

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
DEFAULT_CORPUS = BENCH / "corpus"
STAMP = "stamp.json"


@dataclass(frozen=True)
class Command:
    """A command to time, and the exit code it should end with."""

    name: str
    argv: list[str]
    expect: int = 0


@dataclass
class Run:
    """One timed run of a command."""

    seconds: float
    peak_mib: float
    exit_code: int
    output: str


@dataclass
class Result:
    """The best of a command's runs, and all its runs' times."""

    name: str
    argv: list[str]
    seconds: float
    peak_mib: float
    exit_code: int
    expected_exit: int
    ratio_to_floor: float | None = None
    all_seconds: list[float] = field(default_factory=list)
    last_line: str = ""


# A child's ru_maxrss keeps the high-water mark of the process it was forked from, so the timed
# command must be started by a small process: GNU time, or this launcher where there is none.
GNU_TIME = Path("/usr/bin/time")
LAUNCHER = """
import os, sys
pid = os.posix_spawnp(sys.argv[2], sys.argv[2:], os.environ)
_, status, usage = os.wait4(pid, 0)
with open(sys.argv[1], "w") as out:
    out.write(str(usage.ru_maxrss))
sys.exit(os.waitstatus_to_exitcode(status))
"""


def measure(argv: Sequence[str]) -> Run:
    """Run `argv` once: wall seconds, the child's peak RSS, its exit code and its output."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryDirectory() as tmp:
        rss_file = Path(tmp) / "maxrss"
        if GNU_TIME.exists():
            wrapped = [str(GNU_TIME), "-f", "%M", "-o", str(rss_file), *argv]
        else:
            wrapped = [sys.executable, "-c", LAUNCHER, str(rss_file), *argv]
        started = time.perf_counter()
        code = subprocess.run(wrapped, stdout=out, stderr=subprocess.STDOUT, cwd=ROOT).returncode
        seconds = time.perf_counter() - started
        out.seek(0)
        output = out.read().decode(errors="replace")
        lines = rss_file.read_text().split() if rss_file.exists() else []
        peak_kib = int(lines[-1]) if lines and lines[-1].isdigit() else 0
    return Run(seconds, peak_kib / 1024, code, output)


def generator_hash() -> str:
    """A hash of the generator's source: a changed generator means a new corpus."""
    digest = hashlib.sha256()
    for name in ("generate.py", "texts.py"):
        digest.update((BENCH / name).read_bytes())
    return digest.hexdigest()[:16]


def ensure_corpus(corpus: Path, params: dict[str, object]) -> float:
    """Generate the corpus unless one with the same parameters is there; how long generating took."""
    stamp = corpus / STAMP
    if stamp.is_file():
        saved = json.loads(stamp.read_text(encoding="utf-8"))
        if saved.get("params") == params and (corpus / "data").is_dir():
            print(f"Reusing the corpus in {corpus} (generated in {saved['seconds']:.1f} s).")
            return float(saved["seconds"])
    if corpus.exists():
        if corpus != DEFAULT_CORPUS and not stamp.is_file():
            raise SystemExit(f"{corpus} exists and was not made by bench/run.py; not touching it.")
        shutil.rmtree(corpus)
    years = f"{params['first']}-{params['last']}"
    argv = [sys.executable, str(BENCH / "generate.py"), str(corpus)]
    argv += ["--kommuner", str(params["kommuner"]), "--years", years, "--seed", str(params["seed"])]
    print(f"Generating the corpus in {corpus} ...", flush=True)
    run = measure(argv)
    if run.exit_code != 0:
        raise SystemExit(f"bench/generate.py failed:\n{run.output}")
    print(f"  {run.output.strip()}")
    stamp.write_text(json.dumps({"params": params, "seconds": run.seconds}), encoding="utf-8")
    return run.seconds


def read_corpus(corpus: Path) -> tuple[int, int]:
    """Read every data file once, so no command pays for a cold page cache; (files, bytes)."""
    files = size = 0
    for path in (corpus / "data").rglob("*.yaml"):
        size += len(path.read_bytes())
        files += 1
    return files, size


def commands(corpus: Path) -> list[Command]:
    """What is timed, in the order it is run and printed (validate first, the floor third)."""
    python = sys.executable
    script = Path(python).parent / "naravard"
    naravard = [str(script)] if script.exists() else [python, "-m", "naravard"]
    return [
        Command("naravard validate", [*naravard, "validate", "--root", str(corpus)]),
        Command("naravard lint", [*naravard, "lint", "--root", str(corpus)]),
        Command("C parse floor (bench/floor.py)", [python, str(BENCH / "floor.py"), str(corpus)]),
        Command("naravard diff 2023 2024", [*naravard, "diff", "2023", "2024", "--root", str(corpus)]),
        Command(
            "naravard report 2024",
            [*naravard, "report", "2024", "--root", str(corpus), "--out", str(BENCH / "corpus-rapport")],
        ),
        Command("naravard --help", [*naravard, "--help"]),
        Command("python -c pass", [python, "-c", "pass"]),
    ]


def run_all(todo: Sequence[Command], repeat: int) -> list[Result]:
    """Every command `repeat` times, interleaved; each result is its fastest run."""
    runs: dict[str, list[Run]] = {c.name: [] for c in todo}
    for round_ in range(1, repeat + 1):
        for command in todo:
            print(f"  [{round_}/{repeat}] {command.name} ...", end=" ", flush=True)
            run = measure(command.argv)
            runs[command.name].append(run)
            print(f"{run.seconds:.2f} s")
    results = []
    for command in todo:
        best = min(runs[command.name], key=lambda r: r.seconds)
        lines = best.output.strip().splitlines()
        results.append(
            Result(
                name=command.name,
                argv=command.argv,
                seconds=best.seconds,
                peak_mib=max(r.peak_mib for r in runs[command.name]),
                exit_code=best.exit_code,
                expected_exit=command.expect,
                all_seconds=[r.seconds for r in runs[command.name]],
                last_line=lines[-1] if lines else "",
            )
        )
        if best.exit_code != command.expect:
            print(f"\n{command.name} exited {best.exit_code}; its output began:\n")
            print("\n".join(lines[:30]))
    floor = next(r for r in results if r.name.startswith("C parse floor")).seconds
    for result in results:
        result.ratio_to_floor = result.seconds / floor
    return results


def table(results: Sequence[Result]) -> str:
    """The results as a Markdown table."""
    rows = [
        "| command | seconds | × floor | peak MiB | exit |",
        "|---|---:|---:|---:|---|",
    ]
    for r in results:
        exit_text = str(r.exit_code) + ("" if r.exit_code == r.expected_exit else " (!)")
        rows.append(
            f"| {r.name} | {r.seconds:.3f} | {r.ratio_to_floor or 0:.2f} | {r.peak_mib:.0f} | {exit_text} |"
        )
    return "\n".join(rows)


def main(argv: Sequence[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kommuner", type=int, default=290, help="number of kommuner (290)")
    parser.add_argument("--years", type=parse_years, default=(2022, 2030), help="A-B (2022-2030)")
    parser.add_argument("--seed", type=int, default=1, help="random seed of the corpus (1)")
    parser.add_argument("--repeat", type=int, default=1, help="runs per command; best counts (1)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="corpus folder")
    parser.add_argument("--output", type=Path, default=BENCH / "results.json", help="JSON results file")
    args = parser.parse_args(argv)
    if args.repeat < 1 or args.kommuner < 1:
        parser.error("--repeat and --kommuner must be at least 1")
    first, last = args.years
    params: dict[str, object] = {
        "kommuner": args.kommuner,
        "first": first,
        "last": last,
        "seed": args.seed,
        "generator": generator_hash(),
    }
    corpus = args.corpus.resolve()
    generated = ensure_corpus(corpus, params)
    files, size = read_corpus(corpus)
    print(f"Corpus: {files} files, {size / 1e6:.1f} MB. Timing (best of {args.repeat}):")
    results = run_all(commands(corpus), args.repeat)
    print()
    print(table(results))
    print()
    for result in results[:2]:
        print(f"{result.name} said: {result.last_line}")
    report = {
        "corpus": {**params, "path": str(corpus), "files": files, "bytes": size},
        "generation_seconds": generated,
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "repeat": args.repeat,
        "results": [asdict(r) for r in results],
    }
    args.output.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", "utf-8")
    print(f"Written to {args.output}.")
    return 0 if all(r.exit_code == r.expected_exit for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
