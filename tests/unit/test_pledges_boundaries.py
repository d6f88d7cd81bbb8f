"""Boundaries of the pledges' rules (bot/pledges.py): the first and last month, a month or a stop next to a
household's name, what a pledge text says it wrote, the batch form's count limits, the pledges standing at the end
of a month (issue 20, mutation testing). The report column's case uses a real SQLite file."""

from __future__ import annotations

import pytest

from bot import config as config_mod
from bot import nlu, pledges
from bot.app import create_context
from bot.messages import Messages
from bot.store import pledges as pledges_store
from bot.store import roster as roster_store
from tests.conftest import ROOT, app_over_file

SPECIES = {"荔枝": {"aliases": ["荔枝树"]}, "龙眼": {"aliases": []}, "桃": {"aliases": ["桃子"]}}


# -- the month ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, month, bad",
    [
        ("认领 2棵荔枝 1月", 1, False),
        ("认领 2棵荔枝 01月", 1, False),
        ("认领 2棵荔枝 一月", 1, False),
        ("认领 2棵荔枝 12月", 12, False),
        ("认领 2棵荔枝 十二月", 12, False),
        ("认领 2棵荔枝 0月", None, True),
        ("认领 2棵荔枝 13月", None, True),
        ("认领 2棵荔枝 二十三月", None, True),
        ("认领 2棵荔枝", None, False),
    ],
)
def test_month_rule_one_to_twelve_anything_else_named_is_bad(text, month, bad):
    parsed = pledges.parse(text, SPECIES)
    assert (parsed.month, parsed.bad_month, parsed.count, parsed.species) == (month, bad, 2, "荔枝")


@pytest.mark.parametrize(
    "text, month, bad",
    [("认领 3月 张三 2棵龙眼", 3, False), ("认领 13月 张三 2棵龙眼", None, True)],
)
def test_month_rule_a_month_before_the_name_leaves_the_name_readable(text, month, bad):
    parsed = pledges.parse(text, SPECIES)
    assert (parsed.name, parsed.month, parsed.bad_month, parsed.count, parsed.species) == (
        "张三",
        month,
        bad,
        2,
        "龙眼",
    )


@pytest.mark.parametrize(
    "text, name, month, bad, readings",
    [
        ("认领张三三月两棵龙眼", "张三", 3, False, ()),  # 三三 is no month: the name's 三, then 三月
        ("认领张三 三月 两棵龙眼", "张三", 3, False, ()),
        ("认领张三三 4月 1棵龙眼", "张三三", 4, False, ()),
        ("认领张三三月份两棵龙眼", "张三", 3, False, ()),
        ("认领张三3月两棵龙眼", "张三", 3, False, ()),
        ("认领张三十月两棵龙眼", "张三", 10, False, ()),  # 张三十 leaves no month
        ("认领张三在三月种两棵龙眼", "张三", 3, False, ()),
        ("认领李四十二月两棵龙眼", None, None, False, (("李四", 12), ("李四十", 2))),  # two ways: asked
        ("认领张三十一月两棵龙眼", None, None, False, (("张三", 11), ("张三十", 1))),
        ("认领张三13月两棵龙眼", "张三", None, True, ()),  # digits are no part of a name
        ("认领 13月 张三 2棵龙眼", "张三", None, True, ()),
        ("认领两棵龙眼十二月", None, 12, False, ()),  # after a species: the whole run
        ("认领2棵龙眼二十三月", None, None, True, ()),  # not 3月
        ("认领我家三月两棵龙眼", None, 3, False, ()),
        ("认领张三两棵龙眼十二月", "张三", 12, False, ()),
        ("认领欧阳小三三月两棵龙眼", "欧阳小三", 3, False, ()),  # a name has up to 4 characters
        ("认领欧阳小明三三月两棵龙眼", "欧阳小明", None, True, ()),  # 欧阳小明三 would be 5: 三三 is the run
    ],
)
def test_month_rule_a_month_packed_after_a_name(text, name, month, bad, readings):
    parsed = pledges.parse(text, SPECIES)
    assert (parsed.name, parsed.month, parsed.bad_month, parsed.readings) == (name, month, bad, readings)
    assert (parsed.count, parsed.species) == ((1 if "1棵" in text else 2), "龙眼")


