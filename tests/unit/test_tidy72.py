"""Tidy72: one reader of a pick from a numbered list (bot/nlu.py ``pick``), for the three lists that read one.

Each row is a message said while a list waits, with what each list's reader takes from it: the registration's
villages (``handlers/registration.py`` ``_choice_number``, two or twelve listed), the FAQ's choice of two answers or of
one (``bot/ask_back.py`` ``chosen``, as ``handlers/faq.py`` and the planting record's count question read it), and the
adoptable trees (``handlers/adoption.py`` ``_bare_pick``, a number past the list answered 'no such number' there). The
table was run against the three readers before they were one (commit 'tidy72: the table of picks'), so a row passing
now is the behaviour kept; ``GAINED`` holds the few forms one list read and another did not, now read by all.
"""

from __future__ import annotations

import pytest

from bot import ask_back, clock, nlu
from tests.unit.test_awards_services import county  # noqa: F401 - fixtures

REG2, REG12, FAQ2, FAQ1, ADOPT = "registration of 2", "registration of 12", "faq of 2", "faq of 1", "adoption"


def _registration(listed: int):
    def read(text: str) -> int | None:
        return nlu.pick(text, listed)

    return read


def _faq(offered: int):
    def read(text: str) -> int | None:
        return ask_back.chosen(text, offered)

    return read


READERS = {
    REG2: _registration(2),
    REG12: _registration(12),
    FAQ2: _faq(2),
    FAQ1: _faq(1),
    ADOPT: lambda text: nlu.pick(text, None, trees=True),
}
LISTS = (REG2, REG12, FAQ2, FAQ1, ADOPT)

# text, then what each list reads from it, in the order of LISTS
KEPT = [
    # digits, numerals, and by voice (recognition writes the numeral with a full stop)
    ("1", 1, 1, 1, 1, 1),
    ("１", 1, 1, 1, 1, 1),
    ("1。", 1, 1, 1, 1, 1),
    ("一。", 1, 1, 1, 1, 1),
    ("2", 2, 2, 2, None, 2),
    ("二。", 2, 2, 2, None, 2),
    ("两", 2, 2, 2, None, 2),
    ("3", None, 3, None, None, 3),
    ("十二", None, 12, None, None, 12),
    ("零三", None, 3, None, None, 3),
    # 第N个, 选N, N号, and their Cantonese and traditional forms
    ("第二个", 2, 2, 2, None, 2),
    ("第二個", 2, 2, 2, None, 2),
    ("第2", 2, 2, 2, None, 2),
    ("第十", None, 10, None, None, 10),
    ("选二", 2, 2, 2, None, 2),
    ("選二", 2, 2, 2, None, 2),
    ("拣2", 2, 2, 2, None, 2),
    ("揀第二個啦", 2, 2, 2, None, 2),
    ("选第一个吧", 1, 1, 1, 1, 1),
    ("选1号吧", 1, 1, 1, 1, 1),
    ("2号", 2, 2, 2, None, 2),
    ("二號", 2, 2, 2, None, 2),
    ("2个", 2, 2, 2, None, 2),
    ("一个", 1, 1, 1, 1, 1),
    ("两个", 2, 2, 2, None, 2),
    ("第一条", 1, 1, 1, 1, None),
    ("要第三个", None, 3, None, None, 3),
    ("要第二个啊", 2, 2, None, None, 2),
    # the adoptable list's own words: its verbs, its trees, 我/就
    ("我就要第一棵", None, None, None, None, 1),
    ("第二棵", None, None, None, None, 2),
    ("我要2号", None, None, None, None, 2),
    ("认养2", None, None, None, None, 2),
    ("认种第三个", None, None, None, None, 3),
    ("挑3", None, None, None, None, 3),
    ("2了", None, None, None, None, 2),
    # the FAQ's choice: by place between two, and its other words for a place
    ("头一个", None, None, 1, 1, None),
    ("上面那个", None, None, 1, 1, None),
    ("前面嗰个", None, None, 1, 1, None),
    ("后面嗰个", None, None, 2, None, None),
    ("下面那个", None, None, 2, None, None),
    ("第一项", None, None, 1, 1, None),
    ("第二种", None, None, 2, None, None),
    # neither (the FAQ's 0) and a yes to the one answer offered
    ("0", None, None, 0, 0, None),
    ("零", None, None, 0, 0, None),
    ("都不是", None, None, 0, 0, None),
    ("唔系", None, None, 0, 0, None),
    ("问专家", None, None, 0, 0, None),
    ("是的", None, None, None, 1, None),
    ("系呀", None, None, None, 1, None),
    # near misses: a count, a date, a ticket's number, a range, a question, more words
    ("两棵", None, None, None, None, 2),  # a count: no list reads it since tidy73 (``DROPPED``)
    ("3棵", None, None, None, None, 3),
    ("种了两棵", None, None, None, None, None),
    ("两棵荔枝", None, None, None, None, None),
    ("3号", None, 3, None, None, 3),
    ("3月5号", None, None, None, None, None),
    ("5号种的", None, None, None, None, None),
    ("75号", None, None, None, None, 75),  # the adoptable list answers 'no such number' itself
    ("我的75号问题呢", None, None, None, None, None),
    ("二三", None, None, None, None, None),
    ("三四个", None, None, None, None, None),
    ("第二个是什么意思", None, None, None, None, None),
    ("我要第二个证书", None, None, None, None, None),
    ("第一次种", None, None, None, None, None),
    ("就系第二个", None, None, None, None, None),
    ("", None, None, None, None, None),
]


