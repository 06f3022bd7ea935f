"""JSON Schemas for editors, generated from the models and the repository's own ids.

The schemas carry Swedish titles and descriptions, and the strategy's ids
(delmål, nyckeltal, kommuner, priorities) as enums, so VS Code's YAML
extension completes and flags them while one types. `make schemas` writes
them to schemas/; a test fails when the committed ones are stale.
"""

from __future__ import annotations

import copy
import json
import sys
from pathlib import Path
from typing import Any

from naravard.discover import find_root
from naravard.model.followup import Uppfoljning
from naravard.model.handlingsplan import Handlingsplan
from naravard.model.imported import ImporteradeNyckeltal
from naravard.model.plan import LokalPlan
from naravard.model.strategy import Strategi
from naravard.repository import Repository, load_repository

SCHEMA_FILES: dict[str, Any] = {
    "strategi.schema.json": Strategi,
    "lokal-plan.schema.json": LokalPlan,
    "uppfoljning.schema.json": Uppfoljning,
    "handlingsplan.schema.json": Handlingsplan,
    "nyckeltal.schema.json": ImporteradeNyckeltal,
}


def _enum(node: dict[str, Any], values: list[str]) -> None:
    if values:
        node["enum"] = values


def _ids(repo: Repository) -> dict[str, Any]:
    strategies = sorted(repo.strategies, key=lambda s: s.model.strategi.giltig_from)
    delmal: dict[str, Any] = {}
    nyckeltal: dict[str, Any] = {}
    kommuner: dict[str, str] = {}
    malbild: dict[str, Any] = {}
    scale = (1, 4)
    for s in strategies:  # later revisions win where they repeat an id
        malbild[s.model.malbild.id] = s.model.malbild
        delmal.update((d.id, d) for d in s.model.delmal)
        nyckeltal.update((n.id, n) for n in s.model.nyckeltal)
        kommuner.update((k.id, k.namn) for k in s.model.kommuner)
        scale = (s.model.skala.min, s.model.skala.max)
    prioriteringar = sorted({p.id for h in repo.handlingsplaner for p in h.model.prioriteringar})
    return {
        "malbild": malbild,
        "delmal": delmal,
        "nyckeltal": nyckeltal,
        "kommuner": kommuner,
        "prioriteringar": prioriteringar,
        "scale": scale,
    }


def _followup(schema: dict[str, Any], ids: dict[str, Any]) -> None:
    props, defs = schema["properties"], schema["$defs"]
    _enum(props["kommun"], list(ids["kommuner"]))
    low, high = ids["scale"]
    score = {
        "oneOf": [
            {"type": "integer", "minimum": low, "maximum": high},
            {"$ref": "#/$defs/Skattning"},
        ]
    }
    defs["Skattning"]["properties"]["varde"].update(minimum=low, maximum=high)
    scored = {**ids["malbild"], **ids["delmal"]}
    sjalv = props["sjalvskattning"]
    sjalv.pop("additionalProperties", None)
    sjalv.pop("propertyNames", None)
    sjalv.pop("patternProperties", None)
    sjalv["properties"] = {
        key: {
            **score,
            "title": item.namn,
            "description": getattr(item, "skattningsfraga", None) or item.namn,
        }
        for key, item in scored.items()
    }
    sjalv["required"] = list(scored)
    sjalv["additionalProperties"] = False
    value = {"oneOf": [{"type": "number"}, {"type": "null"}, {"$ref": "#/$defs/Varde"}]}
    nyckel = props["nyckeltal"]
    nyckel.pop("additionalProperties", None)
    nyckel.pop("propertyNames", None)
    nyckel.pop("patternProperties", None)
    nyckel["properties"] = {
        key: {**value, "title": n.namn, "description": f"{n.namn} ({n.enhet}). Källa: {n.kalla}."}
        for key, n in ids["nyckeltal"].items()
    }
    nyckel["additionalProperties"] = False


def _plan(schema: dict[str, Any], ids: dict[str, Any]) -> None:
    _enum(schema["properties"]["kommuner"]["items"], list(ids["kommuner"]))
    aktivitet = schema["$defs"]["Aktivitet"]["properties"]
    _enum(aktivitet["delmal"]["items"], list(ids["delmal"]))
    prio = aktivitet["prioritering"]
    for option in prio.get("anyOf", []):
        if option.get("type") == "string":
            _enum(option, ids["prioriteringar"])


def _handlingsplan(schema: dict[str, Any], ids: dict[str, Any]) -> None:
    _enum(schema["$defs"]["Prioritering"]["properties"]["delmal"]["items"], list(ids["delmal"]))


def _imported(schema: dict[str, Any], ids: dict[str, Any]) -> None:
    kommuner = schema["properties"]["kommuner"]
    _enum(kommuner["propertyNames"], list(ids["kommuner"]))
    for per_kommun in kommuner["patternProperties"].values():
        _enum(per_kommun["propertyNames"], [key for key, n in ids["nyckeltal"].items() if n.kolada])


def build_schemas(repo: Repository) -> dict[str, dict[str, Any]]:
    """Every schema file's content for this repository."""
    ids = _ids(repo)
    out: dict[str, dict[str, Any]] = {}
    for name, model in SCHEMA_FILES.items():
        schema = copy.deepcopy(model.model_json_schema())
        schema.setdefault("$defs", {})
        if name == "uppfoljning.schema.json":
            _followup(schema, ids)
        elif name == "lokal-plan.schema.json":
            _plan(schema, ids)
        elif name == "handlingsplan.schema.json":
            _handlingsplan(schema, ids)
        elif name == "nyckeltal.schema.json":
            _imported(schema, ids)
        if not schema["$defs"]:
            del schema["$defs"]
        out[name] = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
    return out


def render(schema: dict[str, Any]) -> str:
    """A schema as committed: sorted keys out of the way, Swedish kept readable."""
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def write_schemas(repo: Repository, folder: Path) -> list[Path]:
    """Write every schema into `folder`; return the paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in build_schemas(repo).items():
        path = folder / name
        path.write_text(render(schema), encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    root = find_root(Path.cwd())
    for path in write_schemas(load_repository(root), root / sys.argv[1]):
        print(path)
