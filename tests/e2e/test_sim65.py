"""Round sim65 (the office clerk on the dashboard on the rehearsal clock, a secretary exporting the 通报's figures, an
adviser signing in far from every village), through the real webhook with signed XML and the real dashboard."""

from __future__ import annotations

import csv
import io
import re

from bot import cli
from tests.e2e.dashboard_seed import login
from tests.e2e.test_campaign import PUXIN, county, record, season  # noqa: F401 (fixtures)


def chosen_month(page: str) -> str | None:
    found = re.search(r"<option selected>([0-9-]+)</option>", page)
    return found.group(1) if found else None


def page_at(app, clock, when: str, path: str) -> str:
    """The page as the office sees it at that moment (a login of that day: sessions age on the app's clock)."""
    clock.set(when)
    client = app.test_client()
    assert login(client, "admin").status_code == 302
    return client.get(path).get_data(as_text=True)


def test_the_report_picker_shows_a_month_with_a_report_first(app, bot, season, tick, clock):
    """/admin/reports showed the month under way first (2027-03 on 20 March): 下载该月通报 then made a 通报 of a month
    not over, not the one the secretaries got. It now shows the newest kept month, else the last month over."""
    page = page_at(app, clock, "2027-03-20T10:00", "/admin/reports")
    assert "<option>2027-03</option>" in page and chosen_month(page) == "2027-02"  # nothing kept: February is over
    tick("2027-02-01T09:00")  # January's 通报 kept
    assert chosen_month(page_at(app, clock, "2027-02-20T10:00", "/admin/reports")) == "2027-01"
    tick("2027-03-01T09:00")
    assert chosen_month(page_at(app, clock, "2027-04-20T10:00", "/admin/reports")) == "2027-02"  # March not kept


def test_the_as_of_note_says_the_records_run_past_today(app, bot, season, clock):
    """A database whose records run past the clock (the season-end demo on BOT_NOW 2027-03-20) showed a bare
    数据截至 2027-05-31 over May's totals: the clerk took it for May's end. The note now names today beside it and
    says the records after today are counted."""
    from bot import clock as clocks
    from bot.store import dashboard as dashboard_store

    newest = clocks.local(clocks.from_db(dashboard_store.newest_record_at(bot.db)), bot.tz)
    day = newest.strftime("%Y-%m-%d")
    page = page_at(app, clock, "2027-02-10T09:00", "/admin/")  # the rehearsal moved back before the records
    assert f"数据截至 {day}，晚于现在（2027-02-10）：" in page and "含 2027-02-10 以后的记录" in page
    page = page_at(app, clock, f"{day}T00:01", "/admin/")  # the same day: the minute tells them apart
    assert f"数据截至 {newest:%Y-%m-%d %H:%M}，晚于现在（{day} 00:01）" in page
    assert "数据截至" not in page_at(app, clock, "2027-03-20T09:00", "/admin/")  # the clock past every record


def test_the_report_lines_export_gives_the_completion_as_the_report_shows_it(
    bot, season, tick, config_file, capsys, rows
):
    """`export report_lines` (the dashboard's 通报各村情况) gave only completion 0.75 where the 通报 shows 75.0% and
    a community over its 150 trees 8.42 (842 %): completion_percent gives the percentage beside the share."""
    tick("2027-03-01T09:00")
    capsys.readouterr()
    assert cli.main(["--config", str(config_file), "export", "report_lines"]) == 0
    exported = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    puxin = next(r for r in exported if r["village"] == "埔心村")
    assert (puxin["completion"], puxin["completion_percent"]) == ("0.75", "75.0")
    assert all(float(r["completion_percent"]) == round(float(r["completion"]) * 100, 1) for r in exported)
