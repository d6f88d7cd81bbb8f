"""bot/reports.py's workbook, saved and opened again with openpyxl as Excel would: the table every sheet is made of
(``write_table``: the header's look, widths fitted to the content, formats by column) and the 通报's three sheets
(``write_workbook``: the summary's lines, the status fill, frozen panes, the county's bold line); each test named
for the rule it pins."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from openpyxl import Workbook, load_workbook

from bot import reports
from tests.unit.test_reports import config, county_app  # noqa: F401 - the hand-built county and its app

RANK = "progress.report.columns.rank"  # 排名: 2 characters
SHORT = "progress.report.columns.short"  # 未完成项: 4 characters
SHARE = "progress.report.columns.completion"  # 核实完成率: 5 characters


def column(key, header, width=None, number_format=None):
    return reports.ReportColumn(key, header, lambda r: r[key], width=width, number_format=number_format)


def table(app, tmp_path, columns, rows):
    """``write_table`` on a fresh sheet, saved and opened again."""
    wb = Workbook()
    reports.write_table(app, wb.active, columns, rows)
    wb.save(tmp_path / "table.xlsx")
    return load_workbook(tmp_path / "table.xlsx").active


def widths(ws) -> list[float]:
    return [ws.column_dimensions[letter].width for letter in "ABCDEF"[: ws.max_column]]


def rgb(cell) -> str:
    return cell.fill.fgColor.rgb[-6:] if cell.fill.fill_type else ""


# -- write_table --------------------------------------------------------------------------------------------
def test_table_rule_a_green_bold_centred_header_row_and_a_filter_over_the_whole_table(county_app, tmp_path):
    ws = table(county_app, tmp_path, [column("a", RANK), column("b", SHORT)], [{"a": 1, "b": "x"}, {"a": 2, "b": "y"}])
    assert [c.value for c in ws[1]] == ["排名", "未完成项"]
    for cell in ws[1]:
        assert (rgb(cell), cell.font.bold, cell.font.color.rgb[-6:]) == ("2E7D32", True, "FFFFFF")
        assert (cell.alignment.horizontal, cell.alignment.vertical, cell.alignment.wrap_text) == (
            "center",
            "center",
            True,
        )
    assert [rgb(c) for c in ws[2]] == ["", ""] and not ws["A2"].font.bold
    assert (ws.row_dimensions[1].height, ws.auto_filter.ref) == (32, "A1:B3")
    assert [[c.value for c in row] for row in ws.iter_rows(min_row=2)] == [[1, "x"], [2, "y"]]


@pytest.mark.parametrize(
    "header, values, width",
    [
        (RANK, [1, 22], 8),  # short: never narrower than 8
        (RANK, [None, None], 8),  # no figure: the header's
        (SHORT, ["党建林还差"], 10),  # two units a character
        (SHARE, ["一二三"], 10),  # the header when it is the longest
        (RANK, ["一二三四五六七八九十一二三四五"], 30),  # 15 characters: exactly the widest
        (RANK, ["一二三四五六七八九十一二三四五六"], 30),  # 16: no wider than 30
        (RANK, ["一二三四"], 8),  # 4 characters: exactly the narrowest
    ],
)
def test_table_rule_widths_fit_the_longest_content_between_8_and_30(county_app, tmp_path, header, values, width):
    ws = table(county_app, tmp_path, [column("a", header)], [{"a": v} for v in values])
    assert widths(ws) == [width]


def test_table_rule_each_column_fits_its_own_content_or_keeps_its_own_width(county_app, tmp_path):
    columns = [column("a", RANK), column("b", RANK), column("d", RANK), column("c", RANK, width=14)]
    rows = [{"a": "一二三四五六", "b": None, "d": "一二三四五", "c": "一二三四五六七八九十一二三"}]
    assert widths(table(county_app, tmp_path, columns, rows)) == [12, 8, 10, 14]


def test_table_rule_only_the_first_200_rows_set_the_width(county_app, tmp_path):
    rows = [{"a": 1} for _ in range(199)]
    assert widths(table(county_app, tmp_path, [column("a", RANK)], [*rows, {"a": "一二三四五六七八"}])) == [16]
    late = [*rows, {"a": 1}, {"a": "一二三四五六七八"}]  # the 201st row
    assert widths(table(county_app, tmp_path, [column("a", RANK)], late)) == [8]


def test_table_rule_a_columns_number_format_on_every_row_below_the_header(county_app, tmp_path):
    columns = [column("a", RANK), column("b", SHARE, number_format=reports.PERCENT)]
    ws = table(county_app, tmp_path, columns, [{"a": i, "b": i / 4} for i in range(3)])
    assert ws.max_row == 4  # no formatted cell below the table
    assert [ws.cell(r, 2).number_format for r in range(1, 5)] == ["General", "0.0%", "0.0%", "0.0%"]
    assert {ws.cell(r, 1).number_format for r in range(1, 5)} == {"General"}


def test_table_rule_a_labelled_or_counted_cell_and_text_never_a_formula(county_app, tmp_path):
    counted = reports.ReportColumn("n", RANK, per_village=lambda db, config, until: {})
    labelled = reports.ReportColumn("s", SHORT, lambda r: r.s, labels={True: "progress.report.can_be_good_yes"})
    named = reports.ReportColumn("name", RANK, lambda r: r.name)
    rows = [SimpleNamespace(village=SimpleNamespace(village_id=v), s=v == 1, name=f"=村{v}") for v in (1, 2)]
    wb = Workbook()
    reports.write_table(county_app, wb.active, [counted, labelled, named], rows, {"n": {1: 120}})
    wb.save(tmp_path / "t.xlsx")
    ws = load_workbook(tmp_path / "t.xlsx").active
    assert [[c.value for c in row] for row in ws.iter_rows(min_row=2)] == [[120, "可以", "=村1"], [None, None, "=村2"]]
    assert ws["C2"].data_type == "s"


# -- write_workbook -----------------------------------------------------------------------------------------
@pytest.fixture
def march(county_app, tmp_path):
    """The county's March 通报 (石湖村 连续两月滞后), written under folders not made yet; (report, workbook)."""
    report = reports.build_report(county_app, 2027, 3)
    out = tmp_path / "kept" / "2027" / "r.xlsx"
    assert reports.write_workbook(report, county_app, out) == out
    return report, load_workbook(out)


