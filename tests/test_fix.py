"""`naravard fix`: only the safe fixes, each shown, nothing else in the file touched, in one run."""

from __future__ import annotations

import codecs

import pytest

from naravard.authoring.fix import run_fix, write_fixes
from tests.authoring_support import invoke
from tests.conftest import Repo

LUDVIKA = "kommuner/ludvika/uppfoljning-2024.yaml"
BORLANGE = "kommuner/borlange/uppfoljning-2024.yaml"

# (file under data/, the text as written in the fixture, the slip a person makes, code, kind of fix)
MISTAKES = [
    (LUDVIKA, "fast-lakarkontakt: 43.2", "fast-lakarkontakt: 43,2", "NV105", "decimalkomma"),
    (
        "kommuner/smedjebacken/uppfoljning-2024.yaml",
        "- id: halsocafe",
        "- id: halsokafe",
        "NV204",
        "stavning",
    ),
    (
        "kommuner/borlange/lokal-plan.yaml",
        "prioritering: mobil-vard",
        "prioritering: mobilvard",
        "NV205",
        "stavning",
    ),
    (BORLANGE, "  utmaningar: Olika", "  utmaningr: Olika", "NV103", "stavning"),
    (
        BORLANGE,
        "status: pagaende\n    resultat: 212",
        "status: pagande\n    resultat: 212",
        "NV104",
        "stavning",
    ),
    (BORLANGE, "  nara-for-alla: 2", "  nara-for-ala: 2", "NV207", "stavning"),
    (
        "kommuner/borlange/lokal-plan.yaml",
        "delmal: [nara-for-alla]",
        "delmal: [nara-for-ala]",
        "NV201",
        "stavning",
    ),
    (LUDVIKA, "kommun: ludvika", "kommun: ludvka", "NV203", "stavning"),
    (BORLANGE, "  sip-antal: 14", "  sip-antl: 14", "NV202", "stavning"),
    # What the messages prescribe by the field: numbers, scores, ids, dates (issue 16, item 4).
    (LUDVIKA, "fast-lakarkontakt: 43.2", 'fast-lakarkontakt: "43.2"', "NV105", "citattecken"),
    (LUDVIKA, "fast-lakarkontakt: 43.2", "fast-lakarkontakt: 4\u200b3.2", "NV105", "osynligt tecken"),
    (LUDVIKA, "  nara-for-alla: 2", '  nara-for-alla: "2"', "NV105", "citattecken"),
    (LUDVIKA, "  nara-for-alla: 2", "  nara-for-alla: två", "NV105", "heltal"),
    (LUDVIKA, "  nara-for-alla: 2", "  nara-for-alla: 2.0", "NV101", "heltal"),
    (LUDVIKA, "kommun: ludvika", "kommun: Ludvika", "NV107", "gemener"),
    (LUDVIKA, "  nara-for-alla: 2", "  Nara-For-Alla: 2", "NV107", "gemener"),
    (LUDVIKA, "ar: 2024", 'ar: "2024"', "NV105", "citattecken"),
    # The layout the parser stops at (issue 16: the slips of hand-editing and pasting from Word).
    (LUDVIKA, "  nara-for-alla: 2", "\tnara-for-alla: 2", "NV001", "indrag"),
    (LUDVIKA, "    status: pagaende", "\t  status: pagaende", "NV001", "indrag"),
    (LUDVIKA, "  nara-for-alla: 2", "  nara-for-alla:\u00a02", "NV001", "mellanslag"),
    (LUDVIKA, "  nara-for-alla: 2", "\u00a0 nara-for-alla: 2", "NV001", "mellanslag"),
    (LUDVIKA, "  nara-for-alla: 2", "  nara-for-alla:2", "NV001", "mellanslag"),
    (LUDVIKA, "  nara-for-alla: 2", "\u200b  nara-for-alla: 2", "NV001", "osynligt tecken"),
]
KINDS = {m[2]: m[4] for m in MISTAKES}


@pytest.mark.parametrize(
    ("rel", "right", "wrong", "code", "kind"),
    MISTAKES,
    ids=[f"{m[3]}-{m[4]}-{n}" for n, m in enumerate(MISTAKES)],
)
def test_a_safe_mistake_is_fixed_in_one_run_and_nothing_else_in_the_file_changes(
    repo: Repo, rel: str, right: str, wrong: str, code: str, kind: str
) -> None:
    original = repo.path(rel).read_bytes()
    repo.replace(rel, right, wrong)
    assert code in {c for *_, c in repo.codes()}

    exit_code, out, err = invoke("fix", "--root", str(repo.root))

    assert exit_code == 0, err
    assert f"({kind}, {code})" in out
    assert "Inga fel återstår." in err
    assert repo.path(rel).read_bytes() == original
    assert repo.codes() == []
    assert invoke("fix", "--check", "--root", str(repo.root))[0] == 0  # a fixed point: nothing more


