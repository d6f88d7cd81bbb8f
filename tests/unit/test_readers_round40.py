"""Round 40's pure readers: trees planted for another household (nlu.planted_for), a total its parts do not make
(nlu.parts_against_total), a visit told in words (visits.visit_told), a village matter (village_matters.matter_said)."""

from pathlib import Path

import pytest

from bot import nlu, village_matters, visits
from bot.faq import load_species_table

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def species():
    return load_species_table(ROOT / "messages")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("我帮隔壁阿婆种了一棵龙眼 她不会用手机", None),  # a neighbour's 阿婆: a household whose name is asked
        ("帮邻居陈伯种了两棵荔枝 他没有手机", "陈伯"),
        ("我替隔篱屋黄婶种咗一棵龙眼", "黄婶"),
        ("今天帮对面李阿婆栽了两棵龙眼", "李阿婆"),
        ("帮五保户陈伯种了一棵龙眼", "陈伯"),
        ("我帮邻居种了两棵龙眼", None),  # another household said by no name: whose, a cadre is asked
        ("帮人家种咗两棵荔枝", None),
        ("帮张三种下3棵桂花", "张三"),
    ],
)
def test_trees_planted_for_another_household(species, text, name):
    found = nlu.planted_for(text, species)
    assert found is not None and found[0] == name and found[1].startswith(("种", "栽"))


@pytest.mark.parametrize(
    "text",
    ["我帮我妈种了两棵龙眼", "帮阿爸种咗一棵荔枝", "帮我老公种了一棵桂花", "我妈种了两棵龙眼", "帮村里种了三棵桂花",
     "帮陈伯代种两棵龙眼", "帮我登记一下种的三棵桂花", "邻居帮我种了两棵龙眼"],
)  # fmt: skip
def test_ones_own_household_or_no_household_is_not_another(species, text):
    assert nlu.planted_for(text, species) is None


def test_a_planting_text_for_another_household_says_so(species):
    parsed = nlu.parse_planting_text("帮邻居陈伯种了两棵荔枝", species)
    assert parsed is not None and parsed.for_another and parsed.proxy_name == "陈伯" and parsed.count == 2
    unnamed = nlu.parse_planting_text("我帮隔壁阿婆种了一棵龙眼", species)
    assert unnamed is not None and unnamed.for_another and unnamed.proxy_without_name
    own = nlu.parse_planting_text("我帮我妈种了两棵龙眼", species)
    assert own is not None and not own.for_another and own.proxy_name is None


@pytest.mark.parametrize(
    ("text", "total", "parts"),
    [
        ("我种了6棵 3棵桂花2棵荔枝", 6, ((3, "桂花"), (2, "荔枝"))),
        ("种咗七棵 四棵龙眼两棵荔枝", 7, ((4, "龙眼"), (2, "荔枝"))),
        ("种了3棵：2棵桂花2棵龙眼", 3, ((2, "桂花"), (2, "龙眼"))),
    ],
)
def test_a_total_its_parts_do_not_make(species, text, total, parts):
    assert nlu.parts_against_total(text, species) == (total, parts)
    assert nlu.parse_planting_text(text, species).total_differs == (total, parts)


@pytest.mark.parametrize(
    "text", ["我种了5棵 3棵桂花2棵荔枝", "3棵桂花2棵荔枝", "种了6棵桂花", "党建林 2.5亩 120棵 香樟"]
)
def test_parts_that_add_up_or_no_parts_differ_from_nothing(species, text):
    assert nlu.parts_against_total(text, species) is None


@pytest.mark.parametrize(
    ("text", "told"),
    [
        ("我今天下午去埔心村看了", True),
        ("刚去了埔心村看树", True),
        ("刚从埔心村回来 看了龙眼", True),
        ("今日落埔心村睇咗下啲树苗", True),
        ("明天去埔心村看树", False),
        ("埔心村的龙眼看了吗", False),
        ("到村里看了一下荔枝", False),  # no village named: an earlier round's control (NOT_REQUESTS)
        ("今天去埔心村种了两棵龙眼", False),
        ("埔心村有几多户", False),
    ],
)
def test_a_visit_told_in_words(text, told):
    assert visits.visit_told(text) is told


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("下礼拜三村里种树我去不了 能请假吗", village_matters.LEAVE),
        ("植树那天我要上班 可以不去吗", village_matters.LEAVE),
        ("分树苗是按户分还是按人分 村里谁管", village_matters.SEEDLINGS),
        ("我家的树苗还没分到 找村里哪个", village_matters.SEEDLINGS),
        ("村里的种树任务是谁负责的", village_matters.WHO),
        # the trees' own trouble, where seedlings are collected (the FAQ's), the planting day asked: not the village's
        ("龙眼树长虫了找谁", None),
        ("树苗去哪里领啊", None),
        ("植树活动几时 我去唔到", None),
        ("问专家 树苗分到了 怎么种", None),
    ],
)
def test_a_village_matter(text, topic):
    assert village_matters.matter_said(text) == topic


def test_the_cadres_are_named_with_their_roles_at_most_three():
    people = [{"name": f"人{n}", "role": "村干部"} for n in range(5)]
    named = village_matters.contacts(people, lambda key, **v: f"{v['name']}（{v['role']}）")
    assert named == "人0（村干部）、人1（村干部）、人2（村干部）"
    assert village_matters.contacts([], lambda key, **v: "") == ""
