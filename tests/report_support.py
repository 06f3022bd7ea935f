"""Helpers for the tests of the report's outputs: Chromium, printed pages, headings.

Programs the tests use when the machine has them (.ci/run installs them): Chromium (printing and
axe-core), poppler's pdftotext (the lines of a printed page) and LibreOffice (opening Word files).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
PDFTOTEXT = shutil.which("pdftotext")
SOFFICE = shutil.which("soffice")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
A4_CONTENT_PX = round((210 - 2 * 14) / 25.4 * 96)  # the print CSS's A4 page less its side margins
MARGIN_TEXT = re.compile(r"Sida \d+ av \d+|.+ · Uppföljning av omställningen till nära vård \d{4}")
HEADING_MIN_PT = 11.0  # body text prints at 9.5 pt, chart labels smaller, headings from 13 pt


@contextmanager
def chromium() -> Iterator[Any]:
    """The machine's Chromium, driven by Playwright (never a downloaded browser).

    Starting it costs a second and a half: a test module starts it once (the `browser` fixture of
    tests/conftest.py) and each test opens its own context (chromium_page)."""
    from playwright.sync_api import sync_playwright

    assert CHROMIUM is not None
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@contextmanager
def chromium_page(browser: Any, **context_options: Any) -> Iterator[Any]:
    """A page in a context of its own (options, storage, cookies), closed after."""
    context = browser.new_context(**context_options)
    try:
        yield context.new_page()
    finally:
        context.close()


def print_to_pdf(browser: Any, html: Path, pdf: Path) -> Path:
    """The HTML printed to A4 by Chromium, as a reader's browser would with its own CSS."""
    with chromium_page(browser) as page:
        page.goto(html.as_uri())
        page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)
    return pdf


def page_texts(pdf: Path) -> list[str]:
    """Every page's whole text, page-margin texts included (poppler's pdftotext: a tenth of a
    second for the shipped report's 65 pages, where pypdf takes seconds)."""
    assert PDFTOTEXT is not None
    text = subprocess.run([PDFTOTEXT, str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")[:-1]  # each page ends with a form feed


@dataclass(frozen=True)
class Line:
    text: str
    height: float  # points: tells a heading from body text and chart labels


def page_lines(pdf: Path) -> list[list[Line]]:
    """Every page's lines of text, top to bottom, without the page-margin texts."""
    assert PDFTOTEXT is not None
    xhtml = subprocess.run(
        [PDFTOTEXT, "-bbox-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    root = ET.fromstring(re.sub(r"<!DOCTYPE[^>]*>", "", xhtml))
    pages = []
    for page in root.iter("{http://www.w3.org/1999/xhtml}page"):
        lines = []
        for line in page.iter("{http://www.w3.org/1999/xhtml}line"):
            words = [w.text or "" for w in line.iter("{http://www.w3.org/1999/xhtml}word")]
            text = " ".join(words)
            if not MARGIN_TEXT.fullmatch(text):
                y = float(line.get("yMax", 0))
                lines.append((y, Line(text, y - float(line.get("yMin", 0)))))
        pages.append([line for _, line in sorted(lines, key=lambda pair: pair[0])])
    return pages


class _Headings(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.texts: list[str] = []
        self.inside = 0

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in ("h1", "h2", "h3", "h4"):
            self.inside += 1
            self.texts.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("h1", "h2", "h3", "h4"):
            self.inside -= 1

    def handle_data(self, data: str) -> None:
        if self.inside:
            self.texts[-1] += data


def heading_texts(html: str) -> set[str]:
    parser = _Headings()
    parser.feed(html)
    return {" ".join(text.split()) for text in parser.texts}


def stranded_headings(pdf: Path, headings: set[str]) -> list[tuple[int, str]]:
    """(page, heading) for every page whose last line is a heading, its content on the next page."""
    stranded = []
    pages = page_lines(pdf)
    for number, lines in enumerate(pages[:-1], start=1):
        if lines and lines[-1].text in headings and lines[-1].height >= HEADING_MIN_PT:
            stranded.append((number, lines[-1].text))
    return stranded


def first_page_with_heading(pages: list[list[Line]], heading: str) -> int:
    """The number of the first of `pages` (page_lines) that has `heading` as a heading."""
    for number, lines in enumerate(pages, start=1):
        if any(line.text == heading and line.height >= HEADING_MIN_PT for line in lines):
            return number
    raise AssertionError(f"{heading!r} is on no page")
