"""FAQ round 87 end to end (issue 17 §1 and §3; set BP as the development set): the new dangers through signed pushes to
the real /wechat route and a real SQLite file. A danger that happened opens the reply with its line, the ticket's number
after it; a danger only asked about opens the answer with its line, no ticket; the same words with no danger get no line;
an errand off the campaign is answered, not a ticket. tests/unit/test_faq_round87.py holds the classes' controls."""

from __future__ import annotations

import pytest

from tests.conftest import rows_of


@pytest.mark.parametrize(
    ("question", "words"),
    [
        # a landslide in Cantonese (landslide)
        ("后山出现山泥倾泻，泥冲到屋后", ("离开坡下", "119")),
        # a branch about to fall on a roof (hazard_tree)
        ("隔篱棵大树有条大枝就快跌落我屋顶", ("别站在树下", "围起来")),
        # 着咗火 (fire)
        ("屋后竹林着咗火点算", ("119", "别自己扑大火")),
    ],
)
def test_a_danger_that_happened_opens_with_its_line_then_the_ticket(asker, question, words):
    asker.danger_line_then_ticket(question, words)


def test_a_person_fallen_and_hurt_opens_with_its_line_then_the_first_aid_no_ticket(asker):
    # a person fell and got hurt (person_hurt): don't move them, press the wound, 120; round 116 (issue 17 §1): the
    # first aid is the answer, no ticket (the eleven blind sets BZ-CL label it so)
    reply = asker.danger_line_no_ticket("老豆种树时滑落山坑受伤了", "别乱搬动")
    assert "120" in reply.strip().splitlines()[0], reply


def test_a_banned_pesticide_asked_is_answered_after_its_line_no_ticket(asker):
    asker.danger_line_no_ticket("用甲拌磷淋树头杀虫行唔行", "剧毒农药")


def test_the_wild_boar_answer_opens_with_its_own_warning_once(asker):
    reply = asker.says("有咩办法赶走啃树皮嘅野猪")
    line = reply.strip().splitlines()[0]
    assert line == asker.first_line("tech.wild_boar") and "别追别打" in line, reply
    assert reply.count("⚠") == 1, reply


def test_near_misses_get_no_line_and_errands_no_ticket(asker, villager_factory, bot):  # asker: the roster added
    calm = [
        "蜗牛爬上树啃嫩叶点算",
        "荔枝未熟食得唔得",
        "新种的苗有点歪会不会倒",
        "台风季节一般几月",
        "天热种树要浇多少水",
    ]
    for i, question in enumerate(calm):
        reply = villager_factory(f"o-r87-calm-{i}").says(question)
        assert "安全第一" not in reply, (question, reply)
    tickets = len(rows_of(bot, "SELECT id FROM tickets"))  # a calm question may still be a person's (荔枝未熟食得唔得)
    for i, question in enumerate(["边度可以打流感针", "帮我叫架的士去市场"]):
        reply = villager_factory(f"o-r87-errand-{i}").says(question)
        assert "12345" in reply and "问题编号" not in reply, (question, reply)
    assert len(rows_of(bot, "SELECT id FROM tickets")) == tickets
