"""A planting record's page (/admin/records/<id>): who sent it, village, tree, count, photo, review state and its
correction history; the office (any record) and a village's cadre login (its village's records; 403 otherwise)
withdraw it or correct its count with a reason, or (round 77) restore a withdrawn one (bot/corrections.py). Advisers:
403. Contributed to the dashboard by the corrections capability (handlers/corrections.py ``DASHBOARD``); the village
page's records list links here.
"""

from __future__ import annotations

import json

from flask import abort, flash, g, redirect, render_template, request, url_for

from bot import corrections, planting
from bot.dashboard import auth, views
from bot.db import transaction
from bot.registry import ADMIN_AND_CADRE, DashboardPage
from bot.store import corrections as store

ROLES = ADMIN_AND_CADRE
# what a POST did, said as it (round 77: it had been the one 已更正 for a withdrawal too)
DONE = {
    corrections.WITHDRAW: "admin.records.done_withdraw",
    corrections.RECOUNT: "admin.records.done_recount",
    corrections.RESTORE: "admin.records.done_restore",
}
# why a POST changed nothing -> its message key
REFUSED = {
    corrections.WITHDRAWN: "admin.records.already_withdrawn",
    corrections.NOT_WITHDRAWN: "admin.records.not_withdrawn",
    corrections.REPORTED_AGAIN: "admin.records.reported_again",
    corrections.REJECTED: "admin.records.rejected",
    corrections.NOT_FINISHED: "admin.records.not_finished",
    corrections.SAME: "admin.records.same",
    corrections.MISSING: "admin.records.not_finished",
}


def _record(planting_id: int) -> dict:
    record = store.record(auth.bot().db, planting_id)
    if record is None:
        abort(404)
    auth.require_village(record["village_id"])
    return record


def _history(planting_id: int) -> list[dict]:
    rows = []
    for row in corrections.history(auth.bot().db, planting_id):
        before, after = json.loads(row["before"]), json.loads(row["after"])
        rows.append(
            {
                **row,
                "before_text": planting.describe(before) if before.get("status") == "complete" else "—",
                "after_text": planting.describe(after) if after.get("status") == "complete" else "—",
                "who": row["by_login"] or row["by_name"] or "",
            }
        )
    return rows


def record_page(planting_id: int):
    record = _record(planting_id)
    return render_template(
        "dashboard/record.html",
        r=record,
        refused=corrections.refusal(record),
        restorable=corrections.refusal(record, corrections.RESTORE) is None,
        again=corrections.reported_again(auth.bot().db, record) if record["status"] == "withdrawn" else None,
        history=_history(planting_id),
        review_labels=auth.labels(views.REVIEW_LABELS),
        flag_labels=auth.labels(views.FLAG_LABELS),
        action_labels=auth.bot().messages.section(corrections.LABEL_SECTIONS["action"]),
        channel_labels=auth.bot().messages.section(corrections.LABEL_SECTIONS["channel"]),
        reason_max=corrections.REASON_MAX,
    )


def correct_record(planting_id: int):
    record = _record(planting_id)
    action = request.form.get("action", "")
    if action not in corrections.ACTIONS:
        abort(400)
    back = redirect(url_for("dashboard.record_page", planting_id=planting_id))
    reason = corrections.clean_reason(request.form.get("reason"))
    if not reason or len(reason) > corrections.REASON_MAX:
        flash(auth.t("admin.records.needs_reason", n=corrections.REASON_MAX), "error")
        return back
    fields = None
    if action == corrections.RECOUNT:
        count = request.form.get("count", "").strip()
        if not count.isdigit() or not 1 <= int(count) <= 100000:
            flash(auth.t("admin.records.needs_count"), "error")
            return back
        fields = {"count": int(count)}
    bot = auth.bot()
    with transaction(bot.db):
        done = corrections.correct(
            bot,
            bot.db,
            planting_id,
            action,
            reason,
            auth.now(),
            channel=corrections.DASHBOARD,
            fields=fields,
            by_login=g.viewer.username,
            by_office=g.viewer.is_admin,
        )
    if done.refused:
        flash(auth.t(REFUSED[done.refused], id=record["id"], again=done.again), "error")
    else:
        flash(auth.t(DONE[action], id=record["id"], count=(fields or {}).get("count")), "ok")
    return back


PAGES = [
    DashboardPage("/records/<int:planting_id>", record_page, roles=ROLES),
    DashboardPage("/records/<int:planting_id>", correct_record, methods=("POST",), roles=ROLES),
]
