"""Several writers on one database: threads of one process, and real processes (two webhook servers
and one worker, as docs/operations.md deploys them) sharing one SQLite file."""

from __future__ import annotations

import threading
import time
from collections import Counter
from datetime import UTC

import pytest

from bench.harness import Client, ServerProcess, free_port, wait_for, write_config
from bot import db as dbmod
from bot import outbox
from bot.db import transaction
from bot.incoming import parse_xml
from bot.simulator import Signer, message_xml


# -- threads of one process -------------------------------------------------------------------------
def test_threads_queue_on_one_write_lock_per_database(tmp_path):
    """Threads wait for the write in Python (woken at once), not in SQLite's sleeping busy handler."""
    path = tmp_path / "w.db"
    first, second = dbmod.connect(path), dbmod.connect(path)
    assert first.write_lock is second.write_lock
    assert dbmod.connect(tmp_path / "other.db").write_lock is not first.write_lock
    first.execute("CREATE TABLE counter (n INTEGER)")
    first.execute("INSERT INTO counter VALUES (0)")

    seen_locked = []
    with transaction(first):
        probe = threading.Thread(target=lambda: seen_locked.append(not second.write_lock.acquire(blocking=False)))
        probe.start()
        probe.join()
    assert seen_locked == [True]

    def bump(db):
        for _ in range(50):
            with transaction(db):
                n = next(db.query("SELECT n FROM counter"))["n"]
                db.execute("UPDATE counter SET n = ?", [n + 1])

    threads = [threading.Thread(target=bump, args=(dbmod.connect(path),)) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert next(first.query("SELECT n FROM counter"))["n"] == 400  # no lost update


def test_the_lock_file_is_taken_and_let_go_without_letting_go_of_the_gil_when_free(tmp_path):
    """``flock`` with LOCK_NB and LOCK_UN never waits, so it is called holding the GIL (a hand-over of the GIL costs a
    busy writer up to the switch interval); held by another open file (another process's), LOCK_NB says so."""
    import fcntl
    import os

    path = tmp_path / "w.writelock"
    mine, other = (os.open(path, os.O_RDWR | os.O_CREAT, 0o600) for _ in range(2))
    try:
        assert dbmod._LIBC_FLOCK is not None  # Linux: libc's flock through ctypes.PyDLL
        assert dbmod._flock_holding_gil(other, fcntl.LOCK_EX | fcntl.LOCK_NB)
        assert not dbmod._flock_holding_gil(mine, fcntl.LOCK_EX | fcntl.LOCK_NB)  # another open file holds it
        assert dbmod._flock_holding_gil(other, fcntl.LOCK_UN)
        assert dbmod._flock_holding_gil(mine, fcntl.LOCK_EX | fcntl.LOCK_NB)
        with pytest.raises(BlockingIOError):
            fcntl.flock(other, fcntl.LOCK_EX | fcntl.LOCK_NB)
        with pytest.raises(OSError):
            dbmod._flock_holding_gil(-1, fcntl.LOCK_EX | fcntl.LOCK_NB)  # EBADF is raised, not taken for "held"
    finally:
        os.close(mine)
        os.close(other)


CHILD_WRITER = """
import sys, time
from bot import db as dbmod
child = dbmod.connect(sys.argv[1])
try:
    with dbmod.transaction_within(child, 0.2):
        sys.exit("the probe got the lock while the other process held it")
except TimeoutError:  # gave up on the lock file, not in SQLite's busy handler
    pass
print("waiting", flush=True)
with dbmod.transaction(child):  # woken by the other process's commit
    n = next(child.query("SELECT n FROM counter"))["n"]
    child.execute("UPDATE counter SET n = ?", [n + 1])
"""


def test_processes_queue_on_the_databases_lock_file(tmp_path):
    """Writers in other processes (``serve --workers``) wait on an flock of ``<db>.writelock``, woken as soon as
    it is let go, not in SQLite's sleeping busy handler."""
    import subprocess
    import sys

    from tests.conftest import ROOT

    path = tmp_path / "w.db"
    db = dbmod.connect(path)
    db.execute("CREATE TABLE counter (n INTEGER)")
    db.execute("INSERT INTO counter VALUES (0)")
    with transaction(db):
        db.execute("UPDATE counter SET n = 10")
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD_WRITER, str(path)], cwd=ROOT, stdout=subprocess.PIPE, text=True
        )
        assert child.stdout.readline().strip() == "waiting"
    assert child.wait(timeout=30) == 0
    child.stdout.close()
    assert next(db.query("SELECT n FROM counter"))["n"] == 11  # after this process's commit, not before
    assert (tmp_path / "w.db.writelock").exists()
    db.close()


