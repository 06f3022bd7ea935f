"""Generate a national-size naravard data repository for the benchmark, deterministically.

    python bench/generate.py OUT_DIR [--kommuner N] [--years A-B] [--seed S]

writes OUT_DIR/data/: one strategy covering years A–B with N kommuner, a regional handlingsplan per
year, and for every kommun one local plan covering A–B (many activities) plus one follow-up per year.
FORMAT.md allows one lokal-plan.yaml per kommun folder and at most one plan per kommun and year, so
"a plan and a follow-up per kommun and year" cannot be valid. The plans are large instead (about
155 activities), each follow-up reports on the activities running that year, and the default corpus
(290 kommuner, 2022–2030) is about 80 MB, with short texts so that it is about as dense in YAML
nodes as the shipped example data. Every file passes `naravard validate` with no error and no warning.
"""

from __future__ import annotations

import argparse
import calendar
import random
import re
import string
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import texts

KB = 1024
WIDTH = 98  # wrap folded text at this column
PLAN_KB = 121.0  # mean size of a local plan; the follow-ups grow with its number of activities
SCHEMA = "# yaml-language-server: $schema={}schemas/{}.schema.json"


@dataclass(frozen=True)
class Shape:
    """How the text is spread: a plan's size, and how many sentences each kind of text gets."""

    name: str
    plan_kb: float  # mean size of a local plan; the follow-ups grow with its number of activities
    vad: tuple[int, int]  # extra sentences of an activity's `vad`, from–to
    hur: tuple[int, int]
    resultat: tuple[tuple[int, ...], tuple[float, ...]]  # sentences of a `resultat` and their weights
    reflektion: tuple[int, int]
    kommentar: tuple[int, int]  # of a självskattning


SHAPES = {
    # Short texts, many activities: about as dense in YAML nodes as the shipped data (~35,000
    # libyaml events per MB).
    "national": Shape("national", PLAN_KB, (0, 1), (0, 2), ((1, 2, 3), (0.5, 0.35, 0.15)), (1, 4), (1, 3)),
    # Long folded paragraphs (issue 15): ~19,000 events per MB, scalars of ~60 characters on
    # average and block scalars of several hundred, ~50 MB in all.
    "prose": Shape("prose", 55.0, (3, 5), (3, 5), ((3, 4, 5, 6), (0.25, 0.25, 0.25, 0.25)), (5, 8), (2, 5)),
}


# --- Small YAML writer ---------------------------------------------------------------------------

_PLAIN = re.compile(r"[A-Za-zÅÄÖåäöÉé0-9(][^:#\n\"'`|>{}\[\]&*!%@]*\Z")
_NOT_TEXT = re.compile(
    r"(?i:y|n|yes|no|on|off|true|false|null|~)\Z|[-+]?[0-9._]+([eE][-+]?[0-9]+)?\Z"
    r"|[0-9]{4}-[0-9]{2}(-[0-9]{2})?\Z"
)


def scalar(text: str, *, flow: bool = False) -> str:
    """`text` as a YAML scalar: plain when that reads back as the same string, else quoted."""
    plain = _PLAIN.match(text) and not _NOT_TEXT.match(text) and text == text.strip()
    if plain and not (flow and "," in text):
        return text
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def wrap(text: str, width: int) -> list[str]:
    """Split `text` into lines of at most `width` characters at spaces."""
    lines: list[str] = []
    current: list[str] = []
    length = 0
    for word in text.split(" "):
        if current and length + 1 + len(word) > width:
            lines.append(" ".join(current))
            current, length = [], 0
        length += len(word) + (1 if current else 0)
        current.append(word)
    if current:
        lines.append(" ".join(current))
    return lines


def text_field(out: list[str], indent: int, key: str, text: str) -> None:
    """Append `key: text`, on one line when it fits, else as a folded block (`>-`)."""
    pad = " " * indent
    one_line = f"{pad}{key}: {scalar(text)}"
    if len(one_line) <= WIDTH and not one_line.endswith('"'):
        out.append(one_line)
        return
    out.append(f"{pad}{key}: >-")
    out.extend(f"{pad}  {line}" for line in wrap(text, WIDTH - indent - 2))


