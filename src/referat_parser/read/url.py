"""URL input: fetch the bytes of ``referat parse https://…`` and say which reader they need.

Serves minutes linked from the portals: ``https://dagsordener.greve.dk/vis?id=…`` (an HTML
page), ``…/Vis/Pdf/bilag/…`` (a PDF), a ``.docx`` on a municipality's site. The server's
content type decides the reader (``text/html`` -> HTML, ``application/pdf`` -> PDF, the Word
type -> DOCX, ``text/plain`` -> text); where it says nothing (``application/octet-stream`` or
no type) the bytes decide, then the URL's suffix; any other type is refused.

Every failure is one ``InputError`` line naming the URL: the host cannot be resolved, the
connection is refused or times out, the server answers an HTTP error, more than
``MAX_REDIRECTS`` redirects, a body over ``max_bytes`` (refused from ``Content-Length`` before
it is read, else when the running count passes it), a type no reader takes. ``timeout``
bounds the connection, each read, and the whole download.

Fetched with urllib3 (the ``url`` extra: ``pip install 'referat-parser[url]'``), imported
inside ``fetch``: one small, well-kept library with no dependencies of its own, streaming
reads, bounded redirects and typed errors.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from ..errors import InputError
from . import sniff

MAX_REDIRECTS = 5
_CHUNK = 64 * 1024
_USER_AGENT = "referat (https://pypi.org/project/referat-parser/)"
_ACCEPT = "text/html, application/xhtml+xml, application/pdf, text/plain;q=0.9, */*;q=0.5"


@dataclass(frozen=True, slots=True)
class Fetched:
    data: bytes
    content_type: str | None
    format: sniff.Format


def is_url(name: str) -> bool:
    """``http://`` or ``https://`` (any case): a name the command fetches instead of opening."""
    return name[:8].casefold().startswith(("http://", "https://"))


def fetch(url: str, *, max_bytes: int, timeout: float = 30.0) -> Fetched:
    """GET ``url``; its bytes, content type and the reader they need. Raises ``InputError``."""
    try:
        import urllib3
    except ImportError:
        raise InputError(
            f"{url}: URL input needs the url extra: pip install 'referat-parser[url]'"
        ) from None
    if urlsplit(url).scheme.casefold() not in ("http", "https") or not urlsplit(url).hostname:
        raise InputError(f"{url}: not an http(s) URL")
    pool = urllib3.PoolManager(
        timeout=urllib3.Timeout(connect=timeout, read=timeout),
        retries=urllib3.Retry(
            total=None, connect=0, read=0, status=0, other=0, redirect=MAX_REDIRECTS
        ),
        headers={"User-Agent": _USER_AGENT, "Accept": _ACCEPT},
    )
    try:
        response = pool.request("GET", url, preload_content=False, redirect=True)
    except urllib3.exceptions.HTTPError as exc:
        raise InputError(f"{url}: {_why(exc, timeout)}") from None
    try:
        return _read(url, response, max_bytes, timeout)
    finally:
        response.release_conn()
        pool.clear()


def _read(url: str, response: Any, max_bytes: int, timeout: float) -> Fetched:
    import urllib3

    if response.status >= 400:
        raise InputError(f"{url}: HTTP {response.status} {response.reason or ''}".rstrip())
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise InputError(f"{url}: {_too_large(int(declared), max_bytes)}")
    content_type = response.headers.get("Content-Type")
    media = sniff.media_type(content_type)
    if media not in sniff.CONTENT_TYPES and media not in sniff.GENERIC_TYPES:
        raise InputError(f"{url}: unsupported content type {media!r} (not text, HTML, PDF or DOCX)")
    deadline = time.monotonic() + timeout
    chunks: list[bytes] = []
    size = 0
    try:
        for chunk in response.stream(_CHUNK):
            size += len(chunk)
            if size > max_bytes:
                raise InputError(f"{url}: {_too_large(None, max_bytes)}")
            if time.monotonic() > deadline:
                raise InputError(f"{url}: timed out after {timeout:g} s (download too slow)")
            chunks.append(chunk)
    except urllib3.exceptions.HTTPError as exc:
        raise InputError(f"{url}: {_why(exc, timeout)}") from None
    data = b"".join(chunks)
    declared_format = sniff.CONTENT_TYPES.get(media)
    path = urlsplit(url).path
    fmt = declared_format or sniff.detect(data, name=path.rsplit("/", 1)[-1] or None)
    return Fetched(data, content_type, fmt)


def _too_large(size: int | None, limit: int) -> str:
    """``size``: as the server announced it; None when the count passed the limit mid-read."""
    if size is None:
        return f"response is over the limit of {limit:,} bytes (see --max-bytes)"
    return f"response is {size:,} bytes, over the limit of {limit:,} (see --max-bytes)"


def _why(exc: Exception, timeout: float) -> str:
    """One line for what went wrong, from urllib3's error (or the one it wraps)."""
    import urllib3.exceptions as errors

    reason = getattr(exc, "reason", None) or exc
    if isinstance(reason, errors.NameResolutionError):
        return f"cannot resolve host {reason.conn.host!r}"
    if isinstance(reason, errors.NewConnectionError):  # before its base, ConnectTimeoutError
        refused = isinstance(reason.__cause__ or reason.__context__, ConnectionRefusedError)
        return "connection refused" if refused else f"cannot connect ({_short(reason)})"
    if isinstance(reason, errors.ConnectTimeoutError):
        return f"timed out connecting after {timeout:g} s"
    if isinstance(reason, (errors.ReadTimeoutError, TimeoutError)):
        return f"timed out after {timeout:g} s (no answer)"
    if isinstance(reason, errors.SSLError):
        return f"TLS error ({_short(reason)})"
    redirected = isinstance(reason, errors.ResponseError) or isinstance(exc, errors.MaxRetryError)
    if redirected and "redirect" in str(reason):
        return f"more than {MAX_REDIRECTS} redirects"
    if isinstance(reason, errors.LocationParseError | errors.LocationValueError):
        return "not a valid URL"
    return f"request failed ({_short(reason)})"


def _short(exc: object) -> str:
    text = " ".join(str(exc).split())
    return text if len(text) <= 160 else text[:157] + "..."
