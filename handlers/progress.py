"""The progress capability's manifest: 我的进度 and 本村进度 (and the menu buttons that stand for them), every village
for the campaign office (各村进度), a village's kept line of the 通报 asked in chat (本月通报出来没有), the
numbers of bot.progress and the standings of bot/standings.py; the 通报's ranking columns, the ``report``
command, the ``monthly_report`` job that keeps each month's 通报 and sends the villages their lines, and
the dashboard's 通报 page (bot/reports.py, bot/dashboard/report_pages.py)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from bot import escalation, go_between, nlu, planting, pledges, progress, reports, standings
from bot.context import Ctx
from bot.dashboard import report_pages
from bot.identity import acts_as, registered, staff_refusal, village_named
from bot.registry import Command
from bot.roster import ADMIN, ADVISER, core_name
from bot.router import Decided, Route, pure, staged
from bot.scheduler import Job
from bot.store import plantings as plantings_store
from bot.store import reports as reports_store
from bot.store import roster as roster_store
from handlers.core import follow_up, just_before, text_means, text_normalized


@registered
def on_my_progress(ctx: Ctx, _match) -> str:
    assert ctx.person is not None  # @registered
    return progress.my_progress_text(ctx.app, ctx.db, ctx.person)


@registered
def on_village_progress(ctx: Ctx, match) -> str:
    assert ctx.person is not None  # @registered
    # a village asked by its name (one the sender may see: ``_named_village``), else the sender's own
    village_id = match["id"] if isinstance(match, dict) else ctx.person.get("village_id")
    standing = standings.of_village(ctx.app, village_id, ctx.now) if village_id is not None else None
    if standing is None:
        return ctx.t("progress.no_village")
    other = match.get("other") if isinstance(match, dict) else None
    scope = ctx.t("progress.other_village_scope") + "\n" if other else ""  # the other's name not echoed
    text = (
        scope
        + progress.village_progress_text(ctx.app, standing.village)
        + "\n"
        + standings.standing_text(ctx.app, standing, standings.local_day(ctx.app, ctx.now))
    )
    if pledges.village_pledges_asked(text_normalized(ctx)):  # round 61: '我哋村认领情况点': its 认领安排 too
        text += "\n" + progress.village_pledges_line(ctx.app, standing.village)
    if nlu.survival_asked(text_normalized(ctx)):  # round 76: '埔心村种咗几多棵 成活点样': its survival checks too
        text += "\n" + _survival_line(ctx, standing.village)
    return text


def _survival_line(ctx: Ctx, village: progress.VillageProgress) -> str:
    """The village's survival checks (verified records, bot/progress.py): how many checked, how many alive."""
    if not village.survival_checked:
        return ctx.t("progress.village_survival_none")
    return ctx.t(
        "progress.village_survival",
        checked=village.survival_checked,
        alive=village.survival_alive,
        pct=progress.percent(village.survival_rate),
    )


def _progress_reader(app) -> Callable[[str], str | None]:
    """``nlu.progress_said`` with this app's species table, each text read once (both routes ask it)."""
    table = planting.species_table(app)

    @lru_cache(maxsize=4096)
    def read(meaning: str) -> str | None:
        # the lead (41st, from faq80): asked for someone else ('邻居阿伯冇手机 托我问下 党员要种几棵'): what is asked,
        # without who asks (bot/go_between.py), never the sender's own progress read from 托我
        if pledges.own_pledges_asked(meaning):
            return None  # conv105 (23b: '我认领了几棵来着 还差几棵'): one's pledges and what is left of them (我的认领)
        return nlu.progress_said(go_between.without_go_between(meaning), table)

    return read


def _progress_said(wanted: str):
    """A question about the sender's (``mine``) or the village's (``village``) progress in other words (bot/nlu.py
    ``progress_said``: '我种了几棵树了', '我那几棵树登记上了没有', '全村种了多少了')."""

    def said(app, meaning: str) -> bool:
        return app.service("progress_reader", _progress_reader)(meaning) == wanted

    return said


