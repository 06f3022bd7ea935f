"""The rule registry: every rule, in code order. One module per rule; its docstring is its doc."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from types import ModuleType

from naravard.findings import Finding, Severity
from naravard.repository import Repository
from naravard.rules import (
    activity_not_reported,
    activity_outside_nar,
    activity_overdue,
    delmal_without_activity,
    duplicate_id,
    followup_missing,
    hidden_characters,
    import_mismatch,
    invalid_waiver,
    kolada_disagrees,
    missing_score,
    nar_outside_period,
    no_plan,
    nyckeltal_implausible,
    nyckeltal_jump,
    nyckeltal_missing,
    placeholder_answer,
    plan_overlap,
    score_jump,
    score_out_of_scale,
    strategy_inconsistent,
    submitted_early,
    submitted_in_future,
    unknown_activity,
    unknown_delmal,
    unknown_kommun,
    unknown_nyckeltal,
    unknown_priority,
    unused_waiver,
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
    import_mismatch,
    # Quality warnings (lint).
    placeholder_answer,
    activity_overdue,
    activity_not_reported,
    activity_outside_nar,
    delmal_without_activity,
    score_jump,
    nyckeltal_jump,
    nyckeltal_implausible,
    nyckeltal_missing,
    followup_missing,
    submitted_early,
    hidden_characters,
    kolada_disagrees,
    submitted_in_future,
    invalid_waiver,
)

# Rules that look at what the others found: they run after them, on their findings before waiving.
AFTER_WAIVING: tuple[ModuleType, ...] = (unused_waiver,)

__all__ = ["AFTER_WAIVING", "ALL_RULES", "Rule", "iter_after_waiving", "iter_findings"]


def iter_findings(repo: Repository, *, warnings: bool = False) -> Iterator[Finding]:
    """Run the error rules (and with `warnings`, the enabled warning rules) over the repository."""
    disabled = set(repo.config.regler.av)
    for module in ALL_RULES:
        rule: Rule = module.RULE
        if rule.severity is Severity.WARNING and (not warnings or rule.code in disabled):
            continue
        for finding in module.check(repo):
            if finding.severity is not rule.severity:
                finding = Finding(finding.location, finding.code, finding.message, rule.severity)
            yield finding


def iter_after_waiving(repo: Repository, findings: Sequence[Finding]) -> Iterator[Finding]:
    """Run the enabled rules of AFTER_WAIVING over the other rules' findings (warnings included)."""
    disabled = set(repo.config.regler.av)
    for module in AFTER_WAIVING:
        if module.RULE.code not in disabled:
            yield from module.check(repo, findings)
