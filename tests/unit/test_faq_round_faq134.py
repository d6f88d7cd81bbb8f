"""FAQ helper faq134 (the fifty-ninth session; issue 17 §1, §3; set CU's asked-back rows by class, and a doubled safety
line): a villager's own pledge of trees the pledge intents answer is answered, not asked back against the deadlines or
the care zones (a stretch of road or a zone to tend stays the care zones'); a tree about to fall with no wind, typhoon
or storm said opens with the hazard-tree line only, not the typhoon line first; the village's greening plan or
arrangement form, asked what to write and whom to give it to, is the plan's answer, not asked back against the
deadlines. The helper's own phrasings and
controls: tests/data/faq_rule_checks_faq134.tsv (docs/faq.md, helper faq134)."""

from __future__ import annotations

from pathlib import Path

from bot import faq
from tests.faq_helpers import check_lines, fired_rules

CHECKS = Path(__file__).resolve().parents[1] / "data" / "faq_rule_checks_faq134.tsv"


def _read_as_written(index: faq.FaqIndex, question: str, expected: str, rules: str) -> bool:
    """The line's label with nothing asked back, and where given exactly the safety rules named."""
    result = index.match(question)
    if faq.result_label(result) != expected or result.other is not None:
        return False
    return rules == "-" or fired_rules(index, question) == set(rules.split(","))


def test_faq134_the_mended_classes_are_read_as_labelled(index):
    """On review59 none of the 13 lines was read with its label alone (asked back, or two safety lines); after, all 13."""
    mended = [row for row in check_lines(CHECKS) if not row[2].endswith("_control")]
    assert len(mended) == 13
    wrong = [row[0] for row in mended if not _read_as_written(index, *row[:2], row[3])]
    assert not wrong, wrong


def test_faq134_every_control_keeps_its_reading(index):
    """A pledge of named trees, the deadline of the arrangement form, the care zones asked by name; a tree about to
    fall with a gale or a typhoon said keeps both lines, one the typhoon felled and one fallen keep the typhoon's; the
    plan asked whom to give it to, and when it is due: 11 of 11 on review59 and after."""
    controls = [row for row in check_lines(CHECKS) if row[2].endswith("_control")]
    assert len(controls) == 11
    wrong = [row[0] for row in controls if not _read_as_written(index, *row[:2], row[3])]
    assert not wrong, wrong
