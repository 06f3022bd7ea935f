"""What is generated from the code is committed, and must not go stale."""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any

import pytest

from naravard.cli import reference
from naravard.codes import render_docs
from naravard.model.schema import build_schemas, render
from naravard.model.types import DATE_PATTERN
from naravard.repository import load_repository
from tests.conftest import PROJECT


@pytest.fixture(scope="module")
def schemas() -> dict[str, dict[str, Any]]:
    return build_schemas(load_repository(PROJECT))


def test_committed_schemas_are_what_the_code_generates(schemas: dict[str, dict[str, Any]]) -> None:
    for name, schema in schemas.items():
        committed = (PROJECT / "schemas" / name).read_text(encoding="utf-8")
        assert committed == render(schema), f"schemas/{name} is stale: run `make schemas`"


def test_committed_code_docs_are_what_the_code_generates() -> None:
    committed = (PROJECT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == render_docs(), "docs/rules.md is stale: run `make docs`"


def test_committed_cli_reference_is_what_help_prints() -> None:
    committed = (PROJECT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert committed == reference.render(), "docs/cli.md is stale: run `make docs`"


def test_every_command_is_documented_in_the_readme_or_the_reference() -> None:
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    cli = (PROJECT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert "docs/cli.md" in readme
    for path in reference.commands():
        command = " ".join(("naravard", *path))
        assert f"`{command}" in readme or f"\n## {command}\n" in cli, command


def test_schemas_complete_the_repositorys_own_ids(schemas: dict[str, dict[str, Any]]) -> None:
    followup = schemas["uppfoljning.schema.json"]
    kommun = followup["properties"]["kommun"]
    assert dict(zip(kommun["enum"], kommun["enumDescriptions"], strict=True))["falun"] == "Falun"
    [revision] = followup["allOf"]  # the shipped strategy has one revision, 2022–2030
    assert revision["if"] == {
        "properties": {"ar": {"type": "integer", "minimum": 2022, "maximum": 2030}},
        "required": ["ar"],
    }
    parts = revision["then"]["properties"]
    assert parts["sjalvskattning"]["required"][0] == "nara-genom-hela-livet"
    assert "fast-vardkontakt" in parts["nyckeltal"]["properties"]
    plan = schemas["lokal-plan.schema.json"]["$defs"]["Aktivitet"]["properties"]
    assert plan["delmal"]["items"]["enum"][0] == "nara-for-mig"
    assert plan["delmal"]["items"]["enumDescriptions"][0] == "Nära för mig"
    assert plan["vad"]["title"] == "Vad"
    strategy = schemas["strategi.schema.json"]["$defs"]["Nyckeltal"]["properties"]
    assert "nara-till-halsa" in strategy["delmal"]["enum"]


def test_an_optional_field_has_one_type_and_one_title(schemas: dict[str, dict[str, Any]]) -> None:
    kommentar = schemas["uppfoljning.schema.json"]["$defs"]["Varde"]["properties"]["kommentar"]
    assert kommentar == {
        "maxLength": 20000,
        "type": ["string", "null"],
        "default": None,
        "description": "Kommentar (valfritt).",
        "title": "Kommentar",
    }


def test_the_date_pattern_accepts_exactly_the_days_of_the_calendar() -> None:
    pattern = re.compile(DATE_PATTERN)
    for year in (1900, 1999, 2000, 2023, 2024, 2025, 2100, 2400):
        for month in range(0, 14):
            for day in range(0, 33):
                text = f"{year:04d}-{month:02d}-{day:02d}"
                try:
                    real = date.fromisoformat(text) is not None
                except ValueError:
                    real = False
                assert bool(pattern.match(text)) is real, text
    assert not pattern.match("0000-02-29")  # no year 0 in Python's calendar, none in the pattern


def test_every_title_and_description_is_swedish_text(schemas: dict[str, dict[str, Any]]) -> None:
    text = json.dumps(schemas, ensure_ascii=False)
    assert "Input should" not in text
    assert '"title": "Sjalvskattning"' not in text
