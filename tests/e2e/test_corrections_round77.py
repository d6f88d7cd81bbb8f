"""Round 77 (corrections, round three): a withdrawn record restored (恢复记录 12 [原因] in the chat, after a confirmation;
恢复 on the dashboard's record page), audited and told, counted again and never twice; the office's 帮助 names the
record commands; the dashboard's flash says what happened; a 代种 record's household on WeChat told too; the export
and the record page read one table of labels. Through signed pushes and the dashboard's client, a real database."""

from __future__ import annotations

import io
import json

import pytest
from openpyxl import load_workbook

from bot import progress
from bot.dashboard import snapshot
from bot.db import transaction
from bot.store import users as users_store
from tests.conftest import delivered_texts, rows_of, to_db
from tests.corrections_helpers import (  # noqa: F401 (fixtures: round 75's 埔心村 morning)
    _a_march_morning,
    _audit,
    _entered_for_chen,
    _finished,
    _notices,
    _office,
    _record,
    _record_of_another_village,
    _sheet,
    _withdrawn_by,
    _withdrawn_by_its_sender,
    puxin,
)
from tests.e2e.dashboard_seed import admin, county, login, wang  # noqa: F401 (fixtures)
from tests.e2e.test_dashboard import page, post
from tests.e2e.test_dashboard_corrections import lin  # noqa: F401 (fixture: 林书记's cadre login)
from tests.e2e.test_planting import photo


def _trees(bot, village_id) -> int:
    now = progress.village_progress(bot.db, bot.config, village_id)
    return now.trees + now.pending_trees


# -- 1. the chat: 恢复记录 ------------------------------------------------------------------------------------------
def test_a_cadre_restores_a_record_withdrawn_by_mistake_and_it_counts_again(puxin, bot, tick, standin):
    villager, cadre, planting_id = puxin
    village_id = _record(bot, planting_id)["village_id"]
    counted = _trees(bot, village_id)
    _withdrawn_by(cadre, planting_id)
    assert _trees(bot, village_id) == counted - 2
    asked = cadre.says(f"恢复记录 {planting_id} 作废错了编号")
    assert f"第{planting_id}号记录：陈大伯报的2棵荔枝" in asked and "已作废" in asked
    assert "要恢复这条记录" in asked and "原因：作废错了编号" in asked and "确定" in asked
    assert _record(bot, planting_id)["status"] == "withdrawn"  # nothing before the yes
    done = cadre.says("确定")
    assert f"第{planting_id}号记录（2棵荔枝）已恢复，重新计入进度。已通知陈大伯。" == done.strip()
    record = _record(bot, planting_id)
    assert (record["status"], record["withdrawn_at"], record["count"]) == ("complete", None, 2)
    assert _trees(bot, village_id) == counted
    assert [(a["action"], a["reason"], a["channel"]) for a in _audit(bot, planting_id)] == [
        ("withdraw", "重复报了", "chat"),
        ("restore", "作废错了编号", "chat"),
    ]
    restore = _audit(bot, planting_id)[1]
    assert json.loads(restore["before"])["status"] == "withdrawn" and json.loads(restore["after"])["status"] == (
        "complete"
    )
    restored = f"您的第{planting_id}号记录（2棵荔枝）已由村干部恢复，重新计入进度。原因：作废错了编号"
    assert _notices(bot, "o-chen")[-1] == restored
    tick()
    assert restored in delivered_texts(standin, "o-chen")


def test_restoring_a_record_that_counts_is_said_so_and_never_counts_it_twice(puxin, bot):
    _villager, cadre, planting_id = puxin
    village_id = _record(bot, planting_id)["village_id"]
    counted = _trees(bot, village_id)
    reply = cadre.says(f"恢复记录 {planting_id}")
    assert f"第{planting_id}号记录（2棵荔枝）没有作废，照常计入进度，不用恢复。" == reply.strip()
    assert _trees(bot, village_id) == counted and _audit(bot) == []
    _withdrawn_by(cadre, planting_id)
    cadre.says(f"恢复记录 {planting_id}")
    assert "已恢复" in cadre.says("确定 编号弄错了")
    again = cadre.says(f"恢复记录 {planting_id} 再恢复一次")  # restored already
    assert "没有作废" in again and _trees(bot, village_id) == counted
    assert [a["action"] for a in _audit(bot, planting_id)] == ["withdraw", "restore"]
    assert _audit(bot, planting_id)[1]["reason"] == "编号弄错了"


