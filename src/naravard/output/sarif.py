"""SARIF 2.1.0 for code scanning (GitHub and others): every rule, then one result per finding.

The rules are every code naravard has (naravard.codes), each with its id, name, summary and a
link into docs/rules.md (naravard.project: only when the install says where that is). A
result's file is relative to the repository root (`uriBaseId` %SRCROOT%, the checkout), with
line and column in Unicode code points. `partialFingerprints` carry naravard's own stable
fingerprint (naravard.fingerprint), so a finding keeps its identity when lines move.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from naravard import __version__
from naravard.findings import CheckResult, Severity
from naravard.fingerprint import fingerprints
from naravard.project import rules_url

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning"}


def _rules() -> list[dict[str, Any]]:
    from naravard.codes import all_codes

    rules = []
    for code in all_codes():
        rule: dict[str, Any] = {
            "id": code.code,
            "name": code.name,
            "shortDescription": {"text": code.summary},
            "defaultConfiguration": {"level": _LEVEL[code.severity]},
        }
        url = rules_url(code.code)
        if url:
            rule["helpUri"] = url
        rules.append(rule)
    return rules


def document(result: CheckResult) -> dict[str, Any]:
    """The SARIF log as a JSON-ready value."""
    rules = _rules()
    index = {rule["id"]: i for i, rule in enumerate(rules)}
    results = []
    for finding, fingerprint in zip(result.findings, fingerprints(result.findings), strict=True):
        loc = finding.location
        entry: dict[str, Any] = {
            "ruleId": finding.code,
            "level": _LEVEL[finding.severity],
            "message": {"text": finding.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": quote(loc.file), "uriBaseId": "%SRCROOT%"},
                        "region": {"startLine": max(loc.line, 1), "startColumn": max(loc.column, 1)},
                    }
                }
            ],
            "partialFingerprints": {"naravard/v1": fingerprint},
        }
        if finding.code in index:
            entry["ruleIndex"] = index[finding.code]
        results.append(entry)
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "naravard", "version": __version__, "rules": rules}},
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def write(result: CheckResult, root: Path, stream: TextIO) -> None:
    """Write the SARIF log as one JSON document."""
    stream.write(json.dumps(document(result), ensure_ascii=False, indent=2) + "\n")
