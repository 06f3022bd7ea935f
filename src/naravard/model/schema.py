"""JSON Schemas for editors, generated from the models and the repository's own ids.

The schemas carry Swedish titles and descriptions, and the strategy's ids (delmål,
nyckeltal, kommuner, priorities) as enums with their names as descriptions, so VS Code's
YAML extension completes and flags them while one types. `make schemas` (or `naravard
schema`) writes them to schemas/; a test fails when the committed ones are stale.

A follow-up or handlingsplan is checked against the strategy revision in force for its year,
as validate does: one `if`/`then` per revision on `ar` (the years where that revision is the
one in force) gives the revision's delmål, nyckeltal and scale. Both yaml-language-server
(the editor) and check-jsonschema honour `if`/`then`; both are tested.
"""

from __future__ import annotations

import copy
import json
from typing import Any

from naravard.model.followup import Uppfoljning
from naravard.model.handlingsplan import Handlingsplan
from naravard.model.imported import ImporteradeNyckeltal
from naravard.model.plan import LokalPlan
from naravard.model.strategy import Strategi
from naravard.model.words import ORSAK, RIKTNING, STATUS, UNIT
from naravard.repository import Repository

SCHEMA_FILES: dict[str, Any] = {
    "strategi.schema.json": Strategi,
    "lokal-plan.schema.json": LokalPlan,
    "uppfoljning.schema.json": Uppfoljning,
    "handlingsplan.schema.json": Handlingsplan,
    "nyckeltal.schema.json": ImporteradeNyckeltal,
}
INTEGER_KEY = r"^(0|-?[1-9][0-9]*)$"


def _enum(node: dict[str, Any], names: dict[str, str]) -> None:
    """Let `node` take only these ids, each described by its name (completion shows it)."""
    if names:
        node["enum"] = list(names)
        node["enumDescriptions"] = list(names.values())


