"""`naravard new plan --kommun ID [--kommun ID ...]`: a new (gemensam) local plan, prefilled and explained.

The period starts the year after the kommuner's current plan ends (or this
year when they have none) and runs four years, or less where the strategies
end sooner; the current plan is left as it is and keeps its years. The format
holds one plan per kommun folder (`lokal-plan.yaml`), so the new plan goes in
the folder of the first of its kommuner that has none; when every one has a
plan, nothing is written and the message says how to extend the current plan
instead. Activities of the current plan that run to its end and that the
latest follow-up does not report as finished or stopped are carried over with
the new period as their `nar`; otherwise the plan gets one empty activity that
shows every key. `parter` are the current plan's parties that name no kommun
left out of the new plan; one that names both kinds stays as a comment to look
at, one that names only kommuner left out is dropped. Every part has a short
comment in Swedish.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from naravard.authoring.scaffold import Scaffold, known_kommun, kommun_name, modeline, revision
from naravard.authoring.yamltext import comment, entry, flow_list, scalar, sequence
from naravard.discover import Kind
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
    joined = _joined(names)
    rel = f"data/kommuner/{_free_folder(repo, current, chosen, joined)}/lokal-plan.yaml"
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
        "period:",
        *_period(repo, current, start, end),
        f"# Dagen då planen antogs, t.ex. {start}-03-15 (valfritt).",
        "antagen:",
        *comment(0, f"Parterna bakom planen, t.ex. kommunen och {strategy.region.namn}s primärvård."),
        *_parties(repo, current, chosen),
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


def _free_folder(repo: Repository, current: list[Entry[LokalPlan]], chosen: list[str], joined: str) -> str:
    """The folder of the first chosen kommun without a plan file: the format holds one per folder."""
    taken = {f.folder for f in repo.files if f.kind is Kind.PLAN}
    free = [k for k in chosen if k not in taken]
    if free:
        return free[0]
    held = [p for p in current if p.file.folder in chosen]
    plan = max(held, key=lambda p: p.model.period.till, default=None)
    if plan is None:  # a plan file that cannot be read: it must be put right first
        folder = chosen[0]
        raise UsageError(
            f"data/kommuner/{folder}/lokal-plan.yaml finns redan och skrivs inte över. Rätta den "
            f"först (naravard validate data/kommuner/{folder}), eller byt namn på den om du vill börja om."
        )
    line = plan.doc.at(("period", "till")).line
    raise UsageError(
        f"{plan.doc.rel} finns redan och skrivs inte över: formatet har plats för en lokal plan per "
        f"kommunmapp, och {joined} har redan en i sin mapp. Förläng i stället den nuvarande "
        f"planen: skriv det nya sista året under `period:` (`till: {plan.model.period.till}`, rad {line}) "
        "och lägg till de nya aktiviteterna i den; uppföljningarna av de tidigare åren gäller som förut. "
        "En gemensam plan kan också läggas i mappen för en av dess kommuner som saknar plan."
    )


def _period(repo: Repository, current: list[Entry[LokalPlan]], start: int, end: int) -> list[str]:
    before = [p for p in current if p.model.period.till < start]
    latest = max(before, key=lambda p: p.model.period.till, default=None)
    first = "första året"
    if latest is not None and latest.model.period.till == start - 1:
        period = latest.model.period
        first = f"året efter att {latest.doc.rel} ({period.fran}–{period.till}) slutar; den står kvar"
    last = "sista året"
    if repo.revision_for(end + 1) is None:
        last = f"sista året; ingen strategi i data/region/ gäller efter {end}"
    return [f"  fran: {start}   # {first}", f"  till: {end}   # {last}"]


def _refuse_overlap(current: list[Entry[LokalPlan]], chosen: list[str], start: int, end: int) -> None:
    for plan in current:
        period = plan.model.period
        if period.fran <= end and start <= period.till:
            shared = [k for k in chosen if k in plan.model.kommuner]
            line = plan.doc.at(("period", "till")).line
            raise UsageError(
                f"{', '.join(shared)} omfattas redan av {plan.doc.rel} under {period.fran}–{period.till}, "
                f"som överlappar {start}–{end}. En kommun kan bara ha en plan per år: välj en "
                f"annan period med --fran och --till, eller korta först den planens period "
                f"(`till: {period.till}`, rad {line}) om den nya ska börja tidigare."
            )


def _joined(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " och " + names[-1]


def _parties(repo: Repository, current: list[Entry[LokalPlan]], chosen: list[str]) -> list[str]:
    """The current plans' parties; one naming a kommun left out of the new plan stays as a comment."""
    names = {k.id: k.namn for s in repo.strategies for k in s.model.kommuner}
    plans = sorted(current, key=lambda p: p.doc.rel)
    parties = list(dict.fromkeys(party for plan in plans for party in plan.model.parter))
    named = {party: _named(party, names) for party in parties}
    kept = [p for p in parties if named[p] <= set(chosen)]
    doubtful = [p for p in parties if p not in kept and named[p] & set(chosen)]  # the rest: not theirs
    if not doubtful:
        lines = sequence(0, "parter", kept)
    elif kept:
        lines = ["parter:", *(f"  - {scalar(p)}" for p in kept)]
    else:
        lines = ["parter: []"]
    for party in doubtful:
        left_out = _joined([name for k, name in names.items() if k in named[party] - set(chosen)])
        lines += comment(
            2, f"Från förra planen, men nämner också {left_out}, som inte är med: ändra eller ta bort."
        )
        lines += [f"  # - {scalar(party)}"]
    unnamed = [names.get(k, k) for k in chosen if not any(k in named[p] for p in kept)]
    if parties and unnamed:
        lines += comment(0, f"Ingen part nämner {_joined(unnamed)}: lägg till kommunen och vårdcentralen.")
    return lines


def _named(party: str, names: dict[str, str]) -> set[str]:
    """The kommuner that a party names ("Älvdalens kommun", "Falu kommun", "primärvården i Mora")."""
    found = set()
    for kommun, name in names.items():
        stems = [re.escape(name)] + ([re.escape(name[:-1]) + r"\b"] if name.endswith("n") else [])
        if re.search(r"(?<!\w)(?:" + "|".join(stems) + ")", party):
            found.add(kommun)
    return found


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
