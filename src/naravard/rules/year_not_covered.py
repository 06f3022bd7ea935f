"""Ingen version av strategin gäller för året.

Varje strategifil anger med `giltig_from` och `giltig_tom` vilka år den gäller.
En uppföljning, en handlingsplan, nyckeltal från Kolada eller en lokal plans
period som ligger utanför alla strategiversioner kan inte kontrolleras.

Godkänt (data/region/handlingsplan-2024.yaml), strategierna gäller 2022-07-01–2030-01-01:

```yaml
ar: 2024
```

Fel (NV210):

```yaml
ar: 2031
```

Så rättar du: rätta året, eller lägg till en strategiversion som gäller för
det (data/region/strategi-ÅÅÅÅ.yaml).
"""

from __future__ import annotations

from collections.abc import Iterator

from naravard.findings import Finding
from naravard.model.followup import Uppfoljning
from naravard.model.handlingsplan import Handlingsplan
from naravard.model.imported import ImporteradeNyckeltal
from naravard.repository import Entry, Repository
from naravard.rules.base import Context, Rule


def _ranges(repo: Repository) -> str:
    spans = sorted((s.model.strategi.giltig_from, s.model.strategi.giltig_tom) for s in repo.strategies)
    return ", ".join(f"{a.isoformat()}–{b.isoformat()}" for a, b in spans)


def check(ctx: Context) -> Iterator[Finding]:
    """Every year a file speaks of is covered by a strategy revision."""
    repo = ctx.repo
    if not repo.strategies:
        return  # the strategy itself is broken: its findings say so
    entries: list[Entry[Uppfoljning] | Entry[Handlingsplan] | Entry[ImporteradeNyckeltal]] = [
        *repo.followups,
        *repo.handlingsplaner,
        *repo.imported,
    ]
    for entry in entries:
        if repo.revision_for(entry.model.ar) is None:
            message = (
                f"Ingen version av strategin gäller för {entry.model.ar} (strategin gäller {_ranges(repo)})."
            )
            yield RULE.on(entry.doc, ("ar",), message)
    for plan in repo.plans:
        period = plan.model.period
        uncovered = [y for y in period.years if not repo.revision_for(y)]
        if uncovered:
            years = ", ".join(str(y) for y in uncovered)
            message = (
                f"Ingen version av strategin gäller för {years} i planens period "
                f"(strategin gäller {_ranges(repo)})."
            )
            yield RULE.on(plan.doc, ("period",), message, key=True)


RULE = Rule("NV210", "year-not-covered", "Ingen strategi gäller för året", check=check)
