"""`naravard diff`: year against year, and git revision against revision."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from naravard.api import diff_revisions, diff_years
from naravard.cli import app
from naravard.errors import UsageError
from naravard.markdown import escape_inline
from naravard.output.diff import revision_lines, years_markdown
from tests.conftest import Repo

runner = CliRunner()
FU = "kommuner/borlange/uppfoljning-2024.yaml"


def add_2025(repo: Repo, edits: dict[str, str]) -> None:
    text = repo.read(FU).replace("ar: 2024", "ar: 2025")
    for old, new in edits.items():
        text = text.replace(old, new)
    repo.write("kommuner/borlange/uppfoljning-2025.yaml", text)


def test_one_kommun_two_years(repo: Repo) -> None:
    add_2025(
        repo,
        {
            "nara-mellan-oss: {varde: 3,": "nara-mellan-oss: {varde: 4,",
            "fast-lakarkontakt: 45": "fast-lakarkontakt: 48.6",
            "undvikbar-slutenvard: 990.5": "undvikbar-slutenvard: 1020",
            "  - id: sip-elevhalsa\n    status: pagaende": "  - id: sip-elevhalsa\n    status: genomford",
        },
    )
    result = diff_years(repo.root, 2024, 2025, ["borlange"])
    [borlange] = result.kommuner
    scores = {s.id: (s.old, s.new) for s in borlange.scores}
    assert scores["nara-mellan-oss"] == (3, 4)
    assert scores["nara-for-mig"] == (3, 3)
    values = {n.id: n for n in borlange.nyckeltal}
    assert (values["fast-lakarkontakt"].old, values["fast-lakarkontakt"].new) == (45, 48.6)
    assert values["fast-lakarkontakt"].verdict == "battre"
    assert values["fast-lakarkontakt"].relative == pytest.approx(0.08)
    assert values["undvikbar-slutenvard"].verdict == "samre"  # riktning: lagre
    assert values["aterinskrivning-65"].verdict == "okand"  # null both years
    [activity] = borlange.activities
    assert (activity.id, activity.kind, activity.old_status) == ("sip-elevhalsa", "genomford", "pagaende")


def test_the_region_counts_moves_and_distributions(repo: Repo) -> None:
    add_2025(repo, {"nara-mellan-oss: {varde: 3,": "nara-mellan-oss: {varde: 4,"})
    result = diff_years(repo.root, 2024, 2025)
    assert len(result.kommuner) == 15
    mellan = next(s for s in result.region if s.id == "nara-mellan-oss")
    assert (mellan.up, mellan.down, mellan.same) == (1, 0, 0)
    assert mellan.distribution == {"2024": {2: 2, 3: 1}, "2025": {4: 1}}
    assert mellan.missing == {"2024": 12, "2025": 14}


def test_a_kommun_without_a_follow_up_is_shown_as_missing(repo: Repo) -> None:
    result = diff_years(repo.root, 2024, 2026, ["ludvika"])
    [ludvika] = result.kommuner
    assert (ludvika.has_a, ludvika.has_b) == (True, False)
    assert "Ingen uppföljning för 2026" in years_markdown(result, detailed=True)


def test_an_unknown_kommun_is_a_usage_error_with_a_suggestion(repo: Repo) -> None:
    with pytest.raises(UsageError, match="Menade du `borlange`"):
        diff_years(repo.root, 2024, 2026, ["borlang"])


def test_cli_text_json_and_markdown_carry_the_same_facts(repo: Repo) -> None:
    add_2025(repo, {"nara-mellan-oss: {varde: 3,": "nara-mellan-oss: {varde: 4,"})
    args = ["diff", "2024", "2025", "--root", str(repo.root), "--kommun", "borlange"]
    text = runner.invoke(app, args, catch_exceptions=False)
    assert text.exit_code == 0
    assert "Nära mellan oss" in text.stdout and "3 → 4 ↑" in text.stdout
    document = json.loads(runner.invoke(app, [*args, "--format", "json"], catch_exceptions=False).stdout)
    [kommun] = document["kommuner"]
    mellan = next(s for s in kommun["scores"] if s["id"] == "nara-mellan-oss")
    assert (mellan["old"], mellan["new"]) == (3, 4)
    markdown = runner.invoke(app, [*args, "--format", "md"], catch_exceptions=False).stdout
    assert "| Nära mellan oss | 3 → 4 |" in markdown


def test_region_overview_on_a_terminal_fits_one_screen(repo: Repo) -> None:
    add_2025(repo, {})
    result = runner.invoke(app, ["diff", "2024", "2025", "--root", str(repo.root)], catch_exceptions=False)
    assert result.exit_code == 0
    assert "Självskattning i regionen 2024 → 2025" in result.stdout
    assert "Ludvika (saknar 2025)" in result.stdout
    assert len(result.stdout.splitlines()) < 60


def test_diff_without_years_is_a_usage_error(repo: Repo) -> None:
    result = runner.invoke(app, ["diff", "--root", str(repo.root)])
    assert result.exit_code == 2
    assert "Ange två år" in result.stderr


# --- git revisions ----------------------------------------------------------------------------


FAST = "Andel invånare som har en fast läkarkontakt i primärvården"  # fast-lakarkontakt, by its name


def git(root: Path, *args: str) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.org",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.org",
        "GIT_CONFIG_GLOBAL": os.devnull,
    }
    done = subprocess.run(["git", *args], cwd=root, env=env, capture_output=True, text=True, check=True)
    return done.stdout.strip()


@pytest.fixture
def history(repo: Repo) -> Repo:
    """The conformance repository in git: commit 1 as given, commit 2 with a few changes."""
    git(repo.root, "init", "-q", "-b", "main")
    git(repo.root, "add", "-A")
    git(repo.root, "commit", "-q", "-m", "Första versionen")
    repo.replace(FU, "nara-mellan-oss: {varde: 3,", "nara-mellan-oss: {varde: 4,")
    repo.replace(FU, "fast-lakarkontakt: 45", "fast-lakarkontakt: 46.5")
    repo.replace(
        "kommuner/borlange/lokal-plan.yaml",
        "aktiviteter:\n",
        "aktiviteter:\n  - id: sip-skolan\n    titel: SIP i skolan\n    delmal: [nara-for-alla]\n"
        "    vad: SIP för elever.\n    hur: Med elevhälsan.\n    nar: {start: 2025, slut: 2026}\n"
        "    ansvarig: Rektor\n    uppfoljning: Antal SIP.\n",
    )
    git(repo.root, "commit", "-q", "-am", "Borlänge 2024")
    return repo


def test_diff_between_two_commits_in_the_domains_terms(history: Repo) -> None:
    lines = revision_lines(diff_revisions(history.root, "HEAD~1..HEAD"))
    assert lines == [
        f"Borlänge 2024: Nära mellan oss 3 → 4; {FAST} 45 → 46,5",
        "data/kommuner/borlange/lokal-plan.yaml ändrad: ny aktivitet SIP i skolan",
    ]


def test_diff_of_a_revision_against_the_working_tree_changes_no_checkout(history: Repo) -> None:
    history.replace(FU, "nara-till-halsa: 2", "nara-till-halsa: 3")
    head = git(history.root, "rev-parse", "HEAD")
    status = git(history.root, "status", "--porcelain")
    lines = revision_lines(diff_revisions(history.root, "HEAD"))
    assert lines == ["Borlänge 2024: Nära till hälsa 2 → 3"]
    assert git(history.root, "rev-parse", "HEAD") == head
    assert git(history.root, "status", "--porcelain") == status


def test_diff_rev_as_a_pull_request_comment(history: Repo) -> None:
    result = runner.invoke(
        app,
        ["diff", "--rev", "HEAD~1..HEAD", "--format", "md", "--root", str(history.root)],
        catch_exceptions=False,
    )
    assert result.exit_code == 0
    assert result.stdout.startswith("## naravard: vad ändringen betyder (HEAD\\~1..HEAD)")
    assert f"- Borlänge 2024\\: Nära mellan oss 3 → 4; {escape_inline(FAST)} 45 → 46,5" in result.stdout


def test_a_follow_up_broken_by_a_change_has_errors_and_is_not_removed(history: Repo) -> None:
    history.replace(FU, "fast-lakarkontakt: 46.5", "fast-lakarkontakt: 46,5")
    lines = revision_lines(diff_revisions(history.root, "HEAD"))
    assert lines == ["Borlänge 2024: har fel (1 fel; `naravard validate` visar dem)"]
    git(history.root, "commit", "-q", "-am", "Decimalkomma")
    history.replace(FU, "fast-lakarkontakt: 46,5", "fast-lakarkontakt: 46.5")
    assert revision_lines(diff_revisions(history.root, "HEAD")) == ["Borlänge 2024: felen rättade"]


def test_a_removed_follow_up_is_removed(history: Repo) -> None:
    history.path(FU).unlink()
    assert revision_lines(diff_revisions(history.root, "HEAD")) == ["Borlänge 2024: uppföljningen borttagen"]


def test_a_plan_with_errors_has_errors_and_is_not_removed(history: Repo) -> None:
    history.replace("kommuner/borlange/lokal-plan.yaml", "titel: SIP i skolan", "titl: SIP i skolan")
    lines = revision_lines(diff_revisions(history.root, "HEAD"))
    assert lines[-1].startswith("data/kommuner/borlange/lokal-plan.yaml har fel: ")
    assert "borttagen" not in " ".join(lines)


def test_text_edits_name_the_activity_and_the_part_of_the_reflection_with_a_word_diff(
    history: Repo,
) -> None:
    text = history.read(FU)
    resultat = next(line for line in text.splitlines() if "resultat:" in line)
    lardomar = next(line for line in text.splitlines() if "lardomar:" in line)
    history.replace(FU, resultat, resultat.rstrip() + " Och fler i år.")
    history.replace(FU, lardomar, "  lardomar: Något helt annat.")
    [line] = revision_lines(diff_revisions(history.root, "HEAD"))
    assert line.startswith("Borlänge 2024: resultat för ")
    assert "ändrad: +„Och fler i år.“" in line
    assert "reflektionen, lärdomar ändrad: „" in line
    assert "→ „Något helt annat.“" in line


def test_an_unknown_revision_is_a_usage_error(history: Repo) -> None:
    result = runner.invoke(app, ["diff", "--rev", "nosuchrev..HEAD", "--root", str(history.root)])
    assert result.exit_code == 2
    assert "git" in result.stderr
