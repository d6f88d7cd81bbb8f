"""Planting days (义务植树活动) with check-in: the service layer of the events capability.

Seed 002, 二(一): “机关事业单位党员、村(居)和“两新”党组织65周岁以下的党员至少参加1次义务植树活动”; 二(五): 广大党员……在各类
植树活动中冲在前、做表率. The rules (config keys in brackets; docs/events.md says why):

- A cadre ([events.organiser_roles], bound with proof) opens a planting day in chat: ``活动 <名称>`` and a location,
  in either order within [events.location_minutes] (the location is the event's place), optionally with a span
  (``活动 村口植树 9点到12点``, ``下午2点到5点``); without one it runs from now for [events.default_hours]. The reply
  gives a 4-digit code, unique among the events not yet over; a job then fetches a temporary WeChat QR code (scene
  ``event_<id>``, valid until the event ends) and sends its link to the opener. The opener attends, present.
- Participants check in while the event is under way: ``参加`` (the open event of their village), ``参加 <code>``
  (any village's), or scanning the QR code (following through it, or scanning while following: registration's
  scene parsing; someone not registered yet is checked in right after 登记).
- A location within [events.radius_m] of the event's place (sent with or after the check-in, or in the
  [events.location_minutes] before it) makes the attendance *present*; without one a cadre of the village confirms
  it on the dashboard. Only present attendance counts.
- Being present counts as taking part for seed 002's rule (bot/progress.py: party members aged at most
  [campaign.participation.party_member_max_age] take part at least once, by a verified record or by attendance); it
  shows in 我的进度 and the 通报 (党员参与, 植树活动, 活动签到). The trees an attendee logs during the event's span are
  the event's (a reading of the plantings: bot/store/events.py).

Everything from ``parse_open`` to ``qr_link`` is pure (no app, no database) and unit-tested; the functions after it
are the services: they read and write through bot/store/events.py.
"""

from __future__ import annotations

import json
import logging
import re
import secrets
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from urllib.parse import quote

from bot import clock, nlu, outbox
from bot.conversation import Flow
from bot.db import transaction
from bot.ids import row_id
from bot.incoming import MalformedMessage, from_fields
from bot.photos import haversine_m, is_far_from
from bot.reminders import at_local, queue_notice
from bot.store import events as store
from bot.store import roster as roster_store
from bot.wechat_api import WeChatError

log = logging.getLogger(__name__)

# opening {name, starts_at, ends_at}: 活动 said, waiting for the place (a location); checked_in {attendance_id}:
# 参加 said, waiting for a location that shows the participant is there; moving {event_id}: the organiser's day
# waiting for its new place (sim63: opened far from the village, or 活动地点 said). Its table is in handlers/events.py,
# its diagram in docs/events.md.
FLOW = Flow("events", ("opening", "checked_in", "moving"))

CODE_DIGITS = 4
SCENE_PREFIX = "event_"  # the QR scene of event 12: event_12 (a village's is its bare id: registration)
QR_MAX_SECONDS = 30 * 24 * 3600  # WeChat's limit for a temporary QR code
QR_MAX_ATTEMPTS = 5
QR_IMAGE_URL = "https://mp.weixin.qq.com/cgi-bin/showqrcode?ticket="
HOW_LABELS = {
    "opened": "events.how_opened",
    "village": "events.how_village",
    "code": "events.how_code",
    "qr": "events.how_qr",
}
PRESENT_LABELS = {
    "location": "events.present_location",
    "opener": "events.present_opener",
    "cadre": "events.present_cadre",
}

_OPEN = re.compile(r"^(?:开|开启|发起|组织)?(?:义务)?(?:植树)?活动\s*[:：]?\s*")
_HOUR = r"(\d{1,2}|[一二两三四五六七八九十]{1,3})"
_WHEN = rf"(上午|早上|中午|下午|晚上)?\s*{_HOUR}\s*(?:[点时:：](\d{{2}})?)(半)?"
_SPAN = re.compile(rf"{_WHEN}\s*(?:分)?\s*(?:到|至|-|~|～|—)\s*{_WHEN}\s*(?:分)?")
_JOIN_CODE = re.compile(r"^(?:我要|我)?参加(?:活动)?\s*[:：]?\s*(.+)$")
_TRAILING = " \t\r\n。．.！!，,"


