"""bot/follow.py on a real SQLite file: a copy (here a list) follows a table whose key is the largest + 1, and
counts only committed rows as read for good."""

from __future__ import annotations

import pytest

from bot.db import connect, transaction
from bot.follow import Follower


class Copy:
    """A list of the rows' values, kept as the Follower says."""

    def __init__(self, db):
        self.db = db
        self.values: list[str] = []
        self.rows = Follower(
            lambda db, after: list(db.query("SELECT id, value FROM things WHERE id > ? ORDER BY id", [after])), "id"
        )

    def look(self) -> list[str]:
        change = self.rows.catch_up(self.db)
        if change is not None:
            del self.values[len(self.values) - change.drop :]
            self.values.extend(row["value"] for row in change.add)
        return self.values

    def insert(self, value: str) -> None:
        row_id = self.db.execute("INSERT INTO things (value) VALUES (?)", [value]).lastrowid
        self.rows.wrote(self.db, row_id)


@pytest.fixture
def db(tmp_path):
    db = connect(tmp_path / "things.db")
    db.execute("CREATE TABLE things (id INTEGER PRIMARY KEY, value TEXT)")
    yield db
    db.close()


@pytest.fixture
def other(tmp_path, db):
    """Another process's connection to the same file."""
    conn = connect(tmp_path / "things.db")
    yield conn
    conn.close()


def test_a_row_written_in_a_transaction_counts_at_once_and_goes_with_its_rollback(db, other):
    copy = Copy(db)
    with pytest.raises(RuntimeError), transaction(db):
        copy.insert("lost")
        assert copy.look() == ["lost"]
        raise RuntimeError
    with transaction(other):  # another process takes the freed id
        other.execute("INSERT INTO things (value) VALUES ('kept')")
    with transaction(db):
        assert copy.look() == ["kept"]
    assert copy.rows.committed == 1


def test_a_row_undone_with_its_savepoint_leaves_the_copy_in_the_same_transaction(db):
    copy = Copy(db)
    with transaction(db):
        with pytest.raises(RuntimeError), db.atomic():
            copy.insert("lost")
            assert copy.look() == ["lost"]
            raise RuntimeError
        assert copy.look() == []
        copy.insert("kept")  # the same id, another row
        assert copy.look() == ["kept"]
    assert copy.look() == ["kept"] and copy.rows.committed == 1


def test_rows_are_read_once_per_write_transaction_unless_it_wrote_one(db, other):
    copy = Copy(db)
    with transaction(other):
        other.execute("INSERT INTO things (value) VALUES ('a')")
    with transaction(db):
        assert copy.look() == ["a"]
        assert copy.rows.catch_up(db) is None  # nobody else can write meanwhile: not read again
        copy.insert("b")
        assert copy.look() == ["a", "b"]
        assert copy.rows.committed == 1  # b is this transaction's own until it commits
    assert copy.look() == ["a", "b"] and copy.rows.committed == 2
