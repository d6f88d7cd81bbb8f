"""The events capability's manifest: planting days (义务植树活动) opened by cadres in chat, check-in by 参加, a code or
the event's QR code, the QR code job, the 通报's 党员参与 / 植树活动 / 活动签到 columns, the exports and the dashboard
(where a cadre confirms who was there); its rules and services are in bot/events.py, its flow's diagram in
docs/events.md.

Routes (dispatch order in handlers/__init__.py):
- event_signup_withdrawn: withdraw83: a sign-up withdrawn (``礼拜六嘅植树活动我报咗名 帮我取消报名``; ``唔参加啦`` just after
  ``参加``): the account keeps no sign-ups (参加 on the day is the check-in), so none is cancelled; whom to tell
- event_scene: following through, or scanning, a planting day's QR code (scene ``event_<id>``): checks in
- event_roll_call (ATTENDED_ROUTES, before the visits' 签到): an organiser asking who is at the day (``签到名单``,
  ``今日有几多人签到``): each of today's days of the village, how many checked in, who is present and who not yet
- event_move: an organiser's ``活动地点`` (``改活动地点``, ``活动位置发错了``): the village's day waits for its new place
- event_open: cadres: ``活动 <名称> [9点到12点]``, with a location sent before or after; a place outside the village
  is said to, and the day waits for its place sent again (sim63)
- event_place_or_presence: a location while 活动 waits for its place (or its new place), or while a check-in waits to
  be shown present
- event_join_code: ``参加 1234``: checks in at the event with that code
- event_join: ``参加``: checks in at the planting day of the sender's village (under way, or later today)
- event_arrived: one's arrival told while a day of the village is under way (``我到咗啦``, ``我已经到现场了``): as 参加
- event_asked: the planting day asked about (``礼拜六植树活动几点开始``, ``植树日在哪里集合``): the village's open day, its
  name, time and place and how to join (``参加``), or that none is set yet and the village will announce it
"""

from __future__ import annotations

from datetime import timedelta

from bot import clock, escalation, events, nlu, schedule, visits
from bot.context import Ctx
from bot.conversation import END, FlowTable, Step
from bot.dashboard import event_pages
from bot.identity import keep_message, registered, staff, staff_refusal
from bot.reports import ReportColumn
from bot.router import Route, pure, staged
from bot.scheduler import Job
from bot.store import events as store
from bot.store import roster as roster_store
from handlers import registration
from handlers.core import follow_up, is_event, said_just_after, text_means, text_normalized
from handlers.village import whom_to_ask


def _organisers(app) -> list[str]:
    return app.config.get("events.organiser_roles")


# -- the QR code ------------------------------------------------------------------------------------------
@pure
def _scene_event(ctx: Ctx) -> int | None:
    if not is_event("subscribe", "scan")(ctx):
        return None
    return events.scene_event_id(registration.scene_of(ctx.msg.event_key))


def on_scene(ctx: Ctx, event_id: int) -> str:
    event = store.event(ctx.db, event_id)
    village = roster_store.village(ctx.db, event["village_id"]) if event else None
    welcome = registration.follow(ctx, village)  # subscribed, the event's village preselected for 登记
    if event is None:
        return welcome
    if ctx.person is None:
        keep_message(ctx)  # handled again right after 登记: checked in then
        return welcome + "\n" + ctx.t("events.after_register", name=event["name"])
    return _checked_in(ctx, events.check_in(ctx, event, "qr"))


# -- a notice to the villagers wished, by an organiser ('帮我发个通知叫大家星期六去种树') -------------------------
@pure
def _notice_wished(ctx: Ctx) -> bool:
    return ctx.msg.msg_type == "text" and events.notice_wished(ctx.msg.text or "")


def _from_organiser(ctx: Ctx, _wished: bool) -> bool | None:
    """An organiser's only (``events.organiser_roles``): anyone else's words go on (the FAQ)."""
    return True if ctx.person and ctx.person["role"] in _organisers(ctx.app) else None


def on_notice_wished(ctx: Ctx, _match) -> str:
    """Round 53: how a planting day reaches the villagers (its code and QR code to pass on; 参加 to check in) and that
    a message to a whole village is the office's 群发 on the dashboard: the bot sends none for a cadre."""
    return ctx.t("events.notice_how")


# -- opening a planting day ---------------------------------------------------------------------------------
@pure
def _open_text(ctx: Ctx):
    return events.parse_open(ctx.msg.text) if ctx.msg.msg_type == "text" else None


