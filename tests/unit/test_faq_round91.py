"""FAQ round 91 (issue 17 §1: why rounds 89 and 90's gains on set BR did not reach set BS). On the 478 questions of BS
that its writer and a second annotator label alike, the matcher's 61 misses were classed (README, FAQ round 91); the
largest class a rule could mend without answering a question labelled escalate was a wish to plant trees of a kind at a
place, told with no asking word ('我爸想在屋后种几棵能卖钱的', '我妈想在屋门口种棵树，又想遮阴又想开花'): escalated,
because the recommendation's triggers were phrasings ('种一棵……的树' at the sentence's end; its 几 never matched, the
normalisation writes 几棵 as 多少棵), not the class. Checked first on the helper's own phrasings,
tests/data/faq_rule_checks_91.tsv, written before the change, with controls (a tree planted, a distance, a seedling
asked). docs: README, FAQ round 91.
"""

from pathlib import Path

import pytest

from bot import faq
from tests.unit.faq_knowledge import own_checks

ROOT = Path(__file__).resolve().parents[2]
CHECKS = ROOT / "tests" / "data" / "faq_rule_checks_91.tsv"
MISSED: dict[str, str] = {}


@pytest.mark.parametrize(("question", "expected"), own_checks(CHECKS, MISSED))
def test_own_checks(index, question, expected):
    got = faq.result_label(index.match(question))
    if expected.startswith("!"):
        assert got != expected[1:], got
    else:
        assert got == expected, got
