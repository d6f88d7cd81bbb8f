"""The zones capability's manifest: 党员责任区 (care zones) through the chat, ``import zones FILE``, the nudge job,
the 通报's 责任区管护 column, the exports and the dashboard; its rules and services are in bot/zones.py, its flow's
diagram in docs/zones.md.

Routes (dispatch order in handlers/__init__.py):
- zone_left: withdraw83: ``退出责任区``, ``责任区想退掉``: the member holds no zone from now on (管护 kept), the branch
  secretary (村书记) told
- zone_claim: ``认领责任区 <编号>`` while the list is shown claims the zone at that position
- zone_claim_unlisted: ``认领责任区 <编号>`` without a list: the list again
- zone_claim_named: a zone moved to or taken by a part of its name (sim61: '我想换去河边嗰块'): claimed, or moved to
- zone_members_only: a zone taken on by its name by a villager who may hold none (conv96: '石岗片我嚟管'): whose the zones
  are, and what the villager can do (认养, 认领), never a ticket
- zone_nearer: a nearer zone asked for after the list (sim61: '有冇近啲嘅'): the sender's location asked for
- zone_list_located: a location while the list is open (sim61): the list again, nearest first, each with its distance
- zone_list: ``认领责任区``: the village's zones, numbered, with how many members hold each
- tending_mine: ``我的管护`` (in words: '我管护咗几多次', '我呢个月管护过未'): the zone, this season's count, the latest day
- tending: ``管护`` (voice ``管护了``): after a photo, a tending record with it; else the bot waits for the photo
- tending_photo: the photo 管护 waits for: a tending record (also within an open ticket's 补充 window when 管护 was
  said after the ticket: the ticket's 补充 yields to it, ``bot.conversation.photo_awaited``)
- tending_location: a location while 管护 waits for the photo: checked against the zone's radius
"""

from __future__ import annotations

from typing import Any

from bot import adoption, nlu, planting, zones
from bot.context import Ctx
from bot.conversation import END, FlowTable, Step
from bot.dashboard import zone_pages
from bot.identity import registered
from bot.reports import PERCENT, ReportColumn
from bot.router import Decided, Route, pure, staged
from bot.scheduler import Job
from bot.store import roster as roster_store
from bot.store import zones as store
from handlers.core import (
    either,
    list_again,
    said_just_after,
    text_is,
    text_means,
    text_normalized,
    text_with_number,
)

_claim_by_command = text_with_number("zones.commands.list")


@pure
def _claim_number(ctx: Ctx) -> int | None:
    """``认领责任区 3``, or the number said in a sentence ('我认领2号责任区': ``nlu.zone_number_said``)."""
    found = _claim_by_command(ctx)
    if found or ctx.msg.msg_type != "text" or len(ctx.msg.text or "") > 20:
        return found
    return nlu.zone_number_said(text_normalized(ctx))


_DESCRIBED = "described"  # conv101: a piece picked by where it lies, no number


def _ordinal_ahead(ctx) -> Any:
    """``_claim_number`` decides; round 48: a pick by its place alone ('领第一个'), no list named, is read next;
    conv101: a piece picked by where it lies ('要学校后面嗰块')."""
    found = _claim_number(ctx)
    if found:
        return Decided(found)
    if ctx.msg.msg_type != "text":
        return None
    norm = text_normalized(ctx)
    return nlu.ordinal_pick_said(norm) or (_DESCRIBED if zones.piece_described(norm) else None)


def _no_other_list(ctx: Ctx, number: int | str) -> int | str | None:
    """Round 48: the ordinal is the zones' for one who may hold a zone, unless the adoptable list is open (its own);
    conv101: a piece described only while the zones' list is the flow touched last."""
    may = zones.may_hold(ctx.person, ctx.config) and adoption.FLOW.state(ctx) is None
    if number == _DESCRIBED and not zones.FLOW.touched_last(ctx):
        return None
    return number if may and planting.collecting(ctx) is None else None


_claim_unlisted = staged(_ordinal_ahead, _no_other_list)


# -- the list and the claim ---------------------------------------------------------------------------------
HOLDERS_NAMED = 3  # tidy74: a zone's holders named in the list, the rest counted (等N人): a line a phone shows whole