def flow_list(items: Iterable[str]) -> str:
    """A flow sequence of plain, comma-free scalars."""
    return "[" + ", ".join(scalar(i, flow=True) for i in items) + "]"


def size_of(lines: Sequence[str]) -> int:
    """Bytes of `lines` written as UTF-8 with LF endings."""
    return sum(len(line.encode()) + 1 for line in lines)


# --- Names and the kommuner ---------------------------------------------------------------------


def slug(name: str) -> str:
    """A kommun id from its name: lower case, å/ä → a, ö → o, é → e, space → -."""
    table = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", " ": "-"})
    return name.lower().translate(table)


def place_name(rng: random.Random) -> str:
    """A Swedish-looking place name: Björkvik, Övre Ljungsala, Ålhamn-Torpdal."""
    head = rng.choice(texts.NAME_HEADS)
    tail = rng.choice(texts.NAME_TAILS)
    if head.lower().endswith(tail[:2]):
        tail = rng.choice(texts.NAME_TAILS)
    name = head + tail
    roll = rng.random()
    if roll < 0.06:
        name = f"{rng.choice(texts.NAME_PREFIXES)} {name}"
    elif roll < 0.10:
        name = f"{name}-{rng.choice(texts.NAME_HEADS)}{rng.choice(texts.NAME_TAILS)}"
    return name


def genitive(name: str) -> str:
    """Swedish genitive: Björkvik → Björkviks, Ås → Ås."""
    return name if name[-1] in "sxz" else name + "s"


@dataclass
class Kommun:
    """A synthetic kommun: id, code, name, region and the places its text talks about."""

    index: int
    id: str
    kod: str
    namn: str
    region: str
    orter: list[str]
    vardcentraler: list[str]
    weight: float  # relative size of its files