def test_confirm_asked_then_cancelled_leaves_it_withdrawn(puxin, bot):
    _villager, cadre, planting_id = puxin
    _withdrawn_by(cadre, planting_id)
    assert "要恢复这条记录" in cadre.says(f"恢复记录 {planting_id} 作废错了")
    cadre.says("取消")
    assert _record(bot, planting_id)["status"] == "withdrawn"
    assert [a["action"] for a in _audit(bot, planting_id)] == ["withdraw"]
    assert len(_notices(bot, "o-chen")) == 1  # the withdrawal's only


def test_a_record_its_sender_withdrew_is_restored_by_the_village_and_the_office_restores_any_village(
    person, bot, standin, clock
):
    """A record its sender withdrew in their own window (作废 → 确定作废) is the village's to restore too; the office
    restores it in the chat as the office."""
    villager = person("o-chen", "陈大伯")
    cadre = person("o-lin", "林书记", "村书记")
    office = person("o-office", "刘主任", "管理员")
    planting_id = _withdrawn_by_its_sender(bot, standin, clock, villager)
    assert _record(bot, planting_id)["status"] == "withdrawn" and _audit(bot) == []
    clock.advance(hours=2)
    asked = office.says(f"恢复记录 {planting_id}")
    assert "要恢复这条记录" in asked and "原因：镇里办公室核实更正" in asked
    assert "已恢复" in office.says("确定")
    assert _record(bot, planting_id)["status"] == "complete"
    [audit] = _audit(bot, planting_id)
    assert (audit["action"], audit["by_openid"]) == ("restore", "o-office")
    assert _notices(bot, "o-chen") == [
        f"您的第{planting_id}号记录（2棵荔枝）已由镇里办公室恢复，重新计入进度。原因：镇里办公室核实更正"
    ]
    assert "没有作废" in cadre.says(f"恢复记录 {planting_id}")


def test_a_withdrawn_record_whose_trees_were_reported_again_is_not_restored(person, bot, standin, clock, app, tick):
    """Its sender withdrew it and sent the same photo again with the right count (as the late replies ask): restoring
    the first would count the trees twice, so the chat and the record page say so and change nothing."""
    villager = person("o-chen", "陈大伯")
    cadre = person("o-lin", "林书记", "村书记")
    first = _withdrawn_by_its_sender(bot, standin, clock, villager)
    standin.add_media("m-2", photo(1))  # the same photo's bytes, sent again
    villager.says("3棵荔枝")
    villager.sends_photo("m-2")
    clock.advance(hours=2)
    tick()  # the photos fetched and hashed
    assert len({r["sha256"] for r in rows_of(bot, "SELECT sha256 FROM planting_photos")}) == 1
    again = rows_of(bot, "SELECT id FROM plantings WHERE openid = 'o-chen' ORDER BY id DESC")[0]["id"]
    assert again != first and _record(bot, again)["status"] == "complete"
    reply = cadre.says(f"恢复记录 {first} 作废错了")
    assert reply.strip() == (
        f"第{first}号记录（2棵荔枝）的照片已在第{again}号记录里重新报过，再恢复会重复计算，没有恢复。"
    )
    url = f"/admin/records/{first}"
    office = _office(app)
    html = page(office, url)
    assert f"已在记录 #{again} 里重新报过" in html and 'value="restore"' not in html
    post(office, url, {"action": "restore", "reason": "作废错了"}, url)
    assert _record(bot, first)["status"] == "withdrawn" and _audit(bot) == []


