"""Round 21 of issue 17 §5 (the conversation goes where the villager means), the two left by round 20, through signed
pushes: a villager asking after their open question gets the waiting explained (the FAQ's ``bot.ticket_wait``), never a
new ticket; a staff member asking a village's count by its name gets that village's progress when they may see it (an
adviser: the linked villages; anyone else: their own village), and a villager never another village's figures."""

from __future__ import annotations

from bot.escalation import load_faq_index
from bot.store import roster as roster_store
from tests.conftest import add_roster

ADVISER, VILLAGER, CADRE, OTHER = "o-adviser-1", "o-villager-1", "o-cadre-1", "o-villager-2"


def roster(bot):
    """埔心村 and 大岭村, 五星村; the adviser of the first two, a villager and a cadre of 埔心村, a villager of 大岭村."""
    ids = add_roster(
        bot,
        {
            "埔心村": {"kind": "村", "households": 40},
            "大岭村": {"kind": "村", "households": 30},
            "五星村": {"kind": "村"},
        },
        [
            (ADVISER, "李顾问", "埔心村", "技术顾问"),
            (VILLAGER, "张三", "埔心村", "群众"),
            (CADRE, "陈书记", "埔心村", "村书记"),
            (OTHER, "王五", "大岭村", "群众"),
        ],
    )
    adviser = roster_store.person_by_openid(bot.db, ADVISER)
    with bot.db.conn:
        roster_store.set_adviser_villages(bot.db, adviser["id"], [ids["埔心村"], ids["大岭村"]])
    return ids


def test_a_villager_asking_after_the_open_question_gets_the_wait_explained_and_no_new_ticket(
    bot, clock, villager_factory, rows
):
    roster(bot)
    clock.set("2027-03-15T10:00")
    villager = villager_factory(VILLAGER)
    opened = villager.says("问专家 我家桂花叶子发黄还掉叶是怎么回事")
    assert "问题编号：1" in opened
    wait_answer = bot.service("faq", load_faq_index).entry("bot.ticket_wait")
    for asked in ("我问的还没人回", "还有几条没回"):
        clock.advance(hours=2)  # outside the 补充 window: today this became a new ticket
        reply = villager.says(asked)
        assert "第1号问题还在等技术顾问回答" in reply
        assert wait_answer.answer.strip().splitlines()[0] in reply  # the FAQ's bot.ticket_wait, from the conversation
        clock.advance(minutes=1)
        reply = villager.says(asked)  # within the window too: no 补充 of the question
        assert "第1号问题还在等" in reply and "补充" not in reply
    assert [t["id"] for t in rows("tickets")] == [1]
    assert rows("ticket_attachments") == []
    handlers = [
        r["handler"] for r in rows("SELECT handler FROM inbox WHERE openid = ? AND msg_type = 'text'", [VILLAGER])
    ]
    assert handlers == ["ask_expert", *["ticket_wait"] * 4]


def test_the_waiting_words_stay_the_advisers_queue_and_nothing_without_an_open_ticket(bot, clock, villager_factory):
    roster(bot)
    clock.set("2027-03-15T10:00")
    villager_factory(VILLAGER).says("问专家 我家桂花叶子发黄还掉叶是怎么回事")
    clock.advance(hours=2)
    assert "待回答1个" in villager_factory(ADVISER).says("还有几条没回")  # the adviser's queue, as before
    assert "还在等" not in villager_factory(OTHER).says("我问的还没人回")  # no open ticket: none waits (round 22)


def test_a_village_asked_by_its_name_shows_its_progress_only_to_whom_may_see_it(bot, clock, villager_factory):
    roster(bot)
    clock.set("2027-03-15T10:00")
    adviser = villager_factory(ADVISER)
    assert "大岭村（村）进度" in adviser.says("大岭村种了多少棵")  # a linked village, not the adviser's own
    assert "埔心村（村）进度" in adviser.says("埔心目前种了多少棵")
    assert "五星村（村）进度" not in adviser.says("五星村种了多少棵")  # not linked: no figures
    cadre = villager_factory(CADRE)
    assert "埔心村（村）进度" in cadre.says("埔心村种了多少棵")  # a cadre's own village
    assert "大岭村（村）进度" not in cadre.says("大岭村种了多少棵")
    villager = villager_factory(VILLAGER)
    assert "埔心村（村）进度" in villager.says("埔心村的进度")  # one's own village by its name
    assert "大岭村" not in villager.says("大岭村种了多少棵")  # never another village's figures