# -- reading the texts ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class OpenText:
    """``活动 <名称> [时间段]``: the name (None: not given) and the span's local (hour, minute)s, if given."""

    name: str | None
    start: tuple[int, int] | None = None
    end: tuple[int, int] | None = None
    bad_span: bool = False


def _clock_time(part: str | None, hour_text: str, minutes: str | None, half: str | None) -> tuple[int, int] | None:
    hour = nlu.chinese_to_int(hour_text)
    if hour is None:
        return None
    if part in ("下午", "晚上") and hour < 12 or part == "中午" and hour < 3:
        hour += 12
    minute = int(minutes) if minutes else (30 if half else 0)
    return (hour, minute) if 0 <= hour <= 23 and 0 <= minute <= 59 else None


def parse_span(text: str) -> tuple[tuple[int, int] | None, tuple[int, int] | None, bool, str]:
    """(start, end, bad, the text without the span): '9点到12点', '下午2点到5点', '14:00-17:30'."""
    found = _SPAN.search(text)
    if not found:
        return None, None, False, text
    g = found.groups()
    start = _clock_time(g[0], g[1], g[2], g[3])
    # 下午2点到5点, 中午12点到2点: an end without its part of the day is in the start's afternoon or evening
    end = _clock_time(g[4] or (g[0] if g[0] in ("中午", "下午", "晚上") else None), g[5], g[6], g[7])
    rest = (text[: found.start()] + " " + text[found.end() :]).strip()
    if start is None or end is None or end <= start:
        return None, None, True, rest
    return start, end, False, rest


# round 53 (the lead, as a village secretary in the simulator: '帮我发个通知叫大家星期六去种树' got the village's own
# arrangements entry): an organiser wishing to tell the villagers; the bot sends no notice for a cadre, it says how
_NOTICE_WISHED_RE = re.compile(
    r"(?:发|出|搞|写|群发|推送)(?:个|一个|条|一条|份)?(?:通知|公告|消息)(?:给|俾|畀|叫|通知)?(?:大家|全村|村民|各户|所有人|群众|成条村)"
    r"|(?:帮我|同我|帮手)(?:发|出|群发)(?:个|一个|条|一条)?(?:通知|公告)"
    r"|通知(?:一下|下)?(?:大家|全村|村民|各户|所有人|成条村)+.{0,8}?(?:去|来|参加|集合|种树)"
    # round 56 (the lead, as a village secretary: '听日早上九点喺村委门口搞义务植树 帮我通知全村' became a ticket): the day
    # told first, then everyone to be told asked of the bot
    r"|(?:帮我|同我|帮手|麻烦你?|你帮我|请你?)通知(?:一下|下)?(?:大家|全村|村民|各户|所有人|成条村)+(?:一下|下)?$"
)
NOTICE_WISHED_MAX_CHARS = 40


def notice_wished(text: str) -> bool:
    """Round 53: a notice to the villagers wished ('帮我发个通知叫大家星期六去种树', '通知全村村民周六集合种树')."""
    text = re.sub(r"\s", "", text or "")
    return bool(text) and len(text) <= NOTICE_WISHED_MAX_CHARS and bool(_NOTICE_WISHED_RE.search(text))


# sim58: an organiser asking who is at the day (read on handlers.core's meaning: 几多 -> 多少, 边个 -> 哪个, 睇 -> 看):
# its list ('睇下签到名单'), how many ('今日有几多人签到', '今天来了多少人'), who ('谁签到了', '边个仲未到')
_ROLL_CALL_RE = re.compile(
    r"^(?:帮我|麻烦)?(?:看下|看一下|查下|查一下|看看)?(?:今天|这次|今次)?(?:的)?(?:植树|种树|义务植树)?(?:活动)?(?:的)?"
    r"(?:签到(?:的)?(?:名单|情况|人数)"
    r"|(?:有|来了|到了|签到了|一共|总共)+(?:多少|几)个?人(?:签到|签了到|来|到|参加|报到)?(?:了)?"
    r"|(?:多少|几)个?人(?:签到|签了到|来|到|参加|报到)(?:了)?"
    r"|(?:哪个|哪些人?|谁|有谁)(?:还没|还未|没|未)?(?:签到|签了到|来|到)(?:了)?)$"
)
ROLL_CALL_MAX_CHARS = 24


def roll_call_asked(meaning: str) -> bool:
    """sim58: who checked in at the planting day asked (pure; the organiser's own route decides who may ask)."""
    return bool(meaning) and len(meaning) <= ROLL_CALL_MAX_CHARS and bool(_ROLL_CALL_RE.match(meaning))


