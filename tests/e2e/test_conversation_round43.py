"""Round 43 of issue 17 §5, through signed pushes: the request kinds the blind set 19q found going astray after its
blind figure was taken (main e31766e: 119/140): reminders subscribed back (订返, 订阅 again, an unsubscribing told of
before it); a finished record withdrawn with what was written wrong after it; a relation to the ticket's trouble asked
(有冇关系); the record's next step asked (the count still to be written, then how; the photo next, with 未); the sender's
own certificate, when it comes; a pledge with 认领 named in a clause of its own and the trees told with 报, or a
village post said first without 是 (我村书记). Examples of its own, written before they were run (on main e31766e, see each batch);
controls that keep their old route; then the 19q messages it fixed, so they cannot regress."""

from __future__ import annotations

import pytest

from tests.e2e.test_conversation_probes import cases_of, probe  # noqa: F401  (the module's fixture: one app for the examples)

EXAMPLES = [
    # the reminders subscribed back: 订返 (订回), 订阅 again, an unsubscribing by a slip told of before or after it
    ("pending", "订回通知啦 之前手滑退订了", "resubscribe"),
    ("member", "订返啦 我之前误点退订", "resubscribe"),
    ("member", "之前取消了提醒 现在再订阅", "resubscribe"),
    ("finished", "上次退订了 现在重新订阅吧", "resubscribe"),
    ("twice", "别再发提醒 || 算了 还是订回吧", "resubscribe"),
    ("twice", "唔要通知 || 都系订返提醒啦", "resubscribe"),
    # the record just finished withdrawn, what was written wrong said after it
    ("finished", "刚才报的那条撤回 棵数写错了", "cancel"),
    ("finished", "头先登记嗰个撤回 数填错咗", "cancel"),
    ("finished", "刚刚那个记录撤回吧 数量填错了", "cancel"),
    ("finished", "撤回刚才登记的 数字填错了", "cancel"),
    # during a ticket: something told, then whether it bears on the trouble asked
    ("ticket", "根部有好多白蚁 不知道有没有关系", "supplement"),
    ("ticket", "树干上有些小洞 会不会有关系", "supplement"),
    ("ticket", "树头啲泥好湿 同呢个有冇关系", "supplement"),
    ("ticket", "最近落了好多雨 跟这个有关系吗", "supplement"),
    # the record's next step: the count still to be written, then how; the photo next, asked with 未 or 了吗
    ("after_photo", "要写几棵吗 点写", "how"),
    ("after_photo", "棵数要写吗 怎么写", "how"),
    ("after_photo", "还要报几棵吗 怎么报", "how"),
    ("pending", "跟住系咪要影相", "how"),
    ("pending", "接下来要拍照了吗", "how"),
    ("pending", "然后要影相未", "how"),
    # the sender's own certificate, when it comes
    ("finished", "我的证书什么时候有", "certificate"),
    ("finished", "我的证书几时发", "certificate"),
    ("member", "我嘅证书几时先有", "certificate"),
    ("party", "我的证书啥时候能拿到", "certificate"),
    # a pledge: the trees told with 报 and 认领 named in clauses of their own, when after; a village post said first
    ("party", "我报两棵龙眼 先认领 下个月种", "pledge"),
    ("cadre", "党员认领任务 我报三棵桂花", "pledge"),
    ("cadre", "村干部认领任务 我认两棵荔枝", "pledge"),
    ("cadre", "我村主任 认领五棵 桂花 四月中种", "pledge"),
]
LEFT: dict[str, str] = {}
CONTROLS = [
    ("member", "再订一批树苗", {"reminders_on"}),
    ("member", "订回的树苗什么时候到", {"reminders_on"}),
    ("pending", "不是两棵 是三棵 打错了", {"cancel", "withdraw"}),
    ("finished", "数填错了怎么改", {"withdraw"}),
    ("ticket", "同桂花冇关系 想问柿子几时种", {"ticket_supplement_text"}),
    ("member", "种树和风水有没有关系", {"ticket_supplement_text"}),
    ("member", "要种几棵吗 怎么种", {"planting_menu"}),
    ("member", "证书什么时候发", {"my_certificates"}),
    ("member", "我老公的证书什么时候有", {"my_certificates"}),
    ("member", "我村书记说每人认领三棵", {"pledge"}),
    ("member", "认领任务是什么 我报两棵行吗", {"pledge"}),
]
FIXED_19Q = [
    ("pending", "订返提醒啦 之前唔小心退订咗", "resubscribe"),
    ("finished", "之前退订了 现在再订阅吧", "resubscribe"),
    ("twice", "唔好再发提醒 || 算啦 都系订返啦", "resubscribe"),
    ("finished", "刚才登记的那个撤回 数填错了", "cancel"),
    ("ticket", "树头嗰度有蚂蚁 唔知有冇关系", "supplement"),
    ("after_photo", "还要写几棵吗 怎么写", "how"),
    ("pending", "跟住要影相未", "how"),
    ("finished", "我嘅证书几时有", "certificate"),
    ("party", "今年我报三棵香樟 认领先 四月再种", "pledge"),
    ("cadre", "我村书记 认领三棵 香樟 三月中种", "pledge"),
    ("cadre", "两委干部认领任务 我报两棵杨梅", "pledge"),
]


@pytest.mark.parametrize(("context", "message", "expected"), cases_of(EXAMPLES, LEFT))
def test_round_43_example(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


@pytest.mark.parametrize(("context", "message", "forbidden"), CONTROLS, ids=[f"{c}:{m}" for c, m, _ in CONTROLS])
def test_round_43_control(probe, context, message, forbidden):  # noqa: F811
    assert probe.handler_for(context, message) not in forbidden


@pytest.mark.parametrize(("context", "message", "expected"), cases_of(FIXED_19Q, {}))
def test_round_43_fixed_19q_probe(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""
