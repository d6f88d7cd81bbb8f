"""Certificates end to end: a party member's first verified tree lands -> the PNG is uploaded as temporary media, sent
as an image message, with the text line naming 证书 and its page; 群众: the household's first verified tree; a record
approved later; 我的证书; the public page (genuine, 已撤销 after a rejected spot check, 404); no CJK font: the link
alone; outside the 48-hour window: the line by template, the picture held.
"""

from __future__ import annotations

import io
import logging
import re

import pytest
from PIL import Image

from bot import certificates as certs
from bot import scheduler
from bot.db import transaction
from bot.simulator import Signer, WeChatUser
from tests.conftest import add_roster, delivered_texts, make_config, needs_cjk_font, transport_for
from tests.e2e.dashboard_seed import add_logins
from tests.e2e.test_planting import photo
from tests.e2e.test_verified import CENTRE, decide

START = "2027-03-15T10:00"
URL_RE = re.compile(r"http://127\.0\.0\.1:8080/cert/([A-Za-z0-9_-]{32})")


@pytest.fixture
def config(tmp_path, standin):
    return make_config(tmp_path, standin, **{"wechat.templates.notice": "TPL-N"})


@pytest.fixture
def village(bot):
    ids = add_roster(
        bot,
        {"埔心村": {"kind": "村", "lat": CENTRE[0], "lng": CENTRE[1], "radius_m": 3000}},
        [
            ("o-member", "陈党员", "埔心村", "党员"),
            ("o-lin", "林大妈", "埔心村", "群众"),
            ("o-lin-son", "林小弟", "埔心村", "群众"),
            ("o-secretary", "黄书记", "埔心村", "村书记"),
            ("o-adviser", "王工", "埔心村", "技术顾问"),
        ],
    )
    with transaction(bot.db):
        bot.db.execute("UPDATE people SET household = '林家' WHERE openid IN ('o-lin', 'o-lin-son')")
    add_logins(bot.db, [("admin", "admin")])
    bot.clock.set(START)
    return ids["埔心村"]


@pytest.fixture
def plant(bot, standin, villager_factory):
    """plant(openid, text, seed): a photo, the text and a location at the village, a few minutes after the last."""

    def send(openid: str, text: str, seed: int) -> str:
        user = villager_factory(openid)
        bot.clock.advance(minutes=5)
        standin.add_media(f"m-{seed}", photo(seed))
        user.sends_photo(f"m-{seed}")
        reply = user.says(text)
        user.sends_location(CENTRE[0] + 0.001, CENTRE[1])
        return reply

    return send


def certificates(bot) -> list[dict]:
    return list(bot.db.query("SELECT * FROM certificates ORDER BY id"))


def page_token(texts: list[str]) -> str:
    return next(URL_RE.search(t).group(1) for t in texts if t and URL_RE.search(t))


@needs_cjk_font
def test_a_party_members_first_verified_tree_brings_the_certificate(village, plant, tick, standin, sent_to, bot):
    plant("o-member", "1棵桂花", 1)
    tick()
    [cert] = certificates(bot)
    assert (cert["kind"], cert["name"], cert["village"], cert["trees"], cert["species"]) == (
        "quota",
        "陈党员",
        "埔心村",
        1,
        "桂花",
    )
    assert re.fullmatch(r"LM27-\d{5}", cert["serial"]) and len(cert["token"]) == 32
    calls = [call for call, _ in standin.calls]
    assert "media/upload" in calls
    sent = standin.messages_to("o-member")
    images = [m for m in sent if m.get("msgtype") == "image"]
    assert len(images) == 1
    data, _name = standin.uploads[images[0]["media_id"]]
    picture = Image.open(io.BytesIO(data))
    assert picture.format == "PNG" and picture.size == (1080, 1520)
    [line] = [t for t in sent_to("o-member") if "证书" in t]
    assert "植绿尽责证书" in line and f"/cert/{cert['token']}" in line and cert["serial"] in line
    assert sent.index(images[0]) < [m.get("text") for m in sent].index(line)  # the picture, then its line
    tick()  # nothing twice
    assert len(certificates(bot)) == 1
    assert len([m for m in standin.messages_to("o-member") if m.get("msgtype") == "image"]) == 1


