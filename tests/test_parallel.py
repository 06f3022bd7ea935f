"""Loading in worker processes finds exactly what loading in one process finds (issue 9, issue 15)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from naravard.api import check
from naravard.findings import Finding
from naravard.repository import load_repository
from tests.conftest import PROJECT


@pytest.fixture
def untidy(tmp_path: Path) -> Path:
    """The shipped data with broken files among the good ones."""
    root = tmp_path / "repo"
    shutil.copytree(PROJECT / "data", root / "data")
    shutil.copy(PROJECT / "naravard.yaml", root / "naravard.yaml")
    falun = root / "data" / "kommuner" / "falun"
    cp1252 = "kommun: falun\nar: 2022\nkommentar: \xe5\n".encode("cp1252")
    (falun / "uppfoljning-2022.yaml").write_bytes(cp1252)
    followup = falun / "uppfoljning-2024.yaml"
    twice = followup.read_text(encoding="utf-8").replace("ar: 2024", "ar: 2024\nar: 2025")
    followup.write_text(twice, encoding="utf-8")
    return root


def findings(root: Path, jobs: int, start: str | None = None) -> list[Finding]:
    repo = load_repository(root, jobs=jobs, start=start)
    return sorted(check(repo, warnings=True), key=lambda f: (f.sort_key, f.message))


def test_two_workers_find_what_one_process_finds(untidy: Path) -> None:
    alone = findings(untidy, jobs=1)
    assert {"NV002", "NV004", "NV303"} <= {f.code for f in alone}  # broken files and a warning
    assert findings(untidy, jobs=2) == alone


def test_workers_started_as_on_windows_and_macos_find_the_same(untidy: Path) -> None:
    # spawn: a fresh interpreter per worker that imports everything itself, as on Windows.
    assert findings(untidy, jobs=2, start="spawn") == findings(untidy, jobs=1)


def test_a_revision_loaded_in_workers_keeps_its_values(untidy: Path) -> None:
    import subprocess

    git = ["git", "-C", str(untidy), "-c", "user.name=t", "-c", "user.email=t@t"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-qm", "x"], check=True)
    alone = load_repository(untidy, revision="HEAD", jobs=1)
    both = load_repository(untidy, revision="HEAD", jobs=2)
    assert [e.doc.value for e in both.plans] == [e.doc.value for e in alone.plans]
