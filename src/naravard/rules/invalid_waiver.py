"""Ett undantag som inte gör något: okänd regel, ett fel (inte en varning), eller utgånget.

Varningar från granskningen kan undantas på raden eller raden ovanför med
`# naravard: ignore[NV301]`, eller i naravard.yaml under `undantag` med skäl,
ansvarig och slutdatum. Fel (NV0xx–NV2xx) kan inte undantas: de måste rättas.
Ett undantag vars `galler_till` har passerat gäller inte längre, och varningen
visas igen.

Godkänt (data/kommuner/borlange/uppfoljning-2024.yaml):

```yaml
  - id: sip-elevhalsa
```

Varning (NV390): NV204 är ett fel, och fel kan inte undantas:

```yaml
  - id: sip-elevhalsa  # naravard: ignore[NV204]
```

Så rättar du: rätta felet i stället, stava regelkoden rätt, eller förläng eller
ta bort ett utgånget undantag.
"""

from __future__ import annotations

from collections.abc import Iterator

from naravard.findings import Finding, Location, Severity
from naravard.rules.base import Context, Rule


def _problem(code: str, severities: dict[str, Severity]) -> str | None:
    if code not in severities:
        return f"`{code}` är ingen regel i naravard; se docs/rules.md."
    if severities[code] is Severity.ERROR:
        return f"`{code}` är ett fel, och fel kan inte undantas: rätta det i stället."
    return None


def check(ctx: Context) -> Iterator[Finding]:
    """Waivers name existing warning rules, and those in naravard.yaml have not expired."""
    repo = ctx.repo
    from naravard.codes import all_codes  # the registry imports this module

    severities = {c.code: c.severity for c in all_codes()}
    for rel, waivers in repo.waivers.items():
        for line, (column, codes) in waivers.items():
            for code in codes:
                problem = _problem(code, severities)
                if problem:
                    yield RULE.at(Location(rel, line, column), problem)
    if repo.config_doc is None:
        return
    doc = repo.config_doc
    for i, code in enumerate(repo.config.regler.av):
        problem = _problem(code, severities)
        if problem:
            yield RULE.on(doc, ("regler", "av", i), problem)
    for i, waiver in enumerate(repo.config.undantag):
        problem = _problem(waiver.regel, severities)
        if problem:
            yield RULE.on(doc, ("undantag", i, "regel"), problem)
        elif waiver.galler_till < ctx.today:
            message = (
                f"Undantaget från {waiver.regel} gällde till {waiver.galler_till.isoformat()} "
                f"och har gått ut ({waiver.ansvarig} ansvarar). Förläng det eller ta bort det."
            )
            yield RULE.on(doc, ("undantag", i, "galler_till"), message)


RULE = Rule("NV390", "invalid-waiver", "Undantaget gör ingenting", Severity.WARNING, check=check)
