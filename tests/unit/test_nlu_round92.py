"""Round 92's readers (issue 17 §5), as pure functions over normalised text; the conversations that use them are in
tests/e2e/test_conversation_round92.py."""

from __future__ import annotations

import pytest

from bot import nlu, pledges


@pytest.mark.parametrize(
    ("said", "whose"),
    [
        ("村民冇智能手机嘅 我点样帮佢哋报种树", "others"),
        ("村民冇手机嘅点样帮佢哋报", "others"),
        ("好多老人冇手机 我要点帮佢哋报", "others"),
        ("屋企仲有两个老人家种咗 佢哋冇手机 点报", "household"),
        ("我阿爷冇微信 佢种咗两棵龙眼点报", "household"),
        ("村民没有微信怎么登记", None),  # no trees, no helping them: not the 代种
        ("我冇智能手机 我种嘅树点报", None),  # one's own phone
        ("村民冇手机嘅 点样报名参加植树", None),  # 报名 is no log
    ],
)
def test_no_phone_others_log_asked(said, whose):
    assert nlu.no_phone_others_log_asked(nlu.normalize(said)) == whose


@pytest.mark.parametrize(
    ("said", "asked"),
    [
        ("村里面几多户已经认领咗 边个未认领", True),
        ("已经认领的有哪几户 发个名单给我", True),
        ("有冇认领名单 我想睇下边个认领咗", True),
        ("边几户未认领", False),  # who has not: 未认领名单
        ("责任区边个认领咗", False),  # the zones'
        ("我认领咗几多棵", False),  # one's own
        ("认领名单点填", False),  # how to fill it in
    ],
)
def test_pledgers_asked(said, asked):
    assert pledges.pledgers_asked(nlu.normalize(said)) is asked


@pytest.mark.parametrize(
    ("said", "pinged"),
    [("喂 有冇收到", True), ("收到没有啊", True), ("你收到我讲嘅嘢未", True), ("点解冇反应", True), ("收到", False)],
)
def test_received_pinged(said, pinged):
    assert nlu.received_pinged(nlu.normalize(said)) is pinged


@pytest.mark.parametrize(("said", "kind"), [("点解仲系零", "why_zero"), ("怎么还是0", "why_zero"), ("零", None)])
def test_why_nought_is_a_follow_up(said, kind):
    assert nlu.follow_up_said(nlu.normalize(said)) == kind


@pytest.mark.parametrize(
    ("said", "asked"),
    [("呢个系做咩嘅", True), ("这个号是干嘛的", True), ("这个活动是什么", False), ("这个药是干什么用的", False)],
)
def test_account_purpose_asked(said, asked):
    assert nlu.account_purpose_asked(nlu.normalize(said)) is asked


@pytest.mark.parametrize(
    ("said", "asked"),
    [
        ("点解我张证书仲未出", True),
        ("证书怎么还没有", True),
        ("点解收唔到证书", True),
        ("证书什么时候发", False),
        ("怎么才有证书", False),
    ],
)
def test_certificate_not_come_yet(said, asked):
    assert nlu.certificate_asked(nlu.normalize(said)) is asked


@pytest.mark.parametrize(
    ("said", "question"),
    [
        ("冇咩问题", False),
        ("没什么问题", False),
        ("都冇咩问题 多谢", False),
        ("有冇问题", True),
        ("有没有什么问题", True),
        ("没什么问题吧", True),
        ("这棵树没什么问题，就是叶子有点黄怎么办", True),
    ],
)
def test_nothing_wrong_is_no_question(said, question):
    assert nlu.is_question(nlu.normalize(said)) is question


@pytest.mark.parametrize(
    ("said", "asked"),
    [
        ("我说退订之后还能收到专家回复吗", True),
        ("取消提醒后专家的答复还能收到吗", True),
        ("退订", False),
        ("专家回复我之后可以退订吗", False),
    ],
)
def test_answers_after_switching_off_asked(said, asked):
    assert nlu.answers_after_switching_off_asked(nlu.normalize(said)) is asked