def test_a_withdrawn_record_with_another_photo_sent_later_is_restored(person, bot, standin, clock):
    """Control: a later record with another photo is no reason to refuse."""
    villager = person("o-chen", "陈大伯")
    cadre = person("o-lin", "林书记", "村书记")
    first = _withdrawn_by_its_sender(bot, standin, clock, villager)
    _finished(bot, standin, clock, villager, "3棵龙眼", media="m-2")
    clock.advance(hours=2)
    assert "要恢复这条记录" in cadre.says(f"恢复记录 {first}")
    assert "已恢复" in cadre.says("确定")
    assert _record(bot, first)["status"] == "complete"


def test_another_villages_record_and_a_villagers_words_restore_nothing(puxin, bot, clock, person):
    """The cadre is refused another village's record; controls: a villager's and an adviser's 恢复记录 change nothing
    (their old answers: not understood, the record's how-to)."""

    villager, cadre, planting_id = puxin
    other = _record_of_another_village(bot, clock)
    with transaction(bot.db):
        bot.db.execute(
            "UPDATE plantings SET status = 'withdrawn', withdrawn_at = ? WHERE id = ?", [to_db(clock()), other]
        )
    assert "不是本村的" in cadre.says(f"恢复记录 {other} 作废错了")
    _withdrawn_by(cadre, planting_id)
    for who in (villager, person("o-adviser", "黄专家", "技术顾问")):
        reply = who.says(f"恢复记录 {planting_id} 作废错了")
        assert "要恢复这条记录" not in reply
        who.says("确定")
    assert _record(bot, planting_id)["status"] == "withdrawn" and _record(bot, other)["status"] == "withdrawn"
    assert [a["action"] for a in _audit(bot)] == ["withdraw"]


def test_a_cadres_own_record_withdrawn_goes_to_the_office(person, bot, standin, clock):
    """Control: a cadre's own trees stay theirs (round 76): their own withdrawn record is restored by the office."""
    wang_ = person("o-wang", "王干部", "村干部")
    planting_id = _withdrawn_by_its_sender(bot, standin, clock, wang_)
    clock.advance(hours=2)
    assert "要恢复请找镇里办公室" in wang_.says(f"恢复记录 {planting_id}")
    assert _record(bot, planting_id)["status"] == "withdrawn" and _audit(bot) == []


# -- 2. the office's help ------------------------------------------------------------------------------------------
def test_the_offices_help_names_the_record_commands_and_a_villagers_does_not(person, bot):
    office = person("o-office", "刘主任", "管理员").says("帮助")
    assert "更正记录 12 3棵" in office and "作废记录 12" in office and "恢复记录 12" in office
    assert "恢复记录 12" in person("o-lin", "林书记", "村书记").says("帮助")
    for role in ("群众", "党员"):
        villager = person(f"o-{role}", "李四" + role, role).says("帮助")
        assert "更正记录" not in villager and "作废记录" not in villager and "恢复记录" not in villager


# -- 4. a 代种 record's household on WeChat, told too ------------------------------------------------------------
@pytest.fixture
def entered_for_chen(person, bot, standin, clock):
    """埔心村: 陈大伯 follows the account (bound); 王干部 entered 2棵荔枝 for him (代种) two hours ago; 林书记."""
    person("o-chen", "陈大伯")
    return _entered_for_chen(person, bot, standin, clock)


def test_the_household_on_wechat_is_told_besides_the_cadre_who_entered_it(entered_for_chen, bot):
    _wang, lin, planting_id = entered_for_chen
    lin.says(f"更正记录 {planting_id} 3棵 数错了")
    assert "已通知代报的王干部和陈大伯。" in lin.says("确定")
    assert _notices(bot, "o-wang") == [
        f"您为陈大伯代报的第{planting_id}号记录（2棵荔枝）已由村干部更正为3棵荔枝。原因：数错了"
    ]
    assert _notices(bot, "o-chen") == [
        f"王干部为您代报的第{planting_id}号记录（2棵荔枝）已由村干部更正为3棵荔枝。原因：数错了"
    ]


