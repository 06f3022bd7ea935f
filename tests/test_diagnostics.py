"""One example per diagnostic code: an edit to the conformance repository and where the error lands.

Each case is (code, file under data/, old text, new text, line, column[, file where it lands]).
Text is edited as a person would in their editor; the expected position is that of the
offending key or value. An edit may also cause other, consequent findings (a misspelt
required key is both unknown and missing); the case asserts that its own is among them.
"""

from __future__ import annotations

from typing import Any

import pytest

from naravard.codes import all_codes
from naravard.rules import ALL_RULES
from tests.rule_examples import conformance, edited, located

FU = "kommuner/borlange/uppfoljning-2024.yaml"
FU26 = "kommuner/borlange/uppfoljning-2026.yaml"
PLAN = "kommuner/borlange/lokal-plan.yaml"
GEMENSAM = "kommuner/ludvika/lokal-plan.yaml"
STRATEGI = "region/strategi.yaml"
HP = "region/handlingsplan-2024.yaml"
SMEDJEBACKEN = "kommuner/smedjebacken/uppfoljning-2024.yaml"

CASES = [
    ("NV001", FU, "  utmaningar: Olika", "\tutmaningar: Olika", 15, 1),
    ("NV001", FU, "  lardomar: Samma team", "  lardomar: Möte: kl 10 Samma team", 13, 17),
    ("NV004", FU, "  nara-for-alla: 2\n", "  nara-for-alla: 2\n  nara-for-alla: 3\n", 21, 3),
    ("NV005", FU, "ar: 2024", "ar: !!python/object/apply:os.system [ls]", 3, 5),
    ("NV005", FU, "  fast-lakarkontakt: 45", "  fast-lakarkontakt: &v 45\n  x: *v", 25, 22),
    ("NV005", FU, "kommun: borlange", "<<: {a: 1}\nkommun: borlange", 2, 1),
    ("NV006", FU, "  sip-antal: 14\n", "  sip-antal: 14\n---\nkommun: borlange\n", 29, 1),
    ("NV101", FU, "kommun: borlange", "kommun: [borlange]", 2, 9),
    ("NV101", FU, "  lardomar: Samma team", "  lardomar:\n    - Samma team", 14, 5),
    ("NV102", FU, "  utmaningar: Olika journalsystem.\n", "", 12, 1),
    ("NV102", FU, "kommun: borlange\n", "", 2, 1),
    ("NV103", FU, "sjalvskattning:", "sjalvskatning:", 17, 1),
    (
        "NV104",
        FU,
        "    status: pagaende\n    resultat: 212",
        "    status: klar\n    resultat: 212",
        7,
        13,
    ),
    ("NV105", FU, "fast-lakarkontakt: 45", "fast-lakarkontakt: 1 234", 25, 22),
    ("NV105", FU, "fast-lakarkontakt: 45", "fast-lakarkontakt: .inf", 25, 22),
    ("NV106", FU, "inlamnad: 2025-02-28", "inlamnad: 2025-02-30", 4, 11),
    ("NV106", PLAN, "start: 2023-03,", "start: 2023-13,", 13, 18),
    ("NV107", PLAN, "  - id: trygg-hemgang", "  - id: Trygg hemgång", 8, 9),
    ("NV201", PLAN, "delmal: [nara-for-alla]", "delmal: [nara-for-alle]", 20, 14),
    ("NV202", FU26, "  sip-per-1000: 1.4", "  sip-per-100: 1.4", 25, 3),
    ("NV203", FU, "kommun: borlange", "kommun: borlang", 2, 9),
    ("NV204", FU, "  - id: sip-elevhalsa", "  - id: sip-elevhals", 9, 9),
    ("NV205", PLAN, "prioritering: barn-och-unga", "prioritering: barn-unga", 26, 19),
    ("NV206", FU, "nara-for-alla: 2", "nara-for-alla: 5", 20, 18),
    ("NV207", FU, "  nara-for-alla: 2\n", "", 17, 1),
    ("NV207", FU, "  nara-for-alla: 2", "  nara-for-all: 2", 20, 3),
    ("NV208", PLAN, "kommuner: [borlange]", "kommuner: [ludvika]", 2, 1),
    ("NV209", FU, "ar: 2024", "ar: 2023", 3, 5),
    ("NV210", HP, "ar: 2024", "ar: 2031", 2, 5),
    (
        "NV211",
        GEMENSAM,
        "kommuner: [ludvika, smedjebacken]",
        "kommuner: [ludvika]",
        2,
        9,
        SMEDJEBACKEN,
    ),
    (
        "NV212",
        GEMENSAM,
        "kommuner: [ludvika, smedjebacken]",
        "kommuner: [ludvika, smedjebacken, borlange]",
        2,
        35,
    ),
    (
        "NV212",
        GEMENSAM,
        "kommuner: [ludvika, smedjebacken]",
        "kommuner: [ludvika, smedjebacken, borlange]",
        2,
        12,
        PLAN,
    ),
    ("NV213", PLAN, "  - id: sip-elevhalsa", "  - id: trygg-hemgang", 18, 9),
    ("NV214", PLAN, "nar: {start: 2023-03, slut: 2027}", "nar: {start: 2026, slut: 2025}", 13, 30),
    ("NV215", STRATEGI, "    4: Stämmer mycket bra\n", "", 56, 3),
]


@pytest.mark.parametrize("case", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_diagnostic_lands_on_the_offending_line_and_column(case: tuple[Any, ...]) -> None:
    code, rel, old, new, line, column, *elsewhere = case
    found = located(edited(conformance(), f"data/{rel}", old, new))
    expected = (elsewhere[0] if elsewhere else rel, line, column, code)
    assert expected in found, found
    assert any(c.startswith(("NV0", "NV1", "NV2")) for *_, c in found)  # an error: exit 1


def test_every_code_has_an_example_here_or_in_the_loader_tests() -> None:
    from tests.test_form import FORM_CODES
    from tests.test_kolada import KOLADA_CODES
    from tests.test_loader import LOADER_CODES
    from tests.test_privacy import PRIVACY_CODES
    from tests.test_report_content import REPORT_CODES

    examples = {rule.code for rule in ALL_RULES}  # each rule's docstring examples: tests/test_rules.py
    covered = (
        {case[0] for case in CASES}
        | LOADER_CODES
        | examples
        | KOLADA_CODES
        | FORM_CODES
        | REPORT_CODES
        | PRIVACY_CODES
        | {"NV391"}  # the unused waiver's cases: tests/test_lint.py
    )
    assert {c.code for c in all_codes()} <= covered