def _opened(ctx: Ctx, event: dict) -> str:
    opened = ctx.t("events.opened", name=event["name"], span=events.span_words(event, ctx.app.tz), code=event["code"])
    return opened + _wait_if_far(ctx, event)


def _wait_if_far(ctx: Ctx, event: dict) -> str:
    """sim63: a day whose place lies outside its village waits for its place sent again, and the organiser is told
    (the village, the km); '' when the place is inside."""
    far = events.far_from_village(ctx.db, event)
    if far is None:
        return ""
    village, distance = far
    events.wait_for_new_place(ctx, event)
    return "\n" + ctx.t("events.far_from_village", village=village, km=f"{distance / 1000:.1f}")


@staff(_organisers, refusal="events.organisers_only")
def on_open(ctx: Ctx, parsed: events.OpenText) -> str:
    assert ctx.person is not None  # @staff
    if ctx.person["village_id"] is None:
        return ctx.t("events.no_village")
    hours = ctx.config.get("events.default_hours")
    if parsed.name is None:
        return ctx.t("events.usage")
    if parsed.bad_span:
        return ctx.t("events.bad_span", hours=hours)
    starts_at, ends_at = events.span_of(ctx.now, ctx.app.tz, parsed, float(hours))
    if ends_at <= ctx.now:
        return ctx.t("events.span_over")
    place = events.recent_location(ctx)
    if place is None:
        events.wait_for_place(ctx, parsed, starts_at, ends_at)
        return ctx.t("events.ask_place")
    return _opened(ctx, events.open_event(ctx, parsed.name, clock.to_db(starts_at), clock.to_db(ends_at), place))


def _location(ctx: Ctx, _state) -> dict | None:
    """A location, when the events flow is the conversation touched last (a planting record started since keeps it)."""
    if ctx.msg.msg_type != "location":
        return None
    place = events.place_of(ctx.msg)
    return place if place is not None and events.FLOW.touched_last(ctx) else None


def _no_longer_organiser(ctx: Ctx) -> str | None:
    """sim67: the day's place sent after the roster took the organiser's role away (or before its proof): the refusal,
    the day not opened or moved, the flow ended; None while they are still an organiser with proof."""
    refusal = staff_refusal(ctx, _organisers(ctx.app), "events.organisers_only")
    if refusal:
        events.FLOW.end(ctx)
    return refusal


def on_place(ctx: Ctx, state, place: dict) -> str:
    refusal = _no_longer_organiser(ctx)
    if refusal:
        return refusal
    data = state.data
    if data["ends_at"] <= ctx.now_s:
        events.FLOW.end(ctx)
        return ctx.t("events.span_over")
    return _opened(ctx, events.open_event(ctx, data["name"], data["starts_at"], data["ends_at"], place))


def on_new_place(ctx: Ctx, state, place: dict) -> str:
    """sim63: the organiser's new location for the day's place."""
    refusal = _no_longer_organiser(ctx)
    if refusal:
        return refusal
    event = store.event(ctx.db, state.data["event_id"])
    if event is None or events.over(event, ctx.now_s):
        events.FLOW.end(ctx)
        return ctx.t("events.over", name=event["name"]) if event else ctx.t("events.move_none")
    moved, now_present = events.move_event(ctx, event, place)
    reply = ctx.t("events.moved", name=moved["name"])
    if now_present:
        reply += "\n" + ctx.t("events.moved_present", n=now_present)
    return reply + _wait_if_far(ctx, moved)


@pure
def _move_wished(ctx: Ctx) -> bool:
    return ctx.msg.msg_type == "text" and events.move_wished(ctx.msg.text)


@staff(_organisers, refusal="events.organisers_only")
def on_move_wished(ctx: Ctx, _match) -> str:
    """sim63: 活动地点 (改活动地点, 活动位置发错了): the village's day not over yet, opened last, waits for its new place."""
    assert ctx.person is not None  # @staff
    village_id = ctx.person["village_id"]
    days = store.current_in_village(ctx.db, village_id, ctx.now_s) if village_id is not None else []
    if not days:
        return ctx.t("events.move_none")
    event = max(days, key=lambda e: (e["created_at"], e["id"]))
    events.wait_for_new_place(ctx, event)
    return ctx.t("events.move_ask", name=event["name"])


