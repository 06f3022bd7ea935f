"""En kommun i strategin har ingen uppföljning för ett år då andra kommuner har det.

Den regionala rapporten sammanställer alla kommuners uppföljningar. En kommun
som saknas ett år då andra har lämnat in syns som saknad i rapporten.

Godkänt (data/kommuner/ludvika/uppfoljning-2024.yaml), som andra kommuners uppföljningar 2024:

```yaml
kommun: ludvika
```

Varning (NV310) om filen tas bort: Ludvika saknas bland kommunerna som lämnat in 2024. En varning
per år räknar upp alla kommuner som saknas; den står vid `kommuner` i den strategi som gäller för
året.

Så rättar du: lägg till kommunens uppföljning (`uppfoljning-ÅÅÅÅ.yaml` i
kommunens mapp).
"""

from __future__ import annotations

from collections.abc import Iterator

from naravard.findings import Finding, Severity
from naravard.rules.base import Context, Rule


def check(ctx: Context) -> Iterator[Finding]:
    """For every year with follow-ups, every kommun of the strategy has one."""
    repo = ctx.repo
    submitted: dict[int, set[str]] = {}
    for file in repo.files:
        if file.kind == "uppfoljning" and file.year is not None and file.folder:
            submitted.setdefault(file.year, set()).add(file.folder)
    for year, kommuner in sorted(submitted.items()):
        revision = repo.revision_for(year)
        if revision is None:
            continue
        missing = [k for k in revision.model.kommuner if k.id not in kommuner]
        if not missing:
            continue
        names = ", ".join(k.namn for k in missing)
        others = "1 annan kommun" if len(kommuner) == 1 else f"{len(kommuner)} andra kommuner"
        count = "1 kommun saknar" if len(missing) == 1 else f"{len(missing)} kommuner saknar"
        message = (
            f"{count} uppföljning för {year}, som {others} har lämnat in: {names}. "
            f"Filen heter data/kommuner/<kommun>/uppfoljning-{year}.yaml."
        )
        yield RULE.on(revision.doc, ("kommuner",), message, key=True)


RULE = Rule("NV310", "followup-missing", "Kommunens uppföljning saknas", Severity.WARNING, check=check)
