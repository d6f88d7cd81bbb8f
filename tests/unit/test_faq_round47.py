"""FAQ round 47 (issue 17 §1: a confident wrong answer is the worst outcome). Classes of confident wrong answers on
the development sets AL, AM and AN, each with phrasings written for this round (not taken from any set): the answer
each should get, or that the villager is asked which of two answers was meant; controls keep their answer.
docs/faq.md, round 47."""

import pytest

# a tree off the list asked whether it can be logged: whether it counts (camp.exotic), not how to log
OFFLIST_LOGGED = [
    "我家种了芒果 可以登记吗",
    "种棵菠萝蜜登记得上吗",
    pytest.param(
        "我种了两棵木瓜 能不能报上去",
        marks=pytest.mark.xfail(
            reason="round 48: with AL-AO in the precedents and the knowledge round's labels, the model reads how to"
            " log (bot.log_planting) over the intent: a helpful answer, not whether it counts",
            strict=True,
        ),
    ),
    "屋后种了棵黄皮 能登记吗",
    "种了几棵番石榴 可不可以登记",
]

# controls: a tree on the list, or how to log, is the logging
LOGGED = [
    "我种了三棵荔枝 可以登记吗",
    "荔枝种好了 怎么登记",
]

# hot weather and the people who plant (their body, the old, going out at 37 degrees): heatstroke, not the seedlings
PEOPLE_IN_HEAT = [
    "夏天上山种树身体要注意什么",
    "今天三十六度还要去种树吗",
    "阿公七十岁了 夏天还去种树要注意什么",
    "老人家热天去种树要注意咩",  # round 48: heatstroke once AL-AO joined the precedents
    pytest.param(  # round 48: heatstroke once AL-AO joined the precedents
        "天气好热 老人家出去种树受不了怎么办",
        marks=pytest.mark.xfail(
            strict=True,
            reason="round 95, AT-BS in the precedents (changed): tech.heatstroke (model) -> escalate (not_sure)",
        ),
    ),
]

# controls: the seedlings in the heat
SEEDLINGS_IN_HEAT = [
    "天热种的苗受不了怎么办",
    "大太阳下种树怎么保苗",
]


@pytest.mark.parametrize("question", OFFLIST_LOGGED)
def test_an_offlist_tree_asked_whether_it_can_be_logged_is_whether_it_counts(index, question):
    result = index.match(question)
    assert (result.kind, result.entry_id) == ("answer", "camp.exotic")


@pytest.mark.parametrize("question", LOGGED)
def test_a_listed_tree_asked_whether_it_can_be_logged_is_the_logging(index, question):
    result = index.match(question)
    assert (result.kind, result.entry_id) == ("answer", "bot.log_planting")


@pytest.mark.parametrize("question", PEOPLE_IN_HEAT)
def test_people_planting_in_the_heat_get_heatstroke(index, question):
    result = index.match(question)
    assert (result.kind, result.entry_id) == ("answer", "tech.heatstroke")


@pytest.mark.parametrize("question", SEEDLINGS_IN_HEAT)
def test_seedlings_in_the_heat_keep_heat_planting(index, question):
    result = index.match(question)
    assert (result.kind, result.entry_id) == ("answer", "tech.heat_planting")


# two clauses that both ask, answered from the second: the villager is asked which was meant (the first clause's
# answer is the other); since round 54 the first clause's answer is the answer when an intent or a tree's field answers
# it alone (a careful person answers the first part first: set AS's two-part questions), the model may still offer another
TWO_ASKS = [
    ("我怎么登记种的树，登记完有证书吗", "bot.log_planting"),
    ("怎么登记种的树 登记完有没有奖", "bot.log_planting"),
    ("树苗去哪里领 领了几时要种完", "camp.seedlings"),
    ("柿子几年结果 摘下来涩怎么办", "species.柿.fruit"),
    ("柿子几时种 怎么脱涩", "species.柿.time"),
]

# controls: one question, or two topics of one tree (answered together or as the same tree's field)
ONE_ANSWER = [
    ("你好 请问荔枝几时种", "species.荔枝.time"),
    ("桂花几年开花 要施什么肥", "species.桂花.fertilizer"),
    ("我想问一下 龙眼种多深", "tech.planting_depth"),
]


@pytest.mark.parametrize(("question", "first"), TWO_ASKS)
def test_two_asks_answered_from_the_second_ask_which(index, question, first):
    result = index.match(question)
    assert result.kind == "answer" and (result.other is not None or result.reason == "first_part")
    assert first in (result.entry_id, result.other.entry_id if result.other else None)


@pytest.mark.parametrize(("question", "entry"), ONE_ANSWER)
def test_one_question_is_answered_without_asking(index, question, entry):
    result = index.match(question)
    assert (result.kind, result.entry_id, result.other) == ("answer", entry, None)


# felling asked after a fear told in its own clause ('怕台风倒 … 能不能砍掉'): the fear ends at the pause, the felling
# rule's person (not the tree's pruning)
FELLING_AFTER_A_FEAR = [
    "门口的老樟树好大 台风时怕压到屋 能不能砍掉",
    "屋边那棵榕树好高 怕台风倒 可以砍掉吗",
    "门口的木棉太高了 怕打风倒 想砍掉",
    "屋后那棵香樟好大 担心压到房子 可不可以砍了",
    "那棵龙眼树太大挡住阳光 能不能整棵砍掉",
]

# controls: branches cut, and a fear of felling by others, are no felling
NOT_FELLING = [
    ("荔枝树枝太密 砍掉一些可以吗", "answer"),
    ("种在电线下面的树以后会不会被供电局砍掉", "answer"),
]


@pytest.mark.parametrize("question", FELLING_AFTER_A_FEAR)
def test_felling_asked_after_a_fear_goes_to_a_person(index, question):
    result = index.match(question)
    assert (result.kind, result.reason) == ("escalate", "felling")


@pytest.mark.parametrize(("question", "kind"), NOT_FELLING)
def test_branches_cut_are_no_felling(index, question, kind):
    assert index.match(question).kind == kind


# a party member (or a household) telling who they are or what they planted, asking something else: the party fee
# is the campaign's funds, how many planted and whether it is enough is the progress
PARTY_ASKS_ELSE = [
    ("党费可以拿来买树苗吗", "camp.funding"),
    ("党员种树能不能用党费", "camp.funding"),
    ("我种了一棵龙眼 还差几棵", "bot.progress"),  # round 48: progress once AL-AO joined the precedents
    ("我差几棵就够数", "bot.progress"),
    ("我家种了三棵 够不够", "bot.progress"),
    pytest.param(
        "我是党员 种了两棵 够了吗",
        "bot.progress",
        marks=pytest.mark.xfail(reason="three close precedents agree on the party members' quota", strict=True),
    ),
]

# controls: the quota asked
QUOTA = [
    ("党员要种几棵", "camp.quota_party"),
    ("我是党员 要种几棵", "camp.quota_party"),
    ("每户要种几棵", "camp.quota_household"),
]


@pytest.mark.parametrize(("question", "entry"), PARTY_ASKS_ELSE)
def test_who_asks_is_not_what_is_asked(index, question, entry):
    result = index.match(question)
    assert result.kind == "answer" and entry in (result.entry_id, result.other and result.other.entry_id)


@pytest.mark.parametrize(("question", "entry"), QUOTA)
def test_the_quota_asked_keeps_its_answer(index, question, entry):
    result = index.match(question)
    assert (result.kind, result.entry_id) == ("answer", entry)