# sim58: whether there is a planting day asked without the words nlu.planting_day_asked reads ('植树节今日有冇活动',
# '今日有冇活动', '今日村里有冇搞种树'), and one's arrival told at the day ('我到咗啦', '我已经到现场了'); both on
# handlers.core's meaning (植树 -> 种树, 今日 -> 今天, 冇 -> 没, 咗/啦 dropped)
_DAY_WHEN = (
    r"(?:今天|明天|后天|这个?(?:星期|礼拜|周)[六日天]|(?:星期|礼拜|周)[六日天]|今天上午|今天下午|等下|下午|上午)"
)
_DAY_ASKED_RE = re.compile(
    rf"^(?:种树节|义务种树日|种树日)?{_DAY_WHEN}?(?:村里|我们村|本村)?(?:有没有|有冇|有什么|有无)"
    r"(?P<what>(?:弄|搞|组织|安排)?(?:种树|义务种树)?(?:的)?(?:活动)?)(?:啊|呀|嘛)?$"
)
_ARRIVED_RE = re.compile(
    r"^(?:我|我们|我们两个|我哋)?(?:已经)?(?:到|来)(?:现场|村口|活动现场)?(?:签到)?(?:了|啦|喇|咯|啊|呀|嘞)*$"
)


def day_asked_in_words(meaning: str) -> bool:
    """Whether there is a planting day asked ('植树节今日有冇活动'); not a bare '有没有' (a day, a planting or 活动 said)."""
    found = _DAY_ASKED_RE.match(meaning or "")
    return found is not None and any(word in found["what"] for word in ("种树", "活动"))


def arrival_told(meaning: str) -> bool:
    """One's arrival told ('我到咗啦', '我已经到现场了'), on ``nlu.normalize``'s text (final particles kept): a
    check-in only while a day of the village is under way."""
    return bool(_ARRIVED_RE.match(meaning or ""))


# sim66: the village's planting days asked after as a whole, on handlers.core's meaning (植树 -> 种树, 几多 -> 多少):
# how many were held and who came ('我们村有几个党员参加了植树活动', '这个月村里搞了几场植树活动', '本村植树活动开展情况');
# one's own count ('我参加过几次植树活动'). Never how to run or join one, when it starts, what to bring (event_asked, the FAQ)
_DAYS_WORD_RE = re.compile(r"(?:义务)?种树活动")
_DAYS_SUMMARY_RE = re.compile(
    r"几场|几次|多少场|多少次|几个?人|多少个?人|人数|几个?党员|多少个?党员|党员.{0,4}(?:多少|几)个?|(?:参加|开展|签到)?情况|统计|"
    r"(?:弄|搞|办|开展)(?:得|的)怎么样|(?:弄|搞|办|开展)了没有"
)
_DAYS_OWN_RE = re.compile(r"^我(?!们|村|哋)(?:已经|总共|一共)?(?:参加|去)(?:过|了)?(?:几|多少)次")
_DAYS_NOT_RE = re.compile(
    r"怎么(?:组织|搞|弄|办|参加|报名|签到)|如何|要带|带什么|几点|在哪|哪里|什么时候|好处|意义|是什么|可以|能不能|报名|"
    r"今天|明天|后天|现在|要参加|需要|必须|至少|应该|得参加|规定"
)
DAYS_SUMMARY_MAX_CHARS = 30


def days_summary_asked(meaning: str) -> str | None:
    """sim66: 'village' (the village's planting days as a whole), 'own' (one's own count), or None."""
    if not meaning or len(meaning) > DAYS_SUMMARY_MAX_CHARS or not _DAYS_WORD_RE.search(meaning):
        return None
    if _DAYS_NOT_RE.search(meaning):
        return None
    if _DAYS_OWN_RE.match(meaning):
        return "own"
    return "village" if _DAYS_SUMMARY_RE.search(meaning) else None


