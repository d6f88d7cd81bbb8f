"""Round 51 of issue 17 §5, through signed pushes: the lead's trials in the simulator that went astray (a look asked
for after a photo joined a ticket, a villager's own 签到 asked, a village's award asked by its secretary) and 19w's
bamboo counted with 条. Examples of its own for each class, written before any class was mended and run on the
untouched branch (9f9c764) first; the figures before and after are in README.md (Conversation round 51)."""

from __future__ import annotations

import pytest

from tests.e2e.test_conversation_probes import (  # noqa: F401  (the module's fixture: one app for the examples)
    TICKET_OPENER,
    cases_of,
    probe,
)

# after a photo joined the open ticket as 补充: a look asked at how the tree is now (the photo's), no tree named
EXAMPLES_LOOK = [
    "你睇下而家点样",
    "你看看现在怎么样",
    "帮我睇下而家系点",
    "你看下现在是什么情况",
    "看看现在咋样了",
    "专家帮我看看现在这样",
    "你睇吓依家咩情况",
]
# the same context: what must keep its own way (thanks, the household's progress, another tree's own question)
CONTROLS_LOOK = [
    ("我家种了几棵树", {"my_progress"}),
    ("芒果怎么种", {"faq_answer", "ticket_from_question", "ask_expert"}),
]

# a villager's own 签到 (the planting day's check-in, 参加): what they attended, or how to check in; never a ticket
EXAMPLES_ATTENDED = [
    ("member", "我的签到", "attended"),
    ("member", "签到记录", "attended"),
    ("party", "我的签到记录", "attended"),
    ("member", "我签到过几次", "attended"),
    ("party", "查下我嘅签到", "attended"),
    ("member", "看看我的签到", "attended"),
    ("party", "我参加过几次植树活动", "attended"),
    # round 53 (the lead, as a party member in the simulator: '我参加咗植树活动未算' got the volunteers' entry)
    ("party", "我参加咗植树活动未算", "attended"),
    ("party", "我那天去了植树活动有没有记上", "attended"),
    ("member", "我参加了义务植树算了没有", "attended"),
    ("party", "我去咗种树日有冇记到", "attended"),
]
CONTROLS_ATTENDED = [
    ("member", "我参加植树活动要带什么", "question"),  # round 53's
    ("member", "植树活动签到", "join"),
    ("member", "参加", "join"),
    ("adviser", "签到", "sign_in"),
    ("member", "我家种了几棵树", "progress"),
]

# a village's award asked (评比, 先进, 表彰): the awards' schedule and that the office names them; never an adviser
EXAMPLES_AWARDS = [
    ("cadre", "今年评比有冇我哋村", "awards"),
    ("cadre", "我们村评上先进了吗", "awards"),
    ("cadre", "我村有没有评上最美植绿集体", "awards"),
    ("member", "我们村今年评上先进没有", "awards"),
    ("cadre", "评比结果出来了吗 我们村怎么样", "awards"),
    ("cadre", "我哋村评唔评到先进", "awards"),
]
CONTROLS_AWARDS = [
    ("member", "有没有评比", "question"),
    ("member", "种树有奖励吗", "question"),
    ("cadre", "本村进度", "progress"),
]

# 19w's bamboo counted with 条
EXAMPLES_COUNT = [
    ("member", "种好咗三条竹", "planting"),
    ("member", "种咗两条竹", "planting"),
    ("member", "今日种了五条竹子", "planting"),
    ("member", "种好了四条竹", "planting"),
    ("member", "屋后种咗三条竹仔", "planting"),
]
CONTROLS_COUNT = [
    ("member", "竹子怎么种", "question"),
    ("member", "今朝种咗三棵龙眼", "planting"),
]

LEFT: dict[str, str] = {}


@pytest.mark.parametrize(
    ("context", "message", "expected"), cases_of(EXAMPLES_ATTENDED + EXAMPLES_AWARDS + EXAMPLES_COUNT, LEFT)
)
def test_round_51_example(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


@pytest.mark.parametrize(
    ("context", "message", "expected"), cases_of(CONTROLS_ATTENDED + CONTROLS_AWARDS + CONTROLS_COUNT, {})
)
def test_round_51_control(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


def _after_a_photo_joined(probe, message: str) -> tuple[str, int]:  # noqa: F811
    """A ticket opened, a photo joining it as 补充, then ``message``: the route that took it and the tickets left."""
    probe.count += 1
    probe.bot.clock.advance(hours=2)
    openid = f"o-look-{probe.count}"
    user = probe.member(openid)
    user.says(TICKET_OPENER)
    probe.bot.clock.advance(minutes=2)
    user.sends_photo(f"m-look-{probe.count}")
    probe.bot.clock.advance(minutes=1)
    assert probe.rows(
        "SELECT handler FROM inbox WHERE openid = ? AND msg_type = 'image' ORDER BY id DESC LIMIT 1", [openid]
    ) == [{"handler": "ticket_supplement_media"}]
    user.says(message)
    return probe.last_handler(openid), len(probe.rows("SELECT id FROM tickets WHERE openid = ?", [openid]))


@pytest.mark.parametrize("message", EXAMPLES_LOOK)
def test_round_51_a_look_asked_after_a_photo_joined_the_ticket_is_its_supplement(probe, message):  # noqa: F811
    assert _after_a_photo_joined(probe, message) == ("ticket_supplement_text", 1)


@pytest.mark.parametrize(("message", "handlers"), CONTROLS_LOOK)
def test_round_51_control_after_a_photo_joined_the_ticket(probe, message, handlers):  # noqa: F811
    handler, _tickets = _after_a_photo_joined(probe, message)
    assert handler in handlers


def test_round_51_a_village_that_won_is_told_its_award(probe):  # noqa: F811
    """The village's standing 最美植绿集体 (marked by the office on the dashboard) is what its award asked gets."""
    from bot.clock import to_db
    from bot.db import transaction
    from bot.store import awards as awards_store

    with transaction(probe.bot.db):
        award = awards_store.add(
            probe.bot.db,
            period="2027-06",
            category="collective",
            title="最美植绿集体",
            person_id=None,
            village_id=probe.village,
            name="埔心村",
            figures={},
            by="admin",
            now=to_db(probe.bot.clock()),
        )
    try:
        probe.count += 1
        user = probe.member(f"o-award-{probe.count}", "村干部")
        reply = user.says("我们村评上先进了吗") or ""
        assert probe.last_handler(f"o-award-{probe.count}") == "awards_asked"
        assert "最美植绿集体（2027-06）" in reply
    finally:
        with transaction(probe.bot.db):
            probe.bot.db.execute("DELETE FROM awards WHERE id = ?", [award])
