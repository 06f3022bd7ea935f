"""Every region in the sources works end to end: init, validate, lint, diff and report.

The strategy is data: Västerbotten (eight strategies under a framtidsbild, a 1–5 scale) and
Östergötland (the parts of its målbild, 13 kommuner) go through the same code as Dalarna.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
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


@dataclass(frozen=True)
class Flow:
    """What init, validate, lint, diff and report gave for a region's example repository."""

    init: int
    validate: tuple[int, str]
    lint: int
    diff: tuple[int, str]
    report: int
    html: str
    markdown: str


@pytest.fixture(scope="module")
def flows(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Flow]:
    """Each region's flow, run once for the tests that read it (a region's flow costs seconds)."""
    done: dict[str, Flow] = {}

    def flow(region: str) -> Flow:
        if region not in done:
            root = tmp_path_factory.mktemp(region) / region
            init = run("init", str(root), "--region", region, "--exempel")[0]
            validate = run("validate", "--root", str(root))
            lint = run("lint", "--root", str(root))[0]
            diff = run("diff", "2023", "2024", "--root", str(root), "--format", "md")
            out = root.parent / "rapport"
            report = run("report", "2024", "--root", str(root), "--out", str(out))[0]
            html = (out / "rapport-2024.html").read_text(encoding="utf-8") if report == 0 else ""
            markdown = (out / "rapport-2024" / "report.md").read_text(encoding="utf-8") if report == 0 else ""
            done[region] = Flow(init, validate, lint, diff, report, html, markdown)
        return done[region]

    return flow


@pytest.mark.parametrize("region", sorted(REGION_NAMES))
def test_init_validate_lint_diff_and_report(flows: Callable[[str], Flow], region: str) -> None:
    flow = flows(region)
    assert flow.init == 0
    code, out = flow.validate
    assert (code, out.splitlines()[-1].startswith("Inga fel")) == (0, True)
    assert flow.lint == 0
    code, out = flow.diff
    assert code == 0 and "## Förändringar 2023 → 2024" in out
    assert flow.report == 0
    assert REGION_NAMES[region] in flow.html
    if region != "dalarna":
        assert "Dalarna" not in flow.html


def test_a_scale_of_1_to_5_flows_through_diff_and_report(flows: Callable[[str], Flow]) -> None:
    flow = flows("vasterbotten")
    assert "2024: 1 2 3 4 5 (saknas)" in flow.diff[1]
    assert "5 = stämmer helt" in flow.markdown


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


def test_a_region_names_its_goals_its_own_way(flows: Callable[[str], Flow]) -> None:
    flow = flows("vasterbotten")
    assert "Kommunerna skattar framtidsbilden och varje strategi" in flow.html
    assert "<h3>Fördelning per strategi</h3>" in flow.html
    assert "| Strategi | upp | ned | samma |" in flow.diff[1]
