"""FAQ helper faq133 (the fifty-ninth session; issue 17 §1; set CU, its confident-wrong answers by class), through
signed pushes to the real /wechat route and a real SQLite file: inheriting a dead parent's forest said as 继承 is a
ticket with tech.forest_tenure under its number (过户 stays the entry's own answer); the village's gathering point
said moved to a named place, and where the village planted the tree it planted on one's behalf, are the village's
tickets (local_fact), not the gathering card nor the proxy's card; a reward a cadre said there would be, asked
whether it is real, is a broken promise's ticket (promise_broken), not the care-zone card. tests/unit/test_faq_round_faq133.py holds the
figures over the helper's own phrasings."""

from __future__ import annotations

import pytest


def test_inheriting_a_dead_parent_s_forest_is_a_ticket_with_the_tenure_entry_under_it(asker):
    reply = asker.says("妈妈去世了 她名下那片林地我们几兄妹怎么继承")
    assert "问题编号" in reply and asker.tickets() == 1, reply
    tenure = asker.first_line("tech.forest_tenure")
    assert tenure in reply and reply.index(tenure) > reply.index("问题编号"), reply


def test_transferring_a_dead_parent_s_forest_is_still_answered(asker):
    asker.answered_by("阿妈过身咗 山林点样过户畀我", "tech.forest_tenure")


@pytest.mark.parametrize(
    ("question", "not_card"),
    [
        ("我们组种树的集合点改到村委了吗", "camp.local_arrangements"),
        ("村干部帮我阿爷代种嘅树到底种喺边度", "bot.proxy"),
    ],
)
def test_a_moved_gathering_point_or_a_proxy_tree_s_whereabouts_is_the_village_s_ticket(asker, question, not_card):
    reply = asker.says(question)
    assert "问题编号" in reply and asker.tickets() == 1, reply
    assert "以村委（社区）的通知为准" in reply, reply
    assert asker.first_line(not_card) not in reply, reply


def test_a_reward_a_cadre_said_there_would_be_asked_whether_real_is_a_ticket(asker):
    reply = asker.says("支书说认领责任区的党员年底有奖励 究竟有冇")
    assert "问题编号" in reply and asker.tickets() == 1, reply
    assert "说好的事办没办" in reply and asker.first_line("bot.care_zones") not in reply, reply
