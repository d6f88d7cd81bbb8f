"""sim66, through the signed webhook on a real SQLite file: what a village secretary, an adviser and the office
met using the product as seed 002's campaign runs it."""

from __future__ import annotations

import pytest

from bot.db import transaction
from bot.store import roster as roster_store
from tests.conftest import add_roster
from tests.e2e.test_campaign import PUXIN, county, season  # noqa: F401 - fixtures
from tests.e2e.test_report_lines import as_of, config, line_sent  # noqa: F401 - fixtures

LATER = "6月30日前评选第一批先进"  # sim69: the next milestone on 20 March (bot/reports.line_today)

# sim66: when the 通报 comes out, asked in words of its own (none of the suite's): the date, not the last line
WHEN_ASKED = (
    "今个月几时出通报",
    "通报几时出",
    "通报什么时候发",
    "这个月的通报哪天出来",
    "请问通报几号出",
    "通报咩时候出",
)


def test_a_secretary_asking_when_the_report_comes_out_gets_the_date_of_the_next(
    season,  # noqa: F811
    villager_factory,
    tick,
    clock,
    sent_to,
    rows,
):
    secretary = villager_factory(PUXIN)
    clock.set("2027-01-20T10:00")  # none kept yet: January's is the first, due 1 February after quiet hours
    assert secretary.says("通报几时出") == "下一期：1月通报预计2月1日08:00发出。"
    tick("2027-02-01T09:00")
    tick("2027-03-01T09:00")
    february = line_sent(sent_to, PUXIN, "埔心村", 2)
    clock.set("2027-03-20T10:00")
    for text in WHEN_ASKED:
        assert secretary.says(text) == (
            f"下一期：3月通报预计4月1日08:00发出。\n上一期3月1日09:00发出：{as_of(february, '3月20日', LATER)}"
        ), text
    # a month named: out already (when, and its line), or still to come (when it is due)
    assert secretary.says("2月通报什么时候出") == f"2月通报已于3月1日08:00发出。\n{as_of(february, '3月20日', LATER)}"
    assert secretary.says("4月通报几号发").startswith("下一期：4月通报预计5月1日08:00发出。\n上一期")
    # the line itself is still what the line's questions get
    assert secretary.says("本月通报出来没有") == as_of(february, "3月20日", LATER)  # sim69: its 3月12日 passed
    handled = [r["handler"] for r in rows("SELECT handler FROM inbox WHERE openid = ? ORDER BY id", [PUXIN])]
    assert handled[-9:] == ["report_line"] * 9


@pytest.mark.parametrize("text", ["多久通报一次", "会不会被通报"])
def test_the_rules_of_the_report_are_not_its_date(season, villager_factory, clock, rows, text):  # noqa: F811
    clock.set("2027-03-20T10:00")
    villager_factory(PUXIN).says(text)
    (last,) = rows("SELECT handler FROM inbox WHERE openid = ? ORDER BY id DESC LIMIT 1", [PUXIN])
    assert last["handler"] != "report_line"


def _demo_on(bot, clock, capsys, moment: str) -> str:
    from types import SimpleNamespace

    from bot import demo

    clock.set(moment)
    assert demo.cmd_demo(SimpleNamespace(scale=1), bot) == 0
    return capsys.readouterr().out


