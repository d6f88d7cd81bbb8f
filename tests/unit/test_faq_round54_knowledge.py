"""FAQ round 54 (issue 17 §4, knowledge): topics set AS and older sets label `missing:<topic>` that no entry answered,
now entries of the new messages/faq/care.toml with their sources: 老鼠、田鼠 (tech.rodents), 蜗牛、蛞蝓、福寿螺
(tech.snails), 树上的蚂蚁 (tech.ants), 移树 (tech.move_tree), 种树积分 (camp.points_rewards: the seeds are silent, where to
ask), 带小孩种树 (tech.children), 沤肥 (tech.composting), 缠树的藤 (tech.vines), 山上挖野生苗 (tech.wild_seedlings: the
village's and the forestry station's to say), 落叶堵水槽 (tech.gutters), 树根和水管 (tech.roots_pipes). They are ranked
entries (matching.toml's intents are not this round's), found by their phrasings, the words and the precedents. Own checks
(tests/data/faq_rule_checks_54k.tsv, three or four per entry, written before the entries, none from a set) and controls.
docs/faq.md, 第五十四轮(知识)."""

from pathlib import Path

import pytest

from bot import faq
from tests.unit.conftest import CONFIG
from tests.unit.faq_knowledge import assert_short_sourced_and_polite

ROOT = Path(__file__).resolve().parents[2]
CARE = ROOT / "messages" / "faq" / "care.toml"
NEW = {
    "tech.rodents",
    "tech.snails",
    "tech.ants",
    "tech.move_tree",
    "camp.points_rewards",
    "tech.children",
    "tech.composting",
    "tech.vines",
    "tech.wild_seedlings",
    "tech.gutters",
    "tech.roots_pipes",
}


def test_the_new_entries_load_with_their_sources_and_fit_a_phone_screen(index):
    assert_short_sourced_and_polite(CARE, NEW, index)


def test_the_new_entries_answer_each_mapped_label():
    mapped = faq.load_missing_map(ROOT / "messages" / "faq" / "precedents" / "missing_map.tsv")
    assert NEW <= set(mapped.values())


def test_the_seeds_say_nothing_of_villagers_points_and_the_answer_says_whom_to_ask(index):
    text = index.entry("camp.points_rewards").answer
    assert "没有写" in text and "村委" in text and "支部" in text
    # no invented figure: only the seed's 6月底, since round 115 read from config.toml (milestones.first_awards)
    month, day = CONFIG["campaign"]["milestones"]["first_awards"].split("-")
    assert f"{int(month)}月{int(day)}日前" in text
    assert not any(ch.isdigit() for ch in text.replace(f"{int(month)}月{int(day)}日前", "", 1))


def test_wild_seedlings_send_the_villager_to_the_village_and_the_forestry_station(index):
    text = index.entry("tech.wild_seedlings").answer
    assert "村委" in text and "林业站" in text and "保护" in text


@pytest.mark.parametrize(
    ("entry_id", "words"),
    [
        ("tech.rodents", ("毒饵盒", "禁用")),  # poison bait kept from children and stock, banned rodenticides never
        ("tech.snails", ("手套",)),  # lime and apple snails handled with gloves
        ("tech.children", ("大人", "树穴", "农药")),
        ("tech.gutters", ("有人扶", "95598")),
        ("tech.composting", ("烧根", "防火期")),
        ("tech.move_tree", ("村委", "古树")),
    ],
)
def test_safety_and_whom_to_ask_in_the_very_answer(index, entry_id, words):
    text = index.entry(entry_id).answer
    assert all(word in text for word in words), (entry_id, words)


@pytest.mark.parametrize(
    ("sent", "expected"),
    [
        ("红火蚁", "tech.fire_ants"),
        ("党员积分", "camp.party_points"),
        ("落叶怎么沤肥", "tech.composting"),
        ("树离房子多远", "tech.house_distance"),
        ("树苗从哪里来", "camp.seedlings"),
    ],
)
def test_what_an_answer_tells_the_villager_to_send_is_answered(index, sent, expected):
    assert faq.result_label(index.match(sent)) == expected, sent
