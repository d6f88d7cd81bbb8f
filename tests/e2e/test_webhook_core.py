"""The webhook end to end: signed XML through the real Flask app, rows checked in the real SQLite file."""

from __future__ import annotations

import threading
import time
from datetime import UTC

import pytest

from bot.app import create_app
from bot.simulator import Signer, WeChatUser, message_xml, sign
from tests.conftest import AES_KEY, APP_ID, Clock, make_config, rows_of, transport_for


def signed_query(token: str, timestamp: int | None = None) -> str:
    ts = str(timestamp or int(time.time()))
    return f"signature={sign(token, ts, '42')}&timestamp={ts}&nonce=42"


# -- URL verification ------------------------------------------------------------------------------
def test_get_verification_echoes_when_signed(app):
    client = app.test_client()
    ts = str(int(time.time()))
    ok = client.get(f"/wechat?signature={sign('spamtest', ts, 'n1')}&timestamp={ts}&nonce=n1&echostr=hello123")
    assert ok.status_code == 200 and ok.data == b"hello123"
    bad = client.get(f"/wechat?signature=deadbeef&timestamp={ts}&nonce=n1&echostr=hello123")
    assert bad.status_code == 403 and b"hello123" not in bad.data


# -- signatures, freshness, size ---------------------------------------------------------------------
def test_forged_signature_is_refused_and_nothing_written(app, bot):
    xml = message_xml("o-x", "text", {"Content": "帮助"})
    response = app.test_client().post(
        f"/wechat?signature=forged&timestamp={int(time.time())}&nonce=1", data=xml.encode()
    )
    assert response.status_code == 403
    assert rows_of(bot, "SELECT * FROM inbox") == []


def test_stale_timestamp_is_refused(app, bot):
    old = int(time.time()) - 3600
    xml = message_xml("o-x", "text", {"Content": "帮助"})
    response = app.test_client().post("/wechat?" + signed_query("spamtest", old), data=xml.encode())
    assert response.status_code == 403
    assert rows_of(bot, "SELECT * FROM inbox") == []


def test_oversized_body_is_413(app, bot):
    big = message_xml("o-x", "text", {"Content": "树" * 40_000})
    response = app.test_client().post("/wechat?" + signed_query("spamtest"), data=big.encode())
    assert response.status_code == 413
    assert rows_of(bot, "SELECT * FROM inbox") == []


@pytest.mark.parametrize(
    "body",
    [
        b"not xml at all",
        b"<xml><FromUserName>o</FromUserName></xml>",  # no MsgType
        b"<xml><ToUserName>a</ToUserName><MsgType>text</MsgType><CreateTime>1</CreateTime></xml>",  # no sender
        b"<other/>",
        b"<xml><FromUserName>o</FromUserName><MsgType>image</MsgType><CreateTime>1</CreateTime></xml>",
        b"<xml><FromUserName>o</FromUserName><MsgType>text</MsgType><CreateTime>soon</CreateTime></xml>",
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
        b"<xml><FromUserName>&lol2;</FromUserName><MsgType>text</MsgType><CreateTime>1</CreateTime></xml>",
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        b"<xml><FromUserName>o</FromUserName><Content>&xxe;</Content><MsgType>text</MsgType>"
        b"<CreateTime>1</CreateTime></xml>",
        b"<xml><FromUserName>o</FromUserName><MsgType>text</MsgType><CreateTime>1</CreateTime>",
    ],
)
def test_malformed_bodies_are_400_without_trace(app, bot, body):
    response = app.test_client().post("/wechat?" + signed_query("spamtest"), data=body)
    assert response.status_code == 400
    assert b"Traceback" not in response.data and b"passwd" not in response.data
    assert rows_of(bot, "SELECT * FROM inbox") == []


