"""bot/reports.py's kept monthly 通报 on a real SQLite file (the hand-built county of test_reports.py, its cadre
following the account): the ``monthly_report`` job (made once, kept, each village's line to its people in
``reports.notify_roles`` after quiet hours), the village's line, the file asked for on the dashboard (``workbook_of``),
and the ``report`` command's words; each test named for the rule it pins."""

from __future__ import annotations

import argparse
import dataclasses
import re

import pytest
from openpyxl import load_workbook

from bot import clock, reports
from bot.app import create_context
from bot.db import transaction
from bot.store import reports as store
from tests.conftest import at
from tests.unit.test_reports import build_county, config  # noqa: F401 - the hand-built county, its config

NEXT_MARCH = "下一节点：6月30日前评选第一批先进。"
CONSEQUENCE = "⚠ 已连续2个月滞后。按方案，连续2个月被通报进度不利的村（社区），当年党组织绩效考核不得评为“良好”及以上。"


@pytest.fixture
def county(tmp_path, config):
    """The county, whose one cadre (甲 of 埔心村) follows the account and gets the 通报's line (reports.notify_roles:
    村干部, as the README suggests for every cadre); 通报 kept under tmp_path."""
    app = create_context(
        config.with_overrides(
            {
                "storage.database": str(tmp_path / "r.db"),
                "storage.photos": str(tmp_path / "photos"),
                "storage.reports": str(tmp_path / "reports"),
                "reports.notify_roles": ["村干部"],
            }
        )
    )
    build_county(app.db)
    follower(app, 1, "o-jia")
    yield app
    app.databases.close_all()


def follower(app, person_id: int, openid: str, follows: bool = True) -> None:
    app.db["people"].update(person_id, {"openid": openid})
    app.db["users"].insert({"openid": openid, "subscribed": int(follows), "reminders_off": 0})


def cadre(app, person_id: int, village_id: int, openid: str, follows: bool = True) -> None:
    app.db["people"].insert({"id": person_id, "name": f"干部{person_id}", "village_id": village_id, "role": "村干部"})
    follower(app, person_id, openid, follows)


def kept(app) -> list[dict]:
    return list(app.db.query("SELECT * FROM monthly_reports ORDER BY month"))


def lines(app) -> list[tuple]:
    return [
        (r["openid"], r["kind"], r["dedupe_key"], r["next_attempt_at"], r["text"])
        for r in app.db.query("SELECT * FROM outbox ORDER BY id")
    ]


# -- the village's line ---------------------------------------------------------------------------------------
def test_line_rule_status_rank_what_is_short_the_next_milestone_and_the_consequence_of_two_months(county):
    report = reports.build_report(county, 2027, 3)
    by_name = {r.village.name: reports.village_line(county, report, r) for r in report.rows}
    assert by_name["埔心村"] == f"埔心村3月通报：已完成，排名2/4。{NEXT_MARCH}"
    assert (
        by_name["石湖村"] == f"石湖村3月通报：连续两月滞后，排名4/4。未完成：党建林还差0.5亩。{NEXT_MARCH}{CONSEQUENCE}"
    )
    february = reports.build_report(county, 2027, 2)
    (shihu,) = [r for r in february.rows if r.village.name == "石湖村"]
    assert reports.village_line(county, february, shihu) == (
        "石湖村2月通报：滞后，排名4/4。未完成：党建林还差0.5亩。下一节点：3月12日前全面完成植树计划。"
    )


# -- the monthly_report job --------------------------------------------------------------------------------------
def test_monthly_rule_on_its_day_after_quiet_hours_the_month_is_kept_and_each_secretary_gets_the_line(county):
    now = at("2027-04-01T08:00")
    assert reports.monthly_report(county, now) == {"month": "2027-03", "lines": 1}
    (row,) = kept(county)
    counts = ("villages", "complete", "on_track", "lagging", "lagging_twice", "not_started", "lines")
    assert (row["month"], row["file"], row["generated_at"]) == ("2027-03", "report-2027-03.xlsx", clock.to_db(now))
    assert [row[c] for c in counts] == [4, 3, 0, 0, 1, 0, 1]
    workbook = load_workbook(county.config.reports_dir / "report-2027-03.xlsx")
    assert workbook["通报"]["A1"].value.endswith("2027年3月进度通报")
    report = reports.build_report(county, 2027, 3)
    (puxin,) = [r for r in report.rows if r.village.name == "埔心村"]
    line = reports.village_line(county, report, puxin)
    assert lines(county) == [("o-jia", "notice", "report:2027-03:o-jia", clock.to_db(now), line)]


