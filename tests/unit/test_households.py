"""bot/households.py's pure functions: reading 并户 and 取消并户, who a name means, what may be linked."""

from __future__ import annotations

import pytest

from bot import households, roster
from bot.households import LinkText
from bot.messages import Messages

WORDS = Messages.load().words


def link(text: str) -> LinkText | None:
    with_command = households.parse_link(
        text, WORDS("households.commands.link"), (), WORDS("households.commands.house_words")
    )
    return with_command or households.parse_link(
        text, (), WORDS("households.commands.link_verbs"), WORDS("households.commands.house_words")
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("并户 李桂英 张大伯", LinkText("李桂英", "张大伯")),
        ("并户李桂英，张大伯家。", LinkText("李桂英", "张大伯")),
        ("并户 李桂英 到 张大伯", LinkText("李桂英", "张大伯")),
        ("合户 李桂英 张大伯户", LinkText("李桂英", "张大伯")),
        ("把李桂英并到张大伯家", LinkText("李桂英", "张大伯")),
        ("帮我把李桂英并入张大伯那户", LinkText("李桂英", "张大伯")),
        ("李桂英并进张大伯家里", LinkText("李桂英", "张大伯")),
        ("并户 李桂英", None),
        ("并户 李桂英 李桂英", None),
        ("把党建林的树并到示范点那边去", None),  # no two names
        ("我想认领两棵荔枝", None),
    ],
)
def test_link_read(text, expected):
    assert link(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("取消并户 李桂英", "李桂英"),
        ("撤销并户李桂英。", "李桂英"),
        ("取消并户", ""),
        ("取消并户 李桂英 张大伯", ""),
        ("取消", None),
    ],
)
def test_unlink_read(text, expected):
    assert households.parse_unlink(text, WORDS("households.commands.unlink")) == expected


def person(pid: int, name: str, village_id: int = 1, **fields) -> dict:
    return {"id": pid, "name": name, "village_id": village_id, "village": "埔心村", **fields}


def test_resolve_exact_then_like_then_kin_else_elsewhere():
    zhang, xiao = person(1, "张大伯"), person(2, "张小三")
    assert households.resolve("张大伯", 1, [zhang], [zhang], []).person == zhang
    assert households.resolve("小三", 1, [], [xiao], []).person == xiao
    assert households.resolve("张伯", 1, [], [], [zhang, xiao]).candidates == (zhang, xiao)
    other = person(9, "黄二", 2, village="东平村")
    found = households.resolve("黄二", 1, [other], [], [])
    assert found.person is None and found.elsewhere == (other,)
    nobody = households.resolve("李四", 1, [], [], [])
    assert nobody.person is None and not nobody.candidates and not nobody.elsewhere
    assert households.kin_surname("张大伯") == "张" and households.kin_surname("阿陈伯") == "陈"
    assert households.kin_surname("李桂英") is None


def test_who_may_be_linked_and_into_what():
    assert households.link_refusal({"source": "self", "household": None}) is None
    assert households.link_refusal({"source": "self", "household": "A"}) == "households.member_linked"
    assert households.link_refusal({"source": "roster", "household": None}) == "households.member_on_roster"
    assert households.link_refusal({"source": "proxy"}) == "households.member_on_roster"
    roles = roster.NON_HOUSEHOLD_ROLES
    assert households.head_refusal({"source": "self", "household": ""}, roles) == "households.head_self"
    assert households.head_refusal({"source": "roster", "role": "技术顾问"}, roles) == "households.head_no_household"
    assert households.head_refusal({"source": "roster", "role": "群众", "household": None}, roles) is None
