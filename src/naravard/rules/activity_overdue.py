"""En aktivitet är fortfarande planerad eller pågående fast den enligt planen skulle ha slutat.

Planens `nar.slut` säger när aktiviteten ska vara klar. Om årets uppföljning
(den senaste som nämner aktiviteten) fortfarande säger `planerad` eller
`pagaende` efter att slutet har passerat, behöver planen eller statusen ses över.

Godkänt (data/kommuner/borlange/lokal-plan.yaml), uppföljningen 2026 säger `status: pagaende` om
`trygg-hemgang`:

```yaml
    nar: {start: 2023-03, slut: 2027}
```

Varning (NV302): aktiviteten skulle ha slutat 2024:

```yaml
    nar: {start: 2023-03, slut: 2024-05}
```

Så rättar du: uppdatera statusen (genomford, pausad, avbruten), eller förläng
aktiviteten i den lokala planen.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from naravard.findings import Finding, Severity
from naravard.model.plan import Aktivitet
from naravard.rules.base import Context, Rule


def check(ctx: Context) -> Iterator[Finding]:
    """The latest follow-up of an activity whose end has passed does not still call it open."""
    repo = ctx.repo
    latest: dict[tuple[str, str], tuple[int, object]] = {}
    activities: dict[int, dict[str, Aktivitet]] = {}  # per plan: id → activity, built once
    for followup in repo.followups:
        for i, rapport in enumerate(followup.model.aktiviteter):
            key = (followup.model.kommun, rapport.id)
            if key not in latest or latest[key][0] < followup.model.ar:
                latest[key] = (followup.model.ar, (followup, i))
    for (kommun, activity), (year, found) in latest.items():
        followup, i = found  # type: ignore[misc]
        rapport = followup.model.aktiviteter[i]
        if rapport.status not in ("planerad", "pagaende"):
            continue
        aktivitet = None
        for plan in repo.plans_for(kommun, year):
            by_id = activities.get(id(plan))
            if by_id is None:
                by_id = activities[id(plan)] = {a.id: a for a in reversed(plan.model.aktiviteter)}
            aktivitet = aktivitet or by_id.get(activity)
        if aktivitet is None or aktivitet.nar.slut.last >= date(year, 12, 31):
            continue
        message = (
            f"Aktiviteten `{activity}` skulle enligt planen sluta {aktivitet.nar.slut.text}, men "
            f"uppföljningen {year} säger `{rapport.status}`. Uppdatera statusen eller planen."
        )
        yield RULE.on(followup.doc, ("aktiviteter", i, "status"), message)


RULE = Rule("NV302", "activity-overdue", "Aktiviteten borde ha slutat", Severity.WARNING, check=check)
