"""Round 75 (issue 17's trust): a finished record older than planting.withdraw_minutes, or checked, is corrected by its
village's cadres, as the late replies say: in the chat (更正记录 12 3棵 原因, 作废记录 12 原因, 第12号改成3棵 of a record not
their own) after a confirmation, through signed pushes; the sender is told through the outbox; every correction is an
audit row (record_corrections). Before, the replies sent the villager to cadres who had no way to do it."""

from __future__ import annotations

import json

import pytest

from bot import progress
from bot.db import transaction
from bot.store import roster as roster_store
from tests.conftest import delivered_texts, rows_of, to_db
from tests.e2e.test_planting import photo


@pytest.fixture(autouse=True)
def _a_march_morning(clock):
    clock.set("2027-03-06T10:00")


def _finished(bot, standin, clock, who, count="2棵荔枝", media="m-1"):
    """``who`` reports a record and finishes it with a photo; its id."""
    standin.add_media(media, photo(int(media.rsplit("-", 1)[1])))
    who.says(count)
    who.sends_photo(media)
    clock.advance(minutes=2)
    return rows_of(bot, "SELECT id FROM plantings WHERE openid = ? ORDER BY id DESC", [who.openid])[0]["id"]


def _record(bot, planting_id):
    return rows_of(bot, "SELECT * FROM plantings WHERE id = ?", [planting_id])[0]


def _audit(bot, planting_id=None):
    if planting_id is None:
        return rows_of(bot, "SELECT * FROM record_corrections ORDER BY id")
    return rows_of(bot, "SELECT * FROM record_corrections WHERE planting_id = ? ORDER BY id", [planting_id])


@pytest.fixture
def puxin(person, bot, standin, clock):
    """埔心村: 陈大伯 (群众) finished 2棵荔枝 two hours ago (too late for him to change); 林书记 (村书记)."""
    villager = person("o-chen", "陈大伯")
    cadre = person("o-lin", "林书记", "村书记")
    planting_id = _finished(bot, standin, clock, villager)
    clock.advance(hours=2)
    return villager, cadre, planting_id


def test_the_late_reply_names_the_cadres_command_with_the_number(puxin):
    villager, _cadre, planting_id = puxin
    late = villager.says("作废")
    assert f"“作废记录 {planting_id}”" in late and "办公室" in late and "在后台改。" in late
    recount = villager.says("帮我改成3棵")
    assert f"“更正记录 {planting_id}”" in recount and "棵数" in recount


def test_a_cadre_recounts_a_record_of_their_village_and_the_villager_is_told(puxin, bot, tick, standin, clock):
    villager, cadre, planting_id = puxin
    village_id = _record(bot, planting_id)["village_id"]
    before = progress.village_progress(bot.db, bot.config, village_id)
    asked = cadre.says(f"更正记录 {planting_id} 3棵 数错了")
    assert f"第{planting_id}号记录：陈大伯报的2棵荔枝" in asked and "3棵荔枝" in asked and "数错了" in asked
    assert "确定" in asked and _record(bot, planting_id)["count"] == 2  # nothing changed before the yes
    done = cadre.says("确定")
    assert f"第{planting_id}号记录已改为3棵荔枝" in done and "陈大伯" in done
    record = _record(bot, planting_id)
    assert (record["count"], record["status"], record["recounted_from"]) == (3, "complete", "2棵荔枝")
    after = progress.village_progress(bot.db, bot.config, village_id)
    assert after.trees + after.pending_trees == before.trees + before.pending_trees + 1
    [audit] = _audit(bot, planting_id)
    assert (audit["action"], audit["reason"], audit["channel"]) == ("recount", "数错了", "chat")
    assert json.loads(audit["before"])["count"] == 2 and json.loads(audit["after"])["count"] == 3
    assert audit["by_openid"] == "o-lin" and audit["by_person_id"] is not None
    [notice] = rows_of(bot, "SELECT text, dedupe_key FROM outbox WHERE openid = 'o-chen' AND kind = 'notice'")
    assert notice["text"] == f"您的第{planting_id}号记录（2棵荔枝）已由村干部更正为3棵荔枝。原因：数错了"
    tick()
    assert notice["text"] in delivered_texts(standin, "o-chen")


