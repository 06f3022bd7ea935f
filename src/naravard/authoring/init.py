"""`naravard init [DIR]`: a new data repository for a region, ready for editors and CI.

It holds a region's strategy (and handlingsplan) from naravard/templates/regions/<region>/,
with `examples` that region's example data too, a README for editors, naravard.yaml,
.gitignore, .editorconfig, VS Code settings that map the schemas and recommend the YAML
extension, pre-commit and CI files, and the schemas generated from the strategy.
`naravard validate` passes in it from the start. Nothing that exists is overwritten: init
refuses instead. The templates ship as package data in naravard/templates/ (without leading
dots in their names, so no tool mistakes them for this project's own files).
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from naravard.atomic import create_new
from naravard.errors import UsageError
from naravard.model.schema import build_schemas, render
from naravard.repository import load_repository

# Template file → where it goes in the new repository.
FILES: dict[str, str] = {
    "gitkeep": "data/kommuner/.gitkeep",
    "README.md": "README.md",
    "naravard.yaml": "naravard.yaml",
    "gitignore": ".gitignore",
    "editorconfig": ".editorconfig",
    "vscode-settings.json": ".vscode/settings.json",
    "vscode-extensions.json": ".vscode/extensions.json",
    "pre-commit-config.yaml": ".pre-commit-config.yaml",
    "github-actions.yml": ".github/workflows/naravard.yml",
    "gitlab-ci.yml": ".gitlab-ci.yml",
}


def template(name: str) -> bytes:
    """The bytes of one template file."""
    return (resources.files("naravard") / "templates" / "init" / name).read_bytes()


def regions() -> list[str]:
    """The regions whose strategy ships as a template (naravard/templates/regions/<region>/)."""
    folder = resources.files("naravard") / "templates" / "regions"
    return sorted(entry.name for entry in folder.iterdir() if entry.is_dir())


def region_files(region: str, *, examples: bool) -> dict[str, bytes]:
    """A region template's data files (repository path → bytes): the strategy and handlingsplan,
    and with `examples` the example plans and follow-ups."""
    if region not in regions():
        raise UsageError(f"Det finns ingen mall för regionen `{region}`. Mallar: {', '.join(regions())}.")
    base = resources.files("naravard") / "templates" / "regions" / region
    found: dict[str, bytes] = {}

    def walk(node: Traversable, rel: str) -> None:
        for entry in node.iterdir():
            path = f"{rel}/{entry.name}"
            if entry.is_dir():
                walk(entry, path)
            elif entry.name.endswith(".yaml") and (examples or not path.startswith("data/kommuner/")):
                found[path] = entry.read_bytes()

    walk(base / "data", "data")
    return dict(sorted(found.items()))


def init_repository(target: Path, *, region: str, examples: bool = False) -> list[Path]:
    """Create the repository's files in `target` (made if missing); return every path written."""
    data = region_files(region, examples=examples)
    if (target / "data" / "region").exists():
        raise UsageError(f"{target} är redan ett naravard-repositorium (data/region/ finns).")
    from naravard.model.schema import SCHEMA_FILES

    targets = [*data, *FILES.values(), *(f"schemas/{name}" for name in SCHEMA_FILES)]
    existing = [rel for rel in targets if _taken(target, rel)]
    if existing:
        raise UsageError(
            f"{target} har redan {', '.join(existing)}. naravard init skriver inte över något: "
            "välj en tom mapp eller flytta filerna först."
        )
    written: list[Path] = []
    contents = {**data, **{rel: template(name) for name, rel in FILES.items()}}
    try:
        for rel, content in contents.items():
            path = target / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            create_new(path, content)
            written.append(path)
        schemas = target / "schemas"
        schemas.mkdir(exist_ok=True)
        for name, schema in build_schemas(load_repository(target.resolve())).items():
            path = schemas / name
            create_new(path, render(schema).encode("utf-8"))
            written.append(path)
    except OSError as exc:
        done = f" ({len(written)} filer hann skrivas och kan tas bort)" if written else ""
        raise UsageError(f"Kan inte skapa {exc.filename or target}: {exc.strerror or exc}{done}.") from None
    return written


def _taken(target: Path, rel: str) -> bool:
    """True when `rel`, or a folder on its way, already stands in the way (as a file or a link)."""
    path = target / rel
    if path.exists() or path.is_symlink():
        return True
    return any(parent.exists() and not parent.is_dir() for parent in path.parents if parent != target)
