"""`naravard report`: the regional yearly report as HTML and Markdown."""

from __future__ import annotations

import shutil
from pathlib import Path

import jinja2
import pytest
from typer.testing import CliRunner

from naravard.api import build_report
from naravard.cli import app
from naravard.markdown import escape_inline
from naravard.report import charts
from tests.conftest import CONFORMANCE, Repo

FU = "kommuner/borlange/uppfoljning-2024.yaml"
INJECTION = (
    '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">'
    " [x](javascript:alert(1)) | $\\frac{1}{0}$"
)


def render(repo: Repo, tmp_path: Path, **options: object) -> dict[str, Path]:
    written = build_report(repo.root, 2024, tmp_path / "out", **options)  # type: ignore[arg-type]
    return {p.relative_to(tmp_path / "out").as_posix(): p for p in written}


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The conformance repository's report as it is (rendered once; the tests only read it)."""
    base = tmp_path_factory.mktemp("clean")
    shutil.copytree(CONFORMANCE, base / "repo")  # outside git, as `repo` is
    return render(Repo(base / "repo"), base)


def test_html_and_markdown_with_charts_beside_the_markdown(clean: dict[str, Path]) -> None:
    files = clean
    assert "rapport-2024.html" in files
    assert "rapport-2024/report.md" in files
    assert "rapport-2024/sjalvskattning-karta.svg" in files
    assert "rapport-2024/nyckeltal-fast-lakarkontakt.svg" in files
    markdown = files["rapport-2024/report.md"].read_text(encoding="utf-8")
    assert "](sjalvskattning-karta.svg)" in markdown
    assert markdown.startswith("# Uppföljning av omställningen till nära vård 2024")


def test_the_same_data_gives_byte_identical_files(clean: dict[str, Path], repo: Repo, tmp_path: Path) -> None:
    first = {name: path.read_bytes() for name, path in clean.items()}
    second = {name: path.read_bytes() for name, path in render(repo, tmp_path).items()}
    assert first == second


def test_a_kommun_without_a_follow_up_is_listed_as_missing(clean: dict[str, Path]) -> None:
    html = clean["rapport-2024.html"].read_text(encoding="utf-8")
    assert "3 av 15 kommuner har lämnat in uppföljningen för 2024" in html
    assert "Uppföljning saknas från Vansbro, Malung-Sälen" in html
    assert '<section class="kommun" id="kommun-falun">' in html
    section = html.split('id="kommun-falun">', 1)[1].split("</section>", 1)[0]
    assert "Ingen uppföljning för 2024 har lämnats in." in section


def test_a_follow_up_with_errors_is_marked_in_the_matrix(repo: Repo, tmp_path: Path) -> None:
    repo.replace(FU, "- id: sip-elevhalsa", "- id: sip-elevhals")
    html = render(repo, tmp_path)["rapport-2024.html"].read_text(encoding="utf-8")
    assert "Inlämnade med fel som behöver rättas: Borlänge (1 fel)" in html
    assert '<td class="cell-fel">Inlämnad med fel</td>' in html


def test_free_text_is_escaped_in_html_and_markdown(repo: Repo, tmp_path: Path) -> None:
    repo.replace(
        FU, "lardomar: Samma team före och efter utskrivningen skapar trygghet.", f"lardomar: '{INJECTION}'"
    )
    files = render(repo, tmp_path)
    html = files["rapport-2024.html"].read_text(encoding="utf-8")
    assert "<script>window.__pwned" not in html
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in html
    assert "<img src=x onerror" not in html
    markdown = files["rapport-2024/report.md"].read_text(encoding="utf-8")
    assert "<script>" not in markdown
    assert "\\<script\\>" in markdown
    assert escape_inline("[x](javascript:alert(1))") in markdown  # naravard.markdown: no link


def test_labels_with_math_text_do_not_break_the_charts(repo: Repo, tmp_path: Path) -> None:
    strategi = "region/strategi.yaml"
    repo.replace(strategi, "namn: Borlänge}", "namn: 'Borlänge $\\frac{1}{0}$ <b>'}")
    repo.replace(
        strategi,
        "    namn: Andel invånare som har en fast läkarkontakt i primärvården\n",
        "    namn: 'Fast kontakt $\\foo$ & <b>fet</b>'\n",
    )
    files = render(repo, tmp_path)
    svg = files["rapport-2024/nyckeltal-fast-lakarkontakt.svg"].read_text(encoding="utf-8")
    assert "$\\frac{1}{0}$" in svg  # drawn as text, not parsed
    assert "&lt;b&gt;" in svg