def test_a_cadre_withdraws_with_the_reason_said_at_the_yes_and_every_figure_drops(puxin, bot):
    _villager, cadre, planting_id = puxin
    village_id = _record(bot, planting_id)["village_id"]
    before = progress.village_progress(bot.db, bot.config, village_id)
    asked = cadre.says(f"作废记录 {planting_id}")
    assert "作废这条记录吗" in asked and "村干部核实更正" in asked
    assert "已作废" in cadre.says("确定 重复报了")
    assert _record(bot, planting_id)["status"] == "withdrawn"
    after = progress.village_progress(bot.db, bot.config, village_id)
    assert after.trees + after.pending_trees == before.trees + before.pending_trees - 2
    assert [(a["action"], a["reason"]) for a in _audit(bot, planting_id)] == [("withdraw", "重复报了")]
    texts = [r["text"] for r in rows_of(bot, "SELECT text FROM outbox WHERE openid = 'o-chen' AND kind = 'notice'")]
    assert texts == [f"您的第{planting_id}号记录（2棵荔枝）已由村干部作废，不再计入进度。原因：重复报了"]
    again = cadre.says(f"作废记录 {planting_id} 重复报了")  # a second time: said so, nothing more
    assert "已经作废" in again and len(_audit(bot, planting_id)) == 1


def test_the_numbered_words_of_another_villagers_record_are_a_cadres_correction(puxin, bot):
    _villager, cadre, planting_id = puxin
    asked = cadre.says(f"第{planting_id}号记录改成5棵")
    assert "5棵荔枝" in asked and "确定" in asked
    cadre.says("确定")
    assert _record(bot, planting_id)["count"] == 5 and len(_audit(bot, planting_id)) == 1


def test_cancel_leaves_the_record(puxin, bot):
    _villager, cadre, planting_id = puxin
    cadre.says(f"作废记录 {planting_id} 重复")
    cadre.says("取消")
    assert _record(bot, planting_id)["status"] == "complete" and _audit(bot) == []


def _record_of_another_village(bot, clock):
    """东平社区 (another village) with 4棵桂花 of o-huang's, finished now: its record's id."""
    now = to_db(clock())
    with transaction(bot.db):
        village = roster_store.insert_village(
            bot.db, {"name": "东平社区", "kind": "社区", "town": "石角镇", "households": 10}, now
        )
        return (
            bot.db["plantings"]
            .insert(
                {
                    "openid": "o-huang",
                    "village_id": village,
                    "kind": "tree",
                    "species": "桂花",
                    "species_known": 1,
                    "count": 4,
                    "status": "complete",
                    "review": "none",
                    "flags": "",
                    "created_at": now,
                    "completed_at": now,
                    "updated_at": now,
                }
            )
            .last_pk
        )


def test_another_villages_record_is_refused(puxin, bot, villager_factory, clock):
    _villager, cadre, _planting_id = puxin
    other_id = _record_of_another_village(bot, clock)
    assert "不是本村的" in cadre.says(f"作废记录 {other_id} 重复")
    assert "不是本村的" in cadre.says(f"更正记录 {other_id} 3棵")
    assert _record(bot, other_id)["status"] == "complete" and _record(bot, other_id)["count"] == 4
    assert _audit(bot) == []


def test_a_villager_gets_the_answers_of_today(puxin, bot, person):
    _villager, _cadre, planting_id = puxin
    neighbour = person("o-neighbour", "李阿姨")
    assert f"您报过的记录里没有第{planting_id}号" in neighbour.says(f"作废记录 {planting_id}")
    assert f"您报过的记录里没有第{planting_id}号" in neighbour.says(f"第{planting_id}号记录改成5棵")
    assert _record(bot, planting_id)["status"] == "complete" and _audit(bot) == []
