"""Context and charts → HTML and Markdown files, through jinja templates that only format.

Templates ship inside the package (naravard/templates/). A repository's own `templates/`
folder overrides any of them by name, but only when the person running the report asks for
it (`--egna-mallar`): a pull request must not be able to change what the reviewer's report
does (issue 18). Then every template, the package's too, runs in jinja's immutable sandbox with
no access to Python internals, and an override is read only as a regular file inside the
repository (no links). The package's templates alone are naravard's own code, and the data
reaches them as values, never as template source: they run outside the sandbox, which took half
their rendering time (issue 18: 1.35 s → 0.65 s for the national HTML report; the output is the
same, tests/test_report.py). The Content-Security-Policy is put in by this module after
rendering, when the HTML has been checked to hold no script and no way to load anything (`safe_html`).

Autoescaping is on for every HTML template whatever its file name (select_autoescape would
miss `*.html.j2`); Markdown escapes through the `md` filter (`md_cell`, naravard.markdown).
"""

from __future__ import annotations

import base64
import functools
import os
import re
import stat
from collections.abc import Callable, Iterator, Sequence
from html import unescape
from pathlib import Path
from typing import Any

import jinja2
import markupsafe
from jinja2.sandbox import ImmutableSandboxedEnvironment

from naravard.atomic import write_or_fail
from naravard.errors import UsageError
from naravard.markdown import escape_inline
from naravard.numbers import number
from naravard.privacy import mask
from naravard.report.charts import Chart
from naravard.report.context import RIKTNING_NAMES, UNIT_NAMES, ReportContext

CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'"
CSP_META = f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
CELL_WORDS = {"inlamnad": "Inlämnad", "fel": "Inlämnad med fel", "utkast": "Utkast", "saknas": "Saknas"}
VERDICT_WORDS = {
    "battre": "bättre",
    "samre": "sämre",
    "oforandrad": "som medianen",
    "neutral": "",
    "okand": "saknas",
}
MAX_TEMPLATE_BYTES = 256 * 1024


def score(value: float | None) -> str:
    """A score (a whole number), or – when there is none."""
    return "–" if value is None else str(int(value))


def md_cell(value: Any) -> str:
    """Text safe inside a Markdown table cell (and outside one): naravard.markdown's one escaper,
    on one line (no raw HTML, link, image, mention or broken row)."""
    return " ".join(escape_inline(str(value)).split())


def css_string(value: Any) -> markupsafe.Markup:
    """Text as a quoted CSS string inside <style>: anything but letters, digits and spaces is
    escaped as a code point, so no quote, backslash or `</style>` can end it."""
    text = " ".join(str(value).split())
    escaped = "".join(c if c.isalnum() or c == " " else f"\\{ord(c):x} " for c in text)
    return markupsafe.Markup(f'"{escaped}"')


def svg_data_uri(chart: Chart) -> str:
    """A chart as a data: URI, so the HTML file needs nothing from anywhere else."""
    return "data:image/svg+xml;base64," + base64.b64encode(mask(chart.svg).encode("utf-8")).decode("ascii")


