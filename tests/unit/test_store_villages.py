"""``bot.store.roster.all_villages`` (and ``kept_villages``) keeps the villages per connection and reads them again only when a write to the
table moved its mark (m006's triggers): an import on another connection, the dashboard, a test's own INSERT, a change
rolled back. And the person bound to an openid as the user row's statement returns it (``person_of_user``)."""

from __future__ import annotations

import sqlite3

import pytest

from bot.app import build_registry
from bot.db import connect, migrate, transaction
from bot.roster import core_name
from bot.store import roster, users

STAMP = "2027-01-01T00:00:00"


@pytest.fixture
def two(tmp_path):
    """Two connections to one migrated database: this process's and another's."""
    here = connect(tmp_path / "bot.db")
    migrate(here, build_registry().stores)
    there = connect(tmp_path / "bot.db")
    yield here, there
    here.close()
    there.close()


def names(db) -> list[str]:
    return [village["name"] for village in roster.all_villages(db)]


def test_villages_are_read_again_after_any_write_to_them(two):
    here, there = two
    assert names(here) == []
    with transaction(there):
        roster.insert_village(there, {"name": "埔心村"}, STAMP)
    assert names(here) == ["埔心村"]
    with transaction(there):
        village_id = roster.village_by_name(there, "埔心村")["id"]
        roster.update_village(there, village_id, {"town": "石角镇"}, STAMP)
    assert [v["town"] for v in roster.all_villages(here)] == ["石角镇"]
    there.execute("INSERT INTO villages (name) VALUES ('下围社区')")  # not through the store: the triggers see it
    there.conn.commit()
    assert names(here) == ["埔心村", "下围社区"]
    there.execute("DELETE FROM villages WHERE name = '下围社区'")
    there.conn.commit()
    assert names(here) == ["埔心村"]


def test_a_write_rolled_back_and_another_committed_are_told_apart(two):
    here, there = two
    with transaction(here):
        roster.insert_village(here, {"name": "埔心村"}, STAMP)
    with pytest.raises(RuntimeError):
        with transaction(here):
            roster.insert_village(here, {"name": "上围村"}, STAMP)
            assert names(here) == ["埔心村", "上围村"]  # its own write, seen inside its transaction
            raise RuntimeError("rolled back")
    assert names(here) == ["埔心村"]
    with transaction(there):
        roster.insert_village(there, {"name": "下围村"}, STAMP)
    assert names(here) == ["埔心村", "下围村"]


def test_kept_villages_are_read_once_and_each_caller_gets_its_own(two):
    here, there = two
    with transaction(there):
        roster.insert_village(there, {"name": "埔心村"}, STAMP)
    statements: list[str] = []
    here.conn.set_trace_callback(statements.append)
    first = roster.all_villages(here)
    first[0]["name"] = "changed by a caller"
    first.append({"name": "added by a caller"})
    assert names(here) == ["埔心村"]
    assert [sql for sql in statements if "FROM villages " in sql] == ["SELECT * FROM villages ORDER BY id"]


def test_a_database_without_the_mark_reads_the_table(tmp_path):
    bare = connect(tmp_path / "old.db")
    bare.execute("CREATE TABLE villages (id INTEGER PRIMARY KEY, name TEXT)")
    bare.execute("CREATE TABLE villages_version (id INTEGER PRIMARY KEY, mark INTEGER NOT NULL)")  # row missing
    bare.execute("INSERT INTO villages (name) VALUES ('埔心村')")
    assert names(bare) == ["埔心村"]


def test_core_name_is_kept_and_the_same():
    core_name.cache_clear()
    assert core_name("埔心村") == "埔心" and core_name("下围社区") == "下围" and core_name("村") == "村"
    assert core_name("埔心村") == "埔心" and core_name.cache_info().hits == 1


