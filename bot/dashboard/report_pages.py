"""The monthly 通报 (admin only): the months the ``monthly_report`` job kept, with their counts, and any month's
workbook to download (the kept file, or one made now for a month without). Contributed by the progress
capability (handlers/progress.py ``DASHBOARD``)."""

from __future__ import annotations

from flask import abort, redirect, render_template, request, send_file, url_for

from bot import reports, schedule
from bot.dashboard import auth, views
from bot.registry import DashboardPage

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# how far a village's line went, by its outbox status (bot/reports.py kept_reports)
LINE_LABELS = {
    "queued": "admin.reports.line_queued",
    "sending": "admin.reports.line_sending",
    "held": "admin.reports.line_held",
    "failed": "admin.reports.line_failed",
    "cancelled": "admin.reports.line_cancelled",
    "no_credentials": "admin.reports.line_no_credentials",
}


def reports_page():
    app = auth.bot()
    asked = request.args.get("month", "").strip()
    if asked:
        try:
            reports.parse_month(asked)
        except ValueError:
            return _page(app, auth.t("admin.reports.bad_month")), 400
        return redirect(url_for("dashboard.report_file", month=asked))
    return _page(app, None)


def _page(app, error: str | None):
    kept = reports.kept_reports(app)
    months = _months(app)
    return render_template(
        "dashboard/reports.html",
        kept=kept,
        months=months,
        chosen=_chosen(months, [r["month"] for r in kept]),
        error=error,
        config_day=app.config.get("reports.monthly_day"),
        line_labels=LINE_LABELS,
        next_due=_next_due(app),
    )


def _next_due(app) -> str | None:
    """sim66: when the next 通报 is made and sent (the page said only 每月1日), at the dashboard's now (the demo's last
    day when its data runs past the clock, as the kept months do)."""
    coming = reports.next_release(app.config, views.as_of())
    if coming is None:
        return None
    return auth.t("admin.reports.next_due", month=coming[1], when=reports.when_words(app, coming[2]))


def _months(app) -> list[str]:
    """The campaign's months up to this one, newest first (the form's choices)."""
    today = views.today_local()
    months = schedule.campaign_months(app.config, today.year, today.month) or schedule.campaign_months(
        app.config, int(app.config.get("campaign.year")), 12
    )
    return [reports.month_key(y, m) for y, m in reversed(months)]


def _chosen(months: list[str], kept: list[str]) -> str | None:
    """The month the form shows first (sim65: it showed the month under way, which has no 通报 yet): the newest
    kept 通报's, else the last month that is over, else the campaign's first."""
    today = views.today_local()
    last_over = (
        reports.month_key(today.year - 1, 12) if today.month == 1 else reports.month_key(today.year, today.month - 1)
    )
    for month in [*kept, last_over]:
        if month in months:
            return month
    return months[-1] if months else None


def report_file(month: str):
    try:
        year, number = reports.parse_month(month)
    except ValueError:
        abort(404)
    path = reports.workbook_of(auth.bot(), year, number)
    return send_file(path, as_attachment=True, download_name=reports.file_name(year, number), mimetype=XLSX)


PAGES = [
    DashboardPage("/reports", reports_page, nav="admin.nav.reports", admin_only=True),
    DashboardPage("/reports/<month>.xlsx", report_file, admin_only=True),
]
