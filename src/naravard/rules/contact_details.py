"""En persons e-postadress eller mobilnummer står i en text.

En plan eller uppföljning säger vem som ansvarar med en roll
("Enhetschef hemsjukvård, Falu kommun"), inte med en persons kontaktuppgifter:
texterna hamnar i rapporten, som ofta läggs ut på webben, och i git-historiken.
Granskningen varnar för e-postadresser som ser ut som en persons
(`fornamn.efternamn@kommun.se`) och för mobilnummer (`070-123 45 67`,
`+46 70 123 45 67`). En funktionsbrevlåda (`registrator@falun.se`) och ett fast
nummer till en växel eller mottagning varnas det inte för.

Godkänt (data/kommuner/borlange/lokal-plan.yaml):

```yaml
    ansvarig: Verksamhetschef hemsjukvård, Borlänge kommun
```

Varning (NV314):

```yaml
    ansvarig: Verksamhetschef hemsjukvård, Borlänge kommun, anna.andersson@borlange.se
```

Så rättar du: skriv rollen i stället för personen. Ska uppgiften stå kvar (en
kommuns gemensamma kontakt, till exempel), undanta varningen med skäl i
naravard.yaml eller med `# naravard: ignore[NV314]` på raden.
"""

from __future__ import annotations

from collections.abc import Iterator

from naravard.findings import Finding, Location, Severity
from naravard.rules.base import Context, Rule


def check(ctx: Context) -> Iterator[Finding]:
    """No text holds a person's e-mail address or mobile number (the loader found them)."""
    repo = ctx.repo
    docs = [repo.config_doc] if repo.config_doc is not None else []
    for doc in [*docs, *repo.documents]:
        for line, column, what in doc.personal.contacts:
            message = (
                f"Texten innehåller en persons {what}. Skriv rollen i stället "
                '(t.ex. "Enhetschef hemsjukvård"): texterna hamnar i rapporten och i git-historiken.'
            )
            yield RULE.at(Location(doc.rel, line, column), message)


RULE = Rule(
    "NV314",
    "contact-details",
    "En persons e-postadress eller mobilnummer i texten",
    Severity.WARNING,
    check=check,
)
