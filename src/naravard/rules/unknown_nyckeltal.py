"""Ett nyckeltal som inte finns i den strategiversion som gäller för året.

Listan med nyckeltal är fast och ändras bara när strategin revideras. En
uppföljning får bara redovisa nyckeltal som finns i den version av strategin
som gäller för uppföljningens år. Detsamma gäller nyckeltalen i
`data/region/nyckeltal-ÅÅÅÅ.yaml` (värden från Kolada).

Godkänt (data/kommuner/borlange/uppfoljning-2024.yaml):

```yaml
  fast-lakarkontakt: 45
```

Fel (NV202):

```yaml
  fast-lakarkontak: 45
```

Så rättar du: stava id:t som i strategin (meddelandet föreslår det närmaste),
eller ta bort raden om nyckeltalet inte längre ingår i strategin.
"""

from __future__ import annotations

from collections.abc import Iterator

from naravard.findings import Finding
from naravard.rules.base import Context, Rule, across
from naravard.suggest import guess, nearest


def check(ctx: Context) -> Iterator[Finding]:
    """Every reported nyckeltal is in the strategy revision in force for the year."""
    repo = ctx.repo
    for followup, revision in repo.in_force(repo.followups):
        known = [n.id for n in revision.model.nyckeltal]
        for key in followup.model.nyckeltal:
            if key not in known:
                where = ("nyckeltal", key)
                revised = repo.across_revision(revision, "nyckeltal", key)
                if revised is not None:
                    near = revised.new or nearest(key, known)
                    message = across(f"Nyckeltalet `{key}`", followup.model.ar, revision, revised, near)
                    yield RULE.on(followup.doc, where, message, key=True, suggestion=near)
                    continue
                said = guess(key, known)
                message = (
                    f"Nyckeltalet `{key}` finns inte i strategin som gäller för "
                    f"{followup.model.ar} ({revision.doc.rel}).{said.hint}"
                )
                yield RULE.on(followup.doc, where, message, key=True, guess=said)
    for imported, revision in repo.in_force(repo.imported):
        known = [n.id for n in revision.model.nyckeltal]
        for kommun, values in imported.model.kommuner.items():
            for key in values:
                if key not in known:
                    said = guess(key, known)
                    message = (
                        f"Nyckeltalet `{key}` finns inte i strategin som gäller för "
                        f"{imported.model.ar} ({revision.doc.rel}).{said.hint}"
                    )
                    yield RULE.on(imported.doc, ("kommuner", kommun, key), message, key=True, guess=said)


RULE = Rule(
    "NV202",
    "unknown-nyckeltal",
    "Nyckeltalet finns inte i strategin för året",
    check=check,
    fixes="`naravard fix` byter ett felstavat id mot förslaget, när det finns exakt ett.",
)
