"""Charts as SVG text: matplotlib's Agg-free SVG backend, deterministic and safe for any label.

Deterministic: a fixed hash salt and no date in the metadata, so the same data gives the same
bytes. Safe: math text is off, so a `$` in a name is drawn as a dollar sign, never parsed.
Colours survive colour blindness and greyscale print: the score scale runs along cividis
(dark to light), and better/worse is blue/orange with hatching on worse.
"""

from __future__ import annotations

import gc
import io
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any, Literal

from naravard.numbers import number
from naravard.report.context import UNIT_NAMES, NyckeltalRow, NyckeltalSection, ReportContext
from naravard.workers import cores, map_in_workers

BETTER = "#0072B2"
WORSE = "#D55E00"
NEUTRAL = "#999999"
MISSING = "#EEEEEE"
STATUS_COLOURS = ("#CCCCCC", "#56B4E9", "#009E73", "#F0E442", "#D55E00")
_RC: dict[str, Any] = {
    "svg.hashsalt": "naravard",
    "svg.fonttype": "none",
    "text.parse_math": False,
    "text.usetex": False,
    "font.family": "sans-serif",
    "font.size": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
}


@dataclass(frozen=True)
class Chart:
    """One chart: its file name (for Markdown), its SVG, and a text alternative."""

    name: str
    svg: str
    alt: str


def _svg(
    draw: Callable[[Any], None], size: tuple[float, float], *, margins: tuple[float, float] | None = None
) -> str:
    """Draw a figure to SVG text. With `margins` (left, bottom, in inches) the layout is fixed:
    half the cost of the constrained layout, which measures every label (a chart per nyckeltal
    with a bar per kommun is where the report's time goes, issue 9)."""
    import matplotlib
    from matplotlib.backends.backend_svg import FigureCanvasSVG
    from matplotlib.figure import Figure

    with matplotlib.rc_context(_RC):  # type: ignore[arg-type]
        figure = Figure(figsize=size, layout=None if margins else "constrained")
        if margins:
            left, bottom = margins
            figure.subplots_adjust(
                left=left / size[0], right=0.97, bottom=bottom / size[1], top=1 - 0.15 / size[1]
            )
        FigureCanvasSVG(figure)
        draw(figure)
        out = io.StringIO()
        figure.savefig(out, format="svg", metadata={"Date": None, "Creator": None})
    text = out.getvalue()
    return text[text.index("<svg") :]


def _row_labels(figure: Any, ax: Any, labels: list[tuple[str, bool]], *, pad: float) -> None:
    """A label per row (row y at y = its index) left of the axes, bold where asked: what
    `set_yticks` shows, without its ticks. matplotlib makes four artists per tick (two lines with
    markers, two texts) and copies their properties on every draw: for 290 kommuner that was
    most of a chart's time (issue 18). `pad` is the gap to the axes in points."""
    from matplotlib.transforms import ScaledTranslation

    ax.set_yticks([])
    where = ax.get_yaxis_transform() + ScaledTranslation(-pad / 72, 0, figure.dpi_scale_trans)
    for y, (label, bold) in enumerate(labels):
        ax.text(
            0,
            y,
            label,
            transform=where,
            ha="right",
            va="center_baseline",
            fontweight="bold" if bold else "normal",
        )


def _wrap(text: str, width: int = 18) -> str:
    return "\n".join(textwrap.wrap(text, width)) or text


def _scale_colours(steps: int) -> list[Any]:
    from matplotlib import colormaps

    cmap = colormaps["cividis"]
    return [cmap(0.15 + 0.75 * i / max(steps - 1, 1)) for i in range(steps)]


