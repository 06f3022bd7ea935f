"""The rule registry: every rule, in code order. One module per rule; its docstring is its doc.

A new rule: a module with `check(ctx)` and `RULE = Rule(...)` (see `naravard.rules.base`),
its `RULE` added below, and `make docs`. tests/test_rules.py runs its docstring's examples.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from naravard.findings import Finding, Severity
from naravard.repository import Repository
from naravard.rules import (
    activity_not_reported,
    activity_outside_nar,
    activity_overdue,
    contact_details,
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
    personal_identity_number,
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
    wrong_folder,
    wrong_year,
    year_not_covered,
)
from naravard.rules.base import Context, Rule

ALL_RULES: tuple[Rule, ...] = (
    unknown_delmal.RULE,
    unknown_nyckeltal.RULE,
    unknown_kommun.RULE,
    unknown_activity.RULE,
    unknown_priority.RULE,
    score_out_of_scale.RULE,
    missing_score.RULE,
    wrong_folder.RULE,
    wrong_year.RULE,
    year_not_covered.RULE,
    no_plan.RULE,
    plan_overlap.RULE,
    duplicate_id.RULE,
    nar_outside_period.RULE,
    strategy_inconsistent.RULE,
    import_mismatch.RULE,
    personal_identity_number.RULE,
    # Quality warnings (lint).
    placeholder_answer.RULE,
    activity_overdue.RULE,
    activity_not_reported.RULE,
    activity_outside_nar.RULE,
    delmal_without_activity.RULE,
    score_jump.RULE,
    nyckeltal_jump.RULE,
    nyckeltal_implausible.RULE,
    nyckeltal_missing.RULE,
    followup_missing.RULE,
    submitted_early.RULE,
    submitted_in_future.RULE,
    hidden_characters.RULE,
    kolada_disagrees.RULE,
    contact_details.RULE,
    invalid_waiver.RULE,
)

__all__ = ["ALL_RULES", "Context", "Rule", "iter_findings"]


def iter_findings(
    repo: Repository, *, warnings: bool = False, today: date | None = None
) -> Iterator[Finding]:
    """Run the error rules (and with `warnings`, the enabled warning rules) over the repository."""
    ctx = Context(repo, today or date.today())
    disabled = set(repo.config.regler.av)
    for rule in ALL_RULES:
        if rule.severity is Severity.WARNING and (not warnings or rule.code in disabled):
            continue
        yield from rule.check(ctx)
