"""bot.checkpoints.Checkpointer beside bot.writer.MessageWriter, on a real SQLite file: the writer's COMMIT copies
nothing back, the WAL stays bounded under steady writes, nothing written is lost, and the thread goes with the writer."""

from __future__ import annotations

import contextlib
import sqlite3
import threading
import time

import pytest

from bot.checkpoints import Checkpointer
from bot.db import Databases
from bot.writer import MessageWriter

FILLER = "x" * 3000  # about a page a row, so a few hundred rows outgrow a small limit


@pytest.fixture
def databases(tmp_path):
    dbs = Databases(tmp_path / "c.db")
    dbs.get().execute("CREATE TABLE t (item TEXT UNIQUE, autocheckpoint INTEGER, filler TEXT)")
    dbs.get().conn.commit()
    dbs.close_current()  # the test's own connection would otherwise hold nothing, but keep it clean
    yield dbs
    dbs.close_all()


def insert(db, item):
    """Records what the writer's connection would checkpoint at (0: never)."""
    (pages,) = db.execute("PRAGMA wal_autocheckpoint").fetchone()
    db.execute("INSERT INTO t (item, autocheckpoint, filler) VALUES (?, ?, ?)", [item, pages, FILLER])
    return item


def keep_failed(db, item):
    return None


def wal_bytes(databases) -> int:
    wal = databases.path.with_name(databases.path.name + "-wal")
    return wal.stat().st_size if wal.exists() else 0


def wal_restarts(databases) -> int:
    """How often the WAL was written from its start again: its header's checkpoint sequence number."""
    with open(databases.path.with_name(databases.path.name + "-wal"), "rb") as wal:
        return int.from_bytes(wal.read(16)[12:16], "big")


def submit_from_threads(writer, names, threads=8):
    """Each of ``threads`` threads submits its share of ``names`` one after the other (steady load, groups form)."""
    results = {}

    def run(mine):
        for name in mine:
            results[name] = writer.submit(name)

    workers = [threading.Thread(target=run, args=(names[i::threads],)) for i in range(threads)]
    for t in workers:
        t.start()
    for t in workers:
        t.join(60)
    return results


def checkpoint_threads() -> set[threading.Thread]:
    return {t for t in threading.enumerate() if t.name == "wal-checkpoint"}


def stopped(writer) -> None:
    """Wait until the writer thread has idled out (and its checkpoint thread with it)."""
    if writer._thread is not None:
        writer._thread.join(10)
    assert not writer._running


def rows(databases):
    conn = sqlite3.connect(databases.path)
    try:
        return conn.execute("SELECT item, autocheckpoint FROM t").fetchall()
    finally:
        conn.close()


def test_the_writer_commits_without_checkpointing_and_the_wal_stays_bounded(databases):
    limit = 64  # pages: 256 kB
    checkpoints = Checkpointer(databases, every=0.01, limit_pages=limit)
    writer = MessageWriter(databases, insert, keep_failed, checkpoints=checkpoints, idle_seconds=0.2)
    restarts = [0]
    stop = threading.Event()

    def watch():
        while not stop.wait(0.002):
            with contextlib.suppress(OSError):
                restarts[0] = max(restarts[0], wal_restarts(databases))

    watcher = threading.Thread(target=watch)
    watcher.start()
    names = [f"m{i}" for i in range(2000)]  # ~2,000 pages (8 MB) written in all: 30 times the limit
    try:
        results = submit_from_threads(writer, names)
        # A locked pass that fell after the last writes leaves the restart to the next write (on a loaded machine the
        # writer's last groups can outrun the checkpoint thread): write on, a row at a time, until the watcher sees it.
        deadline = time.monotonic() + 10
        while restarts[0] == 0 and time.monotonic() < deadline:
            names.append(f"tail{len(names)}")
            results[names[-1]] = writer.submit(names[-1])
            time.sleep(0.02)
        stopped(writer)
    finally:
        stop.set()
        watcher.join()
    assert results == {n: n for n in names}
    kept = rows(databases)
    assert sorted(item for item, _ in kept) == sorted(names)  # each once
    assert {pages for _, pages in kept} == {0}  # the writer's connection never checkpoints in its COMMIT
    assert checkpoints.locked_passes >= 1  # the WAL outgrew the limit
    assert restarts[0] >= 1  # and was written from its start again (without the locked pass: never, under this load)
    # How large it grows between restarts depends on how fast the writer writes while a pass runs (here thousands of
    # pages a second, and a pass's disk flushes take long on a loaded machine): bench/webhook.py measures it.


