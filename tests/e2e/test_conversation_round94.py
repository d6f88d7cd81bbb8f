"""Round 94 of issue 17 §5 (conv94), through signed pushes: the lefts that kept coming back (22n's strict xfails, and
those rounds 92 and 93 noted). A zone taken on by its name with the entry asked after (claimed); the trees' pledge
with the zones refused beside it (the pledge); an award's certificate (one's certificates, with how a 荣誉证书 comes);
an adviser's questions received looked at (his 待办); just after a record, whether it went up (its state) and its
drop for a report gone wrong (its withdrawal asked); a pot or soil changed, told in a ticket's window (its 补充, not
the change of phone); whether reminders still come after 退订, asked (answered, nothing switched off); a villager's
check-in asked (the planting day's 参加, never the adviser's 签到); one's own zone asked (one's own, not the list);
'what is this' with nothing before (the account). The brief's cases, then conv94's own held-out examples in other
words with their controls (tests/data/conversation_examples_conv94.tsv, written and run before any reader changed:
32/66 on main 0ffd1629)."""

from __future__ import annotations

import pytest

from tests.e2e.test_conversation_probes import (  # noqa: F401  (the module's fixture: one app for the examples)
    cases_of,
    load,
    probe,
)

PROBES = [
    ("party", "石岗片我嚟管 帮我登记落去", "zone"),
    ("party", "我想认领几棵树自己种 唔系认领责任区", "pledge"),
    ("party", "获奖证书点样攞", "certificate"),
    ("adviser", "睇下我收到嘅问题", "queue"),
    ("finished", "刚才那个报上去了吗", "progress"),
    ("finished", "点解冇回复嘅 头先嗰两棵荔枝记咗未啊", "progress"),
    ("finished", "头先嗰个删咗佢 报错咗", "cancel"),
    ("ticket", "系上个月先换咗盆", "supplement"),
    ("member", "退订咗仲会唔会有提醒", "question"),
    ("party", "责任区分咗俾我未", "zone"),
    ("new", "呢个系乜嘢嚟㗎", "help"),
    ("after_photo", "呢个系乜嘢嚟㗎", "question"),
]

EXAMPLES = load("conversation_examples_conv94.tsv")
# own examples or controls that still fail, strict until mended (each with why)
LEFT = {
    "party:我讲嘅系认种树 唔系认领责任区": (
        "认种 is adoption's word here (认种认养), not the pledge's: with the zones refused the FAQ still answers the zones'"
        " card on 责任区 (the label pledge is disputed: the adoptable list may be meant)"
    ),
    "member:退订咗佢啦": (
        "退订 with Cantonese 咗佢 after it ('do it away') is the command; nlu reads 退订了它 as told, the FAQ's how-to answers"
        " (not this round's class: the question about 退订)"
    ),
    "member:植树日点样打卡": (
        "label written before: the planting day's how is answered by event_join (to check in send 参加 on the day), which"
        " test_a_villagers_check_in_is_the_planting_days holds; kind question does not take event_join"
    ),
    "party:活动嗰日点打卡": (
        "label written before: event_open answers the how (活动开始后发“参加”签到), held below; kind question does not"
        " take event_open"
    ),
}


