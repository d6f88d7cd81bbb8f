"""Messages through the bot's own pipeline without Flask or WeChat: WeChat's fields read by ``bot.incoming.from_fields``
(as the webhook parses a push), then ``bot.webhook.process`` (keep the message and its photo's media row, dispatch to
the routes, keep the reply) inside one transaction, as the webhook's writer thread runs it, at the test clock's now;
for the unit tests of a capability's chat flow on a real SQLite file."""

from __future__ import annotations

import itertools

from bot import webhook
from bot.db import transaction
from bot.incoming import from_fields

_ids = itertools.count(1)


def send(app, openid: str, msg_type: str, **fields: str) -> str | None:
    """One message from ``openid`` now (``app.clock``) with these WeChat fields: the bot's reply."""
    now = app.clock()
    common = {"ToUserName": "gh", "FromUserName": openid, "CreateTime": str(int(now.timestamp()))}
    msg = from_fields({**common, "MsgType": msg_type, "MsgId": str(next(_ids)), **fields})
    with transaction(app.db):
        _handler, reply = webhook.process(app, app.db, msg, now, 0.0)
    return reply


def says(app, openid: str, text: str) -> str | None:
    return send(app, openid, "text", Content=text)


def sends_photo(app, openid: str, media_id: str) -> str | None:
    return send(app, openid, "image", MediaId=media_id, PicUrl=f"http://example.invalid/{media_id}.jpg")


def sends_location(app, openid: str, lat: float, lng: float, label: str = "") -> str | None:
    return send(app, openid, "location", Location_X=str(lat), Location_Y=str(lng), Scale="15", Label=label)
