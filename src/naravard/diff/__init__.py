"""Comparing follow-ups: between two years, or between two git revisions of the repository."""

from naravard.diff.changes import (
    ActivityChange,
    DelmalSummary,
    FileChange,
    KommunDiff,
    NyckeltalChange,
    RevisionDiff,
    ScoreChange,
    YearDiff,
)
from naravard.diff.compare import compare_followups, compare_revisions, compare_years

__all__ = [
    "ActivityChange",
    "DelmalSummary",
    "FileChange",
    "KommunDiff",
    "NyckeltalChange",
    "RevisionDiff",
    "ScoreChange",
    "YearDiff",
    "compare_followups",
    "compare_revisions",
    "compare_years",
]