def test_month_rule_a_packed_reading_two_ways_keeps_what_was_written():
    assert pledges.parse("认领李四十二月份3棵龙眼", SPECIES).written == "李四十二月份"
    assert pledges.parse("认领张三三月两棵龙眼", SPECIES).written == ""


# -- what the text wrote ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, species, written",
    [
        ("认领 2棵荔枝", "荔枝", "荔枝"),
        ("认领 2棵荔枝树", "荔枝", "荔枝树"),
        ("认领两棵利枝。", "荔枝", "利枝"),  # voice wrote a homophone: the reply can say what it heard
        ("认领 2棵黄皮", None, "黄皮"),
        ("认领 2棵", None, ""),
        ("认领 荔枝", "荔枝", "荔枝"),
    ],
)
def test_species_rule_what_the_pledge_wrote_is_kept(text, species, written):
    parsed = pledges.parse(text, SPECIES)
    assert (parsed.species, parsed.species_text) == (species, written)


@pytest.mark.parametrize("stop", ["。", "！", "!", ".", "，"])
def test_name_rule_a_stop_after_the_name_is_no_part_of_it(stop):
    assert pledges.parse(f"认领 张三{stop}", SPECIES).name == "张三"
    assert pledges.parse_cancel(f"取消认领 张三{stop}", SPECIES).name == "张三"


@pytest.mark.parametrize("text", ["认领 我家 2棵龙眼", "认领 荔枝 2棵", "认领 两棵 龙眼", "认领 一共 2棵龙眼"])
def test_name_rule_self_words_species_and_counts_are_no_name(text):
    assert pledges.parse(text, SPECIES).name is None


@pytest.mark.parametrize("text", [None, "", "认领吗", "认领？"])
def test_pledge_rule_nothing_or_a_question_is_no_pledge(text):
    assert pledges.parse(text, SPECIES) is None


# -- in words -----------------------------------------------------------------------------------------
def test_words_rule_a_stored_species_shows_its_display_name():
    t = Messages.load().t
    rows = [{"count": 2, "species": "桃", "month": 3}, {"count": 1, "species": "龙眼", "month": None}]
    assert pledges.describe(t, rows, {"桃": "桃子"}) == "2棵桃子（3月种）、1棵龙眼"
    assert pledges.describe(t, rows) == "2棵桃（3月种）、1棵龙眼"
    assert pledges.describe(t, []) == ""


# -- the batch form ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "count, problem",
    [
        (None, "admin.pledges.bad_count"),
        (-1, "admin.pledges.bad_count"),
        (0, "admin.pledges.bad_count"),
        (1, None),
        (nlu.MAX_COUNT, None),
        (nlu.MAX_COUNT + 1, "admin.pledges.bad_count"),
    ],
)
def test_batch_rule_a_count_from_one_to_the_largest_count(count, problem):
    assert pledges.batch_problem({"id": 1}, "荔枝", count, "arrived", "2027-03-02", "村委会") == problem


@pytest.mark.parametrize(
    "village, species, status, day, place, problem",
    [
        ({"id": 1}, "", "arrived", "2027-03-02", "村委会", "admin.pledges.bad_village_species"),
        ({"id": 1}, None, "arrived", "2027-03-02", "村委会", "admin.pledges.bad_village_species"),
        ({"id": 1}, "荔枝", "", "2027-03-02", "村委会", "admin.pledges.bad_status"),
        ({"id": 1}, "荔枝", "arrived", "", "村委会", "admin.pledges.bad_date"),
        ({"id": 1}, "荔枝", "arrived", "2027-02-30", "村委会", "admin.pledges.bad_date"),
        ({"id": 1}, "荔枝", "arrived", "2027-03-02", "", "admin.pledges.place_needed"),
        ({"id": 1}, "荔枝", "handed_out", "2027-03-02", " ", None),
    ],
)
def test_batch_rule_each_field_checked_in_turn(village, species, status, day, place, problem):
    assert pledges.batch_problem(village, species, 5, status, day, place) == problem


