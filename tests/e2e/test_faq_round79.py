"""FAQ round 79 (set BJ's confident-wrong and safety side), end to end through signed pushes to the real /wechat route:
a wasp's nest opens with the wasp's own line (not a snake bite's) and is answered; a wasp sting with a swollen face
its line, a ticket and the wasp entry under the number; an eye poked in Cantonese the eye injury's line and a ticket; a
decoction drunk the eaten plant's line, not a pesticide's; a question relayed for a neighbour without a phone no
longer the registering-for-others answer; an entry about one thing not given for a question that does not say it
(tests/unit/test_faq_round79.py)."""

from __future__ import annotations


def test_a_wasps_nest_opens_with_the_wasps_line_then_its_entry(asker):
    reply = asker.says("门口棵龙眼树上有个黄蜂窝")
    bite = asker.rule("bite_sting")
    assert reply.startswith(bite.line_by[0][1]), reply
    assert bite.line not in reply and "被蛇咬" not in reply, reply
    assert "马蜂" in reply and "问题编号" not in reply and asker.tickets() == 0, reply


def test_a_wasp_sting_with_a_swollen_face_is_its_line_a_ticket_and_the_wasp_entry(asker):
    reply = asker.says("我个女俾黄蜂叮咗 成块面肿晒")
    bite = asker.rule("bite_sting")
    assert reply.startswith(bite.line_by[0][1]) and "被蛇咬" not in reply, reply
    # round 116 (issue 17 §1): first aid done at once is the answer, its line first, no ticket (the eleven blind sets BZ-CL
    # label it so; safety.toml aid_answered)
    assert "问题编号" not in reply and asker.tickets() == 0, reply
    assert asker.first_line("tech.wasps") in reply, reply


def test_an_eye_poked_in_cantonese_is_the_eye_injurys_line_and_a_ticket(asker):
    reply = asker.says("细佬俾竹枝篤亲只眼")
    assert reply.startswith(asker.rule("eye_injury").line), reply
    assert "问题编号" in reply and asker.tickets() == 1, reply


def test_a_decoction_drunk_is_the_eaten_plants_line_not_a_pesticides(asker):
    reply = asker.says("阿爷摘咗啲山上嘅树叶煲水饮 依家呕")
    assert reply.startswith(asker.rule("ate_plant").line), reply
    assert asker.rule("pesticide_exposure").line not in reply, reply
    # round 116 (issue 17 §1): first aid done at once is the answer, its line first, no ticket (the eleven blind sets BZ-CL
    # label it so; safety.toml aid_answered)
    assert "问题编号" not in reply and asker.tickets() == 0, reply


def test_a_relayed_question_is_not_the_registering_for_others_answer(asker):
    reply = asker.says("邻居阿叔冇手机 佢棵龙眼落叶落得好犀利 托我问")
    assert asker.first_line("bot.proxy") not in reply, reply


def test_an_entry_about_one_thing_is_not_given_when_the_question_does_not_say_it(asker):
    reply = asker.says("荔枝酒点酿")
    assert asker.first_line("tech.osmanthus_food") not in reply, reply
    assert "问题编号" in reply and asker.tickets() == 1, reply


def test_someone_posing_as_the_forestry_office_is_a_ticket_with_the_warning_note(asker):
    reply = asker.says("有人冒充林业局上门收检疫费")
    assert "问题编号" in reply and asker.tickets() == 1, reply
    assert "先别给钱" in reply and asker.first_line("tech.seedling_quarantine") not in reply, reply
