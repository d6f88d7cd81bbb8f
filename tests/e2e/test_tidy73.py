"""tidy73, end to end through signed pushes: a count of trees said to the adoptable list just shown ('认养两棵', '两棵')
is a wish for that many, never the list's second place adopted (nlu.pick: a number and 棵 with no 第 is a count, as
bot/adoption.py's round 48 comment and README's `认养 <编号>` row say); a place said (2, 第二棵, 认养2) still adopts."""

from __future__ import annotations

import pytest

from tests.e2e.test_adoption import (  # noqa: F401  (the module's fixtures: two records a page, three plots logged)
    _in_the_window,
    adoptions,
    cadre,
    config,
    plots,
)


@pytest.mark.parametrize("text", ["认养两棵", "两棵", "我要2棵", "就要三棵", "认种一棵"])
def test_a_count_said_to_the_list_is_no_place_picked(plots, person, bot, text):  # noqa: F811
    # main: '认养两棵', '两棵', '我要2棵' adopted the list's second plot's first tree, '就要三棵' the third's
    wang = person("o-wang", "王大妈")
    wang.says("认养")
    reply = wang.says(text)
    assert "认养成功" not in reply, reply
    assert adoptions(bot) == []
    if text.startswith("认"):  # the wish said with the command's word: the list again, which says one a number
        assert "发“认养 编号”认养一棵" in reply, reply


@pytest.mark.parametrize(
    ("text", "plot"),
    [("2", 1), ("第二棵", 1), ("第一棵", 0), ("认养2", 1), ("我就要第一棵", 0), ("要第二个", 1), ("认养第2棵", 1)],
)
def test_a_place_said_to_the_list_still_adopts(plots, person, bot, text, plot):  # noqa: F811
    wang = person("o-wang", "王大妈")
    wang.says("认养")
    assert "认养成功" in wang.says(text)
    assert [a["planting_id"] for a in adoptions(bot)] == [plots[plot]]
