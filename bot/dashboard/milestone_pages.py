"""A village's milestones on its dashboard page (计划备案, 树穴, 示范点 with their photos and location), and the
office's changes: 确认, 更正 (holes count or site name), 撤销, each kept with who and when (bot/milestones.py).
Contributed by the milestones capability (handlers/milestones.py: ``DASHBOARD``, and ``village_section`` in
``VILLAGE_SECTIONS``)."""

from __future__ import annotations

from flask import abort, flash, g, redirect, render_template, request, url_for

from bot import clock, milestones
from bot.dashboard import auth, snapshot
from bot.db import transaction
from bot.registry import DashboardPage

STATUS_LABELS = {
    "reported": "admin.milestones.status_reported",
    "confirmed": "admin.milestones.status_confirmed",
    "undone": "admin.milestones.status_undone",
}
ACTION_LABELS = {
    milestones.CONFIRM: "admin.milestones.confirm",
    milestones.CORRECT: "admin.milestones.correct",
    milestones.UNDO: "admin.milestones.undo",
}
FIELD_LABELS = {
    "status": "admin.milestones.field_status",
    "count": "admin.milestones.field_count",
    "name": "admin.milestones.field_name",
}
DONE = {
    milestones.CONFIRM: "admin.milestones.confirmed_notice",
    milestones.CORRECT: "admin.milestones.corrected_notice",
    milestones.UNDO: "admin.milestones.undone_notice",
}


def village_section(village_id: int) -> str:
    """The village page's section: the reports, newest first, and the office's changes."""
    db = auth.bot().db
    return render_template(
        "dashboard/milestones.html",
        m={
            "rows": milestones.of_village(db, village_id),
            "changes": milestones.changes_of_village(db, village_id),
            "labels": auth.labels(milestones.LABELS),
            "status_labels": auth.labels(STATUS_LABELS),
            "action_labels": auth.labels(ACTION_LABELS),
            "field_labels": auth.labels(FIELD_LABELS),
        },
    )


def change_milestone(village_id: int, milestone_id: int):
    action = request.form.get("action", "")
    if action not in DONE:
        abort(400)
    db = auth.bot().db
    try:
        with transaction(db):
            row = milestones.change(
                db, milestone_id, action, g.viewer.username, clock.to_db(auth.now()), value=request.form.get("value")
            )
            if row is None or row["village_id"] != village_id:
                abort(404)
    except ValueError:
        flash(auth.t("admin.milestones.bad_correction", id=milestone_id), "error")
        return redirect(url_for("dashboard.village", village_id=village_id, open="milestones") + "#milestones")
    snapshot.invalidate(auth.bot())
    flash(auth.t(DONE[action], id=milestone_id), "ok")
    return redirect(url_for("dashboard.village", village_id=village_id, open="milestones") + "#milestones")


PAGES = [
    DashboardPage(
        "/villages/<int:village_id>/milestones/<int:milestone_id>", change_milestone, methods=("POST",), admin_only=True
    ),
]
