"""Awards (评选表彰): the service layer of the awards capability (CLI, dashboard, job).

Seed 002, 二(九): 植树期间各村(社区)挖掘先进典型，6月底前评选一批先进；“七一”期间……表彰一批工作突出的基层党组织和先进
个人。12月召开总结表彰大会，评选表彰年度“最美植绿集体”“最美植绿人”. And 十: 对连续2个月被通报进度不利的村(社区)，当年
党组织绩效考核不得评为“良好”及以上等次. The rules (config keys in brackets; docs/awards.md says why):

- ``awards --period YYYY-MM`` makes the candidate lists from the data of ``campaign.year`` up to the end of that
  month, each row with the figures that put it there:
  - 最美植绿人: people (not advisers or admins) by verified trees of their own (a 党建林/主题林/示范点 record is
    shown apart unless [awards.plot_sites_personal]), then the survival of their trees (the latest
    follow-up answer of each verified record), then 管护 records, then trees adopted (认种认养);
  - 最美植绿集体: villages by milestones met on time (each target of bot/schedule.py met by its date), then
    completion of the main target, survival, household coverage, party members' participation; never a village
    lagging two months in a row at any month of the year up to the period (seed 十): those are listed apart;
  - 技术顾问: advisers by visits (下沉服务), then questions answered, then the median hours to the first answer.
  The people and villages lists keep the first [awards.candidates]; the advisers list all advisers.
- The office marks winners on the dashboard (audited: who, when; a withdrawal too; ``export awards``); each winner
  gets a 荣誉证书 with a congratulation line through the outbox (kind ``notice``), a village's through its people
  in [awards.village_roles].
- [awards.remind_days_before] days before ``campaign.milestones.first_awards`` and ``annual_awards`` the office
  (the roster's 管理员 bound with proof) is reminded in chat; without one, the awards page says so.

``period_of`` to ``reminder_due`` are pure (no app, no database) and unit-tested; the functions after them are
the services: they read other capabilities' data only through their bot/<cap>.py service functions.
"""

from __future__ import annotations

import dataclasses
import logging
import sys
import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, NamedTuple

from bot import (
    adoption,
    cells,
    certificates,
    clock,
    escalation,
    identity,
    planting,
    progress,
    reminders,
    reports,
    schedule,
    standings,
    visits,
    zones,
)
from bot.db import transaction
from bot.reports import PERCENT, ReportColumn
from bot.roster import NON_HOUSEHOLD_ROLES
from bot.store import awards as store

log = logging.getLogger(__name__)

PERSON, COLLECTIVE, ADVISER = "person", "collective", "adviser"
CATEGORIES = (PERSON, COLLECTIVE, ADVISER)
TITLES = {PERSON: "awards.title.person", COLLECTIVE: "awards.title.collective", ADVISER: "awards.title.adviser"}
SHEETS = {PERSON: "awards.sheet.person", COLLECTIVE: "awards.sheet.collective", ADVISER: "awards.sheet.adviser"}
NOT_CANDIDATES = NON_HOUSEHOLD_ROLES  # advisers (their own list) and admins (the office)
AWARD_MILESTONES = ("first_awards", "annual_awards")


# -- the candidates -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class PersonCandidate:
    person_id: int
    name: str
    village_id: int | None
    village: str
    role: str
    trees: int  # verified
    records: int
    survival_checked: int  # verified records whose latest follow-up says alive, dead or replanted
    survival_alive: int
    tending: int  # 管护 records
    adopted: int  # trees adopted
    collective: int = 0  # trees of their records at a collective site (党建林…): shown, not ranked (docs/awards.md)
    rank: int = 0

    @property
    def survival_rate(self) -> float | None:
        return self.survival_alive / self.survival_checked if self.survival_checked else None


@dataclass(frozen=True)
class VillageCandidate:
    village_id: int
    name: str
    kind: str
    town: str
    status: str  # bot.schedule status at the period's end
    completion: float  # verified, of the main target (亩 or trees)
    on_time: int  # targets met by their milestone
    due: int  # targets due by the period's end
    survival_rate: float | None
    household_coverage: float | None
    party_participation: float | None
    rank: int = 0


