"""How a `naravard` process ends (naravard.cli.ending): the repository is not freed object by object,
yet the exit code, every line of output and the atexit handlers of whoever runs naravard
(coverage, a test's probe) are all there.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from naravard.cli import ending
from tests.conftest import PROJECT, Repo

_HOST = """
import atexit, pathlib, runpy, sys
marker = pathlib.Path(sys.argv[1])
atexit.register(lambda: marker.write_text("ran", encoding="utf-8"))
sys.argv = ["naravard", *sys.argv[2:]]
runpy.run_module("naravard", run_name="__main__")
"""


def _naravard(marker: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", _HOST, str(marker), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        cwd=PROJECT,
    )


def test_a_check_with_an_error_exits_1_with_all_its_output_and_the_hosts_atexit(
    repo: Repo, tmp_path: Path
) -> None:
    repo.replace("kommuner/ludvika/uppfoljning-2024.yaml", "ar: 2024", "ar: tjugo")
    marker = tmp_path / "atexit.txt"
    done = _naravard(marker, "validate", "--no-cache", "--format", "json", "--root", str(repo.root))
    assert done.returncode == 1, done.stderr
    findings = json.loads(done.stdout)["diagnostics"]  # the whole document: the output was flushed
    assert any(f["file"].endswith("ludvika/uppfoljning-2024.yaml") for f in findings)
    assert marker.read_text(encoding="utf-8") == "ran"


def test_a_clean_check_exits_0(repo: Repo, tmp_path: Path) -> None:
    done = _naravard(tmp_path / "atexit.txt", "lint", "--no-cache", "--root", str(repo.root))
    assert done.returncode in (0, 1), done.stderr  # lint may warn; it never crashes on the way out
    assert done.stdout.strip()


def test_outside_a_naravard_process_nothing_is_kept() -> None:
    ending.keep(object())
    assert ending._kept is None


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="/dev/full finns bara på Linux")
def test_output_that_cannot_be_written_is_an_error_not_a_success(repo: Repo, tmp_path: Path) -> None:
    """A full disk under `naravard lint --format sarif > naravard.sarif`: exit 120, as Python gives."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "naravard",
                "validate",
                "--no-cache",
                "--format",
                "json",
                "--root",
                str(repo.root),
            ],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            check=False,
            cwd=PROJECT,
            env=env,
        )
    assert done.returncode == 120, done.stderr
    assert "utdata kunde inte skrivas" in done.stderr
