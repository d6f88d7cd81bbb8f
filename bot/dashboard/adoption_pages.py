"""认种认养 on the dashboard (admins): organisations, units and 乡贤 adopt trees of a record (name, 冠名, trees or the
whole plot, contact, with a donation), donations (五个一点), and the records the office marks adoptable. Everything
goes through bot.adoption; this page only collects the forms."""

from __future__ import annotations

from flask import flash, g, redirect, render_template, request, url_for

from bot import adoption, clock
from bot.dashboard import auth
from bot.db import transaction
from bot.registry import DashboardPage
from bot.store import adoption as store
from bot.store import roster as roster_store


def _int(name: str) -> int | None:
    text = request.form.get(name, "").strip()
    return int(text) if text.isdigit() else None


def _amount(name: str) -> float | None:
    try:
        return float(request.form.get(name, "").strip())
    except ValueError:
        return None


def _done(error: str | None, ok_key: str, **values):
    if error:
        flash(auth.t(error), "error")
    else:
        flash(auth.t(ok_key, **values), "ok")
    return redirect(url_for("dashboard.adoption_page"))


def adoption_page():
    ctx = auth.bot()
    return render_template(
        "dashboard/adoption.html",
        adoptable=store.adoptable(ctx.db),
        adoptions=store.recent(ctx.db),
        donations=store.recent_donations(ctx.db),
        villages=roster_store.all_villages(ctx.db),
        sources=list(ctx.config.get("adoption.donation_sources")),
        free=adoption.free_slots,
    )


def adopt_for_organisation():
    """An organisation's adoption, with its donation when an amount is given: both or neither."""
    ctx = auth.bot()
    now, by = clock.to_db(auth.now()), g.viewer.username
    form = {key: request.form.get(key, "") for key in ("organisation", "named_as", "contact", "source", "purpose")}
    planting_id, amount = _int("planting_id") or 0, _amount("amount")
    sources = ctx.config.get("adoption.donation_sources")
    donating = bool(request.form.get("amount", "").strip())
    error = adoption.donation_problem(form["organisation"], amount, form["source"], sources) if donating else None
    if error is None:
        with transaction(ctx.db):
            adoption_id, error = adoption.adopt_for_organisation(
                ctx.db,
                planting_id=planting_id,
                organisation=form["organisation"],
                named_as=form["named_as"],
                trees=_int("trees"),
                whole_plot=bool(request.form.get("whole_plot")),
                contact=form["contact"],
                by=by,
                now=now,
            )
            if adoption_id is not None and donating:
                adopted = store.get(ctx.db, adoption_id)
                assert adopted is not None  # just made
                adoption.record_donation(
                    ctx.db,
                    donor=form["organisation"],
                    source=form["source"],
                    amount=amount,
                    purpose=form["purpose"],
                    village_id=adopted["village_id"],
                    planting_id=planting_id,
                    adoption_id=adoption_id,
                    by=by,
                    now=now,
                    sources=sources,
                )
    return _done(error, "admin.adoption.adopted", organisation=form["organisation"].strip())


def add_donation():
    ctx = auth.bot()
    with transaction(ctx.db):
        error = adoption.record_donation(
            ctx.db,
            donor=request.form.get("donor", ""),
            source=request.form.get("source"),
            amount=_amount("amount"),
            purpose=request.form.get("purpose"),
            village_id=_int("village_id"),
            by=g.viewer.username,
            now=clock.to_db(auth.now()),
            sources=ctx.config.get("adoption.donation_sources"),
        )
    return _done(error, "admin.adoption.donation_added")


def mark_adoptable():
    ctx = auth.bot()
    planting_id, trees = _int("planting_id"), _int("trees")
    with transaction(ctx.db):
        error = adoption.mark_adoptable(
            ctx.db, planting_id or 0, trees if trees is not None else -1, g.viewer.username, clock.to_db(auth.now())
        )
    return _done(error, "admin.adoption.marked", id=planting_id)


PAGES = [
    DashboardPage("/adoption", adoption_page, nav="admin.nav.adoption", admin_only=True),
    DashboardPage("/adoption/organisation", adopt_for_organisation, methods=("POST",), admin_only=True),
    DashboardPage("/adoption/donation", add_donation, methods=("POST",), admin_only=True),
    DashboardPage("/adoption/mark", mark_adoptable, methods=("POST",), admin_only=True),
]
