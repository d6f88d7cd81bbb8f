"""Planting days end to end, through signed pushes, the CLI and the dashboard: a cadre opens one (location and 活动 in
either order), the QR code's link follows from a job, people check in by code, by 参加, by the QR scene (scanning,
and following through it before 登记) and are present by location or by a cadre's confirmation; attendance counts as
taking part for a 64- and a 65-year-old party member (a 66-year-old is not counted); the trees of the day; the 通报's
columns and the exports.

Seed 002, 二(一): 机关事业单位党员、村(居)和“两新”党组织65周岁以下的党员至少参加1次义务植树活动.
"""

from __future__ import annotations

import csv

import pytest
from openpyxl import load_workbook

from bot import cli, progress
from bot.clock import to_db
from bot.db import transaction
from bot.store import roster as roster_store
from tests.conftest import make_config
from tests.e2e.dashboard_seed import PASSWORD, csrf_of, login
from tests.e2e.test_planting import photo

PLACE = (23.1001, 114.4001)  # the day's place, inside 埔心村
NEAR = (23.1010, 114.4005)  # ~100 m away
FAR = (23.1100, 114.4001)  # ~1.1 km away


@pytest.fixture
def config(tmp_path, standin):
    return make_config(tmp_path, standin, **{"wechat.templates.notice": "TPL-N", "wechat.templates.reminder": "TPL-R"})


@pytest.fixture(autouse=True)
def _a_march_morning(clock):
    clock.set("2027-03-06T08:30")


@pytest.fixture
def secretary(person):
    return person("o-wang", "王书记", "村书记")


@pytest.fixture
def day(secretary, rows):
    """村口植树, today 09:00–12:00 at PLACE; its code."""
    secretary.sends_location(*PLACE)
    reply = secretary.says("活动 村口植树 9点到12点")
    [event] = rows("events")
    assert f"签到码：{event['code']}" in reply
    return event["code"]


def set_birth_year(bot, name: str, year: int) -> None:
    with transaction(bot.db):
        person = roster_store.person_by_name_in_village(bot.db, name, 1)
        roster_store.update_person(bot.db, person["id"], {"birth_year": year}, to_db(bot.clock()))


def export(config_file, table: str, tmp_path) -> list[dict]:
    out = tmp_path / f"{table}.csv"
    assert cli.main(["--config", str(config_file), "export", table, "--out", str(out)]) == 0
    with open(out, encoding="utf-8-sig") as fh:
        return list(csv.DictReader(fh))


# -- opening ---------------------------------------------------------------------------------------------
def test_a_cadre_opens_a_planting_day_and_its_qr_code_follows(secretary, rows, tick, standin, sent_to, clock):
    assert secretary.says("活动 村口植树 9点到12点") == "好的，请发活动地点的位置（点“＋”→“位置”），活动就开始。"
    reply = secretary.sends_location(*PLACE)  # the other order: 活动 first, then the place
    [event] = rows("events")
    assert reply.startswith("植树活动开始了：村口植树（3月6日 09:00–12:00）。")
    assert f"签到码：{event['code']}" in reply and "二维码稍后发给您" in reply
    assert (event["lat"], event["lng"], event["qr_status"]) == (*PLACE, "pending")
    assert [(a["how"], a["present"]) for a in rows("attendance")] == [("opened", 1)]
    assert not any(call[0] == "qrcode/create" for call in standin.calls)  # never inside the webhook request
    tick()
    [create] = [call[1] for call in standin.calls if call[0] == "qrcode/create"]
    assert create["action_name"] == "QR_STR_SCENE" and create["action_info"]["scene"]["scene_str"] == "event_1"
    assert create["expire_seconds"] == 3 * 3600 + 30 * 60  # until 12:00
    assert any(
        "https://mp.weixin.qq.com/cgi-bin/showqrcode?ticket=ticket-event_1" in t and event["code"] in t
        for t in sent_to("o-wang")
    )
    assert rows("events")[0]["qr_status"] == "ready"
    tick()
    assert len([c for c in standin.calls if c[0] == "qrcode/create"]) == 1
    # without a span: from now for events.default_hours
    secretary.sends_location(*PLACE)
    assert "3月6日 08:30–12:30" in secretary.says("活动 河边补种")


