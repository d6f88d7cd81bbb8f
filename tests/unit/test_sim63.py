"""sim63: leftovers of the last round, below the webhook (the connections, the clock's flows)."""

from __future__ import annotations

import threading

from bot.db import connect, transaction


def test_a_half_read_query_never_makes_a_later_write_fail_locked(tmp_path):
    """'database is locked' in ``chat`` beside ``serve`` (sim63): a query whose rows were not all read kept its read
    snapshot open; once another connection (another process, the other thread) committed, a write begun on the first
    failed at once, whatever busy_timeout said. ``Database.query`` now reads its rows to the end."""
    path = tmp_path / "bot.db"
    db = connect(path)
    db.execute("CREATE TABLE t (x INTEGER)")
    with transaction(db):
        db.execute("INSERT INTO t (x) VALUES (0)")
        db.execute("INSERT INTO t (x) VALUES (1)")
    rows = db.query("SELECT x FROM t ORDER BY x")
    assert next(rows)["x"] == 0  # half read: the other row not asked for yet

    def other_process() -> None:
        other = connect(path)
        with transaction(other):
            other.execute("INSERT INTO t (x) VALUES (2)")
        other.close()

    thread = threading.Thread(target=other_process)
    thread.start()
    thread.join()
    with transaction(db):  # failed with sqlite3.OperationalError: database is locked
        db.execute("INSERT INTO t (x) VALUES (3)")
    assert [r["x"] for r in db.query("SELECT x FROM t ORDER BY x")] == [0, 1, 2, 3]
    assert next(rows)["x"] == 1  # the half-read rows are still there to read
