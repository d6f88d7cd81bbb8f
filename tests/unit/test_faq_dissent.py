"""Round 35 (issue 17 §1): an answer the model, reading the whole question, gives to another label goes to a person
(bot/faq.py FaqIndex._dissented; ``[model] dissent``, ``dissent_story``, ``dissent_never`` in matching.toml). The
model is replaced by one that reads what each test says, so that these fail if the check breaks, not when the
model is retrained; the last tests read the trained model."""

from dataclasses import replace
from pathlib import Path

import pytest

from bot import faq
from bot.kept import Kept

ROOT = Path(__file__).resolve().parents[2]
MESSAGES = ROOT / "messages"


class Reads:
    """A model that reads every question as ``label`` by ``lead``."""

    def __init__(self, label: str, lead: float):
        self.label, self.lead = label, lead

    def predict(self, text: str) -> tuple[str, float]:
        return self.label, self.lead


def reading(index, label, lead):
    """The same index with its model reading every question as ``label`` by ``lead``."""
    other = faq.FaqIndex.__new__(faq.FaqIndex)
    other.__dict__.update(index.__dict__)
    other.precedents = replace(index.precedents, model=Reads(label, lead))
    other._trees_kept = Kept(1024)
    return other


# a tree's field its topic word named, 12 characters or more, no story: the model's other reading decides
LOWLAND = "我哋屋门口地势低 种龙眼会唔会俾水浸死"
# a technique intent's words (held: the model never sends it to a person by itself, ``[model] held``)
WEEDS = "带学生去学校后山给树除草 要注意啲咩"


def test_the_rules_answer_when_the_model_reads_it_so(index):
    assert index.match(LOWLAND).entry_id == "species.龙眼.water"
    assert reading(index, "species.*.water", 2.0).match(LOWLAND).entry_id == "species.龙眼.water"
    assert index.match(WEEDS).entry_id == "tech.weeds"


def test_another_reading_by_the_lead_sends_the_answer_to_a_person(index):
    result = reading(index, "tech.waterlogging", 0.7).match(LOWLAND)
    assert (result.kind, result.reason) == ("escalate", "dissent")
    assert result.candidate is not None and result.candidate.entry_id == "species.龙眼.water"  # kept for the adviser
    result = reading(index, "escalate", 0.7).match(WEEDS)
    assert (result.kind, result.reason) == ("escalate", "dissent")
    assert result.candidate is not None and result.candidate.entry_id == "tech.weeds"


def test_a_reading_by_less_than_the_lead_leaves_the_answer(index):
    assert reading(index, "tech.waterlogging", 0.5).match(LOWLAND).entry_id == "species.龙眼.water"
    assert reading(index, "escalate", 0.4).match(WEEDS).entry_id == "tech.weeds"


def test_in_a_story_a_smaller_lead_is_enough(index):
    story = "我们是学校 想带学生每个礼拜去给树除草 要注意什么"  # 20 characters or more (``[model] story``)
    assert index.match(story).entry_id == "tech.weeds"
    result = reading(index, "escalate", 0.4).match(story)
    assert (result.kind, result.reason) == ("escalate", "dissent")


def test_a_general_entry_standing_for_the_trees_field_is_the_same_reading(index):
    """``species_answer.general_entries``: tech.watering_after is the tree's water, not another answer."""
    question = "荔枝苗种落去之后要隔几多日淋一次水"
    assert index.match(question).entry_id == "species.荔枝.water"
    assert reading(index, "tech.watering_after", 2.0).match(question).entry_id == "species.荔枝.water"


def test_a_short_question_is_not_read_over(index):
    """Under ``[model] short`` characters the model reads too little ('桂花树穴挖多大' is the tree's spacing)."""
    assert reading(index, "tech.hole_size", 2.0).match("龙眼会唔会俾水浸死").entry_id == "species.龙眼.water"


