"""Village milestones end to end: cadres report 计划已备案, 树穴 120个, 示范点 <名称> (+ photo and location) through
signed pushes; others are refused; questions stay questions; the office confirms, corrects and undoes on the
village page; the figures, the reminders and the export follow."""

from __future__ import annotations

import csv
import io
import re

import pytest

from bot import exports, progress
from tests.conftest import add_roster
from tests.e2e.dashboard_seed import add_logins, csrf_of, login
from tests.e2e.test_planting import photo

VILLAGES = {"埔心村": (23.10, 114.40), "石湖村": (23.20, 114.50)}
PEOPLE = [
    ("o-secretary", "王书记", "埔心村", "村书记"),
    ("o-cadre", "李干部", "埔心村", "村干部"),
    ("o-villager", "张三", "埔心村", "群众"),
    ("o-shihu", "陈书记", "石湖村", "村书记"),
]


@pytest.fixture
def county(bot, clock):
    ids = add_roster(
        bot,
        {name: {"kind": "村", "lat": lat, "lng": lng, "radius_m": 3000} for name, (lat, lng) in VILLAGES.items()},
        PEOPLE,
    )
    add_logins(bot.db, [("admin", "admin"), ("wang", "adviser")])
    clock.set("2027-01-25T10:00")
    return ids


@pytest.fixture
def secretary(villager_factory, county):
    return villager_factory("o-secretary")


def milestone_rows(rows):
    return rows(
        "SELECT milestone, count, name, status, lat, lng, person_id,"
        " (SELECT COUNT(*) FROM milestone_photos ph WHERE ph.milestone_id = m.id) AS photos"
        " FROM milestones m ORDER BY id"
    )


def village(bot, village_id):
    return progress.village_progress(bot.db, bot.config, village_id)


def test_a_secretarys_milestones_are_recorded_and_a_villagers_refused(
    bot, county, secretary, villager_factory, standin, clock, rows
):
    villager = villager_factory("o-villager")
    assert "这是村干部上报用的" in villager.says("计划已备案")
    assert "这是村干部上报用的" in villager.says("树穴 120个")
    assert rows("milestones") == [] and rows("plantings") == []

    assert "绿化计划已备案" in secretary.says("计划已备案")
    standin.add_media("m-plan", photo(1))
    assert "照片已加到计划备案（共1张）" in secretary.sends_photo("m-plan")
    clock.set("2027-02-20T10:00")
    assert "树穴120个" in villager_factory("o-cadre").says("树穴 120个")
    assert rows("plantings") == []  # 120 holes are not 120 trees
    clock.advance(hours=1)
    reply = secretary.says("示范点 村口公园")
    assert "示范点“村口公园”" in reply and "照片" in reply and "位置" in reply
    standin.add_media("m-site", photo(2))
    reply = secretary.sends_photo("m-site")
    assert "照片已加到示范点“村口公园”" in reply and "位置" in reply and "再发一张示范点的照片" not in reply
    reply = secretary.sends_location(23.101, 114.401)
    assert reply == "📍 位置已加到示范点“村口公园”。"
    assert [(r["milestone"], r["count"], r["name"], r["status"], r["photos"]) for r in milestone_rows(rows)] == [
        ("plan", None, None, "reported", 1),
        ("holes", 120, None, "reported", 0),
        ("demo_site", None, "村口公园", "reported", 1),
    ]
    assert rows("plantings") == []  # the photos went to the milestones, not to planting records
    v = village(bot, county["埔心村"])
    assert (v.plan_at, v.holes, v.demo_sites, v.demo_sites_reported) == ("2027-01-25T02:00:00", 120, 0, 1)

    header, data = exports.rows(bot, "milestones")
    assert header[:7] == ["village", "milestone", "value", "reported_by", "reported_at", "confirmed_by", "confirmed_at"]
    assert [row[:5] for row in data] == [
        ("埔心村", "plan", "", "王书记", "2027-01-25T02:00:00"),
        ("埔心村", "holes", "120", "李干部", "2027-02-20T02:00:00"),
        ("埔心村", "demo_site", "村口公园", "王书记", "2027-02-20T03:00:00"),
    ]


def test_questions_stay_questions(bot, county, secretary, rows):
    reply = secretary.says("示范点怎么建")
    assert "五个一" in reply
    secretary.says("树穴挖多大")
    assert rows("milestones") == []
    assert [r["handler"] for r in rows("SELECT handler FROM inbox ORDER BY id")] == ["faq_answer", "faq_answer"]


