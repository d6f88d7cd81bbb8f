"""The monthly report: lag rules (pure), the ranking on a hand-built county, the Excel file, the command."""
from __future__ import annotations

import pytest
from openpyxl import load_workbook

from bot import cli, reports
from bot import config as config_mod
from bot.app import build_registry, create_context
from bot.db import connect, migrate
from bot.reports import LAGGING, LAGGING_TWICE, ON_TRACK
from tests.conftest import ROOT

CURVE = {"01": 0.0, "02": 0.2, "03": 0.7, "04": 0.9, "05": 1.0}


# -- pure rules ----------------------------------------------------------------------------------
@pytest.mark.parametrize("month, share", [(1, 0.0), (2, 0.2), (3, 0.7), (5, 1.0), (6, 1.0), (12, 1.0)])
def test_expected_share_follows_the_curve(month, share):
    assert reports.expected_share(CURVE, month) == share


def test_expected_share_before_the_curve_starts_is_zero():
    assert reports.expected_share({"03": 0.5}, 2) == 0.0


@pytest.mark.parametrize("completion, expected, lagging", [
    (0.69, 0.7, True), (0.7, 0.7, False), (1.2, 1.0, False), (0.0, 0.0, False), (0.0, 0.2, True)])
def test_is_lagging(completion, expected, lagging):
    assert reports.is_lagging(completion, expected) is lagging


@pytest.mark.parametrize("history, streak, status, twice_ever", [
    ([], 0, ON_TRACK, False),
    ([False, False], 0, ON_TRACK, False),
    ([False, True], 1, LAGGING, False),
    ([True, True], 2, LAGGING_TWICE, True),
    ([True, True, True], 3, LAGGING_TWICE, True),
    ([True, False, True], 1, LAGGING, False),
    ([True, True, False], 0, ON_TRACK, True),   # recovered, but still cannot be rated 良好 this year
])
def test_lag_streak_status_and_lagging_twice(history, streak, status, twice_ever):
    assert reports.lag_streak(history) == streak
    assert reports.status_of(history) == status
    assert reports.ever_lagged_twice(history) is twice_ever


def test_month_end_in_campaign_timezone():
    assert reports.month_end_utc(2027, 3, "Asia/Shanghai") == "2027-03-31T15:59:59"
    assert reports.month_end_utc(2027, 12, "Asia/Shanghai") == "2027-12-31T15:59:59"
    assert reports.month_end_utc(2027, 2, "UTC") == "2027-02-28T23:59:59"


@pytest.mark.parametrize("text", ["2027-3", "2027-13", "27-03", "", "2027-03-01"])
def test_bad_months_are_refused(text):
    with pytest.raises(ValueError):
        reports.parse_month(text)


# -- a hand-built county -------------------------------------------------------------------------
@pytest.fixture
def config():
    return config_mod.load(ROOT / "config.toml", env={})


def build_county(db):
    db["villages"].insert_all([
        {"id": 1, "name": "埔心村", "kind": "村", "town": "横沥镇"},
        {"id": 2, "name": "石湖村", "kind": "村", "town": "横沥镇"},
        {"id": 3, "name": "东平社区", "kind": "社区", "town": "潼湖镇"},
        {"id": 4, "name": "新围村", "kind": "村", "town": "潼湖镇"},
    ])
    db["people"].insert({"id": 1, "name": "甲", "village_id": 1, "role": "村干部"})
    plots = [  # village, local month day, area (村) or trees (社区)
        (1, "2027-02-10", 0.5), (1, "2027-03-05", 1.0),      # 25% then 75%: on track
        (2, "2027-02-10", 0.2), (2, "2027-03-05", 1.0),      # 10% then 60%: lagging twice
        (3, "2027-03-05", 120),                              # 0% then 80%: recovered
        (4, "2027-02-10", 1.0),                              # 50% then 50%: lagging in March
        (1, "2027-03-31T16:30:00", 5.0),                     # April 1st local time: not in March
    ]
    for index, (village, day, amount) in enumerate(plots, start=1):
        at = day if "T" in day else f"{day}T02:00:00"
        community = village == 3
        db["plantings"].insert({"id": index, "openid": "o", "person_id": 1, "village_id": village,
                                "kind": "tree" if community else "plot", "count": amount if community else 50,
                                "area_mu": None if community else amount, "status": "complete",
                                "review": "none", "created_at": at, "completed_at": at})
    db["plantings"].insert({"id": 99, "openid": "o", "person_id": 1, "village_id": 2, "kind": "tree", "count": 9,
                            "status": "complete", "review": "rejected", "flags": "duplicate_photo",
                            "created_at": "2027-03-02T02:00:00", "completed_at": "2027-03-02T02:00:00"})


@pytest.fixture
def county_app(tmp_path, config):
    """The app context (registry, messages) over a database holding the hand-built county."""
    app = create_context(config.with_overrides({"storage.database": str(tmp_path / "r.db"),
                                                "storage.photos": str(tmp_path / "photos")}))
    build_county(app.db)
    yield app
    app.databases.close_all()


def test_march_ranking_and_flags(county_app):
    report = reports.build_report(county_app, 2027, 3)
    assert report.expected == 0.7
    got = [(r.rank, r.village.name, round(r.village.completion, 2), r.status, r.lagging_last_month, r.can_be_good)
           for r in report.rows]
    assert got == [
        (1, "东平社区", 0.8, ON_TRACK, True, True),
        (2, "埔心村", 0.75, ON_TRACK, False, True),
        (3, "石湖村", 0.6, LAGGING_TWICE, True, False),
        (4, "新围村", 0.5, LAGGING, False, True),
    ]
    assert (report.overall.flagged, report.overall.rejected) == (1, 1)


