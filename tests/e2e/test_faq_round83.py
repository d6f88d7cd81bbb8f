"""FAQ round 83 (issue 17 §3: safety first, in the very reply), end to end through signed pushes to the real /wechat
route: a person hurt as Cantonese says it opens with the injury's line, then the ticket's number; lime in the mouth its
own line (rinse the mouth), then the number; a child wheezing from flying fluff the pollen allergy's line and the
allergy entry; a charcoal brazier and a headache the charcoal fumes' line; and never a line for a word of danger that
is none (蛇瓜, 火龙果, 芒果炭疽病) (tests/unit/test_faq_round83.py)."""

from __future__ import annotations


def test_a_sprained_foot_opens_with_the_injurys_line_before_the_ticket(asker):
    reply = asker.says("阿叔挖穴扭亲只脚 行唔到")
    line = asker.rule("person_hurt").line
    assert reply.startswith(line), reply
    # round 116 (issue 17 §1): first aid done at once is the answer, its line first, no ticket (the eleven blind sets BZ-CL
    # label it so; safety.toml aid_answered)
    assert "问题编号" not in reply and asker.tickets() == 0, reply


def test_lime_in_the_mouth_opens_with_its_own_line_before_the_ticket(asker):
    reply = asker.says("刷树嘅石灰水溅咗入细路个嘴")
    lime = asker.rule("lime_burn")
    mouth = lime.line_by[0][1]
    assert reply.startswith(mouth) and "漱口" in mouth, reply
    assert lime.line not in reply, reply
    # round 116 (issue 17 §1): first aid done at once is the answer, its line first, no ticket (the eleven blind sets BZ-CL
    # label it so; safety.toml aid_answered)
    assert "问题编号" not in reply and asker.tickets() == 0, reply


def test_a_child_wheezing_from_fluff_opens_with_the_pollen_line_then_the_allergy_entry(asker):
    reply = asker.says("啲柳絮飘入屋 我个女一直打喷嚏")
    assert reply.startswith(asker.rule("pollen_allergy").line), reply
    assert asker.first_line("tech.plant_allergy") in reply, reply


def test_a_headache_by_a_charcoal_brazier_opens_with_the_fumes_line(asker):
    reply = asker.says("屋企烧紧炭盆 阿嫲话头好痛想呕")
    assert reply.startswith(asker.rule("charcoal_fumes").line), reply
    assert "120" in reply.splitlines()[0]


def test_a_word_of_danger_that_is_none_opens_with_no_line(asker):
    for question in ("蛇瓜点种", "火龙果几时施肥", "芒果炭疽病点治"):
        reply = asker.says(question)
        assert not reply.startswith("⚠"), (question, reply)
        assert "防蛇" not in reply and "安全第一" not in reply, (question, reply)
