"""Round 23 of issue 17 §5 (the conversation goes where the villager means), set 19e as the development set, through
signed pushes: each class of 19e's misses fixed as a family, with examples of its own (not the probes' sentences); their
controls are tests/e2e/test_conversation_probes.py's NOT_REQUESTS."""

from __future__ import annotations

import pytest

from tests.e2e.test_conversation_probes import probe  # noqa: F401  (the module's fixture: one app for the examples)

# (context, message, expected kind as tests/e2e/test_conversation_probes.py KINDS reads it)
CLASS_EXAMPLES = [
    # reminders off by the sender reminded or pressed (唔好再提我, 催我); on again by wanting them back at the end (想要返)
    ('member', '阿爸话啲提醒好吵 唔好再催我啦', 'unsubscribe'),
    ('member', '天天都叮叮声 不要再提我了', 'unsubscribe'),
    ('member', '别再叮我了', 'unsubscribe'),
    ('member', '之前停咗啲通知 而家想要返', 'resubscribe'),
    ('member', '提醒关了之后 现在又想要回来 可以吗', 'resubscribe'),
    ('member', '上个月退了提醒 现在再要回 行不行', 'resubscribe'),
    # a retraction asked politely first, 影错/记错/打错, the record named (种树记录), 'for now' (唔要住)
    ('pending', '麻烦你帮我删掉刚才那条', 'cancel'),
    ('pending', '唔该取消头先嗰个 讲错咗', 'cancel'),
    ('after_photo', '请帮我撤销这张 拍错了', 'cancel'),
    ('pending', '那个不要住', 'cancel'),
    # joining with the day then the village's, the one that day (嗰场), to help then how to sign up (帮手)
    ('member', '今天下午村里种树我参加', 'join'),
    ('member', '星期天村里种树活动我去', 'join'),
    ('party', '明天那场我报名参加', 'join'),
    ('member', '植树节我想去帮忙 怎么报名', 'join'),
    ('member', '礼拜日我都想去出力 点样报名', 'join'),
    # adoption: which to choose after the wish or the bare command (有边啲揀), the trees by a road or a river
    ('member', '我想认养一棵 有咩好拣', 'adopt'),
    ('member', '认种一棵树 有什么可以选', 'adopt'),
    ('member', '听讲可以认养河边的树 有什么', 'adopt'),
    ('member', '我想认养路边嘅树 有边啲', 'adopt'),
    # care zones listed then which are left (边块冇人认领), wished then whether the one by a place is left
    ('party', '党员责任区列出来 还有哪块没人认领', 'zone'),
    ('cadre', '责任区列一下 边块冇人要', 'zone'),
    ('party', '我要认领一块责任区 祠堂后面那块还有没有', 'zone'),
    ('party', '想领个管护区 村口那片还有吗', 'zone'),
    # every command listed (乜嘢指令都列出来): the help
    ('member', '唔识用 所有功能列出来', 'help'),
    ('cadre', '全部指令发给我看下', 'help'),
    ('member', '我不会用 把命令都列出来', 'help'),
    # trees planted as what is logged (…种的树, 种那批树), 点 for how, the wish to log (记低), hurry or not knowing after
    ('member', '我今日喺屋后种咗树喇 点样登记', 'log'),
    ('member', '种好了树 想登记一下', 'log'),
    ('member', '我家门口种的树要在哪里登记', 'log'),
    ('member', '昨天已经种好了 怎么记录上去 我不会用', 'log'),
    ('cadre', '村口今天种那批树怎么登记 快点', 'log'),
    ('new', '我已经种好树了 想记录下来', 'log'),
    # the record's steps around the photo: sent up after it was taken, the order as 'is it this?'; while a record waits, where to press after how, taken later at the tree
    ('member', '拍了照片发过去之后还要写树名吗', 'how'),
    ('member', '种完树是不是先拍照片再报几棵', 'how'),
    ('member', '是不是先影相再讲树种', 'how'),
    ('pending', '照片怎么发 按哪个', 'how'),
    ('pending', '现在在外面 晚点回去再拍可以吗', 'how'),
    ('pending', '明天到田里再拍一张行不行', 'how'),
]


@pytest.mark.parametrize(
    ("context", "message", "expected"), CLASS_EXAMPLES, ids=[f"{c}:{m}" for c, m, _ in CLASS_EXAMPLES]
)
def test_round_23_class_examples_go_where_the_villager_means(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""