@pytest.mark.parametrize(
    ("wrong", "fixed", "kind"),
    [
        ("  sip-antal: 1\u00a0014", "  sip-antal: 1014", "tusentalsmellanslag"),
        ("  sip-antal: 2 840", "  sip-antal: 2840", "tusentalsmellanslag"),
        # In braces the comma splits the number: YAML reads `14` and a key `5`.
        (
            "  sip-antal: {varde: 14,5, kalla: Kolada}",
            "  sip-antal: {varde: 14.5, kalla: Kolada}",
            "decimalkomma",
        ),
    ],
)
def test_a_number_is_written_as_it_was_meant(repo: Repo, wrong: str, fixed: str, kind: str) -> None:
    repo.replace(BORLANGE, "  sip-antal: 14", wrong)
    code, out, err = invoke("fix", "--root", str(repo.root))
    assert code == 0, err
    assert f"({kind}, NV105)" in out
    assert fixed + "\n" in repo.read(BORLANGE)
    assert repo.codes() == []


@pytest.mark.parametrize(
    ("right", "wrong", "fixed", "kind"),
    [
        ("kommuner: [borlange]", "kommuner: borlange", "kommuner: [borlange]", "lista"),
        ("malgrupp: äldre", "malgrupp: 65", 'malgrupp: "65"', "citattecken"),
    ],
)
def test_a_value_of_the_wrong_type_is_written_as_it_reads(
    repo: Repo, right: str, wrong: str, fixed: str, kind: str
) -> None:
    plan = "kommuner/borlange/lokal-plan.yaml"
    repo.replace(plan, right, wrong)
    code, out, err = invoke("fix", "--root", str(repo.root))
    assert code == 0, err
    assert f"({kind}, NV101)" in out
    assert fixed + "\n" in repo.read(plan)
    assert repo.codes() == []


def test_every_fixable_mistake_in_one_file_takes_one_run_and_a_second_finds_nothing(repo: Repo) -> None:
    """The slips hide each other: until the tabs are gone, nothing after them is even read."""
    original = repo.read(LUDVIKA)
    slips = [
        ("kommun: ludvika", "kommun: Ludvika"),
        ("ar: 2024", 'ar: "2024"'),
        ("    status: pagaende", "\t  status: pagaende"),
        ("  utmaningar: Att", "  utmaningr: Att"),
        ("  nara-for-mig: 2", "\tnara-for-mig: 2"),
        ("  nara-for-alla: 2", "  nara-for-alla:två"),
        ("  nara-i-hela-dalarna: 2", "\u00a0 nara-i-hela-dalarna: 2"),
        ("  nara-mellan-oss: 2", "\u200b  nara-mellan-oss: 2"),
        ("  nara-till-halsa: 3", "  nara-till-halsa:\u00a03"),
        ("fast-lakarkontakt: 43.2", "fast-lakarkontakt: 43,2"),
    ]
    text = original
    for right, wrong in slips:
        text = text.replace(right, wrong, 1)
    repo.write(LUDVIKA, text)
    assert [c for *_, c in repo.codes()] == ["NV001"]  # the file does not even read

    code, out, err = invoke("fix", "--root", str(repo.root))

    assert code == 0, err
    assert len(out.splitlines()) == len(slips) + 1  # `nara-for-alla:två`: a space, then a digit
    assert repo.read(LUDVIKA) == original
    assert invoke("fix", "--check", "--root", str(repo.root)) == (
        0,
        "",
        "0 rättelser i 0 filer kan göras med `naravard fix`.\n",
    )


def test_what_is_left_for_a_person_is_said_and_exits_1(repo: Repo) -> None:
    repo.replace("kommuner/smedjebacken/uppfoljning-2024.yaml", "- id: halsocafe", "- id: simhall")
    repo.replace(LUDVIKA, "fast-lakarkontakt: 43.2", "fast-lakarkontakt: 43,2")
    code, out, err = invoke("fix", "--root", str(repo.root))
    assert code == 1
    assert "`43,2` → `43.2`" in out
    assert "1 rättelse i 1 fil. 1 fel återstår som `fix` inte kan rätta: kör `naravard validate`." in err


def test_a_tab_with_two_readings_is_left_for_a_person(repo: Repo) -> None:
    """Under `nara-for-mig:`, a tab could make `kommentar` its child or its sibling: not a guess."""
    repo.replace(LUDVIKA, "  nara-for-mig: 2\n", "  nara-for-mig:\n\tvarde: 2\n  nara-mellan-oss-2: 1\n")
    before = repo.path(LUDVIKA).read_bytes()
    code, out, _ = invoke("fix", "--root", str(repo.root))
    assert (code, out) == (1, "")
    assert repo.path(LUDVIKA).read_bytes() == before