def test_past_the_limit_a_pass_holding_the_write_lock_lets_the_next_write_start_the_wal_again(databases):
    checkpoints = Checkpointer(databases, limit_pages=16)
    db = databases.get()
    db.execute("PRAGMA wal_autocheckpoint=0")
    for i in range(40):  # 40 commits of a page or more each: past the limit
        with db.conn:
            insert(db, f"m{i}")
    size = wal_bytes(databases)
    done = checkpoints.checkpoint(db)
    assert done.locked and done.wal_pages >= 16 and done.copied == done.wal_pages
    restarts = wal_restarts(databases)
    with db.conn:
        insert(db, "after")
    assert wal_restarts(databases) == restarts + 1 and wal_bytes(databases) == size  # from its start, not appended
    _busy, wal_pages, _copied = db.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    assert 0 < wal_pages < 16
    # under the limit, one pass beside the writer and no lock
    assert not checkpoints.checkpoint(db).locked
    assert len(rows(databases)) == 41


def test_without_a_checkpointer_the_writer_checkpoints_as_sqlite_does(databases):
    writer = MessageWriter(databases, insert, keep_failed, idle_seconds=0.05)
    assert writer.submit("m1") == "m1"
    stopped(writer)
    assert rows(databases) == [("m1", 1000)]


def test_the_checkpoint_thread_goes_with_the_writer_after_a_last_pass(databases):
    checkpoints = Checkpointer(databases, every=60)  # no pass of its own while the writer runs
    writer = MessageWriter(databases, insert, keep_failed, checkpoints=checkpoints, idle_seconds=0.05)
    before = checkpoint_threads()
    assert writer.submit("m1") == "m1"
    assert checkpoint_threads() - before
    stopped(writer)
    assert not checkpoint_threads() - before
    assert checkpoints.passes == 1  # the last pass, as the writer stopped
    conn = sqlite3.connect(databases.path)
    try:  # everything in the WAL had been copied back: a checkpoint now finds nothing left to copy
        _busy, wal_pages, copied = conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        assert wal_pages == copied
    finally:
        conn.close()
    assert writer.submit("m2") == "m2"  # the next message starts both again
    assert checkpoint_threads() - before
    stopped(writer)
    assert [item for item, _ in rows(databases)] == ["m1", "m2"]


def test_a_failing_pass_is_logged_and_the_next_one_runs(databases, caplog):
    class FailingOnce(Checkpointer):
        failed = False

        def _passive(self, db, locked):
            if not self.failed:
                self.failed = True
                raise sqlite3.OperationalError("disk I/O error")
            return super()._passive(db, locked)

    checkpoints = FailingOnce(databases, every=0.01)
    writer = MessageWriter(databases, insert, keep_failed, checkpoints=checkpoints, idle_seconds=0.3)
    assert writer.submit("m1") == "m1"
    deadline = time.monotonic() + 5
    while checkpoints.passes < 2 and time.monotonic() < deadline:
        time.sleep(0.01)
    assert checkpoints.failed and checkpoints.passes >= 2
    assert "WAL checkpoint failed" in caplog.text
    assert writer.submit("m2") == "m2"
    stopped(writer)


def test_closing_every_connection_while_the_checkpoint_thread_runs_is_safe(databases):
    """Databases.close_all (a test's end, the CLI's exit) closes connections from another thread; closing one while a
    statement runs on it crashes the process, so the checkpoint thread's connection is its own."""
    checkpoints = Checkpointer(databases, every=0.0005)  # a pass every half millisecond
    writer = MessageWriter(databases, insert, keep_failed, checkpoints=checkpoints, idle_seconds=0.3)
    assert writer.submit("m1") == "m1"
    # half a second of closing, longer on a loaded machine until the thread has run often enough (it ran 6 times in
    # half a second beside four other test runs)
    start = time.monotonic()
    while time.monotonic() < start + 0.5 or (checkpoints.passes <= 10 and time.monotonic() < start + 10):
        databases.close_all()
        time.sleep(0.0005)
    stopped(writer)
    assert checkpoints.passes > 10
    assert rows(databases) == [("m1", 0)]