def test_the_person_comes_with_the_user_row_as_select_star_gives_it(two):
    here, _there = two
    with transaction(here):
        village = roster.insert_village(here, {"name": "埔心村"}, STAMP)
        person = roster.insert_person(
            here, {"name": "陈伯", "village_id": village, "role": "党员", "birth_year": 1950}, STAMP
        )
        roster.bind_openid(here, person, "o-chen", STAMP, via="roster")
        chen = users.touch_inbound(here, "o-chen", STAMP, with_person=True)
        stranger = users.touch_inbound(here, "o-new", STAMP, with_person=True)
        plain = users.touch_inbound(here, "o-new", STAMP)
    expected = roster.person_by_openid(here, "o-chen")
    assert chen["person"] == expected and list(chen["person"]) == list(expected)  # the columns, in their order
    assert isinstance(chen["person"]["birth_year"], int) and chen["person"]["phone"] is None
    assert stranger["person"] is None and "person" not in plain


def test_the_mark_is_a_table_of_the_roster_store(two):
    here, _there = two
    with pytest.raises(sqlite3.IntegrityError):  # one row
        here.execute("INSERT INTO villages_version (id, mark) VALUES (2, 0)")


def test_kept_villages_are_the_same_list_while_the_mark_holds(two):
    """``kept_villages``: registration's readers read the kept villages themselves, no copy (issue 21, thirteenth
    round); a write to the table, on any connection, gives a new list with a new mark."""
    here, there = two
    with transaction(there):
        roster.insert_village(there, {"name": "埔心村"}, STAMP)
    first = roster.kept_villages(here)
    assert first is roster.kept_villages(here) and first.mark is not None
    assert [v["name"] for v in first] == ["埔心村"] == names(here)
    with transaction(there):
        roster.insert_village(there, {"name": "下围村"}, STAMP)
    second = roster.kept_villages(here)
    assert second is not first and second.mark != first.mark
    assert [v["name"] for v in second] == ["埔心村", "下围村"]
    assert [v["name"] for v in first] == ["埔心村"]  # what a reader holds does not change under it


def test_villages_read_while_another_connection_commits_are_not_kept_under_the_older_mark(two):
    """Outside a transaction the mark and the villages are two reads: a commit between them would put the newer
    villages under the older mark (bot/identity.py keys the villages' forms by it). They are read, not kept."""
    here, there = two
    with transaction(there):
        roster.insert_village(there, {"name": "埔心村"}, STAMP)
    query = here.query

    def query_after_a_commit_elsewhere(sql, params=None):
        if "FROM villages " in sql:
            with transaction(there):
                roster.insert_village(there, {"name": "下围村"}, STAMP)
        return query(sql, params)

    here.query = query_after_a_commit_elsewhere  # type: ignore[method-assign]
    raced = roster.kept_villages(here)
    here.query = query  # type: ignore[method-assign]
    assert [v["name"] for v in raced] == ["埔心村", "下围村"] and raced.mark is None
    kept = roster.kept_villages(here)
    assert kept.mark is not None and [v["name"] for v in kept] == ["埔心村", "下围村"]
    with transaction(here):  # in a transaction nothing commits in between: kept at once
        assert roster.kept_villages(here) is kept


def test_the_village_forms_of_kept_villages_go_by_their_mark(two):
    """bot/identity.py ``_VillageForms`` of kept villages is found by their mark (not the tuple of 1,200 names), and
    reads as the forms of the same names given as plain dicts."""
    from bot import identity

    here, there = two
    with transaction(there):
        for name in ("埔心村", "下围社区", "埔心新村"):
            roster.insert_village(there, {"name": name}, STAMP)
    kept = roster.kept_villages(here)
    forms = identity._VillageForms.of(kept)
    assert identity._VillageForms.of(roster.kept_villages(here)) is forms
    by_names = identity._VillageForms.of([{"name": v["name"]} for v in kept])
    assert forms is not by_names and (forms.first, forms.lengths) == (by_names.first, by_names.lengths)
    for text in ("埔心村 李秀英", "下围李秀英", "我是埔心新村的张三", "我的进度"):
        assert identity.read_name_and_village(text, kept) == identity.read_name_and_village(text, list(kept))
    with transaction(there):
        roster.insert_village(there, {"name": "上岭村"}, STAMP)
    moved = identity._VillageForms.of(roster.kept_villages(here))
    assert moved is not forms and "上岭村" in moved.first
