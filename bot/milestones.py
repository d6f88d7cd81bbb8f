"""Village milestones: the service layer of the milestones capability (chat, dashboard, progress, reminders).

A 村书记 or 村干部 of the village reports in chat (seed 002, timetable rows 4, 8 and 9):

- ``计划已备案``: the village greening plan is filed (二(二): 1月底前……报农林水综合服务中心备案); a photo
  of the plan is welcome;
- ``树穴 120个``: holes dug so far (row 9: 2月24日前完成挖好树穴); each report gives the total, the latest
  counts; a photo is welcome;
- ``示范点 <名称>``: a 绿美示范点 built (二(二): 每个村至少打造一个绿美示范点; row 8: 2月底完成), with a photo
  and the location.

Each report is one row with its date and reporter (``plan``, ``holes``, ``demo_site`` in data and exports;
计划备案, 树穴, 示范点 on screen). A photo or location sent within ``conversation.timeout_minutes`` after the
report joins it (the ``milestone`` flow); photos sent just before the report, not yet a planting record's,
join it too. The office confirms, corrects or undoes a report on the dashboard's village page, every change
kept (``change``). One meaning of 示范点: a village's 示范点 are its *confirmed* ``demo_site`` reports; a
planting record tagged 示范点 (``示范点 20棵桂花``) stays a planting record and counts trees, never a site.
Questions stay questions: ``示范点怎么建`` and ``树穴挖多大`` are not reports.

``may_report`` is the one place that says who may report (the staff guard replaces it when staff are
bound by a one-time code).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from bot import identity, nlu
from bot.conversation import Flow
from bot.store import milestones as store

PLAN, HOLES, DEMO_SITE = "plan", "holes", "demo_site"
MILESTONES = (PLAN, HOLES, DEMO_SITE)
LABELS = {PLAN: "milestones.label_plan", HOLES: "milestones.label_holes", DEMO_SITE: "milestones.label_demo_site"}
# The [campaign.milestones] date each village milestone answers (a reminder for that date skips the villages
# that reported it).
DUE_DATE_OF = {"plans_due": PLAN, "holes_due": HOLES, "plots_due": DEMO_SITE}

# data: {"milestone_id": int}; a photo or location joins the report. Its table is in handlers/milestones.py,
# its diagram in docs/milestones.md.
FLOW = Flow("milestone", ("collecting",), photo_states=("collecting",))

_NUMBER = r"(\d+|[零〇一二两三四五六七八九十百千万]+)"
_HOLES_RE = re.compile(rf"^树穴\s*(?:已经|已)?\s*(?:挖好了?|挖了|挖好|完成了?)?\s*[:：]?\s*{_NUMBER}\s*(?:个|穴|口)?$")
# round 52 (the lead, in the simulator: '树穴挖好咗一百二十个' became an adviser's ticket): said as spoken (normalised:
# 咗 -> 了), the village first, the count before 树穴 ('本村已经挖好了八十个树穴')
_VILLAGE_FIRST = r"(?:我们村|我村|本村|村里|全村)?(?:的)?"
_HOLES_SAID_RE = re.compile(
    rf"^{_VILLAGE_FIRST}(?:树穴(?:已经|已)?(?:全部)?(?:挖好了?|挖了|挖完了?|完成了?)?(?:有)?{_NUMBER}(?:个|穴|口)?"
    rf"|(?:已经|已)?(?:挖好了?|挖了|挖完了?){_NUMBER}(?:个|口)树穴)$"
)
_SITE_RE = re.compile(r"^(?:绿美)?示范点\s*[:：]?\s*(?P<name>\S.{0,29})$")
# a demo site's name told with its being done ('示范点 村口公园 搞好咗'): the name alone is kept
_SITE_DONE_RE = re.compile(r"\s*(?:已经|已)?(?:搞好|建好|弄好|做好|整好|搞掂|搞定|完成|建成)(?:了|咗|啦|喇)*$")
_TRAILING = " \t\r\n。．.！!，,"
# round 87 (22c: '示范点附近种秋枫定木棉好'): a choice asked after 示范点 (Cantonese 定: or; 还是, 或者), better or fitting
# said last, is a question of what to plant there, never a site's name
_CHOICE_ASKED_RE = re.compile(r"(?:定|还是|或者|抑或).{1,8}?(?:好|好啲|好些|好点|啱|合适|适合)(?:呢|啊|呀|嘅)?$")


@dataclass(frozen=True)
class Report:
    """What a milestone text says."""

    milestone: str
    count: int | None = None  # holes
    name: str | None = None  # demo_site


def parse(text: str | None, plan_words: frozenset[str]) -> Report | None:
    """``计划已备案`` (one of ``plan_words``), ``树穴 120个``, ``示范点 村口公园`` → a Report; anything else,
    a question included, → None. A planting record tagged 示范点 (``示范点 20棵桂花``) is not a report."""
    text = nlu.to_halfwidth(text or "").strip().strip(_TRAILING)
    if not text or nlu.is_question(text):
        return None
    if text in plan_words:
        return Report(PLAN)
    # normalised only when it names the holes (穴): most texts are no report
    holes = _HOLES_RE.match(text) or ("穴" in text and _HOLES_SAID_RE.match(nlu.normalize(text)))
    if holes:
        count = nlu.chinese_to_int(next(group for group in holes.groups() if group))
        return Report(HOLES, count=count) if count else None
    site = _SITE_RE.match(text)
    if site and _CHOICE_ASKED_RE.search(site.group("name")):
        return None  # round 87
    if site and nlu.parse_count(text) is None and nlu.parse_area_mu(text) is None:
        name = _SITE_DONE_RE.sub("", site.group("name")).strip()
        return Report(DEMO_SITE, name=name) if name else None
    return None


def may_report(person: Mapping | None, config) -> bool:
    """May this person report their village's milestones: a ``milestones.reporter_roles`` (村书记, 村干部)
    of a village, bound with proof (a one-time code or the roster's openid column: ``identity.acts_as``)."""
    if not person:
        return False
    return person.get("village_id") is not None and identity.acts_as(person, config.get("milestones.reporter_roles"))


def what(app, row: Mapping) -> str:
    """How a report reads: 计划备案, 树穴120个, 示范点“村口公园”."""
    if row["milestone"] == HOLES:
        return app.t("milestones.what_holes", count=row["count"])
    if row["milestone"] == DEMO_SITE:
        return app.t("milestones.what_demo_site", name=row["name"])
    return app.t(LABELS[PLAN])


# -- chat ---------------------------------------------------------------------------------------------
def record(ctx, report: Report, photo_ids: list[int]) -> dict:
    """Keep the report (with photos sent just before it) and open the window for its photo and location."""
    person = ctx.person
    milestone_id = store.add(
        ctx.db,
        village_id=person["village_id"],
        milestone=report.milestone,
        count=report.count,
        name=report.name,
        person_id=person["id"],
        openid=ctx.openid,
        inbox_id=ctx.inbox_id,
        now=ctx.now_s,
    )
    for media_row_id in photo_ids:
        store.add_photo(ctx.db, milestone_id, media_row_id, ctx.now_s)
    FLOW.enter(ctx, "collecting", {"milestone_id": milestone_id})
    row = store.get(ctx.db, milestone_id)
    assert row is not None  # just inserted
    return row


def collecting(ctx, state) -> dict | None:
    """The report the sender's open window belongs to."""
    return store.get(ctx.db, state.data.get("milestone_id"))


def add_photo(ctx, row: dict, media_row_id: int) -> int:
    """A photo joins the report (the window restarts); how many photos it has."""
    store.add_photo(ctx.db, row["id"], media_row_id, ctx.now_s)
    FLOW.enter(ctx, "collecting", {"milestone_id": row["id"]})
    return store.photo_count(ctx.db, row["id"])


def add_location(ctx, row: dict, lat: float, lng: float) -> None:
    store.set_location(ctx.db, row["id"], lat, lng, ctx.now_s)
    FLOW.enter(ctx, "collecting", {"milestone_id": row["id"]})


def still_needs(row: Mapping, photos: int) -> list[str]:
    """What a 示范点 report still lacks ('photo', 'location'); plans and holes need nothing more."""
    if row["milestone"] != DEMO_SITE:
        return []
    return [part for part, missing in (("photo", photos < 1), ("location", row["lat"] is None)) if missing]


# -- figures, reminders, dashboard -------------------------------------------------------------------------
@dataclass(frozen=True)
class VillageMilestones:
    plan_at: str | None = None  # when the plan was first reported (UTC text)
    holes: int | None = None  # the latest holes count
    demo_sites: int = 0  # confirmed 示范点
    demo_sites_reported: int = 0  # reported (confirmed or not)


def figures(db, until: str | None = None, village_id: int | None = None) -> dict[int, VillageMilestones]:
    """village_id -> its milestones as of ``until`` (reports made by then that stand)."""
    return {
        vid: VillageMilestones(
            plan_at=row["plan_at"],
            holes=row["holes"],
            demo_sites=int(row["demo_sites"] or 0),
            demo_sites_reported=int(row["demo_sites_reported"] or 0),
        )
        for vid, row in store.figures(db, until, village_id).items()
    }


def villages_done(db, due_date: str) -> set[int]:
    """The villages that reported the milestone a ``[campaign.milestones]`` date stands for (none for a date
    that is no village milestone)."""
    milestone = DUE_DATE_OF.get(due_date)
    return store.villages_with(db, milestone) if milestone else set()


# round 53 (the lead, as the office in the simulator: '边几个村未交计划' got the timetable): the villages that have not
# reported a milestone, asked by the campaign office (text normalised)
_NOT_YET = r"(?:还|仲)?(?:没|未|冇)(?:有)?"
_MISSING_ASKED = (
    (
        PLAN,
        re.compile(
            rf"(?:计划|方案){_NOT_YET}(?:交|报|备案|上报|报备)|{_NOT_YET}(?:交|报|备案|上报|报备)(?:绿化)?(?:计划|方案)"
        ),
    ),
    (HOLES, re.compile(rf"树穴{_NOT_YET}(?:挖|报|完成)|{_NOT_YET}(?:挖|报)(?:好)?树穴")),
    (DEMO_SITE, re.compile(rf"示范点{_NOT_YET}(?:报|建|搞|做|完成)|{_NOT_YET}(?:报|建|搞|做)(?:好)?示范点")),
)
_WHICH_RE = re.compile(r"哪|边|几|有冇|有没有|名单|列")
MISSING_ASKED_MAX_CHARS = 24
MISSING_NAMED = 20


def missing_asked(norm: str) -> str | None:
    """Round 53: which villages have not reported a milestone ('边几个村未交计划', '哪些村树穴还没挖好',
    '有没有村没报示范点') -> the milestone; None otherwise (a cadre's report says no 没)."""
    if not norm or len(norm) > MISSING_ASKED_MAX_CHARS or not _WHICH_RE.search(norm):
        return None
    return next((milestone for milestone, said in _MISSING_ASKED if said.search(norm)), None)


def villages_missing(db, villages: list[dict], milestone: str) -> list[dict]:
    """Of ``villages``, those with no report of the milestone that stands, by name."""
    done = store.villages_with(db, milestone)
    return sorted((v for v in villages if v["id"] not in done), key=lambda v: v["name"])


CONFIRM, CORRECT, UNDO = "confirm", "correct", "undo"


def change(db, milestone_id: int, action: str, by: str, now: str, value: str | None = None) -> dict | None:
    """The office confirms, corrects (the holes count or the site's name; a correction also confirms) or undoes
    a report, kept with who and when. The report as it was; None when there is no such report. ValueError for
    a correction that is not a count (holes) or a name (示范点), or a plan (nothing to correct)."""
    row = store.get(db, milestone_id)
    if row is None:
        return None
    confirmed = {"status": store.CONFIRMED, "confirmed_by": by, "confirmed_at": now}
    if action == CONFIRM:
        fields = confirmed
    elif action == UNDO:
        fields = {"status": store.UNDONE}
    elif action == CORRECT:
        fields = {**confirmed, **correction(row["milestone"], value)}
    else:
        raise ValueError(f"unknown action {action!r}")
    return store.change(db, milestone_id, action, fields, by, now)


def correction(milestone: str, value: str | None) -> dict:
    value = (value or "").strip()
    if milestone == HOLES and value.isdigit() and int(value) > 0:
        return {"count": int(value)}
    if milestone == DEMO_SITE and 0 < len(value) <= 30:
        return {"name": value}
    raise ValueError(f"not a correction of {milestone}: {value!r}")


def of_village(db, village_id: int) -> list[dict]:
    return store.of_village(db, village_id)


def changes_of_village(db, village_id: int) -> list[dict]:
    """The office's changes, newest first, each with ``diffs``: (field, before, after) of the fields it changed."""
    return [
        dict(change, diffs=changed_fields(change["before"], change["after"]))
        for change in store.changes_of_village(db, village_id)
    ]


def changed_fields(before_json: str, after_json: str) -> list[tuple[str, Any, Any]]:
    """(field, before, after) for each kept field (status, count, name) whose value the change altered."""
    before, after = json.loads(before_json), json.loads(after_json)
    return [(key, before.get(key), after.get(key)) for key in after if before.get(key) != after.get(key)]
