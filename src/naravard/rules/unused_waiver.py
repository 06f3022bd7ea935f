"""Ett undantag som inte tystar någon varning.

Ett undantag (`# naravard: ignore[NV301]` på raden eller raden ovanför, eller en
post under `undantag` i naravard.yaml) som ingen varning längre träffar är
kvar av misstag: varningen är rättad, undantaget står på fel rad, eller `fil`
eller regelkoden är fel. Kvarglömda undantag döljer nästa varning som hamnar
där. Kontrolleras bara när repositoriet är utan fel, eftersom ett fel kan dölja
varningen som undantaget gäller.

Godkänt (raden har ett tomt svar, som NV301 varnar för):

```yaml
  utmaningar: TODO  # naravard: ignore[NV301] skrivs i mars
```

Varning (NV391), när svaret är ifyllt:

```yaml
  utmaningar: Olika journalsystem.  # naravard: ignore[NV301] skrivs i mars
```

Så rättar du: ta bort undantaget, eller flytta det till raden med varningen
och rätta regelkoden eller `fil`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date

from naravard.findings import Code, Finding, Location, Severity
from naravard.loader import SourceDocument
from naravard.repository import Repository
from naravard.waivers import Configured, Inline, all_waivers, silencers

# Not a `Rule`: it judges the other rules' findings, so it runs after them, before waiving
# (naravard.core.check); its examples are in tests/test_lint.py.
UNUSED_WAIVER = Code(
    "NV391", "unused-waiver", "Undantaget tystar ingen varning", Severity.WARNING, doc=__doc__ or ""
)


def check(repo: Repository, findings: Sequence[Finding], today: date) -> Iterator[Finding]:
    """Every waiver silences at least one of the repository's warnings (`findings`, before waiving)."""
    from naravard.codes import all_codes  # the registry imports this module

    if any(f.severity is Severity.ERROR for f in findings):
        return
    warning_codes = {c.code for c in all_codes() if c.severity is Severity.WARNING}
    used = {waiver for finding in findings for waiver in silencers(finding, repo, today)}
    for waiver in all_waivers(repo):
        if waiver in used:
            continue
        if isinstance(waiver, Inline):
            if waiver.code in warning_codes:  # otherwise NV390 says what is wrong with it
                name = f"`# naravard: ignore[{waiver.code}]`"
                message = _message(repo, waiver.code, name, "på raden eller raden nedanför")
                yield UNUSED_WAIVER.at(Location(waiver.file, waiver.line, waiver.column), message)
        elif repo.config_doc is not None:
            yield from _configured(repo, repo.config_doc, waiver, warning_codes, today)


def _configured(
    repo: Repository, doc: SourceDocument, waiver: Configured, warning_codes: set[str], today: date
) -> Iterator[Finding]:
    undantag = repo.config.undantag[waiver.index]
    if undantag.regel not in warning_codes or undantag.galler_till < today:
        return  # NV390 says what is wrong: an unknown rule, an error or an expired waiver
    where = f" för {undantag.fil}" if undantag.fil else ""
    name = f"Undantaget från {undantag.regel}{where} ({undantag.ansvarig})"
    message = _message(repo, undantag.regel, name, f"i {undantag.fil}" if undantag.fil else "någonstans")
    yield UNUSED_WAIVER.at(doc.at(("undantag", waiver.index, "regel")), message)


def _message(repo: Repository, code: str, name: str, where: str) -> str:
    if code in repo.config.regler.av:
        return f"{name} behövs inte: {code} är avstängd under `regler: av:` i naravard.yaml. Ta bort det."
    return (
        f"{name} tystar ingen varning: det finns ingen {code} {where}. Är varningen rättad, "
        "ta bort undantaget; annars flytta det eller rätta regelkoden."
    )
