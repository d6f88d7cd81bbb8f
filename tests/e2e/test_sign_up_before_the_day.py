"""withdraw84: `报名参加` is one of the planting days' join words (events.commands.join), while the account keeps no
sign-ups (a sign-up withdrawn is told so: withdraw83). Asked to sign up before the day, the reply gives the day's details
and says that one just comes and checks in there with 参加, no sign-up being kept; on the day the same words check in, as
`参加` does. Through signed pushes; judged by the reply, the route and the attendance rows.
"""

from __future__ import annotations

import pytest

from tests.e2e.test_events import _a_march_morning, config, day, secretary  # noqa: F401

SIGN_UPS = ["报名参加植树日", "我想报名参加礼拜六的植树活动", "报名参加", "帮我报名参加今年植树日"]
NOT_KEPT = "本号不记报名"


def handler(rows, openid: str) -> str:
    return rows("SELECT handler FROM inbox WHERE openid = ? ORDER BY id DESC LIMIT 1", [openid])[0]["handler"]


def attendance(rows) -> list[tuple[str, str]]:
    return [(a["openid"], a["how"]) for a in rows("attendance")]


@pytest.mark.parametrize("text", SIGN_UPS)
def test_a_sign_up_asked_with_no_day_open_is_told_none_is_kept(person, rows, text):
    reply = person("o-li", "李四").says(text)
    assert NOT_KEPT in reply and "发“参加”签到" in reply and "通知" in reply, reply
    assert handler(rows, "o-li") == "event_join" and rows("attendance") == [] and rows("tickets") == []


@pytest.mark.parametrize("text", SIGN_UPS)
def test_a_sign_up_asked_days_before_gives_the_day_and_says_none_is_kept(day, person, rows, clock, text):  # noqa: F811
    li = person("o-li", "李四")
    clock.set("2027-03-04T10:00")
    reply = li.says(text)
    assert reply.startswith("“村口植树”3月6日 09:00开始") and NOT_KEPT in reply and "参加" in reply, reply
    assert attendance(rows) == [("o-wang", "opened")]


@pytest.mark.parametrize("text", SIGN_UPS)
def test_a_sign_up_asked_on_the_day_before_it_starts(day, person, rows, text):  # noqa: F811
    reply = person("o-li", "李四").says(text)
    assert reply.startswith("“村口植树”09:00开始") and NOT_KEPT in reply, reply
    assert attendance(rows) == [("o-wang", "opened")]


def test_the_same_words_while_the_day_is_under_way_check_in(day, person, rows, clock):  # noqa: F811
    clock.set("2027-03-06T09:30")
    reply = person("o-li", "李四").says("报名参加植树日")
    assert reply.startswith("已签到：村口植树（埔心村）。") and NOT_KEPT not in reply, reply
    assert attendance(rows) == [("o-wang", "opened"), ("o-li", "village")]


def test_controls_the_text_commands_say_what_they_said(day, person, rows, clock):  # noqa: F811
    li = person("o-li", "李四")
    clock.set("2027-03-04T10:00")
    assert li.says("参加") == "“村口植树”3月6日 09:00开始，到时再签到。"
    assert li.says(f"参加 {day}") == "“村口植树”3月6日 09:00开始，到时再签到。"
    assert person("o-zhao", "赵五").says("我要参加") == "“村口植树”3月6日 09:00开始，到时再签到。"
