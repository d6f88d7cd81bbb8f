"""FAQ round 129 end to end (issue 17 §1/§5: conventions the blind writers hold), through signed pushes to the real
/wechat route and a real SQLite file: a tree of one's own that has not flowered or fruited for years, said as a fact,
is a ticket, not the species' flowering field; trees reported dead on one's hill ('松树死了十几棵') start no planting
record (issue 17 §5: a record starts from a photo, a count or words of having planted); where one's allotted plot lies
is the village's ticket, not the my-trees step; thanks that name the tree taught are chit-chat, no ticket.
tests/unit/test_faq_round129.py holds the figures over the helper's own phrasings."""

from __future__ import annotations


def test_a_tree_of_one_s_own_years_without_flowers_is_a_ticket(asker):
    reply = asker.says("木棉种咗七年仲未开花")
    assert "问题编号" in reply, reply
    assert asker.tickets() == 1


def test_asked_in_general_why_a_tree_does_not_flower_keeps_its_field(asker):
    reply = asker.says("桂花一般什么原因不开花")
    assert "开花" in reply and "问题编号" not in reply, reply
    assert asker.tickets() == 0


def test_pines_reported_dead_on_one_s_hill_start_no_planting_record(asker):
    reply = asker.says("我承包的山上松树死了十几棵 要报吗")
    assert "问题编号" in reply, reply
    assert asker.tickets() == 1
    assert asker.bot.t("planting.how_to") not in reply, reply  # the record's steps: 十几棵 read as 'how many to report'


def test_pines_reported_dead_leave_no_record(asker, rows):
    asker.says("我承包的山上松树死了十几棵 要报吗")
    assert rows("plantings") == []


def test_where_one_s_allotted_plot_lies_is_the_village_s_ticket(asker):
    reply = asker.says("分给我家认养的那片地在哪个位置")
    assert "问题编号" in reply, reply
    assert asker.tickets() == 1
    assert "还没有您种的或认养的树" not in reply, reply


def test_thanks_naming_the_tree_taught_are_chitchat(asker):
    for text in ("感谢专家上次教我剪三角梅 现在开得好靓", "多谢你哋教我点样种荔枝 今年结咗好多"):
        reply = asker.says(text)
        assert "问题编号" not in reply and asker.first_line("bot.off_topic") not in reply, reply
    assert asker.tickets() == 0