def parse_open(text: str | None) -> OpenText | None:
    """``活动 村口植树 9点到12点`` → OpenText('村口植树', (9, 0), (12, 0)); None for anything else (a question too)."""
    text = nlu.to_halfwidth(text or "").strip().strip(_TRAILING)
    found = _OPEN.match(text)
    # round 66: Hakka 涯 read as the readers of requests read it ('植树活动算涯一份': 算我一份)
    meant = nlu.command_characters_fixed(text)
    if not found or nlu.is_question(text) or nlu.joining_said(nlu.normalize(meant), meant):
        return None  # '植树活动签到' joins the day (参加), never opens one named 签到
    if nlu.joining_said(nlu.normalize(re.split(r"[\s,，。!！]+", meant)[0])):
        return None  # round 25: nor said first ('植树活动算埋我 我带埋个仔')
    start, end, bad, rest = parse_span(text[found.end() :])
    name = re.sub(r"\s+", " ", rest).strip(" :：,，") or None
    if name and len(name) > 30:
        name = name[:30]
    return OpenText(name, start, end, bad)


# sim63: the organiser moving the day's place ('活动地点', '改活动地点', '活动位置发错了', '换个活动地点'); read before
# ``parse_open``, which would open a day named 地点
_MOVE_RE = re.compile(
    r"^(?:我要|帮我|请)?(?:改|更改|修改|重新定|重定|换|换个|更正)?(?:一下|下)?(?:植树|义务植树)?活动(?:的)?"
    r"(?:地点|位置|地方|集合点)(?:发错了|发错咗|错了|错咗|不对|唔啱|要改|改一下|改下|改|换一下|换)?$"
)


def move_wished(text: str | None) -> bool:
    """sim63: the planting day's place to be sent again ('活动地点', '改活动地点', '活动位置发错了')."""
    return bool(_MOVE_RE.match(re.sub(r"\s", "", nlu.to_halfwidth(text or "")).strip(_TRAILING)))


# sim64: the organiser calling the day off ('下雨了 今天的活动取消', '取消活动', '活动改期', '植树活动推迟'): it had become
# a question for the adviser, and the day stayed open for check-ins
_CANCEL_RE = re.compile(
    r"(?:(?:植树|种树|义务植树)?活动|植树日).{0,4}?(?:取消|不搞了?|唔搞|搞唔成|改期|延期|推迟|改天|改日)"
    r"|(?:取消|改期|推迟|延期)(?:今天|今日|明天|听日|这次|今次|本次)?(?:的|嘅)?(?:植树|种树|义务植树)?活动"
)
# a question (asked at its end, or whether it should be: 要唔要取消) is no calling off
_QUESTION_END = r"(?:[吗嘛么冇未没呢]|没有|了没|有冇)[?？]?$|[?？]$"
_NOT_CANCEL_RE = re.compile(
    rf"取消认领|取消参加|不参加|唔参加|(?:通知|提醒)取消|要不要|要唔要|会不会|会唔会|是不是|系唔系|是否|使唔使|用不用|[吗嘛]"
    rf"|{_QUESTION_END}"
)


def cancel_wished(text: str | None) -> bool:
    """sim64: the planting day called off (or put off: another day is opened on that day), not a question about it."""
    plain = re.sub(r"\s", "", nlu.to_halfwidth(text or "")).strip(_TRAILING)
    return bool(_CANCEL_RE.search(plain)) and not _NOT_CANCEL_RE.search(plain)


def cancel_asked(text: str | None) -> bool:
    """sim64: whether the day is called off, asked ('活动取消了吗', '今天植树活动还搞不搞'... with 取消 and a question)."""
    plain = re.sub(r"\s", "", nlu.to_halfwidth(text or "")).strip(_TRAILING)
    return bool(_CANCEL_RE.search(plain)) and bool(re.search(_QUESTION_END, plain))


# withdraw83: a planting day's sign-up withdrawn ('礼拜六那个植树活动我报了名…帮我取消报名', '我报咗名嘅植树日临时要开会 去唔到
# 取消吧'). The account keeps no sign-ups (one checks in on the day: 参加), so there is none to cancel; the reply says so
# and whom to tell (handlers/events.py). Not a pledge's 报名认领, nor a question ('取消报名要点搞').
_SIGNED_UP = r"(?:报名|报咗名|报了名|报左名|报过名|报埋名)"
_NOT_GOING = r"(?:(?<!回)唔去|(?<!回)不去|去唔到|去不了|去唔了|去不成|来不了|嚟唔到|来唔到|参加不了|参加唔到|唔参加|不参加|冇得去|没法去|去唔成)"
_SIGN_UP_WITHDRAWN_RE = re.compile(
    rf"(?:取消|撤销|撤回|退出)报名|{_SIGNED_UP}[^。]{{0,24}}?(?:{_NOT_GOING}|取消|撤销|撤回|退出|唔要|不要)"
)
_NOT_GOING_RE = re.compile(_NOT_GOING)
_OTHER_DUTIES_RE = re.compile(r"认领|认养|认种|责任区|登记")
SIGN_UP_MAX_CHARS = 48