def _holders(ctx: Ctx, zone: dict, mine: bool) -> str:
    """Who holds ``zone`` (tidy74: party members' zones are posted in the village, 挂牌): the first ``HOLDERS_NAMED``
    in the order they claimed, then how many in all when more hold it; '，含您' on the sender's own."""
    names = [name for name in (zone.get("holder_names") or "").split("、") if name]
    total = int(zone.get("holders") or 0)
    if not total:
        return ctx.t("zones.holders_none")
    key = "zones.holders_more" if total > HOLDERS_NAMED else "zones.holders_named"
    return ctx.t(key, names="、".join(names[:HOLDERS_NAMED]), total=total) + (ctx.t("zones.list_mine") if mine else "")


def _list_text(ctx: Ctx, village: dict, listed: list[dict]) -> str:
    held = zones.held_zone(ctx)
    lines = [ctx.t("zones.list_header", village=village["name"])]
    for n, zone in enumerate(listed, start=1):
        mine = held is not None and held["id"] == zone["id"]
        lines.append(ctx.t("zones.list_line", n=n, name=zone["name"], holders=_holders(ctx, zone, mine)))
    return "\n".join(lines)


def _show_list(ctx: Ctx) -> str:
    if not zones.may_hold(ctx.person, ctx.config):
        return ctx.t("zones.members_only")
    assert ctx.person is not None  # may_hold: a member of the village
    village = roster_store.village(ctx.db, ctx.person["village_id"])
    listed = store.zones_of_village(ctx.db, village["id"]) if village else []
    if not listed:
        return ctx.t("zones.no_zones", village=village["name"] if village else "")
    assert village is not None  # the zones are its own
    zones.show_list(ctx, listed)
    return _list_text(ctx, village, listed)


def _none_held(ctx: Ctx) -> str:
    """No zone held: a member is told to claim one, unless the village has none to claim (sim62: 管护 said 先发“认领责任区”,
    which then said the village has none); others, that zones are the members'."""
    if not zones.may_hold(ctx.person, ctx.config):
        return ctx.t("zones.members_only")
    assert ctx.person is not None  # may_hold: a member of the village
    village = roster_store.village(ctx.db, ctx.person["village_id"])
    if village is not None and not store.zones_of_village(ctx.db, village["id"]):
        return ctx.t("zones.no_zones", village=village["name"])
    return ctx.t("zones.no_zone_held")


@registered
def on_list(ctx: Ctx, _match) -> str:
    return _show_list(ctx)


@registered
def on_claim_unlisted(ctx: Ctx, _number) -> str:
    return list_again(ctx, zones.FLOW, _show_list, "zones.list_again")


def on_claim(ctx: Ctx, state, number: int) -> str:
    if not zones.may_hold(ctx.person, ctx.config):
        return ctx.t("zones.members_only")
    zone = zones.listed_zone(ctx, state, number)
    if zone is None:
        return ctx.t("zones.no_such_number", n=number, total=len(state.data.get("zone_ids", [])))
    return _claim(ctx, zone)


def _claim(ctx: Ctx, zone: dict) -> str:
    """The sender takes ``zone`` (moving from the one held, if any); the list's flow ends."""
    before = zones.claim_zone(ctx, zone)
    zones.FLOW.end(ctx)
    if before and before["id"] == zone["id"]:
        return ctx.t("zones.claimed_already", zone=zone["name"])
    if before:
        return ctx.t("zones.claimed_moved", zone=zone["name"], before=before["name"])
    return ctx.t("zones.claimed", zone=zone["name"], holders=zones.holder_count(ctx.db, zone))


def _named_zone(ctx: Ctx) -> dict | None:
    """sim61: a zone of the sender's village moved to or taken by a part of its name ('我想换去河边嗰块'), from one
    who may hold a zone (``zones.zone_named``): read before an open ticket's 补充 takes it."""
    if ctx.msg.msg_type != "text" or not zones.may_hold(ctx.person, ctx.config):
        return None
    norm = text_normalized(ctx)
    taken = zones.move_or_take_said(norm)
    # round 82: or one said, then taken back for another ('长塘片 啊唔系 我要石岗片'): the last
    if not (taken or zones.said_wrong(norm)) or zones.holders_asked(norm, ctx.msg.text or ""):
        return None  # round 79: whether it is held, asked ('长塘片有人认领了没有'), is the list's, never a claim
    if adoption.FLOW.state(ctx) is not None or planting.collecting(ctx) is not None:
        return None  # a pick from the adoptable list ('选党建林嗰棵桂花') or a record's part is theirs
    assert ctx.person is not None  # may_hold: a member of the village
    listed = store.zones_of_village(ctx.db, ctx.person["village_id"])
    names = [z["name"] for z in listed]
    name = zones.zone_named(norm, names) if taken else zones.zone_said_again(norm, names)
    return next((z for z in listed if z["name"] == name), None)


