"""FAQ round 56 (issue 17 §1, §3): set AT's misses by class, each class first asked in words of our own
(tests/data/faq_rule_checks_56.tsv, written before any change, none of AT's questions): confident wrongs (watering by
how much, too much or after rain is tech.watering_after; a recommendation's place or purpose in other words; voice's
施非 and 注测; when top-dressing may begin; what to mind on a hill; cattle eating leaves), travel and raising animals
off-topic, adoption's price a ticket with camp.adopt under the number, points for planting without party words
camp.points_rewards; the safety lines AT still missed (pesticide kept where a child may reach it, pines turning red
together, a harness or rope for pruning high) and a plant eaten getting the plant's first aid, not pesticide's.
Controls (tagged ``control``) must not move. The nine classes written first: own 2/33 -> 33/33, controls 25/25 -> 25/25;
two classes written after them, before their own change (chit-chat, a wish to plant one tree at a place): 4/8 -> 8/8,
controls 4/4 -> 4/4. docs/faq.md, round 56."""

from pathlib import Path

import pytest

from bot import faq

ROOT = Path(__file__).resolve().parents[2]
CHECKS = ROOT / "tests" / "data" / "faq_rule_checks_56.tsv"


@pytest.fixture(scope="module")
def lines() -> dict[str, str]:
    return {rule.name: rule.line for rule in faq.load_safety_rules(ROOT / "messages" / "faq")}


def _checks() -> list[tuple[str, str, str]]:
    rows = [line.split("\t") for line in CHECKS.read_text(encoding="utf-8").splitlines()]
    return [(r[0], r[1], r[2] if len(r) > 2 else "") for r in rows if r[0] and not r[0].startswith("#")]


@pytest.mark.parametrize(("question", "expected", "tags"), _checks())
def test_round_56_classes_and_controls(index, lines, question, expected, tags):
    result = index.match(question)
    assert faq.result_label(result) == expected, (faq.result_label(result), result.reason)
    for tag in tags.split():
        if tag.startswith("note:"):
            assert result.note_entry == tag.removeprefix("note:"), (result.reason, result.note_entry)
        if tag.startswith("line:"):
            assert lines[tag.removeprefix("line:")] in result.safety, result.safety


def test_the_pine_wilt_line_opens_the_entry(index, lines):
    result = index.match("山上一片松树全红了 要报告吗")
    assert result.answer_text.startswith(lines["pine_wilt"])
    assert faq.result_label(result) == "tech.pine_wilt"


def test_off_topic_names_where_to_ask_about_livestock(index):
    result = index.match("怎么养猪")
    assert faq.result_label(result) == "bot.off_topic"
    assert "畜牧兽医站" in result.answer_text


@pytest.mark.parametrize(
    ("question", "expected", "note"),
    [
        ("桂花几时施非", "species.桂花.fertilizer", None),  # 施肥 misheard
        ("认养一棵树要多少钱", "escalate", "camp.adopt"),  # camp.adopt says no price: a ticket with it under the number
        ("广州到深圳怎么走", "bot.off_topic", None),  # had been asked back with the planting depth (深)
        ("怎么养猪", "bot.off_topic", None),
        ("种一棵树算几分", "camp.points_rewards", None),  # it names the party branch's points too
        ("涂白要涂几高", "tech.whitewash", None),
    ],
)
def test_the_leads_phrasings_from_the_simulator(index, question, expected, note):
    result = index.match(question)
    assert faq.result_label(result) == expected, result.reason
    assert result.note_entry == note
    if expected == "tech.whitewash":
        assert "1–1.2米" in result.answer_text  # the height is the entry's own line
