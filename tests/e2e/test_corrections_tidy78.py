"""tidy78: ``plantings.restored_at`` (m009) is what the audit says: the time of the record's last restore
(``MAX(record_corrections.created_at) WHERE action = 'restore'``), empty for a record never restored, after every write
path: a restore in the chat (恢复记录 N), on the record page, a withdrawal again (the time kept), a restore refused
(one of a record that counts, twice in the chat and a double POST), a recount, a sender's own withdrawal and its
restore. The column stays (the export, the village list and the record page read it with the row; only
``plantings.restore`` writes it, inside ``corrections.apply``'s transaction with the audit row's own time), and this
test keeps the two from parting. Through signed pushes and the dashboard's client, a real database."""

from __future__ import annotations

from tests.conftest import rows_of
from tests.corrections_helpers import (  # noqa: F401 (fixtures: round 75's 埔心村 morning)
    _a_march_morning,
    _audit,
    _office,
    _record,
    _withdrawn_by,
    _withdrawn_by_its_sender,
    puxin,
)
from tests.e2e.test_dashboard import post

_AGREEMENT = (
    "SELECT id, restored_at, audited FROM (SELECT p.id, p.restored_at, (SELECT MAX(c.created_at) FROM"
    " record_corrections c WHERE c.planting_id = p.id AND c.action = 'restore') AS audited FROM plantings p)"
)


def _disagreeing(bot) -> list[dict]:
    """The records whose ``restored_at`` is not their last restore's audit time (none restored: both empty)."""
    return [r for r in rows_of(bot, _AGREEMENT) if r["restored_at"] != r["audited"]]


def _last_restore(bot, planting_id) -> str:
    return [a for a in _audit(bot, planting_id) if a["action"] == "restore"][-1]["created_at"]


def test_restored_at_is_the_last_restores_audit_time_after_every_write_path(puxin, bot, app, clock, person, standin):
    villager, cadre, planting_id = puxin
    url = f"/admin/records/{planting_id}"
    office = _office(app)
    assert _disagreeing(bot) == [] and _record(bot, planting_id)["restored_at"] is None

    assert "没有作废" in cadre.says(f"恢复记录 {planting_id}")  # a record that counts: refused, nothing written
    _withdrawn_by(cadre, planting_id)
    assert _disagreeing(bot) == [] and _record(bot, planting_id)["restored_at"] is None

    clock.advance(minutes=5)  # 1. the chat's 恢复记录 N
    cadre.says(f"恢复记录 {planting_id} 作废错了编号")
    assert "已恢复" in cadre.says("确定")
    first = _last_restore(bot, planting_id)
    assert _record(bot, planting_id)["restored_at"] == first and _disagreeing(bot) == []

    clock.advance(minutes=5)  # 2. restored twice: refused in the chat, nothing written
    assert "没有作废" in cadre.says(f"恢复记录 {planting_id} 再恢复一次")
    assert _record(bot, planting_id)["restored_at"] == first and _disagreeing(bot) == []

    clock.advance(minutes=5)  # 3. withdrawn again on the record page: the last restore's time kept
    post(office, url, {"action": "withdraw", "reason": "还是重复了"}, url)
    assert _record(bot, planting_id)["status"] == "withdrawn"
    assert _record(bot, planting_id)["restored_at"] == first and _disagreeing(bot) == []

    clock.advance(minutes=5)  # 4. restored on the record page, then a double POST
    post(office, url, {"action": "restore", "reason": "核实过不重复"}, url)
    second = _last_restore(bot, planting_id)
    assert second > first and _record(bot, planting_id)["restored_at"] == second
    clock.advance(minutes=5)
    post(office, url, {"action": "restore", "reason": "再来一次"}, url)
    assert _last_restore(bot, planting_id) == second and _disagreeing(bot) == []

    clock.advance(minutes=5)  # 5. a recount after it: no restore
    cadre.says(f"更正记录 {planting_id} 3棵 数错了")
    cadre.says("确定")
    assert _record(bot, planting_id)["count"] == 3
    assert _record(bot, planting_id)["restored_at"] == second and _disagreeing(bot) == []

    clock.advance(minutes=5)  # 6. another record its sender withdrew in their window, restored by the village
    other = _withdrawn_by_its_sender(bot, standin, clock, villager, "4棵龙眼", media="m-2")
    assert _disagreeing(bot) == [] and _record(bot, other)["restored_at"] is None
    clock.advance(hours=2)
    cadre.says(f"恢复记录 {other} 作废错了")
    assert "已恢复" in cadre.says("确定")
    assert _record(bot, other)["restored_at"] == _last_restore(bot, other) and _disagreeing(bot) == []
    assert _record(bot, planting_id)["restored_at"] == second
