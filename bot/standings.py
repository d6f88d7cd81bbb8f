"""Where each village stands on a day: its status against the campaign's schedule, its rank, its lagging streak.

The 通报 asks about a month's last day with the figures as of its end (``of_month``); the dashboard and
本村进度 ask about today with the figures of now (``today``, ``of_village``). The rules are bot/schedule.py's
(what is due by a day, the five statuses); the figures are bot/progress.py's (verified only). A village's
history is its lag flag at the end of every campaign month before the day's month (from the month of
``plans_due``), each with the figures as of that month's end: lagging then and now is 连续两月滞后, and
lagging two months in a row at any time this year means it cannot be rated 良好 (seed 002, 十). The rank
orders villages by their verified completion of the main target (亩 for a 村, trees for a 社区), then name.
"""

from __future__ import annotations

import re
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from bot import clock, progress, schedule
from bot.progress import VillageProgress
from bot.schedule import Target


@dataclass(frozen=True)
class Standing:
    village: VillageProgress
    status: str  # bot.schedule.STATUSES
    rank: int  # 1 = furthest along (verified completion of the main target)
    of: int  # how many villages are ranked
    streak: int  # months in a row lagging, this one included (0: not lagging now); said as ``reported_streak``
    lagging_last_month: bool
    can_be_good: bool  # never lagging two months in a row this year
    short: tuple[Target, ...]  # the targets due by the day and not met
    month_over: bool = False  # the day's month is finished (the 通报's month end), not in progress (today)
    day: date | None = None  # the day it stands on (tidy77: the months its streak names count back from it)


# -- pure ------------------------------------------------------------------------------------------------
def ranked(villages: Iterable[VillageProgress]) -> list[VillageProgress]:
    return sorted(villages, key=lambda v: (-v.completion, v.name))


def rank_of(village_id: int, completions: list[tuple[int, str, float]]) -> int:
    """The rank of one village among (village_id, name, completion) of all."""
    order = sorted(completions, key=lambda c: (-c[2], c[1]))
    return next(i for i, c in enumerate(order, start=1) if c[0] == village_id)


def stand(
    config, village: VillageProgress, day: date, history: list[bool], rank: int, of: int, month_over: bool = False
) -> Standing:
    """One village's standing on ``day`` (``history``: its lag flags at the end of each earlier campaign month;
    ``month_over``: ``day`` ends a finished month, as the 通报's does)."""
    lagging_before = bool(history) and history[-1]
    status = schedule.status(config, village.targets, day, lagging_before, village.complete)
    lagging_now = status in (schedule.LAGGING, schedule.LAGGING_TWICE)
    flags = [*history, lagging_now]
    short = (
        tuple(t for t in schedule.due_by(config, village.targets, day) if t.share < 1)
        if day >= schedule.campaign_start(config)
        else ()
    )
    return Standing(
        village=village,
        status=status,
        rank=rank,
        of=of,
        streak=schedule.lag_streak(flags),
        lagging_last_month=lagging_before,
        can_be_good=not schedule.ever_lagged_twice(flags),
        short=short,
        month_over=month_over,
        day=day,
    )


def reported_streak(standing: Standing) -> int:
    """The lagging streak as the 通报 counts it, finished months only (seed 002's consequence is about being
    通报'd): of a month in progress (today's standing), the months before it, and only while the village still
    lags (0 otherwise, as the status says the rest); of a finished month (the 通报's), that month included.
    本村进度, the dashboard and the 通报 all say this figure (tidy75)."""
    if standing.month_over:
        return standing.streak
    return max(standing.streak - 1, 0)  # the streak counts this month, lagging so far


def reported_months(standing: Standing) -> list[tuple[int, int]]:
    """The finished months (year, month), oldest first, that ``reported_streak`` counts: the last is the standing's
    day's month when it is over (the 通报's month end), else the month before (tidy77: the dashboard names them beside
    the badge)."""
    if standing.day is None:
        return []
    day = standing.day
    month = (day.year, day.month) if standing.month_over else schedule.previous_month(day.year, day.month)
    months: list[tuple[int, int]] = []
    for _ in range(reported_streak(standing)):
        months.insert(0, month)
        month = schedule.previous_month(*month)
    return months


