"""Everything the report shows, computed once: the templates only format these values.

Figures come from the follow-ups of the report's year and the years before it,
compared with the same engine as `naravard diff` (naravard.diff).
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from naravard.diff import YearDiff, compare_years
from naravard.findings import Finding, Severity
from naravard.kolada.precedence import KOLADA, nyckeltal_values
from naravard.model.followup import Uppfoljning
from naravard.model.strategy import Strategi
from naravard.model.words import RIKTNING, STATUS, UNIT
from naravard.repository import Entry, Repository
from naravard.submission import Status, submission

STATUS_NAMES = {key: word.capitalize() for key, word in STATUS.items()}
RIKTNING_NAMES = RIKTNING
UNIT_NAMES = UNIT
REFLECTION_NAMES = {
    "lardomar": "Lärdomar",
    "framgangsfaktorer": "Framgångsfaktorer",
    "utmaningar": "Utmaningar",
    "bedomning": "Bedömning",
}


@dataclass(frozen=True)
class KommunRef:
    """A kommun of the strategy, and whether the report is about it in particular."""

    id: str
    namn: str
    focus: bool


@dataclass(frozen=True)
class SubmissionRow:
    """One kommun's row of the kommun × year matrix: a naravard.submission.Status value per year."""

    kommun: KommunRef
    cells: tuple[str, ...]


@dataclass(frozen=True)
class ScoreRow:
    """One kommun's självskattning of the målbild and every delmål (None: not scored)."""

    kommun: KommunRef
    scores: tuple[int | None, ...]
    previous: tuple[int | None, ...]
    file: str | None


@dataclass(frozen=True)
class DelmalStats:
    """The distribution of one delmål's scores this year and the change since last year."""

    id: str
    namn: str
    fraga: str
    counts: tuple[int, ...]  # one count per step of the scale
    n: int
    missing: int
    up: int
    down: int
    same: int
    median: float | None


@dataclass(frozen=True)
class NyckeltalRow:
    """One kommun's value of a nyckeltal, earlier values, and where it stands against the median."""

    kommun: KommunRef
    value: float | None
    earlier: tuple[float | None, ...]
    verdict: str  # battre | samre | lika | neutral | saknas
    file: str | None
    source: str | None


@dataclass(frozen=True)
class NyckeltalSection:
    """One nyckeltal across the region."""

    id: str
    namn: str
    enhet: str
    riktning: str
    kalla: str
    median: float | None
    rows: tuple[NyckeltalRow, ...]
    reported: int


@dataclass(frozen=True)
class ActivityRow:
    """An activity of a kommun's plan as reported this year."""

    id: str
    titel: str
    delmal: tuple[str, ...]
    status: str
    resultat: str
    prioritering: str | None


@dataclass(frozen=True)
class KommunSection:
    """Everything about one kommun for the year."""

    kommun: KommunRef
    file: str | None
    plan_file: str | None
    scores: tuple[tuple[str, int | None, int | None], ...]  # (namn, previous, this year)
    nyckeltal: tuple[tuple[str, float | None, float | None, str], ...]  # (namn, value, median, verdict)
    activities: tuple[ActivityRow, ...]
    reflection: tuple[tuple[str, str], ...]
    errors: int


@dataclass(frozen=True)
class PriorityRow:
    """A priority of the regional handlingsplan and the activities that serve it."""

    id: str
    titel: str
    activities: int
    kommuner: tuple[str, ...]


