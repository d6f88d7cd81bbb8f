"""Round 30 of issue 17 §5, through signed pushes: the classes of set 19i's misses (the development set since its
blind run), each with examples of its own (not 19i's sentences), written before they were run anywhere, run once on
main before round 30 (07b5cf0) and once after, and controls: texts that look like the request and are not one (they
must keep out of the handlers named)."""

from __future__ import annotations

import pytest

from tests.e2e.test_conversation_probes import cases_of, probe  # noqa: F401  (the module's fixture: one app for the examples)

# (context, message, expected kind as tests/e2e/test_conversation_probes.py KINDS reads it)
EXAMPLES = [
    # who the sender is, said first with no pause, then the pledge
    ("party", "我系党员认领三棵龙眼", "pledge"),
    ("party", "作为一名老党员我认领一棵桂花 四月种", "pledge"),
    ("cadre", "我代表村委认领二十棵秋枫", "pledge"),
    ("party", "本人是党员，认领两棵杨梅", "pledge"),
    # the reminders wanted back, words between the wish, the sending and the reminders
    ("member", "请重新给我发植树提醒", "resubscribe"),
    ("member", "开返啲通知啦 我成日唔记得淋水", "resubscribe"),
    ("member", "我还想继续收到你们发的通知", "resubscribe"),
    ("member", "麻烦再帮我推送种树的消息", "resubscribe"),
    # going to the planting day: the day named then the wish, who goes with whom, then how to sign up
    ("member", "星期天村里植树我想去 怎么报名", "join"),
    ("member", "我和我老公都想参加种树活动", "join"),
    ("party", "植树节的活动我要参加", "join"),
    ("member", "种树个活动𠊎都想去", "join"),
    # one's own certificate, how to get it (the reply shows it, or says how one is earned)
    ("party", "植树证书怎么领", "certificate"),
    ("member", "证书点样打印出来", "certificate"),
    # adoption for a relative, a wish after asking whether any is left
    ("member", "帮我妈认养一棵龙眼", "adopt"),
    ("member", "有没有树可以认养 我想认一棵", "adopt"),
    # what the account is, asked by a new follower; the elderly asking to be shown
    ("new", "刚关注的 这个号是干嘛的", "help"),
    ("member", "我不会用 教下我怎么用", "help"),
    # the record just started taken back in words
    ("after_photo", "刚才那张相删掉吧", "cancel"),
    ("pending", "算了 今天先不登记了", "cancel"),
    # trees planted, please put them down
    ("member", "我下午在田边种了树 帮我记上", "log"),
    # an adviser asking whether villagers asked anything
    ("adviser", "有冇村民问问题 我睇下", "queue"),
    # a detail of the same tree while its ticket is open
    ("ticket", "叶子背面有好多小黑点", "supplement"),
    # the name corrected, the wrong one and the right one said
    ("member", "名字登记错了 我叫陈玉梅不是陈玉妹 改一下", "rename"),
    # added after the run on main (their 19i probes and these cover them): taught how, asked of the bot; a care zone by
    # where it is, why after it
    ("member", "我唔识用 你教下我点用", "help"),
    ("party", "我想认领村口那块责任区帮忙浇水", "zone"),
]

# (context, message, handlers it must not reach)
CONTROLS = [
    ("party", "我系党员 认领的树几时种", {"pledge"}),
    ("member", "我想再收到提醒要怎么弄", {"reminders_off"}),
    ("member", "不要再给我发通知", {"reminders_on"}),
    ("member", "植树活动要带什么工具", {"event_join"}),
    ("member", "活动取消了吗", {"event_join", "cancel"}),
    ("member", "证书上的名字打错了", {"my_certificates"}),
    ("member", "叶子黄了是不是缺肥", {"planting_text"}),
    ("member", "我是党员 要种几棵", {"pledge"}),
    ("member", "认养的树死了怎么办", {"adoption_list"}),
    ("member", "我老公的证书怎么领", {"my_certificates"}),
    ("member", "教我怎么种桂花", {"help"}),
    ("party", "村口那块责任区谁认领了", {"zone_claim"}),
    # found in the review: the frames never read the expert's messages, the sender's own sending, or a duty told
    ("member", "我想收到专家的消息", {"reminders_on"}),
    ("member", "我想发消息给专家", {"reminders_on"}),
    ("member", "我要再发一次消息", {"reminders_on"}),
    ("member", "村里种树要去村委领苗", {"event_join"}),
]


# Run once on main before round 30 (07b5cf0): 6/24 (controls 10/10); after: 24/24 (controls 10/10). The last two
# examples and controls were added with their classes, after that run.
LEFT: dict[str, str] = {}


@pytest.mark.parametrize(("context", "message", "expected"), cases_of(EXAMPLES, LEFT))
def test_round_30_a_request_is_read_as_meant(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


@pytest.mark.parametrize(("context", "message", "forbidden"), CONTROLS, ids=[f"{c}:{m}" for c, m, _ in CONTROLS])
def test_round_30_a_text_that_only_looks_like_a_request_is_not_one(probe, context, message, forbidden):  # noqa: F811
    assert probe.handler_for(context, message) not in forbidden
