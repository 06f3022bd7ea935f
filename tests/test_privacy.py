"""Personal data: personnummer are found where they stand (NV217), never shown in full, and stop
the report and the export; a person's e-mail and mobile number are warned about (NV314).

Every number here is made up: computed to pass the Luhn check, with a plausible birth date and a
serial in the 98x series; none is known to belong to anyone. The decoys are what a text may hold
without being a personnummer.
"""

from __future__ import annotations

import os
import re
import subprocess
import zipfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from naravard.api import lint, validate
from naravard.cli import app
from naravard.export.run import _masked
from naravard.export.tables import Table
from naravard.loader import load_text
from naravard.loader.cache import ParseCache
from naravard.privacy import _NUMBER, contact_details, identity_numbers, mask, number_matches, personal_data
from tests.conftest import KOLADA_2024, Repo

runner = CliRunner()
PRIVACY_CODES = {"NV217", "NV314"}  # the codes whose examples are here
FU = "kommuner/ludvika/uppfoljning-2024.yaml"
PLAN = "kommuner/ludvika/lokal-plan.yaml"

# Made up (see the module docstring). (date part, serial): written below in every form.
PERSONNUMMER = ["811218-9876", "560714-9837", "450302-9813", "790512-9826", "430918-9852", "880905-9861"]
SAMORDNINGSNUMMER = ["811278-9873", "650371-9822"]  # day + 60: the 18th and the 11th

DECOYS = [
    "2024-02-14",  # a date
    "RD22/00386",  # a diarienummer
    "2080",  # a kommunkod
    "070-123 45 69",  # a phone number
    "tel. 0701234569",  # a phone number whose ten digits would pass as 2007-01-23
    "1 234 567",  # an amount
    "811218-9875",  # the check digit is wrong
    "811232-9878",  # the check digit is right, but there is no 32 December
    "212000-2262",  # an organisationsnummer (a kommun's): month 20
    "RD-2024/8112189876",  # ten digits inside a diarienummer
]


def test_the_made_up_numbers_are_valid_and_the_decoys_are_not() -> None:
    for number in PERSONNUMMER + SAMORDNINGSNUMMER:
        found = identity_numbers(f"SIP för {number} klar.")
        assert [n.masked for n in found] == [number[:7] + "****"]
    assert [n.samordningsnummer for n in identity_numbers(" ".join(SAMORDNINGSNUMMER))] == [True, True]
    for decoy in DECOYS:
        assert identity_numbers(decoy) == [], decoy


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("811218-9876", "811218-****"),
        ("811218+9876", "811218+****"),  # 100 years or older
        ("8112189876", "811218****"),
        ("19811218-9876", "19811218-****"),
        ("198112189876", "19811218****"),
        ("811218\u20119876", "811218\u2011****"),  # a non-breaking hyphen from Word
    ],
)
def test_every_written_form_is_masked(written: str, shown: str) -> None:
    assert mask(f"SIP för {written}, klar.") == f"SIP för {shown}, klar."


def test_masking_leaves_hex_and_base64_alone() -> None:
    for text in ("commit a3f8112189876b", "PHN2Zz4+8112189876+Zz", "v=0.8112189876"):
        assert mask(text) == text


# Text made of what sits around a number: digits, separators, dashes, letters, slashes, dots.
NUMBERISH = st.lists(
    st.sampled_from(["8112189876", "19", "20", "811218", "9876", "1", "0", "-", "+", "\u2013", "/", ".",
                     ",", ":", "a", "ä", "٣", " ", "\n", "_"]),
    max_size=30,
).map("".join)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(NUMBERISH)
def test_numbers_are_looked_for_only_where_six_digits_start_and_none_is_missed(text: str) -> None:
    assert [m.span() for m in number_matches(text)] == [m.span() for m in _NUMBER.finditer(text)]