def make_kommuner(n: int, seed: int) -> list[Kommun]:
    """N kommuner with unique ids, names and four-digit codes (län code + number), by code."""
    rng = random.Random(f"{seed}:kommuner")
    lan_codes = list(texts.REGIONS)
    per_lan = -(-n // len(lan_codes))
    if per_lan > 89:
        raise SystemExit(f"--kommuner {n} is too many: at most {89 * len(lan_codes)} fit.")
    max_gap = max(1, (89 - 10) // per_lan)
    codes: list[tuple[str, str]] = []
    for lan in lan_codes:
        number = rng.randint(10, 10 + max_gap)
        for _ in range(per_lan):
            codes.append((lan, f"{lan}{number:02d}"))
            number += rng.randint(1, max_gap)
    chosen = sorted(rng.sample(codes, n), key=lambda c: c[1])
    names: set[str] = set()
    ids: set[str] = set()
    kommuner: list[Kommun] = []
    for index, (lan, kod) in enumerate(chosen):
        name = place_name(rng)
        while name in names or slug(name) in ids:
            name = place_name(rng)
        names.add(name)
        ids.add(slug(name))
        orter = [name]
        for _ in range(rng.randint(3, 8)):
            orter.append(place_name(rng))
            while orter[-1] in orter[:-1]:
                orter[-1] = place_name(rng)
        forms = rng.sample(texts.VC_FORMS, 2)
        vcs = [forms[i % 2].format(ort=o) for i, o in enumerate(orter[: rng.randint(2, 5)])]
        region = texts.REGIONS[lan]
        weight = rng.uniform(0.7, 1.3)
        kommuner.append(Kommun(index, slug(name), kod, name, region, orter, vcs, weight))
    return kommuner


# --- Sentences -----------------------------------------------------------------------------------

_SLOTS: dict[str, tuple[str, ...]] = {}


def _slots(template: str) -> tuple[str, ...]:
    names = _SLOTS.get(template)
    if names is None:
        fields = (f for _, f, _, _ in string.Formatter().parse(template) if f)
        names = tuple(dict.fromkeys(fields))  # in order: a set's order would vary between runs
        _SLOTS[template] = names
    return names


def _number(value: int) -> str:
    return f"{value:,}".replace(",", " ")


@dataclass
class Writer:
    """Fills sentence templates for one kommun; `ar` is the year the text speaks of."""

    rng: random.Random
    kommun: Kommun
    ar: int = 2024
    shape: Shape = SHAPES["national"]
    _decks: dict[int, list[int]] = field(default_factory=dict)

    def slot(self, name: str) -> str:
        """A random value for one template slot."""
        rng, k = self.rng, self.kommun
        match name:
            case "ort":
                return rng.choice(k.orter)
            case "ort2":
                return rng.choice(k.orter[1:])
            case "kommun":
                return k.namn
            case "kommunen":
                return f"{genitive(k.namn)} kommun"
            case "region":
                return k.region
            case "vc":
                return rng.choice(k.vardcentraler)
            case "roll":
                return rng.choice(texts.ROLES)
            case "manad":
                return rng.choice(texts.MONTHS)
            case "ar":
                return str(self.ar)
            case "n":
                return _number(rng.randint(40, 2600))
            case "m":
                return str(rng.randint(12, 640))
            case "k":
                return str(rng.randint(2, 24))
            case "a":
                return str(rng.randint(25, 60))
            case "b":
                return str(rng.randint(5, 22))
            case "c":
                return str(rng.randint(20, 55))
            case "d":
                return str(rng.randint(58, 90))
            case "p":
                return str(rng.randint(40, 96))
            case "p2":
                return str(rng.randint(5, 35))
        raise KeyError(name)

    def fill(self, template: str) -> str:
        """`template` with every slot filled."""
        names = _slots(template)
        if not names:
            return template
        values = {n: self.slot(n) for n in names}
        while "ort2" in values and values["ort2"] == values.get("ort"):
            values["ort2"] = self.slot("ort2")
        return template.format(**values)

    def sentence(self, pool: Sequence[str]) -> str:
        """A filled sentence from `pool`; each is used once before any repeats (a shuffled deck)."""
        deck = self._decks.setdefault(id(pool), [])
        if not deck:
            deck.extend(range(len(pool)))
            self.rng.shuffle(deck)
        return self.fill(pool[deck.pop()])

    def paragraph(self, pool: Sequence[str], count: int, start: str = "") -> str:
        """`count` sentences from `pool`, after `start` if given."""
        parts = [start] if start else []
        parts.extend(self.sentence(pool) for _ in range(count))
        return " ".join(parts)


# --- The region's files ----------------------------------------------------------------------------


def strategy_lines(kommuner: Sequence[Kommun], first: int, last: int) -> list[str]:
    """data/region/strategi.yaml: Dalarna's structure with the synthetic kommuner."""
    out = [
        SCHEMA.format("../../", "strategi"),
        "# Syntetisk benchmarkdata (bench/generate.py): en strategi för hela landet, byggd som",
        "# Dalarnas länsgemensamma strategi (målbild, delmål, skala, nyckeltal) men med alla",
        f"# {len(kommuner)} kommuner. Namnen och kommunkoderna är påhittade.",
        "region:",
        "  namn: Sverige (syntetisk benchmarkregion)",
        '  lanskod: "00"',
        "strategi:",
        "  namn: Nationell benchmarkstrategi för God och nära vård",
        "  diarienummer: BENCH/0001",
        f"  giltig_from: {first}-01-01",
        f"  giltig_tom: {last}-12-31",
        "malbild:",
        f"  id: {texts.MALBILD[0]}",
        f"  namn: {scalar(texts.MALBILD[1])}",
        "# Delmålen och påståendena i självskattningen, som i Dalarnas strategi.",
        "delmal:",
    ]
    for did, namn, beskrivning, fraga in texts.DELMAL:
        out += [f"  - id: {did}", f"    namn: {scalar(namn)}"]
        text_field(out, 4, "beskrivning", beskrivning)
        text_field(out, 4, "skattningsfraga", fraga)
    out += ["skala:", "  min: 1", f"  max: {len(texts.SKALA)}", "  etiketter:"]
    out += [f"    {i}: {label}" for i, label in enumerate(texts.SKALA, start=1)]
    out.append("# Nyckeltalen: SKR:s indikatorer för Nära vård och Socialstyrelsens kandidater.")
    out.append("nyckeltal:")
    for kf in texts.NYCKELTAL:
        kalla = texts.NYCKELTAL_SOURCES["sos" if kf.id in _SOS_IDS else "skr"]
        out += [
            f"  - id: {kf.id}",
            f"    namn: {scalar(kf.namn)}",
            f"    delmal: {kf.delmal}",
            f"    enhet: {kf.enhet}",
            f"    riktning: {kf.riktning}",
            f"    kalla: {scalar(kalla)}",
        ]
        if kf.kolada:
            out.append(f"    kolada: {kf.kolada}")
    out.append("# Kommunerna i kommunkodsordning. id: namnet i gemener, å/ä → a, ö → o, mellanslag → -.")
    out.append("kommuner:")
    out += [f'  - {{id: {k.id}, kod: "{k.kod}", namn: {k.namn}}}' for k in kommuner]
    out.append("# Enkla principer för samverkan.")
    out.append("principer:")
    out += [f"  - {scalar(p)}" for p in texts.PRINCIPER]
    return out


_SOS_IDS = frozenset(
    {"lakarbesok-primarvard", "utskrivningsklara", "aterinskrivning-30-dagar", "undvikbar-slutenvard"}
)


def handlingsplan_lines(year: int, seed: int) -> list[str]:
    """data/region/handlingsplan-<year>.yaml with every priority of texts.PRIORITERINGAR."""
    rng = random.Random(f"{seed}:handlingsplan:{year}")
    out = [
        SCHEMA.format("../../", "handlingsplan"),
        f"# Syntetisk benchmarkdata: regional handlingsplan för {year}.",
        f"ar: {year}",
        f"beslutad: {year}-01-{rng.randint(10, 28):02d}",
        "beslutad_av: Systemledningen för God och nära vård",
        "prioriteringar:",
    ]
    for pid, titel, delmal, malgrupp, beskrivning in texts.PRIORITERINGAR:
        out += [f"  - id: {pid}", f"    titel: {scalar(titel)}", f"    delmal: {flow_list(delmal)}"]
        if malgrupp:
            out.append(f"    malgrupp: {scalar(malgrupp)}")
        extra = f" Under {year} ligger tyngdpunkten på spridning till fler kommuner och uppföljning."
        text_field(out, 4, "beskrivning", beskrivning + extra)
    return out


# --- Local plans -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Activity:
    """What a follow-up needs to know about a plan activity."""

    id: str
    first: int  # first year of `nar`
    last: int  # last year of `nar`


def _tidpunkt(rng: random.Random, year: int, *, end: bool, month: int) -> str:
    """A `nar` point in `year`: the year, `YYYY-MM` or a full date (as FORMAT.md allows)."""
    roll = rng.random()
    if roll < 0.35:
        return str(year)
    if roll < 0.8:
        return f"{year}-{month:02d}"
    day = calendar.monthrange(year, month)[1] if end else rng.randint(1, 28)
    return f"{year}-{month:02d}-{day:02d}"


def plan_lines(
    kommun: Kommun, first: int, last: int, seed: int, shape: Shape = SHAPES["national"]
) -> tuple[list[str], list[Activity]]:
    """data/kommuner/<id>/lokal-plan.yaml for `first`–`last`: activities up to the plan's size."""
    rng = random.Random(f"{seed}:plan:{kommun.id}")
    writer = Writer(rng, kommun, ar=first - 1, shape=shape)
    target = shape.plan_kb * KB * kommun.weight * rng.uniform(0.9, 1.1)
    out = [
        SCHEMA.format("../../../", "lokal-plan"),
        f"# Syntetisk benchmarkdata (bench/generate.py): lokal plan för {kommun.namn}.",
        f"# Planen gäller hela perioden {first}–{last} och revideras årligen i samverkansforumet.",
        f"kommuner: [{kommun.id}]",
        f"titel: Lokal plan för God och nära vård i {genitive(kommun.namn)} kommun",
        f"period: {{fran: {first}, till: {last}}}",
        f"antagen: {first - 1}-{rng.randint(9, 12):02d}-{rng.randint(1, 28):02d}",
        f"parter: {flow_list(_parter(kommun, rng))}",
        "aktiviteter:",
    ]
    activities: list[Activity] = []
    used: set[str] = set()
    size = size_of(out)
    while size < target:
        lines, activity = _activity(writer, kommun, first, last, used)
        activities.append(activity)
        out += lines
        size += size_of(lines)
    return out, activities


def _parter(kommun: Kommun, rng: random.Random) -> list[str]:
    parter = [f"{genitive(kommun.namn)} kommun", f"{kommun.region} – primärvården i {kommun.namn}"]
    if rng.random() < 0.5:
        parter.append(f"{kommun.region} – {rng.choice(kommun.orter)} lasarett")
    return parter


def _activity(
    writer: Writer, kommun: Kommun, first: int, last: int, used: set[str]
) -> tuple[list[str], Activity]:
    rng = writer.rng
    theme = rng.choice(texts.THEMES)
    ort = rng.choice(kommun.orter)
    base = f"{theme.key}-{slug(ort)}"
    aid, n = base, 2
    while aid in used:
        aid, n = f"{base}-{n}", n + 1
    used.add(aid)
    start = rng.randint(first, last)
    if rng.random() < 0.4:
        start = rng.randint(first, min(last, first + 2))  # most work starts early in the period
    end = min(last, start + rng.randint(1, 5))
    if start == end:
        start_month, end_month = rng.randint(1, 6), rng.randint(7, 12)
    else:
        start_month, end_month = rng.randint(1, 12), rng.randint(1, 12)
    slots = {
        "ort": ort,
        "kommunen": f"{genitive(kommun.namn)} kommun",
        "vc": rng.choice(kommun.vardcentraler),
        "region": kommun.region,
    }
    out: list[str] = []
    if rng.random() < 0.12:
        out.append(f"  # {writer.fill(rng.choice(texts.COMMENT_LINES))}")
    out += [
        f"  - id: {aid}",
        f"    titel: {scalar(f'{theme.titel} i {ort}')}",
        f"    delmal: {flow_list(theme.delmal)}",
    ]
    vad = writer.paragraph(texts.VAD_EXTRA, rng.randint(*writer.shape.vad), theme.vad.format(**slots))
    hur = writer.paragraph(texts.HUR_EXTRA, rng.randint(*writer.shape.hur), theme.hur.format(**slots))
    text_field(out, 4, "vad", vad)
    text_field(out, 4, "hur", hur)
    start_text = _tidpunkt(rng, start, end=False, month=start_month)
    end_text = _tidpunkt(rng, end, end=True, month=end_month)
    out.append(f"    nar: {{start: {start_text}, slut: {end_text}}}")
    text_field(out, 4, "ansvarig", theme.ansvarig.format(**slots))
    text_field(out, 4, "uppfoljning", theme.uppfoljning)
    if theme.malgrupp:
        out.append(f"    malgrupp: {scalar(theme.malgrupp)}")
    if theme.prioritering:
        out.append(f"    prioritering: {theme.prioritering}")
    return out, Activity(aid, start, end)


# --- Follow-ups ------------------------------------------------------------------------------------


def _status(rng: random.Random, activity: Activity, year: int) -> str:
    if year == activity.last:
        # A few stay `pagaende` after `nar.slut`: lint's NV302, as in real follow-ups.
        return rng.choices(("genomford", "avbruten", "pagaende"), (0.88, 0.07, 0.05))[0]
    if year == activity.first:
        return rng.choices(("pagaende", "planerad"), (0.8, 0.2))[0]
    return rng.choices(("pagaende", "pausad"), (0.93, 0.07))[0]


def _value(kf: texts.KeyFigure, base: float, years: int, rng: random.Random) -> str:
    value = base * (1 + kf.trend) ** years * (1 + rng.gauss(0, 0.02))
    if kf.enhet == "procent":
        return f"{min(value, 99.9):.1f}"
    if kf.enhet == "index":
        return f"{min(value, 0.99):.2f}"
    return str(round(value))


def followup_lines(
    kommun: Kommun,
    year: int,
    first: int,
    activities: Sequence[Activity],
    seed: int,
    shape: Shape = SHAPES["national"],
) -> list[str]:
    """data/kommuner/<id>/uppfoljning-<year>.yaml: a report on each plan activity of the year."""
    rng = random.Random(f"{seed}:uppfoljning:{kommun.id}:{year}")
    writer = Writer(rng, kommun, ar=year + 1, shape=shape)
    out = [
        SCHEMA.format("../../../", "uppfoljning"),
        f"# Syntetisk benchmarkdata (bench/generate.py): årlig uppföljning för {kommun.namn} {year}.",
        f"# Sammanställd av utvecklingsledaren efter dialog med {rng.choice(texts.ROLES)}.",
        f"kommun: {kommun.id}",
        f"ar: {year}",
        f"inlamnad: {year + 1}-02-{rng.randint(1, 28):02d}",
        "# Del 1: aktiviteterna i den lokala planen och reflektion över året.",
        "aktiviteter:",
    ]
    for activity in activities:
        if not activity.first <= year <= activity.last or rng.random() < 0.01:
            continue  # report only what runs this year; a few are forgotten (lint's NV303)
        if rng.random() < 0.05:
            out.append(f"  # {writer.fill(rng.choice(texts.COMMENT_LINES))}")
        out += [f"  - id: {activity.id}", f"    status: {_status(rng, activity, year)}"]
        sentences = rng.choices(*shape.resultat)[0]
        text_field(out, 4, "resultat", writer.paragraph(texts.RESULTAT, sentences))
    out.append("reflektion:")
    for key, pool in _REFLEKTION_POOLS.items():
        text_field(out, 2, key, writer.paragraph(pool, rng.randint(*shape.reflektion)))
    scores = _score_path(kommun, first, year, seed)
    return out + _scores(writer, scores) + _nyckeltal(kommun, year, first, seed, rng)


_REFLEKTION_POOLS = {
    "lardomar": texts.LARDOMAR,
    "framgangsfaktorer": texts.FRAMGANG,
    "utmaningar": texts.UTMANINGAR,
    "bedomning": texts.BEDOMNING,
}


def _score_path(kommun: Kommun, first: int, year: int, seed: int) -> dict[str, int]:
    """The kommun's scores for `year`: a walk from `first` that moves at most one step a year."""
    rng = random.Random(f"{seed}:sjalvskattning:{kommun.id}")
    ids = (texts.MALBILD[0], *(d[0] for d in texts.DELMAL))
    scores = {i: rng.choices((1, 2, 3, 4), (0.15, 0.45, 0.35, 0.05))[0] for i in ids}
    for _ in range(first, year):
        for i in ids:
            step = rng.choices((-1, 0, 1), (0.15, 0.55, 0.3))[0]
            scores[i] = min(4, max(1, scores[i] + step))
    return scores


def _scores(writer: Writer, scores: dict[str, int]) -> list[str]:
    rng = writer.rng
    out = [
        "# Del 2: självskattning på skalan 1–4 (1 = Stämmer inte alls, 4 = Stämmer mycket bra).",
        "sjalvskattning:",
    ]
    for sid, score in scores.items():
        if rng.random() < 0.45:
            out += [f"  {sid}:", f"    varde: {score}"]
            sentences = rng.randint(*writer.shape.kommentar)
            text_field(out, 4, "kommentar", writer.paragraph(texts.SCORE_COMMENTS, sentences))
        else:
            out.append(f"  {sid}: {score}")
    return out


def _nyckeltal(kommun: Kommun, year: int, first: int, seed: int, rng: random.Random) -> list[str]:
    base_rng = random.Random(f"{seed}:nyckeltal:{kommun.id}")
    bases = {kf.id: base_rng.uniform(kf.low, kf.high) for kf in texts.NYCKELTAL}
    out = ["# Del 3: nyckeltal (Kolada och egna uttag; null = inte publicerat ännu).", "nyckeltal:"]
    for kf in texts.NYCKELTAL:
        roll = rng.random()
        if roll < 0.01:
            continue  # forgotten this year (lint's NV309; validate does not mind)
        value = _value(kf, bases[kf.id], year - first, rng)
        if roll < 0.06:
            out.append(f"  {kf.id}: null  # inte publicerat ännu")
        elif roll < 0.2:
            out += [f"  {kf.id}:", f"    varde: {value}"]
            out.append(f"    kommentar: {scalar(rng.choice(texts.VALUE_COMMENTS))}")
            if kf.kolada:
                out.append("    kalla: Kolada")
        elif roll < 0.3:
            out.append(f"  {kf.id}: {value}  # {rng.choice(texts.VALUE_COMMENTS).lower()}")
        else:
            out.append(f"  {kf.id}: {value}")
    return out


# --- The whole repository --------------------------------------------------------------------------


@dataclass
class Summary:
    """What was written."""

    files: int = 0
    bytes: int = 0

    def write(self, path: Path, lines: list[str]) -> None:
        """Write `lines` to `path` as UTF-8 with LF endings."""
        data = ("\n".join(lines) + "\n").encode()
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        self.files += 1
        self.bytes += len(data)


def generate(
    out_dir: Path, kommuner_count: int, first: int, last: int, seed: int, shape: Shape = SHAPES["national"]
) -> Summary:
    """Write the repository under `out_dir`/data and return what was written."""
    data = out_dir / "data"
    summary = Summary()
    kommuner = make_kommuner(kommuner_count, seed)
    summary.write(data / "region" / "strategi.yaml", strategy_lines(kommuner, first, last))
    for year in range(first, last + 1):
        summary.write(data / "region" / f"handlingsplan-{year}.yaml", handlingsplan_lines(year, seed))
    for kommun in kommuner:
        folder = data / "kommuner" / kommun.id
        lines, activities = plan_lines(kommun, first, last, seed, shape)
        summary.write(folder / "lokal-plan.yaml", lines)
        for year in range(first, last + 1):
            lines = followup_lines(kommun, year, first, activities, seed, shape)
            summary.write(folder / f"uppfoljning-{year}.yaml", lines)
    return summary


def parse_years(text: str) -> tuple[int, int]:
    """`2022-2030` (or `2024`) as (first, last)."""
    match = re.fullmatch(r"(\d{4})(?:-(\d{4}))?", text.strip())
    if not match:
        raise argparse.ArgumentTypeError(f"years are written A-B, e.g. 2022-2030, not {text!r}")
    first = int(match.group(1))
    last = int(match.group(2) or first)
    if not 2000 < first <= last < 2100:
        raise argparse.ArgumentTypeError(f"not a range of years: {text!r}")
    return first, last


def main(argv: Sequence[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", type=Path, help="folder to write data/ into")
    parser.add_argument("--kommuner", type=int, default=290, help="number of kommuner (290)")
    parser.add_argument("--years", type=parse_years, default=(2022, 2030), help="A-B (2022-2030)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (1)")
    parser.add_argument(
        "--shape",
        choices=sorted(SHAPES),
        default="national",
        help="short texts (national) or long paragraphs",
    )
    args = parser.parse_args(argv)
    if args.kommuner < 1:
        parser.error("--kommuner must be at least 1")
    if (args.out_dir / "data").exists():
        parser.error(f"{args.out_dir / 'data'} exists already; remove it or pick another folder")
    started = time.perf_counter()
    first, last = args.years
    summary = generate(args.out_dir, args.kommuner, first, last, args.seed, SHAPES[args.shape])
    seconds = time.perf_counter() - started
    print(f"{summary.files} files, {summary.bytes / 1e6:.1f} MB in {args.out_dir / 'data'} ({seconds:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
