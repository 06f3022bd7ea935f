"""What is generated from the code is committed, and must not go stale."""

from __future__ import annotations

import json
from typing import Any

import pytest

from naravard.cli import reference
from naravard.codes import render_docs
from naravard.model.schema import build_schemas, render
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
    followup = schemas["uppfoljning.schema.json"]["properties"]
    assert "falun" in followup["kommun"]["enum"]
    assert followup["sjalvskattning"]["required"][0] == "nara-genom-hela-livet"
    assert "fast-vardkontakt" in followup["nyckeltal"]["properties"]
    plan = schemas["lokal-plan.schema.json"]["$defs"]["Aktivitet"]["properties"]
    assert plan["delmal"]["items"]["enum"][0] == "nara-for-mig"
    assert plan["vad"]["title"] == "Vad"


def test_every_title_and_description_is_swedish_text(schemas: dict[str, dict[str, Any]]) -> None:
    text = json.dumps(schemas, ensure_ascii=False)
    assert "Input should" not in text
    assert '"title": "Sjalvskattning"' not in text
