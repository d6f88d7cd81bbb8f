"""Round 76 (corrections, round two): the audit rows exported (``export record_corrections``, the 导出 page); the
command's reason read when it follows the tree with no space (更正记录 12 3棵荔枝数错了); a 代种 record (entered by a
cadre for a household) corrected by another cadre of the village, its notice to the cadre who entered it; the office
(管理员) correcting in the chat as a cadre does, any village's record. Through signed pushes, a real database."""

from __future__ import annotations

import json

import pytest

from tests.conftest import rows_of
from tests.corrections_helpers import (  # noqa: F401 (fixtures: round 75's 埔心村 morning)
    _a_march_morning,
    _audit,
    _entered_for_chen,
    _finished,
    _notices,
    _record,
    _record_of_another_village,
    _sheet,
    puxin,
)


# -- 1. the export ------------------------------------------------------------------------------------------------
def test_the_corrections_are_exported_with_who_when_which_record_what_and_why(puxin, bot, app):
    _villager, cadre, planting_id = puxin
    cadre.says(f"更正记录 {planting_id} 3棵 数错了")
    cadre.says("确定")
    [exported] = _sheet(app, "record_corrections")
    [audit] = _audit(bot, planting_id)
    assert exported["by_who"] == "林书记" and exported["created_at"] == audit["created_at"]
    assert (exported["planting_id"], exported["record_person"], exported["village"]) == (
        planting_id,
        "陈大伯",
        "埔心村",
    )
    assert json.loads(exported["before"])["count"] == 2 and json.loads(exported["after"])["count"] == 3
    assert (exported["reason"], exported["channel"], exported["channel_label"]) == ("数错了", "chat", "微信")
    assert (exported["action"], exported["action_label"]) == ("recount", "更正")


# -- 2. the reason after the tree with no space ----------------------------------------------------------------
def test_the_reason_said_right_after_the_tree_is_kept(puxin, bot):
    _villager, cadre, planting_id = puxin
    asked = cadre.says(f"更正记录 {planting_id} 3棵荔枝数错了")
    assert "要改成3棵荔枝吗？原因：数错了" in asked
    cadre.says("确定")
    [audit] = _audit(bot, planting_id)
    assert audit["reason"] == "数错了" and _record(bot, planting_id)["count"] == 3
    notice = rows_of(bot, "SELECT text FROM outbox WHERE openid = 'o-chen' AND kind = 'notice'")[0]["text"]
    assert notice.endswith("更正为3棵荔枝。原因：数错了")


# -- 3. a 代种 record: the household's; another cadre or the one who entered it corrects it -------------------------
@pytest.fixture
def entered(person, bot, standin, clock):
    """埔心村: 王干部 (村干部) entered 2棵荔枝 for 陈大伯's household (代种) two hours ago; 林书记 (村书记)."""
    return _entered_for_chen(person, bot, standin, clock)


def test_another_cadre_corrects_a_record_entered_for_a_household_and_the_one_who_entered_it_is_told(entered, bot):
    _wang, lin, planting_id = entered
    asked = lin.says(f"更正记录 {planting_id} 3棵 数错了")
    assert f"第{planting_id}号记录：王干部为陈大伯代报的2棵荔枝" in asked and "确定" in asked
    done = lin.says("确定")
    assert f"第{planting_id}号记录已改为3棵荔枝" in done and "已通知代报的王干部" in done
    assert _notices(bot, "o-wang") == [
        f"您为陈大伯代报的第{planting_id}号记录（2棵荔枝）已由村干部更正为3棵荔枝。原因：数错了"
    ]


def test_the_cadre_who_entered_it_may_correct_it_after_their_own_window(entered, bot):
    wang, _lin, planting_id = entered
    asked = wang.says(f"作废记录 {planting_id} 重复报了")
    assert "作废这条记录吗" in asked and "王干部为陈大伯代报的" in asked  # not 'your own record, ask the office'
    done = wang.says("确定")
    assert "已作废" in done and "已通知" not in done  # nobody else to tell
    assert _record(bot, planting_id)["status"] == "withdrawn"
    [audit] = _audit(bot, planting_id)
    assert (audit["action"], audit["reason"], audit["by_openid"]) == ("withdraw", "重复报了", "o-wang")
    assert _notices(bot, "o-wang") == []


def test_a_cadres_own_record_stays_their_own(person, bot, standin, clock):
    """Control: the cadre's own trees (no 代种) are theirs: their window, then the office."""
    wang = person("o-wang", "王干部", "村干部")
    planting_id = _finished(bot, standin, clock, wang, "2棵荔枝")
    clock.advance(hours=2)
    assert "是您自己报的记录" in wang.says(f"作废记录 {planting_id} 重复报了")
    assert _record(bot, planting_id)["status"] == "complete" and _audit(bot) == []


# -- 4. the office (管理员) in the chat: any village's record, the same way, told as the office's ---------------------
def test_the_office_corrects_a_record_of_any_village_in_the_chat_audited_and_told_as_the_offices(
    puxin, bot, person, clock
):
    _villager, _cadre, planting_id = puxin
    office = person("o-office", "刘主任", "管理员")
    asked = office.says(f"更正记录 {planting_id} 3棵 现场核过")
    assert f"第{planting_id}号记录：陈大伯报的2棵荔枝" in asked and "确定" in asked
    assert "已通知陈大伯" in office.says("确定")
    [audit] = _audit(bot, planting_id)
    assert (audit["channel"], audit["by_openid"], audit["reason"]) == ("chat", "o-office", "现场核过")
    assert _notices(bot, "o-chen") == [
        f"您的第{planting_id}号记录（2棵荔枝）已由镇里办公室更正为3棵荔枝。原因：现场核过"
    ]
    other = _record_of_another_village(bot, clock)
    asked = office.says(f"作废记录 {other}")  # another village's, no reason said: the office's default
    assert "作废这条记录吗" in asked and "原因：镇里办公室核实更正" in asked
    assert "已作废" in office.says("确定")
    assert _record(bot, other)["status"] == "withdrawn"
    assert _notices(bot, "o-huang") == [
        f"您的第{other}号记录（4棵桂花）已由镇里办公室作废，不再计入进度。原因：镇里办公室核实更正"
    ]


def test_an_adviser_sending_the_command_changes_nothing(puxin, bot, person):
    """Control: staff who are neither the village's cadres nor the office keep the answers of before."""
    _villager, _cadre, planting_id = puxin
    adviser = person("o-adviser", "黄专家", "技术顾问")
    adviser.says(f"作废记录 {planting_id} 重复报了")
    adviser.says("确定")
    assert _record(bot, planting_id)["status"] == "complete" and _audit(bot) == []