def _plant(repo: Repo) -> None:
    """Numbers in every kind of place: plain, block literal, folded, flow map, comment, quoted."""
    literal = "    resultat: |\n      Tio träffar.\n      SIP för 19811218-9876 klar.\n"
    folded = "  utmaningar: >\n    Att nå yngre,\n    t.ex. 560714+9837 och\n    811278-9873."
    repo.replace(FU, "    resultat: Tio träffar, 240 besökare.\n", literal)
    repo.replace(FU, "  utmaningar: Att nå yngre.", folded)
    repo.replace(FU, "  nara-for-mig: 2", '  nara-for-mig: {varde: 2, kommentar: "Enligt 4503029813"}')
    repo.replace(
        PLAN,
        "    ansvarig: Folkhälsostrateg, Ludvika kommun",
        "    ansvarig: Folkhälsostrateg  # 196503719822",
    )
    repo.write("region/nyckeltal-2024.yaml", KOLADA_2024 + "# hämtat åt 790512-9826\n")


PLANTED = [  # where each number's first digit stands
    (FU, 8, 15, "19811218-9876"),  # in a block literal
    (FU, 14, 11, "560714+9837"),  # in a folded block
    (FU, 15, 5, "811278-9873"),  # a samordningsnummer, folded
    (FU, 19, 47, "4503029813"),  # in a flow mapping, quoted
    (PLAN, 13, 35, "196503719822"),  # in a comment, twelve digits
    ("region/nyckeltal-2024.yaml", 7, 13, "790512-9826"),  # a Kolada import's comment
]


def test_planted_numbers_are_found_at_their_line_and_column(repo: Repo) -> None:
    _plant(repo)
    found = [(file, line, column) for file, line, column, code in repo.codes() if code == "NV217"]
    assert found == sorted((file, line, column) for file, line, column, _ in PLANTED)
    for file, line, column, number in PLANTED:
        assert repo.read(file).splitlines()[line - 1][column - 1 :].startswith(number)


def test_decoys_are_not_flagged(repo: Repo) -> None:
    repo.replace(FU, "    resultat: Tio träffar, 240 besökare.", f'    resultat: "{"; ".join(DECOYS)}"')
    assert [c for c in repo.codes() if c[3] == "NV217"] == []


def test_a_number_made_by_an_escape_is_found_at_its_text(repo: Repo) -> None:
    # `\x34` is 4: the file's text shows no number, the value holds 450302-9813.
    repo.replace(FU, "    resultat: Tio träffar, 240 besökare.", '    resultat: "SIP för \\x3450302-9813."')
    assert [c for c in repo.codes() if c[3] == "NV217"] == [(FU, 6, 15, "NV217")]


def test_the_loader_keeps_where_a_number_stands_and_the_cache_keeps_no_number_in_full(tmp_path: Path) -> None:
    # NV217 and NV314 judge what the loader found in its one reading of the file (issue 18).
    data = b'# 811218-9876, anna.andersson@ludvika.se\nresultat: "\\x38112189876"\n'
    doc = load_text("x.yaml", data)
    found = doc.personal
    assert [(n.line, n.column, n.masked, n.number) for n in found.numbers] == [(1, 3, "811218-****", 0)]
    assert [(n.line, n.column, n.number) for n in found.escaped] == [(2, 11, 0)]  # the same number
    assert found.contacts == ((1, 16, "e-postadress"),)
    cache = ParseCache(tmp_path)
    cache.put(cache.digest(data), doc)
    kept = cache.get("x.yaml", cache.digest(data))
    assert kept is not None and kept.personal == found
    [entry] = [path for path in tmp_path.rglob("*") if path.is_file() and path.name != ".gitignore"]
    assert b"811218-9876" not in entry.read_bytes()  # the comment's number: not among the values


def test_a_birth_date_still_to_come_is_judged_on_the_day_the_rule_runs() -> None:
    # A cache entry outlives the day it was written: the loader keeps the date, the rule decides.
    [number] = personal_data(b"kommentar: 20991231-9879\n").numbers
    assert (number.masked, number.born) == ("20991231-****", "2099-12-31")
    assert not number.counts_on(date(2099, 12, 30)) and number.counts_on(date(2099, 12, 31))
    assert identity_numbers("20991231-9879") == []


def test_every_kind_of_file_is_searched_also_naravard_yaml(repo: Repo) -> None:
    (repo.root / "naravard.yaml").write_text(
        "undantag:\n  - regel: NV303\n    skal: Brukaren 880905-9861 har flyttat.\n"
        "    ansvarig: Samordnare\n    galler_till: 2099-12-31\n",
        encoding="utf-8",
    )
    repo.replace("region/strategi.yaml", "kommuner:", "# 721130-9849\nkommuner:")
    found = {(f.location.file, f.location.line) for f in validate(repo.root).findings if f.code == "NV217"}
    strategy_line = repo.read("region/strategi.yaml").splitlines().index("# 721130-9849") + 1
    assert found == {("naravard.yaml", 3), ("data/region/strategi.yaml", strategy_line)}


