"""FAQ round 48 (issue 17 §1: abstain where the matcher is unsure). Sets AL-AO joined the precedents; on AI-AL, each
read by a model that had not seen it, the confident wrong answers were studied against the right ones for a signal
that tells them apart. One did: the rules answer one field (or the card) of a tree and the model reads another of the
same tree; the villager is now asked which was meant (``[model] ask_field``, ``faq._another_field``). Guards for pins
the new precedents moved. Phrasings written for this round, not taken from any set. docs/faq.md and README, round 48."""

import pytest

from bot import faq


def _offered(result) -> tuple[str, str | None]:
    return faq.result_label(result), faq.result_label(result.other) if result.other is not None else None


# the rules answer a field of the tree (where it grows, its fertiliser), the model reads its card or another field
# by ask_field or more: asked which, both offered (they were answered from the rules' field). Round 93: by answer_field
# (1.0) or more, as each of these now, the model's field answers, not asked (tests/unit/test_faq_round93.py pins a
# question still asked under that lead)
ANOTHER_FIELD = [
    ("龙眼栽在屋子后面行吗", "species.龙眼.sites", "species.龙眼.card"),
    ("香樟种在家门口行不行", "species.香樟.sites", "species.香樟.card"),
    ("李子种在屋后得不得", "species.李.sites", "species.李.card"),
    ("大叶紫薇一年开几次", "species.大叶紫薇.fertilizer", "species.大叶紫薇.flowering"),
    ("小叶榄仁一年开几次", "species.小叶榄仁.fertilizer", "species.小叶榄仁.flowering"),
]

# controls: the model reads the same field, or another by less than ask_field (a near tie): the rules' field answers
SAME_FIELD = [
    ("杨梅种在大门口合适吗", "species.杨梅.sites"),
    ("桂花一年开几回花", "species.桂花.flowering"),
    # a near tie (the model's lead for the same field 0.07 since AP joined the precedents); round 49 dropped
    # '秋枫种喺门前得唔得', a threshold-edge pin each retraining moved either side of ask_field (0.44 for the card now)
    pytest.param(
        "石榴栽在门前可不可以",
        "species.石榴.sites",
        marks=pytest.mark.xfail(
            strict=True,
            reason="round 102, BT-BY in the precedents (changed): species.石榴.sites, now species.石榴.card offered second",
        ),
    ),
]


@pytest.mark.parametrize(("question", "rules", "model"), ANOTHER_FIELD)
def test_another_field_of_the_same_tree_read_by_the_model_clearly_is_the_answer(index, question, rules, model):
    assert _offered(index.match(question)) == (model, None)


@pytest.mark.parametrize(("question", "entry"), SAME_FIELD)
def test_the_same_field_or_a_near_tie_keeps_the_rules_answer(index, question, entry):
    assert _offered(index.match(question)) == (entry, None)


def test_two_recommendation_lists_are_still_not_asked_back(index):
    # a place's list with and without its purpose: the rules were right 12 times of 13 on AI-AL (round 43's ask_never)
    result = index.match("院子小 想种棵果树 种什么好")
    assert result.entry_id == "recommend.庭院+吃果+small" and result.other is None


def test_another_field_is_two_fields_of_one_tree_by_the_lead_asked():
    assert faq._another_field("species.桂花.sites", "species.桂花.card", 0.3, 0.3)
    assert faq._another_field("species.桂花.fertilizer", "species.桂花.flowering", 2.0, 0.3)
    assert not faq._another_field("species.桂花.sites", "species.桂花.card", 0.29, 0.3)  # a near tie
    assert not faq._another_field("species.桂花.sites", "species.龙眼.sites", 2.0, 0.3)  # another tree: _other_enough
    assert not faq._another_field("species.桂花.sites", "species.桂花.sites", 2.0, 0.3)  # the same field
    assert not faq._another_field("recommend.庭院", "recommend.庭院+small", 2.0, 0.3)  # two lists
    assert not faq._another_field("tech.spacing_general", "species.桂花.spacing", 2.0, 0.3)


def test_the_thresholds_are_the_matching_settings(index):
    # round 61: own_field 0.25 (the retrained model led the pinned question below by 0.26); round 64: 0.24 (by 0.244)
    assert index._model_ask_field == 0.3 and index._model_own_field == 0.24


