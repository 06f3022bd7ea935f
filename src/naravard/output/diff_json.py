"""`naravard diff --format json`: the comparison through an explicit, versioned schema.

Each key is written here by name, so renaming a field of naravard.diff does not change
the public format unnoticed (tests/test_diff_json.py pins the keys). A change that
removes or renames a key raises `SCHEMA_VERSION`; adding a key does not.
"""

from __future__ import annotations

import json
from typing import Any

from naravard import __version__
from naravard.diff import KommunDiff, RevisionDiff, YearDiff
from naravard.diff.changes import ActivityChange, DelmalSummary, FileChange, NyckeltalChange, ScoreChange

SCHEMA_VERSION = 1

Json = dict[str, Any]


def _score(c: ScoreChange) -> Json:
    return {"id": c.id, "namn": c.namn, "old": c.old, "new": c.new}


def _nyckeltal(c: NyckeltalChange) -> Json:
    return {
        "id": c.id,
        "namn": c.namn,
        "enhet": c.enhet,
        "riktning": c.riktning,
        "old": c.old,
        "new": c.new,
        "absolute": c.absolute,
        "relative": c.relative,
        "verdict": c.verdict,
    }


def _activity(c: ActivityChange) -> Json:
    return {
        "id": c.id,
        "titel": c.titel,
        "kind": c.kind,
        "old_status": c.old_status,
        "new_status": c.new_status,
    }


def _kommun(d: KommunDiff) -> Json:
    return {
        "kommun": d.kommun,
        "namn": d.namn,
        "label_a": d.label_a,
        "label_b": d.label_b,
        "has_a": d.has_a,
        "has_b": d.has_b,
        "scores": [_score(c) for c in d.scores],
        "nyckeltal": [_nyckeltal(c) for c in d.nyckeltal],
        "activities": [_activity(c) for c in d.activities],
        "reflection_changed": list(d.reflection_changed),
    }


def _delmal(s: DelmalSummary) -> Json:
    return {
        "id": s.id,
        "namn": s.namn,
        "up": s.up,
        "down": s.down,
        "same": s.same,
        "distribution": {label: {str(k): n for k, n in d.items()} for label, d in s.distribution.items()},
        "missing": dict(s.missing),
    }


def _file(f: FileChange) -> Json:
    return {"file": f.file, "kind": f.kind, "details": list(f.details)}


def document(diff: YearDiff | RevisionDiff) -> Json:
    """The JSON document of a comparison of two years or of two revisions."""
    head: Json = {"version": __version__, "schema_version": SCHEMA_VERSION}
    if isinstance(diff, YearDiff):
        return {
            **head,
            "year_a": diff.year_a,
            "year_b": diff.year_b,
            "scale": list(diff.scale),
            "kommuner": [_kommun(k) for k in diff.kommuner],
            "region": [_delmal(s) for s in diff.region],
            "not_comparable": list(diff.not_comparable),
            "terms": dict(diff.terms),
        }
    return {
        **head,
        "rev_a": diff.rev_a,
        "rev_b": diff.rev_b,
        "followups": [_kommun(k) for k in diff.followups],
        "files": [_file(f) for f in diff.files],
    }


def as_json(diff: YearDiff | RevisionDiff) -> str:
    """Every fact of the comparison as JSON."""
    return json.dumps(document(diff), ensure_ascii=False, indent=2) + "\n"
