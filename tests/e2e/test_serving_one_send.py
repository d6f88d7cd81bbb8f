"""bot/serving.py ``OneSendTask``: waitress serving the real app (a real socket, signed XML through ``FastPath``, the
real SQLite file) sends a response of known length as one write, header and body together, and sends the same bytes
plain waitress sends; a response without a length is written piece by piece as waitress writes it (issue 21,
fourteenth round)."""

from __future__ import annotations

import re
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from waitress.channel import HTTPChannel
from waitress.server import create_server
from waitress.trigger import trigger as trigger_class

from bot import serving
from bot.cli import waitress_options
from bot.simulator import Signer, message_xml

LOOP_TIMEOUT = 3.0  # longer than any exchange here takes: a wake-up the loop misses makes its exchange this slow


@contextmanager
def served(wsgi_app, one_send: bool, options: dict | None = None, passes: list[int] | None = None) -> Iterator[int]:
    """waitress serving ``wsgi_app`` on a port of its own, its loop in a thread (as ``serve_socket`` runs it, each pass
    counted in ``passes[0]``); yields the port."""
    sock = serving.listen("127.0.0.1", 0)
    server = create_server(wsgi_app, sockets=[sock], **(options or {"threads": 2, "channel_request_lookahead": 1}))
    if one_send:
        serving.one_send_a_response(server)
    stopping = threading.Event()
    counted = passes if passes is not None else [0]

    def loop() -> None:
        while not stopping.is_set():
            counted[0] += 1
            serving.poll_loop(timeout=LOOP_TIMEOUT, map=server._map, use_poll=True, count=1)

    thread = threading.Thread(target=loop, daemon=True)
    thread.start()
    try:
        yield sock.getsockname()[1]
    finally:
        stopping.set()
        server.trigger.pull_trigger()  # the loop's last pass
        thread.join(10)
        server.task_dispatcher.shutdown(timeout=2)
        serving.close_all(server._map)


