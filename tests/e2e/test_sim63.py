"""Round sim63 (the demo county as a rehearsal, a clock moved back, planting days far from their village), through
the real webhook with signed XML."""

from __future__ import annotations

from tests.conftest import rows_of
from tests.e2e.dashboard_seed import admin, county  # noqa: F401 (fixtures)


def test_a_clock_moved_back_never_lets_a_flow_started_later_take_a_message(person, bot, standin, clock):
    """A rehearsal's BOT_NOW moved back a day (a trainer replaying the morning) found the photo sent on the later day
    still waiting for its tree: '2棵桂花' then completed that later record. A flow entered after now is not live: the
    text starts a record of its own, which waits for its photo."""
    from tests.e2e.test_planting import photo

    clock.set("2027-04-12T16:00")
    villager = person("o-wang", "王大妈")
    standin.add_media("m-1", photo(1))
    assert villager.sends_photo("m-1").startswith("照片收到（1张）")
    clock.set("2027-04-11T16:00")
    reply = villager.says("2棵桂花")
    assert reply == "记下了：2棵桂花。请再发一张种好的树的照片📷"
    later, earlier = rows_of(bot, "SELECT id, status, species, count FROM plantings ORDER BY id")
    assert later["status"] != "complete" and later["species"] is None
    assert (earlier["status"], earlier["species"], earlier["count"]) == ("pending", "桂花", 2)


def test_a_clock_moved_back_never_lets_a_later_record_take_a_location(person, bot, standin, clock):
    """The same for a finished record: a location within the planting window of a record finished at a later moment
    joined it ('📍位置已加到第1号记录'); a record dated after now takes nothing."""
    from tests.e2e.test_planting import photo

    clock.set("2027-04-12T16:00")
    villager = person("o-wang", "王大妈")
    standin.add_media("m-1", photo(1))
    villager.sends_photo("m-1")
    assert villager.says("2棵桂花").startswith("✅ 已记录第1号：2棵桂花。")
    clock.set("2027-04-12T15:55")
    reply = villager.sends_location(23.1001, 114.4001)
    assert "第1号" not in reply, reply
    (record,) = rows_of(bot, "SELECT lat, lng FROM plantings")
    assert (record["lat"], record["lng"]) == (None, None)
    clock.set("2027-04-12T16:02")  # back on its own day, the record takes a location again
    assert "第1号" in villager.sends_location(23.1001, 114.4001)


def test_the_demo_on_a_rehearsal_day_is_the_county_as_it_stood_then(bot, clock, villager_factory, capsys):
    """`BOT_NOW=2027-03-05T09:00 run.py demo` made the whole season to 31 May: a rehearsal on 5 March saw May's
    records, answers given in April and milestones confirmed later, and no 党员责任区 nor adviser visit at all. Now nothing
    is dated after that morning, what was decided later still waits, zones are held and tended, advisers have signed
    in since January, and the README's party member 李阿姨 asks after her zone through the webhook."""
    from types import SimpleNamespace

    from bot import demo

    clock.set("2027-03-05T09:00")
    assert demo.cmd_demo(SimpleNamespace(scale=1), bot) == 0
    out = capsys.readouterr().out
    assert "数据截至 2027-03-05 09:00（排练时钟 BOT_NOW）" in out
    assert "--openid demo-member：李阿姨，埔心村，党员" in out
    moment = "2027-03-05T01:00:00"  # 09:00 in Shanghai
    for table, column in (
        ("plantings", "created_at"),
        ("plantings", "reviewed_at"),
        ("media", "created_at"),
        ("survival_checks", "checked_at"),
        ("milestones", "reported_at"),
        ("milestones", "confirmed_at"),
        ("pledges", "created_at"),
        ("tickets", "created_at"),
        ("tickets", "answered_at"),
        ("outbox", "created_at"),
        ("certificates", "issued_at"),
        ("zones", "created_at"),
        ("zone_holders", "claimed_at"),
        ("tending", "created_at"),
        ("visits", "created_at"),
        ("users", "subscribed_at"),
    ):
        latest = bot.db.execute(f"SELECT MAX({column}) FROM {table}").fetchone()[0]
        assert latest is not None and latest <= moment, (table, column, latest)
    count = dict(
        bot.db.execute(
            "SELECT 'open', COUNT(*) FROM tickets WHERE status = 'open' UNION ALL"
            " SELECT 'zones', COUNT(DISTINCT village_id) FROM zones UNION ALL"
            " SELECT 'held', COUNT(*) FROM zone_holders UNION ALL"
            " SELECT 'tended', COUNT(DISTINCT zone_id) FROM tending UNION ALL"
            " SELECT 'villages', COUNT(*) FROM villages UNION ALL"
            " SELECT 'visited_jan', COUNT(DISTINCT village_id) FROM visits WHERE created_at < '2027-02-01' UNION ALL"
            " SELECT 'visited_feb', COUNT(DISTINCT village_id) FROM visits"
            "  WHERE created_at BETWEEN '2027-02-01' AND '2027-03-01' UNION ALL"
            " SELECT 'off_site', COUNT(*) FROM visits WHERE location_ok = 0"
        ).fetchall()
    )
    assert count["zones"] == count["villages"] == 50 and count["held"] > 300 and count["tended"] > 20, count
    assert count["villages"] > count["visited_jan"] > 30 and count["villages"] > count["visited_feb"] > 30, count
    assert count["off_site"] > 0 and count["open"] > 0, count
    reply = villager_factory("demo-member").says("我的管护")
    assert reply.startswith("您的党员责任区：党建林东片（共"), reply
    assert "本季管护" in reply and "3月" in reply, reply
    # the secretary reporting upward: 本村进度's households and 未种名单's agree (it said 106/106户已种 beside 4 not yet)
    import re

    secretary = villager_factory("demo-secretary")
    covered, total = map(int, re.search(r"(\d+)/(\d+)户已种", secretary.says("本村进度")).groups())
    left = re.search(r"还有(\d+)户没种够", secretary.says("未种名单"))
    assert left is not None and total - covered == int(left.group(1)) > 0, (covered, total, left)