def test_a_photo_sent_just_before_the_report_joins_it(bot, county, secretary, standin, rows):
    standin.add_media("m-first", photo(3))
    assert "树种和棵数" in secretary.sends_photo("m-first")  # a planting record starts …
    reply = secretary.says("示范点 祠堂广场")  # … and the report takes its photo
    assert "请再发示范点的位置" in reply and "请再发一张示范点的照片" not in reply
    assert [r["photos"] for r in milestone_rows(rows)] == [1]
    assert [r["status"] for r in rows("plantings")] == ["cancelled"]


def test_a_planting_tagged_demo_site_counts_trees_not_a_site(bot, county, secretary, standin, clock, rows):
    clock.set("2027-02-20T10:00")
    standin.add_media("m-trees", photo(4))
    secretary.sends_photo("m-trees")
    assert "第1号" in secretary.says("示范点 20棵桂花")
    assert rows("milestones") == []
    v = village(bot, county["埔心村"])
    assert (v.trees, v.demo_sites, v.demo_sites_reported) == (20, 0, 0)


def office(app, username="admin"):
    client = app.test_client()
    assert login(client, username).status_code == 302
    return client


def change(client, village_id, milestone_id, action, value=""):
    token = csrf_of(client.get(f"/admin/villages/{village_id}").get_data(as_text=True))
    return client.post(
        f"/admin/villages/{village_id}/milestones/{milestone_id}",
        data={"action": action, "value": value, "csrf_token": token},
    )


def test_the_office_confirms_corrects_and_undoes_on_the_village_page(
    app, bot, county, secretary, villager_factory, clock, rows
):
    pux = county["埔心村"]
    secretary.says("计划已备案")
    clock.advance(minutes=40)
    villager_factory("o-cadre").says("树穴 120个")
    clock.advance(minutes=40)
    secretary.says("示范点 村口公园")
    plan, holes, site = (r["id"] for r in rows("milestones"))
    client = office(app)
    page = client.get(f"/admin/villages/{pux}").get_data(as_text=True)
    assert "村口公园" in page and "120个" in page and "待确认" in page

    assert change(client, pux, site, "confirm").status_code == 302
    assert village(bot, pux).demo_sites == 1  # a confirmed 示范点 counts
    change(client, pux, holes, "correct", "150")
    assert village(bot, pux).holes == 150
    response = change(client, pux, holes, "correct", "很多")
    assert "请填正确的个数" in client.get(response.headers["Location"]).get_data(as_text=True)
    change(client, pux, plan, "undo")
    assert village(bot, pux).plan_at is None
    assert [(r["status"], r["confirmed_by"]) for r in rows("milestones")] == [
        ("undone", None),
        ("confirmed", "admin"),
        ("confirmed", "admin"),
    ]
    assert [(c["milestone_id"], c["action"], c["changed_by"]) for c in rows("milestone_changes")] == [
        (site, "confirm", "admin"),
        (holes, "correct", "admin"),
        (plan, "undo", "admin"),
    ]
    assert '"count": 120' in rows("milestone_changes")[1]["before"]
    assert '"count": 150' in rows("milestone_changes")[1]["after"]
    page = client.get(f"/admin/villages/{pux}").get_data(as_text=True)
    assert "（状态 待确认 → 已确认；个数 120 → 150）" in page  # the office's changes in words, not JSON
    assert "（状态 待确认 → 已撤销）" in page and '"status"' not in page
    # not another village's report, not an adviser, not an unknown action
    assert change(client, county["石湖村"], site, "undo").status_code == 404
    assert change(office(app, "wang"), pux, site, "undo").status_code == 403
    assert change(client, pux, site, "delete").status_code == 400
    assert rows("milestones")[2]["status"] == "confirmed"


def test_milestone_reminders_go_only_to_villages_that_have_not_reported(bot, county, secretary, tick, rows):
    secretary.says("计划已备案")
    tick("2027-01-26T10:00")  # the plans_due (01-31) reminder: 5 days before, at 09:00, to 村书记 and 村干部
    queued = {r["openid"]: r["dedupe_key"] for r in rows("SELECT openid, dedupe_key FROM outbox")}
    assert queued == {"o-shihu": "reminder:plans_due:2027:o-shihu"}  # 埔心村 reported: neither its secretary
    #                                                                  nor its cadre is reminded


