"""Time in one place: the database stores UTC as ISO text; people see the campaign timezone.

Two clocks. The *wall clock* (``utcnow``) is the real time: WeChat's signature timestamps, token
expiry, scheduler leases. The *program clock* (``AppContext.clock``) is what the campaign decides by
(messages, records, reminders, reports); it is the wall clock, unless a rehearsal sets it elsewhere
(env ``BOT_NOW``, ``rehearsal_clock``): then it starts at that moment and runs forward in real time.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

UTC = UTC


def utcnow() -> datetime:
    return datetime.now(UTC)


def to_db(moment: datetime) -> str:
    """UTC text that sorts in time order: 2027-03-05T01:00:00."""
    # runs several times per message: %-formatting costs under half of strftime (an f-string with specs, more)
    u = moment.astimezone(UTC)
    return "%04d-%02d-%02dT%02d:%02d:%02d" % (u.year, u.month, u.day, u.hour, u.minute, u.second)  # noqa: UP031


def from_db(text: str) -> datetime:
    return datetime.strptime(text[:19], "%Y-%m-%dT%H:%M:%S").replace(tzinfo=UTC)


def parse_moment(text: str, tz: str) -> datetime:
    """An ISO date-time from the command line; without an offset it is in the campaign timezone."""
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=ZoneInfo(tz))
    return moment.astimezone(UTC)


def local(moment: datetime, tz: str) -> datetime:
    return moment.astimezone(ZoneInfo(tz))


# How long ago, as people say it: one helper for the chat and the dashboard.
AGE_TEXTS = {
    "just_now": "core.time.just_now",
    "minutes": "core.time.minutes_ago",
    "hours": "core.time.hours_ago",
    "days": "core.time.days_ago",
}
AGE_MAX_DAYS = 7  # past a week: the date, with its year
SKEW_SECONDS = 60  # a moment at most this far ahead of now is 刚刚 (clocks differ); further, its date
DATE_FORMAT = "%Y-%m-%d"
MINUTE_FORMAT = "%Y-%m-%d %H:%M"


def age(moment: datetime, now: datetime) -> tuple[str, int]:
    """('just_now', 0) under a minute, ('minutes', n) under an hour, ('hours', n) under a day, ('days', n) up to
    AGE_MAX_DAYS, then ('date', 0). Never negative: a moment just after ``now`` is 'just_now', one further
    ahead (the demo's, in the campaign year) its date."""
    seconds = (now - moment).total_seconds()
    if seconds < -SKEW_SECONDS:
        return "date", 0
    if seconds < 60:
        return "just_now", 0
    if seconds < 3600:
        return "minutes", int(seconds // 60)
    if seconds < 86400:
        return "hours", int(seconds // 3600)
    if seconds < (AGE_MAX_DAYS + 1) * 86400:
        return "days", int(seconds // 86400)
    return "date", 0


def ago(t, moment: datetime, now: datetime, tz: str) -> str:
    """刚刚 / 5分钟前 / 3小时前 / 2天前 / 2027-03-05: ``t`` is the message lookup (``app.t``)."""
    unit, n = age(moment, now)
    if unit == "date":
        return local(moment, tz).strftime(DATE_FORMAT)
    return t(AGE_TEXTS[unit], n=n)


def rehearsal_clock(start: datetime, monotonic: Callable[[], float] = time.monotonic) -> Callable[[], datetime]:
    """A program clock that reads ``start`` now and runs forward in real time (env ``BOT_NOW``)."""
    began = monotonic()
    return lambda: start + timedelta(seconds=monotonic() - began)
