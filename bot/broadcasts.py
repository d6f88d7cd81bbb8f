"""Broadcasts by staff: a message to a segment of followers, now or at a set time.

Python API (CLI ``broadcast`` and the dashboard):
- ``plan(db, config, segment) -> BroadcastPlan``: recipient count and a few sample recipients;
- ``create(db, config, *, segment, text, now, send_at=None, mass_tag_id=None, created_by="cli") -> id``;
- ``start_due_broadcasts(app, now)`` (job): queue each due broadcast, one outbox row per recipient
  (kind 'broadcast', dedupe key ``broadcast:<id>:<openid>``), or one WeChat mass send by tag when
  ``mass_tag_id`` is set and the account type's limits allow it (``mass_send_allowed``);
- ``cancel(db, broadcast_id, now) -> dict``: a scheduled broadcast never starts; a started one has
  its not yet sent rows cancelled;
- ``list_broadcasts(db, limit=50)``: newest first, with the outbox rows counted by status/channel.

Segments: ``all``, ``village:<name>``, ``town:<name>``, ``role:<role>``, ``below-quota`` (people with
something left to do, as in the weekly nudge), ``unregistered`` (followers not bound to a person); the
office sees them in words (``describe``: 村社区：埔心村). Only followers who are subscribed and have not
said 退订 are counted. A segment that reaches nobody (``village:埔心`` for 埔心村) is refused by ``create``
(``NoRecipients``, with the closest village or town names to suggest). Recipients are read through a
cursor and queued in batches, so memory stays bounded whatever the segment's size.
"""

from __future__ import annotations

import difflib
import logging
import sys
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from itertools import islice

from bot import clock, reminders, roster
from bot.db import transaction
from bot.store import outbox as outbox_store
from bot.store import reminders as store
from bot.store import roster as roster_store
from bot.wechat_api import WeChatError

log = logging.getLogger(__name__)

SEGMENT_KINDS = ("all", "village", "town", "role", "below-quota", "unregistered")
WITH_VALUE = ("village", "town", "role")
MAX_TEXT = 600  # a customer-service text is limited to 2048 bytes; keep broadcasts phone-sized
BATCH = 1000
SAMPLE = 5
SUGGESTIONS = 3
# segment kind -> message key of its words (reminders.segments.*)
SEGMENT_TEXTS = {
    "all": "reminders.segments.all",
    "village": "reminders.segments.village",
    "town": "reminders.segments.town",
    "role": "reminders.segments.role",
    "below-quota": "reminders.segments.below_quota",
    "unregistered": "reminders.segments.unregistered",
}
UNKNOWN_NAME_TEXTS = {"village": "reminders.broadcast.unknown_village", "town": "reminders.broadcast.unknown_town"}


class BroadcastError(ValueError):
    """A segment, text or time staff cannot broadcast with (the message says why)."""


class NoRecipients(BroadcastError):
    """The segment reaches nobody now; ``plan`` says why (an unknown name, and the closest ones)."""

    def __init__(self, found: BroadcastPlan):
        super().__init__(f"segment {found.segment} reaches nobody")
        self.plan = found


@dataclass(frozen=True)
class Segment:
    kind: str
    value: str | None = None

    def __str__(self) -> str:
        return f"{self.kind}:{self.value}" if self.value else self.kind


@dataclass
class BroadcastPlan:
    segment: str
    count: int
    sample: list[str] = field(default_factory=list)  # names (or masked openids) of the first recipients
    unknown_name: bool = False  # village:/town: names no village or town of the roster
    suggestions: list[str] = field(default_factory=list)  # the closest village or town names, best first


def describe(t, segment: str | Segment) -> str:
    """A segment in the office's words (村社区：埔心村, 全部关注者): ``t`` is the message lookup."""
    seg = segment if isinstance(segment, Segment) else parse_segment(segment)
    return t(SEGMENT_TEXTS[seg.kind], name=seg.value or "")


def why_nobody(t, found: BroadcastPlan) -> str:
    """Why a plan reaches nobody, with the names it may have meant."""
    if found.unknown_name:
        seg = parse_segment(found.segment)
        reason = t(UNKNOWN_NAME_TEXTS[seg.kind], name=seg.value)
    else:
        reason = t("reminders.broadcast.nobody", segment=describe(t, found.segment))
    if found.suggestions:
        reason += t("reminders.broadcast.did_you_mean", names="、".join(found.suggestions))
    return reason


