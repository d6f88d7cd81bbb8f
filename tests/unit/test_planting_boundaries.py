"""The edges of bot.planting's rules: the far-from-village flag's distances in km, the cap and the season at their
limits, a new count for a record that has one, what a text sets. Each test is named for the rule it pins
(bench/README.md "Mutation testing")."""

from __future__ import annotations

from datetime import date

import pytest

from bot import nlu
from bot.faq import load_offlist, load_species_table
from bot.messages import MESSAGES_DIR
from bot.photos import haversine_m
from bot.planting import (
    Checks,
    Flag,
    cap_for,
    compute_flags,
    count_changes,
    describe,
    location_of,
    missing_parts,
    parse_text,
    read_text,
    review_after,
    spot_check_rate,
    text_updates,
    waiting_reasons,
)

SPECIES = load_species_table(MESSAGES_DIR)
OFFLIST = tuple(load_offlist(MESSAGES_DIR))
SEASON = (date(2027, 1, 31), date(2027, 5, 31))
CHECKS = Checks(season=SEASON, old_photo_tolerance_days=60, cap=10, cadre=False)
VILLAGE = {"name": "埔心村", "lat": 23.10, "lng": 114.40, "radius_m": 3000}


def flags(record, photos=({},), village=VILLAGE, checks=CHECKS, day=date(2027, 3, 15)):
    return compute_flags(record, list(photos), village, checks, day)


# -- far from the village ---------------------------------------------------------------------------------------
def test_far_rule_the_reason_gives_kilometres_rounded_to_one_decimal():
    (flag,) = flags({"lat": 23.15, "lng": 114.40})
    km = haversine_m(23.15, 114.40, 23.10, 114.40) / 1000
    assert flag.name == "far_from_village"
    assert flag.values == {"village": "埔心村", "km": round(km, 1), "radius_km": 3.0}
    assert 5.0 < flag.values["km"] < 6.0


def test_far_rule_a_point_just_inside_the_radius_is_not_far():
    inside = 23.10 + 2990 / 111_195  # ~2.99 km north
    outside = 23.10 + 3010 / 111_195
    assert flags({"lat": inside, "lng": 114.40}) == []
    assert [f.name for f in flags({"lat": outside, "lng": 114.40})] == ["far_from_village"]


def test_far_rule_a_village_without_a_name_is_named_empty():
    (flag,) = flags({"lat": 23.5, "lng": 114.4}, village={**VILLAGE, "name": None})
    assert flag.values["village"] == "" and flag.values["radius_km"] == 3.0


@pytest.mark.parametrize(
    "record,photos,where",
    [
        ({"lat": 1.0, "lng": 2.0}, [{"exif_lat": 3.0, "exif_lng": 4.0}], (1.0, 2.0)),
        ({"lat": 1.0}, [{"exif_lat": 3.0, "exif_lng": 4.0}], (3.0, 4.0)),
        ({"lng": 2.0}, [{"exif_lat": 3.0}, {"exif_lng": 4.0}, {"exif_lat": 5.0, "exif_lng": 6.0}], (5.0, 6.0)),
        ({}, [], (None, None)),
    ],
)
def test_location_rule_the_record_first_then_the_first_photo_with_both_coordinates(record, photos, where):
    assert location_of(record, photos) == where


# -- duplicates, old photos, the cap and the season at their limits -------------------------------------------------
def test_duplicate_rule_the_closest_then_the_lowest_record_and_no_distance_is_zero():
    photos = [{"duplicate_of": 9, "duplicate_distance": 2}, {"duplicate_of": 7, "duplicate_distance": 2}, {}]
    (flag,) = flags({}, photos)
    assert (flag.ref, flag.values) == (7, {"ref": 7, "distance": 2})
    (flag,) = flags({}, [{"duplicate_of": 5, "duplicate_distance": None}])
    assert flag.values == {"ref": 5, "distance": 0}


def test_old_photo_rule_names_the_first_old_photo_and_the_season_start():
    photos = [{"exif_time": "2026-12-20T10:00:00"}, {"exif_time": "2026-10-01T08:00:00"}]
    (flag,) = flags({}, photos)
    assert flag.name == "old_photo" and flag.values == {"taken": "2026-10-01", "season": "2027-01-31"}


@pytest.mark.parametrize("count,over", [(None, False), (0, False), (9, False), (10, False), (11, True)])
def test_cap_rule_exactly_the_cap_is_allowed(count, over):
    names = [f.name for f in flags({"count": count})]
    assert ("over_cap" in names) is over
    if over:
        assert next(f for f in flags({"count": count}) if f.name == "over_cap").values == {"count": 11, "cap": 10}