def test_the_error_cannot_be_waived(repo: Repo) -> None:
    repo.replace(
        FU,
        "    resultat: Tio träffar, 240 besökare.",
        "    resultat: SIP 811218-9876  # naravard: ignore[NV217]",
    )
    (repo.root / "naravard.yaml").write_text(
        "regler:\n  av: [NV217]\nundantag:\n  - regel: NV217\n    skal: Vi vet om det.\n"
        "    ansvarig: Samordnare\n    galler_till: 2099-12-31\n",
        encoding="utf-8",
    )
    codes = [f.code for f in lint(repo.root).findings]
    assert "NV217" in codes
    assert "NV390" in codes  # the waiver is told that it does nothing


def test_a_persons_email_and_mobile_are_warnings_a_role_is_fine(repo: Repo) -> None:
    repo.replace(
        PLAN,
        "    ansvarig: Folkhälsostrateg, Ludvika kommun",
        "    ansvarig: Anna Andersson, anna.andersson@ludvika.se, 070-123 45 67",
    )
    repo.replace(
        FU,
        "  utmaningar: Att nå yngre.",
        "  utmaningar: Frågor till registrator@ludvika.se, växel 0240-860 00.",
    )
    findings = lint(repo.root).findings
    warned = [(f.location.file, f.location.line, f.location.column) for f in findings if f.code == "NV314"]
    assert warned == [(f"data/{PLAN}", 13, 31), (f"data/{PLAN}", 13, 58)]
    assert [c.what for c in contact_details("Ring +46 70 123 45 67 eller 0701234567")] == ["mobilnummer"] * 2
    repo.replace(PLAN, "070-123 45 67", "070-123 45 67  # naravard: ignore[NV314]")
    assert [f for f in lint(repo.root).findings if f.code == "NV314"] == []


# --- Nothing leaves in full ----------------------------------------------------------------------


def _leaks(text: str) -> list[str]:
    """Every planted number that `text` holds in full, in any written form."""
    found = []
    for number in PERSONNUMMER + SAMORDNINGSNUMMER:
        head, tail = number.split("-")
        if re.search(rf"{head}[-+\u2010-\u2212]?{tail}", text):
            found.append(number)
    return found


def _files_text(folder: Path) -> str:
    texts = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        if path.suffix == ".xlsx":
            with zipfile.ZipFile(path) as archive:
                texts += [archive.read(name).decode("utf-8", "replace") for name in archive.namelist()]
        else:
            texts.append(path.read_bytes().decode("utf-8", "replace"))
    return "\n".join(texts)


def _git(root: Path, *args: str) -> None:
    who = {"NAME": "t", "EMAIL": "t@example.org"}
    env = {**os.environ, **{f"GIT_{role}_{k}": v for role in ("AUTHOR", "COMMITTER") for k, v in who.items()}}
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env=env)


