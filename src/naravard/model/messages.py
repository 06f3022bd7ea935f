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
from naravard.model.hints import (
    Hint,
    date_hint,
    id_hint,
    integer_hint,
    list_hint,
    score_hint,
    text_hint,
    value_hint,
)
from naravard.model.types import Meaning
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
    right: str | None = None


def _hinted(message: str, hint: Hint) -> _Said:
    return _Said(message + hint.text, fix=hint.fix, right=hint.right)


def iter_schema_findings(
    doc: SourceDocument,
    model: type[BaseModel],
    error: ValidationError,
    *,
    scale: tuple[int, int] | None = None,
) -> Iterator[Finding]:
    """One finding per mistake, located through the document's spans.

    A misspelt key is one mistake, not two: pydantic reports the key it does not know and the
    key it misses, and the second is left out when the first is its nearest match. `scale`
    (the strategy's min and max) lets a score's message name the steps.
    """
    items = error.errors(include_input=False, include_url=False, include_context=True)
    misspelt = {
        (tuple(item["loc"][:-1]), nearest(item["loc"][-1], fields_at(model, tuple(item["loc"][:-1]))))
        for item in items
        if item["type"] == "extra_forbidden" and item["loc"]
    }
    source = _Source(doc)
    for item in items:
        loc = tuple(item["loc"])
        if item["type"] == "missing" and loc and (loc[:-1], loc[-1]) in misspelt:
            continue
        kind = item["type"]
        if kind == "invalid_key":
            comma = _comma_in_braces(doc, loc, source)
            if comma is not None:
                yield comma
                continue
        is_key = bool(loc) and loc[-1] == "[key]"
        path = loc[:-1] if is_key else loc
        value = _value_at(doc.value, path)
        code = _CODES.get(kind, WRONG_TYPE)
        if kind in ("int_type", "int_parsing", "int_from_float") and isinstance(value, str):
            code = INVALID_NUMBER
        if kind == "missing":
            parent = path[:-1]
            location = doc.at(parent, key=True) if parent else doc.first_key()
        else:
            location = doc.at(path, key=is_key or kind == "extra_forbidden")
        field = _Field(meaning_at(model, path), scale, source.at(location.line, location.column))
        said = _message(kind, item, path, value, model, field, is_key=is_key)
        yield code.at(location, said.message, guess=said.guess, fix=said.fix, suggestion=said.right)


class _Source:
    """The file's lines, read once and only if a hint needs to see what was written."""

    def __init__(self, doc: SourceDocument) -> None:
        self._doc = doc
        self._lines: list[str] | None = None

    def at(self, line: int, column: int) -> str | None:
        """The rest of the line from a 1-based position, as written."""
        if self._lines is None:
            reload = self._doc.reload
            data = reload() if reload is not None else b""
            self._lines = data.decode("utf-8", errors="replace").lstrip("\ufeff").split("\n")
        if not 0 < line <= len(self._lines):
            return None
        return self._lines[line - 1].rstrip("\r")[column - 1 :]


@dataclass(frozen=True)
class _Field:
    """What the hints know of the field in error: what it holds, the scale, what was written."""

    meaning: Meaning | None
    scale: tuple[int, int] | None
    source: str | None


_IN_BRACES = re.compile(r"([-+]?[0-9]+),([0-9]+)")


def _comma_in_braces(doc: SourceDocument, loc: tuple[Any, ...], source: _Source) -> Finding | None:
    """`{varde: 50,2, kommentar: …}`: the comma splits the number; YAML reads `50` and a key `2`."""
    parent = _value_at(doc.value, loc[:-1])
    if not isinstance(parent, dict) or parent.get(loc[-1], 0) is not None:
        return None
    keys = list(parent)
    at = keys.index(loc[-1]) if loc[-1] in keys else 0
    if at == 0 or type(parent[keys[at - 1]]) is not int:
        return None
    location = doc.at((*loc[:-1], keys[at - 1]))
    written = _IN_BRACES.match(source.at(location.line, location.column) or "")
    if written is None:
        return None
    point = f"{written.group(1)}.{written.group(2)}"
    message = (
        f"Inom klamrar {{…}} skiljer kommat värdena åt, så `{written.group()}` läses som talet "
        f"`{written.group(1)}` och en nyckel `{written.group(2)}`. Skriv decimaler med punkt: `{point}`."
    )
    fix = Edit(written.group(), point, FixKind.DECIMAL)
    return INVALID_NUMBER.at(location, message, fix=fix, suggestion=point)


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


