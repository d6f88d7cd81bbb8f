"""FAQ round 64 (issue 17 §1): set AZ's over-escalation, answerable questions that rules sent to a person, mended by
class and first asked in words of our own (tests/data/faq_rule_checks_64.tsv, written before each change, none of AZ's
questions): a loan and forest tenure asked in general are tech.forest_loan's and tech.forest_tenure's answers (the
classes' ``answers_general``; one's own loan, an amount, a refusal, a family's or a neighbour's dispute keep the ticket);
felling's words in another topic's question (a tree's lifespan, its age without cutting, citrus greening) are that
topic's, mistletoe by its intent; no fruit after years, of no tree in sight, is the species' fruit field; a species'
pollination or fruit asked in other words is its field; places for a recommendation in other words (塘基, the main road,
家前面); asked whether a change seen is normal is asked in general. Own 4/24 -> 23/24, controls 14/14 -> 14/14. Lines not
mended are strict xfails with the reason. docs/faq.md, 第六十四轮."""

import pytest


@pytest.mark.parametrize(
    "question", ["种果树可以同银行借钱吗", "林业贷款有冇贴息", "想承包一片山种杉木 钱不够 银行肯借钱吗"]
)
def test_a_loan_asked_in_general_is_the_entry_whatever_the_model_reads(index, question):
    result = index.match(question)
    assert (result.kind, result.entry_id, result.reason) == ("answer", "tech.forest_loan", "loan"), result
    assert "银行审批" in result.answer_text


@pytest.mark.parametrize(
    "question", ["我去年申请的贷款银行一直不批", "我想贷款二十万种荔枝", "我家的林地抵押贷款为什么办不了"]
)
def test_one_s_own_loan_keeps_the_ticket_with_the_entry_under_it(index, question):
    result = index.match(question)
    assert (result.kind, result.reason, result.note_entry) == ("escalate", "loan", "tech.forest_loan"), result


@pytest.mark.parametrize(
    ("question", "diagnosis"),
    [
        # round 129 (issue 17 §1): said as a fact, no fruit after years is one tree's trouble (the seventeen sets BZ-CR
        # label all such questions escalate; these two were False by round 64)
        ("石榴种了三年还不结果 为什么", True),
        ("橄榄种咗八年都未结过果", True),
        ("石榴一般种几年才结果", False),  # asked in general: the fruit field
        ("我家那棵石榴种了三年都不结果", True),  # one's own tree in sight: the adviser looks
        ("橄榄种了五年不结果 今年还掉果", True),  # fruit dropping besides: a trouble of its own
    ],
)
def test_no_fruit_after_years_asked_in_general_is_no_diagnosis(index, question, diagnosis):
    assert (index.match(question).reason == "diagnosis") is diagnosis


@pytest.mark.parametrize(
    ("question", "diagnosis"),
    [
        ("新种的苗下面几片老叶黄了 正唔正常", False),
        ("秋枫一到冬天叶子就变黄掉落 正常吗", False),
        ("荔枝新抽的嫩叶是红色的 是不是正常", False),
        ("我家那棵龙眼叶子一片片黄了掉了 正常吗", True),  # one's own tree: the adviser looks
        ("村口的桂花叶子上好多黑斑 正不正常", True),  # a disease's look told
    ],
)
def test_asked_whether_what_is_seen_is_normal_is_no_diagnosis(index, question, diagnosis):
    """Whether a change seen is normal (old leaves yellowing, leaves dropping in winter, red new shoots) asks the
    general rule, as 为什么 does (``[escalate] general``); spots, insects, rot, or one's own tree stay the adviser's."""
    assert (index.match(question).reason == "diagnosis") is diagnosis
