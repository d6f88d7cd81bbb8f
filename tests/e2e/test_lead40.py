"""The lead's findings of the fortieth session, each from the simulator, through the real webhook with signed XML:
a request to change the village's target is no planting record; 作废 with the number the bot's own reply named acts on
the sender's record only, never another's."""

from __future__ import annotations

import pytest

from bot.db import transaction
from tests.e2e.test_conversation_probes import probe  # noqa: F401  (the module's fixture: one app for the examples)
from tests.e2e.test_conversation_round36 import _finished, _record  # a follower who just finished a record; its row
from tests.e2e.test_progress import roster, secretary  # noqa: F401  (the fixtures)

# the simulator: '我系书记 帮我将埔心村目标改做五十棵' had started a record of 50 trees called “将埔心村目标改做”
TARGETS_TALKED = [
    "我系书记 帮我将埔心村目标改做五十棵",
    "帮我将埔心村目标改做五十棵",
    # written before the change, not run before it
    "我哋村目标系两百棵",
    "村里个名额得十个 可唔可以加多五个",
    "今年目标五十棵 我哋够唔够",
    "目标降到三十棵得唔得",
]


@pytest.mark.parametrize("said", TARGETS_TALKED)
def test_a_target_talked_about_is_no_planting_record(probe, said):  # noqa: F811
    """A village's target or its places (名额) with a number is what the plan asks, never trees planted: no record is
    started, no tree called by the sentence's words is asked about."""
    probe.count += 1
    openid = f"o-target-{probe.count}"
    villager = probe.member(openid)
    reply = villager.says(said)
    assert "没认出" not in reply and "是什么树" not in reply, reply
    assert probe.last_handler(openid) not in ("planting_text", "planting_menu"), reply
    assert probe.rows("SELECT COUNT(*) AS n FROM plantings WHERE openid = ?", [openid])[0]["n"] == 0


def test_trees_planted_beside_the_target_are_still_a_record(probe):  # noqa: F811
    """The control: words of having planted keep the record ('目标完成咗 今日种咗三棵桂花')."""
    probe.count += 1
    openid = f"o-target-{probe.count}"
    probe.member(openid).says("为咗目标 今日种咗三棵桂花")
    (row,) = probe.rows("SELECT species, count FROM plantings WHERE openid = ?", [openid])
    assert (row["species"], row["count"]) == ("桂花", 3)


@pytest.mark.parametrize("form", ["作废 {id}", "作废{id}", "作废第{id}号", "作废 第{id}号记录", "撤回记录{id}"])
def test_withdraw_by_the_number_the_reply_named(probe, form):  # noqa: F811
    """'作废 12' after '第12号…' had been 'not understood': the sender's own record by that number is asked about and
    withdrawn on the yes, as 作废 does."""
    villager, openid, planting_id = _finished(probe)
    asked = villager.says(form.format(id=planting_id))
    assert probe.last_handler(openid) == "withdraw"
    assert f"第{planting_id}号" in asked and "确定作废" in asked, asked
    assert _record(probe, planting_id)["status"] == "complete"  # nothing before the yes
    villager.says("确定作废")
    assert _record(probe, planting_id)["status"] == "withdrawn"


def test_another_persons_number_is_never_withdrawn(probe):  # noqa: F811
    """Trust: '作废 N' of another villager's record (or of none) changes nothing, says only that the sender reported no
    record by that number, and never whose it is or what it holds; a yes after it withdraws nothing."""
    _owner, _owner_id, planting_id = _finished(probe)
    other, other_id, own_id = _finished(probe, "三棵龙眼")
    for number in (planting_id, 999999):
        reply = other.says(f"作废 {number}")
        assert reply == f"您报过的记录里没有第{number}号。要作废刚报完的那条，发“作废”就行。", reply
        assert "荔枝" not in reply
        other.says("是")  # a yes after it is nobody's ('确定作废' alone is 作废 of one's own last record)
        assert _record(probe, planting_id)["status"] == "complete"
    assert _record(probe, own_id)["status"] == "complete"
    assert probe.rows("SELECT COUNT(*) AS n FROM tickets WHERE openid = ?", [other_id])[0]["n"] == 0


def test_an_older_own_record_by_number_keeps_the_window(probe):  # noqa: F811
    """An own record past planting.withdraw_minutes is named and refused as 作废 refuses it (the village corrects it)."""
    villager, _openid, planting_id = _finished(probe)
    probe.bot.clock.advance(hours=3)
    reply = villager.says(f"作废 {planting_id}")
    assert f"第{planting_id}号" in reply and "不能自己作废" in reply, reply
    assert _record(probe, planting_id)["status"] == "complete"


