"""bot.writer's writer process (``serve_writer``) and a worker's side of it (``RemoteWriter``) on a real SQLite file
and a real Unix socket: the loop runs in a thread of the test, the request threads' ``submit`` in others."""

from __future__ import annotations

import socket
import sqlite3
import threading
import time

import pytest

from bot.db import Databases
from bot.writer import MessageWriter, RemoteWriter, WriterFailed, WriterGone, serve_writer
from tests.unit.test_writer import databases  # noqa: F401 - the writer's database with its table t
from tests.unit.test_writer import submit_all as submit_each


def rows(path) -> list[tuple[str, str]]:
    db = sqlite3.connect(path)
    try:
        return [tuple(r) for r in db.execute("SELECT item, note FROM t ORDER BY rowid")]
    finally:
        db.close()


def insert(db, item):
    if item == "bad":
        raise ValueError("a handler's bug")
    db.execute("INSERT INTO t (item, note) VALUES (?, 'ok')", [item])
    return f"done {item}"


def keep_failed(db, item):
    db.execute("INSERT INTO t (item, note) VALUES (?, 'failed')", [item])
    return f"failed {item}"


class WriterProcess:
    """``serve_writer`` on a listening Unix socket, in a thread: ``start()``, ``stop()``; started again on the same
    socket as the master restarts the writer process."""

    def __init__(self, tmp_path, databases, **writer_options):
        self.address = str(tmp_path / "writer.sock")
        self.listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.listener.bind(self.address)
        self.listener.listen(64)
        self.databases = databases
        self.writer_options = writer_options
        self.stopping = threading.Event()
        self.thread: threading.Thread | None = None
        self.decoded: list = []

    def decode(self, item):
        self.decoded.append(item)
        return item

    def start(self, drain_seconds: float = 5.0) -> WriterProcess:
        self.stopping = threading.Event()
        writer = MessageWriter(self.databases, insert, keep_failed, **self.writer_options)
        self.thread = threading.Thread(
            target=serve_writer,
            args=(self.listener, writer, self.decode, self.stopping.is_set, drain_seconds),
            daemon=True,
        )
        self.thread.start()
        return self

    def stop(self, timeout: float = 10) -> None:
        self.stopping.set()
        assert self.thread is not None
        self.thread.join(timeout)
        assert not self.thread.is_alive()

    def close(self) -> None:
        if self.thread is not None and self.thread.is_alive():
            self.stop()
        self.listener.close()


@pytest.fixture
def process(tmp_path, databases):
    made = WriterProcess(tmp_path, databases)
    yield made
    made.close()


def submit_all(remote, names):
    """Submit each name from its own thread (the courier sends what has queued as one frame)."""
    return submit_each(remote, names, timeout=20.0)


def test_every_request_thread_gets_its_own_result_once_committed(process, databases):
    process.start()
    remote = RemoteWriter(process.address)
    names = [f"m{i}" for i in range(40)]
    results = submit_all(remote, names)
    assert results == {name: f"done {name}" for name in names}
    assert sorted(rows(databases.path)) == sorted((name, "ok") for name in names)
    assert remote.submit("again") == "done again"  # the connection is kept for the next group


def test_a_failing_message_is_kept_by_on_error_and_its_group_commits(process, databases):
    process.start()
    remote = RemoteWriter(process.address)
    results = submit_all(remote, ["a", "bad", "b"])
    assert results == {"a": "done a", "bad": "failed bad", "b": "done b"}
    assert sorted(rows(databases.path)) == [("a", "ok"), ("b", "ok"), ("bad", "failed")]


def test_a_group_that_cannot_commit_is_answered_as_failed_and_nothing_of_it_is_kept(tmp_path, databases):
    def begin(db, items, careful):
        if "poison" in items:
            raise sqlite3.OperationalError("disk I/O error")

    made = WriterProcess(tmp_path, databases, begin=begin)
    made.start()
    try:
        remote = RemoteWriter(made.address)
        with pytest.raises(WriterFailed, match="OperationalError: disk I/O error"):
            remote.submit("poison")
        assert remote.submit("next") == "done next"  # the writer process goes on
        assert rows(databases.path) == [("next", "ok")]
    finally:
        made.close()


class Died(BaseException):
    """The writer process ending in the middle (as under SIGKILL: nothing more of it runs)."""


def test_a_writer_process_that_ends_before_answering_is_heard_and_the_next_message_reaches_its_restart(
    process, databases
):
    def dying_decode(item):
        raise Died

    def run_until_it_dies():
        writer = MessageWriter(databases, insert, keep_failed)
        try:
            serve_writer(process.listener, writer, dying_decode)
        except Died:
            pass

    dying = threading.Thread(target=run_until_it_dies)
    dying.start()
    remote = RemoteWriter(process.address)
    with pytest.raises(WriterGone):  # not acknowledged: WeChat retries it (the inbox's dedupe records it once)
        remote.submit("lost")
    dying.join(10)
    assert rows(databases.path) == []

    # the master starts the writer again on the same socket; a connection made meanwhile waits in its backlog
    results: dict = {}
    waiting = threading.Thread(target=lambda: results.update(submit_all(remote, ["after"])))
    waiting.start()
    time.sleep(0.2)
    process.start()
    waiting.join(10)
    assert results == {"after": "done after"}
    assert rows(databases.path) == [("after", "ok")]


def test_a_stopping_writer_process_goes_on_while_a_worker_has_a_connection_open(process, databases):
    process.start(drain_seconds=10)
    remote = RemoteWriter(process.address)
    assert remote.submit("before") == "done before"
    process.stopping.set()  # a SIGTERM that reached every process at once: the workers still finish their requests
    time.sleep(0.7)
    assert process.thread.is_alive()
    assert remote.submit("during") == "done during"
    remote.hang_up()  # the worker ended: its connections closed
    process.thread.join(5)
    assert not process.thread.is_alive()
    assert rows(databases.path) == [("before", "ok"), ("during", "ok")]


def test_an_item_that_cannot_be_pickled_is_sent_as_encode_again_makes_it(process, databases):
    process.start()
    remote = RemoteWriter(
        process.address,
        encode=lambda item: (item, lambda: None),  # a lambda cannot be pickled
        encode_again=lambda item: item,
    )
    assert remote.submit("plain") == "done plain"
    assert process.decoded == ["plain"]


def test_a_frame_that_is_not_ours_closes_only_that_connection(process, databases):
    process.start()
    stranger = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    stranger.connect(process.address)
    stranger.sendall(b"\xff\xff\xff\xff" + b"x" * 100)  # a length far over FRAME_LIMIT
    stranger.settimeout(5)
    assert stranger.recv(10) == b""  # closed by the writer process
    stranger.close()
    assert RemoteWriter(process.address).submit("fine") == "done fine"


def test_messages_from_many_threads_are_committed_in_groups(tmp_path, databases):
    groups: list[int] = []
    write_group = MessageWriter.write_group

    def counted(self, group, fill=None):
        write_group(self, group, fill)
        groups.append(len(group))

    made = WriterProcess(tmp_path, databases)
    MessageWriter.write_group = counted  # type: ignore[method-assign]
    try:
        made.start()
        remote = RemoteWriter(made.address)
        results = submit_all(remote, [f"g{i}" for i in range(60)])
    finally:
        MessageWriter.write_group = write_group  # type: ignore[method-assign]
        made.close()
    assert all(value == f"done {name}" for name, value in results.items())
    assert sum(groups) == 60 and max(groups) <= 64