def _cancel_wished(ctx: Ctx) -> bool:
    return ctx.msg.msg_type == "text" and events.cancel_wished(ctx.msg.text)


@staff(_organisers, refusal="events.organisers_only")
def on_cancel_wished(ctx: Ctx, _match) -> str:
    """sim64: the organiser calls the village's day off (下雨了 今天的活动取消): it ends now, its people are told."""
    assert ctx.person is not None  # @staff
    if ctx.person["village_id"] is None:
        return ctx.t("events.cancel_none")
    called_off = events.cancel_days(ctx.app, ctx.db, ctx.person, ctx.now)
    if not called_off:
        return ctx.t("events.cancel_none")
    lines = [
        ctx.t("events.cancelled", name=event["name"], span=events.span_words(event, ctx.app.tz), n=told)
        for event, told in called_off
    ]
    return "\n".join([*lines, ctx.t("events.cancelled_next")])


def _cancel_asked(ctx: Ctx) -> bool:
    return ctx.msg.msg_type == "text" and events.cancel_asked(ctx.msg.text)


@registered
def on_cancel_asked(ctx: Ctx, _match) -> str:
    """sim64: a villager asking whether the day is off ('活动取消了吗': it had become a ticket): the days called off
    since the day before, then those still on (as ``on_day_asked``)."""
    assert ctx.person is not None  # @registered
    village_id = ctx.person["village_id"]
    since = clock.to_db(ctx.now - timedelta(days=1))
    off = store.cancelled_in_village(ctx.db, village_id, since, ctx.now_s) if village_id is not None else []
    lines = [ctx.t("events.day_cancelled", name=e["name"], span=events.span_words(e, ctx.app.tz)) for e in off]
    on = _village_days(ctx)
    if on:
        lines.append(ctx.t("events.day_info", lines="\n".join(_day_line(ctx, e) for e in on)))
    return "\n".join(lines) if lines else ctx.t("events.day_none")


# -- checking in --------------------------------------------------------------------------------------------
def _distance(value: float) -> int:
    return round(value)


def _checked_in(ctx: Ctx, result: events.CheckIn) -> str:
    event, row = result.event, result.attendance
    radius = round(float(ctx.config.get("events.radius_m")))
    if result.status == "too_early":
        start = clock.local(clock.from_db(event["starts_at"]), ctx.app.tz)
        # the lead (forty-second session): a day not today says its date (参加 two days early had read as today's)
        on_another_day = start.date() != clock.local(ctx.now, ctx.app.tz).date()
        when = f"{schedule.date_words(start.date())} {start:%H:%M}" if on_another_day else f"{start:%H:%M}"
        return ctx.t("events.too_early", name=event["name"], start=when)
    if result.status == "over":
        return ctx.t("events.over", name=event["name"])
    assert row is not None  # new or already: the attendance row
    if result.status == "already":
        return ctx.t("events.already_present" if row["present"] else "events.already_waiting", name=event["name"])
    if row["present"]:
        return ctx.t("events.present", name=event["name"], distance=_distance(result.distance or 0))
    if result.distance is not None:
        return ctx.t("events.far", name=event["name"], distance=_distance(result.distance), radius=radius)
    village = roster_store.village(ctx.db, event["village_id"])
    return ctx.t("events.ask_location", name=event["name"], village=village["name"] if village else "")


@pure
def _join_code(ctx: Ctx) -> str | None:
    return events.parse_join_code(ctx.msg.text) if ctx.msg.msg_type == "text" else None


@registered
def on_join_code(ctx: Ctx, code: str) -> str:
    event = store.by_code(ctx.db, code, ctx.now_s)
    if event is None:
        return ctx.t("events.unknown_code", code=code)
    return _checked_in(ctx, events.check_in(ctx, event, "code"))


def _village_days(ctx: Ctx) -> list[dict]:
    """The planting days of the sender's village not over yet (none for a person of no village)."""
    assert ctx.person is not None  # @registered
    village_id = ctx.person["village_id"]
    return store.current_in_village(ctx.db, village_id, ctx.now_s) if village_id is not None else []


@pure
def _arrival_said(ctx: Ctx) -> bool:
    """sim58: one's arrival told ('我到咗啦'), read ahead of the transaction."""
    return ctx.msg.msg_type == "text" and events.arrival_told(text_normalized(ctx))


