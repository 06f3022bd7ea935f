"""`naravard new uppfoljning` and `new plan`: prefilled, explained files that validate once filled in."""

from __future__ import annotations

from pathlib import Path

import pytest

from naravard.api import validate
from naravard.authoring.fmt import format_bytes
from naravard.authoring.new_followup import followup_scaffold
from naravard.authoring.new_plan import plan_scaffold
from naravard.model.followup import Uppfoljning
from naravard.model.plan import LokalPlan
from naravard.repository import load_repository
from tests.authoring_support import fill_followup, fill_in, fill_plan, invoke, shipped_copy, values
from tests.conftest import PROJECT, Repo

SHIPPED_REPO = load_repository(PROJECT)
KOMMUNER = SHIPPED_REPO.kommun_ids()


@pytest.mark.parametrize("kommun", KOMMUNER)
def test_filling_in_the_blanks_of_next_years_follow_up_gives_a_file_that_validates(
    tmp_path: Path, kommun: str
) -> None:
    root = shipped_copy(tmp_path)
    rel = f"data/kommuner/{kommun}/uppfoljning-2025.yaml"

    code, out, err = invoke("new", "uppfoljning", "2025", "--kommun", kommun, "--root", str(root))

    assert (code, err) == (0, "")
    assert out.startswith(f"Skapade {rel}.\n")
    blank = validate(root, [root / rel])
    assert blank.errors > 0  # the self-assessment is left for the person to fill in
    assert {f.code for f in blank.findings} <= {"NV101", "NV105"}
    fill_in(root / rel, fill_followup)
    assert validate(root).findings == ()


def by_year(followup: Uppfoljning) -> int:
    return followup.ar


# naravard.yaml waives NV303 for Orsa, which has never reported the digital care rooms in the fells.
LEFT_OUT_UNDER_A_WAIVER = {"orsa": ("digitala-vardrum-fjallen",)}


@pytest.mark.parametrize("kommun", KOMMUNER)
def test_next_years_follow_up_is_prefilled_from_the_plan_and_last_year(kommun: str) -> None:
    scaffold = followup_scaffold(SHIPPED_REPO, kommun, 2025)
    lines = scaffold.text.splitlines()
    last = SHIPPED_REPO.followup_for(kommun, 2024)
    [plan] = SHIPPED_REPO.plans_for(kommun, 2025)
    revision = SHIPPED_REPO.revision_for(2025)
    assert last is not None and revision is not None

    assert lines[0] == "# yaml-language-server: $schema=../../../schemas/uppfoljning.schema.json"
    in_force = [a for a in plan.model.aktiviteter if a.nar.slut.last.year >= 2025 >= a.nar.start.first.year]
    in_force = [a for a in in_force if a.id not in LEFT_OUT_UNDER_A_WAIVER.get(kommun, ())]
    assert [line.split("- id: ")[1] for line in lines if "- id: " in line] == [a.id for a in in_force]
    earlier = sorted((f.model for f in SHIPPED_REPO.followups if f.model.kommun == kommun), key=by_year)
    reported = {a.id: a.status for f in earlier for a in f.aktiviteter}  # the latest report of each
    for aktivitet in in_force:
        status = lines[lines.index(f"  - id: {aktivitet.id}") + 1]
        expected = reported.get(aktivitet.id, "planerad")
        assert status.startswith(f"    status: {expected}   # ")
    for key, score in last.model.sjalvskattning.items():
        assert any(line.startswith(f"  {key}:   # 2024: {score.varde}") for line in lines), key
    for nyckeltal in revision.model.nyckeltal:
        [line] = [line for line in lines if line.startswith(f"  {nyckeltal.id}: null   # 2024: ")]
        value = last.model.nyckeltal.get(nyckeltal.id)
        if value is not None and value.varde is not None:
            assert float(line.rsplit(": ", 1)[1]) == value.varde
    assert "# DEL 1 AV 3: AKTIVITETER OCH REFLEKTION" in lines
    assert "# DEL 2 AV 3: SJÄLVSKATTNING" in lines
    assert "# DEL 3 AV 3: NYCKELTAL" in lines


@pytest.mark.parametrize("kommun", KOMMUNER)
def test_a_scaffold_is_already_formatted(kommun: str) -> None:
    data = followup_scaffold(SHIPPED_REPO, kommun, 2025).text.encode("utf-8")
    result = format_bytes(Path("x"), "x", data, Uppfoljning)
    assert (result.refusal, result.changed) == (None, False)


def test_an_activity_left_out_under_a_waiver_stays_out_and_says_why() -> None:
    text = followup_scaffold(SHIPPED_REPO, "orsa", 2025).text
    assert "  - id: digitala-vardrum-fjallen" not in text
    assert "# digitala-vardrum-fjallen (Digitala vårdrum i Idre, Särna och Våmhus) har inte" in text
    assert "undantag från NV303 i naravard.yaml till 2026-12-31" in text
    assert "ny i år" not in text


