"""bot/planting.py closing the collecting windows on a real SQLite file: the ``planting_windows`` job
(``settle_windows``) and the sender's own next part (``settle_sender``): a record whose window ran out stays
incomplete and its sender is reminded once (``incomplete_text``), one whose flow vanished is cancelled."""

from __future__ import annotations

import pytest

from bot import planting
from bot.db import transaction
from bot.store import conversations as conversations_store
from tests.unit.planting_world import CADRE, NEIGHBOUR, VILLAGER, World


@pytest.fixture
def world(bot):
    return World(bot)


def opened(world, openid=VILLAGER, photos=0, **columns) -> dict:
    """A record of ``openid`` whose window opened now (a part just joined it)."""
    record = world.record(openid, photos=photos, **columns)
    with transaction(world.db):
        planting.advance(world.ctx(openid), record["id"])
    return world.get(record["id"])


def settle_windows(world) -> dict:
    return planting.settle_windows(world.bot, world.bot.clock())


def settle_sender(world, openid=VILLAGER) -> None:
    with transaction(world.db):
        planting.settle_sender(world.ctx(openid))


def outbox(world) -> list[dict]:
    return list(world.db.query("SELECT * FROM outbox ORDER BY id"))


def flows(world) -> list[tuple]:
    return [(r["openid"], r["flow"]) for r in world.db.query("SELECT * FROM conversations ORDER BY openid")]


def reminder(world, what: str, missing: str) -> str:
    hours = world.bot.config.get("planting.late_part_hours")
    return f"您有一条种树记录（{what}）还差{missing}，{hours}小时内补发就能计入进度。"


def test_window_rule_a_record_stays_open_until_the_window_has_run_out(world):
    record = opened(world, species="桂花", count=3)
    world.later(minutes=29, seconds=59)
    assert settle_windows(world) == {"cancelled": 0, "incomplete": 0}
    assert world.get(record["id"]) == record
    world.later(seconds=1)  # exactly the window: over
    assert settle_windows(world) == {"cancelled": 0, "incomplete": 1}


def test_window_rule_a_record_whose_window_ran_out_is_incomplete_and_its_sender_reminded_once(world):
    record = opened(world, species="桂花", count=3)
    now = world.later(minutes=31)
    with transaction(world.db):  # the sender is in another flow meanwhile (管护 of a care zone)
        conversations_store.put(world.db, VILLAGER, "zones", "tending", {}, world.hence(minutes=10), now)
    assert settle_windows(world) == {"cancelled": 0, "incomplete": 1}
    row = world.get(record["id"])
    assert (row["status"], row["closed_at"], row["reminded_at"], row["updated_at"]) == ("pending", now, now, now)
    assert flows(world) == [(VILLAGER, "zones")]  # only the planting flow ends
    (sent,) = outbox(world)
    assert (sent["openid"], sent["kind"], sent["dedupe_key"], sent["created_at"]) == (
        VILLAGER,
        "system",
        f"planting-incomplete:{record['id']}",
        now,
    )
    assert sent["text"] == reminder(world, "3棵桂花", "照片")
    world.later(minutes=5)
    assert settle_windows(world) == {"cancelled": 0, "incomplete": 0}
    assert len(outbox(world)) == 1 and world.get(record["id"]) == row


def test_window_rule_a_record_whose_flow_vanished_is_cancelled_without_a_reminder(world):
    record = opened(world, species="桂花", count=3)
    world.db.execute("DELETE FROM conversations")
    now = world.later(minutes=1)
    assert settle_windows(world) == {"cancelled": 1, "incomplete": 0}
    row = world.get(record["id"])
    assert (row["status"], row["closed_at"], row["updated_at"], row["reminded_at"]) == ("cancelled", now, now, None)
    assert outbox(world) == []


