"""FAQ round 125 (issue 17 §1, set CP: questions with an answer that became needless tickets, grouped by class), mended
by class in data: thanks and acknowledgements (an errand passed on to a cadre, a newcomer's greeting, English thanks) are
chit-chat; plainly off-topic asks (the lottery, fortune telling, a used vehicle's price, which hospital) are
bot.off_topic, not a ticket; how to use a chainsaw safely, asked in general with nobody hurt, is answered (the safety
line, then tech.tools); a seedling planted two or three months ago with no bud yet asked whether it is dead is
tech.survival_check (its transplant shock, not a symptom); a sunny month asked whether one may still plant is
tech.heat_planting. The helper's own phrasings and controls: tests/data/faq_rule_checks_125.tsv
(tests/unit/test_faq_own_checks.py reads each line; docs/faq.md 第一百二十五轮)."""

from __future__ import annotations

from pathlib import Path

from bot import faq
from tests.faq_helpers import check_lines, reads_label

CHECKS = Path(__file__).resolve().parents[1] / "data" / "faq_rule_checks_125.tsv"


def _lines() -> list[tuple[str, ...]]:
    return check_lines(CHECKS)


def test_round125_the_mended_classes_are_read_as_labelled(index):
    """On review57 9 of the 25 lines were read with their label (the model's chit-chat and off-topic readings); after, 24
    (one survival line the model dissents from: faq_rule_checks.toml ["125".missed])."""
    mended = [row for row in _lines() if not row[2].endswith("_control")]
    assert len(mended) == 25
    right = sum(faq.result_label(index.match(question)) == expected for question, expected, _cls in mended)
    assert right >= 24, right


def test_round125_every_control_keeps_its_answer(index):
    """A chainsaw cut (its first aid), a chainsaw in a dispute or on a power line, a tree's trouble or a record disputed
    after thanks, a seedling's price, a person bitten asking for a hospital, a seedling yellow or withered two months
    after planting, a sunny month's scorched leaves: 10 of 10 on review57 and after."""
    controls = [row for row in _lines() if row[2].endswith("_control")]
    assert len(controls) == 10
    for question, expected, _cls in controls:
        reads_label(index.match(question), expected)
