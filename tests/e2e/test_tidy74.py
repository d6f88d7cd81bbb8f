"""tidy74, end to end through signed pushes: a count of trees alone said to the adoptable list just shown ('两棵',
'我要2棵', '就要三棵', '认养两棵') is neither a place picked (tidy73) nor a planting record nor the pledge's format: the list
again, after one line saying to pick by number, one tree each; the same words with no list shown are what they were (a
record waiting for its tree, the pledge's format), and trees planted told or named keep theirs (a place said still
adopts: tests/e2e/test_tidy73.py)."""

from __future__ import annotations

import pytest

from tests.e2e.test_adoption import (  # noqa: F401  (the module's fixtures: two records a page, three plots logged)
    _in_the_window,
    adoptions,
    cadre,
    config,
    plots,
)

LIST_LINE = "1. 党建林·香樟"


def new_records(bot) -> list[dict]:
    """The planting records after the three plots the fixture logged."""
    return [dict(r) for r in bot.db.query("SELECT id, count, species FROM plantings WHERE id > 3")]


def said_after_the_list(person, text: str):
    """王大妈 asks for the adoptable list, then says ``text``: (she, the reply)."""
    wang = person("o-wang", "王大妈")
    wang.says("认养")
    return wang, wang.says(text)


def a_record_asked(bot, reply: str, count: int) -> bool:
    """The reply to trees planted told: a count with no tree asks which (planting.count_alone, nothing stored yet), a
    tree named is a record waiting for its photo."""
    return reply == bot.t("planting.count_alone", n=count) or [r["count"] for r in new_records(bot)] == [count]


@pytest.mark.parametrize(
    "text",
    [
        # the review's (main: a record waiting for its tree, the pledge's format, a ticket, the list with no line)
        "两棵",
        "我要2棵",
        "就要三棵",
        "认养两棵",
        # ours, in other words (main: the pledge's format, a record of a tree called 给 or 俾, a record, the FAQ's
        # adoption entry, a ticket)
        "要三棵",
        "我想要两棵树",
        "给我一棵吧",
        "俾我两棵",
        "5棵",
        "两颗",
        "认养三株",
        "就要一棵啦",
    ],
)
def test_a_count_alone_said_to_the_list_is_the_list_again_with_how_to_pick(plots, person, bot, text):  # noqa: F811
    wang, reply = said_after_the_list(person, text)
    first, header, *rest = reply.splitlines()
    assert "编号" in first and "一棵" in first, reply  # the one line: pick by number, one tree each
    assert header.startswith("埔心村可认养的树") and rest[0] == LIST_LINE + "，还可认养6棵", reply
    assert "认养成功" not in reply and "认领" not in reply and "问题编号" not in reply, reply
    assert adoptions(bot) == [] and new_records(bot) == [] and "什么树" not in reply
    assert "认养成功" in wang.says("2")  # the list is still open: its number adopts
    assert [a["planting_id"] for a in adoptions(bot)] == [plots[1]]


@pytest.mark.parametrize(("text", "count"), [("两棵", 2), ("5棵", 5)])
def test_a_count_alone_with_no_list_shown_still_starts_a_record(plots, person, bot, text, count):  # noqa: F811
    reply = person("o-wang", "王大妈").says(text)
    assert a_record_asked(bot, reply, count) and LIST_LINE not in reply, reply


def test_a_count_wished_with_no_list_shown_still_gets_the_pledges_format(plots, person, bot):  # noqa: F811
    reply = person("o-wang", "王大妈").says("我要2棵")
    assert "认领 2棵" in reply and LIST_LINE not in reply, reply


def test_a_count_once_the_lists_window_has_passed_is_a_record(plots, person, bot, clock):  # noqa: F811
    wang = person("o-wang", "王大妈")
    wang.says("认养")
    clock.advance(minutes=int(bot.config.get("conversation.timeout_minutes")) + 1)
    reply = wang.says("两棵")
    assert a_record_asked(bot, reply, 2) and LIST_LINE not in reply, reply


@pytest.mark.parametrize("text", ["种了两棵", "我种咗两棵", "两棵荔枝"])
def test_trees_planted_told_or_named_after_the_list_are_still_a_record(plots, person, bot, text):  # noqa: F811
    _, reply = said_after_the_list(person, text)
    assert LIST_LINE not in reply and adoptions(bot) == [], reply
    assert a_record_asked(bot, reply, 2), reply