@dataclass(frozen=True)
class AdviserCandidate:
    person_id: int
    name: str
    villages: str  # assigned, '、'-joined
    village_count: int
    visits: int  # 下沉服务 in the year up to the period's end
    villages_visited: int
    answered: int  # tickets first answered by them
    median_hours: float | None  # question to first answer
    rank: int = 0


@dataclass(frozen=True)
class Candidates:
    period: str  # YYYY-MM
    year: int
    month: int
    people: list[PersonCandidate]
    villages: list[VillageCandidate]
    excluded: list[str]  # villages lagging two months in a row: never candidates
    advisers: list[AdviserCandidate]
    generated_at: datetime | None = None


# -- pure -------------------------------------------------------------------------------------------
def period_of(text: str, campaign_year: int) -> tuple[int, int]:
    """``2027-06`` -> (2027, 6); ValueError when it is no YYYY-MM of the campaign's year."""
    year, month = reports.parse_month(text)
    if year != campaign_year:
        raise ValueError(f"period {text} is not in campaign.year {campaign_year}")
    return year, month


def _known(share: float | None) -> float:
    return -1.0 if share is None else share


class Credited(NamedTuple):
    """A person's verified trees as the awards credit them: ``trees`` and ``records`` their own, ``collective`` the
    trees of their records at a collective site, shown beside them."""

    trees: int
    records: int
    collective: int


def personal_trees(figures: dict, collective_is_personal: bool) -> Credited:
    """What ``planting.verified_trees_by_person``'s row credits a person with: a 党建林/主题林/示范点 record is planted
    by many and logged by one, so it is not the logger's own unless [awards.plot_sites_personal] says so."""
    trees, records = int(figures.get("trees", 0)), int(figures.get("records", 0))
    collective, collective_records = int(figures.get("collective", 0)), int(figures.get("collective_records", 0))
    if collective_is_personal:
        return Credited(trees + collective, records + collective_records, 0)
    return Credited(trees, records, collective)


def rank_people(rows: list[PersonCandidate]) -> list[PersonCandidate]:
    """Those with something to show, by verified trees, survival (checked beats unknown), 管护, adoptions, then
    trees logged at a collective site, name."""
    shown = [r for r in rows if r.trees or r.tending or r.adopted or r.collective]
    order = sorted(
        shown, key=lambda r: (-r.trees, -_known(r.survival_rate), -r.tending, -r.adopted, -r.collective, r.name)
    )
    return [dataclasses.replace(r, rank=n) for n, r in enumerate(order, start=1)]


def rank_villages(
    rows: list[VillageCandidate], can_be_good: dict[int, bool]
) -> tuple[list[VillageCandidate], list[VillageCandidate]]:
    """(ranked candidates, villages left out for lagging two months in a row): by milestones on time, completion,
    survival, household coverage, party participation, name."""
    out = [r for r in rows if not can_be_good.get(r.village_id, True)]
    order = sorted(
        (r for r in rows if can_be_good.get(r.village_id, True)),
        key=lambda r: (
            -r.on_time,
            -r.completion,
            -_known(r.survival_rate),
            -_known(r.household_coverage),
            -_known(r.party_participation),
            r.name,
        ),
    )
    return [dataclasses.replace(r, rank=n) for n, r in enumerate(order, start=1)], out


def rank_advisers(rows: list[AdviserCandidate]) -> list[AdviserCandidate]:
    """By visits, questions answered, then the quicker median answer (none: last), name."""
    order = sorted(rows, key=lambda r: (-r.visits, -r.answered, r.median_hours is None, r.median_hours or 0, r.name))
    return [dataclasses.replace(r, rank=n) for n, r in enumerate(order, start=1)]