def test_monthly_rule_a_kept_month_is_done(county):
    assert reports.monthly_report(county, at("2027-04-01T08:00"))["month"] == "2027-03"
    (county.config.reports_dir / "report-2027-03.xlsx").unlink()  # its file removed by hand: not made again
    assert reports.monthly_report(county, at("2027-04-01T09:00")) == {"month": None}
    assert (len(kept(county)), len(lines(county))) == (1, 1)
    assert not (county.config.reports_dir / "report-2027-03.xlsx").exists()


def test_monthly_rule_the_counts_keep_each_status_apart(county):
    assert reports.monthly_report(county, at("2027-02-01T08:00"))["month"] == "2027-01"
    assert reports.monthly_report(county, at("2027-03-01T08:00")) == {"month": "2027-02", "lines": 1}
    statuses = ("complete", "on_track", "lagging", "lagging_twice", "not_started")
    assert [[row[c] for c in statuses] for row in kept(county)] == [[0, 3, 1, 0, 0], [2, 0, 2, 0, 0]]


def test_monthly_rule_nothing_before_the_campaign(county):
    assert reports.monthly_report(county, at("2027-01-15T10:00")) == {"month": None}
    assert kept(county) == [] and not county.config.reports_dir.exists()


def test_monthly_rule_another_process_that_kept_the_month_meanwhile_wins(county):
    """Between the first look and the write, another process (serve --workers, a scheduler lease that moved)
    kept the month: this one sends no line and keeps no second row."""

    def another_process_keeps_it(app, report):
        with transaction(app.db):
            store.add(app.db, month="2027-03", file="theirs.xlsx", counts=dict.fromkeys(
                ("villages", "complete", "on_track", "lagging", "lagging_twice", "not_started"), 0), lines=0, now="x")  # fmt: skip
        return []

    app = dataclasses.replace(
        county, registry=dataclasses.replace(county.registry, report_summary=(another_process_keeps_it,))
    )
    assert reports.monthly_report(app, at("2027-04-01T08:00")) == {"month": None}
    assert [r["file"] for r in kept(county)] == ["theirs.xlsx"] and lines(county) == []


def test_lines_rule_each_follower_of_a_village_in_the_report_once_after_quiet_hours(county):
    report = reports.build_report(county, 2027, 3)
    cadre(county, 2, 2, "o-shihu")
    cadre(county, 3, 3, "o-dongping", follows=False)  # unfollowed: no line
    county.db["villages"].insert({"id": 5, "name": "新村", "kind": "村"})
    cadre(county, 4, 5, "o-new")  # a village added after the report was made: no line
    cadre(county, 5, 4, "o-xinwei")
    with transaction(county.db):
        assert reports.queue_lines(county, report, at("2027-04-01T07:00")) == 3
    assert [(o, k, n) for o, _, k, n, _ in lines(county)] == [
        ("o-jia", "report:2027-03:o-jia", "2027-04-01T00:00:00"),  # when quiet hours end (08:00 Shanghai)
        ("o-shihu", "report:2027-03:o-shihu", "2027-04-01T00:00:00"),
        ("o-xinwei", "report:2027-03:o-xinwei", "2027-04-01T00:00:00"),
    ]
    with transaction(county.db):
        assert reports.queue_lines(county, report, at("2027-04-01T09:00")) == 0  # once per person and month


# -- the file asked for, the kept list -----------------------------------------------------------------------------
def test_file_rule_the_kept_file_else_one_made_now_and_not_kept(county):
    reports.monthly_report(county, at("2027-04-01T08:00"))
    assert reports.workbook_of(county, 2027, 3) == county.config.reports_dir / "report-2027-03.xlsx"
    made = reports.workbook_of(county, 2027, 2)
    assert made == county.config.reports_dir / "on-demand" / "report-2027-02.xlsx"
    assert load_workbook(made)["通报"]["A1"].value.endswith("2027年2月进度通报")
    (county.config.reports_dir / "report-2027-03.xlsx").unlink()  # kept, but its file is gone
    again = reports.workbook_of(county, 2027, 3)
    assert again == county.config.reports_dir / "on-demand" / "report-2027-03.xlsx" and again.is_file()
    assert [r["month"] for r in reports.kept_reports(county)] == ["2027-03"]


