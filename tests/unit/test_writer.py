"""bot.writer.MessageWriter on a real SQLite file: groups, per-item all-or-nothing, failures, idling."""

from __future__ import annotations

import sqlite3
import threading
import time

import pytest

from bot.db import Databases
from bot.writer import MessageWriter


@pytest.fixture
def databases(tmp_path):
    dbs = Databases(tmp_path / "w.db")
    dbs.get().execute("CREATE TABLE t (item TEXT UNIQUE, note TEXT)")
    dbs.get().conn.commit()
    yield dbs
    dbs.close_all()


def items(databases) -> list[tuple[str, str]]:
    return [tuple(r) for r in databases.get().execute("SELECT item, note FROM t ORDER BY rowid").fetchall()]


def insert(db, item):
    db.execute("INSERT INTO t (item, note) VALUES (?, 'ok')", [item])
    return f"done {item}"


def keep_failed(db, item):
    db.execute("INSERT INTO t (item, note) VALUES (?, 'failed')", [item])
    return f"failed {item}"


def submit_all(writer, names, timeout=10.0):
    """Submit each name from its own thread (a ``MessageWriter`` or a worker's ``RemoteWriter``); returns
    {name: result or exception}."""
    results = {}

    def one(name):
        try:
            results[name] = writer.submit(name)
        except Exception as exc:  # noqa: BLE001
            results[name] = exc

    threads = [threading.Thread(target=one, args=(n,)) for n in names]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout)
    return results


class Gate:
    """An apply that blocks on the first item until released, so the next items queue into one group."""

    def __init__(self, apply):
        self.apply = apply
        self.entered = threading.Event()
        self.release = threading.Event()
        self.statements: list[str] = []

    def __call__(self, db, item):
        if item == "first":
            db.conn.set_trace_callback(self.statements.append)
            self.entered.set()
            assert self.release.wait(10)
        return self.apply(db, item)


def queued_behind_first(writer, gate, names):
    """Submit "first" (which blocks), then ``names`` while it blocks; returns every result."""
    results = {}
    first = threading.Thread(target=lambda: results.update(first=writer.submit("first")))
    first.start()
    assert gate.entered.wait(10)
    waiting = threading.Thread(target=lambda: results.update(submit_all(writer, names)))
    waiting.start()
    deadline = time.monotonic() + 10
    while writer._queue.qsize() < len(names) and time.monotonic() < deadline:
        time.sleep(0.005)
    gate.release.set()
    first.join(10)
    waiting.join(10)
    return results


def test_every_caller_gets_its_own_result_once_committed(databases):
    writer = MessageWriter(databases, insert, keep_failed)
    names = [f"m{i}" for i in range(40)]
    results = submit_all(writer, names)
    assert results == {n: f"done {n}" for n in names}
    assert sorted(items(databases)) == sorted((n, "ok") for n in names)


def test_messages_that_queue_up_commit_in_one_group_in_arrival_order(databases):
    gate = Gate(insert)
    writer = MessageWriter(databases, gate, keep_failed)
    results = queued_behind_first(writer, gate, [f"m{i}" for i in range(10)])
    assert len(results) == 11 and all(r.startswith("done") for r in results.values())
    begins = [s for s in gate.statements if s.startswith("BEGIN")]
    assert len(begins) == 1, gate.statements  # the ten queued messages: one BEGIN … COMMIT
    assert len([s for s in gate.statements if s.startswith("COMMIT")]) == 2  # first's group, then theirs
    assert not [s for s in gate.statements if "SAVEPOINT" in s]  # nothing failed: no savepoint per message


