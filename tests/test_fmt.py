"""`naravard fmt`: canonical formatting that keeps every comment, value, BOM and line ending."""

from __future__ import annotations

import codecs
import io
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from naravard import atomic
from naravard.authoring import fmt
from naravard.authoring.fmt import format_bytes, format_paths, same_values
from naravard.authoring.lines import comment_texts
from naravard.authoring.targets import model_for
from naravard.model.followup import Uppfoljning
from naravard.model.messages import fields_at
from tests.authoring_support import invoke, shipped_copy, values
from tests.conftest import FIXTURES, PROJECT, Repo

HAND_WRITTEN = FIXTURES / "authoring" / "kommentarer-overallt.yaml"
HAND_FORMATTED = FIXTURES / "authoring" / "kommentarer-overallt.formaterad.yaml"
SHIPPED = [*sorted((PROJECT / "data").rglob("*.yaml")), PROJECT / "naravard.yaml"]
CONFORMANCE = sorted((FIXTURES / "conformance" / "repo" / "data").rglob("*.yaml"))
FU = "kommuner/ludvika/uppfoljning-2024.yaml"


def formatted(data: bytes, model: Any = Uppfoljning) -> bytes:
    result = format_bytes(Path("x.yaml"), "x.yaml", data, model)
    assert result.refusal is None, (result.refusal, result.findings)
    assert result.after is not None
    return result.after


def model_of(path: Path) -> Any:
    root = next(folder for folder in path.parents if (folder / "data" / "region").is_dir())
    known, model = model_for(root, path)
    assert known
    return model


def keys_in_canonical_order(value: Any, model: Any, path: tuple[Any, ...] = ()) -> bool:
    if isinstance(value, dict):
        fields = fields_at(model, path)
        keys = list(value)
        if fields and all(k in fields for k in keys) and keys != sorted(keys, key=fields.index):
            return False
        return all(keys_in_canonical_order(v, model, (*path, k)) for k, v in value.items())
    if isinstance(value, list):
        return all(keys_in_canonical_order(v, model, (*path, i)) for i, v in enumerate(value))
    return True


# --- the shipped data and the conformance repository ---------------------------------------------


@pytest.mark.parametrize("path", SHIPPED + CONFORMANCE, ids=lambda p: p.relative_to(PROJECT).as_posix())
def test_fmt_leaves_every_shipped_file_as_it_is(path: Path) -> None:
    data = path.read_bytes()
    assert formatted(data, model_of(path)) == data


def _reversed_keys(node: Any) -> None:
    """Reverse the key order of every mapping (comments go wherever ruamel.yaml puts them)."""
    if isinstance(node, CommentedMap):
        for key in reversed(list(node)):
            node.move_to_end(key)
        for value in node.values():
            _reversed_keys(value)
    elif isinstance(node, CommentedSeq):
        for item in node:
            _reversed_keys(item)


@pytest.mark.parametrize("path", SHIPPED + CONFORMANCE, ids=lambda p: p.relative_to(PROJECT).as_posix())
def test_fmt_puts_scrambled_keys_back_in_order_and_keeps_every_value_and_comment(path: Path) -> None:
    original = path.read_bytes()
    rt = YAML(typ="rt")
    rt.width = 4096
    data = rt.load(original.decode("utf-8"))
    _reversed_keys(data)
    out = io.StringIO()
    rt.dump(data, out)
    scrambled = out.getvalue().encode("utf-8")
    model = model_of(path)
    assert scrambled != original or not isinstance(data, dict) or len(data) < 2

    result = formatted(scrambled, model)

    assert same_values(values(result), values(original))
    assert Counter(comment_texts(result.decode())) == Counter(comment_texts(original.decode()))
    assert keys_in_canonical_order(values(result), model)
    assert formatted(result, model) == result  # a second run changes nothing


