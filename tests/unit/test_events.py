"""Planting days: reading 活动 <名称> [时间段] and 参加 <code>, the QR scenes (a planting day's is never a village's),
the day's span, codes, the QR code's lifetime and link (pure rules of bot/events.py)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from bot import events
from handlers.registration import scene_of, scene_village_id

UTC = UTC


@pytest.mark.parametrize(
    "text, name, start, end",
    [
        ("活动 村口植树", "村口植树", None, None),
        ("活动：村口植树。", "村口植树", None, None),
        ("开活动 党员义务植树", "党员义务植树", None, None),
        ("活动 村口植树 9点到12点", "村口植树", (9, 0), (12, 0)),
        ("活动 村口植树 九点到十二点", "村口植树", (9, 0), (12, 0)),
        ("活动 下午2点到5点 河边补种", "河边补种", (14, 0), (17, 0)),
        ("活动 河边补种 14:00-17:30", "河边补种", (14, 0), (17, 30)),
        ("活动 河边补种 9点半到11点", "河边补种", (9, 30), (11, 0)),
    ],
)
def test_opening_a_planting_day_is_read(text, name, start, end):
    assert events.parse_open(text) == events.OpenText(name, start, end)


def test_what_opens_no_planting_day():
    assert events.parse_open("活动") == events.OpenText(None)
    assert events.parse_open("活动 村口植树 9点到8点").bad_span
    assert events.parse_open("活动什么时候开始") is None  # a question
    assert events.parse_open("参加活动") is None
    assert events.parse_open("种了3棵桂花") is None


@pytest.mark.parametrize(
    "text, code",
    [
        ("参加 1234", "1234"),
        ("参加1234", "1234"),
        ("参加：1234。", "1234"),
        ("参加一二三四。", "1234"),
        ("我要参加 0042", "0042"),
        ("参加活动 1234", "1234"),
        ("参加", None),
        ("参加 12", None),
        ("参加 12345", None),
        ("签到 1234", None),
    ],
)
def test_a_code_is_read_from_text_and_voice(text, code):
    assert events.parse_join_code(text) == code


def test_a_planting_days_scene_is_never_a_villages():
    assert events.scene_event_id(scene_of("qrscene_event_12")) == 12
    assert events.scene_event_id(scene_of("event_12")) == 12  # scanned while following
    assert events.scene_event_id(scene_of("qrscene_12")) is None
    assert events.scene_event_id("event_x") is None
    assert events.scene_event_id("event_99999999999999999999") is None  # past SQLite's integers: no row
    assert scene_village_id("qrscene_event_12") is None and scene_village_id("qrscene_12") == 12
    assert events.scene_of(12) == "event_12"


def test_the_span_is_today_or_the_default_hours_from_now():
    now = datetime(2027, 3, 6, 0, 30, tzinfo=UTC)  # 08:30 in Shanghai
    assert events.span_of(now, "Asia/Shanghai", events.OpenText("x"), 4) == (now, now + timedelta(hours=4))
    start, end = events.span_of(now, "Asia/Shanghai", events.OpenText("x", (9, 0), (12, 0)), 4)
    assert (start, end) == (datetime(2027, 3, 6, 1, 0, tzinfo=UTC), datetime(2027, 3, 6, 4, 0, tzinfo=UTC))


def test_codes_are_four_digits_and_not_in_use():
    taken = {f"{n:04d}" for n in range(10000) if n != 42}
    assert events.new_code(taken) == "0042"
    assert all(len(events.new_code(set())) == 4 for _ in range(50))


def test_the_qr_code_lasts_until_the_day_ends_and_its_link_is_wechats():
    now = datetime(2027, 3, 6, 1, 0, tzinfo=UTC)
    assert events.qr_expire_seconds(now, now + timedelta(hours=3)) == 3 * 3600
    assert events.qr_expire_seconds(now, now + timedelta(seconds=5)) == 60
    assert events.qr_expire_seconds(now, now + timedelta(days=40)) == 30 * 24 * 3600
    assert (
        events.qr_link("gQH47joAAAAAAAAAASxodHRw+/=")
        == "https://mp.weixin.qq.com/cgi-bin/showqrcode?ticket=gQH47joAAAAAAAAAASxodHRw%2B%2F%3D"
    )
