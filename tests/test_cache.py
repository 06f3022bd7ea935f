"""The parse cache (issue 15 item 1) never changes a result: each run is compared with one without it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import naravard
from naravard.api import lint, validate
from naravard.findings import CheckResult
from naravard.loader import SourceDocument
from naravard.loader.cache import ParseCache, version_key
from tests.conftest import PROJECT


class Counting(ParseCache):
    """A cache that counts the files it was given to keep, that is the files that were parsed."""

    def __init__(self, folder: Path) -> None:
        super().__init__(folder)
        self.parsed: list[str] = []

    def put(self, digest: bytes, doc: SourceDocument) -> None:
        self.parsed.append(doc.rel)
        super().put(digest, doc)


@pytest.fixture
def shipped(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    shutil.copytree(PROJECT / "data", root / "data")
    shutil.copy(PROJECT / "naravard.yaml", root / "naravard.yaml")
    return root


def both(root: Path, folder: Path) -> tuple[CheckResult, CheckResult]:
    """lint with the cache (twice: the second from it) and without; each must agree."""
    without = lint(root)
    for _ in range(2):
        cached = lint(root, cache=ParseCache(folder))
        assert cached == without
    assert validate(root, cache=ParseCache(folder)) == validate(root)
    return cached, without


def edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, (old, rel)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_warm_run_parses_nothing_and_a_changed_file_is_parsed_alone(shipped: Path, tmp_path: Path) -> None:
    first = Counting(tmp_path / "cache")
    assert lint(shipped, cache=first) == lint(shipped)
    assert len(first.parsed) > 30
    warm = Counting(tmp_path / "cache")
    assert lint(shipped, cache=warm) == lint(shipped)
    assert warm.parsed == []
    edit(shipped, "data/kommuner/falun/uppfoljning-2024.yaml", "ar: 2024", "ar: 2024\nar: 2025")
    changed = Counting(tmp_path / "cache")
    result = lint(shipped, cache=changed)
    assert changed.parsed == ["data/kommuner/falun/uppfoljning-2024.yaml"]
    assert result == lint(shipped) and "NV004" in {f.code for f in result.findings}


@pytest.mark.parametrize(
    ("rel", "old", "new", "code"),
    [
        # a follow-up: a decimal comma
        ("data/kommuner/falun/uppfoljning-2024.yaml", "ar: 2024", "ar: 2024,5", "NV105"),
        # the strategy: a kommun is no longer in it
        ("data/region/strategi.yaml", "{id: falun,", "{id: falun-x,", None),
        # a plan: an activity disappears from it
        ("data/kommuner/falun/lokal-plan.yaml", "  - id: ", "  - id: x", None),
        # the config: a waiver that no longer holds
        ("naravard.yaml", "regel: NV303", "regel: NV302", None),
    ],
)
def test_a_change_anywhere_is_seen_as_without_the_cache(
    shipped: Path, tmp_path: Path, rel: str, old: str, new: str, code: str | None
) -> None:
    folder = tmp_path / "cache"
    before, _ = both(shipped, folder)
    edit(shipped, rel, old, new)
    after, _ = both(shipped, folder)
    assert after != before
    if code:
        assert code in {f.code for f in after.findings}


def test_another_naravard_version_does_not_read_the_old_entries(
    shipped: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "cache"
    both(shipped, folder)
    old = ParseCache(folder).folder
    monkeypatch.setattr(naravard, "__version__", "99.0.0")
    version_key.cache_clear()
    try:
        fresh = Counting(folder)
        assert fresh.folder != old
        assert lint(shipped, cache=fresh) == lint(shipped)
        assert len(fresh.parsed) > 30
        assert not old.exists()  # the old version's entries are removed
    finally:
        version_key.cache_clear()


def entries(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file() and p.parent.parent.name.startswith("parse-")]


@pytest.mark.parametrize(
    "spoil",
    [
        lambda data: data[: len(data) // 2],  # cut off
        lambda data: data[:-1] + bytes([data[-1] ^ 1]),  # one bit flipped
        lambda data: b"",
        lambda data: b"\x80\x04\x95pickle" + data,  # not what naravard writes
        lambda data: data[:20] + b"\xff" * 12 + data[32:],  # another file's hash
    ],
)
def test_a_spoilt_cache_is_ignored(shipped: Path, tmp_path: Path, spoil: object) -> None:
    folder = tmp_path / "cache"
    both(shipped, folder)
    edit(shipped, "data/kommuner/falun/uppfoljning-2024.yaml", "ar: 2024", "ar: 2024\nar: 2025")
    lint(shipped, cache=ParseCache(folder))
    kept = entries(folder)
    assert kept
    for path in kept:
        path.write_bytes(spoil(path.read_bytes()))  # type: ignore[operator]
    reparsed, cold = Counting(folder), Counting(tmp_path / "cold")
    assert lint(shipped, cache=reparsed) == lint(shipped) == lint(shipped, cache=cold)
    assert sorted(reparsed.parsed) == sorted(cold.parsed)  # every entry was refused and made again


def test_a_well_formed_entry_with_impossible_positions_is_ignored(shipped: Path, tmp_path: Path) -> None:
    # What a hand-made entry could hold to make a lookup loop for ever: a subtree of size 0.
    import json
    import struct
    import zlib
    from array import array

    from naravard.loader import cache

    folder = tmp_path / "cache"
    both(shipped, folder)
    path = entries(folder)[0]
    raw = path.read_bytes()
    magic, digest, *_ = cache._HEADER.unpack_from(raw)
    record = {
        "value": {"a": 1},
        "tagged": False,
        "keys": [None, "a"],
        "findings": [],
        "waivers": [],
        "hidden": [],
    }
    body = json.dumps(record).encode()
    tail = array("I", [0, 1]).tobytes() + array("I", [2, 0]).tobytes() + array("I", [1] * 8).tobytes()
    header = cache._HEADER.pack(magic, digest, len(body), 2, 2, 8, zlib.crc32(tail, zlib.crc32(body)))
    path.write_bytes(header + body + tail)
    assert ParseCache(folder).get("x.yaml", digest) is None
    assert struct.calcsize("<I") == array("I").itemsize
    assert lint(shipped, cache=ParseCache(folder)) == lint(shipped)


def test_keys_that_are_not_text_come_back_as_they_were(tmp_path: Path) -> None:
    from naravard.loader import load_text

    data = b"a:\n  1: ett\n  2.5: [{true: sant, x: {3: tre}}]\nb: text\n"
    cache = ParseCache(tmp_path / "cache")
    parsed = load_text("f.yaml", data)
    cache.put(cache.digest(data), parsed)
    kept = cache.get("f.yaml", cache.digest(data))
    assert kept is not None
    assert (
        kept.value == parsed.value == {"a": {1: "ett", 2.5: [{True: "sant", "x": {3: "tre"}}]}, "b": "text"}
    )
    assert [type(k) for k in kept.value["a"]] == [int, float]
    assert kept.at(("a", 2.5, 0, "x")) == parsed.at(("a", 2.5, 0, "x"))


def test_a_cache_folder_that_is_a_link_is_not_used(shipped: Path, tmp_path: Path) -> None:
    real = tmp_path / "elsewhere"
    real.mkdir()
    (tmp_path / "link").symlink_to(real)
    assert lint(shipped, cache=ParseCache(tmp_path / "link")) == lint(shipped)
    assert list(real.iterdir()) == []


def run_cli(root: Path, folder: Path, *args: str, ci: str | None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    env["NARAVARD_CACHE_DIR"] = str(folder)
    if ci is not None:
        env["CI"] = ci
    command = [sys.executable, "-m", "naravard", "validate", "--root", str(root), *args]
    return subprocess.run(command, capture_output=True, text=True, env=env, check=False)


def test_the_cli_keeps_a_cache_except_in_ci_unless_asked(shipped: Path, tmp_path: Path) -> None:
    in_ci = run_cli(shipped, tmp_path / "ci", ci="true")
    assert not (tmp_path / "ci").exists()
    asked = run_cli(shipped, tmp_path / "asked", "--cache", ci="true")
    assert entries(tmp_path / "asked")
    local = run_cli(shipped, tmp_path / "local", ci=None)
    assert entries(tmp_path / "local")
    off = run_cli(shipped, tmp_path / "off", "--no-cache", ci=None)
    assert not (tmp_path / "off").exists()
    assert in_ci.stdout == asked.stdout == local.stdout == off.stdout
    assert {in_ci.returncode, asked.returncode, local.returncode, off.returncode} == {0}


def test_the_report_from_the_cache_is_the_report_without_it(shipped: Path, tmp_path: Path) -> None:
    """`naravard report` reads through the cache as validate does (issue 18): the same files out."""
    from naravard.api import build_report

    edit(shipped, "data/kommuner/ludvika/uppfoljning-2024.yaml", "ar: 2024", "ar: tjugo")  # one broken file
    folder = tmp_path / "cache"
    written = {}
    for name, cache in (("without", None), ("cold", Counting(folder)), ("warm", Counting(folder))):
        paths = build_report(shipped, 2024, tmp_path / name, formats=("md",), cache=cache, jobs=1)
        written[name] = {p.relative_to(tmp_path / name): p.read_bytes() for p in paths if p.is_file()}
        if isinstance(cache, Counting):  # the cold run parses every file (the broken one too), the warm none
            assert bool(cache.parsed) is (name == "cold")
    assert written["without"] == written["cold"] == written["warm"]
