"""FAQ round 78, through signed pushes: an answer from a path that was wrong a third of the time on the development
sets (here a ranked entry, how to set a seedling in its hole, that the model reads as the base fertiliser's) is offered first
(您是想问“…”吗？, ``faq.ask_back_one``); the villager's yes gives it, no ticket is filed; a no files the question for the
adviser. An answer the model seconds is given at once."""

from __future__ import annotations

from bot import ask_back
from bot.escalation import load_faq_index
from tests.e2e.test_escalation import add_roster
from tests.e2e.test_faq_chat import ticket_count

RANKED_UNSECONDED = "树苗要怎么放进坑里"  # tech.planting_steps, ranked; the model reads tech.base_fertilizer


def the_one_offered(bot, question):
    result = bot.service("faq", load_faq_index).match(question)
    assert result.kind == "escalate" and result.other is not None, "no longer asked first: pick another question"
    return result.other


def test_a_poor_paths_answer_is_offered_and_a_yes_gives_it(villager, bot, rows):
    add_roster(bot)
    answer = the_one_offered(bot, RANKED_UNSECONDED)
    index = bot.service("faq", load_faq_index)
    offer = villager.says(RANKED_UNSECONDED)
    assert offer == bot.t("faq.ask_back_one", first=ask_back.name(index, answer))
    assert "您是想问" in offer and answer.answer_text not in offer
    assert ticket_count(bot) == 0
    assert villager.says("是") == answer.answer_text
    assert ticket_count(bot) == 0
    assert [(r["first"], r["second"], r["picked"]) for r in rows("faq_choices")] == [
        ("tech.planting_steps", "escalate", 1)
    ]


def test_a_no_files_the_question_for_the_adviser(villager, bot):
    add_roster(bot)
    the_one_offered(bot, RANKED_UNSECONDED)
    villager.says(RANKED_UNSECONDED)
    assert "问题编号" in villager.says("不是")
    assert ticket_count(bot) == 1


def test_an_answer_the_model_seconds_is_given_at_once(villager, bot):
    answer = bot.service("faq", load_faq_index).match("桂花什么时候种最好")
    assert answer.other is None
    assert villager.says("桂花什么时候种最好") == answer.answer_text