def exchange(port: int, request: bytes, until: bytes | None = None) -> bytes:
    """Send ``request`` on a new connection and read what comes back until the server closes it, or until the body of
    one response of known length is in (``until`` None), or until ``until`` ends what was read."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as conn:
        conn.sendall(request)
        data = b""
        while True:
            head, _, body = data.partition(b"\r\n\r\n")
            length = re.search(rb"(?im)^content-length: *(\d+)", head)
            if _ and until is None and length and len(body) >= int(length.group(1)):
                return data
            if until is not None and data.endswith(until):
                return data
            chunk = conn.recv(65536)
            if not chunk:
                return data
            data += chunk


def comparable(response: bytes) -> bytes:
    """A response without what changes from one second to the next (its Date header, a reply's CreateTime)."""
    response = re.sub(rb"(?m)^Date: [^\r]*\r\n", b"", response)
    return re.sub(rb"<CreateTime>\d+</CreateTime>", b"", response)


def push(text: str, openid: str) -> bytes:
    query, body = Signer("spamtest").wrap(message_xml(openid, "text", {"Content": text}))
    return (
        f"POST /wechat?{query} HTTP/1.1\r\nHost: x\r\nContent-Type: text/xml\r\n"
        f"Content-Length: {len(body)}\r\n\r\n".encode()
        + body
    )


@pytest.fixture
def writes(monkeypatch) -> list[int]:
    """The length of each write a waitress channel makes, one entry a write."""
    made: list[int] = []
    write_soon = HTTPChannel.write_soon

    def counted(self, data):
        made.append(len(data))
        return write_soon(self, data)

    monkeypatch.setattr(HTTPChannel, "write_soon", counted)
    return made


def test_a_push_is_answered_in_one_write_with_the_bytes_waitress_sends(app, config, writes):
    options = waitress_options(config)
    replies = {}
    for one_send in (False, True):
        writes.clear()
        with served(app, one_send, options) as port:
            replies[one_send] = [exchange(port, push(text, "o-send")) for text in ("帮助", "你好")]
        assert len(writes) == (2 if one_send else 4)  # plain waitress: the header, then the body
    for plain, one in zip(replies[False], replies[True], strict=True):
        assert plain.startswith(b"HTTP/1.1 200 OK\r\n") and b"<xml>" in plain
        assert comparable(one) == comparable(plain)


def test_dashboard_pages_and_health_are_sent_as_before(app, config, writes):
    options = waitress_options(config)
    requests = [
        b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n",
        b"GET /admin/ HTTP/1.1\r\nHost: x\r\n\r\n",  # a redirect to the login
        b"GET /no-such-page HTTP/1.1\r\nHost: x\r\n\r\n",
        b"POST /wechat?timestamp=1 HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc",  # refused: 403
    ]
    answers = {}
    for one_send in (False, True):
        with served(app, one_send, options) as port:
            answers[one_send] = [comparable(exchange(port, request)) for request in requests]
    assert answers[True] == answers[False]
    assert [answer.split(b"\r\n", 1)[0] for answer in answers[True]] == [
        b"HTTP/1.1 200 OK",
        b"HTTP/1.1 302 FOUND",
        b"HTTP/1.1 404 NOT FOUND",
        b"HTTP/1.1 403 FORBIDDEN",
    ]


def chunks_app(environ, start_response):
    """A response without a length, in pieces (waitress chunks it), or a HEAD, or one of known length."""
    path = environ["PATH_INFO"]
    if path == "/chunks":
        start_response("200 OK", [("Content-Type", "text/plain")])
        return iter([b"one ", b"two ", b"three"])
    if path == "/empty":
        start_response("204 No Content", [])
        return [b""]
    start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", "5")])
    return [b"hello"]


def test_responses_without_a_length_a_head_and_no_content_send_the_bytes_waitress_sends(writes):
    requests = [
        (b"GET /chunks HTTP/1.1\r\nHost: x\r\n\r\n", b"0\r\n\r\n"),
        (b"HEAD /sized HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", None),
        (b"GET /empty HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", None),
        (b"GET /sized HTTP/1.0\r\nHost: x\r\n\r\n", None),
        (b"GET /sized HTTP/1.1\r\nHost: x\r\n\r\n", None),
    ]
    answers, counts = {}, {}
    for one_send in (False, True):
        answers[one_send] = []
        counts[one_send] = []
        with served(chunks_app, one_send) as port:
            for request, until in requests:
                writes.clear()
                answers[one_send].append(comparable(exchange(port, request, until)))
                counts[one_send].append(len(writes))
    assert answers[True] == answers[False]
    assert b"5\r\nthree\r\n0\r\n\r\n" in answers[True][0]
    assert counts[False] == [5, 2, 1, 2, 2]  # the header, then each piece; a 204's header alone
    assert counts[True] == [5, 1, 1, 1, 1]  # a known length (a HEAD's too: waitress sends what the app gave): one write


def test_the_loop_passes_once_a_request_and_misses_no_request(app, config, monkeypatch):
    """waitress woke its loop twice a request (the request; the trigger pulled once it was served) and more while a
    request thread was sending (bot/serving.py ``OneSendChannel``): once here, with every request answered at once,
    a loop that missed one waiting ``LOOP_TIMEOUT``; and a Connection: close still closes, requests sent together are
    each answered."""
    pulls = [0]
    pull = trigger_class.pull_trigger

    def counted(self, thunk=None):
        pulls[0] += 1
        return pull(self, thunk)

    monkeypatch.setattr(trigger_class, "pull_trigger", counted)
    options = waitress_options(config)
    requests = 12
    seen = {}
    for one_send in (False, True):
        passes, pulls[0] = [0], 0
        with served(app, one_send, options, passes) as port, socket.create_connection(("127.0.0.1", port)) as conn:
            conn.settimeout(10)
            slowest = 0.0
            for n in range(requests):
                started = time.monotonic()
                conn.sendall(push("帮助", f"o-loop-{n}"))
                assert read_responses(conn, 1)[0].startswith(b"HTTP/1.1 200 OK")
                slowest = max(slowest, time.monotonic() - started)
                time.sleep(0.02)  # the next request after this one was served
            seen[one_send] = (passes[0], pulls[0])
            assert slowest < LOOP_TIMEOUT / 2
            conn.sendall(push("帮助", "o-loop-a") + push("你好", "o-loop-b"))  # two at once: each answered, in order
            assert all(b"<xml>" in response for response in read_responses(conn, 2))
    plain_passes, plain_pulls = seen[False]
    passes, pulls_made = seen[True]
    assert plain_pulls >= requests and plain_passes >= 2 * requests  # waitress: the request, then the trigger
    assert pulls_made <= 2 and passes <= requests + 6  # the first connection's passes, and a few of the pair's


def read_responses(conn: socket.socket, count: int) -> list[bytes]:
    """The next ``count`` responses of known length from ``conn``."""
    responses: list[bytes] = []
    data = b""
    while len(responses) < count:
        head, sep, body = data.partition(b"\r\n\r\n")
        length = re.search(rb"(?im)^content-length: *(\d+)", head)
        if sep and length and len(body) >= int(length.group(1)):
            end = len(head) + len(sep) + int(length.group(1))
            responses.append(data[:end])
            data = data[end:]
            continue
        chunk = conn.recv(65536)
        assert chunk, "the server closed the connection"
        data += chunk
    assert not data
    return responses
