"""The pledges capability's manifest: 认领安排 through the chat, the seedling list (需求清单) and its batches on the
dashboard, the pledge nudge job, the 通报's 认领户数 column and the exports; its rules and services are in
bot/pledges.py, its flow's diagram in docs/pledges.md.

Routes (dispatch order in handlers/__init__.py):
- pledge_changed: withdraw83: ``认领改成一棵桃树，原来的两棵荔枝不要了``: the old trees' pledge ended, the new one pledged
- pledge_cancel: ``取消认领`` (the household's pledges), ``取消认领 荔枝``; cadres: ``取消认领 张三 [荔枝]``
- pledge_new_household: ``是`` after a cadre named someone not on the roster: a new household, and its pledge
- pledge_mine: ``我的认领`` (or a bare ``认领``; round 49: asked in words, ``我认领咗几多棵``): the household's pledges and
  what it planted of them
- pledge: ``认领 2棵荔枝 [3月]``; cadres: ``认领 张三 2棵龙眼``; round 61: more trees added to the household's standing
  pledge said without 认领 (``我想再加一棵龙眼``: added to its 龙眼), no record in progress
"""

from __future__ import annotations

from bot import escalation, nlu, planting, pledges
from bot.context import Ctx
from bot.conversation import END, FlowTable, Step
from bot.dashboard import pledge_pages
from bot.identity import registered, staff_refusal
from bot.reports import ReportColumn
from bot.router import Decided, Route, pure, staged
from bot.scheduler import Job
from bot.store import pledges as store
from handlers.core import said_just_after, text_is, text_normalized


# -- matchers ---------------------------------------------------------------------------------------
def _pledge_ahead(ctx: Ctx):
    """A pledge decides; round 61: trees added said without 认领 (``pledges.parse_added``) are read next; round 97: a
    count said right (``nlu.count_corrected``: '改做3棵'), for the pledge just made."""
    if ctx.msg.msg_type != "text":
        return None
    table = pledges.species_table(ctx.app)
    # conv106: or the pledge named as made before, its count changed after ('之前认领咗5棵桂花 我想改做3棵')
    parsed = pledges.parse(ctx.msg.text, table) or pledges.named_then_recounted(ctx.msg.text, table)
    return (
        Decided(parsed)
        if parsed
        else pledges.parse_added(ctx.msg.text, table)
        or nlu.count_corrected(pledges.without_command_in_the_right(ctx.msg.text or ""))  # conv101
        or pledges.should_be_said(ctx.msg.text or "")  # conv101: '唔好意思 应该系认领两棵龙眼' just after a pledge
    )


def _added_to_a_pledge(ctx: Ctx, added: pledges.PledgeText | str):
    """Round 61: the trees added are the pledge's when the household has one standing and no record is collected;
    round 97: a count said right, when the sender's message before it was a pledge (``_count_changed``)."""
    if ctx.person is None or planting.collecting(ctx) is not None:
        return None
    standing = store.live_of_household(ctx.db, ctx.person["id"])
    if isinstance(added, str):
        return _count_changed(ctx, added, standing)
    return added if standing else None


def _count_changed(ctx: Ctx, corrected: str, standing: list[dict]) -> pledges.PledgeText | None:
    """Round 97 (22q: '认领 2棵荔枝' then '改做3棵', which had been told there is no record to change): the pledge just
    made, its count said right (its tree, or the tree said with the count); no pledge just made: the record's."""
    if not standing or not said_just_after(ctx, frozenset({"pledge"})):
        return None
    latest = max(standing, key=lambda row: row["updated_at"] or row["created_at"])
    return pledges.count_changed(corrected, latest, pledges.species_table(ctx.app))


_pledge_text = staged(_pledge_ahead, _added_to_a_pledge)


@pure
def _mine_asked(ctx: Ctx) -> bool:
    """``我的认领``, or asked in words ('我认领咗几多棵': ``pledges.own_pledges_asked``)."""
    if text_is("pledges.commands.mine")(ctx):
        return True
    return ctx.msg.msg_type == "text" and pledges.own_pledges_asked(text_normalized(ctx))


