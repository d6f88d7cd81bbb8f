"""The visits capability's manifest: advisers' village visits (下沉服务) through the chat (a location and ``签到``
in either order, a note, photos, which village when outside every radius), the monthly reminder, the 通报's
顾问下沉 column and summary lines, the export and the dashboard; its rules and services are in bot/visits.py, its
flow's diagram in docs/visits.md.

Routes (dispatch order in handlers/__init__.py):
- visit_sign_in_located: ``签到 [备注]`` after the adviser's location: the visit
- visit_mine: an adviser's 我的下沉 (or asked in words, ``visits.own_visits_asked``): this month's visits and the
  villages not visited yet
- visit_sign_in: ``签到 [备注]`` (voice ``签到了``; advisers bound with proof): waits for the location; round 40: a
  visit told in words (``我今天下午去埔心村看了``: ``visits.visit_told``) too, the words its note
- visit_choose: a number while the bot asks which village (the location was outside every radius)
- visit_location: a location while 签到 waits for it: the visit
- visit_location_first: an adviser's location with no planting record open or just finished: waits for 签到
- visit_photo: a photo while 签到 waits, or just after the visit: joins it
"""

from __future__ import annotations

import re

from bot import hanzi, nlu, planting, visits
from bot.context import Ctx
from bot.conversation import FlowTable, Step
from bot.dashboard import visit_pages
from bot.identity import staff
from bot.reports import ReportColumn
from bot.roster import ADVISER
from bot.router import Decided, Route, pure, staged
from bot.scheduler import Job
from bot.store import visits as store
from handlers import escalation as escalation_handlers
from handlers.core import text_means, text_normalized

_NUMBER = re.compile(r"^第?\s*(\d{1,3}|[一二两三四五六七八九十]{1,3})\s*(?:号|个|个村)?$")


# -- matchers -----------------------------------------------------------------------------------------
@pure
def _sign_in(ctx: Ctx) -> dict | None:
    """A 签到 text: ``{"note": its note ('' when none)}``, or None."""
    if ctx.msg.msg_type != "text":
        return None
    note = visits.sign_in_note(ctx.msg.text, ctx.app.messages.words("visits.commands.sign_in"))
    return None if note is None else {"note": note}


def _queue_after(ctx: Ctx) -> bool:
    """Round 68 (20y): 签到, then the queue asked ('签到 顺便睇下有几多问题未答': ``visits.sign_in_then_queue``)."""
    return ctx.msg.msg_type == "text" and visits.sign_in_then_queue(
        ctx.msg.text, ctx.app.messages.words("visits.commands.sign_in"), planting.species_table(ctx.app)
    )


def _sign_in_ahead(ctx: Ctx):
    """签到 in its words decides; a check-in said otherwise ('打卡', '我到村里了 签个到': ``nlu.check_in_said``) is an
    adviser's only (a villager's 打卡 goes on to the other routes); round 68: 签到, then the queue asked."""
    if _queue_after(ctx):
        return Decided({"note": "", "queue": True})
    found = _sign_in(ctx)
    if found is not None:
        return Decided(found)
    text = ctx.msg.text or ""
    if ctx.msg.msg_type != "text":
        return False
    # round 72: 打卡 with a note ('打卡 埔心村 唔系 系埔心村村委'): an adviser's 签到 with that note (a villager's goes on)
    note = visits.sign_in_note(text, ctx.app.messages.words("visits.commands.check_in"))
    if note:
        return {"note": note}
    # round 76: a sign-in said wrong, the village named right ('头先签错 唔系下屋村系埔心村 签到')
    right = visits.sign_in_corrected(text)
    if right is not None:
        return {"note": right, "corrected": right}
    # round 27: or one clause of a report of the visit ('到咗 签到一下 顺便看下党建林成活情况')
    # round 50: or the presence told, asked to be written down ('我人喺埔心村 记低我今日嚟咗': nlu.visit_record_asked)
    said = len(text) <= 30 and (
        nlu.check_in_said(text_normalized(ctx))
        or nlu.visit_record_asked(text_normalized(ctx))
        or nlu.sign_in_again_said(text_normalized(ctx))  # round 89: '头先签到好似冇成功 再签一次'
        or nlu.sign_in_how_asked(text_normalized(ctx))  # round 93: '人喺村委 签到点搞'
    )
    if said or nlu.check_in_reported(text):
        return True
    # round 40: the visit told in words with no location ('我今天下午去埔心村看了'): it waits for the location
    # round 59: or told, how to have it recorded asked after it ('今日落埔心村指导种树 要点登记我嚟过')
    return _TOLD if visits.visit_told(text) or visits.visit_told_record_asked(text) else False


_TOLD = "told"


