"""Round 81 of issue 17 §5, through signed pushes: registration, duties and the ticket's window (the strict misses of
sets 21u, 21v and 21s read by class). Each class's held-out cases (new sentences of the class, not the probes' words)
and near-misses were written before the mends and run on the untouched branch first. The probes themselves are in
tests/e2e/test_conversation_probes.py."""

from __future__ import annotations

import pytest

from tests.e2e.test_conversation_probes import (  # noqa: F401  (the module's fixture: one app for the examples)
    cases_of,
    probe,
)

# -- the planting day joined with voice's fillers inside ('那个', '啊', '嘛') or going said before the count-me-in ----
EXAMPLES_JOIN_WITH_FILLERS = [
    ("member", "星期天嗰个种树活动我都去 算埋我", "join"),
    ("party", "下礼拜六那个义务植树我也去 加我一个", "join"),
    ("cadre", "村里那个植树日呀我都去参加啦算我一份", "join"),
    ("member", "这个礼拜天植树活动我会去 记我一个", "join"),
]

# -- a zone taken on in the first person ('我来管', '交给我管'), or which piece to tend asked: claimed, or the list ----
EXAMPLES_ZONE_TAKEN_ON = [
    ("cadre", "石岗片交给我管吧", "zone"),
    ("party", "石岗片那块我来负责", "zone"),
    ("party", "我要负责哪一块呢", "zone"),
    ("cadre", "我应该管哪一片", "zone"),
    ("party", "石岗片那块我来管可以吗", "zone"),
]

# -- an adviser's question pointed at to be listed, or the command to answer asked: the 待办, the help ---------------
EXAMPLES_ADVISER = [
    ("adviser", "将埔心村那个龙眼落果的问题调出来给我看", "queue"),
    ("adviser", "给我看看刚才那个荔枝的问题", "queue"),
    ("adviser", "回答问题要发什么指令", "help"),
    ("adviser", "专家用哪个命令回复村民", "help"),
]

# controls: what the mends must not reach
CONTROLS = [
    ("member", "那个植树活动我老公也去算他一个", "question"),
    ("member", "那个植树活动要不要带锄头", "question"),
    ("cadre", "那个植树日是哪天啊", "question"),
    ("party", "长塘片那块谁来管", "zone"),
    ("party", "长塘片我管护了", "question"),
    ("member", "我要管哪一棵树", "question"),
    ("adviser", "桂花发黄的问题怎么回答", "question"),
    ("adviser", "桂花发黄是什么问题", "question"),
    ("member", "把刚才那个桂花发黄的问题列出来我看看", "question"),
    ("member", "用什么命令回答问题", "question"),
    ("party", "去年那个植树活动我也去了", "question"),
]

ALL = [
    *EXAMPLES_JOIN_WITH_FILLERS,
    *EXAMPLES_ZONE_TAKEN_ON,
    *EXAMPLES_ADVISER,
    *CONTROLS,
]

# held-out cases still missed, each with why
LEFT: dict[str, str] = {
    "party:石岗片那块我来管可以吗": (
        "taking a zone on asked as leave ('…可以吗'): a question claims nothing (the probes' rule), and the list for a"
        " question of leave is not read yet: it becomes a ticket"
    ),
    "party:去年那个植树活动我也去了": (
        "a day joined last year told (去年 … 去了) reads as joining now (event_join), as it did before this round: the"
        " join's readers take 去了 as going; not this round's fillers"
    ),
}


@pytest.mark.parametrize(("context", "message", "expected"), cases_of(ALL, LEFT))
def test_round_81(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


def _openid(probe) -> str:  # noqa: F811
    return f"o-probe-{probe.count}"


def _last_reply(probe, openid: str) -> str:  # noqa: F811
    return probe.rows("SELECT reply FROM inbox WHERE openid = ? ORDER BY id DESC LIMIT 1", [openid])[0]["reply"]


def _held(probe, openid: str) -> list[dict]:  # noqa: F811
    return probe.rows(
        "SELECT z.name FROM zone_holders h JOIN zones z ON z.id = h.zone_id"
        " JOIN people p ON p.id = h.person_id WHERE p.openid = ?",
        [openid],
    )


# -- a zone taken on is claimed, the one named; someone else's taking asked claims nothing ---------------------------
def test_a_zone_taken_on_in_the_first_person_is_claimed(probe):  # noqa: F811
    assert probe.handler_for("party", "长塘片那块我来管护") == "zone_claim_named"
    assert _held(probe, _openid(probe)) == [{"name": "长塘片"}]
    assert "长塘片" in _last_reply(probe, _openid(probe))


@pytest.mark.parametrize("message", ["长塘片那块谁来管", "长塘片我管护了", "长塘片那块我来管可以吗"])
def test_a_zone_asked_about_or_tended_is_not_claimed(probe, message):  # noqa: F811
    probe.handler_for("party", message)
    assert _held(probe, _openid(probe)) == []


def test_which_piece_to_tend_is_answered_with_the_zones(probe):  # noqa: F811
    assert probe.handler_for("party", "我是党员 要管哪一片啊") == "zone_list"
    reply = _last_reply(probe, _openid(probe))
    assert "长塘片" in reply and "石岗片" in reply
    assert _held(probe, _openid(probe)) == []


# -- the adviser's command asked: the help with the answer command; the question pointed at: the 待办 ----------------
def test_the_answer_command_asked_gives_the_advisers_help(probe):  # noqa: F811
    assert probe.handler_for("adviser", "顾问用什么命令回答问题") == "help"
    assert probe.bot.t("core.help_adviser").strip() in _last_reply(probe, _openid(probe))


def test_a_question_pointed_at_by_its_tree_lists_the_queue_and_files_nothing(probe):  # noqa: F811
    assert probe.handler_for("adviser", "把刚才那个桂花发黄的问题列出来我看看") == "ticket_queue"
    assert probe.rows("SELECT id FROM tickets WHERE openid = ?", [_openid(probe)]) == []
