"""FAQ round 65 (issue 17 §1, confident wrong), end to end through signed pushes to the real /wechat route: money asked
beforehand is a ticket with its warning, not the carbon answer; a cadre forcing someone is a ticket; a small tree asked in
other words gets the small trees; a tree off the list said off it, then its care asked, gets the care
(tests/unit/test_faq_round65.py)."""

from __future__ import annotations

from bot.escalation import load_faq_index
from tests.e2e.test_escalation import add_roster, ticket_number
from tests.e2e.test_faq_chat import ticket_count


def _first_line(bot, entry_id: str) -> str:
    entry = bot.service("faq", load_faq_index).entry(entry_id)
    assert entry is not None
    return entry.answer.strip().splitlines()[0]


def test_a_deposit_asked_is_a_ticket_with_the_warning(villager, bot):
    add_roster(bot)
    reply = villager.says("有人说帮我们卖碳汇 要先交押金 可不可信")
    assert ticket_number(reply) and ticket_count(bot) == 1, reply
    assert "先别交钱" in reply, reply
    assert _first_line(bot, "camp.carbon") not in reply, reply


def test_a_cadre_forcing_an_old_man_is_a_ticket(villager, bot):
    add_roster(bot)
    reply = villager.says("书记强迫七十多岁的老人去植树 可以这样吗")
    assert ticket_number(reply) and ticket_count(bot) == 1, reply
    assert _first_line(bot, "camp.party_age") not in reply, reply


def test_small_flowering_trees_asked_in_other_words(villager, bot):
    add_roster(bot)
    reply = villager.says("开花的小型树有哪些")
    assert "地方小、开花好看的推荐" in reply and "木棉" not in reply, reply
    assert ticket_count(bot) == 0, reply


def test_an_offlist_tree_s_care_after_the_list_remark(villager, bot):
    """The care is the rules' answer; the model, taught the list remark, still reads camp.exotic: asked back, the care
    first (it had been camp.exotic's answer alone)."""
    add_roster(bot)
    reply = villager.says("莲雾不在名单上 要怎么施肥")
    assert "1️⃣ 名单外的树怎么种、怎么管" in reply, reply
    assert _first_line(bot, "camp.exotic") not in reply and ticket_count(bot) == 0, reply
    picked = villager.says("1")
    assert _first_line(bot, "tech.offlist_care") in picked and ticket_count(bot) == 0, picked
