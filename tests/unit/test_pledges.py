"""认领安排: reading a pledge (text and voice), never a planting record, the county's seedling list, the batch form's
checks and the nudge's month (pure rules of bot/pledges.py)."""

from __future__ import annotations

from datetime import UTC, datetime, timezone

import pytest

from bot import nlu, pledges
from bot.config import load
from bot.planting import parse_text
from tests.conftest import ROOT

SPECIES = {
    "荔枝": {"aliases": ["荔枝树"]},
    "龙眼": {"aliases": []},
    "桂花": {"aliases": []},
    "李": {"aliases": ["李子"]},
    "桃": {"aliases": ["桃子"]},
}


@pytest.mark.parametrize(
    "text, count, species, month, name",
    [
        ("认领 2棵荔枝", 2, "荔枝", None, None),
        ("认领2棵荔枝", 2, "荔枝", None, None),
        ("认领两棵荔枝", 2, "荔枝", None, None),
        ("我要认领2棵荔枝", 2, "荔枝", None, None),
        ("认领 2棵荔枝 3月", 2, "荔枝", 3, None),
        ("认领两棵荔枝三月份。", 2, "荔枝", 3, None),  # voice
        ("认领3月种2棵荔枝", 2, "荔枝", 3, None),
        ("认领 荔枝 2棵", 2, "荔枝", None, None),
        ("认领 2棵荔枝 十二月", 2, "荔枝", 12, None),
        ("认领两棵利枝。", 2, "荔枝", None, None),  # voice wrote a homophone
        ("认领 张三 2棵龙眼", 2, "龙眼", None, "张三"),
        ("认领张三两棵龙眼", 2, "龙眼", None, "张三"),
        ("认领 张三 2棵龙眼 4月", 2, "龙眼", 4, "张三"),
        ("认领 我家 2棵龙眼", 2, "龙眼", None, None),
    ],
)
def test_a_pledge_is_read_from_text_and_voice(text, count, species, month, name):
    parsed = pledges.parse(text, SPECIES)
    assert (parsed.count, parsed.species, parsed.month, parsed.name) == (count, species, month, name)
    assert not parsed.bad_month


@pytest.mark.parametrize(
    "text, trees, month",
    [
        # round 36: several trees, each its count then its tree, in one pledge
        ("认领一棵桂花一棵龙眼 三月种", [(1, "桂花"), (1, "龙眼")], 3),
        ("我认两棵荔枝三棵龙眼", [(2, "荔枝"), (3, "龙眼")], None),
        ("认领 2棵荔枝、1棵龙眼", [(2, "荔枝"), (1, "龙眼")], None),
        ("认领 2棵荔枝和3棵桃子 4月", [(2, "荔枝"), (3, "桃")], 4),
        ("认领 张三 1棵荔枝 2棵龙眼", [(1, "荔枝"), (2, "龙眼")], None),
        ("认领荔枝两棵 龙眼三棵", [(2, "荔枝"), (3, "龙眼")], None),  # each tree then its count
        ("认领 荔枝2棵、桂花1棵 3月", [(2, "荔枝"), (1, "桂花")], 3),
        # one tree counted twice, or a count with no tree of its own: the first tree only, as before
        ("认领 2棵荔枝 3棵荔枝", [(2, "荔枝")], None),
        ("认领 2棵荔枝 3棵", [(2, "荔枝")], None),
        # round 36: a festival as the time: its month, the month before for 前 on a month's first days
        ("认领五棵桃树 清明前后种", [(5, "桃")], 4),
        ("认领一棵桂花 清明前种", [(1, "桂花")], 3),
        ("认领两棵荔枝 春节后再种", [(2, "荔枝")], 2),
        ("认领三棵龙眼 端午前种好", [(3, "龙眼")], 6),
        ("阮认领两丛荔枝 五月前种好", [(2, "荔枝")], 5),  # Teochew 阮 ('I'), 丛 the measure word
    ],
)
def test_every_tree_of_a_pledge_and_its_time_are_read(text, trees, month):
    parsed = pledges.parse(text, SPECIES)
    assert (parsed.trees(), parsed.month) == (trees, month)


