"""Round 96 of issue 17 §5 (conv96), through signed pushes: the lefts that kept coming back from the blind sets, each by
its class. For each, the set's own words first, then conv96's held-out examples in other words and controls (the same
words meaning else), all written and run on main (1cda4e1e) before any reader changed; the figures before → after are
in each block's comment.

1. one ticket pointed at by its words by an adviser ('村民问桂花黄叶嗰条 我想再睇下'): that ticket shown, or those matching;
2. a name corrected just after 登记 ('唔系 系陈亚梅 打错字'): renamed, a count corrected staying the record's;
3. a villager taking on a care zone by its name ('石岗片我嚟管'): whose zones are and what he can do, no ticket;
4. a no-reply complaint, then whether the record just finished was recorded: the record's state;
5. what the photo just sent shows, asked ('呢样系咩嚟㗎'): a ticket with the photo;
6. trees off the campaign's list pledged ('认领两棵黄皮'): not kept, the campaign's word on them (camp.exotic);
7. 同 before a name in a cadre's pledge ('同张婆婆登记认领'): for that household;
8. the stop kept after 退订 ('我冇睇错 唔想收'): off again, never the how-to;
9. whether the count must be said with nothing waiting ('要唔要讲几多棵'): the planting how-to, not the help;
10. a relative's count asked ('唔该 帮我睇下我阿妈种咗几多棵'): where the relative's trees are, the household's count."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from bot.db import transaction
from bot.standin import WeChatStandIn
from tests.e2e.test_conversation_probes import (  # noqa: F401  (the module's fixture: one app for the examples)
    Probe,
    probe,
)

EXOTIC = next(
    entry["answer"].strip().splitlines()[0]
    for entry in tomllib.loads((Path(__file__).resolve().parents[2] / "messages/faq/campaign.toml").read_text("utf-8"))[
        "entry"
    ]
    if entry["id"] == "camp.exotic"
)


def _tickets(probe) -> list[dict]:  # noqa: F811
    return probe.rows("SELECT id FROM tickets WHERE openid = ?", [probe.openid])


# -- 3. a villager taking on a zone by its name (before 0/6: two the members' bare line by the list's route, three
# tickets, one the pledge's refusal; after 6/6; the party side of the two new wordings 0/2 → 2/2; controls 3/3 before
# and after) ------------------------------------------------------------------------------------------------------------
VILLAGER_TAKES_ZONE = [
    "石岗片我嚟管",  # 22o's
    "长塘片交俾我管啦",
    "石岗片我包咗佢",
    "长塘片我来负责管护",
    "我要认领石岗片",
    "石岗片交畀我睇住啦",
]


@pytest.mark.parametrize("message", VILLAGER_TAKES_ZONE)
def test_a_villager_taking_on_a_zone_is_told_whose_zones_are(probe, message):  # noqa: F811
    assert probe.handler_for("member", message) == "zone_members_only"
    zone = "石岗片" if "石岗片" in message else "长塘片"
    assert probe.last_reply(probe.openid) == probe.bot.t("zones.members_only_named", zone=zone)
    assert _tickets(probe) == []
    assert probe.rows("SELECT person_id FROM zone_holders WHERE ended_at IS NULL") == [] or all(
        row["openid"] != probe.openid
        for row in probe.rows(
            "SELECT p.openid FROM zone_holders h JOIN people p ON p.id = h.person_id WHERE h.ended_at IS NULL"
        )
    )


@pytest.mark.parametrize(
    ("context", "message", "handler"),
    [
        ("party", "石岗片我包咗佢", "zone_claim_named"),  # a party member's, the same words: claimed
        ("cadre", "长塘片我来负责管护", "zone_claim_named"),
    ],
)
def test_a_member_taking_on_a_zone_in_those_words_claims_it(probe, context, message, handler):  # noqa: F811
    assert probe.handler_for(context, message) == handler


@pytest.mark.parametrize("message", ["屋后嗰两棵桂花我嚟管", "石岗片嗰度可唔可以种树", "我嚟管啲龙眼 点样淋水好"])
def test_a_villager_s_own_trees_or_a_zone_s_place_asked_are_no_zone_taken(probe, message):  # noqa: F811
    assert probe.handler_for("member", message) not in ("zone_members_only", "zone_claim_named")


# -- 4. a complaint of no reply, then whether the record just finished was recorded (before 0/6 were the record's state:
# review_why, ticket_wait, my_progress and a record of a tree called 录未; after 6/6; controls 4/4 before and after) --
COMPLAINT_THEN_RECORDED = [
    "咁耐都冇回复 啱啱嗰两棵记到未",  # 22o's
    "等咗好耐都冇人覆 头先嗰两棵荔枝记咗未",
    "咁久都冇反应 啱啱报嘅记到未啊",
    "冇人理我嘅 我啱啱报嗰两棵入咗数未",
    "成日都冇回复 头先嗰两棵录咗未",
    "点解咁慢都冇回音 啱啱嗰两棵登记咗未",
]


@pytest.mark.parametrize("message", COMPLAINT_THEN_RECORDED)
def test_a_complaint_then_whether_recorded_is_the_record_s_state(probe, message):  # noqa: F811
    assert probe.run("finished", message, "progress") == ""
    assert probe.last_handler(probe.openid) == "recorded_asked"


@pytest.mark.parametrize(
    ("context", "message", "handler"),
    [
        ("finished", "咁耐都冇回复 点解审核咁慢", "review_why"),  # the check named: why it waits
        ("ticket", "咁耐都冇回复 专家几时答我", "ticket_wait"),  # the question's answer: its wait
        ("finished", "记到未", "recorded_asked"),
    ],
)
def test_the_check_or_the_question_waited_for_stay_theirs(probe, context, message, handler):  # noqa: F811
    assert probe.handler_for(context, message) == handler


def test_a_complaint_alone_is_no_record_s_state(probe):  # noqa: F811
    assert probe.handler_for("member", "咁耐都冇回复") != "recorded_asked"


# -- 5. what the photo just sent shows, asked (before 4/6 a ticket with the photo: '呢样系咩嚟㗎' and '呢样系咩' the FAQ
# asking back; after 6/6; controls 4/4 before and after) ----------------------------------------------------------------
WHAT_THE_PHOTO_SHOWS = ["呢样系咩嚟㗎", "呢样嘢系乜嘢嚟", "呢个系咩嚟㗎", "呢啲系咩嚟㗎", "呢样系咩", "呢个系咩树"]


@pytest.mark.parametrize("message", WHAT_THE_PHOTO_SHOWS)
def test_what_the_photo_shows_asked_goes_to_the_adviser_with_it(probe, message):  # noqa: F811
    assert probe.handler_for("after_photo", message) == "photo_question"
    assert len(_tickets(probe)) == 1
    assert probe.bot.t("escalation.photos_attached", n=1).strip() in probe.last_reply(probe.openid)


@pytest.mark.parametrize(
    ("context", "message", "expected"),
    [
        ("after_photo", "两棵荔枝", "planting"),
        ("after_photo", "下一步系咩", "how"),
        ("after_photo", "荔枝系咩季节种", "question"),
        ("member", "呢个系乜嘢嚟㗎", "help"),  # round 94: with nothing before it, what the account is
    ],
)
def test_the_photo_s_record_its_step_or_the_account_stay_theirs(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""
    assert probe.last_handler(probe.openid) != "photo_question"


# -- 6. trees off the campaign's list pledged (before 0/5 said what the campaign says of them: '没认出树种', and '认领两棵
# 桂花 一棵黄皮' dropped the 黄皮 unsaid; after 5/5; controls 3/3 before and after) -----------------------------------
OFF_LIST_PLEDGED = [
    ("认领两棵黄皮", "黄皮"),
    ("我想认领三棵杨桃", "杨桃"),
    ("帮我认领一棵番石榴", "番石榴"),
    ("认领一棵黄皮果", "黄皮果"),
]


def _pledged(probe) -> list[dict]:  # noqa: F811
    return probe.rows(
        "SELECT species, count FROM pledges WHERE person_id IN (SELECT id FROM people WHERE openid = ?)",
        [probe.openid],
    )


@pytest.mark.parametrize(("message", "tree"), OFF_LIST_PLEDGED)
def test_an_off_list_tree_pledged_is_told_what_the_campaign_says(probe, message, tree):  # noqa: F811
    assert probe.handler_for("member", message) == "pledge"
    reply = probe.last_reply(probe.openid)
    assert reply.startswith(f"“{tree}”不在") and EXOTIC in reply
    assert _pledged(probe) == [] and _tickets(probe) == []


def test_an_off_list_tree_beside_listed_ones_is_said_the_listed_kept(probe):  # noqa: F811
    assert probe.handler_for("member", "认领两棵桂花 一棵黄皮") == "pledge"
    assert _pledged(probe) == [{"species": "桂花", "count": 2}]
    assert probe.bot.t("pledges.offlist_also", species="黄皮") in probe.last_reply(probe.openid)


@pytest.mark.parametrize(("message", "pledged"), [("认领两棵荔枝", "荔枝"), ("认领两棵簕杜鹃", "簕杜鹃")])
def test_listed_trees_pledged_say_nothing_of_off_list_ones(probe, message, pledged):  # noqa: F811
    assert probe.handler_for("member", message) == "pledge"
    assert [row["species"] for row in _pledged(probe)] == [pledged]
    assert "不在这次活动" not in probe.last_reply(probe.openid)


def test_an_off_list_tree_asked_about_stays_the_faq_s(probe):  # noqa: F811
    assert probe.handler_for("member", "黄皮可以种吗") == "faq_answer"


# -- 7. 同 before a name in a cadre's pledge (before 0/5: the FAQ's 代种 steps or tickets; after 5/5; controls 3/3 before
# and after) ----------------------------------------------------------------------------------------------------------
FOR_NAMED = [
    ("同张婆婆登记认领 佢想种三棵龙眼", "张婆婆"),  # 22o's
    ("同陈伯认领两棵桂花", "陈伯"),
    ("同李亚妹报个认领 一棵荔枝", "李亚妹"),
    ("同黄大叔认领三棵龙眼", "黄大叔"),
    ("同何阿婆登记认领两棵荔枝", "何阿婆"),
]


@pytest.mark.parametrize(("message", "name"), FOR_NAMED)
def test_tong_before_a_name_is_a_pledge_for_that_household(probe, message, name):  # noqa: F811
    assert probe.handler_for("cadre", message) == "pledge"
    assert f"“{name}”" in probe.last_reply(probe.openid)  # not on the roster: a new household asked, as 帮 does


@pytest.mark.parametrize(
    "message", ["我同张婆婆讲咗认领嘅事 佢话迟啲先", "同张婆婆一齐去种树好唔好", "我同陈伯认领两棵桂花"]
)
def test_tong_as_with_is_no_pledge_for_them(probe, message):  # noqa: F811
    assert probe.handler_for("cadre", message) not in ("pledge", "pledge_new_household")


# -- 8. the stop kept after 退订 (before 1/5 off again, four the FAQ's how-to; after 5/5; controls 3/3 before and after)
STOP_KEPT = ["我冇睇错 唔想收", "冇搞错 真系唔想再收", "没看错 就是不想收了", "冇睇错呀 唔好再发啦", "唔想收啦"]


@pytest.mark.parametrize("message", STOP_KEPT)
def test_the_stop_kept_after_unsubscribing_is_the_stop(probe, message):  # noqa: F811
    assert probe.run("twice", f"退订 || {message}", "unsubscribe") == ""
    assert probe.rows("SELECT reminders_off FROM users WHERE openid = ?", [probe.openid]) == [{"reminders_off": 1}]


@pytest.mark.parametrize(
    ("context", "message", "expected"),
    [
        ("twice", "退订 || 睇错咗 照收提醒", "resubscribe"),
        ("twice", "退订 || 退订之后仲收唔收到专家回复", "question"),
        ("member", "我冇睇错 唔想收", "question"),  # nothing stopped just before: no stop of its own
    ],
)
def test_a_slip_owned_a_question_or_no_stop_before_stay_theirs(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


# -- 9. whether the count must be said, nothing waiting (before 2/5 the planting steps, three the help; after 5/5;
# controls 3/3 before and after) ---------------------------------------------------------------------------------------
COUNT_NEEDED = ["要唔要讲几多棵", "报树要唔要讲棵数", "使唔使讲种咗几多棵", "需要说种了几棵吗", "报种树要不要讲数量"]


@pytest.mark.parametrize("message", COUNT_NEEDED)
def test_whether_the_count_is_needed_with_nothing_waiting_is_the_how_to(probe, message):  # noqa: F811
    assert probe.run("member", message, "how") == ""
    assert probe.last_reply(probe.openid) != probe.bot.t("core.help")


def test_whether_the_count_is_needed_while_a_record_waits_is_its_next_step(probe):  # noqa: F811
    assert probe.run("pending", "要唔要讲几多棵", "how") == ""
    assert probe.last_reply(probe.openid) != probe.bot.t("planting.how_to")


@pytest.mark.parametrize("message", ["要种几多棵", "几多棵先有证书"])
def test_how_many_to_plant_stays_the_faq_s(probe, message):  # noqa: F811
    assert probe.handler_for("member", message) == "faq_answer"


# -- 10. a relative's count asked (before 0/6: four the sender's own progress, two tickets, '唔该' read as a negation;
# after 6/6 where the relative's trees are and the household's count, and before 登记 how to register; controls 2/2
# before and after) -----------------------------------------------------------------------------------------------------
RELATIVE_COUNT = [
    ("member", "唔该 帮我睇下我阿妈种咗几多棵"),  # 22o's
    ("member", "帮我查下我老豆种咗几多棵树"),
    ("member", "我阿爸种咗几多棵啊"),
    ("member", "睇下我老婆种咗几多"),
    ("member", "唔该帮我查查阿嫲种咗几棵"),
    ("cadre", "唔该 帮我睇下我阿妈种咗几多棵"),
]


@pytest.mark.parametrize(("context", "message"), RELATIVE_COUNT)
def test_a_relative_s_count_asked_is_theirs_and_the_household_s(probe, context, message):  # noqa: F811
    assert probe.handler_for(context, message) == "relative_progress"
    assert "本户" in probe.last_reply(probe.openid)


def test_a_relative_s_count_asked_before_registering_says_how_to_register(probe):  # noqa: F811
    assert probe.handler_for("new", "唔该 帮我睇下我阿妈种咗几多棵") == "relative_progress"
    assert "登记" in probe.last_reply(probe.openid)


@pytest.mark.parametrize(
    ("message", "handler"), [("我阿妈话要种几多棵", None), ("帮我阿妈种咗两棵荔枝", "planting_text")]
)
def test_a_relative_s_quota_or_trees_told_are_no_count_asked(probe, message, handler):  # noqa: F811
    found = probe.handler_for("member", message)
    assert found != "relative_progress" and (handler is None or found == handler)


# -- 2. a name corrected just after 登记 (before 0/6 renamed: three tickets, two how-to replies, one the records'
# correction; after 6/6; controls 4/4 before and after) ----------------------------------------------------------------
NAME_CORRECTED = [
    ("陈亚妹", "唔系 系陈亚梅 打错字", "陈亚梅"),  # 22o's
    ("李贵英", "名打错咗 系李桂英", "李桂英"),  # 22o's
    ("黄秀兰", "打错咗 应该系黄秀莲", "黄秀莲"),
    ("何国强", "唔好意思 名写错咗 系何国章", "何国章"),
    ("张美玲", "係张美凌先啱 头先打错", "张美凌"),
    ("刘志明", "错咗 我叫刘志民", "刘志民"),
]


def _registered_then(probe, name: str, *messages: str) -> tuple[str, list[str]]:  # noqa: F811
    """A fresh follower registers as ``name`` then says ``messages``: (the last handler, the names bound after)."""
    probe.count += 1
    probe.bot.clock.advance(hours=2)
    with transaction(probe.bot.db):  # the names earlier probes registered under are renamed apart (as context 'new')
        probe.bot.db.execute("UPDATE people SET name = name || '·' || id WHERE source = 'self'")
    user = probe.user(probe.openid)
    user.follows()
    user.says(f"登记 {name} 埔心村")
    assert [row["name"] for row in probe.rows("SELECT name FROM people WHERE openid = ?", [probe.openid])] == [name]
    for message in messages:
        probe.bot.clock.advance(minutes=1)
        user.says(message)
    names = [row["name"] for row in probe.rows("SELECT name FROM people WHERE openid = ?", [probe.openid])]
    return probe.last_handler(probe.openid), names


@pytest.mark.parametrize(("wrong", "message", "right"), NAME_CORRECTED)
def test_a_name_corrected_just_after_registering_is_renamed(probe, wrong, message, right):  # noqa: F811
    assert _registered_then(probe, wrong, message) == ("fix_name", [right])


@pytest.mark.parametrize(
    ("messages", "handler"),
    [
        (("两棵荔枝", "唔系两棵 系三棵"), "planting_text"),  # a count corrected: the record's, the name kept
        (("唔系两棵 系三棵",), "recount"),
        (("打错咗 系龙眼",), "recount"),  # a tree, no name (龙 is a surname too)
        (("系陈亚妹冇错",), None),  # the name said right: nothing to change
    ],
)
def test_a_count_or_a_tree_corrected_after_registering_keeps_the_name(probe, messages, handler):  # noqa: F811
    found, names = _registered_then(probe, "陈亚妹", *messages)
    assert names == ["陈亚妹"] and found != "fix_name" and (handler is None or found == handler)


# -- 1. one ticket pointed at by its words by an adviser (before 0/6: the FAQ's or tickets of the adviser's own, the
# tree named; after 6/6: the one ticket shown, or the two 桂花 ones listed; controls 4/4 before and after) --------------
QUESTIONS = [
    "问专家 我家桂花叶子发黄还掉叶是怎么回事",
    "问专家 龙眼落果好多点算",
    "问专家 荔枝生虫点算",
    "问专家 桂花唔开花点解",
]


@pytest.fixture(scope="module")
def desk(tmp_path_factory):
    """An app of its own: one adviser of the village, then four villagers' questions (all his to answer)."""
    with WeChatStandIn(appid="wx2c2769f8efd9abc2") as standin:
        runner = Probe(tmp_path_factory.mktemp("desk"), standin)
        runner.adviser = runner.member("o-desk-adviser", "技术顾问")
        runner.count += 1
        for n, question in enumerate(QUESTIONS):
            runner.member(f"o-desk-villager-{n}").says(question)
            runner.count += 1
            runner.bot.clock.advance(minutes=20)
        yield runner
        runner.close()


