"""What a rule is: a stable code, a kebab-case name, a severity and a check."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from naravard.findings import Finding, Severity

if TYPE_CHECKING:
    from naravard.repository import Repository


@dataclass(frozen=True)
class Rule:
    """A rule's identity; its module docstring is its user documentation."""

    code: str
    name: str
    summary: str
    severity: Severity = Severity.ERROR


Check = Callable[["Repository"], Iterator[Finding]]
