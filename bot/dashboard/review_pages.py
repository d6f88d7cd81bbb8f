"""The photo review queue (admin only): flagged planting records and those drawn for a spot check (抽查, still
counted), with their photo and, for a duplicate, the earlier photo side by side; approve or reject with a reason
(every decision kept with who and when).
Contributed to the dashboard by the planting capability (handlers/planting.py ``DASHBOARD``).
"""
from __future__ import annotations

import json

from flask import abort, flash, g, redirect, render_template, request, url_for

from bot import clock, planting
from bot.dashboard import auth, snapshot, views
from bot.db import transaction
from bot.registry import DashboardPage
from bot.store import dashboard as store


def earlier_photo(db, record: dict, details: dict) -> dict | None:
    """For a duplicate photo: the earlier record's photo (from the flag's ref, else the same sha256)."""
    ref = (details.get("duplicate_photo") or {}).get("ref")
    if isinstance(ref, str) and len(ref) == 64:
        return {"sha256": ref, "planting_id": None}
    if isinstance(ref, int) or (isinstance(ref, str) and ref.isdigit()):
        sha = store.record_photo(db, int(ref))
        if sha:
            return {"sha256": sha, "planting_id": int(ref)}
    if record["photo"]:
        earlier = store.earlier_record_with_photo(db, record["photo"], record["id"])
        if earlier:
            return {"sha256": record["photo"], "planting_id": earlier["planting_id"]}
    return None


def parse_details(text: str | None) -> dict:
    try:
        details = json.loads(text or "{}")
    except ValueError:
        return {}
    return details if isinstance(details, dict) else {}


DECIDED = {"approved": "admin.review.approved_notice", "rejected": "admin.review.rejected_notice"}


def review():
    db = auth.bot().db
    flag_labels = auth.labels(views.FLAG_LABELS)
    items = []
    for record in store.review_queue(db):
        details = parse_details(record["flag_details"])
        flags = [(f, flag_labels.get(f, f), (details.get(f) or {}).get("reason", "")) for f in record["flags"].split()]
        if record["review"] == planting.SPOT_CHECK:  # 抽查: counted until rejected
            flags.append((planting.SPOT_CHECK, flag_labels[planting.SPOT_CHECK],
                          (details.get(planting.SPOT_CHECK) or {}).get("reason", "")))
        earlier = earlier_photo(db, record, details) if "duplicate_photo" in record["flags"].split() else None
        items.append({"record": record, "flags": flags, "earlier": earlier})
    return render_template("dashboard/review.html", items=items, total=store.count_review_pending(db),
                           decisions=store.review_decisions(db, limit=20),
                           review_labels=auth.labels(views.REVIEW_LABELS))


def decide(planting_id: int):
    decision = {"approve": "approved", "reject": "rejected"}.get(request.form.get("decision", ""))
    reason = request.form.get("reason", "").strip()[:500]
    if decision is None:
        abort(400)
    if decision == "rejected" and not reason:
        flash(auth.t("admin.review.needs_reason", id=planting_id), "error")
        return redirect(url_for("dashboard.review"))
    db = auth.bot().db
    with transaction(db):
        done = planting.decide_review(auth.bot(), db, planting_id, decision, reason, g.viewer.username,
                                      clock.to_db(auth.now()))
    snapshot.invalidate(auth.bot())
    if done:
        flash(auth.t(DECIDED[decision], id=planting_id), "ok")
    else:
        flash(auth.t("admin.review.not_pending", id=planting_id), "error")
    return redirect(url_for("dashboard.review"))


PAGES = [
    DashboardPage("/review", review, nav="admin.nav.review", admin_only=True),
    DashboardPage("/review/<int:planting_id>", decide, methods=("POST",), admin_only=True),
]