def test_without_the_waiver_an_activity_never_reported_asks_for_its_status(tmp_path: Path) -> None:
    root = shipped_copy(tmp_path)
    (root / "naravard.yaml").write_text("", encoding="utf-8")
    lines = followup_scaffold(load_repository(root), "orsa", 2025).text.splitlines()
    status = lines[lines.index("  - id: digitala-vardrum-fjallen") + 1]
    assert status == "    status:   # pågår sedan 2023-03 men har inte redovisats: skriv status"


def test_the_status_is_the_latest_reported_even_when_last_year_left_the_activity_out(tmp_path: Path) -> None:
    root = shipped_copy(tmp_path)
    path = root / "data" / "kommuner" / "orsa" / "uppfoljning-2024.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  - id: sip-samordnare-barn")
    path.write_text(text[:start] + text[text.index("  - id: demensstod-anhoriga") :], encoding="utf-8")
    lines = followup_scaffold(load_repository(root), "orsa", 2025).text.splitlines()
    assert lines[lines.index("  - id: sip-samordnare-barn") + 1] == "    status: pagaende   # 2023: pagaende"


def test_an_existing_follow_up_is_never_overwritten(tmp_path: Path) -> None:
    root = shipped_copy(tmp_path)
    path = root / "data" / "kommuner" / "falun" / "uppfoljning-2024.yaml"
    before = path.read_bytes()
    code, _, err = invoke("new", "uppfoljning", "2024", "--kommun", "falun", "--root", str(root))
    assert code == 2
    assert "finns redan och skrivs inte över" in err
    assert path.read_bytes() == before


def test_an_unknown_kommun_gets_a_did_you_mean(repo: Repo) -> None:
    code, _, err = invoke("new", "uppfoljning", "2025", "--kommun", "borlang", "--root", str(repo.root))
    assert code == 2
    assert "Menade du `borlange`?" in err


def test_a_kommun_without_a_plan_for_the_year_is_told_to_make_one(repo: Repo) -> None:
    code, _, err = invoke("new", "uppfoljning", "2024", "--kommun", "falun", "--root", str(repo.root))
    assert code == 2
    assert "Ingen lokal plan gäller för falun 2024" in err
    assert "naravard new plan --kommun falun" in err


def test_a_year_that_no_strategy_covers_is_refused(repo: Repo) -> None:
    code, _, err = invoke("new", "uppfoljning", "2031", "--kommun", "borlange", "--root", str(repo.root))
    assert code == 2
    assert "Ingen strategi i data/region/ gäller för 2031" in err


def test_the_follow_up_uses_the_strategy_revision_in_force(repo: Repo) -> None:
    repo_model = load_repository(repo.root)
    text = followup_scaffold(repo_model, "borlange", 2027).text
    assert "  sip-per-1000: null   # 2026: " in text
    assert "sip-antal" not in text  # only in the revision that ended 2025


# --- new plan --------------------------------------------------------------------------------------


def test_a_gemensam_plan_carries_over_what_goes_on_and_validates(tmp_path: Path) -> None:
    root = shipped_copy(tmp_path)
    rel = "data/kommuner/orsa/lokal-plan.yaml"

    code, out, _ = invoke("new", "plan", "--kommun", "orsa", "--kommun", "alvdalen", "--root", str(root))

    assert code == 0
    assert out.startswith(f"Skapade {rel}.")
    text = (root / rel).read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../../schemas/lokal-plan.schema.json\n")
    assert "kommuner: [orsa, alvdalen]\n" in text
    # The Mora plan they share runs to 2027, and the strategy to 2030.
    assert (
        "period:\n  fran: 2028   # året efter att data/kommuner/mora/lokal-plan.yaml (2022–2027) slutar"
        in text
    )
    assert "  till: 2030   # sista året; ingen strategi i data/region/ gäller efter 2030\n" in text
    assert "  - id: mobilt-narvardsteam\n" in text
    assert "    nar: {start: 2028, slut: 2030}\n" in text
    assert validate(root).findings == ()  # nothing is blank: every carried-over activity is whole


@pytest.mark.parametrize("order", [("mora", "orsa"), ("orsa", "mora")])
def test_a_successor_plan_goes_in_the_folder_of_a_kommun_without_one(
    tmp_path: Path, order: tuple[str, str]
) -> None:
    root = shipped_copy(tmp_path)
    mora_plan = (root / "data/kommuner/mora/lokal-plan.yaml").read_bytes()

    code, out, err = invoke("new", "plan", "--kommun", order[0], "--kommun", order[1], "--root", str(root))

    assert (code, err) == (0, "")
    assert out.startswith("Skapade data/kommuner/orsa/lokal-plan.yaml.")
    assert (root / "data/kommuner/mora/lokal-plan.yaml").read_bytes() == mora_plan  # it keeps its years
    plan = LokalPlan.model_validate(values((root / "data/kommuner/orsa/lokal-plan.yaml").read_bytes()))
    assert (plan.period.fran, plan.period.till) == (2028, 2030)
    # Älvdalen is not in the new plan: its own party goes, a shared one is left as a comment to look at.
    assert plan.parter == ["Mora kommun", "Orsa kommun", "Region Dalarna – Mora lasarett"]
    text = (root / "data/kommuner/orsa/lokal-plan.yaml").read_text(encoding="utf-8")
    assert "  # - Region Dalarna – primärvården i Mora, Orsa och Älvdalen\n" in text
    assert "Älvdalens kommun" not in text
    assert validate(root).findings == ()