@pure
def _cancel_text(ctx: Ctx):
    if ctx.msg.msg_type != "text":
        return None
    return pledges.parse_cancel(ctx.msg.text, pledges.species_table(ctx.app))


def _cadre_refusal(ctx: Ctx) -> str | None:
    """A cadre pledges for the households of their village: None when the sender is one and has a village."""
    return staff_refusal(
        ctx, ctx.config.get("pledges.cadre_roles"), "pledges.cadres_only", no_village="pledges.cadre_no_village"
    )


def _refusal(ctx: Ctx, parsed: pledges.PledgeText) -> str | None:
    """For whom: the sender's household, or (a cadre naming someone) that household; None when allowed."""
    if parsed.name or parsed.readings:
        return _cadre_refusal(ctx)
    assert ctx.person is not None  # the handlers are @registered
    return None if ctx.person["village_id"] is not None else ctx.t("pledges.no_village")


def _allowed(ctx: Ctx, parsed: pledges.PledgeText) -> pledges.PledgeText | str:
    """The text when the sender may send it (``_refusal``), a packed name and month that read two ways resolved by
    the village's roster; else the reply: the refusal, or the one asking the cadre to space name and month."""
    refusal = _refusal(ctx, parsed)
    if refusal or not parsed.readings:
        return refusal or parsed
    chosen = pledges.choose_reading(ctx, parsed)
    if chosen is not None:
        return chosen
    name, month = parsed.readings[0]
    return ctx.t(
        "pledges.ambiguous_name_month",
        written=parsed.written,
        readings=pledges.readings_words(ctx.t, parsed),
        name=name,
        month=month,
        count=parsed.count or 2,
        species=planting.display_name(ctx.app, parsed.species) if parsed.species else ctx.t("pledges.example_species"),
    )


# -- 认领 ----------------------------------------------------------------------------------------------
def _problem(ctx: Ctx, parsed: pledges.PledgeText) -> str | None:
    """What the pledge text lacks, as the reply asking for it."""
    count = parsed.count or 2
    if parsed.bad_month:
        return ctx.t("pledges.bad_month")
    if parsed.species is None:
        offlist = pledges.offlist_named(parsed.species_text, planting.offlist_names(ctx.app))
        if offlist:  # conv96: '认领两棵黄皮': not kept, and what the campaign says of such trees
            return _offlist_said(ctx, ctx.t("pledges.offlist_species", species=offlist[0], count=count))
        if parsed.species_text:
            return ctx.t("pledges.unknown_species", species=parsed.species_text, count=count)
        return ctx.t("pledges.ask_species", count=count) if parsed.count else ctx.t("pledges.usage")
    if parsed.count is None:
        return ctx.t("pledges.ask_count", species=planting.display_name(ctx.app, parsed.species))
    maximum = int(ctx.config.get("pledges.max_trees"))
    if sum(count for count, _species in parsed.trees()) > maximum:
        return ctx.t("pledges.too_many", max=maximum)
    return None


# the FAQ's entry on trees off the campaign's list (messages/faq/campaign.toml): what the campaign says of them
OFFLIST_ENTRY = "camp.exotic"


def _offlist_said(ctx: Ctx, line: str) -> str:
    """``line`` (the off-list tree not pledged), then the FAQ's answer on off-list trees (``OFFLIST_ENTRY``)."""
    entry = ctx.app.service("faq", escalation.load_faq_index).entry(OFFLIST_ENTRY)
    return "\n".join(part for part in (line, entry.answer.strip() if entry else "") if part)


