"""Advisers' village visits (下沉服务): the service layer of the visits capability (chat, report, job, dashboard).

Seed 002, 二(七): 1月中旬初完成技术顾问小组组建，建立全覆盖挂钩联系村(社区)工作机制，1月起每月至少下沉服务一次.
The rules (config keys in brackets; docs/visits.md says why):

- An adviser (roster 技术顾问, bound with proof) sends a location and ``签到`` in either order within
  [visits.attach_minutes], optionally with a note (``签到 指导挖穴``) and photos. The visit goes to the nearest of
  the adviser's villages whose radius holds the location. Outside every radius it is recorded as 位置不符
  (``location_ok = 0``) for the office to see: with one village, for that village; with several, the reply
  lists them numbered and the adviser's number says which (until then the visit has no village). Photos sent
  with 签到 or within the window after it join the visit.
- A location an adviser sends while a 签到 waits is the visit's, never a planting record's; with nothing
  waiting, an adviser's location goes to their planting record when they have one open or just finished
  (bot.planting.record_for_location), else it waits for 签到. A villager's location is never a visit.
- The 通报's ``顾问下沉``: a village's visits in the month; its summary names the villages with no adviser and
  those without a visit in the month.
- From [visits.reminder_day] to the month's end, each adviser with villages not visited that month gets one
  reminder naming them (kind ``notice``: the notice template outside the 48-hour window), after quiet hours. Their
  签到 of the month outside every village, no village chosen, are named by day (sim66): one of them may be a visit
  to a village the reminder lists, counted nowhere until the office puts it under one (the 顾问下沉 page).
- Every month of ``campaign.year`` counts (1月起每月).

Everything from ``sign_in_note`` to ``reminder_key`` is pure (no app, no database) and unit-tested; the
functions after it are the services: they read and write through bot/store/visits.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from bot import clock, identity, nlu, planting, reminders, schedule
from bot.conversation import Flow
from bot.db import transaction
from bot.media import announce
from bot.photos import haversine_m
from bot.roster import ADVISER
from bot.store import media as media_store
from bot.store import roster as roster_store
from bot.store import visits as store

NOTE_MAX_CHARS = 200
_SEPARATORS = " \t\u3000:：,，、"
_TRAILING = " \t\r\n。．.！!？?，,"


def _window(config) -> timedelta:
    return timedelta(minutes=int(config.get("visits.attach_minutes")))


# signing {note, photos}: 签到 said, waiting for the location; located {lat, lng}: an adviser's location, waiting
# for 签到; choosing {visit_id, village_ids}: outside every radius, which village?; recorded {visit_id}: photos
# join the visit. Its table is in handlers/visits.py, its diagram in docs/visits.md.
FLOW = Flow(
    "visits",
    ("signing", "located", "choosing", "recorded"),
    timeout=_window,
    photo_states=("signing", "choosing", "recorded"),
)


# -- pure -------------------------------------------------------------------------------------------
def sign_in_note(text: str | None, words: Iterable[str]) -> str | None:
    """``签到`` / ``签到 指导挖穴`` / ``签到：指导挖穴`` / voice ``签到了。`` -> the note ('' when none); None when
    it is no 签到, or a question about it (``签到怎么用？``, ``签到了吗``). Round 72 (21c): the word typed by its sound
    (``签倒``: ``nlu.command_typos_fixed``), and a note corrected as it is said (``签到 埔心村 唔系 写错 系埔心村东边果园``:
    the words after the correction)."""
    text = (text or "").strip()
    if nlu.is_question(nlu.to_halfwidth(text)):
        return None
    if text[:2] not in words and nlu.command_typos_fixed(text[:2]) in words:
        text = nlu.command_typos_fixed(text[:2]) + text[2:]
    word = next((w for w in sorted(words, key=len, reverse=True) if text.startswith(w)), None)
    if word is None:
        return None
    return corrected_note(text[len(word) :].strip(_SEPARATORS).strip(_TRAILING).strip(_SEPARATORS))[:NOTE_MAX_CHARS]


# round 72 (21c): a note corrected as it is said ('埔心村 唔系 写错 系埔心村东边果园', '石岗 不对 是埔心村村委'): the
# words after the last correction; the wrong words are no part of the visit's note
_WRONG = r"(?:唔系|不是|唔啱|不对|唔对|写错|打错|讲错|搞错|说错)(?:咗|了|晒)?"
_NOTE_CORRECTED_RE = re.compile(
    rf"(?:^|[\s,，。、])(?:{_WRONG})(?:[\s,，。、]*{_WRONG})*[\s,，。、]*(?:应该)?(?:系|是)?[\s,，:：]*(?=\S)"
)


def corrected_note(note: str) -> str:
    """The note as corrected within it (the words after its last correction), or as it is."""
    found = list(_NOTE_CORRECTED_RE.finditer(note or ""))
    return note[found[-1].end() :].strip(_SEPARATORS).strip(_TRAILING) if found else note


# round 76 (21m: '头先签错 唔系下屋村系埔心村 签到'): a sign-in said wrong and the village named right, the check-in word
# anywhere in it ('唔系石岗村 系埔心村 再签到'): the sign-in at the village now named (``sign_in_corrected``; the one
# just recorded moves there, never a second visit: ``correct_visit``)
_SIGNED_WRONG_RE = re.compile(r"签错|打错卡|打卡打错|签到(?:签|打)?错|错签")
_NAMED_INSTEAD_RE = re.compile(r"(?:不是|并非)[\u4e00-\u9fff]{1,6}?(?:村|社区)(?:的)?(?:而)?(?:应该)?(?:是|系)")
_RIGHT_VILLAGE_RE = re.compile(r"(?:是|系|在|去|到)((?:(?![是系在去到了错签])[\u4e00-\u9fff]){1,6}?(?:村|社区))")
_CHECK_IN_WORD_RE = re.compile(r"签到|签个到|签下到|打卡|打个卡")
SIGN_IN_CORRECTED_MAX_CHARS = 40
_ASKING_RE = re.compile(r"[?？]|吗|怎么|怎样|如何|点算|为什么|可不可以|能不能|行不行|得不得")


def sign_in_corrected(text: str | None) -> str | None:
    """A sign-in said wrong, the village named right and the check-in asked ('头先签错 唔系下屋村系埔心村 签到'): the
    village's name as said (the visit's note), or None; no question ('签错咗点算' asks how)."""
    norm = nlu.normalize(text or "")
    if not norm or len(norm) > SIGN_IN_CORRECTED_MAX_CHARS or _ASKING_RE.search(norm):
        return None
    if not _CHECK_IN_WORD_RE.search(norm) or not (_SIGNED_WRONG_RE.search(norm) or _NAMED_INSTEAD_RE.search(norm)):
        return None
    named = list(_RIGHT_VILLAGE_RE.finditer(norm))
    return named[-1].group(1) if named else None


# round 68 (20y): 签到 said first, then the queue asked in the same message ('签到 顺便睇下有几多问题未答', '签到 另外睇下待办'):
# the 签到 (no note) and the queue with it
_ASIDE_LEAD_RE = re.compile(r"^(?:顺便|另外|同时|仲有|还有|再|然后|跟住)+")


def sign_in_then_queue(text: str | None, words: Iterable[str], table) -> bool:
    """签到, then the adviser's queue asked after a pause (``nlu.queue_asked``: what follows, its lead-in left out)."""
    text = (text or "").strip()
    word = next((w for w in sorted(words, key=len, reverse=True) if text.startswith(w)), None)
    rest = text[len(word) :] if word else ""
    if not rest or rest[0] not in _SEPARATORS:
        return False
    rest = _ASIDE_LEAD_RE.sub("", nlu.normalize(rest.strip(_SEPARATORS)))
    return bool(rest) and nlu.queue_asked(rest, table)


