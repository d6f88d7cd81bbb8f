"""Progress against the campaign targets: per person, household, village, town and overall.

The chat (我的进度 / 本村进度, the line after a planting), the monthly report, the
dashboard and the reminders (weekly nudges, the below-quota broadcast segment) all read these
functions, so every screen and message shows the same numbers. The county-wide figures and
``people_left_to_do`` are aggregated in SQL (bot/store/progress.py), whatever the size of the roster.

Rules (config keys in brackets; see docs/progress.md):
- Only *verified* (核实) records count (complete; review none, spot_check or approved: the
  rules of bot/planting.py); records waiting for review are shown beside them as 待审核, and
  verified + waiting is what was *claimed* (上报); rejected records never count.
- A person's trees are the tree counts of their own ``kind='tree'`` records (records
  entered for them by a cadre through 代种 count for them); quota by role
  [campaign.quotas].
- A household is the people with the same (village, household); a person without a
  household is a household alone. It is covered when its members have planted
  [campaign.targets.household_trees] trees. Advisers and admins belong to no household
  (each is alone, with no household target). A household without a verified tree of its
  own counts the trees its members adopted instead (seed 002 二(二): 每户……至少认种认养1棵树;
  see "认种认养" below and docs/adoption.md).
- A village (村) is measured in 亩 of plot records (党建林) against
  [campaign.targets.village_area_mu] plus its 示范点 (its confirmed ``demo_site`` milestones,
  bot/milestones.py; a planting record tagged 示范点 counts trees, never a site) against
  [campaign.targets.village_demo_sites]; a community (社区) in trees of every kind against
  [campaign.targets.community_trees]. Its plan date and holes come from its milestones too.
- A village's 植树安排表 (seed 002 row 5, by ``schedules_due``): its households with a pledge (认领,
  bot/pledges.py) or a verified tree, against [pledges.schedule_share] of its households.
- Party members: roster roles in [campaign.participation.roles] aged at most
  [campaign.participation.party_member_max_age] in [campaign.year] (seed 002: 65周岁以下, and
  以下 includes the number itself, Civil Code art. 1259; unknown birth year counts as
  younger); they took part once they have one verified record of any kind, or were present at a planting day
  (义务植树活动, bot/events.py; ``_with_attendance`` below).
- Survival rate: verified records whose latest survival check says alive, over those
  whose latest check says alive, dead or replanted (补种: the first tree died), the
  rule of bot.store.followups.survival_rates, restricted to verified records.
"""

from __future__ import annotations

import json
import math
import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, fields
from datetime import datetime
from zoneinfo import ZoneInfo

from bot import milestones, schedule
from bot.roster import MASSES, NON_HOUSEHOLD_ROLES
from bot.store import adoption as adoption_store
from bot.store import events as events_store
from bot.store import pledges as pledges_store
from bot.store import progress as store

VILLAGE = "村"
COMMUNITY = "社区"


# -- the figures ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class PersonProgress:
    person_id: int
    name: str
    role: str
    village_id: int | None
    quota: int
    trees: int
    records: int
    pending_trees: int
    pending_records: int

    @property
    def done(self) -> bool:
        return self.trees >= self.quota

    @property
    def left(self) -> int:
        return max(0, self.quota - self.trees)


@dataclass(frozen=True)
class HouseholdProgress:
    village_id: int | None
    household: str | None  # None: a person alone
    member_ids: tuple[int, ...]
    trees: int
    pending_trees: int
    target: int
    adopted: int = 0  # trees its members adopted (认种认养)

    @property
    def counted(self) -> int:
        """What counts toward the target: its own trees, else (none of its own) its adopted trees."""
        return self.trees or self.adopted

    @property
    def done(self) -> bool:
        return self.counted >= self.target


