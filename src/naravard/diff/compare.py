"""The comparison engine: follow-up against follow-up, year against year, revision against revision.

One engine serves `naravard diff`, `naravard diff --rev` and the report (issue 4).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import replace

from pydantic import BaseModel

from naravard.diff.changes import (
    ActivityChange,
    DelmalSummary,
    FileChange,
    KommunDiff,
    NyckeltalChange,
    RevisionDiff,
    ScoreChange,
    Verdict,
    YearDiff,
)
from naravard.diff.texts import text_changes
from naravard.discover import Kind
from naravard.model.followup import REFLECTION_KEYS, Uppfoljning
from naravard.model.plan import LokalPlan
from naravard.model.strategy import Strategi
from naravard.numbers import points, relative
from naravard.repository import Entry, Repository


def _verdict(riktning: str, old: float | None, new: float | None) -> Verdict:
    if old is None or new is None:
        return "okand"
    if old == new:
        return "oforandrad"
    if riktning == "neutral":
        return "neutral"
    better = new > old if riktning == "hogre" else new < old
    return "battre" if better else "samre"


def _titles(plans: Iterable[Entry[LokalPlan]]) -> dict[str, str]:
    return {a.id: a.titel for p in plans for a in p.model.aktiviteter}


def compare_followups(
    strategy: Strategi,
    old: Uppfoljning | None,
    new: Uppfoljning | None,
    *,
    kommun: str,
    labels: tuple[str, str],
    titles: dict[str, str] | None = None,
    renamed: dict[str, str] | None = None,
) -> KommunDiff:
    """Compare two follow-ups of one kommun against the strategy (B's revision).

    `renamed` maps an id of B's revision to the id the same thing had in A's (from the
    revision's `ersatter`), so values compare across a strategy revision.
    """
    renamed = renamed or {}
    names = {k.id: k.namn for k in strategy.kommuner}
    titles = titles or {}
    scored = [(strategy.malbild.id, strategy.malbild.namn), *((d.id, d.namn) for d in strategy.delmal)]
    old_scores = old.sjalvskattning if old else {}
    new_scores = new.sjalvskattning if new else {}
    scores = tuple(
        ScoreChange(
            key,
            namn,
            old_scores[k].varde
            if (k := key if key in old_scores else renamed.get(key, "")) in old_scores
            else None,
            new_scores[key].varde if key in new_scores else None,
        )
        for key, namn in scored
    )
    old_values = old.nyckeltal if old else {}
    new_values = new.nyckeltal if new else {}
    nyckeltal = []
    for n in strategy.nyckeltal:
        old_id = n.id if n.id in old_values else renamed.get(n.id, n.id)
        if old_id not in old_values and n.id not in new_values:
            continue
        a = old_values[old_id].varde if old_id in old_values else None
        b = new_values[n.id].varde if n.id in new_values else None
        absolute = None if a is None or b is None else b - a
        nyckeltal.append(
            NyckeltalChange(
                n.id,
                n.namn,
                n.enhet,
                n.riktning,
                a,
                b,
                absolute,
                relative(a, b),
                _verdict(n.riktning, a, b),
                points(n.enhet, a, b),
            )
        )
    activities = _activities(old, new, titles) if old and new else ()
    texts = text_changes(old, new, titles) if old and new else ()
    reflection = tuple(
        key
        for key in REFLECTION_KEYS
        if old and new and getattr(old.reflektion, key).strip() != getattr(new.reflektion, key).strip()
    )
    return KommunDiff(
        kommun=kommun,
        namn=names.get(kommun, kommun),
        label_a=labels[0],
        label_b=labels[1],
        has_a=old is not None,
        has_b=new is not None,
        scores=scores,
        nyckeltal=tuple(nyckeltal),
        activities=activities,
        reflection_changed=reflection,
        texts=texts,
    )


def _activities(old: Uppfoljning, new: Uppfoljning, titles: dict[str, str]) -> tuple[ActivityChange, ...]:
    before = {a.id: a.status for a in old.aktiviteter}
    after = {a.id: a.status for a in new.aktiviteter}
    changes = []
    for key, status in after.items():
        title = titles.get(key, key)
        if key not in before:
            changes.append(ActivityChange(key, title, "ny", None, status))
        elif status == "genomford" and before[key] != "genomford":
            changes.append(ActivityChange(key, title, "genomford", before[key], status))
        elif status != before[key]:
            changes.append(ActivityChange(key, title, "status", before[key], status))
    for key, status in before.items():
        if key not in after:
            changes.append(ActivityChange(key, titles.get(key, key), "borttagen", status, None))
    return tuple(changes)


def compare_years(repo: Repository, year_a: int, year_b: int, kommuner: Iterable[str] = ()) -> YearDiff:
    """Every kommun's follow-up of `year_a` against `year_b`, and the region's movement."""
    revision = repo.revision_for(year_b) or repo.revision_for(year_a)
    if revision is None:
        from naravard.errors import UsageError

        raise UsageError(f"Ingen version av strategin gäller för {year_a} eller {year_b}.")
    strategy = revision.model
    wanted = list(kommuner) or [k.id for k in strategy.kommuner]
    earlier = repo.revision_for(year_a)
    renamed: dict[str, str] = {}
    not_comparable: list[str] = []
    if earlier is not None and earlier.doc.rel != revision.doc.rel:
        mapping = strategy.ersatter
        if mapping is not None:
            renamed = {new: old for old, new in {**mapping.delmal, **mapping.nyckeltal}.items()}
        kept = {n.id for n in strategy.nyckeltal} | set(renamed.values())
        not_comparable = [f"{n.namn} ({n.id})" for n in earlier.model.nyckeltal if n.id not in kept]
        kept_delmal = {d.id for d in strategy.delmal} | set(renamed.values())
        not_comparable += [f"{d.namn} ({d.id})" for d in earlier.model.delmal if d.id not in kept_delmal]
    diffs = []
    for kommun in wanted:
        old = repo.followup_for(kommun, year_a)
        new = repo.followup_for(kommun, year_b)
        titles = _titles([*repo.plans_for(kommun, year_a), *repo.plans_for(kommun, year_b)])
        diffs.append(
            compare_followups(
                strategy,
                old.model if old else None,
                new.model if new else None,
                kommun=kommun,
                labels=(str(year_a), str(year_b)),
                titles=titles,
                renamed=renamed,
            )
        )
    return YearDiff(
        year_a=year_a,
        year_b=year_b,
        scale=(strategy.skala.min, strategy.skala.max),
        kommuner=tuple(diffs),
        region=_region(strategy, diffs, (str(year_a), str(year_b))),
        not_comparable=tuple(not_comparable),
        terms=strategy.benamningar.model_dump(),
    )


def _region(
    strategy: Strategi, diffs: list[KommunDiff], labels: tuple[str, str]
) -> tuple[DelmalSummary, ...]:
    summaries = []
    scored = [(strategy.malbild.id, strategy.malbild.namn), *((d.id, d.namn) for d in strategy.delmal)]
    for index, (key, namn) in enumerate(scored):
        changes = [d.scores[index] for d in diffs]
        deltas = [c.delta for c in changes if c.delta is not None]
        distribution = {
            labels[0]: dict(sorted(Counter(c.old for c in changes if c.old is not None).items())),
            labels[1]: dict(sorted(Counter(c.new for c in changes if c.new is not None).items())),
        }
        missing = {
            labels[0]: sum(1 for c in changes if c.old is None),
            labels[1]: sum(1 for c in changes if c.new is None),
        }
        summaries.append(
            DelmalSummary(
                id=key,
                namn=namn,
                up=sum(1 for d in deltas if d > 0),
                down=sum(1 for d in deltas if d < 0),
                same=sum(1 for d in deltas if d == 0),
                distribution=distribution,
                missing=missing,
            )
        )
    return tuple(summaries)


def compare_revisions(
    old: Repository,
    new: Repository,
    *,
    labels: tuple[str, str],
    errors: Mapping[str, int] | None = None,
) -> RevisionDiff:
    """What changed between two loaded revisions of a repository, in the domain's terms.

    A follow-up is known by its file (`data/kommuner/<kommun>/uppfoljning-<år>.yaml`): a file
    that is there in B but has errors (`errors`: per file, in B) is reported as such with the
    count, never as removed; only a file that is gone is removed.
    """
    errors = errors or {}
    old_files, new_files = old.followup_files(), new.followup_files()
    old_entries = {f.doc.rel: f for f in old.followups}
    new_entries = {f.doc.rel: f for f in new.followups}
    followups = []
    skipped = {f.location.file for f in (*old.skipped, *new.skipped)}
    for key in sorted(old_files.keys() | new_files.keys(), key=lambda k: (k[1], k[0])):
        rel_a, rel_b = old_files.get(key), new_files.get(key)
        a = old_entries.get(rel_a) if rel_a else None
        b = new_entries.get(rel_b) if rel_b else None
        count = errors.get(rel_b, 0) if rel_b else 0
        if a and b and a.model == b.model and not count:
            continue
        present = a or b
        if present is not None and present.doc.rel in skipped:
            continue  # not read on one side: said below, never shown as added or removed
        revision = new.revision_for(key[1]) or old.revision_for(key[1])
        if revision is None:
            continue
        titles = _titles([*old.plans_for(*key), *new.plans_for(*key)])
        diff = compare_followups(
            revision.model,
            a.model if a else None,
            b.model if b else None,
            kommun=key[0],
            labels=(f"{key[1]}", f"{key[1]}"),
            titles=titles,
        )
        followups.append(replace(diff, errors=count, broken_a=rel_a is not None and a is None))
    notes = tuple(f"{f.location.file}: {f.message}" for f in (*old.skipped, *new.skipped))
    files = [f for f in _other_files(old, new, errors) if f.file not in skipped]
    return RevisionDiff(labels[0], labels[1], tuple(followups), tuple(files), notes)


def _other_files(old: Repository, new: Repository, errors: Mapping[str, int]) -> list[FileChange]:
    def index(repo: Repository) -> dict[str, Entry[BaseModel]]:
        entries: list[Entry[BaseModel]] = [*repo.strategies, *repo.handlingsplaner, *repo.plans]
        return {e.doc.rel: e for e in entries}

    kinds = (Kind.STRATEGY, Kind.HANDLINGSPLAN, Kind.PLAN)
    present = {f.rel for f in new.files if f.kind in kinds}
    before, after = index(old), index(new)
    changes = []
    for rel in sorted(before.keys() | after.keys() | {r for r in present if errors.get(r)}):
        a, b = before.get(rel), after.get(rel)
        if errors.get(rel) and (b is None or a is None or a.model != b.model):
            changes.append(FileChange(rel, "fel", (f"{errors[rel]} fel",)))
        elif a is None and b is not None:
            changes.append(FileChange(rel, "ny"))
        elif b is None and rel not in present:
            changes.append(FileChange(rel, "borttagen"))
        elif a is not None and b is not None and a.model != b.model:
            details: tuple[str, ...] = ()
            if isinstance(a.model, LokalPlan) and isinstance(b.model, LokalPlan):
                details = _plan_details(a.model, b.model)
            else:
                details = tuple(
                    f"`{k}` ändrad"
                    for k in type(a.model).model_fields
                    if getattr(a.model, k) != getattr(b.model, k)
                )
            changes.append(FileChange(rel, "andrad", details))
    return changes


def _plan_details(old: LokalPlan, new: LokalPlan) -> tuple[str, ...]:
    before = {a.id: a for a in old.aktiviteter}
    after = {a.id: a for a in new.aktiviteter}
    details = [f"ny aktivitet {after[key].titel}" for key in after if key not in before]
    details += [f"aktiviteten {before[key].titel} borttagen" for key in before if key not in after]
    details += [
        f"aktiviteten {after[key].titel} ändrad"
        for key in after
        if key in before and after[key] != before[key]
    ]
    for field_name in ("kommuner", "period", "titel", "parter", "antagen"):
        if getattr(old, field_name) != getattr(new, field_name):
            details.append(f"`{field_name}` ändrad")
    return tuple(details)
