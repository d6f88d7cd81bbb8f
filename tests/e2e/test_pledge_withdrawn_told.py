"""withdraw84: a pledge (认领) withdrawn or changed is told to the village's cadres (``pledges.cadre_roles``) who follow
the account, through the outbox as an adoption ended is (withdraw83), and the reply says who was told. Through signed
pushes; the notices are what the WeChat stand-in delivered after ``tick``.
"""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _a_working_morning(clock):
    clock.set("2027-02-03T10:00")


def test_a_pledge_withdrawn_is_told_to_the_cadres(secretary, li, tick, notices, rows):
    li.says("认领 2棵荔枝")
    reply = li.says("取消认领")
    assert reply.startswith("已取消认领：2棵荔枝") and "已告诉王书记" in reply, reply
    tick()
    [told] = notices("o-wang", "李四")
    assert "取消" in told and "2棵荔枝" in told, told
    assert notices("o-li", "取消了认领") == []  # the sender is not told of their own act
    [row] = rows("SELECT kind, status FROM outbox WHERE openid = 'o-wang' AND dedupe_key LIKE 'pledge-ended:%'")
    assert (row["kind"], row["status"]) == ("notice", "sent")


def test_a_pledge_withdrawn_in_words_with_a_why_is_told(secretary, li, tick, notices):
    li.says("认领 3棵龙眼")
    li.says("我之前认领咗三棵龙眼 而家脚唔方便种唔到 想撤回")
    tick()
    [told] = notices("o-wang", "李四")
    assert "3棵龙眼" in told, told


def test_a_pledge_changed_is_told_with_before_and_after(secretary, li, tick, notices):
    li.says("认领 2棵荔枝")
    reply = li.says("认领改成一棵桃树，原来的两棵荔枝不要了")
    assert "已告诉王书记" in reply, reply
    tick()
    [told] = notices("o-wang", "李四")
    assert "2棵荔枝" in told and "桃" in told and "改" in told, told


def test_a_cadre_withdrawing_for_a_household_tells_the_other_cadres_not_himself(secretary, li, person, tick, notices):
    person("o-lin", "林干部", "村干部")
    assert secretary.says("认领 李四 2棵龙眼").startswith("已为李四家登记认领2棵龙眼")
    reply = secretary.says("取消认领 李四")
    assert reply.startswith("已取消李四家的认领：2棵龙眼。") and "林干部" in reply, reply
    tick()
    [told] = notices("o-lin", "李四")
    assert "王书记" in told and "2棵龙眼" in told, told
    assert notices("o-wang", "取消了") == []


def test_nothing_withdrawn_tells_nobody(secretary, li, tick, notices, rows):
    li.says("取消认领")
    tick()
    assert rows("SELECT id FROM outbox WHERE dedupe_key LIKE 'pledge-ended:%'") == []
    assert notices("o-wang", "李四") == []
