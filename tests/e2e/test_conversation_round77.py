"""Round 77 of issue 17 §5, through signed pushes: the older strict misses of sets 21j and 21k read by class, and the
lead's findings in the simulator (a problem told solved with no ticket read as the FAQ's funding, one more zone claimed
read as a pledge for another household, last month's rank asked without the word 通报). Each class's held-out cases
(new sentences of the class, not the probes' words) and controls were written before the mends and run on the
untouched branch first. The probes themselves are in tests/e2e/test_conversation_probes.py."""

from __future__ import annotations

import pytest

from bot.clock import to_db
from bot.db import transaction
from bot.store import roster as roster_store
from tests.e2e.test_conversation_probes import (  # noqa: F401  (the module's fixture: one app for the examples)
    TICKET_OPENER,
    cases_of,
    probe,
)

# -- a fixed command typed wholly by its sound (腿定 for 退订): the command, only as the whole message -----------------
EXAMPLES_WHOLE_SOUND = [
    ("member", "推丁", "unsubscribe"),
    ("party", "腿顶", "unsubscribe"),
    ("member", "颓定", "unsubscribe"),
    ("member", "顶越", "resubscribe"),
]

# -- last month's rank asked without the word 通报: the 通报's line of last month ---------------------------------------
EXAMPLES_LAST_MONTH_RANK = [
    ("member", "我哋村上个月排第几名", "progress"),
    ("cadre", "上月本村排名几多", "progress"),
    ("party", "上个月我们村名次是多少", "progress"),
]

# -- how a cadre's 代种 works, asked: its steps ------------------------------------------------------------------------
EXAMPLES_PROXY_HOW = [
    ("cadre", "帮人代种点操作", "log"),
    ("cadre", "点样代种", "log"),
    ("cadre", "代种系点用嘅", "log"),
    ("cadre", "代种功能怎么使用", "log"),
]

# -- a relative with no phone, their trees: how to log them (the sender's household), no record, no ticket ------------
EXAMPLES_RELATIVE_NO_PHONE = [
    ("member", "我老豆唔识用手机 佢种咗三棵荔枝点登记", "log"),
    ("member", "阿爸没有智能手机 他种的树怎么报", "log"),
    ("member", "我阿嫲冇微信 佢种咗一棵黄皮 点样报", "log"),
]

# -- how to check in at the planting day: the day's check-in ----------------------------------------------------------
EXAMPLES_DAY_CHECK_IN = [
    ("party", "植树活动点样签到", "join"),
    ("member", "村里植树日要签到 点搞", "join"),
    ("party", "去植树活动现场签到怎么弄", "join"),
]

# -- a bare 更多 / 下一页 with no list shown: the adoption list (the contract's 更多) ------------------------------------
EXAMPLES_MORE_BARE = [
    ("member", "更多", "adopt"),
    ("party", "下一页", "adopt"),
]

# -- one more zone wished by a party member: the care zones, never a pledge for another household ---------------------
EXAMPLES_ONE_MORE_ZONE = [
    ("party", "我想再认领一块", "zone"),
    ("cadre", "可唔可以多认领一块地", "zone"),
    ("party", "想认领多一块责任区", "zone"),
]

# controls: what the mends must not reach
CONTROLS = [
    ("member", "资金怎么解决", "question"),
    ("party", "我们村排第几", "progress"),
    ("cadre", "代种 张三 2棵龙眼", "planting"),
    ("member", "认领 2棵荔枝", "pledge"),
]

ALL = [
    *EXAMPLES_WHOLE_SOUND,
    *EXAMPLES_LAST_MONTH_RANK,
    *EXAMPLES_PROXY_HOW,
    *EXAMPLES_RELATIVE_NO_PHONE,
    *EXAMPLES_DAY_CHECK_IN,
    *EXAMPLES_MORE_BARE,
    *EXAMPLES_ONE_MORE_ZONE,
    *CONTROLS,
]

# held-out cases still missed, each with why
LEFT: dict[str, str] = {}