# -- the 通报's 认领户数 ---------------------------------------------------------------------------------
MARCH_END = "2027-03-31T15:59:59"  # the report's last second (database time)


@pytest.fixture
def app(tmp_path):
    with app_over_file(tmp_path) as app:
        yield app


def test_report_rule_households_with_a_pledge_standing_at_the_months_end(app):
    db, stamp = app.db, "2027-01-01T00:00:00"
    cases = [  # (household, made, cancelled)
        ("甲", "2027-03-31T15:59:59", None),  # made at the last second: counts
        ("乙", "2027-03-10T02:00:00", "2027-04-02T02:00:00"),  # cancelled after the month: counts
        ("丙", "2027-03-10T02:00:00", "2027-03-31T15:59:59"),  # cancelled by the month's end: not
        ("丁", "2027-03-31T16:00:00", None),  # made in April: not
        ("戊", "2027-04-05T02:00:00", None),  # (standing now: 甲, 丁, 戊)
    ]
    with db.conn:
        village = roster_store.insert_village(db, {"name": "埔心村", "kind": "村"}, stamp)
        for household, made, cancelled in cases:
            person = roster_store.insert_person(
                db, {"name": household + "某", "village_id": village, "role": "群众", "household": household}, stamp
            )
            pledge_id = pledges_store.insert(
                db,
                village_id=village,
                person_id=person,
                species="荔枝",
                count=2,
                month=None,
                entered_by_person_id=person,
                openid="o",
                inbox_id=None,
                now=made,
            )
            if cancelled:
                pledges_store.cancel(db, [pledge_id], cancelled)
    assert pledges.pledged_households(db, app.config, MARCH_END) == {village: 2}


def test_village_rule_a_pledge_counts_where_its_household_lives_now(app):
    """张三 pledged in 埔心村 and then moved to 大岭村 (a roster re-import): the pledge is 大岭村's, for one village as
    for all (本村进度 and the dashboard's village page as the 通报 and the overview), and in its seedling list."""
    from bot import progress

    db, stamp = app.db, "2027-01-01T00:00:00"
    with db.conn:
        old, new = (roster_store.insert_village(db, {"name": n, "kind": "村"}, stamp) for n in ("埔心村", "大岭村"))
        zhang = roster_store.insert_person(db, {"name": "张三", "village_id": old, "role": "群众"}, stamp)
        pledges_store.insert(
            db,
            village_id=old,
            person_id=zhang,
            species="荔枝",
            count=2,
            month=3,
            entered_by_person_id=zhang,
            openid="o",
            inbox_id=None,
            now="2027-02-01T02:00:00",
        )
        roster_store.update_person(db, zhang, {"village_id": new}, "2027-02-10T02:00:00")
    for until in (None, MARCH_END):
        every = pledges_store.scheduled_households(db, until)
        assert every == {new: 1}
        assert [pledges_store.scheduled_households(db, until, v).get(v, 0) for v in (old, new)] == [0, 1]
        assert pledges_store.pledged_households(db, until) == {new: 1}
        assert [pledges_store.pledged_households(db, until, v).get(v, 0) for v in (old, new)] == [0, 1]
        overview = {v.village_id: v.households_scheduled for v in progress.all_villages_progress(db, app.config, until)}
        one = {v: progress.village_progress(db, app.config, v, until).households_scheduled for v in (old, new)}
        assert overview == one == {old: 0, new: 1}
    assert [(r["village"], r["pledged"]) for r in pledges_store.demand(db)] == [("大岭村", 2)]
    assert [r["village_id"] for r in pledges_store.demand(db, new)] == [new] and pledges_store.demand(db, old) == []
    assert [r["person"] for r in pledges_store.pledges_of_village(db, new)] == ["张三"]
    assert pledges_store.pledges_of_village(db, old) == []
