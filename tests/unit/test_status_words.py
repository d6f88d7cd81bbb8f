"""A village's status (schedule: not started, complete, on track, lagging, lagging twice) in words: one table
(``standings.STATUS_WORDS``) read by the chat's standing, the 通报's workbook and summary (``reports.STATUS_LABELS``),
the awards' sheet and the dashboard (``views.STATUS_LABELS``); tidy79: they had been three copies of it."""

from __future__ import annotations

from bot import reports, schedule, standings
from bot.dashboard import views

STATUSES = {schedule.NOT_STARTED, schedule.COMPLETE, schedule.ON_TRACK, schedule.LAGGING, schedule.LAGGING_TWICE}


def test_every_status_has_the_same_words_everywhere():
    assert set(standings.STATUS_WORDS) == STATUSES
    assert reports.STATUS_LABELS == standings.STATUS_WORDS == views.STATUS_LABELS
    assert all(key.startswith("progress.status.") for key in standings.STATUS_WORDS.values())