def test_the_household_is_told_when_the_cadre_who_entered_it_withdraws_it(entered_for_chen, bot):
    wang_, _lin, planting_id = entered_for_chen
    wang_.says(f"作废记录 {planting_id} 重复报了")
    assert "已通知陈大伯。" in wang_.says("确定")
    assert _notices(bot, "o-wang") == []
    assert _notices(bot, "o-chen") == [
        f"王干部为您代报的第{planting_id}号记录（2棵荔枝）已由村干部作废，不再计入进度。原因：重复报了"
    ]


def test_a_household_not_on_wechat_or_unsubscribed_is_not_told(entered_for_chen, bot, clock):
    _wang, lin, planting_id = entered_for_chen
    with transaction(bot.db):
        users_store.set_subscribed(bot.db, "o-chen", False, to_db(clock()))
    lin.says(f"作废记录 {planting_id} 重复报了")
    done = lin.says("确定")
    assert "已通知代报的王干部。" in done and "陈大伯" not in done.split("已通知")[1]
    assert _notices(bot, "o-chen") == [] and len(_notices(bot, "o-wang")) == 1


def test_a_household_with_no_wechat_is_not_told(person, bot, standin, clock):
    """Round 76's case: the household entered by name only (no openid): the cadre who entered it only."""
    _wang, lin, planting_id = _entered_for_chen(person, bot, standin, clock)
    lin.says(f"作废记录 {planting_id} 重复报了")
    assert lin.says("确定").strip().endswith("已通知代报的王干部。")
    openids = {r["openid"] for r in rows_of(bot, "SELECT openid FROM outbox WHERE kind = 'notice'")}
    assert openids == {"o-wang"}


# -- 1, 3, 5. the dashboard: 恢复, the flash says what happened, one table of labels ----------------------------------
def _county_trees(bot) -> int:
    return sum(v.trees + v.pending_trees for v in snapshot.county(bot).villages)


def _row_of(html, planting_id):
    rows = {row.split('">#', 1)[1].split("<", 1)[0]: row for row in html.split("<tr")[1:] if '">#' in row}
    return rows[str(planting_id)]


def _flash(html) -> str:
    return html.split('class="flash ok">', 1)[1].split("<", 1)[0] if 'class="flash ok">' in html else ""


def test_the_office_withdraws_then_restores_on_the_record_page_and_the_village_counts_it_again(admin, bot, county):
    planting_id = county.plantings["far"]  # "tree"'s photo is in "dup" too: below
    url = f"/admin/records/{planting_id}"
    counted = _county_trees(bot)
    assert 'value="restore"' not in page(admin, url)  # a record that counts: no 恢复
    post(admin, url, {"action": "withdraw", "reason": "重复报了"}, url)
    html = page(admin, url)
    assert _flash(html) == f"记录 #{planting_id} 已作废，不再计入进度，已通知报的人。"
    assert 'value="restore"' in html and "作废错了编号的" in html and _county_trees(bot) == counted - 2
    village_url = f"/admin/villages/{county.villages['埔心村']}"
    assert "已作废" in _row_of(page(admin, village_url), planting_id)
    post(admin, url, {"action": "restore", "reason": "作废错了编号"}, url)
    html = page(admin, url)
    assert _flash(html) == f"记录 #{planting_id} 已恢复，重新计入进度，已通知报的人。"
    assert 'value="withdraw"' in html and 'value="restore"' not in html
    assert "恢复" in html and "作废错了编号" in html  # the history's row
    assert _record_row(bot, planting_id)["status"] == "complete"
    assert _county_trees(bot) == counted  # the snapshot dropped: counted again at once
    assert "已作废" not in _row_of(page(admin, village_url), planting_id)
    [withdraw, restore] = rows_of(
        bot, "SELECT * FROM record_corrections WHERE planting_id = ? ORDER BY id", [planting_id]
    )
    assert (restore["action"], restore["by_login"], restore["channel"]) == ("restore", "admin", "dashboard")
    assert _notices(bot, "o-陈大伯")[-1] == (
        f"您的第{planting_id}号记录（2棵桂花）已由镇里办公室恢复，重新计入进度。原因：作废错了编号"
    )
    post(admin, url, {"action": "restore", "reason": "再来一次"}, url)  # a double POST: not twice
    assert "没有作废，照常计入进度" in page(admin, url)
    assert len(rows_of(bot, "SELECT id FROM record_corrections WHERE planting_id = ?", [planting_id])) == 2
    assert _county_trees(bot) == counted


