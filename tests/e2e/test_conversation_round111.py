"""Round 111 (issue 17 §5, the conversation goes where the villager means): set 23h's misses read by class, each class's
own examples written before any change (none of them the set's sentences), and controls that must keep their route.
Three of 23h's misses (one's attendance asked counted, a pledge withdrawn in words) are conv110's classes, left strict
in tests/e2e/test_conversation_probes.py."""

from __future__ import annotations

import pytest

from tests.e2e.test_conversation_probes import probe  # noqa: F401

# what the account is for, asked with the assistant named by its own name (绿美植树助手, 植树助手, 种树小助手), just
# after following or not: the help
WHAT_FOR = [
    ("new", "刚关注的 这个绿美植树助手是干什么的", "help"),
    ("new", "啱啱扫码 呢个植树助手系做咩㗎", "help"),
    ("member", "这个种树小助手是干嘛用的", "help"),
    ("new", "新关注 呢个植树助手系做乜嘅", "help"),
]
# a relative's award asked after the trees they reported before told, with a count (on the sender's phone or not)
RELATIVE_AWARD_AFTER_TREES = [
    ("member", "我阿妈用我微信报了三棵树 她有没有得奖", "awards"),
    ("member", "我老豆喺我手机度报咗两棵龙眼 佢有冇评到先进", "awards"),
    ("party", "我老公上个月报了三棵树 他有没有评到奖", "awards"),
]
# a cadre asking the village's own plot area (多少亩, 几亩), who asked it of him told first (镇里要我报, 书记问我)
VILLAGE_AREA_ASKED = [
    ("cadre", "镇里叫我统计本村种了多少亩党建林", "progress"),
    ("cadre", "书记问我本村种了几亩党建林了", "progress"),
    ("cadre", "街道办要我报我哋村种咗几多亩党建林", "progress"),
    ("cadre", "上头要我报本村种咗几亩主题林", "progress"),
]
# the village's share of an award asked, the village named by its name after 我们 / 我哋 (有没有我们埔心村的份)
VILLAGE_SHARE_NAMED = [
    ("cadre", "年底评比有没有我们埔心村的份", "awards"),
    ("party", "最美植绿集体有冇我哋埔心村嘅份", "awards"),
    ("member", "这次表彰有没有我们埔心村的份", "awards"),
]
# an adviser asking how many of the villagers' questions (问嘅嘢, 问的东西) still wait, nobody answered (冇人答, 未有人覆)
ADVISER_HOW_MANY_WAIT = [
    ("adviser", "村民问的东西还有多少条没人答", "queue"),
    ("adviser", "大家问嘅嘢仲有几条未有人覆", "queue"),
    ("adviser", "还有几多条冇人答", "queue"),
]
# 退订 just sent, then a slip said as sent, said or typed wrong (发错, 讲错, 打错) and the reminders still wanted: on again
UNSUBSCRIBED_BY_MISTAKE = [
    ("twice", "退订 || 讲错咗 我仲要提醒啊", "resubscribe"),
    ("twice", "退订 || 发错了 提醒我还要的", "resubscribe"),
    ("twice", "退订 || 打错字 我仲要提醒㗎", "resubscribe"),
]
# a relative's certificate wanted too (都要, 也要), the relative said to use the sender's phone
RELATIVE_CERTIFICATE_ON_MY_PHONE = [
    ("twice", "我的证书 || 我老豆嘅证书都要 佢用我部手机", "certificate"),
    ("member", "我妈的证书也要一张 她用我手机报的树", "certificate"),
    ("twice", "我的证书 || 阿爷的证书也要 他用我的微信", "certificate"),
]
CONTROLS = [
    ("new", "帮助", "help"),
    ("member", "每个村要种多少亩", "question"),
    ("cadre", "本村进度", "progress"),
    ("cadre", "领导问我本村主题林种了多少亩", "progress"),
    ("member", "最美植绿人怎么评", "question"),
    ("cadre", "我们村评上先进了吗", "awards"),
    ("adviser", "待办", "queue"),
    ("twice", "退订 || 退订咗仲会唔会有提醒", "question"),
    ("twice", "退订 || 订阅", "resubscribe"),
    ("member", "帮我妈看一下她的证书出来没有", "certificate"),
    ("member", "我老公的证书怎么领", "question"),
    # a relative's trees told planted with a count, then the award asked: the report is a record (planting_text_then_asked)
    ("member", "我老公种咗三棵桂花 佢有冇攞到奖", "planting"),
]
EXAMPLES = (
    WHAT_FOR
    + RELATIVE_AWARD_AFTER_TREES
    + VILLAGE_AREA_ASKED
    + VILLAGE_SHARE_NAMED
    + ADVISER_HOW_MANY_WAIT
    + UNSUBSCRIBED_BY_MISTAKE
    + RELATIVE_CERTIFICATE_ON_MY_PHONE
)


@pytest.mark.parametrize(("context", "message", "expected"), EXAMPLES + CONTROLS)
def test_round_111(probe, context, message, expected):
    assert probe.run(context, message, expected) == ""


# trust: a relative's award or certificate asked from the sender's WeChat is answered with what this account holds (one
# WeChat is one person: the relative's trees reported on it are the account's), never another person's
@pytest.mark.parametrize(
    ("context", "message", "expected"), RELATIVE_AWARD_AFTER_TREES + RELATIVE_CERTIFICATE_ON_MY_PHONE
)
def test_round_111_relative_on_the_account(probe, context, message, expected):
    assert probe.run(context, message, expected) == ""
    reply = probe.last_reply(probe.openid)
    if expected == "awards":
        assert "家里人种的树登记在您这一户" in reply
    else:
        assert probe.bot.t("certificates.relative_on_my_phone").strip() in reply


# a cadre's village figures are their own village's: the area asked is the village's progress, never a ticket
@pytest.mark.parametrize(("context", "message", "expected"), VILLAGE_AREA_ASKED)
def test_round_111_area_is_the_villages(probe, context, message, expected):
    assert probe.run(context, message, expected) == ""
    assert probe.last_handler(probe.openid) == "village_progress"
    assert not probe.rows("SELECT id FROM tickets WHERE openid = ?", [probe.openid])


# an adviser's count of waiting questions is his queue; a villager asking the same words is not given a queue
def test_round_111_queue_is_staffs(probe):
    probe.run("member", "村民问嘅嘢仲有几多条冇人答", "question")
    assert probe.last_handler(probe.openid) not in ("ticket_queue", "ticket_described")
