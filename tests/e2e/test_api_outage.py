"""The WeChat API down for a while, across many sender runs with a moving clock: messages wait and
are delivered once each when it returns; channel errors en masse hold messages, never drop them.
(Single faults, one token storm and single channel errors: tests/e2e/test_outbound.py.)"""

from __future__ import annotations

import time
from collections import Counter
from datetime import timedelta

from bot import clock, outbox, scheduler
from bot.app import create_app
from bot.db import transaction
from bot.wechat_api import WeChatError
from tests.conftest import make_config


def queue(bot, openid, text, key, kind="answer"):
    with transaction(bot.db):
        return outbox.enqueue(bot.db, openid=openid, kind=kind, text=text, dedupe_key=key, now=bot.clock())


def statuses(bot) -> Counter:
    return Counter(r["status"] for r in bot.db.query("SELECT status FROM outbox"))


def warm_token(bot, tries: int = 10) -> None:
    """Fetch the token before the outage starts. The 0.3 s timeout is for the outage; on a loaded machine one
    healthy fetch may exceed it too (a full run saw a ReadTimeout here), which is not what the test is about."""
    for _ in range(tries - 1):
        try:
            bot.api.access_token()
            return
        except WeChatError:
            time.sleep(0.2)
    bot.api.access_token()


def test_outage_across_many_sender_runs_then_each_message_delivered_once(tmp_path, standin):
    app = create_app(make_config(tmp_path, standin, **{"wechat.api_timeout_seconds": 0.3}))
    bot = app.extensions["bot"]
    start = bot.clock()
    with transaction(bot.db):  # five villagers who wrote a moment ago (inside the 48-hour window)
        for n in range(5):
            bot.db.execute(
                "INSERT INTO users (openid, last_inbound_at, created_at) VALUES (?, ?, ?)",
                [f"o-out-{n}", clock.to_db(start), clock.to_db(start)],
            )
    warm_token(bot)
    for n in range(5):
        queue(bot, f"o-out-{n}", f"专家回答{n}", f"outage-{n}")

    # 20 minutes of outage: 502/503 pages, JSON -1 "system busy", timeouts; the sender runs every minute.
    faults = [{"status": 502}, {"status": 503}, {"errcode": -1}, {"delay": 0.5}]
    for minute in range(20):
        for fault in faults:
            standin.fail("message/custom/send", times=5, **fault)
        scheduler._send_outbox(bot, start + timedelta(minutes=minute))
        standin.clear_faults()
        assert statuses(bot) == {"queued": 5}, f"minute {minute}: {statuses(bot)}"
    assert standin.sent == []
    attempts = [r["attempts"] for r in bot.db.query("SELECT attempts FROM outbox")]
    assert all(2 <= a < 8 for a in attempts)  # retried with backoff, not hammered, not given up

    # The API is back: everything goes out once, later runs send nothing more.
    back = start + timedelta(minutes=20)
    for minute in range(0, 90, 5):
        scheduler._send_outbox(bot, back + timedelta(minutes=minute))
    assert statuses(bot) == {"sent": 5}
    delivered = Counter((m["openid"], m["text"]) for m in standin.sent)
    assert delivered == Counter({(f"o-out-{n}", f"专家回答{n}"): 1 for n in range(5)})
    bot.databases.close_all()


def test_token_endpoint_down_too_nothing_lost(tmp_path, standin):
    """Token fetches failing as well (502): messages stay queued, the fetch budget holds, and they go
    out once when the API recovers."""
    app = create_app(make_config(tmp_path, standin, **{"wechat.api_timeout_seconds": 0.3}))
    bot = app.extensions["bot"]
    start = bot.clock()
    with transaction(bot.db):
        bot.db.execute(
            "INSERT INTO users (openid, last_inbound_at, created_at) VALUES ('o-tk', ?, ?)",
            [clock.to_db(start), clock.to_db(start)],
        )
    ids = [queue(bot, "o-tk", f"m{n}", f"tk-{n}") for n in range(3)]
    standin.fail("token", status=502, times=50)
    for minute in range(5):
        scheduler._send_outbox(bot, start + timedelta(minutes=minute))
    assert statuses(bot) == {"queued": 3} and standin.sent == []
    token_tries = sum(endpoint == "token" for endpoint, _ in standin.calls)  # each answered 502
    assert 1 <= token_tries <= 2  # within one real minute: the budget of 2 fetches holds
    standin.clear_faults()
    bot.db.execute("DELETE FROM token_fetches")  # a minute later in real time, the budget is back
    for minute in range(10, 200, 10):
        scheduler._send_outbox(bot, start + timedelta(minutes=minute))
    assert statuses(bot) == {"sent": 3}
    assert sorted(m["text"] for m in standin.sent) == ["m0", "m1", "m2"]
    assert all(bot.db.execute("SELECT status FROM outbox WHERE id = ?", [i]).fetchone()[0] == "sent" for i in ids)
    bot.databases.close_all()


def test_channel_errors_for_everyone_hold_every_message_then_deliver_each_once(villager_factory, bot, standin):
    """45047/45015 for a whole batch (no template configured): held, none failed or dropped; each villager's
    messages go out when that villager writes again, once."""
    villagers = [villager_factory(f"o-held-{n}") for n in range(4)]
    for v in villagers:
        v.says("你好")
    for n, v in enumerate(villagers):
        for k in range(2):
            queue(bot, v.openid, f"通知{n}-{k}", f"held-{n}-{k}", kind="notice")
    standin.fail("message/custom/send", errcode=45047, times=2)
    standin.fail("message/custom/send", errcode=45015, times=2)
    scheduler._send_outbox(bot, bot.clock())
    assert statuses(bot) == {"held": 8} and standin.sent == []  # one error per villager shuts their window
    for minute in range(1, 4):  # later runs leave them held: no channel until the villager writes
        scheduler._send_outbox(bot, bot.clock() + timedelta(minutes=minute))
    assert statuses(bot) == {"held": 8}
    for v in villagers:
        v.says("在吗")
        scheduler._send_outbox(bot, bot.clock())
        scheduler._send_outbox(bot, bot.clock())
    assert statuses(bot) == {"sent": 8}
    delivered = Counter((m["openid"], m["text"]) for m in standin.sent)
    assert set(delivered.values()) == {1} and len(delivered) == 8
