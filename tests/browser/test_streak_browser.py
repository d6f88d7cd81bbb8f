"""The lagging streak on the villages list and a village's page, at a phone's and a desktop's size (tidy75, tidy76):
the status badge and beside it, said once, the finished months in a row the 通报 has counted, readable and not
pushing the page sideways; and the village page's 村绿化计划 card: 已备案 big, the filing time small beneath."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from bot.clock import to_db
from bot.db import transaction
from tests.browser.helpers import fits_the_screen, log_in, snap
from tests.e2e.dashboard_seed import password_hash
from tests.unit.test_reports import build_county

BESIDE = "2月、3月均被通报"  # tidy77: the months named, not the count again


@pytest.fixture
def county(bot, clock):
    """test_reports.py's county in April: 石湖村 lagging at the end of February and March and now."""
    clock.set("2027-04-20T10:00")
    with transaction(bot.db):
        build_county(bot.db)
        bot.db["admins"].insert(
            {"username": "admin", "password_hash": password_hash(), "role": "admin", "created_at": to_db(clock())}
        )


def test_the_streak_on_the_list_and_the_village_page(page, server):
    log_in(page, server, "admin", "/admin/villages")
    status = page.locator("tr", has_text="石湖村").locator("td[data-label=状态]")
    expect(status).to_have_text(f"连续两月滞后 {BESIDE}")
    assert fits_the_screen(page)
    snap(page, "streak_villages")
    page.goto(f"{server}/admin/villages/2")
    expect(page.locator("h1")).to_contain_text(f"连续两月滞后 {BESIDE}")
    expect(page.locator("main")).not_to_contain_text("被通报滞后")
    assert fits_the_screen(page)
    snap(page, "streak_village")


def test_the_plan_card_says_filed_with_its_time_beneath(page, server):
    log_in(page, server, "admin", "/admin/villages/2")
    plan = page.locator(".figure", has_text="村绿化计划")
    expect(plan.locator("b")).to_have_text("已备案")
    expect(plan.locator("small")).to_have_text("上报 2027-01-20 10:00")
    figure, time = (
        plan.locator(sel).evaluate("e => parseFloat(getComputedStyle(e).fontSize)") for sel in ("b", "small")
    )
    assert figure > 1.5 * time  # the figure big, the time small, as the other cards
    assert fits_the_screen(page)
    snap(page, "plan_card")
