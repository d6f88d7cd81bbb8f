"""Safe mode means encrypted, and a seen plaintext query string cannot carry another body (issue 13, 2-3).

Through the real /wechat route: signed and AES-encrypted XML as WeChat sends it in each mode."""

from __future__ import annotations

import logging
import re
import time
from urllib.parse import urlencode

from wechatpy.crypto import WeChatCrypto

from bot.incoming import parse_xml
from bot.simulator import Signer, WeChatUser, message_xml, sign
from tests.conftest import AES_KEY, APP_ID, rows_of, transport_for


def plaintext_push(text: str, openid: str = "o-plain") -> tuple[str, bytes]:
    """A push as WeChat's plaintext mode sends it (signature over token, timestamp, nonce)."""
    return Signer("spamtest").wrap(message_xml(openid, "text", {"Content": text}))


# -- 2. with an EncodingAESKey, only encrypted pushes ----------------------------------------------------
def test_with_a_key_a_plaintext_push_is_refused_and_logged(app_with, caplog):
    app = app_with(**{"wechat.encoding_aes_key": AES_KEY})
    bot = app.extensions["bot"]
    transport = transport_for(app)
    query, body = plaintext_push("帮助")
    with caplog.at_level(logging.WARNING, logger="bot.webhook"):
        assert transport(query, body)[0] == 403
        assert transport(query + "&encrypt_type=raw", body)[0] == 403
    assert rows_of(bot, "SELECT * FROM inbox") == []
    refused = [r.getMessage() for r in caplog.records if r.name == "bot.webhook"]
    assert len(refused) == 2 and all("403" in line and "plaintext" in line for line in refused)


def test_safe_and_compatible_mode_pushes_are_answered_encrypted(app_with):
    app = app_with(**{"wechat.encoding_aes_key": AES_KEY})
    transport = transport_for(app)
    user = WeChatUser(transport, Signer("spamtest", AES_KEY, APP_ID), openid="o-safe")
    assert user.says("帮助").startswith("我能帮您")  # safe mode: only Encrypt in the body
    # compatible mode: the plaintext fields beside Encrypt, encrypt_type=aes with msg_signature
    xml = message_xml("o-compat", "text", {"Content": "帮助"})
    ts, nonce = str(int(time.time())), "20240613"
    envelope = parse_xml(WeChatCrypto("spamtest", AES_KEY, APP_ID).encrypt_message(xml, nonce, ts))
    body = xml.replace("</xml>", f"<Encrypt><![CDATA[{envelope['Encrypt']}]]></Encrypt></xml>").encode()
    query = urlencode(
        {
            "signature": sign("spamtest", ts, nonce),
            "timestamp": ts,
            "nonce": nonce,
            "openid": "o-compat",
            "encrypt_type": "aes",
            "msg_signature": envelope["MsgSignature"],
        }
    )
    status, response = transport(query, body)
    assert status == 200 and "Encrypt" in parse_xml(response)
    assert Signer("spamtest", AES_KEY, APP_ID).unwrap(response).startswith("我能帮您")


def test_url_verification_works_in_every_mode(app_with):
    for overrides in (
        {},
        {"wechat.encoding_aes_key": AES_KEY},
        {"wechat.encoding_aes_key": AES_KEY, "wechat.accept_plaintext": True},
    ):
        client = app_with(**overrides).test_client()
        ts = str(int(time.time()))
        ok = client.get(f"/wechat?signature={sign('spamtest', ts, 'n1')}&timestamp={ts}&nonce=n1&echostr=e42")
        assert (ok.status_code, ok.data) == (200, b"e42")


def test_accept_plaintext_lets_plaintext_through_with_a_warning(app_with, caplog):
    with caplog.at_level(logging.WARNING, logger="bot.webhook"):
        app = app_with(**{"wechat.encoding_aes_key": AES_KEY, "wechat.accept_plaintext": True})
        assert any("accept_plaintext" in r.getMessage() for r in caplog.records)  # at start-up
        caplog.clear()
        user = WeChatUser(transport_for(app), Signer("spamtest"), openid="o-switching")
        assert user.says("帮助").startswith("我能帮您")
        assert user.says("帮助").startswith("我能帮您")
    warned = [r for r in caplog.records if "plaintext" in r.getMessage()]
    assert len(warned) == 2  # one per plaintext push
    # encrypted pushes still work meanwhile
    assert WeChatUser(transport_for(app), Signer("spamtest", AES_KEY, APP_ID)).says("帮助").startswith("我能帮您")


