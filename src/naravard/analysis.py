"""The analysts' own text for a year's report: `data/region/analys-<år>.md` (optional).

The text before the first `##` heading opens the report, before the summary's figures. Each
`## Rubrik` that names a section of the report (Sammanfattning, Självskattning, Nyckeltal,
Aktiviteter, Reflektioner, Kommunerna, Bilaga) puts the text under it first in that section.
It is Markdown, rendered by markdown-it-py with raw HTML escaped and images off, never run: a
`<script>` in it is shown as text. `validate` checks that the file is UTF-8 (NV002) and says
where a heading names no section (NV218), since that text would otherwise have no place.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from naravard.discover import GitSnapshot, Snapshot
from naravard.findings import Code, Finding, Location
from naravard.loader.encoding import Decoded, decode

SECTIONS: dict[str, str] = {
    "sammanfattning": "sammanfattning",
    "självskattning": "sjalvskattning",
    "nyckeltal": "nyckeltal",
    "aktiviteter": "aktiviteter",
    "reflektioner": "reflektioner",
    "kommunerna": "kommuner",
    "kommunen": "kommuner",
    "bilaga": "bilaga",
}
NAME = re.compile(r"analys-([0-9]{4})\.md\Z")
MAX_BYTES = 1024 * 1024
ANALYSIS_HEADING = Code(
    "NV218",
    "analysis-heading",
    "Rubriken i analysen är inget avsnitt i rapporten",
    doc="""
Analytikernas text för årsrapporten ligger i `data/region/analys-<år>.md` (Markdown, UTF-8).
Texten före första `##`-rubriken inleder rapporten, före sammanfattningens siffror. Varje
`## Rubrik` som heter som ett avsnitt i rapporten (Sammanfattning, Självskattning, Nyckeltal,
Aktiviteter, Reflektioner, Kommunerna, Bilaga) lägger texten under sig först i det avsnittet.
En `#`-rubrik eller en `##`-rubrik som inte heter som ett avsnitt får ingen plats i rapporten.

Fel:

```markdown
## Ekonomi
Kostnaderna ökade.
```

Så rättar du: använd ett av avsnittens namn (`## Nyckeltal`), eller gör rubriken till en
underrubrik (`### Ekonomi`) under ett avsnitt.
""",
)
CODE = ANALYSIS_HEADING.code


@dataclass(frozen=True)
class AnalysisPart:
    """A part of the analysts' text, as HTML (escaped, never run) and as Markdown."""

    html: str
    markdown: str


@dataclass(frozen=True)
class Analysis:
    """The analysts' text: the opening, and the parts for the report's sections (by section id)."""

    file: str | None = None
    opening: AnalysisPart | None = None
    sections: dict[str, AnalysisPart] = field(default_factory=dict)


def _markdown() -> object:
    from markdown_it import MarkdownIt

    # commonmark without raw HTML (it is escaped) and without images (nothing is loaded).
    return MarkdownIt("commonmark", {"html": False}).disable("image")


FOLDER = "data/region/"


def _names(root: Path, snapshot: Snapshot | None) -> list[str]:
    """The names of the analysts' files in data/region/ of the working tree or of `snapshot`."""
    if snapshot is not None:
        names = [rel.removeprefix(FOLDER) for rel in snapshot.paths() if rel.startswith(FOLDER)]
    else:
        try:
            names = os.listdir(root / FOLDER)
        except OSError:
            return []
    return sorted(n for n in names if NAME.match(n))


def _read(root: Path, snapshot: Snapshot | None, name: str) -> str | Finding:
    """The text of `data/region/<name>` in the working tree or in `snapshot`, or why it is not read."""
    rel = FOLDER + name
    if snapshot is not None:
        data = snapshot.read(rel)
        if data is None and isinstance(snapshot, GitSnapshot) and rel in snapshot.too_large:
            return Finding(Location(rel), "NV009", _TOO_LARGE)
        if data is None:  # in a revision: a symbolic link
            return Finding(Location(rel), "NV009", _NOT_A_FILE)
    else:
        path = root / rel
        try:
            info = os.lstat(path)
        except OSError:
            return Finding(Location(rel), "NV009", "Filen kan inte läsas.")
        if not stat.S_ISREG(info.st_mode):
            return Finding(Location(rel), "NV009", _NOT_A_FILE)
        if info.st_size > MAX_BYTES:
            return Finding(Location(rel), "NV009", _TOO_LARGE)
        data = path.read_bytes()
    if len(data) > MAX_BYTES:
        return Finding(Location(rel), "NV009", _TOO_LARGE)
    decoded = decode(data)
    if not isinstance(decoded, Decoded):
        return Finding(Location(rel, decoded.line, decoded.column), "NV002", decoded.message)
    return decoded.text.replace("\r\n", "\n")


