"""The dashboard's own pages: login, overview, villages, village page, exports, photos (``PAGES``, ``EXPORT_PAGES``).

Figures come from bot.progress (the same numbers as the chat and the monthly report); lists come
from bot.store.dashboard. Views only pick, sort and hand over to templates.
"""
from __future__ import annotations

import io
from datetime import date, timedelta

from flask import abort, g, redirect, render_template, request, send_file, url_for
from flask_wtf.csrf import CSRFError
from markupsafe import Markup

from bot import clock, exports, photos, progress, schedule, standings
from bot.dashboard import auth, charts, snapshot
from bot.registry import LOGIN_ROLES, DashboardPage
from bot.store import dashboard as store
from bot.store import roster as roster_store

# value -> message key (messages/replies/admin.toml)
FLAG_LABELS = {"duplicate_photo": "admin.flags.duplicate_photo", "far_from_village": "admin.flags.far_from_village",
               "old_photo": "admin.flags.old_photo", "unknown_species": "admin.flags.unknown_species",
               "no_photo": "admin.flags.no_photo", "out_of_season": "admin.flags.out_of_season",
               "over_cap": "admin.flags.over_cap", "plot_tag": "admin.flags.plot_tag",
               "spot_check": "admin.flags.spot_check"}
STATUS_LABELS = {schedule.NOT_STARTED: "progress.status.not_started", schedule.COMPLETE: "progress.status.complete",
                 schedule.ON_TRACK: "progress.status.on_track", schedule.LAGGING: "progress.status.lagging",
                 schedule.LAGGING_TWICE: "progress.status.lagging_twice"}
LAGGING = (schedule.LAGGING, schedule.LAGGING_TWICE)
REVIEW_LABELS = {"none": "admin.review.none", "pending": "admin.review.pending", "approved": "admin.review.approved",
                 "rejected": "admin.review.rejected", "spot_check": "admin.review.spot_check"}
EXPORT_LABELS = "admin.exports"  # the table of every export table's label
DAILY_DAYS = 92   # a planting season (March to May)
OVERVIEW_WORST = 20


# -- errors and login ------------------------------------------------------------------------------
def local_time(value: str | None) -> str:
    if not value:
        return ""
    return clock.local(clock.from_db(value), auth.bot().tz).strftime("%m-%d %H:%M")


def num(value) -> str:
    return progress.number(value or 0)


def pct(value) -> str:
    return progress.percent(value)


def csrf_error(error):
    return render_template("dashboard/error.html", code=400, message=auth.t("admin.errors.csrf")), 400


def forbidden(_error):
    if auth.wants_json_or_media():
        return {"error": "forbidden"}, 403
    return render_template("dashboard/error.html", code=403, message=auth.t("admin.errors.forbidden")), 403


def unauthorized(_error):
    return {"error": "login required"}, 401


def not_found(_error):
    return render_template("dashboard/error.html", code=404, message=auth.t("admin.errors.not_found")), 404


def login():
    error, status = None, 200
    if request.method == "POST":
        username = request.form.get("username", "").strip()
        try:
            viewer = auth.attempt_login(username, request.form.get("password", ""), request.remote_addr or "")
        except auth.LoginLocked:
            viewer, error, status = None, auth.t("admin.errors.login_locked"), 429
        else:
            if viewer is None:
                error, status = auth.t("admin.errors.login_wrong"), 401
        if viewer is not None:
            return redirect(auth.safe_next(request.args.get("next")))
    return render_template("dashboard/login.html", error=error), status


def logout():
    auth.end_session()
    return redirect(url_for("dashboard.login"))


# -- overview --------------------------------------------------------------------------------------
def expected_now() -> float | None:
    """The share of the main target (亩, trees) due today: all of it from plots_due on (the charts' dashed
    line), nothing before (no line)."""
    due = schedule.milestone_date(auth.bot().config, schedule.DUE_AT[schedule.MAIN]) <= today_local()
    return 1.0 if due else None


def visible_villages(viewer: auth.Viewer) -> list[progress.VillageProgress]:
    everything = snapshot.county(auth.bot()).villages
    return [v for v in everything if viewer.sees_village(v.village_id)]


def standing_of(v: progress.VillageProgress) -> standings.Standing:
    """The village's standing today (status, rank, lag streak), from the county snapshot."""
    return snapshot.county(auth.bot()).standings[v.village_id]


def calendar_now() -> dict:
    """What the pages say about the schedule: what is due by today and the next milestone."""
    app, day = auth.bot(), today_local()
    return {"due": standings.due_words(app, day), "next": standings.next_milestone_words(app, day),
            "started": day >= schedule.campaign_start(app.config)}


def today_local() -> date:
    return clock.local(auth.now(), auth.bot().tz).date()


