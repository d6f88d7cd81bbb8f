"""The milestones capability's manifest: cadres report their village's 计划备案, 树穴 and 示范点 in chat (a photo
and location join the report); the office confirms, corrects or undoes them on the village page; the 通报's
计划备案 and 树穴 columns; the ``milestones`` export. Rules and services: bot/milestones.py; the flow's
diagram: docs/milestones.md.

Routes (dispatch order in handlers/__init__.py), before planting's so that ``树穴 120个`` is never read as
120 trees and a photo after a report joins the report:
- milestone_report: ``计划已备案``, ``树穴 120个``, ``示范点 <名称>`` (not a question, not a planting record)
- milestone_parts: a photo or a location while a report's window is open (the flow touched last)
"""

from __future__ import annotations

from bot import clock, milestones, planting, progress
from bot.context import Ctx
from bot.conversation import FlowTable, Step
from bot.dashboard import milestone_pages
from bot.identity import acts_as, staff
from bot.reports import ReportColumn
from bot.roster import ADMIN
from bot.router import Route, pure, staged
from bot.store import media as media_store
from bot.store import milestones as store
from bot.store import roster as roster_store
from handlers.core import text_normalized

NEEDS = {"photo": "milestones.needs_photo", "location": "milestones.needs_location"}
DONE = {
    milestones.PLAN: "milestones.done_plan",
    milestones.HOLES: "milestones.done_holes",
    milestones.DEMO_SITE: "milestones.done_demo_site",
}


# -- matchers ---------------------------------------------------------------------------------------
@pure
def _report(ctx: Ctx) -> milestones.Report | None:
    if ctx.msg.msg_type != "text":
        return None
    return milestones.parse(ctx.msg.text, ctx.app.messages.words("milestones.commands.plan"))


def _photo(ctx: Ctx, state) -> dict | None:
    if ctx.msg.msg_type != "image" or not milestones.FLOW.touched_last(ctx):
        return None
    return milestones.collecting(ctx, state)


def _location(ctx: Ctx, state) -> dict | None:
    if ctx.msg.msg_type != "location" or ctx.msg.lat is None or ctx.msg.lng is None:
        return None
    return milestones.collecting(ctx, state) if milestones.FLOW.touched_last(ctx) else None


# -- handlers ---------------------------------------------------------------------------------------
@staff(lambda app: app.config.get("milestones.reporter_roles"), refusal="milestones.cadres_only")
def on_report(ctx: Ctx, report: milestones.Report) -> str:
    if not milestones.may_report(ctx.person, ctx.config):  # a cadre of no village
        return ctx.t("milestones.cadres_only")
    row = milestones.record(ctx, report, planting.take_pending_photos(ctx))
    return ctx.t(DONE[row["milestone"]], id=row["id"], count=row["count"], name=row["name"]) + _still_needs(ctx, row)


def on_photo(ctx: Ctx, _state, row: dict) -> str:
    media_row_id = media_store.row_for_inbox(ctx.db, ctx.inbox_id)
    assert media_row_id is not None  # the webhook recorded the photo's media row
    n = milestones.add_photo(ctx, row, media_row_id)
    return ctx.t("milestones.photo_added", what=milestones.what(ctx.app, row), n=n) + _still_needs(ctx, row)


def on_location(ctx: Ctx, _state, row: dict) -> str:
    assert ctx.msg.lat is not None and ctx.msg.lng is not None  # _location checked them
    milestones.add_location(ctx, row, ctx.msg.lat, ctx.msg.lng)
    located = store.get(ctx.db, row["id"])
    assert located is not None
    return ctx.t("milestones.location_added", what=milestones.what(ctx.app, row)) + _still_needs(ctx, located)


def _still_needs(ctx: Ctx, row: dict) -> str:
    missing = milestones.still_needs(row, store.photo_count(ctx.db, row["id"]))
    # each on a line of its own (round 52: the photo's and the location's asks ran on in one line on a phone)
    return "".join("\n" + ctx.t(NEEDS[part]) for part in missing)


# -- the office asking which villages have not reported one ('边几个村未交计划') ---------------------------
@pure
def _missing_ahead(ctx: Ctx) -> str | None:
    return milestones.missing_asked(text_normalized(ctx)) if ctx.msg.msg_type == "text" else None


def _from_office(ctx: Ctx, milestone: str) -> str | None:
    """Only the campaign office (管理员): anyone else's words go on (a cadre's village, the FAQ's timetable)."""
    return milestone if acts_as(ctx.person, (ADMIN,)) else None


def on_missing(ctx: Ctx, milestone: str) -> str:
    """Round 53: the villages that have not reported the milestone, by name (the first MISSING_NAMED)."""
    label = ctx.t(milestones.LABELS[milestone])
    villages = roster_store.all_villages(ctx.db)
    if milestone == milestones.DEMO_SITE:  # a community (社区) owes no 示范点 (progress: demo_sites_target 0)
        villages = [v for v in villages if v["kind"] != progress.COMMUNITY]
    missing = milestones.villages_missing(ctx.db, villages, milestone)
    url = ctx.config.public_link("/admin/")
    if not missing:
        return ctx.t("milestones.missing_none", label=label)
    names = "、".join(v["name"] for v in missing[: milestones.MISSING_NAMED])
    more = ctx.t("milestones.missing_more", n=len(missing) - milestones.MISSING_NAMED)
    return ctx.t(
        "milestones.missing",
        label=label,
        n=len(missing),
        names=names + (more if len(missing) > milestones.MISSING_NAMED else ""),
        url=url,
    )


# -- the 通报's columns: what the village reported by the month's end ----------------------------------
def _per_village(field: str):
    def cells(db, _config, until: str) -> dict:
        return {vid: getattr(m, field) for vid, m in milestones.figures(db, until).items()}

    return cells


def _plan_cell(db, config, until: str) -> dict:
    tz = config.get("campaign.timezone")
    return {
        vid: clock.local(clock.from_db(at), tz).date().isoformat()
        for vid, at in _per_village("plan_at")(db, config, until).items()
        if at
    }


# -- the manifest -----------------------------------------------------------------------------------
TABLE = FlowTable(
    milestones.FLOW,
    (
        Step("collecting", "photo", _photo, on_photo, to=("collecting",)),
        Step("collecting", "location", _location, on_location, to=("collecting",)),
    ),
)
ROUTES: list = [
    Route("milestones_missing", staged(_missing_ahead, _from_office), on_missing),
    Route("milestone_report", _report, on_report),
    TABLE.route("milestone_parts"),
]
REPORT_COLUMNS: list = [
    ReportColumn("plan", "milestones.report.columns.plan", per_village=_plan_cell, width=12),
    ReportColumn("holes", "milestones.report.columns.holes", per_village=_per_village("holes")),
]
STORES: list = [store]
EXPORTS: dict = {**store.EXPORT_SQL}
DASHBOARD: list = milestone_pages.PAGES
VILLAGE_SECTIONS: list = [milestone_pages.village_section]
PHOTO_VILLAGES: list = [store.photo_villages]
FLOWS: list = [milestones.FLOW]