@pytest.mark.parametrize(("context", "message", "expected"), cases_of([*PROBES, *EXAMPLES], LEFT))
def test_round_94(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


@pytest.mark.parametrize(
    ("context", "message", "forbidden"),
    [
        # the stop said is still the stop; the question leaves the reminders on (checked below)
        ("member", "退订咗仲会唔会有提醒", {"reminders_off"}),
        ("member", "取消订阅之后仲收唔收到提醒", {"reminders_off"}),
        # a zone's name with someone else or a question: no claim
        ("party", "石岗片边个管", {"zone_claim_named"}),
        ("party", "长塘片我嚟管得唔得", {"zone_claim_named"}),
        ("party", "石岗片我来管 帮我登记两棵龙眼", {"zone_claim_named"}),
        # the zones meant, the trees refused: never the pledge
        ("party", "唔系认领树 系认领责任区", {"pledge"}),
        # the quota asked is no pledge
        ("party", "党员要认领几棵树", {"pledge"}),
        # a villager's questions, or seedlings received: no adviser's queue
        ("member", "睇下我收到嘅问题", {"ticket_queue"}),
        ("adviser", "我收到咗几多棵树苗", {"ticket_queue"}),
        # a phone changed in a ticket's window stays the FAQ's rebind, never the tree's 补充
        ("ticket", "上个月先换咗新手机", {"ticket_supplement_text"}),
        # a villager's check-in is never the adviser's 签到
        ("member", "点样打卡", {"visit_sign_in", "visit_sign_in_located"}),
        ("member", "植树日点样打卡", {"visit_sign_in", "visit_sign_in_located"}),
        ("party", "活动嗰日点打卡", {"visit_sign_in", "visit_sign_in_located"}),
        # a correction of the count just after a record is no withdrawal
        ("finished", "我报错咗数 应该系三棵", {"withdraw"}),
    ],
)
def test_the_same_words_meaning_else_go_elsewhere(probe, context, message, forbidden):  # noqa: F811
    assert probe.handler_for(context, message) not in forbidden


@pytest.mark.parametrize("message", ["退订咗仲会唔会有提醒", "如果退订 仲会唔会发提醒俾我"])
def test_a_question_about_unsubscribing_leaves_the_reminders_on(probe, message):  # noqa: F811
    assert probe.run("member", message, "question") == ""
    assert probe.rows("SELECT reminders_off FROM users WHERE openid = ?", [probe.openid]) == [{"reminders_off": 0}]
    assert probe.last_reply(probe.openid) == probe.bot.t("core.after_unsubscribing")


def test_the_pledge_with_the_zones_refused_claims_no_zone(probe):  # noqa: F811
    assert probe.run("party", "我想认领几棵树自己种 唔系认领责任区", "pledge") == ""
    held = probe.rows(
        "SELECT h.zone_id FROM zone_holders h JOIN people p ON p.id = h.person_id WHERE p.openid = ? AND h.ended_at IS NULL",
        [probe.openid],
    )
    assert held == []


def test_an_awards_certificate_says_how_a_honour_certificate_comes(probe):  # noqa: F811
    assert probe.run("party", "获奖证书点样攞", "certificate") == ""
    assert "荣誉证书不用去领" in probe.last_reply(probe.openid)


def test_a_pot_changed_joins_the_ticket(probe):  # noqa: F811
    assert probe.run("ticket", "系上个月先换咗盆", "supplement") == ""
    texts = probe.rows(
        "SELECT a.text FROM ticket_attachments a JOIN tickets t ON t.id = a.ticket_id WHERE t.openid = ?",
        [probe.openid],
    )
    assert [t["text"] for t in texts] == ["系上个月先换咗盆"]


@pytest.mark.parametrize(("context", "message"), [("member", "植树日点样打卡"), ("party", "活动嗰日点打卡")])
def test_a_villagers_check_in_is_the_planting_days(probe, context, message):  # noqa: F811
    """How to check in at a planting day, asked by a villager or party member: the day's 参加 said (no day under way:
    how it goes on the day), never the adviser's 签到."""
    assert probe.handler_for(context, message) in {"event_join", "event_open"}
    assert "参加" in probe.last_reply(probe.openid)


def test_ones_own_zone_is_answered_with_ones_own(probe):  # noqa: F811
    assert probe.run("party", "长塘片我嚟管 帮我登记落去", "zone") == ""
    user = probe.user(probe.openid)
    user.says("责任区分咗俾我未")
    assert probe.last_handler(probe.openid) == "tending_mine"
    reply = probe.last_reply(probe.openid)
    assert "长塘片" in reply and "石岗片" not in reply  # one's own, not the list