def _offlist_beside(ctx: Ctx, trees: list[tuple[int, str]]) -> str:
    """Conv96: off-list trees said beside the listed ones pledged ('认领两棵桂花 一棵黄皮'): each not kept, said; ''."""
    pledged = [planting.display_name(ctx.app, species) for _count, species in trees] + [s for _c, s in trees]
    named = pledges.offlist_named(ctx.msg.text or "", planting.offlist_names(ctx.app), pledged)
    return "\n".join(ctx.t("pledges.offlist_also", species=name) for name in named)


def _pledged_reply(ctx: Ctx, person: dict, result: pledges.Pledged) -> str:
    assert ctx.person is not None  # registered, or staff
    row, mine = result.pledge, person["id"] == ctx.person["id"]
    facts = dict(
        name=person["name"],
        count=row["count"],
        species=planting.display_name(ctx.app, row["species"]),
        month=pledges.month_words(ctx.t, row["month"]),
    )
    if result.before is None:
        lines = [ctx.t("pledges.pledged" if mine else "pledges.pledged_for", **facts)]
    elif result.unchanged:
        return ctx.t("pledges.unchanged" if mine else "pledges.unchanged_for", **facts)
    else:
        facts["before"] = pledges.before_words(ctx.t, row["count"], row["month"], result.before, result.before_month)
        lines = [ctx.t("pledges.changed" if mine else "pledges.changed_for", **facts)]
    if len(result.household) > 1:
        items = pledges.describe(ctx.t, result.household, planting.display_names(ctx.app))
        lines.append(
            ctx.t("pledges.household_line", items=items)
            if mine
            else ctx.t("pledges.household_line_for", name=person["name"], items=items)
        )
    return "\n".join(lines)


def _several_reply(ctx: Ctx, person: dict, results: list[pledges.Pledged]) -> str:
    """Round 36: one reply for a pledge of several trees ('认领一棵桂花一棵杨梅 三月种'): every tree, and what a changed
    one was; the household's other pledges after."""
    assert ctx.person is not None  # registered, or staff
    mine = person["id"] == ctx.person["id"]
    names = planting.display_names(ctx.app)
    items = pledges.describe(ctx.t, [result.pledge for result in results], names)
    lines = [
        ctx.t("pledges.pledged_several", items=items)
        if mine
        else ctx.t("pledges.pledged_several_for", name=person["name"], items=items)
    ]
    for result in results:
        if result.before is not None and not result.unchanged:
            row = result.pledge
            before = pledges.before_words(ctx.t, row["count"], row["month"], result.before, result.before_month)
            lines.append(
                ctx.t("pledges.several_changed", species=names.get(row["species"], row["species"]), before=before)
            )
    household = results[-1].household
    if len(household) > len(results):
        items = pledges.describe(ctx.t, household, names)
        lines.append(
            ctx.t("pledges.household_line", items=items)
            if mine
            else ctx.t("pledges.household_line_for", name=person["name"], items=items)
        )
    return "\n".join(lines)


def _pledge_all(ctx: Ctx, person: dict, trees: list[tuple[int, str]], month: int | None, added: bool = False) -> str:
    """Pledge every tree said, one reply: the single-tree reply as before for one; ``added``: to the pledges standing."""
    return _reply_of(
        ctx, person, [pledges.pledge(ctx, person, species, count, month, added) for count, species in trees]
    )


def _reply_of(ctx: Ctx, person: dict, results: list[pledges.Pledged]) -> str:
    if len(results) == 1:
        return _pledged_reply(ctx, person, results[0])
    return _several_reply(ctx, person, results)


def _named(ctx: Ctx, parsed: pledges.PledgeText) -> dict | None:
    """The person whose household the text is about: the sender, or the one it names in the cadre's village."""
    return pledges.village_person(ctx, parsed.name) if parsed.name else ctx.person


