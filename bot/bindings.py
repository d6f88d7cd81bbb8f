"""Resolving binding conflicts: a 登记 that named a roster person already bound to another WeChat user.

``bot.identity.bind`` never takes a person over: it records a row in ``binding_conflicts``. An admin
resolves it on the dashboard (/admin/bindings):

- ``transfer``: the claimant's openid now holds the person; the previous holder is unbound (the
  claimant's own earlier binding, e.g. a self-registered 群众, is released too, as a new 登记 would);
  the claimant is told through the outbox.
- ``keep``: nothing changes; the claimant may be told that the binding stays.

Both close the conflict once (who and when are kept on the row); a second decision changes nothing.
Call inside a transaction: the rebinding, the closing and the queued notice commit together.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

from bot import clock, outbox
from bot.store import roster as roster_store

ACTIONS = ("transfer", "keep")


@dataclass(frozen=True)
class Resolution:
    done: bool
    reason: str            # transferred | kept | unknown | closed
    conflict: dict | None = None


def openid_tag(openid: str | None) -> str:
    """A short, stable label for a WeChat user that does not reveal the openid: 'wx-3f9a1c'."""
    if not openid:
        return ""
    return "wx-" + hashlib.sha256(openid.encode("utf-8")).hexdigest()[:6]


def notice_key(conflict_id: int) -> str:
    return f"binding:{conflict_id}"


def resolve(app, db, conflict_id: int, action: str, *, by: str, now: datetime, notify: bool = True) -> Resolution:
    """Apply an admin's decision (``transfer`` or ``keep``) to an open conflict."""
    assert action in ACTIONS, action
    conflict = roster_store.binding_conflict(db, conflict_id)
    if conflict is None:
        return Resolution(False, "unknown")
    stamp = clock.to_db(now)
    resolution = "rebound" if action == "transfer" else "kept"
    if not roster_store.resolve_binding_conflict(db, conflict_id, resolution, by, stamp):
        return Resolution(False, "closed", conflict)
    person = roster_store.person(db, conflict["person_id"])
    claimant = conflict["openid"]
    if action == "transfer":
        if person["openid"] != claimant:
            roster_store.unbind_openid(db, claimant, stamp)                 # its earlier person, if any
            if person["openid"]:
                roster_store.unbind_openid(db, person["openid"], stamp)     # the previous holder
            roster_store.bind_openid(db, person["id"], claimant, stamp, via="approved")
        _notify(db, conflict, app.t("registration.binding_transferred", **_about(db, conflict, person)), now)
        return Resolution(True, "transferred", conflict)
    if notify:
        _notify(db, conflict, app.t("registration.binding_kept", **_about(db, conflict, person)), now)
    return Resolution(True, "kept", conflict)


def _about(db, conflict: dict, person: dict) -> dict:
    village = roster_store.village(db, person["village_id"]) or roster_store.village(db, conflict["village_id"])
    return {"name": person["name"], "village": village["name"] if village else "", "role": person["role"]}


def _notify(db, conflict: dict, text: str, now: datetime) -> None:
    """One notice per conflict, to the claimant (kind 'system': not turned off by 退订)."""
    outbox.enqueue(db, openid=conflict["openid"], kind="system", text=text, dedupe_key=notice_key(conflict["id"]),
                   now=now)
