"""FAQ round 48 (issue 17 §1). Sets AL-AO joined the precedents; guards for pins the new precedents moved. Phrasings
written for this round, not taken from any set. README, FAQ round 48."""

from pathlib import Path

import pytest

from bot import config as config_mod
from bot import faq
from bot.config import _thaw

ROOT = Path(__file__).resolve().parents[2]
CONFIG = _thaw(config_mod.load(ROOT / "config.toml", env={}).data)


@pytest.fixture(scope="module")
def index():
    return faq.FaqIndex.load(ROOT / "messages", CONFIG["campaign"], CONFIG["faq"]["confidence_threshold"])


# a general technique ranked for a question naming a tree, the model reading that tree's own field by own_field
# (under short_lead): the tree's field (the lychee's fruiting is no grafted seedling)
def test_the_named_trees_own_field_over_a_ranked_technique():
    trees = [("荔枝", "荔枝")]
    assert faq._own_field("ranked_with_species", "species.荔枝.fruit", trees)
    assert not faq._own_field("ranked_with_species", "species.龙眼.fruit", trees)  # another tree
    assert not faq._own_field("species_topic", "species.荔枝.fruit", trees)  # the rules' own field
    assert not faq._own_field("ranked_with_species", "tech.grafted", trees)


def test_two_asks_naming_a_tree_get_its_field_not_a_general_technique(index):
    result = index.match("荔枝抗台风吗，几年结果")
    assert result.entry_id == "species.荔枝.fruit"


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
@pytest.mark.parametrize("question", ["种树的苗钱要我们自己出吗", "苗钱要不要我们自己掏"])
def test_who_pays_for_the_seedlings_is_where_the_money_comes_from(index, question):
    assert index.match(question).entry_id == "camp.funding"
