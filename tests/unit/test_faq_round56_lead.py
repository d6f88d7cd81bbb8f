"""FAQ round 56, the lead in the simulator (tests/data/faq_rule_checks_56l.tsv, written before the change): where to
buy a tree's seedlings (`边度可以买到桂花苗`: it was where 桂花 grows well) is camp.seedlings; an old family member who
cannot plant (`我阿妈七十几岁 种唔郁树 点算`: it was the party members' age) is the household's quota, which says it is
counted by household and a cadre's 代种 for one who cannot. Own 3/9 -> 9/9 (the buying asked with 去边度买 held already),
controls 5/5 -> 5/5."""

from pathlib import Path

import pytest

from bot import faq

ROOT = Path(__file__).resolve().parents[2]
CHECKS = ROOT / "tests" / "data" / "faq_rule_checks_56l.tsv"


def _checks() -> list[tuple[str, str]]:
    rows = [line.split("\t") for line in CHECKS.read_text(encoding="utf-8").splitlines()]
    return [(r[0], r[1]) for r in rows if r[0] and not r[0].startswith("#")]


@pytest.mark.parametrize(("question", "expected"), _checks())
def test_round_56_lead_classes_and_controls(index, question, expected):
    result = index.match(question)
    assert faq.result_label(result) == expected, (faq.result_label(result), result.reason)
