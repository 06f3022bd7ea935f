"""The one error of the Kolada import: shown in Swedish, without a traceback, exit status 2."""

from __future__ import annotations

from naravard.errors import UsageError


class KoladaError(UsageError):
    """Kolada could not be reached, answered with something unusable, or the file cannot be written."""
