"""FAQ helper faq138 (the sixtieth session; issue 17 §1; set CW, its under-escalation by class), mended by class where
the other sets' writers label the class the same way: one's own record or role shown wrong (record_disputed, account,
roster_gap) and the campaign's cases the plan does not settle for one's own village or household (planted_before,
deceased_listed, local_fact, village_acts, community_no_land) are tickets of their class. The helper's own phrasings
and controls: tests/data/faq_rule_checks_faq138.tsv (docs/faq.md, helper faq138)."""

from __future__ import annotations

from pathlib import Path

from bot import faq
from tests.faq_helpers import check_lines

CHECKS = Path(__file__).resolve().parents[1] / "data" / "faq_rule_checks_faq138.tsv"


def _read_as_written(index: faq.FaqIndex, question: str, expected: str) -> bool:
    """The line's label ('*': any) and, for 'escalate:<class>', the class that escalated it (its route and note)."""
    result = index.match(question)
    label, _, reason = expected.partition(":")
    return (label == "*" or faq.result_label(result) == label) and (not reason or result.reason == reason)


def test_faq138_the_mended_classes_are_read_as_labelled(index):
    """On review60 none of the 21 lines was a ticket of its class (15 were tickets for doubt, 6 a card); after, all."""
    mended = [row for row in check_lines(CHECKS) if not row[2].endswith("_control")]
    assert len(mended) == 21
    wrong = [
        (row[0], faq.result_label(index.match(row[0])), index.match(row[0]).reason)
        for row in mended
        if not _read_as_written(index, row[0], row[1])
    ]
    assert not wrong, wrong


def test_faq138_every_control_keeps_its_reading(index):
    """One's own entry typed wrong, registering as a member (twice: the role said after the question), a cadre teaching the planting record, an adviser's
    tickets, a tree that does not flower, a memorial tree, the natural village's share of the 2 亩, a pledge, an
    adoption, the funds' source, a community's target: 12 of 12 on review60 and after."""
    controls = [row for row in check_lines(CHECKS) if row[2].endswith("_control")]
    assert len(controls) == 12
    for question, expected, _cls in controls:
        assert _read_as_written(index, question, expected), question


def test_faq138_a_disputed_count_reports_no_trees_a_report_does(index):
    """The chat reads a count the village holds disputed as no planting report (handlers/planting.py): the FAQ's
    record_disputed words that stand over the intents; a report of trees, one or several, is none of them."""
    for disputed in ("村里登记我种了三棵 其实我种了五棵", "表上写我家种了一棵 其实我们种了三棵"):
        assert index.count_disputed(disputed), disputed
    for report in (
        "3棵桂花",
        "两棵龙眼一棵桂花",
        "种了3棵桂花2棵荔枝",
        "我自己登记的时候把五棵写成了十五棵 其实只种了五棵",
    ):
        assert not index.count_disputed(report), report
