"""党员责任区 end to end: `import zones FILE` through the CLI, claiming, 管护 with a photo in either order (and by
voice), the location check, the nudge (once per idle stretch), the exports, the 通报 column and the dashboard.

Seed 002, 二(五): 广大党员……在“党建林”“主题林”中认领“党员责任区”，带头开展义务“守绿护绿”行动，确保树苗成活率.
"""

from __future__ import annotations

import io
import re

import pytest
from openpyxl import load_workbook
from PIL import Image

from bot import exports, reports
from bot.app import build_registry
from bot.cli import build_parser, commands
from bot.clock import to_db
from bot.db import transaction
from bot.store import roster as roster_store
from tests.conftest import make_config
from tests.e2e.dashboard_seed import add_cadre_login, login, password_hash, status_for

ZONES_CSV = "名称,村社区,纬度,经度,半径米\n党建林东片,埔心村,23.1000,114.4000,80\n党建林西片,埔心,23.1010,114.3990,60\n"
BAD_CSV = (
    "名称,村社区,纬度,经度,半径米\n东片,埔心村,23.1,114.4,80\n,埔心村,23.1,114.4,80\n西片,火星村,23.1,114.4,80\n"
    "东片,埔心村,23.1,114.4,80\n北片,埔心村,abc,114.4,80\n南片,埔心村,23.1,,80\n中片,埔心村,23.1,114.4,\n"
)
INSIDE = (23.1003, 114.4002)  # ~40 m from 党建林东片's centre
OUTSIDE = (23.1050, 114.4000)  # ~550 m away


@pytest.fixture
def config(tmp_path, standin):
    """Template ids set, so that what the bot sends outside the 48-hour window reaches the stand-in."""
    return make_config(tmp_path, standin, **{"wechat.templates.reminder": "TPL-R", "wechat.templates.notice": "TPL-N"})


def jpeg(seed: int) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (seed * 40 % 256, 150, 60)).save(buffer, "JPEG")
    return buffer.getvalue()


def run(bot, *argv) -> int:
    registry = build_registry()
    return commands(registry)[argv[0]].run(build_parser(registry).parse_args(list(argv)), bot)


@pytest.fixture(autouse=True)
def _in_the_window(clock):
    clock.set("2027-03-02T10:00")


@pytest.fixture
def zones(bot, village, tmp_path):
    path = tmp_path / "zones.csv"
    path.write_text(ZONES_CSV, encoding="utf-8")
    assert run(bot, "import", "zones", str(path)) == 0
    return {z["name"]: z["id"] for z in bot.db.query("SELECT id, name FROM zones")}


@pytest.fixture
def member(person, zones):
    """陈党员 holds 党建林东片."""
    chen = person("o-chen", "陈党员", "党员")
    chen.says("认领责任区")
    assert "认领成功" in chen.says("认领责任区 1")
    return chen


# -- import ------------------------------------------------------------------------------------------------
def test_import_lists_every_problem_by_row_and_writes_nothing(bot, village, tmp_path, capsys):
    path = tmp_path / "zones.csv"
    path.write_text(BAD_CSV, encoding="gbk")
    assert run(bot, "import", "zones", str(path)) == 1
    err = capsys.readouterr().err
    for row, words in ((3, "缺少名称"), (4, "火星村"), (5, "与第2行重复"), (6, "纬度"), (7, "一起填"), (8, "半径米")):
        assert f"第{row}行" in err and words in err, (row, err)
    assert "第2行" not in err.replace("与第2行重复", "") and "未导入" in err
    assert bot.db.execute("SELECT COUNT(*) FROM zones").fetchone()[0] == 0


def test_import_creates_then_updates_in_place(bot, zones, tmp_path, capsys):
    assert set(zones) == {"党建林东片", "党建林西片"}  # '埔心' is 埔心村
    path = tmp_path / "again.csv"
    path.write_text(ZONES_CSV.replace(",80\n", ",120\n"), encoding="utf-8")
    assert run(bot, "import", "zones", str(path)) == 0
    assert "更新 1，未变 1" in capsys.readouterr().out
    assert [(z["name"], z["radius_m"]) for z in bot.db.query("SELECT name, radius_m FROM zones ORDER BY id")] == [
        ("党建林东片", 120),
        ("党建林西片", 60),
    ]


