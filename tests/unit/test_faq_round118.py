"""FAQ round 118 (issue 17 §1, set CN's confident wrong answers by class; docs/faq.md 第一百一十八轮). The helper's own
phrasings and controls, written before the change and failing on review56: tests/data/faq_rule_checks_118.tsv
(tests/unit/test_faq_own_checks.py reads each line). Here: each class's figures, and the controls as a whole."""

from __future__ import annotations

from pathlib import Path

from bot import faq
from tests.faq_helpers import check_lines

CHECKS = Path(__file__).resolve().parents[1] / "data" / "faq_rule_checks_118.tsv"


def _lines() -> list[tuple[str, ...]]:
    return check_lines(CHECKS)


def test_round118_classes_are_answered_as_their_class_asks(index):
    """On review56 none of the 31 class lines was read with its label (the last four, flowers_when and job, added after
    the first mend, also failing on it)."""
    lines = [row for row in _lines() if not row[2].endswith("_control")]
    assert len(lines) == 31
    wrong = [
        (q, faq.result_label(index.match(q)))
        for q, expected, _cls in lines
        if faq.result_label(index.match(q)) != expected
    ]
    assert not wrong, wrong


def test_round118_every_control_keeps_its_answer(index):
    controls = [row for row in _lines() if row[2].endswith("_control")]
    assert len(controls) == 23
    for question, expected, _cls in controls:
        assert faq.result_label(index.match(question)) == expected, question
