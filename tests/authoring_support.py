"""Helpers shared by the tests of the authoring commands (fmt, fix, new, init)."""

from __future__ import annotations

import io
import shutil
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from typer.testing import CliRunner

import naravard.cli.authoring  # noqa: F401  (registers new, fmt, fix, schema, init on the app)
from naravard.cli import app
from naravard.loader import load_text
from tests.conftest import PROJECT

runner = CliRunner()


def invoke(*args: str) -> tuple[int, str, str]:
    """Run the CLI in-process: (exit code, stdout, stderr)."""
    result = runner.invoke(app, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def shipped_copy(tmp_path: Path) -> Path:
    """A writable copy of the shipped data repository (data/, schemas/, naravard.yaml)."""
    root = tmp_path / "shipped"
    shutil.copytree(PROJECT / "data", root / "data")
    shutil.copytree(PROJECT / "schemas", root / "schemas")
    shutil.copy(PROJECT / "naravard.yaml", root / "naravard.yaml")
    return root


def values(data: bytes) -> Any:
    """What naravard reads from a file's bytes (fails the test if it cannot read them)."""
    doc = load_text("test.yaml", data)
    assert doc.ok, doc.findings
    return doc.value


def fill_in(path: Path, fill: Any) -> None:
    """Fill every blank of a scaffold the way a person would, keeping its comments."""
    rt = YAML(typ="rt")
    rt.width = 4096
    data = rt.load(path.read_text(encoding="utf-8"))
    fill(data)
    out = io.StringIO()
    rt.dump(data, out)
    path.write_text(out.getvalue(), encoding="utf-8")


def fill_followup(data: Any) -> None:
    for aktivitet in data["aktiviteter"]:
        aktivitet["status"] = aktivitet["status"] or "pagaende"
        aktivitet["resultat"] = aktivitet["resultat"] or "Det här gjorde vi under året."
    for key in data["reflektion"]:
        data["reflektion"][key] = "Vi har lärt oss mycket."
    for key, value in data["sjalvskattning"].items():
        data["sjalvskattning"][key] = 3 if value is None else value


def fill_plan(data: Any) -> None:
    for aktivitet in data["aktiviteter"]:
        for key in ("titel", "vad", "hur", "ansvarig", "uppfoljning"):
            aktivitet[key] = aktivitet[key] or "Beskrivet av kommunen."
        aktivitet["id"] = aktivitet["id"] or "ny-aktivitet"
        if not aktivitet["delmal"]:
            aktivitet["delmal"].append("nara-for-mig")
