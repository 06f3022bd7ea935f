"""En aktivitet i planen som pågår under året nämns inte i årets uppföljning.

Uppföljningen redovisar planens aktiviteter. En aktivitet vars tid (`nar`)
omfattar året men som inte står i uppföljningen syns inte i rapporten.

Godkänt (data/kommuner/borlange/uppfoljning-2024.yaml), planens `sip-elevhalsa` pågår 2024–2026:

```yaml
  - id: sip-elevhalsa
    status: pagaende
    resultat: Startade i augusti, 14 SIP under hösten.
```

Varning (NV303): uppföljningen 2024 nämner inte `sip-elevhalsa`:

```yaml
  # sip-elevhalsa saknas
```

Så rättar du: lägg till aktiviteten med status och resultat (även `planerad`
eller `pausad` är ett svar).
"""

from __future__ import annotations

from collections.abc import Iterator

from naravard.findings import Finding, Severity
from naravard.rules.base import Context, Rule


def check(ctx: Context) -> Iterator[Finding]:
    """Every plan activity running during the year appears in the year's follow-up."""
    repo = ctx.repo
    for followup, plan in repo.followups_with_plan():  # no plan or two: NV211, NV212
        year = followup.model.ar
        reported = {a.id for a in followup.model.aktiviteter}
        for aktivitet in plan.model.aktiviteter:
            if aktivitet.runs_in(year) and aktivitet.id not in reported:
                message = (
                    f"Aktiviteten `{aktivitet.id}` ({aktivitet.titel}) pågår enligt planen {year} "
                    "men nämns inte i uppföljningen."
                )
                yield RULE.on(followup.doc, ("aktiviteter",), message, key=True)


RULE = Rule(
    "NV303",
    "activity-not-reported",
    "Aktiviteten saknas i uppföljningen",
    Severity.WARNING,
    check=check,
)
