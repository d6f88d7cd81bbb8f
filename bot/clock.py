"""Time in one place: the database stores UTC as ISO text; people see the campaign timezone."""
from __future__ import annotations

from datetime import datetime, timezone
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
