"""FAQ round 76 (set BH's confident-wrong side, each fixed as a class and checked first on the helper's own phrasings,
tests/data/faq_rule_checks_76.tsv, written before each change: 17/43 then, 43/43 now). docs: README, FAQ round 76.

1. the right warning for each kind of danger: someone fainted with heat's signs (面红、身烫、一身大汗) and no wound is
   heat_illness's line and first aid, not an injury's; an insect fallen onto someone (毛虫跌落颈度 好痛) is its sting
   (caterpillar), not a person hurt; a caterpillar handled and the skin gone red is its sting too; a person and an
   animal who both ate seeds is ate_plant's line and ticket; a slope slippery a few words on (坡好斜落过雨好滑) is the
   slippery path's, whose entry answers over a question read as off the topic;
2. how not to fall (点样唔跌亲, 防止人滑倒) is tech.fall_safety before the rules and the model (not the slope's planting),
   an old or unwell person in the heat (六十几岁大热天) tech.heatstroke (not planting in the heat);
3. a promise not kept or a share unequal (说可以换 又说没有, 只得一棵有积分, 别人领晒我一棵都冇) is a complaint for a person,
   not the points' rules; a binding that fails or no mainland ID card (绑唔到, 冇身份证, 香港身份证) the account's.
"""

from pathlib import Path

import pytest

from bot import config as config_mod
from bot import faq
from bot.config import _thaw
from tests.faq_helpers import fired_rules, safety_checks, safety_rule

ROOT = Path(__file__).resolve().parents[2]
CHECKS = ROOT / "tests" / "data" / "faq_rule_checks_76.tsv"
# own checks left, strict, with why
LEFT = {
    "山坡好斜 露水重又滑 老人家点上去": "round 95, AT-BS in the precedents (changed): tech.fall_safety (safety_entry) -> escalate (dissent)"
}


@pytest.mark.parametrize(("question", "expected", "_cls", "rules"), safety_checks(CHECKS, LEFT))
def test_own_checks(index, question, expected, _cls, rules):
    """The label ('*': any, '!label': any but that), and the safety rules whose line must open the reply ('!name': must
    not)."""
    got = faq.result_label(index.match(question))
    if expected.startswith("!"):
        assert got != expected[1:]
    elif expected != "*":
        assert got == expected
    fired = fired_rules(index, question)
    for rule in [] if rules == "-" else rules.split(","):
        if rule.startswith("!"):
            assert rule[1:] not in fired, fired
        else:
            assert rule in fired, fired


def _said(result) -> str:
    """The reply's text: its safety lines (kept apart for a ticket) and the answer or the first aid under the number."""
    return f"{result.safety or ''}\n{result.answer_text}"


def test_a_faint_with_heats_signs_gets_heatstrokes_line_and_first_aid(index):
    result = index.match("我阿爸种树种到一半晕咗 身好烫")
    assert result.kind == "escalate" and result.note_entry == "tech.heatstroke", result
    assert safety_rule(index, "heat_illness").line in _said(result)
    assert safety_rule(index, "person_hurt").line not in _said(result)


def test_a_faint_after_a_fall_or_with_blood_stays_an_injury(index):
    # round 116 (issue 17 §1): the first aid is the answer, no ticket (the blind sets BZ-CL label it so); a face red as
    # well is the heat's too: two dangers, the ticket stays, the injury's first aid under its number
    for question, kind in (("阿婆跌倒之后晕咗 面好红", "escalate"), ("有人晕倒 额头流血", "answer")):
        result = index.match(question)
        assert result.kind == kind, question
        assert "tech.injury_first_aid" in (result.entry_id, result.note_entry), question
        assert safety_rule(index, "person_hurt").line in _said(result), question


def test_an_insect_fallen_on_someone_is_its_sting_answered_without_a_ticket(index):
    result = index.match("剪龙眼枝嗰阵有条毛毛虫跌落手臂 又痛又痕")
    assert faq.result_label(result) == "tech.caterpillar_sting", result
    assert safety_rule(index, "caterpillar").line in _said(result)
    assert safety_rule(index, "person_hurt").line not in _said(result)