def test_the_holes_reminder_names_the_household_target_of_the_config(app_with):
    """Seed 002's 每户至少种1棵 is campaign.targets.household_trees, not words of the message."""
    from bot import scheduler
    from tests.conftest import at, rows_of

    bot = app_with(**{"campaign.targets.household_trees": 2}).extensions["bot"]
    add_roster(bot, {"埔心村": {"kind": "村"}}, [("o-villager", "张三", "埔心村", "群众")])
    scheduler.run_due(bot, at("2027-02-20T09:00"))  # holes_due (02-24): 4 days before, at 09:00, to every villager
    [reminder] = rows_of(bot, "SELECT text FROM outbox WHERE dedupe_key = 'reminder:holes_due:2027:o-villager'")
    assert "每户至少种2棵树" in reminder["text"]


def test_the_milestones_export_from_the_cli(bot, county, secretary, config_file, capsys):
    secretary.says("树穴 80个")
    bot.db.conn.commit()
    from bot import cli

    assert cli.main(["--config", str(config_file), "export", "milestones"]) == 0
    table = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(r["village"], r["milestone"], r["value"], r["reported_by"]) for r in table] == [
        ("埔心村", "holes", "80", "王书记")
    ]


def test_a_secretary_bound_by_name_only_reports_nothing_until_proven(bot, county, secretary, rows):
    """A staff role bound without a one-time code (or the roster's openid column) has 群众 powers only."""
    with bot.db.conn:
        bot.db.execute("UPDATE people SET bound_via = 'name' WHERE openid = 'o-secretary'")
    reply = secretary.says("计划已备案")
    assert "绿化计划已备案" not in reply and "登记码" in reply
    assert rows("milestones") == []


def test_a_milestone_photo_opens_for_the_villages_cadre_login_and_no_other(bot, county, secretary, standin, tick, app):
    from tests.e2e.dashboard_seed import add_cadre_login, status_for

    standin.add_media("m-site", photo(5))
    secretary.says("示范点 祠堂广场")
    secretary.sends_photo("m-site")
    tick()
    sha = next(bot.db.query("SELECT sha256 FROM media WHERE media_id = 'm-site'"))["sha256"]
    assert sha
    add_cadre_login(bot.db, "li", "李干部")
    add_cadre_login(bot.db, "chen", "陈书记")
    thumb = f"/admin/photos/{sha}/thumb"
    assert status_for(app, "li", thumb, on_page=f"/admin/villages/{county['埔心村']}") == 200
    assert status_for(app, "li", f"/admin/photos/{sha}") == 200
    assert status_for(app, "chen", thumb) == 403


def test_holes_said_as_spoken_are_a_report_never_a_ticket(bot, county, secretary, rows):
    """Round 52 (the lead, in the simulator): '树穴挖好咗一百二十个' became an adviser's ticket."""
    assert "树穴120个" in secretary.says("树穴挖好咗一百二十个")
    assert [(m["milestone"], m["count"]) for m in milestone_rows(rows)] == [("holes", 120)]
    assert rows("tickets") == [] and rows("plantings") == []


def test_a_milestone_photo_after_a_question_is_the_milestones_and_the_reverse_the_tickets(
    bot, county, secretary, standin, clock, rows
):
    """示范点 said after a question went to the adviser: the photo is the milestone's (it had become the ticket's 补充);
    a question after 示范点: the photo is the ticket's (the flow touched after the ticket takes it,
    bot.conversation.photo_awaited)."""
    first = re.findall(r"问题编号：(\d+)", secretary.says("问专家 我家桂花叶子发黄还掉叶是怎么回事"))[0]
    clock.advance(minutes=1)
    assert "示范点“村口公园”" in secretary.says("示范点 村口公园")
    clock.advance(minutes=1)
    standin.add_media("m-site", photo(2))
    assert "照片已加到示范点“村口公园”" in secretary.sends_photo("m-site")
    assert rows("SELECT id FROM ticket_attachments WHERE ticket_id = ?", [first]) == []

    clock.advance(hours=1)
    assert "示范点“祠堂广场”" in secretary.says("示范点 祠堂广场")
    clock.advance(minutes=1)
    second = re.findall(r"问题编号：(\d+)", secretary.says("问专家 我家龙眼树结果很少是什么原因"))[0]
    clock.advance(minutes=1)
    standin.add_media("m-leaf", photo(4))
    assert f"已补充到第{second}号问题" in secretary.sends_photo("m-leaf")
    assert [r["photos"] for r in milestone_rows(rows)] == [1, 0]
