"""Two trees compared, round 117's leftovers (session 57, left123; bot/faq_compare.py, ``[compare]`` of
messages/faq/matching.toml), through signed pushes to the real /wechat route and a real SQLite file:

1. which is easier to keep (好养, 省事, 易打理 …) is answered with both trees' care only (water, fertiliser, pests:
   ``[compare.care]``), short enough for one phone screen, not both whole species cards;
2. at the house front a tree's crown width is said once (荔枝 and 龙眼 said it in their size and again in their cautions);
3. a one-character tree (桃, 李, 柿, 竹) after 还是 / 比 / 同 is a tree of the comparison ('院子里种桃还是李好'),
   a person's name after it is not ('还是李伯来剪');
4. one tree asked first and the other offered after a pause with 还是 ('院子里种荔枝会不会太大，还是种石榴好') is a
   comparison of both, not the first tree's field.

The helper's own examples, written before the change and committed failing first."""

from __future__ import annotations

import pytest

from tests.faq_helpers import faq_index

PHONE_CHARS = 16  # characters a line holds in a WeChat bubble on a 390 px phone
PHONE_LINES = 14  # lines of a bubble that fit one screen with the chat's header and input bar


def _screen_lines(reply: str) -> int:
    """The reply's lines as a phone wraps them (each text line takes at least one)."""
    return sum(max(1, -(-len(line) // PHONE_CHARS)) for line in reply.strip().splitlines())


def _first(text: str) -> str:
    return str(text).strip().splitlines()[0]


def _shown(bot, name: str) -> str:
    from bot.faq import display_name

    return f"{display_name(faq_index(bot).species, name)}："


def _compared_no_ticket(asker, question: str, names: tuple[str, str]) -> str:
    reply = asker.says(question)
    assert "问题编号" not in reply and asker.tickets() == 0, reply
    for name in names:
        assert _shown(asker.bot, name) in reply, (name, reply)
    return reply


EASY_TO_KEEP = [
    ("桂花和龙眼哪个好养", ("桂花", "龙眼")),
    ("荔枝同杨梅边个易打理啲", ("荔枝", "杨梅")),
    ("桃子和石榴哪个省事", ("桃", "石榴")),
    ("簕杜鹃跟桂花哪个难养", ("簕杜鹃", "桂花")),
    ("香樟和秋枫哪种好管", ("香樟", "秋枫")),
    ("桃同李边个好养", ("桃", "李")),
]


@pytest.mark.parametrize(("question", "names"), EASY_TO_KEEP)
def test_easy_to_keep_is_both_trees_care_on_one_screen(asker, question, names):
    species = faq_index(asker.bot).species
    reply = _compared_no_ticket(asker, question, names)
    for name in names:
        assert _first(species[name]["water"]) in reply, (name, reply)  # the care: watering …
        assert species[name]["pests"].split("\n")[0].split("；")[0] in reply, (name, reply)  # … and pests
        assert _first(species[name]["card"]) not in reply, (name, reply)  # not the whole card
    assert "🗓" not in reply and "📏" not in reply, reply  # planting month and spacing are no care
    assert _screen_lines(reply) <= PHONE_LINES, (_screen_lines(reply), reply)


HOUSE_FRONT_CROWN = [
    ("门口种荔枝好还是种龙眼好", ("荔枝", "龙眼")),
    ("屋后种荔枝定系桂花", ("荔枝", "桂花")),
    ("院子里种龙眼还是柿子好", ("龙眼", "柿")),
]


@pytest.mark.parametrize(("question", "names"), HOUSE_FRONT_CROWN)
def test_the_house_front_says_a_crown_width_once(asker, question, names):
    reply = _compared_no_ticket(asker, question, names)
    for line in reply.splitlines():
        assert line.count("6–8米") <= 1, line  # 荔枝's and 龙眼's crown, once in each tree's line
    assert "离房屋5米以上" in reply, reply  # the house caution is kept


ONE_CHARACTER = [
    ("院子里种桃还是李好", ("桃", "李")),
    ("门口种柿还是桃好", ("柿", "桃")),
    ("屋前种桂花还是竹好", ("桂花", "竹子")),
    ("李比桃好种吗", ("李", "桃")),
]


@pytest.mark.parametrize(("question", "names"), ONE_CHARACTER)
def test_a_one_character_tree_is_a_tree_of_the_comparison(asker, question, names):
    _compared_no_ticket(asker, question, names)


def test_a_person_named_after_haishi_is_no_tree(asker):
    """Control: 李伯 is a person ('还是李伯来剪'), the question one tree's pruning."""
    species = faq_index(asker.bot).species
    reply = asker.says("桃树要剪枝吗 还是等李伯来剪好")
    assert "两种树" not in reply and _first(species["桃"]["pruning"]) in reply, reply


SECOND_TREE_AFTER_A_PAUSE = [
    ("院子里种荔枝会不会太大，还是种石榴好", ("荔枝", "石榴")),
    ("门口种龙眼会不会太高 还是种桂花好", ("龙眼", "桂花")),
    ("屋后种香樟会不会太大？定系种桂花好啲", ("香樟", "桂花")),
    ("桂花好唔好养？还是龙眼好养", ("桂花", "龙眼")),
]


@pytest.mark.parametrize(("question", "names"), SECOND_TREE_AFTER_A_PAUSE)
def test_a_second_tree_offered_after_a_pause_is_compared(asker, question, names):
    reply = _compared_no_ticket(asker, question, names)
    assert reply.startswith("两种树比一比"), reply


def test_one_tree_asked_then_told_of_another_stays_one_tree(asker):
    """Control: the second clause tells (no 还是), the first tree's field is the answer."""
    species = faq_index(asker.bot).species
    reply = asker.says("龙眼几年结果 我家旁边种了荔枝")
    assert "两种树" not in reply and species["龙眼"]["fruit_years"] in reply, reply
