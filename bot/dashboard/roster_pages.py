"""Roster upload: a file of any kind of ``app.imports`` (villages, people, care zones …; .xlsx / .csv) through
bot.roster.import_file, row-level errors shown.

All or nothing by default (nothing is written while any row has a problem), or only the clean rows
when the box is ticked: the same rule as ``python run.py import``.
"""
from __future__ import annotations

from flask import render_template, request

from bot import clock, roster
from bot.dashboard import auth, snapshot
from bot.registry import DashboardPage

def roster_page():
    result = None
    ctx = auth.bot()
    if request.method == "POST":
        request.max_content_length = auth.setting("upload_max_bytes")
        kind = request.form.get("kind", "")
        upload = request.files.get("file")
        if kind not in ctx.imports or upload is None or not upload.filename:
            result = {"error": auth.t("admin.roster.no_file")}
        else:
            summary, problems = roster.import_file(ctx.db, ctx.imports[kind], upload.filename, upload.read(),
                                                   clock.to_db(auth.now()), ctx.t,
                                                   clean_rows_only=bool(request.form.get("clean_rows_only")))
            snapshot.invalidate(ctx)
            result = {"kind": kind, "filename": upload.filename, "summary": summary, "problems": problems,
                      "skipped_rows": len({p.row for p in problems})}
    kinds = {kind: auth.t(importer.label) for kind, importer in ctx.imports.items()}
    return render_template("dashboard/roster.html", result=result, kinds=kinds)


PAGES = [DashboardPage("/roster", roster_page, methods=("GET", "POST"), nav="admin.nav.roster", admin_only=True)]
