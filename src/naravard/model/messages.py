"""Pydantic's validation errors as Swedish findings at the right line and column."""

from __future__ import annotations

import re
import types
import typing
from collections.abc import Iterator
from typing import Any, Literal, get_args, get_origin

from pydantic import BaseModel, ValidationError

from naravard.findings import Finding
from naravard.loader import SourceDocument
from naravard.suggest import did_you_mean, show

_CODES = {
    "missing": "NV102",
    "extra_forbidden": "NV103",
    "literal_error": "NV104",
    "greater_than_equal": "NV104",
    "less_than_equal": "NV104",
    "too_short": "NV104",
    "too_long": "NV104",
    "string_too_long": "NV104",
    "float_type": "NV105",
    "float_parsing": "NV105",
    "finite_number": "NV105",
    "datum": "NV106",
    "tidpunkt": "NV106",
    "string_pattern_mismatch": "NV107",
}


def iter_schema_findings(
    doc: SourceDocument, model: type[BaseModel], error: ValidationError
) -> Iterator[Finding]:
    """One finding per pydantic error, located through the document's spans."""
    for item in error.errors(include_input=False, include_url=False, include_context=True):
        loc = tuple(item["loc"])
        kind = item["type"]
        is_key = bool(loc) and loc[-1] == "[key]"
        path = loc[:-1] if is_key else loc
        value = _value_at(doc.value, path)
        code = _CODES.get(kind, "NV101")
        if kind in ("int_type", "int_parsing", "int_from_float") and isinstance(value, str):
            code = "NV105"
        message = _message(kind, item, path, value, model, is_key=is_key)
        if kind == "missing":
            parent = path[:-1]
            location = doc.at(parent, key=True) if parent else doc.first_key()
            yield Finding(location, code, message)
        else:
            yield doc.finding(path, code, message, key=is_key or kind == "extra_forbidden")


