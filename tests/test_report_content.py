"""What the report says: caveats where values are shown, kommentar, procentenheter, provenance,
the analysts' text, a kommun's own report first; and templates that can never run code."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from naravard import api, core
from naravard.api import build_report, lint, validate
from naravard.cli import app
from naravard.errors import Refused, UsageError
from naravard.markdown import escape_inline
from tests.conftest import Repo

FU = "kommuner/borlange/uppfoljning-2024.yaml"
REPORT_CODES = {"NV218"}  # codes whose examples are here (test_validate_says_where_a_heading…)


def plant_2023(repo: Repo, *, fast_lakarkontakt: str = "44", sip: str = "14", till_halsa: str = "2") -> None:
    """Borlänge's 2023 follow-up: a copy of 2024 with the values given."""
    text = (
        repo.read(FU).replace("ar: 2024", "ar: 2023").replace("inlamnad: 2025-02-28", "inlamnad: 2024-02-28")
    )
    text = text.replace("fast-lakarkontakt: 45", f"fast-lakarkontakt: {fast_lakarkontakt}")
    text = text.replace("sip-antal: 14", f"sip-antal: {sip}")
    text = text.replace("nara-till-halsa: 2", f"nara-till-halsa: {till_halsa}")
    repo.write("kommuner/borlange/uppfoljning-2023.yaml", text)


def report(repo: Repo, tmp_path: Path, **options: object) -> dict[str, str]:
    written = build_report(repo.root, 2024, tmp_path / "out", **options)  # type: ignore[arg-type]
    return {
        p.relative_to(tmp_path / "out").as_posix(): p.read_text(encoding="utf-8")
        for p in written
        if p.suffix != ".svg"
    }


def test_a_questioned_value_carries_its_code_where_shown_and_in_att_granska(
    repo: Repo, tmp_path: Path
) -> None:
    plant_2023(repo, sip="140", till_halsa="4")  # sip-antal 140 → 14: NV307; a score 4 → 2: NV306
    repo.replace(FU, "resultat: Startade i augusti, 14 SIP under hösten.", "resultat: TODO")  # NV301
    files = report(repo, tmp_path)
    html, markdown = files["rapport-2024.html"], files["rapport-2024/report.md"]
    granska = html.split('id="granska"', 1)[1].split("</section>", 1)[0]
    for code, line in (("NV307", 28), ("NV306", 23), ("NV301", 11)):
        assert f'⚠ {code}</strong> Borlänge · <span class="file">data/{FU}:{line}</span>' in granska
    sip = html.split('id="nyckeltal-sip-antal"', 1)[1].split("</table>", 1)[0]
    borlange = sip.split(">Borlänge</th>", 1)[1].split("</tr>", 1)[0]
    assert "14" in borlange and ">⚠&nbsp;NV307</a>" in borlange and 'href="#granska-' in borlange
    # The summary's headline for the jump carries the same marker, in both writers.
    summary = html.split('id="sammanfattning"', 1)[1].split("</section>", 1)[0]
    headline = next(li for li in summary.split("<li>") if "SIP" in li or "Samordnad" in li)
    assert "⚠&nbsp;NV307" in headline
    assert "[⚠ NV307](#granska-" in markdown and "[⚠ NV306](#granska-" in markdown
    activity = next(line for line in markdown.splitlines() if line.startswith("- **") and ": TODO" in line)
    assert "[⚠ NV301](#granska-" in activity


def test_strict_refuses_and_writes_nothing_while_a_warning_stands(repo: Repo, tmp_path: Path) -> None:
    plant_2023(repo, sip="140")
    with pytest.raises(Refused) as refused:
        build_report(repo.root, 2024, tmp_path / "out", strict=True)
    assert any("uppfoljning-2024.yaml:28" in reason and "NV307" in reason for reason in refused.value.reasons)
    assert not (tmp_path / "out").exists()
    result = CliRunner().invoke(
        app, ["report", "2024", "--strict", "--root", str(repo.root), "--out", str(tmp_path / "cli")]
    )
    assert result.exit_code == 1
    assert "NV307" in result.stderr and "Rapporten skrevs inte" in result.stderr
    assert not (tmp_path / "cli").exists()


def test_strict_writes_once_every_warning_is_fixed_or_waived(repo: Repo, tmp_path: Path) -> None:
    codes = {f.code for f in lint(repo.root).findings}
    waivers = "".join(
        f"  - {{regel: {code}, skal: Provas i testet, ansvarig: RSS, galler_till: 2099-12-31}}\n"
        for code in sorted(codes)
    )
    (repo.root / "naravard.yaml").write_text("undantag:\n" + waivers, encoding="utf-8")
    written = build_report(repo.root, 2024, tmp_path / "out", strict=True, formats=("html",))
    assert "ifrågasätter ingen uppgift" in written[0].read_text(encoding="utf-8")