def test_cap_rule_a_role_not_listed_gets_the_smallest_and_no_caps_is_zero():
    assert cap_for({"群众": "10", "村书记": 500}, "村书记") == 500
    assert cap_for({"群众": 10, "村书记": 500}, "游客") == 10
    assert cap_for({"群众": 10, "村书记": 500}, None) == 10
    assert cap_for({}, "群众") == 0


@pytest.mark.parametrize(
    "day,out",
    [(date(2027, 1, 30), True), (date(2027, 1, 31), False), (date(2027, 5, 31), False), (date(2027, 6, 1), True)],
)
def test_season_rule_both_ends_are_in_season(day, out):
    found = [f for f in flags({}, day=day) if f.name == "out_of_season"]
    assert bool(found) is out
    if out:
        assert set(found[0].values) == {"day", "start", "end"}


def test_unknown_species_rule_only_a_name_not_on_the_list():
    assert [f.name for f in flags({"species": "黄皮", "species_known": 0})] == ["unknown_species"]
    assert flags({"species": "桂花", "species_known": 1}) == []
    assert flags({"species": "", "species_known": 0}) == []
    assert flags({"species": "黄皮", "species_known": None}) == []


def test_spot_check_rule_twice_without_location_capped_at_one():
    assert spot_check_rate(0.5, located=False) == 1.0
    assert spot_check_rate(0.6, located=True) == 0.6
    assert spot_check_rate("0.25", located=False) == 0.5


def test_review_rule_a_spot_check_without_flags_is_none_again():
    assert review_after("spot_check", []) == "none"
    assert review_after("none", [], drawn=False) == "none"


def test_waiting_rule_unreadable_details_give_no_reasons():
    assert waiting_reasons({"flags": "over_cap", "flag_details": "{not json"}) == []
    assert waiting_reasons({"flags": "over_cap", "flag_details": '{"over_cap": "x"}'}) == []
    assert waiting_reasons({"flags": "over_cap", "flag_details": '{"over_cap": {}}'}) == []
    assert waiting_reasons({"flags": None, "flag_details": '{"over_cap": {"reason": "r"}}'}) == []


# -- a new count, what a text sets, what is missing -------------------------------------------------------------------
def parsed(count=None, proxy=None, **kw):
    base = dict(count=count, vague=False, species=None, species_text="", unknown_species=False, site_kind=None,
                area_mu=None, proxy_name=proxy)  # fmt: skip
    return nlu.PlantingText(**(base | kw))


@pytest.mark.parametrize(
    "record_count,count,proxy,changes",
    [(3, 5, None, True), (3, 3, None, False), (None, 5, None, False), (3, None, None, False), (3, 5, "张三", True),
     (0, 5, None, True)],
)  # fmt: skip
def test_count_change_rule_another_count_for_a_record_that_has_one(record_count, count, proxy, changes):
    assert count_changes({"count": record_count}, parsed(count, proxy)) is changes


def test_count_change_rule_a_bare_count_for_a_record_with_its_count_is_a_new_count():
    record = {"species": "桂花", "count": 3, "kind": "tree"}
    new = read_text("5棵", lambda: record, SPECIES, OFFLIST)
    assert new is not None and new.count == 5 and new.species is None
    assert read_text("不对，是5棵", lambda: record, SPECIES, OFFLIST).count == 5
    assert read_text("5棵", lambda: {"species": "桂花", "kind": "tree"}, SPECIES, OFFLIST).count == 5
    assert read_text("5棵", lambda: None, SPECIES, OFFLIST) is None
    assert read_text("龙眼", lambda: record, SPECIES, OFFLIST) is None  # a name, not a count


def test_text_rule_sets_only_what_the_text_says():
    assert text_updates(parsed()) == {}
    assert text_updates(parsed(area_mu=0.0)) == {"kind": "plot", "area_mu": 0.0}
    assert text_updates(parsed(count=0)) == {"count": 0}
    assert text_updates(parsed(unknown_species=True, species_text="")) == {}
    assert text_updates(parsed(unknown_species=True, species_text="黄皮")) == {"species": "黄皮", "species_known": 0}
    # a word that is no tree the bot knows (张三 2棵) is asked about, never recorded as the tree
    assert text_updates(parsed(count=2, unknown_species=True, species_text="张三", unheard=True)) == {"count": 2}


@pytest.mark.parametrize(
    "record,photos,missing",
    [
        ({"kind": "plot", "species": "香樟", "area_mu": 0.0}, 1, []),
        ({"kind": "plot", "species": "香樟", "area_mu": None, "count": 5}, 1, ["area"]),
        ({"kind": "tree", "species": "桂花", "count": 0}, 0, ["photo"]),
        ({}, 2, ["species", "count"]),
    ],
)
def test_missing_rule_an_area_for_a_plot_a_count_for_trees_one_photo(record, photos, missing):
    assert missing_parts(record, photos) == missing


