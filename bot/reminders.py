"""The campaign calendar: who gets which reminder when, as pure functions, and the jobs that queue them.

Every job looks at "what is due at ``now``", never at "what fired": a milestone reminder is due from
``days_before`` the milestone at ``at`` until the milestone day ends; a weekly nudge is due from this
week's slot (``reminders.weekly_nudge``, inside ``campaign.window``) for a week; a survival follow-up
is due from ``+followup_days`` for ``followup_grace_days``. Each send is an outbox row whose dedupe
key is built from stable ids, so a second tick at the same moment, a restart or a run that was
missed and coalesced neither repeats nor loses a send:

- ``reminder:<calendar entry>:<year>:<openid>`` (not for villages that already reported the village
  milestone of that date: bot/milestones.py ``villages_done``)
- ``nudge:<ISO year>-W<week>:<openid>``
- ``followup:<planting id>:<days>``

Quiet hours (``reminders.quiet_hours``, campaign timezone) push a send to the end of the quiet
period (``not_before``); at most ``reminders.max_per_week`` reminders and follow-ups reach a person
per calendar week (Monday to Sunday, campaign timezone): a nudge over the cap is skipped that week,
a milestone reminder or follow-up over the cap waits for a later run while it is still due.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot import clock, milestones, nlu, outbox, planting, progress, schedule
from bot.conversation import Flow
from bot.db import transaction
from bot.store import conversations as conversations_store
from bot.store import followups as followups_store
from bot.store import outbox as outbox_store
from bot.store import reminders as store
from bot.store import roster as roster_store
from bot.store import users as users_store

log = logging.getLogger(__name__)


def _survival_days(config) -> timedelta:
    return timedelta(days=int(config.get("reminders.survival_flow_days")))


# After a follow-up: {planting_id, due_days, check_id}; opened by survival_followups (asked), answered by
# a photo and 活了/死了/补种了. Its table is in handlers/reminders.py, its diagram in docs/reminders.md.
SURVIVAL_FLOW = Flow(
    "survival", ("asked", "photo", "answered"), timeout=_survival_days, photo_states=("asked", "photo", "answered")
)
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
AUDIENCES = ("roles", "villagers", "everyone")


# -- time ------------------------------------------------------------------------------------------
def hhmm(text: str) -> time:
    hours, minutes = text.strip().split(":")
    return time(int(hours), int(minutes))


def at_local(day: date, moment: time, tz: str) -> datetime:
    """A local date and time as an aware UTC datetime."""
    return datetime.combine(day, moment, ZoneInfo(tz)).astimezone(clock.UTC)


def not_before(moment: datetime, tz: str, quiet: tuple[str, str]) -> datetime:
    """``moment`` itself, or the end of the quiet period it falls in (quiet = (start, end), may wrap midnight)."""
    start, end = hhmm(quiet[0]), hhmm(quiet[1])
    local = clock.local(moment, tz)
    now_t = local.time().replace(tzinfo=None)
    wraps = start > end
    quiet_now = (now_t >= start or now_t < end) if wraps else (start <= now_t < end)
    if not quiet_now:
        return moment
    day = local.date() + timedelta(days=1) if wraps and now_t >= start else local.date()
    return at_local(day, end, tz)


def send_time(config, now: datetime) -> datetime:
    """When a message queued now may go: now, or the end of the configured quiet hours."""
    return not_before(now, config.get("campaign.timezone"), tuple(config.get("reminders.quiet_hours")))


def tell_each(
    db, config, people: Iterable[Mapping], *, text: str, key: str, now: datetime, at_once: bool = False
) -> list[Mapping]:
    """withdraw83: ``text`` as a notice (``queue_notice``) to each of ``people`` who follows the account (``openid``),
    once per ``key`` and person: those told."""
    told = [p for p in people if p.get("openid")]
    for person in told:
        key_of = f"{key}:{person['openid']}"
        queue_notice(db, config, openid=person["openid"], text=text, key=key_of, now=now, at_once=at_once)
    return told


def tell_village(
    db,
    config,
    village_id: int | None,
    roles: Iterable[str],
    *,
    text: str,
    key: str,
    now: datetime,
    but: int | None = None,
    at_once: bool = False,
) -> list[Mapping]:
    """The one way a village's people of ``roles`` (its cadres: ``roster_store.village_cadres``, in the roles' order)
    hear of something a villager did or told: ``text`` as a notice through the outbox to each who follows the account,
    never to ``but`` (the sender, who has the reply), once per ``key`` and person (``tell_each``). Used for an adoption
    ended (bot/adoption.py), a care zone left (bot/zones.py), a pledge withdrawn (bot/pledges.py) and an accident
    answered with first aid (bot/accidents.py). Those told."""
    people = [p for p in roster_store.village_cadres(db, village_id, tuple(roles)) if p["id"] != but]
    return tell_each(db, config, people, text=text, key=key, now=now, at_once=at_once)


def queue_notice(
    db,
    config,
    *,
    openid: str,
    text: str,
    key: str,
    now: datetime,
    url: str | None = None,
    at_once: bool = False,
    dated: bool = False,
) -> bool:
    """Queue a notice (kind ``notice``: no weekly cap, no 退订) for after quiet hours, or ``at_once`` (a danger told
    now: round 56); once per ``key``. ``dated``: it says a date or a count of days as of when it is due (a month's
    duty, '评选还有7天'), so held longer than ``outbox.held_reminder_hours`` it goes stale as a reminder does (sim68;
    the row's own ``stale_after``, tidy72). True when it is newly queued."""
    send_at = now if at_once else send_time(config, now)
    stale_after = send_at + timedelta(hours=float(config.get("outbox.held_reminder_hours"))) if dated else None
    queued = outbox.enqueue(
        db,
        openid=openid,
        kind="notice",
        text=text,
        dedupe_key=key,
        now=now,
        not_before=send_at,
        url=url,
        stale_after=stale_after,
    )
    return queued is not None


def week_bounds(moment: datetime, tz: str) -> tuple[datetime, datetime]:
    """Monday 00:00 to next Monday 00:00 (campaign timezone) around ``moment``, in UTC."""
    local = clock.local(moment, tz).date()
    monday = local - timedelta(days=local.weekday())
    return at_local(monday, time(0, 0), tz), at_local(monday + timedelta(days=7), time(0, 0), tz)


# -- the calendar ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class CalendarEntry:
    name: str
    milestone: str
    days_before: int
    at: str
    audience: str
    message: str
    roles: tuple[str, ...] = ()
    only_unfinished: bool = False


def calendar(config) -> list[CalendarEntry]:
    """``[reminders.calendar.<name>]`` entries, checked against ``[campaign.milestones]``."""
    milestones = config.get("campaign.milestones")
    entries = []
    for name, raw in config.get("reminders.calendar").items():
        milestone = schedule.MILESTONE_ALIASES.get(raw["milestone"], raw["milestone"])
        entry = CalendarEntry(
            name=name,
            milestone=milestone,
            days_before=int(raw.get("days_before", 0)),
            at=raw.get("at", "09:00"),
            audience=raw.get("audience", "everyone"),
            message=raw["message"],
            roles=tuple(raw.get("roles", ())),
            only_unfinished=bool(raw.get("only_unfinished", False)),
        )
        if entry.milestone not in milestones:
            raise ValueError(
                f"reminders.calendar {entry.name}: no milestone {entry.milestone!r} in campaign.milestones"
            )
        if entry.audience not in AUDIENCES:
            raise ValueError(f"reminders.calendar {entry.name}: audience must be one of {AUDIENCES}")
        entries.append(entry)
    return entries


def entry_window(entry: CalendarEntry, config) -> tuple[datetime, datetime, date]:
    """(due from, due until, milestone date): from ``days_before`` at ``at`` until the milestone day ends."""
    tz = config.get("campaign.timezone")
    deadline = schedule.milestone_date(config, entry.milestone)
    start = at_local(deadline - timedelta(days=entry.days_before), hhmm(entry.at), tz)
    return start, at_local(deadline + timedelta(days=1), time(0, 0), tz), deadline


def due_entries(config, now: datetime) -> list[tuple[CalendarEntry, date]]:
    due = []
    for entry in calendar(config):
        start, end, deadline = entry_window(entry, config)
        if start <= now < end:
            due.append((entry, deadline))
    return due


def nudge_slot_at(config, now: datetime) -> datetime | None:
    """The moment of the weekly nudge due at ``now``, or None.

    The slot is this week's ``weekly_nudge`` day and time (the previous week's before it); it is due
    for seven days when its date lies inside ``campaign.window``.
    """
    tz = config.get("campaign.timezone")
    day_name, at = config.get("reminders.weekly_nudge").split()
    weekday = WEEKDAYS.index(day_name.lower()[:3])
    local = clock.local(now, tz).date()
    slot_day = local - timedelta(days=(local.weekday() - weekday) % 7)
    if at_local(slot_day, hhmm(at), tz) > now:
        slot_day -= timedelta(days=7)
    first, last = schedule.window(config)
    if not first <= slot_day <= last:
        return None
    return at_local(slot_day, hhmm(at), tz)


def nudge_slot(config, now: datetime) -> str | None:
    """The week key (``2027-W10``) of the weekly nudge due at ``now`` (``nudge_slot_at``), or None."""
    moment = nudge_slot_at(config, now)
    if moment is None:
        return None
    iso = clock.local(moment, config.get("campaign.timezone")).date().isocalendar()
    return f"{iso.year}-W{iso.week:02d}"


# -- what is left to do ----------------------------------------------------------------------------
@dataclass(frozen=True)
class WorkLeft:
    quota: int = 0  # the person's own tree quota (by role)
    quota_left: int = 0
    household_target: int = 0
    household_left: int = 0
    needs_event: bool = False  # a party member under the age limit who has not taken part yet

    def __bool__(self) -> bool:
        return bool(self.quota_left or self.household_left or self.needs_event)


def work_left(row: dict, config=None) -> WorkLeft:
    """What a person still has to do, from a ``bot.progress.people_left_to_do`` row.

    The row carries the rules (quota, household_target, party_member_to_count) and the verified
    numbers (trees, household_trees, active), so a nudge says what 我的进度 says. A bare roster row
    with its numbers (role, birth_year, trees, household_trees, events) gets the rules from
    ``bot.progress.person_rules``.
    """
    rules = row if "quota" in row else progress.person_rules(config, row)
    took_part = row["active"] if "active" in row else row["events"]
    quota, household_target = rules["quota"], rules["household_target"]
    return WorkLeft(
        quota=quota,
        quota_left=max(quota - row["trees"], 0),
        household_target=household_target,
        household_left=max(household_target - row["household_trees"], 0),
        needs_event=bool(rules["party_member_to_count"]) and not took_part,
    )


def nudge_text(t: Callable[..., str], row: dict, left: WorkLeft, max_age: int) -> str:
    """The weekly nudge for one person, with their own numbers (max_age: the party members' age limit)."""
    name = row["name"]
    if left.quota_left:
        return t("reminders.nudge_quota", name=name, quota=left.quota, done=row["trees"], left=left.quota_left)
    if left.household_left:
        return t("reminders.nudge_household", name=name, target=left.household_target, left=left.household_left)
    return t("reminders.nudge_event", name=name, max_age=max_age)


def people_with_work(db, config, openid: str | None = None):
    """(progress row, WorkLeft) for every reachable registered person who still has something to do.

    The numbers and rules come from one query over every reachable person
    (bot.progress.people_left_to_do, verified records only), so a nudge run stays fast.
    """
    for row in progress.people_left_to_do(db, config, openid=openid, followers_only=True):
        left = work_left(row)
        if left:
            yield row, left


# -- follow-ups and their answers -------------------------------------------------------------------
SURVIVAL_WORDS = (  # checked in this order: "没活" must not read as "活"
    ("dead", ("死了", "没活", "枯死", "枯了", "死掉", "没成活")),
    ("replanted", ("补种了", "补种", "重新种了", "又种了")),
    ("alive", ("活了", "还活着", "成活了", "长得好", "长得很好", "发芽了", "长叶了", "活着")),
)


# sim70: asked, not answered ('要唔要补种', '是不是死了', '死咗一棵 使唔使补种'): no answer to the follow-up (read on the
# normalised text: 唔 -> 不, 点 -> 怎么)
_SURVIVAL_ASKED_RE = re.compile(
    r"要不要|使不使|用不用|可不可以|得不得|是不是|系不系|会不会|怎么|点算|点办|点样|几时|为什么|吗|？|\?"
)


def survival_asked(text: str | None) -> bool:
    """Sim70: the follow-up's words said in a question ('要唔要补种'): not its answer (pure)."""
    return bool(_SURVIVAL_ASKED_RE.search(nlu.normalize(text or "")))


def survival_result(text: str | None) -> str | None:
    """'alive' | 'dead' | 'replanted' from a short answer to a follow-up, else None."""
    text = (text or "").strip()
    if not text or len(text) > 20:
        return None
    said = (text, nlu.normalize(text))  # sim69: Cantonese '都活咗', '死咗一棵', '补种咗' (咗 -> 了) had read as nothing
    for result, words in SURVIVAL_WORDS:
        if any(word in form for word in words for form in said):
            return result
    return None


# -- jobs --------------------------------------------------------------------------------------------
class ReminderQueue:
    """Queues reminders for one job run: quiet hours, the weekly cap and the dedupe key in one place (also used by
    other capabilities' reminders, e.g. the care zones' nudge)."""

    def __init__(self, app, now: datetime):
        self.app, self.db, self.now = app, app.db, now
        cfg = app.config
        self.tz = cfg.get("campaign.timezone")
        self.send_at = send_time(cfg, now)
        self.cap = int(cfg.get("reminders.max_per_week"))
        start, end = week_bounds(self.send_at, self.tz)
        self.week = (clock.to_db(start), clock.to_db(end))
        self.queued = 0
        self.capped = 0

    def under_cap(self, openid: str) -> bool:
        if outbox_store.reminders_in_week(self.db, openid, *self.week) < self.cap:
            return True
        self.capped += 1
        return False

    def put(self, openid: str, kind: str, text: str, key: str) -> bool:
        if not self.under_cap(openid):
            return False
        queued = (
            outbox.enqueue(
                self.db, openid=openid, kind=kind, text=text, dedupe_key=key, now=self.now, not_before=self.send_at
            )
            is not None
        )
        self.queued += queued
        return queued

    def report(self) -> dict:
        return {"queued": self.queued, "over_weekly_cap": self.capped}


def _audience(db, config, entry: CalendarEntry):
    if entry.only_unfinished:
        rows = (row for row, _left in people_with_work(db, config))
        if entry.audience == "roles":
            rows = (row for row in rows if row["role"] in entry.roles)
        elif entry.audience == "villagers":
            rows = (row for row in rows if row["village_id"])
        return rows
    if entry.audience == "roles":
        return store.recipients(db, roles=entry.roles)
    if entry.audience == "villagers":
        return store.recipients(db, with_village=True)
    return store.recipients(db)


def when_words(t: Callable[..., str], days: int) -> dict[str, str]:
    """The calendar reminders' {days_left} and {soon}, as the person reads them ``days`` before the milestone: 还有3天 /
    快到了, and on the day itself 今天截止 / 到了 (sim62: a reminder read on 3月12日 said 植树节快到了, a cadre's 还有0天)."""
    if days > 0:
        return {"days_left": t("reminders.days_left", days=days), "soon": t("reminders.soon")}
    return {"days_left": t("reminders.due_today"), "soon": t("reminders.arrived")}


def milestone_reminders(app, now: datetime) -> dict:
    """Job: queue every calendar reminder due at ``now`` for the people it concerns."""
    queue = ReminderQueue(app, now)
    year = app.config.get("campaign.year")
    household_trees = progress.Rules.of(app.config).household_target
    with transaction(app.db):
        for entry, deadline in due_entries(app.config, now):
            days = (deadline - clock.local(queue.send_at, queue.tz).date()).days  # as the person reads it
            if days < 0:
                continue  # sim62: read after the milestone day (quiet hours pushed it past midnight): no 还有-1天
            reported = milestones.villages_done(app.db, entry.milestone)  # a village milestone already reported
            for row in _audience(app.db, app.config, entry):
                if row["village_id"] in reported:
                    continue
                text = app.t(
                    entry.message,
                    name=row["name"] or "",
                    date=schedule.date_words(deadline),
                    days=days,
                    household_trees=household_trees,
                    **when_words(app.t, days),
                )
                queue.put(row["openid"], "reminder", text, f"reminder:{entry.name}:{year}:{row['openid']}")
    return queue.report()


def weekly_nudges(app, now: datetime) -> dict:
    """Job: during the window, this week's nudge to everyone who still has something to do."""
    week, moment = nudge_slot(app.config, now), nudge_slot_at(app.config, now)
    if week is None or moment is None:
        return {"queued": 0, "over_weekly_cap": 0}
    queue = ReminderQueue(app, now)
    max_age = int(app.config.get("campaign.participation.party_member_max_age"))
    # sim61: one registered (bound) after this week's slot was just told how to record trees; the nudge waits for the
    # next slot (it had come right after the registration's own reply)
    just_bound = roster_store.bound_since(app.db, clock.to_db(moment))
    with transaction(app.db):
        for row, left in people_with_work(app.db, app.config):
            if row["openid"] in just_bound:
                continue
            text = nudge_text(app.t, row, left, max_age)
            queue.put(row["openid"], "reminder", text, f"nudge:{week}:{row['openid']}")
    return queue.report()


def followup_key(planting_id, days) -> str:
    """The outbox key of a record's follow-up after ``days``: once per record and day count."""
    return f"followup:{planting_id}:{days}"


def followup_unseen(db, data: dict) -> bool:
    """Sim68: the follow-up the survival conversation ``data`` stands for is not delivered yet (held for want of a
    channel, or waiting for quiet hours to end, or dropped): the villager has not seen the question."""
    return outbox_store.not_delivered(db, followup_key(data.get("planting_id"), data.get("due_days")))


def survival_followups(app, now: datetime) -> dict:
    """Job: ask for a new photo of each planting +followup_days after it was recorded.

    One follow-up at a time per person: while their ``survival`` conversation is open the next one
    waits, so an answer always belongs to the tree that was asked about.
    """
    cfg = app.config
    queue = ReminderQueue(app, now)
    grace = timedelta(days=int(cfg.get("reminders.followup_grace_days")))
    now_s = clock.to_db(now)
    with transaction(app.db):
        for days in cfg.get("reminders.followup_days"):
            latest = now - timedelta(days=int(days))
            for record in followups_store.plantings_due(
                app.db, due_days=int(days), done_from=clock.to_db(latest - grace), done_until=clock.to_db(latest)
            ):
                openid = record["openid"]
                user = users_store.get(app.db, openid)
                if not user or not user["subscribed"] or user["reminders_off"]:
                    continue
                if conversations_store.get(app.db, openid, SURVIVAL_FLOW.name, now_s):
                    continue
                done = clock.local(clock.from_db(record["done_at"]), queue.tz)
                text = app.t(
                    "reminders.followup",
                    date=schedule.date_words(done),
                    what=planting.describe_for_villager(app, record),
                    days=days,
                )
                if queue.put(openid, "followup", text, followup_key(record["id"], days)):
                    expires = max(queue.send_at, now) + _survival_days(cfg)
                    conversations_store.put(
                        app.db,
                        openid,
                        SURVIVAL_FLOW.name,
                        "asked",
                        {"planting_id": record["id"], "due_days": int(days)},
                        clock.to_db(expires),
                        now_s,
                    )
    return queue.report()


def followups_as_sent(app, end: datetime) -> int:
    """Every survival follow-up that fell due before ``end``, recorded as sent when it was due (after quiet hours),
    with no message: a season loaded at once (``demo``), whose follow-ups went out morning by morning. Without
    them the first tick after the demo asked every record of the last ``followup_grace_days`` at once (sim65: 1,114
    on the morning of 20 March, 2,102 on 1 June), where a county running the season asks one morning's worth.
    How many."""
    cfg = app.config
    tz = cfg.get("campaign.timezone")
    reached: dict[str, bool] = {}  # openid -> subscribed with reminders on (as the job asks)
    rows = []
    for days in cfg.get("reminders.followup_days"):
        latest = end - timedelta(days=int(days))
        for record in followups_store.plantings_due(
            app.db, due_days=int(days), done_from="", done_until=clock.to_db(latest)
        ):
            openid = record["openid"]
            if openid not in reached:
                user = users_store.get(app.db, openid)
                reached[openid] = bool(user and user["subscribed"] and not user["reminders_off"])
            if not reached[openid]:
                continue
            done = clock.from_db(record["done_at"])
            at = min(send_time(cfg, done + timedelta(days=int(days))), end)
            text = app.t(
                "reminders.followup",
                date=schedule.date_words(clock.local(done, tz)),
                what=planting.describe_for_villager(app, record),
                days=days,
            )
            rows.append((openid, text, followup_key(record["id"], days), clock.to_db(at)))
    with transaction(app.db):
        return outbox_store.add_sent_many(app.db, rows, kind="followup", channel="template")


def survival_by_person(db, until: str | None = None) -> dict[int, dict]:
    """person id -> {checked, alive}: the survival of the verified records credited to them, by each record's
    latest follow-up answer up to ``until`` (the awards' 最美植绿人)."""
    return followups_store.survival_by_person(db, until)
