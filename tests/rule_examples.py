"""A rule's documented examples, read from its docstring and run against a small in-memory repository.

The form (docs/rules.md shows it to people, tests/test_rules.py runs it):

    Godkänt (data/kommuner/borlange/uppfoljning-2024.yaml):

    ```yaml
    kommun: borlange
    ```

    Fel (NV203):

    ```yaml
    kommun: borlang
    ```

The passing block stands, exactly once, in the named file of the example repository (the
conformance repository, Borlänge's follow-up for 2025 and a Kolada import for 2024). The
failing example is the same repository with the passing block replaced by the failing
one, or, when its heading says `tas bort`, without the file. A failing heading may name
another file of its own (its block is then that whole file). The rule must say nothing
about the passing block's lines, and something new about the failing repository.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from naravard.core import check
from naravard.findings import Finding
from naravard.repository import load_repository
from naravard.rules import Rule

CONFORMANCE = Path(__file__).parent / "fixtures" / "conformance" / "repo"
TODAY = date(2026, 11, 23)
FU24 = "data/kommuner/borlange/uppfoljning-2024.yaml"
FU25 = "data/kommuner/borlange/uppfoljning-2025.yaml"

_HEADING = re.compile(
    r"^(?P<kind>Godkänt|Fel|Varning)\b(?P<rest>(?:[^\n]|\n(?!\n))*?):?\n\n(?:```yaml\n(?P<block>.*?)```)?",
    re.MULTILINE | re.DOTALL,
)
_FILE = re.compile(r"\b(data/[^\s),]+\.yaml|naravard\.yaml)\b")


@dataclass(frozen=True)
class Example:
    """A rule's documented pair: where, what passes and what fails."""

    file: str
    passing: str
    failing: str | None  # None: the file is removed
    failing_file: str


KOLADA = (
    "ar: 2024\nkommuner:\n"
    "  borlange:\n"
    "    undvikbar-slutenvard: {varde: 990.5, kolada: U71411, period: 2024, hamtad: 2025-03-03}\n"
)


@cache
def _conformance() -> dict[str, bytes]:
    return {p.relative_to(CONFORMANCE).as_posix(): p.read_bytes() for p in CONFORMANCE.rglob("*.yaml")}


def conformance() -> dict[str, bytes]:
    """The conformance repository's files (path → bytes), to edit in memory."""
    return dict(_conformance())


def edited(files: dict[str, bytes], rel: str, old: str, new: str) -> dict[str, bytes]:
    """The files with `old` (standing once) replaced by `new` in the file `rel`."""
    text = files[rel].decode("utf-8")
    assert text.count(old) == 1, f"{old!r} should occur once in {rel}"
    return {**files, rel: text.replace(old, new).encode("utf-8")}


def located(files: Mapping[str, bytes], *, warnings: bool = False) -> list[tuple[str, int, int, str]]:
    """(file relative to data/, line, column, code) of every finding of the files, as validate/lint."""
    repo = load_repository(CONFORMANCE, contents=files)
    return [
        (f.location.file.removeprefix("data/"), f.location.line, f.location.column, f.code)
        for f in check(repo, warnings=warnings, today=TODAY)
    ]


def base() -> dict[str, bytes]:
    """The example repository: the conformance repository, Borlänge 2025 (a copy of 2024), Kolada 2024."""
    files = conformance()
    text = files[FU24].decode("utf-8")
    text = text.replace("ar: 2024", "ar: 2025").replace("inlamnad: 2025-02-28", "inlamnad: 2026-02-20")
    files[FU25] = text.replace("Årlig uppföljning 2024", "Årlig uppföljning 2025").encode("utf-8")
    files["data/region/nyckeltal-2024.yaml"] = KOLADA.encode("utf-8")
    return files


def example(rule: Rule) -> Example:
    """The first passing and the first failing example of the rule's docstring."""
    passing = failing = None
    for match in _HEADING.finditer(rule.doc):
        if match["kind"] == "Godkänt" and passing is None:
            passing = match
        elif match["kind"] != "Godkänt" and failing is None:
            failing = match
    assert passing is not None, f"{rule.code}: no passing example (Godkänt (fil): and a yaml block)"
    assert failing is not None, (
        f"{rule.code}: no failing example (Fel/Varning ({rule.code}): and a yaml block)"
    )
    assert f"({rule.code})" in failing["rest"], f"{rule.code}: the failing heading names another code"
    named = _FILE.search(passing["rest"])
    assert named is not None and passing["block"], f"{rule.code}: the passing example names no file"
    own = _FILE.search(failing["rest"])
    removed = "tas bort" in failing["rest"]
    assert removed or failing["block"], f"{rule.code}: the failing example has no yaml block"
    return Example(
        named[1], passing["block"], None if removed else failing["block"], own[1] if own else named[1]
    )


def findings(files: Mapping[str, bytes], rule: Rule) -> set[Finding]:
    repo = load_repository(CONFORMANCE, contents=files)
    return {f for f in check(repo, warnings=True, today=TODAY) if f.code == rule.code}


@cache
def _base_findings() -> dict[str, frozenset[Finding]]:
    files = base()
    repo = load_repository(CONFORMANCE, contents=files)
    found: dict[str, set[Finding]] = {}
    for f in check(repo, warnings=True, today=TODAY):
        found.setdefault(f.code, set()).add(f)
    return {code: frozenset(fs) for code, fs in found.items()}


def run(rule: Rule) -> tuple[set[Finding], set[Finding]]:
    """(findings on the passing block's lines, new findings of the failing repository)."""
    ex = example(rule)
    files = base()
    text = files[ex.file].decode("utf-8")
    assert text.count(ex.passing) == 1, f"{rule.code}: the passing block is not once in {ex.file}"
    first = text[: text.index(ex.passing)].count("\n") + 1
    lines = range(first, first + ex.passing.count("\n"))
    before = set(_base_findings().get(rule.code, frozenset()))
    on_block = {f for f in before if f.location.file == ex.file and f.location.line in lines}
    if ex.failing is None:
        del files[ex.failing_file]
    elif ex.failing_file != ex.file:
        files[ex.failing_file] = ex.failing.encode("utf-8")
    else:
        files[ex.file] = text.replace(ex.passing, ex.failing).encode("utf-8")
    return on_block, findings(files, rule) - before
