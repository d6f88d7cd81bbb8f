"""Tickets: the adviser's queue (overdue ones marked), one ticket with its photos and voice, a reopened
ticket's follow-up, the answer form (bot.escalation.answer_ticket, the same rules and delivery as ``答``),
closing a ticket that is not a question (with a reason; a message to the villager only when written; tidy80: an
answered one only while a follow-up would reopen it, named 结束工单: ``escalation.close_means``),
turning a good answer into an FAQ entry (``收录``), and correcting an answer (bot.escalation.correct_answer, as
``更正``: the earlier answers listed under it, the villager told, the FAQ entry made of it corrected).

An admin sees every ticket and answers as a dashboard admin; an adviser sees the tickets assigned to
their roster person only and answers as that person. Esc101: a cadre login (its roster 村书记 or 村干部) sees its
village's tickets routed to the village (round 100's money, land …), never another village's nor the office's (403),
and answers, corrects or closes those it holds as that person, as ``答`` does in chat (the same rules and delivery); it
never adds one to the FAQ (a household's matter).
"""

from __future__ import annotations

from flask import abort, flash, g, redirect, render_template, request, url_for

from bot import escalation, voice
from bot.dashboard import auth, views
from bot.db import transaction
from bot.registry import ADMIN_LOGIN, ADVISER_LOGIN, CADRE_LOGIN, DashboardPage
from bot.store import dashboard as store
from bot.store import roster as roster_store
from bot.store import tickets as tickets_store

# result reason -> (message key, flash category)
ANSWER_RESULTS = {
    "answered": ("admin.tickets.answered", "ok"),
    "taken_over": ("admin.tickets.taken_over", "ok"),  # tidy80: a cadre answering the village's ticket after its wait
    "already_answered": ("admin.tickets.already_answered", "error"),
    "closed": ("admin.tickets.closed", "error"),
    "empty": ("admin.tickets.empty", "error"),
}
FAQ_RESULTS = {
    "added": ("admin.tickets.faq_added", "ok"),
    "already": ("admin.tickets.faq_already", "error"),
    "not_answered": ("admin.tickets.faq_not_answered", "error"),
    "needs_question": ("admin.tickets.faq_needs_question", "error"),
}
CORRECT_RESULTS = {
    "corrected": ("admin.tickets.corrected", "ok"),
    "corrected_quietly": ("admin.tickets.corrected_quietly", "ok"),
    "not_answered": ("admin.tickets.correct_not_answered", "error"),
    "reopened": ("admin.tickets.correct_reopened", "error"),
    "empty": ("admin.tickets.empty", "error"),
    "same": ("admin.tickets.correct_same", "error"),
}
CLOSE_RESULTS = {
    "closed": ("admin.tickets.closed_notice", "ok"),
    "already_closed": ("admin.tickets.closed", "error"),
    "needs_reason": ("admin.tickets.close_needs_reason", "error"),
}
# escalation.close_means -> the close form's title, its reason's hint and its button (tidy80: an answered ticket's is named
# for what it does)
CLOSE_OFFERS = {
    "not_a_question": ("admin.tickets.close_title", "admin.tickets.close_reason_hint", "admin.tickets.close_button"),
    "ends_follow_ups": (
        "admin.tickets.close_answered_title",
        "admin.tickets.close_answered_hint",
        "admin.tickets.close_answered_button",
    ),
}
STATUS_LABELS = {
    "open": "admin.tickets.status_open",
    "answered": "admin.tickets.status_answered",
    "closed": "admin.tickets.status_closed",
}


def _person() -> dict | None:
    return roster_store.person(auth.bot().db, g.viewer.person_id) if g.viewer.person_id else None


def _who() -> dict:
    """How escalation knows the answerer: a dashboard admin by login name, an adviser as their person."""
    return {"by_admin": g.viewer.username} if g.viewer.is_admin else {"by_person": _person()}


def _ticket_or_abort(ticket_id: int) -> dict:
    ticket = tickets_store.get(auth.bot().db, ticket_id)
    if ticket is None:
        abort(404)
    if g.viewer.is_admin:
        return ticket
    if g.viewer.role == CADRE_LOGIN:
        if not _the_villages(ticket):
            abort(403)
        return ticket
    if g.viewer.person_id is None or ticket["adviser_person_id"] != g.viewer.person_id:
        abort(403)
    return ticket