def test_files_with_errors_are_named_as_left_out(repo: Repo, tmp_path: Path) -> None:
    repo.replace("kommuner/ludvika/uppfoljning-2024.yaml", "kommun: ludvika", "kommun: ludvika\nokand: 1")
    heard: list[str] = []
    build_report(repo.root, 2024, tmp_path / "out", formats=("html",), notice=heard.append)
    assert any(
        line.startswith("data/kommuner/ludvika/uppfoljning-2024.yaml: 1 fel, lämnades utanför rapporten")
        for line in heard
    ), heard


def test_kommentar_is_shown_beside_the_value(repo: Repo, tmp_path: Path) -> None:
    repo.replace(FU, "sip-antal: 14", "sip-antal: {varde: 14, kommentar: Ny rutin från augusti}")
    files = report(repo, tmp_path)
    html, markdown = files["rapport-2024.html"], files["rapport-2024/report.md"]
    section = html.split('id="kommun-borlange"', 1)[1].split("</section>", 1)[0]
    assert "<td>Trygg hemgång fungerar i hela kommunen.</td>" in section  # a score's kommentar
    assert "<td>Ny rutin från augusti</td>" in section
    sip = html.split('id="nyckeltal-sip-antal"', 1)[1].split("</section>", 1)[0]
    assert '<sup class="note-ref"><a href="#n-sip-antal-not-1"' in sip  # a footnote where narrow
    assert '<li id="n-sip-antal-not-1" value="1">Borlänge, ' in sip and "<q>Ny rutin från augusti</q>" in sip
    assert escape_inline("Ny rutin från augusti") in markdown
    assert escape_inline("Trygg hemgång fungerar i hela kommunen.") in markdown


def test_procent_changes_are_procentenheter_and_other_units_relative(repo: Repo, tmp_path: Path) -> None:
    plant_2023(repo, fast_lakarkontakt="40.6", sip="10")
    html = report(repo, tmp_path)["rapport-2024.html"]
    procent = html.split('id="nyckeltal-fast-lakarkontakt"', 1)[1].split("</table>", 1)[0]
    assert "+4,4 p.e." in procent.split(">Borlänge</th>", 1)[1].split("</tr>", 1)[0]
    antal = html.split('id="nyckeltal-sip-antal"', 1)[1].split("</table>", 1)[0]
    assert "+40 %" in antal.split(">Borlänge</th>", 1)[1].split("</tr>", 1)[0]


def test_provenance_gives_file_and_line_for_every_year_shown(repo: Repo, tmp_path: Path) -> None:
    plant_2023(repo)
    html = report(repo, tmp_path)["rapport-2024.html"]
    appendix = html.split('id="bilaga"', 1)[1]
    for year in (2023, 2024):
        entry = appendix.split(f"data/kommuner/borlange/uppfoljning-{year}.yaml", 1)[1].split("</li>", 1)[0]
        assert "fast-lakarkontakt 25" in entry and "nara-mellan-oss 22" in entry
    assert "data/kommuner/borlange/lokal-plan.yaml" in appendix
    assert "git-version" in appendix
    assert "<details" not in html  # printed whole
    assert '<th scope="col">Fil</th>' not in html  # no column of long paths


def test_kolada_reference_values_are_cited_and_the_median_is_naravards(repo: Repo, tmp_path: Path) -> None:
    repo.write(
        "region/nyckeltal-2024.yaml",
        "ar: 2024\nkommuner: {}\n"
        "region:\n  fast-lakarkontakt: {varde: 47.5, kolada: U00000, period: 2024, hamtad: 2025-03-03}\n"
        "riket:\n  fast-lakarkontakt: {varde: 51.2, kolada: U00000, period: 2024, hamtad: 2025-03-03}\n",
    )
    files = report(repo, tmp_path)
    section = (
        files["rapport-2024.html"].split('id="nyckeltal-fast-lakarkontakt"', 1)[1].split("</section>", 1)[0]
    )
    assert 'Region Dalarna <span class="source">Källa: Kolada</span></th>' in section and "47,5" in section
    assert 'Riket <span class="source">Källa: Kolada</span></th>' in section and "51,2" in section
    assert 'Kommunernas median <span class="source">Bearbetning: naravard</span>' in section
    assert "Riket, 51,2 (Källa: Kolada)" in section  # in the chart's alt text


