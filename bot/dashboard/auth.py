"""Who is looking at the dashboard: login, expiring sessions, roles, CSRF and login throttling.

- Passwords are checked against the werkzeug hash that ``create-admin`` stores.
- Sessions are kept on the server (``admin_sessions``; the cookie holds a random token): a session
  lasts ``dashboard.session_minutes`` after its last request (sliding), ends at once on logout (a
  copied cookie stops working too) and when the login's password is reset (the session remembers a
  fingerprint of the hash). The cookie is ``Secure`` when ``server.public_url`` is https.
- Logins are throttled by a short delay that grows with each failure per (address, name): see
  bot/dashboard/throttle.py. An unknown name costs a password check like a known one.
- Dashboard pages may not be framed (``X-Frame-Options``, CSP ``frame-ancestors``) and may load
  nothing but the app's own stylesheet and images: no script at all (``CONTENT_SECURITY_POLICY``).
- Every POST carries a Flask-WTF CSRF token (form field ``csrf_token`` or header ``X-CSRFToken``);
  a missing or wrong one is a 400.
- Roles: ``admin`` sees everything; ``adviser`` sees the villages linked to its roster person
  (adviser_villages) and the tickets assigned to that person, and no admin-only page.
"""

from __future__ import annotations

import functools
import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import urlsplit

from flask import abort, current_app, g, redirect, request, session, url_for
from flask_wtf.csrf import CSRFError, generate_csrf, validate_csrf
from werkzeug.security import check_password_hash, generate_password_hash
from wtforms.validators import ValidationError

from bot import clock
from bot.dashboard import throttle
from bot.db import transaction
from bot.registry import ADMIN_LOGIN, ADVISER_LOGIN, CADRE_LOGIN
from bot.roster import ADVISER, CADRE_ROLES, match_village
from bot.store import admins as admins_store
from bot.store import dashboard as store
from bot.store import roster as roster_store

PUBLIC_ENDPOINTS = {"dashboard.login", "dashboard.static"}
SESSION_TOUCH_SECONDS = 60  # a session's last-seen time is written at most this often
# The pages use the app's own stylesheet, inline SVG, style attributes, photos and ticket voice; never a script.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
    " media-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)


@dataclass(frozen=True)
class Viewer:
    """The logged-in dashboard user."""

    id: int
    username: str
    role: str  # admin | adviser | cadre (bot.registry.LOGIN_ROLES)
    person_id: int | None
    village_ids: tuple[int, ...] | None  # None = every village (admin); a cadre: their village

    @property
    def is_admin(self) -> bool:
        return self.role == ADMIN_LOGIN

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
    village_ids: tuple[int, ...] | None
    if row["role"] == ADMIN_LOGIN:
        village_ids = None
    elif row["person_id"] is None:
        village_ids = ()
    elif row["role"] == CADRE_LOGIN:  # while the roster still names the person a cadre: a re-import may not
        person = roster_store.person(bot().db, row["person_id"])
        acting = person is not None and person["role"] in CADRE_ROLES and person["village_id"]
        village_ids = (person["village_id"],) if person is not None and acting else ()
    else:  # an adviser login, while the roster still names the person 技术顾问 (sim67: a re-import may not)
        person = roster_store.person(bot().db, row["person_id"])
        if person is None or person["role"] != ADVISER:
            return Viewer(row["id"], row["username"], row["role"], None, ())
        village_ids = tuple(v["id"] for v in roster_store.villages_of_adviser(bot().db, row["person_id"]))
    return Viewer(row["id"], row["username"], row["role"], row["person_id"], village_ids)


def wants_json_or_media() -> bool:
    """Photo endpoints (/photos, /voice, the capabilities' ``*_thumb``) and JSON requests answer 401/403 instead of
    redirecting to the login page."""
    endpoint = request.endpoint or ""
    return (
        endpoint.startswith("dashboard.photo")
        or endpoint.endswith("_thumb")
        or request.accept_mimetypes.best == "application/json"
    )


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


