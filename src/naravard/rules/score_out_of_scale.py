"""En självskattning utanför strategins skala.

Självskattningen görs med heltal på strategins skala (`skala.min`–`skala.max`),
t.ex. 1–4: 1 stämmer inte alls, 2 stämmer ganska dåligt, 3 stämmer ganska bra,
4 stämmer mycket bra.

Godkänt (data/kommuner/borlange/uppfoljning-2024.yaml), skalan är 1–4:

```yaml
  nara-for-mig: 3
```

Fel (NV206):

```yaml
  nara-for-mig: 5
```

Så rättar du: välj ett av skalans steg.
"""

from __future__ import annotations

from collections.abc import Iterator

from naravard.findings import Finding
from naravard.rules.base import Context, Rule


def check(ctx: Context) -> Iterator[Finding]:
    """Every score is an integer on the strategy's scale."""
    repo = ctx.repo
    for followup, revision in repo.in_force(repo.followups):
        skala = revision.model.skala
        steps = ", ".join(f"{k} {v.lower()}" for k, v in sorted(skala.etiketter.items()))
        for key, score in followup.model.sjalvskattning.items():
            if not skala.min <= score.varde <= skala.max:
                message = (
                    f"Skattningen {score.varde} ligger utanför skalan {skala.min}–{skala.max}. "
                    f"Välj ett av stegen: {steps}."
                )
                path = ("sjalvskattning", key, "varde")
                yield RULE.on(followup.doc, path, message)


RULE = Rule("NV206", "score-out-of-scale", "Skattningen ligger utanför skalan", check=check)
