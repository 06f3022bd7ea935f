"""Everything the report shows, computed once: the templates only format these values.

Figures come from the follow-ups of the report's year and the years before it, compared with
the same engine as `naravard diff` (naravard.diff), and judged in the same words (`Verdict`).
`build_context` puts the report together from one builder per section; each returns typed,
immutable values. Two seams run through every section:

- `Caveats`: the unwaived lint warnings of the files the report reads. A value or text that a
  warning points at carries it (`caveats`), so every writer shows its code where the value is
  shown and links it to "Att granska" (issue 11 item 1).
- `Sources`: every file the report reads, numbered, and the line of every figure taken from it,
  for every year shown (issue 11 item 4).
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from naravard.analysis import Analysis, read_analysis
from naravard.diff import YearDiff, compare_years
from naravard.diff.changes import Verdict
from naravard.findings import Finding, Severity
from naravard.kolada.precedence import KOLADA, nyckeltal_values
from naravard.loader import SourceDocument
from naravard.model.followup import Uppfoljning
from naravard.model.imported import ImporteradeNyckeltal
from naravard.model.strategy import Strategi
from naravard.model.words import RIKTNING, STATUS, UNIT
from naravard.numbers import change, in_points, points, relative
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
ORSAK_NAMES = {"bortfall": "bortfall", "ej-tillampligt": "ej tillämpligt", "sekretess": "sekretess"}
BEARBETNING = "Bearbetning: naravard"


# --- values --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Caveat:
    """An unwaived lint warning in a file the report reads: listed under "Att granska"."""

    number: int  # the anchor `granska-<number>`
    code: str
    kommun: str  # the kommun's name, or the region's for the region's files
    file: str
    line: int
    column: int
    message: str


Caveated = tuple[Caveat, ...]


@dataclass(frozen=True)
class KommunRef:
    """A kommun of the strategy, and whether the report is about it in particular."""

    id: str
    namn: str
    focus: bool


@dataclass(frozen=True)
class Figure:
    """One value as the report shows it: what questions it, what the kommun said about it."""

    value: float | None
    caveats: Caveated = ()
    kommentar: str | None = None
    note: int | None = None  # the kommentar's footnote number in the table that shows it
    orsak: str | None = None  # why it is missing (bortfall, ej tillämpligt, sekretess)


@dataclass(frozen=True)
class Note:
    """A footnote under a table: a kommun's kommentar on one of its values."""

    number: int
    kommun: str
    what: str
    text: str


@dataclass(frozen=True)
class SubmissionRow:
    """One kommun's row of the kommun × year matrix: a naravard.submission.Status value per year."""

    kommun: KommunRef
    cells: tuple[str, ...]


@dataclass(frozen=True)
class ScoreRow:
    """One kommun's självskattning of the målbild and every delmål, this year and last."""

    kommun: KommunRef
    scores: tuple[Figure, ...]
    previous: tuple[int | None, ...]

    @property
    def values(self) -> tuple[int | None, ...]:
        return tuple(None if s.value is None else int(s.value) for s in self.scores)


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
    """One kommun's value of a nyckeltal, its earlier values, the change and where it stands."""

    kommun: KommunRef
    value: Figure
    earlier: tuple[Figure, ...]
    change: str  # since the latest earlier year: "+4,4 p.e." or "+15 %"
    verdict: Verdict  # against the region's median
    source: str | None  # "Kolada" for an imported value, else the follow-up's `kalla`


@dataclass(frozen=True)
class Reference:
    """A value for the whole region or Sweden, from the Kolada import (Källa: Kolada)."""

    label: str
    value: float | None


@dataclass(frozen=True)
class NyckeltalSection:
    """One nyckeltal across the region."""

    id: str
    namn: str
    enhet: str
    riktning: str
    kalla: str
    points: bool  # changes in procentenheter (procent, andel) rather than relative
    median: float | None
    rows: tuple[NyckeltalRow, ...]
    reported: int
    references: tuple[Reference, ...]
    notes: tuple[Note, ...]


@dataclass(frozen=True)
class ActivityRow:
    """An activity of a kommun's plan as reported this year."""

    id: str
    titel: str
    delmal: tuple[str, ...]
    status: str
    resultat: str
    prioritering: str | None
    caveats: Caveated


