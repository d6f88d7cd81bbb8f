"""Round 88 of issue 17 §5 (conv88), through signed pushes: set 22f's misses read by class. The probes, then conv88's
own held-out cases in other words (written and run on the untouched branch before the change), then controls: the same
words meaning something else."""

from __future__ import annotations

import pytest

from tests.e2e.test_conversation_probes import (  # noqa: F401  (the module's fixture: one app for the examples)
    cases_of,
    probe,
)

# -- the sets' misses, by class ---------------------------------------------------------------------------------------
PROBES = [
    # the questions not answered listed, a please said first (nlu.queue_asked: request_frames' wrappers before)
    ("adviser", "唔该列出未答嘅提问", "queue"),
    # an adviser's visit told with the trees looked at named by their kind (nlu.visit_record_asked: 睇果树)
    ("adviser", "今日落村睇果树 记低我嚟过", "sign_in"),
    # received and recorded asked in one breath after a record (nlu._RECORDED_RE: 收到未 before it)
    ("finished", "收到未 记录咗未", "progress"),
    # how many more one must plant to have enough (nlu._GAP_ASKED_RE: 还要种多少先够)
    ("finished", "我仲要种几多先够", "progress"),
    # a household's pledge told by a cadre, when said, then 帮佢记低 (pledges._said_then_for_them: any later clause)
    ("cadre", "张伯屋企话认三棵龙眼 五月先种 帮佢记低", "pledge"),
    # 登记 said before 认领 for a named elder (nlu.pledge_for)
    ("cadre", "帮李婆婆登记认领一棵柿子树 佢冇智能手机", "pledge"),
    # whether a photo sent counts as the report, asked (nlu.photo_counts_as_log_asked): the steps of a record
    ("new", "系咪影张相发过嚟就当报咗种树", "log"),
]

# -- conv88's own, in other words (those marked 'passed before' already passed on the untouched branch) ----------------
EXAMPLES = [
    ("adviser", "麻烦列出未回复嘅问题", "queue"),
    ("adviser", "唔该列下未答嘅问题", "queue"),
    ("adviser", "请列出还没回答的提问", "queue"),
    ("adviser", "麻烦你列一下未处理嘅问题", "queue"),
    ("adviser", "唔该 列出村民嘅提问", "queue"),
    ("adviser", "今日落村睇荔枝树 帮我记低", "sign_in"),
    ("adviser", "今朝去咗埔心村睇果苗 记一笔", "sign_in"),
    ("adviser", "今日落埔心村睇下啲龙眼树 记低我嚟过", "sign_in"),
    ("adviser", "我今日嚟过埔心村睇果树 帮我记录", "sign_in"),
    ("adviser", "今天到埔心村看了果树 记一下", "sign_in"),
    ("finished", "收到未 记咗未", "progress"),
    ("finished", "收到冇 入咗数未", "progress"),
    ("finished", "你哋收到未 有冇记低", "progress"),
    ("finished", "收到未啊 登记咗未", "progress"),
    ("finished", "收到了吗 记上了没有", "progress"),
    ("finished", "我还要种多少棵才够", "progress"),
    ("finished", "仲要种几多棵先够数", "progress"),
    ("finished", "我仲要再种几多先够", "progress"),
    ("member", "我仲要种几多先够", "progress"),
    ("member", "我还要种几棵才够", "progress"),
    ("cadre", "陈伯话佢屋企认两棵荔枝 四月先种 帮佢记低", "pledge"),
    ("cadre", "李婶屋企话认一棵柿 下个月种 帮佢记下", "pledge"),
    ("cadre", "黄婆话认三棵桂花 帮佢记一下", "pledge"),
    ("cadre", "何伯屋企话要认两棵龙眼 清明前种 帮佢登记", "pledge"),
    ("cadre", "帮陈伯登记认领两棵荔枝", "pledge"),
    ("cadre", "帮五保户黄伯登记认领一棵龙眼 佢唔识用手机", "pledge"),
    ("cadre", "替刘婶登记认领三棵桂花", "pledge"),
    ("new", "影相发俾你算唔算报咗数", "log"),
    ("member", "拍张照片发过来就算登记了吗", "log"),
    ("member", "系咪发张相就当报咗", "log"),
    ("new", "发相片过嚟算唔算上报种树", "log"),
    ("member", "只要影张相就算记录咗种树", "log"),
]

CONTROLS = [
    ("new", "登记 刘永康 埔心村", "register"),  # a 登记 with a name and a village stays one
    ("member", "我个名写错咗 应该系陈月姣", "rename"),
    ("cadre", "张伯屋企话龙眼叶黄 帮佢问下", "question"),  # a trouble told for him, no pledge
    ("cadre", "帮陈伯登记两棵荔枝", "planting"),
    ("cadre", "黄伯屋企今日种咗一棵荔枝 我帮佢记一下", "planting"),  # trees planted told, written down: a 代种 (19t)
    ("member", "系咪影张相就知系咩树", "question"),  # a photo to tell the tree, no report
    ("member", "影相要影成棵树定影叶", "question"),  # trees entered for him: the proxy record
    ("adviser", "唔该帮我睇下荔枝叶卷点算", "question"),
    ("adviser", "今日落村睇果树 有棵荔枝叶卷咗", "question"),  # a visit told, a tree's trouble: no entry asked
    ("adviser", "听日落村睇果树 记住提醒我", "question"),  # a plan, 记住 a reminder
    ("member", "今日落村睇果树 记低我嚟过", "question"),  # a villager's: no adviser's visit
    ("new", "党员要种几多先够", "question"),  # the rule asked, nothing one's own
    ("new", "每户要种几多棵先够", "question"),
    ("member", "龙眼要种几深先够", "question"),  # a depth, not a count
]

ALL = [*PROBES, *EXAMPLES, *CONTROLS]

# held-out cases still missed, each with why
LEFT: dict[str, str] = {
    "仲要种几多棵先够数": "no one named (no 我): the progress readers want the sender said (nlu._MINE_RE); after a record it"
    " is likely one's own, but the rule asked bare is the FAQ's too",
}


@pytest.mark.parametrize(("context", "message", "expected"), cases_of(ALL, LEFT))
def test_round_88(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


# round 87 noticed: 登记 said first, then the name said wrong and the right one ('登记个名写错字 正确系刘志强') had been
# read as 登记 <name> <village> ('没找到“正确系刘志强”'); the rename kind was loose then (it accepted the register
# handler; strict since tidy76), so the reply is checked here too: the name corrected, never a village looked for
RENAMES = [
    "登记个名写错字 正确系刘志强",
    "登记嘅名打错咗 应该系黄美玲",
    "登记个名写错 正确嘅系何淑贞",
    "登记时名字写错了 正确是王丽芬",
    "登记个名唔啱 应该系张国华",
    "登记名字错咗 改成刘志强",
]


@pytest.mark.parametrize("message", RENAMES)
def test_name_said_wrong_after_register_word_is_no_register(probe, message):  # noqa: F811
    assert probe.run("member", message, "rename") == ""
    assert probe.last_handler(probe.openid) == "fix_name"
    assert "没找到" not in probe.last_reply(probe.openid)