# -- claiming ------------------------------------------------------------------------------------------------
def test_list_claim_and_holder_counts(person, zones, bot):
    chen, lin = person("o-chen", "陈党员", "党员"), person("o-lin", "林干部", "村干部")
    listing = chen.says("认领责任区")
    # tidy74: who holds each zone, by name (it had said how many: 0人认领)
    assert "1. 党建林东片（还没有人认领）" in listing and "2. 党建林西片（还没有人认领）" in listing
    assert "没有第3号" in chen.says("认领责任区 3")
    assert "认领成功" in chen.says("认领责任区 1") and "党建林东片" in bot.t(
        "zones.claimed", zone="党建林东片", holders=1
    )
    lin.says("认领责任区")
    assert "共2人" in lin.says("认领责任区第1号")  # several members per zone
    assert "1. 党建林东片（陈党员、林干部认领，含您）" in lin.says("认领党员责任区")  # tidy74: names (2人认领)
    assert "已改为认领党建林西片（原来是党建林东片）" in lin.says("认领责任区 2")  # one zone per member
    assert "您已经认领了党建林东片" in (chen.says("认领责任区"), chen.says("认领责任区 1"))[1]
    holders = {
        r["name"]: r["zone"]
        for r in bot.db.query(
            "SELECT pe.name, z.name AS zone FROM zone_holders h JOIN people pe ON pe.id = h.person_id"
            " JOIN zones z ON z.id = h.zone_id WHERE h.ended_at IS NULL"
        )
    }
    assert holders == {"陈党员": "党建林东片", "林干部": "党建林西片"}


def test_only_party_members_and_cadres_claim(person, zones, bot):
    villager = person("o-wang", "王大妈", "群众")
    assert "党员、干部认领" in villager.says("认领责任区")
    assert "党员、干部认领" in villager.says("认领责任区 1")
    assert "党员、干部认领" in villager.says("管护")
    assert bot.db.execute("SELECT COUNT(*) FROM zone_holders").fetchone()[0] == 0


def test_a_number_without_a_list_shows_the_list_again(person, zones):
    chen = person("o-chen", "陈党员", "党员")
    reply = chen.says("认领责任区 1")
    assert "1. 党建林东片" in reply and "认领成功" not in reply
    assert "认领成功" in chen.says("认领责任区 1")


def test_no_zones_yet_says_who_decides(person, village):
    assert "还没有划定党员责任区" in person("o-chen", "陈党员", "党员").says("认领责任区")


# -- 管护 ------------------------------------------------------------------------------------------------------
def tending_rows(bot):
    return list(
        bot.db.query("SELECT t.*, m.media_id FROM tending t LEFT JOIN media m ON m.id = t.media_row_id ORDER BY t.id")
    )


def counted_plantings(bot) -> int:
    return bot.db.execute("SELECT COUNT(*) FROM plantings WHERE status != 'cancelled'").fetchone()[0]


def test_tending_in_either_order_and_by_voice(member, bot, standin, clock, tick):
    for n in range(1, 5):
        standin.add_media(f"m-{n}", jpeg(n))
    assert "请拍一张党建林东片的照片" in member.says("管护")
    assert "本季第1次管护" in member.sends_photo("m-1")  # 管护, then the photo
    clock.advance(hours=2)
    member.sends_photo("m-2")  # the photo first (it starts a record) …
    tick()  # … and is downloaded meanwhile
    assert "本季第2次管护" in member.says("管护")  # … then 管护 takes it
    clock.advance(days=1)
    assert "照片" in member.sends_voice("v-1", recognition="管护了。")  # voice
    assert "本季第3次管护" in member.sends_photo("m-3")
    assert [r["media_id"] for r in tending_rows(bot)] == ["m-1", "m-2", "m-3"]
    assert counted_plantings(bot) == 0  # no 管护 photo is a planting record
    assert "树种和棵数" in member.sends_photo("m-4")  # a photo without 管护 still is
    assert counted_plantings(bot) == 1


def test_location_is_checked_against_the_zone(member, bot, standin):
    standin.add_media("m-1", jpeg(1))
    member.says("管护")
    reply = member.sends_location(*OUTSIDE)
    assert "超出责任区范围（80米）" in reply and "没有记录" in reply
    assert "在党建林东片范围内" in member.sends_location(*INSIDE)
    assert "本季第1次管护" in member.sends_photo("m-1")
    [row] = tending_rows(bot)
    assert (round(row["lat"], 4), round(row["lng"], 4)) == INSIDE


