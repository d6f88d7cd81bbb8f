"""Image messages through the outbox (a certificate's PNG): uploaded as temporary media when sent, then sent as a
customer-service image message; retried on transient errors; held (never a template) outside the window."""

from __future__ import annotations

import io

from PIL import Image

from bot import outbox, scheduler
from bot.db import transaction
from tests.conftest import delivered_texts, make_config


def png_file(tmp_path, name="cert.png") -> str:
    path = tmp_path / name
    Image.new("RGB", (60, 80), (30, 120, 40)).save(path, "PNG")
    return str(path)


def queue(bot, openid, key, **kw):
    with transaction(bot.db):
        return outbox.enqueue(bot.db, openid=openid, kind="notice", dedupe_key=key, now=bot.clock(), **kw)


def row(bot, outbox_id):
    return next(bot.db.query("SELECT * FROM outbox WHERE id = ?", [outbox_id]))


def send(bot):
    return scheduler._send_outbox(bot, bot.clock())


def test_an_image_is_uploaded_when_sent_then_sent_as_an_image_message(villager, bot, standin, tmp_path):
    villager.says("你好")
    path = png_file(tmp_path)
    image_id = queue(bot, villager.openid, "img-1", text="（证书图片）", image=path)
    text_id = queue(bot, villager.openid, "img-1-text", text="您的证书：http://x/cert/abc")
    assert [c for c, _ in standin.calls if c == "media/upload"] == []  # nothing uploaded while queued
    send(bot)
    upload = next(payload for call, payload in standin.calls if call == "media/upload")
    assert upload["type"] == "image"
    sent = standin.messages_to(villager.openid)
    assert sent[0]["msgtype"] == "image"
    data, _name = standin.uploads[sent[0]["media_id"]]
    assert data == open(path, "rb").read() and Image.open(io.BytesIO(data)).format == "PNG"
    assert delivered_texts(standin, villager.openid) == ["您的证书：http://x/cert/abc"]
    assert row(bot, image_id)["status"] == "sent" and row(bot, text_id)["status"] == "sent"


def test_a_transient_upload_error_is_retried(villager, bot, standin, tmp_path):
    villager.says("你好")
    image_id = queue(bot, villager.openid, "img-2", text="（证书图片）", image=png_file(tmp_path))
    standin.fail("media/upload", errcode=-1)
    send(bot)
    assert row(bot, image_id)["status"] == "queued" and row(bot, image_id)["errcode"] == -1
    bot.clock.advance(minutes=1)
    send(bot)
    assert row(bot, image_id)["status"] == "sent"
    assert [m["msgtype"] for m in standin.messages_to(villager.openid)] == ["image"]


def test_outside_the_window_an_image_is_held_while_its_text_line_goes_by_template(tmp_path, standin):
    from bot.app import create_app
    from bot.simulator import Signer, WeChatUser
    from tests.conftest import transport_for

    app = create_app(make_config(tmp_path, standin, **{"wechat.templates.notice": "TPL-N"}))
    bot = app.extensions["bot"]
    user = WeChatUser(transport_for(app), Signer("spamtest", "", bot.config.get("wechat.app_id")), "o-img")
    user.says("你好")
    standin.fail("message/custom/send", errcode=45015)
    image_id = queue(bot, "o-img", "img-3", text="（证书图片）", image=png_file(tmp_path))
    text_id = queue(bot, "o-img", "img-3-text", text="您的证书：http://x/cert/abc", url="/cert/abc")
    send(bot)
    assert row(bot, image_id)["status"] == "held"
    assert row(bot, text_id)["status"] == "sent" and row(bot, text_id)["channel"] == "template"
    assert [m["kind"] for m in standin.messages_to("o-img")] == ["template"]
    user.says("收到")  # writes again: the held image goes
    send(bot)
    assert row(bot, image_id)["status"] == "sent" and row(bot, image_id)["channel"] == "cs"
    bot.databases.close_all()


def test_a_missing_image_file_fails_visibly(villager, bot, standin, tmp_path):
    villager.says("你好")
    image_id = queue(bot, villager.openid, "img-4", text="（证书图片）", image=str(tmp_path / "gone.png"))
    send(bot)
    assert row(bot, image_id)["status"] == "failed" and "missing" in row(bot, image_id)["error"]
    assert standin.messages_to(villager.openid) == []
