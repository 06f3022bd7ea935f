"""The repository as checked models: every file loaded, shaped, and indexed for cross-file rules."""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError

from naravard.config import Konfiguration, load_config
from naravard.discover import (
    CONFIG_NAME,
    EXPECTED_NAMES,
    DataFile,
    GitSnapshot,
    Kind,
    MemorySnapshot,
    Snapshot,
    iter_data_files,
)
from naravard.errors import UsageError
from naravard.findings import Code, Finding, Location
from naravard.loader import MAX_BYTES, SourceDocument
from naravard.loader.cache import ParseCache
from naravard.loader.codes import UNREADABLE_FILE
from naravard.loader.parallel import InMemory, OnDisk, Source, load_all, load_source
from naravard.loader.tree import Path as Path_
from naravard.loader.tree import Positions, Span
from naravard.model.followup import Uppfoljning
from naravard.model.handlingsplan import Handlingsplan
from naravard.model.imported import ImporteradeNyckeltal
from naravard.model.messages import iter_schema_findings
from naravard.model.plan import LokalPlan
from naravard.model.strategy import Strategi
from naravard.submission import is_draft
from naravard.suggest import guess, show

M = TypeVar("M", bound=BaseModel, covariant=True)
Yearly = TypeVar("Yearly", Uppfoljning, Handlingsplan, ImporteradeNyckeltal)

MODELS: dict[Kind, type[BaseModel]] = {
    Kind.STRATEGY: Strategi,
    Kind.PLAN: LokalPlan,
    Kind.FOLLOWUP: Uppfoljning,
    Kind.HANDLINGSPLAN: Handlingsplan,
    Kind.NYCKELTAL: ImporteradeNyckeltal,
}


@dataclass(frozen=True)
class Entry(Generic[M]):
    """A file that loaded and matched its model."""

    file: DataFile
    doc: SourceDocument
    model: M
    partial: bool = False  # a file with schema errors, less the parts that broke it (see `salvage`)
    gaps: frozenset[tuple[int, int]] = frozenset()  # where a salvaged file lost a part: line, column


@dataclass(frozen=True)
class Revised:
    """An id of another strategy revision than the one in force: that revision, and the id now."""

    revision: Entry[Strategi]
    new: str | None


