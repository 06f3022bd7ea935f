"""Ett nyckeltal i uppföljningen skiljer sig från värdet i Kolada.

När nyckeltalen har hämtats från Kolada (`naravard kolada hamta`) finns samma
värde på två ställen: i kommunens uppföljning, om någon har skrivit in det, och
i `data/region/nyckeltal-ÅÅÅÅ.yaml`. Ett värde som skrivits av för hand är där
fel oftast uppstår.

Vilket värde som gäller (företräde):

1. Ett tal i kommunens uppföljning gäller: uppföljningen är kommunens egen
   redovisning, och en kommentar där kan förklara en avvikelse.
2. Annars gäller värdet från Kolada, med källan "Källa: Kolada". Det gäller
   också när uppföljningen skriver `null` eller inte tar med nyckeltalet.
3. Annars är värdet inte känt.

Värdena räknas som lika när uppföljningens värde är Koladas avrundat till lika
många decimaler (Kolada 61.23, uppföljningen 61.2).

Godkänt (data/kommuner/borlange/uppfoljning-2024.yaml), Kolada: 990.5:

```yaml
  undvikbar-slutenvard: 990.5
```

Varning (NV313):

```yaml
  undvikbar-slutenvard: 909.5
```

Så rättar du: stämmer Koladas värde, rätta värdet i uppföljningen eller skriv
`null`, så används Koladas. Är uppföljningens värde det rätta (t.ex. ett nyare
eller rättat värde), skriv varför i en kommentar och undanta varningen på raden:
`undvikbar-slutenvard: {varde: 786, kommentar: Rättat av Socialstyrelsen}  # naravard: ignore[NV313]`.
"""

from __future__ import annotations

from collections.abc import Iterator

from naravard.findings import Finding, Severity
from naravard.kolada.precedence import agrees
from naravard.rules.base import Context, Rule


def _shown(value: float) -> str:
    return str(int(value)) if value.is_integer() else repr(value)


def check(ctx: Context) -> Iterator[Finding]:
    """A typed nyckeltal agrees with the value imported from Kolada for the same kommun and year."""
    repo = ctx.repo
    for followup in repo.followups:
        imported = repo.imported_for(followup.model.ar)
        if imported is None:
            continue
        from_kolada = imported.model.kommuner.get(followup.model.kommun, {})
        for key, typed in followup.model.nyckeltal.items():
            kolada = from_kolada.get(key)
            if typed.varde is None or kolada is None or kolada.varde is None:
                continue
            if agrees(typed.varde, kolada.varde):
                continue
            message = (
                f"`{key}` är {_shown(typed.varde)} här men {_shown(kolada.varde)} i Kolada "
                f"({kolada.kolada}, hämtat {kolada.hamtad.isoformat()}). Värdet här gäller. Stämmer "
                "Koladas värde, rätta värdet eller skriv `null`, så används Koladas."
            )
            yield RULE.on(followup.doc, ("nyckeltal", key, "varde"), message)


RULE = Rule(
    "NV313",
    "kolada-disagrees",
    "Nyckeltalet skiljer sig från värdet i Kolada",
    Severity.WARNING,
    check=check,
)
