"""The report takes a nyckeltal from Kolada where the follow-up has none, and cites Källa: Kolada."""

from __future__ import annotations

from pathlib import Path

from naravard.api import build_report
from tests.conftest import KOLADA_2024, Repo


def test_the_report_cites_kolada_and_a_typed_value_goes_first(repo: Repo, tmp_path: Path) -> None:
    repo.write("region/nyckeltal-2024.yaml", KOLADA_2024)
    [html] = build_report(repo.root, 2024, tmp_path / "out", formats=("html",))
    text = html.read_text(encoding="utf-8")
    section = text.split('id="nyckeltal-undvikbar-slutenvard"', 1)[1].split("</table>", 1)[0]
    ludvika = section.split(">Ludvika</th>", 1)[1].split("</tr>", 1)[0]
    assert "871,3" in ludvika or "871.3" in ludvika
    assert "Källa: Kolada" in ludvika
    borlange = section.split(">Borlänge</th>", 1)[1].split("</tr>", 1)[0]
    assert "990" in borlange and "1012" not in borlange  # the typed value counts
    assert "Kolada (RKA)" in text
    appendix = text.split('id="bilaga"', 1)[1]
    assert "data/region/nyckeltal-2024.yaml" in appendix
    assert "ludvika/undvikbar-slutenvard" in appendix  # the line of the value it took
