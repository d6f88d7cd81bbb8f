"""Round sim64 (a clock moved back over a ticket, a month's end on the rehearsal clock, an adviser on the phone,
pledges and planting days), through the real webhook with signed XML."""

from __future__ import annotations

import re

import pytest

from tests.conftest import rows_of
from tests.e2e.dashboard_seed import login
from tests.e2e.test_campaign import PUXIN, SHIHU, confirm_demo_sites, county, season  # noqa: F401 (fixtures)
from tests.e2e.test_conversation_probes import cases_of, probe  # noqa: F401 (probe: fixture)
from tests.e2e.test_escalation import LI, add_roster, ticket_number


def test_a_clock_moved_back_never_lets_a_later_ticket_take_a_补充(villager, bot):
    """A rehearsal's BOT_NOW moved back an hour found the question asked at the later moment open for its 补充:
    '去年施过两次鸡粪' joined a ticket not yet asked. A ticket asked after now takes nothing, as a flow entered after
    now (sim63)."""
    add_roster(bot)
    bot.clock.set("2027-03-15T11:00")
    number = ticket_number(villager.says("问专家 我家龙眼树结果很少是什么原因"))
    bot.clock.set("2027-03-15T10:00")
    reply = villager.says("去年施过两次鸡粪")
    assert "补充到第" not in reply, reply
    assert rows_of(bot, "SELECT * FROM ticket_attachments WHERE ticket_id = ?", [number]) == []
    bot.clock.set("2027-03-15T11:05")  # back on its own hour, the ticket takes its 补充 again
    assert f"补充到第{number}号" in villager.says("去年施过两次鸡粪")


def test_a_clock_moved_back_never_reopens_an_answer_not_yet_given(villager, villager_factory, bot):
    """Likewise an answer: given at 11:00, a rehearsal moved back to 10:00 found it there to reopen, and the
    villager's '停水以后叶子还是一直往下掉' reopened a ticket whose answer was still to come."""
    add_roster(bot)
    bot.clock.set("2027-03-15T09:00")
    number = ticket_number(villager.says("问专家 我家桂花叶子黄了掉叶子"))
    bot.clock.set("2027-03-15T11:00")
    villager_factory(LI).says(f"答 {number} 先停水一周。")
    bot.clock.set("2027-03-15T10:00")
    villager.says("停水以后叶子还是一直往下掉")
    (row,) = rows_of(bot, "SELECT status, reopened_count FROM tickets WHERE id = ?", [number])
    assert row["reopened_count"] == 0, row


def test_a_demo_cut_short_numbers_its_records_and_questions_as_they_came(bot, clock, capsys):
    """`BOT_NOW=2027-03-05T09:00 run.py demo` left gaps in the record numbers (the later ones left out: 第3号, 第9号
    …), numbered records village by village (第10号 made before 第2号), had half its 与早先的记录照片相同 name a record
    made later, left four in ten questions open for weeks, and called its advisers 林刚海工. Now records and questions run 1, 2, 3 … in the order they came, a
    repeated photo names an earlier record, and an adviser has a name (the guide's 王工 aside)."""
    from types import SimpleNamespace

    from bot import demo

    clock.set("2027-03-05T09:00")
    assert demo.cmd_demo(SimpleNamespace(scale=1), bot) == 0
    capsys.readouterr()
    for table in ("plantings", "tickets"):
        ids = [row["id"] for row in rows_of(bot, f"SELECT id FROM {table} ORDER BY created_at, id")]
        assert ids == list(range(1, len(ids) + 1)), table
    (orphans,) = rows_of(
        bot,
        "SELECT (SELECT COUNT(*) FROM planting_photos WHERE planting_id NOT IN (SELECT id FROM plantings))"
        " + (SELECT COUNT(*) FROM survival_checks WHERE planting_id NOT IN (SELECT id FROM plantings)) AS n",
    )
    assert orphans["n"] == 0
    duplicates = rows_of(
        bot,
        "SELECT p.id, p.created_at, r.created_at AS ref_at FROM plantings p"
        " JOIN plantings r ON r.id = json_extract(p.flag_details, '$.duplicate_photo.ref')",
    )
    assert duplicates and all(d["ref_at"] <= d["created_at"] and d["id"] > 0 for d in duplicates)
    answers = rows_of(bot, "SELECT t.id, o.text FROM outbox o JOIN tickets t ON o.dedupe_key = 'answer:' || t.id")
    assert answers and all(f"（{a['id']}号）" in a["text"] for a in answers)
    # the advisers answer: few questions older than three days still wait (four in ten did, weeks overdue)
    (waiting,) = rows_of(
        bot,
        "SELECT COUNT(*) AS total, SUM(status = 'open' AND created_at < '2027-03-02T01:00:00') AS overdue FROM tickets",
    )
    assert 0 < waiting["overdue"] <= 0.15 * waiting["total"], waiting
    advisers = [row["name"] for row in rows_of(bot, "SELECT name FROM people WHERE role = '技术顾问' ORDER BY id")]
    assert advisers[0] == "王工" and not any(name.endswith("工") for name in advisers[1:]), advisers