# -- every message type gets a sensible answer ------------------------------------------------------
def test_every_message_type_is_answered(villager, bot):
    assert villager.follows() is not None
    assert villager.says("帮助").startswith("我能帮您")
    assert villager.sends_photo("m-photo-1") is not None
    assert villager.sends_voice("m-voice-1", recognition="帮助").startswith("我能帮您")
    assert villager.sends_voice("m-voice-2") is not None  # no Recognition: never lost
    assert villager.sends_video("m-video-1") is not None
    assert villager.sends_video("m-sv-1", kind="shortvideo") is not None
    assert villager.sends_location(23.1, 114.4, "埔心村") is not None
    assert villager.sends_link("好文章", "http://example.com/a") is not None
    assert villager.scans("1") is not None
    assert villager.clicks("HELP").startswith("我能帮您")
    for silent in ("VIEW", "LOCATION", "TEMPLATESENDJOBFINISH", "MASSSENDJOBFINISH"):
        assert villager.event(silent, EventKey="x") is None
    assert villager.push(message_xml(villager.openid, "miniprogrampage", {"Title": "x"})) is not None
    assert villager.unfollows() is None
    # every push is logged with the reply it got, and the media ids wait for the download job
    assert len(rows_of(bot, "SELECT * FROM inbox WHERE openid = ?", [villager.openid])) == 17
    kinds = {r["kind"] for r in rows_of(bot, "SELECT kind FROM media")}
    assert kinds == {"image", "voice", "video", "shortvideo"}
    assert rows_of(bot, "SELECT subscribed FROM users WHERE openid = ?", [villager.openid])[0]["subscribed"] == 0


def test_reply_escapes_cdata_terminator(villager, bot, app):
    from bot.incoming import parse_xml
    from bot.webhook import render_text_reply

    incoming = type("M", (), {"account": "gh", "openid": villager.openid})()
    xml = render_text_reply(incoming, "a]]><MsgType>evil</MsgType>b")
    assert parse_xml(xml)["Content"] == "a]]><MsgType>evil</MsgType>b"
    assert parse_xml(xml)["MsgType"] == "text"


def test_the_text_reply_is_what_wechatpy_renders():
    from wechatpy.replies import TextReply

    from bot.webhook import render_text_reply

    incoming = type("M", (), {"account": "gh_account", "openid": "o-villager"})()
    text = "您好！\n种了3棵桂花。"
    expected = TextReply(source="gh_account", target="o-villager", content=text, time=1_773_000_000).render()
    assert render_text_reply(incoming, text, now=1_773_000_000.7) == expected


# -- retries --------------------------------------------------------------------------------------
def test_retry_is_processed_once_and_gets_the_same_reply(villager, bot):
    xml = message_xml(villager.openid, "text", {"Content": "退订"})
    first = villager.push(xml)
    second = villager.push(xml)
    third = villager.push(xml)
    assert first == second == third
    assert len(rows_of(bot, "SELECT * FROM inbox WHERE openid = ?", [villager.openid])) == 1


def test_event_retry_is_deduped_on_create_time_and_event(villager, bot):
    xml = message_xml(villager.openid, "event", {"Event": "subscribe"}, with_msg_id=False)
    assert villager.push(xml) == villager.push(xml)
    assert len(rows_of(bot, "SELECT * FROM inbox WHERE openid = ?", [villager.openid])) == 1


def test_simultaneous_identical_requests_make_one_record(app, bot, villager_factory):
    users = [villager_factory("o-same") for _ in range(8)]
    xml = message_xml("o-same", "image", {"MediaId": "m-dup", "PicUrl": ""})
    replies, barrier = [], threading.Barrier(8)

    def send(user):
        barrier.wait()
        replies.append(user.push(xml))

    threads = [threading.Thread(target=send, args=(u,)) for u in users]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(set(replies)) == 1
    assert len(rows_of(bot, "SELECT * FROM inbox WHERE openid = 'o-same'")) == 1
    assert len(rows_of(bot, "SELECT * FROM media WHERE media_id = 'm-dup'")) == 1