@dataclass(frozen=True)
class KommunScore:
    """A score in a kommun's own section: last year's and this year's with its kommentar."""

    namn: str
    previous: int | None
    now: Figure


@dataclass(frozen=True)
class KommunNyckeltal:
    """A nyckeltal in a kommun's own section, set against last year and the region."""

    namn: str
    enhet: str
    previous: Figure | None
    now: Figure
    change: str
    median: float | None
    verdict: Verdict
    references: tuple[Reference, ...]


@dataclass(frozen=True)
class Reflection:
    """One part of a kommun's reflection, and what questions it."""

    label: str
    text: str
    caveats: Caveated


@dataclass(frozen=True)
class Movement:
    """A headline of the summary, and the warnings that question its figures."""

    text: str
    caveats: Caveated


@dataclass(frozen=True)
class KommunSection:
    """Everything about one kommun for the year."""

    kommun: KommunRef
    file: str | None
    files: tuple[int, ...]  # the numbers of its files in the appendix
    scores: tuple[KommunScore, ...]
    nyckeltal: tuple[KommunNyckeltal, ...]
    activities: tuple[ActivityRow, ...]
    reflection: tuple[Reflection, ...]
    movements: tuple[Movement, ...]
    errors: int


@dataclass(frozen=True)
class PriorityRow:
    """A priority of the regional handlingsplan and the activities that serve it."""

    id: str
    titel: str
    activities: int
    kommuner: tuple[str, ...]


@dataclass(frozen=True)
class SourceFile:
    """A file the report read, its number in the appendix, and the line of each figure taken from it."""

    number: int
    file: str
    what: str
    figures: tuple[tuple[str, int], ...]  # (id, line)


@dataclass(frozen=True)
class ErrorFile:
    """A file with errors: left out of the report when it could not be read into its model."""

    file: str
    errors: int
    left_out: bool


@dataclass(frozen=True)
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
    movements: tuple[Movement, ...]
    score_rows: tuple[ScoreRow, ...]
    score_notes: tuple[Note, ...]
    delmal: tuple[DelmalStats, ...]
    nyckeltal: tuple[NyckeltalSection, ...]
    status_names: tuple[str, ...]
    activity_counts: tuple[tuple[str, tuple[int, ...]], ...]  # delmål namn → count per status
    priorities: tuple[PriorityRow, ...]
    sections: tuple[KommunSection, ...]
    sources: tuple[tuple[str, str], ...]
    caveats: tuple[Caveat, ...]
    error_files: tuple[ErrorFile, ...]
    analysis: Analysis
    commit: str
    version: str
    files: tuple[SourceFile, ...]
    kolada: bool
    references: bool  # whether any nyckeltal has Kolada's values for the region or Sweden

    @property
    def focus_section(self) -> KommunSection | None:
        """The kommun's own section when the report is a kommun's (`--kommun`)."""
        return self.sections[0] if self.focus and self.sections else None


# --- the two seams -------------------------------------------------------------------------------


class Caveats:
    """The unwaived warnings of the files the report reads, found by the place they point at."""

    def __init__(self, findings: Iterable[Finding], names: dict[str, str], region: str) -> None:
        warnings = sorted((f for f in findings if f.severity is Severity.WARNING), key=lambda f: f.sort_key)
        self._by_line: dict[tuple[str, int], list[Caveat]] = defaultdict(list)
        self.all: list[Caveat] = []
        for finding in dict.fromkeys(warnings):
            loc = finding.location
            parts = loc.file.split("/")
            folder = parts[2] if parts[:2] == ["data", "kommuner"] and len(parts) > 3 else None
            kommun = names.get(folder, folder) if folder else region
            caveat = Caveat(
                len(self.all) + 1, finding.code, kommun, loc.file, loc.line, loc.column, finding.message
            )
            self.all.append(caveat)
            self._by_line[(loc.file, loc.line)].append(caveat)
        self._files = {file for file, _ in self._by_line}

    def at(self, doc: SourceDocument | None, path: tuple[object, ...], *, key: bool = False) -> Caveated:
        """The warnings that point at the line of `path` in `doc`."""
        if doc is None or doc.rel not in self._files:  # most files have none: no position looked up
            return ()
        loc = doc.at(path, key=key)
        return tuple(self._by_line.get((loc.file, loc.line), ()))

    def of(self, doc: SourceDocument, path: tuple[object, ...]) -> Caveated:
        """The warnings on a value at `path`, or on its key when the value is empty."""
        return tuple(dict.fromkeys((*self.at(doc, path), *self.at(doc, path, key=True))))


