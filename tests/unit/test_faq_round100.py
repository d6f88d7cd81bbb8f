"""FAQ round 100 (issue 17 §1): the rules that sent answerable questions to a person (bench/escalation_misses.py), and
the evaluation's second figure. The rules' classes are checked on the helper's own phrasings (tests/data/
faq_rule_checks_100.tsv, run by test_faq_own_checks.py, each batch written before its change: the first 15/28 -> 23/28,
the second 7/16 -> 14/16; controls 18/18 throughout).

The second figure (bench/faq_eval.py ``right+ticket``): a ticket that also gives the expected entry's answer under its
number (a danger's first aid, camp.subsidy's rule: the bot files the ticket and answers, by design) is counted right in
it, beside ``right``, which still counts it wrong. docs/faq.md, 第一百轮."""

from bot import faq


def test_a_ticket_with_the_expected_answer_is_right_in_the_second_figure_only(index):
    rows = faq.evaluate(
        index,
        [
            # a ticket, the first aid under its number (who pays keeps the ticket since round 116: aid_unless)
            faq.EvalCase("锄头砍到脚了流好多血 医药费谁出", "tech.injury_first_aid"),
            faq.EvalCase("桂花几月开花", "species.桂花.flowering"),  # answered
            faq.EvalCase("我家荔枝叶子上好多黑点点 帮我看看", "species.荔枝.pests"),  # a bare ticket, labelled an entry
        ],
    )
    assert [row.ticket_with_answer for row in rows] == [True, False, False]
    s = faq.scores(rows)
    assert (s.right, s.ticket_with_answer) == (1 / 3, 1)
    assert s.right_with_ticket == 2 / 3  # beside right, never instead of it


def test_a_ticket_is_counted_with_its_answer_only_when_the_reply_holds_that_answer(index):
    (row,) = faq.evaluate(index, [faq.EvalCase("锄头砍到脚了流好多血 医药费谁出", "tech.injury_first_aid")])
    result = index.match("锄头砍到脚了流好多血 医药费谁出")
    assert result.note_entry == "tech.injury_first_aid" and row.noted == "tech.injury_first_aid"
    bare = faq.FaqResult("escalate", None, "", 0.0, "safety", note_entry="tech.injury_first_aid")
    assert faq._attached(index, bare) is None  # an entry named but its answer not given: not counted
    assert faq._attached(index, result) == "tech.injury_first_aid"


def test_a_question_an_adviser_must_answer_is_right_in_both_figures(index):
    (row,) = faq.evaluate(index, [faq.EvalCase("帮我查下我们村还有哪几户没种", "escalate")])
    s = faq.scores([row])
    assert s.right == s.right_with_ticket == 1.0
