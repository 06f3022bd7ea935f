"""The JSON of `naravard diff` is a public format: its keys are pinned here, per object."""

from __future__ import annotations

import json
from typing import Any

from naravard.diff import compare_revisions, compare_years
from naravard.output.diff_json import SCHEMA_VERSION, as_json
from naravard.repository import load_repository
from tests.rule_examples import CONFORMANCE, FU24, base, edited

PLAN = "data/kommuner/borlange/lokal-plan.yaml"

KOMMUN = [
    "kommun", "namn", "label_a", "label_b", "has_a", "has_b",
    "scores", "nyckeltal", "activities", "reflection_changed",
]  # fmt: skip
SCORE = ["id", "namn", "old", "new"]
NYCKELTAL = ["id", "namn", "enhet", "riktning", "old", "new", "absolute", "relative", "verdict"]
ACTIVITY = ["id", "titel", "kind", "old_status", "new_status"]
DELMAL = ["id", "namn", "up", "down", "same", "distribution", "missing"]
YEARS = [
    "version",
    "schema_version",
    "year_a",
    "year_b",
    "scale",
    "kommuner",
    "region",
    "not_comparable",
    "terms",
]
REVISIONS = ["version", "schema_version", "rev_a", "rev_b", "followups", "files"]
FILE = ["file", "kind", "details"]


def _kommun_keys(kommun: dict[str, Any]) -> None:
    assert list(kommun) == KOMMUN
    assert all(list(s) == SCORE for s in kommun["scores"])
    assert all(list(n) == NYCKELTAL for n in kommun["nyckeltal"])
    assert all(list(a) == ACTIVITY for a in kommun["activities"])


def test_the_json_of_two_years_has_the_pinned_keys() -> None:
    files = edited(
        base(), "data/kommuner/borlange/uppfoljning-2025.yaml", "nara-for-mig: 3", "nara-for-mig: 4"
    )
    files = edited(files, "data/kommuner/borlange/uppfoljning-2025.yaml", ": 45\n", ": 47\n")
    repo = load_repository(CONFORMANCE, contents=files)
    document = json.loads(as_json(compare_years(repo, 2024, 2025, ())))
    assert list(document) == YEARS
    assert document["schema_version"] == SCHEMA_VERSION == 1
    borlange = next(k for k in document["kommuner"] if k["kommun"] == "borlange")
    _kommun_keys(borlange)
    assert borlange["scores"] and borlange["nyckeltal"]
    assert all(list(d) == DELMAL for d in document["region"])
    assert document["region"][0]["distribution"]["2024"]  # score → count, keys as strings
    assert all(isinstance(k, str) for d in document["region"] for v in d["distribution"].values() for k in v)


def test_the_json_of_two_revisions_has_the_pinned_keys() -> None:
    old = load_repository(CONFORMANCE, contents=base())
    changed = edited(
        base(),
        FU24,
        "  - id: sip-elevhalsa\n    status: pagaende",
        "  - id: sip-elevhalsa\n    status: genomford",
    )
    changed = edited(changed, PLAN, "ansvarig: Skolsköterska", "ansvarig: Elevhälsans chef")
    new = load_repository(CONFORMANCE, contents=changed)
    document = json.loads(as_json(compare_revisions(old, new, labels=("main", "arbetskopian"))))
    assert list(document) == REVISIONS
    assert [list(f) for f in document["files"]] == [FILE]
    [followup] = document["followups"]
    _kommun_keys(followup)
    assert followup["activities"][0]["new_status"] == "genomford"