def _the_villages(ticket: dict) -> bool:
    """Esc101: a ticket a cadre login sees: its village's, routed to the village (not the office's: a complaint may be
    about them)."""
    return (
        escalation.route_of(ticket) == escalation.ROUTE_VILLAGE
        and ticket["village_id"] is not None
        and g.viewer.sees_village(ticket["village_id"])
    )


def _village_queues(db) -> tuple[list[dict], list[dict]]:
    """A cadre login's open and recently answered tickets: its village's, routed to the village."""
    queue: list[dict] = []
    answered: list[dict] = []
    for village_id in g.viewer.village_ids or ():
        queue += tickets_store.open_of_village(db, village_id, escalation.ROUTE_VILLAGE)
        answered += tickets_store.recently_answered(db, village=(village_id, escalation.ROUTE_VILLAGE))
    return queue, answered


def tickets():
    db = auth.bot().db
    if g.viewer.is_admin:
        queue, answered = escalation.all_open_tickets(db), tickets_store.recently_answered(db)
        times = escalation.response_times(db)
    elif g.viewer.role == CADRE_LOGIN:
        (queue, answered), times = _village_queues(db), []  # the advisers' response times are no village's
    else:
        person = _person()
        queue = escalation.open_tickets_for(db, person) if person else []
        answered = tickets_store.recently_answered(db, g.viewer.person_id) if person else []
        times = [t for t in escalation.response_times(db) if person and t["adviser"] == person["name"]]
    overdue = escalation.overdue_before(auth.bot(), views.as_of())
    queue, urgent = escalation.urgent_first(auth.bot(), queue)  # round 46: a danger told first, as in 待办
    for row in queue:
        row["urgent"] = row["id"] in urgent
        row["overdue"] = escalation.is_overdue(row, overdue)
        row["follow_up"] = escalation.follow_up_question(auth.bot(), row)
    return render_template(
        "dashboard/tickets.html",
        queue=queue,
        answered=answered,
        times=times,
        status_labels=auth.labels(STATUS_LABELS),
        preview=escalation.preview,
        show_adviser=g.viewer.is_admin or g.viewer.role == CADRE_LOGIN,  # a village's 村书记 or 村干部 holds it
        overdue_count=sum(1 for row in queue if row["overdue"]),
        remind_hours=auth.bot().config.get("escalation.remind_after_hours"),
    )


def ticket(ticket_id: int):
    db = auth.bot().db
    row = _ticket_or_abort(ticket_id)
    village = roster_store.village(db, row["village_id"])
    asker = roster_store.person(db, row["person_id"])
    adviser = roster_store.person(db, row["adviser_person_id"])
    attachments = tickets_store.attachments(db, ticket_id)
    # the current round's attachments are the follow-up (a round starts when the ticket is reopened)
    follow_ups = [a for a in attachments if row["reopened_count"] and a["round"] == row["reopened_count"]]
    images = [a for a in attachments if a["media_kind"] == "image"]
    # sim62: the photos sent with the follow-up are shown with it, not with the first question
    follow_up_photos = [a["media_sha256"] for a in follow_ups if a["media_kind"] == "image" and a["media_sha256"]]
    return render_template(
        "dashboard/ticket.html",
        ticket=row,
        village=village,
        asker=asker,
        adviser=adviser,
        photos=[sha for sha in store.ticket_photos(db, ticket_id) if sha not in follow_up_photos],
        follow_up_photos=follow_up_photos,
        photos_downloading=sum(1 for a in images if a["media_status"] == "pending"),
        photos_missing=sum(1 for a in images if a["media_status"] in ("lost", "failed")),
        voices=[_voice(a) for a in attachments if a["media_kind"] == "voice" and a["media_status"] == "stored"],
        notes=[a for a in attachments if a["text"] and a not in follow_ups],
        follow_ups=[a["text"] or escalation.media_label(auth.bot(), a["media_kind"]) for a in follow_ups],
        overdue=escalation.is_overdue(row, escalation.overdue_before(auth.bot(), views.as_of())),
        faq=tickets_store.faq_entry_for_ticket(db, ticket_id),
        status_labels=auth.labels(STATUS_LABELS),
        earlier_answers=tickets_store.answer_history(db, ticket_id)[:-1][::-1],  # the latest is the answer shown
        supplements=tickets_store.supplements(db, ticket_id),  # sim69: 补充, shown under the answer
        may_correct=escalation.may_correct(row, _person(), g.viewer.username if g.viewer.is_admin else None),
        # esc101: the forms a viewer may use (a cadre sees the village's tickets another cadre holds, and adds none to the
        # FAQ)
        # tidy80: the village's other cadre too once the ticket waited past its time (it is passed on to them)
        may_answer=escalation.may_answer_now(
            auth.bot(), row, _person(), g.viewer.username if g.viewer.is_admin else None, auth.now()
        ),
        may_close=escalation.may_answer(row, _person(), g.viewer.username if g.viewer.is_admin else None),
        may_add_faq=g.viewer.role != CADRE_LOGIN,
        close_offer=_close_offer(row),
    )


