"""FAQ round 103 (issue 17 §1, confident wrong): a calibrated abstention. bench/abstention_curve.py recorded, for every
answer given outright on BT-BY (chosen on) and BZ, CA (confirmed on), the signals the matcher had and whether the answer
was right; of every gate over them, only the nearest precedents' tickets removed two confident wrong answers or more
per right answer lost on both: when the three precedents most like the question are tickets, the closest at least
``[sure] tickets_cosine`` alike, the answer is a ticket (``FaqIndex._tickets_nearby``, reason ``unsupported``, the
answer held back as its candidate). docs/faq.md, 第一百零三轮; the own phrasings: tests/data/faq_rule_checks_103.tsv."""

import dataclasses

from bot import faq

STOPPED = ("我认养的树被别人换了牌子", "camp.nameplate")  # the helper's own words; the nearest three are tickets


def test_round103_configured(index):
    assert index.sure.tickets_nearby == 3 and index.sure.tickets_cosine == 0.45


def test_round103_an_answer_among_tickets_is_a_ticket(index):
    question, held = STOPPED
    result = index.match(question)
    assert result.kind == "escalate" and result.reason == "unsupported", (faq.result_label(result), result.reason)
    assert result.candidate is not None and result.candidate.entry_id == held


def test_round103_switched_off_it_answers(index):
    """With ``tickets_nearby = 0`` the same question gets the answer it had on main."""
    question, held = STOPPED
    off = index.copy()
    off.sure = dataclasses.replace(index.sure, tickets_nearby=0)
    assert off.match(question).entry_id == held


def test_round103_the_closest_must_be_alike_enough(index):
    question, held = STOPPED
    nearest = index._nearest(index._fixed(question))
    strict = index.copy()
    strict.sure = dataclasses.replace(index.sure, tickets_cosine=nearest[0][1] + 0.01)
    assert strict.match(question).entry_id == held


def test_round103_two_tickets_are_not_enough(index):
    """An earlier round's answer (round 92: the household's quota for the old) whose nearest precedents are two tickets
    and a third entry stays answered; at two tickets the gate would hold it back (one of the 18 pinned answers lost)."""
    question = "老人种不了树可以免吗"
    assert index.match(question).entry_id == "camp.quota_household"
    two = index.copy()
    two.sure = dataclasses.replace(index.sure, tickets_nearby=2, tickets_cosine=0.3)
    assert two.match(question).reason == "unsupported"


def test_round103_a_rule_s_class_answered_by_design_is_not_judged(index):
    """Round 64: a rule's class asked in general is its entry's answer, whatever its precedents (the same words are a
    ticket there: '种树能不能申请贷款'); the gate never sees it."""
    question = "种树能不能申请贷款"
    assert all(index.precedents.labels[i] == "escalate" for i, _ in index._nearest(index._fixed(question)))
    assert index.match(question).entry_id == "tech.forest_loan"