def _sign_in_by_adviser(ctx: Ctx, said) -> dict | None:
    if not visits.is_adviser(ctx.person):
        return None
    if isinstance(said, dict):
        return said  # 打卡 with its note (round 72)
    # the visit told is the visit's note ('刚去了埔心村看树')
    return (
        {"note": (ctx.msg.text or "").strip()[: visits.NOTE_MAX_CHARS], "told": True} if said == _TOLD else {"note": ""}
    )


def _own_visits_words_said(_app, meaning: str) -> bool:
    return visits.own_visits_asked(meaning)


def _by_an_adviser(ctx: Ctx, _said: bool) -> bool:
    """A villager's words go on to their other routes (签到记录 of a planting day)."""
    return visits.is_adviser(ctx.person)


# an adviser's 我的下沉, or their visits asked after in words (``visits.own_visits_asked``)
_own_visits_asked = staged(text_means("visits.commands.mine", _own_visits_words_said), _by_an_adviser)


def _sign_in_located(ctx: Ctx, _state) -> dict | None:
    """The flow is an adviser's: what ``_sign_in_ahead`` reads, a check-in said otherwise with no role asked (the text
    read once: it had been read up to four times)."""
    read = _sign_in_ahead(ctx)
    if isinstance(read, Decided):
        return read.match
    if isinstance(read, dict):  # 打卡 with its note, a village named right (round 76): the note kept
        return {"note": read["note"]}
    return {"note": ""} if read else None


def _location(ctx: Ctx) -> dict | None:
    if ctx.msg.msg_type != "location" or ctx.msg.lat is None or ctx.msg.lng is None:
        return None
    return {"lat": ctx.msg.lat, "lng": ctx.msg.lng}


def _location_in_flow(ctx: Ctx, _state) -> dict | None:
    return _location(ctx) if visits.FLOW.touched_last(ctx) else None


def _location_first(ctx: Ctx) -> dict | None:
    location = _location(ctx)
    return location if location and visits.location_waits_for_sign_in(ctx) else None


def _photo(ctx: Ctx, _state) -> bool:
    return ctx.msg.msg_type == "image" and visits.FLOW.touched_last(ctx)


def _note(ctx: Ctx, _state) -> str | None:
    if ctx.msg.msg_type != "text" or not visits.FLOW.touched_last(ctx):
        return None
    return visits.note_told(ctx.msg.text or "")


def _number(ctx: Ctx, state) -> int | None:
    if ctx.msg.msg_type != "text":
        return None
    found = _NUMBER.match(nlu.to_halfwidth(ctx.msg.text or "").strip().strip("。.！!"))
    if found:
        return nlu.chinese_to_int(found.group(1))
    # round 54: or the listed village named ('今日去咗埔心村睇咗三户嘅荔枝', '喺埔心村')
    return visits.village_named(ctx.db, state, hanzi.simplified(ctx.msg.text or ""))


# -- replies ------------------------------------------------------------------------------------------
def _recorded(ctx: Ctx, done: visits.Recorded) -> str:
    visit, placement = done.visit, done.placement
    if placement.village is None:
        choices = "\n".join(
            ctx.t("visits.choice_line", n=n, village=v["name"]) for n, v in enumerate(done.villages, start=1)
        )
        return ctx.t("visits.ask_village", choices=choices)
    if placement.inside:
        assert placement.distance_m is not None  # inside: it was measured
        return ctx.t(
            "visits.recorded", village=visit["village"], distance=round(placement.distance_m), count=done.month_visits
        )
    distance = (
        ctx.t("visits.distance_unknown")
        if placement.distance_m is None
        else ctx.t("visits.distance", km=round(placement.distance_m / 1000, 1))
    )
    return ctx.t("visits.recorded_mismatch", village=visit["village"], distance=distance, count=done.month_visits)


# -- handlers -----------------------------------------------------------------------------------------
@staff((ADVISER,), refusal="visits.advisers_only")
def on_sign_in(ctx: Ctx, sign_in: dict) -> str:
    assert ctx.person is not None  # @staff
    if not visits.villages_of(ctx.db, ctx.person):
        return ctx.t("visits.no_villages")
    if sign_in.get("corrected"):  # round 76: the visit recorded today moved there, never a second one
        corrected = visits.correct_visit(ctx, sign_in["corrected"])
        if corrected is not None:
            key = "visits.corrected" if corrected.moved else "visits.corrected_already"
            reply = ctx.t(key, village=corrected.visit["village"])
            return reply + ("" if corrected.visit["location_ok"] else "\n" + ctx.t("visits.corrected_mismatch"))
    visits.start_sign_in(ctx, sign_in["note"])
    reply = ctx.t("visits.told_ask_location" if sign_in.get("told") else "visits.ask_location")
    return reply + _queue_too(ctx, sign_in)


