"""En aktivitets tid ligger utanför planens period, eller slutar innan den börjar.

`nar.start` betyder första dagen i den angivna perioden och `nar.slut` den
sista (ett år, en månad eller en dag). Båda ska ligga inom planens `period`,
och start får inte komma efter slut. Planens `period.fran` får inte heller
komma efter `period.till`.

Godkänt (data/kommuner/borlange/lokal-plan.yaml), planens period är 2023–2027:

```yaml
    nar: {start: 2024-08-15, slut: 2026-06-30}
```

Fel (NV214):

```yaml
    nar: {start: 2024-08-15, slut: 2028-06-30}
```

Så rättar du: rätta tidpunkten, eller ändra planens period.
"""

from __future__ import annotations

from collections.abc import Iterator

from naravard.findings import Finding
from naravard.rules.base import Context, Rule


def check(ctx: Context) -> Iterator[Finding]:
    """Activity times lie inside the plan's period and run forwards."""
    repo = ctx.repo
    for plan in repo.plans:
        period = plan.model.period
        if period.fran > period.till:
            message = f"Perioden börjar {period.fran} men slutar {period.till}, året innan."
            yield RULE.on(plan.doc, ("period", "till"), message)
            continue
        span = f"{period.fran}–{period.till}"
        for i, aktivitet in enumerate(plan.model.aktiviteter):
            nar = aktivitet.nar
            if nar.start.first.year < period.fran:
                message = f"Starten {nar.start.text} ligger före planens period ({span})."
                yield RULE.on(plan.doc, ("aktiviteter", i, "nar", "start"), message)
            if nar.slut.last.year > period.till:
                message = f"Slutet {nar.slut.text} ligger efter planens period ({span})."
                yield RULE.on(plan.doc, ("aktiviteter", i, "nar", "slut"), message)
            if nar.start.first > nar.slut.last:
                message = f"Aktiviteten slutar ({nar.slut.text}) innan den börjar ({nar.start.text})."
                yield RULE.on(plan.doc, ("aktiviteter", i, "nar", "slut"), message)


RULE = Rule("NV214", "nar-outside-period", "Tiden ligger utanför planens period", check=check)
