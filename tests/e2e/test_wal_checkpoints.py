"""The webhook's writer thread with its WAL checkpoint thread (bot/checkpoints.py), through the real /wechat route on a
real SQLite file: pushes from many senders at once, WeChat's retries among them, are each kept once with their reply
while the checkpoint thread, not the writer's COMMIT, copies the WAL back and starts it again."""

from __future__ import annotations

import contextlib
import threading

from bot import checkpoints
from tests.conftest import rows_of

TEXTS = ["帮助", "桂花什么时候种", "3棵桂花", "我的进度", "你好"]


def wal_restarts(bot) -> int:
    """How often the WAL was written from its start again (its header's checkpoint sequence number)."""
    with open(str(bot.databases.path) + "-wal", "rb") as wal:
        return int.from_bytes(wal.read(16)[12:16], "big")


def test_concurrent_pushes_and_retries_are_kept_once_while_the_wal_is_checkpointed_beside_the_writer(
    bot, villager_factory, monkeypatch
):
    # a small WAL limit and frequent passes, so that a test's few hundred messages outgrow it many times over
    monkeypatch.setattr(checkpoints, "EVERY_SECONDS", 0.01)
    monkeypatch.setattr(checkpoints, "LIMIT_PAGES", 8)
    senders = [villager_factory(f"o-ckpt-{n}") for n in range(8)]
    answers: dict[tuple[str, int], tuple[str | None, str | None]] = {}
    restarts = [0]
    stop = threading.Event()

    def watch():
        while not stop.wait(0.005):
            with contextlib.suppress(OSError):
                restarts[0] = max(restarts[0], wal_restarts(bot))

    def talk(sender):
        for i in range(30):
            reply = sender.says(TEXTS[i % len(TEXTS)])
            retried = sender.push(sender.last_xml) if i % 4 == 0 else None  # WeChat's retry: the same push again
            answers[(sender.openid, i)] = (reply, retried)

    watcher = threading.Thread(target=watch)
    watcher.start()
    threads = [threading.Thread(target=talk, args=(s,)) for s in senders]
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
    finally:
        stop.set()
        watcher.join()
    assert len(answers) == 8 * 30 and all(reply for reply, _ in answers.values())
    for (_openid, i), (reply, retried) in answers.items():
        if i % 4 == 0:
            assert retried == reply  # the retry got the first try's reply
    kept = rows_of(bot, "SELECT openid, msg_key, reply FROM inbox")
    assert len(kept) == 8 * 30  # every acknowledged push once: none lost, no retry kept twice
    assert len({(row["openid"], row["msg_key"]) for row in kept}) == len(kept)
    assert all(row["reply"] for row in kept)  # each with its reply, written in the same transaction
    # The checkpoint thread ran, outgrew the small limit and started the WAL again (SQLite's own checkpoint, at
    # 1,000 pages, would not have been reached by these few hundred messages).
    assert restarts[0] >= 1
    # the writer thread's connection checkpoints nothing in its COMMIT; every other connection as SQLite does
    settings = [db.execute("PRAGMA wal_autocheckpoint").fetchone()[0] for db in list(bot.databases._all)]
    assert settings.count(0) == 1 and set(settings) == {0, 1000}
    assert rows_of(bot, "PRAGMA integrity_check") == [{"integrity_check": "ok"}]
