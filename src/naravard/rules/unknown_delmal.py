"""Ett delmål som inte finns i strategin.

Planens aktiviteter, handlingsplanens prioriteringar och strategins nyckeltal
hänvisar till delmål med deras id. Ett id som inte finns i den strategi som
gäller för året (eller för planens period) är troligen felstavat.

Godkänt (data/kommuner/borlange/lokal-plan.yaml):

```yaml
    delmal: [nara-for-alla]
```

Fel (NV201):

```yaml
    delmal: [nara-for-all]
```

Så rättar du: använd ett av strategins delmål; meddelandet föreslår det närmaste.
"""

from __future__ import annotations

from collections.abc import Iterator

from naravard.findings import Finding
from naravard.loader import SourceDocument
from naravard.rules.base import Context, Rule
from naravard.suggest import guess


def _finding(doc: SourceDocument, path: tuple[str | int, ...], delmal: str, known: list[str]) -> Finding:
    said = guess(delmal, known)
    message = f"Delmålet `{delmal}` finns inte i strategin.{said.hint} Strategins delmål: {', '.join(known)}."
    return RULE.on(doc, path, message, guess=said)


def check(ctx: Context) -> Iterator[Finding]:
    """Delmål ids in strategies, handlingsplaner and plans must exist."""
    repo = ctx.repo
    for strategy in repo.strategies:
        known = [d.id for d in strategy.model.delmal]
        for i, nyckeltal in enumerate(strategy.model.nyckeltal):
            if nyckeltal.delmal not in known:
                path: tuple[str | int, ...] = ("nyckeltal", i, "delmal")
                yield _finding(strategy.doc, path, nyckeltal.delmal, known)
    for plan, revision in repo.in_force(repo.handlingsplaner):
        known = [d.id for d in revision.model.delmal]
        for i, prio in enumerate(plan.model.prioriteringar):
            for j, delmal in enumerate(prio.delmal):
                if delmal not in known:
                    path = ("prioriteringar", i, "delmal", j)
                    yield _finding(plan.doc, path, delmal, known)
    for lokal in repo.plans:
        revisions = repo.revisions_for(lokal.model.period.years)
        if not revisions:
            continue
        known = list(dict.fromkeys(d.id for r in revisions for d in r.model.delmal))
        for i, aktivitet in enumerate(lokal.model.aktiviteter):
            for j, delmal in enumerate(aktivitet.delmal):
                if delmal not in known:
                    path = ("aktiviteter", i, "delmal", j)
                    yield _finding(lokal.doc, path, delmal, known)


RULE = Rule(
    "NV201",
    "unknown-delmal",
    "Okänt delmål",
    check=check,
    fixes="`naravard fix` byter ett felstavat id mot förslaget, när det finns exakt ett.",
)
