"""Ett nyckeltal utanför det rimliga för sin enhet.

En procentsats över 100, en andel över 1 eller ett negativt antal kan inte
stämma. Enheten står i strategin.

Godkänt (data/kommuner/borlange/uppfoljning-2024.yaml), enheten är procent:

```yaml
  fast-lakarkontakt: 45
```

Varning (NV308):

```yaml
  fast-lakarkontakt: 145
```

Så rättar du: kontrollera värdet och decimalpunkten mot källan.
"""

from __future__ import annotations

from collections.abc import Iterator

from naravard.findings import Finding, Severity
from naravard.rules.base import Context, Rule

# unit → (lowest, highest, how the bound is said); None: no bound on that side.
RANGES: dict[str, tuple[float | None, float | None, str]] = {
    "procent": (0, 100, "mellan 0 och 100"),
    "andel": (0, 1, "mellan 0 och 1"),
    "antal": (0, None, "0 eller mer"),
    "kronor": (0, None, "0 eller mer"),
    "dagar": (0, None, "0 eller mer"),
    "per-1000-invanare": (0, None, "0 eller mer"),  # läkarbesök per 1 000 inv. kan vara över 1 000
    "per-100000-invanare": (0, None, "0 eller mer"),
}


def check(ctx: Context) -> Iterator[Finding]:
    """Values lie within what their unit allows."""
    repo = ctx.repo
    for followup, revision in repo.in_force(repo.followups):
        units = {n.id: n.enhet for n in revision.model.nyckeltal}
        for key, value in followup.model.nyckeltal.items():
            unit = units.get(key)
            if value.varde is None or unit not in RANGES:
                continue
            low, high, said = RANGES[unit]
            if (low is not None and value.varde < low) or (high is not None and value.varde > high):
                message = (
                    f"`{key}` anges i {unit} och bör vara {said}, men är {value.varde:g}. "
                    "Kontrollera värdet och decimalpunkten."
                )
                yield RULE.on(followup.doc, ("nyckeltal", key, "varde"), message)


RULE = Rule(
    "NV308",
    "nyckeltal-implausible",
    "Nyckeltalet är orimligt för sin enhet",
    Severity.WARNING,
    check=check,
)
