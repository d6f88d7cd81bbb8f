"""Round 92 of issue 17 §5 (conv92), through signed pushes: the lefts that came back in sets 22i-22l, by class. The
sets' probes, then conv92's own held-out examples in other words with their controls
(tests/data/conversation_examples_conv92.tsv, written and run before the readers changed; figures in the README's
"Round 92")."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.test_conversation_probes import (  # noqa: F401  (the module's fixture: one app for the examples)
    cases_of,
    probe,
)

DATA = Path(__file__).resolve().parent.parent / "data"


def examples(cls: str) -> list[tuple[str, str, str]]:
    """The own examples of class ``cls`` (their note starts with it), controls included."""
    rows = []
    for line in (DATA / "conversation_examples_conv92.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            context, message, expected, note = line.split("\t")
            if note.split(":")[0].split()[0] == cls:
                rows.append((context, message, expected))
    return rows


# -- A: how a cadre logs trees for villagers with no phone (nlu.no_phone_others_log_asked) -------------------------
PROBES_A = [
    ("cadre", "村民冇智能手机嘅 我点样帮佢哋报种树", "log"),  # 22j
    ("cadre", "村民冇手机嘅点样帮佢哋报", "log"),  # 22l
    ("finished", "屋企仲有两个老人家种咗 佢哋冇手机 点报", "log"),  # 22k: one's own household
]


@pytest.mark.parametrize(("context", "message", "expected"), cases_of([*PROBES_A, *examples("A")], {}))
def test_a_no_phone_log_how(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


@pytest.mark.parametrize(
    ("context", "message", "key"),
    [
        ("cadre", "村民冇手机嘅点样帮佢哋报", "planting.proxy_how_to"),
        ("cadre", "好多老人冇手机 我要点帮佢哋报", "planting.proxy_how_to"),
        ("finished", "屋企仲有两个老人家种咗 佢哋冇手机 点报", "planting.relative_how_to"),
        ("member", "我阿爷冇微信 佢种咗两棵龙眼点报", "planting.relative_how_to"),
    ],
)
def test_a_whose_they_are_decides_the_steps(probe, context, message, key):  # noqa: F811
    """Villagers or old people named: a cadre's 代种 steps; one's own household or kin: the household's steps with the
    sender's WeChat (never the 代种 told as the sender's to do). Nothing recorded, no ticket."""
    probe.run(context, message, "log")
    reply = probe.last_reply(probe.openid)
    assert probe.bot.t(key).strip() in reply
    assert not probe.rows("SELECT id FROM tickets WHERE openid = ?", [probe.openid])


def test_a_a_villager_asking_for_others_keeps_the_faqs_family_answer(probe):  # noqa: F811
    """Only a cadre may 代种: a villager asking the same gets the FAQ's family answer, which names the cadres' 代种."""
    probe.run("member", "村民冇手机嘅点样帮佢哋报", "question")
    assert probe.last_handler(probe.openid) == "faq_answer"
    assert probe.bot.t("planting.proxy_how_to").strip() not in probe.last_reply(probe.openid)


# -- B: a cadre asking which households have pledged, loosely: the village's pledge list (pledges.pledgers_asked) -----
PROBES_B = [
    ("cadre", "村里面几多户已经认领咗 边个未认领", "pledge"),  # 22i
    ("cadre", "想睇下边几户认领咗树 有冇清单", "pledge"),  # 22l
    ("cadre", "全村有边几户认领咗种树", "pledge"),  # 21x, a disputed label settled
]


@pytest.mark.parametrize(("context", "message", "expected"), cases_of([*PROBES_B, *examples("B")], {}))
def test_b_pledge_list_asked_loosely(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


def test_b_the_list_names_each_household_with_its_trees(probe):  # noqa: F811
    """A household's pledge, then a cadre's loose question: the list names it with its trees, then the 认领安排 line."""
    probe.run("member", "认领 3棵龙眼 4月", "pledge")
    name = probe.rows("SELECT name FROM people WHERE openid = ?", [probe.openid])[0]["name"]
    probe.run("cadre", "边几户认领咗 俾张名单我睇下", "pledge")
    reply = probe.last_reply(probe.openid)
    assert probe.last_handler(probe.openid) == "pledge_list"
    assert f"{name}家：3棵龙眼" in reply and "认领安排：" in reply


@pytest.mark.parametrize(
    ("context", "message", "handler"),
    [
        ("cadre", "边几户未认领", "left_to_pledge"),  # who has not: 未认领名单, as before
        ("cadre", "责任区边个认领咗", "zone_list"),  # the zones' holders
        ("cadre", "我哋村认领情况点", "village_progress"),  # the village's 认领安排 asked after
    ],
)
def test_b_controls(probe, context, message, handler):  # noqa: F811
    assert probe.handler_for(context, message) == handler


def test_b_how_to_fill_the_list_is_no_list(probe):  # noqa: F811
    assert probe.handler_for("cadre", "认领名单点填") != "pledge_list"


def test_b_a_villager_gets_no_village_list(probe):  # noqa: F811
    """Only a village's cadre gets the names: a villager's same words go on as before (never pledge_list)."""
    assert probe.handler_for("member", "边几户认领咗 俾张名单我睇下") != "pledge_list"


# -- C: a second message because the first seemed unanswered: the last exchange decides ------------------------------
# after a question: its number and that it waits (ticket_wait, nlu.call_said reads the ping as a call); after a record:
# its state (recorded_asked); after 我的进度, why it is nought (review_why as a follow-up); else: yes, received, the help
PROBES_C = [
    ("twice", "问专家龙眼苗死咗两棵 || 喂 有冇收到", "one-ticket"),  # 22l
    ("twice", "我的进度 || 点解仲系零", "progress"),  # 22l
]


@pytest.mark.parametrize(("context", "message", "expected"), cases_of([*PROBES_C, *examples("C")], {}))
def test_c_a_second_message(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


def test_c_after_a_question_its_number_and_that_it_waits(probe):  # noqa: F811
    probe.run("twice", "问专家龙眼苗死咗两棵 || 喂 有冇收到", "one-ticket")
    ticket = probe.rows("SELECT id FROM tickets WHERE openid = ?", [probe.openid])
    assert len(ticket) == 1
    assert probe.last_handler(probe.openid) == "ticket_wait"
    assert probe.last_reply(probe.openid).startswith(probe.bot.t("escalation.still_waiting", ids=ticket[0]["id"]))


def test_c_why_nought_with_nothing_reported_says_so_and_how(probe):  # noqa: F811
    probe.run("twice", "我的进度 || 点解仲系零", "progress")
    reply = probe.last_reply(probe.openid)
    assert reply.startswith(probe.bot.t("progress.none_reported")) and probe.bot.t("planting.how_to") in reply


def test_c_why_nought_with_a_record_waiting_names_it(probe):  # noqa: F811
    """A record waiting for the village's check: why nought is that record, with its reasons (review_why's list)."""
    probe.run("member", "我的进度", "progress")
    user = probe.user(probe.openid)
    user.says("300棵荔枝")  # past a villager's review.max_trees_per_record: it waits for the check
    user.sends_photo(f"m-conv92-{probe.count}")
    user.says("我的进度")
    reply = user.says("点解仲系零")
    assert probe.last_handler(probe.openid) == "review_why"
    assert reply.startswith(probe.bot.t("progress.review_why_header", n=1))


@pytest.mark.parametrize("message", ["收到没有啊", "点解冇反应"])
def test_c_with_nothing_before_yes_and_the_help(probe, message):  # noqa: F811
    probe.run("member", message, "help")
    reply = probe.last_reply(probe.openid)
    assert reply.startswith(probe.bot.t("core.pinged")) and probe.bot.t("core.help").strip() in reply
    assert not probe.rows("SELECT id FROM tickets WHERE openid = ?", [probe.openid])


@pytest.mark.parametrize(
    ("context", "message", "handler"),
    [
        ("member", "收到", "chitchat"),  # got it: no ping
        ("member", "喂", "chitchat"),  # a bare call with nothing before: the greeting, as before
        ("after_photo", "收到未", "recorded_asked"),  # the record in progress: its state
    ],
)
def test_c_controls(probe, context, message, handler):  # noqa: F811
    assert probe.handler_for(context, message) == handler


# -- D: what this account is for (nlu.account_purpose_asked): the help ------------------------------------------------
PROBES_D = [("new", "呢个系做咩嘅", "help"), ("new", "这是干什么的", "help")]  # 22c, 22k (and 21h)
# round 94 mended '呢个系乜嘢嚟㗎' (with nothing before it, the account; after a photo, the photo's question)
LEFT_D: dict[str, str] = {}


@pytest.mark.parametrize(("context", "message", "expected"), cases_of([*PROBES_D, *examples("D")], LEFT_D))
def test_d_what_this_account_is_for(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


def test_d_the_help_not_the_campaign(probe):  # noqa: F811
    probe.run("member", "呢个系做咩嘅", "help")
    assert probe.last_handler(probe.openid) == "help"
    assert probe.handler_for("member", "这个活动是做什么的") == "faq_answer"  # the campaign named: the FAQ's


# -- E: one's certificate not come yet: its state (my_certificates) -------------------------------------------------
PROBES_E = [
    ("finished", "点解我张证书仲未出", "certificate"),
    ("member", "证书怎么还没有", "certificate"),
]  # 22k, brief


@pytest.mark.parametrize(("context", "message", "expected"), cases_of([*PROBES_E, *examples("E")], {}))
def test_e_certificate_not_come_yet(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


@pytest.mark.parametrize("message", ["证书什么时候发", "怎么才有证书"])
def test_e_when_or_how_stays_the_faqs(probe, message):  # noqa: F811
    assert probe.handler_for("member", message) == "faq_answer"


# -- G: whether answers still come after 退订: the answers are no reminder (answers_unwanted's line, tidy77) -----------
@pytest.mark.parametrize(
    "message", ["我说退订之后还能收到专家回复吗", *(m for c, m, e in examples("G") if e == "question")]
)
def test_g_answers_after_unsubscribing(probe, message):  # noqa: F811
    probe.run("member", message, "question")
    assert probe.last_handler(probe.openid) == "answers_unwanted"
    assert probe.last_reply(probe.openid) == probe.bot.t("core.answers_not_reminders")
    assert not probe.rows("SELECT id FROM tickets WHERE openid = ?", [probe.openid])
    assert not probe.rows("SELECT openid FROM users WHERE openid = ? AND reminders_off = 1", [probe.openid])


def test_g_unsubscribing_itself_stays(probe):  # noqa: F811
    assert probe.handler_for("member", "退订") == "reminders_off"


# -- H: 'nothing wrong' is no question (nlu.is_question): in a ticket's window never a second ticket ------------------
LEFT_H: dict[str, str] = {}


@pytest.mark.parametrize(("context", "message", "expected"), cases_of(examples("H"), LEFT_H))
def test_h_nothing_wrong_is_no_question(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""
