"""Verified (核实) and claimed (上报) are two numbers: a record counts at once only when it passes every check;
anything else waits for review and counts once approved; counted records are spot-checked at the configured rate."""

from __future__ import annotations

import pytest

from bot import planting, progress
from tests.conftest import add_roster
from tests.e2e.dashboard_seed import add_logins, csrf_of, login
from tests.e2e.test_planting import export_plantings, photo

START = "2027-03-15T10:00"
CENTRE = (23.10, 114.40)
KEY = "test spot-check key"


@pytest.fixture
def community(bot):
    """东平社区 (a 社区: trees against its 150) with a villager, a party member and its secretary."""
    ids = add_roster(
        bot,
        {"东平社区": {"kind": "社区", "lat": CENTRE[0], "lng": CENTRE[1], "radius_m": 3000}},
        [
            ("o-villager", "黄阿姨", "东平社区", "群众"),
            ("o-member", "陈党员", "东平社区", "党员"),
            ("o-secretary", "林书记", "东平社区", "村书记"),
        ],
    )
    add_logins(bot.db, [("admin", "admin")])
    bot.clock.set(START)
    return ids["东平社区"]


@pytest.fixture
def record(bot, standin):
    """record(user, media_id, seed, text, location=True): a photo, the text and (unless told otherwise) a location
    at the village, a few minutes after the last record; the reply to the text."""

    def send(user, media_id: str, seed: int, text: str, location=True) -> str:
        bot.clock.advance(minutes=5)
        standin.add_media(media_id, photo(seed))
        user.sends_photo(media_id)
        reply = user.says(text)
        if location:
            user.sends_location(CENTRE[0] + 0.001, CENTRE[1])
        return reply

    return send


def figures(bot, village_id):
    return progress.village_progress(bot.db, bot.config, village_id)


def decide(app, planting_id: int, decision: str, reason: str = "") -> None:
    client = app.test_client()
    assert login(client, "admin").status_code == 302
    token = csrf_of(client.get("/admin/review").get_data(as_text=True))
    client.post(f"/admin/review/{planting_id}", data={"decision": decision, "reason": reason, "csrf_token": token})


def test_a_200_tree_villager_claim_is_claimed_but_not_verified_until_approved(
    app, bot, community, villager_factory, record, rows
):
    villager = villager_factory("o-villager")
    reply = record(villager, "m-200", 1, "200棵洋紫荆")
    assert "审核后才计入" in reply and "200棵" in reply
    (row,) = rows("plantings")
    assert (row["review"], row["flags"]) == ("pending", "over_cap")
    v = figures(bot, community)
    assert (v.trees, v.claimed_trees, v.done_value, v.claimed_value) == (0, 200, 0, 200)
    assert v.completion == 0  # targets and ranking use verified only
    assert "另有1条待审核" in villager.says("本村进度")
    decide(app, row["id"], "approve")
    v = figures(bot, community)
    assert (v.trees, v.claimed_trees, rows("plantings")[0]["review"]) == (200, 200, "approved")
    assert export_plantings(bot)[0]["review"] == "approved" and export_plantings(bot)[0]["verified"] == "1"


def test_within_the_cap_counts_at_once_and_cadres_have_a_larger_cap(bot, community, villager_factory, record, rows):
    record(villager_factory("o-villager"), "m-a", 1, "10棵桂花")
    record(villager_factory("o-member"), "m-b", 2, "20棵桂花")
    record(villager_factory("o-secretary"), "m-c", 3, "200棵洋紫荆")
    assert [r["review"] for r in rows("plantings")] == ["none", "none", "none"]
    assert figures(bot, community).trees == 230
    record(villager_factory("o-member"), "m-d", 4, "21棵桂花")
    assert rows("plantings")[-1]["flags"] == "over_cap"


