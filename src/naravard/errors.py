"""Errors that stop a command before it can check anything (exit status 2).

Problems *in* the data are never exceptions: they are `Finding` values.
"""

from __future__ import annotations


class UsageError(Exception):
    """The command cannot run: bad arguments, no repository, no strategy. Shown without traceback."""


class Refused(Exception):
    """The command ran and refuses to write (exit status 1), for the reasons in `reasons`."""

    def __init__(self, reasons: list[str]) -> None:
        super().__init__("\n".join(reasons))
        self.reasons = reasons


class PersonalDataFound(Exception):
    """The report or export would carry a personnummer (NV217): it is not written (exit status 1)."""

    def __init__(self, places: tuple[str, ...]) -> None:
        super().__init__(places)
        self.places = places  # `file:line:column` of each number; never the number