def test_a_cadre_below_quota_gets_none_until_it_is_reached(village, plant, tick, bot):
    plant("o-secretary", "2棵龙眼", 1)  # 村书记: quota 3
    tick()
    assert certificates(bot) == []
    plant("o-secretary", "1棵荔枝", 2)
    tick()
    [cert] = certificates(bot)
    assert (cert["trees"], cert["species"]) == (3, "龙眼、荔枝")


def test_the_households_first_tree_certifies_the_one_who_logged_it(
    village, plant, tick, bot, sent_to, villager_factory
):
    plant("o-lin", "1棵桂花", 1)
    tick()
    plant("o-lin-son", "1棵荔枝", 2)
    tick()
    assert [c["name"] for c in certificates(bot)] == ["林大妈"]
    assert any("证书" in t for t in sent_to("o-lin")) and not any("证书" in t for t in sent_to("o-lin-son"))
    assert "家种下第一棵树" in villager_factory("o-lin-son").says("我的证书")


def test_a_record_approved_later_brings_the_certificate(village, plant, tick, bot, app):
    plant("o-member", "1棵黄皮", 1)  # not a campaign species: waits for review
    tick()
    assert certificates(bot) == []
    record = next(bot.db.query("SELECT id, review FROM plantings"))
    assert record["review"] == "pending"
    decide(app, record["id"], "approve")
    tick()
    assert [c["name"] for c in certificates(bot)] == ["陈党员"]


def test_a_record_dated_ahead_of_the_clock_waits_until_the_clock_reaches_it(village, plant, tick, bot, app):
    """A demo county dated to 31 May with the clock in March: the job does not look at those records on every
    run (it did: seconds of work every 30 s, at every chat start), only once the clock reaches them."""
    plant("o-member", "1棵黄皮", 1)  # waits for review
    tick()
    decide(app, next(bot.db.query("SELECT id FROM plantings"))["id"], "approve")
    with transaction(bot.db):
        bot.db.execute("UPDATE plantings SET updated_at = '2027-05-31T10:00:00'")  # approved "on 31 May"
    assert tick()["certificates"]["issued"] == 0
    assert tick("2027-05-31T18:01")["certificates"]["issued"] == 1


@needs_cjk_font
def test_my_certificates_sends_them_again(village, plant, tick, bot, villager_factory, standin):
    member = villager_factory("o-member")
    assert "个人任务是1棵" in member.says("我的证书")
    plant("o-member", "1棵桂花", 1)
    tick()
    [cert] = certificates(bot)
    reply = member.says("我的证书")
    assert "植绿尽责证书" in reply and f"/cert/{cert['token']}" in reply
    tick()
    assert len([m for m in standin.messages_to("o-member") if m.get("msgtype") == "image"]) == 2
    assert "技术顾问和管理员" in villager_factory("o-adviser").says("我的证书")


@needs_cjk_font
def test_asking_before_the_job_issues_it_once(village, plant, tick, bot, villager_factory, standin, sent_to):
    plant("o-member", "1棵桂花", 1)
    reply = villager_factory("o-member").says("我的证书")  # before the job ran: issued now, the reply has its line
    [cert] = certificates(bot)
    assert f"/cert/{cert['token']}" in reply
    tick()
    assert len(certificates(bot)) == 1
    assert not any("您种的树已核实" in t for t in sent_to("o-member"))  # the job does not send it again
    assert len([m for m in standin.messages_to("o-member") if m.get("msgtype") == "image"]) == 1