@dataclass
class Repository:
    """Everything the cross-file rules look at."""

    root: Path
    config_doc: SourceDocument | None = None
    waivers: dict[str, dict[int, tuple[int, tuple[str, ...]]]] = field(default_factory=dict)
    config: Konfiguration = field(default_factory=lambda: Konfiguration())
    files: list[DataFile] = field(default_factory=list)
    documents: list[SourceDocument] = field(default_factory=list)  # every file read, also broken ones
    findings: list[Finding] = field(default_factory=list)
    strategies: list[Entry[Strategi]] = field(default_factory=list)
    plans: list[Entry[LokalPlan]] = field(default_factory=list)
    followups: list[Entry[Uppfoljning]] = field(default_factory=list)
    handlingsplaner: list[Entry[Handlingsplan]] = field(default_factory=list)
    imported: list[Entry[ImporteradeNyckeltal]] = field(default_factory=list)
    partial: list[Entry[BaseModel]] = field(default_factory=list)
    drafts: set[str] = field(default_factory=set)  # follow-ups with no score filled in (naravard.submission)
    skipped: list[Finding] = field(default_factory=list)  # files of a revision not read (too large)
    snapshot: Snapshot | None = None  # where the files were read from when not the working tree
    _followup_index: dict[tuple[str, int], Entry[Uppfoljning]] = field(default_factory=dict, repr=False)
    _plan_index: dict[str, list[Entry[LokalPlan]]] = field(default_factory=dict, repr=False)
    _index_size: tuple[int, int] = (-1, -1)
    _followup_files: tuple[int, dict[tuple[str, int], str]] = (-1, {})

    def for_rules(self) -> Repository:
        """The repository as the rules see it: with what could be read of files with schema errors.

        A plan with one bad value is still the plan: its follow-ups are checked against it, and
        its other parts against the strategy (issue 16: no cascades). Reports, exports and diffs
        never see these partial files; they use the repository itself.
        """
        if not self.partial:
            return self
        view = replace(self, _followup_index={}, _plan_index={}, _index_size=(-1, -1))  # same files
        for name in ("strategies", "plans", "followups", "handlingsplaner", "imported"):
            setattr(view, name, list(getattr(self, name)))
        for entry in self.partial:
            _index(view, entry)
        return view

    def revision_for(self, year: int) -> Entry[Strategi] | None:
        """The strategy revision in force for `year` (FORMAT.md rule 4), or None."""
        return revision_in_force(self.strategies, year)

    def across_revision(self, revision: Entry[Strategi], section: str, key: str) -> Revised | None:
        """`key` is no id of `revision` but one of another revision of the strategy: which, and its new id.

        `section` is `delmal` or `nyckeltal`. The new id comes from the revision's `ersatter`.
        A fix never guesses across a revision: renaming is `naravard migrate`'s (issue 16).
        """
        for other in self.strategies:
            if other is revision:
                continue
            model = other.model
            if section == "nyckeltal":
                ids = {n.id for n in model.nyckeltal}
            else:
                ids = {model.malbild.id, *(d.id for d in model.delmal)}
            if key in ids:
                mapping = revision.model.ersatter
                new = getattr(mapping, section).get(key) if mapping is not None else None
                return Revised(other, new)
        return None

    def revisions_for(self, years: Iterable[int]) -> list[Entry[Strategi]]:
        """The revisions in force for any of `years`, without repeats."""
        found: dict[str, Entry[Strategi]] = {}
        for year in years:
            entry = self.revision_for(year)
            if entry is not None:
                found[entry.doc.rel] = entry
        return list(found.values())

    def in_force(self, entries: Iterable[Entry[Yearly]]) -> Iterator[tuple[Entry[Yearly], Entry[Strategi]]]:
        """Each yearly file with the strategy revision in force for its year (without one: NV210)."""
        for entry in entries:
            revision = self.revision_for(entry.model.ar)
            if revision is not None:
                yield entry, revision

    def followups_with_plan(self) -> Iterator[tuple[Entry[Uppfoljning], Entry[LokalPlan]]]:
        """Each follow-up with its kommun's one plan for its year (none or two: NV211, NV212)."""
        for followup in self.followups:
            plan = self.plan_for(followup.model.kommun, followup.model.ar)
            if plan is not None:
                yield followup, plan

    def kommun_ids(self) -> list[str]:
        """Every kommun id of every strategy revision."""
        return list(dict.fromkeys(k.id for s in self.strategies for k in s.model.kommuner))

    def followup_for(self, kommun: str, year: int) -> Entry[Uppfoljning] | None:
        """The follow-up of `kommun` for `year`, if one loaded cleanly."""
        return self._followups_by_key().get((kommun, year))

    def plans_for(self, kommun: str, year: int) -> list[Entry[LokalPlan]]:
        """The plans that hold `kommun` and whose period holds `year` (FORMAT.md rule 5)."""
        return [
            p
            for p in self._plans_by_kommun().get(kommun, [])
            if p.model.period.fran <= year <= p.model.period.till
        ]

    def plan_for(self, kommun: str, year: int) -> Entry[LokalPlan] | None:
        """The one plan of `kommun` for `year`; None when there is none or two (NV211, NV212)."""
        plans = self.plans_for(kommun, year)
        return plans[0] if len(plans) == 1 else None

    def _followups_by_key(self) -> dict[tuple[str, int], Entry[Uppfoljning]]:
        # Rules ask once per follow-up and year: an index, rebuilt if more files were added.
        if self._index_size != (len(self.followups), len(self.plans)):
            self._rebuild_index()
        return self._followup_index

    def _plans_by_kommun(self) -> dict[str, list[Entry[LokalPlan]]]:
        if self._index_size != (len(self.followups), len(self.plans)):
            self._rebuild_index()
        return self._plan_index

    def _rebuild_index(self) -> None:
        self._followup_index = {}
        for entry in self.followups:
            self._followup_index.setdefault((entry.model.kommun, entry.model.ar), entry)
        self._plan_index = {}
        for plan in self.plans:
            for kommun in dict.fromkeys(plan.model.kommuner):
                self._plan_index.setdefault(kommun, []).append(plan)
        self._index_size = (len(self.followups), len(self.plans))

    def followup_files(self) -> dict[tuple[str, int], str]:
        """(kommun folder, year) → the path of every follow-up file, loaded or not (broken, draft)."""
        if self._followup_files[0] != len(self.files):  # asked once per kommun and year: kept
            found = {
                (f.folder, f.year): f.rel
                for f in self.files
                if f.kind is Kind.FOLLOWUP and f.folder is not None and f.year is not None
            }
            self._followup_files = (len(self.files), found)
        return self._followup_files[1]

    def imported_for(self, year: int) -> Entry[ImporteradeNyckeltal] | None:
        """The nyckeltal imported from Kolada for `year` (nyckeltal-ÅÅÅÅ.yaml), if it loaded cleanly."""
        for entry in self.imported:
            if entry.model.ar == year and entry.file.year == year:
                return entry
        return None


