"""bot/planting.py: reading the parts of a record, what is missing, the flags (pure, no app)."""
from __future__ import annotations

from datetime import date

import pytest

from bot.faq import load_species_table
from bot.messages import MESSAGES_DIR
from bot.planting import (Flag, compute_flags, describe, missing_parts, needs_cadre, parse_text,
                          review_after, season_start, text_parts_missing, text_updates)

SPECIES = load_species_table(MESSAGES_DIR)
SEASON = date(2027, 3, 1)
VILLAGE = {"name": "埔心村", "lat": 23.10, "lng": 114.40, "radius_m": 3000}


def flags_of(record, photos=(), village=VILLAGE):
    return [f.name for f in compute_flags(record, list(photos), village, season=SEASON, old_photo_tolerance_days=60)]


# -- reading text -----------------------------------------------------------------------------------
@pytest.mark.parametrize("text, fields", [
    ("3棵桂花", {"species": "桂花", "species_known": 1, "count": 3}),
    ("种了两棵龙眼", {"species": "龙眼", "species_known": 1, "count": 2}),
    ("种了3棵黄皮", {"species": "黄皮", "species_known": 0, "count": 3}),
    ("房前屋后种了1棵荔枝", {"species": "荔枝", "species_known": 1, "count": 1, "site": "房前屋后"}),
    ("党建林 2.5亩 120棵 香樟", {"kind": "plot", "area_mu": 2.5, "site": "党建林", "species": "香樟",
                              "species_known": 1, "count": 120}),
])
def test_text_updates(text, fields):
    assert text_updates(parse_text(text, SPECIES)) == fields


def test_vague_count_sets_no_count():
    parsed = parse_text("今天种了十几棵桂花", SPECIES)
    assert parsed.vague and "count" not in text_updates(parsed)


@pytest.mark.parametrize("text", ["3棵", "三株", "桂花", "黄皮"])
def test_bare_answers_only_while_waiting(text):
    assert parse_text(text, SPECIES) is None
    assert parse_text(text, SPECIES, frozenset({"species", "count", "area"})) is not None


@pytest.mark.parametrize("text", ["好的", "谢谢", "桂花什么时候种", "取消", "门口", "看看这棵树怎么了", "认养",
                                  "认种一棵树", "我想认养一棵树"])
def test_not_answers_even_while_waiting(text):
    assert parse_text(text, SPECIES, frozenset({"species", "count"})) is None


def test_bare_unknown_name_only_when_the_species_is_wanted():
    assert parse_text("黄皮", SPECIES, frozenset({"count"})) is None
    assert parse_text("黄皮树", SPECIES, frozenset({"species"})).species_text == "黄皮"


def test_cadre_only_texts_and_roles():
    assert needs_cadre(parse_text("党建林 2.5亩 120棵 香樟", SPECIES))
    assert needs_cadre(parse_text("代种 张三 2棵龙眼", SPECIES))
    assert not needs_cadre(parse_text("在党建林种了3棵桂花", SPECIES))


# -- what is missing --------------------------------------------------------------------------------
@pytest.mark.parametrize("record, photos, missing", [
    ({}, 1, ["species", "count"]),
    ({}, 0, ["species", "count", "photo"]),
    ({"species": "桂花", "count": 3}, 0, ["photo"]),
    ({"species": "桂花", "count": 3}, 2, []),
    ({"species": "桂花"}, 1, ["count"]),
    ({"kind": "plot", "species": "香樟"}, 1, ["area"]),
    ({"kind": "plot", "species": "香樟", "area_mu": 2.5}, 1, []),   # a plot's tree count is welcome, not needed
])
def test_missing_parts(record, photos, missing):
    assert missing_parts(record, photos) == missing
    assert text_parts_missing(record) == frozenset(missing) - {"photo"}


@pytest.mark.parametrize("record, text", [
    ({"species": "桂花", "count": 3}, "3棵桂花"),
    ({"species": "荔枝", "count": 1, "site": "房前屋后"}, "1棵荔枝"),
    ({"kind": "plot", "site": "党建林", "area_mu": 2.5, "count": 120, "species": "香樟"}, "党建林 2.5亩 120棵香樟"),
    ({"count": 4}, "4棵树"),
    ({}, ""),
])
def test_describe(record, text):
    assert describe(record) == text


# -- flags ------------------------------------------------------------------------------------------
def test_no_flags_for_a_plain_record():
    assert flags_of({"species": "桂花", "species_known": 1, "lat": 23.101, "lng": 114.401}) == []


def test_duplicate_points_to_the_closest_other_record():
    photos = [{"duplicate_of": 9, "duplicate_distance": 4}, {"duplicate_of": 7, "duplicate_distance": 0}]
    (flag,) = compute_flags({}, photos, VILLAGE, season=SEASON, old_photo_tolerance_days=60)
    assert (flag.name, flag.ref, flag.values["distance"]) == ("duplicate_photo", 7, 0)


def test_far_from_village_by_location_or_by_photo_gps():
    assert flags_of({"lat": 23.5, "lng": 114.4}) == ["far_from_village"]
    assert flags_of({}, [{"exif_lat": 23.5, "exif_lng": 114.4}]) == ["far_from_village"]
    assert flags_of({"lat": 23.101, "lng": 114.401}, [{"exif_lat": 23.5, "exif_lng": 114.4}]) == []
    assert flags_of({"lat": 23.5, "lng": 114.4}, village={"name": "x"}) == []  # no centre: never far
    assert flags_of({"lat": 23.5, "lng": 114.4}, village=None) == []


def test_old_photo_uses_the_tolerance_before_the_season():
    assert flags_of({}, [{"exif_time": "2026-12-20T10:00:00"}]) == ["old_photo"]
    assert flags_of({}, [{"exif_time": "2027-01-02T10:00:00"}]) == []
    assert flags_of({}, [{"exif_time": None}]) == []


def test_unknown_species_and_flag_order():
    record = {"species": "黄皮", "species_known": 0, "lat": 23.5, "lng": 114.4}
    photos = [{"duplicate_of": 1, "duplicate_distance": 0, "exif_time": "2020-01-01T00:00:00"}]
    assert flags_of(record, photos) == ["duplicate_photo", "far_from_village", "old_photo", "unknown_species"]


def test_review_follows_flags_unless_decided():
    flag = [Flag("old_photo", {})]
    assert review_after("none", flag) == "pending"
    assert review_after("pending", []) == "none"
    assert review_after("approved", flag) == "approved"
    assert review_after("rejected", []) == "rejected"


def test_season_start():
    assert season_start(2027, ["03-01", "05-31"]) == SEASON
