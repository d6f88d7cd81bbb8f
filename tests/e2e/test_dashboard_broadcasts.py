"""Broadcasts on the dashboard: recipient count and preview, send now, schedule, cancel; admins only."""

from __future__ import annotations

import pytest

from bot import broadcasts, clock
from bot.db import transaction
from tests.e2e.dashboard_seed import login, seed
from tests.e2e.test_dashboard import page, post


@pytest.fixture
def admin(app, bot):
    seed(bot)
    with transaction(bot.db):
        for openid in ("o-陈大伯", "o-林书记", "o-黄阿姨", "o-stranger"):
            bot.db["users"].insert(
                {
                    "openid": openid,
                    "subscribed": 1,
                    "reminders_off": 0,
                    "cs_sent_since_inbound": 0,
                    "created_at": clock.to_db(bot.clock()),
                }
            )
    client = app.test_client()
    login(client, "admin")
    return client


def test_preview_shows_the_recipient_count_and_the_text(admin):
    response = post(
        admin,
        "/admin/broadcasts",
        {"kind": "village", "value": "埔心村", "text": "周六上午九点村口集合植树", "action": "preview"},
        "/admin/broadcasts",
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "将发给 <b>2</b> 人" in html and "陈大伯" in html and "周六上午九点村口集合植树" in html
    everyone = post(
        admin, "/admin/broadcasts", {"kind": "all", "text": "你好", "action": "preview"}, "/admin/broadcasts"
    ).get_data(as_text=True)
    assert "将发给 <b>4</b> 人" in everyone


def test_a_segment_that_matches_nobody_warns_and_is_refused(admin, bot):
    form = {"kind": "village", "value": "埔心", "text": "周六上午九点村口集合植树"}
    preview = post(admin, "/admin/broadcasts", {**form, "action": "preview"}, "/admin/broadcasts")
    html = preview.get_data(as_text=True)
    assert preview.status_code == 200 and "将发给 <b>0</b> 人" in html
    assert "没有叫“埔心”的村社区。是不是：埔心村？" in html
    assert '<button type="submit" name="value" value="埔心村"' in html  # pick the suggestion
    sent = post(admin, "/admin/broadcasts", {**form, "action": "send"}, "/admin/broadcasts")
    assert sent.status_code == 400 and "没有发送" in sent.get_data(as_text=True)
    assert list(bot.db.query("SELECT id FROM broadcasts")) == []
    fixed = post(admin, "/admin/broadcasts", {**form, "value": "埔心村", "action": "send"}, "/admin/broadcasts")
    assert fixed.status_code == 302
    listing = page(admin, "/admin/broadcasts")
    assert "村社区：埔心村" in listing and "village:" not in listing


def test_a_bad_form_says_why(admin):
    no_village = post(
        admin,
        "/admin/broadcasts",
        {"kind": "village", "value": "", "text": "你好", "action": "send"},
        "/admin/broadcasts",
    )
    assert no_village.status_code == 400 and "请选择收件范围" in no_village.get_data(as_text=True)
    empty = post(admin, "/admin/broadcasts", {"kind": "all", "text": " ", "action": "send"}, "/admin/broadcasts")
    assert empty.status_code == 400 and "内容不能为空" in empty.get_data(as_text=True)


def test_send_now_queues_one_message_per_recipient(admin, bot):
    post(
        admin,
        "/admin/broadcasts",
        {"kind": "town", "value": "石角镇", "text": "植树节快乐", "action": "send"},
        "/admin/broadcasts",
    )
    assert "马上发送" in page(admin, "/admin/broadcasts")
    [row] = broadcasts.list_broadcasts(bot.db)
    assert row["segment"] == "town:石角镇" and row["created_by"] == "admin" and row["status"] == "scheduled"
    broadcasts.start_due_broadcasts(bot, bot.clock())
    queued = {r["openid"] for r in bot.db.query("SELECT openid FROM outbox WHERE kind = 'broadcast'")}
    assert queued == {"o-陈大伯", "o-林书记", "o-黄阿姨"}


def test_a_scheduled_broadcast_can_be_cancelled(admin, bot):
    later = clock.local(bot.clock(), bot.tz).replace(tzinfo=None, second=0, microsecond=0)
    send_at = (later.replace(year=later.year + 1)).strftime("%Y-%m-%dT%H:%M")
    post(
        admin,
        "/admin/broadcasts",
        {"kind": "all", "text": "明年见", "send_at": send_at, "action": "send"},
        "/admin/broadcasts",
    )
    [row] = broadcasts.list_broadcasts(bot.db)
    assert "已定时" in page(admin, "/admin/broadcasts") and row["status"] == "scheduled"
    post(admin, f"/admin/broadcasts/{row['id']}/cancel", {}, "/admin/broadcasts")
    assert "已取消" in page(admin, "/admin/broadcasts")
    assert broadcasts.list_broadcasts(bot.db)[0]["status"] == "cancelled"
    broadcasts.start_due_broadcasts(bot, clock.parse_moment(send_at, bot.tz))
    assert list(bot.db.query("SELECT id FROM outbox WHERE kind = 'broadcast'")) == []


def test_broadcasts_are_for_admins_only(app, admin):
    adviser = app.test_client()
    login(adviser, "wang")
    assert adviser.get("/admin/broadcasts").status_code == 403
    assert post(adviser, "/admin/broadcasts/1/cancel", {}, "/admin/").status_code == 403