def test_no_output_of_any_command_holds_a_planted_number(repo: Repo, tmp_path: Path) -> None:
    root = str(repo.root)
    _git(repo.root, "init", "-q", "-b", "main")
    _git(repo.root, "add", "-A")
    _git(repo.root, "commit", "-q", "-m", "bas")
    _plant(repo)
    # Where a command echoes a value: a wrong type (NV101), a title in diff, a commit subject.
    repo.replace(PLAN, "    titel: Hälsocaféer på biblioteken", "    titel: Hälsocafé för 8809059861")
    repo.replace(FU, "  fast-lakarkontakt: 43.2", "  fast-lakarkontakt: 811218-9876")
    _git(repo.root, "commit", "-q", "-am", "SIP för 560714-9837 och 19811278-9873")
    out = tmp_path / "ut"
    out.mkdir()
    commands = [
        *(["validate", "--root", root, "-f", f] for f in ("text", "json", "github")),
        *(["lint", "--root", root, "-f", f] for f in ("text", "json", "github")),
        *(["validate", "--root", root, "--rev", "HEAD~1..HEAD", "-f", f] for f in ("text", "json", "github")),
        *(["diff", "2024", "2024", "--root", root, "-f", f] for f in ("text", "md", "json")),
        *(["diff", "--root", root, "--rev", "HEAD~1", "-f", f] for f in ("text", "md", "json")),
        *(["diff", "--root", root, "--rev", "HEAD~1..HEAD", "-f", f] for f in ("text", "md", "json")),
        ["report", "2024", "--root", root, "--out", str(out / "rapport")],
        ["export", "2024", "--root", root, "--out", str(out / "x.xlsx")],
        ["export", "2024", "--root", root, "--format", "csv", "--out", str(out / "x.csv")],
        ["fix", "--root", root, "--check"],
        ["fmt", "--root", root, "--check"],
        ["new", "uppfoljning", "2025", "--kommun", "ludvika", "--root", root],
    ]
    report = export = None
    for command in commands:
        result = runner.invoke(app, command, catch_exceptions=False)
        shown = result.stdout + result.stderr
        assert _leaks(shown) == [], (command, shown)
        if command[0] == "report":
            report = (result.exit_code, result.stderr)
        if command[0] == "export":
            export = (result.exit_code, result.stderr)
    assert report is not None and report[0] == 1
    assert f"data/{FU}:8:15" in report[1]
    assert export is not None and export[0] == 1
    assert f"data/{FU}:8:15" in export[1]
    assert list(out.iterdir()) == []  # the report and the export wrote nothing
    assert list((repo.root).glob("rapport*")) == []


def test_the_report_and_the_export_mask_what_they_write(repo: Repo, tmp_path: Path) -> None:
    # A repository's own template is not data: the report runs, and what it writes is masked.
    (repo.root / "templates").mkdir()
    template = (Path(__file__).parent.parent / "src/naravard/templates/report.md.j2").read_text(
        encoding="utf-8"
    )
    (repo.root / "templates" / "report.md.j2").write_text(
        "Kontakt 811218-9876\n" + template, encoding="utf-8"
    )
    command = ["report", "2024", "--root", str(repo.root), "--out", str(tmp_path / "r"), "-f", "md"]
    command.append("--egna-mallar")
    result = runner.invoke(app, command, catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    written = _files_text(tmp_path / "r")
    assert "Kontakt 811218-****" in written
    assert _leaks(written) == []
    table = _masked(
        Table(
            "Aktiviteter", "aktiviteter", ("Id", "Resultat"), [("a", "SIP 19811218-9876"), ("b", 8112189876)]
        )
    )
    assert table.rows == [("a", "SIP 19811218-****"), ("b", "811218****")]


# --- History -------------------------------------------------------------------------------------


def test_a_number_added_and_removed_inside_a_range_is_found(repo: Repo) -> None:
    _git(repo.root, "init", "-q", "-b", "main")
    _git(repo.root, "add", "-A")
    _git(repo.root, "commit", "-q", "-m", "bas")
    clean = repo.read(FU)
    repo.replace(
        FU, "    resultat: Tio träffar, 240 besökare.", "    resultat: Tio träffar, SIP för 560714-9837."
    )
    _git(repo.root, "commit", "-q", "-am", "resultat")
    repo.write(FU, clean)
    _git(repo.root, "commit", "-q", "-am", "bort igen")
    assert [c for c in repo.codes() if c[3] == "NV217"] == []  # the files are clean now
    found = validate(repo.root, rev="HEAD~2..HEAD").findings
    assert [(f.location.file, f.location.line, f.location.column, f.code) for f in found] == [
        (f"data/{FU}", 6, 36, "NV217")
    ]
    assert "560714-****" in found[0].message and "9837" not in found[0].message
    assert validate(repo.root, rev="HEAD~1..HEAD").findings == ()  # that commit only removed it
    assert validate(repo.root, rev="HEAD~2").findings == found  # to the working tree


def test_a_revision_that_looks_like_an_option_is_not_one(repo: Repo) -> None:
    _git(repo.root, "init", "-q", "-b", "main")
    _git(repo.root, "add", "-A")
    _git(repo.root, "commit", "-q", "-m", "bas")
    result = runner.invoke(app, ["validate", "--root", str(repo.root), "--rev", "--output=x"])
    assert result.exit_code == 2
    assert not (repo.root / "x").exists()
