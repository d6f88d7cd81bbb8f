"""Dashboard pages: login, overview, villages, village page, review queue, exports, photos.

Figures come from bot.progress (the same numbers as the chat and the monthly report); lists come
from bot.store.dashboard. Views only pick, sort and hand over to templates.
"""
from __future__ import annotations

import io
import json
from datetime import date, timedelta

from flask import abort, flash, g, redirect, render_template, request, send_file, url_for
from flask_wtf.csrf import CSRFError

from bot import clock, exports, photos, progress, reports
from bot.dashboard import auth, charts, snapshot
from bot.dashboard import bp
from bot.db import transaction
from bot.store import dashboard as store
from bot.store import roster as roster_store

FLAG_LABELS = {
    "duplicate_photo": "重复照片", "far_from_village": "离村太远", "old_photo": "旧照片",
    "unknown_species": "非推荐树种",
}
STATUS_LABELS = {"done": "已达标", "on_track": "进度正常", "lagging": "进度滞后"}
TABLE_LABELS = {"villages": "村社区", "people": "人员", "plantings": "种植记录", "tickets": "工单", "outbox": "发送记录",
                "review_decisions": "审核决定"}
REVIEW_LABELS = {"none": "有效", "pending": "待审核", "approved": "审核通过", "rejected": "已驳回"}
DAILY_DAYS = 92   # a planting season (March to May)
OVERVIEW_WORST = 20


# -- errors and login ------------------------------------------------------------------------------
@bp.app_template_filter("local_time")
def local_time(value: str | None) -> str:
    if not value:
        return ""
    return clock.local(clock.from_db(value), auth.bot().tz).strftime("%m-%d %H:%M")


@bp.app_template_filter("num")
def num(value) -> str:
    return progress.number(value or 0)


@bp.app_template_filter("pct")
def pct(value) -> str:
    return progress.percent(value)


@bp.errorhandler(CSRFError)
def csrf_error(error):
    return render_template("dashboard/error.html", code=400, message="页面已过期或来源不明，请刷新后重试。"), 400


@bp.errorhandler(403)
def forbidden(_error):
    if auth.wants_json_or_media():
        return {"error": "forbidden"}, 403
    return render_template("dashboard/error.html", code=403, message="您没有查看此页面的权限。"), 403


@bp.errorhandler(401)
def unauthorized(_error):
    return {"error": "login required"}, 401


@bp.errorhandler(404)
def not_found(_error):
    return render_template("dashboard/error.html", code=404, message="找不到这个页面。"), 404


@bp.route("/login", methods=["GET", "POST"])
def login():
    error, status = None, 200
    if request.method == "POST":
        username = request.form.get("username", "").strip()
        try:
            viewer = auth.attempt_login(username, request.form.get("password", ""), request.remote_addr or "")
        except auth.LoginLocked:
            viewer, error, status = None, "登录失败次数过多，请稍后再试。", 429
        else:
            if viewer is None:
                error, status = "用户名或密码不对。", 401
        if viewer is not None:
            return redirect(auth.safe_next(request.args.get("next")))
    return render_template("dashboard/login.html", error=error), status


@bp.post("/logout")
def logout():
    auth.end_session()
    return redirect(url_for("dashboard.login"))


# -- overview --------------------------------------------------------------------------------------
def expected_now() -> float:
    """The share of the target expected by the end of this month (the report's progress curve)."""
    return reports.expected_share(auth.bot().config.get("campaign.progress_curve", {}), today_local().month)


def visible_villages(viewer: auth.Viewer) -> list[progress.VillageProgress]:
    everything = snapshot.county(auth.bot()).villages
    return [v for v in everything if viewer.sees_village(v.village_id)]


def village_status(v: progress.VillageProgress, expected: float) -> str:
    if v.completion >= 1:
        return "done"
    return "lagging" if reports.is_lagging(v.completion, expected) else "on_track"


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


@bp.get("/")
def overview():
    viewer = g.viewer
    ctx = auth.bot()
    villages = visible_villages(viewer)
    total = progress.overall_progress(villages)
    expected = expected_now()
    lagging = [v for v in villages if village_status(v, expected) == "lagging"]
    worst = sorted(villages, key=lambda v: v.completion)[:OVERVIEW_WORST]
    town_bars = [charts.Bar(t.name, t.mean_completion, f"{t.villages_done}/{t.villages}村达标")
                 for t in progress.towns_progress(villages)] if viewer.is_admin else []
    return render_template(
        "dashboard/overview.html", total=total, lagging=len(lagging), expected=expected,
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
}


@bp.get("/villages")
def villages():
    viewer = g.viewer
    expected = expected_now()
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
        rows = [v for v in rows if village_status(v, expected) == status]
    sort = request.args.get("sort", "completion")
    descending = request.args.get("dir", "asc") == "desc"
    rows.sort(key=SORT_KEYS.get(sort, SORT_KEYS["completion"]), reverse=descending)
    towns = sorted({v.town for v in everything if v.town})
    return render_template(
        "dashboard/villages.html", rows=[(v, village_status(v, expected)) for v in rows], towns=towns,
        args={"q": q, "town": town, "kind": kind, "status": status}, sort=sort, descending=descending,
        status_labels=STATUS_LABELS, expected=expected)


