"""A baseline: lint shows only the warnings that are new since it was written."""

from __future__ import annotations

import json
from typing import Any

from typer.testing import CliRunner

from naravard.cli import app
from tests.conftest import Repo

runner = CliRunner()
REFLECTION = ("lardomar", "framgangsfaktorer", "utmaningar", "bedomning")
FOLLOWUPS = ("borlange", "ludvika", "smedjebacken")


def lint(repo: Repo, *args: str) -> tuple[int, list[dict[str, Any]], str]:
    result = runner.invoke(
        app, ["lint", "--root", str(repo.root), "-f", "json", *args], catch_exceptions=False
    )
    return result.exit_code, json.loads(result.stdout)["diagnostics"], result.stderr


def with_placeholders(repo: Repo) -> Repo:
    """The conformance repository's 12 warnings, and 12 empty reflections answered `TODO`."""
    for kommun in FOLLOWUPS:
        rel = f"kommuner/{kommun}/uppfoljning-2024.yaml"
        lines = [
            f"  {line.split(':')[0].strip()}: TODO" if line.split(":")[0].strip() in REFLECTION else line
            for line in repo.read(rel).splitlines()
        ]
        repo.write(rel, "\n".join(lines) + "\n")
    return repo


def test_one_new_warning_among_twenty_known_is_the_only_one_shown(repo: Repo) -> None:
    with_placeholders(repo)
    _, before, _ = lint(repo)
    assert len(before) >= 20 and all(d["severity"] == "warning" for d in before)
    baseline = repo.root / "naravard-baseline.json"
    code, shown, err = lint(repo, "--baseline", str(baseline), "--update-baseline")
    assert (code, shown) == (0, [])
    assert f"{len(before)} varningar i baslinjen" in err
    assert sum(e["antal"] for e in json.loads(baseline.read_text(encoding="utf-8"))["varningar"]) == len(
        before
    )

    repo.replace(
        "kommuner/ludvika/uppfoljning-2024.yaml", "resultat: Tio träffar, 240 besökare.", "resultat: TODO"
    )
    _, shown, _ = lint(repo, "--baseline", str(baseline))
    assert [(d["file"], d["code"]) for d in shown] == [
        ("data/kommuner/ludvika/uppfoljning-2024.yaml", "NV301")
    ]
    assert shown[0]["line"] == 6


def test_moving_lines_does_not_make_a_known_warning_new(repo: Repo) -> None:
    with_placeholders(repo)
    baseline = repo.root / "naravard-baseline.json"
    lint(repo, "--baseline", str(baseline), "--update-baseline")
    rel = "kommuner/borlange/uppfoljning-2024.yaml"
    repo.replace(rel, "kommun: borlange\n", "# Två rader till\n# överst i filen.\nkommun: borlange\n")
    assert lint(repo, "--baseline", str(baseline))[1] == []


def test_a_fixed_warning_is_reported_stale_and_the_update_shrinks_the_file(repo: Repo) -> None:
    with_placeholders(repo)
    baseline = repo.root / "naravard-baseline.json"
    lint(repo, "--baseline", str(baseline), "--update-baseline")
    size = len(json.loads(baseline.read_text(encoding="utf-8"))["varningar"])
    rel = "kommuner/smedjebacken/uppfoljning-2024.yaml"
    repo.replace(rel, "lardomar: TODO", "lardomar: Små orter behöver egna träffar.")
    code, shown, err = lint(repo, "--baseline", str(baseline))
    assert (code, shown) == (0, [])
    assert "1 post gäller inte längre" in err
    assert f"data/{rel}: NV301" in err
    lint(repo, "--baseline", str(baseline), "--update-baseline")
    assert len(json.loads(baseline.read_text(encoding="utf-8"))["varningar"]) == size - 1
    assert "gäller inte längre" not in lint(repo, "--baseline", str(baseline))[2]


def test_errors_are_never_hidden_by_a_baseline(repo: Repo) -> None:
    baseline = repo.root / "naravard-baseline.json"
    lint(repo, "--baseline", str(baseline), "--update-baseline")
    repo.replace(
        "kommuner/ludvika/uppfoljning-2024.yaml", "fast-lakarkontakt: 43.2", "fast-lakarkontakt: 43,2"
    )
    code, shown, _ = lint(repo, "--baseline", str(baseline))
    assert code == 1 and [d["code"] for d in shown] == ["NV105"]


def test_a_missing_or_broken_baseline_is_a_message_not_a_traceback(repo: Repo) -> None:
    baseline = repo.root / "naravard-baseline.json"
    result = runner.invoke(app, ["lint", "--root", str(repo.root), "--baseline", str(baseline)])
    assert result.exit_code == 2 and "--update-baseline" in result.stderr
    baseline.write_text("{inte json", encoding="utf-8")
    result = runner.invoke(app, ["lint", "--root", str(repo.root), "--baseline", str(baseline)])
    assert result.exit_code == 2 and "kan inte läsas som en baslinje" in result.stderr
