"""Roster upload: a villages or people file (.xlsx / .csv) through bot.roster, row-level errors shown.

All or nothing by default (nothing is written while any row has a problem), or only the clean rows
when the box is ticked: the same rule as ``python run.py import``. The form keeps the file type last
chosen (in the session), so a second people file is not read as villages.
"""
from __future__ import annotations

from flask import render_template, request, session

from bot import clock, roster
from bot.dashboard import auth, snapshot
from bot.registry import DashboardPage

KIND_LABELS = {"villages": "admin.roster.kind_villages", "people": "admin.roster.kind_people"}


def roster_page():
    result = None
    if request.method == "POST":
        request.max_content_length = auth.setting("upload_max_bytes")
        kind = request.form.get("kind", "")
        if kind in roster.KINDS:
            session["roster_kind"] = kind  # the form offers the same kind next time
        upload = request.files.get("file")
        if kind not in roster.KINDS or upload is None or not upload.filename:
            result = {"error": auth.t("admin.roster.no_file")}
        else:
            ctx = auth.bot()
            summary, problems = roster.import_file(ctx.db, kind, upload.filename, upload.read(),
                                                   clock.to_db(auth.now()),
                                                   clean_rows_only=bool(request.form.get("clean_rows_only")))
            snapshot.invalidate(ctx)
            result = {"kind": kind, "filename": upload.filename, "summary": summary, "problems": problems,
                      "skipped_rows": len({p.row for p in problems})}
    return render_template("dashboard/roster.html", result=result, kinds=auth.labels(KIND_LABELS),
                           chosen=session.get("roster_kind", roster.KINDS[0]))


PAGES = [DashboardPage("/roster", roster_page, methods=("GET", "POST"), nav="admin.nav.roster", admin_only=True)]
