"""sim61: the simulator's leftovers tried as the bot's real users (an old villager on Cantonese voice, a grandchild for a
grandmother, a party member with a care zone), each written here before its mend and run on the untouched branch first;
through signed pushes, judged by what the bot did (the probes' fixture: tests/e2e/test_conversation_probes.py)."""

from __future__ import annotations

import pytest

from bot import zones
from tests.conftest import at
from tests.e2e.test_conversation_probes import (  # noqa: F401  (the module's fixture: one app for the examples)
    TICKET_OPENER,
    cases_of,
    probe,
)
from tests.e2e.test_reminders_season import season  # noqa: F401  (its roster and ticks)

# -- case 1: the photo's trees pointed at with Cantonese 呢 (these) before the count ('就系呢两棵桂花'): the record's
# trees, never a question (呢 before a numeral is no question particle: it had given 桂花's species card) ---------------
EXAMPLES_THESE_TREES = [
    ("after_photo", "就系呢两棵桂花", "planting"),
    ("after_photo", "呢三棵龙眼", "planting"),
    ("after_photo", "系呢2棵荔枝", "planting"),
]
CONTROLS_THESE_TREES = [
    ("member", "桂花呢", "question"),
    ("after_photo", "呢两棵桂花点解叶黄", "question"),
    ("member", "呢几棵龙眼几时施肥", "question"),
]


