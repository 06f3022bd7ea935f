"""Året i filnamnet och året i filen stämmer inte överens.

`uppfoljning-2024.yaml`, `handlingsplan-2024.yaml` och `nyckeltal-2024.yaml` ska ha `ar: 2024`.

Godkänt (data/kommuner/borlange/uppfoljning-2024.yaml):

```yaml
ar: 2024
```

Fel (NV209), samma fil:

```yaml
ar: 2023
```

Så rättar du: rätta `ar`, eller byt namn på filen om året i den är rätt.
"""

from __future__ import annotations

from collections.abc import Iterator

from naravard.findings import Finding
from naravard.model.followup import Uppfoljning
from naravard.model.handlingsplan import Handlingsplan
from naravard.model.imported import ImporteradeNyckeltal
from naravard.repository import Entry
from naravard.rules.base import Context, Rule


def check(ctx: Context) -> Iterator[Finding]:
    """The file name's year equals `ar`."""
    repo = ctx.repo
    entries: list[Entry[Uppfoljning] | Entry[Handlingsplan] | Entry[ImporteradeNyckeltal]] = [
        *repo.followups,
        *repo.handlingsplaner,
        *repo.imported,
    ]
    for entry in entries:
        if entry.file.year != entry.model.ar:
            message = (
                f"Filnamnet säger {entry.file.year} men `ar` är {entry.model.ar}. "
                "Rätta `ar` eller byt namn på filen."
            )
            yield RULE.on(entry.doc, ("ar",), message)


RULE = Rule("NV209", "wrong-year", "Året i filnamnet och i filen skiljer sig", check=check)