def test_a_missing_values_reason_is_shown(repo: Repo, tmp_path: Path) -> None:
    repo.replace(FU, "aterinskrivning-65: null", "aterinskrivning-65: {varde: null, orsak: sekretess}")
    html = report(repo, tmp_path)["rapport-2024.html"]
    section = html.split('id="nyckeltal-aterinskrivning-65"', 1)[1].split("</table>", 1)[0]
    assert "(sekretess)" in section.split(">Borlänge</th>", 1)[1].split("</tr>", 1)[0]


def test_the_analysts_text_opens_the_report_and_goes_where_its_headings_say(
    repo: Repo, tmp_path: Path
) -> None:
    repo.write(
        "region/analys-2024.md",
        "Året präglades av **arbetet** med SIP. <script>alert(1)</script>\n\n"
        "## Nyckeltal\n\nKontinuiteten är fortfarande låg. ![x](http://example.org/x.png)\n",
    )
    files = report(repo, tmp_path)
    html, markdown = files["rapport-2024.html"], files["rapport-2024/report.md"]
    summary = html.split('id="sammanfattning"', 1)[1]
    assert summary.index("<strong>arbetet</strong>") < summary.index("kommuner har lämnat in")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in summary and "<script>" not in html
    nyckeltal = html.split('id="nyckeltal"', 1)[1].split('class="nyckeltal"', 1)[0]
    assert "Kontinuiteten är fortfarande låg." in nyckeltal
    assert "example.org" not in html.split("<main>", 1)[1].split('src="data:')[0]  # no image from outside
    assert "Året präglades av **arbetet**" in markdown and "&lt;script&gt;" in markdown


def test_validate_says_where_a_heading_names_no_section_and_checks_utf8(repo: Repo) -> None:
    repo.write("region/analys-2024.md", "Inledning\n\n## Nyckeltal\n\ntext\n\n## Ekonomi\n\nmer\n")
    repo.write_bytes("region/analys-2023.md", "Vård i Älvdalen".encode("cp1252"))
    found = [(f.location.file, f.location.line, f.code) for f in repo.validate().findings]
    assert ("data/region/analys-2024.md", 7, "NV218") in found
    assert ("data/region/analys-2023.md", 1, "NV002") in found
    assert not any(line == 3 for file, line, _ in found if file.endswith("analys-2024.md"))


def test_a_revision_is_checked_with_its_own_analysis_not_the_working_trees(repo: Repo) -> None:
    repo.write("region/analys-2024.md", "## Ekonomi\n\ntext\n")
    who = {
        f"GIT_{r}_{k}": v for r in ("AUTHOR", "COMMITTER") for k, v in (("NAME", "t"), ("EMAIL", "t@e.org"))
    }
    for command in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "analys"]):
        subprocess.run(["git", "-C", str(repo.root), *command], check=True, env={**os.environ, **who})
    repo.write("region/analys-2024.md", "## Nyckeltal\n\ntext\n")  # right in the working tree only
    at_head = [(f.location.file, f.code) for f in validate(repo.root, rev="HEAD..HEAD").findings]
    assert at_head == [("data/region/analys-2024.md", "NV218")]
    assert [f.code for f in repo.validate().findings] == []


