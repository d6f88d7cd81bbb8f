"""The dashboard's own pages: login, overview, villages, village page, exports, photos and voice (``PAGES``,
``EXPORT_PAGES``), and what every template gets (``install``): the ``ago``, ``local_time`` and ``species`` (a stored
species as villagers read it: 桃 -> 桃子) filters, ``t`` (the dashboard's words), ``page_url`` (pager links),
``as_of_note`` and ``viewer_label``.

Figures come from bot.progress (the same numbers as the chat and the monthly report); lists come
from bot.store.dashboard. Views only pick, sort and hand over to templates. Times count from ``as_of``:
now, or the data's last day when the data runs past the clock (the demo).
"""

from __future__ import annotations

import io
import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from flask import abort, g, redirect, render_template, request, send_file, url_for
from flask_wtf.csrf import CSRFError
from markupsafe import Markup

from bot import clock, escalation, exports, photos, planting, progress, schedule, standings, voice
from bot.dashboard import auth, charts, snapshot
from bot.registry import LOGIN_ROLES, DashboardPage
from bot.store import dashboard as store
from bot.store import roster as roster_store

# value -> message key (messages/replies/admin.toml)
FLAG_LABELS = {
    "duplicate_photo": "admin.flags.duplicate_photo",
    "far_from_village": "admin.flags.far_from_village",
    "old_photo": "admin.flags.old_photo",
    "unknown_species": "admin.flags.unknown_species",
    "no_photo": "admin.flags.no_photo",
    "out_of_season": "admin.flags.out_of_season",
    "over_cap": "admin.flags.over_cap",
    "plot_tag": "admin.flags.plot_tag",
    "spot_check": "admin.flags.spot_check",
}
STATUS_LABELS = standings.STATUS_WORDS  # tidy79: the statuses' words are one table (the 通报's too)
LAGGING = (schedule.LAGGING, schedule.LAGGING_TWICE)
REVIEW_LABELS = {
    "none": "admin.review.none",
    "pending": "admin.review.pending",
    "approved": "admin.review.approved",
    "rejected": "admin.review.rejected",
    "spot_check": "admin.review.spot_check",
}
EXPORT_LABELS = "admin.exports"  # the table of every export table's label
OVERVIEW_WORST = 20
PHOTOS_PER_PAGE = 24
RECORDS_PER_PAGE = 20


# -- time and numbers ------------------------------------------------------------------------------
def as_of() -> datetime:
    """The dashboard's now: the clock, or the newest record's time when the data runs past the clock (the demo
    county lies in the campaign year, whatever today is). Ages and this month's expected share use it."""
    if "as_of" not in g:
        g.as_of = snapshot.data_now(auth.bot())
    return g.as_of


def local_time(value: str | None) -> str:
    """A stored UTC time as a local date and time, with its year (2027-03-05 10:00)."""
    if not value:
        return ""
    return clock.local(clock.from_db(value), auth.bot().tz).strftime(clock.MINUTE_FORMAT)


def ago(value: str | None) -> Markup:
    """A past moment as 刚刚 / 5分钟前 / 3小时前 / 2天前 / 2027-03-05 (bot.clock.ago, from ``as_of``), in a
    <time> element carrying the sortable ISO time (``datetime``, ``data-sort``) and the full local time."""
    if not value:
        return Markup("")
    app = auth.bot()
    moment = clock.from_db(value)
    return Markup('<time datetime="{}Z" data-sort="{}" title="{}">{}</time>').format(
        clock.to_db(moment), clock.to_db(moment), local_time(value), clock.ago(app.t, moment, as_of(), app.tz)
    )


def page_globals() -> dict:
    """What every page shows: ``as_of_note`` (数据截至 <day> when the data runs past the clock: the pages then
    count from that day, records after today included, and the note says so beside today's date: sim65's clerk
    on BOT_NOW 03-20 read a bare 数据截至 2027-05-31 with May's totals as if May were over) and ``viewer_label``,
    the login as answers are signed: 王工（县林业站）."""
    viewer = g.get("viewer")
    if viewer is None:
        return {"as_of_note": None, "viewer_label": None}
    app = auth.bot()
    person = roster_store.person(app.db, viewer.person_id) if viewer.person_id else None
    title, name = escalation.signer(app, app.db, by_person=person, by_admin=None if person else viewer.username)
    label = f"{name}（{title}）"
    if as_of() <= auth.now():
        return {"as_of_note": None, "viewer_label": label}
    data, now = clock.local(as_of(), app.tz), clock.local(auth.now(), app.tz)
    shown = clock.MINUTE_FORMAT if data.date() == now.date() else clock.DATE_FORMAT  # a clock moved back an hour
    note = auth.t("admin.as_of", date=data.strftime(shown), today=now.strftime(shown))
    return {"as_of_note": note, "viewer_label": label}


