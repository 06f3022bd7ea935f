"""Broken and hostile files: each becomes a positioned Swedish diagnostic, never a traceback."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest
import yaml

from naravard.loader import load_text
from naravard.loader.tree import Span, build_tree, resolve_plain
from tests.conftest import Repo

FU = "kommuner/borlange/uppfoljning-2024.yaml"

LOADER_CODES = {"NV002", "NV003", "NV007", "NV009", "NV010"}


def findings(data: bytes) -> list[tuple[int, int, str]]:
    doc = load_text("x.yaml", data)
    return [(f.location.line, f.location.column, f.code) for f in doc.findings]


def test_windows_1252_is_named_with_the_position_of_the_first_bad_byte() -> None:
    doc = load_text("x.yaml", "kommun: falun\ntitel: Lokal plan för Falun\n".encode("cp1252"))
    [finding] = doc.findings
    assert (finding.location.line, finding.location.column, finding.code) == (2, 20, "NV002")
    assert "Windows-1252" in finding.message
    assert "UTF-8" in finding.message


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-32"])
def test_utf16_and_utf32_are_named(encoding: str) -> None:
    doc = load_text("x.yaml", "kommun: falun\ntitel: Hälsa\n".encode(encoding))
    [finding] = doc.findings
    assert finding.code == "NV002"
    assert encoding[:6].upper() in finding.message


def test_a_nul_byte_is_an_error_at_its_position() -> None:
    assert findings(b"kommun: falun\nar: 20\x0024\n") == [(2, 7, "NV002")]


def test_bom_and_crlf_are_accepted() -> None:
    doc = load_text("x.yaml", b"\xef\xbb\xbfkommun: falun\r\nar: 2024\r\n")
    assert doc.findings == []
    assert doc.value == {"kommun": "falun", "ar": 2024}
    assert doc.at(("ar",)).line == 2


@pytest.mark.parametrize("text", [b"", b"# bara en kommentar\n", b"\xef\xbb\xbf\n\n"])
def test_an_empty_file_is_reported(text: bytes) -> None:
    assert findings(text) == [(1, 1, "NV003")]


def test_yaml_1_1_surprises_do_not_happen() -> None:
    doc = load_text("x.yaml", b"a: NO\nb: 0114\nc: on\nd: 2024-02-14\ne: 1e3\n")
    assert doc.value == {"a": "NO", "b": 114, "c": "on", "d": "2024-02-14", "e": 1000.0}


def test_deep_nesting_is_refused_with_a_position() -> None:
    text = "a: " + "[" * 300 + "]" * 300 + "\n"
    assert findings(text.encode()) == [(1, 43, "NV007")]


def test_an_alias_bomb_is_refused_without_being_expanded() -> None:
    """The first anchor is refused, so nothing is built from the aliases (bench/hostile.py times it)."""
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for i in range(1, 10):
        prev = chr(ord("a") + i - 1)
        name = chr(ord("a") + i)
        lines.append(f"{name}: &{name} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]")
    doc = load_text("x.yaml", "\n".join(lines).encode())
    assert not doc.ok
    assert str(doc.value).count("'x'") == 9  # the anchored list itself, no alias expanded
    assert {f.code for f in doc.findings} == {"NV005"}


def test_a_huge_integer_is_an_error_not_a_crash() -> None:
    assert findings(b"a: " + b"9" * 5000 + b"\n") == [(1, 4, "NV105")]


def test_a_list_at_the_top_is_a_type_error(repo: Repo) -> None:
    repo.write(FU, "- kommun: borlange\n- ar: 2024\n")
    assert (FU, 1, 1, "NV101") in repo.codes()


def test_a_tag_never_constructs_an_object(repo: Repo, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    repo.write(FU, f"kommun: !!python/object/apply:os.system ['touch {marker}']\n")
    assert (FU, 1, 9, "NV005") in repo.codes()
    assert not marker.exists()


@pytest.mark.parametrize("to", ["secret", "/dev/zero"])
def test_a_symlink_out_of_the_repository_is_not_read(repo: Repo, tmp_path: Path, to: str) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("API_TOKEN=hemligt\n", encoding="utf-8")
    target = repo.path(FU)
    target.unlink()
    os.symlink(secret if to == "secret" else to, target)
    result = repo.validate()
    [finding] = [f for f in result.findings if f.location.file.endswith(FU)]
    assert finding.code == "NV009"
    assert all("hemligt" not in f.message for f in result.findings)


def test_a_file_in_a_folder_that_became_a_link_out_is_not_read(repo: Repo, tmp_path: Path) -> None:
    """Each folder is resolved once per load (issue 18), never once per process: a folder turned
    into a link between two loads is seen as one by the second."""
    from naravard.loader import forget_folders, read_file

    plan = repo.path("kommuner/borlange/lokal-plan.yaml")
    assert isinstance(read_file(repo.root, plan), bytes)
    outside = tmp_path / "utanfor"
    (repo.path("kommuner/borlange")).rename(outside)
    repo.path("kommuner/borlange").symlink_to(outside, target_is_directory=True)
    forget_folders()  # what every load does first
    refused = read_file(repo.root, plan)
    assert not isinstance(refused, bytes)
    assert "symbolisk länk" in refused.findings[0].message


def test_a_file_loaded_alone_is_refused_once_its_folder_became_a_link_out(repo: Repo, tmp_path: Path) -> None:
    """fmt and the Kolada store load one file at a time (`load_document`): each is a load of its own."""
    from naravard.loader import load_document

    plan = repo.path("kommuner/borlange/lokal-plan.yaml")
    assert load_document(repo.root, plan).ok
    outside = tmp_path / "utanfor"
    repo.path("kommuner/borlange").rename(outside)
    repo.path("kommuner/borlange").symlink_to(outside, target_is_directory=True)
    refused = load_document(repo.root, plan)
    assert [f.code for f in refused.findings] == ["NV009"]
    assert "symbolisk länk" in refused.findings[0].message


def test_a_file_over_the_size_limit_is_not_read(repo: Repo) -> None:
    repo.write(FU, "kommun: borlange\n" + "# fyllnad\n" * 300_000)
    assert (FU, 1, 1, "NV009") in repo.codes()


@pytest.mark.parametrize(
    ("name", "suggestion"),
    [
        ("kommuner/borlange/uppföljning-2025.yaml", "uppfoljning-2025.yaml"),
        ("kommuner/borlange/uppfoljning-2025.yml", "uppfoljning-2025.yaml"),
        ("kommuner/borlange/lokal_plan.yaml", "lokal-plan.yaml"),
        ("region/strategy.yaml", "strategi.yaml"),
    ],
)
def test_an_unknown_file_name_is_an_error_with_a_suggestion(repo: Repo, name: str, suggestion: str) -> None:
    repo.write(name, "kommun: borlange\n")
    [finding] = repo.validate().findings
    assert (finding.location.file, finding.code) == (f"data/{name}", "NV010")
    assert suggestion in finding.message


@pytest.mark.parametrize(
    "data",
    [
        b"a: 'oavslutad\n",
        b"a: [1, 2\n",
        b"a:\n  - b\n c: d\n",
        b"%YAML 1.3\n---\na: 1\n",
        b"? [a, b]\n: c\n",
        b"a: {b: 1, b: 2}\n",
        b'a: "\\q"\n',
        b"\xff\xfe\xfd",
        b"a: \xed\xa0\x80\n",
        "a: b\u0085c\n".encode(),
    ],
)
def test_broken_yaml_gives_findings_and_no_exception(data: bytes) -> None:
    found = findings(data)
    assert found
    assert all(line >= 1 and column >= 1 for line, column, _ in found)


def test_keys_that_differ_only_in_unicode_form_are_duplicates() -> None:
    nfc, nfd = "hälsa", "ha\u0308lsa"
    assert findings(f"{nfc}: 1\n{nfd}: 2\n".encode()) == [(2, 1, "NV004")]


def test_a_fifo_is_not_opened(repo: Repo) -> None:
    target = repo.path(FU)
    target.unlink()
    os.mkfifo(target)
    assert (FU, 1, 1, "NV009") in repo.codes()


def test_an_unknown_key_suggests_the_nearest_known_one(repo: Repo) -> None:
    repo.replace(FU, "sjalvskattning:", "sjalvskatning:")
    [message] = [f.message for f in repo.validate().findings if f.code == "NV103"]
    assert "Menade du `sjalvskattning`?" in message
    assert "Tillåtna nycklar här: kommun, ar, inlamnad" in message


def _composed_spans(text: str) -> dict[tuple[str | int, ...], Span]:
    """Every path's span as PyYAML's composer sees it: the oracle for the compact positions."""
    found: dict[tuple[str | int, ...], Span] = {}

    def walk(node: yaml.Node, path: tuple[str | int, ...], key_mark: yaml.Mark) -> None:
        mark = node.start_mark
        found[path] = Span(key_mark.line + 1, key_mark.column + 1, mark.line + 1, mark.column + 1)
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                name = key.value if key.style else resolve_plain(key.value)
                walk(value, (*path, name), key.start_mark)
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                walk(item, (*path, i), item.start_mark)

    root = yaml.compose(text, Loader=yaml.CSafeLoader)
    assert root is not None
    walk(root, (), root.start_mark)
    return found


ROOT = Path(__file__).resolve().parent.parent
CONFORMANCE = ROOT / "tests/fixtures/conformance/repo"
REAL_FILES = sorted([*(ROOT / "data").rglob("*.yaml"), *CONFORMANCE.rglob("*.yaml")])


@pytest.mark.parametrize("path", REAL_FILES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_positions_agree_with_the_yaml_composer_for_every_path(path: Path) -> None:
    text = path.read_text(encoding="utf-8-sig")
    positions = build_tree(text).spans
    expected = _composed_spans(text)
    assert {p: positions.get(p) for p in expected} == expected
    assert len(positions) == len(expected)
    assert positions.get(("no-such-key",)) is None
    deepest = max(expected, key=len)
    assert pickle.loads(pickle.dumps(positions)).get(deepest) == expected[deepest]
