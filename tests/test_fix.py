"""`naravard fix`: only the safe fixes, each shown, nothing else in the file touched."""

from __future__ import annotations

import codecs

import pytest

from naravard.authoring.fix import find_fixes, plan_fixes, write_fixes
from naravard.repository import load_repository
from tests.authoring_support import invoke
from tests.conftest import Repo

# (file under data/, the word as written in the fixture, the misspelling a person makes, code)
MISTAKES = [
    ("kommuner/ludvika/uppfoljning-2024.yaml", "fast-lakarkontakt: 43.2", "fast-lakarkontakt: 43,2", "NV105"),
    ("kommuner/smedjebacken/uppfoljning-2024.yaml", "- id: halsocafe", "- id: halsokafe", "NV204"),
    ("kommuner/borlange/lokal-plan.yaml", "prioritering: mobil-vard", "prioritering: mobilvard", "NV205"),
    ("kommuner/borlange/uppfoljning-2024.yaml", "  utmaningar: Olika", "  utmaningr: Olika", "NV103"),
    (
        "kommuner/borlange/uppfoljning-2024.yaml",
        "status: pagaende\n    resultat: 212",
        "status: pagande\n    resultat: 212",
        "NV104",
    ),
    ("kommuner/borlange/uppfoljning-2024.yaml", "  nara-for-alla: 2", "  nara-for-ala: 2", "NV207"),
    ("kommuner/borlange/lokal-plan.yaml", "delmal: [nara-for-alla]", "delmal: [nara-for-ala]", "NV201"),
    ("kommuner/ludvika/uppfoljning-2024.yaml", "kommun: ludvika", "kommun: ludvka", "NV203"),
    ("kommuner/borlange/uppfoljning-2024.yaml", "  sip-antal: 14", "  sip-antl: 14", "NV202"),
]


@pytest.mark.parametrize(("rel", "right", "wrong", "code"), MISTAKES, ids=[m[3] for m in MISTAKES])
def test_a_safe_mistake_is_fixed_and_nothing_else_in_the_file_changes(
    repo: Repo, rel: str, right: str, wrong: str, code: str
) -> None:
    original = repo.path(rel).read_bytes()
    repo.replace(rel, right, wrong)
    assert code in {c for *_, c in repo.codes()}

    exit_code, out, _ = invoke("fix", "--root", str(repo.root))

    assert exit_code == 0
    assert f"({'decimalkomma' if code == 'NV105' else 'stavning'}, {code})" in out
    assert repo.path(rel).read_bytes() == original
    assert repo.codes() == []


def test_several_fixes_in_one_file_and_line_ends_and_bom_are_kept(repo: Repo) -> None:
    rel = "kommuner/borlange/uppfoljning-2024.yaml"
    original = repo.path(rel).read_bytes()
    broken = original.replace(b"status: pagaende", b"stauts: pagaende").replace(b": 45\n", b": 45,5\n")
    repo.write_bytes(rel, codecs.BOM_UTF8 + broken.replace(b"\n", b"\r\n"))

    code, out, _ = invoke("fix", "--root", str(repo.root))

    assert code == 0
    assert out.count("`stauts` → `status`") == 2
    assert "`45,5` → `45.5` (decimalkomma, NV105)" in out
    expected = original.replace(b": 45\n", b": 45.5\n")
    assert repo.path(rel).read_bytes() == codecs.BOM_UTF8 + expected.replace(b"\n", b"\r\n")


def test_a_comment_on_the_line_is_kept(repo: Repo) -> None:
    rel = "kommuner/ludvika/uppfoljning-2024.yaml"
    repo.replace(rel, "fast-lakarkontakt: 43.2", "fast-lakarkontakt: 43,2   # preliminär, 43,2")
    invoke("fix", "--root", str(repo.root))
    assert "  fast-lakarkontakt: 43.2   # preliminär, 43,2\n" in repo.read(rel)


def test_check_shows_the_fixes_writes_nothing_and_exits_1(repo: Repo) -> None:
    rel = "kommuner/ludvika/uppfoljning-2024.yaml"
    repo.replace(rel, "fast-lakarkontakt: 43.2", "fast-lakarkontakt: 43,2")
    before = repo.path(rel).read_bytes()
    code, out, err = invoke("fix", "--check", "--root", str(repo.root))
    assert code == 1
    assert out == f"data/{rel}:20:22: `43,2` → `43.2` (decimalkomma, NV105)\n"
    assert "1 rättelse i 1 fil kan göras" in err
    assert repo.path(rel).read_bytes() == before


