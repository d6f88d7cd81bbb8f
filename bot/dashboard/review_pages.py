"""The photo review queue (admin only): flagged planting records and those drawn for a spot check (抽查, still
counted), with their photo and, for a duplicate, the earlier photo side by side, for 离村太远 the distance and a
small map of the point and the village circle; approve or reject with a reason (every decision kept with who
and when). Paged; filtered by state (both, 待审核 = ``review`` pending, 抽查 = spot_check), flag, village and
date; sorted oldest or newest first or by village.
Contributed to the dashboard by the planting capability (handlers/planting.py ``DASHBOARD``).
"""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from flask import abort, flash, g, redirect, render_template, request, url_for

from bot import clock, planting, reminders
from bot.dashboard import auth, charts, snapshot, views
from bot.db import transaction
from bot.photos import haversine_m
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
PAGE_SIZE = 20
# the state filter -> the review states it shows (spot_check: a counted record drawn for a spot check)
STATES = {"": ("pending", "spot_check"), "pending": ("pending",), "spot_check": ("spot_check",)}
STATE_LABELS = {
    "": "admin.review.state_waiting",
    "pending": "admin.review.pending",
    "spot_check": "admin.review.spot_check",
}
ORDER_LABELS = {
    "oldest": "admin.review.sort_oldest",
    "newest": "admin.review.sort_newest",
    "village": "admin.review.sort_village",
}
FILTERS = ("state", "flag", "village", "since", "until", "sort")
# the flags a record can carry (抽查 is a state, filtered by ``state``)
FILTER_FLAGS = {flag: key for flag, key in views.FLAG_LABELS.items() if flag != planting.SPOT_CHECK}


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _filters() -> dict:
    """The queue's filters from the query string; anything unknown is ignored (never a 500)."""
    args = {key: request.args.get(key, "").strip() for key in FILTERS}
    args["state"] = args["state"] if args["state"] in STATES else ""
    args["flag"] = args["flag"] if args["flag"] in FILTER_FLAGS else ""
    args["village"] = args["village"] if args["village"].isdigit() else ""
    args["since"] = args["since"] if _day(args["since"]) else ""
    args["until"] = args["until"] if _day(args["until"]) else ""
    args["sort"] = args["sort"] if args["sort"] in store.REVIEW_ORDERS else "oldest"
    return args


def _local_midnight(day: date) -> str:
    return clock.to_db(datetime.combine(day, time(0), tzinfo=ZoneInfo(auth.bot().tz)))


def _query(args: dict) -> dict:
    """The store's filter arguments: dates are whole local days (``until`` included)."""
    since, until = _day(args["since"]), _day(args["until"])
    return {
        "states": STATES[args["state"]],
        "flag": args["flag"] or None,
        "village_id": int(args["village"]) if args["village"] else None,
        "since": _local_midnight(since) if since else None,
        "until": _local_midnight(until + timedelta(days=1)) if until else None,
    }


def far_from_village(record: dict) -> dict | None:
    """For a record with a location and a village centre: its distance and the small map."""
    if None in (record["lat"], record["lng"], record["village_lat"], record["village_lng"]):
        return None
    distance = haversine_m(record["lat"], record["lng"], record["village_lat"], record["village_lng"])
    return {
        "distance_m": distance,
        "radius_m": record["village_radius_m"],
        "map": charts.distance_map(
            record["village_lat"],
            record["village_lng"],
            record["village_radius_m"],
            record["lat"],
            record["lng"],
            distance,
        ),
    }


def review():
    db = auth.bot().db
    args = _filters()
    query = _query(args)
    listing = views.paged(
        "page",
        PAGE_SIZE,
        store.count_review_queue(db, **query),
        lambda limit, offset: store.review_queue(db, **query, order=args["sort"], limit=limit, offset=offset),
    )
    flag_labels = auth.labels(views.FLAG_LABELS)
    items = []
    for record in listing.rows:
        details = parse_details(record["flag_details"])
        flags = [(f, flag_labels.get(f, f), (details.get(f) or {}).get("reason", "")) for f in record["flags"].split()]
        if record["review"] == planting.SPOT_CHECK:  # 抽查: counted until rejected
            flags.append(
                (
                    planting.SPOT_CHECK,
                    flag_labels[planting.SPOT_CHECK],
                    (details.get(planting.SPOT_CHECK) or {}).get("reason", ""),
                )
            )
        earlier = earlier_photo(db, record, details) if "duplicate_photo" in record["flags"].split() else None
        far = far_from_village(record) if "far_from_village" in record["flags"].split() else None
        items.append({"record": record, "flags": flags, "earlier": earlier, "far": far})
    kept = {key: value for key, value in args.items() if value and not (key == "sort" and value == "oldest")}
    return render_template(
        "dashboard/review.html",
        items=items,
        listing=listing,
        args=args,
        kept=kept,
        waiting=store.count_review_queue(db, states=STATES[""]),
        villages=store.review_villages(db, STATES[""]),
        state_labels=auth.labels(STATE_LABELS),
        filter_flags=auth.labels(FILTER_FLAGS),
        order_labels=auth.labels(ORDER_LABELS),
        decisions=store.review_decisions(db, limit=20),
        review_labels=auth.labels(views.REVIEW_LABELS),
    )


def decide(planting_id: int):
    decision = {"approve": "approved", "reject": "rejected"}.get(request.form.get("decision", ""))
    reason = request.form.get("reason", "").strip()[:500]
    if decision is None:
        abort(400)
    kept: dict[str, Any] = {k: v for k, v in request.args.items() if k in (*FILTERS, "page")}
    back = url_for("dashboard.review", **kept)
    if decision == "rejected" and not reason:
        flash(auth.t("admin.review.needs_reason", id=planting_id), "error")
        return redirect(back)
    bot, db = auth.bot(), auth.bot().db
    with transaction(db):
        done = planting.decide_review(
            bot, db, planting_id, decision, reason, g.viewer.username, clock.to_db(auth.now())
        )
        notice = planting.review_notice(bot, done, decision, reason) if done else None
        if done and notice:  # round 54: the sender learns the decision (after quiet hours), once per decision
            reminders.queue_notice(
                db,
                bot.config,
                openid=done["openid"],
                text=notice,
                key=f"review:{planting_id}:{decision}",
                now=auth.now(),
            )
    snapshot.invalidate(auth.bot())
    if done:
        flash(auth.t(DECIDED[decision], id=planting_id), "ok")
    else:
        flash(auth.t("admin.review.not_pending", id=planting_id), "error")
    return redirect(back)


PAGES = [
    DashboardPage("/review", review, nav="admin.nav.review", admin_only=True),
    DashboardPage("/review/<int:planting_id>", decide, methods=("POST",), admin_only=True),
]
