"""`python run.py chat`: use the bot from a terminal, through the real webhook code.

Each line typed is posted as signed XML (encrypted too when an EncodingAESKey
is configured) to the real Flask app; the reply is printed. After each message
the scheduled jobs run once, and whatever the outbox sends to this user
(adviser answers, reminders) is printed too. Outbound calls go to a local
stand-in of the WeChat API unless --real-api is given.

  /photo PATH           send a photo (the file is served as the WeChat media)
  /voice [TEXT]         send a voice message (with TEXT as WeChat's recognition)
  /location LAT LNG     send a location
  /follow [SCENE]       follow (SCENE: a village id, as from its QR code)
  /click KEY            click a menu button
  /quit
"""
from __future__ import annotations

import logging
import secrets
import shlex
import sys
from pathlib import Path

from bot.simulator import Signer, WeChatUser
from bot.store import outbox as outbox_store


def run_chat(app, openid: str, with_standin: bool = True, lines=None, out=None) -> int:
    from bot import scheduler
    from bot.app import create_app
    from bot.standin import WeChatStandIn
    from bot.wechat_api import WeChatAPI

    out = out or sys.stdout
    logging.getLogger().setLevel(logging.WARNING)  # the transcript, not the request log
    standin = None
    if with_standin:
        standin = WeChatStandIn(appid=app.config.get("wechat.app_id")).start()
        cfg = app.config.with_overrides({"wechat.api_base_url": standin.url, "wechat.app_secret": standin.secret})
        app.api = WeChatAPI(cfg, app.databases)
    client = create_app(app.config, app).test_client()

    def transport(query: str, body: bytes):
        response = client.post("/wechat?" + query, data=body, content_type="text/xml")
        return response.status_code, response.data

    wechat = app.config.section("wechat")
    user = WeChatUser(transport, Signer(wechat["token"], wechat["encoding_aes_key"], wechat["app_id"]),
                      openid=openid)
    seen = max([r["id"] for r in outbox_store.for_user(app.db, openid)] or [0])
    print(f"绿美植树助手 chat as {openid}. Type a message; /help for commands.", file=out)
    source = lines if lines is not None else _stdin_lines()
    for line in source:
        line = line.strip()
        if not line:
            continue
        if line in ("/quit", "/exit"):
            break
        if line == "/help":
            print(__doc__.split("\n\n", 2)[2], file=out)
            continue
        try:
            reply = _send(user, line, standin)
        except (ValueError, OSError, RuntimeError) as exc:
            print(f"! {exc}", file=out)
            continue
        print(f"机器人: {reply if reply is not None else '(no reply)'}", file=out)
        scheduler.run_due(app, app.clock())
        for row in outbox_store.for_user(app.db, openid, since_id=seen):
            seen = max(seen, row["id"])
            print(f"[稍后发送 {row['kind']} via {row['channel'] or '-'}, {row['status']}] {row['text']}", file=out)
    if standin:
        standin.stop()
    return 0


def _stdin_lines():
    while True:
        try:
            yield input("你: ")
        except EOFError:
            return


def _send(user: WeChatUser, line: str, standin) -> str | None:
    if not line.startswith("/"):
        return user.says(line)
    command, *rest = shlex.split(line)
    if command == "/photo":
        data = Path(rest[0]).read_bytes()
        media_id = "chat-" + secrets.token_hex(8)
        if standin:
            standin.add_media(media_id, data)
        return user.sends_photo(media_id, f"{standin.url}pic/{media_id}" if standin else "")
    if command == "/voice":
        media_id = "chat-voice-" + secrets.token_hex(8)
        if standin:
            standin.add_media(media_id, b"#!AMR\n", "audio/amr")
        return user.sends_voice(media_id, " ".join(rest) or None)
    if command == "/location":
        return user.sends_location(float(rest[0]), float(rest[1]), " ".join(rest[2:]))
    if command == "/follow":
        return user.follows(rest[0] if rest else None)
    if command == "/click":
        return user.clicks(rest[0])
    raise ValueError(f"unknown command {command}; /help lists them")
