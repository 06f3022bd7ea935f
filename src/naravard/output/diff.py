"""`naravard diff` for people (rich tables), for pull requests (Markdown) and for programs (JSON)."""

from __future__ import annotations

from typing import Any, TextIO

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from naravard.diff import KommunDiff, NyckeltalChange, RevisionDiff, YearDiff
from naravard.markdown import escape_inline
from naravard.model.words import STATUS
from naravard.numbers import change, number
from naravard.output.diff_json import as_json as as_json  # the JSON form, re-exported

_VERDICT_STYLE = {"battre": "green", "samre": "red", "oforandrad": "dim", "neutral": "", "okand": "dim"}
_VERDICT_WORD = {"battre": "bättre", "samre": "sämre", "oforandrad": "oförändrat", "neutral": "", "okand": ""}
_STATUS = STATUS
UNITS_NOTE = "Förändring i procentenheter (p.e.) för nyckeltal i procent eller som andel, annars i procent."
_KIND = {"ny": "ny", "genomford": "genomförd", "borttagen": "borttagen", "status": "ny status"}


def _num(value: float | None) -> str:
    return number(value)


def _score(old: int | None, new: int | None) -> str:
    return f"{old if old is not None else '–'} → {new if new is not None else '–'}"


def _score_text(old: int | None, new: int | None) -> Text:
    style = ""
    if old is not None and new is not None and new != old:
        style = "green" if new > old else "red"
    arrow = "" if old is None or new is None or old == new else (" ↑" if new > old else " ↓")
    return Text(_score(old, new) + arrow, style=style)


def _relative(n: NyckeltalChange) -> str:
    """`+4,4 p.e.` for procent and andel, `+15 %` for other units (naravard.numbers)."""
    return change(n.enhet, n.old, n.new)


def _size(n: NyckeltalChange) -> float:
    if n.points is not None:
        return abs(n.points) / 10
    return abs(n.relative or 0) / 0.25


def _console(stream: TextIO) -> Console:
    console = Console(file=stream, highlight=False, soft_wrap=False, emoji=False)
    if not console.is_terminal:
        console.width = 120
    return console


def _activity_line(change: Any, *, named: bool = False) -> str:
    # `named`: the activity by its title (from the plan), not its id.
    name = (change.titel or change.id) if named else change.id
    if change.kind == "ny":
        return f"ny aktivitet {name} ({_STATUS.get(change.new_status, change.new_status)})"
    if change.kind == "borttagen":
        return f"aktiviteten {name} redovisas inte längre"
    old = _STATUS.get(change.old_status, change.old_status)
    return f"{name}: {old} → {_STATUS.get(change.new_status, change.new_status)}"


# --- text -----------------------------------------------------------------------------------


def _kommun_text(console: Console, diff: KommunDiff) -> None:
    console.print(Text(f"{diff.namn} {diff.label_a} → {diff.label_b}", style="bold"))
    if not diff.has_a or not diff.has_b:
        missing = diff.label_a if not diff.has_a else diff.label_b
        console.print(Text(f"  Ingen uppföljning för {missing}.", style="yellow"))
    width = max((len(s.namn) for s in diff.scores), default=10)
    for s in diff.scores:
        console.print(Text(f"  {s.namn.ljust(width)}  ") + _score_text(s.old, s.new))
    if diff.nyckeltal:
        table = Table(box=box.SIMPLE, show_edge=False, pad_edge=False)
        for column, justify in (("Nyckeltal", "left"), (diff.label_a, "right"), (diff.label_b, "right"),
                                ("Förändring", "right"), ("", "right"), ("", "left")):  # fmt: skip
            table.add_column(Text(column), justify=justify)  # type: ignore[arg-type]
        for n in diff.nyckeltal:
            style = _VERDICT_STYLE[n.verdict]
            table.add_row(
                Text(n.namn), Text(_num(n.old)), Text(_num(n.new)),
                Text("–" if n.absolute is None else f"{'+' if n.absolute > 0 else ''}{_num(n.absolute)}"),
                Text(_relative(n)), Text(_VERDICT_WORD[n.verdict], style=style),
            )  # fmt: skip
        console.print(table)
    for a in diff.activities:
        console.print(Text(f"  {_activity_line(a)}"))
    if diff.reflection_changed:
        console.print(
            Text(f"  Reflektionen har skrivits om: {', '.join(diff.reflection_changed)}", style="dim")
        )
    console.print()


def _revision_note(diff: YearDiff) -> str:
    return (
        f"Strategin reviderades mellan {diff.year_a} och {diff.year_b}. Går inte att jämföra "
        f"(finns inte i den nya versionen och ersätts inte av något där): {', '.join(diff.not_comparable)}."
    )


