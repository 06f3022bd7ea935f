"""One mistake, one diagnostic, and every independent mistake of a file in one run (issue 16, item 2)."""

from __future__ import annotations

from tests.conftest import Repo

FOLLOWUP = "kommuner/borlange/uppfoljning-2024.yaml"
PLAN = "kommuner/borlange/lokal-plan.yaml"


def test_a_decimal_comma_does_not_hide_a_score_outside_the_scale(repo: Repo) -> None:
    repo.replace(FOLLOWUP, "undvikbar-slutenvard: 990.5", "undvikbar-slutenvard: 990,5")
    repo.replace(FOLLOWUP, "nara-for-alla: 2", "nara-for-alla: 5")
    assert sorted(code for *_, code in repo.codes()) == ["NV105", "NV206"]


def test_a_bad_value_in_a_plan_is_one_error_in_the_plan_and_none_in_its_follow_ups(repo: Repo) -> None:
    repo.replace(PLAN, "malgrupp: äldre", "malgrupp: 65")
    assert repo.codes() == [(PLAN, 16, 15, "NV101")]


def test_a_plan_whose_kommuner_cannot_be_read_does_not_make_its_follow_ups_planless(repo: Repo) -> None:
    repo.replace(PLAN, "kommuner: [borlange]", "kommuner: borlange")
    assert repo.codes() == [(PLAN, 2, 11, "NV101")]


def test_a_bad_value_in_the_handlingsplan_does_not_unknow_its_priorities(repo: Repo) -> None:
    repo.replace("region/handlingsplan-2024.yaml", "    malgrupp: äldre", "    malgrupp: [äldre]")
    assert [code for *_, code in repo.codes()] == ["NV101"]


def test_a_misspelt_key_is_one_mistake(repo: Repo) -> None:
    repo.replace(FOLLOWUP, "  - id: trygg-hemgang\n    status:", "  - id: trygg-hemgang\n    stauts:")
    ((_, line, _, code),) = repo.codes()
    assert (line, code) == (7, "NV103")
    assert "Menade du `status`?" in repo.validate().findings[0].message


def test_findings_after_a_removed_list_item_stay_on_their_lines(repo: Repo) -> None:
    # The first activity cannot be read (no status); the second's unknown id is still found, on its line.
    repo.replace(FOLLOWUP, "  - id: trygg-hemgang\n    status: pagaende\n", "  - id: trygg-hemgang\n")
    repo.replace(FOLLOWUP, "  - id: sip-elevhalsa", "  - id: sip-elevhalsan")
    assert repo.codes() == [(FOLLOWUP, 6, 5, "NV102"), (FOLLOWUP, 8, 9, "NV204")]


def test_a_file_whose_top_level_is_broken_is_not_checked_further(repo: Repo) -> None:
    repo.write(FOLLOWUP, "- en lista\n- i stället för en uppföljning\n")
    assert [code for *_, code in repo.codes()] == ["NV101"]