def _log_wished_after(_app, rest: str) -> bool:
    return nlu.log_wished(rest)


def _viewable_villages(ctx: Ctx) -> set[int] | None:
    """The villages whose figures the sender may see in chat by their name: their own; an adviser's linked villages
    too (DESIGN.md: advisers are each linked to some villages); None for every village: an admin (管理员, the campaign
    office, DESIGN.md: progress of every village). The dashboard and the 通报 show the rest. Roles with proof only
    (sim67: a villager the roster named staff after registering is a 群众 until the office's code)."""
    person = ctx.person or {}
    if acts_as(person, (ADMIN,)):
        return None
    own = {person["village_id"]} if person.get("village_id") is not None else set()
    if acts_as(person, (ADVISER,)):
        own |= {v["id"] for v in roster_store.villages_of_adviser(ctx.db, person["id"])}
    return own


def _village_ahead(ctx) -> Any:
    """本村进度 in its words decides (the sender's village); a village named at the start with the rest read as its
    progress ('埔心目前种了多少棵', bot/nlu.py ``village_named_in_progress``) gives the names to look up."""
    if _village_words(ctx):
        return Decided(True)
    if ctx.msg.msg_type != "text":
        return None
    return tuple(nlu.village_named_in_progress(text_normalized(ctx), planting.species_table(ctx.app))) or None


def _named_village(ctx: Ctx, said: tuple[str, ...]) -> dict | None:
    """The village those names name, when the sender may see it (``_viewable_villages``); None for any other (a
    villager asking after another village's count gets no figures of it here)."""
    if not ctx.person:
        # round 79 (21p: '埔心村种咗几多棵树啦' before registering had become a ticket): a roster village named is its
        # progress asked, as '我哋村种咗几多' is: registration first (``registered`` keeps the text for after it)
        named = (
            v for name in said for v in roster_store.all_villages(ctx.db) if name in (v["name"], core_name(v["name"]))
        )
        return next(named, None)
    viewable = _viewable_villages(ctx)
    villages = [v for v in roster_store.all_villages(ctx.db) if viewable is None or v["id"] in viewable]
    found = next((v for name in said for v in villages if name in (v["name"], core_name(v["name"]))), None)
    own = ctx.person.get("village_id")
    if found is not None or own is None or viewable is None:
        return found
    # round 75 (21m): another village named ('睇下石岗村种成点'): the sender's own village, with their scope said plainly
    other = next((name for name in said if nlu.other_village_name(name)), None)
    return {"id": own, "other": other} if other else None


# -- every village, for the campaign office ('各村进度', '哪些村滞后') --------------------------------------------
@pure
def _county_ahead(ctx) -> bool | str | None:
    """Every village asked after (True), or progress asked with a town's word (the text, for ``_from_office`` to find
    the town in)."""
    if ctx.msg.msg_type != "text":
        return None
    norm = text_normalized(ctx)
    if standings.county_asked(norm):
        return True
    return norm if standings.town_progress_asked(norm) else None


def _from_office(ctx: Ctx, asked: bool | str) -> tuple[str | None] | None:
    """Only the campaign office (管理员) gets every village here ((None,) for all, else the roster's town named);
    anyone else's words go on (本村进度, the FAQ), and so do the office's naming no town of the roster."""
    if not acts_as(ctx.person, (ADMIN,)):  # with proof (sim67)
        return None
    if asked is True:
        return (None,)
    towns = sorted({v["town"] for v in roster_store.all_villages(ctx.db) if v.get("town")})
    town = standings.town_named(str(asked), towns)
    return (town,) if town else None


def on_county_progress(ctx: Ctx, scope: tuple[str | None]) -> str:
    found = standings.today(ctx.app, ctx.now)
    return standings.county_text(ctx.app, found, standings.local_day(ctx.app, ctx.now), scope[0])


# -- round 54: why one's records wait for the village's check ('点解我嘅树要审核') ------------------------------------
REVIEW_WHY_SHOWN = 5  # records listed; the rest are counted in the header


