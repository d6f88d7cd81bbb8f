"""FAQ round 64 (issue 17 §3, §4, knowledge): topics sets AY and AZ label `missing:<topic>` that no entry answered, now
entries of the new messages/faq/upkeep.toml with their sources: 平时修剪 (tech.pruning_general; one tree named stays its
own field, species.荔枝.pruning), 疏花疏果 (tech.fruit_thinning: matching.toml's orchard_technique class no longer sends
疏果 to a person), 叶面肥 (tech.foliar_fertilizer), 露根 (tech.exposed_roots: cutting a root is not felling), 蚯蚓
(tech.earthworms), 狗尿 (tech.dog_urine), 落叶多少 (tech.leaf_litter), 隔音 (tech.noise_reduction), 太阳能板挡光
(tech.solar_panel_shade), 防苗被偷 (tech.seedling_theft: asked how to prevent it is no dispute), 成活率合格标准
(tech.survival_standard, GB/T 15776); tech.bird_damage now answers bats and squirrels too (an animal stealing fruit is no
dispute). An entry marked `any_tree` answers a tree off the list as well ('黄皮挂果太多要不要摘掉一些'), tea excepted
(matching.toml [offlist] not_any_tree). Own checks (tests/data/faq_rule_checks_64k.tsv, written before the entries and
their first run, none from a set) and controls. docs/faq.md, 第六十四轮(知识)."""

from pathlib import Path

import pytest

from bot import faq
from tests.unit.faq_knowledge import assert_short_sourced_and_polite

ROOT = Path(__file__).resolve().parents[2]
UPKEEP = ROOT / "messages" / "faq" / "upkeep.toml"
NEW = {
    "tech.pruning_general",
    "tech.fruit_thinning",
    "tech.foliar_fertilizer",
    "tech.exposed_roots",
    "tech.earthworms",
    "tech.dog_urine",
    "tech.leaf_litter",
    "tech.noise_reduction",
    "tech.solar_panel_shade",
    "tech.seedling_theft",
    "tech.survival_standard",
}


def test_the_new_entries_are_short_sourced_and_polite():
    assert_short_sourced_and_polite(UPKEEP, NEW)


def test_each_mapped_label_points_at_the_entry_that_answers_it():
    mapped = faq.load_missing_map(ROOT / "messages" / "faq" / "precedents" / "missing_map.tsv")
    assert mapped["missing:general_fruit_pruning"] == mapped["missing:pruning_general"] == "tech.pruning_general"
    assert mapped["missing:theft_prevention"] == "tech.seedling_theft"
    assert mapped["missing:survival_rate_standard"] == "tech.survival_standard"
    assert mapped["missing:bats"] == mapped["missing:squirrels"] == "tech.bird_damage"
    assert mapped["missing:mosquito_repellent_trees"] == "tech.mosquitoes"  # it says no tree drives them away
    for topic in ("fruit_thinning", "foliar_fertilizer", "exposed_roots", "earthworms", "dog_urine", "leaf_litter"):
        assert mapped[f"missing:{topic}"] in NEW, topic


@pytest.mark.parametrize(
    ("entry_id", "words"),
    [
        ("tech.survival_standard", ("85%", "41%–84%", "补种")),  # GB/T 15776's thresholds
        ("tech.dog_urine", ("清水", "别撒辣椒粉、农药")),
        ("tech.seedling_theft", ("110", "村委")),
        ("tech.exposed_roots", ("大根别砍", "问专家")),
        ("tech.leaf_litter", ("别烧",)),  # no burning (issue 17 §2)
        ("tech.bird_damage", ("蝙蝠", "松鼠", "不要放毒饵")),
    ],
)
def test_the_safe_way_is_in_each_answer(index, entry_id, words):
    answer = index.entries[index._by_id[entry_id]].answer
    assert all(word in answer for word in words), (entry_id, answer)


def test_a_general_entry_answers_an_offlist_tree_but_not_tea(index):
    thinning = index.match("黄皮挂果太多要不要摘掉一些")
    assert (thinning.kind, thinning.entry_id, thinning.reason) == ("answer", "tech.fruit_thinning", "offlist_any_tree")
    assert index.match("茶树几时修剪").entry_id != "tech.pruning_general"  # tea is pruned for picking
    assert index.match("菠萝蜜生虫点治").kind == "escalate"  # pests of an off-list tree: still a person's


def test_theft_that_happened_stays_a_dispute_but_prevention_is_answered(index):
    assert index.match("我的桂花苗昨晚被人偷了").kind == "escalate"
    prevent = index.match("点样防止啲苗俾人偷")
    assert (prevent.kind, prevent.entry_id) == ("answer", "tech.seedling_theft")
    felled = index.match("砍树要不要连根挖")  # a root named after felling is still felling
    assert felled.entry_id == "tech.felling" or felled.reason == "felling"
