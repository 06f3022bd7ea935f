"""Kommunen har ingen lokal plan för uppföljningens år.

En uppföljning följer upp en lokal plan: den plan vars `kommuner` innehåller
kommunen och vars `period` innehåller året, var den än ligger (en gemensam plan
kan ligga i en annan kommuns mapp).

Godkänt (data/kommuner/borlange/lokal-plan.yaml), uppföljningen gäller 2024:

```yaml
period: {fran: 2023, till: 2027}
```

Fel (NV211): ingen plan gäller Borlänge 2024:

```yaml
period: {fran: 2025, till: 2027}
```

Så rättar du: lägg till en lokal plan (eller förläng planens period), eller
lägg till kommunen i den gemensamma planens `kommuner`.

En plan i uppföljningens egen mapp som inte går att läsa (till exempel
`kommuner: falun` utan hakparenteser) ger sitt fel i planen, en gång, och inget
NV211 i uppföljningarna.
"""

from __future__ import annotations

from collections.abc import Iterator

from naravard.discover import Kind
from naravard.findings import Finding
from naravard.rules.base import Context, Rule


def check(ctx: Context) -> Iterator[Finding]:
    """Every follow-up's kommun has a plan whose period holds the year."""
    repo = ctx.repo
    read = {plan.doc.rel for plan in repo.plans}
    unread = {f.rel for f in repo.files if f.kind is Kind.PLAN and f.rel not in read}
    for followup in repo.followups:
        kommun, year = followup.model.kommun, followup.model.ar
        if repo.plans_for(kommun, year):
            continue
        if f"{followup.doc.rel.rsplit('/', 1)[0]}/lokal-plan.yaml" in unread:
            continue  # the plan beside it has an error of its own, said where it is
        others = [p for p in repo.plans if kommun in p.model.kommuner]
        if others:
            periods = ", ".join(f"{p.doc.rel} ({p.model.period.fran}–{p.model.period.till})" for p in others)
            detail = f" Planer för kommunen: {periods}."
        else:
            detail = " Ingen lokal plan nämner kommunen under `kommuner`."
        message = f"Det finns ingen lokal plan för `{kommun}` som gäller {year}.{detail}"
        yield RULE.on(followup.doc, ("kommun",), message)


RULE = Rule("NV211", "no-plan", "Ingen lokal plan för kommunen och året", check=check)