def test_a_certificate_earned_at_night_waits_for_the_morning(village, plant, tick, bot, sent_to, standin):
    """A certificate is a notice: its picture and its line wait for the end of reminders.quiet_hours (21:00–08:00)."""
    bot.clock.set("2027-03-15T22:00")
    plant("o-member", "1棵桂花", 1)
    tick()
    assert len(certificates(bot)) == 1 and not any("证书" in t for t in sent_to("o-member"))
    assert not [m for m in standin.messages_to("o-member") if m.get("msgtype") == "image"]
    assert {
        r["next_attempt_at"] for r in bot.db.query("SELECT next_attempt_at FROM outbox WHERE openid = 'o-member'")
    } == {
        "2027-03-16T00:00:00"  # 08:00 in Shanghai
    }
    tick("2027-03-16T08:00")
    assert any("植绿尽责证书" in t for t in sent_to("o-member"))


@needs_cjk_font
def test_my_certificates_at_night_sends_the_picture_at_once(village, plant, tick, bot, villager_factory, standin):
    """我的证书 is a question: its picture is the reply's, and goes at once."""
    plant("o-member", "1棵桂花", 1)
    tick()
    bot.clock.set("2027-03-15T23:00")
    villager_factory("o-member").says("我的证书")
    tick()
    assert len([m for m in standin.messages_to("o-member") if m.get("msgtype") == "image"]) == 2


@pytest.fixture
def member_of(village, app_with, standin):
    """member_of(**config) -> (app, its AppContext, 陈党员 who has just logged 1棵桂花 with a photo and location):
    the same county on an app with other settings."""

    def make(**overrides):
        flask_app = app_with(**overrides)
        bot = flask_app.extensions["bot"]
        bot.clock.set(START)
        member = WeChatUser(
            transport_for(flask_app),
            Signer("spamtest", "", bot.config.get("wechat.app_id")),
            "o-member",
            now=lambda: bot.clock().timestamp(),
        )
        standin.add_media("m-1", photo(1))
        member.sends_photo("m-1")
        member.says("1棵桂花")
        member.sends_location(CENTRE[0] + 0.001, CENTRE[1])
        return flask_app, bot, member

    return make


@needs_cjk_font
def test_the_public_page_genuine_revoked_and_404(member_of, bot):
    with transaction(bot.db):
        bot.db.execute("UPDATE people SET phone = '13912345678' WHERE openid = 'o-member'")
    app, bot, member = member_of(**{"review.spot_check_rate": 1.0})
    scheduler.run_due(bot, bot.clock())
    record = next(bot.db.query("SELECT id, review FROM plantings"))
    assert record["review"] == "spot_check"  # drawn for a spot check: still counts
    [cert] = certificates(bot)
    client = app.test_client()
    page = client.get(f"/cert/{cert['token']}")
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and "真实有效" in html and "陈党员" in html and "埔心村" in html
    assert cert["serial"] in html and "1棵树" in html and "桂花" in html
    assert "o-member" not in html and "13912345678" not in html and "3912" not in html
    assert page.headers["Cache-Control"] == "no-store"
    image = client.get(f"/cert/{cert['token']}/image.png")
    assert image.status_code == 200 and image.data[:8] == b"\x89PNG\r\n\x1a\n"
    assert client.get("/cert/" + "A" * 32).status_code == 404
    assert client.get("/cert/" + cert["serial"]).status_code == 404
    assert client.get("/cert/%3Cscript%3E").status_code == 404

    decide(app, record["id"], "reject", "照片不是这棵树")  # the spot check finds it false
    html = client.get(f"/cert/{cert['token']}").get_data(as_text=True)
    assert "已撤销" in html and "真实有效" not in html
    assert client.get(f"/cert/{cert['token']}/image.png").status_code == 404
    assert "已撤销" in member.says("我的证书")


def test_without_a_chinese_font_the_link_goes_alone(member_of, tmp_path, standin, caplog):
    app, bot, _member = member_of(**{"certificates.font": str(tmp_path / "none.ttf")})
    with caplog.at_level(logging.WARNING):
        scheduler.run_due(bot, bot.clock())
    assert "fonts-wqy-microhei" in caplog.text
    assert [c for c, _ in standin.calls if c == "media/upload"] == []
    [line] = [t for t in delivered_texts(standin, "o-member") if "/cert/" in t]
    assert "植绿尽责证书" in line
    html = app.test_client().get(f"/cert/{URL_RE.search(line).group(1)}").get_data(as_text=True)
    assert "真实有效" in html and "image.png" not in html