def test_a_kommun_missing_from_the_parties_is_pointed_out(tmp_path: Path) -> None:
    text = plan_scaffold(load_repository(shipped_copy(tmp_path)), ["alvdalen"]).text
    assert "parter:\n  - Älvdalens kommun\n  # Från förra planen, men nämner också Orsa och Mora," in text
    root = shipped_copy(tmp_path / "utan-orsa")
    plan = root / "data/kommuner/mora/lokal-plan.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("  - Orsa kommun\n", ""), encoding="utf-8")
    text = plan_scaffold(load_repository(root), ["mora", "orsa"]).text
    assert "# Ingen part nämner Orsa: lägg till kommunen och vårdcentralen.\n" in text


def test_a_successor_beside_a_plan_of_its_own_is_refused_with_the_way_to_extend_it(tmp_path: Path) -> None:
    root = shipped_copy(tmp_path)
    path = root / "data/kommuner/falun/lokal-plan.yaml"
    before = path.read_bytes()
    code, _, err = invoke("new", "plan", "--kommun", "falun", "--root", str(root))
    assert code == 2
    assert "data/kommuner/falun/lokal-plan.yaml finns redan och skrivs inte över" in err
    assert "formatet har plats för en lokal plan per kommunmapp, och Falun har redan en" in err
    assert "Förläng i stället den nuvarande planen: skriv det nya sista året under `period:`" in err
    assert "(`till: 2026`, rad 5)" in err
    assert path.read_bytes() == before


def test_a_plan_for_a_kommun_without_one_shows_every_key_and_validates_once_filled(repo: Repo) -> None:
    rel = "data/kommuner/falun/lokal-plan.yaml"
    code, _, _ = invoke("new", "plan", "--kommun", "falun", "--fran", "2024", "--root", str(repo.root))
    assert code == 0
    text = (repo.root / rel).read_text(encoding="utf-8")
    for key in (
        "id",
        "titel",
        "delmal",
        "vad",
        "hur",
        "nar",
        "ansvarig",
        "uppfoljning",
        "malgrupp",
        "prioritering",
    ):
        assert f" {key}:" in text, key
    assert validate(repo.root, [repo.root / rel]).errors > 0  # id and delmal are left to fill in
    fill_in(repo.root / rel, fill_plan)
    assert validate(repo.root).findings == ()


@pytest.mark.parametrize("kommuner", [["orsa", "alvdalen"], ["orsa", "mora"], ["alvdalen"]])
def test_a_plan_is_already_formatted(kommuner: list[str]) -> None:
    data = plan_scaffold(SHIPPED_REPO, kommuner).text.encode("utf-8")
    result = format_bytes(Path("x"), "x", data, LokalPlan)
    assert (result.refusal, result.changed) == (None, False)


def test_a_plan_that_overlaps_the_kommuns_current_plan_is_refused(repo: Repo) -> None:
    code, _, err = invoke(
        "new", "plan", "--kommun", "smedjebacken", "--fran", "2025", "--root", str(repo.root)
    )
    assert code == 2
    assert "smedjebacken omfattas redan av data/kommuner/ludvika/lokal-plan.yaml" in err
    assert not (repo.root / "data" / "kommuner" / "smedjebacken" / "lokal-plan.yaml").exists()


def test_an_existing_plan_is_never_overwritten(repo: Repo) -> None:
    path = repo.path("kommuner/borlange/lokal-plan.yaml")
    before = path.read_bytes()
    code, _, err = invoke("new", "plan", "--kommun", "borlange", "--root", str(repo.root))
    assert code == 2
    assert "finns redan och skrivs inte över" in err
    assert path.read_bytes() == before


def test_a_period_beyond_the_strategies_is_refused(tmp_path: Path) -> None:
    root = shipped_copy(tmp_path)
    code, _, err = invoke("new", "plan", "--kommun", "orsa", "--till", "2032", "--root", str(root))
    assert code == 2
    assert "Ingen strategi i data/region/ gäller för 2031" in err
    assert not (root / "data" / "kommuner" / "orsa" / "lokal-plan.yaml").exists()


def test_a_kommun_folder_linked_out_of_the_repository_is_not_written_to(repo: Repo, tmp_path: Path) -> None:
    outside = tmp_path / "utanfor"
    outside.mkdir()
    (repo.root / "data" / "kommuner" / "falun").symlink_to(outside, target_is_directory=True)
    code, _, err = invoke("new", "plan", "--kommun", "falun", "--fran", "2024", "--root", str(repo.root))
    assert code == 2
    assert "symbolisk länk" in err
    assert list(outside.iterdir()) == []