_SIGN_UP_RE = re.compile(rf"{_SIGNED_UP}|报个名")


def sign_up_said(text: str | None) -> bool:
    """withdraw84: a sign-up said ('报名参加植树日', '我想报名参加礼拜六的植树活动'), which 参加's route takes (报名参加 is
    one of its words): before the day its reply says no sign-up is kept (handlers/events.py)."""
    return bool(_SIGN_UP_RE.search(nlu.to_halfwidth(text or "")))


def sign_up_withdrawn(text: str | None) -> bool:
    """A sign-up for a planting day said, and withdrawn (``_SIGN_UP_WITHDRAWN_RE``); no question, no other duty."""
    norm = nlu.to_halfwidth(text or "").strip()
    if not norm or len(norm) > SIGN_UP_MAX_CHARS or _OTHER_DUTIES_RE.search(norm):
        return False
    return bool(_SIGN_UP_WITHDRAWN_RE.search(norm)) and not nlu.is_question(norm)


def not_going_said(text: str | None) -> bool:
    """Not going said ('唔好意思 嗰日要返乡下 唔参加啦'): a sign-up withdrawn just after 参加 (handlers/events.py)."""
    norm = nlu.to_halfwidth(text or "").strip()
    if not norm or len(norm) > SIGN_UP_MAX_CHARS or _OTHER_DUTIES_RE.search(norm):
        return False
    return bool(_NOT_GOING_RE.search(norm)) and not nlu.is_question(norm)


def cancel_days(app, db, person: dict, now: datetime) -> list[tuple[dict, int]]:
    """sim64: the organiser's village's days not over yet, called off now; each one's checked-in people (the organiser
    aside) are told (a notice, once). Returns each day as it was, with how many were told."""
    now_s = clock.to_db(now)
    called_off = []
    for event in store.current_in_village(db, person["village_id"], now_s):
        text = app.t("events.cancelled_notice", name=event["name"], span=span_words(event, app.tz))
        told = 0
        for attendee in store.attendees_to_tell(db, event["id"], person["id"]):
            key = f"event_cancelled:{event['id']}:{attendee['openid']}"
            told += queue_notice(db, app.config, openid=attendee["openid"], text=text, key=key, now=now)
        store.cancel(db, event["id"], person["id"], now_s)
        called_off.append((event, told))
    return called_off


def parse_join_code(text: str | None) -> str | None:
    """``参加 1234`` (``参加1234``, voice ``参加一二三四。``) → '1234'; None otherwise."""
    found = _JOIN_CODE.match(nlu.to_halfwidth(text or "").strip().strip(_TRAILING))
    digits = nlu.spoken_digits(found.group(1)) if found else None
    return digits if digits and len(digits) == CODE_DIGITS else None


def scene_event_id(scene: str) -> int | None:
    """``event_12`` (a QR scene, without WeChat's ``qrscene_``) → 12; None for any other scene."""
    return row_id(scene[len(SCENE_PREFIX) :]) if scene.startswith(SCENE_PREFIX) else None


def scene_of(event_id: int) -> str:
    return f"{SCENE_PREFIX}{event_id}"


def span_of(now: datetime, tz: str, parsed: OpenText, default_hours: float) -> tuple[datetime, datetime]:
    """[start, end) in UTC: the given local times of today, else from now for ``default_hours``."""
    if parsed.start is None or parsed.end is None:  # both or neither
        return now, now + timedelta(hours=default_hours)
    today = clock.local(now, tz).date()
    return at_local(today, time(*parsed.start), tz), at_local(today, time(*parsed.end), tz)


def new_code(taken: set[str]) -> str:
    """A random code of CODE_DIGITS digits not in ``taken`` (RuntimeError when every code is taken)."""
    for _ in range(20):
        code = f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}"
        if code not in taken:
            return code
    free = [code for code in (f"{n:0{CODE_DIGITS}d}" for n in range(10**CODE_DIGITS)) if code not in taken]
    if not free:
        raise RuntimeError("every event code is in use")
    return secrets.choice(free)


