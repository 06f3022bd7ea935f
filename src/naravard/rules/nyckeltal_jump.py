"""Ett nyckeltal som ändras mer än väntat på ett år.

Ett värde som fördubblas eller halveras på ett år är oftare ett skrivfel (en
decimal på fel ställe, fel enhet) än en verklig förändring. Gränsen är 50 %
och kan ändras med `regler: {nyckeltal_max_andring: 0.3}` i naravard.yaml.

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


def check(ctx: Context) -> Iterator[Finding]:
    """Nyckeltal change by at most the configured share since last year, or carry a comment."""
    repo = ctx.repo
    limit = ctx.option(MAX_CHANGE)
    for followup in repo.followups:
        previous = repo.followup_for(followup.model.kommun, followup.model.ar - 1)
        if previous is None:
            continue
        for key, value in followup.model.nyckeltal.items():
            before = previous.model.nyckeltal.get(key)
            if value.varde is None or before is None or before.varde in (None, 0):
                continue
            change = (value.varde - before.varde) / abs(before.varde)
            if abs(change) <= limit or (value.kommentar or "").strip():
                continue
            message = (
                f"`{key}` har ändrats från {_number(before.varde)} till {_number(value.varde)} "
                f"({change:+.0%}) sedan förra året. Kontrollera värdet; är förändringen verklig, "
                "skriv en kommentar."
            ).replace("%", " %")
            yield RULE.on(followup.doc, ("nyckeltal", key, "varde"), message)


RULE = Rule(
    "NV307",
    "nyckeltal-jump",
    "Nyckeltalet ändras mycket på ett år",
    Severity.WARNING,
    check=check,
    options=(MAX_CHANGE,),
)