def test_one_failing_chart_does_not_cost_the_report(
    repo: Repo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_: object) -> charts.Chart:
        raise RuntimeError("trasig")

    monkeypatch.setattr(charts, "heatmap", broken)
    html = render(repo, tmp_path)["rapport-2024.html"].read_text(encoding="utf-8")
    assert "Diagrammet självskattning kunde inte ritas (RuntimeError)." in html
    assert "nyckeltal-fast-lakarkontakt" in html


def test_a_kommuns_own_report(repo: Repo, tmp_path: Path) -> None:
    files = render(repo, tmp_path, kommuner=["borlange"], formats=("html",))
    assert list(files) == ["rapport-2024-borlange.html"]
    html = files["rapport-2024-borlange.html"].read_text(encoding="utf-8")
    assert "<h1>Borlänge: Uppföljning av omställningen till nära vård 2024</h1>" in html
    assert 'id="kommun-borlange"' in html and 'id="kommun-ludvika"' not in html
    assert '<tr class="focus"><th scope="row">Borlänge</th>' in html  # set against the region


def test_provenance_names_the_files_behind_the_figures(clean: dict[str, Path]) -> None:
    html = clean["rapport-2024.html"].read_text(encoding="utf-8")
    appendix = html.split('id="bilaga"', 1)[1]
    assert "data/region/strategi.yaml" in appendix
    assert "data/kommuner/ludvika/lokal-plan.yaml" in appendix
    assert "okänd (inte ett git-repositorium)" in appendix
    assert "Källa: Nationell patientenkät" not in appendix  # sources are listed per nyckeltal
    assert "<td>Nationell patientenkät</td>" in appendix


