"""Run the benchmark: generate (or reuse) the corpus, time each command in its own process.

    python bench/run.py [--kommuner N] [--years A-B] [--seed S] [--repeat K] [--no-peers]

Each command runs as a child process; its wall time is measured around it. Memory is given twice:
the `ru_maxrss` GNU time reports (`/usr/bin/time -f %M`; a small Python launcher reading `os.wait4`
where there is no GNU time), which is the largest single process of the tree, and the peak of the
summed PSS of the whole process tree, sampled ten times a second from /proc (workers included,
shared pages counted once; 0 where there is no /proc). The peers (check-jsonschema, yamllint; see
bench/peers.py) take minutes; --no-peers leaves them out.
With --repeat K (default 3) every command runs K times, interleaved, and the fastest run counts:
on a shared machine one run can be a third slower than the next. The peers run once (they take
minutes; their noise does not change a ratio of 0.1).
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
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from generate import parse_years

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
DEFAULT_CORPUS = BENCH / "corpus"
PROSE_CORPUS = BENCH / "corpus-prose"
STAMP = "stamp.json"
FLOOR = "C parse floor (bench/floor.py)"
PROSE_FLOOR = "C parse floor, prose"
PASS = "python -c pass"
# Every naravard run of the bench keeps its parse cache here, never in the user's own folder.
CACHE = Path(tempfile.gettempdir()) / "naravard-bench-cache"
os.environ["NARAVARD_CACHE_DIR"] = str(CACHE)
os.environ.pop("CI", None)


@dataclass(frozen=True)
class Command:
    """A command to time, and the exit code it should end with."""

    name: str
    argv: list[str]
    expect: int = 0
    once: bool = False  # run in the first round only
    base: str = FLOOR  # the command its ratio is given to
    before: Callable[[], None] | None = None  # run before each timed run, not timed
    same_as: str | None = None  # a command whose output this one's must equal


@dataclass
class Run:
    """One timed run of a command."""

    seconds: float
    peak_mib: float
    exit_code: int
    output: str
    tree_mib: float = 0.0


@dataclass
class Result:
    """The best of a command's runs, and all its runs' times."""

    name: str
    argv: list[str]
    seconds: float
    peak_mib: float
    exit_code: int
    expected_exit: int
    tree_mib: float = 0.0
    ratio_to_floor: float | None = None
    ratio_to_peer: float | None = None
    all_seconds: list[float] = field(default_factory=list)
    last_line: str = ""
    base: str = FLOOR
    ratio: float | None = None  # to `base`
    same_output: bool | None = None  # equal to the output of the command it is compared with


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
    """Run `argv` once: wall seconds, peak RSS of its largest process, peak memory of its whole
    process tree (PSS, so pages shared between processes count once), exit code and output."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryDirectory() as tmp:
        rss_file = Path(tmp) / "maxrss"
        if GNU_TIME.exists():
            wrapped = [str(GNU_TIME), "-f", "%M", "-o", str(rss_file), *argv]
        else:
            wrapped = [sys.executable, "-c", LAUNCHER, str(rss_file), *argv]
        started = time.perf_counter()
        process = subprocess.Popen(wrapped, stdout=out, stderr=subprocess.STDOUT, cwd=ROOT)
        sampler = TreeMemory(process.pid)
        sampler.start()
        code = process.wait()
        seconds = time.perf_counter() - started
        sampler.stop()
        out.seek(0)
        output = out.read().decode(errors="replace")
        lines = rss_file.read_text().split() if rss_file.exists() else []
        peak_kib = int(lines[-1]) if lines and lines[-1].isdigit() else 0
    return Run(seconds, peak_kib / 1024, code, output, sampler.peak_kib / 1024)


class TreeMemory(threading.Thread):
    """Samples the summed PSS of a process and all its descendants ten times a second (Linux).

    A pool's workers are separate processes: the largest one's RSS (GNU time's %M) says nothing
    of their sum, and RSS counts pages a forked worker shares with its parent twice.
    """

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peak_kib = 0
        self._done = threading.Event()

    def run(self) -> None:
        while not self._done.wait(0.1):
            self.peak_kib = max(self.peak_kib, sum(_pss_kib(p) for p in _descendants(self.pid)))

    def stop(self) -> None:
        self._done.set()
        self.join()


def _descendants(pid: int) -> list[int]:
    found, i = [pid], 0
    while i < len(found):
        parent, i = found[i], i + 1
        try:
            tasks = os.listdir(f"/proc/{parent}/task")
        except OSError:
            continue
        for task in tasks:
            try:
                with open(f"/proc/{parent}/task/{task}/children") as handle:
                    found.extend(int(child) for child in handle.read().split())
            except OSError:
                continue
    return found


