"""FAQ round 105, knowledge (the plan's own words, seed 002), end to end through signed pushes to the real /wechat
route: a term of the plan asked (留白增绿, a 主题党日 to hold) gets the entry that now says it, with no ticket; an
own village's 示范点 asked whether it passed stays a ticket (tests/data/faq_rule_checks_105.tsv)."""

from __future__ import annotations

from tests.e2e.test_escalation import add_roster, ticket_number
from tests.e2e.test_faq_chat import ticket_count


def test_the_plans_terms_are_answered_without_a_ticket(villager, bot):
    add_roster(bot)
    ways = villager.says("方案里面讲的留白增绿点解")
    assert "留白增绿" in ways and "拆围建绿" in ways and "村委" in ways, ways
    day = villager.says("支部想搞个种树主题党日 点样搞")
    assert "主题党日" in day and "方案没有统一规定" in day and "支部书记" in day, day
    assert "问题编号" not in ways + day and ticket_count(bot) == 0


def test_the_plan_says_no_acceptance_and_an_own_villages_verdict_is_a_ticket(villager, bot):
    add_roster(bot)
    who = villager.says("绿美示范点边个嚟验收")
    assert "方案没有写" in who and "督导组" in who and ticket_count(bot) == 0, who
    verdict = villager.says("我们村的示范点验收合不合格")
    assert ticket_number(verdict) and ticket_count(bot) == 1, verdict
