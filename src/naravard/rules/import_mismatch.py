"""Ett värde från Kolada som inte stämmer med strategin eller med filens år.

`data/region/nyckeltal-ÅÅÅÅ.yaml` skrivs av `naravard kolada hamta` och
`naravard kolada import`. Varje värde ska gälla filens år (`period`) och komma
från det Kolada-id som strategin anger för nyckeltalet (`kolada`). Om strategin
har fått ett nytt Kolada-id sedan värdena hämtades, eller om filen har ändrats
för hand, stämmer det inte längre.

Godkänt (data/region/nyckeltal-2024.yaml), strategin säger `kolada: U71411`:

```yaml
    undvikbar-slutenvard: {varde: 990.5, kolada: U71411, period: 2024, hamtad: 2025-03-03}
```

Fel (NV216): värdet gäller ett annat år:

```yaml
    undvikbar-slutenvard: {varde: 990.5, kolada: U71411, period: 2023, hamtad: 2025-03-03}
```

Så rättar du: hämta värdena på nytt med `naravard kolada hamta 2024`, som
skriver rätt id och period. Ändra inte värdena för hand.
"""

from __future__ import annotations

from collections.abc import Iterator

from naravard.findings import Finding
from naravard.rules.base import Context, Rule


def check(ctx: Context) -> Iterator[Finding]:
    """Every imported value is for the file's year and from the KPI the strategy names."""
    repo = ctx.repo
    for imported, revision in repo.in_force(repo.imported):
        year = imported.model.ar
        sources = {n.id: n.kolada for n in revision.model.nyckeltal}
        fetch = f"Hämta värdena på nytt: `naravard kolada hamta {year}`."
        for kommun, values in imported.model.kommuner.items():
            for key, value in values.items():
                path = ("kommuner", kommun, key)
                if value.period != year:
                    message = f"Värdet gäller {value.period}, men filen gäller {year}. {fetch}"
                    yield RULE.on(imported.doc, (*path, "period"), message)
                if key not in sources or sources[key] == value.kolada:
                    continue
                wanted = sources[key]
                said = f"anger `{wanted}`" if wanted else "anger inget Kolada-id"
                message = (
                    f"Värdet för `{key}` kommer från Kolada-id `{value.kolada}`, men strategin "
                    f"({revision.doc.rel}) {said} för nyckeltalet. {fetch}"
                )
                yield RULE.on(imported.doc, (*path, "kolada"), message)


RULE = Rule(
    "NV216",
    "import-mismatch",
    "Värdet från Kolada stämmer inte med strategin eller året",
    check=check,
)
