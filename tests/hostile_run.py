"""Run every read-only naravard command on prepared repositories, in this one process, and report.

    python -m tests.hostile_run [--fuse SECONDS] ROOT [ROOT ...]

For each repository root (a copy of the conformance repository with one hostile change, committed
on top of the original so that `diff --rev HEAD~1..HEAD` sees it) every command runs in-process,
under a per-command alarm (the fuse: a command past it is stopped and reported as such). One JSON
line per command goes to stdout: the command, its exit code, its seconds, whether it raised, and
what it wrote that a test checks (ESC, well-formed JSON). The test (tests/test_hostile_repository.py)
runs this as one subprocess per group of cases and checks that process's peak memory.
"""

from __future__ import annotations

import json
import signal
import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

COMMAND_FUSE = 30  # seconds; a fuse against minutes-long blow-ups, not a speed assertion (bench/)


def commands(root: Path, out: Path) -> list[list[str]]:
    """Every command a reviewer runs on a pull request, and the read-only checks of the writers."""
    r = ["--root", str(root)]
    return [
        ["validate", "--format", "json", *r],
        ["lint", *r],
        ["lint", "--format", "github", *r],
        ["diff", "2024", "2026", *r],
        ["diff", "2024", "2026", "--format", "md", *r],
        ["diff", "--rev", "HEAD~1..HEAD", "--format", "json", *r],
        ["fmt", "--check", *r],
        ["fix", "--check", *r],
        ["export", "2024", "--format", "csv", "-o", str(out / "export.csv"), *r],
        ["report", "2024", "--format", "md", "--out", str(out / "rapport"), *r],
    ]


class _Fuse(Exception):
    pass


def _alarm(_signum: int, _frame: Any) -> None:
    raise _Fuse


def run(root: Path, fuse: int = COMMAND_FUSE) -> list[dict[str, Any]]:
    """Every command on `root`; after the first that runs past the fuse, the rest are not run."""
    from naravard.cli import app

    runner = CliRunner()
    results: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for args in commands(root, Path(tmp)):
            if results and results[-1]["fused"]:
                break
            signal.signal(signal.SIGALRM, _alarm)
            signal.alarm(fuse)
            started = time.perf_counter()
            fused = False
            raised = None
            try:
                result = runner.invoke(app, args)
            except _Fuse:
                fused, result = True, None
            finally:
                signal.alarm(0)
            seconds = time.perf_counter() - started
            stdout = result.stdout if result is not None else ""
            stderr = result.stderr if result is not None else ""
            if (
                result is not None
                and result.exception is not None
                and not isinstance(result.exception, SystemExit)
            ):
                exc = result.exception
                raised = "".join(traceback.format_exception_only(type(exc), exc)).strip()[:300]
                if isinstance(exc, _Fuse):
                    fused, raised = True, None
            json_ok = None
            if "json" in args:
                try:
                    json.loads(stdout)
                    json_ok = True
                except ValueError:
                    json_ok = False
            results.append(
                {
                    "root": root.name,
                    "command": " ".join(args[: args.index("--root")]),
                    "exit": result.exit_code if result is not None else None,
                    "seconds": round(seconds, 2),
                    "fused": fused,
                    "raised": raised,
                    "escape": "\x1b" in stdout or "\x1b" in stderr,
                    "json_ok": json_ok,
                    "traceback": "Traceback" in stdout or "Traceback" in stderr,
                    "stdout_bytes": len(stdout.encode()),
                    "diagnostics": _diagnostics(stdout) if args[0] == "validate" else None,
                    "tail": (stderr.strip().splitlines() or [""])[-1][:200],
                }
            )
    return results


def _diagnostics(stdout: str) -> dict[str, int] | None:
    try:
        document = json.loads(stdout)
    except ValueError:
        return None
    counts: dict[str, int] = {}
    for d in document["diagnostics"]:
        key = f"{d['file']} {d['code']}"
        counts[key] = counts.get(key, 0) + 1
    return counts


def main(argv: list[str]) -> int:
    fuse = COMMAND_FUSE
    if argv[:1] == ["--fuse"]:
        fuse, argv = int(argv[1]), argv[2:]
    for name in argv:
        for line in run(Path(name), fuse):
            print(json.dumps(line, ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