def on_time(targets_by_due: dict[date, dict[str, schedule.Target]], due_at: dict[str, date]) -> tuple[int, int]:
    """(targets met by their milestone, targets due): ``targets_by_due`` holds the village's targets as of the end
    of each milestone day; ``due_at`` the milestone day of each target due by the period's end."""
    met = sum(1 for key, day in due_at.items() if targets_by_due[day][key].share >= 1)
    return met, len(due_at)


def reminder_due(today: date, award_day: date, days_before: int) -> bool:
    return award_day - timedelta(days=days_before) <= today <= award_day


# -- computing them -----------------------------------------------------------------------------------
def _bounds(app, year: int, month: int) -> tuple[str, str]:
    """[since, until] of the data: the campaign year's first moment to the period's last second (database time)."""
    since = clock.to_db(visits.month_bounds(year, 1, app.tz)[0])
    return since, reports.month_end_utc(year, month, app.tz)


def _people(app, db, since: str, until: str) -> list[PersonCandidate]:
    trees = planting.verified_trees_by_person(db, since, until)
    collective_is_personal = bool(app.config.get("awards.plot_sites_personal"))
    survival = reminders.survival_by_person(db, until)
    tending = zones.tending_by_person(db, since, until)
    adopted = adoption.trees_adopted_by_person(db, since, until)
    ids = sorted({*trees, *tending, *adopted})
    rows = []
    for person_id, person in store.people(db, ids).items():
        if person["role"] in NOT_CANDIDATES:
            continue
        mine, lived = trees.get(person_id, {}), survival.get(person_id, {})
        credited = personal_trees(mine, collective_is_personal)
        rows.append(
            PersonCandidate(
                person_id=person_id,
                name=person["name"],
                village_id=person["village_id"],
                village=person["village"] or "",
                role=person["role"],
                trees=credited.trees,
                records=credited.records,
                survival_checked=int(lived.get("checked") or 0),
                survival_alive=int(lived.get("alive") or 0),
                tending=tending.get(person_id, 0),
                adopted=adopted.get(person_id, 0),
                collective=credited.collective,
            )
        )
    return rank_people(rows)


def _villages(app, db, year: int, month: int) -> tuple[list[VillageCandidate], list[VillageCandidate]]:
    config, end = app.config, schedule.month_end(year, month)
    standing = standings.of_month(app, year, month)
    due_at = {
        key: schedule.milestone_date(config, milestone)
        for key, milestone in schedule.DUE_AT.items()
        if schedule.milestone_date(config, milestone) <= end
    }
    at_due = {
        day: {
            v.village_id: {t.key: t for t in v.targets}
            for v in progress.all_villages_progress(db, config, until=schedule.day_end_utc(day, app.tz))
        }
        for day in set(due_at.values())
    }
    rows = []
    for s in standing:
        v = s.village
        met, due = on_time({day: at_due[day][v.village_id] for day in at_due}, due_at)
        rows.append(
            VillageCandidate(
                village_id=v.village_id,
                name=v.name,
                kind=v.kind,
                town=v.town or "",
                status=s.status,
                completion=round(v.completion, 4),
                on_time=met,
                due=due,
                survival_rate=v.survival_rate,
                household_coverage=v.household_coverage,
                party_participation=v.party_participation,
            )
        )
    return rank_villages(rows, {s.village.village_id: s.can_be_good for s in standing})


def _advisers(app, db, since: str, until: str) -> list[AdviserCandidate]:
    tickets = escalation.adviser_figures(db, since, until)
    visited = visits.visits_by_adviser(db, since, until)
    rows = []
    for adviser in visits.advisers(db):
        figures, went = tickets.get(adviser["id"], {}), visited.get(adviser["id"], {})
        rows.append(
            AdviserCandidate(
                person_id=adviser["id"],
                name=adviser["name"],
                villages=adviser["villages"] or "",
                village_count=len([i for i in (adviser["village_ids"] or "").split(",") if i]),
                visits=int(went.get("visits") or 0),
                villages_visited=int(went.get("villages") or 0),
                answered=int(figures.get("answered") or 0),
                median_hours=figures.get("median_hours"),
            )
        )
    return rank_advisers(rows)