# round 40: a visit told in words, no location yet ('我今天下午去埔心村看了', '刚从埔心村回来 看了龙眼'): a going to a village
# named (去, 到, 落, 下村, 从…回来: '去埔心村'; not '到村里看了一下荔枝', an earlier round's control), a visit's doing (看, 睇,
# 指导, 回来 …), done (了, 咗, 刚, 回来); not planned (明天, 准备 …), denied or asked, nor a planting day's or a planting's
_WENT_TO_VILLAGE_RE = re.compile(r"(?:去|到|落|下|从)(?:了|咗|左|过)?[\u4e00-\u9fff]{1,6}?(?:村|社区)")
_VISIT_DOING_RE = re.compile(r"看|睇|指导|检查|巡查|走访|服务|回来|返来|返嚟|了解")
_DONE_RE = re.compile(r"了|咗|过|刚|啱啱|头先|回来|返来|返嚟")
_NOT_DONE_WORDS = (
    r"明天|明日|听日|后天|下次|下周|下个?礼拜|下个?星期|下个?月|准备|打算|计划|要去|会去|想去|将|几时|什么时候"
    r"|没去|冇去|未去|不去|唔去|没有去|种了|种咗|栽了|参加|活动|植树日"
)
_NOT_TOLD_RE = re.compile(_NOT_DONE_WORDS + r"|吗|呢|？|\?")
VISIT_TOLD_MAX_CHARS = 30


