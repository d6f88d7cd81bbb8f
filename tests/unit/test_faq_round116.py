"""FAQ round 116 (issue 17 §1, the writers' conventions across the eleven blind sets BZ-CL): a danger that has
happened to a person whose first aid the villager does at once — pesticide on the body or drunk, a lime burn, a plant
or mushroom eaten, a wasp sting, a snake bite, a fall or a cut — is answered with that first aid entry, its safety line
first, no ticket: the eleven sets label the entry (messages/faq/safety.toml ``aid_answered``; docs/faq.md
第一百一十六轮). Who pays or who is liable (``aid_unless``), a power line, a typhoon's tree on a person and two dangers
at once stay tickets. The helper's own phrasings and controls: tests/data/faq_rule_checks_116.tsv."""

from __future__ import annotations

from pathlib import Path

from bot import faq
from tests.faq_helpers import check_lines

CHECKS = Path(__file__).resolve().parents[1] / "data" / "faq_rule_checks_116.tsv"
MENDED = ("pesticide", "lime", "poison", "wasps", "snakes", "injury")


def _lines() -> list[tuple[str, ...]]:
    return check_lines(CHECKS)


def test_round116_first_aid_at_once_is_answered_with_its_line_first(index):
    """On review55 1 of the 22 lines was read with its label (the others tickets, the entry under the number); after,
    21 (喷药……漏了一身 fires no safety rule: a low-confidence ticket, left)."""
    mended = [row for row in _lines() if row[2] in MENDED]
    assert len(mended) == 22
    right = 0
    for question, expected, _cls in mended:
        result = index.match(question)
        if faq.result_label(result) == expected:
            right += 1
            assert result.safety.startswith("⚠"), question  # the safety line opens the reply
    assert right >= 21, right


def test_round116_every_control_keeps_its_answer(index):
    controls = [row for row in _lines() if row[2].endswith("_control")]
    assert len(controls) == 8
    for question, expected, _cls in controls:
        assert faq.result_label(index.match(question)) == expected, question
