"""Awards end to end on a seeded county (test_campaign's season: 埔心村 at 1.5 of 2 亩 is 滞后 in February and
连续两月滞后 in March; 石湖村 complete on time): `awards --period` writes the three candidate lists with their
figures, a village lagging two months in a row is never a candidate; the office marks and withdraws winners on the
dashboard (audited, exported, the winner gets a 荣誉证书 and a congratulation line); the office is reminded a week
before each award date.

Seed 002, 二(九): 6月底前评选一批先进……12月召开总结表彰大会，评选表彰年度“最美植绿集体”“最美植绿人”; 十: 对连续2个月
被通报进度不利的村(社区)，当年党组织绩效考核不得评为“良好”及以上等次.
"""

from __future__ import annotations

import re

import pytest
from openpyxl import load_workbook

from bot import cli, exports
from bot.db import transaction
from bot.store import adoption as adoption_store
from bot.store import followups as followups_store
from bot.store import roster as roster_store
from bot.store import visits as visits_store
from bot.store import zones as zones_store
from tests.conftest import needs_cjk_font
from tests.e2e.dashboard_seed import csrf_of, login
from tests.e2e.test_campaign import SHIHU, config, county, record, season  # noqa: F401 (fixtures)

MEMBER, MASSES, ADVISER, ADMIN = "o-shihu-member", "o-shihu-masses", "o-adviser", "o-office"


@pytest.fixture
def seeded(bot, season, county, villager_factory, standin, clock):
    """The season, and in 石湖村: a party member with 5 trees (one record checked alive) and 2 管护, a villager who
    adopted 2 trees, an adviser with a visit and an answered question, and the office's 管理员."""
    with transaction(bot.db):
        shihu = county["石湖村"]
        for openid, name, role in (
            (MEMBER, "李党员", "党员"),
            (MASSES, "张大妈", "群众"),
            (ADVISER, "王工", "技术顾问"),
            (ADMIN, "周主任", "管理员"),
        ):
            person_id = roster_store.insert_person(
                bot.db, {"name": name, "village_id": shihu, "role": role}, "2027-01-01T00:00:00"
            )
            roster_store.bind_openid(bot.db, person_id, openid, "2027-01-01T00:00:00", via="roster")
            bot.db["users"].insert({"openid": openid, "subscribed": 1, "reminders_off": 0}, replace=True)
        roster_store.set_adviser_villages(
            bot.db, roster_store.person_by_openid(bot.db, ADVISER)["id"], [county["埔心村"], shihu]
        )
    member = villager_factory(MEMBER)
    clock.set("2027-03-05T10:00")
    record(member, standin, "m-member-1", 11, "5棵荔枝", 23.201, 114.501)
    planting_id = next(bot.db.query("SELECT id FROM plantings WHERE openid = ?", [MEMBER]))["id"]
    masses = villager_factory(MASSES)
    masses.says("问专家 荔枝苗叶子卷了怎么办")
    clock.advance(hours=2)
    villager_factory(ADVISER).says("答 1 多浇水，遮阴几天")
    with transaction(bot.db):
        member_id = roster_store.person_by_openid(bot.db, MEMBER)["id"]
        followups_store.add_check(
            bot.db,
            planting_id=planting_id,
            due_days=30,
            result="alive",
            media_row_id=None,
            note=None,
            now="2027-03-20T02:00:00",
        )
        zone_id = zones_store.insert_zone(
            bot.db,
            village_id=shihu,
            name="党建林",
            lat=None,
            lng=None,
            radius_m=None,
            source="import",
            now="2027-03-01T00:00:00",
        )
        for day in ("2027-03-10T02:00:00", "2027-03-18T02:00:00"):
            zones_store.add_tending(
                bot.db,
                zone_id=zone_id,
                person_id=member_id,
                openid=MEMBER,
                media_row_id=None,
                lat=None,
                lng=None,
                inbox_id=None,
                now=day,
            )
        plot = next(bot.db.query("SELECT id FROM plantings WHERE village_id = ? AND kind = 'plot'", [shihu]))["id"]
        adoption_store.add(
            bot.db,
            planting_id=plot,
            village_id=shihu,
            trees=2,
            first_tree=1,
            person_id=roster_store.person_by_openid(bot.db, MASSES)["id"],
            openid=MASSES,
            created_by="chat",
            now="2027-03-12T02:00:00",
        )
        visits_store.add_visit(
            bot.db,
            adviser_person_id=roster_store.person_by_openid(bot.db, ADVISER)["id"],
            openid=ADVISER,
            village_id=shihu,
            lat=23.2,
            lng=114.5,
            distance_m=10.0,
            note="指导施肥",
            location_ok=True,
            inbox_id=None,
            now="2027-03-08T02:00:00",
        )
    return county


