"""FAQ round 48 (issue 17 §1), through signed pushes: a question whose rules answer one field of a tree while the model
reads the same tree's card is asked back, the card named as its fields are ('龙眼·简介', not its first line); either
number gives that answer, 0 sends the question to the adviser."""

from __future__ import annotations

from bot import ask_back
from bot.escalation import load_faq_index
from tests.e2e.test_escalation import add_roster
from tests.e2e.test_faq_chat import ticket_count

# the rules read where a camphor grows (sites), the model its card (with its cautions) by a lead between ask_field and
# answer_field (0.7 now); round 93: '龙眼栽在屋子后面行吗', written for this round, is read by 1.0 or more and answered
FIELD_OR_CARD = "香樟种大门口得唔得"


def test_a_field_and_the_trees_card_are_offered_by_their_names(villager, bot):
    add_roster(bot)
    index = bot.service("faq", load_faq_index)
    result = index.match(FIELD_OR_CARD)
    assert (result.entry_id, result.other and result.other.entry_id) == ("species.香樟.sites", "species.香樟.card")
    titles = [ask_back.name(index, answer) for answer in (result, result.other)]
    assert titles == ["香樟·适合种在哪里", "香樟·简介"]
    assert villager.says(FIELD_OR_CARD) == bot.t("faq.ask_back", first=titles[0], second=titles[1])
    assert villager.says("2") == result.other.answer_text
    assert villager.says(FIELD_OR_CARD) == bot.t("faq.ask_back", first=titles[0], second=titles[1])
    assert villager.says("1") == result.answer_text
    assert ticket_count(bot) == 0


def test_neither_field_sends_the_question_to_the_adviser(villager, bot, rows):
    add_roster(bot)
    villager.says(FIELD_OR_CARD)
    assert "问题编号" in villager.says("0")
    (ticket,) = rows("tickets")
    assert ticket["question"] == FIELD_OR_CARD
