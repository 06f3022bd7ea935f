"""Kolada's REST API over HTTP (standard library only): values for KPIs × kommuner × years.

`GET {base}/data/kpi/{kpi,…}/municipality/{kod,…}/year/{år,…}`, at most 25 items
in each comma list, following `next_page` (v2) or `next_url` (v3) to the end.
A slow or overloaded Kolada is normal: every request has a timeout, and 429 and
5xx answers (and dropped connections) are tried again with a growing wait,
honouring `Retry-After`. Anything else becomes a KoladaError with a Swedish
message; nothing here prints.
"""

from __future__ import annotations

import email.utils
import http.client
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.error import HTTPError, URLError
from urllib.parse import quote, urljoin, urlsplit
from urllib.request import HTTPRedirectHandler, Request, build_opener

from naravard import __version__
from naravard.kolada.errors import KoladaError
from naravard.kolada.parse import KoladaRow, parse_json, parse_page
from naravard.suggest import show

DEFAULT_BASE_URL = "https://api.kolada.se/v3"
MAX_ITEMS = 25  # Kolada refuses longer comma lists
MAX_PAGES = 1000
MAX_BYTES = 50 * 1024 * 1024  # one page of Kolada is a few hundred kB
ANSWER_TIMEOUTS = 4  # a whole answer may take this many --timeout: a few hundred kB at any real speed

Progress = Callable[[int, int], None]


