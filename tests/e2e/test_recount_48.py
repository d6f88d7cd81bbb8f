"""Round 48, through signed pushes: the count of a record just finished, said wrong and said right by its sender
('头先报错咗 系三棵唔系两棵', '刚才那个是三棵 不是两棵', '帮我改成3棵'), is asked to be changed and changed on the yes,
within the window and checks of 作废 (planting.withdraw_minutes, no cadre decision yet); its flags are computed again
(a count past the role's cap waits for the village's check). Before, the words got the FAQ's how-to (作废 and send it
again) or started a record of 3棵“不两棵”, and a villager who then sent the trees again counted them twice."""

from __future__ import annotations

import pytest

from bot.db import transaction
from tests.e2e.test_conversation_probes import probe  # noqa: F401  (the module's fixture: one app for the examples)
from tests.e2e.test_conversation_round36 import _finished, _record  # a follower who just finished a record; its row

CORRECTIONS = [
    ("头先报错咗 系三棵唔系两棵", 3),
    ("刚才那个是三棵 不是两棵", 3),
    ("刚才报错了，应该是三棵", 3),
    ("数量错了 应该是5棵", 5),
    ("帮我改成4棵", 4),
    ("刚才那条改为四棵", 4),
    ("嗰条记录改返做三棵", 3),
    ("不是两棵 是三棵荔枝 打错了", 3),
    ("刚才那条记录的数量错了 应该是6棵", 6),
]


@pytest.mark.parametrize(("message", "count"), CORRECTIONS, ids=[m for m, _ in CORRECTIONS])
def test_a_count_corrected_is_asked_then_changed_on_the_yes(probe, message, count):  # noqa: F811
    villager, openid, planting_id = _finished(probe)
    asked = villager.says(message)
    assert probe.last_handler(openid) == "recount"
    assert f"第{planting_id}号" in asked and f"{count}棵荔枝" in asked and "确定" in asked
    assert _record(probe, planting_id)["count"] == 2  # nothing changed before the yes
    done = villager.says("确定")
    assert probe.last_handler(openid) == "recount_confirm"
    assert f"已改成：{count}棵荔枝" in done and "进度" in done
    record = _record(probe, planting_id)
    assert (record["count"], record["status"]) == (count, "complete")
    assert probe.rows("SELECT COUNT(*) AS n FROM plantings WHERE openid = ?", [openid])[0]["n"] == 1  # no new record
    assert probe.rows("SELECT COUNT(*) AS n FROM tickets WHERE openid = ?", [openid])[0]["n"] == 0


def test_the_tree_said_right_is_changed_with_the_count(probe):  # noqa: F811
    villager, _openid, planting_id = _finished(probe, "两棵龙眼")
    assert "3棵荔枝" in villager.says("不是两棵龙眼 是三棵荔枝 打错了")
    villager.says("确定")
    record = _record(probe, planting_id)
    assert (record["count"], record["species"]) == (3, "荔枝")


def test_no_yes_leaves_the_record_as_it_was(probe):  # noqa: F811
    villager, openid, planting_id = _finished(probe)
    villager.says("帮我改成4棵")
    villager.says("取消")
    assert _record(probe, planting_id)["count"] == 2
    villager.says("帮我改成4棵")
    probe.bot.clock.advance(hours=2)  # the question timed out: a yes now is nobody's
    villager.says("确定")
    assert _record(probe, planting_id)["count"] == 2


def test_a_count_past_the_cap_waits_for_the_village(probe):  # noqa: F811
    villager, _openid, planting_id = _finished(probe)
    assert _record(probe, planting_id)["review"] in ("none", "spot_check")
    villager.says("帮我改成十五棵")
    done = villager.says("确定")
    record = _record(probe, planting_id)
    assert (record["count"], record["review"]) == (15, "pending")
    assert "over_cap" in record["flags"] and "审核" in done


def test_the_same_count_changes_nothing(probe):  # noqa: F811
    villager, openid, planting_id = _finished(probe, "三棵荔枝")
    assert "不用改" in villager.says("刚才那个是三棵 不是两棵")
    assert probe.rows("SELECT flow FROM conversations WHERE openid = ?", [openid]) == []


def test_late_or_checked_records_are_the_cadres_to_correct(probe):  # noqa: F811
    villager, openid, planting_id = _finished(probe)
    probe.bot.clock.advance(minutes=45)  # past planting.withdraw_minutes (30)
    assert "不能自己改" in villager.says("帮我改成4棵")
    assert _record(probe, planting_id)["count"] == 2

    villager, openid, planting_id = _finished(probe)
    with transaction(probe.bot.db):
        probe.bot.db.execute(
            "UPDATE plantings SET review = 'approved', reviewed_at = updated_at WHERE id = ?", [planting_id]
        )
    assert "审核过" in villager.says("帮我改成4棵")
    assert _record(probe, planting_id)["count"] == 2


def test_nothing_ever_finished_is_told_so_never_a_ticket(probe):  # noqa: F811
    probe.count += 1
    openid = f"o-probe-{probe.count}"
    villager = probe.member(openid)
    assert "还没有报过种树记录" in villager.says("刚才那个是三棵 不是两棵")
    assert probe.rows("SELECT COUNT(*) AS n FROM tickets WHERE openid = ?", [openid])[0]["n"] == 0
    assert probe.rows("SELECT COUNT(*) AS n FROM plantings WHERE openid = ?", [openid])[0]["n"] == 0


def test_a_record_in_progress_keeps_its_own_correction(probe):  # noqa: F811
    """A record still collected takes the correction itself (round 39: 改成…还是另外一条), never 3棵“不两棵”."""
    probe.count += 1
    openid = f"o-probe-{probe.count}"
    villager = probe.member(openid)
    villager.says("两棵龙眼")
    reply = villager.says("刚才那个是三棵 不是两棵")
    assert "不两棵" not in reply and "3棵龙眼" in reply
    assert probe.last_handler(openid) == "planting_text"


CONTROLS = [
    "三棵",  # a count alone: which trees
    "种了三棵荔枝",  # a new record
    "改天再种三棵",
    "我想改种三棵桂花",
    "作废",
]


@pytest.mark.parametrize("message", CONTROLS)
def test_controls_are_no_correction(probe, message):  # noqa: F811
    assert probe.handler_for("finished", message) not in {"recount", "recount_confirm"}


def test_trees_sent_again_while_a_withdrawal_is_asked_are_told_the_old_record_still_counts(probe):  # noqa: F811
    """作废 asked, then the trees sent again without the yes: the new record's reply says the old one still counts and
    how to withdraw it; the yes after it withdraws the old one only."""
    villager, openid, planting_id = _finished(probe)
    villager.says("作废")
    reply = villager.says("三棵荔枝")
    assert f"第{planting_id}号" in reply and "还没作废" in reply and "确定作废" in reply
    villager.sends_photo(f"m-recount-again-{probe.count}")
    villager.says("确定作废")
    rows = probe.rows("SELECT id, status, count FROM plantings WHERE openid = ? ORDER BY id", [openid])
    assert [(r["status"], r["count"]) for r in rows] == [("withdrawn", 2), ("complete", 3)]


def test_a_new_record_without_a_withdrawal_asked_says_nothing_of_one(probe):  # noqa: F811
    villager, _openid, _planting_id = _finished(probe)
    assert "作废" not in villager.says("三棵荔枝")
