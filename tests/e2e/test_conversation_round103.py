"""Round 103 (issue 17 §5, the conversation goes where the villager means): set 22z's blind misses read by class, each
class's own examples written before any change (none of them 22z's sentences) and controls that must keep their
route."""

from __future__ import annotations

import pytest

from tests.e2e.test_conversation_probes import probe  # noqa: F401

# one's own registration told in one voice breath: a greeting, the village and what one is called there (黄伯, 陈婶),
# then 我叫 and the name, the wish to register last, no pause anywhere
REGISTER = [
    ("new", "喂你好呀我系埔心村嘅陈婶我叫陈月娇想登记下", "register"),
    ("new", "你好我是埔心村的李伯我叫李国栋要登记一下", "register"),
]
# the record just sent asked received, its tree then its count (荔枝两棵), who received it named (系统, 后台)
RECORDED = [
    ("finished", "啱啱报嘅荔枝两棵 后台收到未", "progress"),
    ("finished", "头先发过去的荔枝两棵 系统有没有收到", "progress"),
]
# the sending itself named as what annoys (发嘢嚟, 发东西来), then stopped as 'it' (停咗佢)
UNSUBSCRIBE = [
    ("member", "成日都发啲嘢过嚟 麻烦停咗佢", "unsubscribe"),
    ("party", "天天都发东西来 请停了它吧", "unsubscribe"),
]
# the waiting question pointed at and left to the expert (桂花嘅问题等专家答), then another tree's question
NEW = [
    ("ticket", "桂花嘅问题等专家答住 想问下依家种柚子啱唔啱时候", "new"),
    ("ticket", "桂花嗰个问题等专家回复先 想问而家种龙眼啱唔啱时候", "new"),
]
# one's own pledges asked, how many (几棵: no count said)
PLEDGE = [
    ("member", "我认领咗几多棵啊", "pledge"),
    ("member", "我之前认领了几棵来着", "pledge"),
]
# the planting day named, then whether I may go asked (我可以去吗, 我能参加吗)
JOIN = [
    ("finished", "村里集体植树我可以去吗", "join"),
    ("member", "村里搞植树活动 我能参加吗", "join"),
]
# a relative's going said, the sender asking to sign them up (帮佢报个名): the join, its reply how a relative takes part
# (their own check-in on the day), never the sender checked in for them
JOIN_RELATIVE = [
    ("member", "我阿妈都想去植树日 帮佢报个名", "join"),
    ("member", "我老婆想参加义务植树 你帮她报一下名", "join"),
]
# one's own zone asked as where one tends (管护边度), forgotten; a relative's zone asked (the list says who holds each)
ZONE = [
    ("party", "我管护的是哪里 忘记了", "zone"),
    ("party", "我负责打理边度啊 唔记得咗", "zone"),
    ("member", "我老婆是党员 她的责任区在哪里", "zone"),
    ("member", "阿爸系党员 佢嘅责任区喺边度", "zone"),
]
# an adviser at the village (在埔心村现场), at the visit's work today, how to sign in asked
SIGN_IN = [
    ("adviser", "下午在埔心村现场教修剪 怎么签到", "sign_in"),
    ("adviser", "今早在埔心村现场看苗 要怎样签到", "sign_in"),
]
# one past time's planting (那次种树, 嗰次植树), being there said, recorded asked
ATTENDED = [
    ("member", "礼拜日那次种树我去了 有没有记录", "attended"),
    ("party", "三月嗰次植树我到咗 算唔算参加", "attended"),
]
CONTROLS = [
    ("member", "提醒怎么关", "question"),  # how asked alone stays the FAQ's (round 19)
    ("ticket", "桂花叶子背面有白点", "supplement"),
    ("ticket", "桂花嘅问题等专家答 叶子仲系黄", "supplement"),  # the waiting one pointed at, then its own detail
    ("party", "我负责管护哪一片", "zone"),
    ("adviser", "明天在埔心村现场指导 怎么签到", "question"),  # a visit ahead: no sign-in now
    ("party", "党员65岁以上可以参加吗", "question"),
    ("member", "礼拜六那次种树要带什么", "question"),
    ("finished", "又种了两棵荔枝", "planting"),
    ("member", "认领 2棵荔枝", "pledge"),
    ("new", "我想登记 怎么登记啊", "register"),
]
# written after the mends, to widen each class and hold its edges (a day ahead, how to tend, the stop refused)
WIDER = [
    ("party", "我老公都系党员 佢嘅责任区喺边度", "zone"),
    ("ticket", "桂花嘅问题等专家答 叶子背面仲有白点", "supplement"),  # the waiting one's own detail after it
    ("member", "下次植树我可以带小朋友去吗", "question"),
    ("member", "植树活动几点开始 我可以迟啲去吗", "question"),
    ("member", "我老婆想参加义务植树 佢要自己报名吗", "question"),
    ("member", "我老公系党员 佢嘅责任区点管护", "question"),
    ("adviser", "下个月在埔心村现场指导 怎么签到", "question"),
    ("member", "礼拜六嗰次种树几点开始", "question"),
    # the stop refused: never 退订; since the lead of review56 (提醒唔好停咗佢 kept them on), the reminders kept on
    ("member", "日日都发嘢嚟 唔好停咗佢", "resubscribe"),
]
EXAMPLES = REGISTER + RECORDED + UNSUBSCRIBE + NEW + PLEDGE + JOIN + JOIN_RELATIVE + ZONE + SIGN_IN + ATTENDED


@pytest.mark.parametrize(("context", "message", "expected"), EXAMPLES + WIDER + CONTROLS)
def test_round_103(probe, context, message, expected):
    assert probe.run(context, message, expected) == ""


def test_a_relatives_sign_up_checks_nobody_in(probe):
    """A relative's sign-up asked is answered how the relative takes part; the sender is never checked in for them."""
    user = probe.member("o-round103-kin", "群众")
    for said in ("我阿妈都想去植树日 帮佢报个名", "我爸七十几岁了想去参加植树活动 你帮他报个名"):
        assert user.says(said) == probe.bot.t("events.join_relative")
    assert probe.rows("SELECT id FROM attendance WHERE openid = ?", ["o-round103-kin"]) == []