# round 59 (20k): the visit told and how to have it recorded asked in one breath ('我系技术顾问今日落埔心村指导种树要点登记
# 我嚟过', '啱啱去完埔心村睇树苗 要点签到'): the visit told (to a village, a visit's doing, done or today), then how to
# record, sign in or be written down; the sign-in, which says how (the location next). Not planned nor denied
# (``_NOT_DONE_WORDS``); the question is the how, so a question mark or 呢 may end it
_RECORD_HOW_RE = re.compile(
    r"(?:点样|点|怎么|怎样|如何)(?:样)?(?:先|才)?(?:可以|能)?(?:登记|记录|签到|签|打卡|打咭|记低|记下|记|报到)"
    r"|(?:要不要|使唔使|使不使|需不需要|系咪要|是不是要)(?:登记|记录|签到|打卡)"
)
_TODAY_OR_DONE_RE = re.compile(r"今日|今天|今朝|今早|而家|现在|了|咗|过|完|刚|啱啱|头先|回来|返来|返嚟")
# conv103 (22z: '上午在埔心村现场指导修剪 怎么签到' had been an adviser's 'not understood'): being at the village (在, 喺)
# on site (现场), the morning or afternoon of today, as told as gone to it; 教 (teaching) a visit's doing too
_AT_VILLAGE_ON_SITE_RE = re.compile(r"(?:在|喺)[\u4e00-\u9fff]{1,6}?(?:村|社区)(?:村委|委会)?(?:现场|度|这里|那里)")
_PART_OF_TODAY_RE = re.compile(r"上午|下午|上昼|下昼|朝早|晏昼")
_VISIT_TEACHING_RE = re.compile(r"教|培训|讲解|示范")
_NOT_DONE_RE = re.compile(_NOT_DONE_WORDS)
VISIT_RECORD_ASKED_MAX_CHARS = 40


def visit_told_record_asked(text: str | None) -> bool:
    """Round 59: a visit to a village told (``_WENT_TO_VILLAGE_RE``, ``_VISIT_DOING_RE``, today or done) and how to have it
    recorded asked (``_RECORD_HOW_RE``), not planned nor denied. An adviser's only (the route asks the role)."""
    norm = nlu.to_halfwidth(text or "").strip()
    if not norm or len(norm) > VISIT_RECORD_ASKED_MAX_CHARS:
        return False
    asked = _RECORD_HOW_RE.search(norm)
    if asked is None:
        return False
    told = norm[: asked.start()]  # the visit is told before the how
    if _AT_VILLAGE_ON_SITE_RE.search(told) and not _NOT_DONE_RE.search(norm):  # conv103
        doing = _VISIT_DOING_RE.search(told) or _VISIT_TEACHING_RE.search(told)
        return bool(doing and (_TODAY_OR_DONE_RE.search(told) or _PART_OF_TODAY_RE.search(told)))
    return bool(
        _WENT_TO_VILLAGE_RE.search(told)
        and _VISIT_DOING_RE.search(told)
        and _TODAY_OR_DONE_RE.search(told)
        and not _NOT_DONE_RE.search(norm)
    )


def visit_told(text: str | None) -> bool:
    """A visit to a village told in words, done and with no location ('我今天下午去埔心村看了', '今日落埔心村睇咗下啲
    树苗'); not one planned, denied or asked ('明天去埔心村看树', '埔心村的龙眼看了吗'). An adviser's only (the route
    asks the role): the visit waits for its location, as 签到 does."""
    norm = nlu.to_halfwidth(text or "").strip()
    return bool(
        norm
        and len(norm) <= VISIT_TOLD_MAX_CHARS
        and _WENT_TO_VILLAGE_RE.search(norm)
        and _VISIT_DOING_RE.search(norm)
        and _DONE_RE.search(norm)
        and not _NOT_TOLD_RE.search(norm)
        and not nlu.is_question(norm)
    )


def distance_to(village: dict, lat: float, lng: float) -> float | None:
    """Metres from the village's centre; None when it has no centre."""
    if village.get("lat") is None or village.get("lng") is None:
        return None
    return haversine_m(lat, lng, village["lat"], village["lng"])


@dataclass(frozen=True)
class Placement:
    """Where a visit goes: ``village`` (None: the adviser must choose), its distance, and whether the location
    lies inside that village's radius (False: 位置不符)."""

    village: dict | None
    distance_m: float | None
    inside: bool