@pytest.mark.parametrize(
    "record,text",
    [
        ({"kind": "tree", "site": "主题林", "count": 3, "species": "桂花"}, "主题林 3棵桂花"),
        ({"kind": "plot", "site": None, "area_mu": 0.5, "count": None, "species": None}, "0.5亩"),
        ({"count": 0, "species": None}, "0棵树"),
        ({"count": None, "species": None}, ""),
    ],
)
def test_describe_rule_as_a_villager_would_say_it(record, text):
    assert describe(record) == text


# -- the edges found by the mutation run of bot/planting.py (bench/README.md) ---------------------------------------
@pytest.mark.parametrize(
    "photos, ref, distance",
    [
        ([{"duplicate_of": 1, "duplicate_distance": 5}, {"duplicate_of": 9, "duplicate_distance": 3}], 9, 3),
        ([{"duplicate_of": 2, "duplicate_distance": 1}, {"duplicate_of": 9, "duplicate_distance": None}], 9, 0),
    ],
)
def test_duplicate_rule_the_closest_photo_wins_and_an_exact_copy_is_closest(photos, ref, distance):
    (flag,) = flags({}, photos)
    assert (flag.ref, flag.values) == (ref, {"ref": ref, "distance": distance})


def test_far_rule_kilometres_and_radius_keep_one_decimal():
    village = VILLAGE | {"radius_m": 1550}
    (flag,) = flags({"lat": VILLAGE["lat"] + 1, "lng": VILLAGE["lng"]}, village=village)
    assert flag.values == {"village": "埔心村", "km": 111.2, "radius_km": 1.6}


def test_flag_rule_each_reason_is_made_of_its_own_values():
    assert flags({"species": "黄皮", "species_known": 0}) == [Flag("unknown_species", {"species": "黄皮"})]
    assert flags({}, photos=()) == [Flag("no_photo", {})]
    assert flags({"site": "党建林"}) == [Flag("plot_tag", {"site": "党建林"})]


def test_cap_rule_a_record_without_a_count_is_never_over_a_cap_of_zero():
    zero = Checks(season=SEASON, old_photo_tolerance_days=60, cap=0, cadre=True)
    assert flags({"kind": "plot", "area_mu": 2.0}, checks=zero) == []
    assert [f.name for f in flags({"count": 1}, checks=zero)] == ["over_cap"]


def test_describe_rule_a_plot_names_its_site_whatever_it_is():
    assert describe({"kind": "plot", "site": "门口", "area_mu": 2.0, "species": "香樟"}) == "门口 2亩 香樟"
    assert describe({"kind": "tree", "site": "门口", "count": 3, "species": "香樟"}) == "3棵香樟"


WAITING = frozenset({"species", "count", "area"})


@pytest.mark.parametrize(
    "text, answer",
    [
        ("桂花。", parsed(species="桂花", species_text="桂花")),
        ("3棵！", parsed(count=3, species_text="")),
        ("十几棵", parsed(vague=True)),  # a vague count sets none, the bot asks
        ("2亩", parsed(area_mu=2.0)),  # (nlu.parse_planting_text reads it already)
        ("门口2棵", parsed(count=2, site_kind="房前屋后")),
        ("黄皮。", parsed(species_text="黄皮", unknown_species=True)),  # the stop is no part of the name
    ],
)
def test_bare_answer_rule_a_part_with_filler_and_no_more(text, answer):
    assert parse_text(text, SPECIES, WAITING, OFFLIST) == answer


@pytest.mark.parametrize("text", ["你好", "我认领3棵", "谢谢", "怎么种3棵？"])
def test_bare_answer_rule_small_talk_pledges_and_questions_are_no_part(text):
    assert parse_text(text, SPECIES, WAITING, OFFLIST) is None


def test_read_rule_a_tree_off_the_list_keeps_its_whole_name():
    new = read_text("发财树", lambda: {"kind": "tree", "count": 3}, SPECIES, ("发财树",))
    assert new is not None and new.species_text == "发财树" and new.unknown_species


def test_read_rule_a_bare_count_needs_no_list_of_other_trees():
    record = {"species": "桂花", "count": 3, "kind": "tree"}
    assert read_text("5棵", lambda: record, SPECIES).count == 5
    assert read_text("你好", lambda: record, SPECIES) is None


def test_read_rule_a_whole_report_or_a_question_never_looks_the_record_up():
    """The record costs a statement on the writer thread: asked only for a bare part ('5棵')."""

    def no_lookup():
        raise AssertionError("record looked up")

    assert read_text("3棵桂花", no_lookup, SPECIES, OFFLIST).count == 3
    assert read_text("桂花什么时候种", no_lookup, SPECIES, OFFLIST) is None
    asked = []
    assert read_text("5棵", lambda: asked.append(1) or {"kind": "tree"}, SPECIES, OFFLIST).count == 5
    assert asked == [1]
