"""Time in one place: the database stores UTC as ISO text; people see the campaign timezone.

Two clocks. The *wall clock* (``utcnow``) is the real time: WeChat's signature timestamps, token
expiry, scheduler leases. The *program clock* (``AppContext.clock``) is what the campaign decides by
(messages, records, reminders, reports); it is the wall clock, unless a rehearsal sets it elsewhere
(env ``BOT_NOW``, ``rehearsal_clock``): then it starts at that moment and runs forward in real time.
"""
from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone
from typing import Callable
from zoneinfo import ZoneInfo

UTC = timezone.utc


def utcnow() -> datetime:
    return datetime.now(UTC)


def to_db(moment: datetime) -> str:
    """UTC text that sorts in time order: 2027-03-05T01:00:00."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S")


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


def rehearsal_clock(start: datetime, monotonic: Callable[[], float] = time.monotonic) -> Callable[[], datetime]:
    """A program clock that reads ``start`` now and runs forward in real time (env ``BOT_NOW``)."""
    began = monotonic()
    return lambda: start + timedelta(seconds=monotonic() - began)