@registered
def on_claim_named(ctx: Ctx, zone: dict) -> str:
    return _claim(ctx, zone)


def _named_zone_not_theirs(ctx: Ctx) -> dict | None:
    """Conv96 (22o: '石岗片我嚟管' had become a ticket): a zone of the village taken on by its name, as ``_named_zone``
    reads it, by a registered villager who may hold none (neither party member nor cadre): that zone, to say whose it
    is; never a claim, nor a ticket."""
    if ctx.msg.msg_type != "text" or ctx.person is None or zones.may_hold(ctx.person, ctx.config):
        return None
    norm = text_normalized(ctx)
    if adoption.FLOW.state(ctx) is not None or planting.collecting(ctx) is not None:
        return None
    listed = store.zones_of_village(ctx.db, ctx.person["village_id"])
    # round 99 (22t: '认领责任区' then '要第二个' from a villager, told the zones are members'): one picked by its place
    # just after is that zone, to say whose it is again (it had been the adoptable list's pick, none shown)
    place = nlu.ordinal_pick_said(norm)
    if place and said_just_after(ctx, frozenset({"zone_list"})):
        return listed[place - 1] if 0 < place <= len(listed) else None
    # conv101 (22w: '认领责任区' then '就要祠堂旁边嗰块啦'): a piece picked by where it lies, just after: whose they are
    if zones.piece_described(norm) and said_just_after(ctx, frozenset({"zone_list"})):
        return {"name": ""}
    if not zones.move_or_take_said(norm) or zones.holders_asked(norm, ctx.msg.text or ""):
        return None
    name = zones.zone_named(norm, [z["name"] for z in listed])
    return next((z for z in listed if z["name"] == name), None)


def on_not_theirs(ctx: Ctx, zone: dict) -> str:
    if not zone["name"]:  # conv101: a piece described, no zone of the list
        return ctx.t("zones.members_only")
    return ctx.t("zones.members_only_named", zone=zone["name"])


def _nearer(ctx: Ctx, _state) -> bool:
    """sim61: a nearer zone asked for while the list is the flow touched last ('有冇近啲嘅')."""
    return ctx.msg.msg_type == "text" and zones.FLOW.touched_last(ctx) and zones.nearer_asked(text_normalized(ctx))


def on_nearer(ctx: Ctx, state, _match) -> str:
    zones.FLOW.enter(ctx, "listed", state.data)  # the list stays: its number still claims
    return ctx.t("zones.ask_location_for_nearest")


def _located(ctx: Ctx, _state) -> dict | None:
    """sim61: a location while the list is the flow touched last and no planting record waits: the list by distance."""
    if ctx.msg.msg_type != "location" or ctx.msg.lat is None or ctx.msg.lng is None:
        return None
    if not zones.FLOW.touched_last(ctx) or planting.collecting(ctx) is not None:
        return None
    return {"lat": ctx.msg.lat, "lng": ctx.msg.lng}


def on_located(ctx: Ctx, state, location: dict) -> str:
    listed = [z for z in (store.zone(ctx.db, i) for i in state.data.get("zone_ids", [])) if z]
    by_id = {z["id"]: z for z in store.zones_of_village(ctx.db, ctx.person["village_id"])} if ctx.person else {}
    ordered = zones.by_distance([by_id.get(z["id"], z) for z in listed], location["lat"], location["lng"])
    zones.show_list(ctx, [z for z, _ in ordered])
    held = zones.held_zone(ctx)
    lines = [ctx.t("zones.list_by_distance")]
    for n, (zone, distance) in enumerate(ordered, start=1):
        holders = _holders(ctx, zone, held is not None and held["id"] == zone["id"])
        key = "zones.list_line_far" if distance is not None else "zones.list_line_no_place"
        far = round(distance) if distance is not None else 0
        lines.append(ctx.t(key, n=n, name=zone["name"], holders=holders, distance=far))
    return "\n".join(lines)


# -- 管护 ---------------------------------------------------------------------------------------------------
def _recorded(ctx: Ctx, zone: dict, count: int) -> str:
    if count == 0:  # sim70: outside the care season the visit just kept is not counted ('本季第0次管护' had been said)
        return ctx.t("zones.recorded_off_season", zone=zone["name"])
    return ctx.t("zones.recorded", zone=zone["name"], count=count)