def qr_expire_seconds(now: datetime, ends_at: datetime) -> int:
    """A temporary QR code that lasts until the event ends (at least a minute, at most WeChat's 30 days)."""
    return int(min(max((ends_at - now).total_seconds(), 60), QR_MAX_SECONDS))


def qr_link(ticket: str) -> str:
    return QR_IMAGE_URL + quote(ticket, safe="")


def distance_m(event: dict, lat: float, lng: float) -> float:
    return haversine_m(lat, lng, event["lat"], event["lng"])


def place_words(event: dict) -> tuple[str, str]:
    """Where, as stored, and the line that says it: the place's name WeChat gave the opener's location
    (``events.day_line``), else the location itself ('23.12345，113.12345', ``events.day_line_at``; '' with none)."""
    if event.get("place_label"):
        return "events.day_line", str(event["place_label"])
    if event.get("lat") is None or event.get("lng") is None:
        return "events.day_line_at", ""
    return "events.day_line_at", f"{event['lat']:.5f}，{event['lng']:.5f}"


def span_words(event: dict, tz: str) -> str:
    """'3月6日 09:00–12:00': the planned span (a day called off keeps it: ``store.cancel``); a day called off before
    its start by the previous version, whose end was cut to the cancel time, shows its start alone ('3月20日 14:00':
    its planned end is lost, and 14:00–09:00 read as nonsense on the events page)."""
    start, end = (clock.local(clock.from_db(event[k]), tz) for k in ("starts_at", "ends_at"))
    day = f"{start.month}月{start.day}日 {start:%H:%M}"
    return f"{day}–{end:%H:%M}" if end > start else day


STAGE_TAGS = {
    "cancelled": "admin.events.cancelled_tag",
    "upcoming": "admin.events.upcoming_tag",
    "under_way": "admin.events.under_way_tag",
}


def stage(event: dict, now_s: str) -> str | None:
    """sim66: the day's tag on the pages: cancelled (called off), upcoming (opened that morning for a later start: a row
    of 签到1人 beside the held ones read as a day nobody came to), under_way; None once it is over."""
    if event["cancelled_at"] is not None:
        return "cancelled"
    if now_s < event["starts_at"]:
        return "upcoming"
    return "under_way" if now_s < event["ends_at"] else None


def held(events: list[dict], now_s: str) -> list[dict]:
    """The days that took place or are under way (not to come, not called off before their start)."""
    return [e for e in events if not never_held(e) and now_s >= e["starts_at"]]


def over(event: dict, now_s: str) -> bool:
    """The day's span has ended at ``now_s``, or it was called off (sim64)."""
    return now_s >= event["ends_at"] or event["cancelled_at"] is not None


# -- the services ------------------------------------------------------------------------------------------
def recent_location(ctx) -> dict | None:
    """The sender's location sent in the last [events.location_minutes], or None: ``place_of`` it."""
    since = ctx.now - timedelta(minutes=float(ctx.config.get("events.location_minutes")))
    payload = store.recent_location_payload(ctx.db, ctx.openid, clock.to_db(since))
    if payload is None:
        return None
    try:
        msg = from_fields(json.loads(payload))
    except (MalformedMessage, ValueError):
        return None
    return place_of(msg)


def place_of(msg) -> dict | None:
    """A location message's place: {lat, lng, label} (the label WeChat gives it, or None); None without one."""
    if msg.lat is None or msg.lng is None:
        return None
    return {"lat": msg.lat, "lng": msg.lng, "label": (msg.label or "").strip() or None}


def wait_for_place(ctx, parsed: OpenText, starts_at: datetime, ends_at: datetime) -> None:
    FLOW.enter(
        ctx, "opening", {"name": parsed.name, "starts_at": clock.to_db(starts_at), "ends_at": clock.to_db(ends_at)}
    )


def open_event(ctx, name: str, starts_at: str, ends_at: str, place: dict) -> dict:
    """The sender's village's planting day at ``place``; its opener attends, present. The flow ends."""
    db = ctx.db
    event_id = store.insert_event(
        db,
        village_id=ctx.person["village_id"],
        name=name,
        code=new_code(store.codes_in_use(db, ctx.now_s)),
        lat=place["lat"],
        lng=place["lng"],
        place_label=place.get("label"),
        starts_at=starts_at,
        ends_at=ends_at,
        opened_by_person_id=ctx.person["id"],
        openid=ctx.openid,
        inbox_id=ctx.inbox_id,
        now=ctx.now_s,
    )
    attendance_id = store.insert_attendance(
        db, event_id=event_id, person_id=ctx.person["id"], openid=ctx.openid, how="opened", now=ctx.now_s
    )
    store.set_present(db, attendance_id, via="opener", lat=place["lat"], lng=place["lng"], distance_m=0.0)
    FLOW.end(ctx)
    event = store.event(db, event_id)
    assert event is not None  # just inserted
    return event