def test_messages_that_arrive_while_the_writer_waits_for_the_write_lock_join_its_group(databases):
    """Under ``serve --workers`` a writer often waits for another worker's group: what queues meanwhile is written in
    the group it then writes (one BEGIN … COMMIT), not in the next one after another wait for the lock."""
    statements: list[str] = []

    def apply(db, item):
        db.conn.set_trace_callback(statements.append)
        return insert(db, item)

    writer = MessageWriter(databases, apply, keep_failed)
    assert writer.submit("warm") == "done warm"  # the writer's connection is open
    lock = databases.get().write_lock  # the other worker's group holds it
    lock.acquire()
    results: dict = {}
    first = threading.Thread(target=lambda: results.update(first=writer.submit("first")))
    first.start()
    deadline = time.monotonic() + 10
    while (writer._queue.qsize() or not first.is_alive()) and time.monotonic() < deadline:
        time.sleep(0.005)  # the writer took "first" and waits for the lock
    waiting = threading.Thread(target=lambda: results.update(submit_all(writer, [f"m{i}" for i in range(5)])))
    waiting.start()
    while writer._queue.qsize() < 5 and time.monotonic() < deadline:
        time.sleep(0.005)
    statements.clear()
    lock.release()
    first.join(10)
    waiting.join(10)
    assert results == {n: f"done {n}" for n in ["first", *(f"m{i}" for i in range(5))]}
    assert len([s for s in statements if s.startswith("COMMIT")]) == 1, statements  # one group: first and the five
    kept = [i for i, _ in items(databases)]
    assert kept[:2] == ["warm", "first"] and sorted(kept[2:]) == [f"m{i}" for i in range(5)]


def test_a_group_is_capped(databases):
    gate = Gate(insert)
    writer = MessageWriter(databases, gate, keep_failed, max_group=4)
    queued_behind_first(writer, gate, [f"m{i}" for i in range(10)])
    assert len([s for s in gate.statements if s.startswith("BEGIN")]) == 3  # 4 + 4 + 2
    assert len(items(databases)) == 11


def test_a_failing_message_is_undone_and_kept_by_on_error_while_its_group_commits(databases):
    def apply(db, item):
        insert(db, item)
        if item == "m3":
            raise RuntimeError("handler bug")  # after a write: the write must be undone
        return f"done {item}"

    gate = Gate(apply)
    writer = MessageWriter(databases, gate, keep_failed)
    results = queued_behind_first(writer, gate, [f"m{i}" for i in range(6)])
    assert results["m3"] == "failed m3"
    # the group was rolled back and applied again, each message in its own savepoint
    assert len([s for s in gate.statements if s.startswith("SAVEPOINT")]) >= 6
    assert ("m3", "ok") not in items(databases) and ("m3", "failed") in items(databases)
    assert sum(1 for _, note in items(databases) if note == "ok") == 6  # first + the five others


def test_when_on_error_fails_too_only_that_caller_hears_it(databases):
    def apply(db, item):
        if item == "m2":
            raise RuntimeError("handler bug")
        return insert(db, item)

    def on_error(db, item):
        db.execute("INSERT INTO t (item, note) VALUES (?, 'half')", [item])
        raise OSError("cannot keep it either")

    gate = Gate(apply)
    writer = MessageWriter(databases, gate, on_error)
    results = queued_behind_first(writer, gate, ["m1", "m2", "m3"])
    assert isinstance(results["m2"], OSError)
    assert results["m1"] == "done m1" and results["m3"] == "done m3"
    assert [i for i, _ in items(databases)] == ["first", "m1", "m3"]  # m2's half write was undone


def test_a_group_sqlite_rolled_back_fails_every_caller_and_keeps_nothing(databases):
    db = databases.get()
    db.execute(
        "CREATE TRIGGER doom BEFORE INSERT ON t WHEN NEW.item = 'm2' BEGIN SELECT RAISE(ROLLBACK, 'disk gone'); END"
    )
    db.conn.commit()
    gate = Gate(insert)
    writer = MessageWriter(databases, gate, keep_failed)
    results = queued_behind_first(writer, gate, ["m1", "m2", "m3"])
    assert results["first"] == "done first"  # its own group had committed
    assert all(isinstance(results[n], Exception) for n in ("m1", "m2", "m3")), results
    assert [i for i, _ in items(databases)] == ["first"]
    # the writer goes on: the next message commits
    assert writer.submit("m4") == "done m4"