def _close_offer(ticket: dict) -> dict | None:
    """The close form's words where closing does something (``escalation.close_means``), else None (no form)."""
    means = escalation.close_means(auth.bot(), ticket, auth.now())  # as a follow-up would be read now
    if means is None:
        return None
    title, hint, button = CLOSE_OFFERS[means]
    return {"title": auth.t(title), "hint": auth.t(hint), "button": auth.t(button)}


def _voice(attachment: dict) -> dict:
    """A stored voice for the page: its sha256, whether a browser can play it (transcoded now the first time, see
    bot/voice.py) and WeChat's recognition of it."""
    path = views.voice_file(attachment["media_sha256"])
    return {
        "sha256": attachment["media_sha256"],
        "playable": path is not None and voice.playable(path) is not None,
        "recognition": attachment["recognition"],
    }


def _flash_result(results: dict, reason: str) -> None:
    if reason == "not_allowed":
        abort(403)
    if reason == "unknown":
        abort(404)
    key, category = results[reason]
    flash(auth.t(key), category)


def answer(ticket_id: int):
    _ticket_or_abort(ticket_id)
    ctx = auth.bot()
    with transaction(ctx.db):
        result = escalation.answer_ticket(
            ctx, ctx.db, ticket_id, request.form.get("answer", ""), **_who(), now=auth.now()
        )
    _flash_result(ANSWER_RESULTS, result.reason)
    return redirect(url_for("dashboard.ticket", ticket_id=ticket_id))


def correct(ticket_id: int):
    _ticket_or_abort(ticket_id)
    ctx = auth.bot()
    with transaction(ctx.db):
        result = escalation.correct_answer(
            ctx, ctx.db, ticket_id, request.form.get("answer", ""), **_who(), now=auth.now()
        )
    _flash_result(CORRECT_RESULTS, result.reason)
    if result.faq_updated:
        flash(auth.t("admin.tickets.corrected_faq"), "ok")
    return redirect(url_for("dashboard.ticket", ticket_id=ticket_id))


def close(ticket_id: int):
    _ticket_or_abort(ticket_id)
    ctx = auth.bot()
    with transaction(ctx.db):
        result = escalation.close_ticket(
            ctx,
            ctx.db,
            ticket_id,
            request.form.get("reason", ""),
            request.form.get("message", ""),
            **_who(),
            now=auth.now(),
        )
    _flash_result(CLOSE_RESULTS, result.reason)
    return redirect(url_for("dashboard.ticket", ticket_id=ticket_id))


def add_to_faq(ticket_id: int):
    _ticket_or_abort(ticket_id)
    ctx = auth.bot()
    with transaction(ctx.db):
        result = escalation.add_answer_to_faq(
            ctx, ctx.db, ticket_id, question=request.form.get("question", "").strip(), **_who(), now=auth.now()
        )
    _flash_result(FAQ_RESULTS, result.reason)
    return redirect(url_for("dashboard.ticket", ticket_id=ticket_id))


WITH_CADRES = (ADMIN_LOGIN, ADVISER_LOGIN, CADRE_LOGIN)  # esc101: a cadre login answers its village's tickets
PAGES = [
    DashboardPage("/tickets", tickets, nav="admin.nav.tickets", roles=WITH_CADRES),
    DashboardPage("/tickets/<int:ticket_id>", ticket, roles=WITH_CADRES),
    DashboardPage("/tickets/<int:ticket_id>/answer", answer, methods=("POST",), roles=WITH_CADRES),
    DashboardPage("/tickets/<int:ticket_id>/faq", add_to_faq, methods=("POST",)),
    DashboardPage("/tickets/<int:ticket_id>/correct", correct, methods=("POST",), roles=WITH_CADRES),
    DashboardPage("/tickets/<int:ticket_id>/close", close, methods=("POST",), roles=WITH_CADRES),
]