def closest_names(query: str, names: list[str]) -> list[str]:
    """The names a mistyped village or town name may mean: the roster's forgiving village matcher (埔心 ->
    埔心村, one character off), else difflib's closest."""
    forgiving = [v["name"] for v in roster.match_village(query, [{"name": n} for n in names])]
    return (forgiving or difflib.get_close_matches(query, names, n=SUGGESTIONS, cutoff=0.5))[:SUGGESTIONS]


def parse_segment(text: str, config=None) -> Segment:
    kind, _, given = (text or "").strip().partition(":")
    kind, value = kind.strip(), given.strip() or None
    if kind not in SEGMENT_KINDS:
        raise BroadcastError(
            f"unknown segment {text!r}: use one of all, village:<名称>, town:<镇街>, role:<角色>, "
            "below-quota, unregistered"
        )
    if (kind in WITH_VALUE) != (value is not None):
        raise BroadcastError(f"segment {kind} {'needs' if kind in WITH_VALUE else 'takes no'} value: {text!r}")
    if kind == "role" and config is not None:
        roles = config.get("campaign.quotas")
        if value not in roles:
            raise BroadcastError(f"unknown role {value!r}: one of {', '.join(roles)}")
    return Segment(kind, value)


def recipients(db, config, segment: Segment):
    """Rows (openid, name, …) of the segment's reachable followers, streamed."""
    if segment.kind == "below-quota":
        return (row for row, _left in reminders.people_with_work(db, config))
    if segment.kind == "village":
        return store.recipients(db, village=segment.value)
    if segment.kind == "town":
        return store.recipients(db, town=segment.value)
    if segment.kind == "role":
        assert segment.value is not None  # parse_segment: role takes a value
        return store.recipients(db, roles=[segment.value])
    if segment.kind == "unregistered":
        return store.recipients(db, registered=False)
    return store.recipients(db)


def _label(row: dict) -> str:
    if row.get("name"):
        return f"{row['name']}（{row['village']}）" if row.get("village") else row["name"]
    return row["openid"][:6] + "…"


def plan(db, config, segment: str | Segment) -> BroadcastPlan:
    """How many followers the segment reaches now, and a few of them."""
    seg = segment if isinstance(segment, Segment) else parse_segment(segment, config)
    count, sample = 0, []
    for row in recipients(db, config, seg):
        if count < SAMPLE:
            sample.append(_label(row))
        count += 1
    found = BroadcastPlan(str(seg), count, sample)
    if not count and seg.kind in UNKNOWN_NAME_TEXTS:
        villages = roster_store.all_villages(db)
        names = (
            [v["name"] for v in villages]
            if seg.kind == "village"
            else sorted({v["town"] for v in villages if v["town"]})
        )
        assert seg.value is not None  # parse_segment: village and town take a value
        if seg.value not in names:
            found.unknown_name, found.suggestions = True, closest_names(seg.value, names)
    return found


def check_text(text: str) -> str:
    text = (text or "").strip()
    if not text:
        raise BroadcastError("the broadcast text is empty")
    if len(text) > MAX_TEXT:
        raise BroadcastError(f"the broadcast text is {len(text)} characters; keep it under {MAX_TEXT}")
    return text


def create(
    db,
    config,
    *,
    segment: str,
    text: str,
    now: datetime,
    send_at: datetime | None = None,
    mass_tag_id: int | None = None,
    created_by: str = "cli",
) -> int:
    """Save a broadcast; it starts at ``send_at`` (default now) through ``start_due_broadcasts``. Raises
    NoRecipients when the segment reaches nobody now."""
    seg = parse_segment(segment, config)
    text = check_text(text)
    if next(iter(recipients(db, config, seg)), None) is None:
        raise NoRecipients(plan(db, config, seg))
    with transaction(db):
        return store.add_broadcast(
            db,
            segment=str(seg),
            text=text,
            send_at=clock.to_db(send_at or now),
            mass_tag_id=mass_tag_id,
            created_by=created_by,
            now=clock.to_db(now),
        )


def cancel(db, broadcast_id: int, now: datetime) -> dict:
    """Stop a broadcast: {'found', 'was', 'cancelled_messages'}."""
    with transaction(db):
        row = store.broadcast(db, broadcast_id)
        if row is None:
            return {"found": False, "was": None, "cancelled_messages": 0}
        cancelled = outbox_store.cancel_outbox_prefix(db, f"broadcast:{broadcast_id}:", "broadcast cancelled by staff")
        store.mark_broadcast_cancelled(db, broadcast_id, clock.to_db(now))
    return {"found": True, "was": row["status"], "cancelled_messages": cancelled}


