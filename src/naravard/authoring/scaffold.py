"""What the scaffolds share: where a new file goes, its modeline, and creating it without overwriting."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from naravard.atomic import RefusedTarget, create_new, refuse_folder
from naravard.authoring.yamltext import one_line
from naravard.errors import UsageError
from naravard.model.strategy import Strategi
from naravard.output.terminal import visible
from naravard.repository import Entry, Repository
from naravard.suggest import did_you_mean


@dataclass(frozen=True)
class Scaffold:
    """A new file: where it goes (relative to the repository root) and its text."""

    rel: str
    text: str


def modeline(schema: str) -> str:
    """The first line of a file under data/kommuner/<kommun>/: the editor finds the schema by it."""
    return f"# yaml-language-server: $schema=../../../schemas/{schema}"


def known_kommun(repo: Repository, kommun: str) -> None:
    """Raise a usage error, with a did-you-mean, for a kommun that no strategy lists."""
    known = repo.kommun_ids()
    if kommun not in known:
        raise UsageError(f"Kommunen `{kommun}` finns inte i strategin.{did_you_mean(kommun, known)}")


def revision(repo: Repository, year: int) -> Entry[Strategi]:
    """The strategy revision in force for `year`, or a usage error."""
    entry = repo.revision_for(year)
    if entry is None:
        raise UsageError(
            f"Ingen strategi i data/region/ gäller för {year}, så filen kan inte fyllas i. "
            "Lägg först till en strategi som gäller det året."
        )
    return entry


def kommun_name(strategy: Strategi, kommun: str) -> str:
    """The kommun's name as the strategy writes it (its id when the revision lacks it).

    On one line and without control characters: it goes into comments of the new file, where a
    line break would start YAML of its own (issue 21).
    """
    return visible(one_line(next((k.namn for k in strategy.kommuner if k.id == kommun), kommun)))


def create(root: Path, scaffold: Scaffold) -> Path:
    """Write the new file; refuse, changing nothing, when it already exists."""
    path = root / scaffold.rel
    try:
        refuse_folder(path.parent, root=root)  # a kommun folder that is a link (even a broken one)
        path.parent.mkdir(parents=True, exist_ok=True)
        create_new(path, scaffold.text.encode("utf-8"), root=root)
    except RefusedTarget as exc:
        raise UsageError(f"{exc.strerror}.") from None
    except FileExistsError:
        raise UsageError(
            f"{scaffold.rel} finns redan och skrivs inte över. Ta bort eller byt namn på den "
            "först om du vill börja om."
        ) from None
    return path
