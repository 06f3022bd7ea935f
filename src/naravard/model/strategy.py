"""The strategy: målbild, delmål, scale, nyckeltal and kommuner (data/region/strategi*.yaml)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from naravard.model.types import Datum, Id, StrictModel, Text

Enhet = Literal[
    "procent",
    "andel",
    "antal",
    "index",
    "kronor",
    "dagar",
    "per-1000-invanare",
    "per-100000-invanare",
]
Riktning = Literal["hogre", "lagre", "neutral"]


class Region(StrictModel):
    """Regionen som strategin gäller."""

    namn: Text = Field(description="Regionens namn.")
    lanskod: Annotated[str, Field(pattern=r"^[0-9]{2}$")] = Field(
        description='Länskoden med två siffror inom citattecken, t.ex. "20".'
    )


class StrategiInfo(StrictModel):
    """Strategins namn, diarienummer och giltighetstid."""

    namn: Text = Field(description="Strategins fullständiga namn.")
    diarienummer: Text = Field(description="Beslutets diarienummer.")
    giltig_from: Datum = Field(description="Första dag som strategin gäller (ÅÅÅÅ-MM-DD).")
    giltig_tom: Datum = Field(description="Sista dag som strategin gäller (ÅÅÅÅ-MM-DD).")


class Malbild(StrictModel):
    """Målbilden som delmålen bryter ned."""

    id: Id
    namn: Text = Field(description="Målbildens namn.")


class Delmal(StrictModel):
    """Ett delmål (eller fokusområde) i målbilden."""

    id: Id
    namn: Text = Field(description="Delmålets namn, t.ex. Nära för mig.")
    beskrivning: Text | None = Field(None, description="Vad delmålet innebär.")
    skattningsfraga: Text | None = Field(
        None, description="Påståendet som kommunen skattar sig mot i självskattningen."
    )


class Skala(StrictModel):
    """Skalan för självskattningen, med en etikett för varje steg."""

    min: int = Field(description="Skalans lägsta värde, t.ex. 1.")
    max: int = Field(description="Skalans högsta värde, t.ex. 4.")
    etiketter: dict[int, Text] = Field(
        description="En etikett för varje heltal från min till max, t.ex. 1: Stämmer inte alls."
    )


class Nyckeltal(StrictModel):
    """Ett nyckeltal i strategins fasta lista."""

    id: Id
    namn: Text = Field(description="Nyckeltalets namn.")
    delmal: Id = Field(description="Id för delmålet som nyckeltalet följer upp.")
    enhet: Enhet = Field(description="Enheten som värdet anges i.")
    riktning: Riktning = Field(description="Vilket håll som är bättre: hogre, lagre eller neutral.")
    kalla: Text = Field(description="Var värdet kommer ifrån.")
    kolada: Annotated[str, Field(pattern=r"^[A-Z][0-9]{5}$")] | None = Field(
        None, description="Koladas KPI-id som värdet kan hämtas från, t.ex. U71411."
    )


class Kommun(StrictModel):
    """En kommun i regionen."""

    id: Id
    kod: Annotated[str, Field(pattern=r"^[0-9]{4}$")] = Field(
        description='Kommunkoden med fyra siffror inom citattecken, t.ex. "2080".'
    )
    namn: Text = Field(description="Kommunens namn.")


class Benamningar(StrictModel):
    """Vad regionen kallar målbilden och delmålen, i rapporter och jämförelser (valfritt)."""

    malbild: Text = Field("målbilden", description="Målbilden i löptext, bestämd form: t.ex. framtidsbilden.")
    delmal: Text = Field("delmål", description="Ett delmål, obestämd form: t.ex. strategi.")
    delmal_plural: Text = Field("delmål", description="Flera delmål, obestämd form: t.ex. strategier.")


class Ersattning(StrictModel):
    """Id:n i förra versionen av strategin och de id:n som ersätter dem i den här."""

    delmal: dict[Id, Id] = Field(
        default_factory=dict, description="Förra versionens delmål-id → det här versionens."
    )
    nyckeltal: dict[Id, Id] = Field(
        default_factory=dict, description="Förra versionens nyckeltals-id → det här versionens."
    )


class Strategi(StrictModel):
    """En regions strategi för nära vård: målbild, delmål, skala, nyckeltal och kommuner."""

    region: Region
    strategi: StrategiInfo
    malbild: Malbild
    delmal: list[Delmal] = Field(min_length=1, description="Målbildens delmål.")
    skala: Skala
    nyckeltal: list[Nyckeltal] = Field(description="Den fasta listan med nyckeltal.")
    kommuner: list[Kommun] = Field(min_length=1, description="Regionens kommuner.")
    principer: list[Text] = Field(default_factory=list, description="Enkla principer för samverkan.")
    benamningar: Benamningar = Field(
        default_factory=lambda: Benamningar(),
        description="Vad målbilden och delmålen kallas i regionen (valfritt; standard: målbilden, delmål).",
    )
    ersatter: Ersattning | None = Field(
        None,
        description=(
            "För en reviderad strategi (valfritt): vilka id:n i förra versionen som motsvaras av "
            "vilka i den här, så att jämförelser över revisionen blir möjliga."
        ),
    )
