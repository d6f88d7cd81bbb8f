"""FAQ round 96 (issue 17 §1; set BV, written blind this session, as the development set). Its misses read by class and
four classes mended: a voice message's frame (a closing clause, the words announcing the question, a first clause that
only says who writes) read as the question when the whole was too unsure to answer (bot/go_between.py, matching.toml
``[who_asks]``); a promise of the village not delivered (没兑现、冇下文, a cadre said it would be given: when, still?);
an errand off the campaign (documents, doctors, prices, the army, shows, the internet at home); a judgement asked on
one's own case (帮我判断, 我这种情况, I am a probationary member: do I count). Checked on the helper's own phrasings,
tests/data/faq_rule_checks_96.tsv, written before the change, with controls. docs: README, FAQ round 96.
"""

from pathlib import Path

import pytest

from bot import faq, go_between
from tests.faq_helpers import reads_safety_first, safety_checks

ROOT = Path(__file__).resolve().parents[2]
CHECKS = ROOT / "tests" / "data" / "faq_rule_checks_96.tsv"
LEFT = {
    "你好 我屋企喺村口 我问下 家里没地方种树怎么办 等你回复": "read alone, '家里没地方种树怎么办' is the household's rules "
    "(camp.household_rules names 认种认养 too); the helper expected camp.adopt: a label question, not the frame",
    "我们户口分开成两户了 是不是要各种一棵": "a household split in two is camp.quota_household's answer by BQ's labels "
    "('户口本上分了两户，是不是要种两棵'), a person's by BV's: not changed",
}


@pytest.mark.parametrize(("question", "expected", "cls", "rules"), safety_checks(CHECKS, LEFT))
def test_own_checks(index, question, expected, cls, rules):
    reads_safety_first(index, question, expected, rules)


@pytest.mark.parametrize(
    ("question", "left"),
    [
        ("追肥点落 唔该晒", "追肥点落"),
        ("桂花几时种 你话我知啦 嗯 就这样", "桂花几时种"),
        ("龙眼几时施肥 我等你回复", "龙眼几时施肥"),
        ("唔该晒", "唔该晒"),  # nothing else said: kept
    ],
)
def test_a_closing_clause_is_left_out(index, question, left):
    assert go_between.without_closing(question, index._closing) == left


def test_the_announced_question_is_what_follows_the_announcing_words(index):
    cut = go_between.asked_part("喂 我今朝去趁墟返嚟 我就想问 荔枝几时施肥", index._asking, index._who_writes)
    assert cut is not None and cut[1] == "荔枝几时施肥"
    assert go_between.asked_part("我是党员，我一户算不算完成任务", index._asking, index._who_writes) is None


@pytest.mark.parametrize(
    "question",
    [
        "龙眼啲果成日跌 帮我睇下",  # round 74: a look asked after a trouble told is the ask, not a closing
        "喂 你好 我家荔枝种了六年都不开花 我想问下 点算 唔该",  # the trouble is told before the announced question
    ],
)
def test_a_trouble_told_keeps_the_ticket(index, question):
    assert faq.result_label(index.match(question)) == "escalate"
