"""FAQ round 115 (knowledge; issue 17 §2 and §4: a villager acts on what the bot says). A forestry and safety reviewer
read the answers villagers get (species cards and fields, the campaign, technique, care, orchard, upkeep, forestry,
living, nature and greening answers, the safety lines) against seed 002, config.toml, the national and Guangdong rules.
Each error found is fixed in the data with its source cited in the entry; each test here reads the shipped answer (the
index's rendered text, or the safety line the bot adds) and fails on the old text. docs/faq.md, 第一百一十五轮(知识)."""

import tomllib
from pathlib import Path

import pytest

from tests.unit.conftest import CONFIG

ROOT = Path(__file__).resolve().parents[2]
MESSAGES = ROOT / "messages"


def _entries() -> dict:
    rows = []
    for path in sorted((MESSAGES / "faq").glob("*.toml")):
        rows += tomllib.loads(path.read_text("utf-8")).get("entry", [])
    return {row["id"]: row for row in rows}


def _safety_line(name: str) -> str:
    rows = tomllib.loads((MESSAGES / "faq" / "safety.toml").read_text("utf-8"))["safety"]
    return next(row["line"] for row in rows if row["name"] == name)


# 1. the three pesticides are banned outright now, not only "on fruit trees"
def test_banned_pesticides_are_said_banned_outright(index):
    answer = index.entry("tech.soil_insecticide").answer
    assert "全面禁" in answer and "果树上禁止用" not in answer, answer
    assert "第736号" in _entries()["tech.soil_insecticide"]["source"]
    line = index.safety_lines("种树时坑里放点呋喃丹防虫行不行")
    assert "全面禁" in line and "禁止用在果树" not in line, line
    assert line == _safety_line("banned_pesticide")


# 2. Guangdong keeps fire prevention all year; 10月–次年4月 is the special period (not "9月到次年4月")
@pytest.mark.parametrize(
    "entry_id", ["tech.fire_prevention", "tech.prunings", "tech.pest_prevention", "tech.charcoal", "tech.cicadas"]
)
def test_guangdong_fire_prevention_is_all_year(index, entry_id):
    answer = index.entry(entry_id).answer
    assert "全年" in answer, (entry_id, answer)
    assert "9月到次年4月" not in answer, answer


def test_the_fire_sources_cite_the_all_year_rule():
    source = _entries()["tech.fire_prevention"]["source"]
    assert "全年森林防火" in source and "10月1日至次年4月30日为森林特别防护期" in source, source


def test_the_fire_line_says_all_year(index):
    line = index.safety_lines("剪下的树枝堆起来烧掉行不行")
    assert "全年" in line and "不要烧" in line and "119" in line, line


def test_composting_does_not_imply_burning_outside_the_fire_season(index):
    answer = index.entry("tech.composting").answer
    assert "防火期别烧落叶" not in answer and "别烧" in answer and "全年" in answer, answer


# 3. base fertilizer never touches the roots (tech.base_fertilizer: 上面再盖10厘米净土)
@pytest.mark.parametrize("entry_id", ["tech.hole_size", "tech.planting_steps"])
def test_the_fertilizer_layer_is_covered_before_the_seedling_goes_in(index, entry_id):
    answer = index.entry(entry_id).answer
    assert "填到根的周围" not in answer, answer
    assert "净土" in answer and "不碰肥" in answer, (entry_id, answer)
    assert "盖10厘米净土" in index.entry("tech.base_fertilizer").answer  # the rule both now follow


# 4. 香樟 and 秋枫 transplanted with a root ball: no more than 1/3 of the leaves (tech.transplant_pruning)
@pytest.mark.parametrize("species", ["香樟", "秋枫"])
def test_transplant_pruning_of_ball_seedlings_is_a_third(index, species):
    pruning = index.species[species]["pruning"]
    assert "一半以上" not in pruning and "大部分叶片" not in pruning, pruning
    assert "不超过1/3" in pruning, pruning
    assert "pruning" in index.species[species].get("sources", {}), species


# 5. spacing: the general answer says what species.toml says
def test_general_spacing_agrees_with_the_species_table(index):
    answer = index.entry("tech.spacing_general").answer
    assert "（桂花、洋紫荆）：3–5米" not in answer, answer
    for name in ("桂花", "洋紫荆"):
        spacing = index.species[name]["spacing"].removeprefix("株距")
        assert f"{name}{spacing}" in answer, (name, spacing, answer)


# 6. 80×80×60 is the big fruit trees' hole; 桃、李、柿 dig 60×60×50 (species.toml)
@pytest.mark.parametrize("entry_id", ["camp.holes_deadline", "tech.hole_size"])
def test_fruit_tree_holes_agree_with_the_species_table(index, entry_id):
    answer = index.entry(entry_id).answer
    assert "，果树80×80×60" not in answer and "大苗、果树：80×80×60" not in answer, answer
    assert "荔枝" in answer and "80×80×60" in answer, answer
    assert index.species["桃"]["hole"].startswith("树穴60×60×50")


# 7. off-list trees: one planting time in both answers
def test_offlist_trees_planting_time_is_one(index):
    assert "2–4月种" not in index.entry("camp.exotic").answer
    assert "3–5月雨季" in index.entry("camp.exotic").answer
    assert "3–5月雨季" in index.entry("tech.offlist_care").answer