def _day_under_way(ctx: Ctx, _said: bool) -> bool | None:
    """A registered villager's, while a planting day of his village is under way (else the words go on)."""
    if not ctx.person or ctx.person["village_id"] is None:
        return None
    return any(e["starts_at"] <= ctx.now_s for e in _village_days(ctx)) or None


@registered
def on_join(ctx: Ctx, _match) -> str:
    if nlu.kin_join_asked(text_normalized(ctx)):
        return ctx.t("events.join_relative")  # conv103: a relative's sign-up: nobody checked in for another
    return _joined(ctx) + _bring_answered(ctx)


def _joined(ctx: Ctx) -> str:
    current = _village_days(ctx)
    # withdraw84: a sign-up said (报名参加 is one of 参加's words) before the day: no sign-up is kept, and that is said
    signing_up = ctx.msg.msg_type == "text" and events.sign_up_said(ctx.msg.text)
    if not current:
        return ctx.t("events.none_open_sign_up" if signing_up else "events.none_open")
    if len(current) > 1:
        lines = "\n".join(ctx.t("events.choose_line", name=e["name"], code=e["code"]) for e in current)
        return ctx.t("events.choose", n=len(current), lines=lines)
    result = events.check_in(ctx, current[0], "village")
    reply = _checked_in(ctx, result)
    return reply + "\n" + ctx.t("events.sign_up_not_kept") if signing_up and result.status == "too_early" else reply


def _bring_answered(ctx: Ctx) -> str:
    """Round 72 (21c): what to bring, asked after joining is said ('…算埋我一份 要唔要带锄头'): the FAQ's answer after the
    join's reply (none confident: nothing added, the day's own notice says it)."""
    asked = nlu.bring_asked_after(text_normalized(ctx))
    if not asked:
        return ""
    found = escalation.faq_match(ctx.app, ctx.db, ctx.t("events.bring_asked", question=asked))
    return "\n" + found.answer_text.strip() if found.kind == "answer" and found.answer_text else ""


def on_presence(ctx: Ctx, state, place: dict) -> str:
    row = store.attendance_row(ctx.db, state.data["attendance_id"])
    event = store.event(ctx.db, row["event_id"]) if row else None
    if event is None:
        events.FLOW.end(ctx)
        return ctx.t("events.none_open")
    assert row is not None  # its event was found
    distance = events.locate(ctx, row, place)
    located = store.attendance_row(ctx.db, row["id"])
    assert located is not None
    if located["present"]:
        return ctx.t("events.location_present", name=event["name"], distance=_distance(distance))
    return ctx.t(
        "events.location_far",
        name=event["name"],
        distance=_distance(distance),
        radius=round(float(ctx.config.get("events.radius_m"))),
    )


EVENTS_TABLE = FlowTable(
    events.FLOW,
    (
        Step("opening", "location", _location, on_place, to=(END, "moving")),
        Step("moving", "location", _location, on_new_place, to=(END, "moving")),
        Step("checked_in", "location", _location, on_presence, to=("checked_in", END)),
    ),
)


def _joining_said(_app, meaning: str, as_sent: str) -> bool:
    return nlu.joining_said(meaning, as_sent)  # '我去参加植树', '今天植树我也去', '植树活动签到'


def _day_asked(_app, meaning: str) -> bool:
    # '礼拜六植树活动几点开始', '义务植树那天要带什么'; sim58: whether there is one, '植树节今日有冇活动'
    # round 72: news of it told ('村委话系下礼拜三种树'): the day as the bot knows it
    return nlu.planting_day_asked(meaning) or events.day_asked_in_words(meaning) or nlu.planting_day_news_told(meaning)


def _day_line(ctx: Ctx, event: dict) -> str:
    line, place = events.place_words(event)
    return ctx.t(line, name=event["name"], span=events.span_words(event, ctx.app.tz), place=place)


@registered
def on_day_asked(ctx: Ctx, _match) -> str:
    """The village's planting day asked about: the days not over yet (the FAQ's time-of-day entry is no answer)."""
    current = _village_days(ctx)
    if not current:
        return ctx.t("events.day_none")
    lines = "\n".join(_day_line(ctx, e) for e in current)
    return ctx.t("events.day_info", lines=lines)


def _days_summary(_app, meaning: str) -> bool:
    return events.days_summary_asked(meaning) is not None


DAYS_SUMMARY_SHOWN = 5  # the latest days listed; the rest are on the dashboard's 植树活动 page


