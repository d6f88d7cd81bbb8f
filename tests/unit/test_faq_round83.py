"""FAQ round 83 (issue 17 §3: safety first, in the very reply; the development sets' safety-tagged questions whose reply
opened with no safety line, read by class with ``bench/faq_eval.py --show-unsafe``). Each class is checked on the
helper's own phrasings, tests/data/faq_rule_checks_83.tsv, written before its change, held-out controls both ways:
the danger said otherwise (the line opens the reply) and a near miss (a word of danger that is none: 蛇瓜, 电线杆旁边种
什么树, 火龙果, 炭疽病, a tree's 扭, a slope asked what to plant). docs: README, FAQ round 83.

1. a person hurt as Cantonese says it (扭亲只脚, 跌伤, 碰到只脚, pinned under a branch) is the injury's line; a bamboo or
   thorn splinter driven in is the puncture's;
2. a plant eaten by a sibling (细佬, 弟弟, 家姐) though a dog ate it too, a wrong wild fruit (食错), a toxic tree's
   fruit named (苦楝) is the eaten plant's line; lime in the mouth is the lime's, with its own line;
3. heat and a person suddenly unwell; pollen or flying fluff and a child wheezing, hives all over: a rule of their own
   (pollen_allergy, tech.plant_allergy after it); a charcoal brazier indoors and a headache (charcoal_fumes, 120);
4. a snake that crawls into a place; thunder while planting asked in Cantonese (避, 走, 仲种唔种); a slope slippery, an
   old person falling on one;
5. asked how to keep safe spraying in Cantonese (着咩衫, the leftover pesticide or empty bottle, a child or pregnant
   woman near): the answer opens with the pesticide line (``[safety_answers] asked``).
"""

from pathlib import Path

import pytest

from bot import config as config_mod
from bot import faq
from bot.config import _thaw
from tests.faq_helpers import reads_safety_first, safety_checks, safety_rule

ROOT = Path(__file__).resolve().parents[2]
CHECKS = ROOT / "tests" / "data" / "faq_rule_checks_83.tsv"
# disputed, kept as written: the brief's near miss, but the power line rule fires on any 电线杆 by design (rounds 13, 51,
# 58: asked where to plant by a line, the line opens the reply, tech.power_lines answers) and the development sets' writers
# tag such questions safety ('电线下面能种树吗', '电线杆旁边种竹子会不会有危险'): the lead decides
# and an empty bottle's disposal: round 38 pins '剩下的农药空瓶点处理' calm (the pesticide line is about exposure)
LEFT = {
    "电线杆旁边种什么树好": "power_line fires on 电线杆 by design (rounds 13, 51, 58); the sets tag it safety",
    "用完的农药空瓶怎么处理": "round 38 pins an empty bottle's disposal as a calm question (tests/e2e/test_faq_safety.py)",
}


@pytest.mark.parametrize(("question", "expected", "cls", "rules"), safety_checks(CHECKS, LEFT))
def test_own_checks(index, question, expected, cls, rules):
    reads_safety_first(index, question, expected, rules)


def test_the_lime_in_the_mouth_has_its_own_line(index):
    """Lime swallowed is no lime in the eyes: its line says rinse the mouth, not the eyes (safety.toml ``line_by``)."""
    result = index.match("阿爸唔觉意食咗啖石灰水")
    assert result.safety.startswith("⚠") and "漱口" in result.safety, result.safety
