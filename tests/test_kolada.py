"""Nyckeltal from Kolada: the client against a real HTTP server on 127.0.0.1, the file, the rules.

The server serves recorded responses (tests/fixtures/kolada/, v2 and v3 shapes) and scripted
failures. No test calls the real Kolada.
"""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

import naravard.cli.kolada  # noqa: F401  (registers `naravard kolada` on the app)
from naravard.api import build_report, lint
from naravard.cli import app
from naravard.errors import UsageError
from naravard.kolada.client import KoladaClient
from naravard.kolada.errors import KoladaError
from naravard.kolada.importing import fetch_year
from naravard.kolada.precedence import KOLADA, nyckeltal_values
from naravard.kolada.sources import build_sources
from naravard.repository import load_repository
from tests.conftest import FIXTURES, Repo
from tests.rule_examples import conformance, located

RECORDED = FIXTURES / "kolada"
KOMMUNKODER = "2021,2023,2026,2029,2031,2034,2039,2061,2062,2080,2081,2082,2083,2084,2085"
ASKED = f"{KOMMUNKODER},0020,0000"  # the kommuner, then Region Dalarna and Sweden
REQUEST = f"/data/kpi/U71411,N71807/municipality/{ASKED}/year/2024"
PAGE_2 = f"{REQUEST}?page=2&per_page=4"
FILE = "region/nyckeltal-2024.yaml"
FU = "kommuner/borlange/uppfoljning-2024.yaml"
TODAY = date.today().isoformat()

runner = CliRunner()


# --- a stand-in for Kolada on the loopback interface ------------------------------------------


@dataclass
class Reply:
    status: int = 200
    body: bytes = b'{"values": [], "count": 0}'
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


class FakeKolada:
    """Replies per path, in order (the last one repeats); every request path is recorded."""

    def __init__(self, server: ThreadingHTTPServer) -> None:
        self.server = server
        self.routes: dict[str, list[Reply]] = {}
        self.requests: list[str] = []
        self.otherwise = Reply(404, b'{"error": "not found"}')

    @property
    def root(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host!s}:{port}"

    def base(self, version: str = "v3") -> str:
        return f"{self.root}/{version}"

    def reply(self, path: str, *replies: Reply) -> None:
        self.routes[path] = list(replies)

    def recorded(self, version: str, name: str) -> bytes:
        text = (RECORDED / version / name).read_text(encoding="utf-8")
        return text.replace("{base}", self.base(version)).encode("utf-8")

    def serve_recorded(self, version: str = "v3") -> None:
        self.reply(f"/{version}{REQUEST}", Reply(body=self.recorded(version, "page-1.json")))
        self.reply(f"/{version}{PAGE_2}", Reply(body=self.recorded(version, "page-2.json")))

    def next_reply(self, path: str) -> Reply:
        self.requests.append(path)
        queue = self.routes.get(path)
        if not queue:
            return self.otherwise
        return queue.pop(0) if len(queue) > 1 else queue[0]


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:
        reply = self.server.kolada.next_reply(self.path)
        if reply.delay:
            time.sleep(reply.delay)
        self.send_response(reply.status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(reply.body)))
        for name, value in reply.headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(reply.body)

    def log_message(self, format: str, *args: object) -> None:
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    kolada: FakeKolada

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that gave up on a slow reply closes the socket: expected here


@pytest.fixture
def kolada(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeKolada]:
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    server = _Server(("127.0.0.1", 0), _Handler)
    server.kolada = FakeKolada(server)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True)
    thread.start()
    yield server.kolada
    server.shutdown()
    server.server_close()
    thread.join()