def place(villages: list[dict], lat: float, lng: float) -> Placement:
    """The nearest of ``villages`` whose radius holds the point; else, with one village, that one (位置不符);
    else no village (the adviser chooses). A village without a centre or radius holds no point."""
    holding = []
    for village in villages:
        distance = distance_to(village, lat, lng)
        if distance is not None and village.get("radius_m") is not None and distance <= village["radius_m"]:
            holding.append((distance, village["id"], village))
    if holding:
        distance, _id, village = min(holding, key=lambda h: (h[0], h[1]))
        return Placement(village, distance, True)
    if len(villages) == 1:
        return Placement(villages[0], distance_to(villages[0], lat, lng), False)
    return Placement(None, None, False)


def month_bounds(year: int, month: int, tz: str) -> tuple[datetime, datetime]:
    """[start, end) of a local month, in UTC."""
    next_year, next_month = (year + 1, 1) if month == 12 else (year, month + 1)
    return (
        reminders.at_local(date(year, month, 1), time(0, 0), tz),
        reminders.at_local(date(next_year, next_month, 1), time(0, 0), tz),
    )


def reminder_due(day: date, reminder_day: int, year: int) -> bool:
    """Is a visit reminder due on this local day? From ``reminder_day`` to the month's end, in ``year``."""
    return day.year == year and day.day >= min(reminder_day, schedule.month_end(day.year, day.month).day)


def reminder_key(year: int, month: int, person_id: int) -> str:
    return f"visit-reminder:{year:04d}-{month:02d}:{person_id}"


# -- the adviser in chat ----------------------------------------------------------------------------
def is_adviser(person: dict | None) -> bool:
    """A roster 技术顾问 bound with proof (an unproven binding has 群众 powers)."""
    return identity.acts_as(person, (ADVISER,))


def villages_of(db, person: dict) -> list[dict]:
    return roster_store.villages_of_adviser(db, person["id"])


def location_waits_for_sign_in(ctx) -> bool:
    """An adviser's location with nothing of the visit waiting: is it for a visit (no planting record of theirs
    open or just finished), so that it waits for 签到?"""
    return is_adviser(ctx.person) and planting.record_for_location(ctx) is None


def photo_of_message(ctx) -> int | None:
    return media_store.row_for_inbox(ctx.db, ctx.inbox_id)


def start_sign_in(ctx, note: str) -> None:
    """签到 before the location: wait for it (a photo sent just before 签到 is the visit's, not a planting's)."""
    FLOW.enter(ctx, "signing", {"note": note, "photos": planting.take_pending_photos(ctx)})


def sign_in_where_located(ctx, state, note: str) -> Recorded:
    """签到 after the adviser's location: the visit there (a photo sent just before is the visit's)."""
    return record_visit(ctx, state.data["lat"], state.data["lng"], note, planting.take_pending_photos(ctx))


def add_waiting_photo(ctx, state, media_row_id: int | None) -> int:
    photos = [*state.data.get("photos", []), *([media_row_id] if media_row_id else [])]
    FLOW.enter(ctx, "signing", {**state.data, "photos": photos})
    return len(photos)


def keep_location(ctx, lat: float, lng: float) -> None:
    FLOW.enter(ctx, "located", {"lat": lat, "lng": lng})


@dataclass(frozen=True)
class Recorded:
    visit: dict
    placement: Placement
    villages: list[dict]  # the adviser's villages (numbered when they must choose)
    month_visits: int  # the adviser's visits this month, this one included


def record_visit(ctx, lat: float, lng: float, note: str, photos: list[int]) -> Recorded:
    """The visit of the sender (an adviser) at this place; the flow moves on to ``recorded`` or ``choosing``."""
    villages = villages_of(ctx.db, ctx.person)
    placement = place(villages, lat, lng)
    visit_id = store.add_visit(
        ctx.db,
        adviser_person_id=ctx.person["id"],
        openid=ctx.openid,
        village_id=placement.village["id"] if placement.village else None,
        lat=lat,
        lng=lng,
        distance_m=round(placement.distance_m, 1) if placement.distance_m is not None else None,
        note=note,
        location_ok=placement.inside,
        inbox_id=ctx.inbox_id,
        now=ctx.now_s,
    )
    for media_row_id in photos:
        _link_photo(ctx, visit_id, media_row_id)
    if placement.village is None:
        FLOW.enter(ctx, "choosing", {"visit_id": visit_id, "village_ids": [v["id"] for v in villages]})
    else:
        FLOW.enter(ctx, "recorded", {"visit_id": visit_id})
    visit = store.visit(ctx.db, visit_id)
    assert visit is not None  # just inserted
    return Recorded(visit, placement, villages, month_count(ctx))


