"""Round 54 of issue 17 §5, through signed pushes: conversation leftovers found in the simulator. A question of points is
no planting record; trees planted along a stretch with no count are a record whose trees and count are asked; a relative
who planted too is told how their name comes on a record (no ticket); an adviser answers a ticket they closed unanswered
themselves within escalation.reopen_days; a correction of the answer to a follow-up reaches the villager as that
answer's. Each written before its mend and run on the untouched branch first (all failed), with controls."""

from __future__ import annotations

import pytest

from tests.conftest import rows_of
from tests.e2e.test_conversation_probes import (  # noqa: F401  (the module's fixture: one app for the examples)
    cases_of,
    probe,
)
from tests.e2e.test_escalation import DAYTIME, LI, WANG, add_roster, send, ticket, ticket_number

# case 1: points asked ('党员积分种一棵树算几分'): a question (the FAQ's camp.party_points), never a record of 1棵“树算几分”
EXAMPLES_POINTS = [
    ("party", "党员积分种一棵树算几分", "question"),
    ("party", "种一棵树算几分", "question"),
    ("party", "种两棵龙眼有几多分", "question"),
]
CONTROLS_POINTS = [
    ("party", "种了一棵桂花", "planting"),
    ("member", "种了三棵桂花 用了十几分钟", "planting"),
]

# case 2: trees planted along a stretch, no count ('种了两条路的树'): a record, its trees and count asked (never a ticket)
EXAMPLES_STRETCH = [
    ("member", "种了两条路的树", "planting"),
    ("member", "我哋种咗成条村道嘅树", "planting"),
    ("party", "今天种了一排树", "planting"),
]
CONTROLS_STRETCH = [
    ("member", "两条路边的树要不要剪", "question"),
    ("member", "种了两条竹", "planting"),
]