# -- a crash mid-request --------------------------------------------------------------------------
def test_handler_crash_rolls_back_and_keeps_the_message(app, bot, villager, monkeypatch):
    import dataclasses

    from bot.router import Route

    def explode(ctx, match):
        ctx.db.execute("UPDATE users SET reminders_off = 1 WHERE openid = ?", [ctx.openid])
        raise RuntimeError("boom")

    boom = Route("boom", lambda c: True, explode)
    monkeypatch.setattr(bot, "registry", dataclasses.replace(bot.registry, routes=(boom,)))
    villager.follows()  # creates the user row (the route explodes; the user row is rolled back too)
    reply = villager.sends_photo("m-crash")
    assert reply == bot.t("core.error")
    inbox = rows_of(bot, "SELECT * FROM inbox WHERE openid = ? AND msg_type = 'image'", [villager.openid])
    assert [r["status"] for r in inbox] == ["error"]
    assert rows_of(bot, "SELECT reminders_off FROM users WHERE openid = ?", [villager.openid]) == []
    assert len(rows_of(bot, "SELECT * FROM media WHERE media_id = 'm-crash'")) == 1  # the photo is still fetched


def test_a_message_that_cannot_be_committed_gets_503_and_its_retry_is_processed(app, bot, villager):
    """The disk fails mid-write (SQLite rolls the transaction back): nothing is kept, WeChat is told
    to retry (a 5xx, never a reply for a message the database does not have), and the retry works."""
    bot.db.execute(
        "CREATE TRIGGER disk_gone BEFORE INSERT ON inbox WHEN NEW.content = '3棵桂花' "
        "BEGIN SELECT RAISE(ROLLBACK, 'disk I/O error'); END"
    )
    bot.db.conn.commit()
    xml = message_xml(villager.openid, "text", {"Content": "3棵桂花"})
    with pytest.raises(RuntimeError, match="503"):
        villager.push(xml)
    assert rows_of(bot, "SELECT * FROM inbox WHERE openid = ?", [villager.openid]) == []
    bot.db.execute("DROP TRIGGER disk_gone")
    bot.db.conn.commit()
    assert villager.push(xml)  # WeChat's retry: the same MsgId
    assert len(rows_of(bot, "SELECT * FROM inbox WHERE openid = ?", [villager.openid])) == 1


# -- AES (safe) mode ----------------------------------------------------------------------------------
@pytest.fixture
def aes_app(tmp_path, standin):
    cfg = make_config(tmp_path, standin, **{"wechat.encoding_aes_key": AES_KEY})
    flask_app = create_app(cfg)
    yield flask_app
    flask_app.extensions["bot"].databases.close_all()


def test_safe_mode_round_trip(aes_app):
    user = WeChatUser(transport_for(aes_app), Signer("spamtest", AES_KEY, APP_ID), openid="o-aes")
    assert user.says("帮助").startswith("我能帮您")


def test_safe_mode_refuses_wrong_key_signature_and_appid(aes_app):
    transport = transport_for(aes_app)
    other_key = "B" * 43
    for signer, expected in [
        (Signer("spamtest", other_key, APP_ID), 400),  # wrong AES key: garbage after decryption
        (Signer("spamtest", AES_KEY, "wx-someone-else"), 403),  # another app's message
        (Signer("othertoken", AES_KEY, APP_ID), 403),  # msg_signature does not verify
    ]:
        user = WeChatUser(transport, signer, openid="o-aes")
        with pytest.raises(RuntimeError, match=str(expected)):
            user.says("帮助")
    # bad base64 in Encrypt
    query = "&".join([signed_query("spamtest"), "encrypt_type=aes", "msg_signature=x"])
    status, _ = transport(query, b"<xml><Encrypt><![CDATA[%%%not-base64]]></Encrypt></xml>")
    assert status in (400, 403)