def test_cli_writes_to_the_folder_and_nothing_to_stdout(repo: Repo, tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "rapporter"
    result = runner.invoke(
        app,
        ["report", "2024", "--root", str(repo.root), "--out", str(out), "--format", "html"],
        catch_exceptions=False,
    )
    assert result.exit_code == 0
    assert result.stdout == ""
    assert f"Skrev {out / 'rapport-2024.html'}" in result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["rapport-2024.html"]


def test_cli_unknown_kommun_is_a_usage_error(repo: Repo) -> None:
    result = CliRunner().invoke(app, ["report", "2024", "--root", str(repo.root), "--kommun", "borlang"])
    assert result.exit_code == 2
    assert "Menade du `borlange`" in result.stderr


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (.ci/run installs Debian's chromium)")
def test_the_html_opens_in_chromium_without_network_errors_or_scripts(repo: Repo, tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    repo.replace(
        FU, "lardomar: Samma team före och efter utskrivningen skapar trygghet.", f"lardomar: '{INJECTION}'"
    )
    page_path = render(repo, tmp_path, formats=("html",))["rapport-2024.html"]
    requests: list[str] = []
    problems: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        )  # fmt: skip
        page = browser.new_page()
        page.on("request", lambda request: requests.append(request.url))
        page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error: problems.append(str(error)))
        page.goto(page_path.as_uri())
        page.wait_for_load_state("load")
        assert page.evaluate("document.documentElement.lang") == "sv"
        assert page.evaluate("typeof window.__pwned") == "undefined"
        images = page.evaluate(
            "Array.from(document.images).map(i => [i.complete && i.naturalWidth > 0, i.alt])"
        )
        browser.close()
    assert [url for url in requests if not url.startswith(("file:", "data:"))] == []
    assert problems == []
    assert images and all(loaded and alt for loaded, alt in images)


def test_a_report_made_in_workers_is_the_same_as_one_made_in_this_process(repo: Repo, tmp_path: Path) -> None:
    serial = render(repo, tmp_path / "a", formats=("html",), jobs=1)["rapport-2024.html"].read_bytes()
    parallel = render(repo, tmp_path / "b", formats=("html",), jobs=2)["rapport-2024.html"].read_bytes()
    assert parallel == serial


def test_the_report_of_a_year_reads_no_follow_up_of_a_later_year(
    repo: Repo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from naravard.loader import parallel

    repo.write("kommuner/borlange/uppfoljning-2025.yaml", "kommun: borlange\nar: [2025\n")
    before = render(repo, tmp_path / "a")["rapport-2024.html"].read_text(encoding="utf-8")
    read: list[str] = []
    load_source = parallel.load_source

    def recording(source: parallel.Source, cache: object = None) -> object:
        read.append(str(getattr(source, "path", "")))
        return load_source(source, cache)  # type: ignore[arg-type]

    monkeypatch.setattr(parallel, "load_source", recording)
    after = render(repo, tmp_path / "b")["rapport-2024.html"].read_text(encoding="utf-8")
    assert after == before
    assert any(name.endswith("uppfoljning-2024.yaml") for name in read)
    assert not any(name.endswith("uppfoljning-2025.yaml") for name in read)


def test_the_markdown_report_has_no_mention_image_or_link_from_the_data(repo: Repo, tmp_path: Path) -> None:
    """The report's Markdown is escaped by naravard.markdown, as diff's is: posted on GitLab or GitHub,
    a text from a data file notifies nobody and loads nothing."""
    from markdown_it import MarkdownIt

    repo.replace(
        FU,
        "lardomar: Samma team före och efter utskrivningen skapar trygghet.",
        "lardomar: '@all se ![](http://tracker.example/x.png) och <https://example.com>'",
    )
    markdown = render(repo, tmp_path)["rapport-2024/report.md"].read_text(encoding="utf-8")
    assert "@all" not in markdown and "\uff20all" in markdown
    html = MarkdownIt("commonmark").enable("table").render(markdown)
    assert 'href="https://example.com"' not in html and 'src="http://tracker.example' not in html


def test_the_shipped_templates_write_the_same_report_in_the_sandbox_and_outside_it(
    repo: Repo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The package's own templates run outside jinja's sandbox (it took half their time, issue 18);
    a repository's templates always run inside it (tests/test_report_content.py tries to escape)."""
    from naravard.report import render as rendering

    repo.replace(
        FU, "lardomar: Samma team före och efter utskrivningen skapar trygghet.", f"lardomar: '{INJECTION}'"
    )
    assert type(rendering._shipped_environment(html=True)) is jinja2.Environment  # not the sandbox
    outside = {
        name: path.read_bytes() for name, path in render(repo, tmp_path / "a", formats=("html", "md")).items()
    }
    monkeypatch.setattr(
        rendering,
        "_shipped_environment",
        lambda *, html: rendering._environment(None, html=html, sandbox=True),
    )
    inside = {
        name: path.read_bytes() for name, path in render(repo, tmp_path / "b", formats=("html", "md")).items()
    }
    assert outside == inside


def test_a_kommun_without_a_value_at_the_end_of_a_chart_is_still_a_row_of_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A kommun's name is a text beside its row (issue 18), and texts set no axis limits: the rows
    at both ends, with a value or without, stay inside the axes."""
    from matplotlib.figure import Figure

    from naravard.api import _report_context

    root = tmp_path / "repo"
    shutil.copytree(Path(__file__).parent.parent / "data", root / "data")
    for year in (2022, 2023, 2024):  # the last kommun in order has no value in any year
        path = root / "data" / "kommuner" / "ludvika" / f"uppfoljning-{year}.yaml"
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        path.write_text(
            "".join(
                "  fast-vardkontakt: null\n" if line.startswith("  fast-vardkontakt:") else line
                for line in lines
            ),
            encoding="utf-8",
        )
    context = _report_context(root, 2024, (), 1)
    section = next(s for s in context.nyckeltal if s.id == "fast-vardkontakt")
    assert section.rows[-1].value.value is None
    drawn: list[Figure] = []

    def keep(draw: object, size: tuple[float, float], *, margins: object = None) -> str:
        figure = Figure(figsize=size)
        draw(figure)  # type: ignore[operator]
        drawn.append(figure)
        return "<svg/>"

    monkeypatch.setattr(charts, "_svg", keep)
    charts.nyckeltal(context, section)
    [ax] = drawn[0].axes
    bottom, top = ax.get_ylim()
    assert bottom >= len(section.rows) - 1 + 0.4 and top <= -0.4  # every row, the first at the top
