"""Boundaries of the care zones' rules (bot/zones.py): months across the new year, a point exactly on a radius,
half a centre, the zones file's number limits, the season's and the month's first and last moments, the list
position a member picks (issue 20, mutation testing). The cases that count tending use a real SQLite file."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from types import SimpleNamespace

import pytest

from bot import config as config_mod
from bot import zones
from bot.app import create_context
from bot.messages import Messages
from bot.store import media as media_store
from bot.store import roster as roster_store
from bot.store import zones as zones_store
from tests.conftest import ROOT, app_over_file

T = Messages.load().t
ZONE = {"lat": 23.1, "lng": 114.4, "radius_m": 80}


# -- the season ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "day, months, expected",
    [
        (date(2027, 12, 31), 1, date(2028, 1, 31)),  # into the next year from December
        (date(2027, 12, 31), 2, date(2028, 2, 29)),  # …to a leap February's last day
        (date(2027, 11, 30), 1, date(2027, 12, 30)),
        (date(2027, 1, 31), 12, date(2028, 1, 31)),
        (date(2027, 1, 31), 13, date(2028, 2, 29)),
    ],
)
def test_season_rule_months_added_across_the_new_year(day, months, expected):
    assert zones.add_months(day, months) == expected


@pytest.fixture(scope="module")
def config():
    return config_mod.load(ROOT / "config.toml", env={})  # campaign 2027, window 03-01..05-31, 3 months after


def test_season_rule_read_from_config(config):
    assert zones.season_of(config) == (
        datetime(2027, 2, 28, 16, tzinfo=UTC),  # 03-01 00:00 in Shanghai
        datetime(2027, 8, 31, 16, tzinfo=UTC),  # 09-01 00:00: 08-31, the window's end + 3 months, is in
    )
    longer = config.with_overrides({"zones.season_extra_months": 4, "campaign.window": ["02-15", "05-31"]})
    assert zones.season_of(longer) == (datetime(2027, 2, 14, 16, tzinfo=UTC), datetime(2027, 9, 30, 16, tzinfo=UTC))


# -- places ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("centre", [{"lat": 23.1, "lng": None}, {"lat": None, "lng": 114.4}])
def test_place_rule_half_a_centre_is_no_centre(centre):
    zone = {**centre, "radius_m": 80}
    assert zones.distance_m(zone, 23.5, 114.0) is None
    assert zones.inside(zone, 23.5, 114.0)  # nothing to check against
    assert not zones.covers(zone, 23.1, 114.4)


def test_place_rule_a_radius_without_a_centre_lets_every_point_in():
    assert zones.inside({"lat": None, "lng": None, "radius_m": 80}, 23.5, 114.0)


def test_place_rule_a_point_exactly_on_the_radius_is_inside_and_covered():
    point = (23.1005, 114.4005)
    edge = {**ZONE, "radius_m": zones.distance_m(ZONE, *point)}
    assert zones.inside(edge, *point) and zones.covers(edge, *point)
    short = {**ZONE, "radius_m": zones.distance_m(ZONE, *point) - 0.01}
    assert not zones.inside(short, *point) and not zones.covers(short, *point)


@pytest.mark.parametrize("lat, lng", [(None, 114.4), (23.1, None), (None, None)])
def test_place_rule_a_place_half_known_is_covered_by_no_zone(lat, lng):
    assert not zones.covers(ZONE, lat, lng)


def test_place_rule_a_centre_without_a_radius_covers_no_place_but_lets_in():
    zone = {"lat": 23.1, "lng": 114.4, "radius_m": None}
    assert not zones.covers(zone, 23.1, 114.4)
    assert zones.inside(zone, 23.5, 114.0)


# -- the zones file ----------------------------------------------------------------------------------
VILLAGES = [{"id": 1, "name": "埔心村"}, {"id": 2, "name": "下围社区"}]


def check(*rows, fields=("name", "village", "lat", "lng", "radius_m")):
    table = [(n, dict(zip(fields, row))) for n, row in enumerate(rows, start=2)]
    return zones.check_rows(table, VILLAGES, T)


@pytest.mark.parametrize(
    "lat, lng, radius",
    [("-90", "-180", "1"), ("90", "180", "100000"), ("0", "0", "1.0"), ("23.1", "114.4", "100,000")],
)
def test_import_rule_numbers_at_their_limits_are_taken(lat, lng, radius):
    rows, problems = check(("东片", "埔心村", lat, lng, radius))
    assert problems == []
    assert [(r.lat, r.lng, r.radius_m) for r in rows] == [(float(lat), float(lng), float(radius.replace(",", "")))]


@pytest.mark.parametrize(
    "lat, lng, radius, column, value",
    [
        ("-90.5", "114.4", "80", "纬度", "-90.5"),
        ("90.5", "114.4", "80", "纬度", "90.5"),
        ("23.1", "-180.5", "80", "经度", "-180.5"),
        ("23.1", "180.5", "80", "经度", "180.5"),
        ("23.1", "114.4", "0.99", "半径米", "0.99"),
        ("23.1", "114.4", "100000.5", "半径米", "100000.5"),
    ],
)
def test_import_rule_numbers_just_past_their_limits_are_refused_naming_the_value(lat, lng, radius, column, value):
    rows, [problem] = check(("东片", "埔心村", lat, lng, radius))
    assert rows == [] and problem.column == column and f"“{value}”" in problem.reason


def test_import_rule_a_file_without_place_columns_gives_zones_without_a_centre():
    rows, problems = check(("东片", "埔心村"), fields=("name", "village"))
    assert problems == [] and [(r.name, r.lat, r.lng, r.radius_m) for r in rows] == [("东片", None, None, None)]


def test_import_rule_every_bad_row_is_named():
    rows, problems = check(("", "埔心村", "", "", ""), ("东片", "埔心村", "", "", ""), ("西片", "火星村", "", "", ""))
    assert [r.name for r in rows] == ["东片"] and [(p.row, p.column) for p in problems] == [(2, "名称"), (4, "村社区")]


def test_import_rule_a_duplicate_names_the_zone_in_the_name_column():
    _rows, [problem] = check(("东片", "埔心村", "", "", ""), ("东片", "埔心村", "", "", ""))
    assert (problem.row, problem.column) == (3, "名称") and problem.reason == T(
        "zones.import.duplicate", name="东片", row=2
    )


# -- the nudge ---------------------------------------------------------------------------------------
def test_nudge_rule_due_up_to_the_seasons_last_second():
    last = datetime(2027, 3, 2, 2, tzinfo=UTC)
    end = datetime(2027, 8, 31, 16, tzinfo=UTC)
    assert zones.nudge_due(last, end - timedelta(seconds=1), 14, end)
    assert zones.nudge_due(last, last, 0, end)


# -- with a database -----------------------------------------------------------------------------------
@pytest.fixture
def app(tmp_path):
    with app_over_file(tmp_path) as app:
        yield app


STAMP = "2027-01-01T00:00:00"


def add_zones(db, village: int, *names: str, **place) -> list[int]:
    return [
        zones_store.insert_zone(
            db,
            village_id=village,
            name=n,
            source="import",
            now=STAMP,
            **{"lat": None, "lng": None, "radius_m": None, **place},
        )
        for n in names
    ]


def tend(db, zone_id: int, person_id: int, at: str, media_row_id: int | None = None) -> None:
    zones_store.add_tending(
        db,
        zone_id=zone_id,
        person_id=person_id,
        openid="o-member",
        media_row_id=media_row_id,
        lat=None,
        lng=None,
        inbox_id=None,
        now=at,
    )


def test_report_rule_the_share_of_zones_tended_from_the_months_first_moment_to_its_last_second(app):
    db = app.db
    with db.conn:
        village = roster_store.insert_village(db, {"name": "埔心村", "kind": "村"}, STAMP)
        member = roster_store.insert_person(db, {"name": "党员甲", "village_id": village, "role": "党员"}, STAMP)
        first, last, april, february = add_zones(db, village, "东片", "西片", "南片", "北片")
        tend(db, first, member, "2027-02-28T16:00:00")  # 03-01 00:00 in Shanghai: counts
        tend(db, last, member, "2027-03-31T15:59:59")  # 03-31 23:59:59: counts
        tend(db, april, member, "2027-03-31T16:00:00")  # April: not
        tend(db, february, member, "2027-02-28T15:59:59")  # February: not
        add_zones(db, village, "中片")  # never tended
    assert zones.month_start("2027-03-31T15:59:59", "Asia/Shanghai") == "2027-02-28T16:00:00"
    assert zones.month_start("2027-02-28T16:00:00", "Asia/Shanghai") == "2027-02-28T16:00:00"
    assert zones.tended_share(db, app.config, "2027-03-31T15:59:59") == {village: 0.4}
    with db.conn:
        add_zones(db, village, "一片")  # 2 of 6: rounded to four places
    assert zones.tended_share(db, app.config, "2027-03-31T15:59:59") == {village: 0.3333}


def test_season_rule_the_count_holds_the_tending_just_made_and_none_after_the_season(app):
    db, config = app.db, app.config
    with db.conn:
        village = roster_store.insert_village(db, {"name": "埔心村", "kind": "村"}, STAMP)
        member = roster_store.insert_person(db, {"name": "党员甲", "village_id": village, "role": "党员"}, STAMP)
        [zone] = add_zones(db, village, "东片")
        for at in ("2027-02-28T15:59:59", "2027-02-28T16:00:00", "2027-05-01T02:00:00", "2027-08-31T16:00:00"):
            tend(db, zone, member, at)  # the day before the season, its first moment, in it, the day after it
    now = datetime(2027, 5, 1, 2, tzinfo=UTC)
    assert zones.season_count(db, config, member, now) == 2  # the first moment and the one just made
    assert zones.season_count(db, config, member, now - timedelta(seconds=1)) == 1
    assert zones.season_count(db, config, member, datetime(2027, 12, 1, tzinfo=UTC)) == 2


def test_claim_rule_a_listed_zone_by_its_position_from_one_to_the_last(app):
    db = app.db
    with db.conn:
        village = roster_store.insert_village(db, {"name": "埔心村", "kind": "村"}, STAMP)
        ids = add_zones(db, village, "东片", "西片")
    ctx, state = SimpleNamespace(db=db), SimpleNamespace(data={"zone_ids": ids})
    assert [zones.listed_zone(ctx, state, n) for n in (0, 3, -1)] == [None, None, None]
    assert [zones.listed_zone(ctx, state, n)["name"] for n in (1, 2)] == ["东片", "西片"]
    assert zones.listed_zone(ctx, SimpleNamespace(data={}), 1) is None


def test_claim_rule_a_zone_counts_its_own_holders_only(app):
    db = app.db
    with db.conn:
        village = roster_store.insert_village(db, {"name": "埔心村", "kind": "村"}, STAMP)
        east, west = add_zones(db, village, "东片", "西片")
        for name, zone in (("甲", east), ("乙", east), ("丙", west)):
            person = roster_store.insert_person(db, {"name": name, "village_id": village, "role": "党员"}, STAMP)
            zones_store.claim(db, zone, person, STAMP)
    assert zones.holder_count(db, zones_store.zone(db, east)) == 2
    assert zones.holder_count(db, zones_store.zone(db, west)) == 1
    assert zones.holder_count(db, {"id": 999, "village_id": village}) == 0


def test_plot_rule_only_tending_photos_of_zones_that_reach_the_plot(app):
    db = app.db
    with db.conn:
        village = roster_store.insert_village(db, {"name": "埔心村", "kind": "村"}, STAMP)
        member = roster_store.insert_person(db, {"name": "党员甲", "village_id": village, "role": "党员"}, STAMP)
        [near] = add_zones(db, village, "东片", **ZONE)
        [far] = add_zones(db, village, "西片", lat=23.2, lng=114.5, radius_m=80)
        [bare] = add_zones(db, village, "北片")  # no centre: reaches no plot
        for n, zone in enumerate((near, far, bare), start=1):
            photo = media_store.add(
                db, openid="o-member", inbox_id=n, kind="image", media_id=f"m{n}", pic_url=None, fmt=None, now=STAMP
            )
            media_store.mark_stored(db, photo, f"sha{n}", f"p{n}.jpg", 1, STAMP)
            tend(db, zone, member, f"2027-03-0{n}T02:00:00", photo)
    assert [p["sha256"] for p in zones.photos_covering(db, village, 23.1003, 114.4002)] == ["sha1"]
    assert zones.photos_covering(db, village, None, 114.4) == []
    assert zones.photos_covering(db, village, 23.1003, None) == []


def test_import_rule_a_file_is_checked_against_the_villages_of_the_database(app):
    db = app.db
    with db.conn:
        village = roster_store.insert_village(db, {"name": "埔心村", "kind": "村"}, STAMP)
    data = "名称,村社区,纬度,经度,半径米\n东片,埔心,23.1,114.4,80\n西片,火星村,,,\n".encode()
    rows, [problem] = zones.validate(db, "zones.csv", data, T)
    assert [(r.row, r.village_id, r.name, r.lat, r.lng, r.radius_m) for r in rows] == [
        (2, village, "东片", 23.1, 114.4, 80)
    ]
    assert str(problem) == "第3行（村社区）：" + T("zones.import.unknown_village", village="火星村")
    old_excel = zones.validate(db, "zones.xls", data, T)  # the file's name says what it is
    assert old_excel[0] == [] and ".xls" in str(old_excel[1][0])
