"""FAQ helper faq133 (the fifty-ninth session; issue 17 §1; set CU, its confident-wrong answers grouped by class),
mended by class where the other sets label the class the same way: inheriting a dead parent's hill or forest said as
继承 (a ticket, tech.forest_tenure under its number; 过户 stays the entry's answer); the village's gathering point said
moved to a named place (本村的事, local_fact); where the village planted the tree it planted on one's behalf
(local_fact, not the proxy card); a reward a cadre said there would be, asked whether it is real (promise_broken,
not the care-zone card). The helper's own phrasings and controls: tests/data/faq_rule_checks_faq133.tsv
(docs/faq.md, helper faq133)."""

from __future__ import annotations

from pathlib import Path

from bot import faq
from tests.faq_helpers import check_lines

CHECKS = Path(__file__).resolve().parents[1] / "data" / "faq_rule_checks_faq133.tsv"


def _read_as_written(index: faq.FaqIndex, question: str, expected: str) -> bool:
    """The line's label, and after ':' the ticket's class (the reason that decides its route)."""
    result = index.match(question)
    label, _, reason = expected.partition(":")
    return faq.result_label(result) == label and (not reason or result.reason == reason)


def test_faq133_the_mended_classes_are_read_as_labelled(index):
    """On review59 none of the 13 lines was read with its label and class; after, all 13."""
    mended = [row for row in check_lines(CHECKS) if not row[2].endswith("_control")]
    assert len(mended) == 13
    wrong = [row[0] for row in mended if not _read_as_written(index, row[0], row[1])]
    assert not wrong, wrong


def test_faq133_every_control_keeps_its_reading(index):
    """过户 after a death, a lost certificate, where and when to gather, how a proxy's tree is recorded, whether planting
    earns a reward, how to claim a care zone: 9 of 9 on review59 and after."""
    controls = [row for row in check_lines(CHECKS) if row[2].endswith("_control")]
    assert len(controls) == 9
    for question, expected, _cls in controls:
        assert _read_as_written(index, question, expected), question