def far_from_village(db, event: dict) -> tuple[str, float] | None:
    """sim63: (the village's name, the day's distance in metres from its centre) when the day's place lies outside the
    village's radius (planting's far_from_village rule, bot.photos.is_far_from: a day opened 48 km away warned nobody);
    None when it lies inside, or the village has no centre."""
    village = roster_store.village(db, event["village_id"])
    if not village or not is_far_from(event["lat"], event["lng"], village["lat"], village["lng"], village["radius_m"]):
        return None
    return village["name"], haversine_m(event["lat"], event["lng"], village["lat"], village["lng"])


def wait_for_new_place(ctx, event: dict) -> None:
    FLOW.enter(ctx, "moving", {"event_id": event["id"]})


def move_event(ctx, event: dict, place: dict) -> tuple[dict, int]:
    """The day's place moved to ``place`` (the organiser's new location): its opener is there; a check-in whose
    location was too far from the old place and lies near the new one is present now. The flow ends. Returns the
    event as it is now and how many check-ins became present."""
    db = ctx.db
    store.move_place(db, event["id"], place["lat"], place["lng"], place.get("label"))
    moved = store.event(db, event["id"])
    assert moved is not None  # it was there
    radius = float(ctx.config.get("events.radius_m"))
    now_present = 0
    for row in store.attendance_of_event(db, event["id"]):
        if row["present_via"] == "opener" or (row["person_id"] == event["opened_by_person_id"] and row["present"]):
            store.set_present(db, row["id"], via="opener", lat=place["lat"], lng=place["lng"], distance_m=0.0)
        elif not row["present"] and row["lat"] is not None and row["lng"] is not None:
            distance = distance_m(moved, row["lat"], row["lng"])
            if distance <= radius:
                store.set_present(
                    db, row["id"], via="location", lat=row["lat"], lng=row["lng"], distance_m=distance, now=ctx.now_s
                )
                now_present += 1
            else:
                store.note_location(db, row["id"], row["lat"], row["lng"], distance)
    FLOW.end(ctx)
    return moved, now_present


@dataclass(frozen=True)
class CheckIn:
    """What a check-in came to: ``status`` new | already | too_early | over; the attendance row (None unless new or
    already); ``distance``: of a location checked with it (None: none)."""

    status: str
    event: dict
    attendance: dict | None = None
    distance: float | None = None


def check_in(ctx, event: dict, how: str) -> CheckIn:
    """The sender checks in at ``event`` (under way at ctx.now); a location sent just before is checked at once,
    else the bot waits for one (state ``checked_in``)."""
    db = ctx.db
    if ctx.now_s < event["starts_at"]:
        return CheckIn("too_early", event)
    if over(event, ctx.now_s):
        return CheckIn("over", event)
    row = store.attendance(db, event["id"], ctx.person["id"])
    if row is not None:
        if not row["present"]:
            FLOW.enter(ctx, "checked_in", {"attendance_id": row["id"]})
        return CheckIn("already", event, row)
    attendance_id = store.insert_attendance(
        db, event_id=event["id"], person_id=ctx.person["id"], openid=ctx.openid, how=how, now=ctx.now_s
    )
    place = recent_location(ctx)
    row = store.attendance_row(db, attendance_id)
    assert row is not None  # just inserted
    distance = locate(ctx, row, place) if place else None
    row = store.attendance_row(db, attendance_id)
    assert row is not None
    if not row["present"]:
        FLOW.enter(ctx, "checked_in", {"attendance_id": attendance_id})
    return CheckIn("new", event, row, distance)


def locate(ctx, attendance: dict, place: dict) -> float:
    """A location for a check-in: within [events.radius_m] of the event it makes the attendance present (and the
    flow ends); farther it is only noted. Returns the distance in metres."""
    event = store.event(ctx.db, attendance["event_id"])
    assert event is not None  # an attendance's event
    distance = distance_m(event, place["lat"], place["lng"])
    if distance <= float(ctx.config.get("events.radius_m")):
        store.set_present(
            ctx.db,
            attendance["id"],
            via="location",
            lat=place["lat"],
            lng=place["lng"],
            distance_m=distance,
            now=ctx.now_s,
        )
        FLOW.end(ctx)
    else:
        store.note_location(ctx.db, attendance["id"], place["lat"], place["lng"], distance)
    return distance