def test_a_group_that_cannot_get_the_write_lock_fails_every_caller(databases, monkeypatch):
    import bot.db

    monkeypatch.setattr(bot.db, "BUSY_TIMEOUT_MS", 50)
    writer = MessageWriter(Databases(databases.path), insert, keep_failed)
    other = sqlite3.connect(str(databases.path))
    other.execute("PRAGMA busy_timeout=0")
    other.execute("BEGIN IMMEDIATE")  # another process holds the write lock past busy_timeout
    try:
        results = submit_all(writer, ["m1", "m2"])
    finally:
        other.rollback()
        other.close()
    assert all(isinstance(r, sqlite3.OperationalError) for r in results.values()), results
    assert items(databases) == []
    assert writer.submit("m3") == "done m3"


def test_the_thread_stops_when_idle_closes_its_connection_and_comes_back(databases):
    writer = MessageWriter(databases, insert, keep_failed, idle_seconds=0.05)
    before = len(databases._all)
    assert writer.submit("m1") == "done m1"
    first_thread = writer._thread
    first_thread.join(5)
    assert not first_thread.is_alive() and not writer._running
    assert len(databases._all) == before  # its connection was closed and forgotten
    assert writer.submit("m2") == "done m2"  # a new thread takes the next message
    assert [i for i, _ in items(databases)] == ["m1", "m2"]


def test_begin_runs_first_in_each_transaction_of_a_group_on_both_passes(databases):
    """``begin`` writes for the whole group outside the items' savepoints: a failing item's second pass keeps it."""
    begun: list[list[str]] = []

    def begin(db, group, careful):
        begun.append(list(group))
        db.execute("INSERT INTO t (item, note) VALUES (?, 'begin')", ["begin " + "+".join(group)])

    def apply(db, item):
        if item == "m2":
            raise RuntimeError("handler bug")
        return insert(db, item)

    gate = Gate(apply)
    writer = MessageWriter(databases, gate, keep_failed, begin=begin)
    results = queued_behind_first(writer, gate, ["m1", "m2", "m3"])
    assert results == {"first": "done first", "m1": "done m1", "m2": "failed m2", "m3": "done m3"}
    assert begun == [["first"], ["m1", "m2", "m3"], ["m1", "m2", "m3"]]  # the group's second pass begins again
    assert items(databases) == [
        ("begin first", "begin"),
        ("first", "ok"),
        ("begin m1+m2+m3", "begin"),  # once: the first pass was rolled back
        ("m1", "ok"),
        ("m2", "failed"),
        ("m3", "ok"),
    ]


def test_a_begin_that_fails_fails_its_group_and_keeps_nothing(databases):
    def begin(db, group, careful):
        if "m2" in group:
            raise OSError("cannot")

    gate = Gate(insert)
    writer = MessageWriter(databases, gate, keep_failed, begin=begin)
    results = queued_behind_first(writer, gate, ["m1", "m2"])
    assert results["first"] == "done first"
    assert isinstance(results["m1"], OSError) and isinstance(results["m2"], OSError)
    assert items(databases) == [("first", "ok")]


