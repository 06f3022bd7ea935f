"""Uppföljningen är daterad en dag som inte har kommit än.

`inlamnad` är dagen då uppföljningen lämnades in, så den kan inte ligga efter
i dag. Ett datum i framtiden är nästan alltid ett skrivfel i året (`2031` för
`2025`); rapporten och `naravard status` räknar annars uppföljningen som
inlämnad den dagen.

Godkänt (data/kommuner/borlange/uppfoljning-2024.yaml):

```yaml
inlamnad: 2025-02-28
```

Varning (NV315), granskad före 2031:

```yaml
inlamnad: 2031-02-28
```

Så rättar du: skriv dagen då uppföljningen lämnades in, eller ta bort
`inlamnad` tills den är inlämnad.
"""

from __future__ import annotations

from collections.abc import Iterator

from naravard.findings import Finding, Severity
from naravard.rules.base import Context, Rule


def check(ctx: Context) -> Iterator[Finding]:
    """`inlamnad` is not after the day the check is made on."""
    for followup in ctx.repo.followups:
        inlamnad = followup.model.inlamnad
        if inlamnad is not None and inlamnad > ctx.today:
            message = (
                f"Uppföljningen är daterad {inlamnad.isoformat()}, en dag som inte har kommit än. "
                "Skriv dagen då den lämnades in, eller ta bort `inlamnad` tills den är inlämnad."
            )
            yield RULE.on(followup.doc, ("inlamnad",), message)


RULE = Rule(
    "NV315",
    "submitted-in-future",
    "Uppföljningen är daterad i framtiden",
    Severity.WARNING,
    check=check,
)
