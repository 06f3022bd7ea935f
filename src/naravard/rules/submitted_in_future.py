"""Uppföljningen är daterad en dag som inte har kommit än.

`inlamnad` är dagen då uppföljningen lämnades in, så den kan inte ligga efter
i dag. Ett datum i framtiden är nästan alltid ett skrivfel i året (`2031` för
`2025`); rapporten och `naravard status` räknar annars uppföljningen som
inlämnad den dagen.

Godkänt (uppfoljning-2024.yaml, granskad 2025-03-01):

```yaml
inlamnad: 2025-02-27
```

Varning (NV314), samma dag:

```yaml
inlamnad: 2031-02-27
```

Så rättar du: skriv dagen då uppföljningen lämnades in, eller ta bort
`inlamnad` tills den är inlämnad.
"""

from __future__ import annotations

from collections.abc import Iterator

from naravard.findings import Finding, Severity
from naravard.repository import Repository
from naravard.rules.base import Rule

RULE = Rule("NV314", "submitted-in-future", "Uppföljningen är daterad i framtiden", Severity.WARNING)


def check(repo: Repository) -> Iterator[Finding]:
    """`inlamnad` is not after today."""
    for followup in repo.followups:
        inlamnad = followup.model.inlamnad
        if inlamnad is not None and inlamnad > repo.today:
            message = (
                f"Uppföljningen är daterad {inlamnad.isoformat()}, en dag som inte har kommit än. "
                "Skriv dagen då den lämnades in, eller ta bort `inlamnad` tills den är inlämnad."
            )
            yield followup.doc.finding(("inlamnad",), RULE.code, message)
