"""FAQ round 85 end to end (issue 17 §3: safety first, in the very reply): the new danger classes of set BN through
signed pushes to the real /wechat route and a real SQLite file. A danger that happened opens the reply with its line,
the ticket's number after it; a near miss gets no line and no ticket of the danger's. tests/unit/test_faq_own_checks.py
holds the classes' controls."""

from __future__ import annotations

import pytest

from tests.conftest import rows_of


@pytest.mark.parametrize(
    ("question", "words"),
    [
        # someone suddenly ill on the hill (sudden_illness): sit them down, 120
        ("阿伯挖着坑突然胸口好痛", ("胸口痛", "120")),
        # a water pipe dug into (buried_utility): stop digging, tell the village
        ("挖树穴挖爆了自来水管，水喷出来", ("停手", "自来水公司")),
        # a tree knocked into the road (hazard_tree)
        ("树被货车撞了，斜在马路中间", ("别站在树下", "围起来")),
        # a slope's mud sliding (landslide)
        ("下大雨，后山的泥在往下滑", ("离开坡下", "119")),
    ],
)
def test_a_danger_that_happened_opens_with_its_line_then_the_ticket(asker, question, words):
    asker.danger_line_then_ticket(question, words)


def test_a_leech_stuck_on_is_answered_with_its_line_first_no_ticket(asker):
    asker.danger_line_no_ticket("有条山蜞粘在小腿上扯不掉", "别硬扯")


def test_near_misses_get_no_line(asker, villager_factory, bot):  # asker: the roster added
    for i, question in enumerate(
        ["树死了我好心痛", "种树离自来水管要多远", "毛毛虫把叶子咬得都是洞", "下雨后泥地好滑"]
    ):
        reply = villager_factory(f"o-r85-calm-{i}").says(question)
        assert "胸口痛" not in reply and "自来水公司" not in reply and "胶布" not in reply, (question, reply)
        assert "离开坡下" not in reply, (question, reply)
