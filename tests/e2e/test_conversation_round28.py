"""Round 28 of issue 17 §5, through signed pushes: the classes of set 19h's misses (the development set since its
blind run), each with examples of its own (not 19h's sentences), written before they were run anywhere, run once on
main before round 28 (5070247) and once after, and controls: texts that look like the request and are not one (they
must keep out of the handlers named). The last classes (adoption by where the tree stands, zones asked where, a
certificate told of) were fixed after that run: only their 19h probes and the controls added with them cover them."""

from __future__ import annotations

import pytest

from tests.e2e.test_conversation_probes import cases_of, probe  # noqa: F401  (the module's fixture: one app for the examples)

# (context, message, expected kind as tests/e2e/test_conversation_probes.py KINDS reads it)
EXAMPLES = [
    # a self-introduction as village's + name, then the request with no pause, in 潮汕 (欲) or Hakka, or 绑定
    ("new", "你好我是埔心村的黄秋菊黄秋菊帮我登记", "register"),
    ("new", "本人系埔心村村民何志坚，请帮忙绑定", "register"),
    ("new", "阮系埔心村个陈丽娟，欲登记", "register"),
    ("new", "𠊎系埔心村个邓秀莲 想登记一下", "register"),
    ("new", "我是埔心村村民张建平想注册一下谢谢", "register"),
    # registering a grandparent, told as what the sender does
    ("new", "我是替奶奶登记的，奶奶叫李桂兰，埔心村", "register"),
    ("new", "我系帮阿嫲登记嘅 阿嫲叫陈亚好 埔心村", "register"),
    # joining the day: 本村, the party's day, heard of then going, signing up for the day's 活动
    ("cadre", "本人报名参加本村植树活动", "join"),
    ("party", "主题党日种树我参加", "join"),
    ("member", "听说礼拜六有植树活动 我也想去", "join"),
    ("member", "听人讲明天有种树活动 我们都去", "join"),
    ("party", "党员都要参加 我报名礼拜天的活动", "join"),
    # a pledge: this year's first, formal 本人 under a heading, a cadre's for a household without a phone
    ("member", "今年我家认领两棵龙眼 五月种", "pledge"),
    ("party", "党员认领：本人认领2棵桂花，计划4月种植", "pledge"),
    ("cadre", "为村里冇手机嘅老人陈四婆认领两棵荔枝", "pledge"),
    # 取消 with why: not planted yet, the seedlings not bought
    ("pending", "取消 龙眼还没种", "cancel"),
    ("pending", "算了先不记了 树苗还没买", "cancel"),
    ("after_photo", "取消吧 苗还没到", "cancel"),
    # the reminders wanted back, the campaign's word between; stopped in a code-switch
    ("member", "麻烦恢复一下种树的提醒", "resubscribe"),
    ("member", "请恢复植树通知", "resubscribe"),
    ("member", "唔好再send提醒俾我", "unsubscribe"),
    # progress asked formally, for a grandparent, in Hakka
    ("cadre", "查询本村本月植树完成情况", "progress"),
    ("member", "帮阿嫲问下 佢今年种树任务完成咗未", "progress"),
    ("member", "𠊎兜村种树种到几多了", "progress"),
    # the name corrected: written as the placeholder, changed to
    ("party", "我的名字登记成了村民5，请改成李国华", "rename"),
    # after a photo: what to type next
    ("after_photo", "跟着呢？要打字讲种咗咩吗", "how"),
    # trees planted at the party's plot, logged late
    ("party", "上个月在党建林种了两棵树 还没报 怎么补记录", "log"),
]

# (context, message, handlers it must not reach)
CONTROLS = [
    ("member", "我是埔心村的，想问桂花几时种", {"register"}),
    ("new", "我是帮爷爷问的 爷爷种的荔枝叶子黄了", {"register"}),
    ("member", "听说礼拜六有植树活动 要带什么", {"event_join"}),
    ("member", "本村植树活动搞完了吗", {"event_join"}),
    ("member", "今年我家认领的树要几时种", {"pledge"}),
    ("member", "取消提醒之后还能收到专家回复吗", {"cancel"}),
    ("member", "龙眼还没种 什么时候种好", {"cancel"}),
    ("member", "提醒恢复了吗", {"reminders_on"}),
    ("member", "send是什么意思", {"reminders_off"}),
    ("member", "帮阿嫲问下 佢种嘅荔枝点解唔结果", {"my_progress", "village_progress"}),
    # added with the later classes (adoption by where the tree stands, zones asked where, a certificate told of)
    ("member", "认养村口的树要交钱吗", {"adoption_list"}),
    # round 68 (the lead's decision): a party member's '责任区在哪里', in a village with zones (the probes' has two), is the
    # zones' list (tests/e2e/test_conversation_round68.py); a villager's (群众: no zone to hold) stays the FAQ's
    ("member", "责任区在哪里", {"zone_list"}),
    ("member", "有证书的人有什么奖励", {"my_certificates"}),
]


# Run once on main before round 28 (5070247): 3/27 (controls 10/10); after: 26/27 (controls 13/13). The one left,
# '帮阿嫲问下 佢今年种树任务完成咗未' (a relative's task asked for them), is progress since the twenty-fifth session's
# round 41 (a relative's trees asked after: the household's count, where the task is counted: 每户至少1棵): 27/27.
LEFT: dict[str, str] = {}


@pytest.mark.parametrize(("context", "message", "expected"), cases_of(EXAMPLES, LEFT))
def test_round_28_a_request_is_read_as_meant(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


@pytest.mark.parametrize(("context", "message", "forbidden"), CONTROLS, ids=[f"{c}:{m}" for c, m, _ in CONTROLS])
def test_round_28_a_text_that_only_looks_like_a_request_is_not_one(probe, context, message, forbidden):  # noqa: F811
    assert probe.handler_for(context, message) not in forbidden
