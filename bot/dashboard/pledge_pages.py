"""The seedling list (需求清单) on the dashboard: the county's list by species, each village's by species, the
batches the office records (已到 with the day and pick-up place, then 已发放), and the village page's 认领安排
section (its households' pledges and its own list). Everything goes through bot.pledges."""

from __future__ import annotations

from flask import abort, flash, g, redirect, render_template, request, url_for

from bot import clock, planting, pledges
from bot.dashboard import auth
from bot.db import transaction
from bot.registry import DashboardPage
from bot.store import pledges as store
from bot.store import roster as roster_store


def _int(name: str) -> int | None:
    text = request.form.get(name, "").strip()
    return int(text) if text.isdigit() and len(text) < 10 else None


def pledges_page():
    ctx = auth.bot()
    rows = pledges.demand(ctx.db)
    species = sorted(
        {
            *(r["species"] for r in rows),
            *ctx.config.get("campaign.species.greening"),
            *ctx.config.get("campaign.species.economic"),
        }
    )
    show_all = request.args.get("all") == "1"
    # a county has hundreds of villages x species: by default the rows still to be sourced, most needed first
    listed = rows if show_all else sorted((r for r in rows if r["needed"] > 0), key=lambda r: -r["needed"])
    return render_template(
        "dashboard/pledges.html",
        county=pledges.county_demand(rows),
        rows=listed,
        all_rows=len(rows),
        show_all=show_all,
        batches=store.batches(ctx.db),
        villages=roster_store.all_villages(ctx.db),
        species=species,
        status_labels=auth.labels(pledges.STATUS_LABELS),
        today=clock.local(auth.now(), ctx.tz).date().isoformat(),  # the form's default: today where the office is
    )


def add_batch():
    ctx = auth.bot()
    village = roster_store.village(ctx.db, _int("village_id"))
    form = {key: request.form.get(key, "").strip() for key in ("species", "status", "pickup_date", "place")}
    count = _int("count")
    problem = pledges.batch_problem(village, form["species"], count, form["status"], form["pickup_date"], form["place"])
    if problem:
        flash(auth.t(problem), "error")
        return redirect(url_for("dashboard.pledges_page"))
    assert village is not None and count is not None  # batch_problem checked them
    with transaction(ctx.db):
        _batch_id, told = pledges.record_batch(
            ctx,
            ctx.db,
            village_id=village["id"],
            species=form["species"],
            count=count,
            status=form["status"],
            pickup_date=form["pickup_date"],
            place=form["place"],
            by=g.viewer.username,
            now=auth.now(),
        )
    flash(
        auth.t(
            "admin.pledges.batch_added",
            village=village["name"],
            species=planting.display_name(ctx, form["species"]),
            count=count,
            told=told,
        ),
        "ok",
    )
    return redirect(url_for("dashboard.pledges_page"))


def hand_out_batch(batch_id: int):
    ctx = auth.bot()
    with transaction(ctx.db):
        if store.batch(ctx.db, batch_id) is None:
            abort(404)
        done = pledges.hand_out(ctx.db, batch_id, g.viewer.username, auth.now())
    flash(
        auth.t("admin.pledges.handed_out" if done else "admin.pledges.already_handed_out", id=batch_id),
        "ok" if done else "error",
    )
    return redirect(url_for("dashboard.pledges_page"))


def village_section(village_id: int) -> str:
    """The village page's 认领安排 section: its list by species and its households' pledges."""
    db = auth.bot().db
    return render_template(
        "dashboard/pledge_section.html",
        rows=pledges.demand(db, village_id),
        pledges=store.pledges_of_village(db, village_id),
        households=store.pledged_households(db, None, village_id).get(village_id, 0),
    )


PAGES = [
    DashboardPage("/pledges", pledges_page, nav="admin.nav.pledges", admin_only=True),
    DashboardPage("/pledges/batches", add_batch, methods=("POST",), admin_only=True),
    DashboardPage("/pledges/batches/<int:batch_id>/handed-out", hand_out_batch, methods=("POST",), admin_only=True),
]
