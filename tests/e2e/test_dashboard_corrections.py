"""Round 75: a record's page on the dashboard (/admin/records/<id>): the office withdraws or recounts any record, a
village's cadre login its village's records (403 on another's), advisers never; a reason is required, CSRF as every
POST; a double POST changes nothing twice; the sender is told once per correction; the village page links each record
to it for the logins that may correct."""

from __future__ import annotations

import json

import pytest

from bot.dashboard import snapshot
from tests.e2e.dashboard_seed import add_cadre_login, admin, county, login, wang  # noqa: F401 (fixtures)
from tests.e2e.test_dashboard import page, post


def _record(bot, planting_id):
    return next(bot.db.query("SELECT * FROM plantings WHERE id = ?", [planting_id]))


def _audit(bot, planting_id):
    return list(bot.db.query("SELECT * FROM record_corrections WHERE planting_id = ? ORDER BY id", [planting_id]))


def _county_trees(bot) -> int:
    return sum(v.trees + v.pending_trees for v in snapshot.county(bot).villages)


def _notices(bot, openid):
    return [r["text"] for r in bot.db.query("SELECT text FROM outbox WHERE openid = ? AND kind = 'notice'", [openid])]


@pytest.fixture
def lin(app, bot, county):
    """林书记's cadre login (埔心村)."""
    add_cadre_login(bot.db, "lin", "林书记")
    client = app.test_client()
    assert login(client, "lin").status_code == 302
    return client


def test_the_record_page_shows_the_record_and_a_form(admin, county):
    html = page(admin, f"/admin/records/{county.plantings['tree']}")
    assert "种树记录 #" in html and "陈大伯" in html and "埔心村" in html and "3棵" in html
    assert "dashboard/photos" in html or "/thumb" in html or "<img" in html
    assert 'name="reason"' in html and 'value="withdraw"' in html and "没有更正过" in html


def test_the_office_withdraws_with_a_reason_and_a_double_post_does_nothing_twice(admin, bot, county):
    planting_id = county.plantings["tree"]
    url = f"/admin/records/{planting_id}"
    before = _county_trees(bot)  # the snapshot the overview serves, computed now
    response = post(admin, url, {"action": "withdraw", "reason": "重复报了"}, url)
    assert response.status_code == 302
    assert _record(bot, planting_id)["status"] == "withdrawn"
    again = post(admin, url, {"action": "withdraw", "reason": "重复报了"}, url)
    assert again.status_code == 302
    assert "已经作废了" in page(admin, url)
    [audit] = _audit(bot, planting_id)
    assert (audit["action"], audit["reason"], audit["by_login"], audit["channel"]) == (
        "withdraw",
        "重复报了",
        "admin",
        "dashboard",
    )
    assert json.loads(audit["before"])["status"] == "complete"
    assert _notices(bot, "o-陈大伯") == [
        f"您的第{planting_id}号记录（3棵桂花）已由镇里办公室作废，不再计入进度。原因：重复报了"
    ]
    assert _county_trees(bot) == before - 3  # the overview's snapshot was dropped, not served stale
    history = page(admin, url)
    assert "重复报了" in history and "admin" in history


def test_a_cadre_recounts_a_record_of_their_village(lin, bot, county):
    planting_id = county.plantings["tree"]
    url = f"/admin/records/{planting_id}"
    village = page(lin, f"/admin/villages/{county.villages['埔心村']}")
    assert f'href="/admin/records/{planting_id}"' in village
    response = post(lin, url, {"action": "recount", "count": "5", "reason": "现场数过是5棵"}, url)
    assert response.status_code == 302
    record = _record(bot, planting_id)
    assert (record["count"], record["recounted_from"]) == (5, "3棵桂花")
    post(lin, url, {"action": "recount", "count": "5", "reason": "现场数过是5棵"}, url)  # the same again
    assert len(_audit(bot, planting_id)) == 1
    assert _notices(bot, "o-陈大伯") == [
        f"您的第{planting_id}号记录（3棵桂花）已由村干部更正为5棵桂花。原因：现场数过是5棵"
    ]


def test_a_cadre_login_is_refused_another_villages_record(lin, county):
    planting_id = county.plantings["community"]
    assert lin.get(f"/admin/records/{planting_id}").status_code == 403
    token_from = f"/admin/records/{county.plantings['tree']}"
    response = post(lin, f"/admin/records/{planting_id}", {"action": "withdraw", "reason": "x"}, token_from)
    assert response.status_code == 403


def test_an_adviser_is_refused(wang, county):
    assert wang.get(f"/admin/records/{county.plantings['tree']}").status_code == 403
    village = wang.get(f"/admin/villages/{county.villages['埔心村']}").get_data(as_text=True)
    assert "/admin/records/" not in village  # no link for a login that may not correct


def test_a_missing_reason_is_refused(admin, bot, county):
    planting_id = county.plantings["tree"]
    url = f"/admin/records/{planting_id}"
    post(admin, url, {"action": "withdraw", "reason": "  "}, url)
    assert "请写原因" in page(admin, url)
    assert _record(bot, planting_id)["status"] == "complete" and _audit(bot, planting_id) == []


def test_a_post_without_csrf_is_400(admin, bot, county):
    planting_id = county.plantings["tree"]
    response = admin.post(f"/admin/records/{planting_id}", data={"action": "withdraw", "reason": "重复"})
    assert response.status_code == 400
    assert _record(bot, planting_id)["status"] == "complete"


def test_a_rejected_record_is_said_so_and_not_corrected(admin, bot, county):
    planting_id = county.plantings["far"]
    url = "/admin/review"
    post(admin, f"/admin/review/{planting_id}", {"decision": "reject", "reason": "位置不对"}, url)
    html = page(admin, f"/admin/records/{planting_id}")
    assert "审核时已驳回" in html and 'value="withdraw"' not in html
    post(admin, f"/admin/records/{planting_id}", {"action": "withdraw", "reason": "x"}, f"/admin/records/{planting_id}")
    assert _record(bot, planting_id)["status"] == "complete" and _audit(bot, planting_id) == []


def test_the_village_page_lists_withdrawn_and_corrected_records_and_a_withdrawn_one_says_how_to_report_again(
    admin, bot, county
):
    """Round 76: a record withdrawn had left the village's list (only complete ones were listed): it stays, 已作废,
    linked to its page, which says it is not restored and how the trees are reported again; a recounted one is 改过."""
    withdrawn, recounted = county.plantings["tree"], county.plantings["far"]
    post(
        admin,
        f"/admin/records/{withdrawn}",
        {"action": "withdraw", "reason": "重复报了"},
        f"/admin/records/{withdrawn}",
    )
    post(
        admin,
        f"/admin/records/{recounted}",
        {"action": "recount", "count": "1", "reason": "现场数过"},
        f"/admin/records/{recounted}",
    )
    village = page(admin, f"/admin/villages/{county.villages['埔心村']}")
    rows = {row.split('">#', 1)[1].split("<", 1)[0]: row for row in village.split("<tr")[1:] if '">#' in row}
    assert "已作废" in rows[str(withdrawn)] and f'href="/admin/records/{withdrawn}"' in rows[str(withdrawn)]
    assert "改过" in rows[str(recounted)] and "已作废" not in rows[str(recounted)]
    assert "重新发照片和棵数再报一次" in page(admin, f"/admin/records/{withdrawn}")
    assert "重新发照片和棵数再报一次" not in page(admin, f"/admin/records/{recounted}")
