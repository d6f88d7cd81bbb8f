"""Round 58 of issue 17 §5, through signed pushes: the blind misses of sets 20i and 20j read by class. Each class's own
examples (not the probes' words) and controls were written after reading the misses, and run on the untouched branch
(main at 692fcd9) and after the mend; the probes themselves are in tests/e2e/test_conversation_probes.py."""

from __future__ import annotations

import pytest

from tests.e2e.test_conversation_probes import (  # noqa: F401  (the module's fixture: one app for the examples)
    cases_of,
    probe,
)

# -- class a: a party member asking where the care zones are and how many (together: the list, numbered, where each
# is), or signing up for this year's (next month's, a date's) planting day: the zones' list, the day's check-in ---------
EXAMPLES_ZONE_JOIN = [
    ("party", "责任区喺边 有几多块", "zone"),
    ("party", "我哋村嘅党员责任区有几多个 喺边度", "zone"),
    ("party", "党员责任区一共有几块 都喺边", "zone"),
    ("cadre", "村里面有几多个责任区 分别喺边", "zone"),
    ("party", "请问党员责任区设在哪里 共有多少个", "zone"),
    ("party", "我要报名参加今年嘅植树节", "join"),
    ("party", "帮我报名参加下个月嘅植树活动", "join"),
    ("party", "今年嘅植树日我都报名", "join"),
    ("party", "报名参加3月12号嘅植树日", "join"),
    ("member", "我想报名参加今年村里嘅义务植树", "join"),
]
CONTROLS_ZONE_JOIN = [
    ("party", "党员责任区嘅树要几耐施一次肥", "question"),
    ("party", "今年植树日几点开始", "question"),
    ("party", "报名参加植树日要带咩工具", "question"),
    ("party", "认领责任区", "zone"),
]


