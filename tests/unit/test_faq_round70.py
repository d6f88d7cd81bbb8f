"""FAQ round 70 (sets BC and BD as development sets: confident wrong, an answer from the wrong entry). Two classes of
their misses, each first asked in words of our own (tests/data/faq_rule_checks_70.tsv, written before any change, none
of the sets' questions), with controls that must not move:

- one's own request of the village (``[[escalate.classes]] own_request``, ``over_intents``): a favour asked for oneself
  (借锄头俾我, 帮我运, 俾多两棵, 留一块俾我哋家族, 开证明), leaving a commitment half way (退出, 中途唔想, 提前解除), a
  promise a cadre made asked after, partners or heirs at odds over money, someone else's name on one's certificate, a
  fine found unfair, the adviser asked for in person. The village decides: a ticket, whatever topic an intent (even one
  asked before the rules) or the precedents read; the rule or the how-to asked in general keeps its entry;
- points asked by the tree (一棵树几多分, not 树穴几多分深) or as 党建积分: the points entries, not the hole's size;
- a wood ear or a tree's gum asked as food: no tree's fruit (camp.fruit_picking lists 桃子 edible), the wild fungi's
  entry or a person;
- whether one is registered already, what one's number is registered as: bot.my_info, not bot.register or rebind;
- a subsidy asked beside points (a shop as an exchange point): the subsidy's class, not the points entry.

docs/faq.md, 第七十轮."""

import pytest

from bot import faq


@pytest.mark.parametrize(
    "question",
    [
        "我想退出党员责任区 可以吗",  # an intent's topic (bot.care_zones) read by ranking
        "卖木材被罚款 我觉得不公平",  # an intent asked before the rules (tech.timber_sale)
        "村里可不可以借把锄头给我",  # an ordinary intent (camp.local_arrangements)
    ],
)
def test_one_s_own_request_is_the_village_s_whatever_the_topic(index, question):
    result = index.match(question)
    assert result.kind == "escalate" and result.reason == "own_request", (faq.result_label(result), result.reason)
    assert "村委" in result.answer_text  # the class's note under the ticket's number


@pytest.mark.parametrize(
    "question",
    [
        "我想退出这个公众号的提醒",
        "我要解除绑定",
        "认养的树可以换一棵吗",
        "村里会不会派人帮老人种树",
        "锄头可以借给邻居用吗",
        # after the default run: adoption paid for, each brother's household, the name asked in general, a firm's offer
        "我在佛山上班 想出钱认种一棵 村委能不能帮我种",
        "两兄弟分开住 是不是两家都要种",
        "证书上的名字能不能改",
        "有公司来村委讲可以帮我们搞碳汇",
    ],
)
def test_usage_rules_and_lending_among_villagers_are_no_request_of_the_village(index, question):
    assert index.match(question).reason != "own_request", question


def test_the_precedents_and_the_model_never_overrule_the_request(index):
    assert "own_request" in index._agreed_never
    assert any(c.name == "own_request" and c.over_intents for c in index._classes)
