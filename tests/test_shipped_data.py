"""The example data that ships with naravard is clean and ready for an editor."""

from __future__ import annotations

from pathlib import Path

import pytest

from naravard.api import validate
from tests.conftest import PROJECT

YAML_FILES = sorted((PROJECT / "data").rglob("*.yaml"))


def test_shipped_data_validates_clean() -> None:
    result = validate(PROJECT)
    assert result.findings == ()
    assert result.files == len(YAML_FILES) >= 45


def test_every_kommun_of_the_strategy_has_follow_ups() -> None:
    folders = {p.name for p in (PROJECT / "data" / "kommuner").iterdir() if p.is_dir()}
    assert len(folders) == 15
    for folder in folders:
        years = {p.stem[-4:] for p in (PROJECT / "data" / "kommuner" / folder).glob("uppfoljning-*")}
        assert {"2023", "2024"} <= years, folder


@pytest.mark.parametrize("path", YAML_FILES, ids=lambda p: p.relative_to(PROJECT).as_posix())
def test_every_file_starts_with_its_schema_modeline(path: Path) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    kind = path.stem.split("-")[0] if not path.stem.startswith("lokal-plan") else "lokal-plan"
    assert first.startswith("# yaml-language-server: $schema=")
    schema = (path.parent / first.split("=", 1)[1]).resolve()
    assert schema.is_file(), schema
    assert schema.name.startswith(kind)
