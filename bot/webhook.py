"""Blueprint /wechat: verify → decrypt → parse → dedupe → route → reply.

Nothing here waits on the network: outbound messages are queued in the outbox
and media ids recorded for the download job, both in the same transaction as
the dedupe row, the conversation state and any record.
"""
from __future__ import annotations

import logging
import time

from flask import Blueprint, Response, current_app, request
from wechatpy.crypto import WeChatCrypto
from wechatpy.exceptions import InvalidAppIdException, InvalidSignatureException
from wechatpy.replies import TextReply
from wechatpy.utils import check_signature

from bot import clock
from bot.context import AppContext, Ctx
from bot.db import transaction
from bot.incoming import Incoming, MalformedMessage, parse, parse_xml
from bot.logs import hash_openid
from bot.router import dispatch
from bot.store import inbox, media, outbox, users

log = logging.getLogger("bot.webhook")
bp = Blueprint("wechat", __name__)

MEDIA_TYPES = {"image", "voice", "video", "shortvideo"}


def _app() -> AppContext:
    return current_app.extensions["bot"]


def _refuse(status: int, reason: str) -> Response:
    log.warning("refused %s: %s (from %s)", status, reason, request.remote_addr)
    return Response("forbidden" if status == 403 else "bad request", status=status, mimetype="text/plain")


def _signature_ok(token: str, signature: str, timestamp: str, nonce: str) -> bool:
    try:
        check_signature(token, signature, timestamp, nonce)
        return True
    except InvalidSignatureException:
        return False


def _fresh(app: AppContext, timestamp: str) -> bool:
    max_age = int(app.config.get("server.signature_max_age_seconds", 300))
    try:
        return abs(app.clock().timestamp() - int(timestamp)) <= max_age
    except ValueError:
        return False


@bp.get("/wechat")
def verify_url():
    app = _app()
    args = request.args
    if not _signature_ok(app.config.get("wechat.token"), args.get("signature", ""), args.get("timestamp", ""),
                         args.get("nonce", "")):
        return _refuse(403, "bad signature on URL verification")
    return Response(args.get("echostr", ""), mimetype="text/plain")


@bp.post("/wechat")
def receive():
    app = _app()
    args = request.args
    timestamp, nonce = args.get("timestamp", ""), args.get("nonce", "")
    if not _fresh(app, timestamp):
        return _refuse(403, "stale or missing timestamp")
    body = request.get_data(cache=False)
    aes = args.get("encrypt_type") == "aes"
    crypto = _crypto(app)
    if aes:
        if crypto is None:
            return _refuse(400, "encrypted message but no EncodingAESKey configured")
        try:
            envelope = parse_xml(body)
            if "Encrypt" not in envelope:
                raise MalformedMessage("no Encrypt element")
            body = crypto.decrypt_message(envelope, args.get("msg_signature", ""), timestamp, nonce)
        except InvalidSignatureException:
            return _refuse(403, "bad msg_signature")
        except InvalidAppIdException:
            return _refuse(403, "message for another appid")
        except MalformedMessage as exc:
            return _refuse(400, str(exc))
        except Exception as exc:  # noqa: BLE001 - bad base64, wrong key, bad padding: all unreadable
            return _refuse(400, f"cannot decrypt: {type(exc).__name__}")
    elif not _signature_ok(app.config.get("wechat.token"), args.get("signature", ""), timestamp, nonce):
        return _refuse(403, "bad signature")
    try:
        incoming = parse(body)
    except MalformedMessage as exc:
        return _refuse(400, str(exc))
    reply = process(app, incoming)
    if reply is None:
        return Response("success", mimetype="text/plain")
    xml = render_text_reply(incoming, reply)
    if aes:
        xml = crypto.encrypt_message(xml, nonce, timestamp)
    return Response(xml, mimetype="application/xml")


def _crypto(app: AppContext) -> WeChatCrypto | None:
    """The safe-mode cipher, built once per process (None in plaintext mode)."""

    def build(a: AppContext) -> WeChatCrypto | None:
        key = a.config.get("wechat.encoding_aes_key")
        return WeChatCrypto(a.config.get("wechat.token"), key, a.config.get("wechat.app_id")) if key else None

    return app.service("wechat_crypto", build)


def escape_cdata(text: str) -> str:
    """wechatpy puts text in CDATA without escaping ``]]>``: split it so it cannot close the section."""
    return text.replace("]]>", "]]]]><![CDATA[>")


def render_text_reply(incoming: Incoming, text: str) -> str:
    reply = TextReply(source=incoming.account, target=incoming.openid, content=escape_cdata(text))
    return reply.render()


def process(app: AppContext, incoming: Incoming) -> str | None:
    """Handle one push exactly once; a retry gets the first try's reply."""
    from handlers import ROUTES

    started = time.perf_counter()
    db = app.db
    now = app.clock()
    now_s = clock.to_db(now)
    handler = "duplicate"
    try:
        with transaction(db):
            seen = inbox.find(db, incoming.openid, incoming.dedupe_key)
            if seen:
                return seen["reply"]
            inbox_id = inbox.record(db, openid=incoming.openid, msg_key=incoming.dedupe_key,
                                    msg_type=incoming.msg_type, event=incoming.event, content=incoming.summary(),
                                    payload=incoming.fields, received_at=now_s)
            user = users.touch_inbound(db, incoming.openid, now_s, counts_as_contact=incoming.opens_window)
            if incoming.opens_window:
                outbox.release_held(db, incoming.openid, now_s)
            if incoming.msg_type in MEDIA_TYPES:
                media.add(db, openid=incoming.openid, inbox_id=inbox_id, kind=incoming.msg_type,
                          media_id=incoming.media_id, pic_url=incoming.pic_url, fmt=incoming.media_format,
                          now=now_s)
            ctx = Ctx(app=app, db=db, msg=incoming, now=now, user=user, inbox_id=inbox_id)
            handler, reply = dispatch(ROUTES, ctx)
            inbox.set_reply(db, inbox_id, handler, reply, (time.perf_counter() - started) * 1000)
        return reply
    except Exception:  # noqa: BLE001 - a handler bug must not lose the message or become a 500
        handler = "error"
        log.exception("handler failed for %s %s", hash_openid(incoming.openid), incoming.dedupe_key)
        return _keep_failed(app, incoming, now_s)
    finally:
        log.info("msg openid=%s type=%s handler=%s latency_ms=%.1f", hash_openid(incoming.openid),
                 incoming.event or incoming.msg_type, handler, (time.perf_counter() - started) * 1000)


def _keep_failed(app: AppContext, incoming: Incoming, now_s: str) -> str:
    """Everything the handler did was rolled back; keep the message itself so staff can see it."""
    reply = app.t("core.error")
    db = app.db
    with transaction(db):
        if not inbox.find(db, incoming.openid, incoming.dedupe_key):
            inbox_id = inbox.record(db, openid=incoming.openid, msg_key=incoming.dedupe_key,
                                    msg_type=incoming.msg_type, event=incoming.event,
                                    content=incoming.summary(), payload=incoming.fields, received_at=now_s,
                                    status="error")
            inbox.set_reply(db, inbox_id, "error", reply, 0)
            if incoming.msg_type in MEDIA_TYPES:  # the photo or voice itself is still fetched and kept
                media.add(db, openid=incoming.openid, inbox_id=inbox_id, kind=incoming.msg_type,
                          media_id=incoming.media_id, pic_url=incoming.pic_url, fmt=incoming.media_format,
                          now=now_s)
    return reply