def test_file_rule_months_are_named_with_four_and_two_digits(county):
    assert (reports.month_key(2027, 3), reports.file_name(2027, 12)) == ("2027-03", "report-2027-12.xlsx")
    reports.monthly_report(county, at("2027-03-01T08:00"))
    reports.monthly_report(county, at("2027-04-01T08:00"))
    assert [r["month"] for r in reports.kept_reports(county)] == ["2027-03", "2027-02"]  # newest first


# -- the report command ----------------------------------------------------------------------------------------
def test_command_rule_the_month_is_required_and_written_yyyy_mm():
    parser = argparse.ArgumentParser(prog="report")
    reports.report_arguments(parser)
    with pytest.raises(SystemExit):
        parser.parse_args([])
    assert re.search(r"^  --month MONTH +YYYY-MM$", parser.format_help(), re.M)
    assert parser.parse_args(["--month", "2027-03"]) == argparse.Namespace(month="2027-03", out=None)


def test_command_rule_it_says_where_it_wrote_and_how_many_lag(county, tmp_path, capsys):
    out = tmp_path / "feb.xlsx"
    assert reports.cmd_report(argparse.Namespace(month="2027-02", out=str(out)), county) == 0
    assert (
        capsys.readouterr().out == f"已写入 {out}：4个村社区，2个滞后（其中0个连续两月滞后），2个已完成，0个未开始。\n"
    )
    assert reports.cmd_report(argparse.Namespace(month="March", out=None), county) == 2
    assert capsys.readouterr().err == "月份请写成 YYYY-MM，例如 2027-03（收到：March）。\n"


# -- the summary of other counties -------------------------------------------------------------------------------
def county_of(tmp_path, config, villages: list[str]):  # noqa: F811
    """An app over a county of these villages (村, 横沥镇), nothing planted and nothing filed."""
    app = create_context(
        config.with_overrides({"storage.database": str(tmp_path / "c.db"), "storage.photos": str(tmp_path / "p")})
    )
    app.db["villages"].insert_all({"name": name, "kind": "村", "town": "横沥镇"} for name in villages)
    return app


def summary_lines(app, year: int, month: int) -> list[str]:
    return reports.summary_text(reports.build_report(app, year, month), app).split("\n")


def test_summary_rule_survival_is_the_share_of_the_checked_trees_alive(county):
    for planting_id, result in ((1, "alive"), (2, "dead"), (3, "unknown")):  # a bare photo says nothing
        county.db["survival_checks"].insert(
            {"planting_id": planting_id, "due_days": 30, "result": result, "checked_at": "2027-03-10T02:00:00"}
        )
    assert "成活率50%。待审核记录0条（未计入核实数），被标记1条，已驳回1条。" in summary_lines(county, 2027, 3)


def test_summary_rule_a_county_without_villages_names_none_at_either_end(tmp_path, config):  # noqa: F811
    app = county_of(tmp_path, config, [])
    lines = summary_lines(app, 2027, 3)
    assert "进度靠前：无。" in lines and "进度靠后：无。" in lines
    app.databases.close_all()


def test_summary_rule_the_bottom_three_and_every_village_lagging_twice_by_name(tmp_path, config):  # noqa: F811
    names = [f"{n}村" for n in "甲乙丙丁戊己庚辛"]
    app = county_of(tmp_path, config, names)
    report = reports.build_report(app, 2027, 2)  # no plan filed by January, nothing in February
    ranked = "丁村、丙村、乙村、己村、庚村、戊村、甲村、辛村"  # all alike: by name
    assert "、".join(r.village.name for r in report.rows) == ranked
    text = reports.summary_text(report, app)
    assert f"其中连续两个月滞后8个：{ranked}（按方案规定" in text
    assert "进度靠前：丁村、丙村、乙村。\n进度靠后：辛村、甲村、戊村。\n" in text
    app.databases.close_all()
