"""FAQ round faq131 (issue 17 §1, the fifty-ninth session: set CU's confident wrongs, mended by class where the blind
writers of the other sets hold one convention): a farm animal's plague or its young's price, a person's medicine and a
new phone's price are off the topic (bot.off_topic: 鸡瘟/猪瘟 7 of 8, a disease's medicine 5 of 5, a phone's price 8 of
8); fertiliser asked a month or more after planting, no trouble told, is top-dressing, not the fertiliser burn of a
seedling just planted (tech.topdressing, 65 of 65); the planting table asked as a document (its format, how to fill or
write it, to whom) is the plan's filing, not one's own pledge (camp.plan_filing); an apology for a message sent wrongly
(4 of 4) and a question announced but not yet asked (3 of 3) are chit-chat; planting in the heat asked, no person or
going out said, is answered by tech.heat_planting after the heat line (12 of 17; safety.toml ``keeps``). The helper's own phrasings and controls:
tests/data/faq_rule_checks_faq131.tsv (tests/unit/test_faq_own_checks.py reads each line; docs/faq.md 第一百三十一轮)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot import faq
from tests.faq_helpers import check_lines, reads_label
from tests.unit.faq_knowledge import own_checks_table

CHECKS = Path(__file__).resolve().parents[1] / "data" / "faq_rule_checks_faq131.tsv"
MISSED = own_checks_table()["faq131"].get("missed", {})  # strict xfails in test_faq_own_checks.py, with their why
CLASSES = ("livestock", "months", "table", "sorry", "announced", "heat")


def _lines(cls: str) -> list[tuple[str, ...]]:
    return [row for row in check_lines(CHECKS) if row[2] == cls]


@pytest.mark.parametrize("cls", CLASSES)
def test_faq131_each_mended_class_is_read_as_labelled(index, cls):
    """On review59: livestock 2 of 7, months 0 of 4, table 0 of 4, sorry 0 of 3, announced 0 of 3, heat 0 of 3; after,
    all but the one listed missed (months: the model's burn)."""
    lines = [row for row in _lines(cls) if row[0] not in MISSED]
    assert len(lines) >= 3
    wrong = [
        (q, faq.result_label(index.match(q)))
        for q, expected, _cls in lines
        if faq.result_label(index.match(q)) != expected
    ]
    assert not wrong, wrong


@pytest.mark.parametrize("cls", CLASSES)
def test_faq131_every_control_keeps_its_answer(index, cls):
    """Medicine from a leaf, a new phone bound, a seedling's price, urea just after planting, a burn told, one's own
    pledge in the table, its deadline, a wrong photo to withdraw, a question asked after its announcement: all kept."""
    controls = _lines(f"{cls}_control")
    assert controls
    for question, expected, _cls in controls:
        reads_label(index.match(question), expected)