def evaluate(
    config, villages: list[VillageProgress], day: date, histories: dict[int, list[bool]], month_over: bool = False
) -> list[Standing]:
    """Every village's standing on ``day``, in rank order (``month_over``: ``day`` ends a finished month)."""
    order = ranked(villages)
    return [
        stand(config, v, day, histories.get(v.village_id, []), rank, len(order), month_over)
        for rank, v in enumerate(order, start=1)
    ]


# -- with the database -------------------------------------------------------------------------------
def _months_before(config, day: date) -> list[tuple[date, str]]:
    """(last day, its end as database time) of each campaign month before ``day``'s month."""
    tz = config.get("campaign.timezone")
    year, month = schedule.previous_month(day.year, day.month)
    ends = [schedule.month_end(y, m) for y, m in schedule.campaign_months(config, year, month)]
    return [(end, schedule.day_end_utc(end, tz)) for end in ends]


def _people_due(config, day: date) -> bool:
    """Are the targets about people (households, quotas) due by ``day``? Before, their figures are not needed."""
    return schedule.milestone_date(config, schedule.DUE_AT[schedule.HOUSEHOLDS]) <= day


def histories(db, config, day: date) -> dict[int, list[bool]]:
    """village_id -> its lag flags at the end of each campaign month before ``day``'s month."""
    found: dict[int, list[bool]] = defaultdict(list)
    for end, until in _months_before(config, day):
        for v in progress.all_villages_progress(db, config, until, people=_people_due(config, end)):
            found[v.village_id].append(schedule.is_lagging(config, v.targets, end))
    return found


def of_month(app, year: int, month: int) -> list[Standing]:
    """The 通报's standings: the month's last day, the figures as of its end."""
    db, config = app.db, app.config
    end = schedule.month_end(year, month)
    villages = progress.all_villages_progress(db, config, until=schedule.day_end_utc(end, app.tz))
    return evaluate(config, villages, end, histories(db, config, end), month_over=True)


def local_day(app, now: datetime) -> date:
    return clock.local(now, app.tz).date()


def today(app, now: datetime, villages: list[VillageProgress] | None = None) -> list[Standing]:
    """Every village's standing today, with the figures of now (``villages``: already computed)."""
    db, config = app.db, app.config
    day = local_day(app, now)
    villages = villages if villages is not None else progress.all_villages_progress(db, config)
    return evaluate(config, villages, day, histories(db, config, day))


def of_village(app, village_id: int, now: datetime) -> Standing | None:
    """One village's standing today: its own figures and history (a few quick queries), its rank among all."""
    db, config = app.db, app.config
    village = progress.village_progress(db, config, village_id)
    if village is None:
        return None
    day = local_day(app, now)
    history = []
    for end, until in _months_before(config, day):
        then = progress.village_progress(db, config, village_id, until=until)
        assert then is not None  # the village exists (village_progress found it above)
        history.append(schedule.is_lagging(config, then.targets, end))
    completions = county_completions(app, village_id)
    return stand(config, village, day, history, rank_of(village_id, completions), len(completions))


def county_completions(app, village_id: int) -> list[tuple[int, str, float]]:
    """Every village's verified completion, for ranking ``village_id``: one grouped query over every record
    (~85 ms for 200,000), so it is kept ``dashboard.cache_seconds`` rather than run for each 本村进度 (and made
    again when the village is new)."""
    cache = app.service("standings.completions", lambda _app: {"at": None, "value": []})
    now = time.monotonic()
    stale = cache["at"] is None or now - cache["at"] > float(app.config.get("dashboard.cache_seconds"))
    if stale or all(c[0] != village_id for c in cache["value"]):
        cache["value"], cache["at"] = progress.completions(app.db, app.config), now
    return cache["value"]


