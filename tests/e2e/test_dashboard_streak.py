"""The dashboard's lagging streak says what 本村进度 and the 通报 say (tidy75): finished months only, the month in
progress apart (bot/standings.reported_streak); it had counted this month ('连续3个月', '已连续滞后 3 个月').

Said once (tidy76): the villages list and the village page show the status badge (连续两月滞后: lagging at last
month's end and now) and beside it, only when it says more than the badge, the finished months in a row the 通报 has
counted; tidy75's words beside the badge ('（上月被通报滞后，本月目前仍落后）') said the badge again. tidy77: the note
names those months (2月、3月均被通报) or, past three, since when (自2月起每月被通报); tidy76's 已连续2个月被通报 read
as the badge again (连续 twice). The county is test_reports.py's: 石湖村 at 1.5 of 2 亩 since February, lagging at the end of February
and March and, unless a plot is added, in April."""

from __future__ import annotations

import re

from bot import reports
from tests.e2e.dashboard_seed import office_on, page_text  # noqa: F401 (office_on: fixture)
from tests.unit.test_reports import build_county

SHIHU = 2  # build_county's 石湖村
BADGE = "连续两月滞后"
BESIDE = "2月、3月均被通报"  # in April: February and March, the finished months lagging
TIDY76_WORDS = "已连续2个月被通报"  # the count again, beside a badge that says 连续
TIDY75_WORDS = ("被通报滞后", "本月目前仍落后")  # the repeat dropped


def shihu_row(client) -> str:
    """石湖村's row of the villages list, tags dropped."""
    html = client.get("/admin/villages").get_data(as_text=True)
    row = next(r for r in html.split("<tr>") if "石湖村" in r)
    return re.sub(r"<[^>]+>", "", row)


def status_cell(html: str) -> str:
    """The status badge and what stands beside it: the list row's 状态 cell, the village page's heading."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html)).strip()


def shihu_status(client) -> tuple[str, str]:
    """(the list row's 状态 cell, the village page's heading), tags dropped."""
    html = client.get("/admin/villages").get_data(as_text=True)
    row = next(r for r in html.split("<tr>") if "石湖村" in r)
    cell = re.search(r'<td data-label="状态">(.*?)</td>', row, re.S)
    heading = re.search(r"<h1>(.*?)</h1>", client.get(f"/admin/villages/{SHIHU}").get_data(as_text=True), re.S)
    assert cell and heading
    return status_cell(cell.group(1)), status_cell(heading.group(1))


def test_two_finished_months_lagging_are_the_badge_and_the_months_named_beside_it(office_on):
    admin = office_on("2027-04-20T10:00")
    cell, heading = shihu_status(admin)
    assert cell == f"{BADGE} {BESIDE}"
    assert heading.endswith(f"{BADGE} {BESIDE}")  # the same, beside the village's name
    for page in (shihu_row(admin), page_text(admin, f"/admin/villages/{SHIHU}")):
        assert page.count(BADGE) == 1 and page.count(BESIDE) == 1 and TIDY76_WORDS not in page
        assert not any(words in page for words in TIDY75_WORDS)
        assert "连续3个月" not in page and "已连续滞后" not in page
        assert page.replace("今年曾连续两个月滞后", "").count("连续") == 1  # the badge's, once


def test_three_finished_months_are_named(office_on):
    cell, heading = shihu_status(office_on("2027-05-20T10:00"))
    assert cell == f"{BADGE} 2月、3月、4月均被通报" and heading.endswith(cell)


def test_four_finished_months_say_since_when(office_on):
    cell, heading = shihu_status(office_on("2027-06-20T10:00"))
    assert cell == f"{BADGE} 自2月起每月被通报" and heading.endswith(cell)


def test_one_finished_month_lagging_is_the_badge_alone(office_on):
    # lagging at February's end and now: what 连续两月滞后 means, nothing to add
    admin = office_on("2027-03-20T10:00")
    cell, heading = shihu_status(admin)
    assert cell == BADGE and heading.endswith(BADGE)
    for page in (shihu_row(admin), page_text(admin, f"/admin/villages/{SHIHU}")):
        assert page.count(BADGE) == 1 and "被通报" not in page and "上月" not in page


def test_lagging_this_month_alone_has_no_streak(office_on):
    admin = office_on("2027-02-28T10:00")
    cell, heading = shihu_status(admin)
    assert cell == "滞后" and heading.endswith("滞后")  # the status says it
    for said in (shihu_row(admin), page_text(admin, f"/admin/villages/{SHIHU}")):
        assert "被通报" not in said and "连续" not in said.replace("今年曾连续两个月滞后", "")


def test_the_consequence_stays_on_the_village_page(office_on):
    # control: not rated 良好 this year is another fact than the badge, said in the standing line as before
    admin = office_on("2027-04-20T10:00")
    assert "今年曾连续两个月滞后，党组织绩效考核不得评为“良好”及以上" in page_text(admin, f"/admin/villages/{SHIHU}")


def test_the_report_counts_the_same_finished_months(bot):
    # control: the 通报 of March (finished) counts February and March, as before
    build_county(bot.db)
    report = reports.build_report(bot, 2027, 3)
    assert next(r.streak for r in report.rows if r.village.name == "石湖村") == 2