def _pss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


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
        if corpus not in (DEFAULT_CORPUS, PROSE_CORPUS) and not stamp.is_file():
            raise SystemExit(f"{corpus} exists and was not made by bench/run.py; not touching it.")
        shutil.rmtree(corpus)
    years = f"{params['first']}-{params['last']}"
    argv = [sys.executable, str(BENCH / "generate.py"), str(corpus)]
    argv += ["--kommuner", str(params["kommuner"]), "--years", years, "--seed", str(params["seed"])]
    argv += ["--shape", str(params.get("shape", "national"))]
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


PEER = "check-jsonschema (schemas only)"


def commands(corpus: Path, prose: Path | None, *, peers: bool) -> list[Command]:
    """What is timed, in the order it is run and printed (validate first, the floor third)."""
    python = sys.executable
    script = Path(python).parent / "naravard"
    naravard = [str(script)] if script.exists() else [python, "-m", "naravard"]
    root = ["--root", str(corpus)]
    todo = [
        Command("naravard validate", [*naravard, "validate", *root, "--no-cache"]),
        Command("naravard lint", [*naravard, "lint", *root, "--no-cache"]),
        Command(FLOOR, [python, str(BENCH / "floor.py"), str(corpus)]),
        Command("naravard diff 2023 2024", [*naravard, "diff", "2023", "2024", *root]),
        Command(
            "naravard report 2024",
            [*naravard, "report", "2024", *root, "--out", str(BENCH / "corpus-rapport"), "--no-cache"],
        ),
    ]
    if prose is not None:
        todo += [
            Command(
                "naravard validate, prose",
                [*naravard, "validate", "--root", str(prose), "--no-cache"],
                base=PROSE_FLOOR,
            ),
            Command(
                "naravard lint, prose",
                [*naravard, "lint", "--root", str(prose), "--no-cache"],
                base=PROSE_FLOOR,
            ),
            Command(PROSE_FLOOR, [python, str(BENCH / "floor.py"), str(prose)], base=PROSE_FLOOR),
        ]
    changed = _changed_file(corpus)
    one = [*naravard, "validate", *root, str(changed.path)]
    todo += [
        # The parse cache (naravard.loader.cache): an empty one, then the same run again, then a
        # pre-commit hook's run on one changed file; each output is compared with --no-cache's.
        Command(
            "validate, cache cold",
            [*naravard, "validate", *root, "--cache"],
            before=_empty_cache,
            same_as="naravard validate",
        ),
        Command(
            "validate, cache warm", [*naravard, "validate", *root, "--cache"], same_as="naravard validate"
        ),
        # An analyst's report after a validate: the files come from the cache.
        Command(
            "naravard report 2024, cache warm",
            [*naravard, "report", "2024", *root, "--out", str(BENCH / "corpus-rapport"), "--cache"],
        ),
        Command("validate one changed file, cache", [*one, "--cache"], before=changed.change),
        Command(
            "validate one changed file, no cache",
            [*one, "--no-cache"],
            same_as="validate one changed file, cache",
        ),
        # Start-up: the shipped example data (15 kommuner) and --help, as multiples of python -c pass.
        Command("naravard validate, shipped data", [*naravard, "validate", "--root", str(ROOT)], base=PASS),
        Command("naravard --help", [*naravard, "--help"], base=PASS),
        Command(PASS, [python, "-c", "pass"], base=PASS),
    ]
    if peers:
        peers_py = str(BENCH / "peers.py")
        todo += [
            Command(PEER, [python, peers_py, "check-jsonschema", str(corpus)], once=True),
            Command("yamllint (relaxed)", [python, peers_py, "yamllint", str(corpus)], once=True),
        ]
    return todo


def _empty_cache() -> None:
    shutil.rmtree(CACHE, ignore_errors=True)


@dataclass
class ChangedFile:
    """A follow-up that gets one more comment line before each run: one file changed since the last."""

    path: Path
    original: bytes
    count: int = 0

    def change(self) -> None:
        self.count += 1
        self.path.write_bytes(self.original + f"# ändrad inför körning {self.count}\n".encode())

    def restore(self) -> None:
        self.path.write_bytes(self.original)


_CHANGED: list[ChangedFile] = []


def _changed_file(corpus: Path) -> ChangedFile:
    path = sorted((corpus / "data" / "kommuner").glob("*/uppfoljning-*.yaml"))[0]
    _CHANGED.append(ChangedFile(path, path.read_bytes()))
    return _CHANGED[-1]


def write_schemas(corpus: Path) -> None:
    """The corpus's own JSON Schemas (its ids as enums), for check-jsonschema; not timed."""
    python = sys.executable
    script = Path(python).parent / "naravard"
    naravard = [str(script)] if script.exists() else [python, "-m", "naravard"]
    argv = [*naravard, "schema", "--root", str(corpus), "--out", str(corpus / "schemas")]
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, cwd=ROOT)


def compile_bytecode(python: str) -> None:
    """Write naravard's bytecode before anything is timed, as every installed copy has it.

    pip writes an installed package's bytecode; an editable one gets it on its first import. Where
    PYTHONDONTWRITEBYTECODE is set (this project's machines set it) an editable install never gets
    it, and every run would compile naravard's ~200 modules again: 0.08 s of a 0.25 s validate of
    the shipped data, which no user's machine pays. compileall writes it whatever that setting.
    """
    import naravard

    package = str(Path(naravard.__file__).parent)
    subprocess.run([python, "-m", "compileall", "-q", package], check=True, stdout=subprocess.DEVNULL)