def filled_days(by_day: dict[str, float], today: date) -> list[tuple[str, float]]:
    """Every day from the first planting to the last (or today, when later), at most DAILY_DAYS, zeros
    included. The demo county lies in the campaign year, so the span follows the data, not the clock."""
    if not by_day:
        return [((today - timedelta(days=n)).isoformat(), 0) for n in range(29, -1, -1)]
    first, last = date.fromisoformat(min(by_day)), date.fromisoformat(max(by_day))
    end = max(last, today) if today >= first else last
    start = max(first, end - timedelta(days=DAILY_DAYS - 1))
    days = [(start + timedelta(days=n)).isoformat() for n in range((end - start).days + 1)]
    return [(day, by_day.get(day, 0)) for day in days]


def daily_chart(village_id: int | None = None, village_ids: list[int] | None = None):
    """The last DAILY_DAYS days of verified trees, every day present (zeros included)."""
    ctx = auth.bot()
    if village_id is not None:
        by_day = {p.day: p.trees for p in progress.daily_series(ctx.db, ctx.config, village_id=village_id)}
    elif village_ids is None:
        by_day = {p.day: p.trees for p in snapshot.county(ctx).daily}
    else:
        by_day = {}
        for vid in village_ids:
            for p in progress.daily_series(ctx.db, ctx.config, village_id=vid):
                by_day[p.day] = by_day.get(p.day, 0) + p.trees
    return charts.daily_columns(filled_days(by_day, today_local()))


def bar_for(v: progress.VillageProgress) -> charts.Bar:
    return charts.Bar(v.name, v.completion, f"{progress.number(v.done_value)}/{progress.number(v.target)}{v.unit}",
                      url_for("dashboard.village", village_id=v.village_id))


def overview():
    viewer = g.viewer
    ctx = auth.bot()
    villages = visible_villages(viewer)
    total = progress.overall_progress(villages)
    expected = expected_now()
    lagging = [v for v in villages if standing_of(v).status in LAGGING]
    worst = sorted(villages, key=lambda v: v.completion)[:OVERVIEW_WORST]
    town_bars = [charts.Bar(t.name, t.mean_completion, f"{t.villages_done}/{t.villages}村达标")
                 for t in progress.towns_progress(villages)] if viewer.is_admin else []
    return render_template(
        "dashboard/overview.html", total=total, lagging=len(lagging), expected=expected, calendar=calendar_now(),
        review_pending=store.count_review_pending(ctx.db) if viewer.is_admin else None,
        daily=daily_chart(village_ids=viewer.scope),
        village_chart=charts.completion_bars([bar_for(v) for v in worst], expected, "各村完成率"),
        town_chart=charts.completion_bars(town_bars, expected, "各镇街平均完成率") if town_bars else None,
        survival=charts.survival_bar(total.survival_alive, total.survival_checked),
        all_shown=len(worst) == len(villages),
    )


# -- villages --------------------------------------------------------------------------------------
SORT_KEYS = {
    "name": lambda v: v.name, "town": lambda v: (v.town or "", v.name),
    "completion": lambda v: v.completion, "pending": lambda v: v.pending_records,
    "households": lambda v: v.household_coverage or 0.0, "party": lambda v: v.party_participation or 0.0,
    "survival": lambda v: v.survival_rate if v.survival_rate is not None else -1.0,
    "rank": lambda v: standing_of(v).rank,
}


def villages():
    viewer = g.viewer
    everything = visible_villages(viewer)
    rows = list(everything)
    q, town, kind, status = (request.args.get(k, "").strip() for k in ("q", "town", "kind", "status"))
    if q:
        rows = [v for v in rows if q in v.name]
    if town:
        rows = [v for v in rows if (v.town or "") == town]
    if kind:
        rows = [v for v in rows if v.kind == kind]
    if status:
        rows = [v for v in rows if standing_of(v).status == status]
    sort = request.args.get("sort", "completion")
    descending = request.args.get("dir", "asc") == "desc"
    rows.sort(key=SORT_KEYS.get(sort, SORT_KEYS["completion"]), reverse=descending)
    towns = sorted({v.town for v in everything if v.town})
    return render_template(
        "dashboard/villages.html", rows=[(v, standing_of(v)) for v in rows], towns=towns,
        args={"q": q, "town": town, "kind": kind, "status": status}, sort=sort, descending=descending,
        status_labels=auth.labels(STATUS_LABELS), calendar=calendar_now())