def _revision_text(console: Console, diff: YearDiff) -> None:
    if diff.not_comparable:
        console.print(Text(_revision_note(diff), style="yellow"))
        console.print()


def _region_text(console: Console, diff: YearDiff) -> None:
    low, high = diff.scale
    a, b = str(diff.year_a), str(diff.year_b)
    table = Table(title=f"Självskattning i regionen {a} → {b}", box=box.SIMPLE_HEAD, title_justify="left")
    table.add_column("")
    for column in ("upp", "ned", "samma"):
        table.add_column(column, justify="right")
    for year in (a, b):
        table.add_column(f"{year}: " + " ".join(str(s) for s in range(low, high + 1)) + " (saknas)")
    for s in diff.region:
        cells = []
        for year in (a, b):
            counts = " ".join(str(s.distribution[year].get(step, 0)) for step in range(low, high + 1))
            cells.append(f"{counts} ({s.missing[year]})")
        table.add_row(
            Text(s.namn), Text(str(s.up), style="green"), Text(str(s.down), style="red"), Text(str(s.same)),
            *map(Text, cells),
        )  # fmt: skip
    console.print(table)


def _matrix_text(console: Console, diff: YearDiff) -> None:
    table = Table(
        title="Självskattning och aktiviteter per kommun", box=box.SIMPLE_HEAD, title_justify="left"
    )
    table.add_column("Kommun", no_wrap=True)
    names = [s.namn for s in diff.kommuner[0].scores] if diff.kommuner else []
    for i, name in enumerate(names):
        table.add_column(
            Text(diff.terms.get("malbild", "målbilden").capitalize() if i == 0 else name), justify="center"
        )
    for column in ("nya", "klara", "status", "borta"):
        table.add_column(column, justify="right")
    for k in diff.kommuner:
        kinds = [a.kind for a in k.activities]
        counts = [str(kinds.count(kind) or "") for kind in ("ny", "genomford", "status", "borttagen")]
        label = Text(k.namn)
        if not k.has_a or not k.has_b:
            label.append(f" (saknar {k.label_a if not k.has_a else k.label_b})", style="yellow")
        table.add_row(label, *(_score_text(s.old, s.new) for s in k.scores), *map(Text, counts))
    console.print(table)


def _biggest_text(console: Console, diff: YearDiff, limit: int = 10) -> None:
    moves = [
        (k, n)
        for k in diff.kommuner
        for n in k.nyckeltal
        if (n.relative is not None or n.points is not None) and n.verdict in ("battre", "samre")
    ]
    # Procentenheter and shares on one scale: 10 p.e. weighs as much as 25 % (as in the report).
    moves.sort(key=lambda kn: _size(kn[1]), reverse=True)
    if not moves:
        return
    table = Table(title="Största förändringarna i nyckeltal", box=box.SIMPLE_HEAD, title_justify="left")
    for column, justify in (("Kommun", "left"), ("Nyckeltal", "left"), (str(diff.year_a), "right"),
                            (str(diff.year_b), "right"), ("", "right"), ("", "left")):  # fmt: skip
        table.add_column(Text(column), justify=justify)  # type: ignore[arg-type]
    for k, n in moves[:limit]:
        style = _VERDICT_STYLE[n.verdict]
        table.add_row(Text(k.namn), Text(n.namn), Text(_num(n.old)), Text(_num(n.new)), Text(_relative(n)),
                      Text(_VERDICT_WORD[n.verdict], style=style))  # fmt: skip
    console.print(table)
    console.print(Text(UNITS_NOTE, style="dim"))


def write_years_text(diff: YearDiff, stream: TextIO, *, detailed: bool) -> None:
    """The region and a kommun × delmål matrix; with `detailed`, each kommun in full."""
    console = _console(stream)
    if detailed:
        _revision_text(console, diff)
        for k in diff.kommuner:
            _kommun_text(console, k)
        return
    _revision_text(console, diff)
    _region_text(console, diff)
    _matrix_text(console, diff)
    _biggest_text(console, diff)
    console.print(Text("Detaljer för en kommun: naravard diff A B --kommun <id>.", style="dim"))


# --- Markdown ---------------------------------------------------------------------------------


_md_cell = escape_inline  # everything from the data goes through the one strict escaper


