"""Round 87 of issue 17 §5 (conv87), through signed pushes: sets 22d's and 22e's blind misses and set 22c's eight read
by class. The probes, then conv87's own held-out cases in other words (written and run on the untouched branch before
the change), then controls: the same words meaning something else."""

from __future__ import annotations

import pytest

from tests.e2e.test_conversation_probes import (  # noqa: F401  (the module's fixture: one app for the examples)
    cases_of,
    probe,
)

# -- the sets' misses, by class ---------------------------------------------------------------------------------------
PROBES = [
    # a self-introduction with the surname said in a clause of its own before the full name (identity.clauses_of)
    ("new", "我是埔心村村民 姓钟 钟秀兰", "register"),
    # how to register asked with the village, a greeting said first (identity._clauses_said)
    ("new", "你好 我系埔心村村民 点样登记", "register"),
    # one's name said wrong loosely, the right one in the same message or the next (nlu.name_fix_said, name_said_right)
    ("member", "我个名登记嗰阵打错字 应该系陈秀英", "rename"),
    ("twice", "我叫错名 || 应该系李秀珍", "rename"),
    ("twice", "我个名登记成陈大 || 应该系陈大文 帮我改", "rename"),
    # the trees reported pointed at (种嗰, 报嗰啲), then whether recorded (nlu FRAMES progress_recorded)
    ("member", "我上个礼拜种嗰两棵龙眼有冇记到啊", "progress"),
    ("pending", "我上次报嗰啲记到未", "progress"),
    # how to log for others (a cadre's 代种), or once more (nlu._PROXY_LOG_HOW_RE, _LOG_AGAIN_HOW_RE)
    ("cadre", "代人种树点样报 有啲老人冇手机", "log"),
    ("finished", "再报多次点报", "log"),
    # an adviser's visit told done loosely, an entry asked (nlu.visit_record_asked: 探访, 记一笔)
    ("adviser", "今日去埔心村探访完 记一笔", "sign_in"),
    # what was sent said to be no tree, then the slip (nlu.retraction_said)
    ("after_photo", "唔系树嚟 系发错相", "cancel"),
    # how to tell the tree asked while the record waits for it (nlu.record_asked_otherwise)
    ("after_photo", "点样讲系咩树 打字定讲", "how"),
    # a choice of trees asked after 示范点 is no site's name (milestones.parse)
    ("cadre", "示范点附近种秋枫定木棉好", "question"),
]

# -- conv87's own, in other words (those marked 'passed before' already passed on the untouched branch) ----------------
EXAMPLES = [
    ("new", "我系埔心村嘅 姓黄 黄美玲", "register"),
    ("new", "埔心村村民 姓刘 刘志强", "register"),
    ("new", "你好 我系埔心村人 点样注册", "register"),
    ("new", "我是埔心村的村民 要怎么登记", "register"),  # passed before
    ("new", "我系埔心村村民 想登记 点搞", "register"),  # passed before
    ("member", "我嘅名打错咗 系黄美玲先啱", "rename"),  # passed before
    ("twice", "我个名写错咗 || 系张国华", "rename"),
    ("twice", "名字登记错了 || 改成王丽芬", "rename"),  # passed before
    ("twice", "我个名唔啱 || 正确嘅系何淑贞 帮我改下", "rename"),
    ("member", "我前几日报嗰三棵桂花有冇入数", "progress"),
    ("member", "上个月种的两棵荔枝记上了没有", "progress"),  # passed before
    ("pending", "我之前报过嘅记咗未", "progress"),
    ("member", "琴日种嗰棵龙眼有冇登记到", "progress"),
    ("cadre", "帮冇手机嘅老人家报种树点报", "log"),
    ("cadre", "老人家冇微信 佢哋种嘅树点样上报", "log"),  # passed before
    ("finished", "我仲想再报一次点搞", "log"),
    ("finished", "又种咗 点样再报", "log"),  # passed before
    ("adviser", "今日落埔心村睇完树 记低", "sign_in"),
    ("adviser", "啱啱探访完埔心村 帮我记录", "sign_in"),
    ("adviser", "今日去咗埔心村 帮我记低", "sign_in"),  # written with the change (failed before)
    ("after_photo", "发错图啦 唔系种树", "cancel"),  # passed before
    ("after_photo", "啱啱张相发错咗", "cancel"),  # passed before
    ("after_photo", "呢张唔系树 系影错咗", "cancel"),  # passed before
    ("pending", "唔系种树 系发错咗", "cancel"),  # written with the change (failed before)
    ("after_photo", "树种点样话俾你知", "how"),
    ("after_photo", "系咩树要打字定发语音", "how"),
    ("cadre", "示范点种樟树好定系秋枫好", "question"),  # passed before
    ("cadre", "示范点门口种木棉得唔得", "question"),  # passed before
    ("cadre", "示范点种黄花风铃木定宫粉紫荆啱", "question"),  # written with the change (failed before)
]