def run_all(todo: Sequence[Command], repeat: int) -> list[Result]:
    """Every command `repeat` times, interleaved; each result is its fastest run."""
    runs: dict[str, list[Run]] = {c.name: [] for c in todo}
    for round_ in range(1, repeat + 1):
        for command in todo:
            if command.once and round_ > 1:
                continue
            print(f"  [{round_}/{repeat}] {command.name} ...", end=" ", flush=True)
            if command.before:
                command.before()
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
                tree_mib=max(r.tree_mib for r in runs[command.name]),
                exit_code=best.exit_code,
                expected_exit=command.expect,
                all_seconds=[r.seconds for r in runs[command.name]],
                last_line=lines[-1] if lines else "",
            )
        )
        if best.exit_code != command.expect:
            print(f"\n{command.name} exited {best.exit_code}; its output began:\n")
            print("\n".join(lines[:30]))
    floor = next(r for r in results if r.name == FLOOR).seconds
    peer = next((r.seconds for r in results if r.name == PEER), None)
    seconds = {r.name: r.seconds for r in results}
    outputs = {c.name: min(runs[c.name], key=lambda r: r.seconds).output for c in todo}
    for command, result in zip(todo, results, strict=True):
        result.ratio_to_floor = result.seconds / floor
        result.ratio_to_peer = result.seconds / peer if peer else None
        result.base = command.base
        result.ratio = result.seconds / seconds[command.base] if command.base in seconds else None
        if command.same_as:
            # Every run's output, not only the fastest's, must be what the other command printed.
            expected = outputs[command.same_as]
            result.same_output = all(r.output == expected for r in runs[command.name])
    return results


def table(results: Sequence[Result]) -> str:
    """The results as a Markdown table."""
    rows = [
        "| command | seconds | × floor | ratio | × check-jsonschema | peak MiB (largest process) "
        "| peak MiB (all processes, PSS) | exit | output |",
        "|---|---:|---:|---|---:|---:|---:|---|---|",
    ]
    for r in results:
        exit_text = str(r.exit_code) + ("" if r.exit_code == r.expected_exit else " (!)")
        peer = f"{r.ratio_to_peer:.3f}" if r.ratio_to_peer is not None else "–"
        ratio = f"{r.ratio:.2f}× {_short(r.base)}" if r.ratio is not None and r.base != FLOOR else "–"
        same = {None: "", True: "identical", False: "DIFFERENT (!)"}[r.same_output]
        rows.append(
            f"| {r.name} | {r.seconds:.3f} | {r.ratio_to_floor or 0:.2f} | {ratio} | {peer} "
            f"| {r.peak_mib:.0f} | {r.tree_mib:.0f} | {exit_text} | {same} |"
        )
    return "\n".join(rows)


def _short(base: str) -> str:
    return {PROSE_FLOOR: "prose floor", PASS: "`pass`"}.get(base, base)


def main(argv: Sequence[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kommuner", type=int, default=290, help="number of kommuner (290)")
    parser.add_argument("--years", type=parse_years, default=(2022, 2030), help="A-B (2022-2030)")
    parser.add_argument("--seed", type=int, default=1, help="random seed of the corpus (1)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per command; best counts (3)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="corpus folder")
    parser.add_argument("--output", type=Path, default=BENCH / "results.json", help="JSON results file")
    parser.add_argument(
        "--no-peers", action="store_true", help="skip check-jsonschema and yamllint (they take minutes)"
    )
    parser.add_argument(
        "--no-prose", action="store_true", help="skip the second corpus, of long paragraphs (--shape prose)"
    )
    parser.add_argument("--prose-corpus", type=Path, default=PROSE_CORPUS, help="folder of the prose corpus")
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
        "shape": "national",
    }
    corpus = args.corpus.resolve()
    generated = ensure_corpus(corpus, params)
    files, size = read_corpus(corpus)
    print(f"Corpus: {files} files, {size / 1e6:.1f} MB.")
    prose = None if args.no_prose else args.prose_corpus.resolve()
    if prose is not None:
        ensure_corpus(prose, {**params, "shape": "prose"})
        prose_files, prose_size = read_corpus(prose)
        print(f"Prose corpus: {prose_files} files, {prose_size / 1e6:.1f} MB.")
    compile_bytecode(sys.executable)
    print(f"Timing (best of {args.repeat}):")
    if not args.no_peers:
        write_schemas(corpus)
    try:
        results = run_all(commands(corpus, prose, peers=not args.no_peers), args.repeat)
    finally:
        for changed in _CHANGED:
            changed.restore()
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
    ok = all(r.exit_code == r.expected_exit and r.same_output is not False for r in results)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