def _session_key(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def current_viewer() -> Viewer | None:
    admin_id, token = session.get("admin_id"), session.get("sid")
    if admin_id is None or not isinstance(token, str):
        return None
    db = bot().db
    moment = now()
    key = _session_key(token)
    live = admins_store.live_session(db, key, clock.to_db(moment - timedelta(minutes=setting("session_minutes"))))
    row = store.admin(db, admin_id) if live is not None and live["admin_id"] == admin_id else None
    if live is None or row is None or session.get("pw") != _fingerprint(row["password_hash"]):
        session.clear()
        return None
    if live["seen_at"] < clock.to_db(moment - timedelta(seconds=SESSION_TOUCH_SECONDS)):
        with transaction(db):
            admins_store.touch_session(db, key, clock.to_db(moment))
    return _viewer_for(row)


def end_session() -> None:
    """Logout: the session ends on the server, so a copy of its cookie stops working too."""
    token = session.get("sid")
    if isinstance(token, str):
        with transaction(bot().db):
            admins_store.end_session(bot().db, _session_key(token))
    session.clear()


def security_headers(response):
    """App after_request: dashboard pages (error pages included) may not be framed and load no script."""
    if request.path.startswith("/admin"):
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
    return response


# -- login -----------------------------------------------------------------------------------------
class LoginLocked(Exception):
    pass


@functools.cache
def _unknown_name_hash() -> str:
    """Checked against for a name that has no login, so that it costs what a known name costs."""
    return generate_password_hash(secrets.token_hex(16))


def attempt_login(username: str, password: str, remote_addr: str) -> Viewer | None:
    """Check a login; on success start the session. Raises LoginLocked while this address must wait."""
    app = bot()
    db = app.db
    moment = now()
    with transaction(db):  # count and record at once: parallel attempts see each other
        wait = throttle.reserve(db, username, remote_addr, moment, throttle.Rules.of(app.config))
    if wait > 0:
        raise LoginLocked()
    row = admins_store.by_username(db, username)
    password_ok = check_password_hash(row["password_hash"] if row else _unknown_name_hash(), password)
    if row is None or not password_ok:
        return None
    token = secrets.token_urlsafe(32)
    with transaction(db):
        throttle.forget(db, username, remote_addr)
        admins_store.end_sessions_unseen_since(db, clock.to_db(moment - timedelta(minutes=setting("session_minutes"))))
        admins_store.open_session(db, _session_key(token), row["id"], clock.to_db(moment))
    session.clear()
    session["admin_id"] = row["id"]
    session["pw"] = _fingerprint(row["password_hash"])
    session["sid"] = token
    return _viewer_for(row)


def safe_next(target: str | None) -> str:
    """Only a path inside the dashboard may follow a login (no open redirect)."""
    if target and target.startswith("/admin") and not urlsplit(target).netloc and "\\" not in target:
        return target
    return url_for("dashboard.overview")


# -- adviser and cadre logins and roster people ----------------------------------------------------------
# a cadre login acts as one of the roster's CADRE_ROLES, an adviser login as its ADVISER (bot/roster.py)


class UnknownPerson(LookupError):
    pass


class AmbiguousPerson(LookupError):
    """Several roster people fit: ``villages`` says where each is."""

    def __init__(self, villages: list[str]):
        super().__init__(villages)
        self.villages = villages


def link_login_person(db, username: str, role: str, person_name: str | None, village: str | None = None) -> dict | None:
    """Link an adviser login to its roster 技术顾问 (``--person NAME``, else the one named like the login), a
    cadre login to its roster 村书记 or 村干部 (``--person NAME``, required; ``village`` when the name is in
    several villages): the cadre login sees that person's village only.

    Without ``--person`` and no such name, a login already linked keeps its link (a password reset).
    Returns the linked person (None: not linked; an unlinked adviser sees no village and no ticket).
    Raises UnknownPerson when ``person_name`` names nobody who fits, AmbiguousPerson when several fit.
    An admin login is never linked."""
    if role == CADRE_LOGIN:
        cadre = _cadre(db, person_name or username, village)
        admins_store.link_person(db, username, cadre["id"])
        return cadre
    if role != ADVISER_LOGIN:
        admins_store.link_person(db, username, None)
        return None
    person = roster_store.person_of_role_named(db, ADVISER, person_name or username)
    if person is None:
        if person_name:
            raise UnknownPerson(person_name)
        login = admins_store.by_username(db, username)
        assert login is not None  # the login being linked
        current = login["person_id"]  # a reset keeps its link
        return roster_store.person(db, current) if current else None
    admins_store.link_person(db, username, person["id"])
    return person


def _cadre(db, name: str, village: str | None) -> dict:
    found = [p for p in roster_store.roster_people_named(db, name) if p["role"] in CADRE_ROLES]
    if village:
        wanted = {v["id"] for v in match_village(village, roster_store.all_villages(db))}
        found = [p for p in found if p["village_id"] in wanted]
    if not found:
        raise UnknownPerson(name)
    if len(found) > 1:
        raise AmbiguousPerson([(roster_store.village(db, p["village_id"]) or {"name": "—"})["name"] for p in found])
    return found[0]


# -- roles -----------------------------------------------------------------------------------------
def only_for(page):
    """The page's view, refused (403) to the logins ``page.allows`` does not name."""

    @functools.wraps(page.view)
    def wrapper(*args, **kwargs):
        if not page.allows(g.viewer.role):
            abort(403)
        return page.view(*args, **kwargs)

    return wrapper


def require_village(village_id: int | None) -> None:
    if not g.viewer.sees_village(village_id):
        abort(403)


def template_globals(nav_pages) -> dict:
    """What every dashboard template sees: the CSRF token, the viewer and the nav entries it may open."""
    viewer = g.get("viewer")
    nav = [
        {"endpoint": page.endpoint, "label": bot().t(page.nav)}
        for page in nav_pages
        if viewer is not None and page.allows(viewer.role)
    ]
    return {"csrf_token": generate_csrf, "viewer": viewer, "nav": nav}
