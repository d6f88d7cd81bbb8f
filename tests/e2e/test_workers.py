"""`serve --workers 2` as a real process tree (bot/serving.py): a pre-fork master, two workers on one port and the
writer process that applies their messages; signed and encrypted pushes through both workers, the scheduler in exactly
one, SIGTERM, SIGKILL of a worker and of the writer process; and the workers with writer threads of their own
(``server.writer_process = false``)."""

from __future__ import annotations

import http.client
import json
import os
import re
import signal
import socket
import sqlite3
import threading
import time
from collections import Counter
from datetime import UTC, datetime

import pytest

from bench.harness import Client, ServerProcess, free_port, wait_for, write_config
from bot import outbox
from bot.db import connect, transaction
from bot.incoming import parse
from bot.simulator import Signer, message_xml
from tests.conftest import AES_KEY

TOKEN = "workers-token"


def start_deployment(tmp_path, standin, **overrides):
    config = write_config(
        tmp_path,
        {
            "wechat.api_base_url": standin.url,
            "wechat.app_id": standin.appid,
            "wechat.app_secret": standin.secret,
            "wechat.token": TOKEN,
            "wechat.encoding_aes_key": AES_KEY,
            "outbox.send_interval_seconds": 0.3,
            "outbox.rate_per_second": 0,
            "media.download_interval_seconds": 0.3,
            "logging.file": "data/logs/bot.log",
            **overrides,
        },
    )
    server = ServerProcess.serve(
        config, free_port(), scheduler=True, workers=2, log_path=tmp_path / "serve.log", env={"BOT_CONFIG": ""}
    )
    server.start(timeout=60)
    return server


@pytest.fixture
def deployment(tmp_path, standin):
    server = start_deployment(tmp_path, standin)
    database = tmp_path / "data" / "bot.db"
    try:
        assert wait_for(lambda: len(server.children()) == 3)  # two workers and the writer process
        assert wait_for(lambda: writer_pid(database) in server.children())
        yield server, database, Signer(TOKEN, AES_KEY, standin.appid)
    finally:
        server.stop()


def answering_pid(client: Client) -> int:
    status, body = client.get("/healthz")
    assert status == 200
    return json.loads(body)["pid"]


def one_connection_per_worker(port: int, workers: list[int]) -> dict[int, Client]:
    """Keep-alive connections until each worker has answered one (a connection stays with its worker)."""
    found: dict[int, Client] = {}
    for _ in range(200):
        client = Client(port)
        found.setdefault(answering_pid(client), client)
        if set(found) >= set(workers):
            return {pid: found[pid] for pid in workers}
    raise AssertionError(f"not every worker answered: {sorted(found)} of {workers}")


def worker_pid(database, number: int) -> int:
    log = (database.parent.parent / "serve.log").read_text(encoding="utf-8")
    return int(re.findall(rf"worker {number} \(pid (\d+)\) serving", log)[-1])


def writer_pid(database) -> int | None:
    log = (database.parent.parent / "serve.log").read_text(encoding="utf-8")
    found = re.findall(r"writer process \(pid (\d+)\)", log)
    return int(found[-1]) if found else None


def worker_pids(server, database) -> list[int]:
    assert wait_for(lambda: len(server.children()) == 3 and writer_pid(database) in server.children())
    return [pid for pid in server.children() if pid != writer_pid(database)]


def inbox_keys(database) -> Counter:
    db = sqlite3.connect(database)
    try:
        return Counter(r[0] for r in db.execute("SELECT msg_key FROM inbox"))
    finally:
        db.close()


def lease_holder(database) -> str | None:
    db = sqlite3.connect(database)
    try:
        row = db.execute("SELECT holder FROM leases WHERE name = 'scheduler'").fetchone()
        return row[0] if row else None
    finally:
        db.close()


def queue_answers(database, keys: list[str]) -> None:
    db = connect(database)
    with transaction(db):
        for key in keys:
            outbox.enqueue(db, openid="o-wk-0", kind="answer", text=key, dedupe_key=key, now=datetime.now(UTC))
    db.close()