def _undelivered(page: str) -> str:
    found = re.search(r'<details class="card undelivered".*?</details>', page, re.S)
    return found.group(0) if found else ""


def test_the_office_sees_which_secretaries_have_not_got_the_months_line(
    app, bot, season, tick, standin, sent_to, villager_factory
):  # noqa: F811
    """A month's end on the rehearsal clock, as seed 002's 通报 runs: on 1 March February's is made and each 村书记's
    line queued. Neither secretary had written since mid-February (outside WeChat's 48 hours, no template): both
    lines were held, and /admin/reports said 发到微信 2条. It now says 0/2条已送达 and names who waits; a secretary
    who writes gets the line once, a 5xx is retried and the line sent once, and the page then has nothing undelivered."""
    tick("2027-03-01T09:00")
    assert [
        r["status"] for r in rows_of(bot, "SELECT status FROM outbox WHERE dedupe_key LIKE 'report:2027-02:%'")
    ] == [
        "held",
        "held",
    ]
    client = app.test_client()
    assert login(client, "admin").status_code == 302
    page = client.get("/admin/reports").get_data(as_text=True)
    assert '<td data-label="发到微信">0/2条已送达</td>' in page, page
    waiting = _undelivered(page)
    assert "2027-02 未送达（2条）" in waiting
    assert "埔心村 王书记：等对方在公众号发消息后送出" in waiting and "石湖村 陈书记" in waiting, waiting
    # 王书记 writes: his line goes with the reply's wake, once
    bot.clock.set("2027-03-01T10:00")
    villager_factory(PUXIN).says("本村进度")
    standin.fail("message/custom/send", status=502)
    tick("2027-03-01T10:00")
    assert len([t for t in sent_to(PUXIN) if t.startswith("埔心村2月通报")]) == 1
    # 陈书记 writes; WeChat answers 502 once: kept, retried, sent once
    villager_factory(SHIHU).says("本村进度")
    standin.fail("message/custom/send", status=502)
    tick("2027-03-01T10:01")
    tick("2027-03-01T10:05")
    tick("2027-03-01T10:06")
    assert len([t for t in sent_to(SHIHU) if t.startswith("石湖村2月通报")]) == 1
    assert len([t for t in sent_to(PUXIN) if t.startswith("埔心村2月通报")]) == 1
    page = client.get("/admin/reports").get_data(as_text=True)
    assert '<td data-label="发到微信">2/2条已送达</td>' in page and _undelivered(page) == "", page


def test_an_organiser_calls_off_a_planting_day_and_those_checked_in_are_told(person, bot, app, clock, tick, sent_to):
    """A secretary whose day was rained off wrote '下雨了 今天的活动取消': it became a question for the adviser (and
    '取消活动' its 补充), the day stayed open for check-ins, and his own check-in counted him as having taken part.
    Now the day is called off: before it began it never took place (nobody present, not held); under way it ends then,
    and whoever checked in is told once. The office sees 已取消."""
    from bot import progress
    from bot.store import events as events_store
    from tests.e2e.test_events import NEAR, PLACE

    clock.set("2027-03-06T08:30")
    secretary = person("o-wang", "王书记", "村书记")
    member = person("o-chen", "陈党员", "党员")
    secretary.sends_location(*PLACE)
    secretary.says("活动 村口植树 9点到12点")
    assert progress.village_progress(bot.db, bot.config, 1).party_members_active == 1  # the opener, checked in
    asked = member.says("活动取消了吗")  # a villager's question cancels nothing, and is answered (it had been a ticket)
    assert asked.startswith("本村的植树活动：\n村口植树：3月6日 09:00–12:00"), asked
    reply = secretary.says("下雨了 今天的活动取消")
    assert reply.startswith("已取消“村口植树”（3月6日 09:00–12:00），已签到的0人会收到通知。"), reply
    assert rows_of(bot, "tickets") == []
    assert (
        member.says("今天的活动取消了吗？") == "“村口植树”（3月6日 09:00–12:00）已取消。改期会另行通知。"
    )  # planned span
    assert progress.village_progress(bot.db, bot.config, 1).party_members_active == 0
    clock.set("2027-03-06T09:10")
    assert "没有进行中的植树活动" in member.says("参加")
    # a second day, under way: its people are told, and were there
    secretary.sends_location(*PLACE)
    secretary.says("活动 河边植树")
    member.sends_location(*NEAR)
    assert member.says("参加").startswith("已签到")
    clock.set("2027-03-06T10:00")
    assert "已签到的1人会收到通知" in secretary.says("活动改期")
    tick("2027-03-06T10:01")
    tick("2027-03-06T10:02")
    told = [t for t in sent_to("o-chen") if "取消了" in t]
    assert told == ["“河边植树”（3月6日 09:10–13:10）取消了，不用去了。改期会另行通知。"], told
    assert events_store.held_by_village(bot.db, "2027-03-01", "2027-04-01") == {1: 1}
    assert progress.village_progress(bot.db, bot.config, 1).party_members_active == 2
    client = app.test_client()
    from tests.e2e.dashboard_seed import add_logins

    add_logins(bot.db, [("admin", "admin")])
    assert login(client, "admin").status_code == 302
    page = client.get("/admin/events").get_data(as_text=True)
    assert page.count('<span class="tag">已取消</span>') == 2, page
    (first,) = [e["id"] for e in rows_of(bot, "SELECT id FROM events WHERE name = '村口植树'")]
    day_page = client.get(f"/admin/events/{first}").get_data(as_text=True)
    assert "确认到场</button>" not in day_page and "3月6日 09:00" in day_page


