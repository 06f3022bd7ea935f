"""Filen ligger i fel kommunmapp.

En uppföljning ligger i mappen för den kommun som står under `kommun`. En lokal
plan ligger i mappen för en av sina kommuner (en gemensam plan i en av dem).

Godkänt (data/kommuner/borlange/uppfoljning-2024.yaml):

```yaml
kommun: borlange
```

Fel (NV208), samma fil:

```yaml
kommun: ludvika
```

Så rättar du: flytta filen till rätt mapp, eller rätta `kommun`.
"""

from __future__ import annotations

from collections.abc import Iterator

from naravard.findings import Finding
from naravard.rules.base import Context, Rule


def check(ctx: Context) -> Iterator[Finding]:
    """Folder names agree with `kommun` and with a plan's `kommuner`."""
    repo = ctx.repo
    for followup in repo.followups:
        folder = followup.file.folder
        if folder != followup.model.kommun:
            message = (
                f"Uppföljningen gäller `{followup.model.kommun}` men ligger i mappen "
                f"data/kommuner/{folder}/. Flytta filen till data/kommuner/"
                f"{followup.model.kommun}/ eller rätta `kommun`."
            )
            yield RULE.on(followup.doc, ("kommun",), message)
    for plan in repo.plans:
        folder = plan.file.folder
        if folder not in plan.model.kommuner:
            message = (
                f"Planen ligger i mappen data/kommuner/{folder}/ men gäller inte `{folder}`. "
                "En plan ligger i mappen för en av kommunerna under `kommuner`."
            )
            yield RULE.on(plan.doc, ("kommuner",), message, key=True)


RULE = Rule("NV208", "wrong-folder", "Filen ligger i fel kommunmapp", check=check)
