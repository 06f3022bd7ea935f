"""`naravard new plan --kommun ID [--kommun ID ...]`: a new (gemensam) local plan, prefilled and explained.

The period starts the year after the kommuner's current plan ends (or this
year when they have none) and runs four years, or less where the strategies
end sooner. Activities of the current plan that run to its end and that the
latest follow-up does not report as finished or stopped are carried over with
the new period as their `nar`; otherwise the plan gets one empty activity that
shows every key. Every part has a short comment in Swedish.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from naravard.authoring.scaffold import Scaffold, known_kommun, kommun_name, modeline, revision
from naravard.authoring.yamltext import comment, entry, flow_list, scalar, sequence
from naravard.errors import UsageError
from naravard.model.plan import Aktivitet, LokalPlan
from naravard.model.strategy import Strategi
from naravard.repository import Entry, Repository

PERIOD_YEARS = 4
_FINISHED = ("genomford", "avbruten")


def plan_scaffold(
    repo: Repository,
    kommuner: Sequence[str],
    *,
    fran: int | None = None,
    till: int | None = None,
    today: date | None = None,
) -> Scaffold:
    """The text of data/kommuner/<first kommun>/lokal-plan.yaml (nothing is written)."""
    chosen = list(dict.fromkeys(kommuner))
    if not chosen:
        raise UsageError("Ange minst en kommun med --kommun.")
    for kommun in chosen:
        known_kommun(repo, kommun)
    current = [p for p in repo.plans if set(p.model.kommuner) & set(chosen)]
    start = fran if fran is not None else _first_free_year(current, today or date.today())
    end = till if till is not None else _default_end(repo, start)
    if end < start:
        raise UsageError(f"Perioden {start}–{end} slutar innan den börjar.")
    for year in range(start, end + 1):
        revision(repo, year)  # every year of the period needs a strategy (NV210)
    _refuse_overlap(current, chosen, start, end)
    strategy = revision(repo, start).model
    names = [kommun_name(strategy, k) for k in chosen]
    joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " och " + names[-1]
    rel = f"data/kommuner/{chosen[0]}/lokal-plan.yaml"
    carried = _carried_over(repo, current, chosen)
    command = " ".join(f"--kommun {k}" for k in chosen)
    lines = [
        modeline("lokal-plan.schema.json"),
        f"# Lokal plan {start}–{end} för {joined}.",
        f"# Skapad med `naravard new plan {command}`.",
        *comment(
            0,
            "Varje aktivitet svarar på fem frågor: vad som ska göras, hur, när, vem som ansvarar "
            "och hur den följs upp.",
        ),
        "# Fyll i det som är tomt och kontrollera sedan filen:",
        f"#   naravard validate {rel}",
        *comment(0, "Kommunerna som planen gäller: en, eller flera för en gemensam plan."),
        f"kommuner: {flow_list(chosen)}",
        *entry(0, "titel", f"Lokal plan för nära vård i {joined}"),
        "# Åren som planen gäller, båda medräknade.",
        f"period: {{fran: {start}, till: {end}}}",
        f"# Dagen då planen antogs, t.ex. {start}-03-15 (valfritt).",
        "antagen:",
        *comment(0, f"Parterna bakom planen, t.ex. kommunen och {strategy.region.namn}s primärvård."),
        *sequence(0, "parter", _parties(current)),
        "",
        *_activities(repo, strategy, carried, start, end),
    ]
    return Scaffold(rel, "\n".join(lines) + "\n")


def _first_free_year(current: list[Entry[LokalPlan]], today: date) -> int:
    ends = [p.model.period.till for p in current]
    return max([*ends, today.year - 1]) + 1


def _default_end(repo: Repository, start: int) -> int:
    """Four years, or fewer where the strategies in the repository end sooner."""
    end = start + PERIOD_YEARS - 1
    while end > start and repo.revision_for(end) is None:
        end -= 1
    return end


def _refuse_overlap(current: list[Entry[LokalPlan]], chosen: list[str], start: int, end: int) -> None:
    for plan in current:
        period = plan.model.period
        if period.fran <= end and start <= period.till:
            shared = [k for k in chosen if k in plan.model.kommuner]
            raise UsageError(
                f"{', '.join(shared)} omfattas redan av {plan.doc.rel} under {period.fran}–{period.till}, "
                f"som överlappar {start}–{end}. En kommun kan bara ha en plan per år: välj en "
                "annan period med --fran och --till."
            )


def _parties(current: list[Entry[LokalPlan]]) -> list[str]:
    latest = max(current, key=lambda p: p.model.period.till, default=None)
    return list(latest.model.parter) if latest else []


def _carried_over(
    repo: Repository, current: list[Entry[LokalPlan]], chosen: list[str]
) -> list[tuple[Entry[LokalPlan], Aktivitet]]:
    carried = []
    for plan in sorted(current, key=lambda p: p.doc.rel):
        statuses = _latest_statuses(repo, [k for k in plan.model.kommuner if k in chosen])
        for aktivitet in plan.model.aktiviteter:
            runs_to_end = aktivitet.nar.slut.last.year >= plan.model.period.till
            if runs_to_end and statuses.get(aktivitet.id) not in _FINISHED:
                carried.append((plan, aktivitet))
    return carried


def _latest_statuses(repo: Repository, kommuner: list[str]) -> dict[str, str]:
    statuses: dict[str, str] = {}
    for followup in sorted(repo.followups, key=lambda f: f.model.ar):
        if followup.model.kommun in kommuner:
            statuses.update((a.id, a.status) for a in followup.model.aktiviteter)
    return statuses


def _activities(
    repo: Repository,
    strategy: Strategi,
    carried: list[tuple[Entry[LokalPlan], Aktivitet]],
    start: int,
    end: int,
) -> list[str]:
    delmal = ", ".join(d.id for d in strategy.delmal)
    lines = [
        "# Aktiviteterna.",
        *comment(0, f"delmal: ett eller flera av {delmal}."),
        *comment(
            0,
            "nar: start och slut som år (2027), månad (2027-09) eller datum (2027-09-15), inom "
            "planens period.",
        ),
        "aktiviteter:",
    ]
    priorities = {
        p.id for h in repo.handlingsplaner if start <= h.model.ar <= end for p in h.model.prioriteringar
    }
    if not carried:
        return [*lines, *_empty_activity(strategy, start, end)]
    for plan, aktivitet in carried:
        lines += comment(2, f"Från {plan.doc.rel} ({plan.model.period.fran}–{plan.model.period.till}).")
        lines += [f"  - id: {scalar(aktivitet.id)}"]
        lines += entry(4, "titel", aktivitet.titel)
        lines += [f"    delmal: {flow_list(aktivitet.delmal)}"]
        lines += entry(4, "vad", aktivitet.vad)
        lines += entry(4, "hur", aktivitet.hur)
        lines += [f"    nar: {{start: {start}, slut: {end}}}"]
        lines += entry(4, "ansvarig", aktivitet.ansvarig)
        lines += entry(4, "uppfoljning", aktivitet.uppfoljning)
        if aktivitet.malgrupp:
            lines += entry(4, "malgrupp", aktivitet.malgrupp)
        if aktivitet.prioritering and aktivitet.prioritering in priorities:
            lines += entry(4, "prioritering", aktivitet.prioritering)
        elif aktivitet.prioritering:
            lines += comment(
                4,
                f"prioritering: {aktivitet.prioritering} i förra planen; ange en prioritering ur en "
                f"handlingsplan för {start}–{end} när en sådan finns.",
            )
    return lines


def _empty_activity(strategy: Strategi, start: int, end: int) -> list[str]:
    example = flow_list([d.id for d in strategy.delmal[:2]])
    return [
        "  # En aktivitet. Kopiera blocket för fler.",
        "  - id:   # ett kort id: a–z, siffror och bindestreck, t.ex. mobilt-team",
        "    titel:",
        f"    delmal: []   # t.ex. {example}",
        "    vad:   # Vad ska göras?",
        "    hur:   # Hur ska det göras?",
        f"    nar: {{start: {start}, slut: {end}}}",
        "    ansvarig:   # Vem ansvarar?",
        "    uppfoljning:   # Hur följs aktiviteten upp?",
        "    # malgrupp: t.ex. äldre (valfritt)",
        "    # prioritering: id för en prioritering i den regionala handlingsplanen (valfritt)",
    ]
