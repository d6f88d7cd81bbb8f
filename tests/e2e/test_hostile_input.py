"""Hostile input through the real webhook: reply injection, SQL-looking text in every text input,
and secrets that must never reach a log line or a page. (Forged/stale signatures, bombs, external
entities and oversized bodies: tests/e2e/test_webhook_core.py; random input: test_fuzz.py.)"""

from __future__ import annotations

import argparse
import logging
import time

import pytest

from bot import logs, scheduler
from bot.app import create_app
from bot.db import transaction
from bot.incoming import parse_xml
from bot.simulator import Signer, WeChatUser, message_xml, sign
from bot.standin import WeChatStandIn
from tests.conftest import AES_KEY, APP_ID, make_config, transport_for

DROP = "'; DROP TABLE plantings; --"
TABLES = {"plantings", "people", "villages", "tickets", "inbox", "users", "outbox", "media"}


def tables(bot) -> set[str]:
    return {r["name"] for r in bot.db.query("SELECT name FROM sqlite_master WHERE type = 'table'")}


def test_cdata_terminator_in_user_text_cannot_inject_reply_fields(app, bot, villager):
    """Whatever the reply echoes back, the response stays one text message to the sender."""
    evil = "桂花]]></Content><MsgType><![CDATA[news]]></MsgType><Content><![CDATA[x"
    answered = []
    for text in (evil, "问专家 " + evil, "登记 " + evil + " 埔心村", "3棵" + evil):
        query, body = villager.signer.wrap(message_xml(villager.openid, "text", {"Content": text}))
        status, response = transport_for(app)(query, body)
        assert status == 200
        answered.append(response != b"success")
        if response != b"success":
            fields = parse_xml(response)
            assert fields["MsgType"] == "text" and fields["ToUserName"] == villager.openid
            assert set(fields) == {"ToUserName", "FromUserName", "CreateTime", "MsgType", "Content"}
    assert all(answered)  # every one got a reply echoing the text: the check above ran for each
    stored = [r["content"] for r in bot.db.query("SELECT content FROM inbox WHERE msg_type = 'text' ORDER BY id")]
    assert stored[0] == evil  # kept exactly as sent


@pytest.mark.parametrize(
    "say",
    [
        DROP,  # a plain text message / FAQ question
        f"登记 {DROP} 埔心村",  # as a registration name
        f"登记 张三 {DROP}",  # as a village
        f"问专家 {DROP}",  # as a question for the adviser
        f"3棵{DROP}",  # inside a planting report
        f"答 1 {DROP}",  # as an adviser answer
        f"代种 {DROP} 2棵龙眼",  # as a household member's name
    ],
)
def test_sql_looking_text_is_plain_text(villager, bot, say):
    villager.follows()
    reply = villager.says(say)
    assert reply is None or "Traceback" not in reply
    assert TABLES <= tables(bot)
    assert (
        next(bot.db.query("SELECT content FROM inbox WHERE msg_type = 'text' ORDER BY id DESC LIMIT 1"))["content"]
        == say
    )
    assert next(bot.db.query("SELECT status FROM inbox ORDER BY id DESC LIMIT 1"))["status"] == "ok"


def test_sql_looking_location_label_event_key_and_media_id(villager, bot):
    villager.sends_location(23.1, 114.4, DROP)
    villager.clicks(DROP)
    villager.scans(DROP)
    villager.sends_photo(DROP)
    assert TABLES <= tables(bot)
    assert next(bot.db.query("SELECT media_id FROM media"))["media_id"] == DROP


# -- secrets ------------------------------------------------------------------------------------------
APP_SECRET = "S3cret-app-secret-do-not-log-7f3a"
TOKEN = "tok-do-not-log-91b2"
PASSWORD = "hunter2-do-not-log"


@pytest.fixture
def secret_standin():
    with WeChatStandIn(appid=APP_ID, secret=APP_SECRET) as server:
        yield server