@pure
def _review_why_ahead(ctx) -> bool:
    return ctx.msg.msg_type == "text" and nlu.review_why_asked(text_normalized(ctx))


def _unless_record_state(ctx, read) -> Any:
    """Conv96: the state of the record just finished asked ('咁耐都冇回复 啱啱嗰两棵记到未'): recorded_asked's
    (``planting.record_state_asked``), never why the review is slow nor one's progress."""
    return None if planting.record_state_asked(ctx) else read


_review_why = staged(_review_why_ahead, _unless_record_state)


@registered
def on_review_why(ctx: Ctx, _match) -> str:
    """The sender's records that wait for the check, each with why (its flags' reasons, as the record's reply said),
    and that the result will come; none waiting: so. Never a ticket: an adviser answers trees, not records."""
    waiting = plantings_store.awaiting_review(ctx.db, ctx.openid, REVIEW_WHY_SHOWN)
    why_nought = nlu.follow_up_said(text_normalized(ctx)) == "why_zero"
    if not waiting and why_nought and plantings_store.last_finished(ctx.db, ctx.openid, ctx.now_s) is None:
        # round 92 ('点解仲系零' just after 我的进度): nothing reported yet is why, and how to report
        return ctx.t("progress.none_reported") + "\n" + ctx.t("planting.how_to")
    if not waiting:
        return ctx.t("progress.review_why_none")
    total = plantings_store.count_awaiting_review(ctx.db, ctx.openid)
    lines = [ctx.t("progress.review_why_header", n=total)]
    for record in waiting:
        reasons = "；".join(planting.waiting_reasons(record)) or ctx.t("progress.review_why_reason_unknown")
        what = planting.describe_for_villager(ctx.app, record)
        lines.append(ctx.t("progress.review_why_line", id=record["id"], what=what, reasons=reasons))
    lines.append(ctx.t("progress.review_why_footer"))
    return "\n".join(lines)


# -- 未种名单 and 未认领名单 (round 54): a village's cadres going door to door ----------------------------------------------
# round 77 (21j: a cadre's bare 更多): the next page asked bare, read as the page the list just shown offered
_NEXT_PAGE = object()


def _list_ahead(ctx, command: str, asked_in_words: Callable[[str], bool]) -> Any:
    """``<command> [页]`` decides (a non-cadre gets the refusal); asked in words (``asked_in_words``) it is page 1, for
    a cadre only (``_from_cadre``: anyone else's words go on, 未种名单's to 本村进度, which reads them too); the next
    page asked bare (更多, 下一页) is ``_NEXT_PAGE`` (``_next_page``: only just after a page of this list)."""
    if ctx.msg.msg_type != "text":
        return None
    text = text_normalized(ctx)
    if text in ctx.app.messages.words("progress.commands.next_page"):
        return _NEXT_PAGE
    for word in ctx.app.messages.words(command):
        if text.startswith(word) and (page := progress.left_page(text[len(word) :])) is not None:
            return Decided(page)
    return 1 if asked_in_words(text) else None


def _left_ahead(ctx) -> Any:
    return _list_ahead(ctx, "progress.commands.left_to_plant", nlu.left_to_plant_asked)


def _left_to_pledge_ahead(ctx) -> Any:
    """Round 54: the households not on the village's 植树安排表 yet ('边几户未认领')."""
    return _list_ahead(ctx, "progress.commands.left_to_pledge", nlu.left_to_pledge_asked)


def _next_page(ctx: Ctx, route: str, more_key: str) -> int | None:
    """Round 77: the page after the one the sender was shown by ``route`` just before (within minutes),
    as its line ``more_key`` offered it (发“未种名单 2”: handlers/core.py ``just_before``); past the end when that page was the last; None when the text
    before was no page of this list (the bare 更多 goes on: the adoption list's)."""
    before = just_before(ctx)
    if not before or before["handler"] != route:
        return None
    offered = re.escape(ctx.t(more_key, n="\x00", page="\x01")).replace("\x00", r"\d+").replace("\x01", r"(\d+)")
    found = re.search(offered, before["reply"] or "")
    return int(found.group(1)) if found else _PAST_THE_END


