"""Stale editor schemas are noticed: `naravard schema --check`, and validate after a strategy change."""

from __future__ import annotations

import json
import os
from pathlib import Path

from tests.authoring_support import invoke, shipped_copy

NEW_NYCKELTAL = (
    "  - id: vantetid-hemtjanst\n"
    "    namn: Väntetid till hemtjänst\n"
    "    delmal: nara-for-alla\n"
    "    enhet: dagar\n"
    "    riktning: lagre\n"
    "    kalla: Kommunens verksamhetssystem\n"
)


def _add_nyckeltal(root: Path) -> Path:
    """A new nyckeltal in the strategy: validate is still clean, the editor's schema is not current."""
    strategy = root / "data" / "region" / "strategi.yaml"
    text = strategy.read_text(encoding="utf-8")
    at = text.index("# Länets 15 kommuner")
    strategy.write_text(text[:at] + NEW_NYCKELTAL + text[at:], encoding="utf-8")
    return strategy


def test_schema_check_exits_1_while_the_schemas_do_not_follow_the_strategy(tmp_path: Path) -> None:
    root = shipped_copy(tmp_path)
    assert invoke("schema", "--check", "--root", str(root)) == (0, "", "")
    _add_nyckeltal(root)
    code, out, err = invoke("schema", "--check", "--root", str(root))
    assert code == 1
    assert out == ""
    assert f"Inaktuell {root / 'schemas' / 'uppfoljning.schema.json'}" in err
    assert "Kör `naravard schema` och checka in schemas/." in err
    assert invoke("schema", "--root", str(root))[0] == 0
    assert invoke("schema", "--check", "--root", str(root)) == (0, "", "")


def test_schema_check_passes_a_repository_that_has_no_schemas(tmp_path: Path) -> None:
    root = shipped_copy(tmp_path)
    for path in (root / "schemas").iterdir():
        path.unlink()
    (root / "schemas").rmdir()
    assert invoke("schema", "--check", "--root", str(root)) == (0, "", "")


def test_validate_says_on_stderr_when_a_changed_strategy_left_the_schemas_behind(tmp_path: Path) -> None:
    root = shipped_copy(tmp_path)
    strategy = _add_nyckeltal(root)
    later = max(p.stat().st_mtime for p in (root / "schemas").iterdir()) + 10
    os.utime(strategy, (later, later))
    code, out, err = invoke("validate", "--root", str(root), "--format", "json")
    assert code == 0  # the data is right: CI stays green
    assert json.loads(out)["summary"]["errors"] == 0  # stdout stays the fixed JSON
    assert err.startswith("Obs: strategin har ändrats men inte editorns scheman (uppfoljning.schema.json")
    assert "Kör `naravard schema`" in err


def test_validate_says_nothing_when_the_strategy_is_newer_but_the_schemas_are_current(tmp_path: Path) -> None:
    root = shipped_copy(tmp_path)
    strategy = root / "data" / "region" / "strategi.yaml"
    later = max(p.stat().st_mtime for p in (root / "schemas").iterdir()) + 10
    os.utime(strategy, (later, later))  # as after a fresh clone, or a save without a change
    code, _, err = invoke("validate", "--root", str(root))
    assert (code, err) == (0, "")
