"""The repository as checked models: every file loaded, shaped, and indexed for cross-file rules."""

from __future__ import annotations

import gc
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Generic, TypeVar

from pydantic import BaseModel, ValidationError

from naravard.config import Konfiguration, load_config
from naravard.discover import CONFIG_NAME, EXPECTED_NAMES, DataFile, GitSnapshot, Kind, iter_data_files
from naravard.errors import UsageError
from naravard.findings import Finding, Location
from naravard.loader import MAX_BYTES, SourceDocument
from naravard.loader.parallel import InMemory, OnDisk, Source, load_all, load_source
from naravard.model.followup import Uppfoljning
from naravard.model.handlingsplan import Handlingsplan
from naravard.model.imported import ImporteradeNyckeltal
from naravard.model.messages import iter_schema_findings
from naravard.model.plan import LokalPlan
from naravard.model.strategy import Strategi
from naravard.suggest import did_you_mean, show

M = TypeVar("M", bound=BaseModel, covariant=True)

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


@dataclass
class Repository:
    """Everything the cross-file rules look at."""

    root: Path
    today: date = field(default_factory=date.today)
    config_doc: SourceDocument | None = None
    waivers: dict[str, dict[int, tuple[int, tuple[str, ...]]]] = field(default_factory=dict)
    config: Konfiguration = field(default_factory=lambda: Konfiguration())
    files: list[DataFile] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    strategies: list[Entry[Strategi]] = field(default_factory=list)
    plans: list[Entry[LokalPlan]] = field(default_factory=list)
    followups: list[Entry[Uppfoljning]] = field(default_factory=list)
    handlingsplaner: list[Entry[Handlingsplan]] = field(default_factory=list)
    imported: list[Entry[ImporteradeNyckeltal]] = field(default_factory=list)
    skipped: list[Finding] = field(default_factory=list)  # files of a revision not read (too large)
    _followup_index: dict[tuple[str, int], Entry[Uppfoljning]] = field(default_factory=dict, repr=False)
    _plan_index: dict[str, list[Entry[LokalPlan]]] = field(default_factory=dict, repr=False)
    _index_size: tuple[int, int] = (-1, -1)

    def revision_for(self, year: int) -> Entry[Strategi] | None:
        """The strategy revision in force for `year` (FORMAT.md rule 4), or None."""
        covering = [
            s
            for s in self.strategies
            if s.model.strategi.giltig_from.year <= year <= s.model.strategi.giltig_tom.year
        ]
        return max(covering, key=lambda s: s.model.strategi.giltig_from, default=None)

    def revisions_for(self, years: Iterable[int]) -> list[Entry[Strategi]]:
        """The revisions in force for any of `years`, without repeats."""
        found: dict[str, Entry[Strategi]] = {}
        for year in years:
            entry = self.revision_for(year)
            if entry is not None:
                found[entry.doc.rel] = entry
        return list(found.values())

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

    def imported_for(self, year: int) -> Entry[ImporteradeNyckeltal] | None:
        """The nyckeltal imported from Kolada for `year` (nyckeltal-ÅÅÅÅ.yaml), if it loaded cleanly."""
        for entry in self.imported:
            if entry.model.ar == year and entry.file.year == year:
                return entry
        return None


def load_repository(
    root: Path, *, revision: str | None = None, jobs: int | None = None, until: int | None = None
) -> Repository:
    """Load every data file of the repository (or of a git revision of it).

    Broken files become findings, never exceptions. Files are parsed in `jobs` worker
    processes (default: one per core; see naravard.loader.parallel). With `until`, the
    follow-ups and Kolada imports of later years are listed in `files` but not loaded: what a
    report or a diff of that year reads, since no error of an earlier file depends on them.
    Strategies, plans and handlingsplaner are always loaded (a plan's priorities may come
    from a later handlingsplan).
    """
    # Loading builds millions of objects that live until the process ends, and Python's cycle
    # collector would scan all of them again and again as they accumulate (issue 9: a third of
    # the time of loading a national repository). Nothing here makes reference cycles, so the
    # collector pauses while loading, and what was loaded is then frozen out of its scans.
    enabled = gc.isenabled()
    gc.disable()
    try:
        repo = _load(root, revision, jobs, until)
    finally:
        gc.freeze()
        if enabled:
            gc.enable()
    return repo


