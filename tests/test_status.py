"""Year scope and `naravard status`: a draft is a draft, and other years' errors do not block a year."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from naravard.cli import app
from tests.conftest import PROJECT, Repo

runner = CliRunner()


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def shipped(tmp_path: Path) -> Repo:
    """A copy of the shipped data: 15 kommuner, follow-ups 2022–2024."""
    root = tmp_path / "dalarna"
    shutil.copytree(PROJECT / "data", root / "data")
    shutil.copy(PROJECT / "naravard.yaml", root / "naravard.yaml")
    return Repo(root)


def draft(repo: Repo, year: int = 2025, kommun: str = "falun") -> None:
    code, _, _ = invoke("new", "uppfoljning", str(year), "--kommun", kommun, "--root", str(repo.root))
    assert code == 0
    assert invoke("validate", "--root", str(repo.root))[0] == 1  # a draft's empty scores are errors


def status(repo: Repo, *args: str) -> dict[str, dict[str, dict[str, object]]]:
    code, out, _ = invoke("status", "--root", str(repo.root), "-f", "json", *args)
    assert code == 0
    return {k["id"]: k["ar"] for k in json.loads(out)["kommuner"]}


def test_a_draft_for_2025_does_not_block_export_2024(shipped: Repo, tmp_path: Path) -> None:
    draft(shipped)
    code, _, err = invoke("export", "2024", "--root", str(shipped.root), "--out", str(tmp_path / "x.xlsx"))
    assert (code, err) == (0, "")
    assert (tmp_path / "x.xlsx").is_file()


def test_an_error_in_the_year_or_in_a_plan_covering_it_still_blocks_the_export(
    shipped: Repo, tmp_path: Path
) -> None:
    out = str(tmp_path / "x.xlsx")
    shipped.replace("kommuner/falun/uppfoljning-2023.yaml", "ar: 2023", "ar: tjugotjugotre")
    assert invoke("export", "2024", "--root", str(shipped.root), "--out", out)[0] == 0  # 2023 is not 2024
    shipped.replace("kommuner/falun/lokal-plan.yaml", "\ntitel:", "\ntitl:")
    code, _, err = invoke("export", "2024", "--root", str(shipped.root), "--out", out)
    assert code == 1 and "filerna för 2024 har" in err


def test_report_without_a_year_picks_the_latest_year_with_a_follow_up_handed_in(
    repo: Repo, tmp_path: Path
) -> None:
    # The conformance repository (three kommuner, quick to draw): Borlänge has handed in 2026.
    draft(repo, 2027, "borlange")
    out = tmp_path / "rapport"
    code, _, err = invoke("report", "--root", str(repo.root), "--format", "md", "--out", str(out))
    assert code == 0, err
    assert sorted(p.name for p in out.iterdir()) == ["rapport-2026"]


def test_status_lists_a_draft_as_utkast(shipped: Repo) -> None:
    draft(shipped)
    cells = status(shipped)
    assert cells["falun"]["2025"] == {
        "status": "utkast",
        "fil": "data/kommuner/falun/uppfoljning-2025.yaml",
        "fel": 6,
        "inlamnad": None,
    }
    assert cells["falun"]["2024"]["status"] == "inlamnad"
    assert cells["falun"]["2024"]["inlamnad"] == "2025-02-14"
    assert cells["mora"]["2025"]["status"] == "saknas"
    _, text, _ = invoke("status", "2025", "--root", str(shipped.root))
    assert "Falun         utkast" in text
    assert "2025: 0 av 15 har lämnat in (0 inlämnad, 0 har fel, 1 utkast, 14 saknas)." in text


def test_a_filled_in_follow_up_with_errors_is_har_fel_with_the_count(shipped: Repo) -> None:
    shipped.replace(
        "kommuner/ludvika/uppfoljning-2024.yaml", "fast-vardkontakt: 32.4", "fast-vardkontakt: 32,4"
    )
    cells = status(shipped, "2024")
    assert list(cells["ludvika"]) == ["2024"]
    assert (cells["ludvika"]["2024"]["status"], cells["ludvika"]["2024"]["fel"]) == ("fel", 1)
    _, md, _ = invoke("status", "2024", "--root", str(shipped.root), "-f", "md")
    assert "| Ludvika | har fel \\(1\\) |" in md


def test_the_report_shows_a_draft_as_utkast_and_not_as_handed_in(repo: Repo, tmp_path: Path) -> None:
    draft(repo, 2027, "borlange")
    out = tmp_path / "rapport"
    code, _, err = invoke("report", "2027", "--root", str(repo.root), "--format", "md", "--out", str(out))
    assert code == 0, err
    report = (out / "rapport-2027" / "report.md").read_text(encoding="utf-8")
    row = next(line for line in report.splitlines() if line.startswith("| Borlänge |"))
    assert row.rstrip().endswith("Utkast |")
    assert "Borlänge" not in next(line for line in report.splitlines() if "har lämnat in" in line)