# the simulator as a secretary: '党员名单' had become a question for the adviser (rate-limited at that: the hour's
# questions were spent)
PARTY_LIST_ASKED = ["党员名单", "睇下我哋村党员名单", "本村党员的名单", "帮我拉一下村里党员名单", "党员名册呢"]


@pytest.mark.parametrize("asked", PARTY_LIST_ASKED)
def test_the_party_members_list_asked_bare_is_the_cadres_list(roster, secretary, clock, asked):  # noqa: F811
    """Who of the party members has not taken part yet, by name, as 未种名单 lists them: never a ticket."""
    clock.set("2027-03-10T10:00")
    with transaction(roster):
        roster["people"].insert({"id": 5, "name": "赵五", "village_id": 1, "role": "党员", "birth_year": 1980})
    assert "党员还有1人没参与（种树或义务植树）：赵五" in secretary.says(asked).splitlines(), asked


@pytest.mark.parametrize("asked", ["党员名单怎么报", "党员名单上没有我的名字", "我是不是在党员名单里"])
def test_a_question_about_the_list_is_not_the_list(roster, secretary, clock, asked):  # noqa: F811
    clock.set("2027-03-10T10:00")
    reply = secretary.says(asked)
    assert "没参与" not in reply and "都已参与" not in reply, asked


# the simulator as a party member: '今个月有冇植树活动' had become a question for the adviser
DAY_ASKED_BY_SEASON = [
    "今个月有冇植树活动",
    "下个月有冇种树活动",
    "最近村里有冇植树活动呀",
    "三月有冇义务植树",
    "四月份有没有植树日",
    "本月我们村有植树活动吗",
    "呢排有冇活动种树",
]


@pytest.mark.parametrize("asked", DAY_ASKED_BY_SEASON)
def test_whether_there_is_a_planting_day_this_month_is_the_villages_days(probe, asked):  # noqa: F811
    """A month or a season said before 有冇…植树活动: the village's planting days not over yet (none: says so), never a
    ticket."""
    probe.count += 1
    openid = f"o-day-{probe.count}"
    probe.member(openid).says(asked)
    assert probe.last_handler(openid) == "event_asked", asked
    assert probe.rows("SELECT COUNT(*) AS n FROM tickets WHERE openid = ?", [openid])[0]["n"] == 0


@pytest.mark.parametrize("said", ["今年有冇种树", "三月有冇种树", "今个月有冇种树活动的照片"])
def test_planting_asked_without_a_day_is_not_the_days(probe, said):  # noqa: F811
    probe.count += 1
    openid = f"o-day-{probe.count}"
    probe.member(openid).says(said)
    assert probe.last_handler(openid) != "event_asked", said


# the simulator by voice just after a record: '啱啱影咗相 有冇收到啊' had become a question for the adviser
PHOTO_RECEIVED_ASKED = [
    "啱啱影咗相 有冇收到啊",
    "相收到未",
    "照片收到了吗",
    "你收到我的照片没有",
    "有冇收到我张相",
    "我张相你哋收到未呀",
]


@pytest.mark.parametrize("asked", PHOTO_RECEIVED_ASKED)
def test_the_photo_asked_received_just_after_a_record_is_the_record(probe, asked):  # noqa: F811
    """Just after a record: yes, which record (as '记上了没有' is answered), never a ticket."""
    villager, openid, planting_id = _finished(probe)
    reply = villager.says(asked)
    assert probe.last_handler(openid) == "recorded_asked", (asked, reply)
    assert reply.startswith(f"记上了 ✅ 第{planting_id}号"), reply
    assert probe.rows("SELECT COUNT(*) AS n FROM tickets WHERE openid = ?", [openid])[0]["n"] == 0


@pytest.mark.parametrize("said", ["收到", "收到了 谢谢", "你收到我的问题没有"])
def test_got_it_or_another_thing_received_is_not_the_record(probe, said):  # noqa: F811
    villager, openid, _planting_id = _finished(probe)
    villager.says(said)
    assert probe.last_handler(openid) != "recorded_asked", said


def test_the_photo_asked_received_with_no_record_is_no_records(probe):  # noqa: F811
    """With no record just finished the photo asked after is not one's progress (it may be a question's photo)."""
    probe.count += 1
    openid = f"o-photo-{probe.count}"
    probe.member(openid).says("相收到未")
    assert probe.last_handler(openid) not in ("recorded_asked", "my_progress")


# set 21j's end measurement: 'so' before the next step asked after a photo had been taken for a tree called 咁下一步点
@pytest.mark.parametrize("asked", ["咁下一步点", "咁跟住点", "那下一步怎么办", "所以然后呢", "咁下一步点做"])
def test_so_then_the_next_step_after_a_photo_is_the_records_next_step(probe, asked):  # noqa: F811
    assert probe.run("after_photo", asked, "how") == "", asked
