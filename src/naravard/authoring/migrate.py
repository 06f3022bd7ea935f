"""`naravard migrate`: move follow-ups to the ids of the strategy revision in force for their year.

A revised strategy may say, under `ersatter`, which ids of the revision before it are
renamed. migrate renames those keys in a follow-up's `sjalvskattning` and `nyckeltal` and
changes nothing else: only the key's own characters in the text (the same way `fix` works),
so every comment, value, line ending and byte-order mark stays. A key that the new revision
neither has nor maps is named, never removed: what to do with its value is a person's call.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from naravard.atomic import repository_of, write_atomic
from naravard.authoring.fmt import same_values
from naravard.discover import within
from naravard.loader import load_text
from naravard.loader.tree import build_tree
from naravard.model.strategy import Strategi
from naravard.repository import Repository
from naravard.textfile import TextFile

SECTIONS = (("sjalvskattning", "delmal"), ("nyckeltal", "nyckeltal"))


@dataclass(frozen=True)
class Rename:
    """One key renamed at a position of the file."""

    line: int
    column: int
    old: str
    new: str


@dataclass
class Migration:
    """What migrating one follow-up does: the renames, the keys left for a person, the new bytes."""

    rel: str
    path: Path
    before: bytes
    after: bytes
    renames: list[Rename] = field(default_factory=list)
    unmapped: list[str] = field(default_factory=list)
    refusal: str | None = None  # why the file is not rewritten, though ids would be renamed


def plan_migrations(repo: Repository, prefixes: Sequence[str] = ()) -> list[Migration]:
    """The migration of every follow-up (under `prefixes`) whose revision renames ids."""
    out = []
    for entry in repo.followups:
        rel = entry.doc.rel
        if prefixes and not within(rel, prefixes):
            continue
        revision = repo.revision_for(entry.model.ar)
        if revision is None or revision.model.ersatter is None:
            continue
        path = repo.root / rel
        migration = _migrate(rel, path, path.read_bytes(), revision.model)
        if migration.renames or migration.unmapped or migration.refusal:
            out.append(migration)
    return out


def _migrate(rel: str, path: Path, data: bytes, strategy: Strategi) -> Migration:
    doc = load_text(rel, data)
    stored = TextFile.from_bytes(data)
    migration = Migration(rel, path, data, data)
    mapping = strategy.ersatter
    if not isinstance(stored, TextFile) or doc.findings or mapping is None:
        return migration  # changed on disk since the repository was read: nothing to do safely
    known = {
        "sjalvskattning": {strategy.malbild.id, *(d.id for d in strategy.delmal)},
        "nyckeltal": {n.id for n in strategy.nyckeltal},
    }
    lines = stored.text.split("\n")
    for section, kind in SECTIONS:
        values = doc.value.get(section) or {}
        renames = getattr(mapping, kind)
        for key in values:
            new = renames.get(key)
            if new is None or new in values:
                if key not in known[section]:
                    migration.unmapped.append(f"{section}.{key}")
                continue
            span = doc.spans[(section, key)]
            row, column = span.key_line - 1, span.key_column - 1
            if lines[row][column : column + len(key)] != key:  # a quoted key: leave it for a person
                migration.unmapped.append(f"{section}.{key}")
                continue
            lines[row] = lines[row][:column] + new + lines[row][column + len(key) :]
            migration.renames.append(Rename(span.key_line, span.key_column, key, new))
    text = "\n".join(lines)
    if migration.renames and not _only_renamed(doc.value, text, migration.renames):
        migration.refusal = _NOT_VERIFIED
        migration.renames.clear()
        return migration
    migration.after = stored.with_text(text).to_bytes()
    return migration


def _only_renamed(before: dict[str, Any], text: str, renames: list[Rename]) -> bool:
    """Re-read the rewritten text: its values must be the old ones with just the keys renamed (as fmt)."""
    expected = dict(before)
    by_old = {r.old: r.new for r in renames}
    for section, _ in SECTIONS:
        values = before.get(section)
        if isinstance(values, dict):
            expected[section] = {by_old.get(k, k): v for k, v in values.items()}
    tree = build_tree(text)
    return not tree.problems and same_values(expected, tree.value)


_NOT_VERIFIED = (
    "filen skrivs inte om: efter bytet av id:n blev något annat än nycklarna annorlunda när filen "
    "lästes igen. Byt id:n för hand och kontrollera med `naravard validate`."
)


def write_migration(migration: Migration) -> bool:
    """Write the migrated file atomically, unless it changed on disk since it was read."""
    if migration.path.read_bytes() != migration.before:
        return False
    write_atomic(migration.path, migration.after, root=repository_of(migration.path, migration.rel))
    return True
