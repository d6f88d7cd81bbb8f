"""handlers/registration.py keeps what a text read against the roster's villages by the villages' mark (issue 21,
sixteenth round): the same text is not read again while the villages stay, and is read anew once they change."""

from __future__ import annotations

from types import SimpleNamespace

from bot import identity
from bot.db import transaction
from bot.store import roster
from handlers import registration
from tests.conftest import app_over_file

STAMP = "2027-01-01T00:00:00"


def test_a_reading_is_kept_while_the_villages_stay_and_read_anew_when_they_change(tmp_path):
    with app_over_file(tmp_path) as app:
        db = app.db
        with transaction(db):
            roster.insert_village(db, {"name": "埔心村"}, STAMP)
        follower = SimpleNamespace(app=app, db=db, person=None)
        words = (identity.read_name_and_village, "新塘村 李秀英")
        assert registration._register_with_villages(follower, words) is None  # no such village yet
        found = registration._register_with_villages(follower, (identity.read_name_and_village, "埔心村 李秀英"))
        assert found == identity.RegisterText("李秀英", "埔心村")
        again = registration._register_with_villages(follower, (identity.read_name_and_village, "埔心村 李秀英"))
        assert again is found  # kept: not read again
        with transaction(db):
            roster.insert_village(db, {"name": "新塘村"}, STAMP)  # the villages' mark moves
        assert registration._register_with_villages(follower, words) == identity.RegisterText("李秀英", "新塘村")
        # a registered villager's name and village is something else, kept or not
        member = SimpleNamespace(app=app, db=db, person={"id": 1})
        assert registration._register_with_villages(member, words) is None


def test_the_kept_readings_are_dropped_past_their_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(registration, "READINGS_KEPT", 2)
    with app_over_file(tmp_path) as app:
        db = app.db
        with transaction(db):
            roster.insert_village(db, {"name": "埔心村"}, STAMP)
        follower = SimpleNamespace(app=app, db=db, person=None)
        for name in ("李秀英", "张国强", "罗桂芳"):
            found = registration._register_with_villages(follower, (identity.read_name_and_village, f"埔心村 {name}"))
            assert found == identity.RegisterText(name, "埔心村")
        assert len(app.service("registration_readings", lambda _app: {})) <= 2