# forms one list read and another did not, now read by every list they fit (each row all the lists): 我/就 and 挑 before
# the pick, 了 after, 第N项/种 and N条, 头一个 for the first of any list, and by place between two villages as between
# two answers; the adoptable list's 棵 and verbs stay its own. No list reads a form otherwise than before: a gain is
# only a form a list had not read (None before).
GAINED = {
    "第一条": (1, 1, 1, 1, 1),
    "要第二个啊": (2, 2, 2, None, 2),
    "我要2号": (2, 2, 2, None, 2),
    "挑3": (None, 3, None, None, 3),
    "2了": (2, 2, 2, None, 2),
    "头一个": (1, 1, 1, 1, 1),
    "上面那个": (1, None, 1, 1, None),
    "前面嗰个": (1, None, 1, 1, None),
    "后面嗰个": (2, None, 2, None, None),
    "下面那个": (2, None, 2, None, None),
    "第一项": (1, 1, 1, 1, 1),
    "第二种": (2, 2, 2, None, 2),
    # not in the table run against the old readers
    "我就选第一个": (1, 1, 1, 1, 1),
    "一条": (1, 1, 1, 1, 1),
    "第十二种": (None, 12, None, None, 12),
}


# tidy73: forms the adoptable list read as a place and reads no more: a number and 棵 with no 第 is a count, a wish for
# that many ('认养两棵', bot/adoption.py's round 48; tests/e2e/test_tidy73.py)
DROPPED = {"两棵": (None,) * len(LISTS), "3棵": (None,) * len(LISTS)}


@pytest.mark.parametrize("row", KEPT, ids=[row[0] or "empty" for row in KEPT])
def test_each_list_reads_the_pick_it_read_before(row):
    text, *before = row
    now = GAINED.get(text, DROPPED.get(text, tuple(before)))
    if text not in DROPPED:  # a gain only where none was
        assert all(old is None or old == new for old, new in zip(before, now, strict=True))
    assert {name: READERS[name](text) for name in LISTS} == dict(zip(LISTS, now, strict=True))


@pytest.mark.parametrize("text", [text for text in GAINED if text not in {row[0] for row in KEPT}])
def test_a_form_one_list_read_is_read_by_every_list_it_fits(text):
    assert {name: READERS[name](text) for name in LISTS} == dict(zip(LISTS, GAINED[text], strict=True))


@pytest.mark.parametrize(
    ("text", "listed"),
    [("后面那个", 3), ("下面嗰个", 5), ("前面那个", 3), ("后面那个", None), ("第二棵", 5), ("认养2", 5), ("两棵", 5)],
)
def test_a_place_of_two_is_none_in_a_longer_list_and_a_tree_only_in_a_list_of_trees(text, listed):
    assert nlu.pick(text, listed) is None


# -- a dated notice's staleness is its row's own (bot/store/outbox.py ``stale_after``) -------------------------------
def test_the_award_reminder_is_queued_dated_a_day_after_it_is_due(county):
    from datetime import timedelta

    from tests.conftest import rows_of
    from tests.unit.test_awards_services import FIRST_AWARDS, remind

    days = int(county.app.config.get("awards.remind_days_before"))
    remind(county, FIRST_AWARDS - timedelta(days=days))
    [message] = rows_of(county.app, "outbox")
    hours = float(county.app.config.get("outbox.held_reminder_hours"))
    due = clock.from_db(message["next_attempt_at"])
    assert message["stale_after"] == clock.to_db(due + timedelta(hours=hours))