def test_workbook_rule_the_summary_one_line_a_row_wrapped_with_a_bold_title(county_app, march):
    report, wb = march
    summary = wb["通报"]
    assert wb.sheetnames[0] == "通报" and summary.column_dimensions["A"].width == 100
    lines = reports.summary_text(report, county_app).split("\n")
    assert [summary.cell(r, 1).value or "" for r in range(1, summary.max_row + 1)] == lines
    for r in range(1, summary.max_row + 1):
        alignment = summary.cell(r, 1).alignment
        assert (alignment.wrap_text, alignment.vertical) == (True, "top")
    assert (summary["A1"].font.bold, summary["A1"].font.size) == (True, 14)
    assert (summary["A3"].font.bold, summary["A3"].font.size) == (False, 11)


def test_workbook_rule_the_status_fill_covers_every_village_up_to_its_status(march):
    report, wb = march
    ws = wb["村社区排名"]
    status = [c.value for c in ws[1]].index("状态") + 1
    assert ws.freeze_panes == "C2"
    fills = {row.village.name: reports.FILLS[row.status] for row in report.rows}
    for r in range(2, len(report.rows) + 2):
        name = ws.cell(r, 2).value
        assert [rgb(ws.cell(r, c)) for c in range(1, status + 2)] == [fills[name]] * status + [""]
    assert fills["石湖村"] == "FFC7CE" and fills["埔心村"] == "C6EFCE"


def test_workbook_rule_no_status_column_no_fill(county_app, tmp_path):
    import dataclasses

    report = reports.build_report(county_app, 2027, 3)
    bare = dataclasses.replace(report, columns=tuple(c for c in report.columns if c.key in ("rank", "name")))
    ws = load_workbook(reports.write_workbook(bare, county_app, tmp_path / "r.xlsx"))["村社区排名"]
    assert [c.value for c in ws[1]] == ["排名", "村（社区）"]
    assert {rgb(c) for row in ws.iter_rows(min_row=2) for c in row} == {""}


def test_workbook_rule_the_towns_then_the_whole_county_in_bold(march):
    report, wb = march
    towns = wb["镇街汇总"]
    assert towns.freeze_panes == "B2"
    assert [towns.cell(r, 1).value for r in range(2, towns.max_row + 1)] == [*(t.name for t in report.towns), "全部"]
    assert [c.font.bold for c in towns[towns.max_row]] == [True] * towns.max_column
    assert not any(c.font.bold for r in range(2, towns.max_row) for c in towns[r])


def test_workbook_rule_openpyxl_is_imported_to_write_a_workbook_not_with_the_app():
    """The webhook imports bot.reports and bot.awards (their report columns, jobs) and writes no workbook: openpyxl
    (about 7 MB of a process, bench/memory.py) loads only when one is written."""
    import subprocess
    import sys

    from tests.conftest import ROOT

    probe = "import sys; import bot.app, bot.reports, bot.awards; print('openpyxl' in sys.modules)"
    found = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    assert found.stdout.strip() == "False"
