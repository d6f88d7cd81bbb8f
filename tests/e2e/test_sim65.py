"""Round sim65 (the office clerk on the dashboard on the rehearsal clock, a secretary exporting the 通报's figures, an
adviser signing in far from every village), through the real webhook with signed XML and the real dashboard."""

from __future__ import annotations

import csv
import io
import re

import pytest

from bot import cli, exports
from bot.db import transaction
from bot.store import roster as roster_store
from tests.conftest import add_roster
from tests.e2e.dashboard_seed import add_logins, csrf_of, login
from tests.e2e.test_campaign import PUXIN, county, record, season  # noqa: F401 (fixtures)
from tests.e2e.test_visits import NOWHERE
from tests.e2e.test_visits import VILLAGES as ALL_VISIT_VILLAGES

VISIT_VILLAGES = {name: ALL_VISIT_VILLAGES[name] for name in ("埔心村", "下围村")}


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


@pytest.fixture
def wang(bot, clock, villager_factory):
    """王工, adviser of 埔心村 and 下围村 (tests/e2e/test_visits.py's county), and the office's login."""
    clock.set("2027-03-10T09:00")
    ids = add_roster(bot, VISIT_VILLAGES, [("o-wang", "王工", "埔心村", "技术顾问")])
    with transaction(bot.db):
        roster_store.set_adviser_villages(
            bot.db, roster_store.person_by_openid(bot.db, "o-wang")["id"], [ids["埔心村"], ids["下围村"]]
        )
    add_logins(bot.db, [("admin", "admin"), ("wang", "adviser")])
    return villager_factory("o-wang")


def test_a_sign_in_outside_every_village_never_chosen_is_shown_to_the_office_who_may_place_it(
    wang, bot, clock, app, rows
):
    """王工 signed in far from both his villages and never said which: the visit counted for no village, his row
    said 本月下沉0次, and the office saw only a 待顾问选村 line among fifty. The office now sees it counted apart and
    listed with his villages nearest first, and after asking him puts it under one: it counts there, 位置不符, with
    who placed it in the export."""
    wang.says("签到 看荔枝病虫害")
    clock.advance(minutes=1)
    assert "不在您挂钩的任何一个村的范围内" in wang.sends_location(*NOWHERE)
    clock.advance(hours=2)  # the choice times out: he never answered
    client = app.test_client()
    assert login(client, "admin").status_code == 302
    page = client.get("/admin/visits").get_data(as_text=True)
    assert "1次未选村，未计入" in page and "未选村的签到（1次，未计入）" in page and "看荔枝病虫害" in page
    options = re.findall(r"<option value=\"(\d+)\">([^< ]+)", page.split("id=\"unplaced\"")[1])
    assert [name for _id, name in options] == ["下围村", "埔心村"]  # nearest first
    (visit,) = rows("visits")
    xiawei = int(options[0][0])
    token = csrf_of(page)
    done = client.post(f"/admin/visits/{visit['id']}/village", data={"village_id": xiawei, "csrf_token": token})
    assert done.status_code == 302
    page = client.get("/admin/visits").get_data(as_text=True)
    assert "已把王工的这次签到记为下围村的下沉服务（位置不符）" in page and "未选村的签到" not in page
    (visit,) = rows("visits")
    assert (visit["village_id"], visit["location_ok"], visit["placed_by"]) == (xiawei, 0, "admin")
    assert visit["distance_m"] > 40_000
    assert "3月下沉1次" in client.get(f"/admin/villages/{xiawei}").get_data(as_text=True)
    header, data = exports.rows(bot, "visits")
    assert dict(zip(header, next(data)))["placed_by"] == "admin"
    # placed once: a second post, or another adviser's village, changes nothing
    again = client.post(f"/admin/visits/{visit['id']}/village", data={"village_id": xiawei, "csrf_token": token})
    assert "没有记上" in client.get(again.headers["Location"]).get_data(as_text=True)


