"""The lead's mends of the fifty-fifth session, end to end through signed pushes to the real /wechat route.

A person poisoned by pesticide, asked how to help (`有人打农药中毒了要怎么急救`, know115's report): the dispute class read
`有人…毒` as someone poisoning one's trees and sent it to the village with no first aid; a person poisoned is the
pesticide rule's: its line, then the first aid, answered at once as `打农药中毒了怎么急救` is (no ticket to wait on). Someone poisoning one's trees
or fish stays the village's dispute."""

from __future__ import annotations


def test_a_person_poisoned_by_pesticide_gets_the_first_aid_not_the_village(asker):
    reply = asker.danger_line_no_ticket("有人打农药中毒了要怎么急救", "120")
    assert "农药中毒急救" in reply and "救人的先戴手套" in reply, reply
    assert "技术顾问答不了" not in reply, reply  # a dispute's route (the village, or the office when it has no cadre)


def test_someone_poisoning_ones_trees_stays_the_villages_dispute(asker):
    reply = asker.says("有人下毒毒死了我种的几棵龙眼")
    assert "技术顾问答不了" in reply and "问题编号" in reply, reply  # the fixture's village has no cadre: the office


def test_a_child_who_ate_rat_poison_gets_the_line_and_the_first_aid(asker):
    """The lead (CI of review55): `小孩吃了老鼠药` got the rodent-control card with no safety line (吃 and 食 were not among
    the pesticide rule's verbs for 老鼠药); a pet or animal that ate it stays a person's (round 84, ``beast``)."""
    reply = asker.danger_line_no_ticket("小孩食咗老鼠药", "120")
    assert "农药中毒急救" in reply, reply