@pytest.fixture
def bot_logging(tmp_path):
    """The bot's own logging set-up (bot.logs.setup) at DEBUG into a file (conftest undoes it)."""
    logging.getLogger()._lvmei_configured = False  # type: ignore[attr-defined]
    log_file = tmp_path / "logs" / "bot.log"
    logs.setup(log_file, "DEBUG")
    return log_file


def test_secrets_never_reach_logs_or_pages(tmp_path, secret_standin, caplog, bot_logging):
    standin = secret_standin
    cfg = make_config(
        tmp_path,
        standin,
        **{"wechat.token": TOKEN, "wechat.encoding_aes_key": AES_KEY, "wechat.app_secret": APP_SECRET},
    )
    app = create_app(cfg)
    bot = app.extensions["bot"]
    client = app.test_client()
    pages = []
    user = WeChatUser(transport_for(app), Signer(TOKEN, AES_KEY, APP_ID), openid="o-secret")
    user.says("帮助")
    user.says("问专家 桂花叶子发黄")
    # refused requests: wrong key, forged signature, stale timestamp
    for signer in (Signer(TOKEN, "B" * 43, APP_ID), Signer("wrong-token", AES_KEY, APP_ID)):
        query, body = signer.wrap(message_xml("o-secret", "text", {"Content": "x"}))
        pages.append(client.post("/wechat?" + query, data=body).data)
    ts = str(int(time.time()) - 3600)
    pages.append(client.post(f"/wechat?signature={sign(TOKEN, ts, 'n')}&timestamp={ts}&nonce=n", data=b"<xml/>").data)
    pages.append(client.get("/wechat?signature=x&timestamp=1&nonce=1&echostr=e").data)
    pages.append(client.get("/healthz").data)
    # outbound: a token fetch (the URL carries the secret), a send (the URL carries the access token),
    # a rejected token and its renewal, a refused fetch
    from bot import outbox

    with transaction(bot.db):
        outbox.enqueue(bot.db, openid="o-secret", kind="answer", text="回答", dedupe_key="s1", now=bot.clock())
    scheduler._send_outbox(bot, bot.clock())
    standin.revoke_tokens()
    with transaction(bot.db):
        outbox.enqueue(bot.db, openid="o-secret", kind="answer", text="回答2", dedupe_key="s2", now=bot.clock())
    scheduler._send_outbox(bot, bot.clock())
    # a dashboard login created from the command line
    from bot.cli import cmd_create_admin

    args = argparse.Namespace(name="admin1", password=PASSWORD, role="admin", person=None, village=None)
    cmd_create_admin(args, bot)
    pages.append(client.post("/admin/login", data={"username": "admin1", "password": "wrong"}).data)

    issued = list(standin.tokens)
    assert issued and len(standin.sent) == 2
    secrets = [APP_SECRET, TOKEN, AES_KEY, PASSWORD, *issued]
    # every record at INFO and above, raw (before any redaction), and the log file written at DEBUG
    raw = "\n".join(caplog.handler.format(r) for r in caplog.records if r.levelno >= logging.INFO)
    for handler in logging.getLogger().handlers:
        handler.flush()  # the log writer thread has written every queued line
    logged = raw + bot_logging.read_text(encoding="utf-8")
    assert "cgi-bin/token" in bot_logging.read_text(encoding="utf-8")  # DEBUG did log the URLs...
    for secret in secrets:
        assert secret not in logged, f"{secret[:6]}… in the logs"  # ...without their secrets
        for page in pages:
            assert secret.encode() not in page
    bot.databases.close_all()


def test_redact_blanks_secret_query_parameters():
    line = (
        'GET /cgi-bin/token?grant_type=client_credential&appid=wx1&secret=abc123 and '
        '/cgi-bin/message/custom/send?access_token=XYZ.-_9 password=p4ss'
    )
    assert logs.redact(line) == (
        'GET /cgi-bin/token?grant_type=client_credential&appid=wx1&secret=*** and '
        '/cgi-bin/message/custom/send?access_token=*** password=***'
    )
