"""Shared fixtures: a copy of the conformance repository that a test may edit."""

from __future__ import annotations

import gc
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from naravard.api import validate
from naravard.findings import CheckResult
from tests.report_support import chromium

FIXTURES = Path(__file__).parent / "fixtures"
CONFORMANCE = FIXTURES / "conformance" / "repo"
PROJECT = Path(__file__).parent.parent

KOLADA_2024 = (
    "ar: 2024\nkommuner:\n"
    "  borlange:\n"
    "    undvikbar-slutenvard: {varde: 1012.4, kolada: U71411, period: 2024, hamtad: 2025-03-03}\n"
    "  ludvika:\n"
    "    undvikbar-slutenvard: {varde: 871.3, kolada: U71411, period: 2024, hamtad: 2025-03-03}\n"
)
"""A Kolada import for 2024 (data/region/nyckeltal-2024.yaml): one nyckeltal for Borlänge and Ludvika."""


class Repo:
    """A writable copy of a data repository, with helpers to edit a file and validate."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, rel: str) -> Path:
        return self.root / "data" / rel

    def read(self, rel: str) -> str:
        return self.path(rel).read_text(encoding="utf-8")

    def write(self, rel: str, text: str) -> None:
        path = self.path(rel)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    def write_bytes(self, rel: str, data: bytes) -> None:
        path = self.path(rel)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)

    def replace(self, rel: str, old: str, new: str) -> None:
        text = self.read(rel)
        assert text.count(old) == 1, f"{old!r} should occur once in {rel}"
        self.write(rel, text.replace(old, new))

    def validate(self) -> CheckResult:
        return validate(self.root)

    def codes(self) -> list[tuple[str, int, int, str]]:
        """(file relative to data/, line, column, code) of every finding."""
        return [
            (f.location.file.removeprefix("data/"), f.location.line, f.location.column, f.code)
            for f in self.validate().findings
        ]


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    """The conformance repository (clean), copied so the test can edit it."""
    root = tmp_path / "repo"
    shutil.copytree(CONFORMANCE, root)
    return Repo(root)


@pytest.fixture
def only() -> Callable[[Repo], tuple[str, int, int, str]]:
    """The single finding of a repository, failing when there is not exactly one."""

    def single(r: Repo) -> tuple[str, int, int, str]:
        found = r.codes()
        assert len(found) == 1, found
        return found[0]

    return single


@pytest.fixture(autouse=True)
def _long_lived_objects_are_not_rescanned() -> None:
    """Every test starts with what is alive frozen out of the cycle collector's reach.

    The report calls gc.collect() after every chart (naravard.report.charts): in a program that
    is cheap, in this process it rescanned every module, fixture and collected test each time (half
    the CPU time of the report tests). Frozen objects are still freed by reference counting; only
    cycles among them stay, which in a test process is what a session keeps anyway.
    """
    gc.collect()
    gc.freeze()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """The machine's Chromium, started once for the test module that asks for it (tests skip
    without it: see tests/report_support.py)."""
    with chromium() as launched:
        yield launched
