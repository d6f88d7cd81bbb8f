"""FAQ round 114 (issue 17 §1 and §3, set CL): three classes read wrong on review55, each mended in data
(messages/faq/matching.toml 第一百一十四轮, messages/faq/safety.toml, bot/nlu.py's small talk): questions the FAQ answers
that became a ticket (a cadre's lists, a record to correct, a planting day's lift, too early in the year, oil from 油茶,
a fast tree, the citizen's duty, fallen 木棉 flowers for soup …), safety situations whose reply opened with no safety
line (roots cracking a house, a bank's roots washed bare, a road's sight blocked, poisonous trees near children, heavy
fruit falling, insecticide put into the holes), and small talk or everyday matters read as something else. The
helper's own phrasings and controls: tests/data/faq_rule_checks_114.tsv (tests/unit/test_faq_own_checks.py reads each
line with its safety rules; docs/faq.md 第一百一十四轮). Here: the figures over the file, and the controls kept."""

from __future__ import annotations

from pathlib import Path

from bot import faq
from tests.faq_helpers import check_lines, reads_safety_first

CHECKS = Path(__file__).resolve().parents[1] / "data" / "faq_rule_checks_114.tsv"
MENDED = ("asked", "chat", "offtopic", "safety")


def _lines() -> list[tuple[str, ...]]:
    return check_lines(CHECKS)


def _passes(index, question: str, expected: str, rules: str) -> bool:
    try:
        reads_safety_first(index, question, expected, rules)
    except AssertionError:
        return False
    return True


def test_round114_the_mended_classes_are_read_as_labelled(index):
    """On review55 27 of the 71 lines of the four classes (26 of the 67 written first, 1 of the second pass's 4) were
    read with their label and safety line; after, 65 (the 6 left: tests/data/faq_rule_checks.toml ["114".missed])."""
    mended = [row for row in _lines() if row[2] in MENDED]
    right = sum(_passes(index, question, expected, rules) for question, expected, _cls, rules in mended)
    assert len(mended) == 71
    assert right >= 65, right


def test_round114_every_control_keeps_its_answer(index):
    """Real diagnoses, disputes, money, a person's number, a fire burning now and a 五保户's own case stay tickets;
    how-tos and planning keep their answers (28 of 28 on review55 and after)."""
    controls = [row for row in _lines() if row[2].endswith("_control")]
    assert len(controls) == 28
    for question, expected, _cls, rules in controls:
        reads_safety_first(index, question, expected, rules)


def test_round114_a_diagnosis_is_never_answered_with_a_card(index):
    """The worst wrong: a tree's own trouble answered with a card. Every asked_control ticket stays a ticket."""
    for question, expected, cls, _rules in _lines():
        if cls == "asked_control" and expected == "escalate":
            assert faq.result_label(index.match(question)) == "escalate", question
