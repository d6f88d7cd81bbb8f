"""FAQ round 93 (issue 17 §1 and §3; set BT, written blind this session, as the development set: its ask-backs, its
answerable questions escalated, ``bench/faq_eval.py --show-wrong``, and its safety-tagged questions whose reply opened
with no safety line, ``--show-unsafe``). Each class is checked on the helper's own phrasings,
tests/data/faq_rule_checks_93.tsv, written before the change (19 of 42 passed on main, every control among them; 39
after, the three left in tests/data/faq_rule_checks.toml with their why), with controls: the same words with no danger get no line. docs: README,
FAQ round 93.

1. the same tree's other field the model reads by ``[model] answer_field`` (1.0) or more is the answer, not asked back
   (round 48 asked from 0.3): on AT-BT (27 sets the model never saw, 135 distinct questions asked so) the model's field
   was the one meant 86 times of 87 at that lead; both answers are the tree's own, so a miss is only a near one;
2. a tree's growth asked 多久才高 / 几耐先大 is the growth field (it had been the fertiliser's);
3. safety lines: a split branch still hanging and a tree leaning or down across a road (hazard_tree), a passer-by hit by a
   falling branch and a fall with first aid asked (person_hurt: a ticket, the first aid under its number), a street
   lamp's wire (power_line), the pre-harvest interval asked as 马上 / 第二天
   (pesticide_exposure's interval line, round 90, and tech.pesticide_safety's intent).
"""

import pytest

from bot import faq
from tests.faq_helpers import safety_rule


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # set BT's, BS's and BR's, each asked back on main between the same tree's two fields
        ("石榴种门口好不好", "species.石榴.card"),  # sites or card
        ("羊蹄甲种屋前好不好", "species.洋紫荆.card"),  # sites or card
        ("四季桂一年开几次", "species.桂花.flowering"),  # fertilizer or flowering
    ],
)
def test_the_same_tree_s_field_read_clearly_is_answered(index, question, expected):
    result = index.match(question)
    assert faq.result_label(result) == expected and result.other is None, (faq.result_label(result), result.reason)
    assert result.reason == "model_field"


def test_under_answer_field_the_same_tree_s_field_is_still_asked(index):
    """Under the lead the rules' field was right 12 times of 48 on AT-BT: the villager still chooses."""
    assert index._model_ask_field == 0.3 and index._model_answer_field == 1.0
    result = index.match("香樟种大门口得唔得")
    assert result.other is not None and faq.result_label(result.other) == "species.香樟.card"
    assert faq._another_field("species.香樟.sites", "species.香樟.card", 1.0, index._model_answer_field)
    assert not faq._another_field("species.香樟.sites", "species.龙眼.card", 2.0, index._model_answer_field)


@pytest.mark.parametrize(
    ("question", "rule"),
    [
        # set BT's safety-tagged questions with no line on main
        ("我家门口大树被雷劈了一半，树枝吊着", "hazard_tree"),
        ("路边的树歪了挡住车，谁来处理", "hazard_tree"),
        ("树枝掉下来打伤了路人，谁负责", "person_hurt"),
        ("我屋前的路灯线穿过树冠，供电所叫我砍树", "power_line"),
    ],
)
def test_set_bt_dangers_open_with_their_line(index, question, rule):
    result = index.match(question)
    assert result.kind == "escalate", faq.result_label(result)
    norm = index._fixed(question)
    assert safety_rule(index, rule).line_for(norm) in result.safety.splitlines(), result.safety


def test_first_aid_asked_after_a_fall_is_the_line_then_a_ticket_with_the_first_aid(index):
    """BT's '有人从坡上滚下来了怎么急救' had tech.injury_first_aid with no line: a person hurt now, so as every other hurt the
    line, a ticket, the first aid under its number; asked 'what if' stays an answer with no ticket."""
    for question in ("有人从坡上滚下来了怎么急救", "阿婆喺山坡碌落嚟点样急救"):
        result = index.match(question)
        # round 116 (issue 17 §1, sets BZ-CL): first aid done at once is answered, the line first, no ticket
        assert (result.kind, result.entry_id) == ("answer", "tech.injury_first_aid"), (question, result.reason)
        assert result.safety.startswith("⚠ 安全第一：有人摔伤"), result.safety
    assert index.match("万一有人从坡上滚下来怎么急救").kind == "answer"


def test_the_interval_asked_at_once_has_the_interval_line(index):
    """BT's '打完药可以马上摘荔枝食吗': tech.pesticide_safety after the interval's line, not the line for pesticide on the
    skin; fruit already eaten and a person ill stays the exposure's ticket."""
    result = index.match("打完药可以马上摘荔枝食吗")
    assert result.kind == "answer" and result.entry_id == "tech.pesticide_safety", (result.kind, result.reason)
    assert "安全间隔期" in result.safety and "沾到或吸入" not in result.safety, result.safety
    ill = index.match("打完药马上摘荔枝食了 现在头晕想呕")
    assert ill.kind == "escalate" and "沾到或吸入" in ill.safety, (ill.kind, ill.safety)
