"""FAQ round 71 (knowledge; orchard technique for experienced growers): set BD's 荔枝/龙眼 questions (秋梢留几次, 冲梢,
花穗短截, 花期淋水, 壮果肥几多斤, 椿象几时打药, 叶瘿蚊, 疏穗) had escalated (``not_covered``: the field said nothing of
them) or got a near entry. The species fields the matcher already reaches now hold it, sourced in each species'
``[species.sources]``: 荔枝 and 龙眼 pruning (秋梢 flushes, 冬梢), flowering's ``flower_care`` (冲梢, 花穗), water and
fertilizer by stage (amounts as ranges, 按说明), pests by season (按标签用药、安全间隔期, no product names), the fruit
topic's ``fruit_care`` (保果, 疏穗, 裂果); 杨梅's fruit flies, 柿's green fruit dropping, 石榴's split fruit. Topic words
reach them (秋梢, 花穗, 冲梢, 蝽, 瘿蚊, 疏穗, 裂果 …; ``strong_triggers``: '花穗要不要剪短' is the spike's, not pruning's).
One tree's trouble described still goes to the adviser. Own checks (tests/data/faq_rule_checks_71k.tsv), written before
any change: 12/29 then, 27/29 now. docs/faq.md, 第七十一轮."""

import re
import tomllib
from pathlib import Path

import pytest

from bot import faq

ROOT = Path(__file__).resolve().parents[2]
SPECIES = {
    row["name"]: row for row in tomllib.loads((ROOT / "messages" / "species.toml").read_text("utf-8"))["species"]
}
# the fields each source names, and the topic a field answers (fruit_care is the fruit topic's)
SOURCED = {
    "荔枝": {"pruning", "flowering", "water", "fertilizer", "pests", "fruit"},
    "龙眼": {"pruning", "flowering", "water", "fertilizer", "pests", "fruit"},
    "杨梅": {"pests"},
    "柿": {"fruit"},
    "石榴": {"fruit"},
}


@pytest.mark.parametrize(("species", "fields"), SOURCED.items())
def test_each_orchard_field_names_its_source(species, fields):
    sources = SPECIES[species]["sources"]
    assert set(sources) == fields
    assert all(len(text) > 20 for text in sources.values()), sources


@pytest.mark.parametrize("species", SOURCED)
@pytest.mark.parametrize("topic", ["pruning", "flowering", "water", "fertilizer", "pests", "fruit"])
def test_a_field_answer_fits_a_phone_screen_in_polite_chinese(index, species, topic):
    text = index._species_topic_text(species, topic)
    assert text is not None and len(text) <= 260, (species, topic, text)
    assert "你" not in text and not any(c in text for c in ",;:?!()"), text


@pytest.mark.parametrize("species", ["荔枝", "龙眼", "杨梅"])
def test_pests_say_the_label_and_the_interval_and_name_no_product(species):
    pests = SPECIES[species]["pests"]
    assert "按标签" in pests and "安全间隔期" in pests, pests
    assert not re.search("菊酯|敌百虫|敌敌畏|乐果|辛硫磷|毒死蜱|霉素|多效唑|乙烯利|波尔多|[^防]治灵", pests), pests


@pytest.mark.parametrize("species", ["荔枝", "龙眼"])
def test_the_risky_steps_are_the_advisers_and_amounts_follow_the_label(species):
    info = SPECIES[species]
    assert "先问技术顾问" in info["pruning"]  # 环割、控梢药: a cut too deep kills the tree (tech.flower_induction)
    assert "按肥料包装说明" in info["fertilizer"] and re.search(r"\d–\d斤", info["fertilizer"]), info["fertilizer"]


@pytest.mark.parametrize(
    ("question", "label", "words"),
    [
        ("荔枝秋梢留几次梢好", "species.荔枝.pruning", ("两次秋梢", "冬梢")),
        ("荔枝冲梢花穗长叶点算", "species.荔枝.flowering", ("冲梢", "摘掉")),
        ("荔枝壮果肥每棵落几多", "species.荔枝.fertilizer", ("壮果肥", "按肥料包装说明")),
        ("荔枝椿象几时打药", "species.荔枝.pests", ("开花前", "安全间隔期")),
        ("龙眼疏穗每条枝留几穗", "species.龙眼.fruit", ("疏穗", "留1穗")),
    ],
)
def test_a_growers_question_gets_the_field_that_says_it(index, question, label, words):
    result = index.match(question)
    assert faq.result_label(result) == label, result
    assert all(word in result.answer_text for word in words), result.answer_text


@pytest.mark.parametrize(
    "question",
    [
        "我屋后嗰棵荔枝啲嫩叶全部起晒红色小包 系咩虫",  # one tree's leaves, a look asked for
        "我家龙眼花穗变成一团团扫把咁 是什么病",  # 鬼帚病 or not: the adviser looks
        "我果园有棵龙眼啲花穗全部黑晒 点解",  # one tree's spikes gone black
    ],
)
def test_one_sick_tree_still_goes_to_the_adviser(index, question):
    assert index.match(question).kind == "escalate"


def test_the_technique_entries_keep_their_own_questions(index):
    assert index.match("荔枝几时环割促花").entry_id == "tech.flower_induction"  # the warning with it (round 68)
    assert index.match("芒果花穗太多要不要疏花").entry_id == "tech.fruit_thinning"  # off the list: the general entry
    assert index.match("桃子要疏果吗 留几多个").entry_id == "tech.fruit_thinning"