@dataclass(frozen=True)
class Corrected:
    """A visit just recorded, moved to the village named right (``moved``), or already there."""

    visit: dict
    moved: bool


def correct_visit(ctx, name: str) -> Corrected | None:
    """Round 76: the sender's (an adviser's) visit recorded today moved to the village named right, one of theirs (its
    distance and 位置不符 measured again): one visit, never a second; None when there is none today, or the name is
    none of theirs (a new sign-in then)."""
    village = next((v for v in villages_of(ctx.db, ctx.person) if name in (v["name"], v["name"] + "村")), None)
    local = clock.local(ctx.now, ctx.app.tz)
    start = reminders.at_local(local.date(), time(0, 0), ctx.app.tz)
    today = store.of_adviser(ctx.db, ctx.person["id"], clock.to_db(start), ctx.now_s)
    if village is None or not today:
        return None
    last = today[-1]
    if last["village_id"] == village["id"]:
        return Corrected(last, moved=False)
    distance = distance_to(village, last["lat"], last["lng"])
    inside = distance is not None and village.get("radius_m") is not None and distance <= village["radius_m"]
    store.move_visit(
        ctx.db, last["id"], village["id"], round(distance, 1) if distance is not None else None, inside, ctx.now_s
    )
    FLOW.enter(ctx, "recorded", {"visit_id": last["id"]})
    moved = store.visit(ctx.db, last["id"])
    assert moved is not None  # just moved
    return Corrected(moved, moved=True)


def village_named(db, state, text: str) -> int | None:
    """Round 54 (the lead, as an adviser in the simulator): the answer to 'which village?' by its name ('今日去咗埔心村
    睇咗三户嘅荔枝'): the position of the one listed village the text names, or None (none, or several named)."""
    named = [
        n
        for n, village_id in enumerate(state.data.get("village_ids", []), start=1)
        if (village := roster_store.village(db, village_id)) is not None and village["name"] in text
    ]
    return named[0] if len(named) == 1 else None


def choose_village(ctx, state, number: int) -> dict | None:
    """The adviser's answer to 'which village?': the visit goes to the village at that position (still 位置不符);
    None when there is no such position."""
    ids = state.data.get("village_ids", [])
    village = roster_store.village(ctx.db, ids[number - 1]) if 1 <= number <= len(ids) else None
    if village is None:
        return None
    visit = store.visit(ctx.db, state.data["visit_id"])
    assert visit is not None  # the visit being recorded
    distance = distance_to(village, visit["lat"], visit["lng"])
    store.set_village(
        ctx.db, visit["id"], village["id"], round(distance, 1) if distance is not None else None, ctx.now_s
    )
    FLOW.enter(ctx, "recorded", {"visit_id": visit["id"]})
    return store.visit(ctx.db, visit["id"])


def _link_photo(ctx, visit_id: int, media_row_id: int) -> None:
    if store.add_photo(ctx.db, visit_id, media_row_id, ctx.now_s):
        announce(ctx.app, ctx.db, media_row_id)  # a photo stored already: the listeners see the new link


def add_photo(ctx, state, media_row_id: int | None) -> tuple[dict, int]:
    """A photo joins the visit being recorded (the window starts again); (the visit, its photo count)."""
    visit = store.visit(ctx.db, state.data["visit_id"])
    assert visit is not None  # the visit being recorded
    if media_row_id is not None:
        _link_photo(ctx, visit["id"], media_row_id)
    FLOW.enter(ctx, state.name, state.data)
    return visit, store.photo_count(ctx.db, visit["id"])


# round 58 (the lead as 王工 in the simulator): what the visit was, told just after it was recorded ('今日睇咗啲荔枝 有两棵生虫
# 叫佢哋打药' had been 'not understood'): a statement, not a question to the bot, of a few characters at least
NOTE_MIN_CHARS = 4


def note_told(text: str) -> str | None:
    """The text as the visit's note, or None: a question ('荔枝几时种', '点样改签到') or a word or two is no note."""
    note = " ".join(text.split())
    if len(nlu.normalize(note)) < NOTE_MIN_CHARS or nlu.is_question(note):
        return None
    return note


def add_note(ctx, state, note: str) -> dict:
    """The note joins the visit being recorded (the window starts again); the visit."""
    visit = store.visit(ctx.db, state.data["visit_id"])
    assert visit is not None  # the visit being recorded
    store.add_note(ctx.db, visit["id"], note, ctx.now_s)
    FLOW.enter(ctx, state.name, state.data)
    return visit