def test_tending_needs_a_zone(person, zones):
    assert "还没有认领党员责任区" in person("o-chen", "陈党员", "党员").says("管护")


def test_cancel_drops_the_waiting_tending(member, bot, standin):
    standin.add_media("m-1", jpeg(1))
    member.says("管护")
    member.says("取消")
    assert "树种和棵数" in member.sends_photo("m-1")
    assert tending_rows(bot) == []


# -- the nudge ----------------------------------------------------------------------------------------------------
def nudges(bot, openid):
    return [
        r["dedupe_key"]
        for r in bot.db.query(
            "SELECT dedupe_key FROM outbox WHERE openid = ? AND dedupe_key LIKE 'zone-nudge:%' ORDER BY id", [openid]
        )
    ]


def test_an_idle_holder_is_nudged_once_per_stretch(member, person, bot, standin, tick, sent_to, clock):
    lin = person("o-lin", "林干部", "村干部")
    lin.says("认领责任区")
    lin.says("认领责任区 2")
    lin.says("退订")
    tick("2027-03-15T10:00")  # 13 days after the claim
    assert nudges(bot, "o-chen") == []
    tick("2027-03-16T22:30")  # 14 days: queued, but not at night
    assert len(nudges(bot, "o-chen")) == 1
    assert not any("没有管护记录" in text for text in sent_to("o-chen"))
    tick("2027-03-17T08:00")
    [text] = [t for t in sent_to("o-chen") if "没有管护记录" in t]
    assert "党建林东片" in text and "14天" in text
    tick("2027-03-24T10:00")  # still idle: not twice
    assert len(nudges(bot, "o-chen")) == 1 and len([t for t in sent_to("o-chen") if "没有管护记录" in t]) == 1
    assert not any("没有管护记录" in t for t in sent_to("o-lin"))  # 退订

    clock.set("2027-03-25T10:00")  # tending starts a new stretch
    standin.add_media("m-1", jpeg(1))
    member.says("管护")
    member.sends_photo("m-1")
    tick("2027-04-07T10:00")
    assert len(nudges(bot, "o-chen")) == 1
    tick("2027-04-08T10:00")
    assert len(nudges(bot, "o-chen")) == 2


def test_no_nudge_outside_the_season(member, bot, tick):
    tick("2027-09-20T10:00")  # window end 05-31 + 3 months = 08-31
    assert nudges(bot, "o-chen") == []


# -- exports, report, dashboard -------------------------------------------------------------------------------------
def test_exports_report_and_dashboard(member, person, bot, standin, tick, clock, app, tmp_path):
    lin = person("o-lin", "林干部", "村干部")
    lin.says("认领责任区")
    lin.says("认领责任区 1")
    standin.add_media("m-1", jpeg(1))
    member.says("管护")
    member.sends_photo("m-1")
    tick()

    header, data = exports.rows(bot, "zones")
    zones_export = [dict(zip(header, row)) for row in data]
    assert [(z["village"], z["name"], z["holders"]) for z in zones_export] == [
        ("埔心村", "党建林东片", "陈党员、林干部"),
        ("埔心村", "党建林西片", None),
    ]
    header, data = exports.rows(bot, "tending")
    [tending] = [dict(zip(header, row)) for row in data]
    assert header[:7] == ["id", "zone", "person", "created_at", "photo_sha256", "lat", "lng"]
    assert (tending["zone"], tending["person"]) == ("党建林东片", "陈党员") and len(tending["photo_sha256"]) == 64

    report = reports.build_report(bot, 2027, 3)  # one of the two zones tended in March: 50 %
    sheet = load_workbook(reports.write_workbook(report, bot, tmp_path / "r.xlsx"))["村社区排名"]
    headers = [c.value for c in sheet[1]]
    assert sheet.cell(2, headers.index("责任区管护") + 1).value == 0.5
    assert reports.build_report(bot, 2027, 4).figures["zones_tended"] == {1: 0.0}

    with transaction(bot.db):
        bot.db["admins"].insert(
            {"username": "admin", "password_hash": password_hash(), "role": "admin", "created_at": to_db(clock())}
        )
    client = app.test_client()
    assert login(client, "admin").status_code == 302
    village_page = client.get("/admin/villages/1").get_data(as_text=True)
    assert (
        "党员责任区" in village_page
        and "2个，1个有人认领，本季管护1次" in village_page
        and "陈党员、林干部" in village_page
    )
    thumb = f"/admin/zones/photos/{tending['photo_sha256']}/thumb"
    assert thumb in village_page and client.get(thumb).status_code == 200
    assert client.get("/admin/zones/photos/" + "0" * 64 + "/thumb").status_code == 404
    assert "党建林东片" in client.get("/admin/zones").get_data(as_text=True)


