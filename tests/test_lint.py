"""Quality warnings (lint): each rule with an edit that triggers it, at an exact position.

The conformance repository already has a few warnings (nyckeltal left out, kommuner without a
follow-up); each case asserts that its warning is new after the edit.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from typer.testing import CliRunner

from naravard.api import lint
from naravard.cli import app
from tests.conftest import Repo
from tests.rule_examples import conformance, edited, located

TODAY = date(2026, 11, 23)
FU = "kommuner/borlange/uppfoljning-2024.yaml"
FU25 = "kommuner/borlange/uppfoljning-2025.yaml"
FU26 = "kommuner/borlange/uppfoljning-2026.yaml"
PLAN = "kommuner/borlange/lokal-plan.yaml"
STRATEGI = "region/strategi.yaml"


def warnings(repo: Repo) -> set[tuple[str, int, int, str]]:
    return {
        (f.location.file.removeprefix("data/"), f.location.line, f.location.column, f.code)
        for f in lint(repo.root, today=TODAY).findings
    }


def add_2025(repo: Repo, old: str = "", new: str = "") -> None:
    """Borlänge 2025: a copy of 2024, with one edit."""
    text = (
        repo.read(FU).replace("ar: 2024", "ar: 2025").replace("inlamnad: 2025-02-28", "inlamnad: 2026-02-20")
    )
    assert not old or text.count(old) == 1
    repo.write(FU25, text.replace(old, new) if old else text)


# Each rule's own example is its docstring's (tests/test_rules.py); these are other forms.
CASES = [
    ("NV301", PLAN, "    ansvarig: Skolsköterska med samordningsansvar", "    ansvarig:", (PLAN, 24, 5)),
    (
        "NV301",
        PLAN,
        "    ansvarig: Skolsköterska med samordningsansvar",
        '    ansvarig: "?"',
        (PLAN, 24, 15),
    ),
    (
        "NV390",
        FU,
        "  - id: sip-elevhalsa",
        "  - id: sip-elevhalsa  # naravard: ignore[NV999]",
        (FU, 9, 24),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_warning_appears_after_the_edit_at_its_position(case: tuple[Any, ...]) -> None:
    code, rel, old, new, (where, line, column) = case
    files = conformance()
    before = set(located(files, warnings=True))
    after = set(located(edited(files, f"data/{rel}", old, new), warnings=True))
    assert (where, line, column, code) in after - before, sorted(after - before)
    assert all(c.startswith("NV3") for *_, c in after)


def test_baseline_warnings_of_the_conformance_repository(repo: Repo) -> None:
    found = warnings(repo)
    assert ("kommuner/ludvika/uppfoljning-2024.yaml", 19, 1, "NV309") in found
    assert ("kommuner/smedjebacken/uppfoljning-2024.yaml", 20, 1, "NV309") in found
    assert (STRATEGI, 94, 1, "NV310") in found  # 12 kommuner without a 2024 follow-up
    assert (PLAN, 7, 1, "NV305") in found
    assert all(code.startswith("NV3") for *_, code in found)
    result = lint(repo.root, today=TODAY)
    [missing_2024] = [f for f in result.findings if f.code == "NV310" and "2024" in f.message]
    assert missing_2024.message.startswith("12 kommuner saknar uppföljning för 2024")


def test_a_delmal_served_by_an_activity_gives_no_warning(repo: Repo) -> None:
    def messages() -> list[str]:
        return [f.message for f in lint(repo.root, today=TODAY).findings if f.code == "NV305"]

    assert any("nara-till-halsa" in m for m in messages())
    repo.replace(PLAN, "delmal: [nara-for-alla]", "delmal: [nara-for-alla, nara-till-halsa]")
    assert not any("nara-till-halsa" in m for m in messages())


def test_a_score_jump_with_a_comment_gives_no_warning(repo: Repo) -> None:
    add_2025(repo, "nara-for-mig: 3", "nara-for-mig: {varde: 1, kommentar: Två enheter stängde}")
    assert not any(code == "NV306" and rel == FU25 for rel, *_, code in warnings(repo))


def test_a_procent_nyckeltal_jumps_by_procentenheter_from_the_configuration(repo: Repo) -> None:
    add_2025(repo, "fast-lakarkontakt: 45", "fast-lakarkontakt: 52")  # +7 p.e., +16 %
    (repo.root / "naravard.yaml").write_text("regler:\n  nyckeltal_max_andring: 0.1\n", encoding="utf-8")
    assert not any(code == "NV307" for *_, code in warnings(repo))  # a share is no limit for procent
    (repo.root / "naravard.yaml").write_text(
        "regler:\n  nyckeltal_max_andring_procentenheter: 5\n", encoding="utf-8"
    )
    [message] = [f.message for f in lint(repo.root).findings if f.code == "NV307"]
    assert "(+7 p.e.)" in message


def test_the_threshold_for_other_nyckeltal_is_a_share_from_the_configuration(repo: Repo) -> None:
    add_2025(repo, "sip-antal: 14", "sip-antal: 18")  # +29 %
    assert not any(code == "NV307" for *_, code in warnings(repo))
    (repo.root / "naravard.yaml").write_text("regler:\n  nyckeltal_max_andring: 0.2\n", encoding="utf-8")
    [message] = [f.message for f in lint(repo.root).findings if f.code == "NV307"]
    assert "(+29 %)" in message


@pytest.mark.parametrize("where", ["same line", "line above"])
def test_an_inline_waiver_silences_a_warning(repo: Repo, where: str) -> None:
    old = "  utmaningar: Olika journalsystem."
    if where == "same line":
        new = "  utmaningar: TODO  # naravard: ignore[NV301] skrivs i mars"
    else:
        new = "  # naravard: ignore[NV301] skrivs i mars\n  utmaningar: TODO"
    repo.replace(FU, old, new)
    assert not any(code in ("NV301", "NV390") for *_, code in warnings(repo))


def test_a_waiver_in_the_configuration_silences_until_it_expires(repo: Repo) -> None:
    config = (
        "undantag:\n"
        "  - regel: NV309\n"
        "    fil: data/kommuner/ludvika\n"
        "    skal: Ludvika redovisar fler nyckeltal från 2025.\n"
        "    ansvarig: Nära vård-samordnare, Ludvika\n"
        "    galler_till: {until}\n"
    )
    (repo.root / "naravard.yaml").write_text(config.format(until="2026-12-31"), encoding="utf-8")
    found = warnings(repo)
    assert not any(rel.startswith("kommuner/ludvika") and code == "NV309" for rel, *_, code in found)
    assert ("kommuner/smedjebacken/uppfoljning-2024.yaml", 20, 1, "NV309") in found
    (repo.root / "naravard.yaml").write_text(config.format(until="2026-01-31"), encoding="utf-8")
    result = lint(repo.root, today=TODAY)
    codes = {(f.location.file, f.location.line, f.code) for f in result.findings}
    assert ("data/kommuner/ludvika/uppfoljning-2024.yaml", 19, "NV309") in codes
    [expired] = [f for f in result.findings if f.code == "NV390"]
    assert (expired.location.file, expired.location.line) == ("naravard.yaml", 6)
    assert "2026-01-31" in expired.message


def test_a_submission_date_is_in_the_future_only_after_today(repo: Repo) -> None:
    repo.replace(FU, "inlamnad: 2025-02-28", "inlamnad: 2026-11-24")
    assert any(code == "NV315" for *_, code in warnings(repo))  # the day after TODAY
    assert not any(f.code == "NV315" for f in lint(repo.root, today=date(2026, 11, 24)).findings)


UNUSED = (
    "undantag:\n"
    "  - regel: NV301\n"
    "    fil: data/kommuner/{kommun}\n"
    "    skal: Svaren skrivs i mars.\n"
    "    ansvarig: Nära vård-samordnare\n"
    "    galler_till: 2026-12-31\n"
)


def test_a_waiver_in_the_configuration_that_matches_nothing_is_named_at_its_line(repo: Repo) -> None:
    repo.replace(FU, "utmaningar: Olika journalsystem.", "utmaningar: TODO")
    (repo.root / "naravard.yaml").write_text(UNUSED.format(kommun="borlange"), encoding="utf-8")
    assert not any(code in ("NV301", "NV391") for *_, code in warnings(repo))
    (repo.root / "naravard.yaml").write_text(UNUSED.format(kommun="ludvika"), encoding="utf-8")
    [unused] = [f for f in lint(repo.root, today=TODAY).findings if f.code == "NV391"]
    loc = unused.location
    assert (loc.file, loc.line, loc.column) == ("naravard.yaml", 2, 12)
    assert unused.message.startswith(
        "Undantaget från NV301 för data/kommuner/ludvika (Nära vård-samordnare) tystar ingen varning"
    )


def test_one_code_of_an_inline_waiver_that_matches_nothing_is_named(repo: Repo) -> None:
    repo.replace(FU, "utmaningar: Olika journalsystem.", "utmaningar: TODO  # naravard: ignore[NV301, NV309]")
    [unused] = [f for f in lint(repo.root, today=TODAY).findings if f.code == "NV391"]
    assert (unused.location.line, unused.location.column) == (15, 21)
    assert unused.message.startswith("`# naravard: ignore[NV309]` tystar ingen varning")


def test_a_waiver_for_a_rule_turned_off_is_not_needed(repo: Repo) -> None:
    repo.replace(FU, "utmaningar: Olika journalsystem.", "utmaningar: TODO  # naravard: ignore[NV301]")
    (repo.root / "naravard.yaml").write_text("regler:\n  av: [NV301]\n", encoding="utf-8")
    [unused] = [f for f in lint(repo.root, today=TODAY).findings if f.code == "NV391"]
    assert "NV301 är avstängd" in unused.message


def test_waivers_are_not_judged_while_an_error_may_hide_their_warning(repo: Repo) -> None:
    repo.replace(FU, "Olika journalsystem.", "Olika journalsystem.  # naravard: ignore[NV301]")
    repo.replace(FU, "nara-for-mig: 3", "nara-for-mig: 7")  # NV206
    assert not any(f.code == "NV391" for f in lint(repo.root, today=TODAY).findings)


def test_a_mistake_in_the_configuration_is_a_positioned_error(repo: Repo) -> None:
    (repo.root / "naravard.yaml").write_text("regler:\n  nyckeltal_max_andrng: 0.2\n", encoding="utf-8")
    [finding] = [f for f in repo.validate().findings]
    assert (finding.location.file, finding.location.line, finding.location.column) == ("naravard.yaml", 2, 3)
    assert finding.code == "NV103"
    assert "nyckeltal_max_andring" in finding.message


def test_turning_a_rule_off(repo: Repo) -> None:
    (repo.root / "naravard.yaml").write_text("regler:\n  av: [NV309, NV310]\n", encoding="utf-8")
    assert not any(code in ("NV309", "NV310") for *_, code in warnings(repo))


def test_cli_warnings_exit_0_and_strict_exits_1(repo: Repo) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["lint", "--root", str(repo.root)], catch_exceptions=False)
    assert result.exit_code == 0
    assert "varning NV309" in result.stdout
    assert "0 fel och" in result.stdout.splitlines()[-1]
    result = runner.invoke(app, ["lint", "--strict", "--root", str(repo.root)], catch_exceptions=False)
    assert result.exit_code == 1