class _TryAgain(Exception):
    """A failure worth another attempt: overload, a server error, a timeout, a dropped connection."""

    def __init__(self, message: str, wait: float | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.wait = wait


def chunks(items: Sequence[str], size: int = MAX_ITEMS) -> list[list[str]]:
    """`items` in lists of at most `size`, order kept."""
    return [list(items[i : i + size]) for i in range(0, len(items), size)]


def data_urls(
    base_url: str, kpis: Sequence[str], kommunkoder: Sequence[str], years: Sequence[int]
) -> list[str]:
    """Every request needed for the values, none with more than 25 items in a list."""
    base = base_url.rstrip("/")
    return [
        f"{base}/data/kpi/{_list(k)}/municipality/{_list(m)}/year/{_list(y)}"
        for k in chunks(list(kpis))
        for m in chunks(list(kommunkoder))
        for y in chunks([str(year) for year in years])
    ]


def _list(items: list[str]) -> str:
    return ",".join(quote(item, safe="") for item in items)


@dataclass(frozen=True)
class KoladaClient:
    """Fetches data from Kolada at `base_url`, patiently."""

    base_url: str = DEFAULT_BASE_URL
    timeout: float = 30.0
    attempts: int = 4
    backoff: float = 1.0
    max_wait: float = 60.0
    total: float = 30 * 60.0  # the most one `data` call may take, every page and wait included
    sleep: Callable[[float], None] = time.sleep
    clock: Callable[[], float] = time.monotonic

    def __post_init__(self) -> None:
        try:
            parts = urlsplit(self.base_url)
            parts.port  # noqa: B018 - raises ValueError for a port that is no number
        except ValueError:
            parts = None
        if parts is None or parts.scheme not in ("http", "https") or not parts.hostname:
            raise KoladaError(
                f"Adressen till Kolada, `{public(self.base_url)}`, är ingen giltig http- eller "
                f"https-adress. Kontrollera NARAVARD_KOLADA_URL (standard: {DEFAULT_BASE_URL})."
            )

    def data(
        self,
        kpis: Sequence[str],
        kommunkoder: Sequence[str],
        years: Sequence[int],
        *,
        progress: Progress | None = None,
    ) -> list[KoladaRow]:
        """Every row Kolada has for the KPIs, kommuner and years, all pages."""
        urls = data_urls(self.base_url, kpis, kommunkoder, years)
        rows: list[KoladaRow] = []
        deadline = self.clock() + self.total
        for done, url in enumerate(urls, 1):
            rows.extend(self._all_pages(url, deadline))
            if progress is not None:
                progress(done, len(urls))
        return rows

    def _all_pages(self, url: str, deadline: float) -> Iterator[KoladaRow]:
        seen: set[str] = set()
        next_url: str | None = url
        while next_url is not None:
            if next_url in seen:
                raise KoladaError(
                    f"Kolada pekar på en sida som redan har hämtats ({show(public(next_url), 200)}); "
                    "hämtningen avbryts."
                )
            if len(seen) >= MAX_PAGES:
                raise KoladaError(
                    f"Kolada har svarat med fler än {MAX_PAGES} sidor för en och samma fråga "
                    f"({show(public(url), 200)}); det är inte Koladas svar, och hämtningen avbryts."
                )
            seen.add(next_url)
            if self.clock() > deadline:
                raise KoladaError(
                    f"Hämtningen från Kolada tog mer än {self.total / 60:g} minuter och avbröts. "
                    "Försök igen senare, eller hämta svaren på en annan dator och läs in dem med "
                    "`naravard kolada import`."
                )
            page = parse_page(self._get_json(next_url), source=public(next_url))
            yield from page.rows
            next_url = self._follow(next_url, page.next_url) if page.next_url else None

    def _follow(self, current: str, link: str) -> str:
        target = urljoin(current, link)
        parts = urlsplit(target)
        base = urlsplit(self.base_url)
        if parts.scheme != base.scheme or parts.netloc != base.netloc:
            raise KoladaError(
                f"Kolada pekar på nästa sida på en annan adress ({show(public(link), 200)}); den följs inte."
            )
        return target

    def _get_json(self, url: str) -> Any:
        for attempt in range(1, self.attempts + 1):
            try:
                data = self._get(url)
            except _TryAgain as failure:
                if attempt == self.attempts:
                    raise KoladaError(
                        f"{failure.message} Gav upp efter {self.attempts} försök. Försök igen senare, "
                        "eller hämta svaren på en annan dator och läs in dem med `naravard kolada import`."
                    ) from None
                wait = failure.wait if failure.wait is not None else self.backoff * 2 ** (attempt - 1)
                self.sleep(min(wait, self.max_wait))
                continue
            return parse_json(data, source=public(url))
        raise AssertionError("unreachable")  # pragma: no cover

    def _get(self, url: str) -> bytes:
        request = Request(
            url, headers={"Accept": "application/json", "User-Agent": f"naravard/{__version__}"}
        )
        shown = public(url)
        try:
            with _OPENER.open(request, timeout=self.timeout) as response:
                data = _read_within(response, self.timeout * ANSWER_TIMEOUTS, shown)
        except HTTPError as error:
            status, reason, headers = error.code, error.reason, error.headers
            error.close()
            said = f"Kolada svarade {status} ({show(reason, 60)}) på {shown}."
            if status == 429 or status >= 500:
                raise _TryAgain(said, _retry_after(headers.get("Retry-After"))) from None
            raise KoladaError(f"{said} Kontrollera adressen (NARAVARD_KOLADA_URL).") from None
        except TimeoutError:
            raise _TryAgain(f"Kolada svarade inte inom {self.timeout:g} sekunder ({shown}).") from None
        except URLError as error:
            if isinstance(error.reason, TimeoutError):
                raise _TryAgain(f"Kolada svarade inte inom {self.timeout:g} sekunder ({shown}).") from None
            if isinstance(error.reason, ConnectionRefusedError):
                raise _TryAgain(f"Kolada på {public(self.base_url)} nekade anslutningen.") from None
            if isinstance(error.reason, ConnectionError):
                raise _TryAgain(f"Anslutningen till Kolada bröts ({error.reason}).") from None
            raise KoladaError(
                f"Kunde inte nå Kolada på {public(self.base_url)} ({error.reason}). Kontrollera nätverket, "
                "eller hämta svaren på en annan dator och läs in dem med `naravard kolada import`."
            ) from None
        except (ConnectionError, http.client.HTTPException) as error:
            raise _TryAgain(f"Anslutningen till Kolada bröts ({error.__class__.__name__}).") from None
        if len(data) > MAX_BYTES:
            raise KoladaError(
                f"Svaret från {shown} är större än {MAX_BYTES // (1024 * 1024)} MB och läses inte."
            )
        return data


def public(url: str) -> str:
    """`url` without a user name or password in it: those are never shown (issue 21)."""
    try:
        parts = urlsplit(url)
        if parts.username is None and parts.password is None:
            return url
        host = parts.netloc.rpartition("@")[2]
    except ValueError:
        return url.rpartition("@")[2] if "@" in url else url
    return parts._replace(netloc=host).geturl()


def _read_within(response: Any, seconds: float, shown: str) -> bytes:
    """The whole answer, within `seconds`: a server that sends a byte now and then is not waited for.

    The socket's timeout bounds each read; this bounds their sum (read1 returns what one read
    of the socket gave, so the clock is looked at between the drops).
    """
    deadline = time.monotonic() + seconds
    parts: list[bytes] = []
    size = 0
    while chunk := response.read1(65536):
        parts.append(chunk)
        size += len(chunk)
        if size > MAX_BYTES:
            break
        if time.monotonic() > deadline:
            raise _TryAgain(f"Kolada skickade inte hela svaret inom {seconds:g} sekunder ({shown}).")
    return b"".join(parts)


def _retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header: a number of seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


class _SameAddressRedirects(HTTPRedirectHandler):
    """Follows a redirect only to the same scheme and host: the next-page check must not be
    bypassed by a 3xx to another address (an internal service, a downgrade to http)."""

    def redirect_request(
        self, req: Request, fp: Any, code: int, msg: str, headers: Any, newurl: str
    ) -> Request | None:
        old, new = urlsplit(req.full_url), urlsplit(urljoin(req.full_url, newurl))
        if (old.scheme, old.netloc) != (new.scheme, new.netloc):
            raise KoladaError(
                f"Kolada skickar vidare till en annan adress ({show(newurl, 200)}); den följs inte."
            )
        return super().redirect_request(req, fp, code, msg, headers, newurl)


_OPENER = build_opener(_SameAddressRedirects)