@needs_cjk_font
def test_outside_the_window_the_line_goes_by_template_and_the_picture_waits(village, plant, bot, tick, standin):
    plant("o-member", "1棵桂花", 1)
    standin.fail("message/custom/send", errcode=45015, times=3)
    tick()
    sent = standin.messages_to("o-member")
    assert [m["kind"] for m in sent if "证书" in (m.get("text") or "")] == ["template"]
    assert sent[-1]["url"].endswith(f"/cert/{certificates(bot)[0]['token']}")
    held = list(bot.db.query("SELECT status FROM outbox WHERE image IS NOT NULL"))
    assert [r["status"] for r in held] == ["held"]


def test_a_relatives_certificate_checked_for_shows_the_households(village, plant, tick, bot, villager_factory):
    """Round 23 (issue 17 §5): '帮我妈看一下她的正书出来没有' asks whether a relative's is out: the others of the sender's
    household, each with its page; never the sender's own, never another household's."""
    son = villager_factory("o-lin-son")
    assert "其他人还没有证书" in son.says("帮我妈看一下她的正书出来没有")
    plant("o-lin", "1棵桂花", 1)
    tick()
    [cert] = certificates(bot)
    for asked in ("帮我阿妈睇下佢嘅正书出嚟未", "我妈的证书有没有", "查一下我妈妈的奖状"):
        reply = son.says(asked)
        assert reply.startswith("林大妈的植绿尽责证书") and f"/cert/{cert['token']}" in reply, asked
    assert "其他人还没有证书" in villager_factory("o-member").says("我老婆的证书有没有")  # another household
    assert "林大妈" not in villager_factory("o-member").says("我的证书")


def test_trees_logged_at_the_party_forest_are_printed_apart_from_the_holders_own(village, plant, tick, bot):
    """The lead's trust decision of the thirty-seventh session, carried to certificates: 黄书记 logs the branch's
    planting at the 党建林 through the chat (photo, text, location), 20 trees of many hands, and 1 桂花 at home. The
    certificate counts both for his quota (taking part is what it asks) but prints only the 1 as trees he planted,
    the 20 apart as a collective planting (docs/certificates.md)."""
    plant("o-secretary", "党建林 20棵 桂花", 1)
    [logged] = bot.db.query("SELECT site, count FROM plantings WHERE openid = 'o-secretary' AND kind = 'tree'")
    assert logged == {"site": "党建林", "count": 20}
    tick()
    [cert] = certificates(bot)  # quota 3, reached by the collective planting alone
    assert (cert["trees"], cert["collective_trees"]) == (0, 20)
    lines = certs.card(bot, cert).lines
    assert not any("种下20棵" in line for line in lines), lines
    assert lines[:2] == (
        bot.t("certificates.card.collective_only_line", year=2027),
        bot.t("certificates.card.collective_count_line", trees=20),
    )
    plant("o-secretary", "1棵桂花", 3)  # and one at home: his own, the 20 beside it
    tick()
    assert len(certificates(bot)) == 1  # one certificate a person; its lines as issued
    lines = certs.card(bot, {**cert, "trees": 1}).lines
    assert bot.t("certificates.card.trees_line", year=2027, trees=1) in lines
    assert bot.t("certificates.card.collective_line", trees=20) in lines
    plant("o-member", "2棵桂花", 2)
    tick()
    mine = next(c for c in certificates(bot) if c["name"] == "陈党员")
    assert (mine["trees"], mine["collective_trees"]) == (2, 0)
    lines = certs.card(bot, mine).lines
    assert bot.t("certificates.card.trees_line", year=2027, trees=2) in lines
    assert not any("集体" in line for line in lines)
