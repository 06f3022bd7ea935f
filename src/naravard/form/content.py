"""What a kommun's form for a year holds, filled in like `naravard new uppfoljning`.

The form starts from the follow-up it will be read back into (`Base`): the year's file
when there is one, else the text `new uppfoljning` would write (the plan's activities
running that year with last year's status, the scores blank, every nyckeltal null).
Activities of the plan that run that year but are missing from an existing file get a
row with a blank status: filling it in adds them. Beside each cell to fill in stands
last year's status, score or value.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from naravard.authoring.new_followup import REFLECTION, followup_scaffold, previous_followup
from naravard.authoring.roundtrip import build_yaml, load
from naravard.authoring.scaffold import known_kommun, kommun_name, revision
from naravard.discover import classify
from naravard.findings import Finding, Location, Severity
from naravard.form import layout as L
from naravard.form.layout import Field, Kind, Layout, RowId, Value
from naravard.form.values import Missing, get
from naravard.loader import MAX_BYTES, load_text
from naravard.model.followup import Uppfoljning
from naravard.model.glossary import title_for
from naravard.model.plan import Aktivitet
from naravard.model.strategy import Skala, Strategi
from naravard.model.words import STATUS, UNIT
from naravard.repository import Repository, shape
from naravard.textfile import TextFile

Cell = str | int | float | None


@dataclass(frozen=True)
class Base:
    """The follow-up a form reads back into: the file as it is, or the text of a new one."""

    rel: str
    path: Path
    stored: TextFile
    before: bytes | None  # the file's bytes; None when there is no file yet

    @property
    def exists(self) -> bool:
        return self.before is not None


def follow_up_rel(kommun: str, year: int) -> str:
    """Where a kommun's follow-up for a year lives."""
    return f"data/kommuner/{kommun}/uppfoljning-{year}.yaml"


def load_base(repo: Repository, kommun: str, year: int) -> Base | list[Finding]:
    """The follow-up as it is on disk now, or its findings when naravard must not rewrite it."""
    rel = follow_up_rel(kommun, year)
    path = repo.root / rel
    if not (path.exists() or path.is_symlink()):
        return Base(rel, path, TextFile(followup_scaffold(repo, kommun, year).text), None)
    if path.is_symlink() or not path.is_file():
        return [Finding(Location(rel), "NV009", "Filen är en symbolisk länk eller ingen vanlig fil.")]
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        return [Finding(Location(rel), "NV009", f"Filen kan inte läsas: {exc.strerror}.")]
    doc = load_text(rel, data)
    if doc.findings:
        return doc.findings
    shaped = shape(classify(repo.root, path), doc)
    if isinstance(shaped, list):
        return [f for f in shaped if f.severity is Severity.ERROR]
    stored = TextFile.from_bytes(data)
    if not isinstance(stored, TextFile):  # pragma: no cover - the loader read it as UTF-8 above
        return [Finding(Location(rel), "NV002", stored.message)]
    return Base(rel, path, stored, data)


@dataclass(frozen=True)
class SheetContent:
    """One sheet: its title, a hint, the headers, the rows (from column A) and the columns to fill."""

    name: str
    title: str
    hint: str
    headers: tuple[str, ...]
    widths: tuple[int, ...]
    rows: tuple[tuple[Cell, ...], ...]
    inputs: dict[int, Kind]


@dataclass(frozen=True)
class Form:
    """A whole form: the layout the reader checks, the sheets, the instructions and the lists."""

    layout: Layout
    sheets: tuple[SheetContent, ...]
    instructions: tuple[str, ...]
    statuses: tuple[str, ...]
    scores: tuple[str, ...]


def storable(value: Cell) -> Cell:
    """A value as a cell can hold it: control characters, which the file format cannot, become `\ufffd`."""
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("\ufffd", value)
    return value


def status_word(status: str) -> str:
    """`Pågående` for `pagaende`, as the drop-down list shows it."""
    word = STATUS.get(status, status)
    return word[:1].upper() + word[1:]


def score_item(skala: Skala, value: int) -> str:
    """`3 – Stämmer ganska bra`, as the drop-down list shows a step of the scale."""
    label = skala.etiketter.get(value)
    return f"{value} – {label}" if label else str(value)


