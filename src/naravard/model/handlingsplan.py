"""The regional handlingsplan: the year's priorities (data/region/handlingsplan-ÅÅÅÅ.yaml)."""

from __future__ import annotations

from pydantic import Field

from naravard.model.types import Datum, Id, StrictModel, Text, Year


class Prioritering(StrictModel):
    """En prioritering i den regionala handlingsplanen."""

    id: Id = Field(description="Prioriteringens id; lokala planer hänvisar till det.")
    titel: Text = Field(description="Prioriteringens namn.")
    delmal: list[Id] = Field(min_length=1, description="Delmål som prioriteringen gäller.")
    malgrupp: Text | None = Field(None, description="Målgrupp (valfritt).")
    beskrivning: Text = Field(description="Vad prioriteringen innebär.")


class Handlingsplan(StrictModel):
    """Den regionala handlingsplanen för ett år, beslutad av systemledningen."""

    ar: Year = Field(description="Året som handlingsplanen gäller.")
    beslutad: Datum = Field(description="Dagen då handlingsplanen beslutades.")
    beslutad_av: Text = Field(description="Vem som beslutade, t.ex. Systemledningen.")
    prioriteringar: list[Prioritering] = Field(description="Årets prioriteringar.")
