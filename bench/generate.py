"""Generate a national-size naravard data repository for the benchmark, deterministically.

    python bench/generate.py OUT_DIR [--kommuner N] [--years A-B] [--seed S]

writes OUT_DIR/data/: one strategy covering years A–B with N kommuner, a regional handlingsplan per
year, and for every kommun one local plan covering A–B (many activities) plus one follow-up per year.
FORMAT.md allows one lokal-plan.yaml per kommun folder and at most one plan per kommun and year, so
"a plan and a follow-up per kommun and year" cannot be valid; the plans are large instead, and the
text is long enough that the default corpus (290 kommuner, 2022–2030) is about 80 MB.
Every file is meant to pass `naravard validate` with no error and no warning.
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
PLAN_KB = 68.0  # mean target size of a local plan
FOLLOWUP_KB = 22.5  # mean target size of a follow-up
FOLLOWUP_MIN_KB, FOLLOWUP_MAX_KB = 6.0, 31.5  # the last sentence may overshoot a little
MAX_TEXT = 15_000  # stay well below the model's 20,000 characters per text
SCHEMA = "# yaml-language-server: $schema={}schemas/{}.schema.json"


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
        raise SystemExit(f"--kommuner {n} är för många: högst {89 * len(lan_codes)} får plats.")
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
        orter = [name, *(place_name(rng) for _ in range(rng.randint(3, 8)))]
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
        names = tuple({f for _, f, _, _ in string.Formatter().parse(template) if f})
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
        return template.format(**{n: self.slot(n) for n in names})

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

    def grow(self, text: str, pool: Sequence[str], chars: int) -> str:
        """`text` extended with sentences from `pool` by about `chars` characters."""
        target = min(len(text) + chars, MAX_TEXT)
        parts = [text] if text else []
        length = len(text)
        while length < target:
            sentence = self.sentence(pool)
            parts.append(sentence)
            length += len(sentence) + 1
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


def plan_lines(kommun: Kommun, first: int, last: int, seed: int) -> tuple[list[str], list[Activity]]:
    """data/kommuner/<id>/lokal-plan.yaml for `first`–`last`, grown to the kommun's plan size."""
    rng = random.Random(f"{seed}:plan:{kommun.id}")
    writer = Writer(rng, kommun, ar=first - 1)
    target = PLAN_KB * KB * kommun.weight * rng.uniform(0.9, 1.1)
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
    text_field(out, 4, "vad", writer.paragraph(texts.VAD_EXTRA, rng.randint(2, 5), theme.vad.format(**slots)))
    text_field(out, 4, "hur", writer.paragraph(texts.HUR_EXTRA, rng.randint(2, 6), theme.hur.format(**slots)))
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
        return rng.choices(("genomford", "pagaende", "avbruten"), (0.75, 0.2, 0.05))[0]
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
    kommun: Kommun, year: int, first: int, activities: Sequence[Activity], seed: int
) -> list[str]:
    """data/kommuner/<id>/uppfoljning-<year>.yaml, grown to the kommun's follow-up size."""
    rng = random.Random(f"{seed}:uppfoljning:{kommun.id}:{year}")
    writer = Writer(rng, kommun, ar=year + 1)
    target_kb = FOLLOWUP_KB * kommun.weight * rng.uniform(0.85, 1.15)
    target = min(max(target_kb, FOLLOWUP_MIN_KB), FOLLOWUP_MAX_KB) * KB
    head = [
        SCHEMA.format("../../../", "uppfoljning"),
        f"# Syntetisk benchmarkdata (bench/generate.py): årlig uppföljning för {kommun.namn} {year}.",
        f"# Sammanställd av utvecklingsledaren efter dialog med {rng.choice(texts.ROLES)}.",
        f"kommun: {kommun.id}",
        f"ar: {year}",
        f"inlamnad: {year + 1}-02-{rng.randint(1, 28):02d}",
        "# Del 1: aktiviteterna i den lokala planen och reflektion över året.",
        "aktiviteter:",
    ]
    reflektion = {
        "lardomar": writer.paragraph(texts.LARDOMAR, rng.randint(2, 4)),
        "framgangsfaktorer": writer.paragraph(texts.FRAMGANG, rng.randint(1, 3)),
        "utmaningar": writer.paragraph(texts.UTMANINGAR, rng.randint(2, 4)),
        "bedomning": writer.paragraph(texts.BEDOMNING, rng.randint(2, 4)),
    }
    tail = _scores(writer) + _nyckeltal(kommun, year, first, seed, rng)
    active = [a for a in activities if a.first <= year <= a.last and rng.random() < 0.92]
    remaining = target - size_of(head) - size_of(_reflektion(reflektion)) - size_of(tail)
    body: list[str] = []
    for i, activity in enumerate(active):
        share = remaining / (len(active) - i)  # what is left, spread over the rest
        item = [f"  - id: {activity.id}", f"    status: {_status(rng, activity, year)}"]
        text = writer.paragraph(texts.RESULTAT, 1)
        lines = [*item]
        text_field(lines, 4, "resultat", text)
        while size_of(lines) < share - 60 and len(text) < MAX_TEXT:
            # Wrapping, indentation and å/ä/ö make bytes ~10 % more than characters.
            text = writer.grow(text, texts.RESULTAT, int((share - size_of(lines)) / 1.1))
            lines = [*item]
            text_field(lines, 4, "resultat", text)
        body += lines
        remaining -= size_of(lines)
    missing = target - size_of(head) - size_of(body) - size_of(tail)
    keys = list(reflektion)
    while missing > size_of(_reflektion(reflektion)) and any(len(t) < MAX_TEXT for t in reflektion.values()):
        key = keys[rng.randrange(len(keys))]
        reflektion[key] = writer.grow(reflektion[key], _REFLEKTION_POOLS[key], 400)
    return head + body + _reflektion(reflektion) + tail