POINTED_BY_WORDS = [
    ("村民问桂花黄叶嗰条 我想再睇下", [1]),  # 22o's
    ("我想再睇下村民问龙眼落果嗰单", [2]),
    ("阿婆问荔枝生虫嗰个问题 打开俾我睇下", [3]),
    ("睇返龙眼落果嗰条", [2]),
    ("荔枝生虫嗰条睇返先", [3]),
    ("陈伯问桂花嗰个 我想睇下", [1, 4]),  # two match: those listed
]


@pytest.mark.parametrize(("message", "ids"), POINTED_BY_WORDS)
def test_a_ticket_pointed_at_by_its_words_is_shown(desk, message, ids):
    reply = desk.adviser.says(message) or ""
    assert desk.last_handler("o-desk-adviser") == "ticket_described"
    assert [n for n in range(1, 5) if f"第{n}号" in reply] == ids
    assert len(desk.rows("SELECT id FROM tickets")) == 4  # nothing opened of it


@pytest.mark.parametrize(
    ("message", "handler"),
    [("我想再看下村民问的问题", "ticket_queue"), ("待办", "ticket_queue"), ("村民问嘅桂花问题点答", None)],
)
def test_the_queue_or_a_question_of_the_adviser_s_stay_theirs(desk, message, handler):
    desk.adviser.says(message)
    found = desk.last_handler("o-desk-adviser")
    assert found != "ticket_described" and (handler is None or found == handler)


def test_a_villager_s_same_words_are_no_ticket_pointed_at(desk):
    villager = desk.member("o-desk-someone")
    desk.count += 1
    villager.says("村民问桂花黄叶嗰条 我想再睇下")
    assert desk.last_handler("o-desk-someone") != "ticket_described"