def load_repository(
    root: Path,
    *,
    revision: str | None = None,
    jobs: int | None = None,
    until: int | None = None,
    contents: Mapping[str, bytes] | None = None,
    start: str | None = None,
    cache: ParseCache | None = None,
    overrides: Mapping[str, bytes] | None = None,
) -> Repository:
    """Load every data file of the repository (or of a git revision of it, or of `contents`).

    Broken files become findings, never exceptions. Files are parsed in `jobs` worker
    processes started with `start` (defaults: one per core for a large repository, the
    platform's safe start method; see naravard.loader.parallel and naravard.workers). With
    `until`, the follow-ups and Kolada imports of later years are listed in `files` but not
    loaded: what a report or a diff of that year reads, since no error of an earlier file
    depends on them. Strategies, plans and handlingsplaner are always loaded (a plan's
    priorities may come from a later handlingsplan). With `contents` (path from the root →
    bytes), the files are those and nothing is read from disk. With a `cache`, only files whose
    bytes it has not seen are parsed (naravard.loader.cache); everything else runs as without it.
    With `overrides` (path from the root → bytes), those files of the working tree are read as
    those bytes: what a command that rewrites files checks before it writes them.
    """
    snapshot = MemorySnapshot(root, contents) if contents is not None else None
    return _load(root, revision, jobs, until, snapshot, start, cache, overrides or {})


def _load(
    root: Path,
    revision: str | None,
    jobs: int | None,
    until: int | None,
    snapshot: Snapshot | None,
    start: str | None = None,
    cache: ParseCache | None = None,
    overrides: Mapping[str, bytes] | None = None,
) -> Repository:
    if revision is not None:
        snapshot = GitSnapshot(root, revision)
    repo = Repository(root, snapshot=snapshot)
    files = snapshot.files() if snapshot else list(iter_data_files(root))

    def source(rel: str, path: Path) -> Source:
        if overrides and rel in overrides:
            return InMemory(rel, overrides[rel])
        return OnDisk(root, path) if snapshot is None else InMemory(rel, snapshot.read(rel))

    config = load_source(source(CONFIG_NAME, root / CONFIG_NAME))
    if config is not None:
        repo.config_doc = config
        repo.waivers[CONFIG_NAME] = config.waivers
        repo.config, config_findings = load_config(config)
        repo.findings.extend(config_findings)
    repo.files = files
    known = [file for file in files if file.kind is not Kind.UNKNOWN and not later_than(file, until)]
    repo.findings.extend(_unknown_file(file) for file in files if file.kind is Kind.UNKNOWN)
    docs = list(
        load_all([source(file.rel, file.path) for file in known], jobs=jobs, start=start, cache=cache)
    )
    # The strategies first: a score's message names the scale of the revision in force.
    strategies = {
        file.rel: shape(file, doc)
        for file, doc in zip(known, docs, strict=True)
        if file.kind is Kind.STRATEGY and doc is not None and doc.ok
    }
    revisions = [entry for entry in strategies.values() if isinstance(entry, Entry)]
    for file, doc in zip(known, docs, strict=True):
        if doc is None:
            if isinstance(snapshot, GitSnapshot) and file.rel in snapshot.too_large:  # the tree's limit
                skipped = UNREADABLE_FILE.at(Location(file.rel), _too_large_at(snapshot.revision))
                repo.findings.append(skipped)
                repo.skipped.append(skipped)
            elif snapshot is not None:  # in a revision, a file with no bytes is a symbolic link
                repo.findings.append(UNREADABLE_FILE.at(Location(file.rel), _LINK))
            continue
        repo.documents.append(doc)
        repo.findings.extend(doc.findings)
        if doc.waivers:
            repo.waivers[file.rel] = doc.waivers
        if not doc.ok:
            continue
        scale = _scale_for(revisions, doc.value) if file.kind is Kind.FOLLOWUP else None
        entry = strategies.get(file.rel) or shape(file, doc, scale=scale)
        if isinstance(entry, Entry):
            doc.release()  # the model holds the data now; the positions stay
            _index(repo, entry)
        else:
            repo.findings.extend(entry)
            partial = salvage(file, doc)
            if partial is not None:
                repo.partial.append(partial)
            if file.kind is Kind.FOLLOWUP and is_draft(doc.value):
                repo.drafts.add(file.rel)
    if not any(f.kind is Kind.STRATEGY for f in repo.files):
        where = f"revisionen {revision}" if revision else str(root / "data" / "region")
        raise UsageError(
            f"Ingen strategi i {where}: filen data/region/strategi.yaml saknas. "
            "Utan strategin kan inget kontrolleras."
        )
    return repo


