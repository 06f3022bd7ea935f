"""`naravard report --format pdf`: a tagged PDF/UA-1 from the HTML report and its print CSS."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from naravard.api import build_report
from naravard.errors import UsageError
from tests.authoring_support import invoke
from tests.conftest import CONFORMANCE, Repo
from tests.report_support import PDFTOTEXT, heading_texts, stranded_headings

try:
    import weasyprint  # noqa: F401  (Pango is loaded on import: OSError when the system lacks it)

    WEASYPRINT = True
except (ImportError, OSError):
    WEASYPRINT = False

needs_weasyprint = pytest.mark.skipif(not WEASYPRINT, reason="WeasyPrint (naravard[pdf]) or Pango is missing")


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The conformance repository's report as PDF, and as HTML to compare with (rendered once)."""
    out = tmp_path_factory.mktemp("pdf")
    files = build_report(CONFORMANCE, 2024, out, formats=("pdf", "html"))
    return next(p for p in files if p.suffix == ".pdf"), next(p for p in files if p.suffix == ".html")


def structure(node: Any, found: dict[str, list[Any]]) -> dict[str, list[Any]]:
    """Every structure element of the tag tree, by its type (/H2, /Table, /Figure …)."""
    from pypdf.generic import ArrayObject, DictionaryObject

    node = node.get_object()
    if isinstance(node, ArrayObject):
        for kid in node:
            structure(kid, found)
    elif isinstance(node, DictionaryObject):
        if "/S" in node:
            found.setdefault(str(node["/S"]), []).append(node)
        if "/K" in node:
            structure(node["/K"], found)
    return found


@needs_weasyprint
def test_the_pdf_is_tagged_with_language_title_and_pdf_ua(rendered: tuple[Path, Path]) -> None:
    from pypdf import PdfReader

    reader = PdfReader(rendered[0])
    catalog: Any = reader.trailer["/Root"]
    assert catalog["/Lang"] == "sv"
    assert bool(catalog["/MarkInfo"]["/Marked"])
    assert bool(catalog["/ViewerPreferences"]["/DisplayDocTitle"])
    assert reader.metadata is not None
    assert reader.metadata.title == "Region Dalarna: uppföljning av omställningen till nära vård 2024"
    assert b"pdfuaid:part" in catalog["/Metadata"].get_data()


@needs_weasyprint
def test_headings_tables_and_figures_are_in_the_tag_tree(rendered: tuple[Path, Path]) -> None:
    from pypdf import PdfReader

    pdf, html = rendered
    root: Any = PdfReader(pdf).trailer["/Root"]
    tags = structure(root["/StructTreeRoot"], {})
    source = html.read_text(encoding="utf-8")
    assert len(tags["/H1"]) == 1 and len(tags["/H2"]) == source.count("<h2")
    assert len(tags["/Table"]) == source.count("<table") and tags["/TH"]
    alts = [str(figure.get("/Alt", "")) for figure in tags["/Figure"]]
    assert len(alts) == source.count("<img ") and all(len(alt) > 40 for alt in alts)
    assert any(alt.startswith("Värmekarta över självskattningen 2024") for alt in alts)


@needs_weasyprint
def test_bookmarks_follow_the_headings(rendered: tuple[Path, Path]) -> None:
    from pypdf import PdfReader

    outline: Any = PdfReader(rendered[0]).outline
    assert outline[0].title == "Uppföljning av omställningen till nära vård 2024"
    chapters = [item.title for item in outline[1] if not isinstance(item, list)]
    assert chapters[:3] == ["Sammanfattning", "Självskattning", "Nyckeltal"]


@needs_weasyprint
def test_every_page_has_its_number_and_the_closed_file_list_is_printed(rendered: tuple[Path, Path]) -> None:
    from pypdf import PdfReader

    pages = [page.extract_text() for page in PdfReader(rendered[0]).pages]
    for number, text in enumerate(pages, start=1):
        assert f"Sida {number} av {len(pages)}" in text
    _, label, files = " ".join(pages).partition("Filer som rapporten bygger på")
    assert label and "data/region/strategi.yaml" in files


@needs_weasyprint
@pytest.mark.skipif(PDFTOTEXT is None, reason="pdftotext (poppler-utils) reads the pages")
def test_no_pdf_page_ends_with_a_heading(rendered: tuple[Path, Path]) -> None:
    pdf, html = rendered
    assert stranded_headings(pdf, heading_texts(html.read_text(encoding="utf-8"))) == []


@needs_weasyprint
def test_the_renderer_fetches_nothing_but_data_uris(tmp_path: Path) -> None:
    import base64
    import io

    from PIL import Image
    from pypdf import PdfReader

    from naravard.report.pdf import html_to_pdf

    png = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(png, format="PNG")
    (tmp_path / "local.png").write_bytes(png.getvalue())
    inline = "data:image/png;base64," + base64.b64encode(png.getvalue()).decode()

    def images(src: str) -> int:
        page = f'<html lang="sv"><title>t</title><body><img src="{src}" alt="x"></body></html>'
        return len(PdfReader(io.BytesIO(html_to_pdf(page))).pages[0].images)

    assert images(inline) == 1
    assert images((tmp_path / "local.png").as_uri()) == 0


def test_without_weasyprint_pdf_is_refused_in_swedish_and_nothing_is_written(
    repo: Repo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from naravard.report import charts

    monkeypatch.setitem(sys.modules, "weasyprint", None)  # import fails as if it were not installed
    drawn: list[object] = []

    def draw(*args: object, **kwargs: object) -> list[object]:
        drawn.append(args)
        return []

    monkeypatch.setattr(charts, "build_charts", draw)
    with pytest.raises(UsageError, match=r"pip install 'naravard\[pdf\]'"):
        build_report(repo.root, 2024, tmp_path / "out", formats=("pdf",))
    assert drawn == []  # refused before a chart is drawn
    target = tmp_path / "cli"
    code, out, err = invoke(
        "report", "2024", "--root", str(repo.root), "--format", "pdf", "--out", str(target)
    )
    assert code == 2
    assert out == "" and "PDF kräver WeasyPrint" in err and "Traceback" not in err
    assert not target.exists()