@pytest.mark.parametrize(
    ("context", "message", "expected"), cases_of([*EXAMPLES_THESE_TREES, *CONTROLS_THESE_TREES], {})
)
def test_sim61_these_trees_after_a_photo(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


# -- case 2: a villager who registers after this week's nudge slot (Monday 09:00) had the weekly household nudge at
# once, right after the registration's own reply (您家还差1棵): noise; the nudge waits for the next week's slot. One
# bound before the slot (a roster villager) is nudged this week as before -------------------------------------------
def test_sim61_no_weekly_nudge_right_after_registering(season):  # noqa: F811
    s = season
    s.set_clock(at("2027-03-16T10:00"))  # a Tuesday: this week's slot was Monday 09:00
    newcomer = s.user("o-new")
    newcomer.follows(scene="1")
    assert "登记好了" in (newcomer.says("我叫何亚妹") or "")
    s.tick("2027-03-16T10:05")
    assert not any(k.startswith("nudge:") for k in s.keys("o-new"))
    assert "nudge:2027-W11" in s.keys("o-wang")  # bound before the slot: this week's nudge, as before
    s.tick("2027-03-22T09:00")  # the next Monday: the newcomer's first nudge, with the household's numbers
    assert s.keys("o-new") == ["nudge:2027-W12"]
    assert "您家还差1棵" in s.texts_sent_to("o-new")[-1]


# -- case 3: a party member moving to another care zone by a part of its name ('我想换去河边嗰块'), an open ticket's 补充
# window or not: the zone moved to (it had joined the ticket as its 补充); denied or only told of, no move --------------
ZONES = (("河边护堤林", 23.119, 114.516), ("党建林一片", 23.115, 114.510), ("后山主题林", 23.110, 114.520))


def _zones_of(probe) -> None:  # noqa: F811
    # round 68: the probes' village has zones of its own (tests/e2e/test_conversation_probes.py ZONES, after these by name)
    if probe.rows("SELECT id FROM zones WHERE village_id = ? AND name = ?", [probe.village, ZONES[0][0]]):
        return
    for name, lat, lng in ZONES:
        _zone_id, problems = zones.add_zone(
            probe.bot, probe.bot.db, village_id=probe.village, name=name, lat=lat, lng=lng, radius_m=150, now="x"
        )
        assert not problems


@pytest.mark.parametrize(
    ("with_ticket", "message", "zone"),
    [
        (True, "我想换去河边嗰块", "河边护堤林"),
        (False, "我想换去河边嗰块", "河边护堤林"),
        (True, "转去后山嗰片得唔得", "后山主题林"),
        (False, "我认领党建林嗰块", "党建林一片"),
        (True, "我唔想换去河边", "党建林一片"),
        (True, "河边嗰块啲树黄咗", "党建林一片"),
        (False, "我去河边嗰块管护", "党建林一片"),
        # the lead's review: a pledge of trees naming a place is a pledge, never a zone taken ('河边' is in 河边护堤林)
        (False, "认领两棵桂花 种喺河边", "党建林一片"),
        (True, "我再认领3棵龙眼种后山", "党建林一片"),
    ],
)
def test_sim61_zone_named_in_words(probe, with_ticket, message, zone):  # noqa: F811
    _zones_of(probe)
    probe.count += 1
    probe.bot.clock.advance(hours=2)
    openid = f"o-probe-{probe.count}"
    user = probe.member(openid, "党员")
    assert "认领成功" in (user.says("认领责任区") and user.says("认领责任区 1") or "")  # 党建林一片, first by name
    if with_ticket:
        user.says(TICKET_OPENER)
        probe.bot.clock.advance(minutes=2)
    user.says(message)
    held = probe.rows(
        "SELECT z.name FROM zone_holders h JOIN zones z ON z.id = h.zone_id JOIN people p ON p.id = h.person_id"
        " WHERE p.openid = ? AND h.ended_at IS NULL",
        [openid],
    )
    assert [h["name"] for h in held] == [zone]
    named = zone != "党建林一片" or message == "我认领党建林嗰块"  # the zone held already, named: told it is held
    assert (probe.last_handler(openid) == "zone_claim_named") == named


def _last_handler_of_any(probe, openid: str) -> str:  # noqa: F811
    found = probe.rows("SELECT handler FROM inbox WHERE openid = ? ORDER BY id DESC LIMIT 1", [openid])
    return found[0]["handler"] if found else ""


# -- case 4: a nearer zone asked for after the list ('有冇近啲嘅'; the zones' list had no place in it, and the words went
# to a ticket): the sender's location is asked for, and a location sorts the list by distance, its numbers claiming
# from the new order; time's 最近 is no distance, and a location with no list open stays the planting record's --------
@pytest.mark.parametrize("asked", ["有冇近啲嘅", "边块离我屋企近啲", "有没有近一点的"])
def test_sim61_nearest_zone_after_the_list(probe, asked):  # noqa: F811
    _zones_of(probe)
    probe.count += 1
    probe.bot.clock.advance(hours=2)
    openid = f"o-probe-{probe.count}"
    user = probe.member(openid, "党员")
    assert "1. 党建林一片" in user.says("认领责任区")
    assert user.says(asked) == probe.bot.t("zones.ask_location_for_nearest")
    reply = user.sends_location(23.1185, 114.5158) or ""
    assert _last_handler_of_any(probe, openid) == "zone_list_located"
    assert reply.splitlines()[1].startswith("1. 河边护堤林，约") and "3. 后山主题林" in reply
    assert "河边护堤林" in (user.says("认领责任区 1") or "")
    assert not probe.rows("SELECT id FROM tickets WHERE openid = ?", [openid])


@pytest.mark.parametrize(("listed", "message"), [(True, "最近有冇人管护"), (False, "有冇近啲嘅")])
def test_sim61_nearest_zone_controls(probe, listed, message):  # noqa: F811
    _zones_of(probe)
    probe.count += 1
    probe.bot.clock.advance(hours=2)
    openid = f"o-probe-{probe.count}"
    user = probe.member(openid, "党员")
    if listed:
        user.says("认领责任区")
    user.says(message)
    assert probe.last_handler(openid) != "zone_nearer"
    user.sends_location(23.1185, 114.5158)
    assert _last_handler_of_any(probe, openid) != "zone_list_located" or listed


# -- case 5: the withdrawal asked ('要作废您刚报的第…号记录吗'), answered by a plain yes ('是', Cantonese '系呀'): withdrawn;
# only 确定作废, 确定 and 作废 had been (the old villager's 是 was 没太明白); 不是 or another question leaves it counted ----
@pytest.mark.parametrize(("answer", "withdrawn"), [("是", True), ("系呀", True), ("好", True), ("唔系", False)])
def test_sim61_withdrawal_answered_by_a_plain_yes(probe, answer, withdrawn):  # noqa: F811
    probe.count += 1
    probe.bot.clock.advance(hours=2)
    openid = f"o-probe-{probe.count}"
    villager = probe.member(openid)
    villager.says("两棵荔枝")
    villager.sends_photo(f"m-sim61-{probe.count}")
    probe.bot.clock.advance(minutes=2)
    assert "确定作废" in (villager.says("作废") or "")
    villager.says(answer)
    status = probe.rows("SELECT status FROM plantings WHERE openid = ?", [openid])
    assert [s["status"] for s in status] == (["withdrawn"] if withdrawn else ["complete"])


def test_sim61_a_zone_word_while_the_adoptable_list_is_open_is_no_zone_claim(probe):  # noqa: F811
    _zones_of(probe)
    probe.count += 1
    probe.bot.clock.advance(hours=2)
    openid = f"o-probe-{probe.count}"
    user = probe.member(openid, "党员")
    user.says("认养")
    user.says("我想选党建林嗰棵")
    assert probe.last_handler(openid) != "zone_claim_named"
    assert not probe.rows(
        "SELECT 1 FROM zone_holders h JOIN people p ON p.id = h.person_id WHERE p.openid = ? AND h.ended_at IS NULL",
        [openid],
    )