def species_name(value: str | None) -> str:
    """A stored species as villagers read it (桃 -> 桃子: ``planting.display_name``); '' for none."""
    return planting.display_name(auth.bot(), value)


def num(value) -> str:
    return progress.number(value or 0)


def pct(value) -> str:
    return progress.percent(value)


# -- errors and login ------------------------------------------------------------------------------
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


# the most finished months the note beside 连续两月滞后 names one by one; more are said from the first on
STREAK_NAMED = 3


def streak_note(app, standing: standings.Standing) -> str:
    """What stands beside a village's status badge (tidy76): the finished months in a row the 通报 has counted it
    lagging (``standings.reported_months``), only when that says more than the badge: 连续两月滞后 is lagging at last
    month's end and now, so one such month is the badge itself ('' then, as when not lagging). tidy77: the badge says
    the state, the note which months (2月、3月均被通报; from ``STREAK_NAMED`` + 1 on, since when: 自2月起每月被通报),
    never the count again (已连续2个月被通报 had read as the badge twice)."""
    months = standings.reported_months(standing)
    if standing.status != schedule.LAGGING_TWICE or len(months) < 2:
        return ""
    if len(months) > STREAK_NAMED:
        return app.t("admin.villages.streak_since", month=months[0][1])
    named = app.t("admin.villages.streak_joiner").join(app.t("admin.villages.streak_month", month=m) for _, m in months)
    return app.t("admin.villages.streak_months", months=named)


def calendar_now() -> dict:
    """What the pages say about the schedule: what is due by today and the next milestone."""
    app, day = auth.bot(), today_local()
    return {
        "due": standings.due_words(app, day),
        "next": standings.next_milestone_words(app, day),
        "started": day >= schedule.campaign_start(app.config),
    }


def today_local() -> date:
    return clock.local(as_of(), auth.bot().tz).date()


def filled_days(by_day: Mapping[str, float], start: date, end: date) -> list[tuple[str, float]]:
    """Every day from ``start`` (the campaign's first day) to ``end`` (today, or the data's last day), zeros
    included; a day outside them is not drawn (its trees still count in every figure)."""
    days = [start + timedelta(days=n) for n in range(max(0, (end - start).days) + 1)]
    return [(day.isoformat(), by_day.get(day.isoformat(), 0)) for day in days]


def daily_chart(village_id: int | None = None, village_ids: list[int] | None = None):
    """Verified trees per day from the campaign's first day (``plans_due``, bot.schedule.campaign_start) to today
    (the data's last day when later): (the chart, (first day, last day))."""
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
    days = filled_days(by_day, schedule.campaign_start(ctx.config), today_local())
    return charts.daily_columns(days), (days[0][0], days[-1][0])


def bar_for(v: progress.VillageProgress) -> charts.Bar:
    return charts.Bar(
        v.name,
        v.completion,
        f"{progress.number(v.done_value)}/{progress.number(v.target)}{v.unit}",
        url_for("dashboard.village", village_id=v.village_id),
    )


def overview():
    viewer = g.viewer
    villages = visible_villages(viewer)
    total = progress.overall_progress(villages)
    expected = expected_now()
    lagging = [v for v in villages if standing_of(v).status in LAGGING]
    worst = sorted(villages, key=lambda v: v.completion)[:OVERVIEW_WORST]
    town_bars = (
        [
            charts.Bar(t.name, t.mean_completion, f"{t.villages_done}/{t.villages}村达标")
            for t in progress.towns_progress(villages)
        ]
        if viewer.is_admin
        else []
    )
    daily, period = daily_chart(village_ids=viewer.scope)
    return render_template(
        "dashboard/overview.html",
        total=total,
        lagging=len(lagging),
        expected=expected,
        calendar=calendar_now(),
        daily=daily,
        period=period,
        village_chart=charts.completion_bars([bar_for(v) for v in worst], expected, "各村完成率"),
        town_chart=charts.completion_bars(town_bars, expected, "各镇街平均完成率") if town_bars else None,
        survival=charts.survival_bar(total.survival_alive, total.survival_checked),
        all_shown=len(worst) == len(villages),
    )


