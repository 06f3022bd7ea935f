"""En prioritering som inte finns i någon regional handlingsplan för planens period.

En aktivitets `prioritering` hänvisar till en prioritering i en regional
handlingsplan vars år ligger inom den lokala planens period.

Godkänt (data/kommuner/borlange/lokal-plan.yaml), handlingsplan-2024.yaml har prioriteringen `barn-och-unga`:

```yaml
    prioritering: barn-och-unga
```

Fel (NV205):

```yaml
    prioritering: barn-och-ung
```

Så rättar du: använd id:t ur handlingsplanen, eller ta bort raden om
aktiviteten inte hör till någon prioritering.
"""

from __future__ import annotations

from collections.abc import Iterator

from naravard.findings import Finding
from naravard.rules.base import Context, Rule
from naravard.suggest import guess


def check(ctx: Context) -> Iterator[Finding]:
    """Every `prioritering` names a priority of a handlingsplan within the plan's period."""
    repo = ctx.repo
    for plan in repo.plans:
        period = plan.model.period
        handlingsplaner = [h for h in repo.handlingsplaner if period.fran <= h.model.ar <= period.till]
        known = list(dict.fromkeys(p.id for h in handlingsplaner for p in h.model.prioriteringar))
        for i, aktivitet in enumerate(plan.model.aktiviteter):
            if aktivitet.prioritering is None or aktivitet.prioritering in known:
                continue
            if handlingsplaner:
                years = ", ".join(str(h.model.ar) for h in handlingsplaner)
                where = f"i handlingsplanerna för {years}"
            else:
                where = f"eftersom ingen regional handlingsplan finns för {period.fran}–{period.till}"
            said = guess(aktivitet.prioritering, known)
            message = f"Prioriteringen `{aktivitet.prioritering}` finns inte {where}.{said.hint}"
            yield RULE.on(plan.doc, ("aktiviteter", i, "prioritering"), message, guess=said)


RULE = Rule(
    "NV205",
    "unknown-priority",
    "Okänd prioritering",
    check=check,
    fixes="`naravard fix` byter ett felstavat id mot förslaget, när det finns exakt ett.",
)
