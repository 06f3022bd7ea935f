"""What CI systems read: SARIF for code scanning, GitLab Code Quality, JUnit XML; --format auto; --fail-on."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree import ElementTree as ET

import jsonschema
import pytest
from typer.testing import CliRunner

from naravard.cli import app
from naravard.codes import all_codes
from naravard.project import _from_record
from tests.conftest import Repo

runner = CliRunner()
FU = "kommuner/ludvika/uppfoljning-2024.yaml"
SARIF_SCHEMA = Path(__file__).parent / "schemas" / "sarif-schema-2.1.0.json"


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    result = runner.invoke(app, list(args), catch_exceptions=False, env=env)
    return result.exit_code, result.stdout


def broken(repo: Repo) -> Repo:
    """One error (a decimal comma, line 20) besides the conformance repository's warnings."""
    repo.replace(FU, "fast-lakarkontakt: 43.2", "fast-lakarkontakt: 43,2")
    return repo


def test_sarif_validates_against_the_official_2_1_0_schema(repo: Repo) -> None:
    code, out = run("lint", "--root", str(broken(repo).root), "--format", "sarif")
    assert code == 1
    log = json.loads(out)
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker()).validate(log)
    levels = {r["level"] for r in log["runs"][0]["results"]}
    assert levels == {"error", "warning"}


def test_sarif_has_every_rule_and_results_relative_to_the_repository(repo: Repo) -> None:
    _, out = run("lint", "--root", str(broken(repo).root), "--format", "sarif")
    [run_] = json.loads(out)["runs"]
    rules = run_["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [c.code for c in all_codes()]
    nv105 = rules[[r["id"] for r in rules].index("NV105")]
    assert nv105["name"] == "invalid-number"
    assert nv105["shortDescription"]["text"] == "Talet är skrivet fel"
    # The test runs from the source checkout: the link is that checkout's docs/rules.md.
    assert nv105["helpUri"].endswith("/docs/rules.md#nv105")
    assert all(urlsplit(r["helpUri"]).scheme for r in rules)  # absolute, as SARIF requires
    [error] = [r for r in run_["results"] if r["level"] == "error"]
    assert error["ruleId"] == "NV105"
    assert rules[error["ruleIndex"]]["id"] == "NV105"
    assert "43.2" in error["message"]["text"]
    location = error["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": f"data/{FU}", "uriBaseId": "%SRCROOT%"}
    assert location["region"] == {"startLine": 20, "startColumn": 22}


def test_the_rules_link_follows_a_git_install_to_its_commit() -> None:
    record: dict[str, object] = {
        "url": "https://git.example.se/region/naravard.git",
        "vcs_info": {"vcs": "git", "requested_revision": "v0.2.0", "commit_id": "abc123"},
    }
    assert _from_record(record) == "https://git.example.se/region/naravard/blob/abc123/docs/rules.md"
    # A git install from a path or over ssh has no page to link to, and none is made up.
    assert _from_record({**record, "url": "file:///srv/naravard"}) is None


def test_gitlab_code_quality_has_the_documented_fields(repo: Repo) -> None:
    code, out = run("lint", "--root", str(broken(repo).root), "--format", "gitlab")
    assert code == 1
    issues = json.loads(out)
    assert {tuple(sorted(i)) for i in issues} == {
        ("check_name", "description", "fingerprint", "location", "severity")
    }
    [error] = [i for i in issues if i["check_name"] == "NV105"]
    assert error["severity"] == "major"
    assert error["location"] == {"path": f"data/{FU}", "lines": {"begin": 20}}
    assert error["description"].startswith("NV105 Här ska det stå ett tal")
    assert {i["severity"] for i in issues if i["check_name"].startswith("NV3")} == {"minor"}
    assert len({i["fingerprint"] for i in issues}) == len(issues)  # GitLab shows one per fingerprint


def test_fingerprints_are_stable_across_runs_and_when_lines_move(repo: Repo) -> None:
    def fingerprints() -> dict[str, str]:
        _, out = run("lint", "--root", str(repo.root), "--format", "gitlab")
        return {i["fingerprint"]: i["description"] for i in json.loads(out)}

    broken(repo)
    first = fingerprints()
    assert fingerprints() == first
    repo.replace(FU, "kommun: ludvika\n", "# En kommentar överst flyttar varje rad.\nkommun: ludvika\n")
    assert fingerprints() == first


def test_junit_has_one_test_case_per_file_and_a_failure_per_finding(repo: Repo) -> None:
    code, out = run("lint", "--root", str(broken(repo).root), "--format", "junit")
    assert code == 1
    suites = ET.fromstring(out)
    cases = suites.findall("./testsuite/testcase")
    names = [c.get("name") for c in cases]
    assert len(names) == len(set(names)) == 9  # every checked file, failing or not
    by_name = {c.get("name"): c for c in cases}
    failures = by_name[f"data/{FU}"].findall("failure")
    assert [f.get("type") for f in failures].count("NV105") == 1
    nv105 = next(f for f in failures if f.get("type") == "NV105")
    assert (nv105.text or "").startswith(f"data/{FU}:20:22: fel NV105 ")
    assert by_name["data/region/handlingsplan-2024.yaml"].findall("failure") == []
    _, gitlab = run("lint", "--root", str(repo.root), "--format", "gitlab")
    assert sum(len(c.findall("failure")) for c in cases) == len(json.loads(gitlab))
    assert suites.get("tests") == "9"
    assert suites.get("failures") == str(sum(1 for c in cases if c.findall("failure")))


@pytest.mark.parametrize(("actions", "start"), [("true", "::error file="), ("", "data/")])
def test_format_auto_is_annotations_under_github_actions(repo: Repo, actions: str, start: str) -> None:
    _, out = run("validate", "--root", str(broken(repo).root), "-f", "auto", env={"GITHUB_ACTIONS": actions})
    assert out.startswith(start)


def test_fail_on_warning_for_both_commands_and_strict_as_its_alias(repo: Repo) -> None:
    root = str(repo.root)  # the conformance repository has warnings and no errors
    assert run("lint", "--root", root)[0] == 0
    assert run("lint", "--root", root, "--fail-on", "warning")[0] == 1
    assert run("lint", "--root", root, "--strict")[0] == 1
    assert run("validate", "--root", root, "--fail-on", "warning")[0] == 0  # validate has no warnings
    broken(repo)
    assert run("validate", "--root", root, "--fail-on", "error")[0] == 1