# -- villages --------------------------------------------------------------------------------------
SORT_KEYS = {
    "name": lambda v: v.name,
    "town": lambda v: (v.town or "", v.name),
    "completion": lambda v: v.completion,
    "pending": lambda v: v.pending_records,
    "households": lambda v: v.household_coverage or 0.0,
    "party": lambda v: v.party_participation or 0.0,
    "survival": lambda v: v.survival_rate if v.survival_rate is not None else -1.0,
    "rank": lambda v: standing_of(v).rank,
}
# the sort select a phone shows instead of the table headers (value -> message key)
SORT_LABELS = {
    "completion": "admin.villages.sort_completion",
    "name": "admin.villages.sort_name",
    "town": "admin.villages.sort_town",
    "pending": "admin.villages.sort_pending",
    "households": "admin.villages.sort_households",
    "party": "admin.villages.sort_party",
    "survival": "admin.villages.sort_survival",
    "rank": "admin.villages.sort_rank",
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
    app = auth.bot()
    return render_template(
        "dashboard/villages.html",
        rows=[(v, standing_of(v), streak_note(app, standing_of(v))) for v in rows],
        towns=towns,
        args={"q": q, "town": town, "kind": kind, "status": status},
        sort=sort,
        descending=descending,
        status_labels=auth.labels(STATUS_LABELS),
        sort_labels=auth.labels(SORT_LABELS),
        calendar=calendar_now(),
    )


def village(village_id: int):
    auth.require_village(village_id)
    ctx = auth.bot()
    row = roster_store.village(ctx.db, village_id)
    standing = standings.of_village(ctx, village_id, as_of()) if row else None
    if row is None or standing is None:
        abort(404)
    figures = standing.village
    expected = expected_now()
    daily, period = daily_chart(village_id=village_id)
    return render_template(
        "dashboard/village.html",
        village=row,
        v=figures,
        s=standing,
        streak=streak_note(ctx, standing),
        plan_due=any(t.key == schedule.PLAN for t in standing.short),
        short=standings.short_words(ctx, standing),
        status_labels=auth.labels(STATUS_LABELS),
        expected=expected,
        calendar=calendar_now(),
        completion=charts.completion_bars([bar_for(figures)], expected, "完成率"),
        daily=daily,
        period=period,
        survival=charts.survival_bar(figures.survival_alive, figures.survival_checked),
        plot=charts.location_plot(row["lat"], row["lng"], row["radius_m"], store.village_locations(ctx.db, village_id)),
        photos=paged(
            "photos",
            PHOTOS_PER_PAGE,
            store.count_village_photos(ctx.db, village_id),
            lambda limit, offset: store.village_photos(ctx.db, village_id, limit, offset),
        ),
        records=paged(
            "records",
            RECORDS_PER_PAGE,
            store.count_village_records(ctx.db, village_id),
            lambda limit, offset: store.village_records(ctx.db, village_id, limit, offset),
        ),
        flag_labels=auth.labels(FLAG_LABELS),
        review_labels=auth.labels(REVIEW_LABELS),
        # each record links to its page (bot/dashboard/correction_pages.py) for the logins that may correct it
        link_records=any(
            page.endpoint == "dashboard.record_page" and page.allows(g.viewer.role) for page in ctx.dashboard_pages
        ),
        sections=[Markup(render(village_id)) for render in ctx.village_sections],
    )


@dataclass(frozen=True)
class Paged:
    """One page of a list: ``rows``, its ``page`` of ``pages`` (1-based), ``total`` rows, the query ``param``
    that names the page, and whether the page was asked for (a village page opens that section)."""

    rows: list
    page: int
    pages: int
    total: int
    param: str
    asked: bool


def paged(param: str, size: int, total: int, fetch) -> Paged:
    """The page ``?<param>=N`` (clamped to what exists) of a list of ``total`` rows; ``fetch(limit, offset)``."""
    pages = max(1, math.ceil(total / size))
    number = min(max(1, request.args.get(param, 1, type=int) or 1), pages)
    return Paged(fetch(size, (number - 1) * size), number, pages, total, param, param in request.args)


def page_url(param: str, number: int) -> str:
    """This page's URL with ``param`` set to ``number`` and every other query parameter kept (the pager's links)."""
    assert request.endpoint is not None  # a routed request
    return url_for(request.endpoint, **{**(request.view_args or {}), **request.args.to_dict(), param: number})


# -- exports ---------------------------------------------------------------------------------------
def exports_page():
    """The tables to download, and how to read their times and shares (sim65: a clerk read a record's
    2027-01-31T23:01:00, stored in UTC, as the evening before the morning it was made, and 8.42 as 8 %)."""
    app = auth.bot()
    offset = clock.local(as_of(), app.tz).utcoffset()
    hours = offset.total_seconds() / 3600 if offset is not None else 0
    return render_template(
        "dashboard/exports.html",
        tables=sorted(app.exports),
        labels=app.messages.section(EXPORT_LABELS),
        note=auth.t("admin.exports_note", hours=f"{hours:+g}"),
    )


def export_table(table: str):
    try:
        header, data = exports.rows(auth.bot(), table)
    except exports.ExportUnavailable:
        abort(404)
    buffer = io.BytesIO()
    exports.write_xlsx(header, data, buffer, table)
    buffer.seek(0)
    stamp = today_local().isoformat()
    return send_file(
        buffer,
        as_attachment=True,
        download_name=f"{table}-{stamp}.xlsx",
        mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


# -- photos ----------------------------------------------------------------------------------------
def may_see_media(sha256: str) -> bool:
    """Who may open a stored photo or voice (every media route asks this, the capabilities' thumbnails too): an
    admin login, any; any login, the photos of the records of a village it sees (planting records, and what the
    capabilities list in ``PHOTO_VILLAGES``: milestones, tending, visits); an adviser, the photos and voice of the
    tickets assigned to them. A ticket's media is not its village's: another adviser, or the village's cadre, may
    not open it."""
    viewer = g.viewer
    if viewer.is_admin:
        return True
    app = auth.bot()
    villages = set().union(*(owner(app.db, sha256) for owner in app.photo_villages))
    if any(viewer.sees_village(vid) for vid in villages if vid is not None):
        return True
    return viewer.person_id is not None and store.in_tickets_of(app.db, sha256, viewer.person_id)


def _photo_file(sha256: str, thumb: bool):
    photos_dir = auth.bot().config.photos_dir
    try:
        original = photos.find_photo(photos_dir, sha256)
    except ValueError:  # not a sha256: nothing outside the photo folder is ever looked at
        abort(404)
    if not may_see_media(sha256):
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


VOICE_TYPES = {".amr": "audio/amr", ".speex": "audio/speex", **voice.PLAYABLE_TYPES}


def voice_file(sha256: str) -> Path | None:
    """The stored voice file of this sha256, or None."""
    row = store.stored_voice(auth.bot().db, sha256)
    root = auth.bot().config.photos_dir.resolve()
    path = (root / row["path"]).resolve() if row and row["path"] else None
    return path if path is not None and root in path.parents and path.is_file() else None


def photo_voice(sha256: str):
    """A ticket's voice message for its <audio> player: a file browsers play (bot/voice.py: the AMR transcoded to
    MP3 once, then kept); ``?original=1``, or without a transcoder, the stored file itself, to download. The photos'
    access rules (the view's name starts with ``photo`` so that auth answers 401/403 to it, as to a photo, never a
    login page)."""
    if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
        abort(404)
    if not may_see_media(sha256):
        abort(403)
    path = voice_file(sha256)
    if path is None:
        abort(404)
    if not request.args.get("original"):
        path = voice.playable(path) or path
    response = send_photo(path)
    response.mimetype = VOICE_TYPES.get(path.suffix, "application/octet-stream")
    return response


def send_photo(path):
    """A photo file for a logged-in viewer (cached by the browser only)."""
    response = send_file(path, conditional=True, max_age=86400)
    response.headers["Cache-Control"] = "private, max-age=86400"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


# -- the blueprint's own pages, handlers and filters ----------------------------------------------------
PAGES = [
    DashboardPage("/login", login, methods=("GET", "POST"), roles=LOGIN_ROLES),
    DashboardPage("/logout", logout, methods=("POST",), roles=LOGIN_ROLES),
    DashboardPage("/", overview, nav="admin.nav.overview", roles=LOGIN_ROLES),
    DashboardPage("/villages", villages, nav="admin.nav.villages", roles=LOGIN_ROLES),
    DashboardPage("/villages/<int:village_id>", village, roles=LOGIN_ROLES),
    DashboardPage("/photos/<sha256>", photo, roles=LOGIN_ROLES),
    DashboardPage("/photos/<sha256>/thumb", photo_thumb, roles=LOGIN_ROLES),
    DashboardPage("/voice/<sha256>", photo_voice),
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
    bp.add_app_template_filter(ago, "ago")
    bp.add_app_template_global(auth.t, "t")
    bp.add_app_template_global(page_url, "page_url")
    bp.context_processor(page_globals)
    bp.add_app_template_filter(num, "num")
    bp.add_app_template_filter(pct, "pct")
    bp.add_app_template_filter(species_name, "species")