def test_a_campaign_facts_intent_is_never_read_over(index):
    question = "党建林最迟几时要种好"
    assert index.match(question).entry_id == "camp.deadlines"
    assert reading(index, "camp.planting_done", 3.0).match(question).entry_id == "camp.deadlines"
    assert reading(index, "escalate", 3.0).match(question).entry_id == "camp.deadlines"


def test_the_accounts_own_use_is_never_read_over_under_a_story(index):
    """The account's own steps (bot.*) asked in fewer than ``story`` characters: the model read planting for logging."""
    question = "上报种树具体怎么操作 一步步说下"
    assert index.match(question).entry_id == "bot.log_planting"
    assert reading(index, "tech.planting_steps", 3.0).match(question).entry_id == "bot.log_planting"


def test_a_campaign_facts_intent_is_read_over_in_a_story(index):
    """Under ``[model] story`` characters a campaign fact's intent is its point; a story the model reads whole."""
    short = "我屋企今年一共要种几多棵树"
    assert reading(index, "escalate", 0.7).match(short).entry_id == "camp.quota_household"
    # round 80: the go-between's words ('阿爸叫我问一下') are no longer part of the question, so no story by themselves
    story = "听讲今年个个村都要种树 我哋屋企一共要种几多棵树先够数"
    assert index.match(story).entry_id == "camp.quota_household"
    assert reading(index, "escalate", 0.4).match(story).reason == "dissent"


def test_a_label_it_cannot_give_here_leaves_the_answer(index):
    """A field of a tree off the list: there is no species answer to read instead of the off-list care entry."""
    question = "想喺屋后种几棵番石榴 要点样种先好"
    assert index.match(question).entry_id == "tech.offlist_care"
    assert reading(index, "species.*.card", 3.0).match(question).entry_id == "tech.offlist_care"


def test_a_recommendation_and_a_public_matter_are_never_read_over(index):
    """``dissent_never``: which trees is asked, the model reads the place's words; a recommendation read as a
    person goes to one already (``[model] kept_lead``), never read as another answer."""
    question = "我哋村口河边想种一排树 种咩树好"
    assert index.match(question).entry_id == "recommend.河边"
    assert reading(index, "camp.about", 3.0).match(question).entry_id == "recommend.河边"
    pines = "后山啲松树一片一片变红死晒 系咪线虫病"  # before_rules: the pine wilt report
    assert reading(index, "escalate", 3.0).match(pines).entry_id == "tech.pine_wilt"


@pytest.mark.xfail(strict=True, reason="round 95, AT-BS in the precedents (regression): answer -> escalate")
def test_beside_a_safety_line_what_happened_goes_to_a_person_the_line_first(index):
    # round 49: 横在 now says it happened (the rule's own person); here the tree lies beside the road
    question = "台风吹倒的树斜在村道边 车过唔到"
    assert index.match(question).kind == "answer"
    result = reading(index, "escalate", 0.7).match(question)
    assert (result.kind, result.reason) == ("escalate", "dissent")
    assert result.safety.startswith("⚠")


def test_first_aid_asked_beside_a_safety_line_is_still_answered(index):
    """The rule's ``unless`` words (how to avoid it, first aid asked: round 32) made it an answer."""
    question = "上山种树被黄蜂蜇咗两下 要点样处理先好"
    result = reading(index, "escalate", 3.0).match(question)
    assert (result.kind, result.entry_id) == ("answer", "tech.wasps")
    assert result.safety.startswith("⚠")


@pytest.mark.parametrize(
    "question",
    [
        # round 51: '用龙眼核种出来的树 结的果跟原来的一样好吗' (a stone's seedling) was here; tech.grafted's intent
        # answers it now, as the sets label it (tests/unit/test_faq_round51_knowledge.py)
        "我屋前面有块低洼地 种荔枝会不会被水浸死",  # the low ground, more than the tree's water
    ],
)
def test_the_trained_model_sends_these_answers_to_a_person(index, question):
    """Each was answered by its tree's field before round 35 (a confident wrong); the trained model reads another."""
    assert index.match(question).reason == "dissent"


