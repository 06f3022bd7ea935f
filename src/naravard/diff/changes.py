"""What a comparison finds, as plain immutable values (rendered by naravard.output.diff)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

# One vocabulary for every judgement, in diff and in the report: better, worse, unchanged (or as
# the median), no direction, unknown.
Verdict = Literal["battre", "samre", "oforandrad", "neutral", "okand"]
ActivityKind = Literal["ny", "genomford", "borttagen", "status"]


@dataclass(frozen=True)
class ScoreChange:
    """A självskattning of the målbild or a delmål in the two follow-ups."""

    id: str
    namn: str
    old: int | None
    new: int | None

    @property
    def delta(self) -> int | None:
        return None if self.old is None or self.new is None else self.new - self.old


@dataclass(frozen=True)
class NyckeltalChange:
    """A nyckeltal in the two follow-ups, judged by the strategy's `riktning`."""

    id: str
    namn: str
    enhet: str
    riktning: str
    old: float | None
    new: float | None
    absolute: float | None
    relative: float | None
    verdict: Verdict
    points: float | None = None  # the change in procentenheter, for procent and andel (naravard.numbers)


@dataclass(frozen=True)
class ActivityChange:
    """An activity that appeared, finished, disappeared or changed status."""

    id: str
    titel: str
    kind: ActivityKind
    old_status: str | None
    new_status: str | None


@dataclass(frozen=True)
class TextChange:
    """A free text that was rewritten: where (`resultat` of an activity, a part of the reflection)
    and a short word diff (`„Tio“ → „Tolv“; +„och kaffe“`)."""

    where: str
    words: str


@dataclass(frozen=True)
class KommunDiff:
    """One kommun's follow-up in A against B (either may be missing)."""

    kommun: str
    namn: str
    label_a: str
    label_b: str
    has_a: bool
    has_b: bool
    scores: tuple[ScoreChange, ...] = ()
    nyckeltal: tuple[NyckeltalChange, ...] = ()
    activities: tuple[ActivityChange, ...] = ()
    reflection_changed: tuple[str, ...] = ()
    texts: tuple[TextChange, ...] = ()
    errors: int = 0  # errors in B's file (a revision diff): with has_b False the file is there but broken
    broken_a: bool = False  # A's file was there but could not be read (a revision diff)

    @property
    def moved(self) -> bool:
        """True when anything differs."""
        return (
            self.has_a != self.has_b
            or any(s.old != s.new for s in self.scores)
            or any(n.old != n.new for n in self.nyckeltal)
            or bool(self.activities)
            or bool(self.reflection_changed)
        )


@dataclass(frozen=True)
class DelmalSummary:
    """The region's movement on one delmål (or the målbild) between the years."""

    id: str
    namn: str
    up: int
    down: int
    same: int
    distribution: dict[str, dict[int, int]]  # year label → score → number of kommuner
    missing: dict[str, int]  # year label → kommuner without a score


@dataclass(frozen=True)
class YearDiff:
    """`naravard diff A B`: every kommun, then the region."""

    year_a: int
    year_b: int
    scale: tuple[int, int]
    kommuner: tuple[KommunDiff, ...]
    region: tuple[DelmalSummary, ...]
    not_comparable: tuple[str, ...] = ()  # what the earlier revision had and the later one does not map
    terms: dict[str, str] = field(default_factory=dict)  # the strategy's benamningar


@dataclass(frozen=True)
class FileChange:
    """A data file other than a follow-up that was added, removed, changed, or is there with errors
    (`fel`: it could not be compared, details say how many)."""

    file: str
    kind: Literal["ny", "borttagen", "andrad", "fel"]
    details: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class RevisionDiff:
    """`naravard diff --rev A..B`: what a change to the repository means."""

    rev_a: str
    rev_b: str
    followups: tuple[KommunDiff, ...]
    files: tuple[FileChange, ...]
    skipped: tuple[str, ...] = ()  # files a revision has that were not read, and why (issue 21)