OFFICIAL_ENCRYPT = (
    "hyzAe4OzmOMbd6TvGdIOO6uBmdJoD0Fk53REIHvxYtJlE2B655HuD0m8KUePWB3+LrPXo87wzQ1QLvbeUgmBM4x6F8PGHQHFVAFmOD2LdJF9"
    "FrXpbUAh0B5GIItb52sn896wVsMSHGuPE328HnRGBcrS7C41IzDWyWNlZkyyXwon8T332jisa+h6tEDYsVticbSnyU8dKOIbgU6ux5VTjg3y"
    "t+WGzjlpKn6NPhRjpA912xMezR4kw6KWwMrCVKSVCZciVGCgavjIQ6X8tCOp3yZbGpy0VxpAe+77TszTfRd5RJSVO/HTnifJpXgCSUdUue1v"
    "6h0EIBYYI1BD1DlD+C0CR8e6OewpusjZ4uBl9FyJvnhvQl+q5rv1ixrcpCumEPo5MJSgM9ehVsNPfUM669WuMyVWQLCzpu9GhglF2PE="
)


def test_official_crypto_test_vector():
    """WeChat's published sample (token spamtest, appid wx2c2769f8efd9abc2) decrypts to text abcdteT."""
    from wechatpy.crypto import WeChatCrypto

    from bot.incoming import parse

    envelope = f"<xml><ToUserName><![CDATA[gh_10f6c3c3ac5a]]></ToUserName><Encrypt><![CDATA[{OFFICIAL_ENCRYPT}]]></Encrypt></xml>"
    crypto = WeChatCrypto("spamtest", AES_KEY, APP_ID)
    plain = crypto.decrypt_message(envelope, "5d197aaffba7e9b25a30732f161a50dee96bd5fa", "1409735669", "1320562132")
    message = parse(plain)
    assert (message.msg_type, message.text, message.msg_id) == ("text", "abcdteT", "6054768590064713728")
    assert message.openid == "oyORnuP8q7ou2gfYjqLzSIWZf0rs"


def test_official_sample_through_the_webhook(aes_app, monkeypatch):
    """The same sample posted to /wechat (the wall clock, which the signature age is checked against, set to
    its timestamp) is accepted and answered encrypted."""
    from datetime import datetime, timezone

    from wechatpy.crypto import WeChatCrypto

    from bot import clock
    from bot.incoming import parse_xml

    bot = aes_app.extensions["bot"]
    sample_time = datetime.fromtimestamp(1409735669, UTC)
    monkeypatch.setattr(clock, "utcnow", lambda: sample_time)
    bot.clock = Clock()
    bot.clock.set(sample_time)
    envelope = f"<xml><ToUserName><![CDATA[gh_10f6c3c3ac5a]]></ToUserName><Encrypt><![CDATA[{OFFICIAL_ENCRYPT}]]></Encrypt></xml>"
    response = aes_app.test_client().post(
        "/wechat?timestamp=1409735669&nonce=1320562132&encrypt_type=aes"
        "&msg_signature=5d197aaffba7e9b25a30732f161a50dee96bd5fa",
        data=envelope.encode(),
    )
    assert response.status_code == 200
    fields = parse_xml(response.data)
    reply = WeChatCrypto("spamtest", AES_KEY, APP_ID).decrypt_message(
        fields, fields["MsgSignature"], fields["TimeStamp"], fields["Nonce"]
    )
    assert parse_xml(reply)["ToUserName"] == "oyORnuP8q7ou2gfYjqLzSIWZf0rs"
    row = next(bot.db.query("SELECT * FROM inbox"))
    assert (row["openid"], row["msg_key"], row["content"]) == (
        "oyORnuP8q7ou2gfYjqLzSIWZf0rs",
        "msg:6054768590064713728",
        "abcdteT",
    )


# -- sessions ---------------------------------------------------------------------------------------
def test_a_push_without_a_session_cookie_never_touches_session_signing(app, villager, monkeypatch):
    """WeChat pushes carry no cookie: no signing serializer is built for them (it cost GIL time on
    every message), and no cookie is set. A dashboard login still signs and reads its cookie."""
    import argparse

    from flask.sessions import SecureCookieSessionInterface

    from bot.cli import cmd_create_admin
    from tests.e2e.dashboard_seed import login

    built = []
    real = SecureCookieSessionInterface.get_signing_serializer
    monkeypatch.setattr(
        SecureCookieSessionInterface, "get_signing_serializer", lambda self, a: built.append(1) or real(self, a)
    )
    assert villager.says("帮助").startswith("我能帮您")
    assert built == []
    client = app.test_client()
    assert client.post("/wechat?x=1").headers.get("Set-Cookie") is None
    cmd_create_admin(
        argparse.Namespace(name="admin", password="pw-long-enough-1", role="admin", person=None, village=None),
        app.extensions["bot"],
    )
    assert login(client, "admin", "pw-long-enough-1").status_code == 302
    assert client.get("/admin/").status_code == 200  # the cookie was signed, then read back
    assert built