def test_a_cadre_login_sees_its_villages_tending_photos_and_no_other(member, person, bot, standin, tick, app):
    person("o-lin", "林干部", "村干部")
    standin.add_media("m-1", jpeg(1))
    member.says("管护")
    member.sends_photo("m-1")
    tick()
    sha = next(bot.db.query("SELECT sha256 FROM media WHERE media_id = 'm-1'"))["sha256"]
    with transaction(bot.db):
        other = roster_store.insert_village(bot.db, {"name": "石湖村", "kind": "村"}, to_db(bot.clock()))
        roster_store.insert_person(bot.db, {"name": "石书记", "village_id": other, "role": "村书记"}, "2027-01-01")
    add_cadre_login(bot.db, "lin", "林干部")
    add_cadre_login(bot.db, "shi", "石书记")
    thumb = f"/admin/zones/photos/{sha}/thumb"
    assert status_for(app, "lin", thumb, on_page="/admin/villages/1") == 200
    assert status_for(app, "shi", thumb) == 403
    # the one media check: the photo itself, through /admin/photos, is theirs too (and still not 石书记's)
    assert status_for(app, "lin", f"/admin/photos/{sha}") == 200
    assert status_for(app, "shi", f"/admin/photos/{sha}") == 403


def test_the_dashboard_adds_a_zone_with_its_checks(bot, village, app, clock):
    from tests.e2e.dashboard_seed import csrf_of

    with transaction(bot.db):
        bot.db["admins"].insert(
            {"username": "admin", "password_hash": password_hash(), "role": "admin", "created_at": to_db(clock())}
        )
    client = app.test_client()
    login(client, "admin")
    token = csrf_of(client.get("/admin/zones").get_data(as_text=True))
    bad = client.post(
        "/admin/zones",
        data={
            "csrf_token": token,
            "village_id": str(village),
            "name": "河堤段",
            "lat": "23.1",
            "lng": "114.4",
            "radius_m": "",
        },
    )
    assert bad.status_code == 400 and "也要填半径米" in bad.get_data(as_text=True)
    good = client.post(
        "/admin/zones",
        data={
            "csrf_token": token,
            "village_id": str(village),
            "name": "河堤段",
            "lat": "23.1",
            "lng": "114.4",
            "radius_m": "50",
        },
    )
    assert good.status_code == 302
    again = client.post("/admin/zones", data={"csrf_token": token, "village_id": str(village), "name": "河堤段"})
    assert again.status_code == 400 and "已经有了" in again.get_data(as_text=True)
    assert [(z["name"], z["source"]) for z in bot.db.query("SELECT name, source FROM zones")] == [
        ("河堤段", "dashboard")
    ]


def test_a_zone_asked_for_in_a_sentence_and_a_retraction_while_the_list_is_shown(person, zones, bot):
    """Round 19: a zone wanted with a question first ('…在哪里 我要认领一块'), claimed by its number in a sentence
    ('我认领1号责任区'), one's own asked ('我的责任区是哪块'); '发错了' while the list is shown ends it as 取消 does (a
    list shown is a flow in progress: a number sent after it no longer claims)."""
    chen = person("o-chen", "陈党员", "党员")
    assert "1. 党建林东片（还没有人认领）" in chen.says("党员责任区在哪里 我要认领一块")  # tidy74: 0人认领 before
    assert chen.says("发错了") == bot.t("core.cancelled")
    again = chen.says("我认领1号责任区")  # no list kept any more: the list again, nothing claimed
    assert "1. 党建林东片（还没有人认领）" in again and "认领成功" not in again
    assert "认领成功" in chen.says("我认领1号责任区")
    assert "1. 党建林东片（陈党员认领，含您）" in chen.says("我的责任区是哪块")  # tidy74: 1人认领 before
    assert "1. 党建林东片（陈党员认领，含您）" not in chen.says("责任区怎么管护")  # how to: the FAQ's