_PAST_THE_END = 10**6  # a page no list reaches: its reply says this page has none


def _from_cadre(ctx: Ctx, page: Any) -> int | None:
    """Asked in words, only a village's cadre gets the names."""
    if page is _NEXT_PAGE:
        return None
    person = ctx.person or {}
    cadre = acts_as(person, ctx.config.get("pledges.cadre_roles")) and person.get("village_id") is not None
    return page if cadre else None


def _plant_page_then(ctx: Ctx, read: Any) -> int | None:
    if read is _NEXT_PAGE:
        return _next_page(ctx, "left_to_plant", "progress.left_more")
    return _from_cadre(ctx, read)


def _pledge_page_then(ctx: Ctx, read: Any) -> int | None:
    if read is _NEXT_PAGE:
        return _next_page(ctx, "left_to_pledge", "progress.pledge_left_more")
    return _from_cadre(ctx, read)


def _cadres_village(ctx: Ctx, refusal: str) -> tuple[dict | None, str]:
    """(the cadre's village, '') or (None, the reply): the refusal for anyone else, or that no village is theirs."""
    refused = staff_refusal(ctx, ctx.config.get("pledges.cadre_roles"), refusal)
    if refused:
        return None, refused
    assert ctx.person is not None  # staff_refusal found the binding
    village_id = ctx.person.get("village_id")
    village = roster_store.village(ctx.db, village_id) if village_id is not None else None
    return (village, "") if village is not None else (None, ctx.t("progress.no_village"))


def on_left_to_plant(ctx: Ctx, page: int) -> str:
    village, reply = _cadres_village(ctx, "progress.cadres_only")
    if village is None:
        return reply
    left = progress.left_to_plant(ctx.db, ctx.config, village["id"])
    return progress.left_to_plant_text(ctx.app, village["name"], left, page)


@pure
def _pledgers_asked(ctx: Ctx) -> bool:
    """Round 92: which households have pledged asked (``pledges.pledgers_asked``) by a village's cadre; anyone else's
    words go on (to 本村进度, the FAQ)."""
    if ctx.msg.msg_type != "text" or not pledges.pledgers_asked(text_normalized(ctx)):
        return False
    return _from_cadre(ctx, 1) is not None


def on_pledge_list(ctx: Ctx, _match) -> str:
    """The village's households that pledged, with their trees, then its 认领安排 line (how many, 未认领名单)."""
    village, reply = _cadres_village(ctx, "pledges.list_cadres_only")
    if village is None:
        return reply
    text = pledges.village_pledge_list(ctx.app, ctx.db, village)
    standing = standings.of_village(ctx.app, village["id"], ctx.now)
    return text if standing is None else text + "\n" + progress.village_pledges_line(ctx.app, standing.village)


def on_left_to_pledge(ctx: Ctx, page: int) -> str:
    village, reply = _cadres_village(ctx, "progress.pledge_cadres_only")
    if village is None:
        return reply
    households = progress.left_to_pledge(ctx.db, ctx.config, village["id"])
    return progress.left_to_pledge_text(ctx.app, village["name"], households, page)


_village_said = _progress_said("village")


def _village_or_left_said(app, meaning: str) -> bool:
    """本村进度 in other words, or who has not planted asked by one who gets no names (the village's counts answer it);
    round 61: the village's pledges asked after ('我哋村认领情况点'); round 99: never the adoptable trees left
    ('村里可以认种的树还有几棵': the adoption list's, ``nlu.adoptable_left_asked``)."""
    if nlu.adoptable_left_asked(meaning):
        return False
    return (
        _village_said(app, meaning)
        or nlu.left_to_plant_asked(meaning)
        or pledges.village_pledges_asked(meaning)
        or nlu.group_done_asked(meaning)  # the lead: '村里党员有几个完成咗任务'
        or nlu.village_lag_asked(meaning)  # round 76: '我哋村系唔系连续两个月滞后': its 状态 line answers
    )


