"""Broadcasts: compose, see the recipient count and a preview, send now or schedule, cancel.

Everything goes through bot.broadcasts (segments, limits, queueing): this page only collects the
form, shows ``plan`` and calls ``create`` / ``cancel``. The scheduled job starts due broadcasts. A segment
that reaches nobody is a warning in the preview and a refusal on sending, with the reason and the closest
village or town names to pick instead. Segments are shown in words (村社区：埔心村), never as codes.
"""

from __future__ import annotations

from flask import flash, g, redirect, render_template, request, url_for

from bot import broadcasts, clock
from bot.dashboard import auth
from bot.registry import DashboardPage
from bot.store import roster as roster_store

# value -> message key (messages/replies/admin.toml)
SEGMENT_LABELS = {
    "all": "admin.broadcasts.segment_all",
    "village": "admin.broadcasts.segment_village",
    "town": "admin.broadcasts.segment_town",
    "role": "admin.broadcasts.segment_role",
    "below-quota": "admin.broadcasts.segment_below_quota",
    "unregistered": "admin.broadcasts.segment_unregistered",
}
STATUS_LABELS = {
    "scheduled": "admin.broadcasts.status_scheduled",
    "started": "admin.broadcasts.status_started",
    "cancelled": "admin.broadcasts.status_cancelled",
}
MESSAGE_LABELS = {
    "queued": "admin.broadcasts.message_queued",
    "held": "admin.broadcasts.message_held",
    "sent": "admin.broadcasts.message_sent",
    "failed": "admin.broadcasts.message_failed",
    "cancelled": "admin.broadcasts.message_cancelled",
}


def _form() -> dict:
    return {key: request.form.get(key, "").strip() for key in ("kind", "value", "text", "send_at")}


def _segment(form: dict) -> str:
    kind = form["kind"] or "all"
    return f"{kind}:{form['value']}" if kind in broadcasts.WITH_VALUE else kind


def _check(form: dict) -> tuple[broadcasts.Segment | None, str | None]:
    """The parsed segment, or the reason in words why the form cannot be sent."""
    try:
        segment = broadcasts.parse_segment(_segment(form), auth.bot().config)
    except broadcasts.BroadcastError:
        return None, auth.t("admin.broadcasts.no_segment")
    try:
        broadcasts.check_text(form["text"])
    except broadcasts.BroadcastError:
        return None, auth.t("admin.broadcasts.bad_text", max=broadcasts.MAX_TEXT)
    return segment, None


def _send_at(text: str):
    if not text:
        return None
    try:
        return clock.parse_moment(text, auth.bot().tz)
    except ValueError:
        return None


def _message_counts(counts: dict[str, int]) -> str:
    totals: dict[str, int] = {}
    for key, n in counts.items():
        status = key.split("/")[0]
        totals[status] = totals.get(status, 0) + n
    labels = auth.labels(MESSAGE_LABELS)
    return "，".join(f"{labels.get(k, k)} {n}" for k, n in totals.items())


def _page(form: dict, plan=None, error: str | None = None):
    ctx = auth.bot()
    rows = broadcasts.list_broadcasts(ctx.db, limit=30)
    for row in rows:
        row["summary"] = _message_counts(row["messages"])
        row["segment_text"] = broadcasts.describe(ctx.t, row["segment"])
    warning = broadcasts.why_nobody(ctx.t, plan) if plan is not None and not plan.count else None
    return render_template(
        "dashboard/broadcasts.html",
        form=form,
        plan=plan,
        error=error,
        rows=rows,
        warning=warning,
        segment_text=broadcasts.describe(ctx.t, plan.segment) if plan is not None else None,
        segment_labels=auth.labels(SEGMENT_LABELS),
        status_labels=auth.labels(STATUS_LABELS),
        max_text=broadcasts.MAX_TEXT,
        villages=[v["name"] for v in roster_store.all_villages(ctx.db)],
        towns=sorted({v["town"] for v in roster_store.all_villages(ctx.db) if v["town"]}),
        roles=list(ctx.config.get("campaign.quotas")),
    )


def broadcasts_page():
    return _page({"kind": "all", "value": "", "text": "", "send_at": ""})


def compose():
    form = _form()
    segment, error = _check(form)
    if error:
        return _page(form, error=error), 400
    assert segment is not None  # no error: a segment
    ctx = auth.bot()
    if request.form.get("action") != "send":
        return _page(form, plan=broadcasts.plan(ctx.db, ctx.config, segment))
    send_at = _send_at(form["send_at"])
    if form["send_at"] and send_at is None:
        return _page(form, error=auth.t("admin.broadcasts.bad_time")), 400
    try:
        broadcast_id = broadcasts.create(
            ctx.db,
            ctx.config,
            segment=str(segment),
            text=form["text"],
            now=auth.now(),
            send_at=send_at,
            created_by=g.viewer.username,
        )
    except broadcasts.NoRecipients as refused:
        reason = broadcasts.why_nobody(ctx.t, refused.plan) + ctx.t("reminders.broadcast.not_sent")
        return _page(form, plan=refused.plan, error=reason), 400
    now = send_at is None or send_at <= auth.now()
    flash(auth.t("admin.broadcasts.started" if now else "admin.broadcasts.scheduled", id=broadcast_id), "ok")
    return redirect(url_for("dashboard.broadcasts_page"))


def cancel_broadcast(broadcast_id: int):
    result = broadcasts.cancel(auth.bot().db, broadcast_id, auth.now())
    if not result["found"]:
        flash(auth.t("admin.broadcasts.unknown", id=broadcast_id), "error")
    else:
        flash(auth.t("admin.broadcasts.cancelled", id=broadcast_id, n=result["cancelled_messages"]), "ok")
    return redirect(url_for("dashboard.broadcasts_page"))


PAGES = [
    DashboardPage("/broadcasts", broadcasts_page, nav="admin.nav.broadcasts", admin_only=True),
    DashboardPage("/broadcasts", compose, methods=("POST",), admin_only=True),
    DashboardPage("/broadcasts/<int:broadcast_id>/cancel", cancel_broadcast, methods=("POST",), admin_only=True),
]
