"""Pydantic's validation errors as Swedish findings at the right line and column."""

from __future__ import annotations

import re
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal, get_args, get_origin

from pydantic import BaseModel, ValidationError

from naravard.findings import Code, Edit, Finding, FixKind
from naravard.loader import SourceDocument
from naravard.model.codes import (
    INVALID_DATE,
    INVALID_ID,
    INVALID_NUMBER,
    INVALID_VALUE,
    MISSING_KEY,
    UNKNOWN_KEY,
    WRONG_TYPE,
)
from naravard.suggest import Guess, guess, nearest, show

_CODES: dict[str, Code] = {
    "missing": MISSING_KEY,
    "extra_forbidden": UNKNOWN_KEY,
    "literal_error": INVALID_VALUE,
    "greater_than_equal": INVALID_VALUE,
    "less_than_equal": INVALID_VALUE,
    "too_short": INVALID_VALUE,
    "too_long": INVALID_VALUE,
    "string_too_long": INVALID_VALUE,
    "float_type": INVALID_NUMBER,
    "float_parsing": INVALID_NUMBER,
    "finite_number": INVALID_NUMBER,
    "datum": INVALID_DATE,
    "tidpunkt": INVALID_DATE,
    "string_pattern_mismatch": INVALID_ID,
}


@dataclass(frozen=True)
class _Said:
    """A schema finding's message and its data."""

    message: str
    guess: Guess | None = None
    fix: Edit | None = None


def iter_schema_findings(
    doc: SourceDocument, model: type[BaseModel], error: ValidationError
) -> Iterator[Finding]:
    """One finding per mistake, located through the document's spans.

    A misspelt key is one mistake, not two: pydantic reports the key it does not know and the
    key it misses, and the second is left out when the first is its nearest match.
    """
    items = error.errors(include_input=False, include_url=False, include_context=True)
    misspelt = {
        (tuple(item["loc"][:-1]), nearest(item["loc"][-1], fields_at(model, tuple(item["loc"][:-1]))))
        for item in items
        if item["type"] == "extra_forbidden" and item["loc"]
    }
    for item in items:
        loc = tuple(item["loc"])
        if item["type"] == "missing" and loc and (loc[:-1], loc[-1]) in misspelt:
            continue
        kind = item["type"]
        is_key = bool(loc) and loc[-1] == "[key]"
        path = loc[:-1] if is_key else loc
        value = _value_at(doc.value, path)
        code = _CODES.get(kind, WRONG_TYPE)
        if kind in ("int_type", "int_parsing", "int_from_float") and isinstance(value, str):
            code = INVALID_NUMBER
        said = _message(kind, item, path, value, model, is_key=is_key)
        if kind == "missing":
            parent = path[:-1]
            location = doc.at(parent, key=True) if parent else doc.first_key()
        else:
            location = doc.at(path, key=is_key or kind == "extra_forbidden")
        yield code.at(location, said.message, guess=said.guess, fix=said.fix)


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


def _number_hint(value: Any) -> tuple[str, Edit | None]:
    """What to write instead of a number written wrong, and the edit when it needs no judgement."""
    if isinstance(value, str):
        text = value.strip()
        if re.fullmatch(r"[-+]?[0-9]+,[0-9]+", text):
            point = text.replace(",", ".")
            return f" Skriv decimaler med punkt: `{show(point, 60)}`.", Edit(text, point, FixKind.DECIMAL)
        if re.fullmatch(r"[-+]?[0-9]{1,3}([  ][0-9]{3})+([.,][0-9]+)?", text):
            fixed = re.sub(r"[  ]", "", text).replace(",", ".")
            return f" Skriv talet utan mellanslag: `{show(fixed, 60)}`.", None
        if "%" in text:
            return " Skriv bara talet, utan procenttecken (enheten står i strategin).", None
        return " Skriv ett tal med decimalpunkt, t.ex. 52.1, eller null om värdet inte är känt.", None
    return "", None


def _message(
    kind: str,
    item: Any,
    path: tuple[Any, ...],
    value: Any,
    model: type[BaseModel],
    *,
    is_key: bool,
) -> _Said:
    key = path[-1] if path else None
    if kind == "missing":
        where = _where(path[:-1]) or " i filen"
        return _Said(f"Nyckeln `{key}` saknas{where}. Den är obligatorisk.")
    if kind == "extra_forbidden":
        allowed = fields_at(model, path[:-1])
        typed = guess(key, allowed)
        listing = f" Tillåtna nycklar här: {', '.join(allowed)}." if allowed else ""
        return _Said(f"Okänd nyckel `{show(key)}`{_where(path[:-1])}.{typed.hint}{listing}", typed)
    if kind in ("datum", "tidpunkt", "sokvag"):
        return _Said(str(item["msg"]))
    if kind == "string_pattern_mismatch":
        pattern = item.get("ctx", {}).get("pattern", "")
        if "a-z" in pattern:
            what = "nyckeln" if is_key else "id:t"
            return _Said(
                f"{what.capitalize()} `{show(value if not is_key else key)}` är inte ett giltigt id. "
                "Ett id skrivs med små bokstäver a–z, siffror och bindestreck, utan å, ä, ö "
                "och mellanslag (t.ex. `nara-for-mig`)."
            )
        return _Said(f'`{show(value)}` har fel form här: skriv siffrorna inom citattecken, t.ex. "2080".')
    if kind == "literal_error":
        allowed = _literal_choices(model, path)
        typed = guess(value, allowed)
        listing = f" Tillåtna värden: {', '.join(allowed)}."
        return _Said(f"`{show(value)}` är inget tillåtet värde här.{typed.hint}{listing}", typed)
    if kind in ("float_type", "float_parsing"):
        hint, fix = _number_hint(value)
        return _Said(f"Här ska det stå ett tal, men det står {_describe(value)}.{hint}", fix=fix)
    if kind == "finite_number":
        return _Said(
            f"`{show(value)}` är inget tal som kan redovisas. Skriv värdet med siffror, "
            "eller null om det inte är känt."
        )
    if kind in ("int_type", "int_parsing", "int_from_float"):
        hint, fix = (
            (" Skriv ett heltal utan decimaler.", None) if isinstance(value, float) else _number_hint(value)
        )
        return _Said(f"Här ska det stå ett heltal, men det står {_describe(value)}.{hint}", fix=fix)
    if kind == "string_type":
        hint = ' Sätt värdet inom citattecken ("…") om det ska läsas som text.'
        return _Said(f"Här ska det stå en text, men det står {_describe(value)}.{hint}")
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return _Said(
            "Här ska det stå nycklar med värden (en mappning, `nyckel: värde` på egna rader), "
            f"men det står {_describe(value)}."
        )
    if kind == "list_type":
        return _Said(
            f"Här ska det stå en lista (rader som börjar med `- `, eller [a, b]), men det står "
            f"{_describe(value)}."
        )
    if kind in ("greater_than_equal", "less_than_equal"):
        ctx = item.get("ctx", {})
        bound = ctx.get("ge", ctx.get("le"))
        word = "minst" if kind == "greater_than_equal" else "högst"
        return _Said(f"Värdet `{show(value)}` är utanför det tillåtna: det ska vara {word} {bound}.")
    if kind == "too_short":
        return _Said("Listan får inte vara tom: ange minst ett värde.")
    if kind in ("too_long", "string_too_long"):
        return _Said("Värdet är för långt.")
    return _Said(f"Värdet {_describe(value)} har fel form här.")


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
