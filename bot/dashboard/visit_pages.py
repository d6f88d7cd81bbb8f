"""Advisers' visits on the dashboard: per adviser (villages, visits this month, villages not yet visited, open
tickets, median hours to the first answer) and the latest visits (位置不符 marked, with notes and photos); the
village page's section (its advisers, visits this month, the last visit with its note and photos); the visit
photos' thumbnails. Everything goes through bot.visits (and bot.escalation for the tickets' figures)."""

from __future__ import annotations

from flask import g, render_template

from bot import clock, escalation, visits
from bot.dashboard import auth
from bot.dashboard.views import as_of, photo_thumb
from bot.registry import LOGIN_ROLES, DashboardPage
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
    )


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
    DashboardPage("/visits/photos/<sha256>/thumb", visit_thumb, roles=LOGIN_ROLES),
]
