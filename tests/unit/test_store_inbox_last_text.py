"""bot/store/inbox.py's readers of the sender's last text message (tidy79: one query, ``_last_text``, read by all four):
its handler (round 48), its words (round 64), its handler and words (the forty-third session's lead) and its handler
and reply (round 77's 更多), only a text of the sender's before the message read, at ``since`` or later."""

from __future__ import annotations

import pytest

from bot.db import transaction
from bot.store import inbox

EARLY, SINCE, LATE = "2027-03-01T09:00:00", "2027-03-01T10:00:00", "2027-03-01T10:30:00"


def said(db, openid, key, received_at, *, msg_type="text", content=None, handler=None, reply=None) -> int:
    row = inbox.record(
        db,
        openid=openid,
        msg_key=key,
        msg_type=msg_type,
        event=None,
        content=content,
        payload="{}",
        received_at=received_at,
        handler=handler,
        reply=reply,
    )
    assert row is not None
    return row


def test_the_senders_last_text_before_the_message_since_the_time(db):
    with transaction(db):
        said(db, "o-a", "1", EARLY, content="太早", handler="faq", reply="早")
        said(db, "o-a", "2", LATE, content="更多", handler="left_to_plant", reply="名单第1页")
        said(db, "o-a", "3", LATE, msg_type="image", handler="photo", reply="收到照片")  # no text
        said(db, "o-b", "4", LATE, content="别人的", handler="faq", reply="别人的答复")  # another sender's
        now = said(db, "o-a", "5", LATE, content="再来", handler="more")
        assert inbox.last_text(db, "o-a", now, SINCE) == {"handler": "left_to_plant", "content": "更多"}
        assert inbox.last_text_reply(db, "o-a", now, SINCE) == {"handler": "left_to_plant", "reply": "名单第1页"}
        assert inbox.last_text_handler(db, "o-a", now, SINCE) == "left_to_plant"
        assert inbox.last_text_since(db, "o-a", now, SINCE) == "更多"
        # before the first message since the time: none
        assert inbox.last_text(db, "o-a", 2, SINCE) is None and inbox.last_text_reply(db, "o-a", 2, SINCE) is None
        assert (
            inbox.last_text_handler(db, "o-a", 2, SINCE) is None and inbox.last_text_since(db, "o-a", 2, SINCE) is None
        )
        assert inbox.last_text_reply(db, "o-a", 2, EARLY) == {"handler": "faq", "reply": "早"}


def test_the_open_batchs_rows_are_read_too(db):
    with transaction(db):
        batch = inbox.open_batch(db)
        first = batch.next_id(None)
        batch.keep((first, "o-a", "1", "text", None, "更多", "{}", LATE, "ok", "left_to_plant", "名单第1页", None))
        assert inbox.last_text_reply(db, "o-a", first + 1, SINCE) == {"handler": "left_to_plant", "reply": "名单第1页"}
        assert inbox.last_text(db, "o-a", first + 1, SINCE) == {"handler": "left_to_plant", "content": "更多"}
