"""The inbox row of a text is written once, after its handler, with the reply; the dedupe is the user row's
statement; the replay guard is one statement per group (issue 21, bot/webhook.py ``process``).

Through the real /wechat route. Messages are made to queue into one group of the writer thread by holding the
process's write lock while they arrive (the writer waits for it, as for another worker's group)."""

from __future__ import annotations

import json
import threading
import time
from xml.etree import ElementTree

import pytest

from bot import webhook
from bot.simulator import Signer, message_xml
from tests.conftest import rows_of, transport_for


class OneGroup:
    """``with OneGroup(bot) as group: group.push(villager, xml) …``: the pushes sent inside queue behind a first
    message the writer holds while the test holds the write lock; on leaving, the lock is let go, the writer takes
    them into the first message's group (what queued while it waited for the lock) and every push is answered. ``group.answers``: (status, reply or error) per push, in the order sent; the first message's answer is
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
    assert answers["first"][0] == answers["retry"][0] == 200 and answers["forged"][0] == 403
    # the retry gets the first's reply; the reply's CreateTime is the second it is sent in (it had differed when the
    # two straddled a second: a clean-clone CI run at the forty-eighth session's end)
    first, retry = (ElementTree.fromstring(answers[name][1]).findtext("Content") for name in ("first", "retry"))
    assert first and retry == first
    assert [r["content"] for r in rows_of(bot, "SELECT content FROM inbox WHERE openid = 'o-victim'")] == ["我的进度"]
    assert user_row(bot, "o-victim")["reminders_off"] == 0


# -- the group's inbox rows in one statement (bot/store/inbox.py ``Batch``) ------------------------------------------
def traced_statements(bot) -> list[str]:
    """Every statement of every open connection from now on (the writer's included: it holds one while waiting)."""
    statements: list[str] = []
    for db in list(bot.databases._all):
        db.conn.set_trace_callback(statements.append)
    return statements


def inbox_inserts(statements: list[str]) -> int:
    return sum(1 for sql in statements if sql.lstrip().upper().startswith("INSERT INTO INBOX"))


def test_in_one_group_the_texts_inbox_rows_are_one_statement_with_ids_in_arrival_order(bot, villager_factory):
    openids = [f"o-batch-{n}" for n in range(4)]
    with OneGroup(bot, (villager_factory("o-other"), message_xml("o-other", "text", {"Content": "帮助"}))) as group:
        statements = traced_statements(bot)
        for openid, text in zip(openids, ["退订", "帮助", "你好", "订阅"], strict=True):
            group.push(villager_factory(openid), message_xml(openid, "text", {"Content": text}))
    assert [status for status, _ in group.answers] == [200] * 4
    assert inbox_inserts(statements) == 1  # one group: the first message and the four queued behind it
    rows = rows_of(bot, "SELECT * FROM inbox ORDER BY id")
    assert [r["openid"] for r in rows] == ["o-other", *openids]
    assert [r["id"] for r in rows] == list(range(rows[0]["id"], rows[0]["id"] + 5))
    assert [r["reply"] for r in rows[1:]] == [reply for _, reply in group.answers]
    assert all(r["handler"] and r["latency_ms"] is not None and r["status"] == "ok" for r in rows)


def test_in_one_group_a_retry_of_a_held_back_text_is_answered_from_the_group_and_touches_nothing(bot, villager_factory):
    text = message_xml("o-held", "text", {"Content": "退订"})
    with OneGroup(bot, (villager_factory("o-other"), message_xml("o-other", "text", {"Content": "帮助"}))) as group:
        statements = traced_statements(bot)
        group.push(villager_factory("o-held"), text)
        group.push(villager_factory("o-held"), message_xml("o-held", "text", {"Content": "订阅"}))
        group.push(villager_factory("o-held"), text)  # the retry of 退订, after 订阅: must not unsubscribe again
    assert [status for status, _ in group.answers] == [200] * 3
    assert group.answers[2][1] == group.answers[0][1]
    assert inbox_inserts(statements) == 1  # one group: the retry was no reason to apply the group again
    rows = rows_of(bot, "SELECT content, reply FROM inbox WHERE openid = 'o-held' ORDER BY id")
    assert [(r["content"], r["reply"]) for r in rows] == [("退订", group.answers[0][1]), ("订阅", group.answers[1][1])]
    assert user_row(bot, "o-held")["reminders_off"] == 0


def test_in_one_group_a_failing_message_is_kept_as_failed_and_the_others_commit_in_order(
    bot, villager_factory, monkeypatch
):
    import dataclasses

    from bot.router import Route

    def explode(ctx, match):
        raise RuntimeError("boom")

    boom = Route("boom", lambda c: (c.msg.text or "") == "炸", explode)
    monkeypatch.setattr(bot, "registry", dataclasses.replace(bot.registry, routes=(boom, *bot.routes)))
    pushes = [("o-a", "退订"), ("o-b", "炸"), ("o-c", "你好"), ("o-a", "订阅")]
    with OneGroup(bot, (villager_factory("o-other"), message_xml("o-other", "text", {"Content": "帮助"}))) as group:
        for openid, text in pushes:
            group.push(villager_factory(openid), message_xml(openid, "text", {"Content": text}))
    assert [status for status, _ in group.answers] == [200] * 4
    assert group.answers[1][1] == bot.t("core.error")
    rows = rows_of(bot, "SELECT * FROM inbox WHERE openid != 'o-other' ORDER BY id")
    assert [(r["openid"], r["content"], r["status"]) for r in rows] == [
        ("o-a", "退订", "ok"),
        ("o-b", "炸", "error"),
        ("o-c", "你好", "ok"),
        ("o-a", "订阅", "ok"),
    ]
    assert [r["id"] for r in rows] == list(range(rows[0]["id"], rows[0]["id"] + 4))
    assert [r["reply"] for r in rows] == [reply for _, reply in group.answers]
    assert user_row(bot, "o-a")["reminders_off"] == 0  # 退订 then 订阅, each once
    assert user_row(bot, "o-b") is None  # the failed message's writes were undone


def test_in_one_group_a_row_the_database_refuses_fails_only_its_message(bot, villager_factory):
    bot.db.execute(
        "CREATE TRIGGER no_inbox BEFORE INSERT ON inbox WHEN NEW.content = '退订' "
        "BEGIN SELECT RAISE(ABORT, 'refused'); END"
    )
    bot.db.conn.commit()
    pushes = [("o-a", "你好"), ("o-b", "退订"), ("o-c", "帮助")]
    with OneGroup(bot, (villager_factory("o-other"), message_xml("o-other", "text", {"Content": "帮助"}))) as group:
        for openid, text in pushes:
            group.push(villager_factory(openid), message_xml(openid, "text", {"Content": text}))
    assert [status for status, _ in group.answers] == [200, 503, 200]
    rows = rows_of(bot, "SELECT openid, content, reply FROM inbox WHERE openid != 'o-other' ORDER BY id")
    assert [(r["openid"], r["content"], r["reply"]) for r in rows] == [
        ("o-a", "你好", group.answers[0][1]),
        ("o-c", "帮助", group.answers[2][1]),
    ]
    assert user_row(bot, "o-b") is None  # nothing of the refused message is kept: WeChat retries it


def test_in_one_group_a_message_kept_until_登记_is_replayed_by_the_name_behind_it(
    bot, village, villager_factory, monkeypatch
):
    import dataclasses

    from bot import identity
    from bot.router import Route

    def probe(ctx, _match):
        hint = identity.require_registered(ctx)
        return hint or f"记下了{ctx.person['name']}的：{ctx.msg.text}"

    route = Route("probe", lambda ctx: (ctx.msg.text or "").startswith("试种"), probe)
    monkeypatch.setattr(bot, "registry", dataclasses.replace(bot.registry, routes=(route, *bot.routes)))
    newcomer = villager_factory("o-newcomer")
    newcomer.follows(str(village))  # the village's QR code: a bare name now registers
    with OneGroup(bot, (villager_factory("o-other"), message_xml("o-other", "text", {"Content": "帮助"}))) as group:
        group.push(newcomer, message_xml("o-newcomer", "text", {"Content": "试种 2棵荔枝"}))
        group.push(newcomer, message_xml("o-newcomer", "text", {"Content": "张三"}))
    assert [status for status, _ in group.answers] == [200, 200]
    assert "登记" in group.answers[0][1]
    assert "记下了张三的：试种 2棵荔枝" in group.answers[1][1]  # the kept row was read back inside the group
    rows = rows_of(bot, "SELECT content FROM inbox WHERE openid = 'o-newcomer' AND msg_type = 'text' ORDER BY id")
    assert [r["content"] for r in rows] == ["试种 2棵荔枝", "张三"]
