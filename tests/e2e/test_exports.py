"""`python run.py export TABLE` end to end: rows made through the real webhook, the contract's columns."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook

from bot import scheduler
from bot.cli import main
from bot.db import transaction

CONTRACT_COLUMNS = {
    "plantings": [
        "id",
        "openid",
        "person",
        "village",
        "species",
        "count",
        "area_mu",
        "lat",
        "lng",
        "photo_sha256",
        "status",
        "flags",
        "created_at",
    ],
    "tickets": ["id", "openid", "village", "question", "status", "adviser", "created_at", "answered_at", "answer"],
    "outbox": ["id", "openid", "channel", "status", "dedupe_key", "created_at", "sent_at", "text"],
    "villages": ["id", "name", "kind"],
    "people": ["id", "name", "village", "role"],
}


@pytest.fixture
def filled(bot, villager, standin):
    """A village and its adviser, a registered villager with one complete record, one ticket (whose notice
    to the adviser is the outbox row)."""
    with transaction(bot.db):
        village_id = bot.db["villages"].insert({"name": "埔心村", "kind": "村"}).last_pk
        adviser_id = (
            bot.db["people"]
            .insert(
                {
                    "name": "李顾问",
                    "role": "技术顾问",
                    "openid": "o-adviser",
                    "bound_via": "roster",
                    "village_id": village_id,
                }
            )
            .last_pk
        )
        bot.db["adviser_villages"].insert({"person_id": adviser_id, "village_id": village_id})
    villager.says("登记 张三 埔心村")
    standin.add_media("m-export", b"\xff\xd8not-really-a-jpeg")
    villager.says("3棵桂花")
    villager.sends_photo("m-export")
    villager.says("问专家 我家桂花叶子黄了掉叶子")
    scheduler.run_due(bot, bot.clock())
    return villager


def export(config_file, capsys, *args) -> str:
    assert main(["--config", str(config_file), "export", *args]) == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("table", sorted(CONTRACT_COLUMNS))
def test_csv_to_stdout_starts_with_the_contract_columns(filled, config_file, capsys, table):
    rows = list(csv.reader(io.StringIO(export(config_file, capsys, table))))
    header = rows[0]
    assert header[: len(CONTRACT_COLUMNS[table])] == CONTRACT_COLUMNS[table]
    assert len(rows) >= 2  # every table has data after the conversation above


def test_plantings_row_says_what_was_recorded(filled, config_file, capsys):
    (row,) = csv.DictReader(io.StringIO(export(config_file, capsys, "plantings")))
    assert (row["person"], row["village"], row["species"], row["count"], row["status"]) == (
        "张三",
        "埔心村",
        "桂花",
        "3",
        "complete",
    )
    assert len(row["photo_sha256"]) == 64


def test_out_file_has_a_bom_for_excel_and_xlsx_has_the_header(filled, config_file, capsys, tmp_path):
    out_csv = tmp_path / "tickets.csv"
    export(config_file, capsys, "tickets", "--out", str(out_csv))
    raw = out_csv.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and "我家桂花叶子黄了" in raw.decode("utf-8-sig")
    out_xlsx = tmp_path / "plantings.xlsx"
    export(config_file, capsys, "plantings", "--format", "xlsx", "--out", str(out_xlsx))
    sheet = load_workbook(out_xlsx).active
    assert [c.value for c in sheet[1]][:13] == CONTRACT_COLUMNS["plantings"]
    assert sheet.freeze_panes == "A2" and sheet.max_row == 2
