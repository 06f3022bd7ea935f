"""The editor and the CLI agree: what the JSON Schema accepts or rejects, validate does too.

The editor (VS Code's YAML extension) checks a file against schemas/*.json alone; validate also
checks it against the rest of the repository. Checks that need another file (an activity in the
plan, the folder, the year's strategy revision, overlapping plans) are set aside. Each document
is checked both ways; the few differences a JSON Schema cannot avoid are listed and asserted.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from naravard.api import validate
from naravard.core import result
from naravard.discover import Kind, classify
from naravard.loader import load_document, load_text
from naravard.model.schema import build_schemas
from naravard.repository import load_repository
from tests.conftest import CONFORMANCE, PROJECT
from tests.rule_examples import conformance, edited

# Codes of checks that need another file than the one in the editor.
CROSS_FILE = {"NV204", "NV208", "NV209", "NV210", "NV211", "NV212", "NV213", "NV214", "NV215"}
FU = "kommuner/borlange/uppfoljning-2024.yaml"
PLAN = "kommuner/borlange/lokal-plan.yaml"
STRATEGY = "region/strategi.yaml"
HP = "region/handlingsplan-2024.yaml"

# (file under data/, text as in the fixture, the edit, whether both accept the result)
EDITS: list[tuple[str, str, str, bool]] = [
    (FU, "nara-for-mig: 3", "nara-for-mig: 0", False),
    (FU, "  nara-till-halsa: 2\n", "", False),
    (FU, "fast-lakarkontakt: 45", "fast-lakarkontakt: 45,5", False),
    (FU, "status: pagaende\n    resultat: 212", "status: klar\n    resultat: 212", False),
    (FU, "kommun: borlange", "kommun: 2081", False),
    (FU, "ar: 2024", 'ar: "2024"', False),
    (FU, "ar: 2024", "ar: 2024\nkommentar: Ett fält som inte finns", False),
    (FU, "inlamnad: 2025-02-28", "inlamnad: 2025-02-30", False),
    (FU, "inlamnad: 2025-02-28", "inlamnad: 28/2 2025", False),
    (FU, "inlamnad: 2025-02-28", 'inlamnad: "2025-02-28"', True),
    (FU, "inlamnad: 2025-02-28\n", "", True),
    (FU, "Trygg hemgång fungerar i hela kommunen.}", "Trygg hemgång fungerar.,  extra: 1}", False),
    (FU, "undvikbar-slutenvard: 990.5", "undvikbar-slutenvard: {varde: 990.5, kalla: Kolada}", True),
    (FU, "undvikbar-slutenvard: 990.5", "undvikbar-slutenvard: {kalla: Kolada}", False),
    (FU, "undvikbar-slutenvard: 990.5", "undvikbar-slutenvard: Kolada", False),
    (FU, "resultat: 212 hemgångar; återinskrivningarna minskade något.", "resultat:", True),
    (FU, "  bedomning: Vi har tagit steg inom Nära mellan oss.\n", "", False),
    (FU, "  nara-till-halsa: 2\n", "  nara-till-halsa: 2\n  nara-for-dig: 2\n", False),
    (FU, "  sip-antal: 14\n", "  sip-antal: 14\n  okant-tal: 3\n", False),
    (FU, "- id: trygg-hemgang", "- id: Trygg-Hemgang", False),
    (FU, "nara-for-mig: 3", "nara-for-mig: true", False),
    (FU, "nara-for-mig: 3", 'nara-for-mig: "3"', False),
    (FU, "nara-for-mig: 3", "nara-for-mig: {varde: 4, kommentar: Bättre}", True),
    (FU, "aktiviteter:\n", "aktiviteter: {}\nx:\n", False),
    # The schema follows the revision of the file's year: 2026's nyckeltal is not 2024's.
    (FU, "  sip-antal: 14\n", "  sip-antal: 14\n  sip-per-1000: 3.1\n", False),
    (FU, "undvikbar-slutenvard: 990.5", "undvikbar-slutenvard: {varde: 50, 2: null}", False),
    (PLAN, "delmal: [nara-for-alla]", "delmal: []", False),
    (PLAN, "delmal: [nara-for-alla]", "delmal: [nara-for-ala]", False),
    (PLAN, "kommuner: [borlange]", "kommuner: [borlang]", False),
    (PLAN, "nar: {start: 2023-03, slut: 2027}", "nar: {start: 2023-13, slut: 2027}", False),
    (PLAN, "nar: {start: 2023-03, slut: 2027}", "nar: {start: 1999-03, slut: 2027}", False),
    (PLAN, "nar: {start: 2023-03, slut: 2027}", "nar: {start: 2023-02-30, slut: 2027}", False),
    (PLAN, "nar: {start: 2023-03, slut: 2027}", "nar: {start: 2023-03-01, slut: 2027-12}", True),
    (PLAN, "nar: {start: 2023-03, slut: 2027}", "nar: {start: 23-03, slut: 2027}", False),
    (PLAN, "antagen: 2023-02-01", 'antagen: "2023-02-01"', True),
    (PLAN, "prioritering: mobil-vard", "prioritering: mobilvard", False),
    (PLAN, "period: {fran: 2023, till: 2027}", "period: {fran: 2023}", False),
    (PLAN, "    malgrupp: äldre\n", "", True),
    (STRATEGY, "enhet: antal", "enhet: promille", False),
    (STRATEGY, 'lanskod: "20"', "lanskod: 20", False),
    (STRATEGY, "riktning: neutral", "riktning: uppat", False),
    (STRATEGY, "kolada: N71807", "kolada: n71807", False),
    (HP, "beslutad: 2024-01-20", "beslutad: 2024-1-20", False),
    (HP, "delmal: [nara-i-hela-dalarna]", "delmal: [nara-i-hela-sverige]", False),
]

# What a JSON Schema cannot express, so the editor lets it pass and validate does not.
KNOWN_DIFFERENCES: list[tuple[str, str, str, str]] = [
    (FU, "nara-for-mig: 3", "nara-for-mig: 3.0", "JSON Schema counts 3.0 as an integer"),
    (FU, "undvikbar-slutenvard: 990.5", "undvikbar-slutenvard: .inf", "JSON Schema numbers include infinity"),
]


@pytest.fixture(scope="module")
def schemas() -> dict[str, Any]:
    return build_schemas(load_repository(CONFORMANCE))


def verdicts(rel: str, old: str, new: str, schemas: dict[str, Any]) -> tuple[bool, bool]:
    """(the editor accepts the edited file, validate accepts it), cross-file checks set aside."""
    files = edited(conformance(), f"data/{rel}", old, new)
    path = CONFORMANCE / "data" / rel
    kind = classify(CONFORMANCE, path).kind
    schema = schemas[f"{kind.value}.schema.json"]
    doc = load_text(f"data/{rel}", files[f"data/{rel}"])
    assert doc.ok, doc.findings
    instance = json.loads(json.dumps(doc.value))  # what the editor sees: YAML read as JSON
    editor = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER).is_valid(
        instance
    )
    repo = load_repository(CONFORMANCE, contents=files)
    cli = not [f for f in result(repo, [path], warnings=False).findings if f.code not in CROSS_FILE]
    return editor, cli


@pytest.mark.parametrize(("rel", "old", "new", "accepted"), EDITS, ids=[f"{e[0]}:{e[2][:30]}" for e in EDITS])
def test_the_editor_and_validate_agree(
    schemas: dict[str, Any], rel: str, old: str, new: str, accepted: bool
) -> None:
    assert verdicts(rel, old, new, schemas) == (accepted, accepted)


@pytest.mark.parametrize(
    ("rel", "old", "new", "why"), KNOWN_DIFFERENCES, ids=[d[3] for d in KNOWN_DIFFERENCES]
)
def test_the_known_differences_are_still_differences(
    schemas: dict[str, Any], rel: str, old: str, new: str, why: str
) -> None:
    assert verdicts(rel, old, new, schemas) == (True, False), why


@pytest.mark.parametrize("kind", [Kind.STRATEGY, Kind.PLAN, Kind.FOLLOWUP, Kind.HANDLINGSPLAN])
def test_the_editor_accepts_every_shipped_file_that_validate_accepts(kind: Kind) -> None:
    assert validate(PROJECT).findings == ()
    schema = build_schemas(load_repository(PROJECT))[f"{kind.value}.schema.json"]
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    files = [f for f in (PROJECT / "data").rglob("*.yaml") if classify(PROJECT, f).kind is kind]
    assert files
    for path in files:
        instance = json.loads(json.dumps(load_document(PROJECT, path).value))
        errors = [e.message for e in validator.iter_errors(instance)]
        assert errors == [], path