def build_form(repo: Repository, kommun: str, year: int, base: Base) -> Form:
    """The form for `kommun` and `year`, filled in from `base` and last year's follow-up."""
    known_kommun(repo, kommun)
    strategy = revision(repo, year).model
    data = load(build_yaml(), base.stored.text)
    previous = previous_followup(repo, kommun, year)
    last = previous.model if previous else None
    builder = _Builder(data)
    sheets = (
        _activities(builder, repo, kommun, year, data, last),
        _reflection(builder, year),
        _scores(builder, strategy, year, last),
        _nyckeltal(builder, strategy, year, last),
    )
    layout = Layout(
        kommun=kommun,
        year=year,
        rel=base.rel,
        scale=(strategy.skala.min, strategy.skala.max),
        labels=tuple(
            strategy.skala.etiketter.get(v, "") for v in range(strategy.skala.min, strategy.skala.max + 1)
        ),
        headers={s.name: s.headers for s in sheets},
        rows=tuple(builder.rows),
        fields=tuple(builder.fields),
    )
    name = kommun_name(strategy, kommun)
    scores = tuple(score_item(strategy.skala, v) for v in range(strategy.skala.min, strategy.skala.max + 1))
    return Form(
        layout,
        sheets,
        _instructions(name, year, base, strategy, last),
        tuple(status_word(s) for s in STATUS),
        scores,
    )


class _Builder:
    """Collects the rows' ids and the fields while the sheets are built."""

    def __init__(self, data: Any) -> None:
        self.data = data
        self.rows: list[RowId] = []
        self.fields: list[Field] = []

    def row(self, sheet: str, index: int, row_id: str) -> int:
        number = L.FIRST_ROW + index
        self.rows.append(RowId(sheet, number, row_id))
        return number

    def field(self, sheet: str, row: int, column: int, path: L.Path, kind: Kind) -> Value:
        """Register a cell to fill in; return the value it starts with."""
        value = get(self.data, path)
        start = storable(None if isinstance(value, Missing) else value)
        self.fields.append(Field(sheet, row, column, path, kind, L.fingerprint(start)))
        return start


def _activities(
    builder: _Builder, repo: Repository, kommun: str, year: int, data: Any, last: Uppfoljning | None
) -> SheetContent:
    planned: dict[str, Aktivitet] = {}
    for plan in repo.plans_for(kommun, year):
        planned.update((a.id, a) for a in plan.model.aktiviteter)
    reported = [str(item.get("id")) for item in data.get("aktiviteter") or () if isinstance(item, dict)]
    ids = list(dict.fromkeys([*reported, *(a.id for a in planned.values() if a.runs_in(year))]))
    before = {a.id: a.status for a in last.aktiviteter} if last else {}
    prev = f"Status {last.ar}" if last else "Status förra året"
    rows = []
    for index, activity_id in enumerate(ids):
        row = builder.row(L.AKTIVITETER, index, activity_id)
        activity = planned.get(activity_id)
        title = activity.titel if activity else f"{activity_id} (finns inte i planen)"
        when = f"{activity.nar.start.text} – {activity.nar.slut.text}" if activity else ""
        status = builder.field(L.AKTIVITETER, row, 5, ("aktiviteter", activity_id, "status"), Kind.STATUS)
        result = builder.field(L.AKTIVITETER, row, 6, ("aktiviteter", activity_id, "resultat"), Kind.TEXT)
        shown_before = status_word(before[activity_id]) if activity_id in before else "–"
        rows.append(
            (activity_id, title, when, shown_before, status_word(str(status)) if status else None, result)
        )
    return SheetContent(
        L.AKTIVITETER,
        f"Aktiviteter {year}",
        "Välj status i listan och skriv vad som gjorts och vad det gav. Gula celler fylls i.",
        ("id", "Aktivitet", "Pågår", prev, f"Status {year}", f"Resultat {year}"),
        (14, 42, 20, 16, 16, 80),
        tuple(rows),
        {5: Kind.STATUS, 6: Kind.TEXT},
    )


def _reflection(builder: _Builder, year: int) -> SheetContent:
    rows = []
    for index, (key, question) in enumerate(REFLECTION):
        row = builder.row(L.REFLEKTION, index, key)
        answer = builder.field(L.REFLEKTION, row, 4, ("reflektion", key), Kind.TEXT)
        rows.append((key, title_for(key), question, answer))
    return SheetContent(
        L.REFLEKTION,
        f"Reflektion {year}",
        "Svara med egna ord. Gula celler fylls i.",
        ("id", "Del", "Fråga", f"Svar {year}"),
        (14, 20, 46, 90),
        tuple(rows),
        {4: Kind.TEXT},
    )


