"""Hostile numbers and shapes get a clean answer, never a 500 or 系统忙 (issue 13, 7): ids past SQLite's
integer range, XML nested too deep, coordinates that are not a place on Earth."""

from __future__ import annotations

import time

import pytest

from bot.simulator import Signer, message_xml, sign
from tests.conftest import AES_KEY, APP_ID, rows_of, transport_for
from tests.e2e.dashboard_seed import admin, county  # noqa: F401 (fixtures)
from tests.e2e.test_escalation import LI, add_roster
from tests.e2e.test_planting import photo, planting_rows, registered, village  # noqa: F401 (fixtures)

HUGE = "9" * 25  # past SQLite's 64-bit integers
JUST_PAST = str(2**63)  # the first integer SQLite cannot hold


# -- ids ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("number", [HUGE, JUST_PAST])
def test_answer_and_add_to_faq_with_an_id_past_the_integer_range(villager_factory, bot, number):
    add_roster(bot)
    adviser = villager_factory(LI)
    no_such = bot.t("core.no_such_number")
    assert adviser.says(f"答 {number} 多浇水") == no_such
    assert adviser.says(f"收录 {number}") == no_such
    assert adviser.says(f"答 {2**63 - 1} 多浇水") == bot.t("escalation.unknown_ticket", id=2**63 - 1)  # in range
    assert [r["status"] for r in rows_of(bot, "SELECT status FROM inbox")] == ["ok"] * 3


@pytest.mark.parametrize("scene", [HUGE, JUST_PAST, "²"])
def test_qr_scene_past_the_integer_range_is_an_unknown_scene(villager, bot, scene):
    welcome = bot.t("core.welcome")
    assert villager.follows(scene) == welcome
    scanned = villager.scans(scene)
    assert scanned is not None and scanned != bot.t("core.error")
    assert [r["status"] for r in rows_of(bot, "SELECT status FROM inbox")] == ["ok"] * 2


@pytest.mark.parametrize(
    "path", [f"/admin/villages/{HUGE}", f"/admin/tickets/{JUST_PAST}", f"/admin/villages/{JUST_PAST}"]
)
def test_dashboard_urls_with_ids_past_the_integer_range_are_404(admin, path):
    assert admin.get(path).status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        f"/admin/review/{HUGE}",
        f"/admin/tickets/{HUGE}/answer",
        f"/admin/tickets/{HUGE}/faq",
        f"/admin/bindings/{HUGE}",
        f"/admin/broadcasts/{HUGE}/cancel",
    ],
)
def test_dashboard_posts_with_ids_past_the_integer_range_are_404(admin, path):
    from tests.e2e.test_dashboard import csrf_of, page

    token = csrf_of(page(admin, "/admin/"))
    assert (
        admin.post(path, data={"csrf_token": token, "decision": "approve", "answer": "x", "action": "keep"}).status_code
        == 404
    )


def test_a_count_past_the_integer_range_is_asked_again(registered, bot, standin):
    cadre = registered("o-cadre-huge", "陈书记", "村书记")
    for text in (f"{HUGE}棵桂花", f"党建林 {HUGE}亩 {HUGE}棵 香樟"):
        reply = cadre.says(text)
        assert reply and reply != bot.t("core.error")
        cadre.says("取消")
    assert all(r["status"] == "ok" for r in rows_of(bot, "SELECT status FROM inbox"))


# -- XML nested too deep -------------------------------------------------------------------------------
def nested(depth: int) -> bytes:
    inner = "<a>" * depth + "x" + "</a>" * depth
    return message_xml("o-deep", "text", {"Content": "帮助"}).replace("</xml>", inner + "</xml>").encode()


@pytest.mark.parametrize("depth", [30, 2000])
def test_xml_nested_too_deep_is_400(app, bot, depth):
    ts = str(int(time.time()))
    response = app.test_client().post(
        f"/wechat?signature={sign('spamtest', ts, '7')}&timestamp={ts}&nonce=7", data=nested(depth)
    )
    assert response.status_code == 400 and b"Traceback" not in response.data
    assert rows_of(bot, "SELECT * FROM inbox") == []


def test_xml_nested_too_deep_inside_the_encryption_is_400(app_with):
    flask_app = app_with(**{"wechat.encoding_aes_key": AES_KEY})
    signer = Signer("spamtest", AES_KEY, APP_ID)
    query, body = signer.wrap(nested(2000).decode())
    assert transport_for(flask_app)(query, body)[0] == 400
    query, body = signer.wrap(message_xml("o-deep", "event", {"Event": "scancode_push", "ScanCodeInfo": ""}))
    assert transport_for(flask_app)(query, body)[0] == 200  # WeChat's own nesting is fine


# -- coordinates -----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "lat, lng",
    [("nan", "114.4"), ("23.1", "inf"), ("-inf", "114.4"), ("95", "114.4"), ("23.1", "200"), ("1e400", "114.4")],
)
def test_a_location_that_is_no_place_is_refused_and_the_record_still_completes(registered, bot, standin, lat, lng):
    villager = registered("o-loc", "王大妈")
    standin.add_media("m-1", photo(1))
    assert "照片" in villager.says("3棵桂花")
    xml = message_xml(villager.openid, "location", {"Location_X": lat, "Location_Y": lng, "Scale": 15, "Label": "x"})
    assert villager.push(xml) == bot.t("core.location_invalid")
    assert "第1号" in villager.sends_photo("m-1")
    (record,) = planting_rows(bot)
    assert (record["status"], record["lat"], record["lng"]) == ("complete", None, None)


def test_a_valid_location_after_a_refused_one_is_attached(registered, bot, standin):
    villager = registered("o-loc", "王大妈")
    standin.add_media("m-1", photo(1))
    villager.sends_photo("m-1")
    assert villager.sends_location(float("nan"), 114.4) == bot.t("core.location_invalid")
    villager.sends_location(23.101, 114.401, "村口")
    assert "第1号" in villager.says("3棵桂花")
    assert (planting_rows(bot)[0]["lat"], planting_rows(bot)[0]["lng"]) == (23.101, 114.401)