@pytest.mark.parametrize(
    ("context", "message", "expected"),
    cases_of([*EXAMPLES_POINTS, *CONTROLS_POINTS, *EXAMPLES_STRETCH, *CONTROLS_STRETCH], {}),
)
def test_round_54_probe(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


@pytest.mark.parametrize("message", ["党员积分种一棵树算几分", "种树有没有党员积分"])
def test_points_asked_get_the_party_points_answer(probe, message):  # noqa: F811
    """The FAQ's own answer on party members' points (the seed is silent: ask the branch), no ticket."""
    assert probe.run("party", message, "question") == ""
    openid = f"o-probe-{probe.count}"
    assert probe.last_handler(openid) == "faq_answer"
    assert not probe.rows("SELECT id FROM tickets WHERE openid = ?", [openid])


@pytest.mark.parametrize("message", ["种了两条路的树", "我哋种咗成条村道嘅树"])
def test_a_stretch_planted_asks_the_trees_and_count(probe, message):  # noqa: F811
    assert probe.run("member", message, "planting") == ""
    openid = f"o-probe-{probe.count}"
    [record] = probe.rows("SELECT count, species, status FROM plantings WHERE openid = ?", [openid])
    assert record == {"count": None, "species": None, "status": "pending"}  # never a record of 2
    [last] = probe.rows(
        "SELECT reply FROM inbox WHERE openid = ? AND msg_type = 'text' ORDER BY id DESC LIMIT 1", [openid]
    )
    assert "棵数" in last["reply"]


# case 6: a relative who planted too, their name wished recorded: how a household member logs (no ticket)
EXAMPLES_RELATIVE = [
    "我老公都有份种 可唔可以记佢个名",
    "我老婆也种了 能不能把她名字也记上",
    "阿妈都有份种 记埋佢个名得唔得",
]


@pytest.mark.parametrize("message", EXAMPLES_RELATIVE)
def test_a_relative_who_planted_too_is_told_how_their_name_is_recorded(probe, message):  # noqa: F811
    handler = probe.handler_for("member", message)
    openid = f"o-probe-{probe.count}"
    assert handler == "relative_name"
    assert not probe.rows("SELECT id FROM tickets WHERE openid = ?", [openid])
    assert not probe.rows("SELECT id FROM plantings WHERE openid = ?", [openid])


@pytest.mark.parametrize(
    ("message", "handler"),
    [("看下我妈种的树记上没有", "relative_progress"), ("我老公种了两棵龙眼", "planting_text")],
)
def test_relatives_controls(probe, message, handler):  # noqa: F811
    assert probe.handler_for("member", message) == handler


# -- case 3: a ticket the adviser closed unanswered, answered by them after all -----------------------------------------
QUESTION = "我家桂花叶子发黄是怎么回事"
ANSWER = "叶子发黄多数系缺肥，每月施一次复合肥。"


@pytest.fixture
def dismissed(villager, villager_factory, bot):
    """A ticket of 张三's closed unanswered by its adviser 李顾问 in chat ('84号唔系问题 唔使答'); its number."""
    add_roster(bot)
    bot.clock.set(DAYTIME)
    adviser = villager_factory(LI)
    adviser.says("待办")
    number = ticket_number(villager.says(QUESTION))
    reply = adviser.says(f"{number}号唔系问题 唔使答")
    assert "已关闭" in reply and f"仍可回答：答 {number}" in reply  # told they may still answer it
    assert ticket(bot, number)["status"] == "closed"
    send(bot)
    return number


@pytest.mark.parametrize("form", ["{n}号 {a}", "答 {n} {a}", "回复{n}：{a}"])
def test_the_adviser_who_closed_it_answers_it_after_all(dismissed, villager, villager_factory, bot, sent_to, form):
    bot.clock.advance(hours=2)
    reply = villager_factory(LI).says(form.format(n=dismissed, a=ANSWER))
    assert "已回答" in reply and "已结束" not in reply
    row = ticket(bot, dismissed)
    assert row["status"] == "answered" and row["answer"] == ANSWER and not row["closed_by"]
    send(bot)
    last = sent_to(villager.openid)[-1]
    assert f"专家回答了您的第{dismissed}号问题" in last and ANSWER in last


def test_another_adviser_or_after_the_window_still_ended(dismissed, villager, villager_factory, bot, sent_to):
    other = villager_factory(WANG)
    assert "已回答" not in other.says(f"答 {dismissed} {ANSWER}")
    adviser = villager_factory(LI)
    assert f"仍可回答：答 {dismissed}" in adviser.says(f"{dismissed}号答咗未")
    bot.clock.advance(days=4)  # past escalation.reopen_days
    state = adviser.says(f"{dismissed}号答咗未")
    assert "已结束" in state and "仍可回答" not in state
    assert "已结束" in adviser.says(f"答 {dismissed} {ANSWER}")
    row = ticket(bot, dismissed)
    assert row["status"] == "closed" and not row["answer"]
    send(bot)
    assert not any(ANSWER in text for text in sent_to(villager.openid))


def test_a_question_withdrawn_by_its_villager_stays_ended(villager, villager_factory, bot):
    add_roster(bot)
    bot.clock.set(DAYTIME)
    number = ticket_number(villager.says(QUESTION))
    assert "撤回" in villager.says("算了不用问了") or ticket(bot, number)["status"] == "closed"
    assert "已结束" in villager_factory(LI).says(f"答 {number} {ANSWER}")
    assert ticket(bot, number)["status"] == "closed"


# -- case 4: 更正 of the answer to a follow-up (a reopened ticket) ------------------------------------------------------
FIRST, FOLLOW_UP = "可能是缺水，早晚各浇一次。", "浇了水桂花叶子还是黄"
SECOND, RIGHT = "那可能是蚜虫，看下叶背有没有小虫。", "是红蜘蛛，不是蚜虫：用阿维菌素喷叶背。"


@pytest.fixture
def reopened(villager, villager_factory, bot):
    """张三's ticket answered (FIRST, delivered), asked again (FOLLOW_UP) and answered again (SECOND); its number."""
    add_roster(bot)
    bot.clock.set(DAYTIME)
    adviser = villager_factory(LI)
    adviser.says("待办")
    number = ticket_number(villager.says(QUESTION))
    assert "已回答" in adviser.says(f"答 {number} {FIRST}")
    send(bot)
    bot.clock.advance(hours=1)
    assert "追问" in villager.says(FOLLOW_UP)
    assert "已回答" in adviser.says(f"答 {number} {SECOND}")
    return number


def test_a_correction_of_the_follow_ups_answer_names_the_follow_up(reopened, villager, villager_factory, bot, sent_to):
    send(bot)  # the second answer reached the villager
    assert f"已更正第{reopened}号" in villager_factory(LI).says(f"更正 {reopened} {RIGHT}")
    send(bot)
    last = sent_to(villager.openid)[-1]
    assert "有更正" in last and RIGHT in last and FOLLOW_UP in last
    history = rows_of(bot, "SELECT round, kind, answer FROM ticket_answers WHERE ticket_id = ? ORDER BY id", [reopened])
    assert history == [
        {"round": 0, "kind": "answer", "answer": FIRST},
        {"round": 1, "kind": "answer", "answer": SECOND},
        {"round": 1, "kind": "correction", "answer": RIGHT},
    ]
    assert ticket(bot, reopened)["answer"] == RIGHT


def test_a_correction_before_the_follow_ups_answer_went_comes_as_that_answer(
    reopened, villager, villager_factory, bot, standin
):
    """The second answer still queued when corrected (the first one was delivered): the villager never gets the wrong
    one, and the corrected one comes as the answer to the follow-up, not as a correction of the first."""
    assert f"已更正第{reopened}号" in villager_factory(LI).says(f"更正 {reopened} {RIGHT}")
    send(bot)
    texts = [m["text"] for m in standin.messages_to(villager.openid)]
    assert not any(SECOND in t for t in texts)
    [delivered] = [t for t in texts if RIGHT in t]
    assert delivered.startswith(f"专家回答了您的第{reopened}号问题") and "更正" not in delivered
    assert FOLLOW_UP in delivered and FIRST not in delivered
