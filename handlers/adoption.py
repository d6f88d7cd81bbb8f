"""The adoption capability's manifest: 认种认养 through the chat (the list, 更多, 认养 <编号>, 我的树, a cadre's
更新 <编号> with a new photo of a plot), the notices to adopters (a media listener), the 通报's 认种认养 and 认捐
columns, the exports and the dashboard page for organisations; its rules and services are in bot/adoption.py,
its flow's diagram in docs/adoption.md, the public page in bot/adoption_page.py.

Routes (dispatch order in handlers/__init__.py):
- adoption_withdrawn: withdraw83: ``取消认养``, ``不认养了``, ``我唔想再认养嗰棵樟树啦``: the adoption ends, its tree free to
  adopt again, the village's cadres told
- adoption_more: ``更多`` while a list is shown: its next page
- adoption_pick: ``认养 <编号>`` while a list is shown (round 44: just after it, the number alone, ``2``, ``要第三个``):
  one tree of the record at that position
- adoption_count: tidy74: just after the list, a count of trees alone (``两棵``, ``我要2棵``, ``就要三棵``): the list
  again after how to pick (by number, one tree each); never a planting record nor the pledge's format
- adoption_pick_unlisted: ``认养 <编号>`` without a list: the list again
- adoption_list: ``认养`` / ``认种`` / ``认种一棵树`` / ``我想认养一棵树``: the village's adoptable trees (a follower
  not registered: welcome, from afar too, then how to register; the list after it); round 77: a bare ``更多`` with no
  list shown (nor a page of 未种名单 / 未认领名单 just before: progress's) too
- my_trees: ``我的树`` (round 49: in words, ``我认养咗边棵树``: ``adoption.own_trees_asked``): what the sender planted and
  adopted, with the pages' links
- plot_update: cadres: ``更新 <记录号>``: the next photo is a new photo of that record
- plot_update_photo: the photo ``更新`` waits for
"""

from __future__ import annotations

from datetime import date
from typing import Any

from bot import adoption, clock, identity, nlu, planting
from bot.context import Ctx
from bot.conversation import END, FlowTable, Step
from bot.dashboard import adoption_pages
from bot.identity import registered
from bot.media import MediaListener
from bot.reports import ReportColumn
from bot.router import Decided, Route, pure, staged
from bot.store import adoption as store
from bot.store import media as media_store
from bot.store import roster as roster_store
from handlers.core import (
    list_again,
    message_heads,
    message_tails,
    text_is,
    text_means,
    text_normalized,
    text_with_number,
)

_more = text_is("adoption.commands.more")


@pure
def _more_wished(ctx: Ctx) -> bool:
    """Conv110 (23g: '仲有冇其他嘅树 再俾多啲我睇'): other trees asked for, more wished shown, in words
    (``nlu.more_shown_wished``): read only while the list is shown, as 更多 is."""
    return ctx.msg.msg_type == "text" and nlu.more_shown_wished(text_normalized(ctx))


_pick_by_word = text_with_number("adoption.commands.pick")


@pure
def _pick_number(ctx: Ctx) -> int | None:
    """``认养 <编号>``, or (round 42) the list said seen, then one picked by its place ('我睇咗认养名单 就要第二棵'); round
    48: one by its place, what it points at after ('认种第一个嗰棵')."""
    found = _pick_by_word(ctx)
    if found or ctx.msg.msg_type != "text":
        return found
    return adoption.number_picked_after_the_list(ctx.msg.text) or adoption.number_picked(ctx.msg.text)


def _bare_pick(ctx: Ctx) -> int | None:
    """Round 44 (19r): the list answered by its number alone or an ordinal ('2', '要第三个'), while it is the flow the
    sender touched last and no planting record waits (a record's count, '2', stays the record's)."""
    if ctx.msg.msg_type != "text" or not adoption.FLOW.touched_last(ctx) or planting.collecting(ctx) is not None:
        return None
    # one past the list: on_pick says there is no such number; conv106: the tree named after the place ('第二棵嗰棵木棉')
    return nlu.pick(ctx.msg.text or "", None, trees=True) or adoption.pick_naming_its_tree(
        ctx.msg.text, planting.species_table(ctx.app)
    )


