"""tidy77: a restored record carries its history. A withdrawn record restored (round 77's 恢复) said so where it is
shown: 恢复过 in the village page's records list, 恢复过 with its time on the record page, ``restored_at`` in the
plantings export; a record never restored, or withdrawn again since, says nothing of it. A real database, the
dashboard's client."""

from __future__ import annotations

from bot import clock
from bot.store import plantings as plantings_store
from tests.conftest import rows_of
from tests.corrections_helpers import _sheet
from tests.e2e.dashboard_seed import admin, county  # noqa: F401 (fixtures)
from tests.e2e.test_corrections_round77 import _row_of
from tests.e2e.test_dashboard import page, post

RESTORED = "恢复过"


def _status_cell(html) -> str:
    return html.split("<dt>状态</dt>", 1)[1].split("</dd>", 1)[0]


def _withdrawn_then_restored(admin, planting_id):
    url = f"/admin/records/{planting_id}"
    post(admin, url, {"action": "withdraw", "reason": "重复报了"}, url)
    post(admin, url, {"action": "restore", "reason": "作废错了编号"}, url)
    return url


def test_a_restored_record_says_so_with_its_time_on_its_page_and_in_the_village_list(admin, bot, county):
    restored, untouched = county.plantings["far"], county.plantings["community"]
    village_url = f"/admin/villages/{county.villages['埔心村']}"
    assert RESTORED not in page(admin, f"/admin/records/{restored}")
    url = _withdrawn_then_restored(admin, restored)
    [row] = rows_of(bot, "SELECT created_at FROM record_corrections WHERE action = 'restore'")
    status = _status_cell(page(admin, url))
    assert f'<span class="tag restored">{RESTORED}</span>' in status
    when = clock.local(clock.from_db(row["created_at"]), bot.tz).strftime(clock.MINUTE_FORMAT)
    assert f'<small class="beside-tag">{when}</small>' in status
    assert RESTORED in _row_of(page(admin, village_url), restored)
    assert RESTORED not in _row_of(page(admin, village_url), county.plantings["tree"])  # never withdrawn
    assert RESTORED not in _status_cell(page(admin, f"/admin/records/{untouched}"))


def test_a_record_withdrawn_again_after_its_restore_says_only_withdrawn(admin, bot, county):
    planting_id = county.plantings["far"]
    url = _withdrawn_then_restored(admin, planting_id)
    post(admin, url, {"action": "withdraw", "reason": "还是重复了"}, url)
    assert RESTORED not in _status_cell(page(admin, url)) and "已作废" in _status_cell(page(admin, url))
    row = _row_of(page(admin, f"/admin/villages/{county.villages['埔心村']}"), planting_id)
    assert "已作废" in row and RESTORED not in row
    assert "恢复" in page(admin, url).split("<tbody>", 1)[1]  # the history keeps the restore


def test_the_plantings_export_has_when_a_record_was_restored_after_the_contracts_columns(admin, bot, county, app):
    restored = county.plantings["far"]
    _withdrawn_then_restored(admin, restored)
    exported = _sheet(app, "plantings")
    contract = "id, openid, person, village, species, count, area_mu, lat, lng, photo_sha256, status, flags, created_at"
    assert list(exported[0])[:13] == contract.split(", ")
    header = list(exported[0])
    assert header.index("restored_at") == header.index("recounted_at") + 1  # after the columns it had
    by_id = {e["id"]: e for e in exported}
    [row] = rows_of(bot, "SELECT created_at FROM record_corrections WHERE action = 'restore'")
    assert (by_id[restored]["status"], by_id[restored]["restored_at"]) == ("complete", row["created_at"])
    assert {e["restored_at"] for i, e in by_id.items() if i != restored} == {None}


def test_records_restored_before_the_column_are_filled_from_their_audit_rows(admin, bot, county):
    restored = county.plantings["far"]
    _withdrawn_then_restored(admin, restored)
    [row] = rows_of(bot, "SELECT created_at FROM record_corrections WHERE action = 'restore'")
    bot.db.execute("UPDATE plantings SET restored_at = NULL")  # as a database restored in round 77 was
    plantings_store.restored_from_audit(bot.db)
    filled = {r["id"]: r["restored_at"] for r in rows_of(bot, "SELECT id, restored_at FROM plantings")}
    assert filled.pop(restored) == row["created_at"] and set(filled.values()) == {None}