def test_the_seeds_record_whose_photo_a_later_record_holds_is_not_restored(admin, bot, county):
    """The county's "dup" record holds "tree"'s photo (flagged 重复照片, waiting for review): "tree" withdrawn, its page
    says the photo is in that record and offers no 恢复."""
    withdrawn, holder = county.plantings["tree"], county.plantings["dup"]
    url = f"/admin/records/{withdrawn}"
    post(admin, url, {"action": "withdraw", "reason": "重复报了"}, url)
    html = page(admin, url)
    assert f"记录 #{withdrawn} 的照片已在记录 #{holder} 里重新报过" in html and 'value="restore"' not in html
    post(admin, url, {"action": "restore", "reason": "作废错了"}, url)
    assert "再恢复会重复计算，没有恢复" in page(admin, url)
    assert _record_row(bot, withdrawn)["status"] == "withdrawn"


def _record_row(bot, planting_id):
    return rows_of(bot, "SELECT * FROM plantings WHERE id = ?", [planting_id])[0]


def test_a_cadre_login_restores_its_villages_record_and_the_flash_says_the_new_count(admin, lin, bot, county):
    planting_id = county.plantings["far"]
    url = f"/admin/records/{planting_id}"
    post(lin, url, {"action": "recount", "count": "5", "reason": "现场数过是5棵"}, url)
    assert _flash(page(lin, url)) == f"记录 #{planting_id} 已改为5棵，已通知报的人。"
    post(lin, url, {"action": "withdraw", "reason": "重复报了"}, url)
    post(lin, url, {"action": "restore", "reason": "  "}, url)  # a reason is required
    assert "请写原因" in page(lin, url) and _record_row(bot, planting_id)["status"] == "withdrawn"
    post(lin, url, {"action": "restore", "reason": "作废错了"}, url)
    assert "已恢复" in _flash(page(lin, url))
    assert (_record_row(bot, planting_id)["status"], _record_row(bot, planting_id)["count"]) == ("complete", 5)


def test_restore_is_refused_to_another_village_an_adviser_and_a_post_without_csrf(admin, lin, wang, bot, county):
    other = county.plantings["community"]
    post(admin, f"/admin/records/{other}", {"action": "withdraw", "reason": "x"}, f"/admin/records/{other}")
    token_from = f"/admin/records/{county.plantings['tree']}"
    assert post(lin, f"/admin/records/{other}", {"action": "restore", "reason": "x"}, token_from).status_code == 403
    assert wang.get(f"/admin/records/{other}").status_code == 403
    assert admin.post(f"/admin/records/{other}", data={"action": "restore", "reason": "x"}).status_code == 400
    assert _record_row(bot, other)["status"] == "withdrawn"


def test_the_export_and_the_record_page_read_one_table_of_labels(puxin, bot, app):
    _villager, cadre, planting_id = puxin
    cadre.says(f"更正记录 {planting_id} 3棵 数错了")
    cadre.says("确定")
    _withdrawn_by(cadre, planting_id)
    cadre.says(f"恢复记录 {planting_id} 作废错了")
    cadre.says("确定")
    exported = _sheet(app, "record_corrections")
    assert [(e["action"], e["action_label"], e["channel_label"]) for e in exported] == [
        ("recount", "更正", "微信"),
        ("withdraw", "作废", "微信"),
        ("restore", "恢复", "微信"),
    ]
    client = app.test_client()
    assert login(client, "office").status_code == 302  # the login _sheet added
    html = page(client, f"/admin/records/{planting_id}")
    history = html.split("<tbody>", 1)[1]
    for label in ("更正", "作废", "恢复", "林书记（微信）"):
        assert label in history
    assert bot.t("corrections.actions.withdraw") in html.split("<tbody>", 1)[0]  # the 作废 button's word
