"""The local plan: which activities, when, how, by whom and how followed up (lokal-plan.yaml)."""

from __future__ import annotations

from pydantic import Field

from naravard.model.types import Datum, Id, StrictModel, Text, TidpunktField, Year


class Period(StrictModel):
    """Åren som planen gäller, båda medräknade."""

    fran: Year = Field(description="Första året planen gäller.")
    till: Year = Field(description="Sista året planen gäller.")

    @property
    def years(self) -> range:
        """Every year of the period, both ends included."""
        return range(self.fran, self.till + 1)


class Nar(StrictModel):
    """När aktiviteten pågår."""

    start: TidpunktField
    slut: TidpunktField


class Aktivitet(StrictModel):
    """En aktivitet i den lokala planen: vad, hur, när, vem som ansvarar och hur den följs upp."""

    id: Id = Field(description="Aktivitetens id; uppföljningarna hänvisar till det.")
    titel: Text = Field(description="Aktivitetens namn.")
    delmal: list[Id] = Field(min_length=1, description="Delmål som aktiviteten bidrar till.")
    vad: Text = Field(description="Vad ska göras?")
    hur: Text = Field(description="Hur ska det göras?")
    nar: Nar = Field(description="När: start och slut.")
    ansvarig: Text = Field(description="Vem ansvarar?")
    uppfoljning: Text = Field(description="Hur följs aktiviteten upp?")
    malgrupp: Text | None = Field(None, description="Målgrupp (valfritt), t.ex. äldre.")
    prioritering: Id | None = Field(
        None, description="Id för en prioritering i den regionala handlingsplanen (valfritt)."
    )

    def runs_in(self, year: int) -> bool:
        """True when the activity's time (`nar`) holds some of `year` (FORMAT.md rule 5)."""
        return self.nar.start.first.year <= year <= self.nar.slut.last.year


class LokalPlan(StrictModel):
    """En lokal plan för nära vård, för en kommun eller gemensam för flera."""

    kommuner: list[Id] = Field(
        min_length=1, description="Kommunerna som planen gäller (flera för en gemensam plan)."
    )
    titel: Text = Field(description="Planens titel.")
    period: Period
    antagen: Datum | None = Field(None, description="Dagen då planen antogs (valfritt).")
    parter: list[Text] = Field(description="Parterna bakom planen.")
    aktiviteter: list[Aktivitet] = Field(description="Planens aktiviteter.")
