"""Uppföljningen är daterad innan året den gäller har tagit slut.

`inlamnad` är dagen då uppföljningen lämnades in. En uppföljning av 2024 som
lämnades in före 2025 beskriver inte hela året, eller så är datumet fel.

Godkänt (data/kommuner/borlange/uppfoljning-2024.yaml):

```yaml
inlamnad: 2025-02-28
```

Varning (NV311):

```yaml
inlamnad: 2024-12-01
```

Så rättar du: rätta datumet, eller komplettera uppföljningen när året är slut.
"""

from __future__ import annotations

from collections.abc import Iterator

from naravard.findings import Finding, Severity
from naravard.rules.base import Context, Rule


def check(ctx: Context) -> Iterator[Finding]:
    """`inlamnad` falls after the year the follow-up is about."""
    repo = ctx.repo
    for followup in repo.followups:
        inlamnad = followup.model.inlamnad
        if inlamnad is not None and inlamnad.year <= followup.model.ar:
            message = (
                f"Uppföljningen av {followup.model.ar} är daterad {inlamnad.isoformat()}, innan "
                "året tog slut. Kontrollera datumet."
            )
            yield RULE.on(followup.doc, ("inlamnad",), message)


RULE = Rule(
    "NV311",
    "submitted-early",
    "Uppföljningen lämnades in innan året var slut",
    Severity.WARNING,
    check=check,
)
