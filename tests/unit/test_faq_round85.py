"""FAQ round 85 (issue 17 §3: safety first, in the very reply; set BN's safety-tagged questions whose reply opened with
no safety line, read by class with ``bench/faq_eval.py --show-unsafe``). Each class is checked on the helper's own
phrasings, tests/data/faq_rule_checks_85.tsv, written before its change, held-out controls both ways: the danger said
otherwise (the line opens the reply) and a near miss (a word of danger that is none: 心痛 for a dead tree, a fertiliser's
烧根, caterpillars eating leaves, a cow in calf, how far from a water pipe to plant). docs: README, FAQ round 85.

1. a leech stuck on (粘在, 吸在, 叮在) a limb;
2. a tree or bamboo knocked over across a road, a dead branch that may fall any moment, a hollow old trunk feared to
   break (hazard_tree);
3. the mud of a slope sliding (landslide); a field-edge fire about to reach the trees (fire);
4. a caterpillar that bit a person, not a leaf (caterpillar);
5. rules of their own: someone suddenly ill on the hill (chest pain, cannot get up: sudden_illness, 120), a water pipe or
   optical cable dug into or its marker seen (buried_utility), a pregnant woman asked about the work (pregnancy);
6. a slope called too steep and dangerous, old people sent up to carry seedlings (risky_assignment, a ticket); a tree
   too tall to pick safely (ladder_climbing: the line, no ticket);
7. over-escalation (issue 17 §1): ants, roots in pipes and rodents hold for any tree, an off-list one too (``any_tree``:
   黄猄蚁 on a 柚子); the bot asked what it is in Cantonese (你系乜嘢嚟㗎) is bot.help. A symptom on one's own off-list
   tree and a theft stay with a person.
"""

from pathlib import Path

import pytest

from bot import config as config_mod
from bot import faq
from bot.config import _thaw

ROOT = Path(__file__).resolve().parents[2]
CONFIG = _thaw(config_mod.load(ROOT / "config.toml", env={}).data)
CHECKS = ROOT / "tests" / "data" / "faq_rule_checks_85.tsv"
LEFT: dict[str, str] = {}


def _checks() -> list:
    rows = []
    for line in CHECKS.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            question, expected, cls, rules = line.split("\t")
            marks = [pytest.mark.xfail(strict=True, reason=LEFT[question])] if question in LEFT else []
            rows.append(pytest.param(question, expected, cls, rules, id=question, marks=marks))
    return rows


@pytest.fixture(scope="module")
def index():
    return faq.FaqIndex.load(ROOT / "messages", CONFIG["campaign"], CONFIG["faq"]["confidence_threshold"])


def _rule(index, name: str) -> faq.SafetyRule | None:
    return next((rule for rule in index.safety if rule.name == name), None)


@pytest.mark.parametrize(("question", "expected", "cls", "rules"), _checks())
def test_own_checks(index, question, expected, cls, rules):
    """The label ('*': any, '!label': any but that), then what the villager reads first: each named rule's line opens
    the reply ('!name': its line is not there; '-': no safety line at all; '*': some safety line)."""
    result = index.match(question)
    got = faq.result_label(result)
    if expected.startswith("!"):
        assert got != expected[1:]
    elif expected != "*":
        assert got == expected, (got, result.reason)
    norm = index._fixed(question)
    if rules == "-":
        assert result.safety == "", result.safety
        return
    if rules == "*":
        assert result.safety.startswith("⚠"), (got, result.safety)
        return
    for name in rules.split(","):
        rule = _rule(index, name.lstrip("!"))
        if name.startswith("!"):
            assert rule is None or (not rule.fires(norm) and rule.line_for(norm) not in result.safety), result.safety
        else:
            assert rule is not None, f"no safety rule {name}"
            assert rule.line_for(norm) in result.safety.splitlines(), (got, result.safety)
            if result.kind == "answer":
                assert result.answer_text.startswith(result.safety), result.answer_text[:60]