def month_count(ctx) -> int:
    local = clock.local(ctx.now, ctx.app.tz)
    start, end = month_bounds(local.year, local.month, ctx.app.tz)
    return store.count_by_adviser(ctx.db, ctx.person["id"], clock.to_db(start), clock.to_db(end))


# round 49 (the lead, in the simulator): an adviser asking after their own visits this month, in words (normalised:
# '我的下乡记录', '这个月我去过哪些村', '我本月下沉了几次', '还有哪些村没去', Cantonese '仲有边条村未去' -> 还有边条村未去)
_OWN_VISITS_RE = re.compile(
    r"(?:下沉|下乡|下村|签到|走访)(?:服务)?(?:的)?(?:记录|情况|了几次|过几次|几次|多少次)"
    r"|(?:去|落|到)(?:过|了)?(?:哪些|哪几|哪个|几多|几个|多少)(?:个|条)?(?:村|社区|户)"
    r"|(?:哪些|哪几|哪个|边条|边个|边几)(?:个|条)?(?:村|社区)?(?:还)?(?:没|未|冇)(?:有)?(?:去|到|下沉|下乡)"
    r"|(?:还有|仍有)(?:哪些|哪几|哪个|边条|边几)(?:个|条)?(?:村|社区)(?:还)?(?:没|未|冇)"
    # round 52 (the lead, in the simulator: '我负责边几条村' got the insurance entry): the villages one is linked to, which
    # the month's summary names, visited or not
    r"|我(?:负责|挂钩|联系|包|对接|服务)(?:的)?(?:村|社区)?(?:有|是)?(?:哪些|哪几|边几|边啲|几多|几个|什么)(?:个|条)?(?:村|社区)"
    r"|我(?:负责|挂钩|联系|包|对接|服务)(?:的)?(?:村|社区)(?:有|是)(?:哪些|哪几|边几|边啲|几多|几个|什么)"
    # round 53 (the lead, in the simulator: '我今个月下咗几次村' was not understood, '我下沉够次数没有' got the card on
    # watering in, whose soil 下沉): the count asked with the verb apart, or whether it is enough
    r"|(?:下|落|去)(?:了|过)?(?:几|几多|多少)(?:次|趟|回)(?:村|乡)"
    r"|(?:下沉|下乡|下村|签到|走访)(?:服务)?(?:的)?(?:次数)?(?:够|够了|达标|达标了|完成)(?:次数)?(?:没有|没|未|吗|了吗|冇|未呀)"
)
OWN_VISITS_MAX_CHARS = 24
# the rule asked, not one's own visits ('顾问每个月要落村几多次' -> 要下村多少次: the FAQ's)
_VISITS_RULE_RE = re.compile(r"(?:要|应该|必须|需要|得|规定)(?:至少)?(?:下沉|下乡|下村|去|到)")


def own_visits_asked(norm: str) -> bool:
    """An adviser's question after their visits (read for advisers only: a villager's '签到记录' is a planting day's);
    not the rule asked ('每个月要下村多少次')."""
    if not norm or len(norm) > OWN_VISITS_MAX_CHARS or _VISITS_RULE_RE.search(norm):
        return False
    return bool(_OWN_VISITS_RE.search(norm))


def unplaced_line(app, db, adviser_id: int, start: str, end: str, but: int | None = None) -> str | None:
    """sim66: the adviser's 签到 in [start, end) outside every village, no village chosen (``but`` the one being
    chosen), by day: one may be a visit to a village still listed as not visited, counted nowhere until the office
    places it. None without any."""
    unplaced = store.unplaced_of(db, adviser_id, start, end, but)
    if not unplaced:
        return None
    days = (clock.local(clock.from_db(at), app.tz) for at in unplaced)
    said = "、".join(dict.fromkeys(f"{d.month}月{d.day}日" for d in days))
    return app.t("visits.reminder_unplaced", n=len(unplaced), days=said)


def choosing_reminder(ctx) -> str | None:
    """A sign-in outside every village waiting for its village (sim64): that it is not recorded yet, and the numbered
    villages to pick from; None when none waits."""
    state = FLOW.state(ctx)
    if state is None or state.name != "choosing" or ctx.person is None:
        return None
    names = {v["id"]: v["name"] for v in villages_of(ctx.db, ctx.person)}
    ids = state.data.get("village_ids", [])
    choices = "\n".join(ctx.t("visits.choice_line", n=n, village=names.get(i, "")) for n, i in enumerate(ids, start=1))
    return ctx.t("visits.mine_choosing", choices=choices)