_NOT_A_FILE = "Filen är en länk eller inte en vanlig fil; den läses inte."
_TOO_LARGE = "Filen är större än 1 MB; den läses inte."


def _headings(text: str) -> Iterator[tuple[int, int, str]]:
    """(level, 0-based line, text) of each `#` and `##` heading, as markdown-it finds them."""
    tokens = _markdown().parse(text)  # type: ignore[attr-defined]
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.tag in ("h1", "h2") and token.map:
            yield int(token.tag[1]), token.map[0], tokens[index + 1].content.strip()


def _section(title: str) -> str | None:
    return SECTIONS.get(" ".join(title.split()).lower().rstrip(":"))


def _escape_html_in_markdown(text: str) -> str:
    """The analysts' Markdown for report.md: raw HTML shown as text, an image only as its link."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("![", "!\\[")


def _part(lines: list[str]) -> AnalysisPart | None:
    text = "\n".join(lines).strip("\n")
    if not text.strip():
        return None
    html = _markdown().render(text)  # type: ignore[attr-defined]
    return AnalysisPart(html, _escape_html_in_markdown(text))


def read_analysis(root: Path, year: int, snapshot: Snapshot | None = None) -> Analysis:
    """The analysts' text for `year`, or an empty one when there is none or it cannot be read.

    From `snapshot` when the repository was read from one (a git revision), else the working tree.
    """
    name = f"analys-{year}.md"
    if name not in _names(root, snapshot):
        return Analysis()
    text = _read(root, snapshot, name)
    if isinstance(text, Finding):
        return Analysis()
    lines = text.split("\n")
    cuts = [(line, _section(title)) for level, line, title in _headings(text) if level == 2]
    opening_end = cuts[0][0] if cuts else len(lines)
    # An h1 before the first section is dropped: the report has its own title.
    opening_lines = [
        line
        for i, line in enumerate(lines[:opening_end])
        if i not in {h[1] for h in _headings(text) if h[0] == 1}
    ]
    sections: dict[str, AnalysisPart] = {}
    for index, (start, section) in enumerate(cuts):
        end = cuts[index + 1][0] if index + 1 < len(cuts) else len(lines)
        part = _part(lines[start + 1 : end])
        if section is not None and part is not None:
            previous = sections.get(section)
            sections[section] = (
                AnalysisPart(previous.html + part.html, previous.markdown + "\n\n" + part.markdown)
                if previous
                else part
            )
    return Analysis(f"data/region/analys-{year}.md", _part(opening_lines), sections)


def analysis_findings(root: Path, snapshot: Snapshot | None = None) -> list[Finding]:
    """What validate says about `data/region/analys-*.md`: not UTF-8, or a heading with no section.

    The files are those of `snapshot` when the data was read from one (a git revision), so the
    analysis is checked at the same revision as the data; else the working tree's.
    """
    found: list[Finding] = []
    for name in _names(root, snapshot):
        rel = FOLDER + name
        text = _read(root, snapshot, name)
        if isinstance(text, Finding):
            found.append(text)
            continue
        known = ", ".join(dict.fromkeys(s.capitalize() for s in SECTIONS))
        for level, line, title in _headings(text):
            if level == 1:
                message = (
                    f"Rubriken `# {title}` har en # för lite: rapporten har egen titel. Skriv `## ` och "
                    f"ett av avsnitten ({known}), eller `### ` för en underrubrik."
                )
                found.append(Finding(Location(rel, line + 1, 1), CODE, message))
            elif _section(title) is None:
                message = (
                    f"Rubriken `## {title}` är inget avsnitt i rapporten, så texten under den får ingen "
                    f"plats. Använd ett av avsnitten ({known}), eller `### ` för en underrubrik."
                )
                found.append(Finding(Location(rel, line + 1, 1), CODE, message))
    return found
