"""The monthly report: a hand-built county judged against seed 002's schedule (bot/schedule.py, bot/standings.py),
the Excel file, the command."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from bot import cli, reports
from bot import config as config_mod
from bot.app import build_registry, create_context
from bot.db import connect, migrate
from bot.schedule import COMPLETE, LAGGING, LAGGING_TWICE, NOT_STARTED, ON_TRACK
from tests.conftest import ROOT


def test_month_end_in_campaign_timezone():
    assert reports.month_end_utc(2027, 3, "Asia/Shanghai") == "2027-03-31T15:59:59"
    assert reports.month_end_utc(2027, 12, "Asia/Shanghai") == "2027-12-31T15:59:59"
    assert reports.month_end_utc(2027, 2, "UTC") == "2027-02-28T23:59:59"
    assert reports.month_end_utc(2024, 2, "UTC") == "2024-02-29T23:59:59"


@pytest.mark.parametrize("text", ["2027-3", "2027-13", "27-03", "", "2027-03-01"])
def test_bad_months_are_refused(text):
    with pytest.raises(ValueError):
        reports.parse_month(text)


# -- a hand-built county -------------------------------------------------------------------------
@pytest.fixture
def config():
    return config_mod.load(ROOT / "config.toml", env={}).with_overrides({"campaign.area_name": "陈江街道"})


def build_county(db):
    """埔心村 on time; 石湖村 at 1.5 of 2 亩 at the end of February (the seed's case) and still in March;
    东平社区 without a plan by the end of January, done in February; 新围村 with its 亩 in February but its
    示范点 only reported (not confirmed) then, confirmed from March on."""
    db["villages"].insert_all(
        [
            {"id": 1, "name": "埔心村", "kind": "村", "town": "横沥镇"},
            {"id": 2, "name": "石湖村", "kind": "村", "town": "横沥镇"},
            {"id": 3, "name": "东平社区", "kind": "社区", "town": "潼湖镇"},
            {"id": 4, "name": "新围村", "kind": "村", "town": "潼湖镇"},
        ]
    )
    db["people"].insert({"id": 1, "name": "甲", "village_id": 1, "role": "村干部", "household": "A"})
    plantings = [  # village, local day, area (村) or trees (社区)
        (1, "2027-02-10", 1.0),
        (1, "2027-02-25", 1.0),
        (2, "2027-02-10", 1.5),
        (3, "2027-02-20", 150),
        (4, "2027-02-10", 2.0),
        (1, "2027-03-31T16:30:00", 5.0),  # April 1st local time: not in March
    ]
    for index, (village, day, amount) in enumerate(plantings, start=1):
        at = day if "T" in day else f"{day}T02:00:00"
        community = village == 3
        db["plantings"].insert(
            {
                "id": index,
                "openid": "o",
                "person_id": 1,
                "village_id": village,
                "kind": "tree" if community else "plot",
                "count": amount if community else 50,
                "area_mu": None if community else amount,
                "status": "complete",
                "review": "none",
                "created_at": at,
                "completed_at": at,
            }
        )
    db["plantings"].insert(
        {
            "id": 99,
            "openid": "o",
            "person_id": 1,
            "village_id": 2,
            "kind": "tree",
            "count": 9,
            "status": "complete",
            "review": "rejected",
            "flags": "duplicate_photo",
            "created_at": "2027-03-02T02:00:00",
            "completed_at": "2027-03-02T02:00:00",
        }
    )
    milestones = [  # village, milestone, reported (UTC), status
        (1, "plan", "2027-01-20T02:00:00", "reported"),
        (2, "plan", "2027-01-20T02:00:00", "reported"),
        (4, "plan", "2027-01-10T02:00:00", "confirmed"),
        (3, "plan", "2027-02-05T02:00:00", "reported"),
        (1, "demo_site", "2027-02-20T02:00:00", "confirmed"),
        (2, "demo_site", "2027-02-20T02:00:00", "confirmed"),
        (4, "demo_site", "2027-02-15T02:00:00", "reported"),
        (4, "demo_site", "2027-03-05T02:00:00", "confirmed"),
        (1, "holes", "2027-02-01T02:00:00", "reported"),
    ]
    db["milestones"].insert_all(
        {
            "village_id": v,
            "milestone": m,
            "count": 120 if m == "holes" else None,
            "name": "村口公园" if m == "demo_site" else None,
            "person_id": 1,
            "reported_at": at,
            "status": status,
        }
        for v, m, at, status in milestones
    )


@pytest.fixture
def county_app(tmp_path, config):
    """The app context (registry, messages) over a database holding the hand-built county."""
    app = create_context(
        config.with_overrides({"storage.database": str(tmp_path / "r.db"), "storage.photos": str(tmp_path / "photos")})
    )
    build_county(app.db)
    yield app
    app.databases.close_all()


def statuses(app, year, month) -> dict[str, str]:
    return {r.village.name: r.status for r in reports.build_report(app, year, month).rows}


def test_before_the_campaign_nothing_is_lagging(county_app):
    assert set(statuses(county_app, 2026, 12).values()) == {NOT_STARTED}
    text = reports.summary_text(reports.build_report(county_app, 2026, 12), county_app)
    assert "未开始" in text and "滞后" not in text and "1月31日" in text


def test_no_plan_by_the_end_of_january_is_lagging_in_january(county_app):
    assert statuses(county_app, 2027, 1) == {
        "埔心村": ON_TRACK,
        "石湖村": ON_TRACK,
        "东平社区": LAGGING,
        "新围村": ON_TRACK,
    }


def test_february_judges_the_mu_and_the_confirmed_demo_site(county_app):
    report = reports.build_report(county_app, 2027, 2)
    got = [(r.rank, r.village.name, r.status, r.streak, r.short) for r in report.rows]
    assert got == [
        (1, "东平社区", COMPLETE, 0, ""),  # recovered from January
        (2, "埔心村", COMPLETE, 0, ""),
        (3, "新围村", LAGGING, 1, "示范点还差1个（经街道确认）"),  # reported, not confirmed by then
        (4, "石湖村", LAGGING, 1, "党建林还差0.5亩"),  # 1.5 of 2 亩 on 02-28
    ]


def test_march_lagging_twice_and_what_cannot_be_rated_good(county_app):
    report = reports.build_report(county_app, 2027, 3)
    got = {r.village.name: (r.status, r.streak, r.lagging_last_month, r.can_be_good) for r in report.rows}
    assert got == {
        "东平社区": (COMPLETE, 0, False, True),
        "埔心村": (COMPLETE, 0, False, True),
        "新围村": (COMPLETE, 0, True, True),
        "石湖村": (LAGGING_TWICE, 2, True, False),
    }
    assert (report.overall.flagged, report.overall.rejected) == (1, 1)


def test_the_lag_threshold_is_configurable(county_app):
    import dataclasses

    lenient = dataclasses.replace(county_app, config=county_app.config.with_overrides({"reports.lag_threshold": 0.7}))
    assert statuses(lenient, 2027, 2)["石湖村"] == ON_TRACK


def test_summary_names_the_area_and_the_villages_lagging_twice(county_app):
    text = reports.summary_text(reports.build_report(county_app, 2027, 3), county_app)
    assert text.startswith(f"{county_app.config.get('campaign.name')}2027年3月进度通报")
    assert "截至3月底，陈江街道4个村（社区）中3个已完成" in text
    assert "滞后1个，其中连续两个月滞后1个：石湖村" in text
    assert "不得评为“良好”" in text
    assert (
        "本月底前应完成：村绿化计划备案、植树安排表（每户认领）、党建林（社区主题林）、绿美示范点、每户至少1棵、党员干部个人任务"
        in text
    )
    assert "下一节点：6月30日前评选第一批先进" in text
    assert "核实种树" in text and "上报" in text


def test_the_party_age_limit_in_the_summary_is_the_configured_one(county_app):
    import dataclasses

    sixty = dataclasses.replace(
        county_app, config=county_app.config.with_overrides({"campaign.participation.party_member_max_age": 60})
    )
    text = reports.summary_text(reports.build_report(sixty, 2027, 3), sixty)
    assert "60周岁以下党员参与" in text and "65" not in text


def test_workbook_for_excel_people(county_app, tmp_path):
    out = reports.write_workbook(reports.build_report(county_app, 2027, 2), county_app, tmp_path / "r.xlsx")
    wb = load_workbook(out)
    assert wb.sheetnames == ["通报", "村社区排名", "镇街汇总"]
    assert wb["通报"]["A1"].value.endswith("2027年2月进度通报")
    ws = wb["村社区排名"]
    headers = [c.value for c in ws[1]]
    assert headers[:6] == ["排名", "村（社区）", "类型", "镇街", "状态", "连续滞后月数"]
    for header in (
        "计划备案",
        "树穴",
        "核实亩数",
        "上报亩数",
        "核实棵数",
        "上报棵数",
        "示范点",
        "户覆盖",
        "年度可评良好",
    ):
        assert header in headers
    assert ws.freeze_panes == "C2"
    assert all(c.font.bold for c in ws[1])
    by_name = {ws.cell(r, 2).value: r for r in range(2, ws.max_row + 1)}
    cell = {
        name: (lambda header, row=row: ws.cell(row, headers.index(header) + 1).value) for name, row in by_name.items()
    }
    status_col = headers.index("状态") + 1
    fills = {name: ws.cell(row, status_col).fill.fgColor.rgb[-6:] for name, row in by_name.items()}
    assert fills == {"东平社区": "C6EFCE", "埔心村": "C6EFCE", "石湖村": "FFEB9C", "新围村": "FFEB9C"}
    assert [cell["石湖村"](h) for h in ("状态", "核实亩数", "示范点", "计划备案")] == ["滞后", 1.5, "1/1", "2027-01-20"]
    assert (cell["新围村"]("示范点"), cell["埔心村"]("树穴"), cell["东平社区"]("核实亩数")) == ("0/1", 120, None)
    assert cell["东平社区"]("核实棵数") == 150 and cell["东平社区"]("计划备案") == "2027-02-05"
    completion = ws.cell(by_name["石湖村"], headers.index("核实完成率") + 1)
    assert (completion.value, completion.number_format) == (0.75, "0.0%")  # 99.8% never shown as 100%
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
    assert "4个村社区，1个滞后（其中1个连续两月滞后），3个已完成，0个未开始" in capsys.readouterr().out
    assert load_workbook(tmp_path / "report-2027-03.xlsx").sheetnames[0] == "通报"
    assert cli.main(["--config", str(tmp_path / "config.toml"), "report", "--month", "2026-12"]) == 0
    assert "0个滞后（其中0个连续两月滞后），0个已完成，4个未开始" in capsys.readouterr().out
    assert cli.main(["--config", str(tmp_path / "config.toml"), "report", "--month", "March"]) == 2
    assert "月份请写成 YYYY-MM" in capsys.readouterr().err


def test_a_contributed_column_is_one_entry_and_formats_follow_the_keys(county_app, tmp_path):
    """A capability's column (here an example, counted per village by its own query) placed first: the percent
    formats and the status fill still land on the completion and status columns, found by key."""
    import dataclasses

    from bot.messages import Messages

    example = reports.ReportColumn("example", "test.example", per_village=lambda db, config, until: {1: 120})
    app = dataclasses.replace(
        county_app,
        messages=Messages({**county_app.messages.texts, "test.example": "示例"}),
        registry=dataclasses.replace(county_app.registry, report_columns=(example, *county_app.report_columns)),
    )
    out = reports.write_workbook(reports.build_report(app, 2027, 3), app, tmp_path / "r.xlsx")
    ws = load_workbook(out)["村社区排名"]
    headers = [c.value for c in ws[1]]
    assert headers[:3] == ["示例", "排名", "村（社区）"]
    by_name = {ws.cell(r, 3).value: r for r in range(2, ws.max_row + 1)}
    assert ws.cell(by_name["埔心村"], 1).value == 120 and ws.cell(by_name["石湖村"], 1).value is None
    completion = ws.cell(by_name["石湖村"], headers.index("核实完成率") + 1)
    assert (completion.value, completion.number_format) == (0.75, "0.0%")  # 99.8% never shown as 100%
    status_col = headers.index("状态") + 1
    assert ws.cell(by_name["石湖村"], status_col).fill.fgColor.rgb[-6:] == "FFC7CE"
    assert ws.cell(by_name["石湖村"], status_col + 1).fill.fgColor.rgb[-6:] != "FFC7CE"


@pytest.mark.parametrize(
    "now, month",
    [
        ("2027-01-15T10:00", None),  # December 2026 is before the campaign
        ("2027-02-01T07:59", None),  # January's is due on the 1st when quiet hours end (08:00)
        ("2027-02-01T08:00", (2027, 1)),
        ("2027-03-01T07:30", (2027, 1)),  # February's is not due yet (January's, if it was missed)
        ("2027-03-01T08:00", (2027, 2)),
        ("2027-03-20T23:00", (2027, 2)),
        ("2028-01-01T09:00", (2027, 12)),  # the campaign year's last
        ("2028-02-01T09:00", None),
    ],
)
def test_the_month_whose_tongbao_is_due(config, now, month):
    from tests.conftest import at

    assert reports.month_due(config, at(now)) == month


def test_the_tongbao_day_is_configurable(config):
    from tests.conftest import at

    fifth = config.with_overrides({"reports.monthly_day": 5})
    assert reports.month_due(fifth, at("2027-04-04T10:00")) == (2027, 2)
    assert reports.month_due(fifth, at("2027-04-05T10:00")) == (2027, 3)


def test_summary_rule_every_figure_in_its_place(county_app):
    """The whole one-page text, figure by figure: a figure left out, or a count of the wrong statuses, shows."""
    import dataclasses

    from tests.conftest import at

    built = reports.build_report(county_app, 2027, 3)
    assert built.generated_at is not None
    report = dataclasses.replace(built, generated_at=at("2027-04-01T08:05"))
    assert reports.summary_text(report, county_app).split("\n") == [
        f"{county_app.config.get('campaign.name')}2027年3月进度通报",
        "",
        "截至3月底，陈江街道4个村（社区）中3个已完成党建林（主题林）和示范点。",
        "核实种树350棵（上报350棵），核实党建林5.5亩（上报5.5亩），确认示范点3个。",
        "本月底前应完成：村绿化计划备案、植树安排表（每户认领）、党建林（社区主题林）、绿美示范点、每户至少1棵、"
        "党员干部个人任务。已完成3个，正常0个，滞后1个，其中连续两个月滞后1个：石湖村（按方案规定，当年党组织绩效考核"
        "不得评为“良好”及以上等次）。",
        "农户覆盖1/1户（100%）；65周岁以下党员参与1/1人（100%）。",
        "成活率—。待审核记录0条（未计入核实数），被标记1条，已驳回1条。",
        "进度靠前：东平社区、埔心村、新围村。",
        "进度靠后：石湖村。",
        "没有挂钩技术顾问的村（社区）：埔心村、石湖村、东平社区、新围村。",
        "",
        "请进度滞后的村（社区）对照未完成项倒排工期，加快推进。下一节点：6月30日前评选第一批先进。",
        "生成时间：2027-04-01 08:05",
    ]
    february = reports.summary_text(reports.build_report(county_app, 2027, 2), county_app)
    assert "已完成2个，正常0个，滞后2个，其中连续两个月滞后0个。\n" in february  # none twice: no names


def test_summary_rule_before_the_campaign_the_whole_text(county_app):
    import dataclasses

    from tests.conftest import at

    report = dataclasses.replace(reports.build_report(county_app, 2026, 12), generated_at=at("2027-01-01T09:00"))
    assert reports.summary_text(report, county_app).split("\n") == [
        f"{county_app.config.get('campaign.name')}2026年12月进度通报",
        "",
        "各村（社区）绿化计划须于1月31日前备案，此前没有到期的任务。截至12月底，陈江街道4个村（社区）状态均为“未开始”。",
        "下一节点：1月31日前村绿化计划备案。",
        "生成时间：2027-01-01 09:00",
    ]
    january = reports.summary_text(reports.build_report(county_app, 2027, 1), county_app)  # ends on plans_due
    assert "已完成0个，正常3个，滞后1个，其中连续两个月滞后0个。" in january
    unstamped = dataclasses.replace(report, generated_at=None)  # no time known: the last line is empty
    assert reports.summary_text(unstamped, county_app).split("\n")[-1] == ""
