"""FAQ round 49 (issue 17 §1, §3): set AP's misses by class, each class first asked in words of our own.

Safety first (tests/data/faq_rule_checks_49.tsv, 25 questions written before any change, none from a set): a person
hurt or at risk now gets its rule's safety line first and the first aid entry, as the answer or under the ticket's
number (safety.toml ``first_aid``, ``first_aid_by``, ``person``): 17/25 lines and 7/25 first aids on unchanged code
(c. 108cb82) → 25/25, 25/25. docs/faq.md, round 49."""

from pathlib import Path

import pytest

from bot import faq

ROOT = Path(__file__).resolve().parents[2]
CHECKS = ROOT / "tests" / "data" / "faq_rule_checks_49.tsv"
CHECKS_B = ROOT / "tests" / "data" / "faq_rule_checks_49b.tsv"  # the lead's, after AQ's end figure


def _checks() -> list[tuple[str, str, str]]:
    lines = [*CHECKS.read_text(encoding="utf-8").splitlines(), *CHECKS_B.read_text(encoding="utf-8").splitlines()]
    rows = [line.split("\t") for line in lines]
    return [(r[0], r[1], r[2]) for r in rows if r[0] and not r[0].startswith("#")]


def _aid_given(index: faq.FaqIndex, result: faq.FaqResult, aid: str) -> bool:
    if result.kind == "answer":
        return result.entry_id == aid
    entry = index.entry(aid)
    return (
        result.kind == "escalate"
        and result.note_entry == aid
        and entry is not None
        and entry.answer in result.answer_text
    )


@pytest.mark.parametrize(("question", "aid", "rule"), _checks())
def test_a_person_hurt_or_at_risk_gets_the_line_and_the_first_aid(index, question, aid, rule):
    result = index.match(question)
    # round 79: the rule's line for this question (a wasp sting's, not a snake bite's: ``line_by``)
    line = next(r.line_for(index._fixed(question)) for r in index.safety if r.name == rule)
    assert result.safety.startswith("⚠ 安全第一") and line in result.safety, (question, result.safety)
    assert _aid_given(index, result, aid), (question, faq.result_label(result), result.reason, result.note_entry)


@pytest.mark.parametrize(
    ("question", "aid"),
    [
        ("有个工人被锯伤了手 流血", "tech.injury_first_aid"),  # an injury beside a fallen branch: the person's first
        ("打风吹倒的树砸到阿伯 流好多血", "tech.injury_first_aid"),
        ("台风吹倒棵大树压住我家屋顶", "tech.typhoon"),  # no person hurt: the typhoon's aftermath
        ("被马蜂蜇了好几口 头好晕", "tech.wasps"),  # a sting, not a snake bite, nor heatstroke
    ],
)
def test_the_person_s_first_aid_comes_before_the_tree_s(index, question, aid):
    result = index.match(question)
    assert _aid_given(index, result, aid), (question, faq.result_label(result), result.note_entry)


@pytest.mark.parametrize(
    "question",
    [
        "龙眼被人用刀砍伤了树皮 点算",  # a tree hurt by someone: no person's injury
        "树苗被锄头铲伤了还能活吗",  # the seedling hurt
        "祠堂边那棵大树斜斜的 随时会倒",  # a hazard tree said without wind: no typhoon first aid
        "台风前要把树绑在墙上吗",  # prevention: answered, no ticket
        "大热天种树怎样防中暑",  # prevention: answered
        "芒果树的汁会不会令人过敏",  # a fear, no rash
    ],
)
def test_controls_stay_as_they_were(index, question):
    result = index.match(question)
    assert result.note_entry not in ("tech.injury_first_aid", "tech.typhoon"), (question, result)
    if "会不会" in question or "防" in question or "绑" in question:
        assert result.kind == "answer", (question, result)