def _count_said(ctx: Ctx, _state) -> int | None:
    """tidy74: a count of trees alone said to the list just shown, after a wish's words or none ('两棵', '我要2棵',
    '就要三棵', '给我一棵吧', '认养两棵': ``adoption.count_leads``): a wish for that many, no place (tidy73); while the
    list is the flow touched last and no record waits, as ``_bare_pick``. Trees planted told ('种了两棵') or named
    ('两棵荔枝') are no count alone: the record's."""
    if ctx.msg.msg_type != "text" or not adoption.FLOW.touched_last(ctx) or planting.collecting(ctx) is not None:
        return None
    text = text_normalized(ctx).removesuffix("吧")
    leads = sorted(ctx.app.messages.words("adoption.count_leads"), key=len, reverse=True)
    rest = text.removeprefix(next((lead for lead in leads if text.startswith(lead)), ""))
    return nlu.count_alone(rest) if rest[:1].isdigit() or rest[:1] in nlu.CN_NUMERALS else None


def _unlisted_ahead(ctx) -> Any:
    """``_pick_number`` decides; round 48: a pick by its place alone ('要第二个'), no list open, is read next."""
    found = _pick_number(ctx)
    if found:
        return Decided(found)
    return nlu.ordinal_pick_said(text_normalized(ctx)) if ctx.msg.msg_type == "text" else None


def _nothing_collected(ctx: Ctx, number: int) -> int | None:
    return number if planting.collecting(ctx) is None else None  # a record's count choice is the record's


_pick_unlisted = staged(_unlisted_ahead, _nothing_collected)


_update_number = text_with_number("adoption.commands.update")


def _own_trees_asked(_app, meaning: str) -> bool:
    return adoption.own_trees_asked(meaning)


@pure
def _is_request(ctx: Ctx) -> bool:
    """'认养', '我想认养一棵树' (the command's words), or the wish said otherwise ('我家没地方种，想认养一棵',
    '我想领养一棵树': ``nlu.adoption_wished``)."""
    if ctx.msg.msg_type != "text":
        return False
    if _more(
        ctx
    ):  # round 77 (21j): 更多 with no list shown (adoption_more's) nor another's page: the list (the contract's)
        return True
    text = ctx.msg.text or ""
    words, table = ctx.app.messages.words("adoption.commands.adopt"), planting.species_table(ctx.app)
    norm = text_normalized(ctx)
    if adoption.own_trees_asked(
        norm
    ):  # the lead (forty-second session): '想看看我认养的那棵树' is 我的树, never the wish
        return False
    if adoption.is_request(text, words) or (
        len(text) <= 40 and (nlu.adoption_wished(norm, table) or nlu.adoption_wished(nlu.without_who_i_am(norm), table))
    ):  # round 31: who the sender is said first ('我是村民 想认养一棵荔枝树') left out
        return True
    # round 25: said first or last, the asides around it left out ('认养 谢谢', '有冇树可以认养 发个清单嚟')
    parts = (*message_tails(ctx), *(head for head, rest in message_heads(ctx) if not nlu.asks_after(head, rest)))
    # round 74 (21l): a question of its own announced first ('多谢晒 顺便问下认养树点样搞'): the request after the words
    parts = (*parts, *(nlu.without_new_question_lead(part) for part in (norm, *message_tails(ctx))))
    return any(adoption.is_request(part, words) or nlu.adoption_wished(part, table) for part in parts)


# -- the list -------------------------------------------------------------------------------------------
def _lines(ctx: Ctx, records: list[dict], first: int, listed: list[dict] | None = None) -> list[str]:
    """The list's lines; those alike in ``listed`` (the whole list: one site and one tree) say the day planted (sim70)."""
    apart = adoption.told_apart(listed if listed is not None else records, lambda r: _day_planted(ctx, r))
    return [
        ctx.t(
            "adoption.list_line",
            n=n,
            site=r["site"] or ctx.t("adoption.no_site"),
            species=planting.display_name(ctx.app, r["species"]),
            when=_when(ctx, r["id"], apart),
            free=adoption.free_slots(r),
        )
        for n, r in enumerate(records, start=first)
    ]


def _day_planted(ctx: Ctx, record: dict) -> date:
    return clock.local(clock.from_db(record["planted_at"]), ctx.app.tz).date()


