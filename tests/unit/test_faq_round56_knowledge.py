"""FAQ round 56 (issue 17 §4, knowledge): topics set AT and older sets label `missing:<topic>` that no entry answered,
now entries of the new messages/faq/living.toml with their sources: 野猪拱苗 (tech.wild_boar, its ⚠ line in the answer),
我的资料谁看得到 (bot.privacy: what the bot keeps, who sees it, who deletes it), 桂花茶、桂花酒 (tech.osmanthus_food: clean,
no pesticide, no home distilling), 树多高多粗怎么量 (tech.measure_tree), 种树和天气 (tech.climate), 树能活多少年
(tech.lifespan), 别的语言的版本 (bot.languages). They are ranked entries (matching.toml is not this round's file), found
by their phrasings, the words and the precedents of the labels mapped to them. Own checks (tests/data/faq_rule_checks_56k.tsv,
written before the entries, none from a set) and controls. docs/faq.md, 第五十六轮(知识)."""

import tomllib
from pathlib import Path

import pytest

from bot import faq
from tests.unit.faq_knowledge import assert_short_sourced_and_polite

ROOT = Path(__file__).resolve().parents[2]
LIVING = ROOT / "messages" / "faq" / "living.toml"
NEW = {
    "tech.wild_boar",
    "bot.privacy",
    "tech.osmanthus_food",
    "tech.measure_tree",
    "tech.climate",
    "tech.lifespan",
    "bot.languages",
}


def test_the_new_entries_load_with_their_sources_and_fit_a_phone_screen(index):
    assert_short_sourced_and_polite(LIVING, NEW, index)


def test_the_new_entries_answer_each_mapped_label():
    mapped = faq.load_missing_map(ROOT / "messages" / "faq" / "precedents" / "missing_map.tsv")
    assert NEW <= set(mapped.values())
    # a person's to answer, never mapped: money and law (tax), the village's arrangements (a ceremony, a memorial tree);
    # wild mushrooms were a person's too until round 61 gave them an entry whose first line is the warning (nature.toml)
    left = ("missing:tax", "missing:planting_ceremony", "missing:tree_donation_memorial")
    assert not set(left) & set(mapped)


@pytest.mark.parametrize(
    ("entry_id", "words"),
    [
        # no electric fence or trap: it kills people, it is illegal
        ("tech.wild_boar", ("⚠", "电网", "兽夹", "村委", "林业站")),
        ("tech.osmanthus_food", ("没打过药", "安全间隔期", "发霉", "别自己蒸酒")),
        ("tech.measure_tree", ("1.3米", "别为量树爬树")),
        ("tech.lifespan", ("古树",)),
        ("bot.privacy", ("身份证", "村干部", "办公室", "删除")),
        ("bot.languages", ("问专家",)),
    ],
)
def test_safety_and_whom_to_ask_in_the_very_answer(index, entry_id, words):
    text = index.entry(entry_id).answer
    assert all(word in text for word in words), (entry_id, words)


def test_privacy_says_what_the_design_keeps_and_who_deletes(index):
    """What DESIGN.md's roster and the chat keep (name, village, role, the roster's phone, records with photo and location,
    questions) and registration.toml's leave reply (the village cadres or the office delete a registration)."""
    text = index.entry("bot.privacy").answer
    assert all(word in text for word in ("姓名", "手机号", "照片", "位置", "问题"))
    leave = tomllib.loads((ROOT / "messages" / "replies" / "registration.toml").read_text("utf-8"))["leave"]
    assert "村干部或办公室" in leave and "村干部或办公室" in text