def test_a_villagers_plot_tag_waits_for_review(bot, community, villager_factory, record, rows):
    reply = record(villager_factory("o-villager"), "m-demo", 1, "示范点 2棵桂花")
    assert "审核后才计入" in reply
    assert [(r["site"], r["review"], r["flags"]) for r in rows("plantings")] == [("示范点", "pending", "plot_tag")]
    record(villager_factory("o-secretary"), "m-demo-2", 2, "示范点 20棵桂花")
    assert rows("plantings")[-1]["review"] == "none"


def test_out_of_season_plantings_are_reviewed_as_buzhong(bot, community, villager_factory, record, rows, clock):
    clock.set("2027-06-10T10:00")
    reply = record(villager_factory("o-villager"), "m-late", 1, "2棵桂花")
    assert "不在种植季" in reply
    assert rows("plantings")[0]["flags"] == "out_of_season"
    clock.set("2027-02-10T10:00")  # 党建林 month: in the season (from plans_due)
    record(villager_factory("o-member"), "m-feb", 2, "2棵桂花")
    assert rows("plantings")[-1]["review"] == "none"


def test_a_day_of_another_year_than_the_campaigns_is_said_with_its_year(
    bot, community, villager_factory, record, clock
):
    """The lead (forty-first session, the simulator with campaign.year 2027 and the clock in March 2026): the flag had
    said '3月21日不在种植季（1月31日至5月31日）', a day that reads as inside the window; the years are said then."""
    clock.set("2026-03-21T10:00")
    reply = record(villager_factory("o-villager"), "m-early", 1, "2棵桂花")
    assert "2026年3月21日不在种植季（2027年1月31日至2027年5月31日）" in reply, reply


@pytest.fixture
def spot_checked(app, bot):
    """The app with spot checks at 20% and a known key, so that the draw can be recomputed."""
    bot.config = bot.config.with_overrides({"review.spot_check_rate": 0.2, "review.spot_check_key": KEY})
    return bot


def test_spot_checks_are_drawn_at_the_configured_rate_and_still_count(
    spot_checked, community, villager_factory, record, rows
):
    bot = spot_checked
    for n in range(60):
        user = villager_factory(("o-villager", "o-member", "o-secretary")[n % 3])
        record(user, f"m-{n}", n, "1棵桂花", location=n % 2 == 0)
    records = rows("plantings")
    assert [r["review"] for r in records if r["review"] not in ("none", "spot_check")] == []
    drawn = {r["id"] for r in records if r["review"] == "spot_check"}
    expected = {
        r["id"] for r in records if planting.spot_check_draw(KEY, r["id"]) < (0.2 if r["lat"] is not None else 0.4)
    }
    assert drawn == expected  # the draw is the keyed hash against the rate, doubled without a location
    assert 6 <= len(drawn) <= 30  # 60 records at 20%/40%: 18 expected
    assert figures(bot, community).trees == 60  # spot checks still count


def test_a_rejected_spot_check_is_taken_back_an_approved_one_is_approved(
    app, spot_checked, community, villager_factory, record, rows
):
    bot = spot_checked
    bot.config = bot.config.with_overrides({"review.spot_check_rate": 1.0})
    record(villager_factory("o-villager"), "m-1", 1, "3棵桂花")
    record(villager_factory("o-member"), "m-2", 2, "4棵桂花")
    first, second = rows("plantings")
    assert (first["review"], second["review"]) == ("spot_check", "spot_check")
    client = app.test_client()
    assert login(client, "admin").status_code == 302
    page = client.get("/admin/review").get_data(as_text=True)
    assert "抽查" in page and "随机抽查" in page and f"记录 #{first['id']}" in page
    assert figures(bot, community).trees == 7
    decide(app, first["id"], "reject", "照片不是新种的树")
    decide(app, second["id"], "approve")
    assert [r["review"] for r in rows("plantings")] == ["rejected", "approved"]
    assert figures(bot, community).trees == 4
    assert [(d["decision"], d["previous_review"]) for d in rows("review_decisions")] == [
        ("rejected", "spot_check"),
        ("approved", "spot_check"),
    ]
