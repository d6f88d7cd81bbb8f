"""FAQ round 87 end to end (issue 17 §1 and §3; set BP as the development set): the new dangers through signed pushes to
the real /wechat route and a real SQLite file. A danger that happened opens the reply with its line, the ticket's number
after it; a danger only asked about opens the answer with its line, no ticket; the same words with no danger get no line;
an errand off the campaign is answered, not a ticket. tests/unit/test_faq_round87.py holds the classes' controls."""

from __future__ import annotations

import pytest

from tests.conftest import rows_of
from tests.e2e.test_escalation import add_roster
from tests.faq_helpers import first_line as entry_first_line


def first_line(reply: str) -> str:
    return reply.strip().splitlines()[0]


@pytest.mark.parametrize(
    ("question", "words"),
    [
        # a person fell and got hurt (person_hurt): don't move them, press the wound, 120
        ("老豆种树时滑落山坑受伤了", ("别乱搬动", "120")),
        # a landslide in Cantonese (landslide)
        ("后山出现山泥倾泻，泥冲到屋后", ("离开坡下", "119")),
        # a branch about to fall on a roof (hazard_tree)
        ("隔篱棵大树有条大枝就快跌落我屋顶", ("别站在树下", "围起来")),
        # 着咗火 (fire)
        ("屋后竹林着咗火点算", ("119", "别自己扑大火")),
    ],
)
def test_a_danger_that_happened_opens_with_its_line_then_the_ticket(villager, bot, question, words):
    add_roster(bot)
    reply = villager.says(question)
    assert first_line(reply).startswith("⚠ 安全第一"), reply
    assert all(word in first_line(reply) for word in words), reply
    assert "问题编号" in reply and reply.index("⚠") < reply.index("问题编号"), reply
    assert len(rows_of(bot, "SELECT id FROM tickets")) == 1


def test_a_banned_pesticide_asked_is_answered_after_its_line_no_ticket(villager, bot):
    add_roster(bot)
    reply = villager.says("用甲拌磷淋树头杀虫行唔行")
    assert first_line(reply).startswith("⚠ 安全第一") and "剧毒农药" in first_line(reply), reply
    assert "问题编号" not in reply, reply
    assert rows_of(bot, "SELECT id FROM tickets") == []


def test_the_wild_boar_answer_opens_with_its_own_warning_once(villager, bot):
    add_roster(bot)
    reply = villager.says("有咩办法赶走啃树皮嘅野猪")
    assert first_line(reply) == entry_first_line(bot, "tech.wild_boar") and "别追别打" in first_line(reply), reply
    assert reply.count("⚠") == 1, reply


def test_near_misses_get_no_line_and_errands_no_ticket(villager_factory, bot):
    add_roster(bot)
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
