"""bot/milestones.py's chat flow on a real SQLite file: what a report writes and replies, the window its photo and
location join (and for how long), photos sent just before it, a village's reports as the office's page lists them;
each test named for the rule it pins (issue 20, whole-module mutation score)."""

from __future__ import annotations

import pytest

from bot import milestones
from bot.conversation import State
from bot.db import transaction
from bot.milestones import DEMO_SITE, HOLES, PLAN, Report
from bot.store import milestones as store
from tests.unit import chat
from tests.unit.planting_world import CADRE, VILLAGER, World


@pytest.fixture
def world(bot):
    return World(bot)


def report(world, what: Report, photo_ids=()):
    with transaction(world.db):
        return milestones.record(world.ctx(CADRE), what, list(photo_ids))


def window(world, openid=CADRE):
    """The sender's milestone flow now and when it ends."""
    row = next(world.db.query("SELECT expires_at FROM conversations WHERE openid = ? AND flow = 'milestone'", [openid]))
    return milestones.FLOW.state(world.ctx(openid)), row["expires_at"]


def photos_of(world, milestone_id):
    return [
        (r["media_row_id"], r["created_at"])
        for r in world.db.query("SELECT * FROM milestone_photos WHERE milestone_id = ? ORDER BY id", [milestone_id])
    ]


def timeout(world):
    return {"minutes": world.bot.config.get("conversation.timeout_minutes")}


# -- a report ----------------------------------------------------------------------------------------
def test_record_rule_a_report_is_kept_with_its_sender_village_message_and_time(world):
    row = report(world, Report(HOLES, count=120))
    assert row == store.get(world.db, row["id"])
    assert {k: row[k] for k in ("village_id", "milestone", "count", "name", "openid", "inbox_id", "reported_at")} == {
        "village_id": world.village_id,
        "milestone": HOLES,
        "count": 120,
        "name": None,
        "openid": CADRE,
        "inbox_id": 7,
        "reported_at": world.now_s,
    }
    assert (row["person_id"], row["status"], row["lat"]) == (world.person_id("陈书记"), "reported", None)
    site = report(world, Report(DEMO_SITE, name="村口公园"))
    assert (site["milestone"], site["count"], site["name"]) == (DEMO_SITE, None, "村口公园")


def test_record_rule_a_report_opens_its_window_for_one_timeout(world):
    row = report(world, Report(PLAN))
    assert window(world) == (State("collecting", {"milestone_id": row["id"]}), world.hence(**timeout(world)))
    assert milestones.collecting(world.ctx(CADRE), window(world)[0]) == row


def test_record_rule_photos_sent_just_before_join_the_report(world):
    first, second = world.media_row(CADRE), world.media_row(CADRE)
    row = report(world, Report(DEMO_SITE, name="祠堂"), [first, second])
    assert photos_of(world, row["id"]) == [(first, world.now_s), (second, world.now_s)]
    assert photos_of(world, report(world, Report(PLAN))["id"]) == []


def test_collecting_rule_the_report_the_window_names_or_none(world):
    row = report(world, Report(PLAN))
    assert milestones.collecting(world.ctx(CADRE), State("collecting", {"milestone_id": row["id"]})) == row
    assert milestones.collecting(world.ctx(CADRE), State("collecting", {})) is None
    assert milestones.collecting(world.ctx(CADRE), State("collecting", {"milestone_id": row["id"] + 1})) is None


# -- its photo and location ----------------------------------------------------------------------------
def test_photo_rule_a_photo_joins_the_report_counts_and_restarts_the_window(world):
    row = report(world, Report(PLAN))
    world.later(minutes=20)
    media = world.media_row(CADRE)
    with transaction(world.db):
        assert milestones.add_photo(world.ctx(CADRE), row, media) == 1
    assert photos_of(world, row["id"]) == [(media, world.now_s)]
    assert window(world) == (State("collecting", {"milestone_id": row["id"]}), world.hence(**timeout(world)))
    with transaction(world.db):
        assert milestones.add_photo(world.ctx(CADRE), row, world.media_row(CADRE)) == 2
        assert milestones.add_photo(world.ctx(CADRE), row, media) == 2  # the same photo twice counts once


def test_location_rule_a_location_is_kept_on_the_report_and_restarts_the_window(world):
    row = report(world, Report(DEMO_SITE, name="村口公园"))
    world.later(minutes=20)
    with transaction(world.db):
        milestones.add_location(world.ctx(CADRE), row, 23.101, 114.402)
    located = store.get(world.db, row["id"])
    assert (located["lat"], located["lng"], located["updated_at"]) == (23.101, 114.402, world.now_s)
    assert window(world) == (State("collecting", {"milestone_id": row["id"]}), world.hence(**timeout(world)))


# -- in chat: what each step replies ---------------------------------------------------------------------
def test_chat_rule_a_site_report_asks_for_photo_and_location_until_it_has_both(world):
    bot = world.bot
    assert chat.says(bot, CADRE, "示范点 村口公园") == (
        "✅ 已记下第1号：示范点“村口公园”，街道确认后计入。\n请再发一张示范点的照片📷\n请再发示范点的位置📍（微信“+”→位置）"
    )
    world.later(minutes=5)
    assert chat.sends_photo(bot, CADRE, "m-site") == (
        "📷 照片已加到示范点“村口公园”（共1张）。\n请再发示范点的位置📍（微信“+”→位置）"
    )
    assert chat.sends_location(bot, CADRE, 23.101, 114.401) == "📍 位置已加到示范点“村口公园”。"
    assert [(r["milestone"], r["name"], r["lat"]) for r in store.of_village(world.db, world.village_id)] == [
        (DEMO_SITE, "村口公园", 23.101)
    ]
    assert store.photo_count(world.db, 1) == 1


def test_chat_rule_a_photo_after_the_window_is_no_part_of_the_report(world):
    bot = world.bot
    assert chat.says(bot, CADRE, "树穴 120个").startswith("✅ 已记下第1号：树穴120个")
    world.later(**timeout(world))
    assert "照片已加到" not in (chat.sends_photo(bot, CADRE, "m-late") or "")
    assert store.photo_count(world.db, 1) == 0


def test_chat_rule_a_villager_reports_nothing(world):
    assert chat.says(world.bot, VILLAGER, "计划已备案") == (
        "这是村干部上报用的（计划备案、树穴、示范点）。您种的树，拍照再发“3棵桂花”就行。"
    )
    assert store.of_village(world.db, world.village_id) == []


# -- the office's page ---------------------------------------------------------------------------------
def test_village_rule_reports_newest_first_with_reporter_and_stored_photos(world):
    plan = report(world, Report(PLAN), [world.media_row(CADRE)])
    world.later(minutes=1)
    stored = world.media_row(CADRE)
    world.db.execute("UPDATE media SET sha256 = 'abc' WHERE id = ?", [stored])
    holes = report(world, Report(HOLES, count=3), [stored, world.media_row(CADRE)])
    listed = milestones.of_village(world.db, world.village_id)
    assert [(r["id"], r["reporter"], r["photos"]) for r in listed] == [
        (holes["id"], "陈书记", ["abc"]),  # a photo not downloaded yet has no sha256: not listed
        (plan["id"], "陈书记", []),
    ]
    assert milestones.of_village(world.db, world.village_id + 1) == []
