"""No live formulas in anything written for Excel (issue 13, 4): names from the roster and text from chat
that start with = + - @ (or a tab / CR) are written as text by every CSV and xlsx writer (the CLI's
`export` and `report`, the dashboard's Excel downloads); numbers stay numbers; the roster takes such
names and keeps them as text, and a CSV export re-imports unchanged."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook

from bot import scheduler
from bot.cli import main
from tests.e2e.dashboard_seed import login

EVIL_NAME = '=HYPERLINK("http://evil.example/x","点我")'
PEOPLE = [EVIL_NAME, "+1张三", "-李四", "@王五"]
EVIL_VILLAGE = "=1+1村"
EVIL_TOWN = "-石角镇"
QUESTION = "=cmd|' /C calc'!A0 桂花叶子黄了怎么办"
ANSWER = "@多半是积水，先停水"
OPENID = "o-evil-name"


def cli(config_file, *args) -> int:
    return main(["--config", str(config_file), *args])


def write_csv(path, rows) -> str:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    return str(path)


@pytest.fixture
def roster(tmp_path, config_file, bot, villager_factory, standin):
    """Villages and people with formula-like names, imported by the CLI; chat text from the evil-named villager."""
    villages = write_csv(
        tmp_path / "villages.csv",
        [
            ["名称", "类型", "镇街", "户数", "纬度", "经度", "半径米"],
            [EVIL_VILLAGE, "村", EVIL_TOWN, 3, -23.5, -46.6, 3000],
        ],
    )
    people = write_csv(
        tmp_path / "people.csv",
        [
            ["姓名", "村社区", "角色", "openid"],
            [PEOPLE[0], EVIL_VILLAGE, "群众", OPENID],
            *[[name, EVIL_VILLAGE, "群众", ""] for name in PEOPLE[1:]],
            ["李顾问", EVIL_VILLAGE, "技术顾问", "o-adviser-li"],
        ],
    )
    assert cli(config_file, "import", "villages", villages) == 0
    assert cli(config_file, "import", "people", people) == 0
    villager = villager_factory(OPENID)
    standin.add_media("m-evil", b"\xff\xd8not-really-a-jpeg")
    villager.says("3棵桂花")
    villager.sends_photo("m-evil")
    villager.says("问专家 " + QUESTION)
    adviser = villager_factory("o-adviser-li")
    ticket_id = next(bot.db.query("SELECT id FROM tickets"))["id"]
    assert "已回答" in adviser.says(f"答 {ticket_id} {ANSWER}")
    scheduler.run_due(bot, bot.clock())
    return tmp_path


def test_the_roster_keeps_formula_like_names_as_text(roster, bot):
    names = [r["name"] for r in bot.db.query("SELECT name FROM people ORDER BY id")]
    assert names[:4] == PEOPLE
    village = next(bot.db.query("SELECT name, town FROM villages"))
    assert (village["name"], village["town"]) == (EVIL_VILLAGE, EVIL_TOWN)


def csv_export(config_file, capsys, table) -> list[dict]:
    assert cli(config_file, "export", table) == 0
    return list(csv.DictReader(io.StringIO(capsys.readouterr().out)))


def test_csv_exports_write_formula_like_text_with_a_leading_quote(roster, config_file, capsys):
    people = csv_export(config_file, capsys, "people")
    assert [r["name"] for r in people[:4]] == ["'" + name for name in PEOPLE]
    assert {r["village"] for r in people} == {"'" + EVIL_VILLAGE}
    (village,) = csv_export(config_file, capsys, "villages")
    assert (village["town"], village["lat"], village["lng"], village["households"]) == (
        "'" + EVIL_TOWN,
        "-23.5",
        "-46.6",
        "3",
    )  # numbers stay numbers, negative ones too
    (ticket,) = csv_export(config_file, capsys, "tickets")
    assert (ticket["question"], ticket["answer"]) == ("'" + QUESTION, "'" + ANSWER)
    (planting,) = csv_export(config_file, capsys, "plantings")
    assert (planting["person"], planting["count"]) == ("'" + EVIL_NAME, "3")


def xlsx_cells(path) -> dict[str, list]:
    """column header -> the cells below it (openpyxl Cell objects: value and data_type)."""
    sheet = load_workbook(path).active
    header = [c.value for c in sheet[1]]
    return {name: [row[i] for row in sheet.iter_rows(min_row=2)] for i, name in enumerate(header)}


def assert_text(cell, text):
    assert (cell.value, cell.data_type) == (text, "s")


def test_xlsx_exports_write_formula_like_text_as_strings(roster, config_file, tmp_path):
    for table in ("people", "villages", "tickets", "plantings"):
        assert cli(config_file, "export", table, "--format", "xlsx", "--out", str(tmp_path / f"{table}.xlsx")) == 0
    people = xlsx_cells(tmp_path / "people.xlsx")
    for cell, name in zip(people["name"], PEOPLE):
        assert_text(cell, name)
    villages = xlsx_cells(tmp_path / "villages.xlsx")
    assert_text(villages["name"][0], EVIL_VILLAGE)
    assert_text(villages["town"][0], EVIL_TOWN)
    assert [(c.value, c.data_type) for c in (villages["lat"][0], villages["households"][0])] == [(-23.5, "n"), (3, "n")]
    tickets = xlsx_cells(tmp_path / "tickets.xlsx")
    assert_text(tickets["question"][0], QUESTION)
    assert_text(tickets["answer"][0], ANSWER)
    plantings = xlsx_cells(tmp_path / "plantings.xlsx")
    assert_text(plantings["person"][0], EVIL_NAME)
    assert (plantings["count"][0].value, plantings["count"][0].data_type) == (3, "n")


def test_the_monthly_report_writes_village_and_town_names_as_text(roster, config_file, tmp_path):
    out = tmp_path / "report.xlsx"
    assert cli(config_file, "report", "--month", "2027-03", "--out", str(out)) == 0
    workbook = load_workbook(out)
    formulas = [
        (ws.title, c.coordinate, c.value)
        for ws in workbook
        for row in ws.iter_rows()
        for c in row
        if c.data_type == "f"
    ]
    assert formulas == []
    texts = {c.value for ws in workbook for row in ws.iter_rows() for c in row if c.data_type == "s"}
    assert {EVIL_VILLAGE, EVIL_TOWN} <= texts


def test_dashboard_excel_downloads_write_formula_like_text_as_strings(roster, config_file, app):
    assert cli(config_file, "create-admin", "boss", "--password", "pw-long-enough-1") == 0
    client = app.test_client()
    assert login(client, "boss", "pw-long-enough-1").status_code == 302
    response = client.get("/admin/exports/people.xlsx")
    assert response.status_code == 200
    people = xlsx_cells(io.BytesIO(response.data))
    for cell, name in zip(people["name"], PEOPLE):
        assert_text(cell, name)


def test_a_csv_export_of_the_people_re_imports_unchanged(roster, config_file, bot, tmp_path):
    assert cli(config_file, "export", "people", "--out", str(tmp_path / "export.csv")) == 0
    before = list(bot.db.query("SELECT id, name, village_id, role FROM people ORDER BY id"))
    assert cli(config_file, "import", "people", str(tmp_path / "export.csv")) == 0
    assert list(bot.db.query("SELECT id, name, village_id, role FROM people ORDER BY id")) == before
