"""FAQ round 120 (issue 17 §1, set CO: the confident wrongs, grouped by class), mended by class in data: one household's
own case of where its task is counted (living away from where it is registered, a party member's organisation relation
moved) and the number the village gave one's own household are tickets (matching.toml [escalate] counted_where,
local_fact); a person who will not listen or will not own up, and a village insisting against one, are disputes
(dispute, coerced); the weather asked for something not trees keeps bot.weather's reply (it says where to look). The helper's own phrasings and controls:
tests/data/faq_rule_checks_120.tsv (tests/unit/test_faq_own_checks.py reads each line; docs/faq.md 第一百二十轮)."""

from __future__ import annotations

from pathlib import Path

from bot import faq
from tests.faq_helpers import check_lines

CHECKS = Path(__file__).resolve().parents[1] / "data" / "faq_rule_checks_120.tsv"


def _lines() -> list[tuple[str, ...]]:
    return check_lines(CHECKS)


def test_round120_the_mended_classes_are_read_as_labelled(index):
    """On review56 2 of the 14 lines were read with their label; after, 11 (the weather asked for other things is not
    changed: faq_rule_checks.toml ["120".missed])."""
    mended = [row for row in _lines() if not row[2].endswith("_control")]
    assert len(mended) == 14
    right = sum(faq.result_label(index.match(question)) == expected for question, expected, _cls in mended)
    assert right >= 11, right


def test_round120_every_control_keeps_its_answer(index):
    """Quotas in general, a party member away asking how to take part, livestock kept away, a child's fall, power lines
    in general, the weather for planting, an old father who will not listen asking a safe way: 8 of 8 on review56 and after."""
    controls = [row for row in _lines() if row[2].endswith("_control")]
    assert len(controls) == 8
    for question, expected, _cls in controls:
        assert faq.result_label(index.match(question)) == expected, question
