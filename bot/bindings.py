"""Deciding 登记 claims that wait (table ``binding_conflicts``, the dashboard's 登记冲突 page, /admin/bindings).

``bot.identity`` never binds on a doubtful claim: it records one of three kinds of claim, and a person decides
on the dashboard:

- ``taken``: the person is bound to another WeChat user. An admin: ``transfer`` (the claimant's openid now holds
  the person, ``bound_via = 'approved'``: a staff role still needs a code; the previous holder and the
  claimant's own earlier binding are released, as a new 登记 would) or ``keep``.
- ``needs_code``: a staff person named without a code; nothing was bound. An admin: ``reject`` (staff bind
  only with a code: ``invite``, or the 名册 page).
- ``phone``: a roster villager failed the phone check. The village's cadres (a ``cadre`` login) or an admin:
  ``approve`` (bound, ``bound_via = 'approved'``; refused while someone else holds the person) or ``reject``.
- ``name``: a roster villager (群众, 党员) with no phone on file was bound by name alone, at once (elderly villagers
  are not stopped; a 党员 has 群众 powers until then: ``identity.is_proven``). The village's cadres or an admin:
  ``confirm`` (``bound_via = 'confirmed'``) or ``release`` (unbound: the person is free for the real one's 登记;
  what the claimant recorded meanwhile keeps its openid and person, as every unbinding does; the same sender is
  not bound to that person by name again). Both refused once the claimant no longer holds the person; an
  unbinding settles the claim by itself (resolution ``unbound``, ``roster_store.unbind_openid``).

Each decision closes the claim once (who and when are kept on the row, and logged), and the claimant is
told through the outbox (``keep`` only when asked). Call inside a transaction: the rebinding, the closing
and the queued notice commit together.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from datetime import datetime

from bot import clock, identity, outbox
from bot.store import roster as roster_store

log = logging.getLogger(__name__)

# what may be decided on each kind of claim
ACTIONS = {
    "taken": ("transfer", "keep"),
    "needs_code": ("reject",),
    "phone": ("approve", "reject"),
    "name": ("confirm", "release"),
}
RESOLUTIONS = {  # on the row
    "transfer": "rebound",
    "keep": "kept",
    "approve": "approved",
    "reject": "rejected",
    "confirm": "confirmed",
    "release": "released",
}
REASONS = {
    "transfer": "transferred",
    "keep": "kept",
    "approve": "approved",
    "reject": "rejected",
    "confirm": "confirmed",
    "release": "released",
}
NOTICES = {
    "transfer": "registration.binding_transferred",
    "keep": "registration.binding_kept",
    "approve": "registration.claim_approved",
    "reject": "registration.claim_rejected",
    "confirm": "registration.name_confirmed",
    "release": "registration.name_released",
}
# decisions that need the claimant to hold the person still (a binding by name is confirmed or undone)
HOLDER_ONLY = ("confirm", "release")


@dataclass(frozen=True)
class Resolution:
    done: bool
    # transferred | kept | approved | rejected | confirmed | released | unknown | closed | not_allowed | held | not_held
    reason: str
    conflict: dict | None = None


def openid_tag(openid: str | None) -> str:
    """A short, stable label for a WeChat user that does not reveal the openid: 'wx-3f9a1c'."""
    if not openid:
        return ""
    return "wx-" + hashlib.sha256(openid.encode("utf-8")).hexdigest()[:6]


def notice_key(conflict_id: int) -> str:
    return f"binding:{conflict_id}"


def resolve(app, db, conflict_id: int, action: str, *, by: str, now: datetime, notify: bool = True) -> Resolution:
    """Apply a decision to an open claim. Who may decide which claims is the caller's (the dashboard page)."""
    conflict = roster_store.binding_conflict(db, conflict_id)
    if conflict is None:
        return Resolution(False, "unknown")
    if action not in ACTIONS[conflict["kind"]]:
        return Resolution(False, "not_allowed", conflict)
    person = roster_store.person(db, conflict["person_id"])
    assert person is not None  # a conflict is about a roster person
    claimant, stamp = conflict["openid"], clock.to_db(now)
    if action == "approve" and person["openid"] and person["openid"] != claimant:
        return Resolution(False, "held", conflict)  # bound by someone else meanwhile: that is an admin's matter
    if action in HOLDER_ONLY and conflict["status"] == "open" and person["openid"] != claimant:
        return Resolution(False, "not_held", conflict)  # the claimant no longer holds the person
    if not roster_store.resolve_binding_conflict(db, conflict_id, RESOLUTIONS[action], by, stamp):
        return Resolution(False, "closed", conflict)
    if action in ("transfer", "approve"):
        identity.bind_person(db, person, claimant, stamp, "approved")
    elif action == "confirm":
        roster_store.bind_openid(db, person["id"], claimant, stamp, via="confirmed")
    elif action == "release":
        roster_store.unbind_openid(db, claimant, stamp)
    log.info("binding claim %s (%s) %s by %s", conflict_id, conflict["kind"], RESOLUTIONS[action], by)
    if notify or action != "keep":
        _notify(db, conflict, app.t(NOTICES[action], **_about(db, conflict, person)), now)
    return Resolution(True, REASONS[action], conflict)


def _about(db, conflict: dict, person: dict) -> dict:
    village = roster_store.village(db, person["village_id"]) or roster_store.village(db, conflict["village_id"])
    return {"name": person["name"], "village": village["name"] if village else "", "role": person["role"]}


def _notify(db, conflict: dict, text: str, now: datetime) -> None:
    """One notice per conflict, to the claimant (kind 'system': not turned off by 退订)."""
    outbox.enqueue(
        db, openid=conflict["openid"], kind="system", text=text, dedupe_key=notice_key(conflict["id"]), now=now
    )
