"""The lead, fifty-third session, after set 22u's blind figure: whether one's attendance of a planting day was recorded,
asked in a villager's own words (22u: five such, each a ticket, a progress line or the FAQ's how to check in). Read by
what is said together — the day, being there, whether it was recorded — not by one phrase
(``nlu.attendance_recorded_asked``). Own examples written before the change, none of 22u's words: 0/6 then; controls
5/5 keep their route."""

from __future__ import annotations

import pytest

from tests.e2e.test_conversation_probes import probe  # noqa: F401

EXAMPLES = [
    ("member", "上周日种树活动我到场了 有没有帮我记上", "attended"),
    ("party", "昨日义务植树我有去 系统记咗我未", "attended"),
    ("member", "植树日我签咗到 你哋收到未", "attended"),
    ("party", "那天植树活动我扫了二维码 算参加了吗", "attended"),
    ("finished", "义务植树那天我去了 怎么查我有没有签到", "attended"),
    ("member", "星期六集体种树我去咗嘅 有冇登记到我", "attended"),
]
CONTROLS = [
    ("member", "植树活动几点开始", "question"),
    ("member", "下次植树活动算我一份", "join"),
    ("member", "植树活动要带什么工具", "question"),
    ("member", "我今日种咗两棵荔枝", "planting"),
    ("party", "我的签到", "attended"),
]


@pytest.mark.parametrize(("context", "message", "expected"), EXAMPLES + CONTROLS)
def test_whether_ones_attendance_was_recorded(probe, context, message, expected):
    assert probe.run(context, message, expected) == ""
