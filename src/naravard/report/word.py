"""The report as a Word document, built from the report's own Markdown.

The Markdown (report.md) is the source, so whatever the report says reaches Word without a second
template: markdown-it-py's tokens are walked into python-docx. Headings become Word's Heading 1–n
styles (the navigation pane's outline, and kept with the next paragraph so none is stranded at a
page foot), tables become Word tables whose header row repeats on every page, charts become
pictures with the Markdown image's alt text as their description, and links, emphasis and lists
stay what they are. The document's language is sv-SE (spelling and hyphenation in Swedish), its
title and author are in the document properties, and the page is A4. Everything is ordinary Word
content in the default styles: the analyst finishes the text in Word, and a region can restyle it.

Charts are SVG; Word pictures need a raster, drawn by resvg with matplotlib's own fonts (the ones
the SVG names), so a chart looks the same on every machine. The file is byte for byte the same for
the same Markdown: fixed zip timestamps and no creation date (Word sets it when the analyst saves).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

LANGUAGE = "sv-SE"
PAGE_MM = (210, 297)  # A4
MARGIN_MM = 20
PICTURE_MAX_CM = 16.0
PICTURE_DPI = 150  # 16 cm wide: about 190 dpi on paper; 200 dpi costs a third more time
LINK_SCHEMES = ("http://", "https://", "mailto:")


@dataclass
class _Inline:
    """The formatting that applies to the next run of text."""

    bold: int = 0
    italic: int = 0
    link: list[str] = field(default_factory=list)


def markdown_parser() -> MarkdownIt:
    """CommonMark with tables; raw HTML is text, never markup (as in the HTML report)."""
    return MarkdownIt("commonmark", {"html": False}).enable("table")


def svg_to_png(svg: str) -> bytes:
    """A chart's SVG drawn as PNG with the fonts matplotlib ships (the SVG names DejaVu Sans)."""
    from pathlib import Path

    import matplotlib
    import resvg_py

    fonts = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    png = resvg_py.svg_to_bytes(
        svg_string=svg,
        skip_system_fonts=True,
        font_dirs=[str(fonts)],
        sans_serif_family="DejaVu Sans",
        dpi=PICTURE_DPI,
        background="#ffffff",
    )
    return bytes(png)


def markdown_to_docx(
    markdown: str, pictures: Mapping[str, bytes], *, author: str, subject: str = ""
) -> bytes:
    """The Markdown as a .docx file, titled by its first heading. `pictures` maps an image's src
    in the Markdown to PNG bytes; an image without one is written as its alt text."""
    import docx
    from docx.shared import Mm

    # naravard.markdown writes @ as ＠ so that no Markdown site reads a mention; Word has none, and
    # CommonMark gives @ no meaning: every text of the file (runs, title, alt texts) gets it back.
    tokens = markdown_parser().parse(markdown.replace("\uff20", "@"))
    heading = next((i for i, t in enumerate(tokens) if t.type == "heading_open"), None)
    title = _text(tokens[heading + 1].children or []) if heading is not None else ""
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(PAGE_MM[0]), Mm(PAGE_MM[1])
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(MARGIN_MM))
    _set_language(document)
    _set_properties(document, title=title, author=author, subject=subject)
    _Builder(document, pictures).build(tokens)
    out = io.BytesIO()
    document.save(out)
    return _deterministic(out.getvalue())


def _set_language(document: Any) -> None:
    """sv-SE in the default run properties every style inherits, and as the theme's language."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    styles = document.styles.element
    rpr = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), LANGUAGE)
    for element in styles.iter(qn("w:lang")):
        element.set(qn("w:val"), LANGUAGE)
    settings = document.settings.element
    theme = settings.find(qn("w:themeFontLang"))
    if theme is None:
        theme = OxmlElement("w:themeFontLang")
        settings.append(theme)
    theme.set(qn("w:val"), LANGUAGE)


def _set_properties(document: Any, *, title: str, author: str, subject: str) -> None:
    from docx.oxml.ns import qn

    props = document.core_properties
    props.title = title
    props.author = author
    props.last_modified_by = author
    props.subject = subject
    props.language = LANGUAGE
    props.revision = 1
    element = props._element
    for name in ("dcterms:created", "dcterms:modified"):
        for child in element.findall(qn(name)):
            element.remove(child)


def _deterministic(data: bytes) -> bytes:
    """The same parts in the same order with a fixed timestamp: the same Markdown, the same bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()


