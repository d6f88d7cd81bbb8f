"""The village page's 意外与急救答复 section (session 57, left123): the accidents its villagers told and were answered
with first aid, no ticket (aidnotice, bot/accidents.py), newest first: when, who (未登记的村民 for a sender who never
registered), what happened, their words, whom the notice went to. Until now they were only in ``export accidents``.
Its key beside the title is red while the latest is at most ``RECENT_DAYS`` old. Contributed by the FAQ capability
(handlers/faq.py ``VILLAGE_SECTIONS``); the village page itself checks who may see the village."""

from __future__ import annotations

from datetime import date

from flask import render_template

from bot import accidents, clock, escalation, schedule
from bot.dashboard import auth
from bot.dashboard.views import as_of
from bot.store import accidents as store

RECENT_DAYS = 7  # an accident this recent makes the section's key red


def village_section(village_id: int) -> str:
    ctx = auth.bot()
    rows = store.of_village(ctx.db, village_id)
    latest = date.fromisoformat(rows[0]["day"]) if rows else None
    today = clock.local(as_of(), ctx.tz).date()
    return render_template(
        "dashboard/accident_section.html",
        rows=rows,
        total=store.count_of_village(ctx.db, village_id),
        latest=schedule.date_words(latest) if latest else "",
        recent=latest is not None and (today - latest).days <= RECENT_DAYS,
        kinds=ctx.messages.section(accidents.KINDS),
        told_to=ctx.messages.section(accidents.TOLD_TO),
        preview=lambda text: escalation.preview(text, accidents.TEXT_CHARS),
    )