def test_a_bare_取消认领_keeps_what_the_household_has_planted_in_full(person, bot, standin, clock):
    """陈大伯 had pledged 3棵木棉 in February and planted them (verified); in April he pledged 2棵荔枝, thought better
    of it and sent '取消认领': the reply said 已取消认领：3棵木棉（3月种）、2棵荔枝, and his household left the village's
    认领户数. A bare 取消认领 now ends what is still to plant and keeps what is planted in full."""
    from tests.e2e.test_pledges import plant

    clock.set("2027-03-02T10:00")
    chen = person("o-chen", "陈大伯", "群众", household="1组1号")
    chen.says("认领 3棵木棉 3月")
    assert plant(chen, standin, "m-1", 1, "3棵木棉").startswith("✅")
    clock.set("2027-04-04T11:00")
    chen.says("认领 2棵荔枝 5月")
    reply = chen.says("取消认领")
    assert (
        reply
        == "已取消认领：2棵荔枝（5月种）。要重新认领就发“认领 几棵树名”。\n已种好的3棵木棉（3月种）留着，算完成了。"
    )
    live = rows_of(bot, "SELECT species, count FROM pledges WHERE cancelled_at IS NULL")
    assert live == [{"species": "木棉", "count": 3}]
    assert chen.says("取消认领") == "已种好的3棵木棉（3月种）留着，算完成了。"
    assert chen.says("取消认领 木棉").startswith("已取消认领：3棵木棉")  # named, it ends


def test_my_visits_while_a_sign_in_waits_for_its_village_says_so(bot, clock, villager_factory):
    """An adviser short of time signed in away from every village (the list of his villages came back), sent his
    photos and asked '我的下沉': it said 您3月下沉服务0次 and listed every village as not visited, not that the sign-in
    still waited for its village. It says so now, with the list, and the number then records it."""
    from bot.db import transaction
    from bot.store import roster as roster_store
    from tests.conftest import add_roster as add_county
    from tests.e2e.test_visits import NOWHERE, VILLAGES

    clock.set("2027-03-10T09:00")
    ids = add_county(bot, VILLAGES, [("o-wang", "王工", "埔心村", "技术顾问")])
    with transaction(bot.db):
        adviser = roster_store.person_by_openid(bot.db, "o-wang")
        roster_store.set_adviser_villages(bot.db, adviser["id"], [ids["埔心村"], ids["下围村"]])
    wang = villager_factory("o-wang")
    wang.says("签到 查看龙眼虫害")
    clock.advance(minutes=1)
    wang.sends_location(*NOWHERE)
    reply = wang.says("我的下沉")
    assert reply.startswith("您3月下沉服务0次：") and "刚才的签到还没记上：请回复编号选村。" in reply, reply
    assert reply.endswith("1. 埔心村\n2. 下围村"), reply
    assert "已记为埔心村的下沉服务（位置不符" in wang.says("1")
    reply = wang.says("我的下沉")
    assert reply.startswith("您3月下沉服务1次：") and "还没记上" not in reply, reply


@pytest.mark.parametrize(
    ("context", "message", "expected"),
    cases_of(
        [("cadre", "认领情况", "progress"), ("cadre", "认领进度", "progress"), ("cadre", "认领 2棵荔枝", "pledge")], {}
    ),
)
def test_a_secretary_asking_认领情况_bare_gets_the_villages_pledges(probe, context, message, expected):  # noqa: F811
    """林书记 reporting upward asked '认领情况' and got the pledge's usage (请这样发：认领 2棵荔枝); the village's progress
    with its 认领安排 line answers it, as '本村认领情况' (sim62)."""
    assert probe.run(context, message, expected) == ""
