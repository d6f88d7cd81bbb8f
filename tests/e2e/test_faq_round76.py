"""FAQ round 76 (set BH's confident-wrong side), end to end through signed pushes to the real /wechat route: the
right warning for each kind of danger (a faint with heat's signs gets heatstroke's line and first aid under the
ticket's number, not an injury's; a caterpillar fallen onto someone its sting's line and answer, no ticket), how not to
fall on a slope its entry, and a promise not kept or a binding that fails a ticket (tests/unit/test_faq_round76.py)."""

from __future__ import annotations

import pytest


def test_a_faint_with_heats_signs_gets_heatstrokes_line_and_first_aid_under_the_number(asker):
    reply = asker.says("阿公喺山上晕低咗 成身好烫")
    assert reply.startswith(asker.rule("heat_illness").line), reply
    assert asker.rule("person_hurt").line not in reply, reply
    assert "问题编号" in reply and asker.tickets() == 1, reply
    assert asker.first_line("tech.heatstroke") in reply, reply


def test_a_caterpillar_fallen_on_someone_is_its_sting_without_a_ticket(asker):
    reply = asker.says("锯枝嗰阵条毛虫跌落我膊头 好痛好痕")
    assert reply.startswith(asker.rule("caterpillar").line), reply
    assert asker.rule("person_hurt").line not in reply, reply
    assert asker.first_line("tech.caterpillar_sting") in reply, reply
    assert "问题编号" not in reply and asker.tickets() == 0, reply


def test_how_not_to_fall_on_a_slope_is_the_fall_safety_entry(asker):
    asker.answered_by("斜坡好陡 种树点样先唔会跌亲", "tech.fall_safety")


@pytest.mark.parametrize(
    ("question", "not_the_answer"),
    [
        ("积分讲可以换米 去到村委又话冇", "camp.points_rewards"),  # a promise not kept, not the points' rules
        ("我老豆冇身份证 点样绑定", "bot.register"),  # a binding without an id card, not the binding steps
    ],
)
def test_a_promise_not_kept_or_a_binding_that_fails_is_a_ticket_not_the_usage(asker, question, not_the_answer):
    reply = asker.says(question)
    assert "问题编号" in reply and asker.tickets() == 1, reply
    assert asker.first_line(not_the_answer) not in reply, reply
