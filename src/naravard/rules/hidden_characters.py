"""Osynliga tecken i en text: riktningsstyrning (bidi) eller tecken utan bredd.

Tecken som U+202E (höger-till-vänster-överstyrning) och U+200B (blanksteg utan
bredd) syns inte i en editor men kan vända eller dölja text, så att det som står
i filen inte är det som läses i rapporten. De kommer oftast med vid kopiering från
en webbsida eller ett annat program. I id:n är de redan fel (NV107); i fri text
varnar granskningen.

Godkänt (data/kommuner/borlange/uppfoljning-2024.yaml):

```yaml
  utmaningar: Olika journalsystem.
```

Varning (NV312): samma text med ett osynligt U+200B mellan orden:

```yaml
  utmaningar: Olika​journalsystem.
```

Så rättar du: skriv om texten för hand, eller ta bort tecknet (i VS Code syns det
med inställningen "Render Control Characters").
"""

from __future__ import annotations

from collections.abc import Iterator

from naravard.findings import Finding, Location, Severity
from naravard.repository import iter_entries
from naravard.rules.base import Context, Rule


def check(ctx: Context) -> Iterator[Finding]:
    """No free text holds bidi controls or zero-width characters (found while loading)."""
    repo = ctx.repo
    for entry in iter_entries(repo):
        for line, column, char in entry.doc.hidden:
            message = (
                f"Texten innehåller ett osynligt tecken (U+{ord(char):04X}) som kan vända "
                "eller dölja text. Ta bort det."
            )
            yield RULE.at(Location(entry.doc.rel, line, column), message)


RULE = Rule("NV312", "hidden-characters", "Osynliga tecken i texten", Severity.WARNING, check=check)