def test_end_runs_last_in_each_transaction_and_a_failing_end_applies_the_group_again_carefully(databases):
    """``end`` writes what the items left for the group (the webhook's inbox rows); when it raises on the first pass,
    the group is applied again, each item in its savepoint, and ``end`` runs again before that COMMIT."""
    calls: list[tuple[str, list[str], bool]] = []

    def begin(db, group, careful):
        calls.append(("begin", list(group), careful))

    def end(db, group):
        calls.append(("end", list(group), db.conn.in_transaction))
        if len([c for c in calls if c[0] == "end"]) == 2:  # the first pass of the group of three
            raise sqlite3.IntegrityError("a row of the group is refused")
        db.execute("INSERT INTO t (item, note) VALUES (?, 'end')", ["end " + "+".join(group)])

    gate = Gate(insert)
    writer = MessageWriter(databases, gate, keep_failed, begin=begin, end=end)
    results = queued_behind_first(writer, gate, ["m1", "m2", "m3"])
    assert results == {"first": "done first", "m1": "done m1", "m2": "done m2", "m3": "done m3"}
    group = ["m1", "m2", "m3"]
    assert calls == [
        ("begin", ["first"], False),
        ("end", ["first"], True),
        ("begin", group, False),
        ("end", group, True),  # raised: the group is rolled back
        ("begin", group, True),  # and applied again carefully
        ("end", group, True),
    ]
    assert items(databases) == [
        ("first", "ok"),
        ("end first", "end"),
        ("m1", "ok"),
        ("m2", "ok"),
        ("m3", "ok"),
        ("end m1+m2+m3", "end"),
    ]


def test_an_end_that_fails_on_the_careful_pass_fails_its_group_and_keeps_nothing(databases):
    def end(db, group):
        if "m2" in group:
            raise OSError("cannot")

    gate = Gate(insert)
    writer = MessageWriter(databases, gate, keep_failed, end=end)
    results = queued_behind_first(writer, gate, ["m1", "m2"])
    assert results["first"] == "done first"
    assert isinstance(results["m1"], OSError) and isinstance(results["m2"], OSError)
    assert items(databases) == [("first", "ok")]


def test_in_a_worker_the_gil_is_asked_for_sooner_only_while_a_writer_holds_the_write_lock(
    databases, tmp_path, monkeypatch
):
    """In a worker of ``serve --workers`` (which sets ``switch_interval_holding``), inside its write lock a writer's waits
    for the GIL after each statement are shorter (the switch interval); outside it, and once no writer of the process
    holds its lock, Python's interval is back, even with two writers at once."""
    import sys

    from bot import writer as writer_module

    monkeypatch.setattr(writer_module, "switch_interval_holding", writer_module.SWITCH_INTERVAL_HOLDING)

    before = sys.getswitchinterval()
    seen: list[float] = []
    gate = threading.Event()

    def apply(db, item):
        seen.append(sys.getswitchinterval())
        if item == "slow":
            assert gate.wait(10)
        return insert(db, item)

    other_databases = Databases(tmp_path / "other.db")
    other_databases.get().execute("CREATE TABLE t (item TEXT UNIQUE, note TEXT)")
    other_databases.get().conn.commit()
    first, second = MessageWriter(databases, apply, keep_failed), MessageWriter(other_databases, apply, keep_failed)
    try:
        slow = threading.Thread(target=first.submit, args=("slow",))
        slow.start()
        deadline = time.monotonic() + 10
        while not seen and time.monotonic() < deadline:
            time.sleep(0.005)
        assert second.submit("quick") == "done quick"  # the other writer came and went while the first held its lock
        assert sys.getswitchinterval() == writer_module.SWITCH_INTERVAL_HOLDING  # the first still holds it
        gate.set()
        slow.join(10)
        assert seen == [writer_module.SWITCH_INTERVAL_HOLDING] * 2
        assert sys.getswitchinterval() == before
    finally:
        gate.set()
        other_databases.close_all()


def test_one_process_keeps_pythons_switch_interval(databases):
    import sys

    from bot import writer as writer_module

    assert writer_module.switch_interval_holding is None  # only bot/serving.py's workers set it
    before = sys.getswitchinterval()
    seen: list[float] = []
    writer = MessageWriter(
        databases, lambda db, item: seen.append(sys.getswitchinterval()) or insert(db, item), keep_failed
    )
    assert writer.submit("m1") == "done m1"
    assert seen == [before] and sys.getswitchinterval() == before
