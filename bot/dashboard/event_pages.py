"""Planting days (义务植树活动) on the dashboard: every event (a cadre login: their village's), an event's page with
who checked in, how, whether they were there and the trees they logged during it, and the button with which a cadre
of the village (or the office) confirms someone who could not send a location; the village page's section. Everything
goes through bot.events."""

from __future__ import annotations

from flask import abort, flash, g, redirect, render_template, url_for

from bot import clock, events
from bot.dashboard import auth
from bot.dashboard.views import as_of
from bot.db import transaction
from bot.registry import ADMIN_AND_CADRE, DashboardPage
from bot.store import events as store


def _labels() -> dict:
    return {"how": auth.labels(events.HOW_LABELS), "present": auth.labels(events.PRESENT_LABELS)}


def _tag(event: dict) -> str | None:
    """The day's tag (已取消, 未开始, 进行中; none once over): ``events.stage`` at the dashboard's clock."""
    stage = events.stage(event, clock.to_db(as_of()))
    return auth.t(events.STAGE_TAGS[stage]) if stage else None


def events_page():
    ctx = auth.bot()
    return render_template(
        "dashboard/events.html",
        events=store.events_list(ctx.db, g.viewer.scope),
        span=lambda e: events.span_words(e, ctx.tz),
        tag=_tag,
    )


def event_page(event_id: int):
    ctx = auth.bot()
    event = store.event(ctx.db, event_id)
    if event is None:
        abort(404)
    auth.require_village(event["village_id"])
    return render_template(
        "dashboard/event.html",
        event=event,
        span=events.span_words(event, ctx.tz),
        rows=store.attendance_of_event(ctx.db, event_id),
        labels=_labels(),
        qr=events.qr_link(event["qr_ticket"]) if event["qr_ticket"] and not event["cancelled_at"] else None,
        never_held=events.never_held(event),
        tag=_tag(event),
    )


def confirm_attendance(event_id: int, attendance_id: int):
    ctx = auth.bot()
    event = store.event(ctx.db, event_id)
    row = store.attendance_row(ctx.db, attendance_id)
    if event is None or row is None or row["event_id"] != event_id:
        abort(404)
    auth.require_village(event["village_id"])
    with transaction(ctx.db):
        done = events.confirm(ctx.db, attendance_id, g.viewer.username, auth.now())
    flash(auth.t("admin.events.confirmed" if done else "admin.events.already_present"), "ok" if done else "error")
    return redirect(url_for("dashboard.event_page", event_id=event_id))


def village_section(village_id: int) -> str:
    """The village page's 植树活动 section: its planting days, newest first."""
    ctx = auth.bot()
    days = store.events_list(ctx.db, [village_id], limit=20)
    return render_template(
        "dashboard/event_section.html",
        events=days,
        held=events.held(days, clock.to_db(as_of())),
        span=lambda e: events.span_words(e, ctx.tz),
        tag=_tag,
    )


PAGES = [
    DashboardPage("/events", events_page, nav="admin.nav.events", roles=ADMIN_AND_CADRE),
    DashboardPage("/events/<int:event_id>", event_page, roles=ADMIN_AND_CADRE),
    DashboardPage(
        "/events/<int:event_id>/attendance/<int:attendance_id>/confirm",
        confirm_attendance,
        methods=("POST",),
        roles=ADMIN_AND_CADRE,
    ),
]
