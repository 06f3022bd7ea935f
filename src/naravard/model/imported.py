"""Nyckeltal imported from Kolada: one value per kommun and nyckeltal (data/region/nyckeltal-ÅÅÅÅ.yaml).

naravard writes this file (`naravard kolada hamta`, `naravard kolada import`);
people may add comments to it, and these survive the next fetch. It validates
like every other file, so a hand edit that breaks it is a positioned error.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from naravard.model.followup import FiniteNumber
from naravard.model.types import Datum, Id, StrictModel, Year

KPI_PATTERN = r"^[A-Z][0-9]{5}$"

KoladaId = Annotated[
    str,
    Field(pattern=KPI_PATTERN, description="Koladas KPI-id som värdet hämtades från, t.ex. U71411."),
]


class KoladaVarde(StrictModel):
    """Ett nyckeltalsvärde för en kommun, hämtat från Kolada (Källa: Kolada)."""

    varde: FiniteNumber | None = Field(
        description="Värdet för hela befolkningen (kön: totalt), eller null om Kolada inte har något värde."
    )
    kolada: KoladaId
    period: Year = Field(description="Året som värdet gäller enligt Kolada.")
    hamtad: Datum = Field(description="Dagen då värdet hämtades från Kolada (ÅÅÅÅ-MM-DD).")


class ImporteradeNyckeltal(StrictModel):
    """Nyckeltal för ett år, hämtade från Kolada av naravard. Källa: Kolada."""

    ar: Year = Field(description="Året som värdena gäller, samma som i filnamnet.")
    kommuner: dict[Id, dict[Id, KoladaVarde]] = Field(
        description="Per kommun (id ur strategin): nyckeltalens id och värden från Kolada."
    )
    region: dict[Id, KoladaVarde] = Field(
        default_factory=dict,
        description='Värden för hela regionen (Koladas "00" + länskod), valfritt: nyckeltal och värden.',
    )
    riket: dict[Id, KoladaVarde] = Field(
        default_factory=dict, description='Värden för hela Sverige (Koladas "0000"), valfritt.'
    )
