"""bot.clock: the one way the chat and the dashboard say how long ago something was."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from bot import clock
from bot.messages import Messages

NOW = datetime(2027, 3, 15, 2, 0, tzinfo=UTC)  # 10:00 in Shanghai
T = Messages.load().t


@pytest.mark.parametrize(
    "before, said",
    [
        (timedelta(seconds=0), "刚刚"),
        (timedelta(seconds=59), "刚刚"),
        (timedelta(minutes=1), "1分钟前"),
        (timedelta(minutes=59, seconds=59), "59分钟前"),
        (timedelta(hours=1), "1小时前"),
        (timedelta(hours=23, minutes=59), "23小时前"),
        (timedelta(days=1), "1天前"),
        (timedelta(days=7, hours=23), "7天前"),
        (timedelta(days=8), "2027-03-07"),
        (timedelta(days=200), "2026-08-27"),
    ],
)
def test_ago_says_the_largest_whole_unit_then_the_date_with_its_year(before, said):
    assert clock.ago(T, NOW - before, NOW, "Asia/Shanghai") == said


def test_an_age_is_never_negative():
    for ahead in (timedelta(seconds=1), timedelta(seconds=60)):  # clocks that differ a little
        assert clock.age(NOW + ahead, NOW) == ("just_now", 0)
        assert clock.ago(T, NOW + ahead, NOW, "Asia/Shanghai") == "刚刚"
    for ahead, day in ((timedelta(hours=5), "2027-03-15"), (timedelta(days=400), "2028-04-18")):  # the demo's
        assert clock.ago(T, NOW + ahead, NOW, "Asia/Shanghai") == day


def test_the_date_past_a_week_is_the_local_date():
    late_evening_utc = datetime(2027, 3, 1, 17, 30, tzinfo=UTC)  # 01:30 on 2 March in Shanghai
    assert clock.ago(T, late_evening_utc, NOW, "Asia/Shanghai") == "2027-03-02"
