"""The dashboard's lagging streak says what 本村进度 and the 通报 say (tidy75): finished months only, the month in
progress apart (bot/standings.reported_streak, streak_words); it had counted this month ('连续3个月', '已连续滞后 3
个月'). The county is test_reports.py's: 石湖村 at 1.5 of 2 亩 since February, lagging at the end of February and
March and, unless a plot is added, in April."""

from __future__ import annotations

import re

import pytest

from bot import reports
from bot.clock import to_db
from bot.db import transaction
from tests.e2e.dashboard_seed import login, password_hash
from tests.unit.test_reports import build_county

SHIHU = 2  # build_county's 石湖村


@pytest.fixture
def admin_on(app, bot, clock):
    """admin_on(moment) -> the office's client, logged in at ``moment`` (a session ends when the clock jumps), the
    records after it dropped (the dashboard's now is the newest record's time when the data runs past the clock)."""
    with transaction(bot.db):
        build_county(bot.db)
        bot.db["admins"].insert(
            {"username": "admin", "password_hash": password_hash(), "role": "admin", "created_at": to_db(clock())}
        )

    def on(moment: str):
        clock.set(moment)
        with transaction(bot.db):
            bot.db.execute("DELETE FROM plantings WHERE created_at > ?", [to_db(clock())])
        client = app.test_client()
        assert login(client, "admin").status_code == 302
        return client

    return on


def text(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return re.sub(r"<[^>]+>", "", response.get_data(as_text=True))


def shihu_row(client) -> str:
    """石湖村's row of the villages list, tags dropped."""
    html = client.get("/admin/villages").get_data(as_text=True)
    row = next(r for r in html.split("<tr>") if "石湖村" in r)
    return re.sub(r"<[^>]+>", "", row)


def test_two_finished_months_lagging_and_this_one_is_two_with_this_month_apart(admin_on):
    admin = admin_on("2027-04-20T10:00")
    said = "（已连续2个月被通报滞后，本月目前仍落后）"
    assert said in shihu_row(admin)
    assert f"；连续两月滞后{said}" in text(admin, f"/admin/villages/{SHIHU}")
    for page in (shihu_row(admin), text(admin, f"/admin/villages/{SHIHU}")):
        assert "连续3个月" not in page and "已连续滞后" not in page


def test_one_finished_month_lagging_and_this_one_says_last_month(admin_on):
    admin = admin_on("2027-03-20T10:00")
    said = "（上月被通报滞后，本月目前仍落后）"
    assert said in shihu_row(admin)
    assert f"；连续两月滞后{said}" in text(admin, f"/admin/villages/{SHIHU}")
    assert "连续2个月" not in shihu_row(admin)


def test_lagging_this_month_alone_has_no_streak(admin_on):
    admin = admin_on("2027-02-28T10:00")
    row, page = shihu_row(admin), text(admin, f"/admin/villages/{SHIHU}")
    assert "滞后" in row  # the status says it
    for said in (row, page):
        assert "被通报" not in said and "连续" not in said.replace("今年曾连续两个月滞后", "")


def test_the_report_counts_the_same_finished_months(bot):
    # control: the 通报 of March (finished) counts February and March, as before
    build_county(bot.db)
    report = reports.build_report(bot, 2027, 3)
    assert next(r.streak for r in report.rows if r.village.name == "石湖村") == 2