def test_a_planting_day_opened_far_from_its_village_says_so_and_its_place_can_be_sent_again(person, bot, clock):
    """A planting day opened 48 km from 埔心村 (a location sent from the county town) warned nobody and its place could
    not be moved: villagers at the real place were 'too far'. The opener is told the distance, the next location moves
    the day (a check-in near the new place becomes present), and later 活动地点 and a location move it again."""
    from bot.photos import haversine_m

    clock.set("2027-03-06T09:05")
    secretary = person("o-wang", "王书记", "村书记")
    villager = person("o-li", "李大姐")
    place, town, near = (23.1001, 114.4001), (23.1001, 114.8701), (23.1010, 114.4005)
    assert secretary.says("活动 村口植树 9点到12点").startswith("好的，请发活动地点的位置")
    km = haversine_m(*town, 23.10, 114.40) / 1000
    reply = secretary.sends_location(*town)
    assert reply.startswith("植树活动开始了：村口植树（3月6日 09:00–12:00）。"), reply
    assert reply.endswith(
        f"⚠️ 这个地点离埔心村约{km:.1f}公里，不在本村范围内。位置发错了的话，请到现场再发一次位置（点“＋”→“位置”），"
        "地点就改过来。"
    ), reply
    (event,) = rows_of(bot, "SELECT * FROM events")
    clock.advance(minutes=2)
    villager.says(f"参加 {event['code']}")
    assert "不算在场" in villager.sends_location(*near)
    assert secretary.sends_location(*place) == "“村口植树”的地点已改为您刚发的位置。\n按新地点，又有1人算在场。"
    (event,) = rows_of(bot, "SELECT * FROM events")
    assert (event["lat"], event["lng"]) == place
    attendance = rows_of(bot, "SELECT how, present, present_via, lat, lng FROM attendance ORDER BY id")
    assert [(a["how"], a["present"], a["present_via"]) for a in attendance] == [
        ("opened", 1, "opener"),
        ("code", 1, "location"),
    ]
    assert (attendance[0]["lat"], attendance[0]["lng"]) == place
    # later: 活动地点 from the organiser, then the location; a villager's 活动地点 moves nothing
    assert "已改为" not in villager.says("活动地点") and "改过来" not in villager.sends_location(*town)
    assert secretary.says("活动地点") == "好的，请在“村口植树”现场发新的位置（点“＋”→“位置”），地点就改过来。"
    assert secretary.sends_location(*near) == "“村口植树”的地点已改为您刚发的位置。"
    (event,) = rows_of(bot, "SELECT lat, lng FROM events")
    assert (event["lat"], event["lng"]) == near


def test_the_zones_page_opens_on_its_list_with_adding_one_folded(admin, bot):  # noqa: F811
    """The office clerk on a phone opened 责任区 on an empty form a screen long, the zones below it: the form is folded
    (a line) once there are zones, open while there are none or a submission came back with problems."""
    import re

    from tests.e2e.dashboard_seed import csrf_of

    def fold(html: str) -> str:
        found = re.search(r'<details class="card" id="add-zone"\s*(open)?\s*>', html)
        assert found, html
        return "open" if found.group(1) else "folded"

    page = admin.get("/admin/zones").get_data(as_text=True)
    assert fold(page) == "open"  # none yet: the form is what the page is for
    token = csrf_of(page)
    village = bot.db.execute("SELECT MIN(id) FROM villages").fetchone()[0]
    form = {"csrf_token": token, "village_id": str(village), "name": "河堤段"}
    assert admin.post("/admin/zones", data=form).status_code == 302
    page = admin.get("/admin/zones").get_data(as_text=True)
    assert fold(page) == "folded" and page.index("全部责任区（1个）") > page.index('id="add-zone"')
    assert page.count('id="add-zone"') == 1  # review56: a merge had left the form twice (above and below the list)
    bad = admin.post("/admin/zones", data=form)  # the same name again: refused, the form open with the problem
    assert bad.status_code == 400 and fold(bad.get_data(as_text=True)) == "open"


def test_the_visits_page_gives_a_visits_distance_in_whole_metres(admin, bot):  # noqa: F811
    """顾问下沉 listed '相符（距村中心956.4米）': a tenth of a metre from a phone's location is noise; whole metres, 约."""
    from bot.db import transaction
    from bot.store import visits as visits_store

    village, person = bot.db.execute("SELECT MIN(v.id), MIN(p.id) FROM villages v, people p").fetchone()
    with transaction(bot.db):
        visits_store.add_visit(
            bot.db,
            adviser_person_id=person,
            openid="o-adviser",
            village_id=village,
            lat=23.1,
            lng=114.4,
            distance_m=956.4,
            note="查看苗木成活",
            location_ok=True,
            inbox_id=None,
            now="2027-03-05T00:12:00",
        )
    page = admin.get("/admin/visits").get_data(as_text=True)
    assert "相符（距村中心约956米）" in page and "956.4" not in page