class RepositoryTemplates(jinja2.BaseLoader):
    """A repository's `templates/`: regular files inside it, never through a link.

    A name that does not exist there falls through to the package's template of that name.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str | None, Callable[[], bool] | None]:
        parts = template.split("/")
        if any(part in ("", ".", "..") or "\\" in part or "\0" in part for part in parts):
            raise UsageError(f"Mallnamnet `{template}` pekar utanför templates/ i repositoriet.")
        path = self.folder
        for index, part in enumerate(("", *parts)):
            path = path / part if part else path
            try:
                info = os.lstat(path)
            except (FileNotFoundError, NotADirectoryError):
                raise jinja2.TemplateNotFound(template) from None
            except OSError:
                raise UsageError(f"Den egna mallen templates/{template} kunde inte läsas.") from None
            shown = "templates/" + "/".join(parts[:index]) if index else "templates/"
            if stat.S_ISLNK(info.st_mode):
                raise UsageError(
                    f"{shown} är en länk. Egna mallar läses bara som vanliga filer i repositoriet."
                )
            last = index == len(parts)
            if not last and not stat.S_ISDIR(info.st_mode):
                raise jinja2.TemplateNotFound(template)
        if not stat.S_ISREG(info.st_mode):
            raise UsageError(f"templates/{template} är inte en vanlig fil.")
        if info.st_size > MAX_TEMPLATE_BYTES:
            raise UsageError(f"templates/{template} är för stor för en mall ({info.st_size} byte).")
        try:
            source = path.read_bytes().decode("utf-8")
        except UnicodeDecodeError:
            raise UsageError(f"templates/{template} är inte sparad som UTF-8.") from None
        return source, None, lambda: False


def _environment(overrides: Path | None, *, html: bool, sandbox: bool = False) -> jinja2.Environment:
    """The templates' environment: with a repository's `overrides`, always in the sandbox."""
    loaders: list[jinja2.BaseLoader] = []
    if overrides is not None:
        loaders.append(RepositoryTemplates(overrides))
    loaders.append(jinja2.PackageLoader("naravard", "templates"))
    kind = ImmutableSandboxedEnvironment if sandbox or overrides is not None else jinja2.Environment
    env = kind(
        loader=jinja2.ChoiceLoader(loaders),
        undefined=jinja2.StrictUndefined,
        autoescape=html,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    # Helpers a template has no need of, whose functions lead to module globals (issue 18).
    for name in ("lipsum", "cycler", "joiner", "namespace"):
        env.globals.pop(name, None)
    env.filters.update(num=number, score=score, md=md_cell, datauri=svg_data_uri, css=css_string)
    env.globals.update(
        cell_words=CELL_WORDS,
        verdict_words=VERDICT_WORDS,
        riktning_words=RIKTNING_NAMES,
        unit_words=UNIT_NAMES,
    )
    return env


@functools.lru_cache(maxsize=2)
def _shipped_environment(*, html: bool) -> jinja2.Environment:
    # The shipped templates compiled once per process (~0.4 s a report otherwise); a repository's
    # own templates get a fresh environment every time, as they may change between reports.
    return _environment(None, html=html)


def _render(name: str, context: ReportContext, charts: Sequence[Chart], overrides: Path | None) -> str:
    html = name.endswith(".html.j2")
    env = _environment(overrides, html=html) if overrides is not None else _shipped_environment(html=html)
    try:
        return env.get_template(name).render(r=context, charts={c.name: c for c in charts})
    except jinja2.TemplateSyntaxError as error:
        where = f"{error.filename or name}:{error.lineno}"
        raise UsageError(f"Mallen {where} har ett syntaxfel och kan inte användas.") from None
    except jinja2.exceptions.SecurityError:
        raise UsageError(
            f"Mallen {name} försöker nå något som en mall inte får nå (Python-objektens insida); "
            "rapporten skrivs inte."
        ) from None
    except jinja2.TemplateError:
        raise UsageError(
            f"Mallen {name} kunde inte användas: den frågar efter något som inte finns."
        ) from None


# The start tags of a document, read as html.parser reads them (its tolerant patterns, copied
# here from Python 3.11 so that another Python's parser cannot change them), but found at every `<`
# and letter: inside comments, attribute values and <style> too, where the parser would not look.
# The audit therefore sees every start tag html.parser sees, with the same attributes, and some
# more (tests/test_report_audit.py); each tag is also read as a browser reads it (below). It is a
# scan for `<` with C regexes, not a parser in Python: 0.55 s for the national HTML report, where
# html.parser took 1.7 s (issue 18).
_TAG_OPEN = re.compile(r"<[a-zA-Z]")
_TAG_NAME = re.compile(r"([a-zA-Z][^\t\n\r\f />\x00]*)(?:\s|/(?!>))*")
_TAG_END = re.compile(
    r"""<[a-zA-Z][^\t\n\r\f />\x00]*(?:[\s/]*(?:(?<=['"\s/])[^\s/>][^\s/=>]*"""
    r"""(?:\s*=+\s*(?:'[^']*'|"[^"]*"|(?!['"])[^>\s]*)\s*)?(?:\s|/(?!>))*)*)?\s*"""
)
_ATTRIBUTE = re.compile(
    r"""((?<=['"\s/])[^\s/>][^\s/=>]*)(\s*=+\s*('[^']*'|"[^"]*"|(?!['"])[^>\s]*))?(?:\s|/(?!>))*"""
)
# The same tag as a browser reads it (HTML's tokenizer): only ASCII whitespace separates, `==`
# is no single sign, and a quote opens a value only right after `=`. Where the two readings
# differ (`title==" onerror=…"`, `alt=\xa0"x onerror=…"`), both are checked.
_BROWSER_TAG_END = re.compile(
    r"""<[a-zA-Z][^\t\n\f\r />]*(?:[\t\n\f\r /]*[^\t\n\f\r />][^\t\n\f\r /=>]*"""
    r"""(?:[\t\n\f\r ]*=[\t\n\f\r ]*(?:"[^"]*"?|'[^']*'?|[^\t\n\f\r >]*))?)*[\t\n\f\r /]*"""
)
_BROWSER_NAME = re.compile(r"<[a-zA-Z][^\t\n\f\r />]*")
_BROWSER_ATTRIBUTE = re.compile(
    r"""[\t\n\f\r /]*([^\t\n\f\r />][^\t\n\f\r /=>]*)"""
    r"""(?:[\t\n\f\r ]*=[\t\n\f\r ]*("[^"]*"?|'[^']*'?|[^\t\n\f\r >]*))?"""
)
# An attribute the audit asks about has one of these in its name; a tag without any is not read further.
_ASKED = re.compile(r"on|src|href|action|data|poster|http-equiv", re.IGNORECASE)
_FORBIDDEN = frozenset({"script", "iframe", "frame", "object", "embed", "base", "link", "form", "applet"})
_TARGETS = frozenset({"src", "href", "srcset", "action", "formaction", "xlink:href", "poster", "data"})


Attributes = list[tuple[str, str | None]]


def start_tags(text: str) -> Iterator[tuple[str, Attributes, Attributes]]:
    """Every start tag of `text`, lower-cased, with its attributes (values unescaped) as
    html.parser would hand them to `handle_starttag`, and as a browser reads them; attributes
    only where `_ASKED` finds one.

    A tag is read to its end from every `<` in it, so `<a<a<a…` would cost the square of its
    length: past four readings of the whole text, the HTML is refused as one that cannot be checked.
    """
    budget = 4 * len(text) + 1_000_000
    for opened in _TAG_OPEN.finditer(text):
        at = opened.start()
        end = _TAG_END.match(text, at).end()  # type: ignore[union-attr]  # it matches at any `<`+letter
        seen = _BROWSER_TAG_END.match(text, at).end()  # type: ignore[union-attr]  # as _TAG_END
        budget -= max(end, seen) - at
        if budget < 0:
            raise UsageError(
                "Mallens HTML kan inte granskas: den har för många `<` inne i taggar, attribut och "
                "kommentarer; rapporten skrivs inte."
            )
        name = _TAG_NAME.match(text, at + 1)
        assert name is not None
        k = name.end()
        attrs: Attributes = []
        browser: Attributes = []
        if _ASKED.search(text, k, max(end, seen)):
            while k < end and (found := _ATTRIBUTE.match(text, k)):
                key, rest, value = found.group(1, 2, 3)
                if not rest:
                    value = None
                elif value[:1] == "'" == value[-1:] or value[:1] == '"' == value[-1:]:
                    value = value[1:-1]
                attrs.append((key.lower(), unescape(value) if value else value))
                k = found.end()
            k = _BROWSER_NAME.match(text, at).end()  # type: ignore[union-attr]
            while k < seen and (found := _BROWSER_ATTRIBUTE.match(text, k)) and found.end() > k:
                key, value = found.group(1, 2)
                if value is not None and value[:1] in ("'", '"'):
                    value = value[1:-1] if len(value) > 1 and value[-1] == value[0] else value[1:]
                browser.append((key.lower(), unescape(value) if value else value))
                k = found.end()
        yield name.group(1).lower(), attrs, browser


def _audit(text: str) -> tuple[list[str], int]:
    """What the HTML holds that a report must not (scripts, ways to load or run things), and how
    many <head> it has."""
    problems: list[str] = []
    heads = 0
    for tag, parsed, browser in start_tags(text):
        if tag in _FORBIDDEN:
            problems.append(f"<{tag}>")
        if tag == "head":
            heads += 1
        attrs = parsed + browser
        if tag == "meta" and any(k == "http-equiv" for k, _ in attrs):
            problems.append("<meta http-equiv>")
        for key, value in attrs:
            if key.startswith("on"):
                problems.append(f"{key}=")
            if key in _TARGETS:
                target = (value or "").strip().lower()
                if key == "src" and target.startswith("data:image/"):
                    continue
                # A link is followed only when clicked, and the CSP still holds: the analysts'
                # text may link to its sources.
                if key == "href" and target.startswith(("#", "https://", "http://", "mailto:")):
                    continue
                problems.append(f"{key}={value!r}")
    return problems, heads


# How the HTML must start, so that the policy put after its <head> is the first thing in the head a
# browser builds: a <head> inside <textarea>, or after <body>, would leave the policy in the body
# or make it text, where it does nothing. HTML's own whitespace only.
_START = re.compile(
    r"[\t\n\f\r ]*<!doctype html>[\t\n\f\r ]*<html(?:[\t\n\f\r ][^<>]*)?>[\t\n\f\r ]*<head>", re.I
)


def safe_html(html: str) -> str:
    """`html` with the report's Content-Security-Policy first in its head, once it is checked.

    Refused (a usage error) when it holds a script, an event handler, a link to anything outside
    the file, or a policy of its own: the CSP is this module's, never a template's.
    """
    problems, heads = _audit(html)
    if problems:
        found = ", ".join(dict.fromkeys(problems))
        raise UsageError(
            f"Mallen lägger till något som en rapport inte får innehålla ({found}); rapporten skrivs inte."
        )
    start = _START.match(html)
    if heads != 1 or start is None:
        raise UsageError(
            "Mallen för HTML måste börja med <!DOCTYPE html>, <html> och <head>, och ha precis en "
            "<head>; rapporten skrivs inte."
        )
    at = start.end()
    return html[:at] + "\n" + CSP_META + html[at:]


def report_name(context: ReportContext) -> str:
    """`rapport-2024`, or `rapport-2024-falun` for a kommun's own report (ids are validated slugs)."""
    return "-".join(["rapport", str(context.year), *context.focus])


def _write(path: Path, data: bytes | str, *, root: Path) -> Path:
    if isinstance(data, str):
        data = mask(data).encode("utf-8")  # where the data leaves: a personnummer only ever masked
    # Output paths are built from validated slugs; this asserts they stay inside the folder (issue 7).
    resolved = path.resolve()
    if not resolved.is_relative_to(root.resolve()):
        raise ValueError(f"{path} would land outside {root}")
    resolved.parent.mkdir(parents=True, exist_ok=True)
    write_or_fail(resolved, data)
    return resolved


def render_html(context: ReportContext, charts: Sequence[Chart], *, templates: Path | None = None) -> str:
    """The report as one self-contained HTML document (the PDF is made from it; masked)."""
    return mask(safe_html(_render("report.html.j2", context, charts, templates)))


def render_markdown(context: ReportContext, charts: Sequence[Chart], *, templates: Path | None = None) -> str:
    """The report as Markdown that links the charts as SVG files beside it (Word is made from it; masked)."""
    return mask(_render("report.md.j2", context, charts, templates))


def write_report(
    context: ReportContext,
    charts: Sequence[Chart],
    out: Path,
    *,
    formats: Sequence[str],
    templates: Path | None = None,
) -> list[Path]:
    """Write the report into `out`: NAME.html, NAME/report.md with NAME/*.svg, NAME.docx, NAME.pdf.

    Word is built from the Markdown and PDF from the HTML (report/word.py, report/pdf.py), so
    every format says the same. PDF is made before anything is written: without WeasyPrint the
    command writes nothing and says so.
    """
    name = report_name(context)
    written = []
    pdf = None
    if "pdf" in formats:
        from naravard.report.pdf import html_to_pdf

        pdf = html_to_pdf(render_html(context, charts, templates=templates))
    if "html" in formats:
        html = render_html(context, charts, templates=templates)
        written.append(_write(out / f"{name}.html", html.encode("utf-8"), root=out))
    if pdf is not None:
        written.append(_write(out / f"{name}.pdf", pdf, root=out))
    if "docx" in formats:
        from naravard.report.word import markdown_to_docx, svg_to_png

        docx = markdown_to_docx(
            render_markdown(context, charts, templates=templates),
            {f"{chart.name}.svg": svg_to_png(mask(chart.svg)) for chart in charts if chart.svg},
            author=context.region,
            subject=context.strategy_name,
        )
        written.append(_write(out / f"{name}.docx", docx, root=out))
    if "md" in formats:
        folder = out / name
        for chart in charts:
            if chart.svg:
                written.append(_write(folder / f"{chart.name}.svg", chart.svg, root=out))
        markdown = render_markdown(context, charts, templates=templates)  # masked: not masked twice
        written.append(_write(folder / "report.md", markdown.encode("utf-8"), root=out))
    return written
