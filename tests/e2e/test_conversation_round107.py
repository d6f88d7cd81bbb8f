"""Round 107 (issue 17 §5, the conversation goes where the villager means): set 23e's misses and those round 106 left,
read by class, each class's own examples written before any change (none of them the sets' sentences) and controls that
must keep their route."""

from __future__ import annotations

import pytest

from tests.e2e.test_conversation_probes import probe  # noqa: F401

# how to register asked in Cantonese with 先 and a final particle (点样先…到㗎 / 点先可以…㗎)
REGISTER_HOW_CANTONESE = [
    ("new", "想问下点样先可以登记㗎", "register"),
    ("new", "请问点样先登记得到呀", "register"),
]
# one's attendance asked as recorded (记上, 记咗, 记录咗未) after the day gone is said, or before it
ATTENDED_RECORDED = [
    ("party", "上个礼拜植树活动我去咗 有冇帮我记低", "attended"),
    ("member", "植树节那天我去了 给我记上了没有", "attended"),
    ("pending", "我的签到记上了没 上星期去了植树", "attended"),
    ("party", "上个礼拜植树活动我有去 有冇帮我记上", "attended"),
    ("member", "前几天的植树活动我去了 帮我记上没有", "attended"),
    ("pending", "我嘅活动签到登记咗未 上个月去咗植树", "attended"),
]
# this village's plot done asked with 完成 / 种够 and a Cantonese count (几多亩), as asked by a cadre
VILLAGE_PLOT_DONE = [
    ("cadre", "我哋村党建林完成咗几多亩", "progress"),
    ("cadre", "本村党建林已经种够多少亩了", "progress"),
    ("cadre", "我们村已经完成多少亩党建林", "progress"),
    ("cadre", "我哋村党建林种够几多亩了", "progress"),
]
# one's own plot or zone asked with 那块地 (the land) by a party member holding one
ZONE_MY_LAND = [
    ("party", "我嗰块地喺边度", "zone"),
    ("party", "分给我的那块地在哪", "zone"),
]
CONTROLS = [
    ("new", "登记 陈大明 埔心村", "register"),
    ("party", "上次植树日我去了 算不算参加", "attended"),
    ("cadre", "我们村党建林种了几亩", "progress"),
    ("cadre", "每条村党建林要种够几亩", "question"),
    ("party", "责任区怎么管护", "question"),
    ("member", "认领 2棵荔枝 4月", "pledge"),
    ("member", "我那块地在哪里", "question"),  # a villager who may hold no zone: their own land, asked on
    ("cadre", "我们村党建林要种够几亩", "question"),
]
EXAMPLES = REGISTER_HOW_CANTONESE + ATTENDED_RECORDED + VILLAGE_PLOT_DONE + ZONE_MY_LAND


@pytest.mark.parametrize(("context", "message", "expected"), EXAMPLES + CONTROLS)
def test_round_107(probe, context, message, expected):
    assert probe.run(context, message, expected) == ""


# a pledge's change said (改为认领, 改成认领) with no pledge before: there is none to change, and how to pledge
PLEDGE_CHANGE_NONE = [
    ("member", "改成认领3棵荔枝"),
    ("party", "改为认领2棵龙眼 4月"),
]


@pytest.mark.parametrize(("context", "message"), PLEDGE_CHANGE_NONE)
def test_round_107_change_with_no_pledge(probe, context, message):
    probe.count += 1
    openid = f"o-probe-{probe.count}"
    user = probe.member(openid, "党员" if context == "party" else "群众")
    reply = user.says(message) or ""
    assert probe.last_handler(openid) == "pledge_changed"
    none_to_change = probe.bot.t("pledges.change_none", count=0, species="").splitlines()[0]
    assert reply.splitlines()[0] == none_to_change and "认领 " in reply  # none to change, then how to pledge
    assert not probe.rows(
        "SELECT id FROM pledges WHERE person_id IN (SELECT id FROM people WHERE openid = ?)", [openid]
    )
