"""`naravard new uppfoljning YEAR --kommun ID`: next year's follow-up, prefilled and explained.

From the kommun's plan: every activity in force that year, with the status of
the latest follow-up that reported it as a starting point (an activity never
reported asks for its status; one never reported under a naravard.yaml waiver
from NV303 stays out, with the waiver named in a comment). From last year's follow-up: the scores and the
nyckeltal values, as comments beside the blanks. From the strategy revision in
force: the målbild, every delmål and every nyckeltal. Filling in the blanks
gives a file that validates (tests/test_new.py does it for every kommun).
"""

from __future__ import annotations

from datetime import date

from naravard.authoring.scaffold import Scaffold, known_kommun, kommun_name, modeline, revision
from naravard.authoring.yamltext import comment, entry, scalar
from naravard.errors import UsageError
from naravard.findings import Finding, Location, Severity
from naravard.model.followup import Uppfoljning
from naravard.model.plan import LokalPlan
from naravard.model.strategy import Strategi
from naravard.model.words import UNIT
from naravard.repository import Entry, Repository
from naravard.waivers import Configured, silencers


def followup_scaffold(repo: Repository, kommun: str, year: int) -> Scaffold:
    """The text of data/kommuner/<kommun>/uppfoljning-<year>.yaml (nothing is written)."""
    known_kommun(repo, kommun)
    strategy = revision(repo, year).model
    plan = _plan(repo, kommun, year)
    previous = previous_followup(repo, kommun, year)
    name = kommun_name(strategy, kommun)
    rel = f"data/kommuner/{kommun}/uppfoljning-{year}.yaml"
    lines = [
        modeline("uppfoljning.schema.json"),
        f"# Årlig uppföljning {year} för {name}.",
        *comment(
            0,
            f"Skapad med `naravard new uppfoljning {year} --kommun {kommun}` utifrån den lokala planen "
            f"({plan.doc.rel})" + (f" och uppföljningen för {previous.model.ar}." if previous else "."),
        ),
        "# Fyll i det som är tomt och kontrollera sedan filen:",
        f"#   naravard validate {rel}",
        f"kommun: {scalar(kommun)}",
        f"ar: {year}",
        "# Dagen då uppföljningen lämnas in, t.ex. " + f"{year + 1}-02-14 (valfritt).",
        "inlamnad:",
        "",
        *_activities(repo, rel, plan.model, year),
        "",
        *_reflection(),
        "",
        *_scores(strategy, previous.model if previous else None),
        "",
        *_nyckeltal(strategy, previous.model if previous else None),
    ]
    return Scaffold(rel, "\n".join(lines) + "\n")


def _plan(repo: Repository, kommun: str, year: int) -> Entry[LokalPlan]:
    plans = repo.plans_for(kommun, year)
    if not plans:
        raise UsageError(
            f"Ingen lokal plan gäller för {kommun} {year}: uppföljningen utgår från planen. "
            f"Skapa den först (`naravard new plan --kommun {kommun}`), eller kontrollera planens "
            "period och att den går att läsa (`naravard validate`)."
        )
    if len(plans) > 1:
        where = " och ".join(p.doc.rel for p in plans)
        raise UsageError(f"{kommun} omfattas av två planer {year} ({where}). Rätta det först.")
    return plans[0]


def previous_followup(repo: Repository, kommun: str, year: int) -> Entry[Uppfoljning] | None:
    """The kommun's latest follow-up before `year`."""
    earlier = [f for f in repo.followups if f.model.kommun == kommun and f.model.ar < year]
    return max(earlier, key=lambda f: f.model.ar, default=None)


def _activities(repo: Repository, rel: str, plan: LokalPlan, year: int) -> list[str]:
    kommun = rel.split("/")[2]
    earlier = sorted(
        (f.model for f in repo.followups if f.model.kommun == kommun and f.model.ar < year),
        key=lambda f: f.ar,
    )
    reported = {a.id: (f.ar, a) for f in earlier for a in f.aktiviteter}  # the latest report wins
    lines = [
        "# DEL 1 AV 3: AKTIVITETER OCH REFLEKTION",
        *comment(
            0,
            f"Aktiviteterna i den lokala planen som pågår {year}. status är planerad, pagaende, "
            "genomford, pausad eller avbruten: den som står är från den senaste uppföljningen som "
            "redovisade aktiviteten, ändra den om den har ändrats. Under resultat skriver ni vad som "
            "gjorts och vad det gav.",
        ),
    ]
    running = [a for a in plan.aktiviteter if a.runs_in(year)]
    # Left out before under a waiver from NV303, it stays out; the waiver covers this year's file too.
    waiver = _waiver_of_unreported(repo, rel)
    left_out = [
        a for a in running if waiver and a.id not in reported and any(a.runs_in(f.ar) for f in earlier)
    ]
    for aktivitet in left_out:
        lines += comment(
            0, f"{aktivitet.id} ({aktivitet.titel}) har inte redovisats och tas inte med: {waiver}"
        )
    activities = [a for a in running if a not in left_out]
    if not activities:
        lines += [*comment(0, f"Ingen aktivitet i planen ska redovisas {year}."), "aktiviteter: []"]
        return lines
    lines.append("aktiviteter:")
    for aktivitet in activities:
        when = f"{aktivitet.nar.start.text} – {aktivitet.nar.slut.text}"
        if aktivitet.id in reported:
            ar, last = reported[aktivitet.id]
            status: str | None = last.status
            note = f"{ar}: {last.status}"
        elif aktivitet.nar.start.first.year >= year:
            status, note = "planerad", "ny i år"
        else:
            status = None
            note = f"pågår sedan {aktivitet.nar.start.text} men har inte redovisats: skriv status"
        lines += [
            *comment(2, f"{aktivitet.titel} ({when})"),
            f"  - id: {scalar(aktivitet.id)}",
            *entry(4, "status", status, note=note),
            "    resultat:",
        ]
    return lines


