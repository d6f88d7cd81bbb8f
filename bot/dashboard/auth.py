"""Who is looking at the dashboard: login, expiring sessions, roles, CSRF and login throttling.

- Passwords are checked against the werkzeug hash that ``create-admin`` stores.
- A session lasts ``dashboard.session_minutes`` after the last request (sliding), and ends at once
  when the login's password is reset (the session remembers a fingerprint of the hash).
- ``dashboard.login_max_failures`` failed logins for one name within ``dashboard.login_lock_minutes``
  lock that name for that long (an address gets four times as many tries, for offices behind one NAT).
- Every POST carries a Flask-WTF CSRF token (form field ``csrf_token`` or header ``X-CSRFToken``);
  a missing or wrong one is a 400.
- Roles: ``admin`` sees everything; ``adviser`` sees the villages linked to its roster person
  (adviser_villages) and the tickets assigned to that person, and no admin-only page.
"""
from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import urlsplit

from flask import abort, current_app, g, redirect, request, session, url_for
from flask_wtf.csrf import CSRFError, generate_csrf, validate_csrf
from werkzeug.security import check_password_hash
from wtforms.validators import ValidationError

from bot import clock
from bot.db import transaction
from bot.store import admins as admins_store
from bot.store import dashboard as store
from bot.store import roster as roster_store

PUBLIC_ENDPOINTS = {"dashboard.login", "dashboard.static"}
ADDRESS_FAILURE_FACTOR = 4


@dataclass(frozen=True)
class Viewer:
    """The logged-in dashboard user."""

    id: int
    username: str
    role: str                      # admin | adviser
    person_id: int | None
    village_ids: tuple[int, ...] | None   # None = every village (admin)

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    def sees_village(self, village_id: int | None) -> bool:
        return self.village_ids is None or village_id in self.village_ids

    @property
    def scope(self) -> list[int] | None:
        return None if self.village_ids is None else list(self.village_ids)


def bot():
    return current_app.extensions["bot"]


def now():
    return bot().clock()


def t(key: str, **values) -> str:
    """A dashboard text (messages/replies/admin.toml)."""
    return bot().t(key, **values)


def labels(keys) -> dict:
    """A literal table of message keys (value -> key) as the texts a page shows (value -> text)."""
    return bot().messages.labels(keys)


def setting(key: str) -> int:
    """A number of the [dashboard] config section."""
    return int(bot().config.section("dashboard")[key])


def _fingerprint(password_hash: str) -> str:
    return hashlib.sha256(password_hash.encode()).hexdigest()[:16]


def _viewer_for(row: dict) -> Viewer:
    if row["role"] == "admin":
        village_ids = None
    elif row["person_id"] is None:
        village_ids = ()
    else:
        village_ids = tuple(v["id"] for v in roster_store.villages_of_adviser(bot().db, row["person_id"]))
    return Viewer(row["id"], row["username"], row["role"], row["person_id"], village_ids)


def wants_json_or_media() -> bool:
    """Photo and JSON endpoints answer 401/403 instead of redirecting to the login page."""
    endpoint = request.endpoint or ""
    return endpoint.startswith("dashboard.photo") or endpoint.startswith("dashboard.api_") \
        or request.accept_mimetypes.best == "application/json"


# -- before every dashboard request ------------------------------------------------------------------
def guard():
    """Blueprint before_request: CSRF on every POST, then the login and its expiry."""
    if request.method == "POST":
        check_csrf()
    if request.endpoint in PUBLIC_ENDPOINTS:
        return None
    viewer = current_viewer()
    if viewer is None:
        if wants_json_or_media():
            abort(401)
        return redirect(url_for("dashboard.login", next=request.full_path.rstrip("?")))
    g.viewer = viewer
    return None


def check_csrf() -> None:
    token = request.form.get("csrf_token") or request.headers.get("X-CSRFToken")
    try:
        validate_csrf(token, time_limit=setting("session_minutes") * 60)
    except ValidationError as error:
        raise CSRFError(error.args[0] if error.args else "CSRF") from None


def current_viewer() -> Viewer | None:
    admin_id = session.get("admin_id")
    until = session.get("until")
    if admin_id is None or until is None:
        return None
    moment = now()
    if clock.to_db(moment) >= until:
        session.clear()
        return None
    row = store.admin(bot().db, admin_id)
    if row is None or session.get("pw") != _fingerprint(row["password_hash"]):
        session.clear()
        return None
    session["until"] = clock.to_db(moment + timedelta(minutes=setting("session_minutes")))
    return _viewer_for(row)


# -- login -----------------------------------------------------------------------------------------
class LoginLocked(Exception):
    pass


def attempt_login(username: str, password: str, remote_addr: str) -> Viewer | None:
    """Check a login; on success start the session. Raises LoginLocked after too many failures."""
    db = bot().db
    moment = now()
    lock = timedelta(minutes=setting("login_lock_minutes"))
    since = clock.to_db(moment - lock)
    limit = setting("login_max_failures")
    by_user, by_addr = store.login_failures_since(db, username, remote_addr, since)
    if by_user >= limit or by_addr >= limit * ADDRESS_FAILURE_FACTOR:
        raise LoginLocked()
    row = admins_store.by_username(db, username)
    if row is None or not check_password_hash(row["password_hash"], password):
        with transaction(db):
            store.record_login_failure(db, username, remote_addr, clock.to_db(moment))
        return None
    with transaction(db):
        store.clear_login_failures(db, username, since)
    session.clear()
    session["admin_id"] = row["id"]
    session["pw"] = _fingerprint(row["password_hash"])
    session["until"] = clock.to_db(moment + timedelta(minutes=setting("session_minutes")))
    return _viewer_for(row)


def safe_next(target: str | None) -> str:
    """Only a path inside the dashboard may follow a login (no open redirect)."""
    if target and target.startswith("/admin") and not urlsplit(target).netloc and "\\" not in target:
        return target
    return url_for("dashboard.overview")


# -- adviser logins and roster people ------------------------------------------------------------------
class UnknownPerson(LookupError):
    pass


def link_login_person(db, username: str, role: str, person_name: str | None) -> dict | None:
    """Link an adviser login to its roster 技术顾问: ``--person NAME``, else the one named like the login.

    Without ``--person`` and no such name, a login already linked keeps its link (a password reset).
    Returns the linked person (None: not linked; an unlinked adviser sees no village and no ticket).
    Raises UnknownPerson when ``person_name`` names no 技术顾问. An admin login is never linked."""
    if role != "adviser":
        admins_store.link_person(db, username, None)
        return None
    person = roster_store.adviser_by_name(db, person_name or username)
    if person is None:
        if person_name:
            raise UnknownPerson(person_name)
        current = admins_store.by_username(db, username)["person_id"]  # a reset keeps its link
        return roster_store.person(db, current) if current else None
    admins_store.link_person(db, username, person["id"])
    return person


# -- roles -----------------------------------------------------------------------------------------
def admin_only(view):
    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        if not g.viewer.is_admin:
            abort(403)
        return view(*args, **kwargs)

    return wrapper


def require_village(village_id: int | None) -> None:
    if not g.viewer.sees_village(village_id):
        abort(403)


def template_globals(nav_pages) -> dict:
    """What every dashboard template sees: the CSRF token, the viewer and the nav entries it may open."""
    viewer = g.get("viewer")
    nav = [{"endpoint": page.endpoint, "label": bot().t(page.nav)} for page in nav_pages
           if viewer is not None and (viewer.is_admin or not page.admin_only)]
    return {"csrf_token": generate_csrf, "viewer": viewer, "nav": nav}
