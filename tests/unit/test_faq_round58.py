"""FAQ round 58 (issue 17 §1, §3): set AU's misses by class, each class first asked in words of our own
(tests/data/faq_rule_checks_58.tsv, written before its change, none of AU's questions). Safety: an answer from the entry
on keeping from a danger opens with that danger's line (safety.toml ``answers``; a new fire-ants rule). Confident
wrongs: a recommendation said as a bare wish, a kind of tree alone, a small or low tree, a plot's purpose; a decision
or exception asked of a person, an appeal, building on forest land, a symptom on an intent's own tree; orchard
techniques no entry covers; one's fruit sold where; a tree with an entry compared for money, an old tree sold; the
waterside said with 沿. Classes 1-5 (31 checks) own 12/31 -> 30/31 (the one left is asked back: no line before a pick),
controls 11/11 -> 11/11; classes 6-9 (written after 1-5 were changed, before their own change) own 3/9 -> 9/9, controls
3/3 -> 3/3; class 10 (silk in rolled leaves) right before and after. An entry that opens with its own ⚠ line is that
line (``line:own``); a calm question the entry answers gets none (round 38). docs/faq.md, round 58."""

from pathlib import Path

import pytest

from bot import faq

ROOT = Path(__file__).resolve().parents[2]
CHECKS = ROOT / "tests" / "data" / "faq_rule_checks_58.tsv"
# asked back between tech.pesticide_safety and tech.weeds (two readings, no answer yet): no line until one is picked
ASKED_BACK = {"打除草剂要注意啲乜"}


@pytest.fixture(scope="module")
def rules() -> dict[str, faq.SafetyRule]:
    return {rule.name: rule for rule in faq.load_safety_rules(ROOT / "messages" / "faq")}


@pytest.fixture(scope="module")
def lines(rules) -> dict[str, str]:
    return {name: rule.line for name, rule in rules.items()}


def says_a_line_of(rule: faq.SafetyRule, safety: str) -> bool:
    """The reply's safety says the rule's line or one of its ``line_by`` lines (round 87: a typhoon said to be coming,
    the tie-early line of typhoon_warning)."""
    return any(line in safety for line in (rule.line, *(line for _, line in rule.line_by)))


def _checks() -> list:
    rows = [line.split("\t") for line in CHECKS.read_text(encoding="utf-8").splitlines()]
    return [
        pytest.param(
            r[0],
            r[1],
            r[2] if len(r) > 2 else "",
            marks=pytest.mark.xfail(strict=True, reason="asked back: no safety line") if r[0] in ASKED_BACK else (),
        )
        for r in rows
        if r[0] and not r[0].startswith("#")
    ]


@pytest.mark.parametrize(("question", "expected", "tags"), _checks())
def test_round_58_classes_and_controls(index, rules, question, expected, tags):
    result = index.match(question)
    assert faq.result_label(result) == expected, (faq.result_label(result), result.reason)
    for tag in tags.split():
        if tag.startswith("note:"):
            assert result.note_entry == tag.removeprefix("note:"), (result.reason, result.note_entry)
        if tag == "line:own":
            assert result.safety and result.answer_text.startswith(result.safety), result.safety
            assert result.safety == index.entry(expected).answer.splitlines()[0], result.safety
        elif tag.startswith("line:"):
            assert says_a_line_of(rules[tag.removeprefix("line:")], result.safety), result.safety
        if tag == "noline":
            assert not result.safety, result.safety


def test_the_line_opens_the_reply_before_the_entry(index, lines):
    result = index.match("喷农药要戴手套吗")
    assert result.answer_text.startswith(lines["pesticide_exposure"])
    assert result.answer_text.endswith(index.entry("tech.pesticide_safety").answer)


def test_a_fire_ant_sting_with_breath_short_goes_to_a_person_with_the_line_first(index, lines):
    result = index.match("被红火蚁咬了 而家头晕气促")
    assert result.kind == "escalate" and result.safety == lines["fire_ants"]
    assert result.note_entry == "tech.fire_ants"


def test_a_recommendation_of_small_trees_lists_only_small_ones(index):
    result = index.match("种什么树不会长得太高")
    assert faq.result_label(result) == "recommend.small"
    assert "荔枝" not in result.answer_text  # 8 m and more: not for a small tree (small_max_height_m)