@pytest.mark.parametrize(
    "text, name, species",
    [
        # 李 is a plum (李子) and the commonest surname: a name that starts with it is a person's
        ("认领 李明 2棵龙眼", "李明", "龙眼"),
        ("认领李明两棵龙眼", "李明", "龙眼"),
        ("认领 李明 2棵", "李明", None),  # the tree is asked for
        ("认领 李子明 1棵桂花", "李子明", "桂花"),
        ("认领李子明1棵桂花", "李子明", "桂花"),
        ("认领 李林 2棵龙眼", "李林", "龙眼"),
        # a tree's whole name where the name goes, the count's own tree after it: the name (asked about by the roster)
        ("认领 李子 2棵龙眼", "李子", "龙眼"),
        ("认领 杨梅 3月 2棵龙眼", "杨梅", "龙眼"),
        ("取消认领 李明", "李明", None),
        # a tree's name alone, or a tree with what no name holds, is the pledge's tree
        ("认领 李子 2棵", None, "李"),
        ("认领李子2棵", None, "李"),
        ("认领 李子 2棵 3月", None, "李"),
        ("认领 李花 2棵", None, "李"),
        ("认领 李子明 2棵", None, "李"),  # no other tree: 李子 is it
        ("认领 荔枝明年 2棵", None, "荔枝"),
        ("认领 李和桃 各2棵", None, "李"),
        ("取消认领 李子", None, "李"),
        # words of planting are no name (bot/nlu.py is_planting_words); 树 inside a name is one
        ("认领 种的树 2棵龙眼", None, "龙眼"),
        ("认领 张树林 2棵龙眼", "张树林", "龙眼"),
    ],
)
def test_a_name_may_start_with_a_tree(text, name, species):
    parsed = pledges.parse(text, SPECIES) or pledges.parse_cancel(text, SPECIES)
    assert (parsed.name, parsed.species) == (name, species)


def test_a_name_that_starts_with_a_tree_packs_with_a_month():
    parsed = pledges.parse("认领李明三月两棵龙眼", SPECIES)
    assert (parsed.name, parsed.month, parsed.count, parsed.species) == ("李明", 3, 2, "龙眼")
    assert pledges.parse("认领荔枝明年3月种两棵", SPECIES).name is None


def test_what_a_pledge_text_lacks_or_gets_wrong():
    assert pledges.parse("认领", SPECIES) == pledges.PledgeText()
    assert pledges.parse("认领 荔枝", SPECIES).count is None
    assert pledges.parse("认领 十几棵荔枝", SPECIES).vague
    assert pledges.parse("认领几棵荔枝好", SPECIES) is None  # a question: the FAQ answers it
    assert (
        pledges.parse("认领 2棵荔枝 13月", SPECIES).bad_month
        and pledges.parse("认领 2棵荔枝 十三月", SPECIES).bad_month
    )
    unknown = pledges.parse("认领 2棵黄皮", SPECIES)
    assert (unknown.species, unknown.species_text) == (None, "黄皮")


@pytest.mark.parametrize(
    "text",
    ["认领责任区", "认领党员责任区 2", "认领怎么弄", "认领是什么意思", "我想认养一棵树", "2棵荔枝", "种了2棵荔枝"],
)
def test_what_is_no_pledge(text):
    assert pledges.parse(text, SPECIES) is None


def test_cancel_names_a_species_or_a_household():
    assert pledges.parse_cancel("取消认领", SPECIES) == pledges.PledgeText()
    assert pledges.parse_cancel("取消认领 荔枝", SPECIES).species == "荔枝"
    assert pledges.parse_cancel("取消认领 张三", SPECIES).name == "张三"
    both = pledges.parse_cancel("取消认领 张三 龙眼", SPECIES)
    assert (both.name, both.species) == ("张三", "龙眼")
    assert pledges.parse_cancel("认领 2棵荔枝", SPECIES) is None
    assert pledges.parse_cancel("取消认领责任区", SPECIES) is None


@pytest.mark.parametrize("text", ["唔种啦 取消认领", "不想种了 撤销认领", "种唔到啦 取消认领", "冇地方种 取消认领"])
def test_not_planting_said_before_the_withdrawal_is_the_withdrawal(text):
    """Round 90 (22k): a change of mind about planting said first names no household (唔种啦 is no name)."""
    assert pledges.parse_cancel(text, SPECIES) == pledges.PledgeText()


def test_not_planting_and_how_to_withdraw_asked_is_no_withdrawal():
    assert pledges.parse_cancel("不种了 取消认领要怎么弄", SPECIES) is None


@pytest.mark.parametrize("text", ["认领 2棵荔枝", "认领了两棵龙眼", "认领 张三 2棵龙眼 3月", "我认领3棵桂花"])
def test_a_pledge_is_never_a_planting_record(text):
    assert nlu.is_pledge(text)
    assert nlu.parse_planting_text(text, SPECIES) is None
    # not even as the answer a waiting record asks for
    assert parse_text(text, SPECIES, frozenset({"species", "count"})) is None


@pytest.mark.parametrize("text", ["种了2棵荔枝", "2棵荔枝", "认种了3棵龙眼"])
def test_plantings_stay_plantings(text):
    assert not nlu.is_pledge(text)
    assert nlu.parse_planting_text(text, SPECIES) is not None


def test_the_county_list_sums_the_villages_by_species_most_needed_first():
    rows = [
        {"village": "埔心村", "species": "荔枝", "pledged": 5, "planted": 2, "needed": 3, "arrived": 4, "delivered": 4},
        {"village": "石湖村", "species": "荔枝", "pledged": 2, "planted": 0, "needed": 2, "arrived": 0, "delivered": 0},
        {"village": "石湖村", "species": "龙眼", "pledged": 9, "planted": 9, "needed": 0, "arrived": 9, "delivered": 0},
    ]
    assert pledges.county_demand(rows) == [
        {"species": "荔枝", "pledged": 7, "planted": 2, "needed": 5, "arrived": 4, "delivered": 4, "villages": 2},
        {"species": "龙眼", "pledged": 9, "planted": 9, "needed": 0, "arrived": 9, "delivered": 0, "villages": 1},
    ]


