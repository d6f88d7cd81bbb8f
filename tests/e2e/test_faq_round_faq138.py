"""FAQ helper faq138 end to end (the sixtieth session; issue 17 §1; set CW's under-escalation by class), through
signed pushes to the real /wechat route and a real SQLite file: a card given where only a person can answer is a
confident wrong a villager acts on. One's own record or role shown wrong (a count the village holds against the one
planted, a role shown as 群众 against the one held) is the village's ticket, not the planting or binding card; a
case the plan does not settle for one's own village or household (last year's trees counted this year, a dead
member still on the list, where one's pledged trees go, whether a tree adopted from afar was planted, the donations'
accounts, a community with no land for its trees) is a ticket of its class with that class's note, not the
quota, pledge or adoption card. tests/unit/test_faq_round_faq138.py holds the figures over the helper's own
phrasings (tests/data/faq_rule_checks_faq138.tsv)."""

from __future__ import annotations

import pytest

from tests.e2e.test_escalation import ticket, ticket_number

# (question of our own words, a line of the class's note the reply holds, the card it must not give, whose ticket)
CASES = [
    ("村委那边记我种了两棵 其实我种了四棵", "", "bot.log_planting", "village"),
    # the second review: the village named as holding the count ("村里登记…") had been the village's count told
    # (handlers/progress.py: how the count is made), never the dispute's ticket
    ("村里登记我种了三棵 其实我种了五棵", "", "bot.log_planting", "village"),
    ("我是村干部 可是系统里显示我是群众", "", "bot.register", "village"),
    ("我去年已经种咗三棵龙眼 今年仲算唔算", "今年的名单", "camp.quota_household", "village"),
    ("我老公去年去世了 村里还叫他完成党员任务", "过世", "camp.quota_party", "village"),
    ("我认领的三棵荔枝安排种在哪个位置", "以村委（社区）的通知为准", "bot.pledge", "village"),
    ("我在广州出钱认养了一棵树 到底有没有种下去", "以村委（社区）的通知为准", "camp.adopt", "village"),
    ("乡亲凑的钱怎么用的 会不会公开", "村里的账", "camp.adopt", "office"),
    ("我们社区实在找不到地种主题林 怎么办", "找不到地方", "camp.community_target", "village"),
]


@pytest.mark.parametrize(("question", "note", "card", "route"), CASES)
def test_a_case_only_a_person_can_settle_is_a_ticket_of_its_class(asker, bot, question, note, card, route):
    reply = asker.says(question)
    assert "问题编号" in reply and asker.tickets() == 1, reply
    assert note in reply, reply
    assert asker.first_line(card) not in reply, reply
    assert ticket(bot, ticket_number(reply))["route"] == route


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("我自己登记的时候把五棵写成了十五棵 其实只种了五棵 怎么改", "bot.cancel"),
        ("我是党员 怎么登记身份", "bot.register"),
        ("认领两棵龙眼三月种 怎么报", "bot.pledge"),
        ("想给过世的奶奶种一棵纪念树", "tech.memorial_tree"),
    ],
)
def test_the_card_still_answers_one_s_own_entry_or_the_general_rule(asker, question, entry):
    asker.answered_by(question, entry)