def month_summary(app, db, person: dict, now: datetime, choosing: int | None = None) -> str:
    """The adviser's visits this month, each village and day with its note, and their villages not visited yet
    (with the month's 签到 no village was chosen for, but ``choosing``, the one whose village is asked now)."""
    local = clock.local(now, app.tz)
    start, end = (clock.to_db(m) for m in month_bounds(local.year, local.month, app.tz))
    mine = store.of_adviser(db, person["id"], start, end)
    lines = [app.t("visits.mine_header", month=local.month, n=len(mine))]
    for visit in mine[-MINE_SHOWN:]:
        day = clock.local(clock.from_db(visit["created_at"]), app.tz)
        line = app.t("visits.mine_line", village=visit["village"], month=day.month, day=day.day)
        if visit["note"]:
            line += app.t("visits.mine_note", note=visit["note"][:MINE_NOTE_CHARS])
        if not visit["location_ok"]:
            line += app.t("visits.mine_mismatch")
        lines.append(line)
    left = store.unvisited_villages(db, person["id"], start, end)
    if left:
        lines.append(app.t("visits.mine_unvisited", n=len(left), names="、".join(v["name"] for v in left)))
        unplaced = unplaced_line(app, db, person["id"], start, end, but=choosing)
        if unplaced:
            lines.append(unplaced)
    elif villages_of(db, person):
        lines.append(app.t("visits.mine_all_visited"))
    return "\n".join(lines)


MINE_SHOWN = 8  # the month's last visits listed (a phone screen); the count says how many in all
MINE_NOTE_CHARS = 12


# -- the 通报 -----------------------------------------------------------------------------------------
def _month_of(until: str, tz: str) -> tuple[str, str]:
    """[start, end) of the local month that ends at ``until`` (database time)."""
    local = clock.local(clock.from_db(until), tz)
    start, end = month_bounds(local.year, local.month, tz)
    return clock.to_db(start), clock.to_db(end)


def visits_in_month(db, config, until: str) -> dict[int, int]:
    """Report column 顾问下沉: village id -> its visits in the month ending at ``until``."""
    found = store.by_village(db, *_month_of(until, config.get("campaign.timezone")))
    return {village["id"]: found.get(village["id"], 0) for village in roster_store.all_villages(db)}


def summary_lines(app, report) -> list[str]:
    """The 通报 summary's lines on visits: villages with no adviser, villages without a visit that month."""
    start, end = month_bounds(report.year, report.month, app.tz)
    visited = store.by_village(app.db, clock.to_db(start), clock.to_db(end))
    without_adviser = store.villages_without_adviser(app.db)
    orphans = {v["id"] for v in without_adviser}
    unvisited = [
        r.village.name
        for r in report.rows
        if r.village.village_id not in orphans and not visited.get(r.village.village_id)
    ]
    lines = []
    if without_adviser:
        lines.append(app.t("visits.summary_no_adviser", names="、".join(v["name"] for v in without_adviser)))
    if unvisited:
        lines.append(
            app.t("visits.summary_unvisited", month=report.month, n=len(unvisited), names="、".join(unvisited))
        )
    elif report.rows and not without_adviser:
        lines.append(app.t("visits.summary_all_visited", month=report.month))
    return lines


# -- the reminder job ------------------------------------------------------------------------------------
def visit_reminders(app, now: datetime) -> dict:
    """Job: from visits.reminder_day to the month's end, one reminder a month to each adviser (bound with proof)
    whose villages include one without a visit this month; after quiet hours; idempotent (dedupe key)."""
    config, tz = app.config, app.tz
    local = clock.local(now, tz)
    if not reminder_due(local.date(), int(config.get("visits.reminder_day")), int(config.get("campaign.year"))):
        return {"queued": 0}
    start, end = (clock.to_db(m) for m in month_bounds(local.year, local.month, tz))
    queued = 0
    with transaction(app.db):
        for adviser in store.advisers(app.db):
            if not adviser["openid"] or not is_adviser(adviser):
                continue
            left = store.unvisited_villages(app.db, adviser["id"], start, end)
            if not left:
                continue
            text = app.t(
                "visits.reminder",
                name=adviser["name"],
                month=local.month,
                villages="、".join(v["name"] for v in left),
                n=len(left),
            )
            unplaced = unplaced_line(app, app.db, adviser["id"], start, end)
            if unplaced:  # sim66: a 签到 at one of those villages, outside its radius, no village chosen
                text += "\n" + unplaced
            key = reminder_key(local.year, local.month, adviser["id"])
            queued += reminders.queue_notice(
                app.db, app.config, openid=adviser["openid"], text=text, key=key, now=now, dated=True
            )
    return {"queued": queued}