def test_a_clean_repository_has_nothing_to_fix(repo: Repo) -> None:
    assert invoke("fix", "--check", "--root", str(repo.root))[0] == 0


@pytest.mark.parametrize(
    ("rel", "right", "wrong", "proposed"),
    [
        # No did-you-mean: nothing close enough to guess from.
        ("kommuner/smedjebacken/uppfoljning-2024.yaml", "- id: halsocafe", "- id: simhall", False),
        # Renaming the key would make it a duplicate of the one that is already there.
        (
            "kommuner/borlange/uppfoljning-2024.yaml",
            "  utmaningar: Olika",
            "  utmaningar: Olika\n  utmaningr: Mer",
            True,
        ),
        # A score is a whole number: 2.5 would still be wrong, so 2,5 is left for a person.
        ("kommuner/borlange/uppfoljning-2024.yaml", "  nara-for-alla: 2", "  nara-for-alla: 2,5", True),
        # Thousands separated by a space are not a decimal comma.
        (
            "kommuner/ludvika/uppfoljning-2024.yaml",
            "fast-lakarkontakt: 43.2",
            "fast-lakarkontakt: 1 043",
            False,
        ),
    ],
    ids=["no-suggestion", "would-duplicate-a-key", "decimal-score", "thousands"],
)
def test_what_is_not_safe_is_left_alone(repo: Repo, rel: str, right: str, wrong: str, proposed: bool) -> None:
    repo.replace(rel, right, wrong)
    before = repo.path(rel).read_bytes()
    assert repo.codes()
    proposals = find_fixes(load_repository(repo.root))
    assert bool(proposals) is proposed
    assert all(not outcome.made for outcome in plan_fixes(repo.root, proposals))
    code, out, _ = invoke("fix", "--root", str(repo.root))
    assert (code, out) == (0, "")
    assert repo.path(rel).read_bytes() == before


def test_paths_limit_which_files_are_fixed(repo: Repo) -> None:
    repo.replace("kommuner/ludvika/uppfoljning-2024.yaml", "43.2", "43,2")
    repo.replace("kommuner/smedjebacken/uppfoljning-2024.yaml", "- id: halsocafe", "- id: halsokafe")
    code, out, _ = invoke("fix", "--root", str(repo.root), str(repo.path("kommuner/smedjebacken")))
    assert code == 0
    assert "halsokafe" in out
    assert "43,2" not in out
    assert "43,2" in repo.read("kommuner/ludvika/uppfoljning-2024.yaml")


def test_a_fix_is_not_written_over_a_file_that_changed_meanwhile(repo: Repo) -> None:
    rel = "kommuner/ludvika/uppfoljning-2024.yaml"
    repo.replace(rel, "43.2", "43,2")
    [outcome] = plan_fixes(repo.root, find_fixes(load_repository(repo.root)))
    repo.replace(rel, "Att nå yngre.", "Att nå yngre och äldre.")
    edited = repo.path(rel).read_bytes()
    assert write_fixes(repo.root, outcome) is False
    assert repo.path(rel).read_bytes() == edited


def test_fix_follows_the_fix_data_not_the_wording_of_the_message(
    repo: Repo, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Messages reworded (no did-you-mean, another decimal hint): the same fixes are found."""
    from naravard.model import messages
    from naravard.suggest import Guess

    number_hint = messages._number_hint
    monkeypatch.setattr(Guess, "hint", property(lambda self: " (omskrivet meddelande)"))
    monkeypatch.setattr(messages, "_number_hint", lambda value: (" Omskrivet.", number_hint(value)[1]))
    repo.replace(
        "kommuner/ludvika/uppfoljning-2024.yaml", "fast-lakarkontakt: 43.2", "fast-lakarkontakt: 43,2"
    )
    repo.replace("kommuner/borlange/uppfoljning-2024.yaml", "  utmaningar: Olika", "  utmaningr: Olika")
    messages_now = [f.message for f in repo.validate().findings]
    assert not any("Menade du" in m or "decimaler med punkt" in m for m in messages_now), messages_now

    fixes = find_fixes(load_repository(repo.root))

    assert [(f.old, f.new, f.kind) for f in fixes] == [
        ("utmaningr", "utmaningar", "stavning"),
        ("43,2", "43.2", "decimalkomma"),
    ]