class Sleeps(list[float]):
    """A sleep that only records how long it was asked to wait."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


def client(kolada: FakeKolada, version: str = "v3", **options: float) -> tuple[KoladaClient, Sleeps]:
    sleeps = Sleeps()
    return KoladaClient(kolada.base(version), sleep=sleeps, **options), sleeps  # type: ignore[arg-type]


def fetch_all(c: KoladaClient) -> list[tuple[str, str, int, float | None, bool]]:
    codes = ASKED.split(",")
    return [
        (r.kpi, r.municipality, r.period, r.value, r.deleted)
        for r in c.data(["U71411", "N71807"], codes, [2024])
    ]


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


# --- the client: shapes, paging, retries, errors -----------------------------------------------

EXPECTED_ROWS = [
    ("U71411", "2081", 2024, 1012.4, False),
    ("U71411", "2085", 2024, 871.3, False),
    ("U71411", "2061", 2024, None, False),
    ("U71411", "0020", 2024, 905.0, False),
    ("N71807", "0000", 2024, 1350.0, False),
    ("N71807", "2081", 2024, 1402.0, False),
    ("N71807", "2085", 2024, 1288.5, False),
    ("N71807", "2084", 2024, 1100.0, True),
    ("N71807", "2080", 2024, None, False),
]


@pytest.mark.parametrize("version", ["v2", "v3"])
def test_both_pages_are_read_and_only_the_total_is_kept(kolada: FakeKolada, version: str) -> None:
    kolada.serve_recorded(version)
    c, sleeps = client(kolada, version)
    assert fetch_all(c) == EXPECTED_ROWS
    assert kolada.requests == [f"/{version}{REQUEST}", f"/{version}{PAGE_2}"]
    assert sleeps == []


def test_no_comma_list_holds_more_than_25_items(kolada: FakeKolada) -> None:
    kpis = [f"U{n:05d}" for n in range(30)]
    kolada.otherwise = Reply()  # an empty answer to anything
    c, _ = client(kolada)
    assert c.data(kpis, ["2080", "2081"], [2024]) == []
    lists = [path.split("/")[4].split(",") for path in kolada.requests]
    assert [len(items) for items in lists] == [25, 5]
    assert [kpi for items in lists for kpi in items] == kpis


def test_429_waits_as_retry_after_says_then_succeeds(kolada: FakeKolada) -> None:
    kolada.serve_recorded()
    kolada.reply(
        f"/v3{REQUEST}",
        Reply(429, b"{}", {"Retry-After": "3"}),
        Reply(body=kolada.recorded("v3", "page-1.json")),
    )
    c, sleeps = client(kolada)
    assert fetch_all(c) == EXPECTED_ROWS
    assert sleeps == [3.0]


def test_retry_after_as_a_date_in_the_past_waits_nothing_and_a_long_one_is_capped(kolada: FakeKolada) -> None:
    kolada.serve_recorded()
    kolada.reply(
        f"/v3{REQUEST}",
        Reply(503, b"", {"Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT"}),
        Reply(429, b"", {"Retry-After": "3600"}),
        Reply(body=kolada.recorded("v3", "page-1.json")),
    )
    c, sleeps = client(kolada, max_wait=20)
    assert fetch_all(c) == EXPECTED_ROWS
    assert sleeps == [0.0, 20.0]


def test_server_errors_are_retried_with_a_growing_wait(kolada: FakeKolada) -> None:
    kolada.serve_recorded()
    kolada.reply(
        f"/v3{REQUEST}",
        Reply(500, b"oops"),
        Reply(502, b""),
        Reply(body=kolada.recorded("v3", "page-1.json")),
    )
    c, sleeps = client(kolada, backoff=0.5)
    assert fetch_all(c) == EXPECTED_ROWS
    assert sleeps == [0.5, 1.0]


def test_a_500_that_persists_ends_in_a_swedish_message(kolada: FakeKolada) -> None:
    kolada.reply(f"/v3{REQUEST}", Reply(500, b"Internal Server Error"))
    c, sleeps = client(kolada, attempts=3, backoff=0.5)
    with pytest.raises(KoladaError) as caught:
        fetch_all(c)
    assert "Kolada svarade 500" in str(caught.value)
    assert "Gav upp efter 3 försök" in str(caught.value)
    assert len(kolada.requests) == 3
    assert sleeps == [0.5, 1.0]


def test_a_slow_kolada_times_out_and_is_tried_again(kolada: FakeKolada) -> None:
    kolada.reply(f"/v3{REQUEST}", Reply(delay=1.0))
    c, sleeps = client(kolada, timeout=0.1, attempts=2)
    with pytest.raises(KoladaError) as caught:
        fetch_all(c)
    assert "svarade inte inom 0.1 sekunder" in str(caught.value)
    assert len(kolada.requests) == 2
    assert len(sleeps) == 1


def test_malformed_json_is_reported_without_retrying(kolada: FakeKolada) -> None:
    kolada.reply(f"/v3{REQUEST}", Reply(body=b'{"values": [{"kpi": "U71411", '))
    c, sleeps = client(kolada)
    with pytest.raises(KoladaError, match="inte giltig JSON"):
        fetch_all(c)
    assert (len(kolada.requests), sleeps) == (1, [])


@pytest.mark.parametrize(
    ("body", "words"),
    [
        (b'{"error": "x"}', "listan `values` saknas"),
        (b'{"values": [{"kpi": "=cmd", "municipality": "2080", "period": 2024, "values": []}]}', "KPI-id"),
        (
            b'{"values": [{"kpi": "U71411", "municipality": "2080", "period": "i fjol", "values": []}]}',
            "period",
        ),
        (
            b'{"values": [{"kpi": "U71411", "municipality": "2080", "period": 2024,'
            b' "values": [{"gender": "T", "value": "12,5"}]}]}',
            "inte är ett tal",
        ),
        (
            b'{"values": [{"kpi": "U71411", "municipality": "2080", "period": 2024,'
            b' "values": [{"gender": "T", "value": NaN}]}]}',
            "inte giltig JSON",
        ),
        (
            b'{"values": [{"kpi": "U71411", "municipality": "2080", "period": 2024,'
            b' "values": [{"gender": "T", "value": 1e400}]}]}',
            "för stort",
        ),
        (b"[" * 100_000 + b"]" * 100_000, "för många nivåer"),
    ],
)
def test_an_answer_of_the_wrong_shape_is_a_clear_error(kolada: FakeKolada, body: bytes, words: str) -> None:
    kolada.reply(f"/v3{REQUEST}", Reply(body=body))
    c, _ = client(kolada)
    with pytest.raises(KoladaError, match=words):
        fetch_all(c)


def test_a_missing_page_is_not_retried(kolada: FakeKolada) -> None:
    c, sleeps = client(kolada)
    with pytest.raises(KoladaError, match="Kolada svarade 404"):
        fetch_all(c)
    assert (len(kolada.requests), sleeps) == (1, [])


@pytest.mark.parametrize("elsewhere", ["http://kolada.example.org/v3/data?page=2", "file:///etc/passwd"])
def test_a_next_page_elsewhere_is_not_followed(kolada: FakeKolada, elsewhere: str) -> None:
    kolada.reply(f"/v3{REQUEST}", Reply(body=json.dumps({"values": [], "next_url": elsewhere}).encode()))
    c, _ = client(kolada)
    with pytest.raises(KoladaError, match="annan adress"):
        fetch_all(c)
    assert len(kolada.requests) == 1


@pytest.mark.parametrize("elsewhere", ["http://127.0.0.2:9/intern", "https://127.0.0.1/v3/data"])
def test_a_redirect_elsewhere_is_not_followed(kolada: FakeKolada, elsewhere: str) -> None:
    kolada.reply(f"/v3{REQUEST}", Reply(status=302, headers={"Location": elsewhere}))
    c, _ = client(kolada)
    with pytest.raises(KoladaError, match="annan adress"):
        fetch_all(c)
    assert len(kolada.requests) == 1


def test_a_value_of_hundreds_of_digits_is_a_clear_error(kolada: FakeKolada) -> None:
    body = (
        b'{"values": [{"kpi": "U71411", "municipality": "2080", "period": 2024,'
        b' "values": [{"gender": "T", "value": 1' + b"0" * 400 + b"}]}]}"
    )
    kolada.reply(f"/v3{REQUEST}", Reply(body=body))
    c, _ = client(kolada)
    with pytest.raises(KoladaError, match="för stort"):
        fetch_all(c)


def test_a_page_that_points_to_itself_ends_the_fetch(kolada: FakeKolada) -> None:
    itself = kolada.base() + REQUEST
    kolada.reply(f"/v3{REQUEST}", Reply(body=json.dumps({"values": [], "next_url": itself}).encode()))
    c, _ = client(kolada)
    with pytest.raises(KoladaError, match="redan har hämtats"):
        fetch_all(c)


def test_nobody_listening_is_retried_then_reported(kolada: FakeKolada) -> None:
    closed = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    port = closed.server_address[1]
    closed.server_close()
    sleeps = Sleeps()
    c = KoladaClient(f"http://127.0.0.1:{port}/v3", sleep=sleeps, attempts=2)
    with pytest.raises(KoladaError, match="nekade anslutningen"):
        fetch_all(c)
    assert sleeps == [1.0]


def test_the_address_must_be_http() -> None:
    with pytest.raises(KoladaError, match="NARAVARD_KOLADA_URL"):
        KoladaClient("file:///etc")


# --- A hostile Kolada, or a hostile address (issue 21) ------------------------------------------


def test_a_malformed_address_is_said_in_swedish() -> None:
    with pytest.raises(KoladaError, match="ingen giltig http- eller https-adress"):
        KoladaClient("http://[::1")


def test_credentials_in_the_address_are_never_shown() -> None:
    closed = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    port = closed.server_address[1]
    closed.server_close()
    c = KoladaClient(f"http://kalle:hemligt@127.0.0.1:{port}/v3", sleep=Sleeps(), attempts=1)
    with pytest.raises(KoladaError) as raised:
        fetch_all(c)
    assert "hemligt" not in str(raised.value) and "kalle" not in str(raised.value)
    assert f"127.0.0.1:{port}" in str(raised.value)


def test_a_thousand_distinct_pages_are_not_called_already_fetched(monkeypatch: pytest.MonkeyPatch) -> None:
    from naravard.kolada import client as module

    pages = iter(range(10_000))
    monkeypatch.setattr(module, "MAX_PAGES", 5)
    monkeypatch.setattr(
        KoladaClient, "_get_json", lambda self, url: {"values": [], "next_url": f"?page={next(pages)}"}
    )
    with pytest.raises(KoladaError, match="fler än 5 sidor") as raised:
        fetch_all(KoladaClient("http://127.0.0.1:9/v3"))
    assert "redan" not in str(raised.value)


def test_a_server_that_drips_its_answer_is_given_up_on() -> None:
    import socket

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    stop = threading.Event()

    def drip() -> None:
        connection, _ = listener.accept()
        connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 1000000\r\n\r\n")
        while not stop.wait(0.1):  # a byte every 0.1 s: each read is within the timeout
            try:
                connection.sendall(b" ")
            except OSError:
                break
        connection.close()

    thread = threading.Thread(target=drip, daemon=True)
    thread.start()
    c = KoladaClient(f"http://127.0.0.1:{listener.getsockname()[1]}/v3", timeout=0.3, attempts=1)
    started = time.monotonic()
    try:
        with pytest.raises(KoladaError, match="hela svaret inom"):
            fetch_all(c)
    finally:
        stop.set()
        listener.close()
    assert time.monotonic() - started < 10  # before: as long as the server kept dripping


def test_the_whole_fetch_has_a_deadline(monkeypatch: pytest.MonkeyPatch) -> None:
    now = iter(range(0, 100_000, 600))  # every look at the clock: ten minutes later
    monkeypatch.setattr(
        KoladaClient, "_get_json", lambda self, url: {"values": [], "next_url": f"?p={next(now)}"}
    )
    with pytest.raises(KoladaError, match="tog mer än 30 minuter"):
        fetch_all(KoladaClient("http://127.0.0.1:9/v3", clock=lambda: float(next(now))))


def test_a_saved_file_that_is_not_json_is_not_told_to_try_later(repo: Repo, tmp_path: Path) -> None:
    saved = tmp_path / "svar.json"
    saved.write_text('{"values": [', encoding="utf-8")
    code, _, err = invoke("kolada", "import", str(saved), "--root", str(repo.root))
    assert code == 2
    assert "inte giltig JSON" in err and "senare" not in err


# --- `naravard kolada hamta` and the file it writes --------------------------------------------


@pytest.fixture
def fetched(repo: Repo, kolada: FakeKolada, monkeypatch: pytest.MonkeyPatch) -> Repo:
    """The conformance repository after `naravard kolada hamta 2024` against the recorded answers."""
    kolada.serve_recorded()
    monkeypatch.setenv("NARAVARD_KOLADA_URL", kolada.base())
    code, out, err = invoke("kolada", "hamta", "2024", "--root", str(repo.root))
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == (
        "Skapade data/region/nyckeltal-2024.yaml: 4 värden och 26 utan värde (null) "
        "för 15 kommuner, 2024. Källa: Kolada."
    )
    assert out.splitlines()[1] == "Regionen och riket: 2 värden och 2 utan värde (null)."
    assert "gällde annat än strategins kommuner" not in out
    return repo


def test_hamta_writes_every_kommun_and_nyckeltal_with_its_source(fetched: Repo) -> None:
    text = fetched.read(FILE)
    assert text.startswith("# yaml-language-server: $schema=../../schemas/nyckeltal.schema.json\n")
    assert "\nar: 2024\nkommuner:\n  vansbro:\n" in text
    assert (
        "  borlange:\n"
        f"    undvikbar-slutenvard: {{varde: 1012.4, kolada: U71411, period: 2024, hamtad: {TODAY}}}\n"
        f"    lakarbesok-primarvard: {{varde: 1402, kolada: N71807, period: 2024, hamtad: {TODAY}}}\n"
    ) in text
    assert "  avesta:\n    undvikbar-slutenvard: {varde: null, kolada: U71411" in text
    avesta = f"    lakarbesok-primarvard: {{varde: null, kolada: N71807, period: 2024, hamtad: {TODAY}}}\n"
    assert avesta + "  ludvika:" in text


def test_hamta_writes_the_regions_and_swedens_values_beside_the_kommuners(fetched: Repo) -> None:
    text = fetched.read(FILE)
    assert text.endswith(
        "region:\n"
        f"  undvikbar-slutenvard: {{varde: 905, kolada: U71411, period: 2024, hamtad: {TODAY}}}\n"
        f"  lakarbesok-primarvard: {{varde: null, kolada: N71807, period: 2024, hamtad: {TODAY}}}\n"
        "riket:\n"
        f"  undvikbar-slutenvard: {{varde: null, kolada: U71411, period: 2024, hamtad: {TODAY}}}\n"
        f"  lakarbesok-primarvard: {{varde: 1350, kolada: N71807, period: 2024, hamtad: {TODAY}}}\n"
    )
    imported = load_repository(fetched.root).imported[0].model
    assert imported.region["undvikbar-slutenvard"].varde == 905
    assert imported.riket["lakarbesok-primarvard"].varde == 1350


def test_the_report_shows_the_fetched_reference_values(fetched: Repo, tmp_path: Path) -> None:
    [html] = build_report(fetched.root, 2024, tmp_path / "out", formats=("html",))
    section = html.read_text(encoding="utf-8").split('id="nyckeltal-lakarbesok-primarvard"', 1)[1]
    table = section.split("</table>", 1)[0]
    riket = table.split('Riket <span class="source">Källa: Kolada</span></th>', 1)[1].split("</tr>", 1)[0]
    assert riket.startswith('<td class="num">1\u202f350</td>')


def test_the_regions_code_is_its_lanskod_and_must_agree_with_the_kommunkoder(repo: Repo) -> None:
    strategy = load_repository(repo.root).revision_for(2024)
    assert strategy is not None
    assert build_sources(strategy.model, 2024).kommunkoder[-2:] == ["0020", "0000"]
    repo.replace("region/strategi.yaml", 'lanskod: "20"', 'lanskod: "21"')
    strategy = load_repository(repo.root).revision_for(2024)
    assert strategy is not None
    with pytest.raises(KoladaError, match="länskod 21 men kommunkoder som börjar med 20"):
        build_sources(strategy.model, 2024)


def test_the_written_file_validates_like_the_rest(fetched: Repo) -> None:
    result = fetched.validate()
    assert result.findings == ()
    assert result.files == 10


def test_lint_warns_where_a_typed_value_disagrees_with_kolada(fetched: Repo) -> None:
    def nv313() -> list[tuple[str, int, int]]:
        return [
            (f.location.file, f.location.line, f.location.column)
            for f in lint(fetched.root).findings
            if f.code == "NV313"
        ]

    assert nv313() == [(f"data/{FU}", 26, 25)]
    [finding] = [f for f in lint(fetched.root).findings if f.code == "NV313"]
    assert finding.message.startswith(
        "`undvikbar-slutenvard` är 990.5 här men 1012.4 i Kolada (U71411, hämtat"
    )
    fetched.replace(FU, "undvikbar-slutenvard: 990.5", "undvikbar-slutenvard: 1012")  # Kolada's, rounded
    assert nv313() == []


def test_the_typed_value_counts_and_kolada_fills_in_where_none_is_typed(fetched: Repo) -> None:
    repo = load_repository(fetched.root)
    borlange = nyckeltal_values(repo, "borlange", 2024)
    assert (borlange["undvikbar-slutenvard"].varde, borlange["undvikbar-slutenvard"].fran_kolada) == (
        990.5,
        False,
    )
    assert (borlange["lakarbesok-primarvard"].varde, borlange["lakarbesok-primarvard"].kalla) == (
        1402,
        KOLADA,
    )
    assert borlange["aterinskrivning-65"].varde is None  # typed null, nothing in Kolada
    fetched.replace(FU, "undvikbar-slutenvard: 990.5", "undvikbar-slutenvard: null")
    borlange = nyckeltal_values(load_repository(fetched.root), "borlange", 2024)
    assert (borlange["undvikbar-slutenvard"].varde, borlange["undvikbar-slutenvard"].kalla) == (
        1012.4,
        KOLADA,
    )
    ludvika = nyckeltal_values(repo, "ludvika", 2024)
    assert ludvika["lakarbesok-primarvard"].varde == 1288.5
    assert ludvika["lakarbesok-primarvard"].kolada == "N71807"


def test_fetching_again_keeps_comments_bom_line_endings_and_mode(fetched: Repo, kolada: FakeKolada) -> None:
    path = fetched.path(FILE)
    text = fetched.read(FILE)
    text = text.replace("kommuner:\n", "# Kontrollerat mot Koladas webb 2025-03-01.\nkommuner:\n")
    text = text.replace("  borlange:\n", "  # Borlänge: ny beräkning från 2024.\n  borlange:\n")
    text = text.replace(
        f"1012.4, kolada: U71411, period: 2024, hamtad: {TODAY}}}",
        "0, kolada: U71411, period: 2024, hamtad: 2025-01-01}  # preliminärt",
    )
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    path.chmod(0o640)
    kolada.requests.clear()
    code, out, _ = invoke("kolada", "hamta", "2024", "--root", str(fetched.root))
    assert code == 0
    assert out.startswith("Uppdaterade data/region/nyckeltal-2024.yaml")
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf# yaml-language-server")
    assert b"\n" not in data.replace(b"\r\n", b"")
    after = data.decode("utf-8-sig").replace("\r\n", "\n")
    assert "# Kontrollerat mot Koladas webb 2025-03-01.\nkommuner:\n" in after
    assert "  # Borlänge: ny beräkning från 2024.\n  borlange:\n" in after
    updated = f"undvikbar-slutenvard: {{varde: 1012.4, kolada: U71411, period: 2024, hamtad: {TODAY}}}"
    assert f"{updated} # preliminärt" in after
    assert path.stat().st_mode & 0o777 == 0o640
    assert fetched.validate().findings == ()
    assert [p.name for p in path.parent.iterdir() if "naravard-tmp" in p.name] == []


def test_a_nyckeltal_the_strategy_no_longer_fetches_is_removed(fetched: Repo, kolada: FakeKolada) -> None:
    fetched.replace("region/strategi.yaml", "    kolada: N71807\n", "")
    only_u71411 = REQUEST.replace("U71411,N71807", "U71411")
    kolada.reply(f"/v3{only_u71411}", Reply(body=kolada.recorded("v3", "page-1.json")))
    code, out, _ = invoke("kolada", "hamta", "2024", "--root", str(fetched.root))
    assert code == 0
    assert "17 värden togs bort" in out  # 15 kommuner, the region and Sweden
    assert "lakarbesok-primarvard" not in fetched.read(FILE)
    assert fetched.validate().findings == ()


def test_hamta_for_one_kommun_asks_only_for_it_and_leaves_the_others(
    fetched: Repo, kolada: FakeKolada
) -> None:
    kolada.reply(
        "/v3/data/kpi/U71411,N71807/municipality/2085,0020,0000/year/2024",
        Reply(
            body=b'{"values": [{"kpi": "N71807", "municipality": "2085", "period": 2024,'
            b' "values": [{"gender": "T", "value": 1290.0}]}]}'
        ),
    )
    before = fetched.read(FILE)
    code, out, _ = invoke("kolada", "hamta", "2024", "--kommun", "ludvika", "--root", str(fetched.root))
    assert code == 0
    assert "för 1 kommun, 2024" in out
    after = fetched.read(FILE)
    assert "varde: 1290, kolada: N71807" in after
    assert "varde: null, kolada: U71411, period: 2024, hamtad" in after.split("  ludvika:\n")[1]
    assert before.split("  ludvika:\n")[0] == after.split("  ludvika:\n")[0]


def test_the_progress_callback_counts_requests(repo: Repo, kolada: FakeKolada) -> None:
    kolada.serve_recorded()
    seen: list[tuple[int, int]] = []
    c, _ = client(kolada)
    result = fetch_year(
        repo.root, 2024, client=c, today=date(2025, 3, 3), progress=lambda d, t: seen.append((d, t))
    )
    assert seen == [(1, 1)]
    assert (result.written.values, result.written.missing, result.other_kommuner) == (4, 26, 0)
    assert (result.written.references, result.written.references_missing) == (2, 2)
    assert "hamtad: 2025-03-03" in repo.read(FILE)


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--kommun", "borlang"], "Menade du `borlange`?"),
        (["--timeout", "0"], "0.1"),
    ],
)
def test_bad_arguments_exit_2(
    repo: Repo, kolada: FakeKolada, monkeypatch: pytest.MonkeyPatch, args: list[str], words: str
) -> None:
    monkeypatch.setenv("NARAVARD_KOLADA_URL", kolada.base())
    result = runner.invoke(app, ["kolada", "hamta", "2024", *args, "--root", str(repo.root)])
    assert result.exit_code == 2
    assert words in result.stderr
    assert not repo.path(FILE).exists()


@pytest.mark.parametrize(
    ("reply", "words"),
    [
        (Reply(body=b"<html>Kolada har underh\xc3\xa5ll</html>"), "inte giltig JSON"),
        (Reply(403, b"{}"), "Kolada svarade 403"),
    ],
)
def test_a_failed_fetch_exits_2_with_a_message_and_writes_nothing(
    repo: Repo, kolada: FakeKolada, monkeypatch: pytest.MonkeyPatch, reply: Reply, words: str
) -> None:
    kolada.reply(f"/v3{REQUEST}", reply)
    monkeypatch.setenv("NARAVARD_KOLADA_URL", kolada.base())
    code, out, err = invoke("kolada", "hamta", "2024", "--root", str(repo.root))
    assert (code, out) == (2, "")
    assert err.startswith("naravard: ") and words in err
    assert "Traceback" not in err
    assert not repo.path(FILE).exists()


def test_a_year_without_a_strategy_or_without_kolada_ids_exits_2(
    repo: Repo, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NARAVARD_KOLADA_URL", "http://127.0.0.1:9/v3")
    code, _, err = invoke("kolada", "hamta", "2040", "--root", str(repo.root))
    assert code == 2 and "Ingen version av strategin gäller för 2040" in err
    for rel in ("region/strategi.yaml", "region/strategi-2026.yaml"):
        fetched_lines = repo.read(rel).replace("    kolada: U71411\n", "").replace("    kolada: N71807\n", "")
        repo.write(rel, fetched_lines)
    code, _, err = invoke("kolada", "hamta", "2024", "--root", str(repo.root))
    assert code == 2 and "har ett Kolada-id" in err


def test_a_broken_nyckeltal_file_is_never_rewritten(
    repo: Repo, kolada: FakeKolada, monkeypatch: pytest.MonkeyPatch
) -> None:
    kolada.serve_recorded()
    monkeypatch.setenv("NARAVARD_KOLADA_URL", kolada.base())
    broken = "ar: 2024\nkommuner:\n  borlange: {undvikbar-slutenvard: {varde: 1,2}}\n"
    repo.write(FILE, broken)
    code, _, err = invoke("kolada", "hamta", "2024", "--root", str(repo.root))
    assert code == 2
    assert "data/region/nyckeltal-2024.yaml:3:" in err
    assert "skriver inte om en fil som har fel" in err
    assert repo.read(FILE) == broken


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(
    fetched: Repo, kolada: FakeKolada, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = fetched.read(FILE)

    def refuse(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(UsageError, match="Kan inte skriva"):
        fetch_year(fetched.root, 2024, client=client(kolada)[0], today=date(2030, 1, 1))
    assert fetched.read(FILE) == before
    assert [p.name for p in fetched.path("region").iterdir() if p.name.startswith(".")] == []


# --- `naravard kolada import`: saved answers, for machines without network ----------------------


@pytest.mark.parametrize("version", ["v2", "v3"])
def test_import_reads_saved_answers_like_a_fetch(repo: Repo, tmp_path: Path, version: str) -> None:
    saved = []
    for name in ("page-1.json", "page-2.json"):
        path = tmp_path / f"{version}-{name}"
        path.write_bytes((RECORDED / version / name).read_bytes())
        stamp = datetime(2025, 3, 3, 12, 0).timestamp()
        os.utime(path, (stamp, stamp))
        saved.append(str(path))
    code, out, _ = invoke("kolada", "import", *saved, "--root", str(repo.root))
    assert code == 0
    assert out.splitlines()[0] == (
        "Skapade data/region/nyckeltal-2024.yaml: 4 värden och 3 utan värde (null) för 5 kommuner, 2024. "
        "Källa: Kolada."
    )
    text = repo.read(FILE)
    entry = "{varde: 1012.4, kolada: U71411, period: 2024, hamtad: 2025-03-03}"
    assert f"  borlange:\n    undvikbar-slutenvard: {entry}\n" in text
    assert "vansbro" not in text  # an import writes what the answers hold, nothing more
    assert "region:\n  undvikbar-slutenvard: {varde: 905, kolada: U71411, period: 2024" in text
    assert "riket:\n  lakarbesok-primarvard: {varde: 1350, kolada: N71807, period: 2024" in text
    assert repo.validate().findings == ()


def test_import_of_something_else_than_kolada_exits_2(repo: Repo, tmp_path: Path) -> None:
    other = tmp_path / "export.json"
    other.write_text('{"rows": [1, 2, 3]}', encoding="utf-8")
    code, _, err = invoke("kolada", "import", str(other), "--root", str(repo.root))
    assert code == 2
    assert "har inte Koladas form" in err
    code, _, err = invoke("kolada", "import", str(tmp_path / "saknas.json"), "--root", str(repo.root))
    assert code == 2
    assert "finns inte" in err


def test_import_with_only_other_kommuner_writes_nothing_new(repo: Repo, tmp_path: Path) -> None:
    answer = tmp_path / "umea.json"
    answer.write_text(
        '{"values": [{"kpi": "U71411", "municipality": "2480", "period": 2024,'
        ' "values": [{"gender": "T", "value": 800}]}]}',
        encoding="utf-8",
    )
    code, out, _ = invoke("kolada", "import", str(answer), "--root", str(repo.root))
    assert code == 0
    assert "0 värden och 0 utan värde (null) för 0 kommuner" in out
    assert "1 rad gällde annat än strategins kommuner" in out


# --- the nyckeltal file is checked like every other file ----------------------------------------

ENTRY = "undvikbar-slutenvard: {{varde: 871.3, kolada: {kpi}, period: {period}, hamtad: 2025-03-03}}"
NYCKELTAL_FILE = f"ar: 2024\nkommuner:\n  ludvika:\n    {ENTRY.format(kpi='U71411', period=2024)}\n"

# (code, old text, new text, line, column)
DIAGNOSTICS = [
    ("NV203", "  ludvika:", "  ludvka:", 3, 3),
    ("NV202", "    undvikbar-slutenvard:", "    undvikbar-slutenvrd:", 4, 5),
    ("NV216", "kolada: U71411", "kolada: U71412", 4, 50),
    ("NV216", "period: 2024", "period: 2023", 4, 66),
    ("NV209", "ar: 2024", "ar: 2023", 1, 5),
    ("NV105", "varde: 871.3", "varde: 8 713", 4, 35),
    ("NV103", "hamtad:", "hamtat:", 4, 72),
    ("NV106", "hamtad: 2025-03-03", "hamtad: 2025-02-30", 4, 80),
]


def test_a_written_nyckeltal_file_is_clean(repo: Repo) -> None:
    repo.write(FILE, NYCKELTAL_FILE)
    assert repo.codes() == []


@pytest.mark.parametrize("case", DIAGNOSTICS, ids=[f"{c[0]}-{i}" for i, c in enumerate(DIAGNOSTICS)])
def test_a_mistake_in_the_nyckeltal_file_lands_on_its_line_and_column(
    case: tuple[str, str, str, int, int],
) -> None:
    code, old, new, line, column = case
    assert NYCKELTAL_FILE.count(old) == 1
    files = {**conformance(), f"data/{FILE}": NYCKELTAL_FILE.replace(old, new).encode("utf-8")}
    assert (FILE, line, column, code) in located(files)


def test_a_nyckeltal_file_for_a_year_no_strategy_covers(repo: Repo) -> None:
    repo.write("region/nyckeltal-2031.yaml", NYCKELTAL_FILE.replace("2024", "2031"))
    assert ("region/nyckeltal-2031.yaml", 1, 5, "NV210") in repo.codes()


def test_a_new_kolada_id_in_the_strategy_asks_for_a_new_fetch(repo: Repo) -> None:
    repo.write(FILE, NYCKELTAL_FILE)
    repo.replace("region/strategi.yaml", "kolada: U71411", "kolada: U71499")
    [finding] = [f for f in repo.validate().findings if f.code == "NV216"]
    assert "strategin (data/region/strategi.yaml) anger `U71499`" in finding.message
    assert finding.message.endswith("Hämta värdena på nytt: `naravard kolada hamta 2024`.")


KOLADA_CODES = {"NV216", "NV313"}


def test_values_beyond_decimal_precision_compare_without_a_crash() -> None:
    from naravard.kolada.precedence import agrees

    assert agrees(1e30, 1e30)
    assert not agrees(1e30, 2e30)