def _value_at(data: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        if isinstance(data, dict):
            if part not in data:
                return None
            data = data[part]
        elif isinstance(data, list) and isinstance(part, int) and part < len(data):
            data = data[part]
        else:
            return data  # the short form: `id: 3` stands for `id: {varde: 3}`
    return data


def _where(path: tuple[Any, ...]) -> str:
    names = [p for p in path if isinstance(p, str)]
    return f" under `{names[-1]}`" if names else ""


def _describe(value: Any) -> str:
    if value is None:
        return "ingenting (ett tomt värde)"
    if isinstance(value, bool):
        return f"ett sant/falskt-värde (`{'true' if value else 'false'}`)"
    if isinstance(value, (int, float)):
        return f"talet `{show(value)}`"
    if isinstance(value, str):
        return f"texten `{show(value)}`"
    if isinstance(value, list):
        return "en lista (rader som börjar med `- `)"
    if isinstance(value, dict):
        return "en mappning (nycklar med värden)"
    return "något annat"


def _number_hint(value: Any) -> str:
    if isinstance(value, str):
        text = value.strip()
        if re.fullmatch(r"[-+]?[0-9]+,[0-9]+", text):
            return f" Skriv decimaler med punkt: `{show(text.replace(',', '.'), 60)}`."
        if re.fullmatch(r"[-+]?[0-9]{1,3}([  ][0-9]{3})+([.,][0-9]+)?", text):
            fixed = re.sub(r"[  ]", "", text).replace(",", ".")
            return f" Skriv talet utan mellanslag: `{show(fixed, 60)}`."
        if "%" in text:
            return " Skriv bara talet, utan procenttecken (enheten står i strategin)."
        return " Skriv ett tal med decimalpunkt, t.ex. 52.1, eller null om värdet inte är känt."
    return ""


def _message(
    kind: str,
    item: Any,
    path: tuple[Any, ...],
    value: Any,
    model: type[BaseModel],
    *,
    is_key: bool,
) -> str:
    key = path[-1] if path else None
    if kind == "missing":
        where = _where(path[:-1]) or " i filen"
        return f"Nyckeln `{key}` saknas{where}. Den är obligatorisk."
    if kind == "extra_forbidden":
        allowed = fields_at(model, path[:-1])
        hint = did_you_mean(key, allowed)
        listing = f" Tillåtna nycklar här: {', '.join(allowed)}." if allowed else ""
        return f"Okänd nyckel `{show(key)}`{_where(path[:-1])}.{hint}{listing}"
    if kind in ("datum", "tidpunkt", "sokvag"):
        return str(item["msg"])
    if kind == "string_pattern_mismatch":
        pattern = item.get("ctx", {}).get("pattern", "")
        if "a-z" in pattern:
            what = "nyckeln" if is_key else "id:t"
            return (
                f"{what.capitalize()} `{show(value if not is_key else key)}` är inte ett giltigt id. "
                "Ett id skrivs med små bokstäver a–z, siffror och bindestreck, utan å, ä, ö "
                "och mellanslag (t.ex. `nara-for-mig`)."
            )
        return f'`{show(value)}` har fel form här: skriv siffrorna inom citattecken, t.ex. "2080".'
    if kind == "literal_error":
        allowed = _literal_choices(model, path)
        hint = did_you_mean(value, allowed)
        return f"`{show(value)}` är inget tillåtet värde här.{hint} Tillåtna värden: {', '.join(allowed)}."
    if kind in ("float_type", "float_parsing"):
        return f"Här ska det stå ett tal, men det står {_describe(value)}.{_number_hint(value)}"
    if kind == "finite_number":
        return (
            f"`{show(value)}` är inget tal som kan redovisas. Skriv värdet med siffror, "
            "eller null om det inte är känt."
        )
    if kind in ("int_type", "int_parsing", "int_from_float"):
        hint = " Skriv ett heltal utan decimaler." if isinstance(value, float) else _number_hint(value)
        return f"Här ska det stå ett heltal, men det står {_describe(value)}.{hint}"
    if kind == "string_type":
        hint = ' Sätt värdet inom citattecken ("…") om det ska läsas som text.'
        return f"Här ska det stå en text, men det står {_describe(value)}.{hint}"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return (
            "Här ska det stå nycklar med värden (en mappning, `nyckel: värde` på egna rader), "
            f"men det står {_describe(value)}."
        )
    if kind == "list_type":
        return (
            f"Här ska det stå en lista (rader som börjar med `- `, eller [a, b]), men det står "
            f"{_describe(value)}."
        )
    if kind in ("greater_than_equal", "less_than_equal"):
        ctx = item.get("ctx", {})
        bound = ctx.get("ge", ctx.get("le"))
        word = "minst" if kind == "greater_than_equal" else "högst"
        return f"Värdet `{show(value)}` är utanför det tillåtna: det ska vara {word} {bound}."
    if kind == "too_short":
        return "Listan får inte vara tom: ange minst ett värde."
    if kind in ("too_long", "string_too_long"):
        return "Värdet är för långt."
    return f"Värdet {_describe(value)} har fel form här."


def _unwrap(annotation: Any) -> Any:
    """The model, list or dict type inside Optional/Annotated wrappers."""
    while True:
        origin = get_origin(annotation)
        if origin is typing.Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in get_args(annotation) if a is not type(None)]
            annotation = args[0] if len(args) == 1 else annotation
            if len(args) != 1:
                return annotation
        else:
            return annotation


def _type_at(model: type[BaseModel], path: tuple[Any, ...]) -> Any:
    current: Any = model
    for part in path:
        current = _unwrap(current)
        origin = get_origin(current)
        if isinstance(current, type) and issubclass(current, BaseModel):
            field = current.model_fields.get(str(part))
            if field is None:
                return None
            current = field.annotation
        elif origin is list:
            current = get_args(current)[0]
        elif origin is dict:
            current = get_args(current)[1]
        else:
            return None
    return _unwrap(current)


def fields_at(model: type[BaseModel], path: tuple[Any, ...]) -> list[str]:
    """The keys allowed in the mapping at `path` of a file of this model."""
    found = _type_at(model, path)
    if isinstance(found, type) and issubclass(found, BaseModel):
        return list(found.model_fields)
    return []


def _literal_choices(model: type[BaseModel], path: tuple[Any, ...]) -> list[str]:
    found = _type_at(model, path)
    if get_origin(found) is Literal:
        return [str(a) for a in get_args(found)]
    return []
