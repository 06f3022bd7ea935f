"""`naravard report --format docx`: the report's Markdown as a Word document an analyst can finish."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from markdown_it import MarkdownIt

from naravard.api import build_report
from naravard.markdown import escape_inline
from naravard.report.word import markdown_parser, markdown_to_docx
from tests.authoring_support import invoke
from tests.conftest import CONFORMANCE, Repo
from tests.report_support import SOFFICE

FU = "kommuner/borlange/uppfoljning-2024.yaml"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The conformance repository's report as Word and Markdown (rendered once; the tests only read)."""
    base = tmp_path_factory.mktemp("word")
    shutil.copytree(CONFORMANCE, base / "repo")  # outside git, as `repo` is
    files = build_report(base / "repo", 2024, base / "out", formats=("docx", "md"))
    return {p.suffix: p for p in files if p.suffix in (".docx", ".md")}


def headings(document: docx.document.Document) -> list[tuple[str, str]]:
    named = [(p.style.name if p.style else "", p.text) for p in document.paragraphs]
    return [(name, text) for name, text in named if name.startswith("Heading")]


def plain_text(markdown: str) -> list[str]:
    """Every piece of inline text the Markdown shows (what a reader of report.md reads)."""
    texts = []
    for token in MarkdownIt("commonmark", {"html": False}).enable("table").parse(markdown):
        for child in token.children or []:
            if child.type in ("text", "code_inline") and child.content.strip():
                texts.append(child.content.strip())
    return texts


def docx_text(document: docx.document.Document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def test_headings_are_words_heading_styles_in_the_markdowns_outline(written: dict[str, Path]) -> None:
    document = docx.Document(str(written[".docx"]))
    found = headings(document)
    assert found[0] == ("Heading 1", "Uppföljning av omställningen till nära vård 2024")
    assert ("Heading 2", "Sammanfattning") in found
    assert ("Heading 3", "Andel invånare som har en fast läkarkontakt i primärvården") in found
    markdown = written[".md"].read_text(encoding="utf-8")
    assert len(found) == sum(line.startswith("#") for line in markdown.splitlines())


def test_every_text_of_the_markdown_is_in_the_word_file(written: dict[str, Path]) -> None:
    """What the report's Markdown says (caveats, kommentarer, the analyst's text) reaches Word."""
    text = docx_text(docx.Document(str(written[".docx"])))
    missing = [t for t in plain_text(written[".md"].read_text(encoding="utf-8")) if t not in text]
    assert missing == []


def test_tables_repeat_their_header_row_on_every_page(written: dict[str, Path]) -> None:
    document = docx.Document(str(written[".docx"]))
    assert len(document.tables) > 10
    for table in document.tables:
        first = table.rows[0]._tr
        assert first.trPr is not None and first.trPr.find(qn("w:tblHeader")) is not None
        assert all(run.bold for cell in table.rows[0].cells for p in cell.paragraphs for run in p.runs)
    assert document.tables[0].rows[0].cells[0].text == "Kommun"


def test_every_picture_has_the_charts_alt_text(written: dict[str, Path]) -> None:
    document = docx.Document(str(written[".docx"]))
    described = [d.get("descr", "") for d in document.element.body.iter(f"{WP}docPr")]
    markdown = written[".md"].read_text(encoding="utf-8")
    assert len(described) == markdown.count("![") and len(document.inline_shapes) == len(described)
    assert all(len(text) > 40 for text in described)
    assert any(text.startswith("Värmekarta över självskattningen 2024") for text in described)


def test_language_title_and_author(written: dict[str, Path]) -> None:
    document = docx.Document(str(written[".docx"]))
    languages = {e.get(qn("w:val")) for e in document.styles.element.iter(qn("w:lang"))}
    assert languages == {"sv-SE"}
    props = document.core_properties
    assert props.title == "Uppföljning av omställningen till nära vård 2024"
    assert props.author == "Region Dalarna"
    assert props.language == "sv-SE"
    section = document.sections[0]
    assert section.page_width is not None and section.page_height is not None
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)


