"""What the corrections rounds' end-to-end tests share (rounds 76 and 77, tidy77, tidy78; tidy78: each file had built
its own): round 75's county, clock and record helpers (tests/e2e/test_corrections.py; the fixtures ``puxin`` and the
autouse ``_a_march_morning`` are imported by each module that uses them), the office's dashboard login and its export
sheets, the notices queued to one follower, a cadre's withdrawal in the chat, a record its sender withdrew in their own
window, and a 代种 record entered by a cadre for 陈大伯's household."""

from __future__ import annotations

import io

from openpyxl import load_workbook

from tests.conftest import rows_of
from tests.e2e.dashboard_seed import add_logins, login
from tests.e2e.test_corrections import (  # noqa: F401 (fixtures and helpers, imported from here by the rounds)
    _a_march_morning,
    _audit,
    _finished,
    _record,
    _record_of_another_village,
    puxin,
)


def _office(app):
    """The office's dashboard login (no seeded county: the chat's village)."""
    add_logins(app.extensions["bot"].db, [("office", "admin")])
    client = app.test_client()
    assert login(client, "office").status_code == 302
    return client


def _sheet(app, table):
    client = _office(app)
    response = client.get(f"/admin/exports/{table}.xlsx")
    assert response.status_code == 200
    rows = list(load_workbook(io.BytesIO(response.data)).active.iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def _notices(bot, openid):
    return [r["text"] for r in rows_of(bot, "SELECT text FROM outbox WHERE openid = ? AND kind = 'notice'", [openid])]


def _withdrawn_by(cadre, planting_id, reason="重复报了"):
    cadre.says(f"作废记录 {planting_id} {reason}")
    assert "已作废" in cadre.says("确定")


def _withdrawn_by_its_sender(bot, standin, clock, who, count="2棵荔枝", media="m-1"):
    """``who`` finishes a record and withdraws it in their own window (作废 → 确定作废); its id."""
    planting_id = _finished(bot, standin, clock, who, count, media)
    who.says("作废")
    who.says("确定作废")
    return planting_id


def _entered_for_chen(person, bot, standin, clock):
    """埔心村: 王干部 (村干部) entered 2棵荔枝 for 陈大伯's household (代种) two hours ago; 林书记 (村书记)."""
    wang = person("o-wang", "王干部", "村干部")
    lin = person("o-lin", "林书记", "村书记")
    planting_id = _finished(bot, standin, clock, wang, "代种 陈大伯 2棵荔枝")
    record = _record(bot, planting_id)
    assert record["openid"] == "o-wang" and record["entered_by_person_id"] != record["person_id"]
    clock.advance(hours=2)
    return wang, lin, planting_id
