"""En aktivitet i uppföljningen som inte finns i kommunens lokala plan.

Uppföljningen redovisar aktiviteterna i den lokala plan som gäller för
kommunen och året, med planens id för varje aktivitet. Ett id som inte finns i
planen är troligen felstavat, eller så saknas aktiviteten i planen.

Godkänt (data/kommuner/borlange/uppfoljning-2024.yaml), planen har `sip-elevhalsa`:

```yaml
  - id: sip-elevhalsa
```

Fel (NV204):

```yaml
  - id: sip-elevhals
```

Så rättar du: använd aktivitetens id ur den lokala planen, eller lägg först
till aktiviteten i planen.
"""

from __future__ import annotations

from collections.abc import Iterator

from naravard.findings import Finding
from naravard.rules.base import Context, Rule
from naravard.suggest import guess


def check(ctx: Context) -> Iterator[Finding]:
    """Every activity a follow-up reports exists in the kommun's plan for that year."""
    repo = ctx.repo
    for followup, plan in repo.followups_with_plan():  # no plan or two: NV211, NV212
        known = [a.id for a in plan.model.aktiviteter]
        ids = set(known)
        for i, aktivitet in enumerate(followup.model.aktiviteter):
            if aktivitet.id not in ids:
                said = guess(aktivitet.id, known)
                message = (
                    f"Aktiviteten `{aktivitet.id}` finns inte i den lokala planen "
                    f"({plan.doc.rel}).{said.hint}"
                )
                yield RULE.on(followup.doc, ("aktiviteter", i, "id"), message, guess=said)


RULE = Rule(
    "NV204",
    "unknown-activity",
    "Aktiviteten finns inte i den lokala planen",
    check=check,
    fixes="`naravard fix` byter ett felstavat id mot förslaget, när det finns exakt ett.",
)
