"""Binding conflicts (admin only): a 登记 named a roster person already bound to another WeChat user.

The admin sees who claims whom and who holds the person now (WeChat users are shown as short hashed
tags, never openids or phone numbers) and decides: 转给新微信 or 保持不变 (bot.bindings.resolve).
"""
from __future__ import annotations

from flask import abort, flash, g, redirect, render_template, request, url_for

from bot import bindings
from bot.dashboard import auth
from bot.db import transaction
from bot.registry import DashboardPage
from bot.store import roster as roster_store
from bot.store import users as users_store

# result reason -> (message key, flash category)
RESULTS = {
    "transferred": ("admin.bindings.transferred", "ok"),
    "kept": ("admin.bindings.kept", "ok"),
    "closed": ("admin.bindings.closed", "error"),
}
RESOLUTION_LABELS = {"rebound": "admin.bindings.resolution_rebound", "kept": "admin.bindings.resolution_kept"}


def _wechat_user(db, openid: str | None) -> dict | None:
    """What the page shows of a WeChat user: a tag, still following or not, the last message."""
    if not openid:
        return None
    user = users_store.get(db, openid) or {}
    return {"tag": bindings.openid_tag(openid), "subscribed": bool(user.get("subscribed", 1)),
            "last_inbound_at": user.get("last_inbound_at")}


def bindings_page():
    db = auth.bot().db
    items = []
    for conflict in roster_store.open_binding_conflicts(db):
        bound_as = roster_store.person_by_openid(db, conflict["openid"])
        items.append({"c": conflict, "holder": _wechat_user(db, conflict["holder_openid"]),
                      "claimant": _wechat_user(db, conflict["openid"]),
                      "claimant_bound_as": bound_as if bound_as and bound_as["id"] != conflict["person_id"] else None,
                      "claimant_holds_it": conflict["holder_openid"] == conflict["openid"]})
    return render_template("dashboard/bindings.html", items=items,
                           resolved=roster_store.resolved_binding_conflicts(db),
                           resolution_labels=auth.labels(RESOLUTION_LABELS), tag=bindings.openid_tag)


def resolve_binding(conflict_id: int):
    action = request.form.get("action", "")
    if action not in bindings.ACTIONS:
        abort(400)
    ctx = auth.bot()
    with transaction(ctx.db):
        result = bindings.resolve(ctx, ctx.db, conflict_id, action, by=g.viewer.username, now=auth.now(),
                                  notify=bool(request.form.get("notify")))
    if result.reason == "unknown":
        abort(404)
    key, category = RESULTS[result.reason]
    flash(auth.t(key, id=conflict_id), category)
    return redirect(url_for("dashboard.bindings_page"))


PAGES = [
    DashboardPage("/bindings", bindings_page, nav="admin.nav.bindings", admin_only=True),
    DashboardPage("/bindings/<int:conflict_id>", resolve_binding, methods=("POST",), admin_only=True),
]
