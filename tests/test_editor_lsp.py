"""The real editor: yaml-language-server (VS Code's YAML extension) and check-jsonschema on the schemas.

The shipped data gets a strategy revision from 2026 that renames a delmål and widens the scale to
1–5 (tests/editor_mutations.py). The editor must then judge each follow-up by its own year's
revision, as validate does, and agree with validate at line:column on real mistakes.
`make editor-server` installs the server; without node or the server these tests skip.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import PROJECT
from tests.editor_mutations import NEW_DELMAL, OLD_DELMAL, Verdict, compare, mutants, revised
from tests.lsp import YamlLanguageServer, server_command

BIN = Path(sys.executable).parent
FU24 = "data/kommuner/ludvika/uppfoljning-2024.yaml"
FU26 = "data/kommuner/ludvika/uppfoljning-2026.yaml"
SCORE = "\n  nara-for-alla: 3\n"

needs_server = pytest.mark.skipif(
    server_command() is None, reason="yaml-language-server saknas (make editor-server)"
)


@pytest.fixture(scope="module")
def revised_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("reviderad")
    shutil.copytree(PROJECT / "data", root / "data")
    revised(root)
    return root


@pytest.fixture(scope="module")
def server(revised_repo: Path) -> Iterator[YamlLanguageServer]:
    if server_command() is None:
        pytest.skip("yaml-language-server saknas (make editor-server)")
    with YamlLanguageServer(revised_repo.parent, {}) as running:
        yield running


def _edited(root: Path, rel: str, old: str, new: str, name: str) -> Path:
    """A copy of `rel` with one edit, beside it (same folder, so its modeline finds the schema)."""
    source = root / rel
    text = source.read_text(encoding="utf-8")
    assert text.count(old) == 1, (old, rel)
    target = source.with_name(name)
    target.write_text(text.replace(old, new), encoding="utf-8")
    return target


def _check_jsonschema(paths: list[Path], schema: Path) -> dict[Path, bool]:
    """Whether check-jsonschema accepts each file (one run per file, so each verdict is its own)."""
    verdicts = {}
    for path in paths:
        done = subprocess.run(
            [str(BIN / "check-jsonschema"), "--schemafile", str(schema), str(path)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode in (0, 1), done.stderr
        verdicts[path] = done.returncode == 0
    return verdicts


def _revision_cases(root: Path) -> dict[str, tuple[Path, bool]]:
    """The follow-ups of both revisions, valid and with a 5 (valid only from 2026): path, valid."""
    folder = root / "data/kommuner/ludvika"
    five24 = _edited(root, FU24, SCORE, "\n  nara-for-alla: 5\n", "fem-2024.yaml")
    five26 = _edited(root, FU26, SCORE, "\n  nara-for-alla: 5\n", "fem-2026.yaml")
    new_in_24 = _edited(root, FU24, f"\n  {OLD_DELMAL}: ", f"\n  {NEW_DELMAL}: ", "nytt-id-2024.yaml")
    return {
        "giltig 2024": (folder / "uppfoljning-2024.yaml", True),
        "giltig 2026": (folder / "uppfoljning-2026.yaml", True),
        "5 år 2024": (five24, False),
        "5 år 2026": (five26, True),
        "2026 års delmål-id år 2024": (new_in_24, False),
    }


@needs_server
def test_the_editor_judges_each_follow_up_by_the_revision_of_its_year(
    revised_repo: Path, server: YamlLanguageServer
) -> None:
    cases = _revision_cases(revised_repo)
    seen = server.diagnostics([path for path, _ in cases.values()])
    verdicts = {name: not seen[path] for name, (path, _) in cases.items()}
    assert verdicts == {name: valid for name, (_, valid) in cases.items()}
    path = cases["5 år 2024"][0]
    [five] = seen[path]
    line = path.read_text(encoding="utf-8").splitlines().index("  nara-for-alla: 5") + 1
    assert (five.line, five.column) == (line, 18)  # the 5, where validate reports NV206


@pytest.mark.skipif(not (BIN / "check-jsonschema").exists(), reason="check-jsonschema saknas (extra: bench)")
def test_check_jsonschema_judges_each_follow_up_by_the_revision_of_its_year(revised_repo: Path) -> None:
    cases = _revision_cases(revised_repo)
    schema = revised_repo / "schemas" / "uppfoljning.schema.json"
    accepted = _check_jsonschema([path for path, _ in cases.values()], schema)
    assert {name: accepted[path] for name, (path, _) in cases.items()} == {
        name: valid for name, (_, valid) in cases.items()
    }


@needs_server
def test_the_editor_checks_calendar_dates(revised_repo: Path, server: YamlLanguageServer) -> None:
    dates = {
        "2025-02-30": False,
        "2023-02-29": False,
        "2024-02-29": True,
        "2100-02-29": False,
        "2000-02-29": True,
    }
    paths = {
        day: _edited(revised_repo, FU24, "inlamnad: 2025-02-27", f"inlamnad: {day}", f"datum-{day}.yaml")
        for day in dates
    }
    seen = server.diagnostics(list(paths.values()))
    assert {day: not seen[path] for day, path in paths.items()} == dates
    assert "finnas i kalendern" in seen[paths["2025-02-30"]][0].message


@needs_server
def test_the_long_form_of_a_value_is_closed(revised_repo: Path, server: YamlLanguageServer) -> None:
    path = _edited(
        revised_repo,
        FU24,
        "  fast-vardkontakt: 32.4\n",
        "  fast-vardkontakt: {varde: 50,2, kommentar: Prel.}\n",
        "komma.yaml",
    )
    [problem] = server.diagnostics([path])[path]
    text = path.read_text(encoding="utf-8").splitlines()[problem.line - 1]
    assert text[problem.column - 1 :].startswith("2, kommentar")


# Where a JSON Schema cannot say what validate says, the two differ; each such mutation is named.
KNOWN = {
    # The label must be a step between the scale's min and max: NV215 compares two values.
    "strategi: etikett utanför skalan": "bara validate avvisar",
    # A misspelt key: both name it where it stands; the editor also says (at the item) that the
    # right key is missing, where validate says one thing for one mistake.
    "felstavad nyckel": "delvis samma",
    "plan: felstavad nyckel": "delvis samma",
    # `{varde: 50,2, …}`: the editor underlines the key `2`, validate the empty value after it.
    "decimalkomma, lång form": "annan plats",
}


@needs_server
def test_the_editor_and_validate_agree_on_mutated_files(tmp_path: Path, revised_repo: Path) -> None:
    """Every mutation on one kommun's 2024 and 2026 follow-ups, its plan and the strategy."""
    chosen = (FU24, FU26, "data/kommuner/ludvika/lokal-plan.yaml", "data/region/strategi.yaml")
    template = tmp_path / "mall"
    shutil.copytree(
        revised_repo, template, ignore=shutil.ignore_patterns("fem-*", "nytt-*", "datum-*", "komma*")
    )
    found = [m for m in mutants(template) if m.rel in chosen]
    assert len(found) >= 40
    with YamlLanguageServer(tmp_path, {}) as server:

        def editor(paths: list[Path]) -> dict[Path, frozenset[tuple[int, int]]]:
            return {
                p: frozenset((d.line, d.column) for d in ds) for p, ds in server.diagnostics(paths).items()
            }

        verdicts = compare(template, tmp_path / "work", found, editor)
    originals = [v for v in verdicts if v.mutant is None]
    assert [v.rel for v in originals if v.outcome != "båda godtar"] == []

    def differs(v: Verdict) -> bool:
        assert v.mutant is not None
        if v.mutant.mutation in KNOWN:
            expected = KNOWN[v.mutant.mutation]
            return expected is not None and v.outcome != expected
        return v.outcome not in ("båda godtar", "samma rad:kolumn")

    assert [
        (v.mutant.mutation, v.rel, sorted(v.editor), sorted(v.cli))
        for v in verdicts
        if v.mutant and differs(v)
    ] == []


