"""FAQ round 115 (knowledge) end to end: what the forestry and safety reviewer corrected reaches the villager through
signed pushes to the real /wechat route and a real SQLite file. A banned pesticide asked about is said banned outright
(not only on fruit trees); burning asked about is told Guangdong's all-year fire prevention; the answers about the
planting hole and pesticide first aid say the corrected words. tests/unit/test_faq_round115_knowledge.py holds one
test per fix; docs/faq.md, 第一百一十五轮(知识)."""

from __future__ import annotations


def test_a_banned_pesticide_is_said_banned_from_sale_and_use(asker):
    reply = asker.danger_line_no_ticket("种树时坑里放点呋喃丹防虫得唔得", "全面禁止销售和使用")
    assert "禁止用在果树" not in reply, reply


def test_burning_prunings_is_told_the_all_year_fire_prevention(asker):
    reply = asker.danger_line_no_ticket("剪下的树枝堆起来烧掉行不行", "全年森林防火")
    assert "不要烧" in reply.splitlines()[0], reply


def test_the_planting_hole_keeps_the_fertilizer_off_the_roots(asker):
    reply = asker.answered_by("树穴挖多大", "tech.hole_size")
    assert "根不碰肥" in reply and "填到根的周围" not in reply, reply


def test_pesticide_first_aid_protects_the_rescuer(asker):
    reply = asker.says("喷农药的时候不小心吸进去头晕想吐，怎么急救")
    assert "救人的先戴手套" in reply and "侧躺" in reply, reply