def test_many_files_are_formatted_in_worker_processes_with_the_same_results(
    repo: Repo, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo.write_bytes(FU, HAND_WRITTEN.read_bytes())
    serial = format_paths(repo.root)
    monkeypatch.setattr(fmt, "PARALLEL_FROM", 2)
    assert format_paths(repo.root) == serial
    assert [r.rel for r in serial if r.changed] == [f"data/{FU}"]


def test_fmt_of_the_whole_shipped_repository_changes_nothing(tmp_path: Path) -> None:
    root = shipped_copy(tmp_path)
    before = {p: p.read_bytes() for p in root.rglob("*.yaml")}
    code, out, err = invoke("fmt", "--check", "--root", str(root))
    assert (code, out) == (0, "")
    assert f"0 filer behöver formateras (kör `naravard fmt`), {len(before)} redan formaterade." in err
    assert {p: p.read_bytes() for p in root.rglob("*.yaml")} == before


# --- a hand-written file with comments everywhere --------------------------------------------------


def test_a_hand_written_file_gets_its_keys_in_order_with_every_comment_and_value_kept() -> None:
    original = HAND_WRITTEN.read_bytes()

    result = formatted(original)

    assert result == HAND_FORMATTED.read_bytes()
    assert same_values(values(result), values(original))
    assert Counter(comment_texts(result.decode())) == Counter(comment_texts(original.decode()))
    assert len(comment_texts(original.decode())) == 23
    assert keys_in_canonical_order(values(result), Uppfoljning)
    assert not keys_in_canonical_order(values(original), Uppfoljning)
    assert formatted(result) == result


@pytest.mark.parametrize(
    ("comment", "key_line"),
    [
        ("# Inlämnad efter årets slut.", 'inlamnad: "2025-02-10"'),
        ("# Här står id:t.", "  - id: mobil-hemsjukvard"),
        ("# resultat före id också", "    resultat: |"),
        ("# Framgångsfaktorer ovanför sin nyckel.", "  framgangsfaktorer: Gemensamma möten"),
        ("# Del 3 kommer före del 1 här.", "nyckeltal:"),
        ("# Det här nyckeltalet är inte publicerat ännu.", "  undvikbar-slutenvard: null"),
    ],
)
def test_a_comment_above_a_key_moves_with_that_key(comment: str, key_line: str) -> None:
    lines = formatted(HAND_WRITTEN.read_bytes()).decode().splitlines()
    at = [line.strip() for line in lines].index(comment)
    assert lines[at + 1] == key_line


def test_comments_in_and_after_block_scalars_and_at_line_ends_stay_where_they_were() -> None:
    text = formatted(HAND_WRITTEN.read_bytes()).decode()
    assert "      # Det här är text, ingen kommentar.\n" in text  # text inside a block, not a comment
    assert "    resultat: >-   # kommentar efter ett block\n" in text
    assert (
        "      Fortsätter som ordinarie verksamhet.\n    # Efter blocket, före slutet av aktiviteten.\n"
        in text
    )
    assert "    status: pagaende   # fortfarande igång\n" in text
    assert text.endswith("# Sist i filen.\n")
    assert text.startswith("# yaml-language-server: $schema=")


def test_crlf_and_a_byte_order_mark_are_kept() -> None:
    windows = codecs.BOM_UTF8 + HAND_WRITTEN.read_bytes().replace(b"\n", b"\r\n")

    result = formatted(windows)

    assert result == codecs.BOM_UTF8 + HAND_FORMATTED.read_bytes().replace(b"\n", b"\r\n")
    assert formatted(result) == result


def test_lf_without_a_byte_order_mark_stays_so() -> None:
    result = formatted(HAND_WRITTEN.read_bytes())
    assert b"\r" not in result
    assert not result.startswith(codecs.BOM_UTF8)


def test_quotes_are_dropped_only_where_every_reader_reads_the_same_text() -> None:
    text = (
        "kommun: 'ludvika'\n"
        'ar: 2024\naktiviteter: []\nreflektion: {lardomar: "Klart", framgangsfaktorer: "a, b",\n'
        '  utmaningar: "no", bedomning: "Möte: kl 10"}\n'
        'sjalvskattning: {"nara-for-mig": 2}\n'
        "nyckeltal: {}\n"
        "# kod och tal inom citattecken är text\n"
    )
    out = formatted(text.encode()).decode()
    assert out.startswith("kommun: ludvika\n")
    assert 'lardomar: Klart, framgangsfaktorer: "a, b"' in out  # a comma needs quotes in {…}
    assert 'utmaningar: "no"' in out  # YAML 1.1 reads no as false
    assert 'bedomning: "Möte: kl 10"' in out
    assert "{nara-for-mig: 2}" in out


def test_nulls_keep_their_spelling_and_empty_values_stay_empty() -> None:
    text = "kommun: ludvika\nar: 2024\ninlamnad:\naktiviteter: []\nnyckeltal: {a: ~, b: null}\n"
    out = formatted(text.encode(), None).decode()
    assert "inlamnad:\n" in out
    assert "{a: null, b: null}" in out


def test_a_flow_mapping_gets_its_keys_in_order() -> None:
    repo_text = (PROJECT / "data" / "kommuner" / "falun" / "uppfoljning-2024.yaml").read_text(
        encoding="utf-8"
    )
    scrambled = repo_text.replace(
        "fast-vardkontakt: {varde: 50.2, kommentar: Andel med namngiven fast läkarkontakt, kalla: Kolada}",
        "fast-vardkontakt: {kalla: Kolada, kommentar: Andel med namngiven fast läkarkontakt, varde: 50.2}",
    )
    assert scrambled != repo_text
    assert formatted(scrambled.encode()).decode() == repo_text


def test_blank_lines_stay_between_the_same_places_when_keys_move() -> None:
    text = "ar: 2024\n\n\nkommun: a\n\n# om reflektionen\nreflektion:\n  bedomning: b\n\n  lardomar: x\n"
    out = formatted(text.encode(), Uppfoljning).decode()
    expected = "kommun: a\n\n\nar: 2024\n\n# om reflektionen\nreflektion:\n  lardomar: x\n\n  bedomning: b\n"
    assert out == expected


def test_a_kept_block_text_that_moves_to_the_end_keeps_its_blank_lines_and_settles() -> None:
    text = "kommun: a\nar: 2024\nreflektion:\n  utmaningar: |+\n    text\n\n\n  lardomar: x\n"
    out = formatted(text.encode(), Uppfoljning)
    assert values(out)["reflektion"] == {"lardomar": "x", "utmaningar": "text\n\n\n"}
    assert formatted(out, Uppfoljning) == out


def test_a_mapping_with_an_unknown_key_is_not_reordered() -> None:
    text = "kommun: ludvika\nar: 2024\nreflektion:\n  utmaningar: a\n  lardomr: b\n  bedomning: c\n"
    out = formatted(text.encode()).decode()
    assert out == text


# --- what fmt refuses --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"kommun: ludvika\nar: [2024\n", "NV001"),
        (b"kommun: ludvika\nkommun: orsa\n", "NV004"),
        (b"# bara en kommentar\n", "NV003"),
        ("kommun: Älvdalen\n".encode("cp1252"), "NV002"),
    ],
)
def test_a_file_that_does_not_load_is_never_rewritten(repo: Repo, content: bytes, code: str) -> None:
    repo.write_bytes(FU, content)
    code_, _, err = invoke("fmt", "--root", str(repo.root), str(repo.path(FU)))
    assert code_ == 1
    assert f"fel {code} " in err
    assert "formateras inte förrän felen ovan är rättade" in err
    assert repo.path(FU).read_bytes() == content