class Sources:
    """Every file the report reads, and the line of each figure it takes from one."""

    def __init__(self) -> None:
        self._what: dict[str, str] = {}
        self._figures: dict[str, dict[str, int]] = defaultdict(dict)

    def read(self, doc: SourceDocument, what: str) -> None:
        self._what.setdefault(doc.rel, what)

    def figure(self, doc: SourceDocument, label: str, path: tuple[object, ...]) -> None:
        self._figures[doc.rel].setdefault(label, doc.at(path).line)

    def files(self) -> tuple[SourceFile, ...]:
        return tuple(
            SourceFile(
                number,
                rel,
                self._what[rel],
                tuple(sorted(self._figures.get(rel, {}).items(), key=lambda item: (item[1], item[0]))),
            )
            for number, rel in enumerate(sorted(self._what), start=1)
        )


# --- helpers -------------------------------------------------------------------------------------


def _median(values: Sequence[float]) -> float | None:
    return statistics.median(values) if values else None


def _verdict(value: float | None, median: float | None, riktning: str) -> Verdict:
    """Where a value stands against the median, in diff's words (`oforandrad`: as the median)."""
    if value is None:
        return "okand"
    if median is None or value == median:
        return "oforandrad"
    if riktning == "neutral":
        return "neutral"
    better = value > median if riktning == "hogre" else value < median
    return "battre" if better else "samre"


def _errors_by_file(findings: Sequence[Finding]) -> Counter[str]:
    return Counter(f.location.file for f in findings if f.severity is Severity.ERROR)


@dataclass
class _Inputs:
    """What every section builder reads: the repository, the strategy and the two seams."""

    repo: Repository
    strategy: Strategi
    year: int
    previous: int | None
    earlier_years: list[int]
    refs: tuple[KommunRef, ...]
    focus: tuple[str, ...]
    caveats: Caveats
    sources: Sources
    followups: dict[str, Entry[Uppfoljning]]
    imported: Entry[ImporteradeNyckeltal] | None
    score_ids: list[str]
    score_names: tuple[str, ...]

    def followup(self, kommun: str, year: int | None) -> Entry[Uppfoljning] | None:
        if year is None:
            return None
        entry = self.followups.get(kommun) if year == self.year else self.repo.followup_for(kommun, year)
        if entry is not None:
            namn = next((k.namn for k in self.refs if k.id == kommun), kommun)
            self.sources.read(entry.doc, f"{namn}: uppföljning {entry.model.ar}")
        return entry


# --- sections ------------------------------------------------------------------------------------


def _submissions(
    inputs: _Inputs, errors: Counter[str], years: tuple[int, ...]
) -> tuple[tuple[SubmissionRow, ...], dict[str, tuple[str, str]]]:
    """The kommun × year matrix, and each kommun's file and cell for the report's year."""
    files_by_key = {(f.folder, f.year): f.rel for f in inputs.repo.files if f.kind == "uppfoljning"}

    def cell(kommun: str, y: int) -> str:  # the definitions `naravard status` shares
        return submission(inputs.repo, errors, kommun, y).status.value

    rows = tuple(SubmissionRow(k, tuple(cell(k.id, y) for y in years)) for k in inputs.refs)
    this_year = {
        k.id: (files_by_key.get((k.id, inputs.year), ""), cell(k.id, inputs.year)) for k in inputs.refs
    }
    return rows, this_year


def _score_figure(inputs: _Inputs, entry: Entry[Uppfoljning] | None, key: str) -> Figure:
    if entry is None or key not in entry.model.sjalvskattning:
        return Figure(None)
    skattning = entry.model.sjalvskattning[key]
    path = ("sjalvskattning", key, "varde")
    inputs.sources.figure(entry.doc, key, path)
    return Figure(
        float(skattning.varde),
        inputs.caveats.of(entry.doc, path),
        (skattning.kommentar or "").strip() or None,
    )