def test_the_days_place_is_named_as_wechat_labels_the_openers_location(secretary, person, rows, config_file, tmp_path):
    """A villager asking about the day is told the place's name WeChat gave the opener's location (not two numbers
    they cannot read); a location without a label (some phones send none) still gives its coordinates."""
    villager = person("o-li", "李秀英")
    secretary.says("活动 村口植树 9点到12点")
    secretary.sends_location(*PLACE, label="广东省江门市新会区埔心村委会 ")
    assert rows("events")[0]["place_label"] == "广东省江门市新会区埔心村委会"
    reply = villager.says("礼拜六植树活动在哪里集合")
    assert "村口植树：3月6日 09:00–12:00，地点：广东省江门市新会区埔心村委会。" in reply and "23.1" not in reply
    [exported] = export(config_file, "events", tmp_path)
    assert exported["place"] == "广东省江门市新会区埔心村委会"
    secretary.sends_location(*NEAR)  # no label: the place is where it was sent
    secretary.says("活动 河边补种 10点到11点")
    reply = villager.says("今天的活动在哪里")
    assert "河边补种：3月6日 10:00–11:00，地点是发起时定的位置（23.10100，114.40050）。" in reply


def test_a_day_opened_in_quiet_hours_gets_its_qr_code_at_once(secretary, tick, sent_to, clock):
    """The QR code's link is the second half of the reply to 活动, for a day that runs from now: it does not wait
    for the end of reminders.quiet_hours as notices do (it would come after the day)."""
    clock.set("2027-03-06T21:30")
    secretary.sends_location(*PLACE)
    assert "二维码稍后发给您" in secretary.says("活动 夜间补水")
    tick()
    assert any("showqrcode?ticket=ticket-event_1" in t for t in sent_to("o-wang"))


def test_only_proven_cadres_open_one(person, bot, villager_factory, rows, standin, tick, sent_to, secretary):
    villager = person("o-li", "李四")
    assert villager.says("活动 村口植树") == "植树活动由村干部发起。活动开始后发“参加”签到。"
    with transaction(bot.db):
        cadre = roster_store.insert_person(
            bot.db, {"name": "林干部", "village_id": 1, "role": "村干部"}, to_db(bot.clock())
        )
        roster_store.bind_openid(bot.db, cadre, "o-lin", to_db(bot.clock()), via="name")
    assert "绑定" in villager_factory("o-lin").says("活动 村口植树")
    assert secretary.says("活动 村口植树 9点到8点").startswith("时间请这样写")
    assert secretary.says("活动 村口植树 6点到8点").startswith("这个时间段已经过了")
    assert rows("events") == []
    # WeChat refuses the QR code: the opener is told to use the code
    standin.fail("qrcode/create", errcode=40013)
    secretary.sends_location(*PLACE)
    secretary.says("活动 村口植树")
    tick()
    assert any("二维码没有取到" in t for t in sent_to("o-wang")) and rows("events")[0]["qr_status"] == "failed"


# -- checking in -----------------------------------------------------------------------------------------------
def test_a_check_in_days_before_says_the_day(day, person, clock):
    """The lead (forty-second session, the simulator): '参加' on 20 March for a day on the 22nd said only
    '“主题党日植绿护绿”08:00开始，到时再签到' — as if today. A day not today says its date."""
    li = person("o-li", "李四", "党员")
    clock.set("2027-03-04T10:00")
    assert li.says(f"参加 {day}") == "“村口植树”3月6日 09:00开始，到时再签到。"