def _message(
    kind: str,
    item: Any,
    path: tuple[Any, ...],
    value: Any,
    model: type[BaseModel],
    field: _Field,
    *,
    is_key: bool,
) -> _Said:
    key = path[-1] if path else None
    if field.meaning is Meaning.SCORE and kind != "missing":
        hint = score_hint(value, field.source, field.scale)
        return _hinted(f"Här ska det stå en självskattning, men det står {_describe(value)}.", hint)
    if kind == "missing":
        where = _where(path[:-1]) or " i filen"
        return _Said(f"Nyckeln `{key}` saknas{where}. Den är obligatorisk.")
    if kind == "extra_forbidden":
        allowed = fields_at(model, path[:-1])
        typed = guess(key, allowed)
        listing = f" Tillåtna nycklar här: {', '.join(allowed)}." if allowed else ""
        return _Said(f"Okänd nyckel `{show(key)}`{_where(path[:-1])}.{typed.hint}{listing}", typed)
    if kind in ("datum", "tidpunkt"):
        return _hinted(str(item["msg"]), date_hint(value, field.source))
    if kind == "sokvag":
        return _Said(str(item["msg"]))
    if kind == "string_pattern_mismatch":
        pattern = item.get("ctx", {}).get("pattern", "")
        if "a-z" in pattern:
            what = "nyckeln" if is_key else "id:t"
            written = key if is_key else value
            better = id_hint(written, field.source)
            rule = (
                " Ett id skrivs med små bokstäver a–z, siffror och bindestreck, utan å, ä, ö "
                "och mellanslag (t.ex. `nara-for-mig`)."
            )
            return _hinted(
                f"{what.capitalize()} `{show(written)}` är inte ett giltigt id.{better.text or rule}",
                Hint("", better.right, better.fix),
            )
        return _Said(f'`{show(value)}` har fel form här: skriv siffrorna inom citattecken, t.ex. "2080".')
    if kind == "literal_error":
        allowed = _literal_choices(model, path)
        listing = f" Tillåtna värden: {', '.join(allowed)}."
        if value is None:
            return _Said(f"Här ska det stå ett av de tillåtna värdena, men det står ingenting.{listing}")
        typed = guess(value, allowed)
        return _Said(f"`{show(value)}` är inget tillåtet värde här.{typed.hint}{listing}", typed)
    if kind in ("float_type", "float_parsing"):
        hint = value_hint(value, field.source)
        return _hinted(f"Här ska det stå ett tal, men det står {_describe(value)}.", hint)
    if kind == "finite_number":
        return _Said(
            f"`{show(value)}` är inget tal som kan redovisas. Skriv värdet med siffror, "
            "eller null om det inte är känt."
        )
    if kind in ("int_type", "int_parsing", "int_from_float"):
        hint = integer_hint(field.meaning, value, field.source)
        return _hinted(f"Här ska det stå ett heltal, men det står {_describe(value)}.", hint)
    if kind == "string_type":
        return _hinted(
            f"Här ska det stå en text, men det står {_describe(value)}.", text_hint(value, field.source)
        )
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return _Said(
            "Här ska det stå nycklar med värden (en mappning, `nyckel: värde` på egna rader), "
            f"men det står {_describe(value)}."
        )
    if kind == "list_type":
        return _hinted(
            f"Här ska det stå en lista (rader som börjar med `- `, eller [a, b]), men det står "
            f"{_describe(value)}.",
            list_hint(value, field.source),
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


def meaning_at(model: type[BaseModel], path: tuple[Any, ...]) -> Meaning | None:
    """What the field at `path` holds (model/types.Meaning), when its model says."""
    if not path:
        return None
    container = _type_at(model, path[:-1])
    if not (isinstance(container, type) and issubclass(container, BaseModel)):
        return None
    field = container.model_fields.get(str(path[-1]))
    found = [m for m in field.metadata if isinstance(m, Meaning)] if field is not None else []
    return found[0] if found else _meaning_in(field.annotation if field is not None else None)


def _meaning_in(annotation: Any) -> Meaning | None:
    while get_origin(annotation) is typing.Annotated:
        args = get_args(annotation)
        found = [m for m in args[1:] if isinstance(m, Meaning)]
        if found:
            return found[0]
        annotation = args[0]
    return None