def _load(root: Path, revision: str | None, jobs: int | None, until: int | None) -> Repository:
    repo = Repository(root)
    snapshot = GitSnapshot(root, revision) if revision is not None else None
    files = snapshot.files() if snapshot else list(iter_data_files(root))

    def source(rel: str, path: Path) -> Source:
        return OnDisk(root, path) if snapshot is None else InMemory(rel, snapshot.read(rel))

    config = load_source(source(CONFIG_NAME, root / CONFIG_NAME))
    if config is not None:
        repo.config_doc = config
        repo.waivers[CONFIG_NAME] = config.waivers
        repo.config, config_findings = load_config(config)
        repo.findings.extend(config_findings)
    repo.files = files
    known = [file for file in files if file.kind is not Kind.UNKNOWN and not _later(file, until)]
    repo.findings.extend(_unknown_file(file) for file in files if file.kind is Kind.UNKNOWN)
    docs = load_all([source(file.rel, file.path) for file in known], jobs=jobs)
    for file, doc in zip(known, docs, strict=True):
        if doc is None:
            if snapshot is not None and file.rel in snapshot.too_large:  # the working tree's limit
                skipped = Finding(Location(file.rel), "NV009", _too_large_at(snapshot.revision))
                repo.findings.append(skipped)
                repo.skipped.append(skipped)
            elif snapshot is not None:  # in a revision, a file with no bytes is a symbolic link
                repo.findings.append(Finding(Location(file.rel), "NV009", _LINK))
            continue
        repo.findings.extend(doc.findings)
        if doc.waivers:
            repo.waivers[file.rel] = doc.waivers
        if not doc.ok:
            continue
        entry = shape(file, doc)
        if isinstance(entry, Entry):
            doc.release()  # the model holds the data now; the positions stay
            _index(repo, entry)
        else:
            repo.findings.extend(entry)
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


def _later(file: DataFile, until: int | None) -> bool:
    yearly = file.kind in (Kind.FOLLOWUP, Kind.NYCKELTAL)
    return until is not None and yearly and file.year is not None and file.year > until


def shape(file: DataFile, doc: SourceDocument) -> Entry[BaseModel] | list[Finding]:
    """Validate a loaded document against its kind's model."""
    model = MODELS[file.kind]
    try:
        return Entry(file, doc, model.model_validate(doc.value))
    except ValidationError as error:
        return list(iter_schema_findings(doc, model, error))


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


def _unknown_file(file: DataFile) -> Finding:
    parts = file.rel.split("/")
    area = parts[1] if len(parts) > 2 else ""
    expected = EXPECTED_NAMES.get(area, ())
    stem = parts[-1]
    year = re.search(r"[0-9]{4}", stem)
    known = [e.replace("ÅÅÅÅ", year.group() if year else "ÅÅÅÅ") for e in expected]
    hint = did_you_mean(re.sub(r"\.yml\Z", ".yaml", stem), known)
    if stem.lower().endswith(".yml") and not hint:
        hint = " Filändelsen ska vara .yaml."
    if area == "kommuner" and len(parts) != 4:
        place = "Filer för en kommun ligger direkt i data/kommuner/<kommun>/."
    elif expected:
        place = f"Filer här heter {', '.join(expected)}."
    else:
        place = "Datafiler ligger i data/region/ eller data/kommuner/<kommun>/."
    return Finding(
        Location(file.rel),
        "NV010",
        f"naravard känner inte igen filnamnet `{show(parts[-1], 60)}`, så filen kontrolleras inte."
        f"{hint} {place}",
    )


def iter_entries(repo: Repository) -> Iterator[Entry[BaseModel]]:
    """Every shaped entry of the repository."""
    yield from repo.strategies
    yield from repo.handlingsplaner
    yield from repo.plans
    yield from repo.followups
    yield from repo.imported