def test_the_same_data_gives_the_same_word_file(written: dict[str, Path], repo: Repo, tmp_path: Path) -> None:
    again = build_report(repo.root, 2024, tmp_path / "a", formats=("docx",))[0].read_bytes()
    assert again == written[".docx"].read_bytes()


def test_free_text_stays_text_in_word(repo: Repo, tmp_path: Path) -> None:
    hostile = "<script>alert(1)</script> [x](javascript:alert(1)) **fet**"
    repo.replace(
        FU, "lardomar: Samma team före och efter utskrivningen skapar trygghet.", f"lardomar: '{hostile}'"
    )
    [path] = build_report(repo.root, 2024, tmp_path / "out", formats=("docx",))
    document = docx.Document(str(path))
    assert any(hostile in p.text for p in document.paragraphs)
    assert document.part.rels and all(
        rel.target_ref.startswith(("http://", "https://", "mailto:"))
        for rel in document.part.rels.values()
        if rel.is_external
    )


def test_markdown_blocks_and_inlines_become_word_content() -> None:
    markdown = (
        "# Titel\n\nText med *kursiv*, **fet** och [en länk](https://example.se).\n\n"
        "- ett\n  - två\n\n1. först\n\n> citat\n\n"
        "| Kommun | Värde |\n|---|--:|\n| Falun | 1,5 |\n\n![Ett diagram](saknas.svg)\n\n<b>rå</b>\n"
    )
    document = docx.Document(io.BytesIO(markdown_to_docx(markdown, {}, author="Region X")))
    styles = [(p.style.name if p.style else "", p.text) for p in document.paragraphs if p.text]
    assert styles == [
        ("Heading 1", "Titel"),
        ("Normal", "Text med kursiv, fet och en länk."),
        ("List Bullet", "ett"),
        ("List Bullet 2", "två"),
        ("List Number", "först"),
        ("Quote", "citat"),
        ("Normal", "Ett diagram"),  # an image that is not there: its alt text
        ("Normal", "<b>rå</b>"),
    ]
    runs = document.paragraphs[1].runs
    assert [r.text for r in runs if r.italic] == ["kursiv"] and [r.text for r in runs if r.bold] == ["fet"]
    [link] = [rel for rel in document.part.rels.values() if rel.is_external]
    assert link.target_ref == "https://example.se"
    [table] = document.tables
    assert table.rows[1].cells[1].paragraphs[0].alignment == 2  # right, as the Markdown column says
    assert markdown_parser().parse("<b>x</b>")[1].children[0].type == "text"  # type: ignore[index]


def test_cli_writes_the_word_file(repo: Repo, tmp_path: Path) -> None:
    target = tmp_path / "out"
    code, out, err = invoke(
        "report", "2024", "--root", str(repo.root), "--format", "docx", "--out", str(target)
    )
    assert code == 0, err
    assert out == ""
    assert [p.name for p in target.iterdir()] == ["rapport-2024.docx"]
    assert f"Skrev {target / 'rapport-2024.docx'}" in "".join(err.split("\n"))


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed (.ci/run installs it)")
def test_libreoffice_opens_the_word_file_and_prints_it(written: dict[str, Path], tmp_path: Path) -> None:
    profile = tmp_path / "lo-profile"  # its own profile: never the user's, never shared between runs
    assert SOFFICE is not None
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(written[".docx"])],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    pdf = tmp_path / "rapport-2024.pdf"
    assert pdf.stat().st_size > 50_000
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
        assert "Andel invånare som har en fast läkarkontakt i primärvården" in text


def test_an_at_sign_escaped_against_mentions_is_an_at_sign_in_word() -> None:
    """naravard.markdown writes @ as ＠ so no Markdown site reads a mention; Word has no mentions."""
    markdown = f"Frågor till {escape_inline('rss@region.example')}.\n"
    assert "@" not in markdown
    document = docx.Document(io.BytesIO(markdown_to_docx(markdown, {}, author="Region X")))
    assert docx_text(document) == "Frågor till rss@region.example."
