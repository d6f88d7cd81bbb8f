"""The web dashboard at /admin: overview, villages, and the pages the capabilities contribute (review,
tickets, broadcasts, roster, binding conflicts), exports.

``blueprint(pages)`` builds one app's /admin blueprint from the dashboard's own pages (``views``) and
the capabilities' (``app.dashboard_pages``: their manifests' ``DASHBOARD``, bot/registry.py
``DashboardPage``); every page with a ``nav`` label is a nav entry, in that order, 导出 last.
Everything the pages need (templates, CSS, SVG charts) is served by the app itself: no CDN.
Access rules live in ``auth`` (login, expiry, CSRF, throttling, roles); each page module only
asks ``auth`` who is looking. See docs/dashboard.md.
"""

from __future__ import annotations

from flask import Blueprint

from bot.dashboard import auth, views
from bot.registry import LOGIN_ROLES


def blueprint(pages) -> Blueprint:
    bp = Blueprint(
        "dashboard",
        __name__,
        url_prefix="/admin",
        template_folder="templates",
        static_folder="static",
        static_url_path="/static",
    )
    every = [*views.PAGES, *pages, *views.EXPORT_PAGES]
    nav = [page for page in every if page.nav]
    bp.before_request(auth.guard)
    bp.context_processor(lambda: auth.template_globals(nav))

    def add_security_headers(state) -> None:  # 404s under /admin too
        state.app.after_request(auth.security_headers)

    bp.record_once(add_security_headers)
    views.install(bp)
    for page in every:
        view = page.view if all(page.allows(role) for role in LOGIN_ROLES) else auth.only_for(page)
        bp.add_url_rule(page.rule, endpoint=page.view.__name__, view_func=view, methods=list(page.methods))
    return bp