# -- the fast path ----------------------------------------------------------------------------------
def test_the_fast_path_answers_as_the_flask_view(tmp_path, standin, caplog):
    """POST /wechat skips Flask (bot.webhook.FastPath); the same pushes through Flask's view, on an app of its own,
    get the same statuses, headers, bodies and log lines: replies, refusals, a retry, an unreadable body, a
    query that repeats a name (the first counts, as in werkzeug's Request.args), and one Flask takes (413)."""
    import re

    apps = {}
    for name in ("fast", "flask"):
        flask_app = create_app(make_config(tmp_path / name, standin))
        flask_app.extensions["bot"].clock = Clock()
        apps[name] = flask_app
    apps["flask"].wsgi_app = apps["flask"].wsgi_app.wsgi_app  # the FastPath's inner app: Flask's own
    assert type(apps["fast"].wsgi_app).__name__ == "FastPath"
    now = int(time.time())

    def query(nonce: str, ts: int = now) -> str:  # each push its own nonce (the replay guard)
        return f"signature={sign('spamtest', str(ts), nonce)}&timestamp={ts}&nonce={nonce}"

    help_xml = message_xml("o-fast", "text", {"Content": "帮助"}, create_time=now).encode()
    pushes = [
        (query("1"), help_xml),
        (query("1"), help_xml),  # WeChat's retry: the first one's reply
        (query("2"), message_xml("o-fast", "text", {"Content": "桂花什么时候种"}, create_time=now + 1).encode()),
        (query("3"), message_xml("o-fast", "location", {"Location_X": "23.1", "Location_Y": "114.4"}).encode()),
        (query("2"), message_xml("o-fast", "text", {"Content": "你好"}).encode()),  # nonce 2 again: a replay
        (f"signature=forged&timestamp={now}&nonce=5", help_xml),
        (query("6", now - 3600), help_xml),
        (f"signature=x&timestamp={now}&nonce=7&" + query("7"), help_xml),  # the first signature counts: forged
        (query("8") + "&encrypt_type=aes", b"<xml><Encrypt>x</Encrypt></xml>"),  # no EncodingAESKey configured
        (query("9"), b"not xml at all"),
        (query("10"), message_xml("o-fast", "text", {"Content": "树" * 40_000}).encode()),  # 413, by Flask in both
    ]
    answers: dict[str, list] = {}
    logged: dict[str, list] = {}
    for name, flask_app in apps.items():
        client = flask_app.test_client()
        caplog.clear()
        with caplog.at_level("INFO"):
            answers[name] = []
            for query, body in pushes:
                response = client.post("/wechat?" + query, data=body, content_type="text/xml")
                answers[name].append(
                    (
                        response.status,
                        response.headers.get("Content-Type"),
                        response.headers.get("Content-Length"),
                        re.sub(rb"<CreateTime>\d+</CreateTime>", b"", response.data),
                    )
                )
        logged[name] = [
            re.sub(r"latency_ms=[\d.]+", "", r.getMessage()) for r in caplog.records if r.name.startswith("bot.")
        ]
    assert answers["fast"] == answers["flask"]
    assert [a[0].split()[0] for a in answers["fast"]] == ["200"] * 4 + ["403"] * 4 + ["400"] * 2 + ["413"]
    assert logged["fast"] == logged["flask"] and any("refused 403" in line for line in logged["fast"])
    for flask_app in apps.values():
        flask_app.extensions["bot"].databases.close_all()
