"""FAQ round 76 (set BH's confident-wrong side), end to end through signed pushes to the real /wechat route: the
right warning for each kind of danger (a faint with heat's signs gets heatstroke's line and first aid under the
ticket's number, not an injury's; a caterpillar fallen onto someone its sting's line and answer, no ticket), how not to
fall on a slope its entry, and a promise not kept or a binding that fails a ticket (tests/unit/test_faq_round76.py)."""

from __future__ import annotations

from bot.escalation import load_faq_index
from tests.e2e.test_escalation import add_roster
from tests.e2e.test_faq_chat import rules_answer, ticket_count
from tests.faq_helpers import faq_index, first_line, safety_rule


def test_a_faint_with_heats_signs_gets_heatstrokes_line_and_first_aid_under_the_number(villager, bot):
    add_roster(bot)
    reply = villager.says("阿公喺山上晕低咗 成身好烫")
    assert reply.startswith(safety_rule(faq_index(bot), "heat_illness").line), reply
    assert safety_rule(faq_index(bot), "person_hurt").line not in reply, reply
    assert "问题编号" in reply and ticket_count(bot) == 1, reply
    assert first_line(bot, "tech.heatstroke") in reply, reply


def test_a_caterpillar_fallen_on_someone_is_its_sting_without_a_ticket(villager, bot):
    add_roster(bot)
    reply = villager.says("锯枝嗰阵条毛虫跌落我膊头 好痛好痕")
    assert reply.startswith(safety_rule(faq_index(bot), "caterpillar").line), reply
    assert safety_rule(faq_index(bot), "person_hurt").line not in reply, reply
    assert first_line(bot, "tech.caterpillar_sting") in reply, reply
    assert "问题编号" not in reply and ticket_count(bot) == 0, reply


def test_how_not_to_fall_on_a_slope_is_the_fall_safety_entry(villager, bot):
    add_roster(bot)
    reply = rules_answer(villager, bot, villager.says("斜坡好陡 种树点样先唔会跌亲"))
    assert first_line(bot, "tech.fall_safety") in reply, reply
    assert "问题编号" not in reply and ticket_count(bot) == 0, reply


def test_a_promise_not_kept_is_a_ticket_not_the_points_rules(villager, bot):
    add_roster(bot)
    reply = villager.says("积分讲可以换米 去到村委又话冇")
    assert "问题编号" in reply and ticket_count(bot) == 1, reply
    assert first_line(bot, "camp.points_rewards") not in reply, reply


def test_a_binding_without_an_id_card_is_a_ticket_not_the_binding_steps(villager, bot):
    add_roster(bot)
    reply = villager.says("我老豆冇身份证 点样绑定")
    assert "问题编号" in reply and ticket_count(bot) == 1, reply
    assert first_line(bot, "bot.register") not in reply, reply
