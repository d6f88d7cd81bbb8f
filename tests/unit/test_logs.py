"""bot.logs: lines written by the background thread, none lost, secrets blanked, args merged early."""

from __future__ import annotations

import logging
import threading

import pytest

from bot import logs


@pytest.fixture
def logged(tmp_path, request):
    """A logger of this test's own whose lines go through a BackgroundHandler into a file."""
    path = tmp_path / "bot.log"
    to_file = logging.FileHandler(path, encoding="utf-8")
    to_file.setFormatter(logs.RedactingFormatter("%(levelname)s %(message)s"))
    handler = logs.BackgroundHandler([to_file])
    logger = logging.getLogger(f"test.logs.{request.node.name}")
    logger.addHandler(handler)
    logger.propagate = False
    yield logger, handler, path
    logger.removeHandler(handler)
    handler.close()


def test_every_line_from_many_threads_is_written_once_flushed(logged):
    logger, handler, path = logged

    def burst(n):
        for i in range(200):
            logger.warning("thread %d line %d", n, i)

    threads = [threading.Thread(target=burst, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    handler.flush()
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1600
    for n in range(8):  # each thread's lines in its own order
        mine = [line for line in lines if line.startswith(f"WARNING thread {n} ")]
        assert mine == [f"WARNING thread {n} line {i}" for i in range(200)]


def test_close_writes_what_is_still_queued_and_secrets_are_blanked(logged):
    logger, handler, path = logged
    logger.warning("fetching %s", "https://api/cgi-bin/token?appid=wx1&secret=s3cr3t")
    batch = ["o-1"]
    logger.warning("sending to %s", batch)
    batch.append("o-2")  # changed after the call: the line keeps what was logged
    handler.close()  # as logging.shutdown does at exit (closing again at teardown is a no-op)
    assert path.read_text(encoding="utf-8").splitlines() == [
        "WARNING fetching https://api/cgi-bin/token?appid=wx1&secret=***",
        "WARNING sending to ['o-1']",
    ]


def test_the_console_handler_writes_to_the_stderr_of_the_moment(monkeypatch):
    import io

    handler = logs.StderrHandler()
    first, second = io.StringIO(), io.StringIO()
    monkeypatch.setattr("sys.stderr", first)
    handler.emit(logging.makeLogRecord({"msg": "one"}))
    first.close()  # the stream of the moment logging was set up is gone
    monkeypatch.setattr("sys.stderr", second)
    handler.emit(logging.makeLogRecord({"msg": "two"}))
    assert second.getvalue() == "two\n"


def test_console_lines_are_written_a_batch_at_a_time_and_none_lost(monkeypatch):
    """The console's lines go out in one write per batch (each write let another thread take the GIL); every line
    once, each thread's in order, the rest written when the handler flushes or closes; a file handler beside it
    still gets each line at once."""
    import io

    class CountingStream(io.StringIO):
        writes = 0

        def write(self, text: str) -> int:
            CountingStream.writes += 1
            return super().write(text)

    stream = CountingStream()
    monkeypatch.setattr("sys.stderr", stream)
    console = logs.StderrHandler()
    console.setFormatter(logs.RedactingFormatter("%(levelname)s %(message)s"))
    seen = []
    other = logging.Handler()
    other.emit = seen.append  # type: ignore[method-assign]
    handler = logs.BackgroundHandler([console, other])
    logger = logging.getLogger("test.logs.console_batches")
    logger.addHandler(handler)
    logger.propagate = False
    try:

        def burst(n):
            for i in range(300):
                logger.warning("thread %d line %d access_token=%s", n, i, "t0ken")

        threads = [threading.Thread(target=burst, args=(n,)) for n in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        handler.flush()
        lines = stream.getvalue().splitlines()
        assert len(lines) == 1200 and len(seen) == 1200
        for n in range(4):
            mine = [line for line in lines if line.startswith(f"WARNING thread {n} ")]
            assert mine == [f"WARNING thread {n} line {i} access_token=***" for i in range(300)]
        assert CountingStream.writes <= 1200 // logs._BatchingListener.batch_lines + 20  # batches, not lines
        logger.warning("last words")
    finally:
        logger.removeHandler(handler)
        handler.close()
    assert stream.getvalue().splitlines()[-1] == "WARNING last words"


@pytest.mark.parametrize(
    ("line", "redacted"),
    [
        ("GET /cgi-bin/token?appid=wx1&SECRET=s3&x=1", "GET /cgi-bin/token?appid=wx1&SECRET=***&x=1"),
        ("url ?Access_Token=abc&openid=o-1", "url ?Access_Token=***&openid=o-1"),
        ("login password=hunter2 AppSecret=x", "login password=*** AppSecret=***"),
        (
            "msg openid=3f2a type=text handler=help latency_ms=1.2",
            "msg openid=3f2a type=text handler=help latency_ms=1.2",
        ),
        ("a secret told, no value", "a secret told, no value"),
    ],
)
def test_redact_blanks_secret_parameters_in_any_case_and_leaves_other_lines(line, redacted):
    assert logs.redact(line) == redacted
