"""The visits capability's pure rules: the 签到 text and its note, which village a location goes to, the month, the
reminder's days."""

from __future__ import annotations

from datetime import date

from bot import visits

WORDS = ["签到", "签到了", "我签到", "我签到了", "下村签到", "顾问签到"]
PUXIN = {"id": 1, "name": "埔心村", "lat": 23.10, "lng": 114.40, "radius_m": 3000}
XIAWEI = {"id": 2, "name": "下围村", "lat": 23.12, "lng": 114.42, "radius_m": 3000}
NO_CENTRE = {"id": 3, "name": "新村", "lat": None, "lng": None, "radius_m": None}


def test_sign_in_texts_and_their_notes():
    assert visits.sign_in_note("签到", WORDS) == ""
    assert visits.sign_in_note("签到了。", WORDS) == ""  # voice
    assert visits.sign_in_note("签到 指导挖穴", WORDS) == "指导挖穴"
    assert visits.sign_in_note("签到：指导挖穴，讲解施肥。", WORDS) == "指导挖穴，讲解施肥"
    assert visits.sign_in_note("签到了 查看苗木", WORDS) == "查看苗木"
    assert visits.sign_in_note("  签到指导挖穴", WORDS) == "指导挖穴"
    assert len(visits.sign_in_note("签到 " + "很" * 500, WORDS)) == visits.NOTE_MAX_CHARS


def test_questions_and_other_texts_are_no_sign_in():
    for text in ("签到怎么用？", "签到了吗", "签到表在哪", "我要签到吗", "桂花什么时候种", "", None):
        assert visits.sign_in_note(text, WORDS) is None, text


def test_a_location_goes_to_the_nearest_village_holding_it():
    near_both = (23.112, 114.412)  # inside both radii, nearer 下围村
    placed = visits.place([PUXIN, XIAWEI], *near_both)
    assert placed.village["name"] == "下围村" and placed.inside and placed.distance_m < 1500
    placed = visits.place([PUXIN, XIAWEI], 23.101, 114.401)
    assert placed.village["name"] == "埔心村" and placed.inside


def test_outside_every_radius_one_village_is_flagged_several_are_asked():
    far = (23.60, 114.90)
    one = visits.place([PUXIN], *far)
    assert one.village["name"] == "埔心村" and not one.inside and one.distance_m > 50_000
    several = visits.place([PUXIN, XIAWEI], *far)
    assert several.village is None and not several.inside
    assert visits.place([NO_CENTRE, PUXIN], *far).village is None  # a village without a centre holds nothing
    lone = visits.place([NO_CENTRE], *far)
    assert lone.village["name"] == "新村" and lone.distance_m is None and not lone.inside


def test_month_bounds_in_the_campaign_timezone():
    start, end = visits.month_bounds(2027, 12, "Asia/Shanghai")
    assert start.isoformat() == "2027-11-30T16:00:00+00:00" and end.isoformat() == "2027-12-31T16:00:00+00:00"


def test_the_reminder_is_due_from_its_day_to_the_months_end_in_the_campaign_year():
    assert not visits.reminder_due(date(2027, 3, 19), 20, 2027)
    assert visits.reminder_due(date(2027, 3, 20), 20, 2027) and visits.reminder_due(date(2027, 3, 31), 20, 2027)
    assert visits.reminder_due(date(2027, 2, 28), 31, 2027)  # a day past the month's end: its last day
    assert not visits.reminder_due(date(2028, 1, 25), 20, 2027)
    assert visits.reminder_key(2027, 3, 7) == "visit-reminder:2027-03:7"
