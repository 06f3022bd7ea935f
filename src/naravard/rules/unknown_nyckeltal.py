"""Ett nyckeltal som inte finns i den strategiversion som gäller för året.

Listan med nyckeltal är fast och ändras bara när strategin revideras. En
uppföljning får bara redovisa nyckeltal som finns i den version av strategin
som gäller för uppföljningens år. Detsamma gäller nyckeltalen i
`data/region/nyckeltal-ÅÅÅÅ.yaml` (värden från Kolada).

Godkänt:

```yaml
nyckeltal:
  fast-lakarkontakt: 52.1
```

Fel (NV202):

```yaml
nyckeltal:
  fast-lakarkontak: 52.1
```

Så rättar du: stava id:t som i strategin (meddelandet föreslår det närmaste),
eller ta bort raden om nyckeltalet inte längre ingår i strategin.
"""

from __future__ import annotations

from collections.abc import Iterator

from naravard.findings import Finding
from naravard.repository import Repository
from naravard.rules.base import Rule
from naravard.suggest import did_you_mean

RULE = Rule("NV202", "unknown-nyckeltal", "Nyckeltalet finns inte i strategin för året")


def check(repo: Repository) -> Iterator[Finding]:
    """Every reported nyckeltal is in the strategy revision in force for the year."""
    for followup in repo.followups:
        revision = repo.revision_for(followup.model.ar)
        if revision is None:
            continue
        known = [n.id for n in revision.model.nyckeltal]
        for key in followup.model.nyckeltal:
            if key not in known:
                message = (
                    f"Nyckeltalet `{key}` finns inte i strategin som gäller för "
                    f"{followup.model.ar} ({revision.doc.rel}).{did_you_mean(key, known)}"
                )
                yield followup.doc.finding(("nyckeltal", key), RULE.code, message, key=True)
    for imported in repo.imported:
        revision = repo.revision_for(imported.model.ar)
        if revision is None:
            continue
        known = [n.id for n in revision.model.nyckeltal]
        for kommun, values in imported.model.kommuner.items():
            for key in values:
                if key not in known:
                    message = (
                        f"Nyckeltalet `{key}` finns inte i strategin som gäller för "
                        f"{imported.model.ar} ({revision.doc.rel}).{did_you_mean(key, known)}"
                    )
                    yield imported.doc.finding(("kommuner", kommun, key), RULE.code, message, key=True)