def candidates(app, year: int, month: int) -> Candidates:
    """Every candidate list of a period (unlimited; the workbook and the page keep the first awards.candidates)."""
    db = app.db
    since, until = _bounds(app, year, month)
    villages, excluded = _villages(app, db, year, month)
    return Candidates(
        period=reports.month_key(year, month),
        year=year,
        month=month,
        people=_people(app, db, since, until),
        villages=villages,
        excluded=[v.name for v in excluded],
        advisers=_advisers(app, db, since, until),
        generated_at=app.clock(),
    )


def cached_candidates(app, year: int, month: int) -> Candidates:
    """``candidates``, kept dashboard.cache_seconds per period (the awards page and its marks)."""
    cache = app.service("award_candidates", lambda _app: {})
    key, now = reports.month_key(year, month), time.monotonic()
    kept = cache.get(key)
    if kept is None or now - kept[0] > float(app.config.get("dashboard.cache_seconds")):
        cache[key] = kept = (now, candidates(app, year, month))
    return kept[1]


def shortlist(app, found: Candidates) -> dict[str, list]:
    """The lists as shown: people and villages cut to awards.candidates, every adviser."""
    limit = int(app.config.get("awards.candidates"))
    return {PERSON: found.people[:limit], COLLECTIVE: found.villages[:limit], ADVISER: found.advisers}


