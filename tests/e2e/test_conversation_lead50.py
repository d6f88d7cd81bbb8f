"""The lead, fiftieth session (issue 17 §5), through signed pushes: whether a care zone has room left, asked
('石岗片仲有冇位', '长塘片仲有名额吗'), is the list (who holds each, and how to claim by number), never a claim. Round
94 had made `我系党员 要认领边个责任区啊 石岗片仲有冇位` (22o) claim 石岗片 for the party member who asked which to take.
Written and run before the reader changed, in words other than 22o's: 1 of 7 on main (five tickets, one claim); the
controls, a zone taken by its name, claim as before.

And whether the record just finished was recorded, asked with 录 ('录好未啊', '录低咗未'; 22o's '录咗未'), is its state as
记咗未 is: 0 of 5 on main (thanks back, tickets, and '头先嗰两棵录咗未' a record of a tree called 录未); a voice message
said to be recorded (录咗段语音) stays no such question."""

from __future__ import annotations

import pytest

from tests.e2e.test_conversation_probes import (  # noqa: F401  (the module's fixture: one app for the examples)
    cases_of,
    probe,
)

ROOM_ASKED = [
    ("party", "石岗片仲有冇位"),
    ("party", "长塘片仲有名额吗"),
    ("party", "石岗片满咗未"),
    ("party", "石岗片还有空位没有"),
    ("cadre", "长塘片仲有冇空位"),
    ("party", "我系党员 想认领责任区 石岗片还有没有名额"),
    ("party", "要认领边块好啊 长塘片仲有冇位"),
]
# controls: a location or a photo is no zone's room ('拍完照片之后还要发位置吗' had become the zones' list)
NOT_ROOM = [
    ("member", "拍完照片之后还要发位置吗", "how"),
    ("party", "叶片有黑点 仲有冇得救", "question"),
]
CLAIMED = [
    ("party", "石岗片我嚟管", "石岗片"),
    ("party", "认领长塘片", "长塘片"),
]


def _held(probe, openid: str) -> list[str]:  # noqa: F811
    return [
        row["name"]
        for row in probe.rows(
            "SELECT z.name FROM zone_holders h JOIN zones z ON z.id = h.zone_id"
            " JOIN people p ON p.id = h.person_id WHERE p.openid = ? AND h.ended_at IS NULL",
            [openid],
        )
    ]


@pytest.mark.parametrize(("context", "message"), ROOM_ASKED)
def test_room_left_in_a_zone_asked_is_the_list_never_a_claim(probe, context, message):  # noqa: F811
    assert probe.handler_for(context, message) == "zone_list"
    assert _held(probe, probe.openid) == []


@pytest.mark.parametrize(("context", "message", "expected"), NOT_ROOM)
def test_a_location_or_a_photo_is_no_zone_s_room(probe, context, message, expected):  # noqa: F811
    assert probe.handler_for(context, message) != "zone_list"


@pytest.mark.parametrize(("context", "message", "zone"), CLAIMED)
def test_a_zone_taken_by_its_name_is_still_claimed(probe, context, message, zone):  # noqa: F811
    assert probe.handler_for(context, message) == "zone_claim_named"
    assert _held(probe, probe.openid) == [zone]


RECORDED_ASKED = [
    ("finished", "录好未啊", "progress"),
    ("finished", "头先嗰两棵录咗未", "progress"),
    ("finished", "录低咗未", "progress"),
    ("finished", "录咗未呀", "progress"),
    ("finished", "我啲荔枝录咗冇", "progress"),
    # control: a voice message said to be recorded is no question of the record
    ("finished", "录咗段语音俾你", "question"),
]


@pytest.mark.parametrize(("context", "message", "expected"), cases_of(RECORDED_ASKED, {}))
def test_recorded_asked_with_lu_is_the_record_s_state(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


# After set 22p's end figure (136/140), three of its four misses by class, examples written first in other words
# (1/9 before: only 指导种果树 passed; after 9/9; the controls 5/5 before and after): an adviser's 打卡 after the visit told as guiding the planting (指导种树 is
# no planting day); joining with 'so' said first (咁我报名参加, after the day asked); the villagers' questions to be
# looked at again, wished (我想再看下村民问的问题; a villager's same words are no queue)
AFTER_22P = [
    ("adviser", "今朝去下屋村指导种果树 打个卡", "sign_in"),
    ("adviser", "到埔心村指导村民种树 签到", "sign_in"),
    ("adviser", "嚟咗埔心指导种树 打卡", "sign_in"),
    ("twice", "活动几时搞 || 咁我报名参加", "join"),
    ("member", "那我报名参加", "join"),
    ("member", "噉我都报名参加", "join"),
    ("adviser", "我想再看下村民问的问题", "queue"),
    ("adviser", "想睇返村民问嘅问题", "queue"),
    ("adviser", "再睇睇大家提嘅问题", "queue"),
    # controls
    ("adviser", "指导种树要不要打卡", "question"),
    ("member", "植树活动签到", "join"),
    ("member", "那我报名参加唔到点算", "question"),
    ("adviser", "村民问嘅桂花问题点答", "question"),
    ("member", "我想再看下村民问的问题", "question"),
]


@pytest.mark.parametrize(("context", "message", "expected"), cases_of(AFTER_22P, {}))
def test_after_22p_guiding_check_in_so_joining_and_questions_looked_at_again(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


# A record said wrong with a sorry, not planted yet (round 80's reader with its own slip words again:
# tests/unit/test_module_names_once.py): '对不起 还没种呢' after a photo had become a ticket with the photo attached,
# '不好意思 其实还没种' the record kept; 2 of 4 before (the slip said plainly and the photo to come held)
SORRY_NOT_PLANTED = [
    ("after_photo", "对不起 还没种呢", "cancel"),
    ("pending", "不好意思 其实还没种", "cancel"),
    ("pending", "搞错了 还没有种", "cancel"),
    ("pending", "还没种 明天种了再拍", "how"),
]


@pytest.mark.parametrize(("context", "message", "expected"), cases_of(SORRY_NOT_PLANTED, {}))
def test_a_record_said_wrong_with_a_sorry_not_planted_yet_is_dropped(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""