def test_two_workers_serve_one_port_each_push_lands_once_and_one_runs_the_scheduler(deployment, standin):
    server, database, signer = deployment
    workers = worker_pids(server, database)
    clients = one_connection_per_worker(server.port, workers)
    sent = []
    for i in range(12):
        xml = message_xml(f"o-wk-{i % 3}", "text", {"Content": "帮助" if i % 2 else "你好"})
        query, body = signer.wrap(xml)
        status, reply = clients[workers[i % 2]].post("/wechat?" + query, body)
        assert status == 200 and signer.unwrap(reply)  # an encrypted reply, read with the same key
        sent.append(xml)
    # WeChat's retry of one push reaching both workers at the same moment: one record, one reply text
    retry = message_xml("o-wk-retry", "text", {"Content": "帮助"})
    replies = []

    def post(pid):
        query, body = signer.wrap(retry)
        replies.append(clients[pid].post("/wechat?" + query, body))

    threads = [threading.Thread(target=post, args=(pid,)) for pid in workers]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [status for status, _ in replies] == [200, 200]
    assert len({signer.unwrap(body) for _, body in replies}) == 1

    keys = inbox_keys(database)
    assert sum(keys.values()) == 13 and set(keys.values()) == {1}

    # the scheduler and sender: in worker 0 only, under the master's lease name
    assert wait_for(lambda: lease_holder(database) == f"{socket.gethostname()}:{server.pid}:worker-0")
    log = (database.parent.parent / "serve.log").read_text(encoding="utf-8")
    assert log.count("scheduler started") == 1
    logs = database.parent / "logs"  # a rotating file per process: the master's, then each worker's
    assert "2 workers serving" in (logs / "bot.log").read_text(encoding="utf-8")
    for number in (0, 1):
        assert f"worker {number} (pid" in (logs / f"bot.w{number}.log").read_text(encoding="utf-8")
    assert "msg openid=" in (logs / "bot.w0.log").read_text(encoding="utf-8") + (logs / "bot.w1.log").read_text(
        encoding="utf-8"
    )
    assert "writer process (pid" in (logs / "bot.wwriter.log").read_text(encoding="utf-8")  # its own file
    queue_answers(database, [f"wk-answer-{n}" for n in range(4)])
    assert wait_for(lambda: len([m for m in standin.sent if m["text"].startswith("wk-answer-")]) == 4)
    time.sleep(1)  # a few more sender runs: still once each
    assert sorted(m["text"] for m in standin.sent if m["text"].startswith("wk-answer-")) == [
        f"wk-answer-{n}" for n in range(4)
    ]


def test_sigterm_stops_the_master_and_every_worker(deployment):
    server, database, signer = deployment
    workers = server.children()
    client = Client(server.port)
    query, body = signer.wrap(message_xml("o-wk-term", "text", {"Content": "帮助"}))
    assert client.post("/wechat?" + query, body)[0] == 200
    assert wait_for(lambda: lease_holder(database) is not None)

    server.proc.send_signal(signal.SIGTERM)
    assert server.proc.wait(timeout=30) == 0
    assert not [pid for pid in workers if os.path.exists(f"/proc/{pid}")]
    assert lease_holder(database) is None  # given up on the way out: another deployment may take it at once
    with socket.socket() as probe:  # the port is free again
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        probe.bind(("127.0.0.1", server.port))
    log = (database.parent.parent / "serve.log").read_text(encoding="utf-8")
    assert "master" in log and "stopping (SIGTERM)" in log and "Traceback" not in log


class Traffic:
    """Six villagers posting through both workers, each push retried (as WeChat does, a little faster) until a 200."""

    def __init__(self, server, signer):
        self.server, self.signer = server, signer
        self.acked: set[str] = set()
        self.answered_503 = 0
        self.lock = threading.Lock()
        self.stop = threading.Event()
        self.threads = [threading.Thread(target=self.villager, args=(n,), daemon=True) for n in range(6)]
        for t in self.threads:
            t.start()

    def villager(self, n: int) -> None:
        client = Client(self.server.port, timeout=10)
        i = 0
        while not self.stop.is_set() and i < 2000:
            xml = message_xml(f"o-wk-{n}", "text", {"Content": "帮助" if i % 2 else "我的进度"})
            for _ in range(40):
                query, body = self.signer.wrap(xml)
                try:
                    status, _ = client.post("/wechat?" + query, body)
                except (OSError, http.client.HTTPException):  # the worker died mid-answer: not acknowledged
                    time.sleep(0.1)
                    continue
                if status == 200:
                    with self.lock:
                        self.acked.add(xml)
                    break
                with self.lock:
                    self.answered_503 += status == 503
                time.sleep(0.1)
            i += 1

    def finish(self) -> None:
        self.stop.set()
        for t in self.threads:
            t.join(30)


