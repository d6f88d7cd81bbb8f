"""The outbox, the WeChat client and the media job against the stand-in, faults included."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot import clock, outbox, scheduler
from bot.db import transaction
from bot.media import download_due
from bot.wechat_api import WeChatError


def queue(bot, openid, text, key, kind="answer", **kw):
    with transaction(bot.db):
        return outbox.enqueue(bot.db, openid=openid, kind=kind, text=text, dedupe_key=key, now=bot.clock(), **kw)


def row(bot, outbox_id):
    return next(bot.db.query("SELECT * FROM outbox WHERE id = ?", [outbox_id]))


def send(bot, now=None):
    return scheduler._send_outbox(bot, now or bot.clock())


def test_customer_service_message_inside_window(villager, bot, standin):
    villager.says("帮助")
    oid = queue(bot, villager.openid, "专家回答：桂花3月种", "t1")
    assert queue(bot, villager.openid, "专家回答：桂花3月种", "t1") is None  # idempotent
    report = send(bot)
    assert report.sent == 1 and report.by_channel == {"cs": 1}
    assert row(bot, oid)["status"] == "sent"
    assert [m["text"] for m in standin.messages_to(villager.openid)] == ["专家回答：桂花3月种"]
    send(bot)  # nothing new: sent once
    assert len(standin.messages_to(villager.openid)) == 1


@pytest.mark.parametrize("errcode", [45015, 45047])
def test_channel_errors_fall_through_to_template(tmp_path, standin, errcode):
    from bot.app import create_app
    from bot.simulator import Signer, WeChatUser
    from tests.conftest import make_config, transport_for

    app = create_app(make_config(tmp_path, standin, **{"wechat.templates.answer": "TPL-ANSWER"}))
    bot = app.extensions["bot"]
    user = WeChatUser(transport_for(app), Signer("spamtest", "", bot.config.get("wechat.app_id")), "o-tpl")
    user.says("你好")
    standin.fail("message/custom/send", errcode=errcode)
    oid = queue(bot, "o-tpl", "专家回答了您的问题", "a1", url="/answer/abc")
    send(bot)
    assert row(bot, oid)["status"] == "sent" and row(bot, oid)["channel"] == "template"
    sent = standin.messages_to("o-tpl")
    assert sent[0]["kind"] == "template" and sent[0]["template_id"] == "TPL-ANSWER"
    assert sent[0]["url"].endswith("/answer/abc") and sent[0]["url"].startswith("http")
    # the window is known shut now: the next message goes straight to the template
    oid2 = queue(bot, "o-tpl", "第二条", "a2")
    send(bot)
    assert row(bot, oid2)["channel"] == "template"
    bot.databases.close_all()


def test_without_template_message_is_held_then_delivered_on_next_contact(villager, bot, standin):
    villager.says("你好")
    standin.fail("message/custom/send", errcode=45015)
    oid = queue(bot, villager.openid, "专家回答：可以种", "h1")
    send(bot)
    assert row(bot, oid)["status"] == "held"
    villager.says("在吗")  # the user writes again: held messages are released
    send(bot)
    assert row(bot, oid)["status"] == "sent" and row(bot, oid)["channel"] == "cs"
    assert [m["text"] for m in standin.messages_to(villager.openid)] == ["专家回答：可以种"]


def test_outside_window_without_template_is_held(villager, bot, standin):
    villager.says("你好")
    later = bot.clock() + timedelta(hours=49)
    oid = queue(bot, villager.openid, "提醒", "w1", kind="reminder")
    send(bot, later)
    assert row(bot, oid)["status"] == "held"
    assert standin.messages_to(villager.openid) == []


def test_a_reminder_held_past_its_day_is_dropped_not_sent_late(villager, bot, standin):
    """Round 58 (the simulator): a deadline's reminder held for want of a channel, released weeks later, said '还有3天'
    of a day long past. Held longer than outbox.held_reminder_hours it is dropped when the user writes again; an answer
    held as long still goes, and so does a reminder held a short while."""
    bot.clock.set("2027-02-05T09:00")
    villager.says("你好")
    standin.fail("message/custom/send", errcode=45015)
    old_reminder = queue(bot, villager.openid, "计划表2月8日前报齐，还有3天", "r-old", kind="reminder")
    answer = queue(bot, villager.openid, "专家回答：可以种", "a-old")
    send(bot)
    assert row(bot, old_reminder)["status"] == row(bot, answer)["status"] == "held"
    hours = bot.config.get("outbox.held_reminder_hours")
    bot.clock.set(bot.clock() + timedelta(hours=hours + 1))
    fresh_reminder = queue(bot, villager.openid, "明天植树日", "r-fresh", kind="reminder")
    send(bot)
    assert row(bot, fresh_reminder)["status"] == "held"
    villager.says("在吗")
    send(bot)
    assert row(bot, old_reminder)["status"] == "cancelled" and row(bot, old_reminder)["error"] == "stale"
    assert row(bot, answer)["status"] == row(bot, fresh_reminder)["status"] == "sent"
    assert [m["text"] for m in standin.messages_to(villager.openid)] == ["专家回答：可以种", "明天植树日"]


def test_quota_of_five_per_user_message(villager, bot, standin):
    villager.says("你好")
    ids = [queue(bot, villager.openid, f"消息{i}", f"q{i}") for i in range(7)]
    send(bot)
    statuses = [row(bot, i)["status"] for i in ids]
    assert statuses == ["sent"] * 5 + ["held"] * 2


@pytest.mark.parametrize("fault", [{"status": 500}, {"status": 502}, {"errcode": -1}, {"delay": 1.5}])
def test_transient_failures_are_retried_with_backoff(tmp_path, standin, fault):
    from bot.app import create_app
    from tests.conftest import make_config

    app = create_app(make_config(tmp_path, standin, **{"wechat.api_timeout_seconds": 0.5}))
    bot = app.extensions["bot"]
    with transaction(bot.db):
        bot.db.execute(
            "INSERT INTO users (openid, last_inbound_at, created_at) VALUES ('o-r', ?, ?)",
            [clock.to_db(bot.clock()), clock.to_db(bot.clock())],
        )
    bot.api.access_token()  # token first, so the fault hits the send
    standin.fail("message/custom/send", **fault)
    oid = queue(bot, "o-r", "重试我", "r1")
    report = send(bot)
    assert report.retried == 1 and row(bot, oid)["status"] == "queued" and row(bot, oid)["attempts"] == 1
    send(bot)  # not due yet: backoff
    assert row(bot, oid)["status"] == "queued"
    send(bot, bot.clock() + timedelta(seconds=10))
    assert row(bot, oid)["status"] == "sent"
    assert len(standin.messages_to("o-r")) == 1
    bot.databases.close_all()


def test_permanent_error_is_recorded_with_errcode(villager, bot, standin):
    villager.says("你好")
    standin.fail("message/custom/send", errcode=40003)
    oid = queue(bot, villager.openid, "x", "p1")
    send(bot)
    assert (row(bot, oid)["status"], row(bot, oid)["errcode"]) == ("failed", 40003)


def test_unsubscribed_user_gets_nothing_and_退订_stops_reminders(villager, bot, standin):
    villager.says("你好")
    villager.says("退订")
    reminder = queue(bot, villager.openid, "该种树了", "rem1", kind="reminder")
    answer = queue(bot, villager.openid, "专家回答", "ans1", kind="answer")
    send(bot)
    assert row(bot, reminder)["status"] == "cancelled" and row(bot, answer)["status"] == "sent"
    villager.unfollows()
    later = queue(bot, villager.openid, "专家回答2", "ans2", kind="answer")
    send(bot)
    assert row(bot, later)["status"] == "cancelled"


@pytest.mark.parametrize("text", ["不要再给我发消息了", "唔好再发", "唔好再发啦。", "别再发了"])
def test_please_stop_sending_unsubscribes_and_says_how_to_come_back(villager, bot, text):
    villager.says("问专家 我家龙眼树结果很少是什么原因")  # an open ticket's 补充 window does not swallow it
    reminder = queue(bot, villager.openid, "该种树了", "rem1", kind="reminder")
    reply = villager.says(text)
    assert "已关闭提醒" in reply and "订阅" in reply
    assert row(bot, reminder)["status"] == "cancelled"
    assert (
        next(bot.db.query("SELECT reminders_off FROM users WHERE openid = ?", [villager.openid]))["reminders_off"] == 1
    )
    assert next(bot.db.query("SELECT COUNT(*) AS n FROM ticket_attachments"))["n"] == 0
    assert "已开启提醒" in villager.says("订阅")


@pytest.mark.parametrize("errcode", [40001, 42001])
def test_token_errors_refresh_once_and_retry_once(villager, bot, standin, errcode):
    villager.says("你好")
    bot.api.access_token()
    (standin.revoke_tokens if errcode == 40001 else standin.expire_tokens)()
    fetches = standin.token_fetches
    oid = queue(bot, villager.openid, "新令牌", "tk1")
    send(bot)
    assert row(bot, oid)["status"] == "sent"
    assert standin.token_fetches == fetches + 1


def test_token_storm_keeps_fetches_bounded(villager, bot, standin):
    villager.says("你好")
    standin.fail("message/custom/send", errcode=40001, times=50)
    ids = [queue(bot, villager.openid, f"m{i}", f"storm{i}") for i in range(5)]
    for _ in range(5):
        send(bot, bot.clock() + timedelta(hours=1))
    assert standin.token_fetches <= 2  # at most 2 a minute, however many 40001s
    assert all(row(bot, i)["status"] in ("queued", "failed") for i in ids)
    assert not any(row(bot, i)["status"] == "sent" for i in ids)


def test_token_fetch_goes_to_configured_base_url(bot, standin):
    token = bot.api.access_token()
    assert token in standin.tokens and standin.token_fetches == 1
    assert bot.api.access_token() == token and standin.token_fetches == 1  # cached in the database


def test_api_error_is_classified(bot, standin):
    standin.fail("menu/create", errcode=40016)
    with pytest.raises(WeChatError) as info:
        bot.api.create_menu({"button": []})
    assert info.value.errcode == 40016 and not info.value.transient


# -- media ---------------------------------------------------------------------------------------------
def test_media_is_downloaded_and_stored_content_addressed(villager, bot, standin):
    standin.add_media("m-1", b"\xff\xd8fakejpeg-bytes")
    villager.sends_photo("m-1")
    counts = download_due(bot, bot.clock())
    assert counts["stored"] == 1
    media = next(bot.db.query("SELECT * FROM media WHERE media_id = 'm-1'"))
    assert media["status"] == "stored" and len(media["sha256"]) == 64
    assert (bot.config.photos_dir / media["path"]).read_bytes() == b"\xff\xd8fakejpeg-bytes"


def test_expired_media_is_recorded_lost(villager, bot, standin):
    villager.sends_voice("m-gone")
    standin.expire_media("m-gone")
    assert download_due(bot, bot.clock())["lost"] == 1
    assert next(bot.db.query("SELECT status, errcode FROM media"))["status"] == "lost"


def test_image_falls_back_to_pic_url(app_with, standin):
    from bot.simulator import Signer, WeChatUser
    from tests.conftest import transport_for

    app = app_with(**{"media.pic_hosts": ["127.0.0.1"]})  # the stand-in's host, listed
    bot = app.extensions["bot"]
    villager = WeChatUser(transport_for(app), Signer("spamtest"), openid="o-villager-1")
    standin.add_media("pic-only", b"jpeg-from-picurl")
    standin.expire_media("m-x")
    villager.sends_photo("m-x", pic_url=f"{standin.url}pic/pic-only")
    assert download_due(bot, bot.clock())["stored"] == 1


def test_media_download_retries_on_5xx(villager, bot, standin):
    standin.add_media("m-5", b"bytes")
    villager.sends_photo("m-5")
    bot.api.access_token()
    standin.fail("media/get", status=503)
    assert download_due(bot, bot.clock())["retried"] == 1
    assert download_due(bot, bot.clock() + timedelta(minutes=1))["stored"] == 1


def test_tick_twice_at_the_same_moment_sends_once(villager, bot, standin):
    villager.says("你好")
    queue(bot, villager.openid, "一次", "once")
    now = bot.clock()
    scheduler.run_due(bot, now)
    scheduler.run_due(bot, now)
    assert len(standin.messages_to(villager.openid)) == 1
