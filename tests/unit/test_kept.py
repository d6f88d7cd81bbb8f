"""bot/kept.py: values derived once and kept, emptied when full."""

from bot.kept import Kept


def test_a_value_is_made_once_and_kept_none_included():
    kept, made = Kept(4), []
    for _ in range(3):
        assert kept.get_or_make("a", lambda: made.append("a")) is None  # None is kept like any value
    assert made == ["a"]


def test_a_full_store_empties_itself_before_keeping_more():
    kept = Kept(2)
    for key in "abc":
        kept.get_or_make(key, lambda key=key: key * 2)
    assert dict(kept) == {"c": "cc"}


def test_a_table_is_known_by_its_identity_not_its_contents():
    kept, calls = Kept(8), []
    first, twin = {"荔枝": {}}, {"荔枝": {}}

    def make(table):
        calls.append(table)
        return len(calls)

    assert kept.of_table(first, lambda: make(first)) == 1
    assert kept.of_table(first, lambda: make(first)) == 1
    assert kept.of_table(twin, lambda: make(twin)) == 2  # equal but another table: derived anew
    assert kept.of_table(first, lambda: make(first), "others") == 3  # another key of the same table


def test_a_reused_id_is_not_taken_for_the_table_kept():
    kept = Kept(8)
    table = {"a": 1}
    kept.of_table(table, lambda: "old")
    kept[(id(table),)] = (object(), "stale")  # what a freed table's id reused by another would leave
    assert kept.of_table(table, lambda: "new") == "new"
