"""登记冲突 (/admin/bindings): the 登记 claims that wait for a person to decide (bot/bindings.py), and the staff
bindings that hold no proof yet.

An admin sees every open claim (a person bound to another WeChat user; a staff person named without a code;
a villager who failed the phone check; a villager bound by name alone, to confirm or release) and the staff
bindings (and 党员 self-registered before the roster named them) that have only 群众 powers until a code proves
them. A cadre login sees only the phone-check and name-only claims of its own village, and decides them.
WeChat users are shown as short hashed tags, never openids or phone numbers.
"""

from __future__ import annotations

from flask import abort, flash, g, redirect, render_template, request, url_for

from bot import bindings, identity
from bot.dashboard import auth
from bot.db import transaction
from bot.registry import ADMIN_AND_CADRE, DashboardPage
from bot.roster import STAFF_ROLES
from bot.store import roster as roster_store
from bot.store import users as users_store

# result reason -> (message key, flash category)
RESULTS = {
    "transferred": ("admin.bindings.transferred", "ok"),
    "kept": ("admin.bindings.kept", "ok"),
    "approved": ("admin.bindings.approved", "ok"),
    "rejected": ("admin.bindings.rejected", "ok"),
    "confirmed": ("admin.bindings.confirmed", "ok"),
    "released": ("admin.bindings.released", "ok"),
    "closed": ("admin.bindings.closed", "error"),
    "held": ("admin.bindings.held", "error"),
    "not_held": ("admin.bindings.not_held", "error"),
}
RESOLUTION_LABELS = {
    "rebound": "admin.bindings.resolution_rebound",
    "kept": "admin.bindings.resolution_kept",
    "approved": "admin.bindings.resolution_approved",
    "rejected": "admin.bindings.resolution_rejected",
    "code": "admin.bindings.resolution_code",
    "phone": "admin.bindings.resolution_phone",
    "confirmed": "admin.bindings.resolution_confirmed",
    "released": "admin.bindings.resolution_released",
    "unbound": "admin.bindings.resolution_unbound",
}
PROOF_LABELS = {
    "name": "admin.bindings.via_name",
    "self": "admin.bindings.via_self",
    "phone": "admin.bindings.via_phone",
    "approved": "admin.bindings.via_approved",
    "confirmed": "admin.bindings.via_confirmed",
}
KINDS_FOR_CADRES = ("phone", "name")


def _wechat_user(db, openid: str | None) -> dict | None:
    """What the page shows of a WeChat user: a tag, still following or not, the last message."""
    if not openid:
        return None
    user = users_store.get(db, openid) or {}
    return {
        "tag": bindings.openid_tag(openid),
        "subscribed": bool(user.get("subscribed", 1)),
        "last_inbound_at": user.get("last_inbound_at"),
    }


def _may_decide(conflict: dict) -> bool:
    """Admins decide every claim; a cadre only the phone-check and name-only claims of their village."""
    return g.viewer.is_admin or (conflict["kind"] in KINDS_FOR_CADRES and g.viewer.sees_village(conflict["village_id"]))


def bindings_page():
    db = auth.bot().db
    items = []
    for conflict in roster_store.open_binding_conflicts(db):
        if not _may_decide(conflict):
            continue
        bound_as = roster_store.person_by_openid(db, conflict["openid"])
        items.append(
            {
                "c": conflict,
                "holder": _wechat_user(db, conflict["holder_openid"]),
                "claimant": _wechat_user(db, conflict["openid"]),
                "actions": bindings.ACTIONS[conflict["kind"]],
                "claimant_bound_as": bound_as if bound_as and bound_as["id"] != conflict["person_id"] else None,
                "claimant_holds_it": conflict["holder_openid"] == conflict["openid"],
            }
        )
    resolved = [r for r in roster_store.resolved_binding_conflicts(db) if _may_decide(r)]
    unproven = []
    if g.viewer.is_admin:
        unproven = [
            dict(p, tag=bindings.openid_tag(p["openid"]))
            for p in roster_store.bound_people_with_roles(db, STAFF_ROLES)
            if not identity.is_proven(p)
        ]
    return render_template(
        "dashboard/bindings.html",
        items=items,
        resolved=resolved,
        unproven=unproven,
        resolution_labels=auth.labels(RESOLUTION_LABELS),
        proof_labels=auth.labels(PROOF_LABELS),
        tag=bindings.openid_tag,
    )


def resolve_binding(conflict_id: int):
    action = request.form.get("action", "")
    ctx = auth.bot()
    conflict = roster_store.binding_conflict(ctx.db, conflict_id)
    if conflict is None:
        abort(404)
    if not _may_decide(conflict):
        abort(403)
    if action not in bindings.ACTIONS[conflict["kind"]]:
        abort(400)
    with transaction(ctx.db):
        result = bindings.resolve(
            ctx,
            ctx.db,
            conflict_id,
            action,
            by=g.viewer.username,
            now=auth.now(),
            notify=bool(request.form.get("notify")),
        )
    key, category = RESULTS[result.reason]
    flash(auth.t(key, id=conflict_id), category)
    return redirect(url_for("dashboard.bindings_page"))


PAGES = [
    DashboardPage("/bindings", bindings_page, nav="admin.nav.bindings", roles=ADMIN_AND_CADRE),
    DashboardPage("/bindings/<int:conflict_id>", resolve_binding, methods=("POST",), roles=ADMIN_AND_CADRE),
]