def _text(tokens: Sequence[Token]) -> str:
    """Inline tokens as plain text (an image's alt, a heading's title)."""
    parts = []
    for token in tokens:
        if token.type in ("text", "code_inline"):
            parts.append(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif token.children:
            parts.append(_text(token.children))
    return "".join(parts)


class _Builder:
    """Walks the block tokens; each block adds paragraphs or a table to the document."""

    def __init__(self, document: Any, pictures: Mapping[str, bytes]) -> None:
        self.document = document
        self.pictures = pictures
        self.lists: list[str] = []  # "bullet" or "ordered", innermost last
        self.quote = 0

    def build(self, tokens: Sequence[Token]) -> None:
        index = 0
        while index < len(tokens):
            index = self._block(tokens, index)

    def _block(self, tokens: Sequence[Token], index: int) -> int:
        token = tokens[index]
        kind = token.type
        if kind == "heading_open":
            level = min(int(token.tag[1:]), 9)
            paragraph = self.document.add_paragraph(style=f"Heading {level}")
            self._inline(paragraph, tokens[index + 1].children or [])
            return index + 3
        if kind == "paragraph_open":
            paragraph = self.document.add_paragraph(style=self._paragraph_style())
            self._inline(paragraph, tokens[index + 1].children or [])
            return index + 3
        if kind in ("bullet_list_open", "ordered_list_open"):
            self.lists.append("bullet" if kind == "bullet_list_open" else "ordered")
        elif kind in ("bullet_list_close", "ordered_list_close"):
            self.lists.pop()
        elif kind == "blockquote_open":
            self.quote += 1
        elif kind == "blockquote_close":
            self.quote -= 1
        elif kind == "table_open":
            return self._table(tokens, index)
        elif kind in ("fence", "code_block"):
            for line in token.content.rstrip("\n").split("\n"):
                run = self.document.add_paragraph(style=self._paragraph_style()).add_run(line)
                run.font.name = "Consolas"
        elif kind == "hr":
            from docx.enum.text import WD_BREAK

            self.document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        return index + 1

    def _paragraph_style(self) -> str:
        if self.lists:
            depth = "" if len(self.lists) == 1 else f" {min(len(self.lists), 3)}"
            return ("List Bullet" if self.lists[-1] == "bullet" else "List Number") + depth
        return "Quote" if self.quote else "Normal"

    def _table(self, tokens: Sequence[Token], index: int) -> int:
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Pt

        rows: list[list[tuple[list[Token], bool, bool]]] = []  # (inline, header, right-aligned)
        header_rows = 0
        index += 1
        while tokens[index].type != "table_close":
            token = tokens[index]
            if token.type == "tr_open":
                rows.append([])
            elif token.type in ("th_open", "td_open"):
                right = "text-align:right" in str(token.attrs.get("style", ""))
                rows[-1].append((tokens[index + 1].children or [], token.type == "th_open", right))
            elif token.type == "thead_close":
                header_rows = len(rows)
            index += 1
        columns = max((len(row) for row in rows), default=0)
        table = self.document.add_table(rows=len(rows), cols=columns, style="Table Grid")
        texts = [[_text(inline) for inline, _, _ in row] for row in rows]
        lengths = [[(len(t), max(map(len, t.split()), default=0)) for t in row] for row in texts]
        _set_widths(table, lengths, columns)
        for number, (row, cells) in enumerate(zip(table.rows, rows, strict=True)):
            _keep_row_whole(row)  # cantSplit before tblHeader: the schema's order
            if number < header_rows:
                _repeat_as_header(row)
            for cell, (inline, header, right) in zip(row.cells, cells, strict=False):
                paragraph = cell.paragraphs[0]
                paragraph.paragraph_format.space_after = Pt(0)
                if right:
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                self._inline(paragraph, inline, bold=header, size=Pt(9))
        self.document.add_paragraph()  # Word needs a paragraph between two tables
        return index + 1

    def _inline(
        self, paragraph: Any, tokens: Sequence[Token], *, bold: bool = False, size: Any = None
    ) -> None:
        state = _Inline(bold=int(bold))
        for token in tokens:
            kind = token.type
            if kind == "text":
                self._run(paragraph, token.content, state, size)
            elif kind == "code_inline":
                self._run(paragraph, token.content, state, size).font.name = "Consolas"
            elif kind == "softbreak":
                self._run(paragraph, " ", state, size)
            elif kind == "hardbreak":
                paragraph.add_run().add_break()
            elif kind == "strong_open":
                state.bold += 1
            elif kind == "strong_close":
                state.bold -= 1
            elif kind == "em_open":
                state.italic += 1
            elif kind == "em_close":
                state.italic -= 1
            elif kind == "link_open":
                state.link.append(str(token.attrs.get("href", "")))
            elif kind == "link_close":
                state.link.pop()
            elif kind == "image":
                self._picture(paragraph, str(token.attrs.get("src", "")), _text(token.children or []))

    def _run(self, paragraph: Any, text: str, state: _Inline, size: Any) -> Any:
        href = state.link[-1] if state.link else ""
        if href.startswith(LINK_SCHEMES):
            run = _hyperlink_run(paragraph, href)
            run.text = text
        else:
            run = paragraph.add_run(text)
        run.bold = bool(state.bold) or None
        run.italic = bool(state.italic) or None
        if size is not None:
            run.font.size = size
        return run

    def _picture(self, paragraph: Any, src: str, alt: str) -> None:
        from docx.shared import Cm, Emu

        png = self.pictures.get(src)
        if png is None:
            paragraph.add_run(alt).italic = True
            return
        run = paragraph.add_run()
        shape = run.add_picture(io.BytesIO(png))
        if shape.width > Cm(PICTURE_MAX_CM):
            shape.height = Emu(int(shape.height * Cm(PICTURE_MAX_CM) / shape.width))
            shape.width = Cm(PICTURE_MAX_CM)
        doc_pr = shape._inline.docPr
        doc_pr.set("descr", alt)
        doc_pr.set("name", src)
        paragraph.paragraph_format.keep_with_next = True  # a chart stays with the table under it


def _set_widths(table: Any, lengths: list[list[tuple[int, int]]], columns: int) -> None:
    """Columns as wide as their text needs, within the page: a long name gets room, a number
    little (python-docx gives every column the same width, which LibreOffice keeps)."""
    from docx.shared import Mm

    def longest(column: int, measure: int) -> int:
        return max((row[column][measure] for row in lengths if column < len(row)), default=1)

    # A column fits its longest word (never "Kommu-n") and, up to a point, its longest text.
    weights = [max(longest(c, 1), min(longest(c, 0), 28)) + 3 for c in range(columns)]
    page = Mm(PAGE_MM[0] - 2 * MARGIN_MM)
    for index, column in enumerate(table.columns):
        width = int(page * weights[index] / sum(weights))
        column.width = width
        for cell in column.cells:
            cell.width = width


def _repeat_as_header(row: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(header)


def _keep_row_whole(row: Any) -> None:
    from docx.oxml import OxmlElement

    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def _hyperlink_run(paragraph: Any, href: str) -> Any:
    """A run inside a w:hyperlink to an external address, in Word's Hyperlink character style."""
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.text.run import Run

    rel = paragraph.part.relate_to(href, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel)
    paragraph._p.append(link)
    r = OxmlElement("w:r")
    link.append(r)
    run = Run(r, paragraph)
    run.underline = True
    return run