# 8. dates the config holds are read from it
def test_the_first_awards_date_is_the_configs(index):
    answer = index.entry("camp.points_rewards").answer
    month, day = CONFIG["campaign"]["milestones"]["first_awards"].split("-")
    assert f"{int(month)}月{int(day)}日前" in answer and "6月底前" not in answer, answer
    assert "{milestones.first_awards|date}" in _entries()["camp.points_rewards"]["answer"]


@pytest.mark.parametrize("entry_id", ["tech.survival", "tech.late_season"])
def test_the_golden_window_is_the_configs(entry_id):
    answer = _entries()[entry_id]["answer"]
    assert "{window|range}" in answer and "3–5月" not in answer, answer


# 9. pesticide first aid: the rescuer protects himself; an unconscious person lies on the side
def test_pesticide_first_aid_protects_the_rescuer_and_the_airway(index):
    answer = index.entry("tech.pesticide_first_aid").answer
    assert "戴手套" in answer and "侧躺" in answer, answer
    assert "中国红十字会" in _entries()["tech.pesticide_first_aid"]["source"]


# 10. a typo that hid the meaning
def test_cold_protection_wraps_the_seedling(index):
    answer = index.entry("tech.cold").answer
    assert "包干" not in answer and "包好" in answer, answer


# 11. base fertilizer by tree, as species.toml: 桃、李、柿 5–10斤, 10–20斤 only the big fruit trees
def test_base_fertilizer_amounts_agree_with_the_species_table(index):
    answer = index.entry("tech.base_fertilizer").answer
    assert "，果树10–20斤" not in answer, answer
    assert "桃李柿5–10斤" in answer and "荔枝龙眼这类大果树10–20斤" in answer, answer
    assert index.species["桃"]["fertilizer"].startswith("树穴放有机肥5–10斤")


# 12. one phone screen: the timetable and the supervision answers were ~400 and ~280 characters
@pytest.mark.parametrize(
    ("entry_id", "words"),
    [
        (
            "camp.deadlines",
            ("培训会", "备案", "动员部署会", "乡贤座谈会", "挖好树穴", "党建林、主题林", "全面完成", "评先进"),
        ),
        ("camp.supervision", ("航拍", "连续2个月", "良好", "庸懒散拖", "软弱涣散", "届中考察", "百千万", "形式主义")),
    ],
)
def test_the_long_campaign_answers_fit_a_screen_and_keep_every_fact(index, entry_id, words):
    answer = index.entry(entry_id).answer
    assert len(answer) <= 260, (entry_id, len(answer))
    assert all(word in answer for word in words), [word for word in words if word not in answer]


# 13. lime (wound paste, whitewash, soil) with its protection beside it: an old person follows the line literally
@pytest.mark.parametrize(
    "entry_id", ["tech.transplant_pruning", "tech.typhoon", "tech.cold", "tech.pest_prevention", "tech.soil_ph"]
)
def test_lime_is_never_advised_without_gloves(index, entry_id):
    answer = index.entry(entry_id).answer
    for line in answer.splitlines():
        if "石灰" in line:
            assert "戴手套" in line, (entry_id, line)
    assert "石灰" in answer, entry_id  # the advice itself stays
    assert "第一百一十五轮" in _entries()[entry_id].get("source", ""), entry_id


# 14. felling: a big tree, or one by a house or a power line, is for someone experienced; an old person does not saw it
def test_felling_sends_a_big_tree_to_an_experienced_hand(index):
    answer = index.entry("tech.felling").answer
    assert "有经验的师傅" in answer and "老人别自己锯" in answer and "95598" in answer, answer
    assert "第一百一十五轮" in _entries()["tech.felling"]["source"]


@pytest.mark.parametrize(
    "entry_id",
    [
        "tech.soil_insecticide",
        "tech.fire_prevention",
        "tech.prunings",
        "tech.pest_prevention",
        "tech.charcoal",
        "tech.composting",
        "tech.cicadas",
        "tech.hole_size",
        "tech.planting_steps",
        "tech.spacing_general",
        "camp.holes_deadline",
        "camp.exotic",
        "camp.points_rewards",
        "tech.survival",
        "tech.late_season",
        "tech.pesticide_first_aid",
        "tech.cold",
        "tech.base_fertilizer",
        "camp.deadlines",
        "camp.supervision",
        "tech.felling",
    ],
)
def test_each_changed_answer_is_sourced_short_and_polite(index, entry_id):
    assert _entries()[entry_id].get("source", "").strip(), entry_id
    answer = index.entry(entry_id).answer
    assert len(answer) <= 260 and len(answer.splitlines()) <= 12, (entry_id, len(answer))
    assert "你" not in answer and not any(c in answer for c in ",;:?!()"), answer


@pytest.mark.parametrize("name", ["fire", "banned_pesticide"])
def test_the_changed_safety_lines_are_short_and_polite(name):
    line = _safety_line(name)
    assert line.startswith("⚠ 安全第一：") and len(line) <= 120, line
    assert "你" not in line and not any(c in line for c in ",;:?!()"), line