def heatmap(context: ReportContext) -> Chart:
    """Kommun × delmål: this year's scores on the strategy's scale, the number in every cell."""
    low = context.scale[0][0]
    steps = len(context.scale)
    colours = _scale_colours(steps)
    rows = context.score_rows

    def draw(figure: Any) -> None:
        from matplotlib.colors import ListedColormap
        from matplotlib.patches import Patch

        ax = figure.subplots()
        grid = [[(s - low) if s is not None else float("nan") for s in r.values] for r in rows]
        cmap = ListedColormap(colours).with_extremes(bad=MISSING)
        # Cells as vector quads, not an image: imshow resamples to the figure's pixels, 125 MB of
        # floats for 290 kommuner (issue 9), and prints blurred.
        columns = len(context.score_names)
        edges_x = [x - 0.5 for x in range(columns + 1)]
        edges_y = [y - 0.5 for y in range(len(rows) + 1)]
        ax.pcolormesh(
            edges_x, edges_y, grid, cmap=cmap, vmin=-0.5, vmax=steps - 0.5, edgecolors="white", linewidth=0.5
        )
        ax.set_xlim(edges_x[0], edges_x[-1])
        ax.set_ylim(edges_y[-1], edges_y[0])  # the first kommun at the top
        for y, r in enumerate(rows):
            for x, s in enumerate(r.values):
                dark = s is not None and (s - low) < steps / 2
                ax.text(
                    x,
                    y,
                    "–" if s is None else str(s),
                    ha="center",
                    va="center",
                    color="white" if dark else "black",
                    fontsize=9,
                )
        ax.set_xticks(range(len(context.score_names)), labels)
        _row_labels(figure, ax, [(r.kommun.namn, r.kommun.focus) for r in rows], pad=3.5)
        ax.tick_params(axis="x", labelsize=8, length=0)
        ax.spines[:].set_visible(False)
        handles = [Patch(color=c, label=f"{v} {t}") for c, (v, t) in zip(colours, context.scale, strict=True)]
        handles.append(Patch(facecolor=MISSING, edgecolor="#999999", label="– ingen skattning"))
        figure.legend(handles=handles, loc="lower center", ncols=3, frameon=False, fontsize=8)

    # A fixed layout, not the constrained one: for 290 kommuner that would measure every cell's
    # label again and again (issue 9). The margins hold the longest kommun name on the left, and
    # the delmål names and the legend below.
    labels = [_wrap(n, 14) for n in context.score_names]
    label_lines = max((label.count("\n") + 1 for label in labels), default=1)
    legend_rows = -(-(steps + 1) // 3)
    bottom = 0.2 + 0.15 * label_lines + 0.22 * legend_rows
    left = min(0.25 + 0.085 * max((len(r.kommun.namn) for r in rows), default=8), 3.0)
    height = bottom + 0.4 + 0.32 * len(rows)
    alt = (
        f"Värmekarta över självskattningen {context.year}: en rad per kommun och en kolumn för "
        f"{context.terms['malbild']} och varje {context.terms['delmal']}, med skattningen skriven i "
        "varje ruta. Samma siffror står i tabellen under diagrammet."
    )
    return Chart("sjalvskattning-karta", _svg(draw, (8, height), margins=(left, bottom)), alt)


def distribution(context: ReportContext) -> Chart:
    """Per delmål: how many kommuner chose each step of the scale, and how many did not answer."""
    colours = _scale_colours(len(context.scale))
    stats = context.delmal

    def draw(figure: Any) -> None:
        ax = figure.subplots()
        left = [0.0] * len(stats)
        positions = range(len(stats))
        for step_index, ((value, label), colour) in enumerate(zip(context.scale, colours, strict=True)):
            widths = [s.counts[step_index] for s in stats]
            ax.barh(positions, widths, left=left, color=colour, label=f"{value} {label}", edgecolor="white")
            left = [a + b for a, b in zip(left, widths, strict=True)]
        missing = [s.missing for s in stats]
        ax.barh(
            positions,
            missing,
            left=left,
            color=MISSING,
            hatch="..",
            edgecolor="#999999",
            label="ingen skattning",
        )
        ax.set_yticks(list(positions), [_wrap(s.namn, 24) for s in stats])
        ax.invert_yaxis()
        ax.set_xlabel("Antal kommuner")
        figure.legend(loc="outside lower center", ncols=3, frameon=False, fontsize=8)

    alt = (
        f"Stapeldiagram: för {context.terms['malbild']} och varje {context.terms['delmal']} hur många "
        "kommuner som valde varje steg "
        f"på skalan {context.year}, och hur många som inte skattade. Tabellen under visar antalen."
    )
    return Chart("sjalvskattning-fordelning", _svg(draw, (8, 1.4 + 0.45 * len(stats))), alt)


EARLIER_MARKERS = (("o", "ring"), ("s", "fyrkant"))
REFERENCE_STYLES: tuple[Literal[":", "-."], ...] = (":", "-.")


def _marked(r: NyckeltalRow) -> str:
    """A kommun's label, with the codes of the warnings on its values (⚠ NV307)."""
    codes = dict.fromkeys(c.code for c in (*r.value.caveats, *(e for f in r.earlier for e in f.caveats)))
    return r.kommun.namn + "".join(f" ⚠ {code}" for code in codes)


def nyckeltal(context: ReportContext, section: NyckeltalSection) -> Chart:
    """Every kommun's value against the regional median; earlier years as markers.

    The legend stands below the axes, never over a bar, and explains every colour and marker;
    the alt text says the same, in words, and names what is missing.
    """
    rows = section.rows
    unit = UNIT_NAMES.get(section.enhet, section.enhet)
    earlier_years = context.earlier_years

    def draw(figure: Any) -> None:
        from matplotlib.collections import PolyCollection
        from matplotlib.lines import Line2D
        from matplotlib.patches import Patch

        ax = figure.subplots()
        positions = list(range(len(rows)))
        handles: list[Any] = []
        # One collection of bars per colour, not a patch per bar: a bar chart of 290 kommuner
        # costs half as much to draw (issue 9).
        for verdicts, colour, hatch, label in (
            (("battre",), BETTER, None, "bättre än medianen"),
            (("samre",), WORSE, "///", "sämre än medianen"),
            (
                ("oforandrad", "neutral"),
                NEUTRAL,
                None,
                "som medianen" if section.riktning != "neutral" else "värde",
            ),
        ):
            bars = [
                [(0, p - 0.4), (r.value.value, p - 0.4), (r.value.value, p + 0.4), (0, p + 0.4)]
                for r, p in zip(rows, positions, strict=True)
                if r.value.value is not None and r.verdict in verdicts
            ]
            if bars:
                collection = PolyCollection(bars, facecolors=colour, edgecolors="white", hatch=hatch)
                collection.sticky_edges.x.append(0)  # bars start at the axis, as barh's do
                ax.add_collection(collection)
                handles.append(Patch(facecolor=colour, edgecolor="white", hatch=hatch, label=label))
        for r, p in zip(rows, positions, strict=True):
            if r.value.value is None:
                reason = f" ({r.value.orsak})" if r.value.orsak else ""
                ax.text(0, p, f" saknas{reason}", va="center", fontsize=9, color="#333333", style="italic")
        ax.autoscale_view()
        for i, year in enumerate(earlier_years):
            points = [
                (r.earlier[i].value, p)
                for r, p in zip(rows, positions, strict=True)
                if r.earlier[i].value is not None
            ]
            if points:
                marker = EARLIER_MARKERS[i % 2][0]
                ax.scatter(
                    [v for v, _ in points],
                    [p for _, p in points],
                    marker=marker,
                    facecolors="none",
                    edgecolors="black",
                    s=22,
                    zorder=3,
                )
                handles.append(
                    Line2D([], [], marker=marker, linestyle="none", markerfacecolor="none",
                           markeredgecolor="black", label=f"värdet {year}")
                )  # fmt: skip
        if section.median is not None:
            ax.axvline(section.median, color="black", linestyle="--", linewidth=1)
            handles.append(
                Line2D(
                    [], [], color="black", linestyle="--", label="kommunernas median (Bearbetning: naravard)"
                )
            )
        for reference, style in zip(section.references, REFERENCE_STYLES, strict=False):
            if reference.value is not None:
                ax.axvline(reference.value, color="#444444", linestyle=style, linewidth=1.2)
                handles.append(
                    Line2D(
                        [], [], color="#444444", linestyle=style, label=f"{reference.label} (Källa: Kolada)"
                    )
                )
        _row_labels(figure, ax, [(_marked(r), r.kommun.focus) for r in rows], pad=7.0)
        ax.set_ylim(len(rows) - 0.5, -0.5)  # every row, the first at the top (texts set no limits)
        ax.set_xlabel(unit)
        # Below the axes and the x label: it never covers a bar or a marker (issue 11 item 10).
        ax.legend(
            handles=handles,
            loc="upper center",
            bbox_to_anchor=(0.5, -0.45 / (size[1] - bottom - 0.15)),
            ncols=2,
            fontsize=8,
            frameon=False,
        )

    missing = [
        r.kommun.namn + (f" ({r.value.orsak})" if r.value.orsak else "")
        for r in rows
        if r.value.value is None
    ]
    better = sum(1 for r in rows if r.verdict == "battre")
    worse = sum(1 for r in rows if r.verdict == "samre")
    parts = [
        f"Liggande stapeldiagram över {section.namn} {context.year}, en stapel per kommun, i {unit}.",
    ]
    if section.riktning != "neutral":
        parts.append(
            f"Blå stapel: bättre än kommunernas median ({better} kommuner); orange randig stapel: sämre "
            f"({worse}); grå: som medianen."
        )
    else:
        parts.append("Staplarna är grå: för nyckeltalet är varken högre eller lägre bättre.")
    if section.median is not None:
        parts.append(f"Streckad lodrät linje: kommunernas median, {number(section.median)}.")
    for reference, style in zip(section.references, ("Prickad", "Streckprickad"), strict=False):
        if reference.value is not None:
            parts.append(f"{style} linje: {reference.label}, {number(reference.value)} (Källa: Kolada).")
    for i, year in enumerate(earlier_years):
        parts.append(f"Ofylld {EARLIER_MARKERS[i % 2][1]}: värdet {year}.")
    if missing:
        parts.append(f"Värde saknas för {', '.join(missing)}.")
    parts.append("Tabellen under visar värdena.")
    # Room on the left for the longest label (about 0.085 in per character at 10 pt), below for
    # the x label and the legend's rows.
    left = 0.25 + 0.085 * max((len(_marked(r)) for r in rows), default=8)
    entries = 3 + len(earlier_years) + 1 + len(section.references)
    bottom = 0.55 + 0.17 * -(-entries // 2)
    size = (8, bottom + 0.5 + 0.28 * len(rows))
    return Chart(
        f"nyckeltal-{section.id}", _svg(draw, size, margins=(min(left, 3.0), bottom)), " ".join(parts)
    )


def activities(context: ReportContext) -> Chart:
    """Activities per delmål, stacked by status."""
    counts = context.activity_counts

    def draw(figure: Any) -> None:
        ax = figure.subplots()
        positions = list(range(len(counts)))
        left = [0] * len(counts)
        for status_index, (name, colour) in enumerate(zip(context.status_names, STATUS_COLOURS, strict=True)):
            widths = [c[status_index] for _, c in counts]
            ax.barh(
                positions,
                widths,
                left=left,
                color=colour,
                label=name,
                edgecolor="white",
                hatch="///" if name == "Avbruten" else "",
            )
            left = [a + b for a, b in zip(left, widths, strict=True)]
        ax.set_yticks(positions, [_wrap(n, 24) for n, _ in counts])
        ax.invert_yaxis()
        ax.set_xlabel(
            f"Antal aktiviteter (en aktivitet räknas under varje {context.terms['delmal']} den bidrar till)"
        )
        figure.legend(loc="outside lower center", ncols=5, frameon=False, fontsize=8)

    alt = (
        f"Stapeldiagram över aktiviteterna {context.year} per {context.terms['delmal']}, uppdelade "
        "efter status. "
        "Tabellen under visar antalen."
    )
    return Chart("aktiviteter", _svg(draw, (8, 1.4 + 0.45 * len(counts))), alt)


@dataclass(frozen=True)
class ChartSpec:
    """A chart of the report: its name (file and key), its label (progress), how it is drawn."""

    name: str
    label: str
    draw: Callable[[ReportContext], Chart]


def registry(context: ReportContext) -> dict[str, ChartSpec]:
    """Every chart of the report by name, in the order they appear."""
    specs = [
        ChartSpec("sjalvskattning-karta", "självskattning", lambda c: heatmap(c)),
        ChartSpec("sjalvskattning-fordelning", "fördelning", lambda c: distribution(c)),
        ChartSpec("aktiviteter", "aktiviteter", lambda c: activities(c)),
    ]
    for section in context.nyckeltal:
        if section.reported:
            specs.append(
                ChartSpec(f"nyckeltal-{section.id}", section.namn, partial(nyckeltal, section=section))
            )
    return {spec.name: spec for spec in specs}


def build_charts(
    context: ReportContext,
    *,
    progress: Callable[[str], None] | None = None,
    jobs: int | None = None,
) -> list[Chart]:
    """Every chart of the report. A chart that fails is left out and named, never aborts the report.

    The charts are drawn in `jobs` worker processes (by default on every core, up to four, from
    PARALLEL_FROM_KOMMUNER kommuner on): each chart is independent, and matplotlib's text
    layout is where a large report spends its time (issue 9). The context goes once to each
    worker (naravard.workers).
    """
    specs = list(registry(context).values())
    if jobs is None:
        jobs = min(cores(), 4) if len(context.kommuner) >= PARALLEL_FROM_KOMMUNER else 1
    charts = []
    drawn = map_in_workers(_draw_named, context, [spec.name for spec in specs], jobs=jobs, imports=MATPLOTLIB)
    for chart, spec in zip(drawn, specs, strict=True):
        if progress:
            progress(spec.label)
        charts.append(chart)
    return charts


# What drawing a chart imports: a worker imports it before its first chart (naravard.workers).
MATPLOTLIB = ("matplotlib.figure", "matplotlib.backends.backend_svg", "matplotlib.collections")

# From this many kommuner the charts are drawn in worker processes: below it, starting them costs
# more than the charts do (15 kommuner: ~0.1 s a chart).
PARALLEL_FROM_KOMMUNER = 60


def _draw_named(context: ReportContext, name: str) -> Chart:
    """One chart by its name in the registry (what a worker is sent: the context once, then names)."""
    try:
        return _draw(context, registry(context)[name])
    finally:
        gc.collect()  # a figure is a web of cycles: free it before the next, not at the collector's pace


def _draw(context: ReportContext, spec: ChartSpec) -> Chart:
    try:
        return spec.draw(context)
    except Exception as exc:  # one broken chart must not cost the report
        return Chart(spec.name, "", f"Diagrammet {spec.label} kunde inte ritas ({type(exc).__name__}).")
