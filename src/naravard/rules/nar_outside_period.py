"""En aktivitets tid ligger utanför planens period, eller slutar innan den börjar.

`nar.start` betyder första dagen i den angivna perioden och `nar.slut` den
sista (ett år, en månad eller en dag). Båda ska ligga inom planens `period`,
och start får inte komma efter slut. Planens `period.fran` får inte heller
komma efter `period.till`.

Godkänt (planens period är 2023–2027):

```yaml
nar: {start: 2023-03, slut: 2027}
```

Fel (NV214):

```yaml
nar: {start: 2023-03, slut: 2028}
```

Så rättar du: rätta tidpunkten, eller ändra planens period.
"""

from __future__ import annotations

from collections.abc import Iterator

from naravard.findings import Finding
from naravard.repository import Repository
from naravard.rules.base import Rule

RULE = Rule("NV214", "nar-outside-period", "Tiden ligger utanför planens period")


def check(repo: Repository) -> Iterator[Finding]:
    """Activity times lie inside the plan's period and run forwards."""
    for plan in repo.plans:
        period = plan.model.period
        if period.fran > period.till:
            message = f"Perioden börjar {period.fran} men slutar {period.till}, året innan."
            yield plan.doc.finding(("period", "till"), RULE.code, message)
            continue
        span = f"{period.fran}–{period.till}"
        for i, aktivitet in enumerate(plan.model.aktiviteter):
            nar = aktivitet.nar
            if nar.start.first.year < period.fran:
                message = f"Starten {nar.start.text} ligger före planens period ({span})."
                yield plan.doc.finding(("aktiviteter", i, "nar", "start"), RULE.code, message)
            if nar.slut.last.year > period.till:
                message = f"Slutet {nar.slut.text} ligger efter planens period ({span})."
                yield plan.doc.finding(("aktiviteter", i, "nar", "slut"), RULE.code, message)
            if nar.start.first > nar.slut.last:
                message = f"Aktiviteten slutar ({nar.slut.text}) innan den börjar ({nar.start.text})."
                yield plan.doc.finding(("aktiviteter", i, "nar", "slut"), RULE.code, message)
