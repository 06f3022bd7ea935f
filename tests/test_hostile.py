"""Hostile and broken files (tests/hostile/, one file per case): a Swedish diagnostic, never a crash.

Each case stands in for Borlänge's 2024 follow-up in a copy of the conformance repository and
goes through validate, lint and report as separate processes, the way CI runs them. Time and
memory are measured by `make bench` (bench/hostile.py); here a generous timeout and a cap on
the address space are fuses against a hang or a blow-up, not speed assertions.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

from naravard.cli import app
from tests.conftest import CONFORMANCE

HOSTILE = Path(__file__).parent / "hostile"
TARGET = "data/kommuner/borlange/uppfoljning-2024.yaml"
FUSE_SECONDS = 60
FUSE_BYTES = 2 * 1024**3

# case → (validate's exit code, (code, line, column) of the first finding in the file, or None)
EXPECTED: dict[str, tuple[int, tuple[str, int, int] | None]] = {
    "alias-bomb": (1, ("NV005", 1, 4)),
    "arabic-indic-digits": (1, ("NV105", 25, 22)),
    "bidi-override-in-id": (1, ("NV107", 9, 9)),
    "bidi-override-in-text": (0, None),
    "binary-tag": (1, ("NV005", 15, 15)),
    "bom-and-crlf-accepted": (0, None),
    "control-character": (1, ("NV002", 15, 20)),
    "deep-nesting": (1, ("NV007", 1, 48)),
    "empty": (1, ("NV003", 1, 1)),
    "escaped-control-character": (1, ("NV002", 15, 15)),
    "exponent-overflow": (1, ("NV105", 25, 22)),
    "fullwidth-digits": (1, ("NV105", 3, 5)),
    "include-tag": (1, ("NV005", 12, 13)),
    "infinity-and-nan": (1, ("NV105", 25, 22)),
    "integer-5000-digits": (1, ("NV105", 25, 22)),
    "invalid-date": (1, ("NV106", 4, 11)),
    "list-at-top": (1, ("NV101", 1, 1)),
    "lone-surrogate": (1, ("NV002", 15, 21)),
    "merge-key": (1, ("NV005", 13, 3)),
    "multiple-documents": (1, ("NV006", 29, 1)),
    "nfd-duplicate-key": (1, ("NV004", 14, 3)),
    "nul-byte": (1, ("NV002", 3, 7)),
    "only-comments": (1, ("NV003", 1, 1)),
    "path-traversal-id": (1, ("NV107", 2, 9)),
    "python-tag": (1, ("NV005", 2, 9)),
    "rich-markup-and-escapes-in-keys": (1, ("NV002", 13, 3)),
    "tab-indentation": (1, ("NV001", 15, 1)),
    "tag-directive": (1, ("NV005", 1, 1)),
    "utf-16-with-bom": (1, ("NV002", 1, 1)),
    "utf-16-without-bom": (1, ("NV002", 1, 1)),
    "utf-32": (1, ("NV002", 1, 1)),
    "windows-1252": (1, ("NV002", 1, 3)),
    "yaml-directive-1-3": (1, ("NV005", 1, 1)),
    "zero-width-in-key": (1, ("NV107", 20, 3)),
}


# The report is drawn for the cases that load, and for a few that do not (Borlänge is then
# shown as submitted with errors); drawing it for every case would only repeat the latter.
REPORTED = {"bidi-override-in-text", "bom-and-crlf-accepted", "alias-bomb", "windows-1252", "python-tag"}
runner = CliRunner()


# naravard run in a child that writes its own peak (VmHWM) when it exits. ru_maxrss cannot be
# trusted for this: Linux carries the high-water mark of the process that forked the child over
# exec, so a child of this test process (hundreds of MB by the end of the suite) would seem to
# peak at this process's size.
_MEASURED = """
import atexit, os, runpy, sys

def _peak():
    with open("/proc/self/status") as status:
        kb = next(line.split()[1] for line in status if line.startswith("VmHWM:"))
    with open(os.environ["NARAVARD_PEAK_FILE"], "w") as out:
        out.write(kb)

