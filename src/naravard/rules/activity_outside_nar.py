"""En aktivitet redovisas ett år då den enligt planen inte pågår.

Planens `nar` säger när aktiviteten pågår. Att redovisa den ett år utanför den
tiden är tillåtet (FORMAT.md regel 5) men tyder på att planen inte är uppdaterad.

Godkänt (data/kommuner/borlange/lokal-plan.yaml), `sip-elevhalsa` redovisas 2024 och 2026:

```yaml
    nar: {start: 2024-08-15, slut: 2026-06-30}
```

Varning (NV304): enligt planen pågår den inte 2026:

```yaml
    nar: {start: 2024-08-15, slut: 2025-12}
```

Så rättar du: justera `nar` i planen, eller ta bort aktiviteten ur årets uppföljning.
"""

from __future__ import annotations

from collections.abc import Iterator

from naravard.findings import Finding, Severity
from naravard.rules.base import Context, Rule


def check(ctx: Context) -> Iterator[Finding]:
    """Reported activities run, by the plan, during the follow-up's year."""
    repo = ctx.repo
    for followup, plan in repo.followups_with_plan():  # no plan or two: NV211, NV212
        year = followup.model.ar
        by_id = {a.id: a for a in plan.model.aktiviteter}
        for i, rapport in enumerate(followup.model.aktiviteter):
            aktivitet = by_id.get(rapport.id)
            if aktivitet is None:
                continue
            nar = aktivitet.nar
            if not aktivitet.runs_in(year):
                message = (
                    f"Enligt planen pågår `{rapport.id}` {nar.start.text}–{nar.slut.text}, "
                    f"inte {year}. Justera `nar` i planen om tiden har ändrats."
                )
                yield RULE.on(followup.doc, ("aktiviteter", i, "id"), message)


RULE = Rule(
    "NV304",
    "activity-outside-nar",
    "Aktiviteten redovisas utanför sin tid",
    Severity.WARNING,
    check=check,
)