@pytest.mark.parametrize(
    ("content", "why"),
    [
        ("kommun: ludvika\nar: 2024\ninlamnad: 2025-02-30\n", "ofta ett datum som inte finns"),
        ("- kommun: ludvika\n- ar: 2024\n", "inte med en lista"),
    ],
)
def test_a_file_that_loads_but_cannot_be_formatted_is_left_alone(repo: Repo, content: str, why: str) -> None:
    repo.write(FU, content)
    code, _, err = invoke("fmt", "--root", str(repo.root), str(repo.path(FU)))
    assert code == 1
    assert why in err
    assert repo.read(FU) == content


HOSTILE = sorted((Path(__file__).parent / "hostile").glob("*.yaml"))


@pytest.mark.parametrize("case", HOSTILE, ids=lambda p: p.stem)
def test_fmt_survives_every_hostile_file_and_never_changes_a_value(repo: Repo, case: Path) -> None:
    data = case.read_bytes()
    repo.write_bytes(FU, data)
    code, _, err = invoke("fmt", "--root", str(repo.root), str(repo.path(FU)))
    after = repo.path(FU).read_bytes()
    assert code in (0, 1), err
    if code == 1:
        assert after == data
    elif after != data:
        assert same_values(values(after), values(data))


def test_a_symlink_is_not_formatted(repo: Repo) -> None:
    target = repo.path(FU)
    link = repo.path("kommuner/ludvika/uppfoljning-2023.yaml")
    link.symlink_to(target)
    code, _, err = invoke("fmt", "--root", str(repo.root), str(link))
    assert code == 1
    assert "symbolisk länk" in err
    assert link.is_symlink()