def test_attended_by_code_and_by_location(day, person, rows, clock):
    li = person("o-li", "李四", "党员")
    assert li.says(f"参加 {day}") == "“村口植树”09:00开始，到时再签到。"
    clock.set("2027-03-06T09:10")
    assert li.says(f"参加 {day}").startswith("已签到：村口植树（埔心村）。请发个位置确认在场")
    assert li.sends_location(*FAR).startswith("这个位置离“村口植树”约1101米，超出500米，不算在场")
    assert li.sends_location(*NEAR).startswith("位置收到：您在“村口植树”现场（")
    assert li.says(f"参加 {day}") == "您已经签到过“村口植树”了，在场。"
    # by voice, with the location sent just before: present at once
    zhao = person("o-zhao", "赵五", "党员")
    zhao.sends_location(*NEAR)
    digits = "".join("零一二三四五六七八九"[int(d)] for d in day)
    assert zhao.sends_voice("m-v1", f"参加{digits}。").startswith("已签到：村口植树。您在现场（离活动地点")
    wrong = "0000" if day != "0000" else "0001"
    assert li.says(f"参加 {wrong}") == f"签到码{wrong}不对，或者活动已经结束了。"
    clock.set("2027-03-06T12:00")
    assert person("o-late", "迟到").says(f"参加 {day}") == f"签到码{day}不对，或者活动已经结束了。"
    assert [(a["how"], a["present"], a["present_via"]) for a in rows("attendance")] == [
        ("opened", 1, "opener"),
        ("code", 1, "location"),
        ("code", 1, "location"),
    ]


def test_attended_by_the_village_and_by_the_qr_scene(day, person, villager_factory, rows, clock):
    clock.set("2027-03-06T09:30")
    li = person("o-li", "李四")
    assert li.says("参加").startswith("已签到：村口植树（埔心村）。")
    # a follower scans the day's QR code
    sun = person("o-sun", "孙八")
    assert sun.scans("event_1").startswith("已签到：村口植树（埔心村）。")
    # someone new follows through it: the village is preselected, and the check-in waits for 登记
    newcomer = villager_factory("o-new")
    welcome = newcomer.follows("event_1")
    assert "埔心村" in welcome and "登记好就给您签到“村口植树”" in welcome
    assert rows("SELECT * FROM attendance WHERE openid = 'o-new'") == []
    reply = newcomer.says("钱七")
    assert "登记好了：钱七，埔心村" in reply and "已签到：村口植树（埔心村）" in reply
    assert [(a["openid"], a["how"]) for a in rows("attendance")] == [
        ("o-wang", "opened"),
        ("o-li", "village"),
        ("o-sun", "qr"),
        ("o-new", "qr"),
    ]
    # a village's own QR code still just preselects the village
    assert "埔心村" in villager_factory("o-other").follows("1")


@pytest.mark.parametrize("text", ["村里的植树活动点样报名", "听说村里搞义务植树 点样报名", "我参加"])
def test_asked_how_to_sign_up_before_any_day_is_open_the_villager_is_told_how_it_goes(person, rows, text):
    """Round 37: days open on the day itself (a cadre's 活动), so a wish to join or how to sign up, none open yet, is
    told that the village sends word and 参加 checks in there; nothing is recorded."""
    reply = person("o-li", "李四").says(text)
    assert "通知" in reply and "发“参加”签到" in reply
    assert rows("attendance") == []


def test_a_cadre_confirms_who_could_not_send_a_location(day, person, app, rows, clock, config_file):
    clock.set("2027-03-06T09:30")
    li = person("o-li", "李四")
    li.says("参加")
    assert (
        cli.main(
            [
                "--config",
                str(config_file),
                "create-admin",
                "wang",
                "--password",
                PASSWORD,
                "--role",
                "cadre",
                "--person",
                "王书记",
            ]
        )
        == 0
    )
    client = app.test_client()
    assert login(client, "wang").status_code == 302
    assert "村口植树" in client.get("/admin/events").get_data(as_text=True)
    page = client.get("/admin/events/1").get_data(as_text=True)
    assert "李四" in page and "待确认" in page
    [waiting] = rows("SELECT id FROM attendance WHERE present = 0")
    done = client.post(
        f"/admin/events/1/attendance/{waiting['id']}/confirm", data={"csrf_token": csrf_of(page)}, follow_redirects=True
    )
    assert "已确认到场" in done.get_data(as_text=True)
    [row] = rows("SELECT * FROM attendance WHERE openid = 'o-li'")
    assert (row["present"], row["present_via"], row["confirmed_by"]) == (1, "cadre", "wang")
    # a cadre of another village sees none of it
    db = app.extensions["bot"].db
    with transaction(db):
        village = roster_store.insert_village(db, {"name": "石湖村", "kind": "村"}, "2027-01-01T00:00:00")
        roster_store.insert_person(
            db, {"name": "外村书记", "village_id": village, "role": "村书记"}, "2027-01-01T00:00:00"
        )
    assert (
        cli.main(
            [
                "--config",
                str(config_file),
                "create-admin",
                "shi",
                "--password",
                PASSWORD,
                "--role",
                "cadre",
                "--person",
                "外村书记",
            ]
        )
        == 0
    )
    outsider = app.test_client()
    login(outsider, "shi")
    assert outsider.get("/admin/events/1").status_code == 403
    assert "村口植树" not in outsider.get("/admin/events").get_data(as_text=True)


