"""FAQ round 124 end to end (issue 17 §1, set CP: confident wrongs by class), through signed pushes to the real /wechat
route and a real SQLite file: the trouble of those few trees of a site is a ticket, not the species' pests field
(messages/faq/matching.toml own_in_sight, symptoms); where the village's own site lies is its ticket
(local_fact); praise of the bot and what it said noted are chit-chat, no ticket and no off-topic reply (bot/nlu.py).
tests/unit/test_faq_round124.py holds the figures over the helper's own phrasings."""

from __future__ import annotations


def test_the_trouble_of_those_few_trees_is_a_ticket_not_the_pests_field(asker):
    reply = asker.says("示范点那几棵龙眼长了虫 怎么办")
    assert "问题编号" in reply, reply
    assert asker.tickets() == 1
    assert reply.index("问题编号") < 80, reply  # the ticket's number first, no species' field above it


def test_where_the_village_s_own_site_lies_is_the_village_s_ticket(asker):
    reply = asker.says("我哋村嘅党建林建喺边度")
    assert "问题编号" in reply, reply
    assert asker.tickets() == 1
    assert not reply.startswith(asker.first_line("camp.dangjianlin")), reply


def test_praise_and_a_note_taken_are_chitchat(asker):
    for text in ("哗 你知道咁多嘢", "你讲的我记下来了"):
        reply = asker.says(text)
        assert "问题编号" not in reply and asker.first_line("bot.off_topic") not in reply, reply
    assert asker.tickets() == 0
