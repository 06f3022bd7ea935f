"""Uppföljningen utelämnar nyckeltal som strategin har.

Strategins lista med nyckeltal är fast. En uppföljning får utelämna nyckeltal,
men ett värde som inte är känt ännu skrivs hellre `null`: då syns att frågan
är besvarad.

Godkänt (data/kommuner/borlange/uppfoljning-2024.yaml):

```yaml
  sip-antal: 14
```

Varning (NV309): `sip-antal` saknas helt:

```yaml
  # sip-antal saknas
```

Så rättar du: lägg till nyckeltalet, med `null` om värdet inte är känt.
"""

from __future__ import annotations

from collections.abc import Iterator

from naravard.findings import Finding, Severity
from naravard.rules.base import Context, Rule


def check(ctx: Context) -> Iterator[Finding]:
    """Every nyckeltal of the revision in force is listed (null when not known)."""
    repo = ctx.repo
    for followup, revision in repo.in_force(repo.followups):
        missing = [n.id for n in revision.model.nyckeltal if n.id not in followup.model.nyckeltal]
        if missing:
            listed = ", ".join(f"`{m}`" for m in missing)
            message = (
                f"{len(missing)} av strategins nyckeltal saknas: {listed}. "
                "Skriv `null` för ett värde som inte är känt."
            )
            yield RULE.on(followup.doc, ("nyckeltal",), message, key=True)


RULE = Rule("NV309", "nyckeltal-missing", "Nyckeltal saknas i uppföljningen", Severity.WARNING, check=check)
