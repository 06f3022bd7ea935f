"""Ett delmål som ingen aktivitet i den lokala planen bidrar till.

Den lokala planen omsätter strategin lokalt. Ett delmål som ingen aktivitet
nämner under `delmal` får ingen egen redovisning i uppföljningen.

Godkänt (data/kommuner/borlange/lokal-plan.yaml), `sip-elevhalsa` bidrar till `nara-for-alla`:

```yaml
    delmal: [nara-for-alla]
```

Varning (NV305): ingen aktivitet bidrar längre till `nara-for-alla`:

```yaml
    delmal: [nara-for-mig]
```

Så rättar du: koppla en befintlig aktivitet till delmålet, lägg till en
aktivitet, eller stäng av regeln i naravard.yaml om planen medvetet avgränsar sig.
"""

from __future__ import annotations

from collections.abc import Iterator

from naravard.findings import Finding, Severity
from naravard.rules.base import Context, Rule


def check(ctx: Context) -> Iterator[Finding]:
    """Every delmål of the strategy is served by at least one activity of each plan."""
    repo = ctx.repo
    for plan in repo.plans:
        period = plan.model.period.years
        revision = repo.revision_for(plan.model.period.fran) or next(iter(repo.revisions_for(period)), None)
        if revision is None:
            continue
        served = {d for a in plan.model.aktiviteter for d in a.delmal}
        for delmal in revision.model.delmal:
            if delmal.id not in served:
                message = f"Ingen aktivitet i planen bidrar till delmålet {delmal.namn} (`{delmal.id}`)."
                yield RULE.on(plan.doc, ("aktiviteter",), message, key=True)


RULE = Rule(
    "NV305",
    "delmal-without-activity",
    "Inget i planen bidrar till delmålet",
    Severity.WARNING,
    check=check,
)
