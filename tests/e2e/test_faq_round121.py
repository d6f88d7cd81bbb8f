"""FAQ round 121 end to end (issue 17 §1, the writers' conventions across the fourteen blind sets BZ-CO), through
signed pushes to the real /wechat route and a real SQLite file: pine wilt seen on one's own pines is a ticket opened by
the danger's line with the card under the number (safety.toml pine_wilt escalate_when); an everyday matter of another
office is the off-topic reply, no ticket (matching.toml [off_topic_unread] daily); felling one's own tree asked only
whether a permit is needed, and hurt while planting asked in general whether there is insurance, are their entries' own
answers, no ticket. tests/unit/test_faq_round121.py holds the figures over the helper's own phrasings."""

from __future__ import annotations


def test_pine_wilt_on_one_s_own_hill_is_a_ticket_with_the_line_and_the_card(asker):
    reply = asker.danger_line_then_ticket("我家后山的马尾松这个月红了一大片", ("松",))
    card = asker.first_line("tech.pine_wilt")
    assert card in reply and reply.index("问题编号") < reply.index(card), reply  # the card under the number


def test_pine_wilt_asked_in_general_is_the_card_alone(asker):
    reply = asker.says("松树一片片红掉是什么病")
    assert reply.startswith(asker.first_line("tech.pine_wilt")), reply  # the card's own ⚠ line first
    assert "问题编号" not in reply and asker.tickets() == 0, reply


def test_a_housing_plot_s_approval_is_the_off_topic_reply_not_a_ticket(asker):
    asker.answered_by("起新屋要办什么手续", "bot.off_topic")


def test_a_tree_on_the_housing_plot_with_a_neighbour_stays_a_ticket(asker):
    reply = asker.says("宅基地上种的龙眼 邻居说挡了他家")
    assert "问题编号" in reply and asker.tickets() == 1, reply


def test_felling_asked_only_whether_a_permit_is_needed_is_the_forest_law_answer(asker):
    asker.answered_by("家门口的龙眼树太老了想砍 需不需要审批", "tech.felling")


def test_hurt_while_planting_asked_whether_insured_is_the_insurance_answer(asker):
    asker.answered_by("植树活动跌伤了保险赔不赔", "camp.insurance")
