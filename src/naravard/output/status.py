"""`naravard status`: the kommun × year matrix of follow-ups as text, JSON or Markdown."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from typing import Any, TextIO

from naravard import __version__
from naravard.markdown import escape_inline
from naravard.submission import Row, Status, Submission


def _cell(s: Submission) -> str:
    if s.status is Status.FEL:
        return f"har fel ({s.errors})"
    if s.status is Status.INLAMNAD and s.inlamnad is not None:
        return f"inlämnad {s.inlamnad.isoformat()}"
    return s.status.words


def _totals(rows: Sequence[Row], years: Sequence[int]) -> list[Counter[Status]]:
    return [Counter(row.cells[i].status for row in rows) for i in range(len(years))]


def _total_line(counts: Counter[Status], kommuner: int) -> str:
    parts = [f"{counts[s]} {s.words}" for s in (Status.INLAMNAD, Status.FEL, Status.UTKAST, Status.SAKNAS)]
    return f"{counts[Status.INLAMNAD] + counts[Status.FEL]} av {kommuner} har lämnat in ({', '.join(parts)})"


def write_text(rows: Sequence[Row], years: Sequence[int], stream: TextIO) -> None:
    """An aligned table, then one summary line per year."""
    cells = [[row.namn, *(_cell(c) for c in row.cells)] for row in rows]
    header = ["Kommun", *(str(y) for y in years)]
    widths = [max(len(line[i]) for line in [header, *cells]) for i in range(len(header))]
    for line in [header, *cells]:
        stream.write("  ".join(v.ljust(w) for v, w in zip(line, widths, strict=True)).rstrip() + "\n")
    stream.write("\n")
    for year, counts in zip(years, _totals(rows, years), strict=True):
        stream.write(f"{year}: {_total_line(counts, len(rows))}.\n")


def as_json(rows: Sequence[Row], years: Sequence[int]) -> str:
    """Every cell with its status, file, errors and `inlamnad` date."""

    def cell(s: Submission) -> dict[str, Any]:
        return {
            "status": s.status.value,
            "fil": s.file,
            "fel": s.errors,
            "inlamnad": s.inlamnad.isoformat() if s.inlamnad else None,
        }

    document = {
        "version": __version__,
        "ar": list(years),
        "kommuner": [
            {
                "id": r.kommun,
                "namn": r.namn,
                "ar": {str(y): cell(c) for y, c in zip(years, r.cells, strict=True)},
            }
            for r in rows
        ],
        "summering": {
            str(year): {s.value: counts[s] for s in Status}
            for year, counts in zip(years, _totals(rows, years), strict=True)
        },
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def markdown(rows: Sequence[Row], years: Sequence[int]) -> str:
    """A Markdown table, for an issue, a wiki page or a job summary."""
    lines = [
        "| Kommun | " + " | ".join(str(y) for y in years) + " |",
        "|---|" + "---|" * len(years),
    ]
    lines += [
        "| " + " | ".join([escape_inline(r.namn), *(escape_inline(_cell(c)) for c in r.cells)]) + " |"
        for r in rows
    ]
    lines.append("")
    lines += [
        f"- {year}: {_total_line(counts, len(rows))}"
        for year, counts in zip(years, _totals(rows, years), strict=True)
    ]
    return "\n".join(lines) + "\n"