def sheet_rows(sheet) -> list[dict]:
    headers = [c.value for c in sheet[1]]
    return [dict(zip(headers, (c.value for c in row))) for row in sheet.iter_rows(min_row=2)]


def test_the_awards_workbook_lists_candidates_with_their_figures(bot, seeded, config_file, tmp_path, capsys):
    out = tmp_path / "awards.xlsx"
    assert cli.main(["--config", str(config_file), "awards", "--period", "2027-03", "--out", str(out)]) == 0
    assert "最美植绿集体候选1个（连续两月滞后不列入1个）" in capsys.readouterr().out
    workbook = load_workbook(out)
    assert workbook.sheetnames[:3] == ["最美植绿人", "最美植绿集体", "技术顾问"]

    people = sheet_rows(workbook["最美植绿人"])
    assert [(p["名次"], p["姓名"], p["核实棵数"]) for p in people] == [
        (1, "李党员", 5),
        (2, "陈书记", 3),
        (3, "张大妈", 0),
    ]
    assert (people[0]["成活率"], people[0]["成活核查记录"], people[0]["管护次数"]) == (1, 1, 2)
    assert people[2]["认养棵数"] == 2 and people[1]["成活率"] is None
    assert "王工" not in [p["姓名"] for p in people] and "周主任" not in [p["姓名"] for p in people]

    [village] = sheet_rows(workbook["最美植绿集体"])  # 埔心村: 连续两月滞后 in March, never a candidate
    assert (village["村（社区）"], village["按期完成节点"], village["完成率"], village["状态"]) == (
        "石湖村",
        "5/6",
        1,
        "滞后",
    )
    # no 认领 pledges are seeded: its 植树安排表 (schedules_due) is not met, so 滞后 this month, still a candidate
    notes = "\n".join(str(r[0].value) for r in workbook["说明"].iter_rows())
    assert "不列入最美植绿集体候选：埔心村" in notes

    [adviser] = sheet_rows(workbook["技术顾问"])
    assert (
        adviser["技术顾问"],
        adviser["下沉服务次数"],
        adviser["到过的村"],
        adviser["答复问题"],
        adviser["答复用时中位数（小时）"],
    ) == ("王工", 1, "1/2", 1, 2)
    assert workbook["最美植绿人"].freeze_panes == "C2" and workbook["最美植绿人"]["A1"].fill.fgColor.rgb.endswith(
        "2E7D32"
    )


def test_trees_a_secretary_logs_at_the_party_forest_are_not_his_own(
    app, bot, seeded, villager_factory, standin, clock, config_file, tmp_path, capsys
):
    """陈书记 logs the branch's planting day at the 主题林 through the chat (signed XML, photo, location): 30 trees
    of many hands. They count for 石湖村, not as his own trees for 最美植绿人 (shown apart, docs/awards.md)."""
    clock.set("2027-03-14T10:00")
    record(villager_factory(SHIHU), standin, "m-theme", 21, "主题林 30棵 桂花", 23.201, 114.501)
    logged = next(
        bot.db.query("SELECT kind, site, count, status FROM plantings WHERE openid = ? ORDER BY id DESC", [SHIHU])
    )
    assert logged == {"kind": "tree", "site": "主题林", "count": 30, "status": "complete"}
    out = tmp_path / "awards.xlsx"
    assert cli.main(["--config", str(config_file), "awards", "--period", "2027-03", "--out", str(out)]) == 0
    people = {p["姓名"]: p for p in sheet_rows(load_workbook(out)["最美植绿人"])}
    assert (people["陈书记"]["核实棵数"], people["陈书记"]["集体林登记棵数"]) == (3, 30)
    assert people["李党员"]["名次"] == 1 and people["李党员"]["集体林登记棵数"] == 0
    client = app.test_client()
    assert login(client, "admin").status_code == 302
    page = client.get("/admin/awards?period=2027-03").get_data(as_text=True)
    assert "另登记集体林30棵" in page and "不算登记人自己的" in page


def test_before_it_lagged_twice_the_village_is_a_candidate(bot, seeded, config_file, tmp_path, capsys):
    out = tmp_path / "feb.xlsx"
    assert cli.main(["--config", str(config_file), "awards", "--period", "2027-02", "--out", str(out)]) == 0
    names = [v["村（社区）"] for v in sheet_rows(load_workbook(out)["最美植绿集体"])]
    assert names == ["石湖村", "埔心村"]  # 滞后 once in February: still a candidate, ranked last


