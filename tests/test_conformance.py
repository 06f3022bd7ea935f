"""The conformance repository (written from shared/FORMAT.md by someone else) and its edits."""

from __future__ import annotations

import pytest

from naravard.api import validate
from naravard.core import result as result_of
from naravard.repository import load_repository
from tests.rule_examples import CONFORMANCE, conformance, edited


def test_conformance_repository_validates_clean() -> None:
    result = validate(CONFORMANCE)
    assert result.findings == ()
    assert result.files == 9


# (file, old text, new text, expected line, expected code, a word the message must hold)
EDITS = [
    (
        "kommuner/borlange/uppfoljning-2026.yaml",
        "  sip-per-1000: 1.4\n",
        "  sip-per-1000: 1.4\n  sip-antal: 3\n",
        26,
        "NV202",
        "sip-per-1000",
    ),
    (
        "kommuner/borlange/uppfoljning-2024.yaml",
        "nara-for-mig: 3",
        "nara-for-mig: 0",
        19,
        "NV206",
        "1–4",
    ),
    (
        "kommuner/borlange/uppfoljning-2024.yaml",
        "  nara-till-halsa: 2\n",
        "",
        17,
        "NV207",
        "nara-till-halsa",
    ),
    (
        "kommuner/smedjebacken/uppfoljning-2024.yaml",
        "- id: halsocafe",
        "- id: halsokafe",
        5,
        "NV204",
        "halsocafe",
    ),
    (
        "kommuner/borlange/lokal-plan.yaml",
        "prioritering: mobil-vard",
        "prioritering: mobilvard",
        17,
        "NV205",
        "mobil-vard",
    ),
    ("kommuner/borlange/lokal-plan.yaml", "slut: 2027}", "slut: 2028}", 13, "NV214", "2023–2027"),
    (
        "kommuner/ludvika/uppfoljning-2024.yaml",
        "fast-lakarkontakt: 43.2",
        "fast-lakarkontakt: 43,2",
        20,
        "NV105",
        "43.2",
    ),
]


@pytest.mark.parametrize(("rel", "old", "new", "line", "code", "word"), EDITS)
def test_each_single_edit_gives_one_error_on_its_line(
    rel: str, old: str, new: str, line: int, code: str, word: str
) -> None:
    files = edited(conformance(), f"data/{rel}", old, new)
    result = result_of(load_repository(CONFORMANCE, contents=files), warnings=False)
    assert result.exit_code() == 1
    [finding] = result.findings
    assert (finding.location.file, finding.location.line, finding.code) == (
        f"data/{rel}",
        line,
        code,
    )
    assert word in finding.message