def _when(ctx: Ctx, record_id: int, apart: dict[int, tuple[date, bool]]) -> str:
    """'（2月14日种）', with the record's number when another alike was planted that day too; '' for the rest."""
    if record_id not in apart:
        return ""
    day, shared = apart[record_id]
    key = "adoption.list_when_numbered" if shared else "adoption.list_when"
    return ctx.t(key, month=day.month, day=day.day, id=record_id)


def _more_line(ctx: Ctx, total: int, shown: int) -> list[str]:
    return [ctx.t("adoption.list_more", left=total - shown)] if shown < total else []


def _asked_for(ctx: Ctx) -> tuple[list[str], str | None]:
    """sim61: what the request says beyond the wish: for a family member (the line that it counts for the household),
    and the tree named ('帮阿嫲认养一棵龙眼': 龙眼), if any."""
    text = ctx.msg.text or "" if ctx.msg.msg_type == "text" else ""
    lines = [ctx.t("adoption.for_household")] if adoption.for_a_relative(text) else []
    species = nlu.find_species(text, planting.species_table(ctx.app))[0] if text else None
    return lines, species


def _show_list(ctx: Ctx) -> str:
    assert ctx.person is not None  # @registered
    village = roster_store.village(ctx.db, ctx.person["village_id"])
    rows = adoption.adoptable_in(ctx.db, village["id"] if village else None)
    before, species = _asked_for(ctx)
    rows, named = adoption.species_first(rows, species)
    if species and rows and not named:
        before.append(ctx.t("adoption.species_none", species=planting.display_name(ctx.app, species)))
    if not rows:
        # round 44 (19r): kept as shown, empty: a number picked from it is told again there are none
        adoption.remember_list(ctx, [], 0)
        contacts = adoption.contact_names(ctx.app, ctx.db, village["id"] if village else None)
        return "\n".join(
            [
                *before,
                ctx.t(
                    "adoption.none",
                    village=village["name"] if village else "",
                    contacts=contacts or ctx.t("adoption.contacts_unknown"),
                ),
            ]
        )
    assert village is not None  # the rows are its records
    shown = min(adoption.page_size(ctx.config), len(rows))
    adoption.remember_list(ctx, rows, shown)
    return "\n".join(
        [
            *before,
            ctx.t("adoption.list_header", village=village["name"], total=len(rows)),
            *_lines(ctx, rows[:shown], 1, rows),
            *_more_line(ctx, len(rows), shown),
        ]
    )


def on_list(ctx: Ctx, _match) -> str:
    # round 38 (19m): a follower not registered, often from afar ('我人在广州 不是村里户口 能认养一棵埔心村的树吗'), is
    # told they may (seed 002: 外出乡贤、热心居民、社会力量 认种认养) before the register hint; the list follows the 登记
    refusal = identity.require_registered(ctx)
    if refusal:
        return ctx.t("adoption.welcome_before_registering") + "\n" + refusal
    return _show_list(ctx)


@registered
def on_pick_unlisted(ctx: Ctx, _number) -> str:
    return list_again(ctx, adoption.FLOW, _show_list, "adoption.list_again")


def on_count_said(ctx: Ctx, state, count: int) -> str:
    if not state.data.get("ids"):
        return _show_list(ctx)  # the list shown was empty: still none, said again (as on_pick)
    return list_again(ctx, adoption.FLOW, _show_list, "adoption.count_not_a_pick", count=count)


def on_more(ctx: Ctx, state, _match) -> str:
    ids, shown = state.data.get("ids", []), int(state.data.get("shown", 0))
    if not ids:
        return _show_list(ctx)  # round 53 (20c): the list shown was empty: still none, said again
    next_ids, first = adoption.page(ids, shown, adoption.page_size(ctx.config))
    if not next_ids:
        return ctx.t("adoption.no_more", total=len(ids))
    records = [r for r in (store.slots(ctx.db, i) for i in next_ids) if r]
    listed = [r for r in (store.slots(ctx.db, i) for i in ids) if r]
    adoption.FLOW.enter(ctx, "listed", {"ids": ids, "shown": shown + len(next_ids)})
    return "\n".join([*_lines(ctx, records, first, listed), *_more_line(ctx, len(ids), shown + len(next_ids))])


