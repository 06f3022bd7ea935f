"""Strategin motsäger sig själv: skalan eller giltighetstiden går inte ihop.

Skalans `etiketter` har en etikett för varje heltal från `min` till `max`, och
`min` är mindre än `max`. `giltig_from` kommer före `giltig_tom`.

Godkänt:

```yaml
skala:
  min: 1
  max: 4
  etiketter:
    1: Stämmer inte alls
    2: Stämmer ganska dåligt
    3: Stämmer ganska bra
    4: Stämmer mycket bra
```

Fel (NV215): `max: 5` med bara fyra etiketter.

Så rättar du: ge varje steg på skalan en etikett, och inget annat.
"""

from __future__ import annotations

from collections.abc import Iterator

from naravard.findings import Finding
from naravard.repository import Repository
from naravard.rules.base import Rule

RULE = Rule("NV215", "strategy-inconsistent", "Strategins skala eller giltighet går inte ihop")


def check(repo: Repository) -> Iterator[Finding]:
    """The scale's labels cover min..max exactly; validity runs forwards."""
    for strategy in repo.strategies:
        doc, skala, info = strategy.doc, strategy.model.skala, strategy.model.strategi
        if skala.min >= skala.max:
            message = f"Skalans min ({skala.min}) måste vara mindre än max ({skala.max})."
            yield doc.finding(("skala", "max"), RULE.code, message)
        else:
            steps = set(range(skala.min, skala.max + 1))
            missing = sorted(steps - set(skala.etiketter))
            if missing:
                listed = ", ".join(str(m) for m in missing)
                message = f"Etikett saknas för {listed} på skalan {skala.min}–{skala.max}."
                yield doc.finding(("skala", "etiketter"), RULE.code, message, key=True)
            for step in skala.etiketter:
                if step not in steps:
                    message = f"{step} ligger utanför skalan {skala.min}–{skala.max}."
                    yield doc.finding(("skala", "etiketter", step), RULE.code, message, key=True)
        if info.giltig_from > info.giltig_tom:
            message = "`giltig_tom` kommer före `giltig_from`."
            yield doc.finding(("strategi", "giltig_tom"), RULE.code, message)