def test_a_report_without_a_year_reads_and_checks_the_repository_once(
    repo: Repo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    loads: list[object] = []
    checks: list[object] = []
    load, check = api.load_repository, core.check

    def counted(*args: Any, **kwargs: Any) -> Any:
        loads.append(kwargs)
        return load(*args, **kwargs)

    def checked(*args: Any, **kwargs: Any) -> Any:
        checks.append(kwargs)
        return check(*args, **kwargs)

    monkeypatch.setattr(api, "load_repository", counted)
    monkeypatch.setattr(core, "check", checked)
    written = build_report(repo.root, None, tmp_path / "out", formats=("md",))
    assert [p.name for p in written if p.suffix == ".md"] == ["report.md"]
    assert len(loads) == 1 and checks == [{"warnings": True}]


def test_a_kommuns_own_report_leads_with_that_kommun(repo: Repo, tmp_path: Path) -> None:
    html = report(repo, tmp_path, kommuner=["ludvika"], formats=("html",))["rapport-2024-ludvika.html"]
    main = html.split("<main>", 1)[1]
    assert main.index('id="kommun-ludvika"') < main.index('id="sammanfattning"')
    assert "<h2>Ludvika 2024</h2>" in main


# --- templates are never code (issue 18 item 1) -----------------------------------------------

PROBES = (
    "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
    "{{ lipsum.__globals__['os'].popen('id').read() }}",
    "{{ __builtins__.open('/etc/passwd').read() }}",
    "{{ r.__class__.__init__.__globals__ }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
)


@pytest.mark.parametrize("probe", PROBES)
def test_a_repository_template_cannot_reach_python(repo: Repo, tmp_path: Path, probe: str) -> None:
    (repo.root / "templates").mkdir()
    (repo.root / "templates" / "report.md.j2").write_text(probe, encoding="utf-8")
    with pytest.raises(UsageError) as error:
        build_report(repo.root, 2024, tmp_path / "out", formats=("md",), own_templates=True)
    assert "uid=" not in str(error.value) and "root:" not in str(error.value)
    assert not (tmp_path / "out" / "rapport-2024" / "report.md").exists()


def test_repository_templates_are_not_used_unless_asked_for(repo: Repo, tmp_path: Path) -> None:
    (repo.root / "templates").mkdir()
    (repo.root / "templates" / "report.md.j2").write_text("EGEN {{ r.year }}", encoding="utf-8")
    assert report(repo, tmp_path / "a", formats=("md",))["rapport-2024/report.md"].startswith("# Uppföljning")
    assert (
        report(repo, tmp_path / "b", formats=("md",), own_templates=True)["rapport-2024/report.md"]
        == "EGEN 2024"
    )


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks here")
def test_a_link_in_templates_is_refused(repo: Repo, tmp_path: Path) -> None:
    folder = repo.root / "templates"
    folder.mkdir()
    (folder / "rootfs").symlink_to("/")
    (folder / "report.md.j2").write_text('{% include "rootfs/etc/passwd" %}', encoding="utf-8")
    with pytest.raises(UsageError, match="templates/rootfs är en länk"):
        build_report(repo.root, 2024, tmp_path / "out", formats=("md",), own_templates=True)
    (folder / "report.md.j2").unlink()
    (folder / "report.md.j2").symlink_to("/etc/passwd")
    with pytest.raises(UsageError, match=r"templates/report\.md\.j2 är en länk"):
        build_report(repo.root, 2024, tmp_path / "out", formats=("md",), own_templates=True)


@pytest.mark.parametrize(
    ("body", "found"),
    [
        ("<script>alert(1)</script>", "<script>"),
        ('<img src="x" onerror="alert(1)">', "onerror="),
        ('<meta http-equiv="Content-Security-Policy" content="default-src *">', "<meta http-equiv>"),
        ('<img src="http://example.org/spy.png">', "src="),
    ],
)
def test_an_override_cannot_add_scripts_or_drop_the_csp(
    repo: Repo, tmp_path: Path, body: str, found: str
) -> None:
    folder = repo.root / "templates"
    folder.mkdir()
    template = f'<!DOCTYPE html><html lang="sv"><head><title>x</title></head><body>{body}</body></html>'
    (folder / "report.html.j2").write_text(template, encoding="utf-8")
    with pytest.raises(UsageError, match="inte får innehålla") as error:
        build_report(repo.root, 2024, tmp_path / "out", formats=("html",), own_templates=True)
    assert found in str(error.value)
    assert not (tmp_path / "out").exists()


def test_the_csp_is_in_every_report_even_from_an_override_without_one(repo: Repo, tmp_path: Path) -> None:
    folder = repo.root / "templates"
    folder.mkdir()
    (folder / "report.html.j2").write_text(
        '<!DOCTYPE html><html lang="sv"><head><title>{{ r.year }}</title></head><body></body></html>',
        encoding="utf-8",
    )
    html = report(repo, tmp_path, formats=("html",), own_templates=True)["rapport-2024.html"]
    assert html.startswith(
        '<!DOCTYPE html><html lang="sv"><head>\n<meta http-equiv="Content-Security-Policy"'
    )
    shipped = report(repo, tmp_path / "shipped", formats=("html",))["rapport-2024.html"]
    assert shipped.count("Content-Security-Policy") == 1


def test_diff_gives_procent_changes_in_procentenheter_too(repo: Repo) -> None:
    from naravard.api import diff_years
    from naravard.output.diff import years_markdown

    plant_2023(repo, fast_lakarkontakt="40.6", sip="10")
    diff = diff_years(repo.root, 2023, 2024, ["borlange"])
    [fast] = [n for n in diff.kommuner[0].nyckeltal if n.id == "fast-lakarkontakt"]
    assert fast.points == pytest.approx(4.4)
    markdown = years_markdown(diff, detailed=True)
    assert "| 40,6 | 45 | +4,4 p.e. |" in markdown
    assert "| 10 | 14 | +40 % |" in markdown
    assert "procentenheter (p.e.)" in markdown
