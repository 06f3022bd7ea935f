"""Loading in worker processes finds exactly what loading in one process finds (issue 9)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from naravard.api import check
from naravard.findings import Finding
from naravard.loader import parallel
from naravard.loader.parallel import Source
from naravard.repository import load_repository
from tests.conftest import PROJECT

PARENT = os.getpid()
LOAD_SOURCE = parallel.load_source


@pytest.fixture
def untidy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The shipped data with broken files among the good ones, small enough to use workers anyway."""
    root = tmp_path / "repo"
    shutil.copytree(PROJECT / "data", root / "data")
    shutil.copy(PROJECT / "naravard.yaml", root / "naravard.yaml")
    falun = root / "data" / "kommuner" / "falun"
    cp1252 = "kommun: falun\nar: 2022\nkommentar: \xe5\n".encode("cp1252")
    (falun / "uppfoljning-2022.yaml").write_bytes(cp1252)
    followup = falun / "uppfoljning-2024.yaml"
    twice = followup.read_text(encoding="utf-8").replace("ar: 2024", "ar: 2024\nar: 2025")
    followup.write_text(twice, encoding="utf-8")
    monkeypatch.setattr(parallel, "MIN_FILES", 1)
    return root


def findings(root: Path, jobs: int) -> list[Finding]:
    repo = load_repository(root, jobs=jobs)
    return sorted(check(repo, warnings=True), key=lambda f: (f.sort_key, f.message))


def test_two_workers_find_what_one_process_finds(untidy: Path) -> None:
    alone = findings(untidy, jobs=1)
    assert {"NV002", "NV004", "NV303"} <= {f.code for f in alone}  # broken files and a warning
    assert findings(untidy, jobs=2) == alone


def dies_on_falun(source: Source) -> object:
    """A worker that is killed while loading one file (as the kernel does when memory runs out)."""
    if os.getpid() != PARENT and "falun" in str(getattr(source, "path", "")):
        os._exit(9)
    return LOAD_SOURCE(source)


def test_a_worker_that_dies_loses_no_file(untidy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    alone = findings(untidy, jobs=1)
    monkeypatch.setattr(parallel, "load_source", dies_on_falun)
    assert findings(untidy, jobs=2) == alone