# a general technique ranked for a question naming a tree, the model reading that tree's own field by own_field
# (under short_lead): the tree's field (the lychee's fruiting is no grafted seedling)
def test_the_named_trees_own_field_over_a_ranked_technique():
    trees = [("荔枝", "荔枝")]
    assert faq._own_field("ranked_with_species", "species.荔枝.fruit", trees)
    assert not faq._own_field("ranked_with_species", "species.龙眼.fruit", trees)  # another tree
    assert not faq._own_field("species_topic", "species.荔枝.fruit", trees)  # the rules' own field
    assert not faq._own_field("ranked_with_species", "tech.grafted", trees)


# round 56 made this a strict xfail (the retrained model asked back with tech.grafted first); round 58: retrained with set
# O's recommendation labels read as the lists they name ([recommend.label_aliases]), the fruit field is first again
@pytest.mark.xfail(
    strict=True,
    reason="round 95, AT-BS in the precedents (regression): species.荔枝.fruit -> tech.grafted (round 97: ranked_with_species, the model's fruit field leads by 0.20 only)",
)
def test_two_asks_naming_a_tree_get_its_field_not_a_general_technique(index):
    result = index.match("荔枝抗台风吗，几年结果")
    assert result.entry_id == "species.荔枝.fruit"


def test_two_asks_naming_a_tree_offer_its_field(index):
    result = index.match("荔枝抗台风吗，几年结果")
    assert "species.荔枝.fruit" in (result.entry_id, faq.result_label(result.other) if result.other else None)


# something left that nobody clears away: for the village, not the entry three precedents on its words agree on
NOBODY_CLEARS = [
    "党建林旁边堆满了建筑垃圾没人清",
    "村口堆满建筑垃圾好久没人清理",
    "主题林门口倒了一堆垃圾 冇人清",
]


@pytest.mark.parametrize("question", NOBODY_CLEARS)
def test_what_nobody_clears_away_goes_to_a_person(index, question):
    assert index.match(question).kind == "escalate"


# controls: a tree nobody looks after is the care after planting (prunings left lying are the prunings' entry: the
# guard is for a question the rules sent to a person)
def test_trees_nobody_looks_after_are_the_care_after_planting(index):
    assert index.match("种了树没人管会不会死光").entry_id == "camp.care"


# a reply that never came, complained of (the complaint class): a person, not how long replies take
NO_REPLY = [
    "上个礼拜问的问题一直没人回",
    "上个月问的事到现在还是没人回",
    "问了好几天了一直冇人回我",
]


@pytest.mark.parametrize("question", NO_REPLY)
def test_a_reply_that_never_came_complained_of_goes_to_a_person(index, question):
    result = index.match(question)
    assert (result.kind, result.reason) == ("escalate", "complaint")


# controls: how long replies take, asked, is bot.ticket_wait
@pytest.mark.parametrize("question", ["我问的问题怎么还没人回", "问了专家多久有回复"])
def test_a_wait_asked_about_is_how_long_replies_take(index, question):
    assert index.match(question).entry_id == "bot.ticket_wait"


# pins the new precedents changed, each kept as better: whether the households pay for the seedlings is where the
# money comes from (camp.funding: 五个一点, and the village's party branch to ask), as AL-AO's writers label it
# (or, as before round 48, a person by the money rule: '种树的苗钱要我们自己出吗' sits near the model's lead and went back
# to the rule's person with conversation round 48's normalisation; never another entry)
@pytest.mark.parametrize("question", ["种树的苗钱要我们自己出吗", "苗钱要不要我们自己掏"])
def test_who_pays_for_the_seedlings_is_where_the_money_comes_from(index, question):
    result = index.match(question)
    assert result.entry_id == "camp.funding" or (result.kind, result.reason) == ("escalate", "money")


# a short question the model answers, its words said by the close precedents that give the same answer though not by
# the entry's own phrasings: answered (the reminders switched off with 取消 and 推送, which bot.unsubscribe never says;
# once AL-AO joined, a '取消' precedent of bot.cancel stopped three precedents agreeing)
@pytest.mark.parametrize("question", ["麻烦取消推送", "唔该取消咗啲推送", "推送帮我取消"])
def test_words_the_close_precedents_of_the_answer_say_are_explained(index, question):
    assert index.match(question).entry_id == "bot.unsubscribe"


# controls: words no close precedent of the answer says still stop it (round 82: a phone bill is now an off-topic
# errand by its intent, the rules' bot.off_topic; what is checked is that the model's answer never passes)
@pytest.mark.parametrize("question", ["手机话费怎么交"])
def test_words_nothing_explains_still_stop_a_short_answer(index, question):
    result = index.match(question)
    assert result.kind == "escalate" or (result.entry_id, result.reason) == ("bot.off_topic", "intent")
