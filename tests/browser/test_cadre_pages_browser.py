"""The review of the fifty-second session: tidy81 named the logins of the 植树活动 and 记录更正 pages by
``registry.ADMIN_AND_CADRE``; in a browser, at a phone and a desktop size, a village's cadre opens both (his village's
record), an adviser is refused them."""

from __future__ import annotations

from playwright.sync_api import expect

from bot.db import transaction
from bot.store import admins
from tests.browser.helpers import fits_the_screen, log_in, snap
from tests.e2e.dashboard_seed import password_hash

STAMP = "2027-02-01T00:00:00+00:00"


def _cadre(bot, county):
    with transaction(bot.db):
        admins.upsert(bot.db, "lin", password_hash(), "cadre", STAMP)
        bot.db.execute("UPDATE admins SET person_id = ? WHERE username = 'lin'", [county.people["林书记"]])


def test_a_cadre_opens_the_planting_days_and_his_villages_record(page, server, bot, county):
    _cadre(bot, county)
    log_in(page, server, "lin", "/admin/events")
    expect(page.locator("h1")).to_contain_text("植树活动")
    assert fits_the_screen(page)
    snap(page, "events_cadre")
    page.goto(f"{server}/admin/records/{county.plantings['tree']}")  # 陈大伯's, of 埔心村
    expect(page.locator("body")).to_contain_text("陈大伯")
    assert fits_the_screen(page)
    snap(page, "record_cadre")
    assert page.problems == []
    refused = f"{server}/admin/records/{county.plantings['community']}"  # 东平社区's: not his village
    response = page.goto(refused)
    assert response is not None and response.status in (403, 404)
    expect(page.locator("body")).not_to_contain_text("黄阿姨")


def test_an_adviser_is_refused_the_cadres_pages(page, server, bot, county):
    log_in(page, server, "wang", "/admin/")
    for path in ("/admin/events", f"/admin/records/{county.plantings['tree']}"):
        response = page.goto(f"{server}{path}")
        assert response is not None and response.status == 403, path
