"""Samma id används två gånger där id:n ska vara unika.

Delmål, nyckeltal och kommuner i strategin, aktiviteter i en lokal plan,
prioriteringar i en handlingsplan och aktiviteter i en uppföljning har var
sitt id som andra filer hänvisar till. Två med samma id gör hänvisningen oklar.
Kommunkoderna i strategin ska också vara unika.

Godkänt (data/kommuner/borlange/uppfoljning-2024.yaml):

```yaml
  - id: sip-elevhalsa
```

Fel (NV213): `trygg-hemgang` står redan ovanför:

```yaml
  - id: trygg-hemgang
```

Så rättar du: ge den ena ett eget id, eller slå ihop dem.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from naravard.findings import Finding
from naravard.loader import SourceDocument
from naravard.rules.base import Context, Rule


def _duplicates(
    doc: SourceDocument, section: str, ids: Iterable[Any], field: str = "id"
) -> Iterator[Finding]:
    first: dict[Any, int] = {}
    for i, value in enumerate(ids):
        if value in first:
            line = doc.at((section, first[value], field)).line
            message = f"`{value}` finns redan på rad {line} under `{section}`. Varje {field} ska vara unikt."
            yield RULE.on(doc, (section, i, field), message)
        else:
            first[value] = i


def check(ctx: Context) -> Iterator[Finding]:
    """Ids are unique within their list."""
    repo = ctx.repo
    for strategy in repo.strategies:
        model, doc = strategy.model, strategy.doc
        yield from _duplicates(doc, "delmal", (d.id for d in model.delmal))
        yield from _duplicates(doc, "nyckeltal", (n.id for n in model.nyckeltal))
        yield from _duplicates(doc, "kommuner", (k.id for k in model.kommuner))
        yield from _duplicates(doc, "kommuner", (k.kod for k in model.kommuner), "kod")
        if model.malbild.id in {d.id for d in model.delmal}:
            message = "Målbilden och ett delmål har samma id; självskattningen behöver skilja dem åt."
            yield RULE.on(doc, ("malbild", "id"), message)
    for plan in repo.plans:
        yield from _duplicates(plan.doc, "aktiviteter", (a.id for a in plan.model.aktiviteter))
    for handlingsplan in repo.handlingsplaner:
        ids = (p.id for p in handlingsplan.model.prioriteringar)
        yield from _duplicates(handlingsplan.doc, "prioriteringar", ids)
    for followup in repo.followups:
        yield from _duplicates(followup.doc, "aktiviteter", (a.id for a in followup.model.aktiviteter))


RULE = Rule("NV213", "duplicate-id", "Id:t används redan", check=check)