def on_pick(ctx: Ctx, state, number: int) -> str:
    if not state.data.get("ids"):
        return _show_list(ctx)  # round 44: the list shown was empty: still none
    record = adoption.listed_record(ctx, state, number)
    if record is None:
        return ctx.t("adoption.no_such_number", n=number, total=len(state.data.get("ids", [])))
    adopted = adoption.adopt_one(ctx, record)
    if adopted is None:
        return ctx.t("adoption.taken", n=number)
    adoption.FLOW.enter(ctx, "listed", state.data)  # the list stays: a household may adopt several
    return ctx.t(
        "adoption.adopted",
        place=adoption.place(record),
        tree=adopted["first_tree"],
        species=planting.display_name(ctx.app, record["species"]),
        day=adoption.local_day(ctx.app, adopted["adopted_at"]),
        url=adoption.page_url(ctx.app, ctx.db, record["id"], ctx.now_s),
    )


# -- 我的树 ------------------------------------------------------------------------------------------------
KIND_LABELS = {"planted": "adoption.kind_planted", "adopted": "adoption.kind_adopted"}


def _what(ctx: Ctx, item: dict) -> str:
    record = item["record"]
    if item["kind"] == "adopted":
        return ctx.t(
            "adoption.adopted_tree",
            place=adoption.place(record),
            tree=record["first_tree"],
            species=planting.display_name(ctx.app, record["species"]),
        )
    return planting.describe_for_villager(ctx.app, record)


@registered
def on_my_trees(ctx: Ctx, _match) -> str:
    items = adoption.my_trees(ctx)
    if not items:
        return ctx.t("adoption.my_trees_none")
    lines = [ctx.t("adoption.my_trees_header", n=len(items))]
    for item in items[: adoption.MY_TREES_SHOWN]:
        lines.append(
            ctx.t(
                "adoption.my_tree",
                what=_what(ctx, item),
                kind=ctx.t(KIND_LABELS[item["kind"]]),
                day=adoption.local_day(
                    ctx.app, item["record"]["adopted_at"] if item["kind"] == "adopted" else item["record"]["planted_at"]
                ),
                latest=adoption.local_day(ctx.app, item["latest"]) or ctx.t("adoption.no_photo"),
                survival=ctx.t(adoption.SURVIVAL_LABELS[item["survival"]]),
                url=item["url"],
            )
        )
    if len(items) > adoption.MY_TREES_SHOWN:
        lines.append(ctx.t("adoption.my_trees_more", n=len(items) - adoption.MY_TREES_SHOWN))
    return "\n".join(lines)


# -- a cadre's new photo of a plot ----------------------------------------------------------------------------
@registered
def on_update(ctx: Ctx, planting_id: int) -> str:
    record = store.slots(ctx.db, planting_id)
    if record is None or record["status"] != "complete":
        return ctx.t("adoption.update_unknown", id=planting_id)
    refusal = identity.staff_refusal(ctx, ctx.config.get("planting.cadre_roles"), "adoption.update_cadres_only")
    if refusal:  # not a cadre, or a cadre bound without proof (told how to prove it)
        return refusal
    if not adoption.may_update(ctx.person, ctx.config, record):  # another village's plot
        return ctx.t("adoption.update_cadres_only")
    adoption.wait_for_update_photo(ctx, planting_id)
    return ctx.t(
        "adoption.update_ask_photo",
        id=planting_id,
        place=adoption.place(record),
        species=planting.display_name(ctx.app, record["species"]),
    )


def _update_photo(ctx: Ctx, _state) -> bool:
    return ctx.msg.msg_type == "image" and adoption.FLOW.touched_last(ctx)


def on_update_photo(ctx: Ctx, state, _match) -> str:
    planting_id = state.data["planting_id"]
    refusal = identity.staff_refusal(ctx, ctx.config.get("planting.cadre_roles"), "adoption.update_cadres_only")
    if refusal:  # sim67: the roster took the cadre's role away since 更新: no photo reaches the adopters
        adoption.FLOW.end(ctx)
        return refusal
    adoption.add_update_photo(ctx, planting_id, media_store.row_for_inbox(ctx.db, ctx.inbox_id))
    return ctx.t("adoption.update_received", id=planting_id)