_REFLEKTION_POOLS = {
    "lardomar": texts.LARDOMAR,
    "framgangsfaktorer": texts.FRAMGANG,
    "utmaningar": texts.UTMANINGAR,
    "bedomning": texts.BEDOMNING,
}


def _reflektion(parts: dict[str, str]) -> list[str]:
    out = ["reflektion:"]
    for key, text in parts.items():
        text_field(out, 2, key, text)
    return out


def _scores(writer: Writer) -> list[str]:
    rng = writer.rng
    out = [
        "# Del 2: självskattning på skalan 1–4 (1 = Stämmer inte alls, 4 = Stämmer mycket bra).",
        "sjalvskattning:",
    ]
    for sid in (texts.MALBILD[0], *(d[0] for d in texts.DELMAL)):
        score = rng.choices((1, 2, 3, 4), (0.08, 0.3, 0.45, 0.17))[0]
        if rng.random() < 0.45:
            out += [f"  {sid}:", f"    varde: {score}"]
            text_field(out, 4, "kommentar", writer.paragraph(texts.SCORE_COMMENTS, rng.randint(1, 3)))
        else:
            out.append(f"  {sid}: {score}")
    return out


def _nyckeltal(kommun: Kommun, year: int, first: int, seed: int, rng: random.Random) -> list[str]:
    base_rng = random.Random(f"{seed}:nyckeltal:{kommun.id}")
    bases = {kf.id: base_rng.uniform(kf.low, kf.high) for kf in texts.NYCKELTAL}
    out = ["# Del 3: nyckeltal (Kolada och egna uttag; null = inte publicerat ännu).", "nyckeltal:"]
    for kf in texts.NYCKELTAL:
        roll = rng.random()
        if roll < 0.04:
            continue  # not reported this year (lint may warn; validate does not)
        value = _value(kf, bases[kf.id], year - first, rng)
        if roll < 0.09:
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


def generate(out_dir: Path, kommuner_count: int, first: int, last: int, seed: int) -> Summary:
    """Write the repository under `out_dir`/data and return what was written."""
    data = out_dir / "data"
    summary = Summary()
    kommuner = make_kommuner(kommuner_count, seed)
    summary.write(data / "region" / "strategi.yaml", strategy_lines(kommuner, first, last))
    for year in range(first, last + 1):
        summary.write(data / "region" / f"handlingsplan-{year}.yaml", handlingsplan_lines(year, seed))
    for kommun in kommuner:
        folder = data / "kommuner" / kommun.id
        lines, activities = plan_lines(kommun, first, last, seed)
        summary.write(folder / "lokal-plan.yaml", lines)
        for year in range(first, last + 1):
            lines = followup_lines(kommun, year, first, activities, seed)
            summary.write(folder / f"uppfoljning-{year}.yaml", lines)
    return summary


def parse_years(text: str) -> tuple[int, int]:
    """`2022-2030` (or `2024`) as (first, last)."""
    match = re.fullmatch(r"(\d{4})(?:-(\d{4}))?", text.strip())
    if not match:
        raise argparse.ArgumentTypeError(f"år skrivs ÅÅÅÅ-ÅÅÅÅ, t.ex. 2022-2030, inte {text!r}")
    first = int(match.group(1))
    last = int(match.group(2) or first)
    if not 2000 < first <= last < 2100:
        raise argparse.ArgumentTypeError(f"ogiltigt årsintervall: {text!r}")
    return first, last


def main(argv: Sequence[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", type=Path, help="folder to write data/ into")
    parser.add_argument("--kommuner", type=int, default=290, help="number of kommuner (290)")
    parser.add_argument("--years", type=parse_years, default=(2022, 2030), help="A-B (2022-2030)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (1)")
    args = parser.parse_args(argv)
    if args.kommuner < 1:
        parser.error("--kommuner must be at least 1")
    if (args.out_dir / "data").exists():
        parser.error(f"{args.out_dir / 'data'} exists already; remove it or pick another folder")
    started = time.perf_counter()
    first, last = args.years
    summary = generate(args.out_dir, args.kommuner, first, last, args.seed)
    seconds = time.perf_counter() - started
    print(f"{summary.files} files, {summary.bytes / 1e6:.1f} MB in {args.out_dir / 'data'} ({seconds:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