# -- the dashboard --------------------------------------------------------------------------------------
def adviser_rows(app, db, now: datetime, ticket_figures: dict[int, dict]) -> list[dict]:
    """Per adviser: villages, visits this month, open tickets, median hours to the first answer
    (``ticket_figures``: bot.escalation.adviser_figures)."""
    local = clock.local(now, app.tz)
    start, end = (clock.to_db(m) for m in month_bounds(local.year, local.month, app.tz))
    visits = store.by_adviser(db, start, end)
    unplaced = store.unplaced_by_adviser(db, start, end)
    rows = []
    for adviser in store.advisers(db):
        figures = ticket_figures.get(adviser["id"], {})
        mine = visits.get(adviser["id"], {})
        ids = [int(i) for i in (adviser["village_ids"] or "").split(",") if i]
        rows.append(
            {
                "id": adviser["id"],
                "name": adviser["name"],
                "villages": adviser["villages"] or "",
                "village_ids": ids,
                "visits": mine.get("visits", 0),
                "mismatched": mine.get("mismatched") or 0,
                "unplaced": unplaced.get(adviser["id"], 0),
                "unvisited": len(store.unvisited_villages(db, adviser["id"], start, end)),
                "open": figures.get("open", 0),
                "answered": figures.get("answered", 0),
                "median_hours": figures.get("median_hours"),
            }
        )
    return rows


def unplaced_visits(db) -> list[dict]:
    """The 签到 outside every village whose adviser never said which (sim65: counted nowhere, shown only as
    待顾问选村 among the latest visits): newest first, each with ``choices``, the adviser's villages nearest first
    (id, name, distance_m), for the office to put it under one."""
    rows = []
    for visit in store.unplaced(db):
        ids = [int(i) for i in (visit["village_ids"] or "").split(",") if i]
        choices = []
        for village in filter(None, (roster_store.village(db, i) for i in ids)):
            distance = distance_to(village, visit["lat"], visit["lng"])
            choices.append({"id": village["id"], "name": village["name"], "distance_m": distance})
        choices.sort(key=lambda c: (c["distance_m"] is None, c["distance_m"] or 0, c["id"]))
        rows.append({**visit, "choices": choices})
    return rows


def place_by_office(db, visit_id: int, village_id: int, by: str, now: str) -> dict | None:
    """The office puts a visit with no village under one of its adviser's villages (still 位置不符: the location
    is where it was), naming who did (``placed_by``); None when the visit has a village already or the village
    is not one of its adviser's."""
    visit = store.visit(db, visit_id)
    if visit is None or visit["village_id"] is not None:
        return None
    ids = [v["id"] for v in roster_store.villages_of_adviser(db, visit["adviser_person_id"])]
    village = roster_store.village(db, village_id) if village_id in ids else None
    if village is None:
        return None
    distance = distance_to(village, visit["lat"], visit["lng"])
    if not store.place_unplaced(
        db, visit_id, village_id, round(distance, 1) if distance is not None else None, by, now
    ):
        return None
    return store.visit(db, visit_id)


def last_visit(db, village_id: int) -> dict | None:
    """A village's latest visit with its photos (``photos``), or None."""
    visit = store.last_of_village(db, village_id)
    if visit is None:
        return None
    return {**visit, "photos": store.photos_of(db, [visit["id"]]).get(visit["id"], [])}


def recent_visits(db, village_ids: list[int] | None, limit: int = 50) -> list[dict]:
    rows = store.recent(db, village_ids, limit)
    photos = store.photos_of(db, [r["id"] for r in rows])
    return [{**r, "photos": photos.get(r["id"], [])} for r in rows]


# -- what other capabilities read ------------------------------------------------------------------------
def advisers(db) -> list[dict]:
    """Every roster adviser, by name, with their villages (``villages``, '、'-joined; ``village_ids``, a comma list)."""
    return store.advisers(db)


def visits_by_adviser(db, start: str, end: str) -> dict[int, dict]:
    """adviser id -> {visits, villages (visited), mismatched} in [start, end) (the awards' 技术顾问 sheet)."""
    return store.by_adviser(db, start, end)


def village_visits(db, start: str, end: str) -> dict[int, int]:
    """village id -> visits in [start, end)."""
    return store.by_village(db, start, end)