_LINK = "Filen är en symbolisk länk och läses inte. Lägg in själva filen i stället för en länk."


def _too_large_at(revision: str) -> str:
    return (
        f"Filen är större än {MAX_BYTES // (1024 * 1024)} MB i revisionen {revision} och läses inte "
        "(samma gräns som för filerna i arbetskopian)."
    )


def later_than(file: DataFile, until: int | None) -> bool:
    """Whether `file` is a follow-up or Kolada import of a year after `until` (not loaded then)."""
    yearly = file.kind in (Kind.FOLLOWUP, Kind.NYCKELTAL)
    return until is not None and yearly and file.year is not None and file.year > until


def shape(
    file: DataFile, doc: SourceDocument, *, scale: tuple[int, int] | None = None
) -> Entry[BaseModel] | list[Finding]:
    """Validate a loaded document against its kind's model (`scale`: for a score's message)."""
    model = MODELS[file.kind]
    try:
        return Entry(file, doc, model.model_validate(doc.value))
    except ValidationError as error:
        return list(iter_schema_findings(doc, model, error, scale=scale))


def revision_in_force(strategies: Iterable[Entry[Strategi]], year: int) -> Entry[Strategi] | None:
    """Of the strategy revisions, the one in force for `year` (FORMAT.md rule 4), or None."""
    covering = [
        s for s in strategies if s.model.strategi.giltig_from.year <= year <= s.model.strategi.giltig_tom.year
    ]
    return max(covering, key=lambda s: s.model.strategi.giltig_from, default=None)


def _scale_for(revisions: Sequence[Entry[Any]], value: Any) -> tuple[int, int] | None:
    """The scale (min, max) for a follow-up's year, as far as its `ar` can be read."""
    year = value.get("ar") if isinstance(value, dict) else None
    revision = revision_in_force(revisions, year) if type(year) is int else None
    return (revision.model.skala.min, revision.model.skala.max) if revision is not None else None


_SALVAGE_ROUNDS = 8


class _Gone:
    """Where a list item was taken out: it keeps the places of the items after it."""


_GONE = _Gone()


def salvage(file: DataFile, doc: SourceDocument) -> Entry[BaseModel] | None:
    """The file less the parts its schema errors are in, when what is left is a valid model.

    Each round removes the value an error points at (a key of a mapping, an item of a list);
    where a required key is missing, the mapping that lacks it goes. A file whose top level
    is broken gives None: there is nothing left to check. The entry's positions still point
    into the file as written: a list item taken out leaves a gap, so the items after it keep
    their lines.
    """
    model = MODELS[file.kind]
    marked = copy.deepcopy(doc.value)
    removed: set[tuple[Any, ...]] = set()
    for _ in range(_SALVAGE_ROUNDS):
        clean = _without_gaps(marked)
        try:
            shaped = model.model_validate(clean)
        except ValidationError as error:
            paths = set()
            for item in error.errors():
                path = _prunable(clean, tuple(item["loc"]), missing=item["type"] == "missing")
                if not path:
                    return None
                paths.add(_as_written(marked, path))
            # A part inside another that goes anyway is not taken out on its own.
            paths = {p for p in paths if not any(p[: len(q)] == q for q in paths if len(q) < len(p))}
            for path in paths:
                _remove(marked, path)
            removed |= paths
            continue
        view = SourceDocument(doc.rel, clean, _Remapped(doc.spans, marked), [], doc.waivers, doc.hidden)
        # A rule that misses what was taken out says so where it was: at the part or its parent.
        places = {doc.at(p, key=key) for path in removed for p in (path, path[:-1]) for key in (True, False)}
        gaps = frozenset((place.line, place.column) for place in places)
        return Entry(file, view, shaped, partial=True, gaps=gaps)
    return None


