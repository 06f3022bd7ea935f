"""En kommun som inte finns i strategins lista över kommuner.

Varje kommunmapp, varje uppföljnings `kommun`, varje kommun i en lokal plans
`kommuner` och varje kommun i `data/region/nyckeltal-ÅÅÅÅ.yaml` ska vara ett id
ur strategins lista `kommuner`.

Godkänt (i data/kommuner/falun/uppfoljning-2024.yaml):

```yaml
kommun: falun
```

Fel (NV203):

```yaml
kommun: falu
```

Så rättar du: använd kommunens id ur strategin (namnet med små bokstäver,
å/ä → a, ö → o och bindestreck i stället för mellanslag).
"""

from __future__ import annotations

from collections.abc import Iterator

from naravard.findings import Finding, Location
from naravard.repository import Repository, iter_entries
from naravard.rules.base import Rule
from naravard.suggest import did_you_mean, show

RULE = Rule("NV203", "unknown-kommun", "Okänd kommun")


def _message(kommun: str, known: list[str], what: str) -> str:
    return f"{what} `{kommun}` finns inte bland strategins kommuner.{did_you_mean(kommun, known)}"


def check(repo: Repository) -> Iterator[Finding]:
    """Kommun ids in plans, follow-ups and folder names exist in the strategy."""
    for followup in repo.followups:
        revision = repo.revision_for(followup.model.ar)
        if revision is None:
            continue
        known = [k.id for k in revision.model.kommuner]
        if followup.model.kommun not in known:
            message = _message(followup.model.kommun, known, "Kommunen")
            yield followup.doc.finding(("kommun",), RULE.code, message)
    for imported in repo.imported:
        revision = repo.revision_for(imported.model.ar)
        if revision is None:
            continue
        known = [k.id for k in revision.model.kommuner]
        for kommun in imported.model.kommuner:
            if kommun not in known:
                message = _message(kommun, known, "Kommunen")
                yield imported.doc.finding(("kommuner", kommun), RULE.code, message, key=True)
    for plan in repo.plans:
        revisions = repo.revisions_for(plan.model.period.years)
        if not revisions:
            continue
        known = list(dict.fromkeys(k.id for r in revisions for k in r.model.kommuner))
        for i, kommun in enumerate(plan.model.kommuner):
            if kommun not in known:
                yield plan.doc.finding(("kommuner", i), RULE.code, _message(kommun, known, "Kommunen"))
    known_all = repo.kommun_ids()
    if not known_all:
        return
    reported: set[str] = set()
    for file in repo.files:
        if file.folder and file.folder not in known_all and file.folder not in reported:
            reported.add(file.folder)
            message = (
                _message(show(file.folder), known_all, "Mappen data/kommuner/")
                + " En kommuns mapp heter som kommunens id."
            )
            yield Finding(_first_key_of(repo, file.rel), RULE.code, message)


def _first_key_of(repo: Repository, rel: str) -> Location:
    for entry in iter_entries(repo):
        if entry.doc.rel == rel:
            return entry.doc.first_key()
    return Location(rel)