# -- in words ---------------------------------------------------------------------------------------------
SHORT_WORDS = {  # target key (a 社区's main target in trees) -> message key
    (schedule.PLAN, progress.VILLAGE): "progress.short.plan",
    (schedule.PLAN, progress.COMMUNITY): "progress.short.plan",
    (schedule.SCHEDULES, progress.VILLAGE): "progress.short.schedules",
    (schedule.SCHEDULES, progress.COMMUNITY): "progress.short.schedules",
    (schedule.MAIN, progress.VILLAGE): "progress.short.main_village",
    (schedule.MAIN, progress.COMMUNITY): "progress.short.main_community",
    (schedule.DEMO_SITES, progress.VILLAGE): "progress.short.demo_sites",
    (schedule.HOUSEHOLDS, progress.VILLAGE): "progress.short.households",
    (schedule.HOUSEHOLDS, progress.COMMUNITY): "progress.short.households",
    (schedule.QUOTAS, progress.VILLAGE): "progress.short.quotas",
    (schedule.QUOTAS, progress.COMMUNITY): "progress.short.quotas",
}
DUE_WORDS = {
    schedule.PLAN: "progress.due.plan",
    schedule.SCHEDULES: "progress.due.schedules",
    schedule.MAIN: "progress.due.main",
    schedule.DEMO_SITES: "progress.due.demo_sites",
    schedule.HOUSEHOLDS: "progress.due.households",
    schedule.QUOTAS: "progress.due.quotas",
}
MILESTONE_WORDS = {
    "plans_due": "progress.milestone.plans_due",
    "schedules_due": "progress.milestone.schedules_due",
    "holes_due": "progress.milestone.holes_due",
    "plots_due": "progress.milestone.plots_due",
    "planting_done": "progress.milestone.planting_done",
    "first_awards": "progress.milestone.first_awards",
    "annual_awards": "progress.milestone.annual_awards",
}


def short_words(app, standing: Standing) -> str:
    """What the village still owes of what was due: '党建林还差0.5亩；示范点还差1个' ('' when nothing)."""
    kind = standing.village.kind if standing.village.kind == progress.COMMUNITY else progress.VILLAGE
    return "；".join(app.t(SHORT_WORDS[(t.key, kind)], n=progress.number(t.short)) for t in standing.short)


def due_words(app, day: date) -> str:
    """What is due by ``day``, in words: '计划备案、党建林（主题林）、示范点'."""
    due = [key for key, milestone in schedule.DUE_AT.items() if schedule.milestone_date(app.config, milestone) <= day]
    return "、".join(app.t(DUE_WORDS[key]) for key in due) or app.t("progress.due.nothing")


def next_milestone_words(app, day: date) -> str:
    """The next milestone after ``day``: '3月12日前全面完成植树计划' (or that the calendar is over)."""
    upcoming = schedule.next_milestone(app.config, day + timedelta(days=1))
    if upcoming is None:
        return app.t("progress.milestone.none")
    name, when = upcoming
    what = app.t(MILESTONE_WORDS[name]) if name in MILESTONE_WORDS else name
    return app.t("progress.milestone.next", date=schedule.date_words(when), what=what)


# a village's status in words: the chat's, the 通报's (reports.STATUS_LABELS) and the dashboard's (one table, tidy79)
STATUS_WORDS = {
    schedule.NOT_STARTED: "progress.status.not_started",
    schedule.COMPLETE: "progress.status.complete",
    schedule.ON_TRACK: "progress.status.on_track",
    schedule.LAGGING: "progress.status.lagging",
    schedule.LAGGING_TWICE: "progress.status.lagging_twice",
}


def streak_words(app, standing: Standing) -> str:
    """What 本村进度 and the dashboard say of today's lagging streak (tidy74, tidy75): the finished months lagging, as
    the 通报 counts them (``reported_streak``: '（已连续2个月被通报滞后，本月目前仍落后）'), this month apart, as it is
    not over ('（上月被通报滞后，本月目前仍落后）'); '' when not lagging now or lagging this month alone (the status
    says it)."""
    if standing.status not in (schedule.LAGGING, schedule.LAGGING_TWICE):
        return ""
    reported = reported_streak(standing)
    if reported > 1:
        return app.t("progress.streak", n=reported)
    return app.t("progress.streak_last_month") if reported == 1 else ""


def standing_text(app, standing: Standing, day: date) -> str:
    """The lines 本村进度 adds: rank, status and lagging streak (``streak_words``), what is short, the next milestone,
    and the consequence of lagging two months in a row (seed 002, 十)."""
    short = short_words(app, standing)
    lines = [
        app.t(
            "progress.standing",
            rank=standing.rank,
            of=standing.of,
            status=app.t(STATUS_WORDS[standing.status]),
            streak=streak_words(app, standing),
        )
    ]
    if short:
        lines.append(app.t("progress.short_line", short=short))
    lines.append(app.t("progress.next_line", next=next_milestone_words(app, day)))
    if standing.status == schedule.LAGGING_TWICE or not standing.can_be_good:
        lines.append(app.t("progress.consequence"))
    return "\n".join(lines)


