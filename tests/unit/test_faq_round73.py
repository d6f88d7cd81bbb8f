"""FAQ round 73 (sets BE and BD as development sets: confident wrong, an answer from the wrong entry). One class of their
misses, first asked in words of our own (tests/data/faq_rule_checks_73.tsv, written before any change, none of the sets'
questions), with controls that must not move:

- the village asked to allow, agree, promise or spare one (``[[escalate.classes]] own_request``, generalised by the form
  of the asking rather than by topic words): 村里同不同意、答不答应、批不批 one's own plan; 通融, 破例, 少种, 免种, 少罚;
  not going and not losing points (唔去又唔扣分); a cadre's guarantee or stamp (保证, 盖章); caught, or notified and asking
  to undo it (被抓, 被通报, 补救, 撤销); a divorce or a household just split; a complaint one means to make (我想投诉);
  whether one's group will win a title (能不能评上最美……); bought or used first (优先买我的); what the village said,
  asked whether that is right (村里说……这样可以吗). The village decides: a ticket with its note, whatever the topic's
  entry, an intent asked before the rules, the precedents or the model read. The rule asked in general keeps its entry;
- the village asking one to pay (村里叫我出钱、每户凑钱; ``asked_to_pay``): money, the village's, a ticket with camp.funding
  under its number; where the money comes from, asked in general, keeps camp.funding;
- a reply that never came, complained of (我想投诉) where the dispute class holds it: a person, as round 48 kept the
  complaint class's (the precedents read how long replies take, bot.ticket_wait).

docs/faq.md, 第七十三轮."""

import pytest

from bot import faq


@pytest.mark.parametrize(
    "question",
    [
        "我想在党建林门口摆个卖水果的摊 村委同不同意",  # the topic's words would rank camp.dangjianlin
        "我家老人腿脚不方便 可不可以不参加义务植树又不扣积分",  # an intent (camp.points_rewards) read the points
        "我想在村里的果园放几箱蜜蜂 村委会不会批",  # the precedents read tech.beekeeping
        "党员责任区能不能通融一下 让我老婆替我管护",  # the model read bot.care_zones
    ],
)
def test_the_village_asked_to_allow_or_spare_one_is_its_own_request(index, question):
    result = index.match(question)
    assert result.kind == "escalate" and result.reason == "own_request", (faq.result_label(result), result.reason)
    assert "村委" in result.answer_text  # the class's note under the ticket's number


@pytest.mark.parametrize(
    "question",
    [
        "给树抓虫用什么药",  # 抓 of insects, nobody caught
        "树种深了有没有补救办法",  # a technique's remedy, no notice or ranking
        "通报了会怎样",  # the rule of notices
        "每户要种几棵",
        "果园里可以放蜜蜂吗",
    ],
)
def test_the_forms_leave_rules_and_techniques_alone(index, question):
    assert index.match(question).reason != "own_request", question


@pytest.mark.parametrize(
    "question",
    ["组长叫我们每家出钱买肥料 要不要给", "村干部要我们凑钱请挖机 合不合规", "村委叫我捐钱种党建林 一定要捐吗"],
)
def test_the_village_asking_one_to_pay_is_a_ticket_with_the_funding_entry_beside(index, question):
    result = index.match(question)
    assert (result.kind, result.reason, result.note_entry) == ("escalate", "asked_to_pay", "camp.funding"), result


def test_where_the_money_comes_from_keeps_its_entry(index):
    assert faq.result_label(index.match("种树苗要自己出钱吗")) == "camp.funding"


def test_a_reply_that_never_came_complained_of_stays_a_person_s(index):
    result = index.match("我前日问咗专家 到而家都冇人理 我想投诉")
    assert result.kind == "escalate", (faq.result_label(result), result.reason)
    assert faq.result_label(index.match("问了专家一般多久回")) == "bot.ticket_wait"
