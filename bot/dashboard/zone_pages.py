"""党员责任区 on the dashboard: every zone with its holders and last tending, a form to add one (or upload a file on
名册: ``import zones``), the village page's zones section (holders, tending this season, last tending, photos)
and the thumbnails of tending photos. Everything goes through bot.zones."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for

from bot import clock, zones
from bot.dashboard import auth
from bot.dashboard.views import photo_thumb
from bot.db import transaction
from bot.registry import LOGIN_ROLES, DashboardPage
from bot.store import roster as roster_store
from bot.store import zones as store

PHOTOS_PER_ZONE = 4


def _with_tending(rows: list[dict]) -> list[dict]:
    """Each zone with ``season_count`` (tending this season), ``last`` (latest tending) and ``photos``."""
    ctx = auth.bot()
    start, _end = zones.season_of(ctx.config)
    ids = [z["id"] for z in rows]
    tending = store.zone_tending(ctx.db, ids, clock.to_db(start))
    recent = store.recent_photos(ctx.db, ids, PHOTOS_PER_ZONE)
    return [
        {
            **z,
            "season_count": int((tending.get(z["id"]) or {}).get("count") or 0),
            "last": (tending.get(z["id"]) or {}).get("last"),
            "photos": recent.get(z["id"], []),
        }
        for z in rows
    ]


def _number(text: str) -> float | None:
    try:
        return float(text) if text.strip() else None
    except ValueError:
        return None


def zones_page():
    ctx = auth.bot()
    problems = []
    form = {key: request.form.get(key, "").strip() for key in ("village_id", "name", "lat", "lng", "radius_m")}
    if request.method == "POST":
        values = {key: form[key] for key in ("lat", "lng", "radius_m")}
        bad = [key for key, text in values.items() if text and _number(text) is None]
        village_id = int(form["village_id"]) if form["village_id"].isdigit() else None
        if village_id is None or bad:
            problems = [auth.t("admin.zones.bad_form")]
        else:
            with transaction(ctx.db):
                zone_id, found = zones.add_zone(
                    ctx,
                    ctx.db,
                    village_id=village_id,
                    name=form["name"],
                    lat=_number(form["lat"]),
                    lng=_number(form["lng"]),
                    radius_m=_number(form["radius_m"]),
                    now=clock.to_db(auth.now()),
                )
            problems = [p.reason for p in found]
            if zone_id is not None:
                flash(auth.t("admin.zones.added", name=form["name"]), "ok")
                return redirect(url_for("dashboard.zones_page"))
    status = 400 if problems else 200
    return render_template(
        "dashboard/zones.html",
        zones=_with_tending(store.all_zones(ctx.db)),
        problems=problems,
        form=form,
        villages=roster_store.all_villages(ctx.db),
    ), status


def village_section(village_id: int) -> str:
    """The village page's 党员责任区 section."""
    rows = _with_tending(store.zones_of_village(auth.bot().db, village_id))
    return render_template("dashboard/zone_section.html", zones=rows)


def tending_thumb(sha256: str):
    """A tending photo's thumbnail, for viewers who see its zone's village (a cadre login too: it is on their village
    page): the dashboard's one media check (``views.may_see_media``, through this capability's ``PHOTO_VILLAGES``)."""
    return photo_thumb(sha256)


PAGES = [
    DashboardPage("/zones", zones_page, methods=("GET", "POST"), nav="admin.nav.zones", admin_only=True),
    DashboardPage("/zones/photos/<sha256>/thumb", tending_thumb, roles=LOGIN_ROLES),
]