@dataclass(frozen=True)
class Totals:
    """The figures that add up from villages to towns and the county, and their shares (None when
    there is nothing to divide by)."""

    trees: int  # verified (核实)
    area_mu: float
    records: int
    pending_records: int
    pending_trees: int  # waiting for review: claimed (上报) = verified + waiting
    pending_area_mu: float
    households_total: int
    households_covered: int
    party_members: int
    party_members_active: int
    quota_people: int  # people with a tree quota (by role)
    quota_people_done: int  # … whose verified trees reach it
    survival_checked: int
    survival_alive: int
    flagged: int
    rejected: int

    @property
    def claimed_trees(self) -> int:
        return self.trees + self.pending_trees

    @property
    def claimed_area_mu(self) -> float:
        return self.area_mu + self.pending_area_mu

    @property
    def survival_rate(self) -> float | None:
        return self.survival_alive / self.survival_checked if self.survival_checked else None

    @property
    def party_participation(self) -> float | None:
        return self.party_members_active / self.party_members if self.party_members else None

    @property
    def household_coverage(self) -> float | None:
        return self.households_covered / self.households_total if self.households_total else None


@dataclass(frozen=True)
class VillageProgress(Totals):
    village_id: int
    name: str
    kind: str  # 村 | 社区
    town: str | None
    unit: str  # 亩 (村) | 棵 (社区)
    target: float
    done_value: float  # verified 亩 (村) or trees (社区)
    pending_value: float  # the same, waiting for review
    demo_sites: int  # confirmed 示范点 (demo_site milestones)
    demo_sites_target: int
    demo_sites_reported: int = 0  # reported, confirmed or not
    plan_at: str | None = None  # when the plan was reported (UTC text), None: not yet
    holes: int | None = None  # holes reported
    households_scheduled: int = 0  # households with a pledge or a verified tree (its 植树安排表)
    schedule_goal: int = 0  # … how many are due by schedules_due

    @property
    def completion(self) -> float:
        """Share of the main target done, verified (may exceed 1)."""
        return self.done_value / self.target if self.target else 1.0

    @property
    def claimed_value(self) -> float:
        """The main figure claimed (上报): verified and waiting for review."""
        return self.done_value + self.pending_value

    @property
    def complete(self) -> bool:
        """Its 亩 (a 社区: its trees) and its 示范点 are done (verified and confirmed)."""
        return self.done_value >= self.target and self.demo_sites >= self.demo_sites_target

    @property
    def targets(self) -> tuple[schedule.Target, ...]:
        """What the village owes the campaign, each due at its milestone (bot/schedule.py)."""
        return (
            schedule.Target(schedule.PLAN, 1 if self.plan_at else 0, 1),
            schedule.Target(schedule.SCHEDULES, self.households_scheduled, self.schedule_goal),
            schedule.Target(schedule.MAIN, self.done_value, self.target),
            schedule.Target(schedule.DEMO_SITES, self.demo_sites, self.demo_sites_target),
            schedule.Target(schedule.HOUSEHOLDS, self.households_covered, self.households_total),
            schedule.Target(schedule.QUOTAS, self.quota_people_done, self.quota_people),
        )


@dataclass(frozen=True)
class AreaProgress(Totals):
    """A town, or the whole county (name '全部'): sums over its villages."""

    name: str
    villages: int
    villages_done: int
    mean_completion: float


@dataclass(frozen=True)
class DayPoint:
    day: str  # YYYY-MM-DD in the campaign timezone
    trees: int
    area_mu: float
    records: int
    cumulative_trees: int


# -- the rules -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Rules:
    """The rules' settings from config. The methods apply them to one roster row in Python; ``params``
    hands them to the SQL of bot.store.progress, which applies the same rules to many rows at once
    (tests/unit/test_progress.py checks both give the same answers)."""

    quotas: dict
    household_target: int
    party_roles: tuple
    party_max_age: int
    year: int

    @classmethod
    def of(cls, config) -> Rules:
        return cls(
            quotas={str(k): int(v) for k, v in config.get("campaign.quotas").items()},
            household_target=int(config.get("campaign.targets.household_trees")),
            party_roles=tuple(config.get("campaign.participation.roles")),
            party_max_age=int(config.get("campaign.participation.party_member_max_age")),
            year=int(config.get("campaign.year")),
        )

    def quota(self, role: str | None) -> int:
        return self.quotas.get(role or "", 0)

    def party_member_to_count(self, person: dict) -> bool:
        """A party member or cadre expected to take part: aged at most party_max_age (以下 includes it; an unknown
        birth year counts as younger)."""
        if person.get("role") not in self.party_roles:
            return False
        birth_year = person.get("birth_year")
        return not birth_year or self.year - int(birth_year) <= self.party_max_age

    def params(self) -> dict:
        return {
            "quotas": json.dumps(self.quotas, ensure_ascii=False),
            "household_target": self.household_target,
            "non_household_roles": json.dumps(NON_HOUSEHOLD_ROLES, ensure_ascii=False),
            "party_roles": json.dumps(self.party_roles, ensure_ascii=False),
            "party_max_age": self.party_max_age,
            "year": self.year,
        }