@bp.get("/villages/<int:village_id>")
def village(village_id: int):
    auth.require_village(village_id)
    ctx = auth.bot()
    row = roster_store.village(ctx.db, village_id)
    figures = progress.village_progress(ctx.db, ctx.config, village_id)
    if row is None or figures is None:
        abort(404)
    expected = expected_now()
    return render_template(
        "dashboard/village.html", village=row, v=figures, status=village_status(figures, expected),
        status_labels=STATUS_LABELS, expected=expected,
        completion=charts.completion_bars([bar_for(figures)], expected, "完成率"),
        daily=daily_chart(village_id=village_id),
        survival=charts.survival_bar(figures.survival_alive, figures.survival_checked),
        plot=charts.location_plot(row["lat"], row["lng"], row["radius_m"], store.village_locations(ctx.db, village_id)),
        photos=store.village_photos(ctx.db, village_id), records=store.village_records(ctx.db, village_id),
        flag_labels=FLAG_LABELS, review_labels=REVIEW_LABELS,
    )


# -- review ----------------------------------------------------------------------------------------
def earlier_photo(db, record: dict, details: dict) -> dict | None:
    """For a duplicate photo: the earlier record's photo (from the flag's ref, else the same sha256)."""
    ref = (details.get("duplicate_photo") or {}).get("ref")
    if isinstance(ref, str) and len(ref) == 64:
        return {"sha256": ref, "planting_id": None}
    if isinstance(ref, int) or (isinstance(ref, str) and ref.isdigit()):
        sha = store.record_photo(db, int(ref))
        if sha:
            return {"sha256": sha, "planting_id": int(ref)}
    if record["photo"]:
        earlier = store.earlier_record_with_photo(db, record["photo"], record["id"])
        if earlier:
            return {"sha256": record["photo"], "planting_id": earlier["planting_id"]}
    return None


def parse_details(text: str | None) -> dict:
    try:
        details = json.loads(text or "{}")
    except ValueError:
        return {}
    return details if isinstance(details, dict) else {}


@bp.get("/review")
@auth.admin_only
def review():
    db = auth.bot().db
    items = []
    for record in store.review_queue(db):
        details = parse_details(record["flag_details"])
        flags = [(f, FLAG_LABELS.get(f, f), (details.get(f) or {}).get("reason", "")) for f in record["flags"].split()]
        earlier = earlier_photo(db, record, details) if "duplicate_photo" in record["flags"].split() else None
        items.append({"record": record, "flags": flags, "earlier": earlier})
    return render_template("dashboard/review.html", items=items, total=store.count_review_pending(db),
                           decisions=store.review_decisions(db, limit=20), review_labels=REVIEW_LABELS)


@bp.post("/review/<int:planting_id>")
@auth.admin_only
def decide(planting_id: int):
    decision = {"approve": "approved", "reject": "rejected"}.get(request.form.get("decision", ""))
    reason = request.form.get("reason", "").strip()[:500]
    if decision is None:
        abort(400)
    if decision == "rejected" and not reason:
        flash(f"驳回记录 #{planting_id} 需要填写理由。", "error")
        return redirect(url_for("dashboard.review"))
    db = auth.bot().db
    with transaction(db):
        done = store.decide_review(db, planting_id, decision, reason, g.viewer.username, clock.to_db(auth.now()))
    snapshot.invalidate(auth.bot())
    if done:
        flash(f"记录 #{planting_id} 已{'通过' if decision == 'approved' else '驳回'}。", "ok")
    else:
        flash(f"记录 #{planting_id} 已不在待审核队列中。", "error")
    return redirect(url_for("dashboard.review"))


# -- exports ---------------------------------------------------------------------------------------
@bp.get("/exports")
@auth.admin_only
def exports_page():
    return render_template("dashboard/exports.html", tables=sorted(exports.QUERIES), labels=TABLE_LABELS)


@bp.get("/exports/<table>.xlsx")
@auth.admin_only
def export_table(table: str):
    try:
        header, data = exports.rows(auth.bot().db, table)
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
    path = photos.thumb_path(photos_dir, sha256)
    if not path.is_file():
        try:
            photos.make_thumbnail(original.read_bytes(), path)
        except photos.PhotoError:
            abort(404)
    return path


@bp.get("/photos/<sha256>")
def photo(sha256: str):
    return _send_photo(_photo_file(sha256, thumb=False))


@bp.get("/photos/<sha256>/thumb")
def photo_thumb(sha256: str):
    return _send_photo(_photo_file(sha256, thumb=True))


def _send_photo(path):
    response = send_file(path, conditional=True, max_age=86400)
    response.headers["Cache-Control"] = "private, max-age=86400"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response
