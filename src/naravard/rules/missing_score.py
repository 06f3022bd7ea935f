"""Målbilden eller ett delmål saknar självskattning, eller en skattning gäller något okänt.

Självskattningen ska omfatta målbilden och vart och ett av strategins delmål.
En nyckel som varken är målbilden eller ett delmål är troligen felstavad.

Godkänt (data/kommuner/borlange/uppfoljning-2024.yaml):

```yaml
  nara-till-halsa: 2
```

Fel (NV207):

```yaml
  nara-till-hals: 2
```

Så rättar du: skatta varje delmål och målbilden; meddelandet säger vilka som saknas.
"""

from __future__ import annotations

from collections.abc import Iterator

from naravard.findings import Finding
from naravard.rules.base import Context, Rule, across
from naravard.suggest import guess, nearest


def check(ctx: Context) -> Iterator[Finding]:
    """The målbild and every delmål are scored, and nothing else is."""
    repo = ctx.repo
    for followup, revision in repo.in_force(repo.followups):
        expected = [revision.model.malbild.id, *(d.id for d in revision.model.delmal)]
        scored = followup.model.sjalvskattning
        missing = [e for e in expected if e not in scored]
        if missing:
            names = ", ".join(f"`{m}`" for m in missing)
            message = f"Självskattning saknas för {names}. Målbilden och alla delmål ska skattas."
            yield RULE.on(followup.doc, ("sjalvskattning",), message, key=True)
        for key in scored:
            revised = repo.across_revision(revision, "delmal", key) if key not in expected else None
            if revised is not None:
                near = revised.new or nearest(key, expected)
                message = across(f"`{key}`", followup.model.ar, revision, revised, near)
                where = ("sjalvskattning", key)
                yield RULE.on(followup.doc, where, message, key=True, suggestion=near)
            elif key not in expected:
                said = guess(key, expected)
                message = f"`{key}` är varken målbilden eller ett delmål i strategin.{said.hint}"
                yield RULE.on(followup.doc, ("sjalvskattning", key), message, key=True, guess=said)


RULE = Rule(
    "NV207",
    "missing-score",
    "Självskattning saknas eller gäller okänt delmål",
    check=check,
    fixes="`naravard fix` byter ett felstavat id mot förslaget, när det finns exakt ett.",
)
