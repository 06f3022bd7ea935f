"""`naravard export`: sheets that analysts open in Excel, read back with openpyxl, csv and LibreOffice."""

from __future__ import annotations

import codecs
import csv
import io
import shutil
import subprocess
import zipfile
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook
from typer.testing import CliRunner

import naravard.cli.export  # noqa: F401  (registers `naravard export` on the app)
from naravard.cli import app
from naravard.export.cells import neutralise, plain_number
from tests.conftest import KOLADA_2024, PROJECT, Repo

runner = CliRunner()
FU = "kommuner/borlange/uppfoljning-2024.yaml"
HYPERLINK = '=HYPERLINK("http://x")'


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def export_xlsx(root: Path, out: Path) -> Workbook:
    code, stdout, _ = invoke("export", "2024", "--root", str(root), "--out", str(out))
    assert code == 0
    assert stdout == f"Skrev {out} (blad: Kommuner, Nyckeltal, Aktiviteter, Reflektioner).\n"
    return load_workbook(out)


def read_csv(path: Path, delimiter: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig")), delimiter=delimiter))


@pytest.fixture(scope="module")
def shipped(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The export of the data that ships with naravard, as an XLSX file."""
    out = tmp_path_factory.mktemp("export") / "naravard-2024.xlsx"
    export_xlsx(PROJECT, out)
    return out


# --- XLSX ------------------------------------------------------------------------------------


def test_one_row_per_kommun_with_the_strategys_names_as_headers(shipped: Path) -> None:
    sheet = load_workbook(shipped)["Kommuner"]
    headers = [c.value for c in sheet[1]]
    assert headers[:6] == [
        "Kommun",
        "Kommunkod",
        "Uppföljning",
        "Inlämnad",
        "Självskattning: Nära genom hela livet – gemensamt tillsammans",
        "Självskattning: Nära för mig",
    ]
    assert "Läkarbesök i primärvården per 1 000 invånare (per 1 000 invånare)" in headers
    assert headers[-5:] == [
        f"Aktiviteter: {s}" for s in ("planerad", "pågående", "genomförd", "pausad", "avbruten")
    ]
    kommuner = [row[0].value for row in sheet.iter_rows(min_row=2)]
    assert len(kommuner) == 15
    assert "Malung-Sälen" in kommuner and "Älvdalen" in kommuner and "Borlänge" in kommuner


def test_numbers_are_number_cells_and_dates_are_dates(shipped: Path) -> None:
    sheet = load_workbook(shipped)["Kommuner"]
    headers = [c.value for c in sheet[1]]
    falun = next(row for row in sheet.iter_rows(min_row=2) if row[0].value == "Falun")
    cell = {h: c for h, c in zip(headers, falun, strict=True)}
    assert cell["Kommunkod"].value == "2080"  # a code, not a number: it keeps its form
    assert isinstance(cell["Inlämnad"].value, datetime)
    assert cell["Inlämnad"].value.date().isoformat() == "2025-02-14"
    assert cell["Självskattning: Nära mellan oss"].value == 4
    assert cell["Kontinuitetsindex (läkarkontinuitet i primärvården, 0–1) (index)"].value == 0.42
    assert cell["Kontinuitetsindex (läkarkontinuitet i primärvården, 0–1) (index)"].data_type == "n"
    assert cell["Aktiviteter: genomförd"].value == 1
    assert cell["Aktiviteter: pågående"].value == 4


def test_no_cell_anywhere_is_a_formula(shipped: Path) -> None:
    workbook = load_workbook(shipped)
    cells = [c for sheet in workbook for row in sheet.iter_rows() for c in row]
    assert len(cells) > 500
    assert [c.coordinate for c in cells if c.data_type == "f"] == []


def test_every_sheet_has_a_frozen_bold_header_a_filter_and_widths(shipped: Path) -> None:
    workbook = load_workbook(shipped)
    assert workbook.sheetnames == ["Kommuner", "Nyckeltal", "Aktiviteter", "Reflektioner"]
    for sheet in workbook:
        assert sheet.freeze_panes == "B2"
        assert sheet["A1"].font.b
        assert sheet.auto_filter.ref == sheet.dimensions
        assert 8 <= sheet.column_dimensions["A"].width <= 60
    resultat = workbook["Aktiviteter"].column_dimensions["F"]
    assert resultat.width == 60  # long text: the widest allowed, wrapped


def test_activities_and_reflections_have_a_row_each(shipped: Path) -> None:
    workbook = load_workbook(shipped)
    activities = list(workbook["Aktiviteter"].iter_rows(values_only=True))
    assert activities[0] == ("Kommun", "Id", "Titel", "Delmål", "Status", "Resultat")
    vansbro = activities[1]
    assert vansbro[:5] == (
        "Vansbro",
        "digitala-vardmoten-hemma",
        "Digitala vårdmöten i hemmet med stöd av hemtjänsten",
        "Nära i hela Dalarna, Nära för mig, Nära för alla",
        "pågående",
    )
    reflections = list(workbook["Reflektioner"].iter_rows(values_only=True))
    assert reflections[0] == ("Kommun", "Lärdomar", "Framgångsfaktorer", "Utmaningar", "Bedömning")
    assert len(reflections) == 16


def test_typed_nyckeltal_say_they_come_from_the_follow_up(shipped: Path) -> None:
    rows = list(load_workbook(shipped)["Nyckeltal"].iter_rows(values_only=True))
    assert rows[0] == (
        "Kommun",
        "Nyckeltal",
        "Delmål",
        "Värde",
        "Enhet",
        "Källa",
        "Kolada-id",
        "Hämtad",
        "Kommentar",
    )
    falun = {r[1]: r for r in rows if r[0] == "Falun"}
    assert falun["Kontinuitetsindex (läkarkontinuitet i primärvården, 0–1)"][3:6] == (
        0.42,
        "index",
        "Kommunens uppföljning",
    )


def test_values_from_kolada_cite_kolada_and_a_typed_value_goes_first(repo: Repo, tmp_path: Path) -> None:
    repo.write("region/nyckeltal-2024.yaml", KOLADA_2024)
    workbook = export_xlsx(repo.root, tmp_path / "x.xlsx")
    rows = {(r[0], r[1]): r for r in workbook["Nyckeltal"].iter_rows(min_row=2, values_only=True)}
    name = "Undvikbar slutenvård, vårdtillfällen per 100 000 invånare"
    assert rows[("Ludvika", name)][3:8] == (
        871.3,
        "per 100 000 invånare",
        "Kolada",
        "U71411",
        datetime(2025, 3, 3),
    )
    assert rows[("Borlänge", name)][3:7] == (990.5, "per 100 000 invånare", "Kommunens uppföljning", None)


# --- formulas in text, negative numbers --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "safe"),
    [
        (HYPERLINK, "'" + HYPERLINK),
        ("+46 23 12 34", "'+46 23 12 34"),
        ("-5 % jämfört med i fjol", "'-5 % jämfört med i fjol"),
        ("@SUMMA(A1)", "'@SUMMA(A1)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("  =1+1", "'  =1+1"),
        # What the probe of issue 21 found missed: each is a formula to some spreadsheet.
        ("\n=1+1", "'\n=1+1"),
        ("\u2028=1+1", "'\u2028=1+1"),
        ("\ufeff=1+1", "'\ufeff=1+1"),
        ("\u200b=1+1", "'\u200b=1+1"),
        ("\uff1dSUMMA(A1)", "'\uff1dSUMMA(A1)"),
        ("Nära för mig", "Nära för mig"),
        ("5 - 3", "5 - 3"),
        ("", ""),
    ],
)
def test_text_a_spreadsheet_would_run_gets_an_apostrophe(text: str, safe: str) -> None:
    assert neutralise(text) == safe


@pytest.mark.parametrize(
    ("value", "point", "comma"),
    [
        (1288.0, "1288", "1288"),
        (52.1, "52.1", "52,1"),
        (-3.5, "-3.5", "-3,5"),
        (1e-05, "0.00001", "0,00001"),
        (14, "14", "14"),
    ],
)
def test_numbers_are_written_as_plain_digits(value: float, point: str, comma: str) -> None:
    assert (plain_number(value), plain_number(value, decimal=",")) == (point, comma)


def test_a_hyperlink_in_a_follow_up_comes_out_as_text_and_negative_numbers_as_numbers(
    repo: Repo, tmp_path: Path
) -> None:
    repo.replace(
        FU, "resultat: 212 hemgångar; återinskrivningarna minskade något.", f"resultat: '{HYPERLINK}'"
    )
    repo.replace(FU, "fast-lakarkontakt: 45", "fast-lakarkontakt: -3.5")
    workbook = export_xlsx(repo.root, tmp_path / "x.xlsx")
    [cell] = [
        row[5] for row in workbook["Aktiviteter"].iter_rows(min_row=2) if row[1].value == "trygg-hemgang"
    ]
    assert (cell.value, cell.data_type) == (HYPERLINK, "s")  # a string cell: shown, never run
    raw = zipfile.ZipFile(tmp_path / "x.xlsx").read("xl/worksheets/sheet3.xml").decode()
    assert "<f>" not in raw
    kommuner = workbook["Kommuner"]
    column = [c.value for c in kommuner[1]].index(
        "Andel invånare som har en fast läkarkontakt i primärvården (%)"
    )
    [borlange] = [row for row in kommuner.iter_rows(min_row=2) if row[0].value == "Borlänge"]
    assert (borlange[column].value, borlange[column].data_type) == (-3.5, "n")

    code, _, _ = invoke(
        "export", "2024", "--format", "csv", "--root", str(repo.root), "--out", str(tmp_path / "x.csv")
    )
    assert code == 0
    [trygg_hemgang] = [r for r in read_csv(tmp_path / "x-aktiviteter.csv", ";") if r[1] == "trygg-hemgang"]
    assert trygg_hemgang[5] == "'" + HYPERLINK
    rows = read_csv(tmp_path / "x.csv", ";")
    assert rows[[r[0] for r in rows].index("Borlänge")][column] == "-3,5"


# --- CSV -------------------------------------------------------------------------------------


def test_csv_for_swedish_excel_is_bom_semicolon_and_decimal_comma(tmp_path: Path) -> None:
    out = tmp_path / "dalarna.csv"
    code, stdout, _ = invoke("export", "2024", "--format", "csv", "--root", str(PROJECT), "--out", str(out))
    assert code == 0
    names = ["dalarna.csv", "dalarna-nyckeltal.csv", "dalarna-aktiviteter.csv", "dalarna-reflektioner.csv"]
    assert stdout == f"Skrev 4 filer: {', '.join(str(tmp_path / n) for n in names)}.\n"
    data = out.read_bytes()
    assert data.startswith(codecs.BOM_UTF8 + "Kommun;Kommunkod;Uppföljning;".encode())
    assert b"\r\n" in data
    rows = read_csv(out, ";")
    assert len(rows) == 16
    header = rows[0]
    falun = rows[[r[0] for r in rows].index("Falun")]
    assert falun[header.index("Kontinuitetsindex (läkarkontinuitet i primärvården, 0–1) (index)")] == "0,42"
    assert falun[header.index("Inlämnad")] == "2025-02-14"
    assert len(read_csv(tmp_path / "dalarna-reflektioner.csv", ";")) == 16


def test_plain_csv_is_comma_and_decimal_point_without_bom(tmp_path: Path) -> None:
    out = tmp_path / "plain.csv"
    code, _, _ = invoke(
        "export",
        "2024",
        "--format",
        "csv",
        "--csv-dialect",
        "plain",
        "--root",
        str(PROJECT),
        "--out",
        str(out),
    )
    assert code == 0
    assert out.read_bytes().startswith(b"Kommun,Kommunkod,")
    rows = read_csv(out, ",")
    falun = rows[[r[0] for r in rows].index("Falun")]
    assert falun[rows[0].index("Kontinuitetsindex (läkarkontinuitet i primärvården, 0–1) (index)")] == "0.42"
    activities = read_csv(tmp_path / "plain-aktiviteter.csv", ",")
    assert all(len(row) == 6 for row in activities)  # commas and newlines in free text stay inside their cell


def test_the_default_file_name_is_in_the_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, stdout, _ = invoke("export", "2024", "--root", str(PROJECT))
    assert (code, stdout) == (
        0,
        "Skrev naravard-2024.xlsx (blad: Kommuner, Nyckeltal, Aktiviteter, Reflektioner).\n",
    )
    assert (tmp_path / "naravard-2024.xlsx").is_file()


# --- refusals ---------------------------------------------------------------------------------


def test_nothing_is_exported_while_the_data_has_errors(repo: Repo, tmp_path: Path) -> None:
    repo.replace(FU, "fast-lakarkontakt: 45", "fast-lakarkontakt: 45,5")
    code, stdout, stderr = invoke(
        "export", "2024", "--root", str(repo.root), "--out", str(tmp_path / "x.xlsx")
    )
    assert (code, stdout) == (1, "")
    assert "filerna för 2024 har 1 fel" in stderr
    assert not (tmp_path / "x.xlsx").exists()


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["2024", "--csv-dialect", "plain"], "--csv-dialect gäller bara --format csv"),
        (["2040"], "Ingen version av strategin gäller för 2040"),
        (["2024", "--out", "/finns/inte/x.xlsx"], "Mappen /finns/inte finns inte"),
    ],
)
def test_bad_arguments_exit_2(repo: Repo, args: list[str], words: str) -> None:
    code, _, stderr = invoke("export", *args, "--root", str(repo.root))
    assert code == 2
    assert words in stderr


# --- LibreOffice ------------------------------------------------------------------------------


@pytest.mark.skipif(
    shutil.which("soffice") is None,
    reason="LibreOffice (soffice) is not installed; on Debian: apt-get install libreoffice-calc-nogui",
)
def test_libreoffice_opens_the_export_of_the_shipped_data(shipped: Path, tmp_path: Path) -> None:
    profile = (tmp_path / "profile").as_uri()  # a private profile: no clash with a running LibreOffice
    done = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1",
            "--outdir",
            str(tmp_path / "out"),
            str(shipped),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    converted = tmp_path / "out" / "naravard-2024.csv"
    assert done.returncode == 0 and converted.is_file(), done.stdout + done.stderr
    rows = read_csv(converted, ",")
    assert rows[0][:3] == ["Kommun", "Kommunkod", "Uppföljning"]
    assert [r[0] for r in rows[1:]] == [
        "Vansbro",
        "Malung-Sälen",
        "Gagnef",
        "Leksand",
        "Rättvik",
        "Orsa",
        "Älvdalen",
        "Smedjebacken",
        "Mora",
        "Falun",
        "Borlänge",
        "Säter",
        "Hedemora",
        "Avesta",
        "Ludvika",
    ]
    falun = rows[10]
    assert falun[rows[0].index("Kontinuitetsindex (läkarkontinuitet i primärvården, 0–1) (index)")] == "0.42"