def never_held(event: dict | None) -> bool:
    """sim64: a day called off before it began (``store.cancel``): nobody can have been there."""
    return event is not None and event["cancelled_at"] is not None and event["cancelled_at"] <= event["starts_at"]


def confirm(db, attendance_id: int, by: str, now: datetime) -> bool:
    """A cadre (or the office) confirms on the dashboard that this person was there; False when it was already."""
    row = store.attendance_row(db, attendance_id)
    if row is None or row["present"] or never_held(store.event(db, row["event_id"])):
        return False
    store.set_present(db, attendance_id, via="cadre", by=by, now=clock.to_db(now))
    return True


# -- the QR code job ---------------------------------------------------------------------------------------
def event_qrcodes(app, now: datetime) -> dict:
    """Job: a temporary QR code for each event that has none yet (WeChat is asked outside any transaction), its link
    sent to the opener; after QR_MAX_ATTEMPTS transient failures (or one other) the opener is told to use the code."""
    now_s = clock.to_db(now)
    done = {"ready": 0, "failed": 0, "retry": 0}
    for event in store.needing_qr(app.db, now_s, QR_MAX_ATTEMPTS):
        ends_at = clock.from_db(event["ends_at"])
        try:
            answer = app.api.create_temp_qrcode(scene_of(event["id"]), qr_expire_seconds(now, ends_at))
            ticket, error = answer["ticket"], None
        except (WeChatError, KeyError) as exc:
            ticket, error = None, str(exc)
            transient = isinstance(exc, WeChatError) and exc.transient
            log.warning("QR code for event %s failed: %s", event["id"], exc)
        with transaction(app.db):
            if ticket:
                store.set_qr(app.db, event["id"], status=store.READY, ticket=ticket)
                text = app.t("events.qr_ready", name=event["name"], url=qr_link(ticket), code=event["code"])
                done["ready"] += 1
            elif transient and event["qr_attempts"] + 1 < QR_MAX_ATTEMPTS:
                store.set_qr(app.db, event["id"], status=store.PENDING, error=error)
                done["retry"] += 1
                continue
            else:
                store.set_qr(app.db, event["id"], status=store.FAILED, error=error)
                text = app.t("events.qr_failed", name=event["name"], code=event["code"])
                done["failed"] += 1
            # At once, also in quiet hours (not reminders.queue_notice): the second half of the reply to the opener's
            # 活动, for a day that runs from now; in the morning it would come after the day.
            outbox.enqueue(
                app.db, openid=event["openid"], kind="notice", text=text, now=now, dedupe_key=f"event-qr:{event['id']}"
            )
    return done


# -- what progress and the 通报 read ---------------------------------------------------------------------
@dataclass(frozen=True)
class RollCall:
    event: dict
    present: list[str]  # names, first checked in first
    waiting: list[str]  # checked in, not shown present yet (no location near it, no cadre's confirmation)


def roll_call(db, event: dict) -> RollCall:
    """sim58: who checked in at ``event``, present or not yet."""
    rows = store.attendance_of_event(db, event["id"])
    return RollCall(
        event,
        [r["person"] or "" for r in rows if r["present"]],
        [r["person"] or "" for r in rows if not r["present"]],
    )


def month_bounds(until: str, tz: str) -> tuple[str, str]:
    """[start, end) of the campaign-local month that ends at ``until`` (database time)."""
    local = clock.local(clock.from_db(until), tz).date()
    start = at_local(date(local.year, local.month, 1), time(0, 0), tz)
    return clock.to_db(start), clock.to_db(clock.from_db(until) + timedelta(seconds=1))


def events_held(db, config, until: str) -> dict[int, int]:
    """Report column 植树活动: village id -> planting days that started in the month."""
    return store.held_by_village(db, *month_bounds(until, config.get("campaign.timezone")))


def attendance_present(db, config, until: str) -> dict[int, int]:
    """Report column 活动签到: village id -> people present at its planting days of the month."""
    return store.present_by_village(db, *month_bounds(until, config.get("campaign.timezone")))
