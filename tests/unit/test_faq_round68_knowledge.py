"""FAQ round 68 (issue 17 §4, knowledge; the lead's round of the thirty-seventh session): topics the held-out sets
AT–BB label `missing:<topic>`, now entries of the new messages/faq/orchard.toml with their sources: 桉树伤不伤地
(tech.eucalyptus; 种树的好处 is tech.climate's answer, mapped there), 看日子种树 (tech.lucky_day), 树叶树皮入药 (tech.medicinal_uses: never
medical advice, the doctor's), 控梢促花 (tech.flower_induction: the big fruiting tree is the adviser's), 套袋
(tech.fruit_bagging), 打顶 (tech.topping; a tree named is its own pruning field), 护树围栏 (tech.tree_guard), 树荫挡庄稼
(tech.shade_on_crops), 纪念树 (tech.memorial_tree), 果子甜酸 (tech.fruit_sweetness), 落叶入鱼塘 (tech.leaves_in_pond).
Each is reached by its own intent in matching.toml (orchard_technique keeps only what an intent leaves: rot, pests).
Own checks (tests/data/faq_rule_checks_68k.tsv): the first batch written before the entries (6/24 with the entries
alone, 17/24 with the intents); the second written after the intents and before measuring them (11/12); controls.
docs/faq.md, 第六十八轮(知识)."""

from pathlib import Path

import pytest

from bot import faq
from tests.unit.faq_knowledge import assert_short_sourced_and_polite

ROOT = Path(__file__).resolve().parents[2]
ORCHARD = ROOT / "messages" / "faq" / "orchard.toml"
NEW = {
    "tech.eucalyptus",
    "tech.lucky_day",
    "tech.medicinal_uses",
    "tech.flower_induction",
    "tech.fruit_bagging",
    "tech.topping",
    "tech.tree_guard",
    "tech.shade_on_crops",
    "tech.memorial_tree",
    "tech.fruit_sweetness",
    "tech.leaves_in_pond",
}


def test_the_new_entries_are_short_sourced_and_polite():
    # faq140 (sixtieth session) put two narrow entries in the same file (three phrasings each: answered only by their
    # own intents, never by the model; tests/unit/test_faq_round_faq140.py)
    assert_short_sourced_and_polite(ORCHARD, NEW, others=frozenset({"tech.alternate_bearing", "tech.fruit_cracking"}))


def test_each_mapped_label_points_at_the_entry_that_answers_it():
    mapped = faq.load_missing_map(ROOT / "messages" / "faq" / "precedents" / "missing_map.tsv")
    for topic in ("eucalyptus_effects", "eucalyptus_water", "eucalyptus_replacement"):
        assert mapped[f"missing:{topic}"] == "tech.eucalyptus", topic
    assert mapped["missing:lunar_calendar_planting"] == mapped["missing:auspicious_day"] == "tech.lucky_day"
    assert mapped["missing:grave_planting"] == mapped["missing:grave_site_trees"] == "camp.fengshui"
    assert mapped["missing:poultry_under_trees"] == mapped["missing:orchard_chickens"] == "tech.livestock"
    assert set(mapped.values()) >= NEW
    assert mapped["missing:tree_benefits"] == mapped["missing:oxygen_output"] == "tech.climate"  # it says what trees do


@pytest.mark.parametrize(
    ("entry_id", "words"),
    [
        ("tech.medicinal_uses", ("不能教您用药治病", "问医生", "打过农药")),  # never medical advice (issue 17 §2)
        ("tech.flower_induction", ("不要做", "先问技术顾问")),  # a cut too deep kills the tree
        ("tech.eucalyptus", ("乡土树", "林业站")),
        ("tech.fruit_bagging", ("不要用塑料袋",)),
        ("tech.tree_guard", ("不要勒进树皮", "松绑")),
        ("tech.memorial_tree", ("先问村委",)),  # a public place is the village's to give
        ("tech.shade_on_crops", ("先和田主商量",)),
    ],
)
def test_the_safe_way_is_in_each_answer(index, entry_id, words):
    answer = index.entries[index._by_id[entry_id]].answer
    assert all(word in answer for word in words), (entry_id, answer)


def test_what_an_intent_leaves_stays_with_the_rules(index):
    assert index.match("荔枝套袋后果还是烂了").kind == "escalate"  # rot: one tree's trouble
    assert index.match("我屋后山有几棵松树好似俾人环剥咗树皮").kind == "escalate"  # damage by someone
    pruning = index.match("小叶榄仁要不要剪顶")  # a tree named: its own pruning field
    assert (pruning.kind, pruning.entry_id) == ("answer", "species.小叶榄仁.pruning")
    assert index.match("桉树算不算名单里的树").entry_id == "camp.exotic"
