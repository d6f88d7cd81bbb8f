"""FAQ round 78, through signed pushes: an answer from a path that was wrong a third of the time on the development
sets (here a ranked entry, how to set a seedling in its hole, that the model reads as the base fertiliser's) is offered first
(您是想问“…”吗？, ``faq.ask_back_one``); the villager's yes gives it, no ticket is filed; a no files the question for the
adviser. An answer the model seconds is given at once."""

from __future__ import annotations

import pytest

from bot import ask_back
from tests.faq_helpers import faq_index

RANKED_UNSECONDED = "树苗要怎么放进坑里"  # tech.planting_steps, ranked; the model reads tech.base_fertilizer


def the_one_offered(bot, question):
    result = faq_index(bot).match(question)
    assert result.kind == "escalate" and result.other is not None, "no longer asked first: pick another question"
    return result.other


@pytest.mark.xfail(
    strict=True,
    reason="round 95, AT-BS in the precedents (premise): asked back -> not asked back any more (the test: pick another question)",
)
def test_a_poor_paths_answer_is_offered_and_a_yes_gives_it(asker, bot, rows):
    answer = the_one_offered(bot, RANKED_UNSECONDED)
    offer = asker.says(RANKED_UNSECONDED)
    assert offer == bot.t("faq.ask_back_one", first=ask_back.name(faq_index(bot), answer))
    assert "您是想问" in offer and answer.answer_text not in offer
    assert asker.tickets() == 0
    assert asker.says("是") == answer.answer_text
    assert asker.tickets() == 0
    assert [(r["first"], r["second"], r["picked"]) for r in rows("faq_choices")] == [
        ("tech.planting_steps", "escalate", 1)
    ]


@pytest.mark.xfail(
    strict=True,
    reason="round 95, AT-BS in the precedents (premise): asked back -> not asked back any more (the test: pick another question)",
)
def test_a_no_files_the_question_for_the_adviser(asker, bot):
    the_one_offered(bot, RANKED_UNSECONDED)
    asker.says(RANKED_UNSECONDED)
    assert "问题编号" in asker.says("不是")
    assert asker.tickets() == 1


def test_an_answer_the_model_seconds_is_given_at_once(villager, bot):  # no roster: nothing is filed
    answer = faq_index(bot).match("桂花什么时候种最好")
    assert answer.other is None
    assert villager.says("桂花什么时候种最好") == answer.answer_text
