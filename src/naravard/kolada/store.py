"""data/region/nyckeltal-ÅÅÅÅ.yaml: values from Kolada, written so that the file's comments survive.

A new file gets a header saying what it is. An existing file is first loaded
and checked like any data file (a file naravard cannot read is never
rewritten), then updated through ruamel.yaml's round trip: values change in
place, new kommuner and nyckeltal are put in the strategy's order, and every
comment stays where it was. The byte-order mark and line endings are kept, the
result is checked before it is written, and it is written atomically.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError
from ruamel.yaml.comments import CommentedMap

from naravard.atomic import write_or_fail
from naravard.authoring.roundtrip import WrittenNull, build_yaml, dump, insert_in_order, load
from naravard.kolada.errors import KoladaError
from naravard.kolada.sources import REGION, RIKET, Imported, Sources
from naravard.loader import load_document, load_text
from naravard.model.imported import ImporteradeNyckeltal
from naravard.model.messages import iter_schema_findings
from naravard.textfile import TextFile

HEADER = """\
yaml-language-server: $schema=../../schemas/nyckeltal.schema.json
Nyckeltal för {year} från Kolada. Källa: Kolada.
Filen skrivs av naravard: `naravard kolada hamta {year}` hämtar värdena på nytt och
`naravard kolada import` läser in sparade svar från Kolada. Egna kommentarer behålls.
Ett värde som kommunen skrivit i sin uppföljning går före värdet här (se NV313 i docs/rules.md)."""


@dataclass(frozen=True)
class Written:
    """What a write did to the file."""

    rel: str
    year: int
    kommuner: int
    values: int
    missing: int
    removed: int
    created: bool
    references: int = 0  # values (not null) for the region and Sweden
    references_missing: int = 0


def nyckeltal_path(root: Path, year: int) -> Path:
    """Where the nyckeltal imported for `year` live."""
    return root / "data" / "region" / f"nyckeltal-{year}.yaml"


def store(
    root: Path,
    sources: Sources,
    values: dict[str, dict[str, Imported]],
    *,
    replace: bool,
    references: dict[str, dict[str, Imported]] | None = None,
) -> Written:
    """Write `values` (per kommun) and `references` (`region`, `riket`) into the year's file.

    The file is created when needed. With `replace`, the sections of the kommuner
    in `sources`, and the region's and Sweden's, hold exactly the nyckeltal given
    afterwards (one that the strategy no longer imports is removed); otherwise
    only the given values change.
    """
    references = references or {}
    year = sources.year
    path = nyckeltal_path(root, year)
    rel = path.relative_to(root).as_posix()
    exists = path.exists() or path.is_symlink()
    if exists:
        tree, bom, newline = _load_existing(root, path, year)
    else:
        tree, bom, newline = _new_tree(year), False, "\n"
    kommuner = tree["kommuner"]
    _block(kommuner)
    removed = 0
    for kommun, entries in values.items():
        section = kommuner.get(kommun)
        if not isinstance(section, CommentedMap):
            section = CommentedMap()
            insert_in_order(kommuner, kommun, section, sources.kommun_order)
        _block(section)
        for nyckeltal, value in entries.items():
            _put(section, nyckeltal, value, sources.nyckeltal_order)
    for name, entries in references.items():
        section = tree.get(name)
        if not isinstance(section, CommentedMap):
            section = CommentedMap()
            insert_in_order(tree, name, section, _TOP_LEVEL)
        _block(section)
        for nyckeltal, value in entries.items():
            _put(section, nyckeltal, value, sources.nyckeltal_order)
    if replace:
        sections = [(kommuner.get(k), values.get(k, {})) for k in sources.kommun_by_code.values()]
        sections += [(tree.get(n), references.get(n, {})) for n in sources.reference_by_code.values()]
        for section, kept in sections:
            if isinstance(section, CommentedMap):
                stale = [key for key in section if key not in kept]
                for key in stale:
                    del section[key]
                removed += len(stale)
    data = _dump(tree, bom=bom, newline=newline)
    _check(rel, data)
    write_or_fail(path, data, root=root)
    written = [v for entries in values.values() for v in entries.values()]
    shown = [v for entries in references.values() for v in entries.values()]
    return Written(
        rel=rel,
        year=year,
        kommuner=len(values),
        values=sum(1 for v in written if v.varde is not None),
        missing=sum(1 for v in written if v.varde is None),
        removed=removed,
        created=not exists,
        references=sum(1 for v in shown if v.varde is not None),
        references_missing=sum(1 for v in shown if v.varde is None),
    )


_TOP_LEVEL = ("ar", "kommuner", REGION, RIKET)  # the model's order


def _new_tree(year: int) -> CommentedMap:
    tree = CommentedMap()
    tree["ar"] = year
    tree["kommuner"] = CommentedMap()
    tree.yaml_set_start_comment(HEADER.format(year=year))
    return tree


def _load_existing(root: Path, path: Path, year: int) -> tuple[CommentedMap, bool, str]:
    doc = load_document(root, path)
    rel = doc.rel
    if not doc.ok:
        raise _refuse(rel, doc.findings[0].location.line, doc.findings[0].message)
    try:
        model = ImporteradeNyckeltal.model_validate(doc.value)
    except ValidationError as error:
        first = next(iter_schema_findings(doc, ImporteradeNyckeltal, error))
        raise _refuse(rel, first.location.line, first.message) from None
    if model.ar != year:
        raise KoladaError(f"{rel} har `ar: {model.ar}` men gäller {year}. Rätta `ar` eller ta bort filen.")
    stored = TextFile.from_bytes(path.read_bytes())  # the same BOM and line-ending rule as fmt
    if not isinstance(stored, TextFile):  # pragma: no cover - the file changed since it was checked
        raise KoladaError(f"{rel} ändrades medan den lästes; försök igen.")
    tree = load(build_yaml(), stored.text)  # naravard's one round-trip set-up, as fmt's
    return tree, stored.bom, stored.newline


def _refuse(rel: str, line: int, message: str) -> KoladaError:
    return KoladaError(
        f"{rel}:{line}: {message} naravard skriver inte om en fil som har fel: rätta den "
        "(`naravard validate` visar alla fel) eller ta bort den och hämta värdena igen."
    )


def _block(mapping: CommentedMap) -> None:
    if not mapping:
        mapping.fa.set_block_style()


def _number(value: float | None) -> int | float | WrittenNull:
    if value is None:
        return WrittenNull()  # written out: `varde: null`, not an empty value
    if value.is_integer() and abs(value) < 1e15:
        return int(value)  # Kolada sends 812.0; people write 812
    return value


def _put(section: CommentedMap, key: str, value: Imported, order: tuple[str, ...]) -> None:
    fields = {
        "varde": _number(value.varde),
        "kolada": value.kolada,
        "period": value.period,
        "hamtad": value.hamtad,
    }
    entry = section.get(key)
    if isinstance(entry, CommentedMap):
        for name, new in fields.items():
            entry[name] = new  # in place: the entry keeps its style and its comments
        return
    entry = CommentedMap(fields)
    entry.fa.set_flow_style()
    insert_in_order(section, key, entry, order)


def _dump(tree: CommentedMap, *, bom: bool, newline: str) -> bytes:
    return TextFile(dump(build_yaml(), tree), bom, newline).to_bytes()


def _check(rel: str, data: bytes) -> None:
    # Never write what validate would refuse: a failure here is a bug in naravard, not in the data.
    doc = load_text(rel, data)
    try:
        if not doc.ok:
            raise ValueError(doc.findings[0].message)
        ImporteradeNyckeltal.model_validate(doc.value)
    except (ValueError, ValidationError) as exc:
        raise KoladaError(f"naravard skrev inte {rel}: resultatet gick inte att läsa ({exc}).") from None
