"""Ett nyckeltal som ändras mer än väntat på ett år.

Ett värde som fördubblas eller halveras på ett år är oftare ett skrivfel (en
decimal på fel ställe, fel enhet) än en verklig förändring. Gränsen är 50 %
och kan ändras med `regler: {nyckeltal_max_andring: 0.3}` i naravard.yaml.
För ett nyckeltal i procent eller som andel mäts ändringen i procentenheter
(29,4 % → 33,8 % är 4,4 p.e., inte 15 %); gränsen är 10 p.e. och ändras med
`regler: {nyckeltal_max_andring_procentenheter: 5}`.

Godkänt (data/kommuner/borlange/uppfoljning-2025.yaml), förra året 45:

```yaml
  fast-lakarkontakt: 45
```

Varning (NV307):

```yaml
  fast-lakarkontakt: 4.5
```

Så rättar du: kontrollera värdet mot källan. Är förändringen verklig, skriv en
kommentar: `{varde: 5.3, kommentar: Ny mätmetod från 2024}`.
"""

from __future__ import annotations

from collections.abc import Iterator

from naravard.findings import Finding, Severity
from naravard.numbers import change, points, relative
from naravard.rules.base import Context, Option, Rule


def _number(value: float) -> str:
    return f"{value:g}"


MAX_CHANGE = Option(
    "nyckeltal_max_andring",
    float,
    0.5,
    "Hur stor andel ett nyckeltal får ändras på ett år utan varning (0.5 = 50 %).",
    above=0,
)
MAX_POINTS = Option(
    "nyckeltal_max_andring_procentenheter",
    float,
    10.0,
    "För nyckeltal i procent eller som andel: hur många procentenheter värdet får ändras "
    "på ett år utan varning (10 = 10 p.e.).",
    above=0,
)


def check(ctx: Context) -> Iterator[Finding]:
    """Nyckeltal change by at most the configured share (or p.e.) since last year, or carry a comment."""
    repo = ctx.repo
    share_limit = ctx.option(MAX_CHANGE)
    point_limit = ctx.option(MAX_POINTS)
    for followup in repo.followups:
        previous = repo.followup_for(followup.model.kommun, followup.model.ar - 1)
        if previous is None:
            continue
        revision = repo.revision_for(followup.model.ar)
        units = {n.id: n.enhet for n in revision.model.nyckeltal} if revision else {}
        for key, value in followup.model.nyckeltal.items():
            before = previous.model.nyckeltal.get(key)
            if value.varde is None or before is None or before.varde is None:
                continue
            enhet = units.get(key, "")
            moved = points(enhet, before.varde, value.varde)
            if moved is not None:
                within = abs(moved) <= point_limit
            else:
                share = relative(before.varde, value.varde)
                within = share is None or abs(share) <= share_limit
            if within or (value.kommentar or "").strip():
                continue
            message = (
                f"`{key}` har ändrats från {_number(before.varde)} till {_number(value.varde)} "
                f"({change(enhet, before.varde, value.varde)}) sedan förra året. Kontrollera värdet; "
                "är förändringen verklig, skriv en kommentar."
            )
            yield RULE.on(followup.doc, ("nyckeltal", key, "varde"), message)


RULE = Rule(
    "NV307",
    "nyckeltal-jump",
    "Nyckeltalet ändras mycket på ett år",
    Severity.WARNING,
    check=check,
    options=(MAX_CHANGE, MAX_POINTS),
)