def list_broadcasts(db, limit: int = 50) -> list[dict]:
    rows = store.broadcasts(db, limit)
    for row in rows:
        row["messages"] = outbox_store.outbox_status_counts(db, f"broadcast:{row['id']}:")
    return rows


# -- mass send by tag -------------------------------------------------------------------------------
def mass_send_allowed(
    account_type: str, *, sent_today: int, most_received_this_month: int, per_day: dict, per_user_month: dict
) -> tuple[bool, str]:
    """Whether one more mass send is within the account type's limits (订阅号: per day; 服务号: per
    follower per month). An account type with no configured limit cannot mass-send."""
    if account_type not in per_day and account_type not in per_user_month:
        return False, f"no mass-send limit configured for account type {account_type!r}"
    if account_type in per_day and sent_today >= int(per_day[account_type]):
        return False, f"{account_type}: {sent_today} mass send(s) today, the limit is {per_day[account_type]} per day"
    if account_type in per_user_month and most_received_this_month >= int(per_user_month[account_type]):
        return False, (
            f"{account_type}: a follower of this segment already got {most_received_this_month} mass "
            f"send(s) this month, the limit is {per_user_month[account_type]}"
        )
    return True, "ok"


def _day_and_month(now: datetime, tz: str) -> tuple[tuple[str, str], tuple[str, str]]:
    local = clock.local(now, tz).date()
    first = local.replace(day=1)
    next_month = (first + timedelta(days=32)).replace(day=1)
    day = (reminders.at_local(local, time(0), tz), reminders.at_local(local + timedelta(days=1), time(0), tz))
    month = (reminders.at_local(first, time(0), tz), reminders.at_local(next_month, time(0), tz))
    return (clock.to_db(day[0]), clock.to_db(day[1])), (clock.to_db(month[0]), clock.to_db(month[1]))


def _mass_check(db, config, seg: Segment, now: datetime) -> tuple[bool, str]:
    day, month = _day_and_month(now, config.get("campaign.timezone"))
    received = outbox_store.mass_received_between(db, *month)
    most = max((received.get(row["openid"], 0) for row in recipients(db, config, seg)), default=0)
    return mass_send_allowed(
        config.get("wechat.account_type"),
        sent_today=store.mass_sends_between(db, *day),
        most_received_this_month=most,
        per_day=dict(config.get("reminders.mass_per_day")),
        per_user_month=dict(config.get("reminders.mass_per_user_month")),
    )


# -- starting -------------------------------------------------------------------------------------
def _rows(db, config, seg: Segment, broadcast_id: int, text: str):
    for row in recipients(db, config, seg):
        yield row["openid"], text, f"broadcast:{broadcast_id}:{row['openid']}"


def _in_batches(db, rows, write) -> int:
    total = 0
    while batch := list(islice(rows, BATCH)):
        total += write(batch)
    return total


def _start_by_outbox(app, row: dict, seg: Segment, now: datetime, note: str | None = None) -> int:
    send_at = reminders.send_time(app.config, now)
    db = app.db
    with transaction(db):
        if row["status"] == "scheduled" and not store.mark_broadcast_started(db, row["id"], "outbox", clock.to_db(now)):
            return 0
        queued = _in_batches(
            db,
            _rows(db, app.config, seg, row["id"], row["text"]),
            lambda batch: outbox_store.enqueue_many(
                db, batch, kind="broadcast", now=clock.to_db(now), not_before=clock.to_db(send_at)
            ),
        )
        store.set_broadcast_result(db, row["id"], channel="outbox", recipients=queued, note=note)
    return queued


def _start_by_mass(app, row: dict, seg: Segment, now: datetime) -> int:
    db = app.db
    with transaction(db):
        allowed, why = _mass_check(db, app.config, seg, now)
        if allowed and not store.mark_broadcast_started(db, row["id"], "mass", clock.to_db(now)):
            return 0
    if not allowed:
        log.warning("broadcast %s: mass send not allowed (%s); sending one message per follower", row["id"], why)
        return _start_by_outbox(app, row, seg, now, note=f"mass send refused: {why}")
    try:  # at most once: the broadcast is marked started before the call
        app.api.send_mass_text_by_tag(int(row["mass_tag_id"]), row["text"])
    except WeChatError as error:
        log.warning("broadcast %s: mass send failed (%s); sending one message per follower", row["id"], error)
        row = {**row, "status": "started"}
        return _start_by_outbox(app, row, seg, now, note=f"mass send failed: errcode={error.errcode}")
    with transaction(db):
        reached = _in_batches(
            db,
            _rows(db, app.config, seg, row["id"], row["text"]),
            lambda batch: outbox_store.mark_many_sent(
                db, batch, kind="broadcast", channel="mass", now=clock.to_db(now)
            ),
        )
        store.set_broadcast_result(db, row["id"], channel="mass", recipients=reached)
    return reached


