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
    """One's own entry typed wrong, registering as a member, a cadre teaching the planting record, an adviser's
    tickets, a tree that does not flower, a memorial tree, the natural village's share of the 2 亩, a pledge, an
    adoption, the funds' source, a community's target: 11 of 11 on review60 and after."""
    controls = [row for row in check_lines(CHECKS) if row[2].endswith("_control")]
    assert len(controls) == 11
    for question, expected, _cls in controls:
        assert _read_as_written(index, question, expected), question
