"""Boundaries of the visits' rules (bot/visits.py): the 签到 note's edges, a location exactly on a radius, two
villages at one distance, a month's first and last moment, the 通报's lines on visits (issue 20, mutation testing).
The 通报 cases use a real SQLite file: villages, advisers and visits as the roster and 签到 leave them."""

from __future__ import annotations

import pytest

from bot import config as config_mod
from bot import reports, roster, visits
from bot.app import create_context
from bot.store import roster as roster_store
from bot.store import visits as visits_store
from tests.conftest import ROOT, app_over_file

WORDS = ["签到", "签到了", "我签到"]
PUXIN = {"id": 1, "name": "埔心村", "lat": 23.10, "lng": 114.40, "radius_m": 3000}


# -- the 签到 text ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, note",
    [
        ("签到：。指导挖穴", "指导挖穴"),  # a separator, then a full stop, before the note
        ("签到 指导挖穴：。", "指导挖穴"),  # …and after it
        ("签到、。、指导挖穴。、", "指导挖穴"),
        ("签到 指导：挖穴", "指导：挖穴"),  # inside the note a separator stays
        ("签到了 查看苗木", "查看苗木"),  # the longest word first: not 了 查看苗木
        ("我签到", ""),
        ("签到" + "很" * visits.NOTE_MAX_CHARS, "很" * visits.NOTE_MAX_CHARS),
        ("签到" + "很" * (visits.NOTE_MAX_CHARS + 1), "很" * visits.NOTE_MAX_CHARS),
    ],
)
def test_sign_in_rule_the_note_without_separators_and_stops_at_its_edges(text, note):
    assert visits.sign_in_note(text, WORDS) == note


@pytest.mark.parametrize("text", ["签到？", "签到?", "签 到", "去签到", ""])
def test_sign_in_rule_a_question_or_another_start_is_no_sign_in(text):
    assert visits.sign_in_note(text, WORDS) is None


# -- which village a location goes to --------------------------------------------------------------------
@pytest.mark.parametrize("centre", [{"lat": 23.1, "lng": None}, {"lat": None, "lng": 114.4}, {}])
def test_place_rule_half_a_centre_is_no_centre(centre):
    assert visits.distance_to(centre, 23.1, 114.4) is None
    lone = visits.place([{"id": 1, "name": "新村", "radius_m": 3000, **centre}], 23.1, 114.4)
    assert (lone.village["name"], lone.distance_m, lone.inside) == ("新村", None, False)


def test_place_rule_a_location_exactly_on_the_radius_is_inside():
    point = (23.11, 114.41)
    on_edge = {**PUXIN, "radius_m": visits.distance_to(PUXIN, *point)}
    assert visits.place([on_edge], *point).inside is True
    just_short = {**PUXIN, "radius_m": visits.distance_to(PUXIN, *point) - 0.01}
    assert visits.place([just_short], *point).inside is False


def test_place_rule_two_villages_at_one_distance_the_first_by_id():
    twin = {**PUXIN, "id": 2, "name": "埔心二村"}
    assert visits.place([twin, PUXIN], 23.101, 114.401).village["name"] == "埔心村"


def test_place_rule_outside_every_radius_inside_is_false_not_unknown():
    far = (23.60, 114.90)
    assert visits.place([PUXIN], *far).inside is False  # stored as location_ok = 0
    assert visits.place([PUXIN, {**PUXIN, "id": 2}], *far) == visits.Placement(None, None, False)
    assert visits.place([], *far) == visits.Placement(None, None, False)


# -- the month ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "month, start, end",
    [
        ((2027, 1), "2026-12-31T16:00:00+00:00", "2027-01-31T16:00:00+00:00"),
        ((2027, 3), "2027-02-28T16:00:00+00:00", "2027-03-31T16:00:00+00:00"),
        ((2027, 11), "2027-10-31T16:00:00+00:00", "2027-11-30T16:00:00+00:00"),
    ],
)
def test_month_rule_bounds_of_a_month_that_is_not_december(month, start, end):
    assert [m.isoformat() for m in visits.month_bounds(*month, "Asia/Shanghai")] == [start, end]


