"""The care zones' pure rules: the season, places and radii, the nudge, the zones file's checks by row."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from bot import zones
from bot.messages import Messages

T = Messages.load().t
VILLAGES = [{"id": 1, "name": "埔心村"}, {"id": 2, "name": "下围社区"}]
UTC = UTC


@pytest.mark.parametrize(
    "day, months, expected",
    [
        (date(2027, 5, 31), 3, date(2027, 8, 31)),
        (date(2027, 5, 31), 1, date(2027, 6, 30)),
        (date(2027, 11, 15), 3, date(2028, 2, 15)),
        (date(2027, 3, 1), 0, date(2027, 3, 1)),
    ],
)
def test_add_months(day, months, expected):
    assert zones.add_months(day, months) == expected


def test_the_season_is_the_window_and_the_months_after_it_in_campaign_time():
    start, end = zones.season(2027, ["03-01", "05-31"], 3, "Asia/Shanghai")
    assert start == datetime(2027, 2, 28, 16, 0, tzinfo=UTC)  # 03-01 00:00 in Shanghai
    assert end == datetime(2027, 8, 31, 16, 0, tzinfo=UTC)  # 09-01 00:00: 08-31 is in


def test_inside_a_zone_and_what_a_zone_covers():
    zone = {"lat": 23.1, "lng": 114.4, "radius_m": 80}
    assert zones.inside(zone, 23.1003, 114.4002) and not zones.inside(zone, 23.105, 114.4)
    assert round(zones.distance_m(zone, 23.105, 114.4)) == 556
    no_centre = {"lat": None, "lng": None, "radius_m": None}
    assert zones.inside(no_centre, 23.5, 114.0)  # nothing to check against
    assert not zones.covers(no_centre, 23.1, 114.4)  # …but it covers no place
    assert zones.covers(zone, 23.1003, 114.4002) and not zones.covers(zone, None, None)


def test_the_nudge_is_due_after_the_idle_days_within_the_season():
    last = datetime(2027, 3, 2, 2, tzinfo=UTC)
    end = datetime(2027, 8, 31, 16, tzinfo=UTC)
    assert not zones.nudge_due(last, last + timedelta(days=13, hours=23), 14, end)
    assert zones.nudge_due(last, last + timedelta(days=14), 14, end)
    assert not zones.nudge_due(last, end, 14, end)
    assert zones.nudge_key(3, 1, "2027-03-02T02:00:00") == "zone-nudge:3:1:2027-03-02T02:00:00"


def check(*rows):
    table = [(n, dict(zip(("name", "village", "lat", "lng", "radius_m"), row))) for n, row in enumerate(rows, start=2)]
    return zones.check_rows(table, VILLAGES, T)


def test_clean_rows_with_and_without_a_centre():
    rows, problems = check(
        ("东片", "埔心村", "23.1", "114.4", "80"),
        ("西片", "埔心", "", "", ""),
        ("东片", "下围社区", "23.2", "114.5", "1,000"),
    )
    assert problems == []
    assert [(r.row, r.village_id, r.name, r.lat, r.radius_m) for r in rows] == [
        (2, 1, "东片", 23.1, 80),
        (3, 1, "西片", None, None),
        (4, 2, "东片", 23.2, 1000),
    ]


@pytest.mark.parametrize(
    "row, column, words",
    [
        (("", "埔心村", "", "", ""), "名称", "缺少名称"),
        (("东片", "", "", "", ""), "村社区", "缺少村社区"),
        (("东片", "火星村", "", "", ""), "村社区", "火星村"),
        (("东片", "埔心村", "91", "114.4", "80"), "纬度", "纬度不是"),
        (("东片", "埔心村", "23.1", "东经114", "80"), "经度", "经度不是"),
        (("东片", "埔心村", "23.1", "114.4", "0"), "半径米", "半径米不是"),
        (("东片", "埔心村", "23.1", "", "80"), "纬度", "一起填"),
        (("东片", "埔心村", "23.1", "114.4", ""), "半径米", "也要填半径米"),
    ],
)
def test_each_problem_names_its_row_and_column(row, column, words):
    rows, [problem] = check(("好片", "埔心村", "", "", ""), row)
    assert [r.name for r in rows] == ["好片"]
    assert (problem.row, problem.column) == (3, column) and words in problem.reason
    assert str(problem).startswith(f"第3行（{column}）：")


def test_a_zone_twice_in_one_village_points_to_the_first_row():
    _rows, [problem] = check(("东片", "埔心村", "", "", ""), ("东片", "埔心", "", "", ""))
    assert problem.row == 3 and "与第2行重复" in problem.reason


def test_a_file_without_the_village_column_is_refused_at_the_header():
    rows, [problem] = zones.validate(None, "zones.csv", "名称,纬度\n东片,23.1\n".encode(), T)
    assert rows == [] and problem.row == 1 and "村社区" in problem.reason


def test_month_start_in_campaign_time():
    assert zones.month_start("2027-03-31T15:59:59", "Asia/Shanghai") == "2027-02-28T16:00:00"


def test_a_cadre_bound_without_proof_holds_no_zone():
    config = {"zones.member_roles": ["党员", "村干部"]}

    class Config(dict):
        def get(self, key, default=None):
            return dict.get(self, key, default)

    cfg = Config(config)
    assert zones.may_hold({"role": "党员", "bound_via": "name"}, cfg)  # not a staff role: always
    assert zones.may_hold({"role": "村干部", "bound_via": "code"}, cfg)
    assert not zones.may_hold({"role": "村干部", "bound_via": "name"}, cfg)  # staff by name only: 群众 powers
    assert not zones.may_hold({"role": "群众", "bound_via": "code"}, cfg)


def test_words_ending_in_pian_that_are_no_zone_are_data():
    """Tidy80: the words in 片 that never name a zone (照片, 名片, 药片 …) are messages/replies/zones.toml's
    ``[words] not_a_zone``, read by bot.zones' one pattern: each said with a holder's question is no zone asked; a
    place's name with 片 still is (controls)."""
    import inspect

    from bot import messages, nlu

    listed = messages.words("zones.words.not_a_zone")
    assert {"照片", "药片", "名片"} <= listed
    assert "照相图名卡叶药" not in inspect.getsource(zones)
    for word in listed:
        norm = nlu.normalize(f"这张{word}有人认领了没有")
        assert not zones._ZONE_LIKE_RE.search(norm), word
    for asked in ("长塘片有人认领了没有", "石岗片边个管"):
        assert zones.holders_asked(nlu.normalize(asked), asked), asked