@registered
def on_tend(ctx: Ctx, _match) -> str:
    zone = zones.held_zone(ctx)
    if zone is None:
        return _none_held(ctx)
    photos = planting.take_pending_photos(ctx)  # a photo sent just before 管护 is its photo, no planting record
    if photos:
        return _recorded(ctx, zone, zones.record_tending(ctx, zone, photos[0]))
    zones.wait_for_photo(ctx)
    return ctx.t("zones.ask_photo", zone=zone["name"])


@registered
def on_own_tending(ctx: Ctx, _match) -> str:
    """sim58: one's own 管护 asked after ('我管护咗几多次'): the zone, this season's count and the latest day."""
    zone = zones.held_zone(ctx)
    if zone is None:
        return _none_held(ctx)
    own = zones.own_tending(ctx, zone)
    key = "zones.own_tending" if own.count else "zones.own_tending_none"
    return ctx.t(key, zone=zone["name"], holders=own.holders, count=own.count, last=own.last)


def _photo(ctx: Ctx, _state) -> bool:
    return ctx.msg.msg_type == "image" and zones.FLOW.touched_last(ctx)


def _location(ctx: Ctx, _state) -> dict | None:
    if ctx.msg.msg_type != "location" or ctx.msg.lat is None or ctx.msg.lng is None:
        return None
    return {"lat": ctx.msg.lat, "lng": ctx.msg.lng} if zones.FLOW.touched_last(ctx) else None


def on_tending_photo(ctx: Ctx, state, _match) -> str:
    zone = zones.held_zone(ctx)
    if zone is None:
        zones.FLOW.end(ctx)
        return ctx.t("zones.no_zone_held")
    return _recorded(
        ctx, zone, zones.record_tending(ctx, zone, zones.photo_of_message(ctx), state.data.get("location"))
    )


def on_tending_location(ctx: Ctx, _state, location: dict) -> str:
    zone = zones.held_zone(ctx)
    if zone is None:
        zones.FLOW.end(ctx)
        return ctx.t("zones.no_zone_held")
    if zones.inside(zone, location["lat"], location["lng"]):
        zones.wait_for_photo(ctx, location)
        return ctx.t("zones.location_ok", zone=zone["name"])
    zones.wait_for_photo(ctx)
    distance = zones.distance_m(zone, location["lat"], location["lng"])
    assert distance is not None  # not inside: the zone has a centre
    return ctx.t(
        "zones.location_far",
        zone=zone["name"],
        radius=round(zone["radius_m"]),
        distance=round(distance),
    )


ZONES_TABLE = FlowTable(
    zones.FLOW,
    (
        # round 48: or by its place alone while the list is the flow touched last ('领第一个')
        Step(
            "listed",
            "number",
            lambda ctx, state: (
                _claim_number(ctx) or (zones.FLOW.touched_last(ctx) and nlu.ordinal_pick_said(text_normalized(ctx)))
            ),
            on_claim,
            to=(END,),
        ),
        Step("listed", "nearer", _nearer, on_nearer, to=("listed",)),
        Step("listed", "located", _located, on_located, to=("listed",)),
        Step("tending", "photo", _photo, on_tending_photo, to=(END,)),
        Step("tending", "location", _location, on_tending_location, to=("tending",)),
    ),
)


@pure
def _zone_list_wished(ctx: Ctx) -> bool:
    """认领责任区 in words (``_zone_wished``); round 82: never where the zones are said not meant, the trees' pledge meant
    ('认领 唔系认领责任区 系认领种树 两棵桂花': bot/pledges.py's)."""
    if not _zone_list_said(ctx) or ctx.msg.msg_type != "text":
        return False
    # round 94: nor where the zones are refused in a clause of their own, the trees' wish beside it
    # ('我想认领几棵树自己种 唔系认领责任区': zones.zones_refused)
    return not (zones.zones_not_meant(ctx.msg.text) or zones.zones_refused(ctx.msg.text))


def _zone_wished(_app, meaning: str, as_sent: str) -> bool:
    # round 67: '要揾块责认区来管', '我想包祠堂边嗰块责任区' (nlu.zone_taken_on_said)
    # round 79: whether a zone is held, or which are not, asked ('长塘片有冇人认领咗', '责任区还有哪些没人认的'): the list
    # says how many hold each
    return (
        nlu.zone_wished(meaning, as_sent)  # '我想认领一块责任区', '给我分一块责任区'
        or nlu.zone_taken_on_said(meaning, as_sent)
        or zones.holders_asked(meaning, as_sent)
    )


