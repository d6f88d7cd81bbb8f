"""Advisers' visits on the dashboard: per adviser (villages, visits this month, villages not yet visited, open
tickets, median hours to the first answer) and the latest visits (位置不符 marked, with notes and photos); the
village page's section (its advisers, visits this month, the last visit with its note and photos); the visit
photos' thumbnails. Everything goes through bot.visits (and bot.escalation for the tickets' figures)."""

from __future__ import annotations

from flask import flash, g, redirect, render_template, request, url_for

from bot import clock, escalation, visits
from bot.dashboard import auth
from bot.dashboard.views import as_of, photo_thumb
from bot.db import transaction
from bot.registry import LOGIN_ROLES, DashboardPage
from bot.store import roster as roster_store
from bot.store import visits as store


def visits_page():
    ctx = auth.bot()
    now = as_of()  # the dashboard's now: the demo county's last day when its data runs past the clock
    rows = visits.adviser_rows(ctx, ctx.db, now, escalation.adviser_figures(ctx.db))
    if not g.viewer.is_admin:
        rows = [r for r in rows if r["id"] == g.viewer.person_id]
    local = clock.local(now, ctx.tz)
    return render_template(
        "dashboard/visits.html",
        advisers=rows,
        month=local.month,
        recent=visits.recent_visits(ctx.db, g.viewer.scope),
        without_adviser=store.villages_without_adviser(ctx.db) if g.viewer.is_admin else [],
        unplaced=visits.unplaced_visits(ctx.db) if g.viewer.is_admin else [],
    )


def place_visit(visit_id: int):
    """The office puts a 签到 made outside every village, whose adviser never said which, under one of the
    adviser's villages (sim65: it counted nowhere); it stays 位置不符, and the export names who placed it."""
    ctx = auth.bot()
    chosen = request.form.get("village_id", "")
    with transaction(ctx.db):
        visit = (
            visits.place_by_office(ctx.db, visit_id, int(chosen), g.viewer.username, clock.to_db(auth.now()))
            if chosen.isdigit()
            else None
        )
    if visit is None:
        flash(auth.t("admin.visits.not_placed"), "error")
    else:
        adviser = roster_store.person(ctx.db, visit["adviser_person_id"]) or {}
        flash(auth.t("admin.visits.placed", adviser=adviser.get("name", ""), village=visit["village"]), "ok")
    return redirect(url_for("dashboard.visits_page") + "#unplaced")


def village_section(village_id: int) -> str:
    """The village page's 技术顾问下沉 section."""
    ctx = auth.bot()
    local = clock.local(as_of(), ctx.tz)
    start, end = (clock.to_db(m) for m in visits.month_bounds(local.year, local.month, ctx.tz))
    return render_template(
        "dashboard/visit_section.html",
        advisers=store.advisers_of_village(ctx.db, village_id),
        month=local.month,
        count=visits.village_visits(ctx.db, start, end).get(village_id, 0),
        last=visits.last_visit(ctx.db, village_id),
    )


def visit_thumb(sha256: str):
    """A visit photo's thumbnail, for viewers who see its village (a cadre login too: it is on their village page):
    the dashboard's one media check (``views.may_see_media``, through this capability's ``PHOTO_VILLAGES``)."""
    return photo_thumb(sha256)


PAGES = [
    DashboardPage("/visits", visits_page, nav="admin.nav.visits"),
    DashboardPage("/visits/<int:visit_id>/village", place_visit, methods=("POST",), admin_only=True),
    DashboardPage("/visits/photos/<sha256>/thumb", visit_thumb, roles=LOGIN_ROLES),
]
