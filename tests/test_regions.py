"""Every region in the sources works end to end: init, validate, lint, diff and report.

The strategy is data: Västerbotten (eight strategies under a framtidsbild, a 1–5 scale) and
Östergötland (the parts of its målbild, 13 kommuner) go through the same code as Dalarna.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from naravard.authoring.init import regions
from naravard.cli import app
from tests.conftest import PROJECT

runner = CliRunner()
REGION_NAMES = {
    "dalarna": "Region Dalarna",
    "vasterbotten": "Region Västerbotten",
    "ostergotland": "Region Östergötland",
}


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout


def test_the_three_regions_of_the_sources_ship_as_templates() -> None:
    assert regions() == ["dalarna", "ostergotland", "vasterbotten"]


@pytest.mark.parametrize("region", sorted(REGION_NAMES))
def test_init_validate_lint_diff_and_report(tmp_path: Path, region: str) -> None:
    root = tmp_path / region
    assert run("init", str(root), "--region", region, "--exempel")[0] == 0
    code, out = run("validate", "--root", str(root))
    assert (code, out.splitlines()[-1].startswith("Inga fel")) == (0, True)
    assert run("lint", "--root", str(root))[0] == 0
    code, out = run("diff", "2023", "2024", "--root", str(root), "--format", "md")
    assert code == 0 and "## Förändringar 2023 → 2024" in out
    out_dir = tmp_path / "rapport"
    assert run("report", "2024", "--root", str(root), "--out", str(out_dir), "--format", "html")[0] == 0
    html = (out_dir / "rapport-2024.html").read_text(encoding="utf-8")
    assert REGION_NAMES[region] in html
    if region != "dalarna":
        assert "Dalarna" not in html


def test_a_scale_of_1_to_5_flows_through_diff_and_report(tmp_path: Path) -> None:
    root = tmp_path / "vasterbotten"
    run("init", str(root), "--region", "vasterbotten", "--exempel")
    _, out = run("diff", "2023", "2024", "--root", str(root), "--format", "md")
    assert "2024: 1 2 3 4 5 (saknas)" in out
    out_dir = tmp_path / "rapport"
    run("report", "2024", "--root", str(root), "--out", str(out_dir), "--format", "md")
    markdown = (out_dir / "rapport-2024" / "report.md").read_text(encoding="utf-8")
    assert "5 = stämmer helt" in markdown


def test_without_examples_init_gives_only_the_strategy(tmp_path: Path) -> None:
    root = tmp_path / "ny"
    run("init", str(root), "--region", "ostergotland")
    assert not list((root / "data" / "kommuner").glob("*/*.yaml"))
    assert run("validate", "--root", str(root))[0] == 0


def test_an_unknown_region_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["init", str(tmp_path / "x"), "--region", "skane"])
    assert result.exit_code == 2
    assert "Mallar: dalarna, ostergotland, vasterbotten" in result.stderr


def test_no_dalarna_specific_word_in_the_code_or_templates() -> None:
    source = PROJECT / "src" / "naravard"
    found = []
    for path in source.rglob("*"):
        if path.is_dir() or "regions" in path.relative_to(source).parts or path.suffix == ".pyc":
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        for match in re.finditer(r"(?i)dalarna|välfärdsrådet|RD22/00386", text):
            found.append(f"{path.relative_to(source)}: {match.group()}")
    assert found == []


def test_a_region_names_its_goals_its_own_way(tmp_path: Path) -> None:
    root = tmp_path / "vasterbotten"
    run("init", str(root), "--region", "vasterbotten", "--exempel")
    out_dir = tmp_path / "rapport"
    run("report", "2024", "--root", str(root), "--out", str(out_dir), "--format", "html")
    html = (out_dir / "rapport-2024.html").read_text(encoding="utf-8")
    assert "Kommunerna skattar framtidsbilden och varje strategi" in html
    assert "<h3>Fördelning per strategi</h3>" in html
    _, out = run("diff", "2023", "2024", "--root", str(root), "--format", "md")
    assert "| Strategi | upp | ned | samma |" in out