# -- the county in chat: the campaign office (管理员) asking after every village ('各村进度', '哪些村滞后') ------------
# Only counts and the lagging villages by name: the dashboard and the 通报 show the rest (DESIGN.md: the office sees
# every village's progress). The words are read here, the county's idea, not beside the villagers' readers.
_COUNTY_RE = re.compile(
    r"(?:各村|各个村|各社区|全部村|所有村|所有的村|每个村|全镇|全县|全市|全区|各镇|各村社区|村社区排名|各村排名)"
    # round 52 (the lead, as the office): 最 before the word, the progress between (哪个村进度最慢), Cantonese 边条/仲未
    r"|(?:哪个|哪些|哪几个|边个|边几个|边条|边啲|有冇|有没有)(?:村|社区)(?:进度|种树|种得|的进度)?"
    r"(?:最?(?:慢|差|少|落后|滞后|拖后腿)|(?:还|仲)?(?:没|未|冇)(?:完成|种完|种够|开始)|排最后|最(?:快|好|多)|完成了)"
    # round 54 (the lead, as the office): how long lagging, between ('边几个村连续两个月滞后', '哪些村被通报落后')
    r"|(?:哪个|哪些|哪几个|边个|边几个|边条|边啲|有冇|有没有)(?:村|社区)[^，。,\s]{1,6}?(?:滞后|落后)"
)
COUNTY_LAGGING_NAMED = 10  # lagging villages named in one reply; the rest on the dashboard


def county_asked(norm: str) -> bool:
    """'各村进度', '全镇种树情况怎么样', '哪些村滞后', '哪个村最慢': every village asked after (text normalised)."""
    return bool(norm and len(norm) <= 30 and _COUNTY_RE.search(norm))


# round 53 (the lead, as the office in the simulator: '石角镇完成得点样' became a question for an adviser): one town's
# villages asked after by the town's name; which town is the roster's (``town_named``)
_TOWN_PROGRESS_RE = re.compile(r"完成|进度|种得|种咗|种了|点样|怎么样|情况|排名|滞后|落后|几多|多少|进展")
_TOWN_WORD_RE = re.compile(r"镇|街道|街|乡")


def town_progress_asked(norm: str) -> bool:
    """Progress asked with a town's word in it ('石角镇完成得点样', '石角镇进度'): which town, ``town_named``."""
    return bool(norm and len(norm) <= 30 and _TOWN_WORD_RE.search(norm) and _TOWN_PROGRESS_RE.search(norm))


def town_named(norm: str, towns: list[str]) -> str | None:
    """The roster's town the text names, the longest name first; None for none."""
    return next((town for town in sorted(towns, key=len, reverse=True) if town and town in norm), None)


def county_text(app, found: list[Standing], day: date, town: str | None = None) -> str:
    """How many villages stand where today, the lagging ones by name (most behind first), and where the rest is;
    ``town``: its villages only, said so."""
    if town:
        found = [s for s in found if s.village.town == town]
    by_status = {status: sum(1 for s in found if s.status == status) for status in schedule.STATUSES}
    lines = [
        app.t(
            "progress.county.summary_town" if town else "progress.county.summary",
            town=town or "",
            n=len(found),
            day=schedule.date_words(day),
            complete=by_status[schedule.COMPLETE],
            on_track=by_status[schedule.ON_TRACK],
            lagging=by_status[schedule.LAGGING] + by_status[schedule.LAGGING_TWICE],
            not_started=by_status[schedule.NOT_STARTED],
        )
    ]
    lagging = sorted(
        (s for s in found if s.status in (schedule.LAGGING, schedule.LAGGING_TWICE)),
        key=lambda s: (s.status != schedule.LAGGING_TWICE, s.village.completion, s.village.name),
    )
    if lagging:
        named = [
            app.t(
                "progress.county.village",
                name=s.village.name,
                short=short_words(app, s).split("；")[0],
                twice=app.t("progress.county.twice") if s.status == schedule.LAGGING_TWICE else "",
            )
            for s in lagging[:COUNTY_LAGGING_NAMED]
        ]
        more = (
            app.t("progress.county.more", n=len(lagging) - COUNTY_LAGGING_NAMED)
            if len(lagging) > COUNTY_LAGGING_NAMED
            else ""
        )
        lines.append(app.t("progress.county.lagging", villages="\n".join(named), more=more))
    lines.append(app.t("progress.county.dashboard", url=app.config.public_link("/admin/")))
    return "\n".join(lines)
