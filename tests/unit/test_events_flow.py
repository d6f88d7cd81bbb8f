"""bot/events.py's services on a real SQLite file: opening a planting day (what it writes, its code, the place asked
for and the window it waits in, what each step replies) and the QR code job (what it asks WeChat, what it sends to
whom, when it retries and when it gives up); each test named for the rule it pins (issue 20, whole-module mutation
score)."""

from __future__ import annotations

import logging

import pytest

from bot import clock as bot_clock
from bot import events
from bot.conversation import State
from bot.db import transaction
from bot.events import OpenText
from bot.store import events as store
from tests.unit import chat
from tests.unit.planting_world import CADRE, World

PLACE = {"lat": 23.101, "lng": 114.401}
STARTS, ENDS = "2027-03-15T01:00:00", "2027-03-15T04:00:00"  # 09:00 to 12:00 in Shanghai


@pytest.fixture
def world(bot):
    world = World(bot)
    bot.clock.set("2027-03-15T08:30")
    return world


def open_day(world, name="村口植树", starts_at=STARTS, ends_at=ENDS, place=PLACE):
    with transaction(world.db):
        return events.open_event(world.ctx(CADRE), name, starts_at, ends_at, place)


def attendance_of(world, event_id):
    return list(world.db.query("SELECT * FROM attendance WHERE event_id = ? ORDER BY id", [event_id]))


def notices(world):
    return [(r["openid"], r["kind"], r["text"], r["dedupe_key"]) for r in world.db.query("SELECT * FROM outbox")]


# -- opening a planting day ------------------------------------------------------------------------------------
def test_open_rule_the_day_is_the_senders_villages_at_the_place_with_its_span(world):
    event = open_day(world)
    assert event == store.event(world.db, event["id"])
    assert {k: event[k] for k in ("village_id", "village", "name", "lat", "lng", "starts_at", "ends_at")} == {
        "village_id": world.village_id,
        "village": "埔心村",
        "name": "村口植树",
        **PLACE,
        "starts_at": STARTS,
        "ends_at": ENDS,
    }
    assert (event["opened_by_person_id"], event["openid"], event["inbox_id"]) == (world.person_id("陈书记"), CADRE, 7)
    assert (event["qr_status"], len(event["code"]), event["code"].isdigit()) == ("pending", 4, True)


def test_open_rule_the_opener_attends_present_at_the_place(world):
    event = open_day(world)
    [attendance] = attendance_of(world, event["id"])
    assert {k: attendance[k] for k in ("person_id", "openid", "how", "checked_in_at", "present", "present_via")} == {
        "person_id": world.person_id("陈书记"),
        "openid": CADRE,
        "how": "opened",
        "checked_in_at": world.now_s,
        "present": 1,
        "present_via": "opener",
    }
    assert (attendance["lat"], attendance["lng"], attendance["distance_m"]) == (23.101, 114.401, 0.0)


def test_open_rule_the_code_is_one_no_day_not_over_holds(world):
    taken = [f"{n:04d}" for n in range(10_000) if n != 42]
    with transaction(world.db):
        world.db.conn.executemany(
            "INSERT INTO events (village_id, name, code, lat, lng, starts_at, ends_at, openid, created_at)"
            " VALUES (?, 'x', ?, 23.1, 114.4, ?, ?, 'o-x', ?)",
            [(world.village_id, code, world.now_s, world.hence(minutes=1), world.now_s) for code in taken],
        )
    assert open_day(world)["code"] == "0042"


def test_open_rule_the_flow_ends_once_the_day_is_open(world):
    ctx = world.ctx(CADRE)
    with transaction(world.db):
        events.wait_for_place(ctx, OpenText("村口植树"), bot_clock.from_db(STARTS), bot_clock.from_db(ENDS))
    assert events.FLOW.state(world.ctx(CADRE)) is not None
    open_day(world)
    assert events.FLOW.state(world.ctx(CADRE)) is None