def quota_for(config, role: str | None) -> int:
    return Rules.of(config).quota(role)


def in_household(person: dict) -> bool:
    """The person belongs to a household: one is given, with a village, and they are no adviser/admin."""
    return (
        bool(person.get("household"))
        and person.get("village_id") is not None
        and person.get("role") not in NON_HOUSEHOLD_ROLES
    )


def person_rules(config, person: dict) -> dict:
    """quota, household_target (0 for advisers and admins) and party_member_to_count of one roster row:
    the columns ``people_left_to_do`` computes in SQL."""
    rules = Rules.of(config)
    return {
        "quota": rules.quota(person.get("role")),
        "household_target": 0 if person.get("role") in NON_HOUSEHOLD_ROLES else rules.household_target,
        "party_member_to_count": rules.party_member_to_count(person),
    }


def village_target(config, kind: str) -> tuple[str, float]:
    """(unit, target) of a village's main figure."""
    if kind == COMMUNITY:
        return "棵", float(config.get("campaign.targets.community_trees"))
    return "亩", float(config.get("campaign.targets.village_area_mu"))


def utc_offset_minutes(config, at: datetime | None = None) -> int:
    at = at or datetime.now(ZoneInfo("UTC"))
    offset = at.astimezone(ZoneInfo(config.get("campaign.timezone"))).utcoffset()
    assert offset is not None  # an aware datetime
    return int(offset.total_seconds() // 60)


def number(value: float) -> str:
    """1 → '1', 2.5 → '2.5', 0.333 → '0.33'."""
    return format(round(float(value), 2), "g")


def percent(value: float | None) -> str:
    """A share in whole per cent, never 100% for what falls short of all (sim62: 户覆盖 4870/4879户 showed 100%, to a
    clerk who reports it upward): 99.8% is 99%; all of it or more, rounded as it is (111%)."""
    if value is None:
        return "—"
    shown = round(value * 100)
    return f"{min(shown, 99) if value < 1 else shown}%"


# -- person and household ------------------------------------------------------------------------
def _person_from(config, person: dict, totals: dict | None) -> PersonProgress:
    totals = totals or {}
    return PersonProgress(
        person_id=person["id"],
        name=person["name"],
        role=person.get("role") or MASSES,
        village_id=person.get("village_id"),
        quota=quota_for(config, person.get("role")),
        trees=int(totals.get("trees", 0)),
        records=int(totals.get("records", 0)),
        pending_trees=int(totals.get("pending_trees", 0)),
        pending_records=int(totals.get("pending_records", 0)),
    )


def person_progress(db, config, person_id: int, until: str | None = None) -> PersonProgress | None:
    rows = store.people(db, [person_id])
    if not rows:
        return None
    totals = store.totals_by_person(db, until, person_ids=[person_id])
    return _person_from(config, rows[0], totals.get(person_id))


def household_progress(db, config, person_id: int, until: str | None = None) -> HouseholdProgress | None:
    rows = store.people(db, [person_id])
    if not rows:
        return None
    person = rows[0]
    member_ids = store.household_member_ids(db, Rules.of(config).params(), person_id)
    totals = store.totals_by_person(db, until, person_ids=member_ids)
    return HouseholdProgress(
        village_id=person.get("village_id"),
        household=person["household"] if in_household(person) else None,
        member_ids=tuple(sorted(member_ids)),
        trees=sum(int(t["trees"]) for t in totals.values()),
        pending_trees=sum(int(t["pending_trees"]) for t in totals.values()),
        target=Rules.of(config).household_target,
        adopted=adoption_store.trees_of_people(db, member_ids, until),
    )


def people_left_to_do(
    db,
    config,
    *,
    person_ids: list[int] | None = None,
    village_id: int | None = None,
    openid: str | None = None,
    followers_only: bool = False,
    until: str | None = None,
) -> Iterator[dict]:
    """Per person, streamed from one query (whatever the number of people): the rules that apply to
    them and their verified numbers, for deciding what they still have to do.

    Row keys: person_id, openid, name, role, birth_year, village_id, household, village (name), quota,
    trees, records, active (1 once they have a verified record), household_target (0 for advisers and
    admins), household_trees (their household's verified trees; their own without a household),
    party_member_to_count (0/1). Filters: the given people, one village's, one WeChat user's;
    ``followers_only`` keeps followers who may get optional messages (subscribed, not 退订), by openid.
    """
    rows = store.people_rows(
        db,
        Rules.of(config).params(),
        until=until,
        person_ids=person_ids,
        village_id=village_id,
        openid=openid,
        followers_only=followers_only,
    )
    rows = _with_adopted_trees(rows, _adopting_households(db, config, until))
    return _with_attendance(rows, events_store.present_people(db, until))


@dataclass(frozen=True)
class LeftToPlant:
    """Who in one village's roster still owes trees (verified records, as 本村进度 counts): for its cadres, who
    go from door to door (未种名单)."""

    households: tuple[str, ...]  # per roster household not covered: its first member's name (roster order)
    party_members: tuple[str, ...]  # party members the participation rule counts, with no part taken yet
    # villagers who registered themselves, in no roster household (bot/households.py): listed apart, never counted
    # as households left; (name, planted: their trees reach the household target)
    self_registered: tuple[tuple[str, bool], ...] = ()
    party_counted: int = 0  # party members the participation rule counts (round 56: 'all have taken part' said)


_PAGE_RE = re.compile(r"^\s*(\d{1,3})\s*$")


def left_page(rest: str) -> int | None:
    """``未种名单 2`` -> 2; an empty rest is the first page; None when the rest is something else."""
    if not rest.strip():
        return 1
    match = _PAGE_RE.match(rest)
    return max(1, int(match.group(1))) if match else None


def left_to_plant(db, config, village_id: int, until: str | None = None) -> LeftToPlant:
    """The village's roster households below [campaign.targets.household_trees] (their own trees, else adopted ones)
    and its party members under the age rule with no verified record and no planting day attended; apart, its
    self-registered villagers no cadre put in a roster household yet (``self_alone``: 名册未核)."""
    members: dict[tuple, list[str]] = {}
    covered: set[tuple] = set()
    party: list[str] = []
    party_counted = 0
    unchecked: list[tuple[str, bool]] = []
    for row in people_left_to_do(db, config, village_id=village_id, until=until):
        if row["self_alone"]:
            unchecked.append((row["name"], int(row["household_trees"]) >= int(row["household_target"])))
        elif row["household_target"] > 0:
            key = _household_key(row["village_id"], row["household"] if in_household(row) else None, row["person_id"])
            members.setdefault(key, []).append(row["name"])
            if int(row["household_trees"]) >= int(row["household_target"]):
                covered.add(key)
        party_counted += bool(row["party_member_to_count"])
        if row["party_member_to_count"] and not row["active"]:
            party.append(row["name"])
    return LeftToPlant(
        households=tuple(names[0] for key, names in members.items() if key not in covered),
        party_members=tuple(party),
        self_registered=tuple(unchecked),
        party_counted=party_counted,
    )


# -- 义务植树活动: being present at a planting day is taking part ----------------------------------------------
# Seed 002 二(一): 65周岁以下的党员至少参加1次义务植树活动. A party member took part with a verified record (above) or by
# being present at a planting day (bot/events.py): in the nudges (``active``), the villages' 已参与党员 and 我的进度.
def _with_attendance(rows: Iterator[dict], present: set[int]) -> Iterator[dict]:
    """people rows of those present at a planting day: active."""
    for row in rows:
        yield {**row, "active": 1} if not row["active"] and row["person_id"] in present else row


def _with_attending_party_members(
    db, config, figures: dict[int, dict], until: str | None = None, village_id: int | None = None
) -> dict[int, dict]:
    """people_by_village figures plus the party members who took part only by attending a planting day."""
    added = events_store.party_attendees_without_records(db, Rules.of(config).params(), until, village_id)
    for vid, n in added.items():
        village = figures.setdefault(vid, {})
        village["party_members_active"] = int(village.get("party_members_active") or 0) + n
    return figures


# -- 认种认养: an adoption counts for a household without a tree of its own ------------------------------
# Seed 002 二(二): 群众（每户）在房前屋后至少认种认养1棵树. The households whose members adopted
# (bot.store.adoption); one without a verified tree of its own counts its adopted trees, one with trees of
# its own counts those (HouseholdProgress.counted): in 我的进度, the nudges, and the villages' 户覆盖.
def left_to_pledge(db, config, village_id: int) -> tuple[str, ...]:
    """Round 54: the village's roster households not on its 植树安排表 yet (seed 002 row 5: neither a pledge standing
    nor a verified tree, as ``pledges_store.scheduled_households`` counts them), each by its first member's name in
    roster order: for its cadres, who go from door to door (未认领名单). Self-registered villagers in no roster
    household are no household of it."""
    scheduled = pledges_store.scheduled_household_keys(db, village_id)
    first: dict[str, str] = {}
    for row in people_left_to_do(db, config, village_id=village_id):
        if row["self_alone"] or row["household_target"] <= 0:
            continue
        key = f"h{row['village_id']}|{row['household']}" if in_household(row) else f"p{row['person_id']}"
        first.setdefault(key, row["name"])  # the same text as pledges_store.household_key writes in SQL
    return tuple(name for key, name in first.items() if key not in scheduled)


def _household_key(village_id, household, person_id) -> tuple:
    return ("household", village_id, household) if household is not None else ("person", person_id)


def _adopting_households(db, config, until: str | None = None, village_id: int | None = None) -> list[dict]:
    """Each household that adopted: key, village_id, adopted (trees), own (its verified trees), self_alone (a
    self-registered villager in no roster household: no village's household figure counts him)."""
    rules = Rules.of(config).params()
    rows = adoption_store.households_adopting(db, rules, until, village_id)
    if not rows:
        return []
    members = {
        r["person_id"]: r for r in store.people_rows(db, rules, until=until, person_ids=[r["member_id"] for r in rows])
    }
    return [
        {
            "key": _household_key(r["village_id"], r["household"], r["person_id"]),
            "village_id": r["village_id"],
            "adopted": int(r["adopted"]),
            "own": int(members[r["member_id"]]["household_trees"]) if r["member_id"] in members else 0,
            "self_alone": bool(members[r["member_id"]]["self_alone"]) if r["member_id"] in members else False,
        }
        for r in rows
    ]


def _with_adopted_trees(rows: Iterator[dict], adopting: list[dict]) -> Iterator[dict]:
    """people rows whose household has no tree of its own: household_trees = its adopted trees."""
    adopted = {h["key"]: h["adopted"] for h in adopting if h["own"] == 0}
    for row in rows:
        if adopted and not row["household_trees"]:
            key = _household_key(row["village_id"], row["household"] if in_household(row) else None, row["person_id"])
            if key in adopted:
                row = {**row, "household_trees": adopted[key]}
        yield row


def _with_adopting_households(config, figures: dict[int, dict], adopting: list[dict]) -> dict[int, dict]:
    """people_by_village figures plus the households covered by adoptions alone (nothing of their own)."""
    target = Rules.of(config).household_target
    for household in adopting:
        if target > 0 and household["own"] == 0 and household["adopted"] >= target and not household["self_alone"]:
            village = figures.setdefault(household["village_id"], {})
            village["households_covered"] = int(village.get("households_covered") or 0) + 1
    return figures


# -- villages ------------------------------------------------------------------------------------
def _village_from(
    config,
    village: dict,
    totals: dict | None,
    figures: dict | None,
    survival: dict | None,
    marks: milestones.VillageMilestones | None,
    scheduled: int = 0,
) -> VillageProgress:
    totals, figures, survival = totals or {}, figures or {}, survival or {}
    marks = marks or milestones.VillageMilestones()
    kind = village.get("kind") or VILLAGE
    unit, target = village_target(config, kind)
    trees, area = int(totals.get("trees", 0)), float(totals.get("area_mu", 0.0))
    pending_trees, pending_area = int(totals.get("pending_trees", 0)), float(totals.get("pending_area_mu", 0.0))
    covered = int(figures.get("households_covered") or 0)
    # the roster's 户数, or the households its people make when they are more (a person in none is one alone, as 未种名单
    # counts them): sim63, 埔心村's 106/106户已种 beside 未种名单's 4 households of 110
    total_households = max(int(village.get("households") or 0), int(figures.get("households") or 0))
    return VillageProgress(
        village_id=village["id"],
        name=village["name"],
        kind=kind,
        town=village.get("town"),
        unit=unit,
        target=target,
        done_value=trees if kind == COMMUNITY else area,
        pending_value=pending_trees if kind == COMMUNITY else pending_area,
        trees=trees,
        area_mu=area,
        records=int(totals.get("records", 0)),
        pending_records=int(totals.get("pending_records", 0)),
        pending_trees=pending_trees,
        pending_area_mu=pending_area,
        demo_sites=marks.demo_sites,
        demo_sites_reported=marks.demo_sites_reported,
        plan_at=marks.plan_at,
        holes=marks.holes,
        demo_sites_target=0 if kind == COMMUNITY else int(config.get("campaign.targets.village_demo_sites")),
        households_total=max(total_households, covered),
        households_covered=covered,
        households_scheduled=scheduled,
        schedule_goal=math.ceil(max(total_households, covered) * float(config.get("pledges.schedule_share"))),
        party_members=int(figures.get("party_members", 0)),
        party_members_active=int(figures.get("party_members_active", 0)),
        quota_people=int(figures.get("quota_people") or 0),
        quota_people_done=int(figures.get("quota_people_done") or 0),
        survival_checked=int(survival.get("checked", 0)),
        survival_alive=int(survival.get("alive", 0)),
        flagged=int(totals.get("flagged", 0)),
        rejected=int(totals.get("rejected", 0)),
    )


def village_progress(db, config, village_id: int, until: str | None = None) -> VillageProgress | None:
    rows = store.villages(db, village_id)
    if not rows:
        return None
    figures = store.people_by_village(db, Rules.of(config).params(), until, village_id)
    figures = _with_adopting_households(config, figures, _adopting_households(db, config, until, village_id))
    figures = _with_attending_party_members(db, config, figures, until, village_id)
    return _village_from(
        config,
        rows[0],
        store.totals_by_village(db, until, village_id).get(village_id),
        figures.get(village_id),
        store.survival_by_village(db, until, village_id).get(village_id),
        milestones.figures(db, until, village_id).get(village_id),
        pledges_store.scheduled_households(db, until, village_id).get(village_id, 0),
    )


def all_villages_progress(db, config, until: str | None = None, people: bool = True) -> list[VillageProgress]:
    """Every village in id order (a few grouped queries, whatever the number of villages). ``people=False``
    leaves out the slowest part, the figures about people (households, party members, quotas) and survival:
    enough for a month whose people targets are not due yet."""
    totals = store.totals_by_village(db, until)
    figures, survival = {}, {}
    if people:
        figures = store.people_by_village(db, Rules.of(config).params(), until)
        figures = _with_adopting_households(config, figures, _adopting_households(db, config, until))
        figures = _with_attending_party_members(db, config, figures, until)
        survival = store.survival_by_village(db, until)
    marks = milestones.figures(db, until)
    scheduled = pledges_store.scheduled_households(db, until)
    return [
        _village_from(
            config,
            v,
            totals.get(v["id"]),
            figures.get(v["id"]),
            survival.get(v["id"]),
            marks.get(v["id"]),
            scheduled.get(v["id"], 0),
        )
        for v in store.villages(db)
    ]


def completions(db, config, until: str | None = None) -> list[tuple[int, str, float]]:
    """(village_id, name, completion) of every village (one grouped query): enough to rank one village."""
    totals = store.totals_by_village(db, until)
    return [
        (v["id"], v["name"], _village_from(config, v, totals.get(v["id"]), None, None, None).completion)
        for v in store.villages(db)
    ]


# -- towns and the county ------------------------------------------------------------------------
def summarize(name: str, villages: list[VillageProgress]) -> AreaProgress:
    sums = {f.name: sum(getattr(v, f.name) for v in villages) for f in fields(Totals)}
    return AreaProgress(
        name=name,
        villages=len(villages),
        villages_done=sum(1 for v in villages if v.complete),
        mean_completion=(sum(min(v.completion, 1.0) for v in villages) / len(villages)) if villages else 0.0,
        **sums,
    )


def towns_progress(villages: list[VillageProgress]) -> list[AreaProgress]:
    by_town: dict[str, list[VillageProgress]] = defaultdict(list)
    for v in villages:
        by_town[v.town or "未分镇街"].append(v)
    return [summarize(town, vs) for town, vs in sorted(by_town.items())]


def overall_progress(villages: list[VillageProgress]) -> AreaProgress:
    return summarize("全部", villages)


def daily_series(db, config, village_id: int | None = None, until: str | None = None) -> list[DayPoint]:
    """Verified plantings per local day (for charts), with the running total of trees."""
    points, running = [], 0
    for row in store.daily_verified(db, utc_offset_minutes(config), until, village_id):
        running += int(row["trees"])
        points.append(DayPoint(row["day"], int(row["trees"]), float(row["area_mu"]), int(row["records"]), running))
    return points


# -- chat texts ---------------------------------------------------------------------------------
def _pending_note(app, records: int) -> str:
    return app.t("progress.pending_note", n=records) if records else ""


def village_figure(app, v: VillageProgress) -> str:
    """'埔心村 1.5/2亩（75%）' or '东平社区 90/150棵（60%）'."""
    return app.t(
        "progress.village_figure",
        village=v.name,
        done=number(v.done_value),
        target=number(v.target),
        unit=v.unit,
        pct=percent(v.completion),
    )


def progress_line(app, db, person: dict, named: bool = False) -> str:
    """One short line for a planting confirmation: the person, their household, their village. ``named``: the
    person is not the one it is sent to (a 代种's household member): their name, never 您 and 本户."""
    t, config = app.t, app.config
    me = person_progress(db, config, person["id"])
    home = household_progress(db, config, person["id"])
    assert me is not None and home is not None  # person is a roster row
    keys = (
        ("progress.line_person_named", "progress.line_person_no_quota_named", "progress.line_household_named")
        if named
        else ("progress.line_person", "progress.line_person_no_quota", "progress.line_household")
    )
    name = person["name"]
    mine = t(keys[0], trees=me.trees, quota=me.quota, name=name) if me.quota else t(keys[1], trees=me.trees, name=name)
    parts = [mine, t(keys[2], trees=home.counted, target=home.target, name=name)]
    if person.get("village_id") is not None:
        village = village_progress(db, config, person["village_id"])
        if village:
            parts.append(village_figure(app, village))
    return t("progress.line", parts="｜".join(parts), pending=_pending_note(app, me.pending_records))


def my_progress_text(app, db, person: dict) -> str:
    t, config = app.t, app.config
    me = person_progress(db, config, person["id"])
    home = household_progress(db, config, person["id"])
    assert me is not None and home is not None  # person is a roster row
    if me.quota:
        quota_line = (
            t("progress.my_quota_done", quota=me.quota)
            if me.done
            else t("progress.my_quota_left", quota=me.quota, left=me.left)
        )
    else:
        quota_line = t("progress.my_no_quota")
    text = t(
        "progress.my",
        name=me.name,
        role=me.role,
        trees=me.trees,
        records=me.records,
        quota_line=quota_line,
        household_trees=home.counted,
        household_target=home.target,
        pending=_pending_note(app, me.pending_records),
    )
    return "\n".join([text, *_pledges_line(app, db, person), *_events_line(app, db, person, me)])


def _pledges_line(app, db, person: dict) -> list[str]:
    """Round 49: the household's pledges (认领) and how many of them are planted, when it has any ('我认领咗几多棵
    种咗几多' is asked as progress)."""
    pledged = pledges_store.live_of_household(db, person["id"])
    if not pledged:
        return []
    planted = pledges_store.planted_by_household(db, person["id"])
    done = sum(min(planted.get(p["species"], 0), p["count"]) for p in pledged)
    return [app.t("progress.my_pledges", pledged=sum(p["count"] for p in pledged), planted=done)]


def _events_line(app, db, person: dict, me: PersonProgress) -> list[str]:
    """The planting days the person was present at; a party member who has not taken part yet is told how."""
    attended = events_store.present_count(db, person["id"])
    rules = Rules.of(app.config)
    if attended:
        return [app.t("progress.my_events", n=attended)]
    if rules.party_member_to_count(person) and not me.records:
        return [app.t("progress.my_events_due", age=rules.party_max_age)]
    return []


def left_to_plant_text(app, village: str, left: LeftToPlant, page: int) -> str:
    """未种名单's reply: a page of the households not covered, the party members on the first page, apart the
    self-registered villagers in no roster household (名册未核: not counted, how to 并户 them), how to log for a
    household without a phone."""
    t, size = app.t, int(app.config.get("progress.left_per_page"))
    target = int(app.config.get("campaign.targets.household_trees"))
    shown = left.households[(page - 1) * size : page * size]
    if not left.households:
        lines = [t("progress.left_none", village=village)]
    else:
        lines = [t("progress.left_header", village=village, n=len(left.households), target=target)]
        lines.append("、".join(shown) if shown else t("progress.left_past_end"))
        if len(left.households) > page * size:
            lines.append(t("progress.left_more", n=len(left.households) - page * size, page=page + 1))
    if page == 1 and left.party_members:
        names = "、".join(left.party_members[:size])
        more = t("progress.left_party_more", n=len(left.party_members)) if len(left.party_members) > size else ""
        lines.append(t("progress.left_party", n=len(left.party_members), names=names, more=more))
    elif page == 1 and left.party_counted:  # round 56: a cadre asking after the party members learns they all have
        lines.append(t("progress.left_party_none"))
    if page == 1 and left.self_registered:
        names = "、".join(
            name + (t("progress.left_self_planted") if planted else "") for name, planted in left.self_registered[:size]
        )
        more = t("progress.left_party_more", n=len(left.self_registered)) if len(left.self_registered) > size else ""
        lines.append(t("progress.left_self", n=len(left.self_registered), names=names, more=more))
        lines.append(t("progress.left_self_how", name=left.self_registered[0][0]))
    if left.households:
        lines.append(t("progress.left_footer"))
    return "\n".join(lines)


def left_to_pledge_text(app, village: str, households: Sequence[str], page: int) -> str:
    """未认领名单's reply (round 54): a page of the households with no 认领 arrangement, how to pledge for one."""
    t, size = app.t, int(app.config.get("progress.left_per_page"))
    if not households:
        return t("progress.pledge_left_none", village=village)
    shown = households[(page - 1) * size : page * size]
    lines = [t("progress.pledge_left_header", village=village, n=len(households))]
    lines.append("、".join(shown) if shown else t("progress.left_past_end"))
    if len(households) > page * size:
        lines.append(t("progress.pledge_left_more", n=len(households) - page * size, page=page + 1))
    lines.append(t("progress.pledge_left_footer"))
    return "\n".join(lines)


def village_pledges_line(app, v: VillageProgress) -> str:
    """Round 61: the village's 植树安排表 asked after ('我哋村认领情况点'): its households with a pledge or a tree, against
    the share due (pledges.schedule_share)."""
    return app.t(
        "progress.village_pledges",
        scheduled=v.households_scheduled,
        households=v.households_total,
        goal=v.schedule_goal,
    )


def village_progress_text(app, v: VillageProgress) -> str:
    t = app.t
    if v.kind == COMMUNITY:
        main = t(
            "progress.village_main_community",
            done=number(v.done_value),
            target=number(v.target),
            pct=percent(v.completion),
        )
    else:
        main = t(
            "progress.village_main_village",
            done=number(v.done_value),
            target=number(v.target),
            pct=percent(v.completion),
            demo=v.demo_sites,
            demo_target=v.demo_sites_target,
        )
    return t(
        "progress.village",
        name=v.name,
        kind=v.kind,
        main=main,
        trees=v.trees,
        covered=v.households_covered,
        households=v.households_total,
        active=v.party_members_active,
        party=v.party_members,
        pending=_pending_note(app, v.pending_records),
    )
