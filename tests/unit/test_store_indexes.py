"""Reads asked on most messages go by an index, not through every row a campaign has gathered (issue 21, city
scale): a sender's recent photos (asked on most texts), a message's media row, the advisers by role; a person's dashboard
login (an adviser's answer is signed with it), the records a photo is of (a survival check's photo), a household's
pledges."""

from __future__ import annotations

import pytest

from bot.store import admins as admins_store
from bot.store import adoption as adoption_store
from bot.store import media as media_store
from bot.store import pledges as pledges_store
from bot.store import roster as roster_store
from bot.store import tickets as tickets_store
from tests.conftest import app_over_file


def plan_of(db, read) -> list[str]:
    """The query plan of every statement ``read(db)`` runs."""
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)
    try:
        read(db)
    finally:
        db.conn.set_trace_callback(None)
    assert statements
    return [row[3] for sql in statements for row in db.conn.execute("EXPLAIN QUERY PLAN " + sql)]


READS = {
    "recent photos and open tickets": lambda db: tickets_store.recent_activity(
        db, "o-a", "2027-03-05T09:50:00", "2027-03-05T10:00:00"
    ),
    "recent unattached photos": lambda db: tickets_store.recent_unattached_images(
        db, "o-a", "2027-03-05T09:50:00", "2027-03-05T10:00:00"
    ),
    "a message's media row": lambda db: media_store.row_for_inbox(db, 12),
    "the advisers": tickets_store.advisers,
    "the office bound to WeChat": lambda db: roster_store.bound_in_role(db, "管理员"),
    "a person's dashboard login": lambda db: admins_store.by_person(db, 7),
    "the records a photo is of": lambda db: adoption_store.records_of_media(db, 12),
    "a household's pledges": lambda db: pledges_store.live_of_household(db, 7),
}


@pytest.mark.parametrize("name", READS)
def test_a_read_of_every_message_searches_an_index(tmp_path, name):
    with app_over_file(tmp_path) as app:
        plan = plan_of(app.db, READS[name])
    scans = [step for step in plan if step.startswith("SCAN") and step != "SCAN CONSTANT ROW"]
    assert not scans, plan
