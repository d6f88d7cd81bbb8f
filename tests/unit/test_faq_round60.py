"""FAQ round 60 (issue 17 §1, §3): set AW's largest mendable class of answerable questions sent to a person, campaign
facts asked in everyday words or Cantonese, first asked in words of our own (tests/data/faq_rule_checks_60.tsv,
written before any change, none of AW's questions): a unit, company, school or volunteer team asking how to join the
planting (camp.volunteers, a new intent), and Arbor Day's history or other countries' (camp.arbor_day; which day it
is stays camp.planting_done, whose answer gives the date). Controls (tagged ``control``) must not move:
own 11/15 -> 15/15, controls 11/11 -> 11/11. docs/faq.md, round 60."""

from pathlib import Path

import pytest

from bot import faq
from tests.unit.faq_knowledge import own_checks

ROOT = Path(__file__).resolve().parents[2]
CHECKS = ROOT / "tests" / "data" / "faq_rule_checks_60.tsv"


# round 88: an answer the precedents found that the model hardly leads for is a guess (``FaqIndex._supported``)
LOST_88 = {
    "种树当日有冇人派苗同工具": "round 88: answered by the precedents with the model's lead for it under [sure] support_lead (0.3, 0.10): a ticket"
}


@pytest.mark.parametrize(("question", "expected"), own_checks(CHECKS, LOST_88))
def test_round_60_classes_and_controls(index, question, expected):
    result = index.match(question)
    assert faq.result_label(result) == expected, (faq.result_label(result), result.reason, result.note_entry)
