"""FAQ round 90 end to end (issue 17 §1 and §3; set BR as the development set): the new safety lines through signed
pushes to the real /wechat route and a real SQLite file. A danger that happened opens the reply with its line, the
ticket's number after it; a danger only asked about opens the answer with its line, no ticket; the same words with no
danger get no line; an errand off the campaign and a typhoon's pruning are answered, not a ticket.
tests/unit/test_faq_round90.py holds the classes' controls."""

from __future__ import annotations

import pytest

from tests.conftest import rows_of


@pytest.mark.parametrize(
    ("question", "words"),
    [
        # a big trunk split (hazard_tree): keep away, tell the village
        ("门口棵大榕树树干裂开一条大缝", ("别站在树下", "告诉村里")),
        # a big tree leaning, felling it oneself asked (hazard_tree)
        ("屋边棵老樟树斜咗 想自己砍咗佢", ("别一个人锯",)),
        # heatstroke, already in hospital (heat_illness)
        ("阿爸挖坑中暑送咗去医院", ("阴凉", "120")),
    ],
)
def test_a_danger_that_happened_opens_with_its_line_then_the_ticket(asker, question, words):
    asker.danger_line_then_ticket(question, words)


@pytest.mark.parametrize(
    ("question", "word"),
    [
        ("喷完杀虫药隔几日先摘得龙眼", "安全间隔期"),  # the pre-harvest interval: its own short line
        ("落完雨山上啲泥好滑 点样唔跌", "防滑鞋"),  # mud slippery after rain
        ("大家躲喺大树底避雨 仲行紧雷 得唔得", "大树下"),  # sheltering under a tree in a thunderstorm
        ("八月中午好晒 去山上淋水得唔得", "35度"),  # the noon sun, going out asked
    ],
)
def test_a_danger_asked_about_opens_the_answer_with_its_line(asker, question, word):
    asker.danger_line_no_ticket(question, word)


def test_calm_words_get_no_line_and_answers_no_ticket(asker, villager_factory, bot):  # asker: the roster added
    calm = ["荔枝几时摘最甜", "树苗斜咗点扶正", "树下面种的苗 打雷落雨后长得好快", "中午太晒 新种的苗要遮阴吗"]
    for i, question in enumerate(calm):
        reply = villager_factory(f"o-r90-calm-{i}").says(question)
        assert "安全第一" not in reply, (question, reply)
    tickets = len(rows_of(bot, "SELECT id FROM tickets"))
    for i, question in enumerate(["镇上边间药店开到夜晚", "垃圾车几点来我们村收垃圾"]):
        reply = villager_factory(f"o-r90-errand-{i}").says(question)
        assert "12345" in reply and "问题编号" not in reply, (question, reply)
    reply = villager_factory("o-r90-typhoon").says("台风前龙眼树要唔要修枝")
    assert asker.first_line("tech.typhoon") in reply and "安全第一" not in reply, reply
    assert len(rows_of(bot, "SELECT id FROM tickets")) == tickets
