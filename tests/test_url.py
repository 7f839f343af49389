"""URL input (issue 17): ``referat parse http://…`` against a local HTTP server on 127.0.0.1
that the test starts (nothing leaves the machine): the content type decides the reader,
``source.url`` records the URL, and every failure is one clear line."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import ROOT, SEEDS
from facts import facts
from referat_parser import parse_file
from referat_parser.cli import app
from referat_parser.errors import InputError
from referat_parser.pipeline import parse_url

PAGE = (ROOT / "fixtures" / "html" / f"{SEEDS[0].stem}.html").read_bytes()
PDF = (ROOT / "fixtures" / "pdf" / f"{SEEDS[1].stem}.pdf").read_bytes()
WORD = (ROOT / "fixtures" / "docx" / f"{SEEDS[2].stem}.docx").read_bytes()
TEXT = SEEDS[3].read_bytes()
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

# path -> (status, content type, body)
ROUTES: dict[str, tuple[int, str | None, bytes]] = {
    "/referat": (200, "text/html; charset=utf-8", PAGE),
    "/bilag.pdf": (200, "application/pdf", PDF),
    "/download": (200, "application/octet-stream", WORD),
    "/dagsorden.docx": (200, None, WORD),
    "/plain": (200, "text/plain; charset=utf-8", TEXT),
    "/missing": (404, "text/html", b"<h1>Ikke fundet</h1>"),
    "/error": (500, "text/html", b"<h1>Fejl</h1>"),
    "/logo.png": (200, "image/png", b"\x89PNG\r\n\x1a\n"),
}


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:  # quiet
        pass

    def do_GET(self) -> None:  # the stdlib's name
        path = self.path
        if path.startswith("/redirect/"):  # /redirect/N -> ... -> /referat
            left = int(path.rsplit("/", 1)[1])
            return self._redirect("/referat" if left <= 1 else f"/redirect/{left - 1}")
        if path == "/loop":
            return self._redirect("/loop")
        if path == "/slow":
            time.sleep(3)
            return self._send(200, "text/html", PAGE)
        if path == "/huge":  # announces its size
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(10**9))
            self.end_headers()
            return None
        if path == "/endless":  # no Content-Length: the body just goes on
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(2000):
                    self.wfile.write(b"<p>" + b"x" * 1000 + b"</p>")
            except (BrokenPipeError, ConnectionResetError):
                pass
            return None
        status, kind, body = ROUTES.get(path, (404, "text/plain", b"no such page"))
        return self._send(status, kind, body)

    def _redirect(self, target: str) -> None:
        self.send_response(302)
        self.send_header("Location", target)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _send(self, status: int, kind: str | None, body: bytes) -> None:
        self.send_response(status)
        if kind is not None:
            self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_a_page_url_gives_the_page_facts_and_records_the_url(server: str) -> None:
    url = f"{server}/referat"
    doc = parse_url(url)
    assert (doc.source.format, doc.source.url, doc.source.path) == ("html", url, None)
    assert doc.source.encoding == "utf-8"
    assert facts(doc) == facts(parse_file(SEEDS[0]))


@pytest.mark.parametrize(
    ("path", "fmt", "seed"),
    [
        ("/bilag.pdf", "pdf", 1),
        ("/download", "docx", 2),
        ("/dagsorden.docx", "docx", 2),
        ("/plain", "text", 3),
    ],
)
def test_the_content_type_then_the_bytes_decide_the_reader(
    server: str, path: str, fmt: str, seed: int
) -> None:
    doc = parse_url(server + path)
    assert doc.source.format == fmt
    assert facts(doc) == facts(parse_file(SEEDS[seed]))


def test_redirects_are_followed_up_to_five(server: str) -> None:
    assert parse_url(f"{server}/redirect/5").source.format == "html"
    with pytest.raises(InputError, match="more than 5 redirects"):
        parse_url(f"{server}/redirect/6")
    with pytest.raises(InputError, match="more than 5 redirects"):
        parse_url(f"{server}/loop")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/missing", "HTTP 404 Not Found"),
        ("/error", "HTTP 500 Internal Server Error"),
        ("/logo.png", "unsupported content type 'image/png' (not text, HTML, PDF or DOCX)"),
        ("/huge", "response is 1,000,000,000 bytes, over the limit of 1,000,000 (see --max-bytes)"),
        ("/endless", "response is over the limit of 1,000,000 bytes (see --max-bytes)"),
    ],
)
def test_http_failures_are_one_clear_error(server: str, path: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_url(server + path, max_bytes=1_000_000)
    assert str(caught.value).startswith(f"{server}{path}: ")
    assert message in str(caught.value)


def test_a_slow_server_times_out(server: str) -> None:
    start = time.monotonic()
    with pytest.raises(InputError, match=r"timed out after 0.5 s \(no answer\)"):
        parse_url(f"{server}/slow", timeout=0.5)
    assert time.monotonic() - start < 2.5


def test_connection_refused_and_unknown_hosts(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(InputError, match="connection refused"):
        parse_url(f"http://127.0.0.1:{_free_port()}/referat")

    def no_dns(host: str, *args: object, **kwargs: object) -> object:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_dns)  # no lookup leaves the machine
    with pytest.raises(InputError, match=r"cannot resolve host 'referater\.invalid'"):
        parse_url("https://referater.invalid/moede/1")


def test_urls_on_the_command_line(server: str) -> None:
    runner = CliRunner()
    good = runner.invoke(app, ["parse", f"{server}/referat", "--compact"])
    assert good.exit_code == 0, good.stderr
    assert json.loads(good.stdout)["source"]["url"] == f"{server}/referat"
    bad = runner.invoke(app, ["parse", f"{server}/missing", str(SEEDS[4])])
    assert bad.exit_code == 1
    assert bad.stderr.strip() == f"referat: error: {server}/missing: HTTP 404 Not Found"
    assert json.loads(bad.stdout)["kind"] == "rapport"  # the file after it is still parsed
    big = runner.invoke(app, ["parse", f"{server}/referat", "--max-bytes", "1000"])
    assert big.exit_code == 1 and "over the limit of 1,000 (see --max-bytes)" in big.stderr


def test_only_http_urls_are_fetched(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not an http"):
        parse_url("ftp://example.org/referat.pdf")
    with pytest.raises(InputError, match="not an http"):
        parse_url("http:///no-host")