def test_fmt_refuses_what_would_lose_a_comment_or_change_a_value(monkeypatch: pytest.MonkeyPatch) -> None:
    data = HAND_WRITTEN.read_bytes()
    real = fmt.format_text
    monkeypatch.setattr(
        fmt, "format_text", lambda text, model: real(text, model).replace("# Sist i filen.\n", "")
    )
    assert format_bytes(Path("x"), "x", data, Uppfoljning).refusal == fmt._COMMENTS
    monkeypatch.setattr(
        fmt, "format_text", lambda text, model: real(text, model).replace("ar: 2024", "ar: 2025")
    )
    assert format_bytes(Path("x"), "x", data, Uppfoljning).refusal == fmt._VALUES
    monkeypatch.setattr(fmt, "format_text", lambda text, model: real(text, model).replace(": 45", ": 45.0"))
    assert format_bytes(Path("x"), "x", data, Uppfoljning).refusal == fmt._VALUES  # 45 and 45.0 differ


# --- the command: --check, writing, modes ------------------------------------------------------------


def test_check_prints_a_unified_diff_exits_1_and_writes_nothing(repo: Repo) -> None:
    path = repo.path(FU)
    path.write_bytes(HAND_WRITTEN.read_bytes())
    code, out, err = invoke("fmt", "--check", "--root", str(repo.root))
    assert code == 1
    assert out.startswith(f"--- a/data/{FU}\n+++ b/data/{FU}\n@@ ")
    assert "+kommun: borlange    # citattecken som inte behövs\n" in out
    assert "1 fil behöver formateras" in err
    assert path.read_bytes() == HAND_WRITTEN.read_bytes()


def test_fmt_writes_the_formatted_file_keeps_its_mode_and_a_second_run_changes_nothing(repo: Repo) -> None:
    path = repo.path(FU)
    path.write_bytes(HAND_WRITTEN.read_bytes())
    path.chmod(0o640)

    code, out, _ = invoke("fmt", "--root", str(repo.root), str(path))

    assert (code, out) == (0, f"Formaterade data/{FU}\n")
    assert path.read_bytes() == HAND_FORMATTED.read_bytes()
    assert path.stat().st_mode & 0o777 == 0o640
    assert invoke("fmt", "--check", "--root", str(repo.root), str(path))[0] == 0
    assert not list(path.parent.glob(f"*{atomic.TEMP_SUFFIX}"))


def test_paths_limit_what_is_formatted(repo: Repo) -> None:
    repo.write_bytes(FU, HAND_WRITTEN.read_bytes())
    other = repo.path("kommuner/borlange/uppfoljning-2024.yaml")
    other_before = other.read_bytes()
    other.write_bytes(other_before.replace(b"kommun: borlange\nar: 2024\n", b"ar: 2024\nkommun: borlange\n"))
    scrambled = other.read_bytes()
    code, _, _ = invoke("fmt", "--root", str(repo.root), str(repo.path("kommuner/ludvika")))
    assert code == 0
    assert other.read_bytes() == scrambled
    assert format_paths(repo.root, [other])[0].changed


def test_a_path_outside_the_repository_is_a_usage_error(repo: Repo, tmp_path: Path) -> None:
    outside = tmp_path / "annan.yaml"
    outside.write_text("a: 1\n", encoding="utf-8")
    code, _, err = invoke("fmt", "--root", str(repo.root), str(outside))
    assert code == 2
    assert "ligger inte i repositoriet" in err


# --- atomic writes -----------------------------------------------------------------------------------