def test_a_person_who_ate_beside_an_animal_gets_the_line_and_the_first_aid(index):
    result = index.match("只鸡同个孙都食咗啲红果 个孙呕咗")
    # round 116 (issue 17 §1): the first aid is the answer, no ticket (the blind sets BZ-CL label it so)
    assert result.kind == "answer" and result.entry_id == "tech.poison_first_aid", result
    assert safety_rule(index, "ate_plant").line in _said(result)


def test_an_animal_alone_that_ate_gets_no_first_aid_line(index):
    assert "ate_plant" not in fired_rules(index, "啲鸭食咗树籽之后呕")


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # the slope's planting stays the slope's; a seedling or fruit that falls is no person
        ("山坡种树要注意啲咩", "tech.slope"),
        ("斜坡种树怎么防水土流失", "tech.slope"),
        # the seedling in the heat stays the seedling's
        ("大热天种树 苗会唔会晒死", "tech.heat_planting"),
        # points' rules asked calmly stay the points' answer
        ("种树积分可以换啲咩", "camp.points_rewards"),
        ("种一棵树有几多积分", "camp.points_rewards"),
        # binding asked calmly stays the bot's own use
        ("点样绑定", "bot.register"),
    ],
)
def test_the_siblings_keep_their_answers(index, question, expected):
    assert faq.result_label(index.match(question)) == expected


@pytest.mark.parametrize(
    "question",
    ["积分话可以换油 去到村委又话冇", "点解隔篱种嘅有积分 我嘅冇", "外公冇身份证 点样绑定", "我系台湾证件 绑唔到 点算"],
)
def test_a_promise_not_kept_or_an_account_stuck_goes_to_a_person(index, question):
    result = index.match(question)
    assert result.kind == "escalate" and result.reason in ("complaint", "dispute", "account"), result


@pytest.mark.xfail(
    strict=True, reason="round 95, AT-BS in the precedents (same): escalate (not_covered) -> escalate (low_confidence)"
)
def test_an_entry_about_one_thing_needs_its_word_said(index):
    """``[answer_needs]``: the yellow leaves' causes need 黄, livestock a farm animal; else a person answers."""
    for question in ("果树开花唔坐果一般系咩原因", "只猫成日抓树皮会唔会伤树"):
        result = index.match(question)
        assert result.kind == "escalate" and result.reason == "not_covered", (question, result)
    assert faq.result_label(index.match("叶子发黄系咩原因")) == "tech.yellow_leaves"
    assert faq.result_label(index.match("啲羊成日啃树皮点防")) == "tech.livestock"


# a blind set's label the rule disagrees with, kept as written (the set stays byte for byte what its writer wrote)
NEEDS_DISAGREED = {
    # rounds 89 and 90: set BR labels the night watering's safety the snakes' card with no snake said; the card is kept
    # for questions that name one (a night is no snake), so this one is asked back or goes to a person
    ("faq_heldout_br.tsv", "夜晚去淋水安全吗"),
    # the forty-eighth session: set BY (kept until the session's end) labels a move by marriage (嫁到别的村) bot.rebind,
    # whose answer is a new phone or WeChat bound again: a move of village is the roster's (the village's cadre), so the
    # label is doubtful and the entry's words are kept
    ("faq_heldout_by.tsv", "我嫁到别的村了要改吗"),
}


def test_every_labelled_question_of_a_needy_entry_says_its_word(index):
    """The words of ``[answer_needs]`` are said by every question the sets label with that entry."""
    sets = [*(ROOT / "tests" / "data").glob("faq_heldout_*.tsv"), *(ROOT / "messages/faq/precedents").glob("faq_*.tsv")]
    for path in sets:
        for case in faq.load_eval_set(path):
            needs = index._answer_needs.get(case.expected)
            if needs is not None and (path.name, case.question) not in NEEDS_DISAGREED:
                assert needs.search(index._fixed(case.question)), (path.name, case.question)


def test_an_animal_climbing_is_no_ladder_but_a_person_climbing_after_it_is(index):
    assert "ladder_climbing" not in fired_rules(index, "屋企只猫钟意爬树 会唔会整坏啲枝")
    assert "ladder_climbing" in fired_rules(index, "只猫爬上树 我想爬上去捉佢")
