"""The campaign as seed 002 runs it, end to end: secretaries report through signed pushes, the office confirms on
the dashboard, the monthly 通报 is made on the 1st after quiet hours, kept, listed on the dashboard, and each
secretary gets the village's line; a village at 1.5 of 2 亩 on 02-28 is 滞后 in February and, still short,
连续两月滞后 in March, with the consequence; the CLI on the rehearsal clock does the same."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from bot import cli
from bot.db import transaction
from tests.conftest import add_roster
from tests.e2e.dashboard_seed import add_logins, csrf_of, login
from tests.e2e.test_planting import photo

VILLAGES = {"埔心村": (23.10, 114.40), "石湖村": (23.20, 114.50)}
PUXIN, SHIHU = "o-puxin-secretary", "o-shihu-secretary"


@pytest.fixture
def config(tmp_path, standin):
    from tests.conftest import make_config

    return make_config(tmp_path, standin, **{"wechat.templates.notice": "tpl-notice", "campaign.area_name": "陈江街道"})


@pytest.fixture
def county(bot):
    ids = add_roster(
        bot,
        {name: {"kind": "村", "lat": lat, "lng": lng, "radius_m": 3000} for name, (lat, lng) in VILLAGES.items()},
        [(PUXIN, "王书记", "埔心村", "村书记"), (SHIHU, "陈书记", "石湖村", "村书记")],
    )
    add_logins(bot.db, [("admin", "admin")])
    return ids


def record(user, standin, media_id: str, seed: int, text: str, lat: float, lng: float) -> str:
    standin.add_media(media_id, photo(seed))
    user.sends_photo(media_id)
    reply = user.says(text)
    user.sends_location(lat, lng)
    return reply


def confirm_demo_sites(app, county, rows) -> None:
    client = app.test_client()
    assert login(client, "admin").status_code == 302
    for site in rows("SELECT id, village_id FROM milestones WHERE milestone = 'demo_site'"):
        token = csrf_of(client.get(f"/admin/villages/{site['village_id']}").get_data(as_text=True))
        client.post(
            f"/admin/villages/{site['village_id']}/milestones/{site['id']}",
            data={"action": "confirm", "csrf_token": token},
        )
    assert [r["status"] for r in rows("SELECT status FROM milestones WHERE milestone = 'demo_site'")] == [
        "confirmed",
        "confirmed",
    ]


@pytest.fixture
def season(app, bot, county, villager_factory, standin, clock, rows):
    """January: both plans filed. February: 埔心村 plants 1.5 亩, 石湖村 2 亩 and the secretary's 3 trees; both
    report a 示范点 with photo and location, and the office confirms them."""
    puxin, shihu = villager_factory(PUXIN), villager_factory(SHIHU)
    clock.set("2027-01-20T10:00")
    assert "已备案" in puxin.says("计划已备案") and "已备案" in shihu.says("计划已备案")
    clock.set("2027-02-10T10:00")
    record(puxin, standin, "m-p1", 1, "党建林 1.5亩 60棵 香樟", 23.101, 114.401)
    record(shihu, standin, "m-s1", 2, "党建林 2亩 80棵 香樟", 23.201, 114.501)
    clock.set("2027-02-15T10:00")
    for user, (lat, lng), seed in ((puxin, VILLAGES["埔心村"], 3), (shihu, VILLAGES["石湖村"], 4)):
        user.says("示范点 村口公园")
        standin.add_media(f"m-site-{seed}", photo(seed))
        user.sends_photo(f"m-site-{seed}")
        user.sends_location(lat + 0.001, lng)
    clock.set("2027-02-16T10:00")
    record(shihu, standin, "m-s2", 5, "3棵桂花", 23.201, 114.501)
    assert [r["review"] for r in rows("SELECT review FROM plantings WHERE status = 'complete'")] == ["none"] * 3
    confirm_demo_sites(app, county, rows)


def kept_workbook(bot, month: str):
    (row,) = [r for r in bot.db.query("SELECT * FROM monthly_reports WHERE month = ?", [month])]
    return load_workbook(bot.config.reports_dir / row["file"])["村社区排名"]


def status_of(sheet, village: str) -> str:
    headers = [c.value for c in sheet[1]]
    for r in range(2, sheet.max_row + 1):
        if sheet.cell(r, headers.index("村（社区）") + 1).value == village:
            return sheet.cell(r, headers.index("状态") + 1).value
    raise KeyError(village)


def test_the_february_tongbao_flags_1_5_of_2_mu_and_reaches_each_secretary(
    bot, season, tick, sent_to, rows, config_file, monkeypatch, capsys
):
    tick("2027-02-01T09:00")  # January's 通报: both plans were filed
    assert [r["month"] for r in rows("monthly_reports")] == ["2027-01"]
    assert status_of(kept_workbook(bot, "2027-01"), "埔心村") == "正常"
    tick("2027-03-01T07:30")  # quiet hours: February's is not due yet
    assert [r["month"] for r in rows("monthly_reports")] == ["2027-01"]
    monkeypatch.setenv("BOT_NOW", "2027-03-01T08:30:00+08:00")  # the 03-01 tick, from the command line
    assert cli.main(["--config", str(config_file), "tick"]) == 0
    assert "monthly_report: {'month': '2027-02', 'lines': 2}" in capsys.readouterr().out
    sheet = kept_workbook(bot, "2027-02")
    assert (status_of(sheet, "埔心村"), status_of(sheet, "石湖村")) == ("滞后", "已完成")
    puxin_line = sent_to(PUXIN)[-1]
    assert puxin_line.startswith("埔心村2月通报：滞后，排名2/2。未完成：还有1户没有认领安排；党建林还差0.5亩。")
    assert "下一节点：3月12日前全面完成植树计划" in puxin_line
    assert sent_to(SHIHU)[-1].startswith("石湖村2月通报：已完成，排名1/2。下一节点")
    # a second tick at the same moment sends nothing new
    assert cli.main(["--config", str(config_file), "tick"]) == 0
    assert len(rows("SELECT * FROM outbox WHERE dedupe_key LIKE 'report:2027-02:%'")) == 2
    assert len(rows("monthly_reports")) == 2
    # March: still 1.5 亩 — two months running, said plainly with the consequence
    tick("2027-04-01T09:00")
    line = sent_to(PUXIN)[-1]
    assert line.startswith("埔心村3月通报：连续两月滞后")
    assert "已连续2个月滞后" in line and "不得评为“良好”及以上" in line
    assert status_of(kept_workbook(bot, "2027-03"), "埔心村") == "连续两月滞后"


def test_a_month_before_the_campaign_shows_no_lagging(bot, county, config_file, tmp_path, capsys):
    out = tmp_path / "december.xlsx"
    assert cli.main(["--config", str(config_file), "report", "--month", "2026-12", "--out", str(out)]) == 0
    assert "0个滞后（其中0个连续两月滞后），0个已完成，2个未开始" in capsys.readouterr().out
    sheet = load_workbook(out)["村社区排名"]
    assert {status_of(sheet, v) for v in VILLAGES} == {"未开始"}
    summary = load_workbook(out)["通报"]
    text = "\n".join(str(c.value) for c in summary["A"] if c.value)
    assert "滞后" not in text and "未开始" in text and "陈江街道" in text


def test_the_report_command_runs_on_the_rehearsal_clock(bot, county, config_file, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("BOT_NOW", "2027-03-01T09:00:00+08:00")
    out = tmp_path / "feb.xlsx"
    assert cli.main(["--config", str(config_file), "report", "--month", "2027-02", "--out", str(out)]) == 0
    summary = "\n".join(str(c.value) for c in load_workbook(out)["通报"]["A"] if c.value)
    assert "生成时间：2027-03-01 09:0" in summary


def test_the_kept_reports_on_the_dashboard(app, bot, season, tick):
    tick("2027-02-01T09:00")
    tick("2027-03-01T09:00")
    client = app.test_client()  # weeks later: a new session
    assert login(client, "admin").status_code == 302
    page = client.get("/admin/reports").get_data(as_text=True)
    assert "2027-02" in page and "2027-01" in page and "下载" in page
    kept = client.get("/admin/reports/2027-02.xlsx")
    assert kept.status_code == 200
    assert status_of(load_workbook(io.BytesIO(kept.data))["村社区排名"], "埔心村") == "滞后"
    any_month = client.get("/admin/reports?month=2027-05")
    assert any_month.status_code == 302
    made = client.get(any_month.headers["Location"])
    assert made.status_code == 200 and made.data[:2] == b"PK"
    assert client.get("/admin/reports?month=May").status_code == 400
    assert client.get("/admin/reports/May.xlsx").status_code == 404


def test_the_dashboard_shows_each_villages_status_rank_and_streak(app, bot, season, clock, county):
    from bot.dashboard import snapshot

    clock.set("2027-03-20T10:00")
    client = app.test_client()
    assert login(client, "admin").status_code == 302
    page = client.get(f"/admin/villages/{county['埔心村']}").get_data(as_text=True)
    # tidy75: the streak counts finished months as 本村进度 and the 通报 do, March apart (it had said 已连续滞后 2 个月);
    # tidy76: one finished month lagging and this one is what the 连续两月滞后 badge says, so nothing stands beside
    # it (tidy75's '（上月被通报滞后，本月目前仍落后）' said it twice; tests/e2e/test_dashboard_streak.py)
    badge = '<span class="tag lagging_twice">连续两月滞后</span>'
    assert badge in page and "排名 <b>2/2</b>" in page and "被通报" not in page
    assert "党建林还差0.5亩" in page and "不得评为“良好”" in page
    table = client.get("/admin/villages").get_data(as_text=True)
    assert badge in table and "被通报" not in table and "连续2个月" not in table
    assert "已完成" in table and "上报" in table
    clock.set("2027-01-10T10:00")  # before the campaign: nobody lags, the first milestone is next
    with transaction(bot.db):  # and, as before a campaign, no record yet (the dashboard never runs behind its data)
        bot.db.execute("DELETE FROM planting_photos")
        bot.db.execute("DELETE FROM plantings")
    snapshot.invalidate(bot)
    table = client.get("/admin/villages").get_data(as_text=True)
    assert "未开始" in table and "滞后" not in table.split("<tbody>")[1]
    assert "下一节点：1月31日前村绿化计划备案" in table
    overview = client.get("/admin/").get_data(as_text=True)
    assert "活动未开始" in overview
