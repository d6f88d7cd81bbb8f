"""The replay guard checks a whole group of plaintext pushes in one statement (bot/replay_guard.py)."""

from __future__ import annotations

from bot.db import transaction
from bot.replay_guard import ReplayGuard, Seen
from bot.store import replay_guard as store
from tests.conftest import app_over_file, rows_of


def test_one_statement_keeps_the_first_digest_of_each_pair_even_within_it(tmp_path):
    with app_over_file(tmp_path) as app, transaction(app.db) as db:
        assert store.remember(db, []) == {}
        assert store.remember(db, [(1, "n", "A"), (1, "n", "B"), (2, "n", "C")]) == {(1, "n"): "A", (2, "n"): "C"}
        assert store.remember(db, [(2, "n", "D"), (3, "n", "E")]) == {(2, "n"): "C", (3, "n"): "E"}


def test_a_pair_admits_only_the_body_it_first_came_with(tmp_path):
    guard = ReplayGuard(max_age_seconds=300)
    first, forged = Seen(1_800_000_000, "n1", "a" * 64), Seen(1_800_000_000, "n1", "b" * 64)
    other = Seen(1_800_000_000, "n2", "b" * 64)
    with app_over_file(tmp_path) as app:
        with transaction(app.db) as db:
            assert guard.admits(db, [first, forged, first, other], now=1_800_000_000) == [True, False, True, True]
        with transaction(app.db) as db:
            assert guard.admits(db, [forged, first], now=1_800_000_001) == [False, True]
        assert len(rows_of(app, "SELECT * FROM replay_guard")) == 2
