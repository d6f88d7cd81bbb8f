"""The inbox row of a text is written once, after its handler, with the reply; the dedupe is the user row's
statement; the replay guard is one statement per group (issue 21, bot/webhook.py ``process``).

Through the real /wechat route. Messages are made to queue into one group of the writer thread by holding the
process's write lock while they arrive (the writer waits for it, as for another worker's group)."""

from __future__ import annotations

import json
import threading
import time

import pytest

from bot import webhook
from bot.simulator import Signer, message_xml
from tests.conftest import rows_of, transport_for


class OneGroup:
    """``with OneGroup(bot) as group: group.push(villager, xml) …``: the pushes sent inside queue behind a first
    message the writer holds while the test holds the write lock; on leaving, the lock is let go and every push
    answered. ``group.answers``: (status, reply or error) per push, in the order sent; the first message's answer is
    ``group.first_answer``, apart (its thread may finish after any of the others: each thread writes its own slot)."""

    def __init__(self, bot, first):
        self.bot, self.first = bot, first
        self.threads: list[threading.Thread] = []
        self.answers: list[tuple[int, str | None]] = []
        self.first_answer: tuple[int, str | None] = (0, None)

    @staticmethod
    def _send(villager, xml, store):
        try:
            store((200, villager.push(xml)))
        except RuntimeError:
            store((villager.last_status, None))

    def _start(self, villager, xml: str, store) -> threading.Thread:
        queued = webhook._writer(self.bot)._queue.qsize()
        thread = threading.Thread(target=self._send, args=(villager, xml, store))
        thread.start()
        deadline = time.monotonic() + 10
        while webhook._writer(self.bot)._queue.qsize() <= queued and time.monotonic() < deadline:
            time.sleep(0.002)  # queued in arrival order
        return thread

    def push(self, villager, xml: str) -> None:
        slot = len(self.answers)
        self.answers.append((0, None))

        def store(answer):
            self.answers[slot] = answer

        self.threads.append(self._start(villager, xml, store))

    def __enter__(self):
        self.lock = self.bot.db.write_lock
        self.lock.acquire()

        def store_first(answer):
            self.first_answer = answer

        self.first_thread = self._start(*self.first, store_first)
        deadline = time.monotonic() + 10  # the writer has taken the first message and waits for the lock
        while webhook._writer(self.bot)._queue.qsize() and time.monotonic() < deadline:
            time.sleep(0.002)
        return self

    def __exit__(self, *exc):
        self.lock.release()
        for thread in [self.first_thread, *self.threads]:
            thread.join(10)


def user_row(bot, openid):
    rows = rows_of(bot, "SELECT * FROM users WHERE openid = ?", [openid])
    return rows[0] if rows else None


def test_a_text_is_kept_once_with_its_reply_under_the_id_its_handler_kept(bot, villager):
    reply = villager.says("3棵桂花")  # not registered: the message is kept until 登记, by its inbox id
    rows = rows_of(bot, "SELECT * FROM inbox WHERE openid = ?", [villager.openid])
    assert [(r["content"], r["handler"], r["reply"], r["status"]) for r in rows] == [
        ("3棵桂花", "planting_text", reply, "ok")
    ]
    assert rows[0]["latency_ms"] is not None
    state = rows_of(bot, "SELECT data FROM conversations WHERE openid = ?", [villager.openid])
    assert json.loads(state[0]["data"])["inbox_ids"] == [rows[0]["id"]]


def test_a_retry_is_answered_with_the_first_reply_and_touches_nothing(bot, villager):
    xml = message_xml(villager.openid, "text", {"Content": "退订"})
    first = villager.push(xml)
    with bot.db.conn:  # meanwhile a customer-service message was sent: the count a retry must not reset
        bot.db.execute("UPDATE users SET cs_sent_since_inbound = 3 WHERE openid = ?", [villager.openid])
    before = user_row(bot, villager.openid)
    bot.clock.advance(seconds=5)
    assert villager.push(xml) == first
    assert user_row(bot, villager.openid) == before
    assert len(rows_of(bot, "SELECT * FROM inbox WHERE openid = ?", [villager.openid])) == 1


def test_the_retry_of_a_failed_first_message_gets_its_reply_and_makes_no_user_row(bot, villager, monkeypatch):
    import dataclasses

    from bot.router import Route

    def explode(ctx, match):
        raise RuntimeError("boom")

    monkeypatch.setattr(
        bot, "registry", dataclasses.replace(bot.registry, routes=(Route("boom", lambda c: True, explode),))
    )
    xml = message_xml(villager.openid, "text", {"Content": "你好"})
    assert villager.push(xml) == bot.t("core.error")
    assert villager.push(xml) == bot.t("core.error")  # the retry: the kept row's reply, not the handler again
    rows = rows_of(bot, "SELECT * FROM inbox WHERE openid = ?", [villager.openid])
    assert [(r["status"], r["handler"], r["reply"]) for r in rows] == [("error", "error", bot.t("core.error"))]
    assert user_row(bot, villager.openid) is None  # the failed try's user row was undone, and the retry made none


