"""The lagging streak on the villages list and a village's page, at a phone's and a desktop's size (tidy75): finished
months as the 通报 counts them, this month apart, readable and not pushing the page sideways."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from bot.clock import to_db
from bot.db import transaction
from tests.browser.helpers import fits_the_screen, log_in, snap
from tests.e2e.dashboard_seed import password_hash
from tests.unit.test_reports import build_county

SAID = "（已连续2个月被通报滞后，本月目前仍落后）"


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
    expect(page.locator("tr", has_text="石湖村")).to_contain_text(SAID)
    assert fits_the_screen(page)
    snap(page, "streak_villages")
    page.goto(f"{server}/admin/villages/2")
    expect(page.locator("main p").first).to_contain_text(f"连续两月滞后{SAID}")
    assert fits_the_screen(page)
    snap(page, "streak_village")
