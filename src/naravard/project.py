"""Where this naravard came from, so that a report can link to the documentation of the same version.

pip records the source of a package installed from git or a folder (PEP 610, `direct_url.json`):
`pip install "naravard @ git+https://git.example.se/region/naravard@v0.2.0"` leaves the address
and the commit. From it `rules_url` makes the link to docs/rules.md at that very commit (the
`/blob/<commit>/` form that GitHub, GitLab, Gitea and Forgejo all serve). From a folder or an
editable install the link is the file itself. naravard never guesses an address it was not
installed from: without a record (a wheel from an index), there is no link.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

RULES = "docs/rules.md"


@cache
def rules_document() -> str | None:
    """The absolute URI of docs/rules.md for the installed version, or None when it is not known."""
    from importlib import metadata

    try:
        record = metadata.distribution("naravard").read_text("direct_url.json")
    except metadata.PackageNotFoundError:
        record = None
    if record:
        try:
            found = _from_record(json.loads(record))
        except (ValueError, TypeError, AttributeError):
            found = None
        if found:
            return found
    checkout = Path(__file__).resolve().parents[2] / RULES  # running from a source checkout
    return checkout.as_uri() if checkout.is_file() else None


def rules_url(code: str) -> str | None:
    """The link to one code's section of docs/rules.md (`…/docs/rules.md#nv101`), or None."""
    document = rules_document()
    return f"{document}#{code.lower()}" if document else None


def _from_record(record: dict[str, object]) -> str | None:
    url = record.get("url")
    if not isinstance(url, str):
        return None
    vcs = record.get("vcs_info")
    if isinstance(vcs, dict):
        commit = vcs.get("commit_id")
        parts = urlsplit(url)
        if parts.scheme not in ("https", "http") or not isinstance(commit, str):
            return None
        address = urlunsplit((parts.scheme, parts.hostname or "", parts.path, "", ""))
        address = address.removesuffix("/").removesuffix(".git")
        return f"{address}/blob/{commit}/{RULES}"
    parts = urlsplit(url)
    if parts.scheme == "file":
        from urllib.request import url2pathname  # 11 ms of imports (http, email): only here

        document = Path(url2pathname(parts.path)) / RULES
        return document.as_uri() if document.is_file() else None
    return None