@needs_server
def test_the_new_follow_up_snippet_is_valid_as_inserted(
    revised_repo: Path, server: YamlLanguageServer
) -> None:
    empty = revised_repo / "data/kommuner/ludvika/ny.yaml"
    empty.write_text(
        "# yaml-language-server: $schema=../../../schemas/uppfoljning.schema.json\n", encoding="utf-8"
    )
    items = server.completion(empty, line=1, character=0)
    inserted = [item.get("insertText", "") for item in items]
    assert not [text for text in inserted if re.search(r"\bar: \$?\{?\d?:?0\b", text)]
    [snippet] = [item for item in items if item["label"] == "Ny uppföljning"]
    # Every placeholder as VS Code fills it: the default, or the first choice.
    body = re.sub(r"\$\{\d+\|([^,|]+)[^}]*\}", r"\1", snippet["insertText"])
    body = re.sub(r"\$\{\d+:([^}]*)\}", r"\1", body)
    body = re.sub(r"\$\{\d+\}", "", body)
    filled = empty.with_name("ny-ifylld.yaml")
    filled.write_text(empty.read_text(encoding="utf-8") + body, encoding="utf-8")
    assert server.diagnostics([filled])[filled] == []


@needs_server
def test_completion_names_the_ids_and_hover_shows_one_title(
    revised_repo: Path, server: YamlLanguageServer
) -> None:
    activity = "  - id: trygg-utskrivning-ludvika\n    status: pagaende\n"
    path = _edited(revised_repo, FU24, activity, activity.replace("pagaende", ""), "status.yaml")
    line = path.read_text(encoding="utf-8").splitlines().index("    status: ")
    items = server.completion(path, line=line, character=12)
    assert {item["label"]: item.get("documentation") for item in items}["pagaende"] in (
        "Pågående",
        {"kind": "markdown", "value": "Pågående"},
    )
    long_form = revised_repo / FU24
    lines = long_form.read_text(encoding="utf-8").splitlines()
    row = next(i for i, text in enumerate(lines) if "kommentar: Läkarkontinuiteten" in text)
    hover = server.hover(long_form, line=row, character=lines[row].index("kommentar") + 2)
    assert "Kommentar" in hover and "||" not in hover