def _without_gaps(data: Any) -> Any:
    if isinstance(data, dict):
        return {k: _without_gaps(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_without_gaps(v) for v in data if v is not _GONE]
    return data


def _as_written(marked: Any, path: tuple[Any, ...]) -> tuple[Any, ...]:
    """A path into the file without its gaps, as a path into the file as written."""
    found = []
    for part in path:
        if isinstance(marked, list) and isinstance(part, int):
            part = [i for i, v in enumerate(marked) if v is not _GONE][part]
        found.append(part)
        marked = marked[part]
    return tuple(found)


def _prunable(data: Any, loc: tuple[Any, ...], *, missing: bool) -> tuple[Any, ...] | None:
    """The deepest part of `loc` that exists in `data` (its container for a missing key)."""
    found: list[Any] = []
    for part in loc:
        if (isinstance(data, dict) and part in data) or (
            isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data)
        ):
            data = data[part]
        else:
            break  # a union's branch name, `[key]`, or the missing key itself
        found.append(part)
    if missing and tuple(found) == loc:
        return None  # pydantic says missing, yet it is there: do not guess
    return tuple(found)


def _remove(data: Any, path: tuple[Any, ...]) -> None:
    for part in path[:-1]:
        data = data[part]
    last = path[-1]
    if isinstance(data, dict):
        data.pop(last, None)
    elif isinstance(data, list):
        data[last] = _GONE


class _Remapped(Positions):
    """Positions of a salvaged file: paths without its gaps, looked up in the file as written."""

    def __init__(self, spans: Positions, marked: Any) -> None:
        self._inner = spans
        self._marked = marked

    def get(self, path: Path_) -> Span | None:
        try:
            written = _as_written(self._marked, path)
        except (IndexError, KeyError, TypeError):
            return None
        return self._inner.get(written)

    def first_key(self) -> Span | None:
        return self._inner.first_key()


def _index(repo: Repository, entry: Entry[BaseModel]) -> None:
    kind = entry.file.kind
    target: list[Entry[BaseModel]] = {  # type: ignore[assignment]
        Kind.STRATEGY: repo.strategies,
        Kind.PLAN: repo.plans,
        Kind.FOLLOWUP: repo.followups,
        Kind.HANDLINGSPLAN: repo.handlingsplaner,
        Kind.NYCKELTAL: repo.imported,
    }[kind]
    target.append(entry)


UNKNOWN_FILE = Code(
    "NV010",
    "unknown-file",
    "Filnamnet känns inte igen",
    doc="""
En YAML-fil under data/ har ett namn som naravard inte känner igen, och
kontrolleras därför inte. Filerna heter `strategi.yaml`, `handlingsplan-ÅÅÅÅ.yaml`,
`nyckeltal-ÅÅÅÅ.yaml` (i data/region/) och `lokal-plan.yaml`,
`uppfoljning-ÅÅÅÅ.yaml` (i data/kommuner/<kommun>/).

Fel: `data/kommuner/falun/uppföljning-2024.yaml` (med ö), `uppfoljning-2024.yml`.

Så rättar du: byt namn på filen; meddelandet föreslår det närmaste namnet.
""",
)


def _unknown_file(file: DataFile) -> Finding:
    parts = file.rel.split("/")
    area = parts[1] if len(parts) > 2 else ""
    expected = EXPECTED_NAMES.get(area, ())
    stem = parts[-1]
    year = re.search(r"[0-9]{4}", stem)
    known = [e.replace("ÅÅÅÅ", year.group() if year else "ÅÅÅÅ") for e in expected]
    name = guess(re.sub(r"\.yml\Z", ".yaml", stem), known)
    hint = name.hint
    if stem.lower().endswith(".yml") and not hint:
        hint = " Filändelsen ska vara .yaml."
    if area == "kommuner" and len(parts) != 4:
        place = "Filer för en kommun ligger direkt i data/kommuner/<kommun>/."
    elif expected:
        place = f"Filer här heter {', '.join(expected)}."
    else:
        place = "Datafiler ligger i data/region/ eller data/kommuner/<kommun>/."
    return UNKNOWN_FILE.at(
        Location(file.rel),
        f"naravard känner inte igen filnamnet `{show(parts[-1], 60)}`, så filen kontrolleras inte."
        f"{hint} {place}",
        suggestion=name.nearest,  # a new name for the file, not an edit of its text
    )


def iter_entries(repo: Repository) -> Iterator[Entry[BaseModel]]:
    """Every shaped entry of the repository."""
    yield from repo.strategies
    yield from repo.handlingsplaner
    yield from repo.plans
    yield from repo.followups
    yield from repo.imported