_village_words = text_means("progress.commands.village_progress", _village_or_left_said)


@pure
def _relative_recorded(ctx: Ctx) -> bool:
    """Round 38: whether a relative's own trees were recorded ('看下我妈种的树记上没有', ``nlu.relative_recorded_asked``)."""
    return ctx.msg.msg_type == "text" and nlu.relative_recorded_asked(text_normalized(ctx))


@registered
def on_relative_recorded(ctx: Ctx, _match) -> str:
    """Where a relative's trees are recorded: under the WeChat that reported them; the household's count, which holds
    every member's (bot/progress.py), with it. Never a ticket: an adviser answers the trees' care, not records."""
    assert ctx.person is not None  # @registered
    home = progress.household_progress(ctx.db, ctx.config, ctx.person["id"])
    assert home is not None  # the sender is a roster row
    return ctx.t("progress.relative_recorded", trees=home.counted, target=home.target)


@pure
def _relative_name_ahead(ctx: Ctx) -> Any:
    """Round 54: a relative who planted too, their name wished on the record ('我老公都有份种 可唔可以记佢个名',
    ``nlu.relative_name_wished``); tidy75: a relative's trees with what to do asked ('阿爸那两棵怎么办'), only when
    nothing else is pointed at (``_nothing_pointed_at``)."""
    if ctx.msg.msg_type != "text":
        return False
    said = text_normalized(ctx)
    if nlu.relative_name_wished(said):
        return Decided(True)
    return nlu.relative_trees_what_to_do(said)


def _nothing_pointed_at(ctx: Ctx, _said) -> bool:
    """No record in progress or just finished, no question in its window: each is what '阿爸那两棵怎么办' points at then
    (sim69's, sim70's)."""
    return not (planting.collecting(ctx) or planting.just_finished(ctx) or escalation.open_in_window(ctx))


def on_relative_name(ctx: Ctx, _match) -> str:
    """A household member's trees are recorded under their own name when they log them with their own WeChat (one
    without a phone: the cadres' 代种); the sender's own records count for the household too. Never a ticket."""
    return ctx.t("progress.relative_name")


# -- round 75 (21m): one household's trees asked by a person's name ('陈木棉嗰户种咗未') ----------------------------------
@pure
def _household_named(ctx: Ctx) -> str | None:
    """The name whose household is asked after (``nlu.other_household_asked``): read before the planting record, which
    would take the tree in the name (陈木棉: 木棉)."""
    return nlu.other_household_asked(text_normalized(ctx)) if ctx.msg.msg_type == "text" else None


@registered
def on_household_progress(ctx: Ctx, name: str) -> str:
    """A village's cadre (``pledges.cadre_roles``, proven) sees one household of their own village: its trees against
    the household target; a name not on their village's roster is said not found (another village's never shown).
    Anyone else sees no other household: their own progress, with who may look."""
    person = ctx.person
    assert person is not None  # @registered
    village_id = person.get("village_id")
    if not (acts_as(person, ctx.config.get("pledges.cadre_roles")) and village_id is not None):
        if name == person.get("name"):
            return progress.my_progress_text(ctx.app, ctx.db, person)
        return ctx.t("progress.household_cadres_only") + "\n" + progress.my_progress_text(ctx.app, ctx.db, person)
    found = roster_store.person_by_name_in_village(ctx.db, name, village_id)
    home = progress.household_progress(ctx.db, ctx.config, found["id"]) if found else None
    if found is None or home is None:
        return ctx.t("progress.household_not_found", name=name)
    pending = ctx.t("progress.pending_note", n=home.pending_trees) if home.pending_trees else ""
    state = ctx.t(
        "progress.household_done" if home.done else "progress.household_left", left=home.target - home.counted
    )
    return ctx.t(
        "progress.household_of", name=name, trees=home.counted, target=home.target, state=state, pending=pending
    )


