"""FAQ round 113 (issue 17 §1, set CL's confident wrong answers): the classes CL answered confidently from another
entry, each mended in data (messages/faq/matching.toml 第一百一十三轮; docs/faq.md 第一百一十三轮): one village's own
arrangement asked whether decided, changed or announced, or two accounts of a figure that disagree (the village's: a
ticket); a cadre saying one's logged trees do not count; a reply chased after days; a page of the account that does
not open; a ring of bark gnawed off one tree; one's own fruit hollow; litter dumped by others, asked who deals with it
(each a ticket, no general entry's answer); fruit trees asked for their income (the economic list, not fruit to eat);
whether one's own trees make up one's number (the progress); a 党建林 logged on the phone (the plot's record); a
festival's date or an illness's diet (the off-topic reply). The helper's own phrasings and controls:
tests/data/faq_rule_checks_113.tsv (tests/unit/test_faq_own_checks.py reads each line). Here: the figures over the
file, outright (not asked back), and the controls kept."""

from __future__ import annotations

from pathlib import Path

from bot import faq
from tests.faq_helpers import check_lines

CHECKS = Path(__file__).resolve().parents[1] / "data" / "faq_rule_checks_113.tsv"
MENDED = (
    "local",
    "disputed",
    "chase",
    "fault",
    "girdled",
    "hollow",
    "litter",
    "income",
    "progress",
    "plot",
    "offtopic",
    "pledge",
    "flooded",
    "others_soil",
    "shared_hole",
)


def _lines() -> list[tuple[str, ...]]:
    return check_lines(CHECKS)


def test_round113_the_mended_classes_are_read_as_labelled(index):
    """On review55 16 of the 45 lines of the mended classes were read with their label (most tickets for a doubt);
    after, all 45 (three pledges asked back, the pledge's answer first)."""
    mended = [row for row in _lines() if row[2] in MENDED]
    right = sum(faq.result_label(index.match(question)) == expected for question, expected, _cls in mended)
    assert len(mended) == 45
    assert right >= 45, right


def test_round113_every_control_keeps_its_answer(index):
    controls = [row for row in _lines() if row[2].endswith("_control")]
    assert len(controls) == 28
    for question, expected, _cls in controls:
        assert faq.result_label(index.match(question)) == expected, question
