"""FAQ round 110 (issue 17 §1, species questions of the blind development set CH): five classes of a named tree's
question or a place's recommendation read wrong on review52, each mended in messages/faq/matching.toml (第一百一十轮):
when a tree's fruit ripens (几月熟, 几时成熟, 熟是几月, 几时上市) is its fruit topic, not when to plant it; whether one
tree bears by itself, needs a second one, or what planted beside it helps it bear is pollination (the card); purposes
said in other words (凉快, 凉爽, 树下坐; 好吃 of a fruit tree; 最好赚; 防洪; 一两年就好高); when to plant said by the
tree's own season (落叶以后, 发芽之前, 等雨季来了, 天暖和了再种) is its planting time; a yard 'a metre and a bit' wide
(一米多宽) is small. The helper's own phrasings and controls: tests/data/faq_rule_checks_110.tsv
(tests/unit/test_faq_own_checks.py reads each line; docs/faq.md 第一百一十轮). Here: the figures over the file,
outright (not asked back) and controls kept."""

from __future__ import annotations

from pathlib import Path

from bot import faq
from tests.faq_helpers import check_lines

CHECKS = Path(__file__).resolve().parents[1] / "data" / "faq_rule_checks_110.tsv"
MENDED = ("ripe", "alone", "purpose", "phase", "small")


def _lines() -> list[tuple[str, ...]]:
    return check_lines(CHECKS)


def test_round110_the_mended_classes_are_answered_outright(index):
    """On review52 6 of the 29 lines of the five classes were answered with their label (all outright); after, 26
    outright (two ripening ones are asked back with the fruit first, the model reading another reading; one the model
    answers with the planting time)."""
    outright = 0
    mended = [row for row in _lines() if row[2] in MENDED]
    for question, expected, _cls in mended:
        result = index.match(question)
        outright += faq.result_label(result) == expected and result.other is None
    assert len(mended) == 29
    assert outright >= 26, outright


def test_round110_every_control_keeps_its_answer(index):
    controls = [row for row in _lines() if row[2].endswith("_control")]
    assert len(controls) == 18
    for question, expected, _cls in controls:
        assert faq.result_label(index.match(question)) == expected, question


def test_round110_ripening_is_the_fruit_topic_but_rotting_manure_is_not(index):
    result = index.match("龙眼一般几月份成熟")
    assert faq.result_label(result) == "species.龙眼.fruit"
    assert "果熟" in result.answer_text
    # 沤熟, 腐熟 are the manure's; when to plant stays the planting time
    assert "fruit" not in faq.result_label(index.match("荔枝几时用沤熟的鸡粪"))
    assert faq.result_label(index.match("龙眼几月种最好")) == "species.龙眼.time"


def test_round110_a_tree_that_never_bore_stays_with_an_adviser(index):
    assert index.match("我家那棵橄榄种了十年都没结过果").kind == "escalate"
    assert faq.result_label(index.match("一棵杨梅会不会自己挂果")) == "species.杨梅.card"


def test_round110_planting_by_the_tree_s_season_is_its_planting_time(index):
    assert faq.result_label(index.match("李子苗落叶后先种得唔得")) == "species.李.time"
    assert faq.result_label(index.match("桃树落叶了要不要剪枝")) == "species.桃.pruning"  # no planting said