@registered
def on_pledge(ctx: Ctx, parsed: pledges.PledgeText) -> str:
    allowed = _allowed(ctx, parsed)
    if isinstance(allowed, str):
        return allowed
    parsed = allowed.dated(ctx.now)  # round 37: '下个月种' is next month's
    reply = _problem(ctx, parsed)
    if reply:
        return reply
    person = _named(ctx, parsed)
    if person is None:
        pledges.ask_about_name(ctx, parsed)
        return ctx.t(
            "pledges.unknown_name",
            name=parsed.name,
            items=pledges.describe(
                ctx.t,
                [{"count": count, "species": species, "month": None} for count, species in parsed.trees()],
                planting.display_names(ctx.app),
            ),
        )
    # _problem asked for what was missing
    reply = _pledge_all(ctx, person, parsed.trees(), parsed.month, parsed.added)
    beside = _offlist_beside(ctx, parsed.trees())
    return f"{reply}\n{beside}" if beside else reply


def on_new_household(ctx: Ctx, state, _match) -> str:
    data = state.data
    refusal = _cadre_refusal(ctx)
    if refusal:
        pledges.FLOW.end(ctx)
        return refusal
    person = pledges.new_household(ctx, data["name"])
    trees = [(data["count"], data["species"]), *[(count, species) for count, species in data.get("more", [])]]
    return _pledge_all(ctx, person, trees, data["month"])


@registered
def on_mine(ctx: Ctx, _match) -> str:
    assert ctx.person is not None  # @registered
    rows = pledges.household_pledges(ctx.db, ctx.person["id"])
    if not rows:
        return ctx.t("pledges.none")
    planted = pledges.planted_of(ctx.db, ctx.person["id"])
    done = [
        {"count": min(planted[p["species"]], p["count"]), "species": p["species"], "month": None}
        for p in rows
        if planted.get(p["species"])
    ]
    return ctx.t(
        "pledges.mine",
        items=pledges.describe(ctx.t, rows, planting.display_names(ctx.app)),
        planted=pledges.describe(ctx.t, done, planting.display_names(ctx.app)) or ctx.t("pledges.planted_none"),
    )


@registered
def on_cancel(ctx: Ctx, parsed: pledges.PledgeText) -> str:
    allowed = _allowed(ctx, parsed)
    if isinstance(allowed, str):
        return allowed
    parsed = allowed
    person = _named(ctx, parsed)
    if person is None:
        return ctx.t("pledges.nothing_to_cancel_for", name=parsed.name)
    assert ctx.person is not None  # @registered
    mine = person["id"] == ctx.person["id"]
    names = planting.display_names(ctx.app)
    counted = pledges.species_by_count(ctx, person, parsed)  # round 99: '两棵' of several pledges
    if counted == "":
        live = store.live_of_household(ctx.db, person["id"])
        if len(live) == 1:  # withdraw83: the one pledge held, of another count than said: which it is, asked
            return ctx.t(
                "pledges.cancel_count_differs",
                items=pledges.describe(ctx.t, live, names),
                count=parsed.count,
                species=names.get(live[0]["species"], live[0]["species"]),
            )
        return ctx.t("pledges.cancel_which", items=pledges.describe(ctx.t, live, names))
    ended, kept = pledges.cancel(ctx, person, counted or parsed.species)
    done = ctx.t("pledges.kept_planted", items=pledges.describe(ctx.t, kept, names)) if kept else ""
    if not ended:
        nothing = (
            ctx.t("pledges.nothing_to_cancel") if mine else ctx.t("pledges.nothing_to_cancel_for", name=person["name"])
        )
        return done or nothing
    items = pledges.describe(ctx.t, ended, names)
    said = (
        ctx.t("pledges.cancelled", items=items)
        if mine
        else ctx.t("pledges.cancelled_for", name=person["name"], items=items)
    )
    told = pledges.told_line(ctx.t, pledges.tell_cadres(ctx, person, ended))  # withdraw84
    return "\n".join(line for line in (said, done, told) if line)


@pure
def _changed_text(ctx: Ctx):
    if ctx.msg.msg_type != "text":
        return None
    table = pledges.species_table(ctx.app)
    return pledges.parse_changed(ctx.msg.text, table) or _changed_to_just_after(ctx, table)


