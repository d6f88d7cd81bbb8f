"""aidnotice (safety: an accident answered is still heard of). Since FAQ round 116 a villager who writes that someone was
stung, bitten, poisoned, burnt by lime or hurt gets the first aid at once and no ticket, so nobody in the village heard
of it. Now such a reply also tells the village's cadres (a notice through the outbox: queued, retried, held for a shut
window, never lost), once per villager, kind of accident and day, and keeps a row the office counts (table and export
``accidents``). Through signed pushes; the notices are what the WeChat stand-in delivered after ``tick``.
"""

from __future__ import annotations

import pytest

from bot import exports

STING = "阿婆上山被马蜂蜇到手 肿得好大"
SNAKE = "刚才在果园拔草被蛇咬了一口 不知道有没有毒"
AID = "急救"  # a word of every accident notice


@pytest.fixture(autouse=True)
def _a_planting_morning(clock):
    clock.set("2027-03-12T10:00")


def accidents(rows) -> list[dict]:
    return rows("SELECT * FROM accidents ORDER BY id")


def first_aid_no_ticket(reply: str | None) -> str:
    assert reply is not None
    assert reply.startswith("⚠") and "问题编号" not in reply, reply
    return reply


def test_a_sting_gets_the_first_aid_and_the_cadre_is_told(secretary, li, tick, notices, rows):
    assert "蜂" in first_aid_no_ticket(li.says(STING))
    tick()
    [told] = notices("o-wang", AID)
    for said in ("李四", "埔心村", "1组1号", "蜂蜇", "马蜂蜇到手", "3月12日"):
        assert said in told, (said, told)
    assert notices("o-li", AID) == []  # the villager has the first aid in the reply, no notice of their own
    [row] = accidents(rows)
    assert (row["openid"], row["kind"], row["told"], row["told_to"]) == ("o-li", "tech.wasps", 1, "cadres")
    [sent] = rows("SELECT kind, status FROM outbox WHERE openid = 'o-wang' AND dedupe_key LIKE 'accident:%'")
    assert (sent["kind"], sent["status"]) == ("notice", "sent")


def test_the_same_words_again_that_day_tell_once(secretary, li, tick, notices, rows, clock):
    first_aid_no_ticket(li.says(STING))
    clock.advance(minutes=20)
    first_aid_no_ticket(li.says(STING))
    clock.advance(hours=3)
    first_aid_no_ticket(li.says("阿婆被马蜂叮了 手还是好肿"))
    tick()
    assert len(notices("o-wang", AID)) == 1
    assert len(accidents(rows)) == 1


def test_a_different_accident_tells_again(secretary, li, tick, notices, rows, clock):
    li.says(STING)
    clock.advance(minutes=30)
    first_aid_no_ticket(li.says(SNAKE))
    tick()
    told = notices("o-wang", AID)
    assert len(told) == 2 and "蛇咬" in told[1], told
    assert [row["kind"] for row in accidents(rows)] == ["tech.wasps", "tech.snakes"]


def test_the_same_accident_the_next_day_tells_again(secretary, li, tick, notices, clock):
    li.says(STING)
    tick()
    clock.advance(days=1)
    li.says(STING)
    tick()
    assert len(notices("o-wang", AID)) == 2


def test_a_shut_window_holds_the_notice_until_the_cadre_writes(secretary, li, tick, notices, rows, standin):
    standin.fail("message/custom/send", errcode=45015)
    li.says(STING)
    tick()
    [held] = rows("SELECT status FROM outbox WHERE openid = 'o-wang' AND dedupe_key LIKE 'accident:%'")
    assert held["status"] == "held" and notices("o-wang", AID) == []
    secretary.says("你好")
    tick()
    [sent] = rows("SELECT status FROM outbox WHERE openid = 'o-wang' AND dedupe_key LIKE 'accident:%'")
    assert sent["status"] == "sent"
    assert len(notices("o-wang", AID)) == 1


def test_no_cadre_on_wechat_tells_the_office(person, bot, village, li, tick, notices, rows):
    from bot.db import transaction
    from bot.store import roster as roster_store

    with transaction(bot.db):  # the village's secretary is on the roster but never bound WeChat
        roster_store.insert_person(bot.db, {"name": "王书记", "village_id": village, "role": "村书记"}, "2027-01-01")
    person("o-office", "陈主任", "管理员")
    li.says(SNAKE)
    tick()
    [told] = notices("o-office", AID)
    assert "李四" in told and "埔心村" in told and "没有村干部" in told, told
    [row] = accidents(rows)
    assert (row["told"], row["told_to"]) == (1, "office")