def test_place_rule_without_a_location_the_day_waits_one_window_for_it(world):
    with transaction(world.db):
        events.wait_for_place(
            world.ctx(CADRE), OpenText("村口植树", (9, 0), (12, 0)), bot_clock.from_db(STARTS), bot_clock.from_db(ENDS)
        )
    state = events.FLOW.state(world.ctx(CADRE))
    assert state == State("opening", {"name": "村口植树", "starts_at": STARTS, "ends_at": ENDS})
    [expires] = world.db.query("SELECT expires_at FROM conversations WHERE flow = 'events'")
    assert expires["expires_at"] == world.hence(minutes=world.bot.config.get("conversation.timeout_minutes"))


def test_chat_rule_a_day_is_opened_by_its_name_then_its_place(world):
    assert (
        chat.says(world.bot, CADRE, "活动 村口植树 9点到12点")
        == "好的，请发活动地点的位置（点“＋”→“位置”），活动就开始。"
    )
    reply = chat.sends_location(world.bot, CADRE, **PLACE)
    [event] = world.db.query("SELECT * FROM events")
    assert reply == (
        f"植树活动开始了：村口植树（3月15日 09:00–12:00）。\n签到码：{event['code']}。村民发“参加”（本村）或"
        f"“参加 {event['code']}”签到，在现场再发个位置。\n签到二维码稍后发给您。您已签到。"
    )
    assert (event["lat"], event["lng"], event["starts_at"], event["ends_at"]) == (23.101, 114.401, STARTS, ENDS)


def test_chat_rule_a_location_sent_first_opens_the_day_at_once(world):
    chat.sends_location(world.bot, CADRE, **PLACE)
    world.later(minutes=5)
    assert chat.says(world.bot, CADRE, "活动 河边补种").startswith("植树活动开始了：河边补种（3月15日 08:35–12:35）。")
    [event] = world.db.query("SELECT * FROM events")
    assert (event["lat"], event["lng"]) == (23.101, 114.401)


# -- the QR code job ---------------------------------------------------------------------------------------------
def qr_calls(standin):
    return [call for name, call in standin.calls if name == "qrcode/create"]


def test_qr_rule_a_code_until_the_day_ends_and_its_link_sent_to_the_opener(world, standin):
    event = open_day(world)
    assert events.event_qrcodes(world.bot, world.bot.clock()) == {"ready": 1, "failed": 0, "retry": 0}
    [call] = qr_calls(standin)
    assert (call["action_name"], call["action_info"], call["expire_seconds"]) == (
        "QR_STR_SCENE",
        {"scene": {"scene_str": f"event_{event['id']}"}},
        int(3.5 * 3600),  # 08:30 to 12:00
    )
    row = store.event(world.db, event["id"])
    assert (row["qr_status"], row["qr_ticket"], row["qr_error"], row["qr_attempts"]) == (
        "ready",
        f"ticket-event_{event['id']}",
        None,
        1,
    )
    text = world.bot.t(
        "events.qr_ready",
        name="村口植树",
        url=f"https://mp.weixin.qq.com/cgi-bin/showqrcode?ticket=ticket-event_{event['id']}",
        code=event["code"],
    )
    assert notices(world) == [(CADRE, "notice", text, f"event-qr:{event['id']}")]
    assert events.event_qrcodes(world.bot, world.bot.clock()) == {"ready": 0, "failed": 0, "retry": 0}
    assert len(qr_calls(standin)) == 1


def test_qr_rule_a_day_over_gets_no_code(world, standin):
    open_day(world)
    assert events.event_qrcodes(world.bot, bot_clock.from_db(ENDS)) == {"ready": 0, "failed": 0, "retry": 0}
    assert qr_calls(standin) == [] and notices(world) == []


