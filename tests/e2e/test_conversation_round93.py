"""Round 93 of issue 17 §5 (conv93), through signed pushes: set 22m's classes. Who holds the care zones and the trees
still unadopted asked loosely (the lists); an adviser's arrival told and how to sign in asked (the sign-in: an adviser's
only), where he sees the villagers' questions (his queue); another plant beside the ticket's tree with its own trouble
(its own question, not the 补充); the photo promised for later while a record waits (the record waits); a stop of the
reminders taken back (on again); how to register asked with the village and no pause (the name asked next, no name
bound). The brief's cases, then conv93's own held-out examples in other words with their controls
(tests/data/conversation_examples_conv93.tsv, written and run before any reader changed: examples 31/63 on main
5c5899bc)."""

from __future__ import annotations

import pytest

from tests.e2e.test_conversation_probes import (  # noqa: F401  (the module's fixture: one app for the examples)
    cases_of,
    load,
    probe,
)

PROBES = [
    ("cadre", "责任区分咗俾边个", "zone"),
    ("cadre", "村里边仲有几多棵树冇人认养", "adopt"),
    ("adviser", "今日下村到咗埔心", "sign_in"),
    ("adviser", "我而家喺埔心村 点样签到", "sign_in"),
    ("adviser", "村民问嘅嘢喺边度睇", "queue"),
    ("ticket", "桂花隔篱嗰棵簕杜鹃唔开花 点解", "new"),
    ("pending", "我阿仔夜晚返嚟先帮我影", "how"),
    ("twice", "退订 || 都系唔好 继续发俾我啦", "resubscribe"),
    ("new", "点样登记啊我系埔心村嘅", "register"),
    # controls of the brief's: the stop said again, the tree beside named as the same kind, a plan of a visit
    ("twice", "退订 || 都系唔好 唔好再发", "unsubscribe"),
    ("ticket", "旁边嗰棵桂花都系咁", "supplement"),
    ("adviser", "几时下村到埔心", "question"),
]

EXAMPLES = load("conversation_examples_conv93.tsv")
# a control written first that failed on main too (not this round's classes), strict until mended
LEFT = {
    "ticket:隔篱嗰棵都系咁黄": (
        "the trouble alike on the tree beside, said with the trouble after 咁 (都系咁黄), is the ticket's 补充: main read"
        " it as small talk (nlu.trees_described reads '隔篱嗰棵都系咁' alone)"
    ),
}


@pytest.mark.parametrize(("context", "message", "expected"), cases_of([*PROBES, *EXAMPLES], LEFT))
def test_round_93(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


_SIGN_IN = {"visit_sign_in", "visit_sign_in_located"}


@pytest.mark.parametrize(
    ("context", "message", "forbidden"),
    [
        # a visit or a sign-in asked is an adviser's only: a villager's or party member's words go elsewhere
        ("member", "今日落咗村", _SIGN_IN),
        ("member", "今日下村到咗埔心", _SIGN_IN),
        ("member", "点样签到", _SIGN_IN),
        ("party", "我喺埔心村 点样签到", _SIGN_IN),
        # a day ahead, seedlings come, what the sign-in needs, a planting day's check-in: none is the visit's sign-in
        ("adviser", "听日下村到埔心", _SIGN_IN),
        ("adviser", "今天到了一批苗", _SIGN_IN),
        ("adviser", "签到要带什么", _SIGN_IN),
        ("adviser", "签到要在村里面吗", _SIGN_IN),
        ("adviser", "签到怎么用？", _SIGN_IN),  # its use asked stays a question (docs/visits.md)
        ("adviser", "植树活动点样签到", _SIGN_IN),
        # the queue is an adviser's, and of the villagers' questions only
        ("member", "村民问嘅嘢喺边度睇", {"ticket_queue"}),
        ("adviser", "村民种嘅树喺边度睇", {"ticket_queue"}),
        ("adviser", "村民问嘅荔枝问题喺边度睇", {"ticket_queue"}),
        # given to whom, of anything but a care zone, is no zone's
        ("cadre", "树苗分咗俾边个", {"zone_list", "zone_claim_unlisted"}),
        ("cadre", "补贴分咗俾边个", {"zone_list", "zone_claim_unlisted"}),
        # households left to pledge, what adopting costs, one's own adopted trees: not the adoptable list
        ("cadre", "仲有几多户冇认领", {"adoption_list"}),
        ("member", "认养一棵树要几多钱", {"adoption_list"}),
        ("member", "我认养咗几多棵树", {"adoption_list"}),
        ("cadre", "仲有几多棵树等人种", {"adoption_list"}),
        # '唔好继续发俾我' in one breath is the stop
        ("member", "唔好继续发俾我啦", {"reminders_on"}),
    ],
)
def test_the_same_words_meaning_else_go_elsewhere(probe, context, message, forbidden):  # noqa: F811
    assert probe.handler_for(context, message) not in forbidden


@pytest.mark.parametrize("message", ["点注册呀 我埔心村嘅", "点样登记啊我系埔心村嘅", "我埔心村嘅点注册"])
def test_how_to_register_is_never_a_name(probe, message):  # noqa: F811
    """The registration waits for the name with the village kept; nobody is registered under the ask's words (main had
    registered one named 点注册)."""
    assert probe.run("new", message, "register") == ""
    assert probe.rows("SELECT name FROM people WHERE openid = ?", [probe.openid]) == []
    assert probe.asks_the_name_only(probe.openid)


def test_an_unsubscribe_taken_back_switches_the_reminders_on(probe):  # noqa: F811
    assert probe.run("twice", "退订 || 都系唔好 继续发俾我啦", "resubscribe") == ""
    rows = probe.rows("SELECT reminders_off FROM users WHERE openid = ?", [probe.openid])
    assert rows == [{"reminders_off": 0}]


def test_the_photo_promised_for_later_keeps_the_record_waiting(probe):  # noqa: F811
    assert probe.run("pending", "我阿仔夜晚返嚟先帮我影", "how") == ""
    assert probe.rows("SELECT status, count FROM plantings WHERE openid = ?", [probe.openid]) == [
        {"status": "pending", "count": 2}
    ]
    assert probe.rows("SELECT id FROM tickets WHERE openid = ?", [probe.openid]) == []


def test_another_plant_beside_the_tickets_tree_is_a_ticket_of_its_own(probe):  # noqa: F811
    assert probe.run("ticket", "桂花隔篱嗰棵簕杜鹃唔开花 点解", "new") == ""
    texts = probe.rows(
        "SELECT a.text FROM ticket_attachments a JOIN tickets t ON t.id = a.ticket_id WHERE t.openid = ?",
        [probe.openid],
    )
    assert texts == []  # nothing joined the 桂花 ticket