def _queue_too(ctx: Ctx, sign_in: dict) -> str:
    """Round 68: the queue asked with the 签到 ('签到 顺便睇下有几多问题未答'), after its reply."""
    return "\n\n" + escalation_handlers.on_queue(ctx, None) if sign_in.get("queue") else ""


def on_own_visits(ctx: Ctx, _match) -> str:
    assert ctx.person is not None  # an adviser (_by_an_adviser)
    if not visits.villages_of(ctx.db, ctx.person):
        return ctx.t("visits.no_villages")
    state = visits.FLOW.state(ctx)
    if state is None or state.name != "choosing":
        return visits.month_summary(ctx.app, ctx.db, ctx.person, ctx.now)
    summary = visits.month_summary(ctx.app, ctx.db, ctx.person, ctx.now, choosing=state.data.get("visit_id"))
    # sim64: a sign-in outside every village waits for its village: 我的下沉 had said 0次 and listed them all unvisited
    return "\n".join([summary, visits.choosing_reminder(ctx) or ""])


def on_sign_in_located(ctx: Ctx, state, sign_in: dict) -> str:
    return _recorded(ctx, visits.sign_in_where_located(ctx, state, sign_in["note"])) + _queue_too(ctx, sign_in)


def on_location(ctx: Ctx, state, location: dict) -> str:
    return _recorded(
        ctx,
        visits.record_visit(
            ctx, location["lat"], location["lng"], state.data.get("note", ""), state.data.get("photos", [])
        ),
    )


def on_location_first(ctx: Ctx, location: dict) -> str:
    visits.keep_location(ctx, location["lat"], location["lng"])
    return ctx.t("visits.location_kept")


def on_choose(ctx: Ctx, state, number: int) -> str:
    visit = visits.choose_village(ctx, state, number)
    if visit is None:
        return ctx.t("visits.no_such_number", n=number, total=len(state.data.get("village_ids", [])))
    return ctx.t("visits.chosen", village=visit["village"])


def on_photo_waiting(ctx: Ctx, state, _match) -> str:
    return ctx.t("visits.photo_kept", n=visits.add_waiting_photo(ctx, state, visits.photo_of_message(ctx)))


def on_note(ctx: Ctx, state, note: str) -> str:
    visit = visits.add_note(ctx, state, note)
    return ctx.t("visits.note_added", village=visit["village"] or ctx.t("visits.village_pending"))


def on_photo(ctx: Ctx, state, _match) -> str:
    visit, count = visits.add_photo(ctx, state, visits.photo_of_message(ctx))
    return ctx.t("visits.photo_added", village=visit["village"] or ctx.t("visits.village_pending"), n=count)


VISITS_TABLE = FlowTable(
    visits.FLOW,
    (
        Step("located", "sign_in", _sign_in_located, on_sign_in_located, to=("recorded", "choosing")),
        Step("signing", "location", _location_in_flow, on_location, to=("recorded", "choosing")),
        Step("signing", "photo", _photo, on_photo_waiting, to=("signing",)),
        Step("choosing", "number", _number, on_choose, to=("recorded",)),
        Step("choosing", "photo", _photo, on_photo, to=("choosing",)),
        Step("recorded", "photo", _photo, on_photo, to=("recorded",)),
        Step("recorded", "note", _note, on_note, to=("recorded",)),
    ),
)


# -- the manifest -------------------------------------------------------------------------------------------
ROUTES: list = [
    VISITS_TABLE.route("visit_sign_in_located", "sign_in"),
    Route("visit_mine", _own_visits_asked, on_own_visits),
    # round 54: before a visit told in words, which a village named as the answer ('今日去咗埔心村…') would restart
    VISITS_TABLE.route("visit_choose", "number"),
    Route("visit_sign_in", staged(_sign_in_ahead, _sign_in_by_adviser), on_sign_in),
    VISITS_TABLE.route("visit_location", "location"),
    Route("visit_location_first", _location_first, on_location_first),
    VISITS_TABLE.route("visit_photo", "photo"),
    VISITS_TABLE.route("visit_note", "note"),
]
JOBS: list = [Job("visit_reminders", visits.visit_reminders, 300)]
STORES: list = [store]
EXPORTS: dict = {**store.EXPORT_SQL}
REPORT_COLUMNS: list = [ReportColumn("adviser_visits", "visits.report_header", per_village=visits.visits_in_month)]
REPORT_SUMMARY: list = [visits.summary_lines]
DASHBOARD: list = visit_pages.PAGES
VILLAGE_SECTIONS: list = [visit_pages.village_section]
PHOTO_VILLAGES: list = [store.photo_villages]
FLOWS: list = [visits.FLOW]