def test_april_everyone_below_ninety_percent_lags(county_app):
    statuses = {r.village.name: r.status for r in reports.build_report(county_app, 2027, 4).rows}
    assert statuses == {"埔心村": ON_TRACK, "东平社区": LAGGING, "石湖村": LAGGING_TWICE, "新围村": LAGGING_TWICE}


def test_summary_text_names_the_villages_lagging_twice(county_app):
    text = reports.summary_text(reports.build_report(county_app, 2027, 3), county_app)
    assert text.startswith(f"{county_app.config.get('campaign.name')}2027年3月进度通报")
    assert "滞后2个，其中连续两个月滞后1个：石湖村" in text
    assert "不得评为“良好”" in text
    assert "进度靠前：东平社区、埔心村、石湖村" in text


def test_workbook_for_excel_people(county_app, tmp_path):
    out = reports.write_workbook(reports.build_report(county_app, 2027, 3), county_app, tmp_path / "r.xlsx")
    wb = load_workbook(out)
    assert wb.sheetnames == ["通报", "村社区排名", "镇街汇总"]
    assert wb["通报"]["A1"].value.endswith("2027年3月进度通报")
    ws = wb["村社区排名"]
    headers = [c.value for c in ws[1]]
    assert headers[:8] == ["排名", "村（社区）", "类型", "镇街", "状态", "完成率", "本月应达", "差距"]
    assert "年度可评良好" in headers and "已驳回" in headers and "成活率" in headers
    assert ws.freeze_panes == "C2"
    assert all(c.font.bold for c in ws[1])
    assert ws.column_dimensions["B"].width >= 10
    status_col = headers.index("状态") + 1
    by_name = {ws.cell(r, 2).value: r for r in range(2, ws.max_row + 1)}
    fills = {name: ws.cell(row, status_col).fill.fgColor.rgb[-6:] for name, row in by_name.items()}
    assert fills == {"东平社区": "C6EFCE", "埔心村": "C6EFCE", "石湖村": "FFC7CE", "新围村": "FFEB9C"}
    assert ws.cell(by_name["石湖村"], status_col).value == "连续两月滞后"
    assert ws.cell(by_name["石湖村"], headers.index("年度可评良好") + 1).value == "不得评为良好"
    completion = ws.cell(by_name["埔心村"], headers.index("完成率") + 1)
    assert (completion.value, completion.number_format) == (0.75, "0%")
    assert ws.cell(by_name["石湖村"], headers.index("已驳回") + 1).value == 1
    towns = wb["镇街汇总"]
    assert [towns.cell(r, 1).value for r in range(2, towns.max_row + 1)] == ["横沥镇", "潼湖镇", "全部"]
    assert towns.freeze_panes == "B2"


def test_report_command_writes_the_default_file_name(tmp_path, monkeypatch, capsys):
    text = (ROOT / "config.toml").read_text(encoding="utf-8")
    text = text.replace('database = "data/bot.db"', f'database = "{tmp_path / "c.db"}"')
    (tmp_path / "config.toml").write_text(text, encoding="utf-8")
    db = connect(tmp_path / "c.db")
    migrate(db, build_registry().stores)
    build_county(db)
    db.conn.close()
    monkeypatch.chdir(tmp_path)
    assert cli.main(["--config", str(tmp_path / "config.toml"), "report", "--month", "2027-03"]) == 0
    assert "4个村社区，2个滞后，其中1个连续两月滞后" in capsys.readouterr().out
    assert load_workbook(tmp_path / "report-2027-03.xlsx").sheetnames[0] == "通报"
    assert cli.main(["--config", str(tmp_path / "config.toml"), "report", "--month", "March"]) == 2
    assert "月份请写成 YYYY-MM" in capsys.readouterr().err


def test_a_contributed_column_is_one_entry_and_formats_follow_the_keys(county_app, tmp_path):
    """A capability's column (here 树穴, counted per village by its own query) placed first: the percent
    formats and the status fill still land on the completion and status columns, found by key."""
    import dataclasses

    from bot.messages import Messages

    holes = reports.ReportColumn("holes", "test.holes", per_village=lambda db, config, until: {1: 120})
    app = dataclasses.replace(
        county_app, messages=Messages({**county_app.messages.texts, "test.holes": "树穴"}),
        registry=dataclasses.replace(county_app.registry, report_columns=(holes, *county_app.report_columns)))
    out = reports.write_workbook(reports.build_report(app, 2027, 3), app, tmp_path / "r.xlsx")
    ws = load_workbook(out)["村社区排名"]
    headers = [c.value for c in ws[1]]
    assert headers[:3] == ["树穴", "排名", "村（社区）"]
    by_name = {ws.cell(r, 3).value: r for r in range(2, ws.max_row + 1)}
    assert ws.cell(by_name["埔心村"], 1).value == 120 and ws.cell(by_name["石湖村"], 1).value is None
    completion = ws.cell(by_name["埔心村"], headers.index("完成率") + 1)
    assert (completion.value, completion.number_format) == (0.75, "0%")
    status_col = headers.index("状态") + 1
    assert ws.cell(by_name["石湖村"], status_col).fill.fgColor.rgb[-6:] == "FFC7CE"
    assert ws.cell(by_name["石湖村"], status_col + 1).fill.fgColor.rgb[-6:] != "FFC7CE"
