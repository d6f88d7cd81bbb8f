"""The web dashboard at /admin: overview, villages, review, tickets, broadcasts, roster, binding conflicts, exports.

Everything the pages need (templates, CSS, SVG charts) is served by the app itself: no CDN.
Access rules live in ``auth`` (login, expiry, CSRF, throttling, roles); each page module only
asks ``auth`` who is looking. See docs/dashboard.md.
"""
from __future__ import annotations

from flask import Blueprint

bp = Blueprint("dashboard", __name__, url_prefix="/admin", template_folder="templates",
               static_folder="static", static_url_path="/static")

from bot.dashboard import auth  # noqa: E402

bp.before_request(auth.guard)
bp.context_processor(auth.template_globals)
bp.record_once(lambda state: state.app.after_request(auth.security_headers))  # 404s under /admin too

from bot.dashboard import binding_pages, broadcast_pages, roster_pages, ticket_pages, views  # noqa: E402,F401  (routes register on import)