def _tending_told(ctx: Ctx) -> bool:
    """Sim70: a care round of the zone told done in words, from a registered sender (a text: ``zones.tending_told``)."""
    return ctx.msg.msg_type == "text" and ctx.person is not None and zones.tending_told(text_normalized(ctx))


def _own_tending_asked(_app, meaning: str) -> bool:
    # '我管护咗几多次', '我呢个月管护过未'; round 94: one's own zone asked ('责任区分咗俾我未', '我分到边块责任区')
    return zones.own_tending_asked(meaning) or zones.own_zone_asked(meaning)


_zone_list_said = text_means("zones.commands.list", _zone_wished, as_sent=True)


@pure
def _own_piece_ahead(ctx) -> bool:
    return ctx.msg.msg_type == "text" and zones.own_piece_asked_alone(text_normalized(ctx))


def _may_hold_then(ctx: Ctx, _read) -> bool:
    """Conv107: '我那块地在哪里' alone is one's zone from one who holds one or may (a party member, a cadre)."""
    return zones.held_zone(ctx) is not None or zones.may_hold(ctx.person, ctx.config)


_own_piece_asked = staged(_own_piece_ahead, _may_hold_then)


# -- the manifest -------------------------------------------------------------------------------------------
# -- a care zone left (withdraw83) -----------------------------------------------------------------------------------
@pure
def _leave_said(ctx: Ctx) -> bool:
    """退出责任区, 责任区想退掉 (``zones.leave_said``)."""
    return ctx.msg.msg_type == "text" and zones.leave_said(ctx.msg.text)


@registered
def on_left(ctx: Ctx, _match) -> str:
    """The member holds no zone from now on (their 管护 kept), the branch secretary told; none held: said so."""
    zone = zones.held_zone(ctx)
    if zone is None:
        return ctx.t("zones.leave_none")
    told = zones.leave_zone(ctx, zone)
    who = (
        ctx.t("zones.left_secretary_told", names="、".join(p["name"] for p in told))
        if told
        else ctx.t("zones.left_tell_secretary")
    )
    return ctx.t("zones.left", zone=zone["name"]) + who


# withdraw83: placed early (handlers/__init__.py, with the other capabilities' withdrawals), read by core's 取消 too
WITHDRAWAL_ROUTES: list = [Route("zone_left", _leave_said, on_left)]
ZONE_ROUTES: list = [
    ZONES_TABLE.route("zone_claim", "number"),
    Route("zone_claim_unlisted", _claim_unlisted, on_claim_unlisted),
    Route("zone_claim_named", _named_zone, on_claim_named),
    Route("zone_members_only", _named_zone_not_theirs, on_not_theirs),  # conv96: a villager's '石岗片我嚟管'
    ZONES_TABLE.route("zone_nearer", "nearer"),
    ZONES_TABLE.route("zone_list_located", "located"),
    # the lead (forty-second session): one's own zone asked as its words ('我嘅党员责任区') before the list's (党员责任区)
    # conv107: where one's piece is asked alone ('我那块地在哪里'), from one who may hold one
    Route(
        "tending_mine",
        either(text_means("zones.commands.mine", _own_tending_asked), _own_piece_asked),
        on_own_tending,
    ),
    Route("zone_list", _zone_list_wished, on_list),
    Route("tending", text_is("zones.commands.tend"), on_tend),
    Route("tending_told", _tending_told, on_tend),  # sim70: '今日去责任区巡咗一转 冇问题'
    ZONES_TABLE.route("tending_photo", "photo"),
    ZONES_TABLE.route("tending_location", "location"),
]
ROUTES: list = [*WITHDRAWAL_ROUTES, *ZONE_ROUTES]
JOBS: list = [Job("zone_nudges", zones.zone_nudges, 300)]
STORES: list = [store]
EXPORTS: dict = {**store.EXPORT_SQL}
IMPORTS: dict = {"zones": zones.IMPORTER}
REPORT_COLUMNS: list = [
    ReportColumn("zones_tended", "zones.report_header", per_village=zones.tended_share, number_format=PERCENT)
]
DASHBOARD: list = zone_pages.PAGES
VILLAGE_SECTIONS: list = [zone_pages.village_section]
PHOTO_VILLAGES: list = [store.photo_villages]
FLOWS: list = [zones.FLOW]