def test_nobody_on_wechat_keeps_the_row_for_the_office(li, tick, rows):
    li.says(SNAKE)
    tick()
    [row] = accidents(rows)
    assert (row["told"], row["told_to"]) == (0, "none")


def test_an_unregistered_sender_is_told_to_the_office_as_unregistered(person, villager, tick, notices, rows):
    person("o-office", "陈主任", "管理员")
    first_aid_no_ticket(villager.says(STING))
    tick()
    [told] = notices("o-office", AID)
    assert "未登记" in told and "o-villager-1" not in told, told
    [row] = accidents(rows)
    assert (row["person_id"], row["village_id"], row["told_to"]) == (None, None, "office")


def test_a_cadre_stung_tells_the_other_cadres_not_himself(secretary, person, tick, notices):
    person("o-lin", "林干部", "村干部")
    secretary.says(STING)
    tick()
    assert len(notices("o-lin", AID)) == 1
    assert notices("o-wang", AID) == []


def test_an_animal_poisoned_keeps_its_ticket_and_tells_no_accident(secretary, li, tick, notices, rows):
    reply = li.says("我家的狗吃了老鼠药")
    assert reply is not None and "问题编号" in reply, reply  # the ticket is the notice
    tick()
    assert notices("o-wang", AID) == []
    assert accidents(rows) == []


def test_who_pays_keeps_its_ticket_and_tells_no_accident(secretary, li, tick, notices, rows):
    reply = li.says("阿婶帮村里种树被蛇咬了 医药费谁出")
    assert reply is not None and "问题编号" in reply, reply
    tick()
    assert accidents(rows) == []


def test_the_office_counts_them_in_the_export(secretary, li, bot):
    li.says(STING)
    header, data = exports.rows(bot, "accidents")
    assert header[:7] == ["id", "openid", "person", "village", "kind", "day", "text"]
    [row] = list(data)
    assert row[header.index("kind_label")] == "蜂蜇" and row[header.index("person")] == "李四"


@pytest.mark.parametrize("asked", ["上山种树如果被蛇咬了怎么办", "万一被马蜂蜇了点算", "要是石灰进了眼睛怎么办"])
def test_first_aid_asked_in_case_tells_nobody(secretary, li, tick, notices, rows, asked):
    """Asked in case it happens (如果, 万一, 要是 in its first clause): the first aid is the answer, but nobody was hurt."""
    first_aid_no_ticket(li.says(asked))
    tick()
    assert notices("o-wang", AID) == []
    assert accidents(rows) == []


def test_a_bite_told_then_a_what_if_still_tells(secretary, li, tick, notices):
    first_aid_no_ticket(li.says("刚才被蛇咬了 万一有毒怎么办"))
    tick()
    assert len(notices("o-wang", AID)) == 1


def test_wechat_retrying_the_push_tells_once(secretary, li, tick, notices, rows):
    first_aid_no_ticket(li.says(STING))
    li.push(li.last_xml)  # WeChat's retry of the same message (same MsgId)
    tick()
    assert len(notices("o-wang", AID)) == 1
    assert len(accidents(rows)) == 1


# session 57 (left123): the villager's reply says the cadre (or the office) was told, only when a notice was queued


def test_the_reply_says_the_cadres_were_told(secretary, li, bot):
    reply = first_aid_no_ticket(li.says(STING))
    assert reply.rstrip().endswith(bot.t("faq.accident.reply_cadres")), reply
    assert bot.t("faq.accident.reply_office") not in reply


def test_the_reply_says_the_office_was_told_when_no_cadre_follows(person, li, bot):
    person("o-office", "陈主任", "管理员")
    reply = first_aid_no_ticket(li.says(SNAKE))
    assert reply.rstrip().endswith(bot.t("faq.accident.reply_office")), reply
    assert bot.t("faq.accident.reply_cadres") not in reply


def test_the_reply_says_nothing_told_when_nobody_was(li, bot):
    reply = first_aid_no_ticket(li.says(SNAKE))
    assert bot.t("faq.accident.reply_cadres") not in reply and bot.t("faq.accident.reply_office") not in reply


def test_the_same_accident_again_that_day_says_nothing_told(secretary, li, bot, clock):
    assert bot.t("faq.accident.reply_cadres") in li.says(STING)
    clock.advance(minutes=20)
    reply = first_aid_no_ticket(li.says("阿婆被马蜂叮了 手还是好肿"))
    assert bot.t("faq.accident.reply_cadres") not in reply, reply  # no second notice was queued


def test_first_aid_asked_in_case_says_nothing_told(secretary, li, bot):
    reply = first_aid_no_ticket(li.says("上山种树如果被蛇咬了怎么办"))
    assert bot.t("faq.accident.reply_cadres") not in reply, reply