# -- the workbook ------------------------------------------------------------------------------------
def _share(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


PERSON_COLUMNS = [
    ReportColumn("rank", "awards.columns.rank", lambda r: r.rank),
    ReportColumn("name", "awards.columns.name", lambda r: r.name, width=12),
    ReportColumn("village", "awards.columns.village", lambda r: r.village, width=14),
    ReportColumn("role", "awards.columns.role", lambda r: r.role),
    ReportColumn("trees", "awards.columns.trees", lambda r: r.trees),
    ReportColumn("records", "awards.columns.records", lambda r: r.records),
    ReportColumn("survival", "awards.columns.survival", lambda r: _share(r.survival_rate), number_format=PERCENT),
    ReportColumn("survival_checked", "awards.columns.survival_checked", lambda r: r.survival_checked),
    ReportColumn("tending", "awards.columns.tending", lambda r: r.tending),
    ReportColumn("adopted", "awards.columns.adopted", lambda r: r.adopted),
    ReportColumn("collective", "awards.columns.collective", lambda r: r.collective),
]
VILLAGE_COLUMNS = [
    ReportColumn("rank", "awards.columns.rank", lambda r: r.rank),
    ReportColumn("name", "awards.columns.village", lambda r: r.name, width=14),
    ReportColumn("kind", "awards.columns.kind", lambda r: r.kind),
    ReportColumn("town", "awards.columns.town", lambda r: r.town),
    ReportColumn("on_time", "awards.columns.on_time", lambda r: f"{r.on_time}/{r.due}"),
    ReportColumn("completion", "awards.columns.completion", lambda r: r.completion, number_format=PERCENT),
    ReportColumn("survival", "awards.columns.survival", lambda r: _share(r.survival_rate), number_format=PERCENT),
    ReportColumn(
        "household_coverage",
        "awards.columns.household_coverage",
        lambda r: _share(r.household_coverage),
        number_format=PERCENT,
    ),
    ReportColumn(
        "party_participation",
        "awards.columns.party_participation",
        lambda r: _share(r.party_participation),
        number_format=PERCENT,
    ),
    ReportColumn("status", "awards.columns.status", lambda r: r.status, labels=reports.STATUS_LABELS, width=14),
]
ADVISER_COLUMNS = [
    ReportColumn("rank", "awards.columns.rank", lambda r: r.rank),
    ReportColumn("name", "awards.columns.adviser", lambda r: r.name, width=12),
    ReportColumn("villages", "awards.columns.villages", lambda r: r.villages, width=24),
    ReportColumn("visits", "awards.columns.visits", lambda r: r.visits),
    ReportColumn(
        "villages_visited", "awards.columns.villages_visited", lambda r: f"{r.villages_visited}/{r.village_count}"
    ),
    ReportColumn("answered", "awards.columns.answered", lambda r: r.answered),
    ReportColumn("median_hours", "awards.columns.median_hours", lambda r: r.median_hours),
]
COLUMNS = {PERSON: PERSON_COLUMNS, COLLECTIVE: VILLAGE_COLUMNS, ADVISER: ADVISER_COLUMNS}


def notes(app, found: Candidates) -> list[str]:
    """The 说明 sheet: what the lists are made of, and the villages left out."""
    t = app.t
    lines = [
        t("awards.notes.title", campaign=app.config.get("campaign.name"), year=found.year, month=found.month),
        t("awards.notes.data", year=found.year, month=found.month),
        t("awards.notes.person", n=app.config.get("awards.candidates")),
        t(
            "awards.notes.sites_personal"
            if app.config.get("awards.plot_sites_personal")
            else "awards.notes.sites_apart"
        ),
        t("awards.notes.collective"),
        t("awards.notes.adviser"),
        t("awards.notes.excluded", names="、".join(found.excluded))
        if found.excluded
        else t("awards.notes.none_excluded"),
    ]
    if found.generated_at:
        lines.append(t("awards.notes.generated", at=clock.local(found.generated_at, app.tz).strftime("%Y-%m-%d %H:%M")))
    return lines


def write_workbook(app, found: Candidates, out: Path) -> Path:
    """Sheets 最美植绿人, 最美植绿集体, 技术顾问 (formatted like the 通报: bot.reports.write_table) and 说明."""
    from openpyxl import Workbook  # here, not at import: the webhook imports this module and writes no workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    wb.remove(wb.active)
    for category, rows in shortlist(app, found).items():
        ws = wb.create_sheet(app.t(SHEETS[category]))
        reports.write_table(app, ws, COLUMNS[category], rows)
        ws.freeze_panes = "C2"
    ws = wb.create_sheet(app.t("awards.sheet.notes"))
    ws.column_dimensions["A"].width = 100
    for line in notes(app, found):
        cells.xlsx_append(ws, [line])
        ws.cell(ws.max_row, 1).alignment = Alignment(wrap_text=True, vertical="top")
    ws["A1"].font = Font(bold=True, size=14)
    out.parent.mkdir(parents=True, exist_ok=True)
    wb.save(out)
    return out


def awards_arguments(p) -> None:
    p.add_argument("--period", required=True, help="YYYY-MM: the lists as of the end of that month (campaign.year)")
    p.add_argument("--out", help="the workbook (default awards-YYYY-MM.xlsx)")


def cmd_awards(args, app) -> int:
    try:
        year, month = period_of(args.period, int(app.config.get("campaign.year")))
    except ValueError as error:
        print(
            app.t("awards.cli.bad_period", period=args.period, year=app.config.get("campaign.year"), error=error),
            file=sys.stderr,
        )
        return 2
    found = candidates(app, year, month)
    out = write_workbook(app, found, Path(args.out or f"awards-{found.period}.xlsx"))
    print(
        app.t(
            "awards.cli.wrote",
            out=out,
            people=len(found.people),
            villages=len(found.villages),
            excluded=len(found.excluded),
            advisers=len(found.advisers),
        )
    )
    return 0


# -- marking winners (the dashboard) -----------------------------------------------------------------
def figures_of(row) -> dict[str, Any]:
    """A candidate row's figures, as kept with the award (JSON)."""
    return {k: v for k, v in dataclasses.asdict(row).items() if k not in ("person_id", "village_id")}


def find(found: Candidates, category: str, subject_id: int):
    by_category: dict[str, list[Any]] = {PERSON: found.people, COLLECTIVE: found.villages, ADVISER: found.advisers}
    rows = by_category[category]
    key = "village_id" if category == COLLECTIVE else "person_id"
    return next((r for r in rows if getattr(r, key) == subject_id), None)


def period_words(app, period: str) -> str:
    year, month = reports.parse_month(period)
    return app.t("awards.period_words", year=year, month=month)


def mark_winner(
    app, db, *, period: str, category: str, subject_id: int, by: str, now: datetime
) -> tuple[dict | None, str | None]:
    """The office marks a candidate of the period a winner: (the award, None), or (None, the message key of why
    not: not a candidate, e.g. a village lagging two months in a row; or marked already). The winner gets a
    荣誉证书 with a congratulation line (kind notice). Call inside a transaction."""
    if category not in CATEGORIES:
        return None, "admin.awards.not_candidate"
    year, month = period_of(period, int(app.config.get("campaign.year")))
    row = find(cached_candidates(app, year, month), category, subject_id)
    if row is None:
        return None, "admin.awards.not_candidate"
    person_id = None if category == COLLECTIVE else row.person_id
    village_id = None if category == ADVISER else row.village_id
    if store.awarded(db, period, category, person_id, village_id):
        return None, "admin.awards.already"
    title = app.t(TITLES[category])
    award_id = store.add(
        db,
        period=period,
        category=category,
        title=title,
        person_id=person_id,
        village_id=village_id,
        name=row.name,
        figures=figures_of(row),
        by=by,
        now=clock.to_db(now),
    )
    if category == COLLECTIVE:
        assert village_id is not None  # a village's row
        roles = list(app.config.get("awards.village_roles"))
        openids = [p["openid"] for p in store.village_people(db, village_id, roles)]
    else:
        assert person_id is not None  # a person's row
        person = store.people(db, [person_id]).get(person_id) or {}
        openids = [person["openid"]] if person.get("openid") else []
    certificates.issue_award(
        app,
        db,
        award_id=award_id,
        person_id=person_id,
        village_id=village_id,
        name=row.name,
        title=title,
        period=period_words(app, period),
        openids=openids,
        now=now,
    )
    return store.get(db, award_id), None


def withdraw(app, db, award_id: int, *, by: str, reason: str, now: datetime) -> bool:
    """Withdraw an award (audited); its certificate's page says 已撤销. False when it was not standing."""
    if not store.withdraw(db, award_id, by, reason, clock.to_db(now)):
        return False
    certificates.revoke_award(db, award_id, reason, clock.to_db(now))
    return True


def decisions(db, period: str) -> list[dict]:
    return store.of_period(db, period)


# -- the reminder before each award date ----------------------------------------------------------------
def upcoming(app, today: date) -> tuple[str, date] | None:
    """The award milestone whose reminder window (awards.remind_days_before) holds ``today``, if any."""
    days = int(app.config.get("awards.remind_days_before"))
    for name in AWARD_MILESTONES:
        day = schedule.milestone_date(app.config, name)
        if reminder_due(today, day, days):
            return name, day
    return None


def award_reminders(app, now: datetime) -> dict:
    """Job: in the days before each award date, one reminder to each of the office (after quiet hours); with
    nobody to tell, the awards page shows it (and the log says so, once per process)."""
    due = upcoming(app, clock.local(now, app.tz).date())
    if due is None:
        return {"queued": 0}
    name, day = due
    period = reports.month_key(day.year, day.month)
    people = identity.proven_office(app.db)
    if not people:
        app.service(
            f"award_nobody:{name}:{day.year}",
            lambda _app: log.warning(
                "award date %s: no 管理员 bound to WeChat to remind; the dashboard's awards page shows it", day
            ),
        )
        return {"queued": 0, "office": 0}
    text = app.t(
        "awards.reminder",
        date=schedule.date_words(day),
        what=app.t(standings.MILESTONE_WORDS[name]),
        days=(day - clock.local(now, app.tz).date()).days,
        period=period,
        url=app.config.public_link(f"/admin/awards?period={period}"),
    )
    queued = 0
    with transaction(app.db):
        for person in people:
            key = f"award-reminder:{name}:{day.year}:{person['id']}"
            queued += reminders.queue_notice(
                app.db, app.config, openid=person["openid"], text=text, key=key, now=now, dated=True
            )
    return {"queued": queued, "office": len(people)}