@registered
def on_days_summary(ctx: Ctx, _match) -> str:
    """sim66: the village's planting days as a whole ('我们村有几个党员参加了植树活动', '这个月村里搞了几场植树活动': a ticket,
    the FAQ or 本村进度 had them): how many held, who came, the latest days with their tags; one's own count
    ('我参加过几次植树活动') is 我的签到's."""
    assert ctx.person is not None  # @registered
    if events.days_summary_asked(text_normalized(ctx)) == "own":
        return on_attendance_asked(ctx, None)
    village_id = ctx.person.get("village_id")
    days = store.events_list(ctx.db, [village_id]) if village_id is not None else []
    if village_id is None or not days:
        return ctx.t("events.day_none")
    held = events.held(days, ctx.now_s)
    people, party = store.present_people_of_village(
        ctx.db, village_id, list(ctx.app.config.get("campaign.participation.roles"))
    )
    lines = []
    for day in days[:DAYS_SUMMARY_SHOWN]:
        stage = events.stage(day, ctx.now_s)
        tag = ctx.t(events.STAGE_TAGS[stage]) if stage else ctx.t("events.summary_present", n=day["present"])
        lines.append(ctx.t("events.summary_line", span=events.span_words(day, ctx.app.tz), name=day["name"], tag=tag))
    more = len(days) - DAYS_SUMMARY_SHOWN
    return ctx.t(
        "events.summary",
        held=len(held),
        people=people,
        party=party,
        lines="\n".join(lines) + ("\n" + ctx.t("events.summary_more", n=more) if more > 0 else ""),
    )


@pure
def _attendance_said(ctx: Ctx) -> bool:
    """Round 51: one's own 签到 asked after ('我的签到', '签到记录'), read ahead of the transaction."""
    return ctx.msg.msg_type == "text" and nlu.attendance_asked(ctx.msg.text or "")


def _not_an_adviser(ctx: Ctx, _said: bool) -> bool:
    """A villager's (an adviser's 签到 stays his visits)."""
    return not visits.is_adviser(ctx.person)


@registered
def on_attendance_asked(ctx: Ctx, _match) -> str:
    """The planting days the villager was present at, or how to check in (never a ticket)."""
    assert ctx.person is not None  # @registered
    if nlu.attendance_of_a_relative(ctx.msg.text or ""):
        return ctx.t("events.attended_relative")  # conv101: a relative's, kept on their own WeChat
    attended = store.present_count(ctx.db, ctx.person["id"])
    waiting = store.checked_in_waiting(ctx.db, ctx.person["id"], ctx.now_s)
    if waiting:  # sim62: checked in, not shown present yet: it had said 还没有…签到记录 to one just told 已签到
        waiting_line = ctx.t("events.attended_waiting", names="、".join(f"“{name}”" for name in waiting))
        return ctx.t("events.attended_so_far", n=attended) + "\n" + waiting_line if attended else waiting_line
    return ctx.t("events.attended", n=attended) if attended else ctx.t("events.attended_none")


def _roll_call_asked(_app, meaning: str) -> bool:
    return events.roll_call_asked(meaning)  # '今日有几多人签到', '睇下签到名单', '边个仲未到'


def _roll_call_text(ctx: Ctx, event: dict) -> str:
    call = events.roll_call(ctx.db, event)
    lines = [
        ctx.t(
            "events.roll_call_line",
            name=event["name"],
            span=events.span_words(event, ctx.app.tz),
            n=len(call.present) + len(call.waiting),
            present=len(call.present),
        )
    ]
    if call.present:
        lines.append(ctx.t("events.roll_call_present", names="、".join(call.present)))
    if call.waiting:
        lines.append(ctx.t("events.roll_call_waiting", names="、".join(call.waiting)))
    return "\n".join(lines)


@staff(_organisers, refusal="events.organisers_only")
def on_roll_call(ctx: Ctx, _match) -> str:
    """sim58: an organiser asking who is at the village's planting day (it had been a ticket): each day's check-ins;
    sim67: an organiser with proof only (the names of who came and who not yet), as opening the day."""
    current = _village_days(ctx)
    if not current:
        return ctx.t("events.roll_call_none")
    return ctx.t("events.roll_call", lines="\n\n".join(_roll_call_text(ctx, e) for e in current))