atexit.register(_peak)
sys.argv = ["naravard", *sys.argv[1:]]
runpy.run_module("naravard", run_name="__main__")
"""


def naravard(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run naravard as CI does, and fail when that one process peaked above 200 MB.

    On Linux the child reports its own peak resident size; elsewhere os.wait4's rusage of exactly
    this child is used. The address-space fuse is set on the running child.
    """
    linux = Path("/proc/self/status").exists()
    peak_file = root.parent / f"peak-{os.getpid()}-{threading.get_ident()}.txt"
    command = [sys.executable, "-c", _MEASURED] if linux else [sys.executable, "-m", "naravard"]
    process = subprocess.Popen(
        [*command, *args, "--root", str(root)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "NARAVARD_PEAK_FILE": str(peak_file)},
    )
    if hasattr(resource, "prlimit"):  # Linux
        resource.prlimit(process.pid, resource.RLIMIT_AS, (FUSE_BYTES, FUSE_BYTES))
    streams: dict[str, bytes] = {}
    readers = [
        threading.Thread(target=lambda name=name, pipe=pipe: streams.__setitem__(name, pipe.read()))
        for name, pipe in (("out", process.stdout), ("err", process.stderr))
    ]
    for reader in readers:
        reader.start()
    fuse = threading.Timer(FUSE_SECONDS, process.kill)
    fuse.start()
    _, status, usage = os.wait4(process.pid, 0)
    fuse.cancel()
    process.returncode = os.waitstatus_to_exitcode(status)
    for reader in readers:
        reader.join()
    for pipe in (process.stdout, process.stderr):
        if pipe is not None:
            pipe.close()
    if linux:
        peak_mb = int(peak_file.read_text()) / 1024
        peak_file.unlink()
    else:
        peak_mb = usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)  # bytes on macOS
    assert peak_mb < 200, f"naravard {args[0]} peaked at {peak_mb:.0f} MB"
    out, err = (streams[k].decode("utf-8") for k in ("out", "err"))
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


@pytest.fixture
def hostile_repo(tmp_path: Path, request: pytest.FixtureRequest) -> Path:
    root = tmp_path / "repo"
    shutil.copytree(CONFORMANCE, root)
    shutil.copyfile(HOSTILE / f"{request.param}.yaml", root / TARGET)
    return root


def test_every_case_file_has_an_expectation() -> None:
    assert sorted(p.stem for p in HOSTILE.glob("*.yaml")) == sorted(EXPECTED)


@pytest.mark.parametrize("hostile_repo", sorted(EXPECTED), indirect=True)
def test_validate_lint_and_report_survive(hostile_repo: Path, tmp_path: Path) -> None:
    case = next(
        name
        for name in EXPECTED
        if (HOSTILE / f"{name}.yaml").read_bytes() == (hostile_repo / TARGET).read_bytes()
    )
    exit_code, first = EXPECTED[case]
    validate = naravard(hostile_repo, "validate", "--format", "json")
    assert "Traceback" not in validate.stderr
    assert validate.returncode == exit_code, validate.stderr
    document = json.loads(validate.stdout)
    mine = [d for d in document["diagnostics"] if d["file"] == TARGET]
    if first is None:
        assert mine == []
    else:
        assert (mine[0]["code"], mine[0]["line"], mine[0]["column"]) == first
        assert all("Input should" not in d["message"] and len(d["message"]) < 600 for d in mine)

    # lint and report in-process: any exception fails the test (catch_exceptions=False).
    text = runner.invoke(app, ["lint", "--root", str(hostile_repo)], catch_exceptions=False)
    assert text.exit_code == exit_code
    assert "\x1b" not in text.stdout and "\x07" not in text.stdout  # nothing from a file drives the terminal
    if case in REPORTED:
        out = tmp_path / "out"
        args = ["report", "2024", "--format", "html", "--out", str(out), "--root", str(hostile_repo)]
        assert runner.invoke(app, args, catch_exceptions=False).exit_code == 0
        html = (out / "rapport-2024.html").read_text(encoding="utf-8")
        assert "Borlänge" in html


@pytest.mark.parametrize("case", ["bidi-override-in-text"])
def test_hidden_characters_in_free_text_are_a_lint_warning(tmp_path: Path, case: str) -> None:
    root = tmp_path / "repo"
    shutil.copytree(CONFORMANCE, root)
    shutil.copyfile(HOSTILE / f"{case}.yaml", root / TARGET)
    result = naravard(root, "lint", "--format", "json")
    found = [(d["code"], d["line"]) for d in json.loads(result.stdout)["diagnostics"] if d["file"] == TARGET]
    assert ("NV312", 15) in found
