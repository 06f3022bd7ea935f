"""Osynliga tecken i en text: riktningsstyrning (bidi) eller tecken utan bredd.

Tecken som U+202E (höger-till-vänster-överstyrning) och U+200B (blanksteg utan
bredd) syns inte i en editor men kan vända eller dölja text, så att det som står
i filen inte är det som läses i rapporten. De kommer oftast med vid kopiering från
en webbsida eller ett annat program. I id:n är de redan fel (NV107); i fri text
varnar granskningen.

Godkänt:

```yaml
    resultat: 140 patienter inskrivna.
```

Varning (NV312): samma text med ett osynligt U+200B mellan `140` och `patienter`.

Så rättar du: skriv om texten för hand, eller ta bort tecknet (i VS Code syns det
med inställningen "Render Control Characters").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from naravard.findings import Finding, Severity
from naravard.loader import SourceDocument
from naravard.repository import Repository, iter_entries
from naravard.rules.base import Rule

RULE = Rule("NV312", "hidden-characters", "Osynliga tecken i texten", Severity.WARNING)

HIDDEN = re.compile("[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def _walk(doc: SourceDocument, value: Any, path: tuple[Any, ...]) -> Iterator[Finding]:
    if isinstance(value, str):
        match = HIDDEN.search(value)
        if match:
            message = (
                f"Texten innehåller ett osynligt tecken (U+{ord(match.group()):04X}) som kan vända "
                "eller dölja text. Ta bort det."
            )
            yield doc.finding(path, RULE.code, message)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _walk(doc, item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk(doc, item, (*path, index))


def check(repo: Repository) -> Iterator[Finding]:
    """No free text holds bidi controls or zero-width characters."""
    for entry in iter_entries(repo):
        yield from _walk(entry.doc, entry.doc.value, ())
