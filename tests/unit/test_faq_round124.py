"""FAQ round 124 (issue 17 §1, set CP: the confident wrongs, grouped by class), mended by class in data and readers: one's
own trees' trouble answered with the species' field, a matter only the village can answer answered with a general
entry, praise and acknowledgements read as off topic, a photo told read as the photo help, a timber price or a felling
permit answered with the timber card. The helper's own phrasings and controls: tests/data/faq_rule_checks_124.tsv
(tests/unit/test_faq_own_checks.py reads each line; docs/faq.md 第一百二十四轮)."""

from __future__ import annotations

from pathlib import Path

from bot import faq
from tests.faq_helpers import check_lines

CHECKS = Path(__file__).resolve().parents[1] / "data" / "faq_rule_checks_124.tsv"


def _lines() -> list[tuple[str, ...]]:
    return check_lines(CHECKS)


def test_round124_the_mended_classes_are_read_as_labelled(index):
    """On review57 0 of the 19 lines were read with their label; after, 17 (timber planted on one's farmland and many
    insects on a tree named are not changed: faq_rule_checks.toml ["124".missed])."""
    mended = [row for row in _lines() if not row[2].endswith("_control")]
    assert len(mended) == 19
    right = sum(faq.result_label(index.match(question)) == expected for question, expected, _cls in mended)
    assert right >= 17, right


def test_round124_every_control_keeps_its_answer(index):
    """A species' pests and fruit asked in general, adoption, the demonstration site and seedlings asked in general, a
    greeting before a question, selling timber and felling one's own trees to sell asked how: 9 of 9 on review57 and
    after."""
    controls = [row for row in _lines() if row[2].endswith("_control")]
    assert len(controls) == 9
    for question, expected, _cls in controls:
        assert faq.result_label(index.match(question)) == expected, question
