"""The yearly follow-up: activities and reflection, självskattning, nyckeltal (uppfoljning-ÅÅÅÅ.yaml)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from naravard.model.types import Datum, Id, Meaning, StrictModel, Text, Year, short_form

Status = Literal["planerad", "pagaende", "genomford", "pausad", "avbruten"]


class AktivitetsRapport(StrictModel):
    """Hur det gick med en aktivitet i den lokala planen under året."""

    id: Id = Field(description="Aktivitetens id i den lokala planen.")
    status: Status = Field(description="planerad, pagaende, genomford, pausad eller avbruten.")
    resultat: Text = Field(description="Vad som gjorts och vilka resultat som nåtts.")


class Reflektion(StrictModel):
    """Reflektion över året och bedömning av vägen mot målbilden."""

    lardomar: Text = Field(description="Lärdomar.")
    framgangsfaktorer: Text = Field(description="Framgångsfaktorer.")
    utmaningar: Text = Field(description="Utmaningar.")
    bedomning: Text = Field(description="Bedömning av hur arbetet går mot målbild och delmål.")


REFLECTION_KEYS: tuple[str, ...] = tuple(Reflektion.model_fields)
"""The reflection's questions, in the format's order (lardomar, framgangsfaktorer, …)."""


class Skattning(StrictModel):
    """En självskattning med kommentar."""

    varde: Annotated[int, Meaning.SCORE] = Field(description="Skattningen på strategins skala.")
    kommentar: Text | None = Field(None, description="Kommentar till skattningen (valfritt).")


Orsak = Literal["bortfall", "ej-tillampligt", "sekretess"]
FiniteNumber = Annotated[float, Field(allow_inf_nan=False)]


class Varde(StrictModel):
    """Ett nyckeltalsvärde med kommentar eller källa."""

    varde: Annotated[FiniteNumber | None, Meaning.VALUE] = Field(
        description="Värdet med decimalpunkt, t.ex. 52.1, eller null om det inte är känt."
    )
    kommentar: Text | None = Field(None, description="Kommentar (valfritt).")
    kalla: Text | None = Field(None, description="Källa (valfritt), t.ex. Kolada.")
    orsak: Orsak | None = Field(
        None,
        description="Varför värdet saknas (när varde är null): bortfall, ej-tillampligt eller sekretess.",
    )


class Uppfoljning(StrictModel):
    """En kommuns årliga uppföljning i tre delar: aktiviteter och reflektion, självskattning, nyckeltal."""

    kommun: Id = Field(description="Kommunens id, samma som mappens namn.")
    ar: Year = Field(description="Året som uppföljningen gäller, samma som i filnamnet.")
    inlamnad: Datum | None = Field(None, description="Dagen då uppföljningen lämnades in.")
    aktiviteter: list[AktivitetsRapport] = Field(description="Aktiviteterna i den lokala planen.")
    reflektion: Reflektion
    sjalvskattning: dict[Id, Annotated[Skattning, short_form("varde")]] = Field(
        description="Skattning av målbilden och varje delmål på strategins skala."
    )
    nyckeltal: dict[Id, Annotated[Varde, short_form("varde")]] = Field(
        description="Nyckeltalen för året: id och värde."
    )