def test_plaintext_mode_without_a_key_warns_about_nothing(app_with, caplog):
    with caplog.at_level(logging.WARNING, logger="bot.webhook"):
        app = app_with()
        assert WeChatUser(transport_for(app), Signer("spamtest")).says("帮助").startswith("我能帮您")
    assert [r.getMessage() for r in caplog.records if r.name == "bot.webhook"] == []


def _without_time(reply: bytes) -> bytes:
    return re.sub(rb"<CreateTime>\d+</CreateTime>", b"", reply)


# -- 3. replay of a plaintext query string with another body ----------------------------------------------
def test_a_seen_query_string_with_another_body_is_refused(app_with):
    app = app_with()
    bot = app.extensions["bot"]
    transport = transport_for(app)
    query, body = plaintext_push("我的进度", openid="o-victim")
    first = transport(query, body)
    assert first[0] == 200
    forged = message_xml("o-victim", "text", {"Content": "退订"}).encode()
    assert transport(query, forged)[0] == 403
    assert [r["content"] for r in rows_of(bot, "SELECT content FROM inbox")] == ["我的进度"]
    assert rows_of(bot, "SELECT reminders_off FROM users WHERE openid = 'o-victim'")[0]["reminders_off"] in (0, None)
    # WeChat's own retry (same query, same body) is still answered, once, with the same reply (its CreateTime is the
    # moment it is rendered: a retry a second later differs there only)
    retry = transport(query, body)
    assert retry[0] == 200 and _without_time(retry[1]) == _without_time(first[1])
    assert len(rows_of(bot, "SELECT * FROM inbox")) == 1


def test_the_replay_guard_is_shared_by_processes_on_one_database(app_with):
    one, two = app_with(), app_with()  # two apps (as two processes would) on one SQLite file
    query, body = plaintext_push("帮助", openid="o-a")
    assert transport_for(one)(query, body)[0] == 200
    assert transport_for(two)(query, message_xml("o-b", "text", {"Content": "帮助"}).encode())[0] == 403
    assert transport_for(two)(query, body)[0] == 200  # the retry, landing on the other process


def test_the_replay_guard_forgets_pairs_older_than_the_signature_window(app_with):
    """Pairs are judged by WeChat's (wall-clock) timestamps, whatever the program clock says."""
    app = app_with()
    bot = app.extensions["bot"]
    transport = transport_for(app)
    for n in range(3):
        assert transport(*plaintext_push(f"帮助{n}"))[0] == 200
    assert len(rows_of(bot, "SELECT * FROM replay_guard")) == 3
    window = bot.config.get("server.signature_max_age_seconds")
    with bot.db.conn:  # the wall clock moves on: those three pairs are now older than the window
        bot.db.execute("UPDATE replay_guard SET timestamp = timestamp - ?", [window + 120])
    bot.clock.advance(days=90)  # a rehearsal clock far ahead changes nothing: the guard keeps wall time
    later = app_with()  # a process that has not pruned yet (each prunes at most once a minute)
    assert transport_for(later)(*plaintext_push("帮助", openid="o-later"))[0] == 200
    assert len(rows_of(bot, "SELECT * FROM replay_guard")) == 1  # only the fresh pair is kept


def test_a_rehearsal_clock_does_not_open_the_replay_window(app_with):
    app = app_with()
    bot = app.extensions["bot"]
    query, body = plaintext_push("帮助", openid="o-a")
    assert transport_for(app)(query, body)[0] == 200
    bot.clock.advance(days=90)  # the program clock runs ahead (BOT_NOW); WeChat's timestamps stay real
    assert transport_for(app)(query, message_xml("o-b", "text", {"Content": "帮助"}).encode())[0] == 403


def test_encrypted_pushes_need_no_replay_guard(app_with):
    """In safe mode msg_signature covers the body: nothing is kept for them."""
    app = app_with(**{"wechat.encoding_aes_key": AES_KEY})
    assert WeChatUser(transport_for(app), Signer("spamtest", AES_KEY, APP_ID)).says("帮助")
    assert rows_of(app.extensions["bot"], "SELECT * FROM replay_guard") == []


def test_plaintext_let_through_by_accept_plaintext_is_guarded_too(app_with):
    app = app_with(**{"wechat.encoding_aes_key": AES_KEY, "wechat.accept_plaintext": True})
    transport = transport_for(app)
    query, body = plaintext_push("帮助")
    assert transport(query, body)[0] == 200
    assert transport(query, message_xml("o-other", "text", {"Content": "帮助"}).encode())[0] == 403