def _scores(builder: _Builder, strategy: Strategi, year: int, last: Uppfoljning | None) -> SheetContent:
    skala = strategy.skala
    scored: list[tuple[str, str, str | None]] = [(strategy.malbild.id, strategy.malbild.namn, None)]
    scored += [(d.id, d.namn, d.skattningsfraga) for d in strategy.delmal]
    rows = []
    for index, (key, name, question) in enumerate(scored):
        row = builder.row(L.SJALVSKATTNING, index, key)
        score = builder.field(L.SJALVSKATTNING, row, 5, ("sjalvskattning", key, "varde"), Kind.SCORE)
        note = builder.field(L.SJALVSKATTNING, row, 6, ("sjalvskattning", key, "kommentar"), Kind.TEXT)
        earlier = last.sjalvskattning.get(key) if last else None
        shown_before = score_item(skala, earlier.varde) if earlier else "–"
        shown = score_item(skala, score) if isinstance(score, int) else score
        rows.append((key, name, question, shown_before, shown, note))
    steps = ", ".join(score_item(skala, v) for v in range(skala.min, skala.max + 1))
    return SheetContent(
        L.SJALVSKATTNING,
        f"Självskattning {year}",
        f"Välj en skattning i listan ({steps}). Kommentaren är valfri.",
        ("id", "Vad som skattas", "Påstående", _earlier(last), f"Skattning {year}", "Kommentar (valfritt)"),
        (14, 30, 60, 26, 26, 50),
        tuple(rows),
        {5: Kind.SCORE, 6: Kind.TEXT},
    )


def _nyckeltal(builder: _Builder, strategy: Strategi, year: int, last: Uppfoljning | None) -> SheetContent:
    rows = []
    for index, nyckeltal in enumerate(strategy.nyckeltal):
        row = builder.row(L.NYCKELTAL, index, nyckeltal.id)
        value = builder.field(L.NYCKELTAL, row, 5, ("nyckeltal", nyckeltal.id, "varde"), Kind.NUMBER)
        note = builder.field(L.NYCKELTAL, row, 6, ("nyckeltal", nyckeltal.id, "kommentar"), Kind.TEXT)
        earlier = last.nyckeltal.get(nyckeltal.id) if last else None
        rows.append(
            (
                nyckeltal.id,
                nyckeltal.namn,
                UNIT.get(nyckeltal.enhet, nyckeltal.enhet),
                earlier.varde if earlier else None,
                value,
                note,
            )
        )
    return SheetContent(
        L.NYCKELTAL,
        f"Nyckeltal {year}",
        "Skriv värdet som ett tal (52,1). Lämna cellen tom om värdet inte är känt.",
        ("id", "Nyckeltal", "Enhet", _earlier(last), f"Värde {year}", "Kommentar (valfritt)"),
        (14, 60, 20, 14, 14, 50),
        tuple(rows),
        {5: Kind.NUMBER, 6: Kind.TEXT},
    )


def _earlier(last: Uppfoljning | None) -> str:
    return f"Förra året ({last.ar})" if last else "Förra året"


def _instructions(
    name: str, year: int, base: Base, strategy: Strategi, last: Uppfoljning | None
) -> tuple[str, ...]:
    skala = strategy.skala
    since = f"Bredvid varje cell står vad ni svarade {last.ar}." if last else ""
    start = (
        f"Formuläret är ifyllt med det som redan står i uppföljningen ({base.rel})."
        if base.exists
        else "Aktiviteterna och deras status kommer från den lokala planen och förra årets uppföljning."
    )
    return (
        f"Uppföljning {year} för {name}",
        "",
        "Så här fyller du i formuläret:",
        "1. Fyll i de gula cellerna på bladen Aktiviteter, Reflektion, Självskattning och Nyckeltal. "
        f"{start} {since}".rstrip(),
        "2. Status och skattning väljer du i en lista: klicka på cellen och på pilen bredvid.",
        f"3. Skattningen görs på skalan {skala.min}–{skala.max}. Kommentaren till en skattning är valfri.",
        "4. Nyckeltal skrivs som tal, med decimalkomma som vanligt (52,1). Lämna cellen tom om värdet "
        "inte är känt.",
        "5. Skriv värdena själv. En formel (som börjar med =) läses inte in.",
        "6. Flytta, sortera, lägg till eller ta bort inga rader, och byt inte namn på bladen: då kan "
        "formuläret inte läsas in. Övriga celler är låsta (utan lösenord).",
        "7. Spara filen som Excel-arbetsbok (.xlsx) och skicka den till den som samordnar uppföljningen.",
        "",
        "Den som samordnar läser in formuläret med:",
        "   naravard form --read FILNAMN.xlsx",
        "Varje fel visas med blad och cell, t.ex. Självskattning!E4.",
    )