def test_a_ticket_carrying_the_expected_answer_is_reported_apart_never_right(index):
    # round 116: a cut's first aid is answered, no ticket; a subsidy's rule still goes under the ticket's number
    (row,) = faq.evaluate(index, [faq.EvalCase("种树有没有补贴", "camp.subsidy")])
    assert row.ticket_with_answer and not row.right and not row.confident_wrong
    assert faq.scores([row]).ticket_with_answer == 1


# -- the campaign's basic questions (issue 17 §2), in words of our own; AP's own phrasings are not here


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("啥叫做主题林", "camp.zhutilin"),  # 叫做主题林 is no 做主 (the land rule's who decides)
        ("主题林系乜嘢来嘅", "camp.zhutilin"),
        ("清单里面有没有桂花和香樟", "camp.species_list"),  # the list asked after, two trees named: no comparison
        ("名单上有杨梅吗", "camp.species_list"),
        ("活动名单包不包括木棉", "camp.species_list"),
        ("需要自己带饭吗", "camp.local_arrangements"),  # what to bring on the day
        ("种树那日喺边度集中", "camp.local_arrangements"),
        ("植树任务最迟几时截止", "camp.planting_done"),
        ("种好树点样报上去", "bot.log_planting"),
    ],
)
def test_the_campaign_s_basic_questions_in_other_words(index, question, expected):
    assert faq.result_label(index.match(question)) == expected


@pytest.mark.parametrize(
    ("question", "reason", "note_entry"),
    [
        # a subsidy asked in general: the village, the plan's rule under the number
        ("国家补多少钱一棵", "subsidy", "camp.subsidy"),
        ("种树有没有扶持政策", "subsidy", "camp.subsidy"),
        # round 61: public land's fruit asked in general is answered by camp.fruit_picking (tests/unit/test_faq_round61.py);
        # one's own tree planted there keeps the ticket with the answer under the number
        ("我在学校门口种的杨梅结果了 归谁", "fruit_owner", "camp.fruit_picking"),
        ("我的补贴还没发", "money", None),  # one's own money: a person, no rule's answer
    ],
)
def test_money_and_public_fruit_go_to_the_village_with_the_answer_under_the_number(index, question, reason, note_entry):
    result = index.match(question)
    assert (result.kind, result.reason, result.note_entry) == ("escalate", reason, note_entry)


@pytest.mark.xfail(
    strict=True,
    reason="round 51's merge: with AQ in the precedents and forestry.toml read, the retrained model sends a roadside "
    "tree's fruit back to the village's ticket with camp.fruit_picking's answer under the number (round 48's behaviour); "
    "round 53: fruit_owner is in [precedents] agreed_never, neither the precedents nor the model answer it",
)
def test_public_fruit_the_closest_precedents_answer_is_answered(index):
    """Round 51: AQ joined the precedents and labels a roadside tree's fruit asked in general camp.fruit_picking ('路边的□□
    熟晒摘来吃行不行', 0.74 close): the rule's entry, seconded, is the answer (its text says the village decides)."""
    result = index.match("公路边嘅荔枝摘嚟食得唔得")
    assert (result.kind, result.entry_id, result.reason) == ("answer", "camp.fruit_picking", "precedents")


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("这块山地边个话事做主", "escalate"),  # who decides on land stays the land rule's
        ("荔枝和龙眼哪个好", "escalate"),  # two trees compared stay a comparison
        ("名单上没有的树能种吗", "camp.exotic"),
        ("运苗要带水吗", "tech.transport"),  # water for the seedlings, not what to bring on the day
    ],
)
def test_controls_of_the_basic_questions(index, question, expected):
    assert faq.result_label(index.match(question)) == expected


@pytest.mark.parametrize("question", ["松树底下长的菌能不能吃", "后山的野菇可以摘来吃吗"])
def test_a_wild_mushroom_is_no_tree_s_fruit(index, question):
    """camp.fruit_picking says which fruit and flowers may be eaten; a mushroom it never covers (wild ones kill in
    Guangdong every year): never that answer."""
    assert index.match(question).entry_id != "camp.fruit_picking"
