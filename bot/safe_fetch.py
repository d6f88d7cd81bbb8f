"""One bounded HTTP GET for bytes that come from outside: a push's PicUrl, a media download.

A PicUrl is written by whoever sends the push, so it could name any address, the machine itself or
the office network included (SSRF). ``get`` therefore:

* takes ``http``/``https`` URLs only and, given ``allowed_hosts``, only those whose host is listed
  (exact names, such as WeChat's image CDN in ``media.pic_hosts``);
* resolves the host itself and refuses it when any of its addresses is not a public one (loopback,
  private, link-local, shared, reserved, multicast) unless that very address is listed — listing a
  name is not listing the inside address it resolves to — then connects to the checked address (no
  second lookup that could answer differently), keeping the name for the Host header and TLS;
* never follows a redirect (a 3xx is refused: its target was never checked);
* stops reading at ``max_bytes`` (a declared Content-Length past it is refused before reading) and
  at a deadline, beside the per-read ``timeout``.

``allowed_hosts=None`` is for URLs the operator configured (``wechat.api_base_url``): no host or
address policy, the same size cap, deadline and no redirects.

Refusals raise ``Refused`` (trying again cannot help); network trouble and 5xx raise ``Failed``
with ``transient`` set.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit

import certifi
import urllib3
from urllib3.exceptions import HTTPError

CHUNK = 64 * 1024
# Kept-alive connections for the configured API (allowed_hosts=None); a PicUrl gets a fresh,
# pinned connection each time.
_CONFIGURED = urllib3.PoolManager(
    num_pools=4, maxsize=8, retries=False, cert_reqs="CERT_REQUIRED", ca_certs=certifi.where()
)


class Refused(Exception):
    """The URL or its answer is not allowed; trying again cannot help."""


class Failed(Exception):
    def __init__(self, message: str, transient: bool):
        super().__init__(message)
        self.transient = transient


@dataclass(frozen=True)
class Response:
    status: int
    content_type: str
    data: bytes


def _inside(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    return not address.is_global or address.is_multicast


def _checked_address(host: str, port: int, allowed: set[str]) -> str:
    """The address to connect to: every address of ``host`` must be public or listed."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise Failed(f"cannot resolve {host}: {exc}", transient=True) from None
    addresses = [str(info[4][0]).split("%", 1)[0] for info in infos]
    if not addresses:
        raise Failed(f"{host} has no address", transient=True)
    for address in addresses:
        if _inside(ipaddress.ip_address(address)) and address not in allowed:
            raise Refused(f"{host} resolves to an inside address ({address}) that is not listed")
    return addresses[0]


def get(
    url: str,
    *,
    max_bytes: int,
    timeout: float,
    deadline_seconds: float,
    allowed_hosts: Iterable[str] | None = None,
    params: dict | None = None,
) -> Response:
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if parts.scheme not in ("http", "https") or not host:
        raise Refused(f"not an http(s) URL: {url[:80]!r}")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise Refused(f"bad port in {url[:80]!r}") from None
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    if params:
        path += ("&" if "?" in path else "?") + urlencode(params)
    timeouts = urllib3.Timeout(connect=timeout, read=timeout)
    opener: urllib3.PoolManager | urllib3.HTTPConnectionPool
    if allowed_hosts is None:
        opener, target, headers, pool = _CONFIGURED, f"{parts.scheme}://{parts.netloc}{path}", {}, None
    else:
        allowed = {h.lower() for h in allowed_hosts}
        if host not in allowed:
            raise Refused(f"host {host} is not in media.pic_hosts")
        pool = _pinned_pool(parts.scheme, host, _checked_address(host, port, allowed), port, timeouts)
        opener, target = pool, path
        headers = {"Host": host if parts.port is None else f"{host}:{port}"}
    started = time.monotonic()
    try:
        response = opener.urlopen(
            "GET",
            target,
            headers=headers,
            redirect=False,
            retries=False,
            timeout=timeouts,
            preload_content=False,
            assert_same_host=False,
        )
        try:
            result = _read(response, max_bytes, started + deadline_seconds)
        except BaseException:
            response.close()  # unread bytes: the connection cannot be reused
            raise
        response.release_conn()
        return result
    except HTTPError as exc:
        raise Failed(f"{type(exc).__name__} fetching from {host}", transient=True) from None
    finally:
        if pool is not None:
            pool.close()


def _pinned_pool(scheme: str, host: str, address: str, port: int, timeouts) -> urllib3.HTTPConnectionPool:
    """A connection to the checked ``address``, speaking to ``host`` (TLS name checked against it)."""
    if scheme == "https":
        return urllib3.HTTPSConnectionPool(
            address,
            port,
            timeout=timeouts,
            retries=False,
            maxsize=1,
            server_hostname=host,
            assert_hostname=host,
            cert_reqs="CERT_REQUIRED",
            ca_certs=certifi.where(),
        )
    return urllib3.HTTPConnectionPool(address, port, timeout=timeouts, retries=False, maxsize=1)


def _read(response, max_bytes: int, deadline: float) -> Response:
    if 300 <= response.status < 400:
        raise Refused(f"redirect ({response.status}) not followed")
    if response.status >= 400:
        raise Failed(f"HTTP {response.status}", transient=response.status >= 500 or response.status == 429)
    declared = response.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise Refused(f"{declared} bytes declared, over the {max_bytes} allowed")
    chunks, size = [], 0
    while chunk := response.read1(CHUNK):  # whatever has arrived: a trickle meets the deadline too
        size += len(chunk)
        if size > max_bytes:
            raise Refused(f"over the {max_bytes} bytes allowed")
        if time.monotonic() > deadline:
            raise Failed("download took too long", transient=True)
        chunks.append(chunk)
    return Response(response.status, response.headers.get("Content-Type", ""), b"".join(chunks))