def test_a_period_outside_the_campaign_year_is_refused(bot, county, config_file, capsys):
    for period in ("2026-12", "2027-13", "六月"):
        assert cli.main(["--config", str(config_file), "awards", "--period", period]) == 2
        assert "YYYY-MM" in capsys.readouterr().err


@needs_cjk_font
def test_the_office_marks_and_withdraws_winners(app, bot, seeded, tick, sent_to, standin, clock):
    client = app.test_client()
    assert login(client, "admin").status_code == 302
    page = client.get("/admin/awards?period=2027-03").get_data(as_text=True)
    assert "李党员" in page and "石湖村" in page and "连续两月滞后，不列入候选：埔心村" in page
    token = csrf_of(page)
    member_id = roster_store.person_by_openid(bot.db, MEMBER)["id"]

    def mark(category, subject_id):
        return client.post(
            "/admin/awards/mark",
            data={"csrf_token": token, "period": "2027-03", "category": category, "subject_id": str(subject_id)},
            follow_redirects=True,
        )

    assert "已评定：李党员，最美植绿人" in mark("person", member_id).get_data(as_text=True)
    assert "已经评定过了" in mark("person", member_id).get_data(as_text=True)
    assert "不在这一期的候选名单里" in mark("collective", seeded["埔心村"]).get_data(as_text=True)
    assert "已评定：石湖村，最美植绿集体" in mark("collective", seeded["石湖村"]).get_data(as_text=True)
    clock.advance(minutes=1)
    tick()
    [line] = [t for t in sent_to(MEMBER) if "荣誉证书" in t]
    assert "恭喜李党员被评为“最美植绿人”" in line and "/cert/" in line
    assert any("恭喜石湖村被评为“最美植绿集体”" in t for t in sent_to(SHIHU))  # its 村书记
    assert [m for m in standin.messages_to(MEMBER) if m.get("msgtype") == "image"]

    header, data = exports.rows(bot, "awards")
    decided = [dict(zip(header, row)) for row in data]
    assert [(d["category"], d["name"], d["status"], d["decided_by"]) for d in decided] == [
        ("person", "李党员", "awarded", "admin"),
        ("collective", "石湖村", "awarded", "admin"),
    ]
    assert '"trees": 5' in decided[0]["figures"] and '"tending": 2' in decided[0]["figures"]

    award_id = decided[0]["id"]
    page = client.get("/admin/awards?period=2027-03").get_data(as_text=True)
    assert (
        client.post(
            f"/admin/awards/{award_id}/withdraw", data={"csrf_token": csrf_of(page), "period": "2027-03", "reason": ""}
        ).status_code
        == 302
    )
    assert next(bot.db.query("SELECT status FROM awards WHERE id = ?", [award_id]))["status"] == "awarded"
    client.post(
        f"/admin/awards/{award_id}/withdraw",
        data={"csrf_token": csrf_of(page), "period": "2027-03", "reason": "记录有误"},
    )
    row = next(bot.db.query("SELECT * FROM awards WHERE id = ?", [award_id]))
    assert (row["status"], row["withdrawn_by"], row["withdrawn_reason"]) == ("withdrawn", "admin", "记录有误")
    cert_token = re.search(r"/cert/([A-Za-z0-9_-]{32})", line).group(1)
    assert "已撤销" in client.get(f"/cert/{cert_token}").get_data(as_text=True)
    assert client.get("/admin/awards.xlsx?period=2027-03").status_code == 200
    assert client.get("/admin/awards?period=2026-06").status_code == 400


def test_the_office_is_reminded_a_week_before_each_award_date(bot, seeded, tick, sent_to, app):
    tick("2027-06-22T10:00")
    assert not [t for t in sent_to(ADMIN) if "评选表彰" in t]
    tick("2027-06-23T10:00")
    [reminder] = [t for t in sent_to(ADMIN) if "评选表彰" in t]
    assert (
        "6月30日是评选表彰的日子（评选第一批先进），还有7天" in reminder and "/admin/awards?period=2027-06" in reminder
    )
    tick("2027-06-24T10:00")
    assert len([t for t in sent_to(ADMIN) if "评选表彰" in t]) == 1
    tick("2027-12-27T10:00")
    assert "12月31日是评选表彰的日子（年度总结表彰）" in sent_to(ADMIN)[-1]


def test_without_a_bound_office_the_awards_page_says_so(app, bot, county, clock):
    clock.set("2027-06-25T10:00")
    client = app.test_client()
    login(client, "admin")
    page = client.get("/admin/awards").get_data(as_text=True)
    assert "6月30日是评选表彰的日子（还有5天）" in page and "没有绑定微信的管理员" in page
    assert 'value="2027-06" selected' in page
