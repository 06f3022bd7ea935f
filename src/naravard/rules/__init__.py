"""The rule registry: every rule, in code order. One module per rule; its docstring is its doc."""

from __future__ import annotations

from collections.abc import Iterator
from types import ModuleType

from naravard.findings import Finding
from naravard.repository import Repository
from naravard.rules import (
    duplicate_id,
    missing_score,
    nar_outside_period,
    no_plan,
    plan_overlap,
    score_out_of_scale,
    strategy_inconsistent,
    unknown_activity,
    unknown_delmal,
    unknown_kommun,
    unknown_nyckeltal,
    unknown_priority,
    wrong_folder,
    wrong_year,
    year_not_covered,
)
from naravard.rules.base import Rule

ALL_RULES: tuple[ModuleType, ...] = (
    unknown_delmal,
    unknown_nyckeltal,
    unknown_kommun,
    unknown_activity,
    unknown_priority,
    score_out_of_scale,
    missing_score,
    wrong_folder,
    wrong_year,
    year_not_covered,
    no_plan,
    plan_overlap,
    duplicate_id,
    nar_outside_period,
    strategy_inconsistent,
)

__all__ = ["ALL_RULES", "Rule", "iter_findings"]


def iter_findings(repo: Repository) -> Iterator[Finding]:
    """Run every rule over the repository, each finding with its rule's severity."""
    for module in ALL_RULES:
        rule: Rule = module.RULE
        for finding in module.check(repo):
            if finding.severity is not rule.severity:
                finding = Finding(finding.location, finding.code, finding.message, rule.severity)
            yield finding