@dataclass
class ReportContext:
    """The whole report for one year (and optionally a kommun set against the region)."""

    year: int
    previous_year: int | None
    region: str
    strategy_name: str
    strategy_file: str
    strategy_validity: str
    diarienummer: str
    malbild: str
    terms: dict[str, str]  # what the strategy calls its målbild and delmål (benamningar)
    scale: tuple[tuple[int, str], ...]
    score_names: tuple[str, ...]
    kommuner: tuple[KommunRef, ...]
    focus: tuple[str, ...]
    submission_years: tuple[int, ...]
    earlier_years: tuple[int, ...]  # the (at most two) years before, shown beside each nyckeltal
    submissions: tuple[SubmissionRow, ...]
    submitted: tuple[str, ...]
    missing: tuple[str, ...]
    invalid: tuple[tuple[str, str, int], ...]  # (kommun, file, errors)
    movements: tuple[str, ...]
    score_rows: tuple[ScoreRow, ...]
    delmal: tuple[DelmalStats, ...]
    nyckeltal: tuple[NyckeltalSection, ...]
    status_names: tuple[str, ...]
    activity_counts: tuple[tuple[str, tuple[int, ...]], ...]  # delmål namn → count per status
    priorities: tuple[PriorityRow, ...]
    sections: tuple[KommunSection, ...]
    sources: tuple[tuple[str, str], ...]
    commit: str
    version: str
    files: tuple[str, ...]
    kolada: bool = False
    charts: dict[str, str] = field(default_factory=dict)  # name → SVG, filled by the chart stage


def _median(values: Sequence[float]) -> float | None:
    return statistics.median(values) if values else None


def _verdict(value: float | None, median: float | None, riktning: str) -> str:
    if value is None:
        return "saknas"
    if median is None or value == median:
        return "lika"
    if riktning == "neutral":
        return "neutral"
    better = value > median if riktning == "hogre" else value < median
    return "battre" if better else "samre"


def _errors_by_file(findings: Sequence[Finding]) -> Counter[str]:
    return Counter(f.location.file for f in findings if f.severity is Severity.ERROR)


def _movements(diff: YearDiff, limit: int = 8) -> tuple[str, ...]:
    """Large moves first (a score two steps or more, a nyckeltal by a quarter), then the region."""
    large: list[tuple[float, str]] = []
    for k in diff.kommuner:
        for s in k.scores:
            if s.delta is not None and abs(s.delta) >= 2:
                large.append((abs(s.delta) / 2, f"{k.namn}: {s.namn} {s.old} → {s.new}"))
        for n in k.nyckeltal:
            if n.relative is not None and abs(n.relative) >= 0.25 and n.verdict in ("battre", "samre"):
                word = "bättre" if n.verdict == "battre" else "sämre"
                change = f"{n.relative:+.0%}".replace("%", " %")
                large.append((abs(n.relative), f"{k.namn}: {n.namn} {change} ({word})"))
    large.sort(key=lambda x: (-x[0], x[1]))
    lines = [text for _, text in large[:limit]]
    for summary in diff.region:
        if summary.up or summary.down:
            lines.append(
                f"{summary.namn}: {summary.up} kommuner skattar högre "
                f"och {summary.down} lägre än {diff.year_a}"
            )
    return tuple(lines)


