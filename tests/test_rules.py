"""The rule registry: every rule well formed, documented, and its documented examples true."""

from __future__ import annotations

import re

import pytest

from naravard.codes import ALL_CODES
from naravard.findings import Severity
from naravard.rules import ALL_RULES, Rule
from tests import rule_examples

IDS = [rule.code for rule in ALL_RULES]


def test_codes_and_names_are_unique_and_well_formed() -> None:
    codes = [c.code for c in ALL_CODES]
    names = [c.name for c in ALL_CODES]
    assert len(set(codes)) == len(codes), "a code is used twice"
    assert len(set(names)) == len(names), "a name is used twice"
    assert codes == sorted(codes), "the registry is in code order"
    for c in ALL_CODES:
        assert re.fullmatch(r"NV[0-9]{3}", c.code), c.code
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", c.name), c.name
        assert c.summary and not c.summary.endswith("."), c.code
        assert c.doc.strip(), f"{c.code} has no documentation"


@pytest.mark.parametrize("rule", ALL_RULES, ids=IDS)
def test_a_rule_is_an_error_or_a_warning_by_its_number(rule: Rule) -> None:
    expected = Severity.WARNING if rule.code >= "NV300" else Severity.ERROR
    assert rule.severity is expected


@pytest.mark.parametrize("rule", ALL_RULES, ids=IDS)
def test_the_documented_examples_are_what_the_rule_does(rule: Rule) -> None:
    on_passing, new = rule_examples.run(rule)
    assert not on_passing, f"{rule.code}: the passing example has findings: {on_passing}"
    assert new, f"{rule.code}: the failing example finds nothing new"
    assert all(f.severity is rule.severity for f in new)


# Where each rule's failing example is found: (file under data/, line, column).
WHERE = {
    "NV201": [("kommuner/borlange/lokal-plan.yaml", 20, 14)],
    "NV202": [("kommuner/borlange/uppfoljning-2024.yaml", 25, 3)],
    "NV203": [("kommuner/borlange/uppfoljning-2024.yaml", 2, 9)],
    "NV204": [("kommuner/borlange/uppfoljning-2024.yaml", 9, 9)],
    "NV205": [("kommuner/borlange/lokal-plan.yaml", 26, 19)],
    "NV206": [("kommuner/borlange/uppfoljning-2024.yaml", 19, 17)],
    "NV207": [
        ("kommuner/borlange/uppfoljning-2024.yaml", 17, 1),
        ("kommuner/borlange/uppfoljning-2024.yaml", 23, 3),
    ],
    "NV208": [("kommuner/borlange/uppfoljning-2024.yaml", 2, 9)],
    "NV209": [("kommuner/borlange/uppfoljning-2024.yaml", 3, 5)],
    "NV210": [("region/handlingsplan-2024.yaml", 2, 5)],
    "NV211": [("kommuner/borlange/uppfoljning-2024.yaml", 2, 9)],
    "NV212": [("kommuner/borlange/lokal-plan.yaml", 2, 12), ("kommuner/ludvika/lokal-plan.yaml", 2, 35)],
    "NV213": [("kommuner/borlange/uppfoljning-2024.yaml", 9, 9)],
    "NV214": [("kommuner/borlange/lokal-plan.yaml", 23, 36)],
    "NV215": [("region/strategi.yaml", 56, 3)],
    "NV216": [("region/nyckeltal-2024.yaml", 4, 66)],
    "NV217": [("kommuner/borlange/uppfoljning-2024.yaml", 11, 70)],
    "NV301": [("kommuner/borlange/uppfoljning-2024.yaml", 15, 15)],
    "NV302": [("kommuner/borlange/uppfoljning-2026.yaml", 6, 13)],
    "NV303": [("kommuner/borlange/uppfoljning-2024.yaml", 5, 1)],
    "NV304": [("kommuner/borlange/uppfoljning-2026.yaml", 8, 9)],
    "NV305": [("kommuner/borlange/lokal-plan.yaml", 7, 1)],
    "NV306": [
        ("kommuner/borlange/uppfoljning-2025.yaml", 19, 17),
        ("kommuner/borlange/uppfoljning-2026.yaml", 18, 17),
    ],
    "NV307": [
        ("kommuner/borlange/uppfoljning-2025.yaml", 25, 22),
        ("kommuner/borlange/uppfoljning-2026.yaml", 24, 22),
    ],
    "NV308": [("kommuner/borlange/uppfoljning-2024.yaml", 25, 22)],
    "NV309": [("kommuner/borlange/uppfoljning-2024.yaml", 24, 1)],
    "NV310": [("region/strategi.yaml", 94, 1)],
    "NV311": [("kommuner/borlange/uppfoljning-2024.yaml", 4, 11)],
    "NV312": [("kommuner/borlange/uppfoljning-2024.yaml", 15, 20)],
    "NV313": [("kommuner/borlange/uppfoljning-2024.yaml", 26, 25)],
    "NV314": [("kommuner/borlange/lokal-plan.yaml", 14, 61)],
    "NV315": [("kommuner/borlange/uppfoljning-2024.yaml", 4, 11)],
    "NV390": [("kommuner/borlange/uppfoljning-2024.yaml", 9, 24)],
}


@pytest.mark.parametrize("rule", ALL_RULES, ids=IDS)
def test_the_failing_example_is_found_at_the_offending_key_or_value(rule: Rule) -> None:
    _, new = rule_examples.run(rule)
    assert (
        sorted({(f.location.file.removeprefix("data/"), f.location.line, f.location.column) for f in new})
        == (WHERE[rule.code])
    )


@pytest.mark.parametrize("rule", ALL_RULES, ids=IDS)
def test_fix_coverage_is_stated(rule: Rule) -> None:
    """A rule whose failing example carries a fix says so in its docs, and only then."""
    _, new = rule_examples.run(rule)
    fixed = any(f.fix is not None for f in new)
    assert fixed == bool(rule.fixes), f"{rule.code}: fixes={rule.fixes!r}, example fixed: {fixed}"


@pytest.mark.parametrize("rule", [r for r in ALL_RULES if r.options], ids=lambda r: r.code)
def test_options_are_documented(rule: Rule) -> None:
    for option in rule.options:
        assert re.fullmatch(r"[a-z]+(_[a-z0-9]+)*", option.key), option.key
        assert option.summary.endswith(")") or option.summary.endswith("."), option.key
        assert option.key in rule.doc, f"{rule.code}: the docstring does not mention {option.key}"
        assert isinstance(option.default, option.type)


def test_no_two_rules_declare_the_same_option() -> None:
    keys = [o.key for r in ALL_RULES for o in r.options]
    assert len(set(keys)) == len(keys)


def test_a_rule_without_a_passing_example_is_refused() -> None:
    rule = ALL_RULES[0]
    stripped = Rule(
        rule.code, rule.name, rule.summary, doc=rule.doc.replace("Godkänt", "Bra"), check=rule.check
    )
    with pytest.raises(AssertionError, match="no passing example"):
        rule_examples.run(stripped)
