"""FAQ round 53 (issue 17 §1: matching that generalises): set AR's misses by class, each class first asked in words
of our own (tests/data/faq_rule_checks_53.tsv, written before any change, none of AR's questions): a community's or a
branch's planted plot asked how to log it (bot.plot), how often the advisers come to the village (bot.advisers), a lost
adopted tree and its plate (a person), a disease asked to be confirmed (a person), which village to write when
registering (bot.register), any fruit kept after picking (tech.fruit_processing), a small place without a site, fruit
that looks good hanging, earth that collapses (recommendations), flowers on a balcony (tech.not_trees), the adviser's
wait said by 等 after 问专家 (bot.ticket_wait), what one may ask here (bot.help); controls (tagged ``control``) that must
not move. Before the round: own 14/40, controls 25/25. docs/faq.md, round 53."""

import pytest

from bot import escalation, faq


def test_a_small_place_without_a_site_is_named_so_in_the_reply(index):
    result = index.match("地方不大想种棵能吃的果树")
    assert faq.result_label(result) == "recommend.吃果+small"
    assert result.answer_text.startswith("地方小、能吃果子的推荐")


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("问专家的问题一般要等多久", None),  # the wait said by 等 alone: bot.ticket_wait, no ticket
        ("问专家要等几耐", None),
        ("问专家 荔枝要等多久", "荔枝要等多久"),  # a question put to the adviser that says 等多久
        ("问专家 荔枝种下去要等多久才结果", "荔枝种下去要等多久才结果"),
    ],
)
def test_the_adviser_s_wait_said_by_deng_opens_no_ticket(text, question):
    assert escalation.parse_ask_expert(text) == question
