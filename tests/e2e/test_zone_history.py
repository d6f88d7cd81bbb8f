"""withdraw84: who held a care zone is kept. Leaving it (退出责任区) or moving to another ends the holder row
(``zone_holders.ended_at``) instead of deleting it; every reader of the current holders (the list, one's own zone, the
holder count, the nudge, the dashboard, ``export zones``) ignores ended rows, and ``export zone_holders`` shows every row,
``ended_at`` its last column. Through signed pushes, the CLI's export and the dashboard.
"""

from __future__ import annotations

import csv
import io

from bot import exports
from bot.clock import to_db
from bot.db import transaction
from tests.e2e.dashboard_seed import login, password_hash
from tests.e2e.test_zones import _in_the_window, config, member, nudges, run, zones  # noqa: F401


def holder_rows(bot) -> list[tuple[str, str, bool]]:
    """(person, zone, ended) of every holder row, in order."""
    return [
        (r["person"], r["zone"], r["ended_at"] is not None)
        for r in bot.db.query(
            "SELECT pe.name AS person, z.name AS zone, h.ended_at FROM zone_holders h"
            " JOIN people pe ON pe.id = h.person_id JOIN zones z ON z.id = h.zone_id ORDER BY h.id"
        )
    ]


def test_held_left_and_taken_again_by_another_keeps_both_rows(member, person, bot, clock, capsys):  # noqa: F811
    clock.advance(minutes=30)
    assert "党建林东片" in member.says("退出责任区")
    assert holder_rows(bot) == [("陈党员", "党建林东片", True)]
    assert "1. 党建林东片（还没有人认领）" in member.says("认领责任区")
    lin = person("o-lin", "林干部", "村干部")
    lin.says("认领责任区")
    assert "认领成功" in lin.says("认领责任区 1")
    assert holder_rows(bot) == [("陈党员", "党建林东片", True), ("林干部", "党建林东片", False)]
    assert "1. 党建林东片（林干部认领）" in member.says("认领责任区")  # only the one holding it now
    assert "党建林东片" not in member.says("我的管护")  # his own zone: none now

    header, data = exports.rows(bot, "zones")  # the contract's columns, in their order; current holders only
    zones_export = [dict(zip(header, row)) for row in data]
    assert header[:4] == ["id", "village", "name", "holders"]
    assert [(z["name"], z["holders"], z["holder_count"]) for z in zones_export] == [
        ("党建林东片", "林干部", 1),
        ("党建林西片", None, 0),
    ]
    capsys.readouterr()
    assert run(bot, "export", "zone_holders") == 0
    table = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert table[0][-1] == "ended_at" and table[0][:2] == ["id", "zone_id"]
    by_person = {row[table[0].index("person")]: row for row in table[1:]}
    assert set(by_person) == {"陈党员", "林干部"}
    assert by_person["陈党员"][-1] != "" and by_person["林干部"][-1] == ""
    assert by_person["陈党员"][table[0].index("zone")] == "党建林东片"


def test_a_member_who_left_may_claim_again_and_a_move_keeps_the_zone_left(member, bot, clock):  # noqa: F811
    clock.advance(minutes=30)
    member.says("退出责任区")
    member.says("认领责任区")
    assert "认领成功" in member.says("认领责任区 1")
    clock.advance(minutes=30)
    member.says("认领责任区")
    assert "原来是党建林东片" in member.says("认领责任区 2")
    assert holder_rows(bot) == [
        ("陈党员", "党建林东片", True),
        ("陈党员", "党建林东片", True),
        ("陈党员", "党建林西片", False),
    ]
    assert "1. 党建林东片（还没有人认领）" in member.says("认领责任区")


def test_one_who_left_is_no_longer_nudged(member, bot, tick, clock):  # noqa: F811
    clock.advance(minutes=30)
    member.says("退出责任区")
    tick("2027-03-20T10:00")  # past zones.nudge_days since the claim
    assert nudges(bot, "o-chen") == []


def test_the_dashboard_counts_only_the_current_holders(member, person, bot, clock, app):  # noqa: F811
    lin = person("o-lin", "林干部", "村干部")
    lin.says("认领责任区")
    lin.says("认领责任区 2")
    clock.advance(minutes=30)
    member.says("退出责任区")
    with transaction(bot.db):
        bot.db["admins"].insert(
            {"username": "admin", "password_hash": password_hash(), "role": "admin", "created_at": to_db(clock())}
        )
    client = app.test_client()
    assert login(client, "admin").status_code == 302
    village_page = client.get("/admin/villages/1").get_data(as_text=True)
    assert "2个，1个有人认领" in village_page and "陈党员" not in village_page
    zones_page = client.get("/admin/zones").get_data(as_text=True)
    assert "林干部" in zones_page and "陈党员" not in zones_page