def test_qr_rule_a_busy_wechat_is_asked_again_up_to_five_times_then_the_code_is_given(world, standin):
    event = open_day(world)
    standin.fail("qrcode/create", errcode=45009, times=events.QR_MAX_ATTEMPTS)
    for attempt in range(1, events.QR_MAX_ATTEMPTS):
        assert events.event_qrcodes(world.bot, world.bot.clock()) == {"ready": 0, "failed": 0, "retry": 1}
        row = store.event(world.db, event["id"])
        assert (row["qr_status"], row["qr_attempts"]) == ("pending", attempt)
        assert "45009" in row["qr_error"]
        assert notices(world) == []
    assert events.event_qrcodes(world.bot, world.bot.clock()) == {"ready": 0, "failed": 1, "retry": 0}
    row = store.event(world.db, event["id"])
    assert (row["qr_status"], row["qr_attempts"], row["qr_ticket"]) == ("failed", 5, None)
    text = world.bot.t("events.qr_failed", name="村口植树", code=event["code"])
    assert notices(world) == [(CADRE, "notice", text, f"event-qr:{event['id']}")]
    assert events.event_qrcodes(world.bot, world.bot.clock()) == {"ready": 0, "failed": 0, "retry": 0}


@pytest.mark.parametrize("errcode", [40013, 0])  # refused; an answer without a ticket
def test_qr_rule_a_refusal_or_no_ticket_gives_the_code_at_once(world, standin, errcode):
    event = open_day(world)
    standin.fail("qrcode/create", errcode=errcode)
    assert events.event_qrcodes(world.bot, world.bot.clock()) == {"ready": 0, "failed": 1, "retry": 0}
    row = store.event(world.db, event["id"])
    assert (row["qr_status"], row["qr_attempts"], bool(row["qr_error"])) == ("failed", 1, True)
    assert [n[2] for n in notices(world)] == [world.bot.t("events.qr_failed", name="村口植树", code=event["code"])]


def test_qr_rule_the_link_goes_out_in_quiet_hours_too(world):
    world.bot.clock.set("2027-03-15T21:30")
    open_day(world, starts_at=world.now_s, ends_at=world.hence(hours=2))
    events.event_qrcodes(world.bot, world.bot.clock())
    [row] = world.db.query("SELECT next_attempt_at, created_at FROM outbox")
    assert row["next_attempt_at"] == row["created_at"] == world.now_s  # not held for the morning


def test_qr_rule_a_busy_wechat_for_one_day_holds_up_no_other(world, standin):
    first = open_day(world)
    second = open_day(world, name="河边补种")
    standin.fail("qrcode/create", errcode=45009)  # the first day's try
    assert events.event_qrcodes(world.bot, world.bot.clock()) == {"ready": 1, "failed": 0, "retry": 1}
    assert [store.event(world.db, e["id"])["qr_status"] for e in (first, second)] == ["pending", "ready"]
    assert [n[3] for n in notices(world)] == [f"event-qr:{second['id']}"]


def test_qr_rule_a_failure_is_logged_with_the_day_and_wechats_answer(world, standin, caplog):
    event = open_day(world)
    standin.fail("qrcode/create", errcode=40013)
    with caplog.at_level(logging.WARNING, logger="bot.events"):
        events.event_qrcodes(world.bot, world.bot.clock())
    [warning] = [r.getMessage() for r in caplog.records if r.name == "bot.events"]
    assert warning.startswith(f"QR code for event {event['id']} failed: ") and "40013" in warning


def test_qr_rule_every_day_of_a_run_is_counted(world, standin):
    for name in ("村口植树", "河边补种"):
        open_day(world, name=name)
    standin.fail("qrcode/create", errcode=40013, times=2)
    assert events.event_qrcodes(world.bot, world.bot.clock()) == {"ready": 0, "failed": 2, "retry": 0}
    for name in ("祠堂补种", "山边补种"):
        open_day(world, name=name)
    standin.fail("qrcode/create", errcode=45009, times=2)
    assert events.event_qrcodes(world.bot, world.bot.clock()) == {"ready": 0, "failed": 0, "retry": 2}
    assert events.event_qrcodes(world.bot, world.bot.clock()) == {"ready": 2, "failed": 0, "retry": 0}
