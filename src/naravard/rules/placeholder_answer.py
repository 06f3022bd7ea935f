"""Ett svar som en person ska skriva är tomt eller bara en platshållare.

Planens aktiviteter ska svara på vad, hur, när, vem som ansvarar och hur de följs
upp, och uppföljningen ska berätta om resultat och reflektion. Ett tomt svar,
eller ett som bara är `-`, `TODO`, `?` eller `x`, godtas av validate (filen kan
läsas) men säger ingenting i rapporten.

Godkänt (data/kommuner/borlange/uppfoljning-2024.yaml):

```yaml
  utmaningar: Olika journalsystem.
```

Varning (NV301):

```yaml
  utmaningar: TODO
```

Så rättar du: skriv svaret, eller skriv varför det inte finns något att säga ännu.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from naravard.findings import Finding, Severity
from naravard.loader import SourceDocument
from naravard.model.followup import REFLECTION_KEYS
from naravard.model.glossary import GLOSSARY
from naravard.rules.base import Context, Rule

PLACEHOLDERS = frozenset(
    {"", "-", "--", "–", "—", ".", "..", "...", "…", "?", "??", "???", "x", "xx", "xxx",
     "todo", "tbd", "tba", "fixme", "fyll i", "saknas", "ej ifyllt", "ej klart", "n/a", "na"}
)  # fmt: skip


_LONGEST = max(len(p) for p in PLACEHOLDERS) + 1  # with a colon after it


def is_placeholder(text: str | None) -> bool:
    """True for an empty answer or one that only holds a placeholder."""
    if text is None:
        return True
    text = text.strip()
    return len(text) <= _LONGEST and text.rstrip(":").strip().lower() in PLACEHOLDERS


def _found(doc: SourceDocument, path: tuple[Any, ...], text: str | None, what: str) -> Finding:
    shown = f"`{text.strip()}`" if text and text.strip() else "tomt"
    message = f"Svaret på {what} är {shown}. Skriv svaret, så att det syns i uppföljningen."
    # An empty value has no text to point at: point at its key.
    return RULE.on(doc, path, message, key=not shown.startswith("`"))


def check(ctx: Context) -> Iterator[Finding]:
    """Required free text in plans, follow-ups and handlingsplaner says something."""
    repo = ctx.repo
    questions = {
        "titel": "titel",
        "vad": "vad",
        "hur": "hur",
        "ansvarig": "vem som ansvarar",
        "uppfoljning": "hur aktiviteten följs upp",
    }
    for plan in repo.plans:
        if is_placeholder(plan.model.titel):
            yield _found(plan.doc, ("titel",), plan.model.titel, "planens titel")
        for i, aktivitet in enumerate(plan.model.aktiviteter):
            for key, what in questions.items():
                if is_placeholder(text := getattr(aktivitet, key)):
                    yield _found(plan.doc, ("aktiviteter", i, key), text, what)
    for followup in repo.followups:
        for i, rapport in enumerate(followup.model.aktiviteter):
            if is_placeholder(rapport.resultat):
                path = ("aktiviteter", i, "resultat")
                yield _found(followup.doc, path, rapport.resultat, f"resultat för `{rapport.id}`")
        reflektion = followup.model.reflektion
        for key in REFLECTION_KEYS:
            if is_placeholder(text := getattr(reflektion, key)):
                yield _found(followup.doc, ("reflektion", key), text, GLOSSARY[key].lower())
    for handlingsplan in repo.handlingsplaner:
        for i, prio in enumerate(handlingsplan.model.prioriteringar):
            if is_placeholder(prio.beskrivning):
                path = ("prioriteringar", i, "beskrivning")
                yield _found(handlingsplan.doc, path, prio.beskrivning, f"beskrivning av `{prio.id}`")


RULE = Rule("NV301", "placeholder-answer", "Tomt svar eller platshållare", Severity.WARNING, check=check)