def test_when_the_inbox_row_cannot_be_written_nothing_of_the_message_is_kept(bot, villager):
    """The reply and the inbox row land together with the handler's writes, or none of them does."""
    villager.says("帮助")
    bot.db.execute(
        "CREATE TRIGGER no_inbox BEFORE INSERT ON inbox WHEN NEW.content = '退订' "
        "BEGIN SELECT RAISE(ABORT, 'refused'); END"
    )
    bot.db.conn.commit()
    xml = message_xml(villager.openid, "text", {"Content": "退订"})
    with pytest.raises(RuntimeError, match="503"):
        villager.push(xml)
    assert [r["content"] for r in rows_of(bot, "SELECT content FROM inbox")] == ["帮助"]
    assert user_row(bot, villager.openid)["reminders_off"] == 0  # the handler's write was undone
    bot.db.execute("DROP TRIGGER no_inbox")
    bot.db.conn.commit()
    reply = villager.push(xml)  # WeChat's retry
    assert user_row(bot, villager.openid)["reminders_off"] == 1
    assert [(r["content"], r["reply"]) for r in rows_of(bot, "SELECT content, reply FROM inbox")] == [
        ("帮助", rows_of(bot, "SELECT reply FROM inbox")[0]["reply"]),
        ("退订", reply),
    ]


class LateReader:
    """A villager whose request thread takes its reply last: it reads the answer, then waits before handing it on
    (as a thread the scheduler runs last does under load)."""

    def __init__(self, villager, seconds: float = 0.3):
        self.villager, self.seconds = villager, seconds

    def push(self, xml: str):
        try:
            return self.villager.push(xml)
        finally:
            time.sleep(self.seconds)

    @property
    def last_status(self):
        return self.villager.last_status


def test_in_one_group_a_retry_gets_the_first_reply_and_ids_follow_arrival(bot, villager_factory):
    villagers = [villager_factory("o-group") for _ in range(6)]
    text = message_xml("o-group", "text", {"Content": "退订"})
    # the message the writer holds first is answered last: its answer must not land in another push's slot
    first = (LateReader(villager_factory("o-other")), message_xml("o-other", "text", {"Content": "帮助"}))
    with OneGroup(bot, first) as group:
        group.push(villagers[0], text)
        group.push(villagers[1], message_xml("o-group", "image", {"MediaId": "m-group", "PicUrl": ""}))
        group.push(villagers[2], text)  # WeChat's retry, queued behind its first try
        group.push(villagers[3], message_xml("o-group", "text", {"Content": "订阅"}))
        group.push(villagers[4], text)
    assert [status for status, _ in group.answers] == [200] * 5
    assert group.first_answer == (200, bot.t("core.help"))
    assert group.answers[0][1] == group.answers[2][1] == group.answers[4][1] == bot.t("core.unsubscribed_reminders")
    rows = rows_of(bot, "SELECT * FROM inbox WHERE openid = 'o-group' ORDER BY id")
    assert [(r["msg_type"], r["content"]) for r in rows] == [("text", "退订"), ("image", "m-group"), ("text", "订阅")]
    assert [r["reply"] for r in rows] == [group.answers[0][1], group.answers[1][1], group.answers[3][1]]
    assert [r["id"] for r in rows] == list(range(rows[0]["id"], rows[0]["id"] + 3))
    media = rows_of(bot, "SELECT inbox_id FROM media WHERE media_id = 'm-group'")
    assert [m["inbox_id"] for m in media] == [rows[1]["id"]]
    assert user_row(bot, "o-group")["reminders_off"] == 0  # 退订, then 订阅: applied once each, in order


def test_in_one_group_a_seen_query_string_with_another_body_is_refused(app, bot, villager_factory):
    signer = Signer(bot.config.get("wechat.token"))
    query, body = signer.wrap(message_xml("o-victim", "text", {"Content": "我的进度"}))
    forged = message_xml("o-victim", "text", {"Content": "退订"}).encode()
    answers: dict[str, tuple[int, bytes]] = {}

    class Raw:  # a villager whose push is a fixed query string and body
        def __init__(self, name, body):
            self.name, self.body, self.last_status = name, body, None
            self.transport = transport_for(app)  # a test client per thread

        def push(self, _xml):
            answers[self.name] = self.transport(query, self.body)
            return None

    with OneGroup(bot, (villager_factory("o-other"), message_xml("o-other", "text", {"Content": "帮助"}))) as group:
        group.push(Raw("first", body), "")
        group.push(Raw("forged", forged), "")
        group.push(Raw("retry", body), "")
    assert answers["first"][0] == 200 and answers["forged"][0] == 403 and answers["retry"] == answers["first"]
    assert [r["content"] for r in rows_of(bot, "SELECT content FROM inbox WHERE openid = 'o-victim'")] == ["我的进度"]
    assert user_row(bot, "o-victim")["reminders_off"] == 0