def test_only_the_office_places_a_sign_in_and_only_under_the_advisers_villages(wang, bot, clock, app, rows):
    wang.says("签到")
    clock.advance(minutes=1)
    wang.sends_location(*NOWHERE)
    (visit,) = rows("visits")
    other = add_roster(bot, {"东平社区": VISIT_VILLAGES["埔心村"] | {"lat": 23.3}}, [])["东平社区"]
    adviser = app.test_client()
    assert login(adviser, "wang").status_code == 302
    assert "未选村的签到" not in adviser.get("/admin/visits").get_data(as_text=True)
    token = csrf_of(adviser.get("/admin/visits").get_data(as_text=True))
    assert (
        adviser.post(f"/admin/visits/{visit['id']}/village", data={"village_id": 1, "csrf_token": token}).status_code
        == 403
    )
    office = app.test_client()
    assert login(office, "admin").status_code == 302
    token = csrf_of(office.get("/admin/visits").get_data(as_text=True))
    office.post(f"/admin/visits/{visit['id']}/village", data={"village_id": other, "csrf_token": token})
    (visit,) = rows("visits")
    assert visit["village_id"] is None and visit["placed_by"] is None


def test_the_demo_leaves_its_follow_ups_and_reports_sent_so_the_next_morning_asks_one_days_worth(
    bot, clock, tick, rows, capsys
):
    """The demo loaded a season at once with no follow-up asked: its first tick asked every record of the last
    followup_grace_days together (1,114 on the morning of 20 March, 2,102 on 1 June). A county that ran the season
    asked them morning by morning: the demo now leaves those sent when they fell due, and the next morning asks
    only the records done thirty (or ninety) days before it. Likewise each month's 通报, kept on its day."""
    from types import SimpleNamespace

    from bot import demo

    clock.set("2027-03-20T09:00")
    assert demo.cmd_demo(SimpleNamespace(scale=1), bot) == 0
    capsys.readouterr()
    sent = rows("SELECT sent_at FROM outbox WHERE kind = 'followup' AND status = 'sent'")
    assert len(sent) > 1000 and max(r["sent_at"] for r in sent) <= "2027-03-20T01:00:00"
    # each month's 通报 was made on its day, kept, and its lines went to the secretaries then (none had been
    # kept: the first tick made February's on 20 March and sent every line that day, January's never)
    kept = rows("SELECT month, generated_at, lines FROM monthly_reports ORDER BY month")
    assert [(r["month"], r["generated_at"][:10]) for r in kept] == [
        ("2027-01", "2027-02-01"),
        ("2027-02", "2027-03-01"),
    ]
    assert all(r["lines"] > 0 for r in kept)
    lines = rows("SELECT status, sent_at FROM outbox WHERE dedupe_key LIKE 'report:2027-02:%'")
    assert len(lines) == kept[1]["lines"] and {(r["status"], r["sent_at"]) for r in lines} == {
        ("sent", kept[1]["generated_at"])
    }
    assert len(rows("SELECT * FROM report_lines WHERE month = '2027-02'")) == 50
    ran = tick("2027-03-21T09:05")
    assert ran["monthly_report"] == {"month": None}
    done = ran["survival_followups"]
    asked = rows(
        "SELECT COALESCE(p.completed_at, p.created_at) AS done_at FROM outbox o"
        " JOIN plantings p ON o.dedupe_key = 'followup:' || p.id || ':30' WHERE o.created_at > '2027-03-20T01:00:00'"
    )
    assert 0 < done["queued"] < 400 and len(asked) == done["queued"], done
    assert all("2027-02-18T01:00:00" < r["done_at"] <= "2027-02-19T01:05:00" for r in asked), asked[:3]


def test_the_exports_page_says_how_to_read_the_times_and_shares(app, bot, season, clock):
    """The 导出 page's tables keep times in UTC: a record made at 10:00 on 10 February reads 02:00; the clerk took the
    demo's 2027-01-31T23:01:00 for the evening before. The page says so, with the campaign timezone's offset."""
    from openpyxl import load_workbook

    page = page_at(app, clock, "2027-03-20T09:00", "/admin/exports")
    assert "世界标准时间 UTC，+8小时为本地时间" in page and "1 即 100%" in page
    client = app.test_client()
    assert login(client, "admin").status_code == 302
    sheet = load_workbook(io.BytesIO(client.get("/admin/exports/plantings.xlsx").data)).active
    header = [c.value for c in sheet[1]]
    made = [row[header.index("created_at")] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert "2027-02-10T02:00:00" in made