def test_window_rule_a_flow_that_moved_on_to_another_record_keeps_only_that_one_open(world):
    first = opened(world, species="桂花", count=3)
    second = opened(world, species="龙眼")  # the flow now holds the second record
    world.later(minutes=1)
    assert settle_windows(world) == {"cancelled": 1, "incomplete": 0}
    assert [world.get(r["id"])["status"] for r in (first, second)] == ["cancelled", "pending"]
    assert world.get(second["id"])["closed_at"] is None


def test_window_rule_each_record_is_settled_and_counted(world):
    for openid in (VILLAGER, NEIGHBOUR, CADRE):
        opened(world, openid, species="桂花", count=3)
    world.db.execute("DELETE FROM conversations WHERE openid != ?", [CADRE])
    world.later(minutes=30)
    assert settle_windows(world) == {"cancelled": 2, "incomplete": 1}
    assert [r["status"] for r in world.db.query("SELECT status FROM plantings ORDER BY id")] == ["cancelled"] * 2 + [
        "pending"
    ]


def test_window_rule_an_open_window_leaves_the_later_records_to_be_settled(world):
    mine = opened(world, species="桂花")
    world.later(minutes=1)
    theirs = opened(world, NEIGHBOUR, species="龙眼", count=1)
    world.later(minutes=25)
    with transaction(world.db):  # another part: its window starts again
        assert planting.advance(world.ctx(), mine["id"]).missing == ["count", "photo"]
    world.later(minutes=5)
    assert settle_windows(world) == {"cancelled": 0, "incomplete": 1}
    assert (world.get(mine["id"])["closed_at"], world.get(theirs["id"])["closed_at"]) == (None, world.now_s)


def test_window_rule_every_senders_windows_are_closed_by_the_job(world):
    mine = opened(world, species="桂花", count=3)
    theirs = opened(world, NEIGHBOUR, photos=1)
    world.later(minutes=30)
    assert settle_windows(world) == {"cancelled": 0, "incomplete": 2}
    assert [(s["openid"], s["text"]) for s in outbox(world)] == [
        (VILLAGER, reminder(world, "3棵桂花", "照片")),
        (NEIGHBOUR, reminder(world, "照片", "树种、棵数")),
    ]
    assert [s["dedupe_key"] for s in outbox(world)] == [f"planting-incomplete:{r['id']}" for r in (mine, theirs)]


def test_reminder_rule_what_was_recorded_as_replies_show_it_and_each_part_missing(world):
    peach = world.record(species="桃", count=2)
    assert planting.incomplete_text(world.bot, world.db, peach) == reminder(world, "2棵桃子", "照片")
    plot = world.record(kind="plot", site="党建林", photos=1)
    assert planting.incomplete_text(world.bot, world.db, plot) == reminder(world, "党建林", "树种、面积")


def test_sender_rule_the_senders_next_part_closes_their_own_windows_only(world):
    mine = opened(world, species="桂花", count=3)
    theirs = opened(world, NEIGHBOUR, species="龙眼", count=1)
    now = world.later(minutes=31)
    settle_sender(world)
    row = world.get(mine["id"])
    assert (row["status"], row["closed_at"], row["reminded_at"]) == ("pending", now, now)
    assert [(s["openid"], s["text"]) for s in outbox(world)] == [(VILLAGER, reminder(world, "3棵桂花", "照片"))]
    assert world.get(theirs["id"]) == theirs  # their window is the job's to close
    assert flows(world) == [(NEIGHBOUR, "planting")]


def test_sender_rule_an_open_window_is_left_open(world):
    record = opened(world, species="桂花")
    world.later(minutes=29)
    settle_sender(world)
    assert world.get(record["id"]) == record
    assert flows(world) == [(VILLAGER, "planting")] and outbox(world) == []


def test_sender_rule_an_earlier_record_beside_the_open_one_is_cancelled(world):
    first = opened(world, species="桂花", count=3)
    second = opened(world, species="龙眼")
    now = world.later(minutes=1)
    settle_sender(world)
    assert (world.get(first["id"])["status"], world.get(first["id"])["closed_at"]) == ("cancelled", now)
    assert world.get(second["id"]) == second and outbox(world) == []