# -- round 40: the monthly 通报's line asked in chat ------------------------------------------------------------------
@pure
def _report_asked(ctx) -> tuple[str, int] | None:
    """'本月通报出来没有', '我们村这个月通报排第几', '上个月通报说我们村怎么样', '3月通报' (bot/nlu.py ``report_asked``): which
    month's line."""
    if ctx.msg.msg_type != "text" or standings.county_asked(text_normalized(ctx)):
        return None  # round 54: '哪些村被通报落后' asks after the villages (the office's county), not one's own line
    return nlu.report_asked(text_normalized(ctx))


@registered
def on_report_line(ctx: Ctx, asked: tuple[str, int]) -> str:
    """The village's line of the 通报 asked (bot/reports.py ``asked_line``). Anyone of the village may ask (the line went
    to its people in ``reports.notify_roles``; its status and rank are 本村进度's too); a village named that the sender
    may not see (``_viewable_villages``) gets their own village's line, never that one's."""
    assert ctx.person is not None  # @registered
    viewable = _viewable_villages(ctx)
    named = _village_in_text(ctx)
    own = ctx.person.get("village_id")
    if named is not None and (viewable is None or named["id"] in viewable):
        return reports.asked_line(ctx.app, named, asked, ctx.now)
    village = roster_store.village(ctx.db, own) if own is not None else None
    if village is None:  # an admin's or an adviser's: asked to name one they may see
        seen = (v for v in roster_store.kept_villages(ctx.db) if viewable is None or v["id"] in viewable)
        example = next(seen, None)
        if example is None:
            return ctx.t("progress.no_village")
        return ctx.t("progress.tongbao.no_village", example=example["name"])
    line = reports.asked_line(ctx.app, village, asked, ctx.now)
    return ctx.t("progress.tongbao.other_village") + "\n" + line if named is not None else line


def _village_in_text(ctx: Ctx) -> dict | None:
    """The roster village the text names (``identity.village_named``)."""
    return village_named(text_normalized(ctx), roster_store.kept_villages(ctx.db))


# -- sim71: the village's count told ('村里今日种咗三十棵') ---------------------------------------------------------------
@pure
def _village_count_told(ctx: Ctx) -> bool:
    # the second review of the sixtieth session: a count the village holds disputed ('村里登记我种了三棵 其实我种了五棵')
    # is no count told but faq138's record_disputed, the village's ticket (as handlers/planting.py leaves it)
    text = ctx.msg.text or ""
    return ctx.msg.msg_type == "text" and nlu.village_count_told(text) and not escalation.count_disputed(ctx.app, text)


def on_village_count_told(ctx: Ctx, _match) -> str:
    """How the village's count is made (its verified records, 本村进度), never a question for the adviser; a cadre
    (``planting.cadre_roles``) is told how to record for households (代种) and the village's plots."""
    cadre = ctx.person is not None and planting.is_cadre(ctx.person, ctx.config.get("planting.cadre_roles"))
    return ctx.t("progress.village_count_told_cadre" if cadre else "progress.village_count_told")


@dataclass(frozen=True)
class _CountAsked:
    """What the progress read, held until the sender's state says whether a record is being collected."""

    read: Any
    state: bool = False  # conv96: whether recorded asked (the record just finished's), not the count


def _unless_count_for_the_record(matcher):
    """Round 74 (21l): the count forgotten, or whether it must be given, while a record is collected ('几多棵都要讲咩 我唔
    记得种咗几多' after its photo): the record's next step (handlers/planting.py), never the progress. ``matcher`` is
    staged (``follow_up``)."""
    inner_ahead, inner_then = matcher.ahead, matcher.then

    def ahead(ctx) -> Any:
        read = inner_ahead(ctx)
        if read and ctx.msg.msg_type == "text" and nlu.count_needed_asked(text_normalized(ctx)):
            return _CountAsked(read)
        if read and ctx.msg.msg_type == "text" and planting.recorded_asked(text_normalized(ctx)):
            return _CountAsked(read, state=True)  # conv96: the record just finished may be what is asked (``then``)
        return read

    def then(ctx: Ctx, read) -> Any:
        if isinstance(read, _CountAsked):
            if planting.record_state_asked(ctx) if read.state else planting.collecting(ctx):
                return None  # conv96: '咁久都冇反应 啱啱报嘅记到未啊': the record just finished, recorded_asked's
            read = read.read
            if isinstance(read, Decided):
                return read.match
        return inner_then(ctx, read) if inner_then is not None else read

    return staged(ahead, then)


