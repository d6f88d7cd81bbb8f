"""Databases.close_all never closes a connection another thread may be stepping a statement on (that crashes the
process): it closes this thread's and ended threads' connections, and retires the others, which their own threads
close at their next ``get``."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from bot.db import Databases

ROOT = Path(__file__).resolve().parent.parent.parent

LONG_QUERY = "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 3000000) SELECT count(*) FROM c"


def test_close_all_while_another_thread_runs_a_statement_does_not_crash_the_process(tmp_path):
    # in a process of its own: before the fix this died of a segmentation fault (exit -11) every time
    script = textwrap.dedent(
        f"""
        import sys, threading, time
        sys.path.insert(0, {str(ROOT)!r})
        from bot.db import Databases
        dbs = Databases({str(tmp_path / "t.db")!r})
        dbs.get().execute("CREATE TABLE t (x)")
        started, result = threading.Event(), {{}}
        def run():
            db = dbs.get()
            started.set()
            result["n"] = db.execute({LONG_QUERY!r}).fetchone()[0]
        thread = threading.Thread(target=run)
        thread.start()
        started.wait()
        time.sleep(0.05)
        dbs.close_all()
        thread.join()
        print(result["n"])
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert (done.returncode, done.stdout.strip()) == (0, "3000000"), done.stderr


def test_close_all_closes_this_threads_and_ended_threads_connections(tmp_path):
    dbs = Databases(tmp_path / "t.db")
    mine = dbs.get()
    theirs = []
    thread = threading.Thread(target=lambda: theirs.append(dbs.get()))
    thread.start()
    thread.join()
    dbs.close_all()
    for db in (mine, theirs[0]):
        with pytest.raises(sqlite3.ProgrammingError):
            db.execute("SELECT 1")
    again = dbs.get()  # a new one for this thread
    assert again is not mine and again.execute("SELECT 1").fetchone()[0] == 1
    dbs.close_all()


def test_a_live_threads_connection_is_retired_and_closed_by_that_thread(tmp_path):
    dbs = Databases(tmp_path / "t.db")
    go_on, closed_all = threading.Event(), threading.Event()
    seen: dict = {}

    def run():
        seen["first"] = dbs.get()
        go_on.set()
        closed_all.wait(10)
        seen["still_open"] = seen["first"].execute("SELECT 1").fetchone()[0]  # not closed under it
        seen["second"] = dbs.get()  # its next get: the retired one closed here, a new one opened
        dbs.close_current()

    thread = threading.Thread(target=run)
    thread.start()
    go_on.wait(10)
    dbs.close_all()
    closed_all.set()
    thread.join(10)
    assert seen["still_open"] == 1 and seen["second"] is not seen["first"]
    with pytest.raises(sqlite3.ProgrammingError):
        seen["first"].execute("SELECT 1")