def _md_kommun(diff: KommunDiff) -> list[str]:
    label_a, label_b = _md_cell(diff.label_a), _md_cell(diff.label_b)
    lines = [f"### {_md_cell(diff.namn)} {label_a} → {label_b}", ""]
    if not diff.has_a or not diff.has_b:
        lines += [f"Ingen uppföljning för {label_a if not diff.has_a else label_b}.", ""]
    lines += ["| Självskattning | " + f"{label_a} → {label_b} |", "|---|---|"]
    lines += [f"| {_md_cell(s.namn)} | {_score(s.old, s.new)} |" for s in diff.scores]
    if diff.nyckeltal:
        lines += [
            "",
            f"| Nyckeltal | {label_a} | {label_b} | Förändring | |",
            "|---|--:|--:|--:|---|",
        ]
        for n in diff.nyckeltal:
            cells = [_md_cell(n.namn), _num(n.old), _num(n.new), _relative(n), _VERDICT_WORD[n.verdict]]
            lines.append("| " + " | ".join(cells) + " |")
        lines += ["", UNITS_NOTE]
    if diff.activities:
        lines += [""] + [f"- {_md_cell(_activity_line(a))}" for a in diff.activities]
    return [*lines, ""]


def years_markdown(diff: YearDiff, *, detailed: bool) -> str:
    """The same facts as Markdown, for a pull request or a wiki page."""
    low, high = diff.scale
    a, b = str(diff.year_a), str(diff.year_b)
    steps = " ".join(str(s) for s in range(low, high + 1))
    lines = [
        f"## Förändringar {a} → {b}",
        "",
        *([_md_cell(_revision_note(diff)), ""] if diff.not_comparable else []),
        f"| {_md_cell(diff.terms.get('delmal', 'delmål').capitalize())} | upp | ned | samma "
        f"| {a}: {steps} (saknas) | {b}: {steps} (saknas) |",
    ]
    lines.append("|---|--:|--:|--:|---|---|")
    for s in diff.region:
        cells = [
            " ".join(str(s.distribution[y].get(step, 0)) for step in range(low, high + 1))
            + f" ({s.missing[y]})"
            for y in (a, b)
        ]
        lines.append(f"| {_md_cell(s.namn)} | {s.up} | {s.down} | {s.same} | {cells[0]} | {cells[1]} |")
    lines.append("")
    for k in diff.kommuner:
        if detailed or k.moved:
            lines += _md_kommun(k)
    return "\n".join(lines) + "\n"


def revision_markdown(diff: RevisionDiff) -> str:
    """What a change to the repository means, as a pull-request comment."""
    lines = [f"## naravard: vad ändringen betyder ({_md_cell(diff.rev_a)}..{_md_cell(diff.rev_b)})", ""]
    if not diff.followups and not diff.files and not diff.skipped:
        return "\n".join([*lines, "Inga ändringar i innehållet.", ""])
    for line in revision_lines(diff):
        lines.append(f"- {_md_cell(line)}")
    return "\n".join(lines) + "\n"


def _errors(n: int) -> str:
    return f"har fel ({n} fel; `naravard validate` visar dem)"


def revision_lines(diff: RevisionDiff) -> list[str]:
    """One line per changed follow-up or file, e.g. `Falun 2024: Nära mellan oss 3 → 4; …`."""
    out = []
    for k in diff.followups:
        head = f"{k.namn} {k.label_b}"
        if not k.has_b:
            out.append(f"{head}: {_errors(k.errors) if k.errors else 'uppföljningen borttagen'}")
            continue
        if not k.has_a:
            out.append(f"{head}: {'felen rättade' if k.broken_a else 'ny uppföljning'}")
            continue
        parts = [f"{s.namn} {s.old} → {s.new}" for s in k.scores if s.old != s.new]
        parts += [f"{n.namn} {_num(n.old)} → {_num(n.new)}" for n in k.nyckeltal if n.old != n.new]
        parts += [_activity_line(a, named=True) for a in k.activities]
        parts += [f"{t.where} ändrad: {t.words}" for t in k.texts]
        if k.errors:
            parts.append(_errors(k.errors))
        out.append(f"{head}: " + ("; ".join(parts) if parts else "texter ändrade"))
    word = {"ny": "ny fil", "borttagen": "borttagen", "andrad": "ändrad", "fel": "har fel"}
    for f in diff.files:
        detail = f": {'; '.join(f.details)}" if f.details else ""
        out.append(f"{f.file} {word[f.kind]}{detail}")
    return [*out, *diff.skipped]


def write_revision_text(diff: RevisionDiff, stream: TextIO) -> None:
    """The lines of a revision diff for a terminal."""
    console = _console(stream)
    lines = revision_lines(diff)
    if not lines:
        console.print("Inga ändringar i innehållet.")
    for line in lines:
        console.print(Text(line))