def village(village_id: int):
    auth.require_village(village_id)
    ctx = auth.bot()
    row = roster_store.village(ctx.db, village_id)
    standing = standings.of_village(ctx, village_id, auth.now()) if row else None
    if row is None or standing is None:
        abort(404)
    figures = standing.village
    expected = expected_now()
    return render_template(
        "dashboard/village.html", village=row, v=figures, s=standing, short=standings.short_words(ctx, standing),
        status_labels=auth.labels(STATUS_LABELS), expected=expected, calendar=calendar_now(),
        completion=charts.completion_bars([bar_for(figures)], expected, "完成率"),
        daily=daily_chart(village_id=village_id),
        survival=charts.survival_bar(figures.survival_alive, figures.survival_checked),
        plot=charts.location_plot(row["lat"], row["lng"], row["radius_m"], store.village_locations(ctx.db, village_id)),
        photos=store.village_photos(ctx.db, village_id), records=store.village_records(ctx.db, village_id),
        flag_labels=auth.labels(FLAG_LABELS), review_labels=auth.labels(REVIEW_LABELS),
        sections=[Markup(render(village_id)) for render in ctx.village_sections],
    )


# -- exports ---------------------------------------------------------------------------------------
def exports_page():
    app = auth.bot()
    return render_template("dashboard/exports.html", tables=sorted(app.exports),
                           labels=app.messages.section(EXPORT_LABELS))


def export_table(table: str):
    try:
        header, data = exports.rows(auth.bot(), table)
    except exports.ExportUnavailable:
        abort(404)
    buffer = io.BytesIO()
    exports.write_xlsx(header, data, buffer, table)
    buffer.seek(0)
    stamp = today_local().isoformat()
    return send_file(buffer, as_attachment=True, download_name=f"{table}-{stamp}.xlsx",
                     mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


# -- photos ----------------------------------------------------------------------------------------
def _allowed_photo(sha256: str) -> bool:
    viewer = g.viewer
    if viewer.is_admin:
        return True
    db = auth.bot().db
    if any(viewer.sees_village(vid) for vid in store.photo_village_ids(db, sha256) if vid is not None):
        return True
    return viewer.person_id is not None and store.photo_in_tickets_of(db, sha256, viewer.person_id)


def _photo_file(sha256: str, thumb: bool):
    photos_dir = auth.bot().config.photos_dir
    try:
        original = photos.find_photo(photos_dir, sha256)
    except ValueError:  # not a sha256: nothing outside the photo folder is ever looked at
        abort(404)
    if not _allowed_photo(sha256):
        abort(403)
    if original is None:
        abort(404)
    if not thumb:
        return original
    return photos.thumbnail_of(photos_dir, sha256) or abort(404)


def photo(sha256: str):
    return send_photo(_photo_file(sha256, thumb=False))


def photo_thumb(sha256: str):
    return send_photo(_photo_file(sha256, thumb=True))


def send_photo(path):
    """A photo file for a logged-in viewer (cached by the browser only)."""
    response = send_file(path, conditional=True, max_age=86400)
    response.headers["Cache-Control"] = "private, max-age=86400"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


def village_thumbnail(village_id: int | None, sha256: str):
    """The thumbnail of a stored photo of ``village_id`` (a capability's photo: a tending, a visit) for viewers who
    see that village: 404 without such a photo or village, 403 for another village's."""
    if village_id is None:
        abort(404)
    if not g.viewer.sees_village(village_id):
        abort(403)
    try:
        path = photos.thumbnail_of(auth.bot().config.photos_dir, sha256)
    except ValueError:
        abort(404)
    return send_photo(path) if path else abort(404)


# -- the blueprint's own pages, handlers and filters ----------------------------------------------------
PAGES = [
    DashboardPage("/login", login, methods=("GET", "POST"), roles=LOGIN_ROLES),
    DashboardPage("/logout", logout, methods=("POST",), roles=LOGIN_ROLES),
    DashboardPage("/", overview, nav="admin.nav.overview", roles=LOGIN_ROLES),
    DashboardPage("/villages", villages, nav="admin.nav.villages", roles=LOGIN_ROLES),
    DashboardPage("/villages/<int:village_id>", village, roles=LOGIN_ROLES),
    DashboardPage("/photos/<sha256>", photo, roles=LOGIN_ROLES),
    DashboardPage("/photos/<sha256>/thumb", photo_thumb, roles=LOGIN_ROLES),
]
# after the capabilities' pages: 导出 is the last nav entry
EXPORT_PAGES = [
    DashboardPage("/exports", exports_page, nav="admin.nav.exports", admin_only=True),
    DashboardPage("/exports/<table>.xlsx", export_table, admin_only=True),
]


def install(bp) -> None:
    """The error pages and template filters of the dashboard blueprint."""
    bp.register_error_handler(CSRFError, csrf_error)
    bp.register_error_handler(403, forbidden)
    bp.register_error_handler(401, unauthorized)
    bp.register_error_handler(404, not_found)
    bp.add_app_template_filter(local_time, "local_time")
    bp.add_app_template_filter(num, "num")
    bp.add_app_template_filter(pct, "pct")