def _simplify(node: Any) -> Any:
    """`anyOf: [X, null]` where X already says its type becomes X allowing null.

    pydantic writes an optional field so; the editor then shows the field's title once per
    branch ("Kommentar || Kommentar").
    """
    if isinstance(node, list):
        return [_simplify(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: _simplify(value) for key, value in node.items()}
    options = node.get("anyOf")
    if isinstance(options, list) and len(options) == 2 and {"type": "null"} in options:
        other = options[1 - options.index({"type": "null"})]
        if "type" in other and not ({"anyOf", "oneOf", "$ref"} & other.keys()):
            types = other["type"] if isinstance(other["type"], list) else [other["type"]]
            merged = {**other, "type": types + (["null"] if "null" not in types else [])}
            if "enum" in merged and None not in merged["enum"]:
                merged["enum"] = [*merged["enum"], None]
                if "enumDescriptions" in merged:
                    merged["enumDescriptions"] = [*merged["enumDescriptions"], "inget värde"]
            del node["anyOf"]
            node = {**merged, **node}
    return node


def _revisions(repo: Repository) -> list[tuple[Strategi, list[tuple[int, int]]]]:
    """Each strategy revision with the runs of years where it is the one in force."""
    strategies = sorted(repo.strategies, key=lambda s: s.model.strategi.giltig_from)
    if not strategies:
        return []
    first = min(s.model.strategi.giltig_from.year for s in strategies)
    last = max(s.model.strategi.giltig_tom.year for s in strategies)
    runs: dict[str, tuple[Strategi, list[tuple[int, int]]]] = {}
    for year in range(first, last + 1):
        entry = repo.revision_for(year)
        if entry is None:
            continue
        _, spans = runs.setdefault(entry.doc.rel, (entry.model, []))
        if spans and spans[-1][1] == year - 1:
            spans[-1] = (spans[-1][0], year)
        else:
            spans.append((year, year))
    return sorted(runs.values(), key=lambda run: run[1][0])


def _in_years(spans: list[tuple[int, int]]) -> dict[str, Any]:
    """The `if` that holds for a file whose `ar` is one of these years."""
    ranges = [{"minimum": low, "maximum": high} for low, high in spans]
    year: dict[str, Any] = (
        {"type": "integer", **ranges[0]} if len(ranges) == 1 else {"type": "integer", "anyOf": ranges}
    )
    return {"properties": {"ar": year}, "required": ["ar"]}


def _per_revision(schema: dict[str, Any], repo: Repository, then: Any) -> None:
    """One `if`/`then` per revision: `then(strategy)` is what the revision's years must satisfy."""
    revisions = _revisions(repo)
    rules = [{"if": _in_years(spans), "then": then(strategy)} for strategy, spans in revisions]
    if rules:
        schema["allOf"] = rules
        # What the editor inserts for `ar` (else 0, which no revision covers): the latest's first year.
        schema["properties"]["ar"]["examples"] = [revisions[-1][1][0][0]]


def _delmal_names(strategy: Strategi) -> dict[str, str]:
    return {d.id: d.namn for d in strategy.delmal}


def _all(repo: Repository, names: Any) -> dict[str, str]:
    """The ids of every revision (later revisions' names win)."""
    out: dict[str, str] = {}
    for strategy in sorted(repo.strategies, key=lambda s: s.model.strategi.giltig_from):
        out.update(names(strategy.model))
    return out


def _score(defs: dict[str, Any], strategy: Strategi) -> dict[str, Any]:
    """A score on this revision's scale, short (`3`) or long (`{varde: 3, kommentar: …}`)."""
    skala = strategy.skala
    steps: dict[str, Any] = {"type": "integer"}
    labels = {str(step): skala.etiketter.get(step, "") for step in range(skala.min, skala.max + 1)}
    _enum(steps, labels)
    steps["enum"] = [int(step) for step in labels]
    name = f"Skattning-{skala.min}-{skala.max}"
    if name not in defs:
        long = copy.deepcopy(defs["Skattning"])
        long["properties"]["varde"].update(steps)
        defs[name] = long
    return {"oneOf": [steps, {"$ref": f"#/$defs/{name}"}]}


def _followup_revision(defs: dict[str, Any], strategy: Strategi) -> dict[str, Any]:
    score = _score(defs, strategy)
    scored = [(strategy.malbild.id, strategy.malbild.namn, strategy.malbild.namn)] + [
        (d.id, d.namn, d.skattningsfraga or d.namn) for d in strategy.delmal
    ]
    value = {"oneOf": [{"type": "number"}, {"type": "null"}, {"$ref": "#/$defs/Varde"}]}
    return {
        "properties": {
            "sjalvskattning": {
                "properties": {
                    key: {**score, "title": name, "description": text} for key, name, text in scored
                },
                "required": [key for key, _, _ in scored],
                "additionalProperties": False,
            },
            "nyckeltal": {
                "properties": {
                    n.id: {
                        **value,
                        "title": n.namn,
                        "description": f"{n.namn} ({UNIT[n.enhet]}). Källa: {n.kalla}.",
                    }
                    for n in strategy.nyckeltal
                },
                "additionalProperties": False,
            },
        }
    }


def _snippet(strategy: Strategi, kommuner: dict[str, str]) -> dict[str, Any]:
    """A new follow-up for the latest revision, every default valid (placeholders to type over)."""
    scored = [strategy.malbild.id] + [d.id for d in strategy.delmal]
    choices = ",".join(kommuner)
    lines = [
        f"kommun: ${{1|{choices}|}}",
        f"ar: ${{2:{strategy.strategi.giltig_from.year}}}",
        "aktiviteter: []",
        "reflektion:",
        "  lardomar: ${3}",
        "  framgangsfaktorer: ${4}",
        "  utmaningar: ${5}",
        "  bedomning: ${6}",
        "sjalvskattning:",
        *(f"  {key}: ${{{i}:{strategy.skala.min}}}" for i, key in enumerate(scored, start=7)),
        "nyckeltal:",
        *(f"  {n.id}: null" for n in strategy.nyckeltal),
    ]
    return {
        "label": "Ny uppföljning",
        "description": "En årlig uppföljning (naravard new uppfoljning fyller i den från planen).",
        "bodyText": "\n".join(lines) + "\n",
    }


def _followup(schema: dict[str, Any], repo: Repository) -> None:
    props, defs = schema["properties"], schema["$defs"]
    kommuner = _all(repo, lambda s: {k.id: k.namn for k in s.kommuner})
    _enum(props["kommun"], kommuner)
    _enum(defs["AktivitetsRapport"]["properties"]["status"], {k: v.capitalize() for k, v in STATUS.items()})
    orsak = defs["Varde"]["properties"]["orsak"]
    _enum(orsak, {k: v.capitalize() for k, v in ORSAK.items()})
    orsak["enum"].append(None)
    orsak["enumDescriptions"].append("inget värde")
    # A long form has these keys and no other: `{varde: 50,2, …}` reads as a key `2`.
    for name in ("Varde", "Skattning"):
        keys = list(defs[name]["properties"])
        defs[name]["propertyNames"] = {
            "enum": keys,
            "errorMessage": f"Här får bara {', '.join(keys[:-1])} och {keys[-1]} stå. "
            "Skriv decimaler med punkt (50.2) och text med kommatecken inom citattecken.",
        }
    for part in ("sjalvskattning", "nyckeltal"):
        for key in ("additionalProperties", "propertyNames", "patternProperties"):
            props[part].pop(key, None)
    _per_revision(schema, repo, lambda strategy: _followup_revision(defs, strategy))
    del defs["Skattning"]  # each scale has its own copy
    revisions = _revisions(repo)
    if revisions:
        schema["defaultSnippets"] = [_snippet(revisions[-1][0], kommuner)]


def _plan(schema: dict[str, Any], repo: Repository) -> None:
    # A plan's period may span revisions; validate takes the delmål of any of them.
    _enum(schema["properties"]["kommuner"]["items"], _all(repo, lambda s: {k.id: k.namn for k in s.kommuner}))
    aktivitet = schema["$defs"]["Aktivitet"]["properties"]
    _enum(aktivitet["delmal"]["items"], _all(repo, _delmal_names))
    prio = {
        p.id: p.titel
        for h in sorted(repo.handlingsplaner, key=lambda h: h.model.ar)
        for p in h.model.prioriteringar
    }
    _enum(aktivitet["prioritering"], dict(sorted(prio.items())))
    if prio:
        aktivitet["prioritering"]["enum"].append(None)
        aktivitet["prioritering"]["enumDescriptions"].append("ingen prioritering")


def _handlingsplan(schema: dict[str, Any], repo: Repository) -> None:
    def then(strategy: Strategi) -> dict[str, Any]:
        delmal: dict[str, Any] = {}
        _enum(delmal, _delmal_names(strategy))
        item = {"properties": {"delmal": {"items": delmal}}}
        return {"properties": {"prioriteringar": {"items": item}}}

    _per_revision(schema, repo, then)


def _strategy(schema: dict[str, Any], repo: Repository) -> None:
    defs = schema["$defs"]
    # The strategy file defines its delmål: the enum is every revision's, so an edit is seen.
    _enum(defs["Nyckeltal"]["properties"]["delmal"], _all(repo, _delmal_names))
    _enum(defs["Nyckeltal"]["properties"]["enhet"], UNIT)
    _enum(defs["Nyckeltal"]["properties"]["riktning"], RIKTNING)
    defs["Skala"]["properties"]["etiketter"]["propertyNames"] = {
        "pattern": INTEGER_KEY,
        "patternErrorMessage": "Ett steg på skalan är ett heltal, t.ex. 1.",
    }


def _imported(schema: dict[str, Any], repo: Repository) -> None:
    kommuner = schema["properties"]["kommuner"]
    _enum(kommuner["propertyNames"], _all(repo, lambda s: {k.id: k.namn for k in s.kommuner}))
    kolada = _all(repo, lambda s: {n.id: n.namn for n in s.nyckeltal if n.kolada})
    for per_kommun in kommuner["patternProperties"].values():
        _enum(per_kommun["propertyNames"], kolada)


ADJUST = {
    "uppfoljning.schema.json": _followup,
    "lokal-plan.schema.json": _plan,
    "handlingsplan.schema.json": _handlingsplan,
    "strategi.schema.json": _strategy,
    "nyckeltal.schema.json": _imported,
}


def build_schemas(repo: Repository) -> dict[str, dict[str, Any]]:
    """Every schema file's content for this repository."""
    out: dict[str, dict[str, Any]] = {}
    for name, model in SCHEMA_FILES.items():
        schema = _simplify(copy.deepcopy(model.model_json_schema()))
        schema.setdefault("$defs", {})
        ADJUST[name](schema, repo)
        if not schema["$defs"]:
            del schema["$defs"]
        out[name] = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
    return out


def render(schema: dict[str, Any]) -> str:
    """A schema as committed: sorted keys out of the way, Swedish kept readable."""
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