@pytest.mark.parametrize(("context", "message", "expected"), cases_of([*EXAMPLES_ZONE_JOIN, *CONTROLS_ZONE_JOIN], {}))
def test_round_58_zone_and_join(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


# -- class b: within a question's 补充 window, what is seen on the tree told (a symptom, no question: round 20 read it as
# its own ticket; every blind writer reads it as the same tree's), how many trees the trouble is on, or which trees they
# are, pointed at where they stand ('…嗰两棵桂花'): the ticket's 补充, never a new ticket, small talk or a record -------
EXAMPLES_SAME_TREE = [
    ("ticket", "树干有啲白色粉末", "supplement"),
    ("ticket", "有啲叶边焦咗", "supplement"),
    ("ticket", "新叶都卷埋晒", "supplement"),
    ("ticket", "五棵都系咁 全部黄晒", "supplement"),
    ("ticket", "就系屋后面嗰三棵桂花", "supplement"),
    ("ticket", "枝上面有好多蚂蚁", "supplement"),
    ("twice", "问专家 龙眼叶有黑点 || 四棵都系咁", "one-ticket"),
    ("twice", "问专家 黄皮落叶好犀利 || 叶底有啲细细粒嘅白虫", "one-ticket"),
    ("twice", "问专家 杨桃开花唔结果 || 系种喺门口嗰两棵杨桃", "one-ticket"),
]
CONTROLS_SAME_TREE = [
    ("ticket", "我屋后嘅荔枝叶都穿晒窿", "new"),
    ("ticket", "龙眼树干有白色粉末", "new"),
    ("ticket", "今日又种咗两棵桂花", "planting"),
    ("ticket", "门口嗰两棵龙眼点解唔开花", "new"),
    ("member", "今日种咗门口嗰两棵龙眼", "planting"),
    ("after_photo", "两棵桂花 种喺门口", "planting"),
    ("member", "琴日种好咗屋后面嗰三棵龙眼", "planting"),
]


@pytest.mark.parametrize(("context", "message", "expected"), cases_of([*EXAMPLES_SAME_TREE, *CONTROLS_SAME_TREE], {}))
def test_round_58_same_tree(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


@pytest.mark.parametrize("message", ["门口那三棵龙眼", "系祠堂边嗰两棵桂花"])
def test_trees_pointed_at_where_they_stand_are_no_record(probe, message):  # noqa: F811
    probe.handler_for("member", message)
    assert not probe.rows("SELECT id FROM plantings WHERE openid = ?", [probe.openid])


# -- class c: after a photo or while a record waits, how to go on asked with a particle after 'then', whether words must
# still be typed, or how to get it recorded with nothing named: the record's next step ------------------------------
EXAMPLES_NEXT_STEP = [
    ("after_photo", "跟住呢 要点写", "how"),
    ("after_photo", "之后呢 点样填", "how"),
    ("after_photo", "使唔使打字 打乜嘢", "how"),
    ("pending", "要点样先记到上去", "how"),
    ("pending", "点样报上去呀", "how"),
    ("after_photo", "仲需要写字吗", "how"),
]
CONTROLS_NEXT_STEP = [
    ("pending", "然后呢 荔枝要点施肥", "question"),
    ("after_photo", "跟住呢 叶子黄咗点算", "question"),
]


@pytest.mark.parametrize(("context", "message", "expected"), cases_of([*EXAMPLES_NEXT_STEP, *CONTROLS_NEXT_STEP], {}))
def test_round_58_next_step(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


# -- class d: a new follower: an elder's long voice message with the name said with 我叫 (registered with it), a question
# mark alone (the help), how to log one's planted trees asked how first (登记 first, the message kept) ---------------
EXAMPLES_NEW = [
    ("new", "你好 我系埔心村嘅 我个仔帮我开咗微信 叫我登记 我叫陈亚妹 今年八十岁 唔识字", "register"),
    ("new", "喂 我个孙女帮我装咗微信 话要注册 我系埔心村人 我叫刘秋菊 唔识打字", "register"),
    ("new", "你好啊 我系埔心村村民 听村干部讲要登记 我叫何金好 七十八岁", "register"),
    ("new", "喂喂 我叫钟桂兰 系埔心村嘅 阿女叫我嚟登记 我唔识打字 你帮下我", "register"),
    ("new", "我系埔心村嘅老人家 我叫谢银娣 村委话要登记 我眼又唔好", "register"),
    ("new", "？？", "help"),
    ("new", "❔", "help"),
    ("new", "??", "help"),
    ("new", "❓❓", "help"),
    ("new", "⁉️", "help"),
    ("new", "点样登记我种咗嘅树", "log"),
    ("new", "怎样记录我今年种的树", "log"),
    ("new", "请问怎么登记种好的树", "log"),
    ("new", "点样上报自己种嘅树", "log"),
    ("new", "要怎么报我种了的果树", "log"),
    ("member", "？？", "help"),
]
CONTROLS_NEW = [
    ("member", "怎么登记我种的树", "question"),  # round 17's control: a registered villager's stays the FAQ's
    ("member", "?", "help"),
]


@pytest.mark.parametrize(("context", "message", "expected"), cases_of([*EXAMPLES_NEW, *CONTROLS_NEW], {}))
def test_round_58_new_follower(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


def test_a_story_naming_someone_else_registers_nobody_by_that_name(probe):  # noqa: F811
    probe.handler_for("new", "喂你好 我系埔心村嘅 我个孙帮我装咗微信 佢话要登记 佢叫黄小明 我叫黄桂兰")
    assert probe.rows("SELECT name FROM people WHERE openid = ?", [probe.openid]) == []


# -- class e: the adoptable trees asked with both words, as the campaign names them (认种认养): the list ---------------
EXAMPLES_ADOPT = [
    ("cadre", "认种认养嘅树仲有边几棵", "adopt"),
    ("member", "认养认种嘅树仲有边啲", "adopt"),
    ("party", "认种或者认养嘅树仲剩边啲", "adopt"),
    ("cadre", "本村认种认养嘅树仲有边啲", "adopt"),
    ("member", "认种认养嘅树单发俾我睇下", "adopt"),
]
CONTROLS_ADOPT = [
    ("cadre", "认种认养嘅树死咗边个负责", "question"),
    ("member", "认种认养要几多钱", "question"),
]


@pytest.mark.parametrize(("context", "message", "expected"), cases_of([*EXAMPLES_ADOPT, *CONTROLS_ADOPT], {}))
def test_round_58_adopt(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


# -- class f: whether the check is done asked bare, with a record just finished or reported: what waits and why -------
EXAMPLES_REVIEWED = [
    ("finished", "核实咗未啊", "progress"),
    ("finished", "审批好未", "progress"),
    ("finished", "审核通过未", "progress"),
    ("member", "我条记录审核咗未", "progress"),
    ("finished", "审核完未呀", "progress"),
]
CONTROLS_REVIEWED = [
    ("finished", "审核要带咩资料", "question"),
    ("cadre", "示范点种咩树好", "question"),
]


@pytest.mark.parametrize(("context", "message", "expected"), cases_of([*EXAMPLES_REVIEWED, *CONTROLS_REVIEWED], {}))
def test_round_58_reviewed(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""
    assert not probe.rows("SELECT id FROM tickets WHERE openid = ?", [probe.openid]) or expected == "question"