ROUTES: list = [
    # round 54: why one's records wait for the check, before 我的进度's '为什么我报的树还没核实' (the count alone)
    # round 92: why the count is still nought, asked just after one's progress ('我的进度' then '点解仲系零')
    Route("review_why", follow_up(_review_why, "why_zero", frozenset({"my_progress"})), on_review_why),
    # round 75 (21m): a household asked by a person's name, before planting_text takes the tree in it (陈木棉: 木棉)
    Route("household_progress", _household_named, on_household_progress),
    # round 38: a relative's own trees named first ('我仔种嘅龙眼有冇记到'): theirs, read before the sender's own
    Route("relative_progress", _relative_recorded, on_relative_recorded),
    # round 54: a relative who planted too, their name wished recorded ('我老公都有份种 可唔可以记佢个名'): how they log
    Route("relative_name", staged(_relative_name_ahead, _nothing_pointed_at), on_relative_name),
    # round 40: the 通报 asked after ('我们村这个月通报排第几'): its kept line, before 本村进度 reads 排第几 as its own
    Route("report_line", _report_asked, on_report_line),
    # round 27: trees told planted first, then a wish to log them ('我前两天种了几棵树 想登记一下 怎么弄'): no count asked
    Route(
        "my_progress",
        # round 48 (19u): the sender's own asked elliptically just after the village's ('本村进度' then '我自己呢')
        _unless_count_for_the_record(
            follow_up(
                text_means("progress.commands.my_progress", _progress_said("mine"), _log_wished_after),
                "mine",
                frozenset({"village_progress", "left_to_plant"}),
            )
        ),
        on_my_progress,
    ),
    Route("county_progress", staged(_county_ahead, _from_office), on_county_progress),
    # round 92: which households pledged asked (with who has not, '几多户已经认领咗 边个未认领'): their list, before 未认领名单
    Route("pledge_list", _pledgers_asked, on_pledge_list),
    # round 54: before 未种名单, whose 没报 reads '哪几户还没报认领' as trees not reported
    Route("left_to_pledge", staged(_left_to_pledge_ahead, _pledge_page_then), on_left_to_pledge),
    Route("left_to_plant", staged(_left_ahead, _plant_page_then), on_left_to_plant),
    # round 48 (19u): the village's asked elliptically just after one's own ('我种咗几多' then '成条村呢')
    Route(
        "village_progress",
        follow_up(staged(_village_ahead, _named_village), "village", frozenset({"my_progress", "relative_progress"})),
        on_village_progress,
    ),
    # sim71: the village's count told as planted ('村里今日种咗三十棵'): how it is counted, never the adviser's
    Route("village_count_told", _village_count_told, on_village_count_told),
]
REPORT_COLUMNS: list = reports.PROGRESS_COLUMNS
COMMANDS: dict = {
    "report": Command(
        "the monthly progress report as Excel / 月度进度通报（Excel）", reports.report_arguments, reports.cmd_report
    ),
}
JOBS: list = [Job("monthly_report", reports.monthly_report, 300)]
STORES: list = [reports_store]
EXPORTS: dict = {**reports_store.EXPORT_SQL}
# sim66: the 通报 lines' status as the 通报 says it (status_label: 正常, 连续两月滞后), beside the code
EXPORT_LABELS: dict = {"report_lines": {"status": "progress.status"}}
DASHBOARD: list = report_pages.PAGES