def _changed_to_just_after(ctx: Ctx, table) -> tuple[pledges.PledgeText, pledges.PledgeText | None] | None:
    """Conv106: another tree said as the change ('改为认领5棵桂花 5月前') just after a pledge: the pledge just made is the
    one changed (its tree withdrawn, as withdraw83's change); the same tree is the count said right (round 97's).
    Conv107: said by a household with no pledge at all, there is none to change (the old one None: ``on_changed``)."""
    new = pledges.parse_changed_to(ctx.msg.text, table)
    if new is None or ctx.person is None:
        return None
    standing = store.live_of_household(ctx.db, ctx.person["id"])
    if not standing:
        return new, None
    if not said_just_after(ctx, frozenset({"pledge"})):
        return None
    latest = max(standing, key=lambda row: row["updated_at"] or row["created_at"])
    if latest["species"] == new.species:
        return None
    return new, pledges.PledgeText(count=latest["count"], species=latest["species"], species_text=latest["species"])


@registered
def on_changed(ctx: Ctx, changed: tuple[pledges.PledgeText, pledges.PledgeText | None]) -> str:
    """withdraw83: '认领改成一棵桃树，原来的两棵荔枝不要了': the old trees' pledge ended, the new one pledged, one reply.
    Conv107: no pledge before (old None): none to change, how to pledge the tree said, nothing pledged."""
    new, old = changed
    if old is None:
        names = planting.display_names(ctx.app)
        return ctx.t("pledges.change_none", count=new.count, species=names.get(new.species or "", new.species))
    refusal = _refusal(ctx, new)
    if refusal:
        return refusal
    assert ctx.person is not None  # @registered
    new = new.dated(ctx.now)
    problem = _problem(ctx, new)
    if problem:
        return problem
    ended, _kept = pledges.cancel(ctx, ctx.person, old.species)
    names = planting.display_names(ctx.app)
    said = (
        ctx.t("pledges.changed_from", items=pledges.describe(ctx.t, ended, names))
        if ended
        else ctx.t("pledges.changed_none_before", species=names.get(old.species or "", old.species))
    )
    results = [pledges.pledge(ctx, ctx.person, species, count, new.month) for count, species in new.trees()]
    # withdraw84: the change told to the village's cadres (the old trees and the new), as a withdrawal is
    told = pledges.told_line(ctx.t, pledges.tell_cadres(ctx, ctx.person, ended, [r.pledge for r in results]))
    return "\n".join(line for line in (said, _reply_of(ctx, ctx.person, results), told) if line)


PLEDGES_TABLE = FlowTable(
    pledges.FLOW,
    (
        Step(
            "confirm_name", "yes", lambda ctx, state: text_is("pledges.commands.yes")(ctx), on_new_household, to=(END,)
        ),
    ),
)


# -- the manifest -------------------------------------------------------------------------------------
# withdraw83: placed early (handlers/__init__.py, with the other capabilities' withdrawals), read by core's 取消 too
WITHDRAWAL_ROUTES: list = [
    Route("pledge_changed", _changed_text, on_changed),
    Route("pledge_cancel", _cancel_text, on_cancel),
]
PLEDGE_ROUTES: list = [
    PLEDGES_TABLE.route("pledge_new_household"),
    Route("pledge_mine", _mine_asked, on_mine),
    Route("pledge", _pledge_text, on_pledge),
]
ROUTES: list = [*WITHDRAWAL_ROUTES, *PLEDGE_ROUTES]
JOBS: list = [Job("pledge_nudges", pledges.pledge_nudges, 300)]
STORES: list = [store]
EXPORTS: dict = {**store.EXPORT_SQL}
REPORT_COLUMNS: list = [
    ReportColumn("pledged_households", "pledges.report_header", per_village=pledges.pledged_households)
]
DASHBOARD: list = pledge_pages.PAGES
VILLAGE_SECTIONS: list = [pledge_pages.village_section]
FLOWS: list = [pledges.FLOW]
