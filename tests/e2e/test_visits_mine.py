"""An adviser's own visits this month in chat (round 49, found by the lead in the simulator: `我的下乡记录` had got
the villagers' planting steps): ``我的下沉`` or asked in words lists this month's visits with their notes and the
villages of theirs not visited yet; a villager's words keep their routes."""

from __future__ import annotations

import pytest

from bot import visits
from tests.e2e.test_visits import IN_PUXIN, NOWHERE, config, county, visits_of, wang  # noqa: F401 (fixtures)

ASKED = [
    "我的下沉",
    "签到记录",
    "我的下乡记录",
    "这个月我去过哪些村",
    "我本月下沉了几次",
    "还有哪些村没去",
    "仲有边条村未去",
    "我签到咗几次",
    "睇下我嘅签到记录",
    "本月下村情况",
    # round 52 (the lead, in the simulator: '我负责边几条村' got the insurance entry): one's villages, visited or not
    "我负责边几条村",
    "我挂钩哪些村",
    "我负责的村有哪些",
    "我联系的是哪几个社区",
    # round 53 (the lead, in the simulator: '我今个月下咗几次村' not understood, '我下沉够次数没有' got 定根水)
    "我今个月下咗几次村",
    "我这个月落了几趟村",
    "我下沉够次数没有",
    "本月签到达标了吗",
    "我下村够了吗",
]


@pytest.mark.parametrize("text", ASKED)
def test_an_adviser_sees_the_months_visits_and_the_villages_left(wang, bot, clock, text):
    wang.says("签到 指导挖穴")
    clock.advance(minutes=2)
    wang.sends_location(*IN_PUXIN)
    clock.advance(hours=2)
    reply = wang.says(text)
    assert "您3月下沉服务1次" in reply and "埔心村 3月10日（指导挖穴）" in reply
    assert "还没去的1个：下围村" in reply  # 王工's two villages; 东平社区 is 李工's
    assert len(visits_of(bot)) == 1  # nothing recorded by asking (签到记录 is no 签到 with a note)


def test_a_mismatched_visit_is_said_and_last_months_are_not_counted(wang, bot, clock):
    clock.set("2027-02-20T10:00")
    wang.says("签到")
    wang.sends_location(*IN_PUXIN)
    clock.set("2027-03-05T10:00")
    wang.says("签到")
    wang.sends_location(*NOWHERE)
    wang.says("2")  # 下围村, 位置不符
    clock.set("2027-03-06T10:00")
    reply = wang.says("我的下沉")
    assert "您3月下沉服务1次" in reply and "下围村 3月5日（位置不符）" in reply
    assert "还没去的1个：埔心村" in reply  # February's visit is February's


def test_every_village_visited_is_thanked(wang, bot, clock):
    for place in (IN_PUXIN, (23.205, 114.50)):
        wang.says("签到")
        wang.sends_location(*place)
        clock.advance(hours=1)
    assert "挂钩的村本月都去过了" in wang.says("我的下沉")


def test_a_villager_asking_the_same_is_not_shown_visits(county, villager_factory):
    chen = villager_factory("o-chen")
    for text in ("我的下沉", "还有哪些村没去"):
        assert "下沉服务" not in (chen.says(text) or "")


@pytest.mark.parametrize(
    "norm",
    ["我今天下乡去了哪几户", "我的下乡记录", "我挂钩的村哪个未去过", "下沉了几次"],
)
def test_own_visits_asked_reads(norm):
    assert visits.own_visits_asked(norm)


@pytest.mark.parametrize(
    "norm",
    [
        "顾问每个月要下村多少次",
        "顾问一个月应该下乡几次",
        "签到",
        "明天去埔心村看树",
        "我今天下午去埔心村看了",
        "荔枝几时嫁接",
        "我种了几棵",
        "浇水后土下沉了怎么办",  # round 53's controls: the soil sinking, rain
        "土下沉够深没有",
        "下了几次雨",
    ],
)
def test_own_visits_not_asked(norm):
    assert not visits.own_visits_asked(norm)
