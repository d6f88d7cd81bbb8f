"""Tidy (sixtieth session, tidy91; behaviour kept): typhoon_fallen_tree said 'no wind said' twice, in its not_when (a
tree only about to fall, faq134: hazard_tree's, not the typhoon's) and in its line_by (a tree fallen with no wind said:
the fallen tree's own line, never 留在屋里). The words are safety.toml's ``[vars] wind_said`` now, read as
``${wind_said}`` by both (bot/faq.py ``load_safety_rules``, as ``${spray_wind}``: test_faq_shared_vars.py)."""

from pathlib import Path

import pytest

from bot import faq, nlu

FAQ = Path(__file__).resolve().parents[2] / "messages" / "faq"


@pytest.fixture(scope="module")
def typhoon():
    return next(r for r in faq.load_safety_rules(FAQ) if r.name == "typhoon_fallen_tree")


def test_wind_said_is_written_once_and_both_readers_name_it():
    written = (FAQ / "safety.toml").read_text("utf-8")
    assert faq.load_shared_vars(FAQ)["wind_said"] == "风|暴雨|大雨|雷"
    assert written.count("风|暴雨|大雨|雷") == 1
    assert written.count("${wind_said}") == 2


@pytest.mark.parametrize(
    ("question", "fires"),
    [
        ("山边那棵大树随时要倒 压到屋顶点算", False),  # about to fall, no wind said: hazard_tree's
        ("刮大风 山边那棵大树随时要倒 压到屋顶点算", True),  # wind said: still the typhoon's
        ("打雷之后那棵大树随时要倒 压到屋顶", True),
        ("那棵大树快要倒了 已经倒了一半压在屋顶", True),  # said already fallen: the typhoon's
    ],
)
def test_a_tree_about_to_fall_with_no_wind_said_is_not_the_typhoons(typhoon, question, fires):
    assert typhoon.fires(nlu.normalize(question)) is fires


@pytest.mark.parametrize(
    ("question", "own_line"),
    [
        ("屋前那棵大树倒了 压到邻居屋顶", False),  # no wind said: the fallen tree's own line
        ("台风把屋前那棵大树吹倒了 压到邻居屋顶", True),
        ("昨晚下暴雨 屋前那棵大树倒了 压到邻居屋顶", True),
    ],
)
def test_a_fallen_tree_with_no_wind_said_opens_with_the_fallen_trees_line(typhoon, question, own_line):
    line = typhoon.line_for(nlu.normalize(question))
    assert (line == typhoon.line) is own_line
    assert ("留在屋里" in line) is own_line
