"""FAQ round 121 (issue 17 §1, the writers' conventions across the fourteen blind sets BZ-CO; survey121, docs/faq.md
第一百二十一轮): hurt while planting, asked in general whether there is insurance, is answered with camp.insurance (a
person of one's own hurt now, 工伤 or who pays stays a ticket); pine wilt seen on one's own or the village's pines is a
ticket with the card and its safety line under the number (asked in general, the card); an everyday matter of another
office (a housing plot, social insurance, a clinic, a bill, a WeChat wallet, another subsidy) is the off-topic reply,
though it says 地, 钱, 补 or 申请 (a tree, a person hurt planting or a dispute beside it keeps the ticket); felling one's
own tree asked only whether a permit is needed is answered with tech.felling (an application stuck, a forest lot or a
neighbour's tree keeps the ticket). The helper's
own phrasings and controls: tests/data/faq_rule_checks_121.tsv."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot import faq
from tests.faq_helpers import check_lines

CHECKS = Path(__file__).resolve().parents[1] / "data" / "faq_rule_checks_121.tsv"
LINES = check_lines(CHECKS)


@pytest.mark.parametrize(("question", "expected", "cls"), LINES, ids=[row[0] for row in LINES])
def test_round121_reads_each_line_as_labelled(index, question, expected, cls):
    result = index.match(question)
    assert faq.result_label(result) == expected, (question, result.entry_id, result.reason)
    if cls == "pine_seen":
        # the danger's line and the card go with the ticket: the villager reads what to do while a person comes
        assert result.safety.startswith("⚠"), question
        assert result.note_entry == "tech.pine_wilt", question
