"""FAQ round 130 (issue 17 §1, set CS: a villager's own situation; its confident wrong answers grouped by class), mended
by class where the other sets label the class the same way: an acknowledgement, a slip, 'I'll ask again later', a
villager or a newcomer introducing oneself, a festival's wish or a reassurance, nothing asked, is chit-chat (it had been
"I only answer tree questions", bot.off_topic, or a ticket); a tree's big limb, main trunk or top broken by a storm is
the adviser's (it had been tech.typhoon's or tech.staking's card); caterpillars fallen in a heap onto a hand or a neck
with red bumps are tech.caterpillar_sting (it had been the ladder's first aid or a ticket); which tree one adopted, or
its number, forgotten is bot.my_trees (it had been camp.adopt's card). The helper's own phrasings and controls:
tests/data/faq_rule_checks_130.tsv (tests/unit/test_faq_own_checks.py reads each line; docs/faq.md 第一百三十轮)."""

from __future__ import annotations

from pathlib import Path

from bot import faq
from tests.faq_helpers import check_lines, reads_label

CHECKS = Path(__file__).resolve().parents[1] / "data" / "faq_rule_checks_130.tsv"


def _lines() -> list[tuple[str, ...]]:
    return check_lines(CHECKS)


def test_round130_the_mended_classes_are_read_as_labelled(index):
    """On review58 3 of the 26 lines were read with their label; after, all 26."""
    mended = [row for row in _lines() if not row[2].endswith("_control")]
    assert len(mended) == 26
    right = sum(faq.result_label(index.match(question)) == expected for question, expected, _cls in mended)
    assert right == 26, right


def test_round130_every_control_keeps_its_answer(index):
    """The same words with a question after them, a self-introduction with a name, small branches and fallen trees
    after a typhoon, a fear of wind asked in general, a face swollen by a caterpillar, a person or branches fallen, a
    watering or a ticket's number forgotten, how to adopt: 23 of 23 on review58 and after."""
    controls = [row for row in _lines() if row[2].endswith("_control")]
    assert len(controls) == 23
    for question, expected, _cls in controls:
        reads_label(index.match(question), expected)
