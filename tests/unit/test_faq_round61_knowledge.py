"""FAQ round 61 (issue 17 §3, §4, knowledge): topics sets AW and AX (and AT, AU) label `missing:<topic>` that no entry
answered, now entries of the new messages/faq/nature.toml with their sources: 毛毛虫蜇人 (tech.caterpillar_sting, and
safety.toml's own `caterpillar` rule, moved out of plant_sap: tape the hairs out, soap and water; in the eye, a swollen
face or short of breath, a person and 120), 树上的蘑菇木耳能不能吃 (tech.wild_mushrooms: never eat one you do not know;
matching.toml's class wild_mushroom, which sent every such question to a person, is gone; eaten and ill stays ate_plant's
ticket), 树叶喂牲口 (tech.leaf_fodder), 水浸过的树 (tech.flood_recovery), 冰雹 (tech.hail), 寄生 (tech.mistletoe), 知了
(tech.cicadas), 烧木炭、炭火取暖 (tech.charcoal: carbon monoxide, no kiln in the fire season). Own checks
(tests/data/faq_rule_checks_61k.tsv, written before their first run, none from a set) and controls. docs/faq.md,
第六十一轮(知识)."""

from pathlib import Path

import pytest

from bot import faq
from tests.unit.faq_knowledge import assert_short_sourced_and_polite

ROOT = Path(__file__).resolve().parents[2]
NATURE = ROOT / "messages" / "faq" / "nature.toml"
NEW = {
    "tech.caterpillar_sting",
    "tech.wild_mushrooms",
    "tech.leaf_fodder",
    "tech.flood_recovery",
    "tech.hail",
    "tech.mistletoe",
    "tech.cicadas",
    "tech.charcoal",
}


def test_the_new_entries_are_short_sourced_and_polite():
    assert_short_sourced_and_polite(NATURE, NEW)


def test_each_mapped_label_points_at_a_new_entry_it_answers():
    mapped = faq.load_missing_map(ROOT / "messages" / "faq" / "precedents" / "missing_map.tsv")
    for label in (
        "missing:caterpillar",
        "missing:tree_fungus_edibility",
        "missing:wild_mushrooms",
        "missing:leaf_fodder",
    ):
        assert mapped[label] in NEW, label
    assert {mapped[f"missing:{t}"] for t in ("flood", "hail", "mistletoe", "cicadas", "charcoal")} <= NEW


@pytest.mark.parametrize(
    ("entry_id", "words"),
    [
        ("tech.caterpillar_sting", ("⚠", "胶布", "肥皂水", "120")),
        ("tech.wild_mushrooms", ("⚠", "别采别吃", "120", "问专家")),  # never a test of poison by silver or garlic
        ("tech.leaf_fodder", ("夹竹桃", "安全间隔期")),
        ("tech.flood_recovery", ("95598", "淤泥", "不要施重肥")),
        ("tech.charcoal", ("⚠", "开窗", "120", "森林防火期")),
        ("tech.cicadas", ("深埋", "别烧")),  # no burning in the fire season (issue 17 §2)
    ],
)
def test_the_safe_way_is_in_each_answer(index, entry_id, words):
    answer = index.entries[index._by_id[entry_id]].answer
    assert all(word in answer for word in words), (entry_id, answer)


def test_a_caterpillar_sting_is_answered_with_its_line_and_a_bad_one_goes_to_a_person(index):
    mild = index.match("摸到洋辣子手好痛")
    assert (mild.kind, mild.entry_id) == ("answer", "tech.caterpillar_sting")
    assert mild.safety.startswith("⚠") and "胶布" in mild.safety
    bad = index.match("毛虫蜇了之后全身起疹 喘唔到气")
    assert bad.kind == "escalate" and "胶布" in bad.safety
    assert bad.note_entry == "tech.caterpillar_sting" and "胶布" in bad.answer_text  # its first aid under the number


def test_a_mushroom_asked_is_answered_and_one_eaten_is_a_ticket(index):
    asked = index.match("树下面生咗啲野生菌 食唔食得")
    assert (asked.kind, asked.entry_id) == ("answer", "tech.wild_mushrooms")
    eaten = index.match("我阿爸吃了后山采的野菌 现在呕吐")
    # round 116 (issue 17 §1, sets BZ-CL): a plant or mushroom eaten is answered with its first aid, the line first
    assert (eaten.kind, eaten.entry_id) == ("answer", "tech.poison_first_aid") and "120" in eaten.safety
    # a named poison plant: its line and the poison's first aid (round 116 answers it at once; it had been a ticket)
    named = index.match("断肠草可唔可以食")
    assert named.entry_id == "tech.poison_first_aid" and named.safety.startswith("⚠"), named
