"""En kommun omfattas av två lokala planer samma år.

Varje kommun omfattas av högst en lokal plan för varje år. Två planer som båda
nämner kommunen och vars perioder överlappar gör det oklart vilken som följs upp.

Godkänt (data/kommuner/ludvika/lokal-plan.yaml), borlange/lokal-plan.yaml gäller Borlänge 2023–2027:

```yaml
kommuner: [ludvika, smedjebacken]
```

Fel (NV212): Borlänge har två planer 2024–2025:

```yaml
kommuner: [ludvika, smedjebacken, borlange]
```

Så rättar du: ta bort kommunen ur den ena planen, eller justera perioderna så
att de inte överlappar.
"""

from __future__ import annotations

from collections.abc import Iterator

from naravard.findings import Finding
from naravard.rules.base import Context, Rule


def check(ctx: Context) -> Iterator[Finding]:
    """No kommun is held by two plans whose periods overlap."""
    repo = ctx.repo
    for plan in repo.plans:
        period = plan.model.period
        for i, kommun in enumerate(plan.model.kommuner):
            for other in repo.plans:
                if other is plan or kommun not in other.model.kommuner:
                    continue
                first = max(period.fran, other.model.period.fran)
                last = min(period.till, other.model.period.till)
                if first <= last:
                    years = str(first) if first == last else f"{first}–{last}"
                    message = (
                        f"`{kommun}` omfattas också av {other.doc.rel} för {years}. "
                        "En kommun får bara omfattas av en lokal plan per år."
                    )
                    yield RULE.on(plan.doc, ("kommuner", i), message)


RULE = Rule("NV212", "plan-overlap", "Kommunen omfattas av två planer samma år", check=check)