def start(app, row: dict, now: datetime) -> int:
    """Queue (or mass-send) one scheduled broadcast; returns how many followers it reaches."""
    seg = parse_segment(row["segment"])
    if row["mass_tag_id"]:
        return _start_by_mass(app, row, seg, now)
    return _start_by_outbox(app, row, seg, now)


def start_due_broadcasts(app, now: datetime) -> dict:
    """Job: start every scheduled broadcast whose time has come."""
    started = {}
    for row in store.due_broadcasts(app.db, clock.to_db(now)):
        started[row["id"]] = start(app, row, now)
    return {"started": started}


# -- the command line -----------------------------------------------------------------------------
def broadcast_arguments(p) -> None:
    p.add_argument("--segment", help="all | village:<名称> | town:<镇街> | role:<角色> | below-quota | unregistered")
    p.add_argument("--text", help="the message (a few short lines)")
    p.add_argument("--at", help="send at this ISO date-time (campaign timezone without an offset); default now")
    p.add_argument("--dry-run", action="store_true", help="show the recipient count and a preview, send nothing")
    p.add_argument(
        "--mass-tag",
        type=int,
        help="WeChat user tag id: one mass send (within the account type's limits) instead of one message per follower",
    )
    p.add_argument("--cancel", type=int, metavar="ID", help="cancel broadcast ID")
    p.add_argument("--list", action="store_true", help="list broadcasts, newest first")


def cmd_broadcast(args, app) -> int:
    """Exit 0 sent or scheduled (or listed, cancelled, dry run); 1 the segment reaches nobody or an unknown id;
    2 bad input. Everything it says is in the office's words (messages/replies/reminders.toml)."""
    now = app.clock()
    db = app.db
    t = app.t
    try:
        if args.list:
            for row in list_broadcasts(db):
                counts = ", ".join(f"{k} {v}" for k, v in row["messages"].items()) or "-"
                print(
                    t(
                        "reminders.broadcast.list_line",
                        id=row["id"],
                        status=row["status"],
                        segment=describe(t, row["segment"]),
                        at=_local(app, clock.from_db(row["send_at"])),
                        recipients=row["recipients"] if row["recipients"] is not None else "-",
                        counts=counts,
                        text=repr(row["text"][:30]),
                    )
                )
            return 0
        if args.cancel:
            result = cancel(db, args.cancel, now)
            if not result["found"]:
                print(t("reminders.broadcast.not_found", id=args.cancel), file=sys.stderr)
                return 1
            print(t("reminders.broadcast.cancelled", id=args.cancel, was=result["was"], n=result["cancelled_messages"]))
            return 0
        if not args.segment or not args.text:
            print(t("reminders.broadcast.needs_segment_and_text"), file=sys.stderr)
            return 2
        text = check_text(args.text)
        found = plan(db, app.config, args.segment)
        send_at = clock.parse_moment(args.at, app.tz) if args.at else now
        print(t("reminders.broadcast.preview", segment=describe(t, found.segment), count=found.count))
        if found.sample:
            print(t("reminders.broadcast.sample", names="、".join(found.sample)))
        print(t("reminders.broadcast.text") + "\n" + "\n".join("  " + line for line in text.splitlines()))
        if not found.count:
            raise NoRecipients(found)
        if args.dry_run:
            print(t("reminders.broadcast.dry_run"))
            return 0
        broadcast_id = create(
            db, app.config, segment=args.segment, text=text, now=now, send_at=send_at, mass_tag_id=args.mass_tag
        )
    except NoRecipients as error:
        print(why_nobody(t, error.plan) + t("reminders.broadcast.not_sent"), file=sys.stderr)
        return 1
    except BroadcastError as error:
        print(t("reminders.broadcast.bad_input", reason=error), file=sys.stderr)
        return 2
    if send_at <= now:
        broadcast = store.broadcast(db, broadcast_id)
        assert broadcast is not None  # just scheduled
        reached = start(app, broadcast, now)
        print(t("reminders.broadcast.started", id=broadcast_id, n=reached))
    else:
        print(t("reminders.broadcast.scheduled", id=broadcast_id, at=_local(app, send_at), tz=app.tz))
    return 0


def _local(app, moment: datetime) -> str:
    return clock.local(moment, app.tz).strftime(clock.MINUTE_FORMAT)