def _scores(inputs: _Inputs) -> tuple[tuple[ScoreRow, ...], tuple[Note, ...]]:
    rows = []
    notes: list[Note] = []
    for k in inputs.refs:
        entry = inputs.followup(k.id, inputs.year)
        before = inputs.followup(k.id, inputs.previous)
        figures = []
        for key, namn in zip(inputs.score_ids, inputs.score_names, strict=True):
            figure = _score_figure(inputs, entry, key)
            if figure.kommentar:
                notes.append(Note(len(notes) + 1, k.namn, namn, figure.kommentar))
                figure = Figure(figure.value, figure.caveats, figure.kommentar, len(notes))
            figures.append(figure)
        previous = tuple(
            None if (v := _score_figure(inputs, before, key).value) is None else int(v)
            for key in inputs.score_ids
        )
        rows.append(ScoreRow(k, tuple(figures), previous))
    return tuple(rows), tuple(notes)


def _delmal(inputs: _Inputs, score_rows: tuple[ScoreRow, ...], diff: YearDiff) -> tuple[DelmalStats, ...]:
    strategy = inputs.strategy
    low, high = strategy.skala.min, strategy.skala.max
    fragor = {
        strategy.malbild.id: strategy.malbild.namn,
        **{d.id: d.skattningsfraga or d.namn for d in strategy.delmal},
    }
    stats = []
    for index, (key, namn) in enumerate(zip(inputs.score_ids, inputs.score_names, strict=True)):
        values = [v for r in score_rows if (v := r.values[index]) is not None]
        summary = diff.region[index]
        seen = inputs.previous is not None
        stats.append(
            DelmalStats(
                id=key,
                namn=namn,
                fraga=fragor[key],
                counts=tuple(sum(1 for v in values if v == step) for step in range(low, high + 1)),
                n=len(values),
                missing=len(inputs.refs) - len(values),
                up=summary.up if seen else 0,
                down=summary.down if seen else 0,
                same=summary.same if seen else 0,
                median=_median([float(v) for v in values]),
            )
        )
    return tuple(stats)


def _typed_figure(inputs: _Inputs, entry: Entry[Uppfoljning] | None, key: str) -> Figure:
    """A nyckeltal value as the follow-up gives it (an earlier year), with its kommentar."""
    if entry is None:
        return Figure(None)
    if key not in entry.model.nyckeltal:
        # A missing nyckeltal: NV309 points at the `nyckeltal:` key of the file.
        return Figure(None, inputs.caveats.at(entry.doc, ("nyckeltal",), key=True))
    varde = entry.model.nyckeltal[key]
    path = ("nyckeltal", key, "varde")
    inputs.sources.figure(entry.doc, key, path)
    return Figure(
        varde.varde,
        inputs.caveats.of(entry.doc, path),
        (varde.kommentar or "").strip() or None,
        orsak=ORSAK_NAMES.get(varde.orsak or ""),
    )


def _references(inputs: _Inputs, key: str) -> tuple[Reference, ...]:
    imported = inputs.imported
    if imported is None:
        return ()
    found = []
    for label, values in (
        (inputs.strategy.region.namn, imported.model.region),
        ("Riket", imported.model.riket),
    ):
        if key in values:
            found.append(Reference(label, values[key].varde))
    return tuple(found)


def _nyckeltal(inputs: _Inputs) -> tuple[NyckeltalSection, ...]:
    repo, year = inputs.repo, inputs.year
    counted = {k.id: nyckeltal_values(repo, k.id, year) for k in inputs.refs}
    imported = inputs.imported
    sections = []
    for n in inputs.strategy.nyckeltal:
        reported = {k: v[n.id].varde for k, v in counted.items() if n.id in v}
        median = _median([v for v in reported.values() if v is not None])
        rows = []
        notes: list[Note] = []
        for k in inputs.refs:
            entry = inputs.followup(k.id, year)
            chosen = counted[k.id].get(n.id)
            from_kolada = chosen is not None and chosen.fran_kolada and imported is not None
            if from_kolada and imported is not None:
                path = ("kommuner", k.id, n.id, "varde")
                inputs.sources.read(imported.doc, f"Kolada {year}")
                inputs.sources.figure(imported.doc, f"{k.id}/{n.id}", path)
                value = Figure(reported.get(k.id), inputs.caveats.of(imported.doc, path))
                source: str | None = KOLADA
            else:
                value = _typed_figure(inputs, entry, n.id)
                value = Figure(reported.get(k.id), value.caveats, value.kommentar, orsak=value.orsak)
                typed = entry.model.nyckeltal.get(n.id) if entry else None
                source = typed.kalla if typed else None
            if value.kommentar:
                notes.append(Note(len(notes) + 1, k.namn, n.namn, value.kommentar))
                value = Figure(value.value, value.caveats, value.kommentar, len(notes), value.orsak)
            earlier = tuple(
                _typed_figure(inputs, inputs.followup(k.id, y), n.id) for y in inputs.earlier_years
            )
            last = earlier[-1].value if earlier else None
            rows.append(
                NyckeltalRow(
                    k,
                    value,
                    earlier,
                    change(n.enhet, last, value.value),
                    _verdict(value.value, median, n.riktning),
                    source,
                )
            )
        sections.append(
            NyckeltalSection(
                n.id,
                n.namn,
                n.enhet,
                n.riktning,
                n.kalla,
                in_points(n.enhet),
                median,
                tuple(rows),
                sum(1 for v in reported.values() if v is not None),
                _references(inputs, n.id),
                tuple(notes),
            )
        )
    return tuple(sections)


