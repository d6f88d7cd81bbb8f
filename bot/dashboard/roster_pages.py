"""名册: roster upload, a file of any kind of ``app.imports`` (villages, people, care zones …; .xlsx / .csv)
through bot.roster.import_file, row-level errors shown; and the staff's one-time codes (bot/proofs.py), the
same as ``python run.py invite``.

All or nothing by default (nothing is written while any row has a problem), or only the clean rows
when the box is ticked: the same rule as ``python run.py import``. Each staff person is listed with their
binding (proven or not) and code; 生成登记码 makes a new one (the old one stops working) and shows it once.
The form keeps the file type last chosen (in the session), so a second people file is not read as villages.
"""

from __future__ import annotations

from typing import Any

from flask import abort, g, make_response, render_template, request, session

from bot import clock, identity, proofs, roster
from bot.dashboard import auth, snapshot
from bot.db import transaction
from bot.registry import DashboardPage
from bot.store import proofs as proofs_store
from bot.store import roster as roster_store


def roster_page():
    result: dict[str, Any] | None = None
    ctx = auth.bot()
    if request.method == "POST":
        request.max_content_length = auth.setting("upload_max_bytes")
        kind = request.form.get("kind", "")
        if kind in ctx.imports:
            session["roster_kind"] = kind  # the form offers the same kind next time
        upload = request.files.get("file")
        if kind not in ctx.imports or upload is None or not upload.filename:
            result = {"error": auth.t("admin.roster.no_file")}
        else:
            summary, problems = roster.import_file(
                ctx.db,
                ctx.imports[kind],
                upload.filename,
                upload.read(),
                clock.to_db(auth.now()),
                ctx.t,
                clean_rows_only=bool(request.form.get("clean_rows_only")),
            )
            snapshot.invalidate(ctx)
            result = {
                "kind": kind,
                "filename": upload.filename,
                "summary": summary,
                "problems": problems,
                "skipped_rows": len({p.row for p in problems}),
            }
    return _render(result=result)


def invite_person(person_id: int):
    """A new one-time code for a roster person, shown once on this page (never kept, never logged)."""
    ctx = auth.bot()
    person = roster_store.person(ctx.db, person_id)
    if person is None or person["source"] == "self":
        abort(404)
    with transaction(ctx.db):
        invite = proofs.create_invite(ctx, ctx.db, person, by=g.viewer.username, now=auth.now())
    response = make_response(
        _render(invite={"person": person, "code": invite.code, "expires_at": clock.to_db(invite.expires_at)})
    )
    response.headers["Cache-Control"] = "no-store"  # the code is shown once
    return response


def _render(result=None, invite=None):
    ctx = auth.bot()
    staff = proofs_store.people_with_codes(ctx.db, roster.STAFF_ROLES)
    now = clock.to_db(auth.now())
    for person in staff:
        person["proven"] = bool(person["bound"]) and identity.is_proven(person)
        person["code_live"] = (
            bool(person["code_expires_at"]) and not person["code_used_at"] and person["code_expires_at"] > now
        )
    kinds = {kind: auth.t(importer.label) for kind, importer in ctx.imports.items()}
    return render_template(
        "dashboard/roster.html",
        result=result,
        kinds=kinds,
        staff=staff,
        invite=invite,
        invite_days=ctx.config.get("registration.invite_days"),
        chosen=session.get("roster_kind", next(iter(kinds), "")),
    )


PAGES = [
    DashboardPage("/roster", roster_page, methods=("GET", "POST"), nav="admin.nav.roster", admin_only=True),
    DashboardPage("/roster/invites/<int:person_id>", invite_person, methods=("POST",), admin_only=True),
]