# -- sim58 --------------------------------------------------------------------------------------------------------
def test_the_tending_photo_is_not_taken_for_an_open_tickets_supplement(member, bot, standin, clock):
    """sim58: a question went to the adviser just before; 管护 then its photo is a tending record (the photo had been
    added to the ticket as its 补充, and the member's 管护 was lost). The ticket's 补充 yields the photo to the flow
    touched after it (bot.conversation.photo_awaited), not to 管护 wherever it stands: see the next test."""
    standin.add_media("m-1", jpeg(1))
    assert "已转给技术顾问" in member.says("我屋企喺村东头 有冇近啲嘅")
    clock.advance(minutes=1)
    assert "请拍一张党建林东片的照片" in member.says("管护")
    clock.advance(minutes=1)
    assert "本季第1次管护" in member.sends_photo("m-1")
    assert [r["media_id"] for r in tending_rows(bot)] == ["m-1"]
    assert list(bot.db.query("SELECT id FROM ticket_attachments")) == []


def test_a_photo_after_a_question_that_followed_the_tending_word_joins_the_ticket(member, bot, standin, clock):
    """The reverse: 管护 first, then a question to the adviser (whose reply says photos sent within the window join it),
    then a photo: the ticket's 补充, the 管护 still waiting for its photo."""
    standin.add_media("m-1", jpeg(1))
    assert "请拍一张党建林东片的照片" in member.says("管护")
    clock.advance(minutes=1)
    number = next(iter(re.findall(r"问题编号：(\d+)", member.says("问专家 我家桂花叶子发黄还掉叶是怎么回事"))))
    clock.advance(minutes=1)
    assert f"已补充到第{number}号问题" in member.sends_photo("m-1")
    assert tending_rows(bot) == []


def test_a_member_asks_how_often_he_has_tended(member, person, standin, clock):
    """sim58: '我管护咗几多次' had been the FAQ's choice of two cards, '我呢个月管护过未' a ticket: his zone, this season's
    count and the latest day."""
    assert "本季还没有管护记录" in member.says("我呢个月管护过未")
    standin.add_media("m-1", jpeg(1))
    member.says("管护")
    member.sends_photo("m-1")
    clock.advance(days=1)
    reply = member.says("我管护咗几多次")
    assert reply == "您的党员责任区：党建林东片（共1人）。\n本季管护1次，最近一次3月2日。"
    assert member.says("我的管护") == reply
    assert "还没有认领党员责任区" in person("o-li", "李党员", "党员").says("我有冇去管护过")  # none held
    # the lead, forty-second session (the simulator as a party member): one's zone asked as a command's words
    # ('我的责任区', '我嘅党员责任区') had got the FAQ's how to claim one
    assert member.says("我的责任区") == reply
    assert member.says("我嘅党员责任区") == reply


# tidy74: the list says who holds each zone, not how many: party members' zones are posted in the village (挂牌); a
# zone with many holders names the first few (in the order they claimed) and counts the rest (等N人), short for a phone
def test_the_list_names_each_zones_holders_the_first_few_of_many(person, zones, bot):
    members = [
        person(f"o-m{n}", name, "党员") for n, name in enumerate(("陈党员", "林干部", "王党员", "李党员", "赵党员"))
    ]
    for member in members:
        member.says("认领责任区")
        assert "认领成功" in member.says("认领责任区 1")
    listing = members[0].says("认领责任区").splitlines()
    assert listing[1] == "1. 党建林东片（陈党员、林干部、王党员等5人认领，含您）", listing
    assert listing[2] == "2. 党建林西片（还没有人认领）", listing
    assert all(len(line) <= 40 for line in listing), listing  # a phone's line
    assert "赵党员" not in "\n".join(listing)
    zhou = person("o-zhou", "周党员", "党员")
    zhou.says("认领责任区")
    zhou.says("认领责任区 2")
    listing = zhou.says("认领责任区")
    assert (
        "2. 党建林西片（周党员认领，含您）" in listing and "1. 党建林东片（陈党员、林干部、王党员等5人认领）" in listing
    )


def test_the_list_by_distance_names_the_holders_too(member, person, zones):
    member.says("认领责任区")
    assert "远近" in member.says("哪块离我近啲")
    listing = member.sends_location(*INSIDE)
    assert "1. 党建林东片，约" in listing and "米（陈党员认领，含您）" in listing, listing
    assert "米（还没有人认领）" in listing, listing