def _waiver_of_unreported(repo: Repository, rel: str) -> str | None:
    """Why an activity of the plan need not be reported in `rel`: a waiver from NV303, if any."""
    unreported = Finding(Location(rel), "NV303", "", Severity.WARNING)
    for waiver in silencers(unreported, repo, date.today()):
        if isinstance(waiver, Configured):
            undantag = repo.config.undantag[waiver.index]
            return (
                f"undantag från NV303 i naravard.yaml till {undantag.galler_till.isoformat()} "
                f"({undantag.ansvarig}): {undantag.skal}"
            )
    return None


# The questions of the reflection, also asked by the Excel form (naravard.form).
REFLECTION = (
    ("lardomar", "Vad har ni lärt er under året?"),
    ("framgangsfaktorer", "Vad har hjälpt arbetet framåt?"),
    ("utmaningar", "Vad har varit svårt, och vad står i vägen?"),
    ("bedomning", "Hur rör sig arbetet mot målbilden och delmålen?"),
)


def _reflection() -> list[str]:
    lines = ["# Reflektion över året.", "reflektion:"]
    for key, question in REFLECTION:
        lines += [*comment(2, question), f"  {key}:"]
    return lines


def _scores(strategy: Strategi, previous: Uppfoljning | None) -> list[str]:
    skala = strategy.skala
    labels = ", ".join(f"{k} {v}" for k, v in sorted(skala.etiketter.items()))
    lines = [
        "# DEL 2 AV 3: SJÄLVSKATTNING",
        *comment(
            0,
            f"Skatta målbilden och varje delmål på skalan {skala.min}–{skala.max}: {labels}. "
            "Förra årets skattning står i kommentaren. Skriv en siffra, eller så här för att "
            "förklara skattningen:",
        ),
        f"#   {strategy.delmal[0].id}: {{varde: 3, kommentar: Varför skattningen blev 3}}",
        "sjalvskattning:",
    ]
    scored: list[tuple[str, str, str | None]] = [(strategy.malbild.id, strategy.malbild.namn, None)]
    scored += [(d.id, d.namn, d.skattningsfraga) for d in strategy.delmal]
    for key, name, question in scored:
        lines += comment(2, f"{name}: {question}" if question else name)
        last = previous.sjalvskattning.get(key) if previous else None
        note = None
        if previous is not None and last is not None:
            note = f"{previous.ar}: {last.varde}" + (f" ({last.kommentar})" if last.kommentar else "")
        elif previous is not None:
            note = f"{previous.ar}: ingen skattning"
        lines += entry(2, key, None, note=note)
    return lines


def _nyckeltal(strategy: Strategi, previous: Uppfoljning | None) -> list[str]:
    lines = [
        "# DEL 3 AV 3: NYCKELTAL",
        *comment(
            0,
            "Nyckeltalen i strategin. Skriv värdet med decimalpunkt (52.1) i stället för null när "
            "det är känt; null betyder att värdet inte är känt. Förra årets värde står i kommentaren.",
        ),
    ]
    if not strategy.nyckeltal:
        return [*lines, "nyckeltal: {}"]
    lines.append("nyckeltal:")
    for nyckeltal in strategy.nyckeltal:
        unit = UNITS.get(nyckeltal.enhet, nyckeltal.enhet)
        shown_unit = "" if unit in nyckeltal.namn else f" ({unit})"
        lines += comment(2, f"{nyckeltal.namn}{shown_unit}")
        last = previous.nyckeltal.get(nyckeltal.id) if previous else None
        note = None
        if previous is not None:
            note = f"{previous.ar}: {_number(last.varde if last else None)}"
        lines += [f"  {nyckeltal.id}: null" + (f"   # {note}" if note else "")]
    return lines


UNITS = {**UNIT, "andel": "andel"}


def _number(value: float | None) -> str:
    if value is None:
        return "null"
    return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