def restarted(server, before: list[int], victim: int) -> list[int]:
    """The children not in ``before`` once there are as many as before and ``victim`` is gone (one /proc snapshot: a
    dying victim may be listed in one read and not the next)."""
    now = server.children()
    return [pid for pid in now if pid not in before] if len(now) == len(before) and victim not in now else []


def assert_each_acknowledged_push_kept_once(database, acked: set[str]) -> None:
    keys = inbox_keys(database)
    assert set(keys.values()) == {1}  # nothing recorded twice
    assert {parse(xml).dedupe_key for xml in acked} <= set(keys)  # nothing acknowledged lost


def test_a_killed_worker_is_restarted_and_no_acknowledged_push_is_lost(deployment, standin):
    server, database, signer = deployment
    workers = worker_pids(server, database)
    before = server.children()
    traffic = Traffic(server, signer)
    assert wait_for(lambda: len(traffic.acked) >= 30)
    victim = worker_pid(database, 0)  # worker 0 holds the scheduler lease
    assert victim in workers
    os.kill(victim, signal.SIGKILL)
    assert wait_for(lambda: len(restarted(server, before, victim)) == 1)
    at_restart = len(traffic.acked)
    assert wait_for(lambda: len(traffic.acked) >= at_restart + 30)  # traffic goes on through both
    traffic.finish()

    assert_each_acknowledged_push_kept_once(database, traffic.acked)
    log = (database.parent.parent / "serve.log").read_text(encoding="utf-8")
    assert f"(pid {victim}) ended (signal SIGKILL)" in log

    # the restarted worker 0 takes the scheduler lease back at once (same name), not after it expires
    queue_answers(database, ["wk-after-kill"])
    assert wait_for(lambda: any(m["text"] == "wk-after-kill" for m in standin.sent), seconds=20)


def test_a_killed_writer_process_is_restarted_and_no_acknowledged_push_is_lost(deployment):
    server, database, signer = deployment
    before = server.children()
    traffic = Traffic(server, signer)
    assert wait_for(lambda: len(traffic.acked) >= 30)
    victim = writer_pid(database)
    assert victim is not None and victim in before
    os.kill(victim, signal.SIGKILL)  # the messages it was applying are answered 503 (or not at all) and retried
    assert wait_for(lambda: len(restarted(server, before, victim)) == 1)
    assert wait_for(lambda: writer_pid(database) in restarted(server, before, victim))  # its log line
    at_restart = len(traffic.acked)
    assert wait_for(lambda: len(traffic.acked) >= at_restart + 30)  # through the restarted writer process
    traffic.finish()

    assert_each_acknowledged_push_kept_once(database, traffic.acked)
    log = (database.parent.parent / "serve.log").read_text(encoding="utf-8")
    assert f"the writer process (pid {victim}) ended (signal SIGKILL)" in log
    # the workers were not restarted: only the writer process was
    assert "worker 0 (pid" in log and log.count(") serving") == 2


def test_without_the_writer_process_each_worker_commits_its_own_messages(tmp_path, standin):
    server = start_deployment(tmp_path, standin, **{"server.writer_process": False})
    database = tmp_path / "data" / "bot.db"
    try:
        assert wait_for(lambda: len(server.children()) == 2)
        assert writer_pid(database) is None
        signer = Signer(TOKEN, AES_KEY, standin.appid)
        workers = server.children()
        clients = one_connection_per_worker(server.port, workers)
        for i in range(6):
            query, body = signer.wrap(message_xml(f"o-own-{i % 3}", "text", {"Content": "帮助"}))
            status, reply = clients[workers[i % 2]].post("/wechat?" + query, body)
            assert status == 200 and signer.unwrap(reply)
        keys = inbox_keys(database)
        assert sum(keys.values()) == 6 and set(keys.values()) == {1}
    finally:
        server.stop()
