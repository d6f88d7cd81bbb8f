"""Round sim64: an organiser calling a planting day off, told from a question about it (bot.events)."""

from __future__ import annotations

import pytest

from bot import events


@pytest.mark.parametrize(
    "text", ["取消活动", "下雨了 今天的活动取消", "活动改期", "植树活动推迟", "今日植树活动唔搞了"]
)
def test_a_day_called_off(text):
    assert events.cancel_wished(text) and not events.cancel_asked(text)


@pytest.mark.parametrize("text", ["活动取消了吗", "种树活动取消了没有", "今天的活动取消了吗？"])
def test_whether_it_is_off_asked(text):
    assert events.cancel_asked(text) and not events.cancel_wished(text)


@pytest.mark.parametrize(
    "text",
    [
        "雷暴天气种树活动要唔要取消",
        "活动取消了吗 今日落大雨",
        "活动通知取消了",
        "取消认领",
        "我取消参加活动",
        "活动几点开始",
    ],
)
def test_neither(text):
    """A question whether it should be (the FAQ's), a question with more after it, reminders, pledges, one's own
    attendance: no day is called off by them."""
    assert not events.cancel_wished(text)