@pytest.mark.parametrize(("context", "message", "expected"), cases_of(ALL, LEFT))
def test_round_77(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


# -- the lead's finding 4: 腿定 --------------------------------------------------------------------------------------
def test_a_command_typed_by_its_sound_is_read_only_as_the_whole_message(probe):  # noqa: F811
    assert probe.handler_for("party", "腿定") == "reminders_off"
    assert probe.handler_for("member", "我条腿定住咗 郁唔到") != "reminders_off"
    assert probe.handler_for("member", "腿疼") != "reminders_off"
    assert probe.handler_for("member", "订约") != "reminders_on"  # a word of its own (to sign a contract)


# -- the lead's finding 1: a problem told solved ----------------------------------------------------------------------
@pytest.mark.parametrize("message", ["已经解决咗", "回复 1 已经解决咗", "问题解决咗啦", "回复2 解决咗 多谢"])
def test_solved_with_no_ticket_is_acknowledged_never_the_funding_answer(probe, message):  # noqa: F811
    assert probe.handler_for("member", message) == "ticket_resolved"
    openid = probe.openid
    assert probe.last_reply(openid) == probe.bot.t("escalation.nothing_to_resolve")
    assert probe.rows("SELECT id FROM tickets WHERE openid = ?", [openid]) == []


def _answered_ticket(probe, openid: str) -> int:  # noqa: F811
    """A ticket of ``openid``'s, answered by its adviser through the chat (an adviser of the village bound first, so
    that the ticket is theirs: the one it was assigned to answers)."""
    probe.count += 1  # the adviser's roster name (村民N) is the count's
    probe.member(f"{openid}-adviser", "技术顾问")
    probe.count += 1
    probe.member(openid).says(TICKET_OPENER)
    (ticket,) = probe.rows("SELECT id, adviser_person_id FROM tickets WHERE openid = ?", [openid])
    (adviser,) = probe.rows("SELECT openid FROM people WHERE id = ?", [ticket["adviser_person_id"]])
    probe.user(adviser["openid"]).says(f"答 {ticket['id']} 多施点有机肥，叶面喷点叶面肥")
    assert probe.rows("SELECT status FROM tickets WHERE id = ?", [ticket["id"]]) == [{"status": "answered"}]
    return ticket["id"]


def test_solved_after_an_answer_closes_the_senders_own_ticket(probe):  # noqa: F811
    openid = f"o-round77-{probe.count}"
    ticket = _answered_ticket(probe, openid)
    probe.bot.clock.advance(hours=3)
    probe.user(openid).says(f"回复 {ticket} 已经解决咗")
    assert probe.last_handler(openid) == "ticket_resolved"
    assert probe.last_reply(openid) == probe.bot.t("escalation.resolved", id=ticket)
    assert probe.rows("SELECT status FROM tickets WHERE id = ?", [ticket]) == [{"status": "closed"}]


def test_reply_with_anothers_ticket_number_never_touches_that_ticket(probe):  # noqa: F811
    other = f"o-round77-{probe.count}"
    ticket = _answered_ticket(probe, other)
    probe.count += 1
    sender = f"o-probe-{probe.count}"
    probe.member(sender).says(f"回复 {ticket} 已经解决咗")
    assert probe.last_handler(sender) == "ticket_resolved"
    assert probe.rows("SELECT status FROM tickets WHERE id = ?", [ticket]) == [{"status": "answered"}]


# -- the lead's finding 3: last month's rank ---------------------------------------------------------------------------
def test_last_months_rank_is_the_last_reports_line(probe):  # noqa: F811
    for context, message, _kind in [("party", "上个月我们村排第几", "progress"), *EXAMPLES_LAST_MONTH_RANK]:
        assert probe.handler_for(context, message) == "report_line", message
    assert probe.handler_for("member", "上个月我们村种了多少棵") != "report_line"


# -- the lead's finding 6: a relative with no phone ------------------------------------------------------------------
def test_a_relatives_trees_asked_how_to_log_is_no_record_and_no_ticket(probe):  # noqa: F811
    assert probe.run("member", "我阿妈冇手机 佢种咗两棵龙眼点报", "log") == ""
    openid = probe.openid
    assert probe.rows("SELECT id FROM plantings WHERE openid = ?", [openid]) == []
    assert probe.rows("SELECT id FROM tickets WHERE openid = ?", [openid]) == []
    assert "代种" in probe.last_reply(openid)  # another household's trees: a cadre's 代种


def _shipai(probe) -> int:  # noqa: F811
    """石排村, a village with no care zones drawn and no planting day open but its own (made once in the module)."""
    found = probe.rows("SELECT id FROM villages WHERE name = '石排村'")
    if found:
        return found[0]["id"]
    with transaction(probe.bot.db):
        return roster_store.insert_village(
            probe.bot.db,
            {
                "name": "石排村",
                "kind": "村",
                "town": "新圩镇",
                "households": 30,
                "lat": 23.3,
                "lng": 114.1,
                "radius_m": 800,
            },
            to_db(probe.bot.clock()),
        )


def _shipai_person(probe, openid: str, name: str, role: str):  # noqa: F811
    with transaction(probe.bot.db):
        person = roster_store.insert_person(
            probe.bot.db, {"name": name, "village_id": _shipai(probe), "role": role}, to_db(probe.bot.clock())
        )
        roster_store.bind_openid(probe.bot.db, person, openid, to_db(probe.bot.clock()), via="roster")
    user = probe.user(openid)
    user.follows()
    return user, person


# -- the lead's finding 6: how to check in at the planting day -----------------------------------------------------------
def test_how_to_check_in_at_the_day_under_way_checks_the_sender_in(probe):  # noqa: F811
    secretary, _ = _shipai_person(probe, "o-round77-secretary", "石排书记", "村书记")
    secretary.sends_location(23.3, 114.1)
    assert "签到码" in (secretary.says("活动 石排村口植树") or "")
    member, person = _shipai_person(probe, "o-round77-day", "石排党员甲", "党员")
    reply = member.says("支部叫我去植树活动签到 点签") or ""
    assert probe.last_handler("o-round77-day") == "event_join", reply
    assert probe.rows("SELECT how FROM attendance WHERE person_id = ?", [person]) == [{"how": "village"}]


# -- the lead's finding 2: one more zone ----------------------------------------------------------------------------
def test_one_more_zone_in_a_village_with_none_drawn_is_never_a_pledge(probe):  # noqa: F811
    member, person = _shipai_person(probe, "o-round77-shipai", "石排党员", "党员")
    reply = member.says("我想认领多一块") or ""
    assert probe.last_handler("o-round77-shipai") == "zone_list", reply
    assert "为别人家" not in reply
    assert probe.rows("SELECT id FROM pledges WHERE person_id = ?", [person]) == []


# -- set 21j's '更多' by a cadre: the next page of the list just shown, else the adoption list --------------------------
def test_a_bare_more_after_a_page_of_the_households_left_is_its_next_page(probe):  # noqa: F811
    village = _shipai(probe)
    with transaction(probe.bot.db):
        for i in range(35):
            roster_store.insert_person(
                probe.bot.db,
                {"name": f"石排户{i:02d}", "village_id": village, "role": "群众"},
                to_db(probe.bot.clock()),
            )
    cadre, _ = _shipai_person(probe, "o-round77-cadre", "石排主任", "村干部")
    first = cadre.says("未种名单") or ""
    assert "未种名单 2" in first, first
    second = cadre.says("更多") or ""
    assert probe.last_handler("o-round77-cadre") == "left_to_plant", second
    assert "石排户" in second and not set(second.splitlines()[1].split("、")) & set(first.splitlines()[1].split("、"))
    third = cadre.says("下一页") or ""
    assert probe.last_handler("o-round77-cadre") == "left_to_plant", third
    assert probe.bot.t("progress.left_past_end") in third
    probe.bot.clock.advance(hours=1)  # long after the list: the contract's 更多, the adoption list
    cadre.says("更多")
    assert probe.last_handler("o-round77-cadre") == "adoption_list"


def test_an_advisers_reply_command_stays_the_answer(probe):  # noqa: F811
    """The adviser's own ``回复 <n> …`` on a ticket waiting for them is the answer, never a villager's 解决了."""
    probe.count += 1
    probe.member(f"o-round77-adv-{probe.count}", "技术顾问")
    probe.count += 1
    villager = f"o-round77-asker-{probe.count}"
    probe.member(villager).says(TICKET_OPENER)
    (ticket,) = probe.rows("SELECT id, adviser_person_id FROM tickets WHERE openid = ?", [villager])
    (adviser,) = probe.rows("SELECT openid FROM people WHERE id = ?", [ticket["adviser_person_id"]])
    probe.user(adviser["openid"]).says(f"回复 {ticket['id']} 已经解决咗 系缺肥 落啲复合肥就得")
    assert probe.last_handler(adviser["openid"]) == "ticket_answer_numbered"
    assert probe.rows("SELECT status FROM tickets WHERE id = ?", [ticket["id"]]) == [{"status": "answered"}]