@pytest.mark.parametrize(
    ("encoding", "name"),
    [("cp1252", "Windows-1252 (ANSI)"), ("utf-16", "UTF-16")],
)
def test_a_file_in_another_encoding_is_named_and_converted_only_when_asked(
    repo: Repo, encoding: str, name: str
) -> None:
    original = repo.path(LUDVIKA).read_bytes()
    repo.write_bytes(LUDVIKA, original.decode("utf-8").encode(encoding))
    saved = repo.path(LUDVIKA).read_bytes()

    code, out, err = invoke("fix", "--root", str(repo.root))
    assert code == 1
    assert f"data/{LUDVIKA}: filen är sparad som {name}, inte UTF-8. `naravard fix --koda-om`" in err
    assert repo.path(LUDVIKA).read_bytes() == saved

    code, out, err = invoke("fix", "--check", "--koda-om", "--root", str(repo.root))
    assert code == 1
    assert f"kan skrivas om från {name} till UTF-8" in out
    assert repo.path(LUDVIKA).read_bytes() == saved

    code, out, err = invoke("fix", "--koda-om", "--root", str(repo.root))
    assert code == 0, err
    assert f"data/{LUDVIKA}: skrevs om från {name} till UTF-8" in out
    assert repo.path(LUDVIKA).read_bytes() == original


def test_an_id_of_another_strategy_revision_is_never_guessed_but_left_to_migrate(repo: Repo) -> None:
    """2026 follows the revision that replaced `sip-antal` by `sip-per-1000`: migrate's work, not fix's."""
    rel = "kommuner/borlange/uppfoljning-2026.yaml"
    repo.write(
        "region/strategi-2026.yaml",
        repo.read("region/strategi-2026.yaml") + "ersatter:\n  nyckeltal:\n    sip-antal: sip-per-1000\n",
    )
    repo.replace(rel, "sip-per-1000: 1.4", "sip-antal: 1.4")
    before = repo.path(rel).read_bytes()
    [finding] = [f for f in repo.validate().findings if f.code == "NV202"]
    assert "där heter det `sip-per-1000`. Kör `naravard migrate`" in finding.message
    assert (finding.suggestion, finding.fix) == ("sip-per-1000", None)

    code, out, _ = invoke("fix", "--root", str(repo.root))
    assert (code, out) == (1, "")
    assert repo.path(rel).read_bytes() == before


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
    ("rel", "right", "wrong"),
    [
        # No did-you-mean: nothing close enough to guess from.
        ("kommuner/smedjebacken/uppfoljning-2024.yaml", "- id: halsocafe", "- id: simhall"),
        # Renaming the key would make it a duplicate of the one that is already there.
        (BORLANGE, "  utmaningar: Olika", "  utmaningar: Olika\n  utmaningr: Mer"),
        # A score is a whole number: 2.5 would still be wrong, so 2,5 is left for a person.
        (BORLANGE, "  nara-for-alla: 2", "  nara-for-alla: 2,5"),
        # Day first is how Swedes write a date, but which day is meant is a person's to say.
        (LUDVIKA, "ar: 2024", "ar: 2024\ninlamnad: 3/2 2025"),
    ],
    ids=["no-suggestion", "would-duplicate-a-key", "decimal-score", "day-first-date"],
)
def test_what_is_not_safe_is_left_alone(repo: Repo, rel: str, right: str, wrong: str) -> None:
    repo.replace(rel, right, wrong)
    before = repo.path(rel).read_bytes()
    assert repo.codes()
    assert run_fix(repo.root).files == ()
    code, out, _ = invoke("fix", "--root", str(repo.root))
    assert (code, out) == (1, "")
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
    [outcome] = run_fix(repo.root).files
    repo.replace(rel, "Att nå yngre.", "Att nå yngre och äldre.")
    edited = repo.path(rel).read_bytes()
    assert write_fixes(repo.root, outcome) is False
    assert repo.path(rel).read_bytes() == edited


def test_fix_follows_the_fix_data_not_the_wording_of_the_message(
    repo: Repo, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Messages reworded (no did-you-mean, another decimal hint): the same fixes are found."""
    from naravard.model import hints, messages
    from naravard.suggest import Guess

    value_hint, Hint = hints.value_hint, hints.Hint
    monkeypatch.setattr(Guess, "hint", property(lambda self: " (omskrivet meddelande)"))
    monkeypatch.setattr(
        messages, "value_hint", lambda value, source: Hint(" Omskrivet.", fix=value_hint(value, source).fix)
    )
    repo.replace(
        "kommuner/ludvika/uppfoljning-2024.yaml", "fast-lakarkontakt: 43.2", "fast-lakarkontakt: 43,2"
    )
    repo.replace("kommuner/borlange/uppfoljning-2024.yaml", "  utmaningar: Olika", "  utmaningr: Olika")
    messages_now = [f.message for f in repo.validate().findings]
    assert not any("Menade du" in m or "decimaler med punkt" in m for m in messages_now), messages_now

    fixes = [fix for outcome in run_fix(repo.root).files for fix in outcome.made]

    assert [(f.old, f.new, f.kind) for f in fixes] == [
        ("utmaningr", "utmaningar", "stavning"),
        ("43,2", "43.2", "decimalkomma"),
    ]