def test_the_batch_form_is_checked():
    village = {"id": 1, "name": "埔心村"}
    ok = (village, "荔枝", 30, "arrived", "2027-03-02", "村委会")
    assert pledges.batch_problem(*ok) is None
    assert (
        pledges.batch_problem(None, "荔枝", 30, "arrived", "2027-03-02", "村委会")
        == "admin.pledges.bad_village_species"
    )
    assert pledges.batch_problem(village, "荔枝", 0, "arrived", "2027-03-02", "村委会") == "admin.pledges.bad_count"
    assert pledges.batch_problem(village, "荔枝", 30, "lost", "2027-03-02", "村委会") == "admin.pledges.bad_status"
    assert pledges.batch_problem(village, "荔枝", 30, "arrived", "3月2日", "村委会") == "admin.pledges.bad_date"
    assert pledges.batch_problem(village, "荔枝", 30, "arrived", "2027-03-02", " ") == "admin.pledges.place_needed"
    assert pledges.batch_problem(village, "荔枝", 30, "handed_out", "2027-03-02", "") is None


def test_the_nudge_month_starts_on_its_day_in_the_campaign_year():
    config = load(ROOT / "config.toml", env={}).with_overrides({"campaign.year": 2027, "pledges.nudge_day": 3})
    utc = UTC
    assert pledges.nudge_due(config, datetime(2027, 3, 2, 15, 59, tzinfo=utc)) is None  # 03-02 23:59 local
    assert pledges.nudge_due(config, datetime(2027, 3, 2, 16, 0, tzinfo=utc)) == 3  # 03-03 00:00 local
    assert pledges.nudge_due(config, datetime(2028, 3, 5, 0, 0, tzinfo=utc)) is None


def test_a_pledge_list_in_words():
    def t(key, **values):
        return {"pledges.item": "{count}棵{species}{month}", "pledges.in_month": "（{month}月种）"}[key].format(
            **values
        )

    assert (
        pledges.describe(
            t, [{"count": 2, "species": "荔枝", "month": 3}, {"count": 1, "species": "龙眼", "month": None}]
        )
        == "2棵荔枝（3月种）、1棵龙眼"
    )


@pytest.mark.parametrize(
    ("text", "count", "month"),
    [("六月份再种三棵荔枝 帮我先认领住", 3, 6), ("五月种两棵龙眼 先认领住", 2, 5)],
)
def test_a_months_trees_claimed_after_them(text, count, month):
    """Round 90 (conv90): the trees to plant in a month, 认领 asked after them (put down first)."""
    parsed = pledges.parse(text, SPECIES)
    assert (parsed.count, parsed.month) == (count, month)


@pytest.mark.parametrize("text", ["三月种两棵荔枝", "三月种咗两棵荔枝 先认领住"])
def test_a_months_trees_unclaimed_or_planted_are_no_pledge(text):
    assert pledges.parse(text, SPECIES) is None


@pytest.mark.parametrize(
    ("text", "name", "count", "month"),
    [
        ("黄伯屋企话清明前种两棵荔枝 帮佢登记一下", "黄伯", 2, 3),  # round 90 (22k): a time to come first, 帮佢登记
        ("陈叔屋企讲五月种两棵桂花 帮佢登记", "陈叔", 2, 5),
    ],
)
def test_a_households_plan_written_down_for_them(text, name, count, month):
    parsed = pledges.parse(text, SPECIES)
    assert (parsed.name, parsed.count, parsed.month) == (name, count, month)


def test_a_households_trees_planted_today_written_down_are_no_pledge():
    assert pledges.parse("黄伯屋企今日种咗一棵荔枝 我帮佢记一下", SPECIES) is None


def test_the_as_pledge_words_are_one_pattern():
    """Tidy80: '登记为认领' asked in a clause of its own is written once (_AS_PLEDGE_WORDS): the count-then-ask reading
    (_AS_PLEDGE) and the pledge named in its own clause (_PLEDGE_NAMED) both read it, and read it alike."""
    from bot import pledges

    assert pledges._AS_PLEDGE.pattern == f"^{pledges._AS_PLEDGE_WORDS}$"
    assert pledges._AS_PLEDGE_WORDS in pledges._PLEDGE_NAMED.pattern
    for clause in ("帮我登记为认领", "请记做认领吧", "麻烦你算作认领", "记录成认领先"):
        assert pledges._AS_PLEDGE.match(clause) and pledges._PLEDGE_NAMED.match(clause), clause
    assert pledges._count_as_pledge("我报三棵 帮我登记为认领") == "认领 三棵"
    assert pledges._count_as_pledge("我报三棵香樟 麻烦登记为认领 四月再种") == "认领 三棵香樟 四月再种"
    for control in ("登记为认领了吗", "帮我登记"):  # a question about it; 登记 alone
        assert not pledges._PLEDGE_NAMED.match(control), control
