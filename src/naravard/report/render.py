"""Context and charts → HTML and Markdown files, through jinja templates that only format.

Templates ship inside the package (naravard/templates/); a repository's own templates/ folder
overrides any of them by name. Autoescaping is on for every HTML template whatever its file
name (select_autoescape would miss `*.html.j2`); Markdown escapes through its own filter.
"""

from __future__ import annotations

import base64
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import jinja2

from naravard.atomic import write_or_fail
from naravard.privacy import mask
from naravard.report.charts import Chart
from naravard.report.context import RIKTNING_NAMES, UNIT_NAMES, ReportContext

CELL_WORDS = {"inlamnad": "Inlämnad", "fel": "Inlämnad med fel", "saknas": "Saknas"}
VERDICT_WORDS = {
    "battre": "bättre",
    "samre": "sämre",
    "lika": "som medianen",
    "neutral": "",
    "saknas": "saknas",
}


def number(value: float | int | None, decimals: int = 2) -> str:
    """A number the Swedish way: decimal comma, thin space between thousands, – for none."""
    if value is None:
        return "–"
    text = f"{value:,.{decimals}f}".rstrip("0").rstrip(".") if isinstance(value, float) else f"{value:,}"
    return text.replace(",", "\u202f").replace(".", ",")


def score(value: int | None) -> str:
    """A score, or – when there is none."""
    return "–" if value is None else str(value)


def md_cell(value: Any) -> str:
    """Text safe inside a Markdown table cell (and outside one): no raw HTML, no broken rows."""
    text = str(value)
    for char in ("\\", "|", "*", "_", "`", "[", "]", "<", ">", "#"):
        text = text.replace(char, "\\" + char)
    return " ".join(text.split())


def svg_data_uri(chart: Chart) -> str:
    """A chart as a data: URI, so the HTML file needs nothing from anywhere else."""
    return "data:image/svg+xml;base64," + base64.b64encode(mask(chart.svg).encode("utf-8")).decode("ascii")


def _environment(overrides: Path | None, *, html: bool) -> jinja2.Environment:
    loaders: list[jinja2.BaseLoader] = []
    if overrides is not None and overrides.is_dir():
        loaders.append(jinja2.FileSystemLoader(str(overrides)))
    loaders.append(jinja2.PackageLoader("naravard", "templates"))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        undefined=jinja2.StrictUndefined,
        autoescape=html,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(num=number, score=score, md=md_cell, datauri=svg_data_uri)
    env.globals.update(
        cell_words=CELL_WORDS,
        verdict_words=VERDICT_WORDS,
        riktning_words=RIKTNING_NAMES,
        unit_words=UNIT_NAMES,
    )
    return env


def report_name(context: ReportContext) -> str:
    """`rapport-2024`, or `rapport-2024-falun` for a kommun's own report (ids are validated slugs)."""
    return "-".join(["rapport", str(context.year), *context.focus])


def _write(path: Path, text: str, *, root: Path) -> Path:
    data = mask(text).encode("utf-8")  # where the data leaves: a personnummer only ever masked
    # Output paths are built from validated slugs; this asserts they stay inside the folder (issue 7).
    resolved = path.resolve()
    if not resolved.is_relative_to(root.resolve()):
        raise ValueError(f"{path} would land outside {root}")
    resolved.parent.mkdir(parents=True, exist_ok=True)
    write_or_fail(resolved, data)
    return resolved


def render_html(context: ReportContext, charts: Sequence[Chart], *, templates: Path | None = None) -> str:
    """The report as one self-contained HTML document."""
    env = _environment(templates, html=True)
    return env.get_template("report.html.j2").render(r=context, charts={c.name: c for c in charts})


def render_markdown(context: ReportContext, charts: Sequence[Chart], *, templates: Path | None = None) -> str:
    """The report as Markdown that links the charts as SVG files beside it."""
    env = _environment(templates, html=False)
    return env.get_template("report.md.j2").render(r=context, charts={c.name: c for c in charts})


def write_report(
    context: ReportContext,
    charts: Sequence[Chart],
    out: Path,
    *,
    formats: Sequence[str],
    templates: Path | None = None,
) -> list[Path]:
    """Write the report into `out`: NAME.html and/or NAME/report.md with NAME/*.svg."""
    name = report_name(context)
    written = []
    if "html" in formats:
        html = render_html(context, charts, templates=templates)
        written.append(_write(out / f"{name}.html", html, root=out))
    if "md" in formats:
        folder = out / name
        for chart in charts:
            if chart.svg:
                written.append(_write(folder / f"{chart.name}.svg", chart.svg, root=out))
        markdown = render_markdown(context, charts, templates=templates)
        written.append(_write(folder / "report.md", markdown, root=out))
    return written
