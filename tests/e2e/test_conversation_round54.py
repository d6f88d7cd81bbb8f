"""Round 54 of issue 17 §5, through signed pushes: conversation leftovers found in the simulator. A question of points is
no planting record; trees planted along a stretch with no count are a record whose trees and count are asked; a relative
who planted too is told how their name comes on a record (no ticket); an adviser answers a ticket they closed unanswered
themselves within escalation.reopen_days; a correction of the answer to a follow-up reaches the villager as that
answer's. Each written before its mend and run on the untouched branch first (all failed), with controls."""

from __future__ import annotations

import pytest

from tests.e2e.test_conversation_probes import (  # noqa: F401  (the module's fixture: one app for the examples)
    cases_of,
    probe,
)

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