# -- controls: the same words, another meaning (each passed before) -------------------------------------------------
CONTROLS = [
    ("member", "上个礼拜种嗰两棵龙眼有冇虫", "question"),  # the trees pointed at, a pest asked
    ("member", "我种嗰两棵龙眼叶子黄咗", "question"),  # the trees pointed at, a trouble told
    ("member", "今日种咗两棵龙眼", "planting"),
    ("member", "桂花叶子打错药 应该点算", "question"),  # 打错 of a spray, not a name
    ("new", "我系埔心村村民 点样种荔枝", "question"),  # the village said, a question of planting
    ("new", "我姓钟 想问龙眼几时种", "question"),  # the surname said, no name after it
    ("member", "我姓钟 想问龙眼几时种", "question"),
    ("new", "登记 黄美玲 埔心村", "register"),
    ("member", "我想改名字", "rename"),
    ("member", "我的进度", "progress"),
    ("ticket", "系张伯话嘅", "supplement"),  # 系 and a name-like word within a question's window: its 补充
    ("member", "我叫错咗树名 应该系龙眼", "question"),  # a tree's name, not the sender's
    ("member", "我还想再种一次龙眼", "question"),  # planting again, not logging again
    ("member", "代人种树点样报", "log"),  # a member's: the FAQ's steps
    ("after_photo", "两棵荔枝", "planting"),
    ("new", "龙眼叶子有斑点点算", "question"),
    ("member", "今日去埔心村探访完 记一笔", "question"),  # a villager's: no visit of an adviser
    ("adviser", "我去村委睇下 记住带相机", "question"),  # going (a plan), 记住 a reminder: no visit logged
    ("adviser", "听日去埔心村 记住提醒我", "question"),
    ("adviser", "探访完埔心村 有个村民问荔枝点施肥", "question"),
    ("new", "系咩树要打字定发语音", "question"),  # nothing in progress: the FAQ's (voice)
    ("member", "点样讲系咩树", "question"),  # nothing in progress: not the record's step
    ("after_photo", "点样知系咩树", "question"),  # which tree it is, asked of the photo: the adviser's
    ("after_photo", "荔枝树点样讲", "question"),
]

ALL = [*PROBES, *EXAMPLES, *CONTROLS]

# held-out cases still missed, each with why
LEFT: dict[str, str] = {
    "after_photo:树种点样话俾你知": "round 95, AT-BS in the precedents (changed): bot.register (model) -> escalate (not_sure)",
    # round 98's '代人种树点样报' (how to log trees planted for another) is read since the sixtieth session's model
}


@pytest.mark.parametrize(("context", "message", "expected"), cases_of(ALL, LEFT))
def test_round_87(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


@pytest.mark.parametrize("message", ["示范点 村口公园", "示范点 村口公园 搞好咗"])
def test_demo_site_named_stays_a_report(probe, message):  # noqa: F811
    """Control: a 示范点 named (and told done) is still the cadre's milestone report."""
    assert probe.handler_for("cadre", message) == "milestone_report"


def test_name_said_wrong_then_right_renames_one_registered_by_themselves(probe):  # noqa: F811
    """'我叫错名' then '系张国华' from one who registered themselves: the name is corrected at once (as 登记 with it
    would), the first message asking nothing of the adviser."""
    probe.count += 1
    openid = f"o-probe-{probe.count}"
    user = probe.user(openid)
    user.follows()
    user.says("登记 张国 埔心村")
    assert probe.rows("SELECT name FROM people WHERE openid = ?", [openid]) == [{"name": "张国"}]
    user.says("我叫错名")
    assert probe.last_handler(openid) == "fix_name"
    user.says("系张国华")
    assert probe.last_handler(openid) == "fix_name"
    assert probe.rows("SELECT name FROM people WHERE openid = ?", [openid]) == [{"name": "张国华"}]
    assert probe.rows("SELECT id FROM tickets WHERE openid = ?", [openid]) == []


def test_name_alone_is_no_rename_without_the_name_said_wrong_before(probe):  # noqa: F811
    """'系张国华' with no name said wrong just before renames nobody (a registered villager's)."""
    probe.count += 1
    openid = f"o-probe-{probe.count}"
    user = probe.user(openid)
    user.follows()
    user.says("登记 张国 埔心村")
    user.says("系张国华")
    assert probe.last_handler(openid) != "fix_name"
    assert probe.rows("SELECT name FROM people WHERE openid = ?", [openid]) == [{"name": "张国"}]
