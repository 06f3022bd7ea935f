"""The repository's configuration, `naravard.yaml` at its root: rules on and off, options, waivers.

It is validated like the data, with positions, so a mistake in it gets the same
kind of message as a mistake in a follow-up. The rules' options (`regler:` besides
`av`) are declared by the rules themselves (`Rule.options`) and validated here,
all in one place, against a model built from those declarations.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import Field, ValidationError, create_model, field_validator
from pydantic_core import PydanticCustomError

from naravard.findings import Finding
from naravard.loader import SourceDocument
from naravard.model.messages import iter_schema_findings
from naravard.model.types import Datum, StrictModel, Text
from naravard.suggest import show

if TYPE_CHECKING:
    from naravard.rules.base import AnyOption

RuleCode = Annotated[str, Field(pattern=r"^NV[0-9]{3}$", description="En regelkod, t.ex. NV309.")]


class Regler(StrictModel):
    """Vilka granskningsregler som används och deras gränsvärden."""

    av: list[RuleCode] = Field(default_factory=list, description="Regler (varningar) som är avstängda.")


class Undantag(StrictModel):
    """Ett undantag från en granskningsregel, med skäl, ansvarig och slutdatum."""

    regel: RuleCode
    fil: Text | None = Field(
        None, description="Fil eller mapp (från repositoriets rot) som undantaget gäller; utan: alla."
    )
    skal: Annotated[str, Field(min_length=3)] = Field(description="Varför undantaget behövs.")
    ansvarig: Annotated[str, Field(min_length=2)] = Field(description="Vem som ansvarar för undantaget.")
    galler_till: Datum = Field(description="Sista dag undantaget gäller; därefter visas varningen igen.")

    @field_validator("fil")
    @classmethod
    def _inside(cls, fil: str | None) -> str | None:
        # `/etc/passwd` or `../x` names nothing in the repository: said, never silently ignored.
        if fil is None:
            return fil
        parts = fil.replace("\\", "/").split("/")
        if fil.startswith(("/", "\\")) or ".." in parts or (len(fil) > 1 and fil[1] == ":"):
            raise PydanticCustomError(
                "sokvag",
                f"`{show(fil)}` ligger inte i repositoriet: skriv filen eller mappen från repositoriets "
                "rot, t.ex. `data/kommuner/falun` (utan / först och utan ..).",
            )
        return fil

    def covers(self, code: str, rel: str, today: date) -> bool:
        """True when this waiver silences `code` in the file `rel` today."""
        if self.regel != code or today > self.galler_till:
            return False
        where = (self.fil or "").strip("/")
        return not where or rel == where or rel.startswith(where + "/")


class Konfiguration(StrictModel):
    """Inställningar för naravard i det här repositoriet (naravard.yaml)."""

    regler: Regler = Field(default_factory=lambda: Regler())
    undantag: list[Undantag] = Field(default_factory=list, description="Undantag från granskningsregler.")


def with_options(options: Iterable[AnyOption]) -> type[Konfiguration]:
    """The model of naravard.yaml in which `regler` also holds these options, typed and with defaults."""
    fields: dict[str, Any] = {
        o.key: (
            Annotated[o.type, Field(gt=o.above, allow_inf_nan=False)] if o.type is not str else str,
            Field(o.default, description=o.summary),
        )
        for o in options
    }
    regler = create_model("Regler", __base__=Regler, **fields)
    konfiguration: type[Konfiguration] = create_model(
        "Konfiguration", __base__=Konfiguration, regler=(regler, Field(default_factory=regler))
    )
    return konfiguration


@functools.cache
def _model() -> type[Konfiguration]:
    from naravard.rules import ALL_RULES  # the rules import the repository, which imports this module

    return with_options(o for rule in ALL_RULES for o in rule.options)


def load_config(doc: SourceDocument) -> tuple[Konfiguration, list[Finding]]:
    """The configuration of a loaded `naravard.yaml`, or the defaults and what is wrong with it."""
    if not doc.ok:
        return Konfiguration(), list(doc.findings)
    model = _model()
    try:
        return model.model_validate(doc.value), []
    except ValidationError as error:
        return Konfiguration(), list(iter_schema_findings(doc, model, error))