def test_the_trained_model_reads_the_flowering_asked(index):
    """Round 35 sent it to a person (the rules read where it grows); since sets AC-AF are precedents (round 36) the
    model reads its flowering, the answer asked for."""
    assert index.match("屋门口那棵紫荆花 是一年开一次还是开好几次啊").entry_id == "species.洋紫荆.flowering"


@pytest.mark.xfail(
    strict=True,
    reason="round 51: AQ joined the precedents, the closest is now the window's ('现在是不是种树的好时候', 0.54); the question is "
    "the late-season intent's since (a month past the window), no longer the witness's",
)
def test_a_close_precedents_answer_is_not_switched_for_the_models(index):
    """``[model] witness`` (round 36) over another answer: '七月了还是种树的好时候吗' is late planting, as a precedent 0.4
    close says; the trained model read the window by 0.001."""
    question = "七月了还是种树的好时候吗"
    assert index.match(question).entry_id == "tech.late_season"
    assert reading(index, "camp.window", 3.0).match(question).entry_id == "tech.late_season"
    unwitnessed = reading(index, "camp.window", 3.0)
    unwitnessed._model_witness = 9.0
    assert unwitnessed.match(question).entry_id == "camp.window"


def test_a_short_questions_answer_a_close_precedent_gives_is_kept(index):
    """``[model] witness`` (round 36): under ``story`` characters, an answer one of the closest precedents gives (at
    least that close) is neither switched nor sent to a person by the model ('营养袋苗种之前要不要剪枝' is pruning before
    planting, as a precedent 0.6 close says; the trained model read the container seedling by 0.62)."""
    question = "营养袋苗种之前要不要剪枝"
    assert index.match(question).entry_id == "tech.transplant_pruning"
    for label in ("tech.container_seedling", "escalate"):
        assert reading(index, label, 3.0).match(question).entry_id == "tech.transplant_pruning"
    unwitnessed = reading(index, "tech.container_seedling", 3.0)
    unwitnessed._model_witness = 9.0
    assert unwitnessed.match(question).entry_id == "tech.container_seedling"
    unwitnessed = reading(index, "escalate", 3.0)
    unwitnessed._model_witness = 9.0
    assert unwitnessed.match(question).reason == "dissent"


def test_the_model_and_the_closest_precedent_reading_another_label_decide(index):
    """``[model] twice`` (round 36): the model reads another label by that lead, the closest precedent carries it, and
    none of the three closest gives the rules' answer: their label stands ('种了李子以后卖去哪里' is where to sell the
    fruit, not where the plum grows). Round 58: the rules read it themselves (camp.fruit_market's intent: one's fruit
    sold where); the mechanism is read here on the rules without that intent, whose answer was the plum's sites."""
    question = "种了李子以后卖去哪里"
    assert index.match(question).entry_id == "camp.fruit_market"
    index = index.copy()
    index._intents = [intent for intent in index._intents if intent.entry != "camp.fruit_market"]
    assert reading(index, "camp.fruit_market", 3.0).match(question).entry_id == "camp.fruit_market"
    assert reading(index, "camp.fruit_market", 0.5).match(question).entry_id == "species.李.sites"  # too small a lead
    assert reading(index, "camp.about", 3.0).match(question).entry_id == "species.李.sites"  # no precedent says so


def test_two_readings_never_decide_a_short_question_or_a_campaign_fact(index):
    """Under ``twice_short`` characters the rules' answer stays, and a campaign fact's intent under ``story``
    characters, as for ``_dissented`` ('党建林最迟几时要种好' is 2月底)."""
    assert reading(index, "camp.planting_done", 3.0).match("主题林几号前要种完").entry_id == "camp.deadlines"
    assert reading(index, "camp.planting_done", 3.0).match("党建林最迟几时要种好").entry_id == "camp.deadlines"