# -- an adoption withdrawn (withdraw83) ---------------------------------------------------------------------------------
def _withdrawal_ahead(ctx) -> str | None:
    """取消认养, 我唔想再认养嗰棵樟树啦 (``adoption.withdrawal_said``), or adopting declined ('不认养了')."""
    return adoption.withdrawal_said(ctx.msg.text) if ctx.msg.msg_type == "text" else None


def _withdrawal_then(ctx: Ctx, read: str) -> bool:
    """Adopting declined is a withdrawal from one who holds an adoption; from anyone else it goes on ('我不想认养 只想自己
    种': the trees they plant, or the adoption's answer)."""
    if read == adoption.WITHDRAWN:
        return True
    return ctx.person is not None and bool(store.of_person(ctx.db, ctx.person["id"]))


_withdrawal_said = staged(_withdrawal_ahead, _withdrawal_then)


@registered
def on_withdrawn(ctx: Ctx, _match) -> str:
    """The sender's adoption ends (the one held, or the one whose tree is named): its tree goes back to the village, free
    to adopt again, and the village's cadres are told; several held and none named: which, asked."""
    assert ctx.person is not None  # @registered
    held = store.of_person(ctx.db, ctx.person["id"])
    names = planting.display_names(ctx.app)

    def what(a: dict) -> str:
        species = names.get(a["species"], a["species"])
        return ctx.t("adoption.adopted_tree", place=adoption.place(a), tree=a["first_tree"], species=species)

    if not held:
        return ctx.t("adoption.withdraw_none")
    named = adoption.held_named(ctx.app, held, ctx.msg.text)
    if len(named) != 1:
        return ctx.t("adoption.withdraw_which", items="、".join(what(a) for a in held))
    told = adoption.end_adoption(ctx, named[0])
    who = (
        ctx.t("adoption.withdrawn_cadres_told", names="、".join(p["name"] for p in told))
        if told
        else ctx.t(
            "adoption.withdrawn_tell_cadres",
            contacts=adoption.contact_names(ctx.app, ctx.db, named[0]["village_id"])
            or ctx.t("adoption.contacts_unknown"),
        )
    )
    return ctx.t("adoption.withdrawn", what=what(named[0])) + who


ADOPTION_TABLE = FlowTable(
    adoption.FLOW,
    (
        Step("listed", "more", lambda ctx, state: _more(ctx) or _more_wished(ctx), on_more, to=("listed",)),
        Step("listed", "number", lambda ctx, state: _pick_number(ctx) or _bare_pick(ctx), on_pick, to=("listed",)),
        Step("listed", "count", _count_said, on_count_said, to=("listed",)),
        Step("update_photo", "photo", _update_photo, on_update_photo, to=(END,)),
    ),
)


# -- the manifest -------------------------------------------------------------------------------------------
# withdraw83: placed early (handlers/__init__.py, with the other capabilities' withdrawals), read by core's 取消 too
WITHDRAWAL_ROUTES: list = [Route("adoption_withdrawn", _withdrawal_said, on_withdrawn)]
ADOPTION_ROUTES: list = [
    ADOPTION_TABLE.route("adoption_more", "more"),
    ADOPTION_TABLE.route("adoption_pick", "number"),
    ADOPTION_TABLE.route("adoption_count", "count"),
    Route("adoption_pick_unlisted", _pick_unlisted, on_pick_unlisted),
    Route("adoption_list", _is_request, on_list),
    Route("my_trees", text_means("adoption.commands.my_trees", _own_trees_asked), on_my_trees),
    Route("plot_update", _update_number, on_update),
    ADOPTION_TABLE.route("plot_update_photo", "photo"),
]
ROUTES: list = [*WITHDRAWAL_ROUTES, *ADOPTION_ROUTES]
MEDIA_LISTENERS: list = [MediaListener(adoption.prepare_notice, adoption.tell_adopters)]
STORES: list = [store]
EXPORTS: dict = {**store.EXPORT_SQL}
REPORT_COLUMNS: list = [
    ReportColumn("adopted_trees", "adoption.report_header", per_village=adoption.trees_adopted),
    ReportColumn("donations", "adoption.report_donations", per_village=adoption.donations_total),
]
DASHBOARD: list = adoption_pages.PAGES
FLOWS: list = [adoption.FLOW]
