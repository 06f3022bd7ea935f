"""En självskattning som flyttar två steg eller mer från förra året, utan kommentar.

En skattning som går från 1 till 3, eller från 4 till 2, på ett år är ovanlig.
Den kan vara riktig, men läsaren av rapporten behöver veta varför.

Godkänt (data/kommuner/borlange/uppfoljning-2025.yaml), förra året 3:

```yaml
  nara-for-mig: 3
```

Varning (NV306), utan kommentar:

```yaml
  nara-for-mig: 1
```

Så rättar du: skriv en `kommentar` som förklarar förändringen, eller rätta skattningen.
"""

from __future__ import annotations

from collections.abc import Iterator

from naravard.findings import Finding, Severity
from naravard.rules.base import Context, Rule


def check(ctx: Context) -> Iterator[Finding]:
    """Scores that move two steps or more since last year carry a comment."""
    repo = ctx.repo
    for followup in repo.followups:
        previous = repo.followup_for(followup.model.kommun, followup.model.ar - 1)
        if previous is None:
            continue
        for key, score in followup.model.sjalvskattning.items():
            before = previous.model.sjalvskattning.get(key)
            if before is None or abs(score.varde - before.varde) < 2 or (score.kommentar or "").strip():
                continue
            message = (
                f"Skattningen av `{key}` har gått från {before.varde} till {score.varde} på ett år. "
                "Skriv en kommentar som förklarar varför: `{varde: "
                f"{score.varde}, kommentar: ...}}`."
            )
            yield RULE.on(followup.doc, ("sjalvskattning", key, "varde"), message)


RULE = Rule(
    "NV306",
    "score-jump",
    "Stor förändring i självskattningen utan kommentar",
    Severity.WARNING,
    check=check,
)
