"""Why one's records wait for the village's check, asked in chat through the signed webhook (round 54, the lead in the
simulator: `点解我嘅树要审核` after a record flagged far from the village became a question for the adviser): each
record that waits with the reasons its reply gave, and that the result will come; never a ticket."""

from __future__ import annotations

import json

import pytest

from bot.db import transaction
from tests.conftest import rows_of

FAR = {"far_from_village": {"reason": "位置离埔心村中心11.7公里，超出1.5公里范围"}}


def _record(bot, openid: str, person_id: int, village_id: int, **fields) -> int:
    row = {
        "openid": openid,
        "person_id": person_id,
        "village_id": village_id,
        "kind": "tree",
        "species": "龙眼",
        "species_known": 1,
        "count": 2,
        "status": "complete",
        "review": "none",
        "flags": "",
        "created_at": "2027-03-10T02:00:00",
        "completed_at": "2027-03-10T02:00:00",
        **fields,
    }
    with transaction(bot.db):
        return bot.db["plantings"].insert(row).last_pk


@pytest.mark.parametrize("asked", ["点解我嘅树要审核", "为什么我报的树还没核实", "审核要几耐", "我的记录为什么要审核"])
def test_the_records_waiting_are_listed_with_why(person, bot, village, asked):
    villager = person("o-li", "李秀英")
    person_id = rows_of(bot, "SELECT id FROM people WHERE openid = 'o-li'")[0]["id"]
    waiting = _record(
        bot, "o-li", person_id, village, review="pending", flags="far_from_village", flag_details=json.dumps(FAR)
    )
    _record(bot, "o-li", person_id, village)  # counted: not listed
    reply = villager.says(asked)
    assert reply.splitlines() == [
        "您有1条记录在等工作人员审核，审核通过才计入进度：",
        f"第{waiting}号 2棵龙眼：位置离埔心村中心11.7公里，超出1.5公里范围",
        "审核完会发消息告诉您结果，不用再报一次。",
    ]
    assert rows_of(bot, "SELECT COUNT(*) AS n FROM tickets")[0]["n"] == 0


def test_none_waiting_is_said_so(person, bot, village):
    villager = person("o-li", "李秀英")
    assert villager.says("点解我嘅树要审核").startswith("您现在没有等审核的记录。")


@pytest.mark.parametrize("other", ["桂花叶子黄为什么", "我的树审核了没有"])
def test_other_words_keep_their_way(person, bot, village, other):
    villager = person("o-li", "李秀英")
    assert "等工作人员审核，审核通过才计入进度" not in (villager.says(other) or "")
