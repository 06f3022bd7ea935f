"""Strategin motsäger sig själv: skalan eller giltighetstiden går inte ihop.

Skalans `etiketter` har en etikett för varje heltal från `min` till `max`, och
`min` är mindre än `max`. `giltig_from` kommer före `giltig_tom`.

Godkänt (data/region/strategi.yaml), fyra etiketter:

```yaml
  max: 4
```

Fel (NV215): fem steg men fyra etiketter:

```yaml
  max: 5
```

En reviderad strategis `ersatter` ska para ihop id:n som finns i förra versionen med
id:n som finns i den här.

Så rättar du: ge varje steg på skalan en etikett, och inget annat; rätta id:n under `ersatter`.
"""

from __future__ import annotations

from collections.abc import Iterator

from naravard.findings import Finding
from naravard.model.strategy import Strategi
from naravard.repository import Entry, Repository
from naravard.rules.base import Context, Rule


def check(ctx: Context) -> Iterator[Finding]:
    """The scale's labels cover min..max exactly; validity runs forwards."""
    repo = ctx.repo
    for strategy in repo.strategies:
        doc, skala, info = strategy.doc, strategy.model.skala, strategy.model.strategi
        if skala.min >= skala.max:
            message = f"Skalans min ({skala.min}) måste vara mindre än max ({skala.max})."
            yield RULE.on(doc, ("skala", "max"), message)
        else:
            steps = set(range(skala.min, skala.max + 1))
            missing = sorted(steps - set(skala.etiketter))
            if missing:
                listed = ", ".join(str(m) for m in missing)
                message = f"Etikett saknas för {listed} på skalan {skala.min}–{skala.max}."
                yield RULE.on(doc, ("skala", "etiketter"), message, key=True)
            for step in skala.etiketter:
                if step not in steps:
                    message = f"{step} ligger utanför skalan {skala.min}–{skala.max}."
                    yield RULE.on(doc, ("skala", "etiketter", step), message, key=True)
        if info.giltig_from > info.giltig_tom:
            message = "`giltig_tom` kommer före `giltig_from`."
            yield RULE.on(doc, ("strategi", "giltig_tom"), message)
        yield from _replacements(repo, strategy)


def _replacements(repo: Repository, strategy: Entry[Strategi]) -> Iterator[Finding]:
    """`ersatter` maps ids of the revision before to ids of this one."""
    mapping = strategy.model.ersatter
    if mapping is None:
        return
    previous = repo.revision_for(strategy.model.strategi.giltig_from.year - 1)
    sections = (
        ("delmal", mapping.delmal, [d.id for d in strategy.model.delmal],
         [d.id for d in previous.model.delmal] if previous else None),
        ("nyckeltal", mapping.nyckeltal, [n.id for n in strategy.model.nyckeltal],
         [n.id for n in previous.model.nyckeltal] if previous else None),
    )  # fmt: skip
    for section, pairs, current, before in sections:
        for old, new in pairs.items():
            path = ("ersatter", section, old)
            if new not in current:
                message = f"`{new}` finns inte under `{section}` i den här versionen av strategin."
                yield RULE.on(strategy.doc, path, message)
            if before is not None and old not in before:
                message = f"`{old}` finns inte under `{section}` i förra versionen ({previous.doc.rel})."  # type: ignore[union-attr]
                yield RULE.on(strategy.doc, path, message, key=True)


RULE = Rule(
    "NV215",
    "strategy-inconsistent",
    "Strategins skala, giltighet eller ersättningar går inte ihop",
    check=check,
)
