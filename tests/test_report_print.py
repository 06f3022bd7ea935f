"""The HTML report printed to A4 by Chromium: no stranded heading, wide tables whole, the summary first."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from naravard.api import build_report
from tests.authoring_support import invoke
from tests.conftest import PROJECT
from tests.report_support import (
    A4_CONTENT_PX,
    CHROMIUM,
    PDFTOTEXT,
    chromium_page,
    first_page_with_heading,
    heading_texts,
    page_lines,
    page_texts,
    print_to_pdf,
    stranded_headings,
)

pytestmark = pytest.mark.skipif(
    CHROMIUM is None or PDFTOTEXT is None,
    reason="Chromium and pdftotext (poppler-utils) print and read the pages (.ci/run installs them)",
)


def html_report(root: Path, out: Path) -> Path:
    [html] = build_report(root, 2024, out, formats=("html",))
    return html


@pytest.fixture(scope="module")
def shipped_print(browser: Any, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The shipped data's report (15 kommuner, every one submitted) and its A4 printout."""
    out = tmp_path_factory.mktemp("shipped")
    html = html_report(PROJECT, out)
    return html, print_to_pdf(browser, html, out / "print.pdf")


@pytest.fixture(scope="module")
def vasterbotten(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Västerbotten's example repository: eight strategier, so nine-column tables."""
    root = tmp_path_factory.mktemp("vb") / "repo"
    code, _, err = invoke("init", str(root), "--region", "vasterbotten", "--exempel")
    assert code == 0, err
    return html_report(root, root.parent / "out")


def test_no_printed_page_ends_with_a_heading(shipped_print: tuple[Path, Path]) -> None:
    html, pdf = shipped_print
    headings = heading_texts(html.read_text(encoding="utf-8"))
    assert "Fast vårdkontakt / fast läkarkontakt i primärvården" in headings
    assert stranded_headings(pdf, headings) == []


def test_the_summary_for_decision_makers_comes_first_in_at_most_three_pages(
    shipped_print: tuple[Path, Path],
) -> None:
    pages = page_lines(shipped_print[1])
    assert first_page_with_heading(pages, "Sammanfattning") == 1
    assert first_page_with_heading(pages, "Självskattning") <= 4
    assert first_page_with_heading(pages, "Bilaga: underlag") > first_page_with_heading(pages, "Kommunerna")


def test_every_page_has_its_number_and_the_closed_file_list_is_printed(
    shipped_print: tuple[Path, Path],
) -> None:
    from pypdf import PdfReader

    _, pdf = shipped_print
    pages = page_texts(pdf)
    assert len(pages) == len(PdfReader(pdf).pages)
    for number, text in enumerate(pages, start=1):
        assert f"Sida {number} av {len(pages)}" in text
    assert "Region Dalarna · Uppföljning av omställningen till nära vård 2024" in pages[1]
    printed = " ".join(line.text for lines in page_lines(pdf) for line in lines)
    _, label, files = printed.partition("Filer som rapporten bygger på")
    assert label and "data/region/strategi.yaml" in files


def test_vasterbottens_nine_column_tables_fit_the_printed_page(browser: Any, vasterbotten: Path) -> None:
    with chromium_page(browser, viewport={"width": A4_CONTENT_PX, "height": 1000}) as page:
        page.goto(vasterbotten.as_uri())
        page.emulate_media(media="print")
        widths = page.evaluate(
            "Array.from(document.querySelectorAll('table')).map(t =>"
            " [t.querySelector('caption')?.textContent, t.querySelectorAll('thead th').length,"
            "  Math.ceil(t.getBoundingClientRect().right)])"
        )
    assert max(columns for _, columns, _ in widths) >= 9
    assert [(caption, right) for caption, _, right in widths if right > A4_CONTENT_PX] == []


def test_vasterbottens_last_strategy_is_printed(browser: Any, vasterbotten: Path, tmp_path: Path) -> None:
    pdf = print_to_pdf(browser, vasterbotten, tmp_path / "vb.pdf")
    table = next(lines for lines in page_lines(pdf) if any("(i parentes" in line.text for line in lines))
    text = " ".join(line.text for line in table)
    assert "jobba!" in text  # "Här vill jag jobba!", the ninth column, once clipped