# -- processes ---------------------------------------------------------------------------------------
@pytest.fixture
def deployment(tmp_path, standin):
    """Two `serve --no-scheduler` processes and one `worker` on one database."""
    config = write_config(
        tmp_path,
        {
            "wechat.api_base_url": standin.url,
            "wechat.app_id": standin.appid,
            "wechat.app_secret": standin.secret,
            "wechat.token": "spamtest",
            "outbox.send_interval_seconds": 0.3,
            "outbox.rate_per_second": 0,
            "media.download_interval_seconds": 0.3,
        },
    )
    ports = [free_port(), free_port()]
    procs = [ServerProcess.serve(config, port, log_path=tmp_path / f"serve-{port}.log") for port in ports]
    procs.append(ServerProcess.worker(config, log_path=tmp_path / "worker.log"))
    try:
        for proc in procs:
            proc.start(timeout=60)  # each `serve` loads the FAQ index before it answers /healthz (bot/cli.py _warm_up)
        yield config, ports
    finally:
        for proc in procs:
            proc.stop()


def test_two_webhook_processes_and_a_worker_share_one_database(deployment, standin, tmp_path):
    config, ports = deployment
    signer = Signer("spamtest")
    for n in range(6):
        standin.add_media(f"m-{n}", f"photo {n}".encode())
    acked: list[str] = []
    lock = threading.Lock()

    def villager(n: int):
        clients = [Client(port) for port in ports]
        for i in range(10):
            openid = f"o-mp-{n}"
            if i == 3:
                xml = message_xml(openid, "image", {"MediaId": f"m-{n}", "PicUrl": ""})
            else:
                xml = message_xml(openid, "text", {"Content": "帮助" if i % 2 else "你好"})
            query, body = signer.wrap(xml)
            status, _ = clients[i % 2].post("/wechat?" + query, body)  # each message to one of the two
            assert status == 200
            with lock:
                acked.append(xml)

    threads = [threading.Thread(target=villager, args=(n,)) for n in range(6)]
    for t in threads:
        t.start()
    # WeChat's retry of one message reaching both processes at once: one record, the same reply.
    retry = message_xml("o-mp-retry", "text", {"Content": "帮助"})
    replies = []

    def post_retry(port):
        query, body = signer.wrap(retry)
        replies.append(Client(port).post("/wechat?" + query, body))

    retries = [threading.Thread(target=post_retry, args=(port,)) for port in ports * 2]
    for t in retries:
        t.start()
    for t in retries + threads:
        t.join()
    assert len(acked) == 60 and [status for status, _ in replies] == [200] * 4
    # the same reply text (the XML's CreateTime is the second each reply was rendered in)
    assert len({parse_xml(body)["Content"] for _, body in replies}) == 1

    from bot import config as config_mod

    db = dbmod.connect(config_mod.load(config, env={}).database_path)
    keys = Counter(r["msg_key"] for r in db.query("SELECT msg_key FROM inbox WHERE openid LIKE 'o-mp-%'"))
    assert sum(keys.values()) == 61 and max(keys.values()) == 1  # nothing lost, nothing doubled

    # the worker downloads every photo and delivers queued messages once each
    from datetime import datetime, timezone

    with transaction(db):
        for n in range(6):
            outbox.enqueue(
                db,
                openid=f"o-mp-{n}",
                kind="answer",
                text=f"回答{n}",
                dedupe_key=f"mp-answer-{n}",
                now=datetime.now(UTC),
            )
    assert wait_for(lambda: next(db.query("SELECT COUNT(*) AS n FROM outbox WHERE status = 'sent'"))["n"] == 6)
    assert wait_for(lambda: next(db.query("SELECT COUNT(*) AS n FROM media WHERE status = 'stored'"))["n"] == 6)
    time.sleep(1)  # a few more sender runs: still once each
    answers = [m["text"] for m in standin.sent if m["text"].startswith("回答")]
    assert sorted(answers) == [f"回答{n}" for n in range(6)]
    db.close()