def test_an_error_during_the_write_leaves_the_original_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "fil.yaml"
    path.write_bytes(b"gammalt\n")

    def fail(stream: Any, data: bytes) -> None:
        stream.write(data[:3])
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic, "_write_all", fail)
    with pytest.raises(OSError):
        atomic.write_atomic(path, "nytt innehåll\n".encode())
    assert path.read_bytes() == b"gammalt\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fil.yaml"]


def test_create_new_never_overwrites(tmp_path: Path) -> None:
    path = tmp_path / "ny.yaml"
    atomic.create_new(path, b"ett\n")
    with pytest.raises(FileExistsError):
        atomic.create_new(path, b"tva\n")
    assert path.read_bytes() == b"ett\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ny.yaml"]


_SLOW_FMT = """
import os, sys, time
from pathlib import Path
import naravard.atomic as atomic

marker = Path(sys.argv[1])

def half_then_wait(stream, data):
    # Write half of the new content to the temporary file, tell the test, then wait to be killed.
    stream.write(data[: len(data) // 2])
    stream.flush()
    os.fsync(stream.fileno())
    marker.write_text(str(len(data)))
    time.sleep(300)
    stream.write(data[len(data) // 2 :])

atomic._write_all = half_then_wait
import naravard.cli.authoring
from naravard.cli import main
sys.argv = ["naravard", "fmt", "--root", sys.argv[2], sys.argv[3]]
main()
"""


def _large_followup(activities: int) -> bytes:
    lines = ["# En stor uppföljning där varje aktivitet har nycklarna i fel ordning.", "kommun: ludvika"]
    lines += ["ar: 2024", "aktiviteter:"]
    for i in range(activities):
        lines += [
            f"  - status: pagaende   # aktivitet {i}",
            "    resultat: >-",
            "      Tio träffar, 240 besökare, och en lång text om vad som hände under året.",
            f"    id: aktivitet-{i}",
        ]
    lines += ["reflektion: {lardomar: a, framgangsfaktorer: b, utmaningar: c, bedomning: d}"]
    lines += ["sjalvskattning: {nara-for-mig: 2}", "nyckeltal: {}", ""]
    return "\n".join(lines).encode("utf-8")


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL finns bara på POSIX")
def test_a_kill_in_the_middle_of_writing_a_large_file_leaves_the_original_intact(
    repo: Repo, tmp_path: Path
) -> None:
    """What this proves: `naravard fmt` killed with SIGKILL while its new content is half written
    leaves the data file byte for byte as it was (the half is in a temporary file beside it, which
    a kill cannot clean up). The write is slowed by replacing atomic._write_all in the child
    process, so the kill is sure to land mid-write. It says nothing about power loss; fsync before
    the rename is what covers that, and it is not tested here."""
    path = repo.path(FU)
    original = _large_followup(1500)
    assert len(original) > 200_000
    path.write_bytes(original)
    marker = tmp_path / "halfway"
    child = subprocess.Popen(
        [sys.executable, "-c", _SLOW_FMT, str(marker), str(repo.root), str(path)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 120
        while not marker.exists() and child.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert marker.exists(), child.stderr.read().decode() if child.stderr else ""
        assert path.read_bytes() == original  # nothing touched the data file so far
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        if child.stderr:
            child.stderr.close()
    assert child.returncode == -signal.SIGKILL
    assert path.read_bytes() == original
    [temporary] = path.parent.glob(f".{path.name}.*{atomic.TEMP_SUFFIX}")
    new_length = int(marker.read_text())
    assert temporary.stat().st_size == new_length // 2  # the kill landed in the middle of the write
    assert os.path.getsize(path) == len(original)


def test_a_folder_means_the_data_files_in_it(repo: Repo) -> None:
    (repo.root / "docs").mkdir()
    (repo.root / "docs" / "annat.yaml").write_text("b: 1\na: 2\n", encoding="utf-8")
    code, _, err = invoke("fmt", "--check", "--root", str(repo.root), str(repo.root))
    assert code == 0
    assert "9 redan formaterade" in err
    code, _, err = invoke("fmt", "--check", "--root", str(repo.root), str(repo.root / "docs" / "annat.yaml"))
    assert code == 1
    assert "känner inte igen filen" in err
