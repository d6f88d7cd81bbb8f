"""One queue for everything the bot sends later, and the job that delivers it.

Channel per message, tried in this order (``choose_channel``):
1. customer-service message, while the user is inside the 48-hour window after
   their last message and under its quota of 5;
2. a template message, when a template id is configured for the message's kind;
3. held: kept and released when the user writes again (then it goes as 1).
45015/45047 move a message on to the next channel; 5xx, timeouts and -1 are
retried with backoff; other errors are recorded with their errcode. A user who
unsubscribed gets nothing; one who said 退订 gets no reminders. Without credentials
(wechat.app_id / app_secret missing or the shipped placeholder) nothing is tried:
due rows become ``no_credentials`` (one status, no error loop) and go out from the
first run that has credentials.

An image message (a row with ``image``, the path of a picture file: a certificate) goes only as a
customer-service message: the file is uploaded as temporary media at that moment (WeChat keeps such media
3 days, so never earlier) and sent by its media id; outside the window it is held. Whoever queues one queues
a text line beside it (with a link), which may go by template.
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from bot import clock
from bot.logs import hash_openid
from bot.store import outbox as outbox_store
from bot.store import users as users_store
from bot.wechat_api import CHANNEL_ERRORS, WeChatError

log = logging.getLogger(__name__)

# kind -> the template (in [wechat.templates]) used outside the 48-hour window
TEMPLATE_FOR_KIND = {
    "reminder": "reminder",
    "followup": "reminder",
    "broadcast": "reminder",
    "answer": "answer",
    "notice": "notice",
    "system": "notice",
}
# kinds a user turns off with 退订
OPTIONAL_KINDS = ("reminder", "followup", "broadcast")
USER_GONE_ERRORS = {43004, 43019}  # not following / blocked us
STALE_CLAIM = timedelta(minutes=5)


def enqueue(
    db,
    *,
    openid: str,
    kind: str,
    text: str,
    dedupe_key: str,
    now: datetime,
    not_before: datetime | None = None,
    url: str | None = None,
    template_data: dict | None = None,
    image: str | None = None,
    stale_after: datetime | None = None,
) -> int | None:
    """Queue a message for one user; idempotent by ``dedupe_key``. With ``image`` (a picture file's path) it is
    an image message, ``text`` only describing it; with ``stale_after``, held past that moment it is dropped, not
    sent late (a dated notice: bot/reminders.py ``queue_notice``)."""
    assert kind in TEMPLATE_FOR_KIND, kind
    return outbox_store.enqueue(
        db,
        openid=openid,
        kind=kind,
        text=text,
        dedupe_key=dedupe_key,
        now=clock.to_db(now),
        not_before=clock.to_db(not_before) if not_before else None,
        url=url,
        template_data=template_data,
        image=str(image) if image else None,
        stale_after=clock.to_db(stale_after) if stale_after else None,
    )


def choose_channel(
    user: dict | None,
    kind: str,
    now: datetime,
    *,
    templates: dict,
    window_hours: int,
    quota: int,
    tried: frozenset = frozenset(),
) -> str:
    """'cs', 'template', 'held', or 'cancel' (the user left or opted out)."""
    if user is None or not user["subscribed"]:
        return "cancel"
    if kind in OPTIONAL_KINDS and user["reminders_off"]:
        return "cancel"
    last = user["last_inbound_at"]
    in_window = last is not None and clock.from_db(last) > now - timedelta(hours=window_hours)
    if "cs" not in tried and in_window and user["cs_sent_since_inbound"] < quota:
        return "cs"
    if "template" not in tried and templates.get(TEMPLATE_FOR_KIND[kind]):
        return "template"
    return "held"


def backoff(attempts: int, schedule: tuple) -> timedelta:
    return timedelta(seconds=schedule[min(attempts, len(schedule) - 1)])


def template_data(row: dict) -> dict:
    data = json.loads(row["template_data"]) if row["template_data"] else {}
    data.setdefault("content", {"value": row["text"]})
    return data


@dataclass
class SendReport:
    sent: int = 0
    held: int = 0
    retried: int = 0
    failed: int = 0
    cancelled: int = 0
    by_channel: dict = field(default_factory=dict)


class Sender:
    """Delivers due outbox rows through WeChatAPI, at most ``rate_per_second``."""

    def __init__(self, config, api):
        section = config.section("outbox")
        self.templates = dict(config.get("wechat.templates"))
        self.window_hours = int(section["cs_window_hours"])
        self.quota = int(section["cs_quota"])
        self.rate = float(section["rate_per_second"])
        self.max_attempts = int(section["max_attempts"])
        self.backoff_schedule = tuple(section["backoff_seconds"])
        self.public_url = config.get("server.public_url")
        self.api = api
        self._last_send = 0.0

    def run(self, db, now: datetime, limit: int = 500, openid: str | None = None) -> SendReport:
        """Send what is due (only one user's with ``openid``: the simulator's share)."""
        report = SendReport()
        now_s = clock.to_db(now)
        stale = clock.to_db(now - STALE_CLAIM)
        if not self.api.has_credentials:
            for row in outbox_store.due(db, now_s, stale, limit, openid):
                outbox_store.mark(db, row["id"], "no_credentials", error="no credentials: wechat.app_id/app_secret")
                report.held += 1
            return report
        outbox_store.requeue_without_credentials(db, now_s, openid)
        for row in outbox_store.due(db, now_s, stale, limit, openid):
            if not outbox_store.claim(db, row["id"], now_s, stale):
                continue  # another sender took it
            self._deliver(db, row, now, report)
        return report

    def _deliver(self, db, row: dict, now: datetime, report: SendReport) -> None:
        image = row.get("image")
        tried: set[str] = {"template"} if image else set()  # a template carries no picture
        if image and not Path(image).is_file():
            outbox_store.mark(db, row["id"], "failed", error=f"image file missing: {image}")
            report.failed += 1
            log.error("outbox %s: image file missing: %s", row["id"], image)
            return
        while True:
            user = users_store.get(db, row["openid"])
            channel = choose_channel(
                user,
                row["kind"],
                now,
                templates=self.templates,
                window_hours=self.window_hours,
                quota=self.quota,
                tried=frozenset(tried),
            )
            if channel == "cancel":
                outbox_store.mark(db, row["id"], "cancelled", error="unsubscribed or opted out")
                report.cancelled += 1
                return
            if channel == "held":
                outbox_store.mark(db, row["id"], "held", channel="held")
                report.held += 1
                return
            try:
                self._throttle()
                if channel == "cs" and image:
                    self.api.send_image(row["openid"], self.api.upload_image(image))
                    users_store.count_cs_send(db, row["openid"])
                elif channel == "cs":
                    self.api.send_text(row["openid"], row["text"])
                    users_store.count_cs_send(db, row["openid"])
                else:
                    self.api.send_template(
                        row["openid"],
                        self.templates[TEMPLATE_FOR_KIND[row["kind"]]],
                        template_data(row),
                        url=self._absolute(row["url"]),
                    )
            except WeChatError as error:
                if error.errcode in CHANNEL_ERRORS:
                    tried.add(channel)
                    if channel == "cs":  # WeChat says the window is shut: do not try it again for this user
                        users_store.close_cs_window(db, row["openid"], self.quota)
                    continue
                self._failed(db, row, error, now, report)
                return
            outbox_store.mark_sent(db, row["id"], channel, clock.to_db(now))
            report.sent += 1
            report.by_channel[channel] = report.by_channel.get(channel, 0) + 1
            return

    def _failed(self, db, row: dict, error: WeChatError, now: datetime, report: SendReport) -> None:
        if error.errcode in USER_GONE_ERRORS:
            users_store.set_subscribed(db, row["openid"], False, clock.to_db(now))
            outbox_store.mark(db, row["id"], "cancelled", errcode=error.errcode, error=error.errmsg)
            report.cancelled += 1
        elif error.transient and row["attempts"] + 1 < self.max_attempts:
            retry_at = now + backoff(row["attempts"], self.backoff_schedule)
            outbox_store.mark_retry(db, row["id"], clock.to_db(retry_at), error.errcode, error.errmsg)
            report.retried += 1
        else:
            outbox_store.mark(db, row["id"], "failed", errcode=error.errcode, error=error.errmsg)
            report.failed += 1
        log.warning(
            "outbox %s to %s: errcode=%s %s", row["id"], hash_openid(row["openid"]), error.errcode, error.errmsg
        )

    def _absolute(self, url: str | None) -> str | None:
        if url and url.startswith("/"):
            return self.public_url.rstrip("/") + url
        return url

    def _throttle(self) -> None:
        if self.rate <= 0:
            return
        wait = self._last_send + 1.0 / self.rate - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        self._last_send = time.monotonic()
