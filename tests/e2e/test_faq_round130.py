"""FAQ round 130 end to end (issue 17 §1, set CS: confident wrong answers by class), through signed pushes to the real
/wechat route and a real SQLite file: an acknowledgement forwarded to the village's group, a villager introducing
oneself by village and a 'I'll ask again later' are chit-chat, never "I only answer tree questions" nor a ticket; a
storm's broken big limb is a ticket for the adviser (the typhoon's calm line first), not the typhoon's card.
tests/unit/test_faq_round130.py holds the figures over the helper's own phrasings."""

from __future__ import annotations


def _off_topic_or_ticket(asker, reply: str) -> bool:
    return asker.first_line("bot.off_topic") in reply or "问题编号" in reply or asker.tickets() > 0


def test_an_acknowledgement_forwarded_to_the_group_is_okay_not_off_topic(asker):
    reply = asker.says("收到收到 我转发去村民群")
    assert "随时问我" in reply and not _off_topic_or_ticket(asker, reply), reply


def test_coming_back_later_to_ask_is_chit_chat(asker):
    reply = asker.says("好的 我下个礼拜再来问")
    assert "随时问我" in reply and not _off_topic_or_ticket(asker, reply), reply


def test_a_villager_introducing_oneself_by_village_is_greeted(asker):
    reply = asker.says("你好啊 我是石岗村的")
    assert "您好" in reply and not _off_topic_or_ticket(asker, reply), reply


def test_a_storm_s_broken_big_limb_is_a_ticket_not_the_typhoon_s_card(asker):
    reply = asker.says("荔枝树被台风吹断大枝 断口好大 怎么处理")
    assert "问题编号" in reply and asker.tickets() == 1, reply
    assert asker.first_line("tech.typhoon") not in reply or reply.index("问题编号") < reply.index(
        asker.first_line("tech.typhoon")
    ), reply