def _movements(
    inputs: _Inputs, diff: YearDiff, kommuner: Sequence[str] | None = None, limit: int = 8
) -> tuple[Movement, ...]:
    """Large moves first (a score two steps or more, a nyckeltal by a quarter or 10 p.e.), then the region.

    Each carries the warnings that question its figures: a questioned value is never a headline
    without its marker (issue 11 item 1).
    """
    large: list[tuple[float, Movement]] = []
    for k in diff.kommuner:
        if kommuner is not None and k.kommun not in kommuner:
            continue
        new = inputs.followup(k.kommun, diff.year_b)
        old = inputs.followup(k.kommun, diff.year_a)
        for s in k.scores:
            if s.delta is not None and abs(s.delta) >= 2:
                path = ("sjalvskattning", s.id, "varde")
                caveats = _both(inputs, new, old, path)
                large.append((abs(s.delta) / 2, Movement(f"{k.namn}: {s.namn} {s.old} → {s.new}", caveats)))
        for n in k.nyckeltal:
            moved = points(n.enhet, n.old, n.new)
            share = relative(n.old, n.new)
            size = abs(moved) / 10 if moved is not None else abs(share) / 0.25 if share is not None else 0.0
            if size >= 1 and n.verdict in ("battre", "samre"):
                word = "bättre" if n.verdict == "battre" else "sämre"
                caveats = _both(inputs, new, old, ("nyckeltal", n.id, "varde"))
                text = f"{k.namn}: {n.namn} {change(n.enhet, n.old, n.new)} ({word})"
                large.append((size, Movement(text, caveats)))
    large.sort(key=lambda x: (-x[0], x[1].text))
    lines = [movement for _, movement in large[:limit]]
    if kommuner is None:
        for summary in diff.region:
            if summary.up or summary.down:
                text = (
                    f"{summary.namn}: {summary.up} kommuner skattar högre "
                    f"och {summary.down} lägre än {diff.year_a}"
                )
                lines.append(Movement(text, ()))
    return tuple(lines)


def _both(
    inputs: _Inputs,
    new: Entry[Uppfoljning] | None,
    old: Entry[Uppfoljning] | None,
    path: tuple[object, ...],
) -> Caveated:
    found = (
        *(inputs.caveats.of(new.doc, path) if new else ()),
        *(inputs.caveats.of(old.doc, path) if old else ()),
    )
    return tuple(dict.fromkeys(found))


@dataclass(frozen=True)
class _Activities:
    counts: tuple[tuple[str, tuple[int, ...]], ...]
    priority_use: dict[str, list[str]]
    by_kommun: dict[str, tuple[ActivityRow, ...]]


