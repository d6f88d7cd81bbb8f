"""escalation.replies_to_answer: a question about the adviser's answer (round 49, the lead). The second batch below
was written after the reader, and run once before any change for it: 11/14, then 12/14 with the word asked what it
is (根颈系边度); the two left are two-character words of the answer (涂白, 河沙), which alone are no quotation."""

from __future__ import annotations

import pytest

from bot import escalation
from bot.messages import MESSAGES_DIR
from bot.planting import load_species_table

TABLE = load_species_table(MESSAGES_DIR)
QUESTION = ["我家桂花叶子黄了掉叶子"]
WHITEWASH = "树干涂白，用石灰加硫磺粉调成浆。"
MITES = "这是红蜘蛛，用阿维菌素喷叶背，十天一次。"
CLAY = "土太黏，挖开树盘混些河沙和有机肥。"
DEEP = "苗太深了，把根颈扒出来露出地面。"


@pytest.mark.parametrize(
    ("answer", "text"),
    [
        (WHITEWASH, "石灰同硫磺粉几多比例"),
        (MITES, "阿维菌素喺边度有得卖"),
        (MITES, "喷叶背系咪要一片片翻过来喷"),
        (CLAY, "老师讲嘅办法我试过了 还是黄 点算"),
        (DEEP, "根颈系边度"),
        (DEEP, "刚才你说的扒出来 要扒多深"),
        (MITES, "什么叫红蜘蛛"),
        (DEEP, "这棵桂花的根颈要扒出几多"),  # the ticket's own tree named
    ],
)
def test_a_question_about_the_answer(answer, text):
    assert escalation.replies_to_answer(text, answer, QUESTION, TABLE)


@pytest.mark.parametrize(
    ("answer", "text"),
    [
        (MITES, "我种咗几多棵树"),
        (MITES, "杨梅几时结果"),
        (CLAY, "多谢晒"),
        (CLAY, "村里几时发树苗"),
        (DEEP, "好 我听日去扒"),  # no question
        (DEEP, "荔枝苗要种几深"),  # another tree
        (MITES, "龙眼有红蜘蛛点算"),  # another tree, though it quotes
        (MITES, "你说荔枝几时种好"),  # the bot asked, not what the adviser said
        ("", "复合肥要用几多"),  # no answer to reply to
    ],
)
def test_another_matter(answer, text):
    assert not escalation.replies_to_answer(text, answer, QUESTION, TABLE)


@pytest.mark.xfail(strict=True, reason="a two-character word of the answer alone is no quotation (涂白, 河沙)")
@pytest.mark.parametrize(("answer", "text"), [(WHITEWASH, "涂白要涂几高"), (CLAY, "河沙可不可以用建筑用的沙")])
def test_two_characters_quoted(answer, text):
    assert escalation.replies_to_answer(text, answer, QUESTION, TABLE)