# -- taking part, 我的进度, the trees of the day, the 通报 ------------------------------------------------------------
def test_attendance_counts_for_party_members_of_64_and_65_not_66(
    day, person, bot, clock, standin, tick, config_file, tmp_path
):
    set_birth_year(bot, "王书记", 1970)
    members = {"陈六十四": 1963, "林六十五": 1962, "黄六十六": 1961}  # ages in campaign.year 2027
    users = {}
    for n, (name, year) in enumerate(members.items()):
        users[name] = person(f"o-{n}", name, "党员")
        set_birth_year(bot, name, year)
    before = progress.village_progress(bot.db, bot.config, 1)
    assert (before.party_members, before.party_members_active) == (3, 1)  # 64, 65 and the opener (66 is not due)
    assert "65周岁以下党员至少参加1次义务植树活动" in users["陈六十四"].says("我的进度")
    assert "义务植树活动" not in users["黄六十六"].says("我的进度")
    clock.set("2027-03-06T09:30")
    for user in users.values():
        user.sends_location(*NEAR)
        user.says("参加")
    after = progress.village_progress(bot.db, bot.config, 1)
    assert (after.party_members, after.party_members_active) == (3, 3)
    assert "义务植树活动：已参加1次 ✅" in users["林六十五"].says("我的进度")
    assert "义务植树活动：已参加1次 ✅" in users["黄六十六"].says("我的进度")  # shown, though not required
    assert "党员参与3/3人" in users["陈六十四"].says("本村进度")
    # a tree logged during the day is the day's; one after it is not
    standin.add_media("m-1", photo(1))
    users["陈六十四"].sends_photo("m-1")
    users["陈六十四"].says("3棵桂花")
    clock.set("2027-03-06T13:00")
    standin.add_media("m-2", photo(2))
    users["陈六十四"].sends_photo("m-2")
    users["陈六十四"].says("2棵龙眼")
    [event] = export(config_file, "events", tmp_path)
    assert (event["name"], event["code"], event["attendees"], event["present"], event["trees"]) == (
        "村口植树",
        day,
        "4",
        "4",
        "3",
    )
    assert set(event) >= {"id", "village", "name", "lat", "lng", "starts_at", "ends_at", "opened_by"}
    attendance = export(config_file, "attendance", tmp_path)
    assert [(a["person"], a["how"], a["trees"]) for a in attendance] == [
        ("王书记", "opened", "0"),
        ("陈六十四", "village", "3"),
        ("林六十五", "village", "0"),
        ("黄六十六", "village", "0"),
    ]
    assert set(attendance[0]) >= {"event", "person", "checked_in_at", "how"}
    out = tmp_path / "march.xlsx"
    assert cli.main(["--config", str(config_file), "report", "--month", "2027-03", "--out", str(out)]) == 0
    sheet = load_workbook(out)["村社区排名"]
    headers = [c.value for c in sheet[1]]
    row = {h: sheet.cell(2, i + 1).value for i, h in enumerate(headers)}
    assert (row["党员参与"], row["已参与党员"], row["植树活动"], row["活动签到"]) == ("3/3", 3, 1, 4)


@pytest.mark.parametrize("text", ["帮我发个通知叫大家星期六去种树", "通知全村村民周六集合种树", "帮我群发个通知"])
def test_an_organiser_wishing_to_notify_the_villagers_is_told_how(secretary, person, bot, rows, text):
    """Round 53 (the lead, as a village secretary in the simulator: it got the village's own arrangements entry): the
    bot sends no notice for a cadre; it says how a planting day reaches the villagers and that a whole village's message
    is the office's 群发; a villager's same words go on to the FAQ, and nothing is opened or sent."""
    assert secretary.says(text) == bot.t("events.notice_how").strip()
    assert "群发" not in (person("o-chen", "陈大伯").says(text) or "")
    assert rows("events") == [] and rows("outbox") == []