def _activities(inputs: _Inputs) -> _Activities:
    repo, year = inputs.repo, inputs.year
    delmal_names = {d.id: d.namn for d in inputs.strategy.delmal}
    counts: dict[str, Counter[str]] = {d.id: Counter() for d in inputs.strategy.delmal}
    priority_use: dict[str, list[str]] = {}
    by_kommun: dict[str, tuple[ActivityRow, ...]] = {}
    for k in inputs.refs:
        entry = inputs.followups.get(k.id)
        plans = repo.plans_for(k.id, year)
        for each in plans:
            inputs.sources.read(each.doc, "lokal plan")
        by_id = {a.id: a for a in plans[0].model.aktiviteter} if len(plans) == 1 else {}
        rows = []
        for index, rapport in enumerate(entry.model.aktiviteter if entry else ()):
            aktivitet = by_id.get(rapport.id)
            delmal = tuple(aktivitet.delmal) if aktivitet else ()
            for d in delmal:
                if d in counts:
                    counts[d][rapport.status] += 1
            prio = aktivitet.prioritering if aktivitet else None
            if prio:
                priority_use.setdefault(prio, []).append(k.namn)
            assert entry is not None
            caveats = tuple(
                dict.fromkeys(
                    (
                        *inputs.caveats.at(entry.doc, ("aktiviteter", index), key=False),
                        *inputs.caveats.of(entry.doc, ("aktiviteter", index, "status")),
                        *inputs.caveats.of(entry.doc, ("aktiviteter", index, "resultat")),
                    )
                )
            )
            rows.append(
                ActivityRow(
                    rapport.id,
                    aktivitet.titel if aktivitet else rapport.id,
                    tuple(delmal_names.get(d, d) for d in delmal),
                    STATUS_NAMES[rapport.status],
                    rapport.resultat,
                    prio,
                    caveats,
                )
            )
        by_kommun[k.id] = tuple(rows)
    status_keys = tuple(STATUS_NAMES)
    return _Activities(
        tuple((delmal_names[d], tuple(c[s] for s in status_keys)) for d, c in counts.items()),
        priority_use,
        by_kommun,
    )


def _kommun_sections(
    inputs: _Inputs,
    score_rows: tuple[ScoreRow, ...],
    nyckeltal: tuple[NyckeltalSection, ...],
    activities: _Activities,
    diff: YearDiff,
    errors: Counter[str],
    file_numbers: dict[str, int],
) -> tuple[KommunSection, ...]:
    rows_by_kommun = {r.kommun.id: r for r in score_rows}
    nyckeltal_by_kommun = {(s.id, r.kommun.id): r for s in nyckeltal for r in s.rows}
    sections = []
    ordered = [k for k in inputs.refs if k.id in inputs.focus] if inputs.focus else list(inputs.refs)
    for k in ordered:
        entry = inputs.followups.get(k.id)
        row = rows_by_kommun[k.id]
        folder = f"data/kommuner/{k.id}/"
        plans = {p.doc.rel for p in inputs.repo.plans_for(k.id, inputs.year)}
        own_files = sorted(
            number for rel, number in file_numbers.items() if rel.startswith(folder) or rel in plans
        )
        kommun_nyckeltal = []
        for s in nyckeltal:
            r = nyckeltal_by_kommun[(s.id, k.id)]
            kommun_nyckeltal.append(
                KommunNyckeltal(
                    s.namn,
                    s.enhet,
                    r.earlier[-1] if r.earlier else None,
                    r.value,
                    r.change,
                    s.median,
                    r.verdict,
                    s.references,
                )
            )
        reflection: tuple[Reflection, ...] = ()
        if entry is not None:
            reflection = tuple(
                Reflection(
                    label,
                    getattr(entry.model.reflektion, key),
                    inputs.caveats.of(entry.doc, ("reflektion", key)),
                )
                for key, label in REFLECTION_NAMES.items()
            )
        sections.append(
            KommunSection(
                kommun=k,
                file=entry.doc.rel if entry else None,
                files=tuple(own_files),
                scores=tuple(
                    KommunScore(namn, before, now)
                    for namn, before, now in zip(inputs.score_names, row.previous, row.scores, strict=True)
                ),
                nyckeltal=tuple(kommun_nyckeltal),
                activities=activities.by_kommun.get(k.id, ()),
                reflection=reflection,
                movements=_movements(inputs, diff, [k.id]) if inputs.previous else (),
                errors=errors.get(entry.doc.rel, 0) if entry else 0,
            )
        )
    return tuple(sections)


def _read_by_report(
    repo: Repository, year: int, strategy: str, refs: Sequence[KommunRef], findings: Sequence[Finding]
) -> list[Finding]:
    """The findings in files this report reads: the strategy, the year's regional files, the kommuner's."""
    region = {strategy, f"data/region/handlingsplan-{year}.yaml", f"data/region/nyckeltal-{year}.yaml"}
    folders = tuple(f"data/kommuner/{k.id}/" for k in refs)
    plans = {p.doc.rel for k in refs for p in repo.plans_for(k.id, year)}
    return [
        f
        for f in findings
        if f.location.file in region or f.location.file in plans or f.location.file.startswith(folders)
    ]


