"""FAQ round 93 end to end (issue 17 §1 and §3; set BT as the development set): the new danger lines through signed
pushes to the real /wechat route and a real SQLite file. A danger that happened opens the reply with its line, the
ticket's number after it; the pre-harvest interval asked as 马上 opens the answer with its line, no ticket; the same
words with no danger get no line; the same tree's field the model reads clearly is answered, not offered as one of two.
tests/unit/test_faq_round93.py holds the classes' controls."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("question", "words"),
    [
        # a split branch still hanging (hazard_tree)
        ("村口那棵老榕被雷打断一条大枝 还吊在半腰", ("别站在树下", "围起来")),
        # a tree leaning across a road (hazard_tree)
        ("路口的大樟树歪咗挡住条路", ("别站在树下", "告诉村里")),
        # a passer-by hit by a falling branch (person_hurt)
        ("修枝时锯下来的枝打中了路过的小孩", ("别乱搬动", "120")),
        # a street lamp's wire (power_line)
        ("树枝压到路灯线了", ("95598",)),
    ],
)
def test_a_danger_that_happened_opens_with_its_line_then_the_ticket(asker, question, words):
    asker.danger_line_then_ticket(question, words)


def test_fruit_picked_at_once_after_spraying_is_answered_after_the_interval_line(asker):
    reply = asker.danger_line_no_ticket("喷了农药的龙眼可以马上摘来吃吗", "安全间隔期")
    assert asker.first_line("tech.pesticide_safety") in reply, reply


def test_calm_words_get_no_line_and_a_clear_field_is_not_offered_as_two(asker, villager_factory):
    for i, question in enumerate(["我想在路边种一排树挡住灰尘", "路灯下面种什么树好", "荔枝成熟了马上摘还是等几天"]):
        reply = villager_factory(f"o-r93-calm-{i}").says(question)
        assert "安全第一" not in reply, (question, reply)
    reply = villager_factory("o-r93-field").says("龙眼树种在门口好吗")
    assert reply.startswith("龙眼（桂圆）") and "您问的是哪一个" not in reply, reply  # its card, no choice offered