# -- the manifest -------------------------------------------------------------------------------------------
def _party_taking_part(row) -> str:
    """通报 column 党员参与: party members who took part (a verified record, or present at a planting day) / to count."""
    return f"{row.village.party_members_active}/{row.village.party_members}"


# event_scene goes before registration's subscribe (handlers/__init__.py); the others with the text commands.
# -- a sign-up withdrawn (withdraw83) ---------------------------------------------------------------------------------
_SIGNED_UP, _NOT_GOING = "signed_up", "not_going"
# the routes of 参加 said (a check-in asked): not going said just after one is that sign-up withdrawn
JOIN_ROUTES = frozenset({"event_join", "event_join_code", "event_scene"})


def _sign_up_ahead(ctx) -> str | None:
    if ctx.msg.msg_type != "text":
        return None
    if events.sign_up_withdrawn(ctx.msg.text):
        return _SIGNED_UP
    return _NOT_GOING if events.not_going_said(ctx.msg.text) else None


def _sign_up_then(ctx: Ctx, read: str) -> bool:
    """A sign-up said and withdrawn; or not going said just after 参加 ('参加' then '唔好意思 嗰日要返乡下 唔参加啦')."""
    return read == _SIGNED_UP or said_just_after(ctx, JOIN_ROUTES)


_sign_up_withdrawn = staged(_sign_up_ahead, _sign_up_then)


@registered
def on_sign_up_withdrawn(ctx: Ctx, _match) -> str:
    """The account keeps no sign-ups (one checks in on the day with 参加): none to cancel, and whom to tell instead."""
    return ctx.t("events.sign_up_withdrawn") + "\n" + whom_to_ask(ctx)


SCENE_ROUTES: list = [Route("event_scene", _scene_event, on_scene)]
# event_attended and event_roll_call go before the visits' 签到 (handlers/__init__.py): a villager's own 签到 asked
# after, an organiser's 签到名单
ATTENDED_ROUTES: list = [
    # conv101 (22w: '参加' then '咁我而家算唔算已经参加咗'): whether one now counts, asked bare just after the join
    Route(
        "event_attended",
        follow_up(staged(_attendance_said, _not_an_adviser), "counted", JOIN_ROUTES),
        on_attendance_asked,
    ),
    Route(
        "event_roll_call",
        staged(text_means("events.commands.roll_call", _roll_call_asked), _from_organiser),
        on_roll_call,
    ),
]
TEXT_ROUTES: list = [
    Route("event_cancel", staged(_cancel_wished, _from_organiser), on_cancel_wished),
    Route("event_cancel_asked", _cancel_asked, on_cancel_asked),
    Route("event_move", staged(_move_wished, _from_organiser), on_move_wished),
    Route("event_open", _open_text, on_open),
    Route("event_notice_wished", staged(_notice_wished, _from_organiser), on_notice_wished),
    EVENTS_TABLE.route("event_place_or_presence"),
    Route("event_join_code", _join_code, on_join_code),
    Route("event_join", text_means("events.commands.join", _joining_said, as_sent=True), on_join),
    Route("event_arrived", staged(_arrival_said, _day_under_way), on_join),
    Route("event_asked", text_means("events.commands.day_asked", _day_asked), on_day_asked),
    # sim66: the village's days as a whole (几场, 几个党员参加): after event_asked (when, where, what to bring)
    Route("event_summary", text_means("events.commands.days_summary", _days_summary), on_days_summary),
]
# withdraw83: placed early (handlers/__init__.py, with the other capabilities' withdrawals), read by core's 取消 too
WITHDRAWAL_ROUTES: list = [Route("event_signup_withdrawn", _sign_up_withdrawn, on_sign_up_withdrawn)]
ROUTES: list = [*WITHDRAWAL_ROUTES, *SCENE_ROUTES, *ATTENDED_ROUTES, *TEXT_ROUTES]
JOBS: list = [Job("event_qrcodes", events.event_qrcodes, 10)]
STORES: list = [store]
EXPORTS: dict = {**store.EXPORT_SQL}
REPORT_COLUMNS: list = [
    ReportColumn("party_taking_part", "events.report_party", _party_taking_part),
    ReportColumn("events_held", "events.report_held", per_village=events.events_held),
    ReportColumn("event_attendance", "events.report_present", per_village=events.attendance_present),
]
DASHBOARD: list = event_pages.PAGES
VILLAGE_SECTIONS: list = [event_pages.village_section]
FLOWS: list = [events.FLOW]