def test_adviser_rule_a_staff_role_needs_proof():
    assert visits.is_adviser({"role": "技术顾问", "bound_via": "code"})
    assert visits.is_adviser({"role": "技术顾问", "bound_via": "roster"})
    assert not visits.is_adviser({"role": "技术顾问", "bound_via": "name"})
    assert not visits.is_adviser({"role": "村干部", "bound_via": "code"})
    assert not visits.is_adviser(None)


# -- the 通报 ----------------------------------------------------------------------------------------
VILLAGES = ["埔心村", "石湖村", "东平社区", "新围村"]
MARCH_START, APRIL_START = "2027-02-28T16:00:00", "2027-03-31T16:00:00"  # 00:00 in Shanghai
BEFORE_MARCH = "2027-02-28T15:59:59"


@pytest.fixture
def app(tmp_path):
    with app_over_file(tmp_path) as app:
        yield app


@pytest.fixture
def county(app):
    """The app context over a real SQLite file; ``county(advised, visits)`` adds the four villages, one adviser
    for the villages named in ``advised`` and the visits ({village: [moments, database time]})."""

    def make(advised: list[str], visited: dict[str, list[str]]):
        db, stamp = app.db, "2027-01-01T00:00:00"
        with db.conn:
            ids = {name: roster_store.insert_village(db, {"name": name, "kind": "村"}, stamp) for name in VILLAGES}
            adviser = roster_store.insert_person(db, {"name": "陈顾问", "role": roster.ADVISER}, stamp)
            for name in advised:
                roster_store.link_adviser_village(db, adviser, ids[name])
            for name, moments in visited.items():
                for moment in moments:
                    visits_store.add_visit(
                        db,
                        adviser_person_id=adviser,
                        openid="o-adviser",
                        village_id=ids[name],
                        lat=23.1,
                        lng=114.4,
                        distance_m=10.0,
                        note="",
                        location_ok=True,
                        inbox_id=None,
                        now=moment,
                    )
        return app, ids

    return make


def march_lines(app) -> list[str]:
    return visits.summary_lines(app, reports.build_report(app, 2027, 3))


def test_report_rule_a_visit_counts_from_the_months_first_moment_to_before_the_next(county):
    app, ids = county(
        ["埔心村", "石湖村", "新围村"],
        {"埔心村": [MARCH_START], "石湖村": [BEFORE_MARCH, APRIL_START]},
    )
    assert visits.visits_in_month(app.db, app.config, reports.month_end_utc(2027, 3, app.tz)) == {
        ids["埔心村"]: 1,
        ids["石湖村"]: 0,
        ids["东平社区"]: 0,
        ids["新围村"]: 0,
    }
    assert march_lines(app) == [
        "没有挂钩技术顾问的村（社区）：东平社区。",
        "3月没有技术顾问下沉服务的村（社区）2个：新围村、石湖村。",  # in the 通报's order of rows
    ]


@pytest.mark.parametrize(
    "advised, visited, lines",
    [
        (VILLAGES, {name: [MARCH_START] for name in VILLAGES}, ["3月各村（社区）都有技术顾问下沉服务。"]),
        (VILLAGES[:3], {name: [MARCH_START] for name in VILLAGES[:3]}, ["没有挂钩技术顾问的村（社区）：新围村。"]),
        ([], {}, ["没有挂钩技术顾问的村（社区）：埔心村、石湖村、东平社区、新围村。"]),
        (
            ["埔心村"],
            {"新围村": [MARCH_START]},
            [
                "没有挂钩技术顾问的村（社区）：石湖村、东平社区、新围村。",
                "3月没有技术顾问下沉服务的村（社区）1个：埔心村。",
            ],
        ),
    ],
)
def test_report_rule_all_visited_only_when_every_village_has_an_adviser_and_a_visit(county, advised, visited, lines):
    app, _ids = county(advised, visited)
    assert march_lines(app) == lines
