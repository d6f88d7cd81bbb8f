"""FAQ helper faq139 (the sixtieth session; issue 17 §3 and §1; set CW's safety questions whose reply opened with no
safety line, and its questions asked back which of two answers was meant though their own words said which): a big
tree leaning more each day, hollow or eaten out by termites opens with the hazard-tree line; roots that cracked a wall
or trip people, thorns near children, fluff in the throat, the bare word for a caterpillar, how not to fall on a slope
and a weedkiller sprayed on the skin each open with their line; a tree's fruit asked by 熟 or 摘 and its water by 湿,
水边 or 浸 are that field, not asked back against the model's other field; a milestone reported here and an adviser's
visit signed here are their intents' answers. The helper's own phrasings and controls:
tests/data/faq_rule_checks_faq139.tsv (docs/faq.md, helper faq139)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot import faq
from tests.faq_helpers import check_lines, reads_safety_first

CHECKS = Path(__file__).resolve().parents[1] / "data" / "faq_rule_checks_faq139.tsv"
ROWS = check_lines(CHECKS)


def _asked_as_written(index: faq.FaqIndex, question: str, expected: str) -> None:
    result = index.match(question)
    assert (faq.result_label(result), result.other) == (expected, None), (
        faq.result_label(result),
        faq.result_label(result.other) if result.other is not None else None,
    )


@pytest.mark.parametrize(("question", "expected", "cls", "rules"), ROWS, ids=[row[0] for row in ROWS])
def test_faq139_own_phrasings(index, question, expected, cls, rules):
    """Each line read as labelled: a safety line's rules open the reply (or do not fire, for its controls); an asked
    back line is its label with nothing asked back."""
    if rules == "-":
        _asked_as_written(index, question, expected)
    else:
        reads_safety_first(index, question, expected, rules)


def test_faq139_counts():
    """46 lines: 33 safety (24 mended, 9 controls), 13 asked back (9 mended, 4 controls)."""
    assert len(ROWS) == 46
    assert sum(row[2].endswith("_control") for row in ROWS) == 13


@pytest.mark.parametrize(
    ("name", "question"), [("thorns", "簕杜鹃有刺会唔会刮亲细路"), ("roots_on_house", "树根翘起绊倒阿公")]
)
def test_faq139_new_lines_are_short_and_polite(index, name, question):
    """The thorn rule's line and the roots' trip line: short for a phone, full-width punctuation, no 你."""
    rule = next(rule for rule in index.safety if rule.name == name)
    line = rule.line_for(index._fixed(question))
    assert line.startswith("⚠ 安全第一：") and len(line) <= 120, line
    assert "你" not in line and not any(c in line for c in ",;:?!()"), line
    assert ("刺" in line) if name == "thorns" else ("绊倒" in line), line
