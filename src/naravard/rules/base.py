"""What a rule is: a code with a check over a context, its declared options and its docs.

A rule module defines `check(ctx)` and, after it, `RULE = Rule(...)`; the module's
docstring is the rule's documentation. The docstring holds a passing and a failing example
that tests/test_rules.py runs (tests/rule_examples.py describes their form).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Generic, TypeVar, cast

from naravard.findings import Code, Finding

if TYPE_CHECKING:
    from naravard.model.strategy import Strategi
    from naravard.repository import Entry, Repository, Revised

T = TypeVar("T", int, float, str)


@dataclass(frozen=True)
class Option(Generic[T]):
    """A setting of a rule under `regler:` in naravard.yaml, validated there like the data."""

    key: str
    type: type[T]
    default: T
    summary: str
    above: float | None = None
    """The value must be greater than this (for numbers)."""


AnyOption = Option[int] | Option[float] | Option[str]


@dataclass(frozen=True)
class Context:
    """What a rule checks: the loaded repository, the day it is checked on, the options' values."""

    repo: Repository
    today: date

    def option(self, option: Option[T]) -> T:
        """The option's value from naravard.yaml, or its default."""
        return cast(T, getattr(self.repo.config.regler, option.key, option.default))


Check = Callable[[Context], Iterator[Finding]]


@dataclass(frozen=True)
class Rule(Code):
    """A rule: its code and docs, the check that yields its findings, and its options."""

    check: Check = field(kw_only=True)
    options: tuple[AnyOption, ...] = field(default=(), kw_only=True)

    def __post_init__(self) -> None:
        if not self.doc:  # the docstring of the module that defines the check
            module = sys.modules.get(self.check.__module__)
            object.__setattr__(self, "doc", (module.__doc__ if module else None) or "")


def across(what: str, year: int, revision: Entry[Strategi], revised: Revised, nearest: str | None) -> str:
    """The message for an id of another strategy revision: `naravard migrate` moves it, never `fix`.

    Without `ersatter` in the revision, the nearest id of the revision is named, as a hint only.
    """
    info = revised.revision.model.strategi
    if revised.new:
        now = f" där heter det `{revised.new}`"
    else:
        now = " där finns det inte" + (f" (närmast är `{nearest}`)" if nearest else "")
    return (
        f"{what} hör till strategin för {info.giltig_from.year}–{info.giltig_tom.year} "
        f"({revised.revision.doc.rel}), inte till den som gäller för {year} ({revision.doc.rel}):"
        f"{now}. Kör `naravard migrate` för att flytta uppföljningen till den strategins id:n."
    )