def test_the_demo_county_holds_planting_days_held_called_off_and_to_come(bot, app, clock, capsys, tmp_path):
    """Leftover 1 of sim65: the demo had no planting day (植树活动), so the 通报's 植树活动 and 活动签到 columns and the
    events page were empty. Now every village's secretary opens its 党建林 (主题林) day before 植树节, some a second,
    a few called off before the start (rain) and held a week later; on a rehearsal afternoon the day opened that morning
    for 15:00 is still to come (its opener alone checked in), and the pages tag each day."""
    from openpyxl import load_workbook

    from bot import reports
    from tests.e2e.dashboard_seed import login

    out = _demo_on(bot, clock, capsys, "2027-03-10T14:40")
    assert "植树活动" in out and "场" in out
    now = "2027-03-10T06:40:00"  # 14:40 in Shanghai
    days = [dict(r) for r in bot.db.query("SELECT * FROM events")]
    assert max(d["created_at"] for d in days) <= now
    villages = bot.db.execute("SELECT COUNT(*) FROM villages").fetchone()[0]
    assert len({d["village_id"] for d in days}) > villages * 0.8  # most before 3月10日, the rest by 植树节
    called_off = [d for d in days if d["cancelled_at"]]
    to_come = [d for d in days if d["starts_at"] > now and not d["cancelled_at"]]
    held = [d for d in days if d["starts_at"] <= now and not d["cancelled_at"]]
    assert called_off and to_come and len(held) > villages // 2, (len(called_off), len(to_come), len(held))
    assert all(d["cancelled_at"] <= d["starts_at"] for d in called_off)
    present = dict(bot.db.execute("SELECT event_id, SUM(present) FROM attendance GROUP BY event_id").fetchall())
    assert all(present[d["id"]] == 0 for d in called_off)  # nobody was at a day called off before it began
    assert all(present[d["id"]] == 1 for d in to_come)  # its opener alone, so far
    assert sum(present[d["id"]] for d in held) > 4 * len(held)
    latest = bot.db.execute("SELECT MAX(checked_in_at), MAX(confirmed_at) FROM attendance").fetchone()
    assert all(moment is None or moment <= now for moment in latest)
    # the 通报's columns: February's days and who was there
    report = tmp_path / "r.xlsx"
    reports.write_workbook(reports.build_report(bot, 2027, 2), bot, report)
    sheet = load_workbook(report)["村社区排名"]
    header = [c.value for c in sheet[1]]
    held_col, present_col = header.index("植树活动"), header.index("活动签到")
    cells = [(row[held_col], row[present_col]) for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert sum(h or 0 for h, _ in cells) > 5 and sum(p or 0 for _, p in cells) > 20, cells
    # the events page tags what is to come and what was called off
    client = app.test_client()
    login(client, "admin", out.split("admin / ")[1].split()[0])
    html = client.get("/admin/events").get_data(as_text=True)
    assert html.count(">未开始<") == len(to_come) and html.count(">已取消<") == len(called_off)
    village = to_come[0]["village_id"]
    section = client.get(f"/admin/villages/{village}?open=events").get_data(as_text=True)
    assert ">未开始<" in section


def test_the_advisers_reminder_names_their_sign_ins_outside_every_village(bot, clock, tick, sent_to, villager_factory):
    """Leftover 3 of sim65: an adviser who signed in at 下围村 from outside its radius and never chose a village got, on
    the 20th, '下围村还没有下沉服务记录' and nothing else: the visit counted nowhere, and nothing said so. The reminder
    now names those 签到 by day, and who puts them under a village."""
    from tests.e2e.test_visits import IN_PUXIN, NOWHERE, VILLAGES

    clock.set("2027-03-10T09:00")
    ids = add_roster(bot, VILLAGES, [("o-wang", "王工", "埔心村", "技术顾问")])
    with transaction(bot.db):
        wang_row = roster_store.person_by_openid(bot.db, "o-wang")
        roster_store.set_adviser_villages(bot.db, wang_row["id"], [ids["埔心村"], ids["下围村"]])
    wang = villager_factory("o-wang")
    wang.says("签到")
    wang.sends_location(*IN_PUXIN)
    clock.set("2027-03-12T15:00")
    wang.says("签到 指导挖穴")
    assert "请回复编号" in wang.sends_location(*NOWHERE)  # the village never chosen
    tick("2027-03-20T10:00")
    [reminder] = [t for t in sent_to("o-wang") if "还没有下沉服务记录" in t]
    assert "3月您挂钩的下围村还没有下沉服务记录" in reminder
    assert "另有1次签到（3月12日）不在挂钩村范围内，还没记到村。" in reminder, reminder
    assert "\n\n" not in reminder.strip()


def test_no_word_of_unplaced_sign_ins_when_there_are_none(bot, clock, tick, sent_to, villager_factory):
    from tests.e2e.test_visits import IN_PUXIN, VILLAGES

    clock.set("2027-03-10T09:00")
    ids = add_roster(bot, VILLAGES, [("o-wang", "王工", "埔心村", "技术顾问")])
    with transaction(bot.db):
        wang_row = roster_store.person_by_openid(bot.db, "o-wang")
        roster_store.set_adviser_villages(bot.db, wang_row["id"], [ids["埔心村"], ids["下围村"]])
    wang = villager_factory("o-wang")
    wang.says("签到")
    wang.sends_location(*IN_PUXIN)
    tick("2027-03-20T10:00")
    [reminder] = [t for t in sent_to("o-wang") if "还没有下沉服务记录" in t]
    assert "另有" not in reminder and "签到（" not in reminder


def test_the_report_lines_export_says_each_status_as_the_report_does(
    season,  # noqa: F811
    tick,
    rows,
    config_file,
    capsys,
    app,
):
    """Leftover 2 of sim65: a cadre exporting 通报各村情况 (report_lines), on the dashboard or with `export`, read
    on_track, lagging_twice: the status now comes in Chinese too (status_label, after the table's own columns, which
    keep their places)."""
    import csv
    import io

    from openpyxl import load_workbook

    from bot import cli
    from tests.e2e.dashboard_seed import add_logins, login

    tick("2027-02-01T09:00")
    tick("2027-03-01T09:00")
    kept = {(r["month"], r["village"]): r["status"] for r in rows("SELECT month, village, status FROM report_lines")}
    assert set(kept.values()) >= {"lagging", "complete"}
    words = {"complete": "已完成", "on_track": "正常", "lagging": "滞后", "lagging_twice": "连续两月滞后"}
    capsys.readouterr()
    assert cli.main(["--config", str(config_file), "export", "report_lines"]) == 0
    exported = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert list(exported[0])[:4] == ["month", "village", "status", "rank"] and list(exported[0])[-1] == "status_label"
    assert {(r["month"], r["village"]): r["status_label"] for r in exported} == {
        key: words[status] for key, status in kept.items()
    }
    # the dashboard's 导出: the same workbook column
    add_logins(app.extensions["bot"].db, [("office", "admin")])
    client = app.test_client()
    assert login(client, "office").status_code == 302
    book = load_workbook(io.BytesIO(client.get("/admin/exports/report_lines.xlsx").data))
    sheet = list(book.active.iter_rows(values_only=True))
    label = sheet[0].index("status_label")
    assert {row[label] for row in sheet[1:]} == {words[s] for s in kept.values()}


# sim66: the village's planting days asked after as a whole. Written before the reader, in words of their own (none of
# its tuning set's); on main each became a ticket, the FAQ's or 本村进度's answer.
DAYS_ASKED = (
    "咱们村今年组织过几次植树活动",
    "想知道本村植树活动的参加人数",
    "我们社区搞了几场植树活动啦",
    "植树活动我们村党员去了多少个",
    "书记问下我们村植树活动情况",
    "村里种树活动一共办了几次",
    "我们村植树活动统计",
)
DAYS_NOT_ASKED = ("植树活动几点开始", "下次植树活动是几号", "植树活动可以带小孩去吗", "怎么组织植树活动")
PLACE, NEAR = (23.1001, 114.4001), (23.1010, 114.4005)


def test_a_secretary_asking_how_the_villages_planting_days_went_gets_them(person, clock, rows):
    clock.set("2027-03-06T08:30")
    secretary = person("o-sec", "王书记", "村书记")
    member = person("o-member", "李党员", "党员")
    villager = person("o-chen", "陈伯", "群众")
    secretary.sends_location(*PLACE)
    assert "签到码" in secretary.says("活动 村口植树 9点到12点")
    clock.set("2027-03-06T09:10")
    for who in (member, villager):
        who.says("参加")
        who.sends_location(*NEAR)
    clock.set("2027-03-06T12:40")
    secretary.sends_location(*PLACE)
    assert "签到码" in secretary.says("活动 河边补种 14点到17点")  # opened for the afternoon: still to come
    for text in DAYS_ASKED:
        reply = secretary.says(text)
        assert reply.startswith("本村义务植树活动已办1场，到场3人，其中党员干部2人。\n"), (text, reply)
        assert "3月6日 14:00–17:00 河边补种：未开始" in reply and "3月6日 09:00–12:00 村口植树：到场3人" in reply
    handled = [r["handler"] for r in rows("SELECT handler FROM inbox WHERE openid = 'o-sec' ORDER BY id")]
    assert handled[-len(DAYS_ASKED) :] == ["event_summary"] * len(DAYS_ASKED)
    # one's own count is 我的签到's
    assert member.says("我参加过几次植树活动").startswith("您参加义务植树活动签到在场1次")
    for text in DAYS_NOT_ASKED:
        secretary.says(text)
        (last,) = rows("SELECT handler FROM inbox WHERE openid = 'o-sec' ORDER BY id DESC LIMIT 1")
        assert last["handler"] != "event_summary", text


def test_the_report_page_says_when_the_next_is_made(season, tick, clock, app):  # noqa: F811
    """The office's 通报 page said only 每月1日: now the next month's and its moment, from config."""
    from tests.e2e.dashboard_seed import add_logins, login

    tick("2027-02-01T09:00")
    clock.set("2027-02-20T10:00")
    add_logins(app.extensions["bot"].db, [("office", "admin")])
    client = app.test_client()
    assert login(client, "office").status_code == 302
    html = client.get("/admin/reports").get_data(as_text=True)
    assert "下一期：2月通报，3月1日08:00生成并发给各村书记。" in html


def test_my_visits_name_the_sign_ins_no_village_was_chosen_for(bot, clock, villager_factory):
    """我的下沉 listed 下围村 as not visited and said nothing of the 签到 outside every village left without a number:
    now it names them by day, as the reminder does; the one whose village is being asked is the choice's, not twice."""
    from tests.e2e.test_visits import IN_PUXIN, NOWHERE, VILLAGES

    clock.set("2027-03-05T09:00")
    ids = add_roster(bot, VILLAGES, [("o-wang", "王工", "埔心村", "技术顾问")])
    with transaction(bot.db):
        wang_row = roster_store.person_by_openid(bot.db, "o-wang")
        roster_store.set_adviser_villages(bot.db, wang_row["id"], [ids["埔心村"], ids["下围村"]])
    wang = villager_factory("o-wang")
    wang.says("签到")
    assert "请回复编号" in wang.sends_location(*NOWHERE)
    reply = wang.says("我的下沉")  # its village still asked: listed once, as the choice
    assert "刚才的签到还没记上" in reply and "另有" not in reply, reply
    clock.set("2027-03-12T10:00")  # days later, never answered
    wang.says("签到")
    wang.sends_location(*IN_PUXIN)
    reply = wang.says("我的下沉")
    assert "还没去的1个：下围村" in reply
    assert "另有1次签到（3月5日）不在挂钩村范围内，还没记到村。" in reply, reply
