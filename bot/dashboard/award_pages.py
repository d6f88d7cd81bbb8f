"""Awards on the dashboard (admin only): a period's candidate lists (最美植绿人, 最美植绿集体, 技术顾问) with the figures
that put each row there, a button to mark a winner, the period's decisions (withdraw one, with a reason), the
workbook to download, and the notice before an award date. Everything goes through bot.awards."""

from __future__ import annotations

from flask import abort, flash, g, redirect, render_template, request, send_file, url_for

from bot import awards, identity, reports, schedule
from bot.dashboard import auth, views
from bot.db import transaction
from bot.registry import DashboardPage

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _default_period(app) -> str:
    """The month of the next award date (the last one once the year's are over)."""
    today = views.today_local()
    days = [schedule.milestone_date(app.config, name) for name in awards.AWARD_MILESTONES]
    day = next((d for d in sorted(days) if d >= today), max(days))
    return reports.month_key(day.year, day.month)


def _period(app) -> tuple[str, int, int]:
    period = (request.values.get("period") or "").strip() or _default_period(app)
    try:
        year, month = awards.period_of(period, int(app.config.get("campaign.year")))
    except ValueError:
        abort(400, auth.t("admin.awards.bad_period", year=app.config.get("campaign.year")))
    return period, year, month


def awards_page():
    app = auth.bot()
    period, year, month = _period(app)
    found = awards.cached_candidates(app, year, month)
    due = awards.upcoming(app, views.today_local())
    months = [reports.month_key(year, m) for m in range(1, 13)]
    return render_template(
        "dashboard/awards.html",
        period=period,
        found=found,
        lists=awards.shortlist(app, found),
        decisions=awards.decisions(app.db, period),
        months=months,
        due=due,
        due_words=schedule.date_words(due[1]) if due else "",
        days_left=(due[1] - views.today_local()).days if due else None,
        office=identity.proven_office(app.db),
        sites_personal=bool(app.config.get("awards.plot_sites_personal")),
        status_labels=auth.labels(reports.STATUS_LABELS),
    )


def award_mark():
    app = auth.bot()
    period, _year, _month = _period(app)
    category = request.form.get("category", "")
    subject = request.form.get("subject_id", "")
    if not subject.isdigit():
        abort(400)
    with transaction(app.db):
        award, problem = awards.mark_winner(
            app, app.db, period=period, category=category, subject_id=int(subject), by=g.viewer.username, now=auth.now()
        )
    if problem:
        flash(auth.t(problem), "error")
    else:
        assert award is not None  # no problem: marked
        flash(auth.t("admin.awards.marked", name=award["name"], title=award["title"]), "ok")
    return redirect(url_for("dashboard.awards_page", period=period))


def award_withdraw(award_id: int):
    app = auth.bot()
    reason = request.form.get("reason", "").strip()
    period = request.form.get("period", "")
    if not reason:
        flash(auth.t("admin.awards.reason_needed"), "error")
    else:
        with transaction(app.db):
            done = awards.withdraw(app, app.db, award_id, by=g.viewer.username, reason=reason, now=auth.now())
        flash(auth.t("admin.awards.withdrawn" if done else "admin.awards.not_standing"), "ok" if done else "error")
    return redirect(url_for("dashboard.awards_page", period=period or None))


def awards_file():
    app = auth.bot()
    period, year, month = _period(app)
    out = app.config.reports_dir / "awards" / f"awards-{period}.xlsx"
    awards.write_workbook(app, awards.cached_candidates(app, year, month), out)
    return send_file(out, as_attachment=True, download_name=out.name, mimetype=XLSX)


PAGES = [
    DashboardPage("/awards", awards_page, nav="admin.nav.awards", admin_only=True),
    DashboardPage("/awards/mark", award_mark, methods=("POST",), admin_only=True),
    DashboardPage("/awards/<int:award_id>/withdraw", award_withdraw, methods=("POST",), admin_only=True),
    DashboardPage("/awards.xlsx", awards_file, admin_only=True),
]