@pytest.mark.parametrize(
    "text",
    [
        "听日早上九点喺村委门口搞义务植树 帮我通知全村",
        "礼拜六上昼八点半祠堂门口集合种树 麻烦通知下大家",
        "星期天去后山种树 你帮我通知村民",
    ],
)
def test_a_planting_day_told_then_a_notice_to_all_asked_is_told_how(secretary, bot, rows, text):
    """Round 56 (the lead, as a village secretary in the simulator): the day told first (when, where), the notice to
    everyone asked after it had become a ticket for the adviser: the same as round 53's, how a planting day reaches
    the villagers; nothing opened or sent."""
    assert secretary.says(text) == bot.t("events.notice_how").strip(), text
    assert rows("events") == [] and rows("tickets") == []


# -- sim58 --------------------------------------------------------------------------------------------------------
def test_the_organiser_asks_who_is_at_the_day(secretary, person, day, clock):
    """sim58: the secretary's '今日有几多人签到' and '边个仲未到' had become tickets for the adviser: how many checked in,
    who is present and who has not shown it yet; a villager's words stay his (never the list)."""
    clock.set("2027-03-06T09:10")
    li, zhao = person("o-li", "李四"), person("o-zhao", "赵六")
    li.says("参加")
    li.sends_location(*NEAR)
    zhao.says("参加")  # no location yet
    reply = secretary.says("今日有几多人签到")
    assert reply == (
        "村口植树（3月6日 09:00–12:00）：签到3人，在场2人。\n在场：王书记、李四\n"
        "未确认在场：赵六（请他们发个位置，或在后台确认到场）"
    )
    assert secretary.says("边个仲未到") == reply
    assert secretary.says("睇下签到名单") == reply
    assert "签到3人" not in zhao.says("今日有几多人签到")


def test_the_roll_call_with_no_day_today(secretary):
    assert secretary.says("签到名单") == "本村今天没有进行中的植树活动。以往活动的签到名单在后台的植树活动页看。"


def test_a_villager_asks_whether_there_is_a_day_and_says_he_has_arrived(person, day, clock):
    """sim58: on 植树节 '植树节今日有冇活动' and, at the place, '我到咗啦' had become tickets for the adviser: the day's
    details, and a check-in as 参加 (never while no day of the village is under way)."""
    li = person("o-li", "李四")
    assert not li.says("我到咗啦").startswith("已签到")  # 08:30: the day is not under way yet
    clock.set("2027-03-06T09:10")
    assert li.says("植树节今日有冇活动").startswith("本村的植树活动：\n村口植树：3月6日 09:00–12:00")
    assert li.says("我到咗啦").startswith("已签到：村口植树（埔心村）。")
    assert li.sends_location(*NEAR).startswith("位置收到：您在“村口植树”现场（")


def test_a_villager_checked_in_and_not_shown_present_asks_after_his_check_in(day, person, clock):
    """Sim62: told 已签到…请发个位置确认在场, his location too far, 我的签到 said 您还没有义务植树活动的签到记录: it says he is
    checked in and what is still needed; shown present, the count as before."""
    clock.set("2027-03-06T09:10")
    li = person("o-li", "李四", "党员")
    assert li.says("参加").startswith("已签到：村口植树（埔心村）")
    li.sends_location(*FAR)
    waiting = "您已在“村口植树”签到，还没确认在场：在现场发个位置就算参加了；发不了的话，请村干部在后台确认。"
    assert li.says("我的签到") == waiting
    li.sends_location(*NEAR)
    assert li.says("我的签到").startswith("您参加义务植树活动签到在场1次 ✅")
    clock.set("2027-03-06T12:30")  # the day over: not waiting any more
    zhao = person("o-zhao", "赵五", "党员")
    assert zhao.says("我的签到").startswith("您还没有义务植树活动的签到记录")
