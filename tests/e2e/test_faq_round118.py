"""FAQ round 118 end to end (issue 17 §1; set CN's confident wrong answers by class; docs/faq.md 第一百一十八轮):
through signed pushes to the real /wechat route and a real SQLite file. A sister species the list's tree stands for is
answered with that tree's field; one village's list asked whether out is the village's ticket with its note; a
photographed insect asked what it is goes to a person; 'it's me again' after a laugh is a hello. A reported tree a
cadre says was not seen (said_not_seen) is read before the FAQ by the records' status ('您现在没有等审核的记录') or as
a record or a cancel: tested in tests/data/faq_rule_checks_118.tsv only. That file holds the classes' controls."""

from __future__ import annotations


def test_a_sister_species_is_answered_with_the_list_tree_s_field(asker):
    reply = asker.says("乌榄喜欢什么泥")
    assert "橄榄" in reply and "红壤" in reply, reply  # 橄榄's soil: 山坡红壤
    assert "问题编号" not in reply and asker.tickets() == 0, reply


def test_is_the_sister_the_same_tree_is_the_card_s(asker):
    # helper faq137 (set CW): the 橄榄 card now says 乌榄 is a sister species (做榄角), so the card answers, no ticket
    reply = asker.says("橄榄和乌榄是不是同一种")
    assert "榄角" in reply and "问题编号" not in reply and asker.tickets() == 0, reply


def test_a_village_s_list_asked_whether_out_is_the_village_s_ticket(asker):
    reply = asker.says("我们社区的认养名单出了没有")
    assert "问题编号" in reply and "本村的名单、结果出来没有" in reply, reply
    assert asker.first_line("camp.adopt") not in reply, reply
    assert asker.tickets() == 1


def test_a_photographed_insect_asked_what_it_is_goes_to_a_person(asker):
    reply = asker.says("这只是什么虫 在龙眼树上影到的")
    assert "问题编号" in reply and asker.tickets() == 1, reply
    assert asker.first_line("bot.photo") not in reply, reply


def test_back_again_after_a_laugh_is_a_hello(asker):
    reply = asker.says("嘿嘿，我又来了")
    assert asker.bot.t("faq.greeting").strip().splitlines()[0] in reply, reply
    assert asker.tickets() == 0
    assert asker.first_line("bot.off_topic") not in reply, reply
