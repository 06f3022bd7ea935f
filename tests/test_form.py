"""The Excel form: written for a kommun, filled in with openpyxl (or saved by LibreOffice), read back.

The round trips run on a copy of the shipped data and compare every file line by line
before and after, the way `git diff` would.
"""

from __future__ import annotations

import difflib
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from naravard.api import validate
from naravard.authoring.lines import comment_texts
from naravard.cli import app
from naravard.form.run import read_forms, write_form
from tests.conftest import PROJECT

FU = "data/kommuner/falun/uppfoljning-2024.yaml"
KOMMUNER = sorted(p.parent.name for p in (PROJECT / "data" / "kommuner").glob("*/uppfoljning-2024.yaml"))
FORM_CODES = {"NV401", "NV402", "NV403", "NV404", "NV405"}


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A copy of the shipped data."""
    shutil.copytree(PROJECT / "data", tmp_path / "repo" / "data")
    return tmp_path / "repo"


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted((root / "data").rglob("*.yaml"))}


def changed_lines(
    before: dict[str, bytes], after: dict[str, bytes]
) -> dict[str, tuple[list[str], list[str]]]:
    """Per changed file: the lines taken away and the lines added."""
    out = {}
    for rel in sorted(set(before) | set(after)):
        old = before.get(rel, b"").decode("utf-8").splitlines()
        new = after.get(rel, b"").decode("utf-8").splitlines()
        if old == new:
            continue
        diff = list(difflib.unified_diff(old, new, lineterm="", n=0))
        removed = [d[1:] for d in diff[2:] if d.startswith("-")]
        added = [d[1:] for d in diff[2:] if d.startswith("+")]
        out[rel] = (removed, added)
    return out


def form(root: Path, kommun: str = "falun", year: int = 2024) -> Path:
    return write_form(root, year, kommun, root / f"{kommun}-{year}.xlsx")


def fill(path: Path, cells: dict[str, object], out: Path | None = None) -> Path:
    """Type values into cells named like `Självskattning!E5`, as a person would, and save."""
    workbook = load_workbook(path)
    for ref, value in cells.items():
        sheet, cell = ref.split("!")
        workbook[sheet][cell] = value  # type: ignore[assignment]  # what a person types
    target = out or path
    workbook.save(target)
    return target


def row_of(path: Path, sheet: str, row_id: str) -> int:
    worksheet = load_workbook(path)[sheet]
    return next(r for r in range(4, worksheet.max_row + 1) if worksheet.cell(r, 1).value == row_id)


def test_an_untouched_form_changes_no_file_for_any_kommun(root: Path) -> None:
    before = snapshot(root)
    forms = [form(root, kommun) for kommun in KOMMUNER]
    updates = read_forms(root, forms)
    assert [(u.form, u.findings, u.changes) for u in updates] == [(f.name, [], []) for f in forms]
    assert snapshot(root) == before


def test_the_round_trip_changes_exactly_the_filled_values_and_keeps_every_comment(root: Path) -> None:
    path = form(root)
    sip = row_of(path, "Aktiviteter", "sip-elevhalsa")
    halsa = row_of(path, "Nyckeltal", "sjalvskattad-halsa")
    fill(
        path,
        {
            "Självskattning!E5": "2 – Stämmer ganska dåligt",  # nara-for-mig
            "Självskattning!F6": "Bättre samverkan: i år",  # a comment on nara-for-alla
            f"Nyckeltal!E{halsa}": 71.3,
            f"Aktiviteter!F{sip}": "142 SIP. Väntetiden sjönk.",
        },
    )
    before = snapshot(root)
    [update] = read_forms(root, [path])
    assert update.findings == [] and update.written
    assert changed_lines(before, snapshot(root)) == {
        FU: (
            [
                "    resultat: 141 SIP. Väntetiden till första mötet sjönk till 14 dagar i genomsnitt.",
                "  nara-for-mig: 3",
                "  nara-for-alla: 3",
                "  sjalvskattad-halsa: null   # inte publicerat ännu",
            ],
            [
                "    resultat: 142 SIP. Väntetiden sjönk.",
                "  nara-for-mig: 2",
                "  nara-for-alla: {varde: 3, kommentar: 'Bättre samverkan: i år'}",
                "  sjalvskattad-halsa: 71.3   # inte publicerat ännu",
            ],
        )
    }
    assert comment_texts(before[FU].decode()) == comment_texts((root / FU).read_text(encoding="utf-8"))
    assert validate(root).errors == 0


def test_byte_order_mark_and_crlf_line_ends_are_kept(root: Path) -> None:
    text = (root / FU).read_text(encoding="utf-8")
    (root / FU).write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    path = fill(form(root), {"Självskattning!E4": "4 – Stämmer mycket bra"})
    [update] = read_forms(root, [path])
    assert update.written
    data = (root / FU).read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and data.count(b"\r\n") == text.count("\n")
    assert b"  nara-genom-hela-livet: 4\r\n" in data


def test_a_long_answer_is_written_as_a_folded_block_that_reads_back_the_same(root: Path) -> None:
    answer = "Vi har lärt oss att börja i tid. " * 8
    path = fill(form(root), {"Reflektion!D4": answer})
    [update] = read_forms(root, [path])
    assert update.written
    lines = (root / FU).read_text(encoding="utf-8").splitlines()
    start = lines.index("  lardomar: >-")
    assert all(len(line) <= 100 for line in lines[start : start + 4])
    [again] = read_forms(root, [path])
    assert again.changes == []  # what was written is what the cell says


def test_a_new_follow_up_is_written_from_the_form_with_the_comments_of_new_uppfoljning(root: Path) -> None:
    path = form(root, "falun", 2025)
    scores = {f"Självskattning!E{row}": 3 for row in range(4, 10)}
    fill(path, {**scores, "Reflektion!D4": "Att börja i tid."})
    [update] = read_forms(root, [path])
    assert update.findings == [] and update.written
    text = (root / "data/kommuner/falun/uppfoljning-2025.yaml").read_text(encoding="utf-8")
    assert "# DEL 2 AV 3: SJÄLVSKATTNING" in text and "  lardomar: Att börja i tid." in text
    assert "  nara-for-mig: 3   # 2024: 3" in text
    assert validate(root).errors == 0


def test_a_new_follow_up_without_scores_is_not_written(root: Path) -> None:
    path = form(root, "falun", 2025)
    [update] = read_forms(root, [path])
    assert {(f.code, f.location.line, f.location.column) for f in update.findings} == {
        ("NV403", row, 5) for row in range(4, 10)
    }
    assert "Självskattning!E4: välj en skattning i listan" in update.findings[0].message
    assert not (root / "data/kommuner/falun/uppfoljning-2025.yaml").exists()


def _one_finding(root: Path, path: Path) -> tuple[str, int, int, str]:
    before = snapshot(root)
    [update] = read_forms(root, [path])
    assert snapshot(root) == before, "nothing may be written for a form with a problem"
    [finding] = update.findings
    loc = finding.location
    return finding.code, loc.line, loc.column, finding.message


@pytest.mark.parametrize(
    ("cell", "value", "message"),
    [
        ("Självskattning!E4", "bra", "Självskattning!E4: ett heltal 1–4 väntades, det står `bra`."),
        ("Självskattning!E4", "3,5", "Självskattning!E4: ett heltal 1–4 väntades, det står `3,5`."),
        ("Självskattning!E4", 3.5, "Självskattning!E4: ett heltal 1–4 väntades, det står `3,5`."),
        ("Självskattning!E4", 5, "Självskattning!E4: ett heltal 1–4 väntades, det står `5`."),
        ("Nyckeltal!E4", "52,1", "Nyckeltal!E4: talet är sparat som text (`52,1`), inte som ett tal."),
        ("Nyckeltal!E4", "okänt", "Nyckeltal!E4: ett tal väntades, det står `okänt`."),
        ("Aktiviteter!E4", "klar", "Aktiviteter!E4: välj en status i listan"),
        ("Aktiviteter!E4", None, "Aktiviteter!E4: välj en status i listan"),
    ],
)
def test_a_cell_that_cannot_be_read_is_named_and_nothing_is_written(
    root: Path, cell: str, value: object, message: str
) -> None:
    path = fill(form(root), {cell: value})
    code, line, column, text = _one_finding(root, path)
    letter, row = cell.split("!")[1][0], int(cell.split("!")[1][1:])
    assert (code, line, column) == ("NV403", row, ord(letter) - 64)
    assert text.startswith(message)


def test_a_formula_is_not_trusted(root: Path) -> None:
    path = fill(form(root), {"Nyckeltal!E4": "=40+12.1"})
    assert _one_finding(root, path)[:3] == ("NV404", 4, 5)


def test_an_edited_id_is_refused_at_its_cell(root: Path) -> None:
    path = fill(form(root), {"Nyckeltal!A5": "kontinuitet"})
    code, line, column, message = _one_finding(root, path)
    assert (code, line, column) == ("NV402", 5, 1)
    assert message.startswith("Nyckeltal!A5: id:t har ändrats: `kontinuitetsindex` väntades")


def test_moved_rows_are_refused_with_where_they_came_from(root: Path) -> None:
    path = form(root)
    workbook = load_workbook(path)
    sheet = workbook["Nyckeltal"]
    for column in range(1, 7):  # rows 4 and 5 swap places, as sorting would do
        top, second = sheet.cell(4, column), sheet.cell(5, column)
        top.value, second.value = second.value, top.value
    sheet["E4"] = 0.5
    workbook.save(path)
    before = snapshot(root)
    [update] = read_forms(root, [path])
    assert snapshot(root) == before
    assert [(f.code, f.location.line, f.location.column) for f in update.findings] == [
        ("NV402", 4, 1),
        ("NV402", 5, 1),
    ]
    assert "raderna har flyttats eller sorterats" in update.findings[0].message
    assert "som hör till rad 5" in update.findings[0].message


def test_a_renamed_sheet_an_added_row_and_an_edited_record_are_refused(root: Path) -> None:
    path = form(root)
    workbook = load_workbook(path)
    workbook["Reflektion"].title = "Reflektioner"
    workbook.save(root / "renamed.xlsx")
    assert "bladet `Reflektion` saknas" in _one_finding(root, root / "renamed.xlsx")[3]
    fill(path, {"Nyckeltal!B30": "Ett eget nyckeltal"}, root / "added.xlsx")
    assert _one_finding(root, root / "added.xlsx")[:3] == ("NV402", 30, 2)
    fill(path, {"naravard!A2": '{"naravard":1}'}, root / "record.xlsx")
    assert _one_finding(root, root / "record.xlsx")[0] == "NV402"


def test_a_file_that_is_no_form_is_named(root: Path) -> None:
    (root / "trasig.xlsx").write_bytes(b"inte en arbetsbok")
    assert _one_finding(root, root / "trasig.xlsx")[:3] == ("NV401", 1, 1)


def test_a_value_changed_in_both_places_is_a_conflict_and_one_changed_elsewhere_is_kept(root: Path) -> None:
    path = fill(form(root), {"Självskattning!E5": 2, "Självskattning!E6": 1})
    text = (root / FU).read_text(encoding="utf-8")
    text = text.replace("  nara-for-mig: 3\n", "  nara-for-mig: 4\n")  # edited in the YAML meanwhile
    (root / FU).write_text(text.replace("nara-i-hela-dalarna: 3", "nara-i-hela-dalarna: 1"), encoding="utf-8")
    code, line, column, message = _one_finding(root, path)
    assert (code, line, column) == ("NV405", 5, 5) and "ändrats till `4`" in message
    fill(path, {"Självskattning!E5": 4})
    [update] = read_forms(root, [path])
    assert update.written
    written = (root / FU).read_text(encoding="utf-8")
    assert "  nara-for-alla: 1\n" in written and "nara-i-hela-dalarna: 1" in written


def test_an_activity_of_the_plan_missing_from_the_file_is_added_only_when_filled_in(root: Path) -> None:
    text = (root / FU).read_text(encoding="utf-8")
    start = text.index("  - id: traffpunkter-landsbygd")
    (root / FU).write_text(text[:start] + text[text.index("reflektion:") :], encoding="utf-8")
    path = form(root)
    row = row_of(path, "Aktiviteter", "traffpunkter-landsbygd")
    assert load_workbook(path)["Aktiviteter"].cell(row, 5).value is None
    [update] = read_forms(root, [path])
    assert update.changes == []
    fill(path, {f"Aktiviteter!E{row}": "Pågående", f"Aktiviteter!F{row}": "41 hälsoträffar."})
    [update] = read_forms(root, [path])
    assert update.written and validate(root).errors == 0
    assert "  - id: traffpunkter-landsbygd\n    status: pagaende\n    resultat: 41 hälsoträffar.\n" in (
        root / FU
    ).read_text(encoding="utf-8")


def test_a_finding_of_validate_is_shown_at_the_cell_the_value_came_from(root: Path) -> None:
    path = fill(form(root), {"Reflektion!D4": "x" * 20_001})
    code, line, column, message = _one_finding(root, path)
    assert (code[:3], line, column) == ("NV1", 4, 4)
    assert message.startswith("Reflektion!D4: ")


def test_several_forms_each_report_and_one_with_an_error_writes_nothing(root: Path) -> None:
    good = fill(form(root, "falun"), {"Självskattning!E4": 4})
    bad = fill(form(root, "mora"), {"Självskattning!E4": "3,5"})
    mora = (root / "data/kommuner/mora/uppfoljning-2024.yaml").read_bytes()
    result = CliRunner().invoke(
        app, ["form", "--read", str(good), str(bad), "--root", str(root), "--format", "json"]
    )
    assert result.exit_code == 1
    document = json.loads(result.stdout)
    assert document["diagnostics"] == [
        {
            "file": "mora-2024.xlsx",
            "line": 4,
            "column": 5,
            "severity": "error",
            "code": "NV403",
            "message": "Självskattning!E4: ett heltal 1–4 väntades, det står `3,5`. "
            "Välj en skattning i listan.",
        }
    ]
    assert document["summary"] == {"files": 2, "errors": 1, "warnings": 0}
    assert "  nara-genom-hela-livet: 4\n" in (root / FU).read_text(encoding="utf-8")
    assert (root / "data/kommuner/mora/uppfoljning-2024.yaml").read_bytes() == mora


def test_the_command_line_writes_a_form_and_reads_it_with_dry_run(root: Path) -> None:
    runner = CliRunner()
    out = root / "f.xlsx"
    made = runner.invoke(app, ["form", "2024", "--kommun", "falun", "--out", str(out), "--root", str(root)])
    assert made.exit_code == 0 and out.exists(), made.output
    fill(out, {"Självskattning!E4": 2})
    before = snapshot(root)
    dry = runner.invoke(app, ["form", "--read", str(out), "--dry-run", "--root", str(root)])
    assert dry.exit_code == 0
    assert "f.xlsx: skulle ändra 1 värde i data/kommuner/falun/uppfoljning-2024.yaml" in dry.output
    assert "Självskattning!E4: 3 → 2" in dry.output
    assert snapshot(root) == before
    text = runner.invoke(app, ["form", "--read", str(out), "--root", str(root)])
    assert text.exit_code == 0 and "ändrade 1 värde" in text.output
    wrong = runner.invoke(app, ["form", "--kommun", "falun", "--root", str(root)])
    assert wrong.exit_code == 2 and "Ange året och kommunen" in wrong.output


def test_the_cells_are_checked_by_the_spreadsheet_too(root: Path) -> None:
    workbook = load_workbook(form(root))
    validations = {
        name: {(v.type, str(v.sqref)) for v in workbook[name].data_validations.dataValidation}
        for name in ("Aktiviteter", "Självskattning", "Nyckeltal")
    }
    assert validations["Självskattning"] == {("list", "E4 E5 E6 E7 E8 E9")}
    assert ("decimal", "E4 E5 E6 E7 E8 E9 E10 E11 E12 E13 E14 E15 E16 E17 E18 E19 E20") in validations[
        "Nyckeltal"
    ]
    sheet = workbook["Självskattning"]
    assert sheet.protection.sheet and not sheet["E4"].protection.locked and sheet["B4"].protection.locked
    assert sheet.column_dimensions["A"].hidden and workbook["naravard"].sheet_state == "hidden"
    assert [c.value for c in workbook["naravard"]["D"][:4]] == [
        "1 – Stämmer inte alls",
        "2 – Stämmer ganska dåligt",
        "3 – Stämmer ganska bra",
        "4 – Stämmer mycket bra",
    ]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_a_form_saved_by_libreoffice_reads_back_the_same(root: Path, tmp_path: Path) -> None:
    path = form(root)
    sip = row_of(path, "Aktiviteter", "sip-elevhalsa")
    fill(
        path,
        {
            "Självskattning!E5": "2 – Stämmer ganska dåligt",
            "Nyckeltal!E5": 0.45,
            f"Aktiviteter!F{sip}": "Rad ett\nRad två",
            "Reflektion!D6": "Svårt: att hinna.",
        },
    )
    out = tmp_path / "libreoffice"
    subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/lo-profile",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(out),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    [direct] = read_forms(root, [path], dry_run=True)
    [saved] = read_forms(root, [out / path.name], dry_run=True)
    assert saved.findings == [] and len(saved.changes) == 4
    assert saved.changes == direct.changes and saved.after == direct.after


def test_a_record_rewritten_to_point_elsewhere_is_refused_even_with_a_matching_signature(root: Path) -> None:
    from naravard.form.layout import signature

    path = form(root)
    workbook = load_workbook(path)
    meta = workbook["naravard"]
    record = json.loads(meta["A2"].value)
    record["falt"][0][3] = ["kommun", "x", "status"]
    meta["A2"] = json.dumps(record, ensure_ascii=False)
    meta["B1"] = signature(meta["A2"].value)
    workbook.save(path)
    assert _one_finding(root, path)[:3] == ("NV402", 2, 1)
