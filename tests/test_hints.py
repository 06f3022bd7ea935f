"""A message's hint fits the field: a score is a whole number on the scale, a date is in the calendar."""

from __future__ import annotations

import pytest

from tests.conftest import Repo

LUDVIKA = "kommuner/ludvika/uppfoljning-2024.yaml"

# (the text in the fixture, what a person writes instead, code, the hint, the right value if known)
HINTS = [
    ("nara-for-alla: 2", "nara-for-alla: tre", "NV105", "Skriv skattningen med siffror: `3`.", "3"),
    ("nara-for-alla: 2", 'nara-for-alla: "2"', "NV105", "Ett tal inom citattecken läses som text.", "2"),
    (
        "nara-for-alla: 2",
        "nara-for-alla: null",
        "NV101",
        "kan inte lämnas tom: skriv ett heltal på skalan 1–4",
        None,
    ),
    ("nara-for-alla: 2", "nara-for-alla: 2.5", "NV101", "välj 2 eller 3", None),
    ("nara-for-alla: 2", "nara-for-alla: 2,5", "NV105", "välj 2 eller 3", None),
    ("nara-for-alla: 2", "nara-for-alla: bra", "NV105", "heltal på skalan 1–4, t.ex. 3", None),
    ("nara-for-alla: 2", "nara-for-alla: fem", "NV105", "heltal på skalan 1–4", None),
    ("fast-lakarkontakt: 43.2", "fast-lakarkontakt: 43,2", "NV105", "Decimaler skrivs med punkt.", "43.2"),
    (
        "fast-lakarkontakt: 43.2",
        "fast-lakarkontakt: 1 043",
        "NV105",
        "utan mellanslag mellan tusentalen",
        "1043",
    ),
    ("fast-lakarkontakt: 43.2", "fast-lakarkontakt: saknas", "NV105", "skriv null, och gärna `orsak:`", None),
    ("fast-lakarkontakt: 43.2", "fast-lakarkontakt: 43 %", "NV105", "utan procenttecken", None),
    ("fast-lakarkontakt: 43.2", "fast-lakarkontakt: {varde: 43,2}", "NV105", "läses som talet `43`", "43.2"),
    ("ar: 2024", 'ar: "2024"', "NV105", "Skriv `2024`.", "2024"),
    ("ar: 2024", "ar: 2024\ninlamnad: 2025-02-30", "NV106", "Februari 2025 har 28 dagar.", None),
    ("ar: 2024", "ar: 2024\ninlamnad: 2024-02-30", "NV106", "Februari 2024 har 29 dagar.", None),
    ("ar: 2024", "ar: 2024\ninlamnad: 2025-2-7", "NV106", "Skriv `2025-02-07`.", "2025-02-07"),
    ("ar: 2024", "ar: 2024\ninlamnad: 7/2 2025", "NV106", "Menade du `2025-02-07`?", "2025-02-07"),
    ("ar: 2024", "ar: 2024\ninlamnad: 2025-27-02", "NV106", "Månaden står före dagen", "2025-02-27"),
    ("kommun: ludvika", "kommun: Ludvika", "NV107", "Skriv id:t med små bokstäver: `ludvika`.", "ludvika"),
    ("- id: halsocafe", "- id: hälsocafé", "NV107", "Menade du `halsocafe`?", "halsocafe"),
    ("status: pagaende", "status: null", "NV104", "det står ingenting. Tillåtna värden: planerad", None),
    ("status: pagaende", "status: pågående", "NV104", "Menade du `pagaende`?", "pagaende"),
]


@pytest.mark.parametrize(("right", "wrong", "code", "hint", "value"), HINTS, ids=[h[1] for h in HINTS])
def test_the_hint_fits_the_field(
    repo: Repo, right: str, wrong: str, code: str, hint: str, value: str | None
) -> None:
    repo.replace(LUDVIKA, right, wrong)
    [finding] = repo.validate().findings
    assert finding.code == code
    assert hint in finding.message
    if "nara-for-alla" in wrong:  # a score is never told to write a decimal or null
        assert "decimalpunkt" not in finding.message and "null om" not in finding.message
    assert finding.suggestion == value


def test_a_misspelt_key_is_one_finding_not_also_a_missing_one(repo: Repo) -> None:
    repo.replace(LUDVIKA, "    status: pagaende", "    stauts: pagaende")
    [finding] = repo.validate().findings
    assert (finding.code, finding.suggestion) == ("NV103", "status")
    assert "saknas" not in finding.message
