"""En kommun som inte finns i strategins lista över kommuner.

Varje kommunmapp, varje uppföljnings `kommun`, varje kommun i en lokal plans
`kommuner` och varje kommun i `data/region/nyckeltal-ÅÅÅÅ.yaml` ska vara ett id
ur strategins lista `kommuner`.

Godkänt (data/kommuner/borlange/uppfoljning-2024.yaml):

```yaml
kommun: borlange
```

Fel (NV203):

```yaml
kommun: borlang
```

Så rättar du: använd kommunens id ur strategin (namnet med små bokstäver,
å/ä → a, ö → o och bindestreck i stället för mellanslag).
"""

from __future__ import annotations

from collections.abc import Iterator

from naravard.findings import Finding, Location
from naravard.repository import Repository, iter_entries
from naravard.rules.base import Context, Rule
from naravard.suggest import Guess, guess, show


def _message(kommun: str, said: Guess, what: str) -> str:
    return f"{what} `{kommun}` finns inte bland strategins kommuner.{said.hint}"


def check(ctx: Context) -> Iterator[Finding]:
    """Kommun ids in plans, follow-ups and folder names exist in the strategy."""
    repo = ctx.repo
    for followup, revision in repo.in_force(repo.followups):
        known = [k.id for k in revision.model.kommuner]
        if followup.model.kommun not in known:
            said = guess(followup.model.kommun, known)
            message = _message(followup.model.kommun, said, "Kommunen")
            yield RULE.on(followup.doc, ("kommun",), message, guess=said)
    for imported, revision in repo.in_force(repo.imported):
        known = [k.id for k in revision.model.kommuner]
        for kommun in imported.model.kommuner:
            if kommun not in known:
                said = guess(kommun, known)
                message = _message(kommun, said, "Kommunen")
                yield RULE.on(imported.doc, ("kommuner", kommun), message, key=True, guess=said)
    for plan in repo.plans:
        revisions = repo.revisions_for(plan.model.period.years)
        if not revisions:
            continue
        known = list(dict.fromkeys(k.id for r in revisions for k in r.model.kommuner))
        for i, kommun in enumerate(plan.model.kommuner):
            if kommun not in known:
                said = guess(kommun, known)
                yield RULE.on(plan.doc, ("kommuner", i), _message(kommun, said, "Kommunen"), guess=said)
    known_all = repo.kommun_ids()
    if not known_all:
        return
    reported: set[str] = set()
    for file in repo.files:
        if file.folder and file.folder not in known_all and file.folder not in reported:
            reported.add(file.folder)
            message = (
                _message(show(file.folder), guess(file.folder, known_all), "Mappen data/kommuner/")
                + " En kommuns mapp heter som kommunens id."
            )
            yield RULE.at(_first_key_of(repo, file.rel), message)  # a folder to rename: no fix


def _first_key_of(repo: Repository, rel: str) -> Location:
    for entry in iter_entries(repo):
        if entry.doc.rel == rel:
            return entry.doc.first_key()
    return Location(rel)


RULE = Rule(
    "NV203",
    "unknown-kommun",
    "Okänd kommun",
    check=check,
    fixes="`naravard fix` byter ett felstavat id mot förslaget, när det finns exakt ett.",
)