def build_context(
    repo: Repository,
    findings: Sequence[Finding],
    year: int,
    *,
    focus: Sequence[str] = (),
    commit: str,
    version: str,
) -> ReportContext:
    """Compute the report for `year` from a loaded repository and its validation findings."""
    revision = repo.revision_for(year)
    if revision is None:
        from naravard.errors import UsageError

        raise UsageError(f"Ingen version av strategin gäller för {year}.")
    strategy: Strategi = revision.model
    refs = tuple(KommunRef(k.id, k.namn, k.id in focus) for k in strategy.kommuner)
    errors = _errors_by_file(findings)
    years_with_data = sorted(
        {f.year for f in repo.files if f.kind == "uppfoljning" and f.year and f.year <= year}
    )
    previous = max((y for y in years_with_data if y < year), default=None)
    submission_years = tuple(years_with_data or [year])

    files_by_key = {(f.folder, f.year): f.rel for f in repo.files if f.kind == "uppfoljning"}
    followups: dict[str, Entry[Uppfoljning]] = {}
    for kommun in refs:
        entry = repo.followup_for(kommun.id, year)
        if entry is not None:
            followups[kommun.id] = entry

    def cell(kommun: str, y: int) -> str:  # the definitions `naravard status` shares
        return submission(repo, errors, kommun, y).status.value

    submissions = tuple(SubmissionRow(k, tuple(cell(k.id, y) for y in submission_years)) for k in refs)
    submitted = tuple(k.namn for k in refs if cell(k.id, year) in (Status.INLAMNAD, Status.FEL))
    missing = tuple(k.namn for k in refs if cell(k.id, year) in (Status.SAKNAS, Status.UTKAST))
    invalid = tuple(
        (k.namn, files_by_key[(k.id, year)], errors[files_by_key[(k.id, year)]])
        for k in refs
        if cell(k.id, year) == "fel"
    )
    diff = compare_years(repo, previous if previous is not None else year, year)
    score_ids = [strategy.malbild.id, *(d.id for d in strategy.delmal)]
    score_names = (strategy.malbild.namn, *(d.namn for d in strategy.delmal))

    def scores_of(entry: Entry[Uppfoljning] | None) -> tuple[int | None, ...]:
        if entry is None:
            return tuple(None for _ in score_ids)
        return tuple(
            entry.model.sjalvskattning[i].varde if i in entry.model.sjalvskattning else None
            for i in score_ids
        )

    score_rows = tuple(
        ScoreRow(
            k,
            scores_of(followups.get(k.id)),
            scores_of(repo.followup_for(k.id, previous) if previous else None),
            followups[k.id].doc.rel if k.id in followups else None,
        )
        for k in refs
    )
    low, high = strategy.skala.min, strategy.skala.max
    delmal_stats = []
    fragor = {
        strategy.malbild.id: strategy.malbild.namn,
        **{d.id: d.skattningsfraga or d.namn for d in strategy.delmal},
    }
    for index, (key, namn) in enumerate(zip(score_ids, score_names, strict=True)):
        values = [r.scores[index] for r in score_rows if r.scores[index] is not None]
        summary = diff.region[index]
        delmal_stats.append(
            DelmalStats(
                id=key,
                namn=namn,
                fraga=fragor[key],
                counts=tuple(sum(1 for v in values if v == step) for step in range(low, high + 1)),
                n=len(values),
                missing=len(refs) - len(values),
                up=summary.up if previous else 0,
                down=summary.down if previous else 0,
                same=summary.same if previous else 0,
                median=_median([float(v) for v in values if v is not None]),
            )
        )

    earlier_years = [y for y in submission_years if y < year][-2:]
    sections_nyckeltal = []
    # A typed value counts; a value imported from Kolada fills in (naravard.kolada.precedence, issue 6).
    counted = {k.id: nyckeltal_values(repo, k.id, year) for k in refs}
    imported = repo.imported_for(year)
    for n in strategy.nyckeltal:
        reported = {k: v[n.id].varde for k, v in counted.items() if n.id in v}
        known = [v for v in reported.values() if v is not None]
        median = _median(known)
        rows = []
        for k in refs:
            value = reported.get(k.id)
            earlier = []
            for y in earlier_years:
                old = repo.followup_for(k.id, y)
                earlier.append(
                    old.model.nyckeltal[n.id].varde if old and n.id in old.model.nyckeltal else None
                )
            chosen = counted[k.id].get(n.id)
            from_kolada = chosen is not None and chosen.fran_kolada and imported is not None
            source = None
            if from_kolada:
                source = KOLADA
            elif k.id in followups and n.id in followups[k.id].model.nyckeltal:
                source = followups[k.id].model.nyckeltal[n.id].kalla
            file = followups[k.id].doc.rel if k.id in followups else None
            rows.append(
                NyckeltalRow(
                    k,
                    value,
                    tuple(earlier),
                    _verdict(value, median, n.riktning),
                    imported.doc.rel if from_kolada and imported else file,
                    source,
                )
            )
        sections_nyckeltal.append(
            NyckeltalSection(n.id, n.namn, n.enhet, n.riktning, n.kalla, median, tuple(rows), len(known))
        )

    delmal_names = {d.id: d.namn for d in strategy.delmal}
    status_keys = tuple(STATUS_NAMES)
    counts: dict[str, Counter[str]] = {d.id: Counter() for d in strategy.delmal}
    priority_use: dict[str, list[str]] = {}
    sections = []
    for k in refs:
        entry = followups.get(k.id)
        plans = repo.plans_for(k.id, year)
        plan = plans[0] if len(plans) == 1 else None
        by_id = {a.id: a for a in plan.model.aktiviteter} if plan else {}
        activities = []
        if entry is not None:
            for rapport in entry.model.aktiviteter:
                aktivitet = by_id.get(rapport.id)
                delmal = tuple(aktivitet.delmal) if aktivitet else ()
                for d in delmal:
                    if d in counts:
                        counts[d][rapport.status] += 1
                prio = aktivitet.prioritering if aktivitet else None
                if prio:
                    priority_use.setdefault(prio, []).append(k.namn)
                activities.append(
                    ActivityRow(
                        rapport.id,
                        aktivitet.titel if aktivitet else rapport.id,
                        tuple(delmal_names.get(d, d) for d in delmal),
                        STATUS_NAMES[rapport.status],
                        rapport.resultat,
                        prio,
                    )
                )
        if k.id not in focus and focus:
            continue
        row = next(r for r in score_rows if r.kommun.id == k.id)
        sections.append(
            KommunSection(
                kommun=k,
                file=entry.doc.rel if entry else None,
                plan_file=plan.doc.rel if plan else None,
                scores=tuple(zip(score_names, row.previous, row.scores, strict=True)),
                nyckeltal=tuple(
                    (
                        s.namn,
                        next(r.value for r in s.rows if r.kommun.id == k.id),
                        s.median,
                        next(r.verdict for r in s.rows if r.kommun.id == k.id),
                    )
                    for s in sections_nyckeltal
                ),
                activities=tuple(activities),
                reflection=tuple(
                    (REFLECTION_NAMES[key], getattr(entry.model.reflektion, key)) for key in REFLECTION_NAMES
                )
                if entry
                else (),
                errors=errors.get(entry.doc.rel, 0) if entry else 0,
            )
        )
    handlingsplan = next((h for h in repo.handlingsplaner if h.model.ar == year), None)
    priorities = tuple(
        PriorityRow(
            p.id, p.titel, len(priority_use.get(p.id, [])), tuple(sorted(set(priority_use.get(p.id, []))))
        )
        for p in (handlingsplan.model.prioriteringar if handlingsplan else [])
    )
    used_files = sorted(
        {revision.doc.rel}
        | {e.doc.rel for e in followups.values()}
        | {p.doc.rel for k in refs for p in repo.plans_for(k.id, year)}
        | ({handlingsplan.doc.rel} if handlingsplan else set())
        | ({imported.doc.rel} if imported else set())
    )
    info = strategy.strategi
    return ReportContext(
        year=year,
        previous_year=previous,
        region=strategy.region.namn,
        strategy_name=info.namn,
        strategy_file=revision.doc.rel,
        strategy_validity=f"{info.giltig_from.isoformat()}–{info.giltig_tom.isoformat()}",
        diarienummer=info.diarienummer,
        malbild=strategy.malbild.namn,
        terms=strategy.benamningar.model_dump(),
        scale=tuple(sorted(strategy.skala.etiketter.items())),
        score_names=score_names,
        kommuner=refs,
        focus=tuple(focus),
        submission_years=submission_years,
        earlier_years=tuple(earlier_years),
        submissions=submissions,
        submitted=submitted,
        missing=missing,
        invalid=invalid,
        movements=_movements(diff) if previous else (),
        score_rows=score_rows,
        delmal=tuple(delmal_stats),
        nyckeltal=tuple(sections_nyckeltal),
        status_names=tuple(STATUS_NAMES[s] for s in status_keys),
        activity_counts=tuple((delmal_names[d], tuple(c[s] for s in status_keys)) for d, c in counts.items()),
        priorities=priorities,
        sections=tuple(sections),
        sources=tuple((n.namn, n.kalla) for n in strategy.nyckeltal),
        commit=commit,
        version=version,
        files=tuple(used_files),
        kolada=any(
            v.kalla.strip().lower() == "kolada" for values in counted.values() for v in values.values()
        ),
    )
