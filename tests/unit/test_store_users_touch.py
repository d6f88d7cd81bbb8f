"""bot/store/users.py ``touch_inbound`` keeps its statement text by what shapes it (issue 21, thirteenth round): each
shape reads and writes as its own statement, whatever shape came before it on the connection or on another one."""

from __future__ import annotations

import pytest

from bot.app import build_registry
from bot.db import connect, migrate, transaction
from bot.store import inbox, roster, users

STAMP, LATER = "2027-01-01T00:00:00", "2027-01-02T00:00:00"
READS = [("one", "SELECT ? + 1", [1]), ("name", "SELECT users.openid || ?", ["!"])]


def test_every_shape_reads_and_writes_as_its_own_statement(db, tmp_path):
    with transaction(db):
        village = roster.insert_village(db, {"name": "埔心村"}, STAMP)
        person = roster.insert_person(db, {"name": "陈伯", "village_id": village, "role": "党员"}, STAMP)
        roster.bind_openid(db, person, "o-chen", STAMP, via="roster")
        first = users.touch_inbound(db, "o-chen", STAMP, reads=READS, with_person=True, unless_kept="k1")
        assert first["read:one"] == 2 and first["read:name"] == "o-chen!" and first["person"]["name"] == "陈伯"
        assert first["last_inbox_id"] is None and first["live_flows"] == {} and first["last_inbound_at"] == STAMP
        plain = users.touch_inbound(db, "o-chen", LATER, counts_as_contact=False)
        assert "person" not in plain and "last_inbox_id" not in plain and "read:one" not in plain
        assert plain["last_inbound_at"] == STAMP  # not a contact: the window is not opened again
        again = users.touch_inbound(db, "o-chen", LATER, reads=READS[:1])
        assert again["last_inbound_at"] == LATER and "read:name" not in again
        inbox.record(
            db,
            openid="o-chen",
            msg_key="k1",
            msg_type="text",
            event=None,
            content="你好",
            payload="{}",
            received_at=LATER,
            status="ok",
        )
        assert users.touch_inbound(db, "o-chen", LATER, unless_kept="k1", with_person=True) is None  # a retry
        other = users.touch_inbound(db, "o-chen", LATER, unless_kept="k2", with_person=True)
        assert other["last_inbox_id"] == 1 and other["person"]["name"] == "陈伯"
    another = connect(tmp_path / "bot.db")  # another connection: its own person expression, the same rows
    with transaction(another):
        assert (
            users.touch_inbound(another, "o-chen", LATER, unless_kept="k3", with_person=True)["person"]
            == other["person"]
        )
    another.close()


def test_the_kept_statements_are_made_anew_past_their_limit(db, monkeypatch):
    monkeypatch.setattr(users._statements, "limit", 2)
    with transaction(db):
        for i in range(5):
            reads = [(f"r{i}", "SELECT ?", [i])]
            assert users.touch_inbound(db, "o-x", STAMP, reads=reads)[f"read:r{i}"] == i
    assert len(users._statements) <= 2