def _error_files(repo: Repository, findings: Sequence[Finding]) -> tuple[ErrorFile, ...]:
    errors = _errors_by_file(findings)
    loaded = {
        e.doc.rel
        for e in (*repo.strategies, *repo.plans, *repo.followups, *repo.handlingsplaner, *repo.imported)
    }
    return tuple(ErrorFile(rel, count, rel not in loaded) for rel, count in sorted(errors.items()))


def build_context(
    repo: Repository,
    findings: Sequence[Finding],
    year: int,
    *,
    focus: Sequence[str] = (),
    commit: str,
    version: str,
) -> ReportContext:
    """Compute the report for `year` from a loaded repository and its findings (errors and warnings)."""
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
    followups = {k.id: e for k in refs if (e := repo.followup_for(k.id, year)) is not None}
    sources = Sources()
    sources.read(revision.doc, "strategin")
    names = {k.id: k.namn for k in refs}
    inputs = _Inputs(
        repo=repo,
        strategy=strategy,
        year=year,
        previous=previous,
        earlier_years=[y for y in submission_years if y < year][-2:],
        refs=refs,
        focus=tuple(focus),
        caveats=Caveats(
            _read_by_report(repo, year, revision.doc.rel, refs, findings), names, strategy.region.namn
        ),
        sources=sources,
        followups=followups,
        imported=repo.imported_for(year),
        score_ids=[strategy.malbild.id, *(d.id for d in strategy.delmal)],
        score_names=(strategy.malbild.namn, *(d.namn for d in strategy.delmal)),
    )
    submissions, cells = _submissions(inputs, errors, submission_years)
    diff = compare_years(repo, previous if previous is not None else year, year)
    score_rows, score_notes = _scores(inputs)
    nyckeltal = _nyckeltal(inputs)
    activities = _activities(inputs)
    movements = _movements(inputs, diff) if previous else ()
    handlingsplan = next((h for h in repo.handlingsplaner if h.model.ar == year), None)
    if handlingsplan is not None:
        sources.read(handlingsplan.doc, f"handlingsplan {year}")
    analysis = read_analysis(repo.root, year, repo.snapshot)
    files = sources.files()
    file_numbers = {f.file: f.number for f in files}
    sections = _kommun_sections(inputs, score_rows, nyckeltal, activities, diff, errors, file_numbers)
    priorities = tuple(
        PriorityRow(
            p.id,
            p.titel,
            len(activities.priority_use.get(p.id, [])),
            tuple(sorted(set(activities.priority_use.get(p.id, [])))),
        )
        for p in (handlingsplan.model.prioriteringar if handlingsplan else [])
    )
    info = strategy.strategi
    kolada_values = any(r.source == KOLADA for s in nyckeltal for r in s.rows)
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
        score_names=inputs.score_names,
        kommuner=refs,
        focus=tuple(focus),
        submission_years=submission_years,
        earlier_years=tuple(inputs.earlier_years),
        submissions=submissions,
        submitted=tuple(k.namn for k in refs if cells[k.id][1] in (Status.INLAMNAD, Status.FEL)),
        missing=tuple(k.namn for k in refs if cells[k.id][1] in (Status.SAKNAS, Status.UTKAST)),
        invalid=tuple(
            (k.namn, cells[k.id][0], errors[cells[k.id][0]]) for k in refs if cells[k.id][1] == "fel"
        ),
        movements=movements,
        score_rows=score_rows,
        score_notes=score_notes,
        delmal=_delmal(inputs, score_rows, diff),
        nyckeltal=nyckeltal,
        status_names=tuple(STATUS_NAMES.values()),
        activity_counts=activities.counts,
        priorities=priorities,
        sections=sections,
        sources=tuple((n.namn, n.kalla) for n in strategy.nyckeltal),
        caveats=tuple(inputs.caveats.all),
        error_files=_error_files(repo, findings),
        analysis=analysis,
        commit=commit,
        version=version,
        files=files,
        kolada=kolada_values,
        references=any(s.references for s in nyckeltal),
    )
