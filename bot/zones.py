"""Care zones (党员责任区): the service layer of the zones capability (chat, import, dashboard, report, jobs).

Seed 002, 二(五): 广大党员……在“党建林”“主题林”中认领“党员责任区”，带头开展义务“守绿护绿”行动，确保树苗成活率.
The rules (config keys in brackets; docs/zones.md says why):

- The office defines the zones: ``import zones FILE`` (headers 名称 村社区 纬度 经度 半径米; all or nothing,
  problems by spreadsheet row, like the roster) or the dashboard. A zone is (village, name), a centre and a
  radius; re-importing updates a zone in place.
- ``认领责任区`` lists the sender's village's zones, numbered, with how many members hold each;
  ``认领责任区 <编号>`` claims the zone at that position of the list last shown (kept in the ``zones``
  flow). Only roster roles in [zones.member_roles] claim; one zone per member (a new claim moves them),
  any number of members per zone.
- ``管护`` (voice ``管护了``) and a photo, in either order within [conversation.timeout_minutes], make one
  tending record for the member's zone; a location sent while the bot waits for the photo must lie inside the
  zone's radius (else it is refused and not kept). The reply says the member's tending count this season.
- The season runs from the start of [campaign.window] to its end plus [zones.season_extra_months] months:
  planting and care count equally (seed 三(三): 坚持种管并重).
- A holder with no tending for [zones.nudge_days] days in the season gets one nudge per such stretch
  (through bot.reminders' queue: weekly cap, quiet hours, 退订).
- The 通报's ``责任区管护``: the share of a village's zones tended at least once that month.

Everything from ``season`` to ``check_rows`` is pure (no app, no database) and unit-tested; the functions after
it are the services: they read and write through bot/store/zones.py.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from bot import clock, identity, messages, nlu, request_frames, roster
from bot.conversation import Flow
from bot.db import transaction
from bot.media import announce
from bot.photos import haversine_m
from bot.registry import Importer
from bot.reminders import ReminderQueue, at_local, tell_village
from bot.schedule import date_words, month_day
from bot.store import media as media_store
from bot.store import roster as roster_store
from bot.store import zones as store

# listed {zone_ids}: the list last shown (认领责任区 <编号> picks from it); tending {location?}: 管护 said,
# waiting for the photo. Its table is in handlers/zones.py, its diagram in docs/zones.md.
FLOW = Flow("zones", ("listed", "tending"), photo_states=("tending",))

HEADERS = {
    "名称": "name",
    "责任区": "name",
    "责任区名称": "name",
    "name": "name",
    "zone": "name",
    "村社区": "village",
    "村": "village",
    "社区": "village",
    "village": "village",
    **roster.PLACE_HEADERS,
}
REQUIRED = ("name", "village")


# -- the season --------------------------------------------------------------------------------------
def add_months(day: date, months: int) -> date:
    """The same day ``months`` later (the month's last day when it is shorter): 05-31 + 3 -> 08-31."""
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def season(year: int, window: list[str] | tuple[str, ...], extra_months: int, tz: str) -> tuple[datetime, datetime]:
    """[start, end) of the care season in UTC: the window's first day to the day after its last plus extra_months."""
    first, last = month_day(year, window[0]), add_months(month_day(year, window[1]), extra_months)
    return at_local(first, time(0, 0), tz), at_local(last + timedelta(days=1), time(0, 0), tz)


def season_of(config) -> tuple[datetime, datetime]:
    return season(
        int(config.get("campaign.year")),
        config.get("campaign.window"),
        int(config.get("zones.season_extra_months")),
        config.get("campaign.timezone"),
    )


# -- one's own tending asked (sim58) ------------------------------------------------------------------
# Read on the command's meaning (handlers.core: 咗 -> 了, 几多 -> 多少, 冇 -> 没): how many times, or whether, the
# member has tended ('我管护咗几多次', '我呢个月管护过未', '我有冇去管护过'); never 管护 done ('我管护了': the command)
# nor how to tend ('责任区怎么管护': the FAQ's).
_OWN_TENDING_RE = re.compile(
    r"^我(?:的|自己)?(?:本季|今年|这个月|今个月|最近|上个月|一共|总共)*(?:有没有|有无|有)?(?:去)?管护(?:了|过)?"
    r"(?:(?P<count>几次|多少次|几回|多少回)(?:了|啦|呀|啊)?|(?P<whether>没有|没|吗|了没有|了吗|过没有))$"
)
_WHETHER_TENDED_RE = re.compile(r"^我(?:本季|今年|这个月|今个月|最近|上个月)*有没有(?:去)?管护(?:过)?(?:啊|呀)?$")


# round 94 (22n's lefts: '责任区分咗俾我未' had the whole list): one's own zone asked, whether one was given one or which
# ('我有冇分到责任区', '我分到边块责任区', '俾我嘅责任区定咗未', '责任区有冇我份'; normalised): one's own (its holders and
# care rounds), or that none is held yet and how to claim one
_ZONE = rf"(?:党员)?(?:{nlu.CARE_ZONE_WORDS})"  # tidy87: the zone named by its own words, nlu's list
_OWN_ZONE_ASKED_RE = re.compile(
    rf"^{_ZONE}(?:分|划|派|安排|定)(?:了)?(?:给|俾)我(?:了)?(?:没有|没|吗|未|冇)$"
    rf"|^我(?:有没有|有无|有冇|有)(?:分到|分配到|分了|领到|划到)(?:块|片|个)?{_ZONE}(?:了)?(?:吗|没有|没)?$"
    rf"|^我(?:分到|分配到|分了|划到)(?:哪|哪一|边|哪个|边个)(?:块|片|个)?{_ZONE}(?:呢|啊|呀)?$"
    rf"|^(?:给|俾|分给)我的{_ZONE}(?:定|分|划|安排)(?:好)?(?:了)?(?:没有|没|吗|未|冇)$"
    rf"|^{_ZONE}(?:有没有|有冇|有无)我(?:的)?(?:份)?(?:呢|啊|呀)?$"
    # round 99 (22t: '我负责管护哪一片' had been the FAQ's 谁种谁管): which piece is one's own to tend, no zone named, the
    # tending said by its verb (负责, 管护, 管, 打理, 看管): a piece (片, 块) is the zone
    r"|^我(?:自己)?(?:要)?(?:负责|管护|管|打理|看管|照看|分到|认领)(?:管护|打理|看管)?(?:的)?(?:是|在)?"
    # conv103 (22z: '我负责管护边度啊 唔记得咗' had been the FAQ's 谁种谁管): or where (哪里, 边度 normalised), and
    # that it is forgotten said after it
    r"(?:(?:哪一|哪|边一|边)(?:个)?(?:片|块)(?:区|地)?|哪里|哪儿)(?:呢|啊|呀)?"
    r"(?:我)?(?:忘了|忘记了|忘记|不记得了|不记得)?$"
    # conv101 (22w: '我负责管护的是哪个责任区' had been asked back between the FAQ's two): the zone named as what is asked
    rf"|^我(?:自己)?(?:要)?(?:负责|管护|管|打理|看管|照看|分到|认领)(?:管护|打理|看管)?的(?:是|在)?"
    rf"(?:哪一|哪|边一|边)(?:个|块|片)?{_ZONE}(?:呢|啊|呀)?$"
    # conv106 (23c: '党员责任区我是哪一块' had been the FAQ's how to claim): the zones named first, then which is mine
    rf"|^{_ZONE}我(?:是|在|分到|分了|分的是|负责|负责的是|管的是)(?:哪一|哪|边一|边)(?:个|块|片)(?:呢|啊|呀)?$"
)
# conv106 (23c: '我系党员 支部话每人要管一片地 我嗰片喺边度' had been a ticket): what one was told (每人要管一片, 每个党员分
# 一块) said first, then where one's own piece is (我那片在哪里, 我嗰块喺边): one's own zone
_PIECES_TOLD_RE = re.compile(r"(?:管|分|认|领|负责|包)(?:一|1)(?:片|块)|分片|" + _ZONE)
_MY_PIECE_WHERE_RE = re.compile(
    r"我(?:的|那|这)?(?:片|块)(?:地|区)?(?:是|在)?(?:哪里|哪儿|哪|哪一块|哪块|哪片|哪个)(?:呢|啊|呀)?$"
)


# conv101 (22w: '认领责任区' then '就要祠堂旁边嗰块啦' had been the FAQ's small talk): a piece picked by a place it lies
# by (祠堂旁边, 学校后面, 河边), as the list names none so, just after the list: the list again, to pick by number
_PIECE_DESCRIBED_RE = re.compile(
    # conv108 (23f: '我要河边嗰个'): or the one (那个) by the place
    r"^(?:那|这么|噉)?(?:我)?(?:就)?(?:要|拣|选|认领|领|想要|想认领)(?:了)?[\u4e00-\u9fff]{1,8}?(?:那|这)(?:块|片|个)(?:地|区)?"
    r"(?:吧|啦|了|呀|啊|喇)*$"
)


def piece_described(meaning: str) -> bool:
    """Conv101: a piece picked by where it lies ('就要祠堂旁边嗰块啦'; pure, normalised text)."""
    return bool(_PIECE_DESCRIBED_RE.match(meaning or ""))


def own_piece_asked_alone(meaning: str) -> bool:
    """Conv107 (round 106's '我那块地在哪里' had been a ticket): where one's own piece is asked with nothing told before it
    (``_MY_PIECE_WHERE_RE`` from the start; pure, normalised text): one's zone only from one who may hold one (the
    handler asks), a villager's own land else."""
    return bool(_MY_PIECE_WHERE_RE.match((meaning or "").rstrip("?？。!！ ")))


def own_zone_asked(meaning: str) -> bool:
    """Round 94: one's own zone asked, whether given or which (pure; normalised text)."""
    meaning = (meaning or "").rstrip("?？。!！ ")
    if _OWN_ZONE_ASKED_RE.match(meaning):
        return True
    where = _MY_PIECE_WHERE_RE.search(meaning)  # conv106: told first, then where one's own piece is
    return bool(where and _PIECES_TOLD_RE.search(meaning[: where.start()]))


def own_tending_asked(meaning: str) -> bool:
    """The member's own 管护 asked after, how many or whether (pure; ``meaning`` is handlers.core's)."""
    return bool(_OWN_TENDING_RE.match(meaning or "") or _WHETHER_TENDED_RE.match(meaning or ""))


# -- a care round told (sim70) --------------------------------------------------------------------------
# A party member back from the zone says so in words, no 管护 said ('今日去责任区巡咗一转 冇问题', '啱啱喺责任区行咗一圈',
# '我去咗党员责任区睇过 淋咗水'): the 管护 (its photo asked), not the FAQ's how-to-claim card. Read on handlers.core's
# meaning (咗 -> 了, 睇 -> 看, 喺 -> 在); never how to tend asked ('责任区怎么巡'), nor trouble told ('…看了 死了两棵')
_ZONE_WORD = r"(?:责任区|管护区)"
_ROUND_DONE = r"(?:巡了|巡查了|巡过|行了一|转了一|走了一|看过|看了|浇了|淋了|除了草|拔了草|清了|剪了|培了土|施了肥)"
_TENDING_TOLD_RE = re.compile(rf"{_ZONE_WORD}[^，。,.]{{0,8}}?{_ROUND_DONE}|{_ROUND_DONE}[^，。,.]{{0,4}}?{_ZONE_WORD}")
_NOT_A_ROUND_RE = re.compile(
    r"怎么|怎样|如何|点样|吗|\?|？|几时|多少|死|黄|虫|病|倒|断|偷|烂|枯|冇人|没人|认领|(?:没有|没|未)(?:啊|呀)?$"
)


def tending_told(meaning: str) -> bool:
    """Sim70: a care round of the zone told done, in words (pure; ``meaning`` is handlers.core's)."""
    text = meaning or ""
    return bool(_TENDING_TOLD_RE.search(text)) and not _NOT_A_ROUND_RE.search(text)


# -- a zone named in words (sim61) ---------------------------------------------------------------------
# A party member moving to, or taking, a zone by a part of its name ('我想换去河边嗰块', '转去后山嗰片', '我认领党建林嗰块'),
# read on the normalised text: a verb of moving or taking, not denied, and a part of one zone's name no other zone of the
# village shares (two characters of it; the words every zone may have, 责任区, 党员, 一片, never count)
# round 81 (issue 17 §5; 21v '长塘片那块我来管护', 21s '长塘片那块我来管吧'): or taken on in the first person, said last
# ('我来管', '我来负责', '交给我管'); never 我管护了 (tending done: the 管护's), someone else (谁来管) nor a question
# round 89 (22g: '石岗片嗰块我嚟管 党员责任区点报'): or with how to claim it asked after ('石岗片我负责 点样报'), 我负责 with no
# 来 too
_HOW_CLAIMED_AFTER = r"(?:(?:党员)?(?:责任区)?(?:要)?(?:怎么|怎样|如何)(?:样)?(?:报|认领|认|登记|申请|弄|搞)?)?"
# round 94 (22n: '石岗片我嚟管 帮我登记落去' had become a ticket): or with the entry asked after ('帮我记低', '记落去', '帮我报上
# 去'), taken on as 看住 (睇住) or 包了 (包咗) too
_ENTRY_ASKED_AFTER = r"(?:帮我|同我|麻烦|请)?(?:登记|记|报|录)(?:下去|上去|进去|入去|下来|低|下|一下|落)?"
_TAKEN_AFTER = rf"(?:吧|啦|嘞|咯|喇|呀|啊)?(?:{_HOW_CLAIMED_AFTER}|{_ENTRY_ASKED_AFTER})$"
_MOVE_OR_TAKE_RE = re.compile(
    r"(?:换|转|调|改|搬)[^，。,\s]{0,4}?(?:去|到|做|成|落)|认领|领(?!导)|拣|选"
    # conv96: '长塘片我来负责管护', '石岗片我包咗佢' (包了它)
    rf"|我(?:(?:来|去)(?:负责)?(?:管护|看管|管理|管|负责|照顾|打理|看住)|负责|包了(?:它)?)(?={_TAKEN_AFTER})"
    rf"|(?:交给|交俾|留给|归)我(?:来)?(?:管护|管|负责|看住|照顾|打理)?(?={_TAKEN_AFTER})"  # conv96: 交畀我睇住
)
_DENIED_RE = re.compile(r"(?:不|别|莫)(?:想|要|用|会|使)?(?:换|转|调|改|搬|认领|领|拣|选)")
_GENERIC_NAME_WORDS = ("责任区", roster.PARTY_MEMBER, "一片", "一块", "片区", "管护区")
# trees counted ('认领两棵桂花 种喺河边', '我再认领3棵龙眼种后山'): a pledge or a record, never a zone (the lead's review)
_TREES_COUNTED_RE = re.compile(r"[0-9０-９一二两三四五六七八九十百几]+\s*(?:棵|株|颗|条|盆)")
NAMED_ZONE_MAX_CHARS = 24


def move_or_take_said(norm: str) -> bool:
    """A verb of moving to or taking a zone, not denied, no trees counted, in a short text (the cheap part of
    ``zone_named``)."""
    return (
        bool(norm)
        and len(norm) <= NAMED_ZONE_MAX_CHARS
        and bool(_MOVE_OR_TAKE_RE.search(norm))
        and not _DENIED_RE.search(norm)
        and not _TREES_COUNTED_RE.search(norm)
    )


def _name_pairs(name: str) -> set[str]:
    for word in _GENERIC_NAME_WORDS:
        name = name.replace(word, " ")
    return {name[i : i + 2] for i in range(len(name) - 1) if " " not in name[i : i + 2]}


def zone_named(norm: str, names: list[str]) -> str | None:
    """The one zone of ``names`` that ``norm`` (the normalised text) moves to or takes by a part of its name
    ('我想换去河边那块' with 河边护堤林 among them), else None (pure)."""
    if not move_or_take_said(norm):
        return None
    pairs = {name: _name_pairs(name) for name in names}
    found = [
        name
        for name, own in pairs.items()
        if any(p in norm and not any(p in other for n, other in pairs.items() if n != name) for p in own)
    ]
    return found[0] if len(found) == 1 else None


# round 82 (21x: '长塘片 啊唔系 我要石岗片'): one zone said, then taken back for another (不是, 不对, 讲错): the one said last,
# each named by a part of its name as ``zone_named`` reads it; a question ('长塘片不是石岗片吗') takes none
_SAID_WRONG_RE = re.compile(r"(?:啊|呀|哦|噢|呃)?(?:不是|不对|错了|讲错了?|说错了?)+(?:啊|呀|哦)?")
_RIGHT_ONE_FIRST_RE = re.compile(r"^(?:我)?(?:是|要|想要|应该是|改|换|认领|拣|选)+")


def _one_zone_in(text: str, pairs: dict[str, set[str]]) -> str | None:
    found = [name for name, own in pairs.items() if any(p in text for p in own)]
    return found[0] if len(found) == 1 else None


def said_wrong(norm: str) -> bool:
    """Something said, then taken back, in a short text with no trees counted (the cheap part of ``zone_said_again``)."""
    found = _SAID_WRONG_RE.search(norm or "")
    return (
        found is not None
        and found.start() > 0
        and len(norm) <= NAMED_ZONE_MAX_CHARS
        and not _TREES_COUNTED_RE.search(norm)
    )


def zone_said_again(norm: str, names: list[str]) -> str | None:
    """The zone said last after one said wrong ('长塘片啊不是我要石岗片' -> 石岗片), else None (pure)."""
    found = _SAID_WRONG_RE.search(norm or "")
    if not found or not said_wrong(norm):
        return None
    last = _RIGHT_ONE_FIRST_RE.sub("", norm[found.end() :])
    if not last or nlu.is_question(last):
        return None
    pairs = {name: _name_pairs(name) for name in names}
    wrong, right = _one_zone_in(norm[: found.start()], pairs), _one_zone_in(last, pairs)
    return right if wrong and right and wrong != right else None


# round 82 (21x: '认领 唔系认领责任区 系认领种树 两棵桂花'): the care zones said not meant, the trees' pledge meant: 认领 of
# the trees after it
_NOT_THE_ZONES = re.compile(
    r"^(?:认领)?[\s,，]*(?:不是|唔系|唔系话)(?:要)?(?:认领)?(?:党员)?责任区[啊呀嘛喎啦]*[\s,，]*(?:是|系|而是)(?:要)?(?:认领)?(?:种树|植树)?"
    r"[\s,，]*(?=[0-9一二两三四五六七八九十几]+\s*[棵株颗])"
)


# round 94 (22n: '我想认领几棵树自己种 唔系认领责任区' had been the zone list): the zones refused in a clause of its own,
# before the trees' wish or after it ('唔系认领片区 系认领种树', '认领几棵果树 唔系管护区嗰种'): that clause left out (the
# pledge reads the rest); the trees refused for the zones ('唔系认领树 系认领责任区') are no refusal of the zones
_ZONES_REFUSED = re.compile(
    r"(?:^|(?<=[\s,，。、;；]))(?:我)?(?:讲的|讲嘅|说的|指的)?(?:不是|唔系|并非|并唔系)(?:话)?(?:要)?(?:认领|领)?"
    r"(?:个|块|片)?(?:党员)?(?:责任区|片区|管护区|管护片区)(?:嗰种|嗰个|嗰块|那种|那个|那块)?[啊呀嘛喎啦]*[\s,，。、;；]*"
)
# what is left of the clause saying what is meant instead ('系认领种树', '我讲嘅系认种树', '而是认领树')
_MEANT_INSTEAD = re.compile(r"^(?:我)?(?:讲的|讲嘅|说的|指的)?(?:系|是|而是)(?=认|想|要|我)")


def zones_refused(text: str | None) -> str | None:
    """'唔系认领片区 系认领种树' -> '认领种树', '我想认领几棵树自己种 唔系认领责任区' -> '我想认领几棵树自己种'; None for a
    text that refuses no zone (pure)."""
    said = (text or "").strip()
    found = _ZONES_REFUSED.search(said)
    if not found:
        return None
    rest = _MEANT_INSTEAD.sub("", (said[: found.start()] + " " + said[found.end() :]).strip(" ,，。、;；"))
    return rest if re.search(r"认|种|树", rest) else None  # the trees meant instead, else no refusal read


def zones_not_meant(text: str | None) -> str | None:
    """'认领 唔系认领责任区 系认领种树 两棵桂花' -> '认领 两棵桂花' (bot/pledges.py reads it); None for a text that takes back
    no zone."""
    said = text or ""
    found = _NOT_THE_ZONES.match(said)
    return "认领 " + said[found.end() :] if found else None


# -- which zone is nearer (sim61) -------------------------------------------------------------------------
# After the list, a nearer one asked ('有冇近啲嘅', '边块离我屋企近', '边块最近'): the sender's location is asked for, and a
# location while the list is open sorts it by distance. Read on the normalised text (近啲 -> 近些); never 最近 of time
# ('最近有冇人管护')
_NEARER_RE = re.compile(
    r"^(?:有没有|有冇|有无|有)?(?:边块|哪块|哪个|边个|哪一块|哪片|边片)?(?:离|距离)?(?:我|我家|家|屋企|我屋企)?"
    r"(?:近|更近|最近|近点|近些|近一点|近一些|近少少)(?:的|嘅)?(?:有没有|有冇|吗|呢|啊|呀)?$"
)
_NEARER_MAX_CHARS = 16


def nearer_asked(norm: str) -> bool:
    """A nearer zone asked for after the list (pure; ``norm``: the normalised text)."""
    bare = (norm or "").rstrip("?？!！。 ")
    if not bare or len(bare) > _NEARER_MAX_CHARS or "近" not in bare:
        return False
    return bool(_NEARER_RE.match(bare)) and not (bare.startswith("最近") and len(bare) > 2)


# -- where the zones are, or how to claim one, asked (the lead, round 68) -------------------------------------
# A party member or cadre of a village with zones who asks where they are or how to claim one ('党员责任区喺边',
# '有边几块责任区', '要领一块责任区 样般领', '责任区点认领') is shown the village's list, which ends with how to claim by
# number (handlers/faq.py, the chooser of the FAQ's bot.care_zones entry); without zones to list, the FAQ's steps. What
# to do once one is held ('认领了怎么打卡管护', '领咗之后要做乜'), whether ('可不可以一起认领') and what a zone is stay the
# FAQ's steps. Read on the normalised text (喺边 -> 在哪里, 点 -> 怎么); Hakka 样般 is 怎么 (typos.toml [characters]).
# conv108 (23f: '我自己认哪个党员责任区比较好 有什么区可以选' had been the FAQ's how to claim): which one to take (哪个责任区),
# or which there are to choose from (有什么区可以选)
_WHERE_OR_WHICH_RE = re.compile(
    r"在哪|哪里|哪儿|(?:哪几|哪些|几|多少)(?:块|片|个)|哪(?:块|片)|(?:哪几|哪些|哪个)(?:党员)?(?:责任区|管护区|护绿区)"
    r"|(?:什么|哪些|哪几个)(?:区|片|责任区)(?:可以|能|可)(?:选|拣|认领|认|领)"
)
_HOW = r"(?:怎么|怎样|如何|样般|咋)"
_CLAIM = r"(?:认领|领取|领|认|选|拣|揀|报名|申请|申领|分)"
_HOW_TO_CLAIM_RE = re.compile(
    rf"{_HOW}(?:样)?(?:去|才能|才可以|可以|能)?{_CLAIM}|{_CLAIM}[^，。,？?]{{0,8}}{_HOW}(?:弄|搞|做|操作|办)?"
)
_NOT_WHERE_NOR_CLAIM_RE = re.compile(
    r"管护|打卡|拍照|之后|以后|做什么|换|淋水|浇水|可不可以|能不能|可以吗|是什么|谁|错|树"
)


# round 79 (issue 17 §5, sets 21r, 21t: '长塘片责任区有人认领了没有' had claimed 长塘片 for the cadre who asked; '党员责任区还有
# 哪几片冇人管' had been the waiting of a question, 冇人管 read as nobody answering): whether a zone is held, by whom, or which
# are not, asked: the list, which says how many hold each, never a claim. Someone or no one taking it (有人认领, 没有人管,
# 谁领了, 未有人认领), taken asked after (认领了没有, 领晒未), or taken by others (被人认领); read on the normalised text
# (冇 -> 没有, 边个 -> 哪个, 咗 -> 了). 管护 is tending, never holding ('有没有人管护' is the 管护's)
_ANYONE = r"(?:有没有人|有人|没有人|没人|无人|未有人|还没有人|还没人|谁|哪个|哪位|哪些人|什么人|别人)"
_TAKE = r"(?:认领|领取|领|认|要|管(?!护)|包)"
# round 93 (22m: '责任区分咗俾边个'): who they were given to or who took them (分了给哪个, 给了哪些党员, 有哪些认领: the
# typos' 人领 is 认领), the asker's word after the giving
_WHOM = r"(?:谁|哪个|哪位|哪些|哪几个|什么人)(?:党员|人|干部)?"
# the lead, fiftieth session (22o: '我系党员 要认领边个责任区啊 石岗片仲有冇位' had claimed 石岗片 since round 94): room
# left asked (还有没有位, 有名额吗, 满了没, 还有空位没有; normalised: 仲 -> 还, 冇 -> 没有, 咗 -> 了): the list, which says
# how many hold each; never 有位党员 (a party member), 位置 (a location: '拍完照片之后还要发位置吗'), nor a statement
_ROOM_LEFT = (
    r"(?:还有没有|有没有|还有)(?:空位|名额|位)(?!置|党员|村民|干部|老|阿)"
    r"|(?:空位|名额|(?<![置单])位)(?:吗|没有)|满了(?:没有|没|吗|未)"
)
_HOLDERS_ASKED_RE = re.compile(
    rf"{_ANYONE}(?:去|来)?{_TAKE}"
    rf"|(?:分|划|给|交|派|安排)(?:了)?(?:给)?(?:了)?{_WHOM}"
    rf"|(?:有)?(?:哪些|哪几个|哪几位)(?:党员)?(?:认领|领)"
    rf"|(?:认领|领)(?:了|过|完|晒|满)?(?:没有|吗|未|没|了没有|了吗)$"
    r"|被(?:人|别人|谁|哪个)?(?:认领|领)"
    rf"|{_ROOM_LEFT}"
)
# a zone named without the zone's word: a place's name and 片 ('长塘片'), never 这片, 哪几片, 一片
# (the lead, fiftieth session: never a photo, a card, a leaf or a tablet: messages/replies/zones.toml's not_a_zone)
_NOT_A_ZONE_LEADS = "".join(sorted(word.removesuffix("片") for word in messages.words("zones.words.not_a_zone")))
_ZONE_LIKE_RE = re.compile(
    rf"(?<![这那哪几一呢嗰边两三四五六七八九十])[\u4e00-\u9fff]{{2,4}}?(?<![{re.escape(_NOT_A_ZONE_LEADS)}])片(?!区)"
)


# round 94: whether one may take it on, asked ('长塘片我嚟管得唔得', '石岗片交给我管可以吗'): the list (who holds each),
# never the claim
# round 97 (22q: '我同老婆都系党员 长塘片我哋两公婆负责得唔得'): or the sender with others, how many or whose household
# after 我们 (the request frame's [together] after: 两公婆, 两个, 一家)
_MAY_I_TAKE_IT_RE = re.compile(
    rf"我(?:们(?:{request_frames.words('together', 'after')})?)?(?:来|去)?(?:管护|看管|管理|管|负责|照顾|打理|看住)(?:吧|啦)?"
    r"(?:行不行|得不得|可不可以|可以吗|可以不|行吗|得吗|好不好|好吗|得不)$"
)


def holders_asked(norm: str, as_sent: str = "") -> bool:
    """Whether a zone is held, by whom, or which are not, asked (pure; ``norm``: the normalised text): the zone's word
    or a zone's name ('长塘片') said, a question of someone taking it ('有人认领了没有', '哪些还没有人管')."""
    if not norm or len(norm) > NAMED_ZONE_MAX_CHARS:
        return False
    if not (any(word in norm for word in ("责任区", "管护区", "护绿区")) or _ZONE_LIKE_RE.search(norm)):
        return False
    # issue 17 §5 (22a: '石岗片同长塘片有边个党员认领咗'): who holds them, read by the request frame
    if _HOLDERS_ASKED_RE.search(norm) or _MAY_I_TAKE_IT_RE.search(norm):
        return True
    return request_frames.zone_holders_asked(nlu.request_frame(norm, as_sent))


def where_or_how_to_claim_asked(norm: str) -> bool:
    """Where the zones are, which there are, or how to claim one, asked (pure; ``norm``: the normalised text)."""
    if not norm or not any(word in norm for word in ("责任区", "管护区", "护绿区")):
        return False
    if holders_asked(norm):
        return True  # round 79: which are held or not, asked ('责任区还有哪些没人认的')
    if _NOT_WHERE_NOR_CLAIM_RE.search(norm):
        return False
    return bool(_WHERE_OR_WHICH_RE.search(norm) or _HOW_TO_CLAIM_RE.search(norm))


def zones_to_list(ctx) -> bool:
    """The sender may hold a zone and the village has zones drawn: the list answers where they are and how to claim."""
    if not may_hold(ctx.person, ctx.config) or ctx.person is None:
        return False
    return bool(store.zones_of_village(ctx.db, ctx.person["village_id"]))


def by_distance(zones: list[dict], lat: float, lng: float) -> list[tuple[dict, float | None]]:
    """The zones nearest first, each with its distance in metres; those without a centre last (pure)."""
    measured = [(zone, distance_m(zone, lat, lng)) for zone in zones]
    return sorted(measured, key=lambda pair: (pair[1] is None, pair[1] or 0.0))


# -- places ------------------------------------------------------------------------------------------
def distance_m(zone: dict, lat: float, lng: float) -> float | None:
    """Metres from the zone's centre; None when the zone has no centre."""
    if zone.get("lat") is None or zone.get("lng") is None:
        return None
    return haversine_m(lat, lng, zone["lat"], zone["lng"])


def inside(zone: dict, lat: float, lng: float) -> bool:
    """A point counts as inside a zone without centre or radius (nothing to check it against)."""
    distance = distance_m(zone, lat, lng)
    return distance is None or zone.get("radius_m") is None or distance <= zone["radius_m"]


def covers(zone: dict, lat: float | None, lng: float | None) -> bool:
    """Does the zone reach this place (a plot's location)? Only when both are known: the place, and the zone's
    centre and radius."""
    if lat is None or lng is None or zone.get("radius_m") is None or distance_m(zone, lat, lng) is None:
        return False
    return inside(zone, lat, lng)


# -- nudges ------------------------------------------------------------------------------------------
def nudge_due(last_active: datetime, now: datetime, days: int, season_end: datetime) -> bool:
    """``days`` without tending, counted from the last activity (tending, claim or season start), in the season."""
    return now < season_end and now - last_active >= timedelta(days=days)


def nudge_key(person_id: int, zone_id: int, last_active: str) -> str:
    """One nudge per idle stretch: a new tending (or claim) starts a new stretch, and a new key."""
    return f"zone-nudge:{person_id}:{zone_id}:{last_active}"


# -- the import --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ZoneRow:
    row: int
    village_id: int
    name: str
    lat: float | None
    lng: float | None
    radius_m: float | None


def _number(text: str, low: float, high: float) -> float | None:
    try:
        value = float(text.replace(",", ""))
    except ValueError:
        return None
    return value if low <= value <= high else None


def check_rows(
    table: list[tuple[int, dict[str, str]]], villages: list[dict], t: Callable[..., str]
) -> tuple[list[ZoneRow], list[roster.Problem]]:
    """Check every row of a zones file against the villages; (clean rows, problems by spreadsheet row)."""
    seen: dict[tuple[int, str], int]
    rows, problems, seen = [], [], {}
    by_name = {v["name"]: v for v in villages}
    for number, values in table:
        found: list[roster.Problem] = []
        name, village_text = values.get("name", ""), values.get("village", "")
        if not name:
            found.append(roster.Problem(number, t("zones.import.missing_name"), t("zones.import.column_name")))
        village = by_name.get(village_text)
        if village is None and village_text:
            candidates = roster.match_village(village_text, villages)
            if len(candidates) == 1 and roster.core_name(candidates[0]["name"]) == roster.core_name(village_text):
                village = candidates[0]  # 埔心 for 埔心村
        if not village_text:
            found.append(roster.Problem(number, t("zones.import.missing_village"), t("zones.import.column_village")))
        elif village is None:
            found.append(
                roster.Problem(
                    number, t("zones.import.unknown_village", village=village_text), t("zones.import.column_village")
                )
            )
        elif name:
            key = (village["id"], name)
            if key in seen:
                found.append(
                    roster.Problem(
                        number, t("zones.import.duplicate", name=name, row=seen[key]), t("zones.import.column_name")
                    )
                )
            seen.setdefault(key, number)
        numbers = {}
        for field, low, high, problem, column in (
            ("lat", -90, 90, "zones.import.bad_lat", "zones.import.column_lat"),
            ("lng", -180, 180, "zones.import.bad_lng", "zones.import.column_lng"),
            ("radius_m", 1, 100_000, "zones.import.bad_radius", "zones.import.column_radius"),
        ):
            text = values.get(field, "")
            numbers[field] = _number(text, low, high) if text else None
            if text and numbers[field] is None:
                found.append(roster.Problem(number, t(problem, value=text), t(column)))
        if not found and (numbers["lat"] is None) != (numbers["lng"] is None):
            found.append(roster.Problem(number, t("zones.import.lat_lng_together"), t("zones.import.column_lat")))
        if not found and numbers["lat"] is not None and numbers["radius_m"] is None:
            found.append(roster.Problem(number, t("zones.import.radius_needed"), t("zones.import.column_radius")))
        problems += found
        if not found:
            assert village is not None  # else found names the problem
            rows.append(ZoneRow(number, village["id"], name, numbers["lat"], numbers["lng"], numbers["radius_m"]))
    return rows, problems


def validate(db, filename: str, data: bytes, t: Callable[..., str]) -> tuple[list[ZoneRow], list[roster.Problem]]:
    """Read and check a zones file (``import zones FILE``, the dashboard's upload); writes nothing."""
    table, problems = roster.read_rows(filename, data, HEADERS, REQUIRED)
    if problems:
        return [], problems
    return check_rows(table, roster_store.all_villages(db), t)


def apply(db, rows: list[ZoneRow], now: str) -> roster.Summary:
    """Create the new zones, update the centre and radius of the known ones (by village and name)."""
    summary = roster.Summary()
    for row in rows:
        fields = {"lat": row.lat, "lng": row.lng, "radius_m": row.radius_m}
        existing = store.zone_by_name(db, row.village_id, row.name)
        if existing is None:
            store.insert_zone(db, village_id=row.village_id, name=row.name, source="import", now=now, **fields)
            summary.created += 1
        else:
            changes = {k: v for k, v in fields.items() if existing[k] != v}
            store.update_zone(db, existing["id"], changes, now)
            if changes:
                summary.updated += 1
            else:
                summary.unchanged += 1
        summary.rows.append(row.row)
    return summary


IMPORTER = Importer("zones.import.label", validate, apply)


def add_zone(
    app, db, *, village_id: int, name: str, lat: float | None, lng: float | None, radius_m: float | None, now: str
) -> tuple[int | None, list[roster.Problem]]:
    """One zone from the dashboard's form, checked as an import row would be: (zone id, []) or (None, problems)."""
    village = roster_store.village(db, village_id)
    values = {
        "name": (name or "").strip(),
        "village": village["name"] if village else "",
        "lat": "" if lat is None else str(lat),
        "lng": "" if lng is None else str(lng),
        "radius_m": "" if radius_m is None else str(radius_m),
    }
    rows, problems = check_rows([(1, values)], roster_store.all_villages(db), app.t)
    if not problems and store.zone_by_name(db, village_id, values["name"]):
        problems = [
            roster.Problem(1, app.t("zones.import.exists", name=values["name"]), app.t("zones.import.column_name"))
        ]
    if problems:
        return None, problems
    row = rows[0]
    return store.insert_zone(
        db,
        village_id=row.village_id,
        name=row.name,
        lat=row.lat,
        lng=row.lng,
        radius_m=row.radius_m,
        source="dashboard",
        now=now,
    ), []


# -- claiming ----------------------------------------------------------------------------------------
def may_hold(person: dict | None, config) -> bool:
    """Party members and cadres (roster roles in zones.member_roles; staff roles bound with proof) hold zones."""
    return identity.acts_as(person, config.get("zones.member_roles"))


def show_list(ctx, zones: list[dict]) -> None:
    """Remember the list just shown: 认领责任区 <编号> picks from it."""
    FLOW.enter(ctx, "listed", {"zone_ids": [z["id"] for z in zones]})


def listed_zone(ctx, state, number: int) -> dict | None:
    ids = state.data.get("zone_ids", [])
    return store.zone(ctx.db, ids[number - 1]) if 1 <= number <= len(ids) else None


def claim_zone(ctx, zone: dict) -> dict | None:
    """The sender holds ``zone`` from now on; returns the zone they held before (perhaps this one), or None."""
    before = store.held_zone(ctx.db, ctx.person["id"])
    if before is None or before["id"] != zone["id"]:
        store.claim(ctx.db, zone["id"], ctx.person["id"], ctx.now_s)
    return before


# withdraw83: a care zone left in words (退出责任区, 责任区想退掉, 我认领的那个责任区离家太远了，想退掉): the zone named, then or
# after it its leaving; how to leave asked ('退出责任区之后还能再认领吗') is a question (the FAQ's)
_LEFT = r"(?:退出|退掉|退咗|退了|想退|要退|唔要|不要|唔管|不管|放弃|取消|撤销|撤回|退)"
_ZONE_LEFT_RE = re.compile(
    rf"(?:退出|退掉|放弃|取消|撤销)(?:认领)?(?:的|嘅)?(?:党员)?责任区"
    rf"|责任区[^。]{{0,16}}?{_LEFT}(?:佢|它|掉|咗|了|啦|喇|吧|住|咯)*(?:[\s，,。]|$)"
)
LEAVE_MAX_CHARS = 40


def leave_said(text: str | None) -> bool:
    """A care zone left in words (``_ZONE_LEFT_RE``), no question, not another zone moved to (换)."""
    norm = nlu.to_halfwidth(text or "").strip()
    if not norm or len(norm) > LEAVE_MAX_CHARS or "换" in norm:
        return False
    return bool(_ZONE_LEFT_RE.search(norm)) and not nlu.is_question(norm)


def leave_zone(ctx, zone: dict) -> list[Mapping]:
    """The sender holds no zone from now on (their tending kept); the village's branch secretary (村书记) who follows the
    account is told. Returns those told."""
    store.release(ctx.db, ctx.person["id"], ctx.now_s)
    text = ctx.t("zones.left_told", name=ctx.person["name"], zone=zone["name"])
    key = f"zone-left:{zone['id']}:{ctx.now_s}"
    return tell_village(
        ctx.db,
        ctx.config,
        zone["village_id"],
        (roster.SECRETARY,),
        text=text,
        key=key,
        now=ctx.now,
        but=ctx.person["id"],
    )


def holder_count(db, zone: dict) -> int:
    return next((z["holders"] for z in store.zones_of_village(db, zone["village_id"]) if z["id"] == zone["id"]), 0)


# -- tending -----------------------------------------------------------------------------------------
def held_zone(ctx) -> dict | None:
    return store.held_zone(ctx.db, ctx.person["id"]) if ctx.person else None


def wait_for_photo(ctx, location: dict | None = None) -> None:
    FLOW.enter(ctx, "tending", {"location": location} if location else {})


def season_count(db, config, person_id: int, now: datetime) -> int:
    """The member's tending this season (all of it up to now when the season is over)."""
    start, end = season_of(config)
    return store.tending_count(db, person_id, clock.to_db(start), clock.to_db(min(end, now + timedelta(seconds=1))))


@dataclass(frozen=True)
class OwnTending:
    zone: dict
    holders: int
    count: int  # this season
    last: str  # the latest tending's day in words (3月16日), "" for none


def own_tending(ctx, zone: dict) -> OwnTending:
    """The member's tending of ``zone``: this season's count and the day of the latest (sim58: '我管护咗几多次')."""
    assert ctx.person is not None  # holds the zone
    latest = store.last_tending_at(ctx.db, ctx.person["id"])
    last = date_words(clock.local(clock.from_db(latest), ctx.app.tz).date()) if latest else ""
    return OwnTending(
        zone, holder_count(ctx.db, zone), season_count(ctx.db, ctx.config, ctx.person["id"], ctx.now), last
    )


def record_tending(ctx, zone: dict, media_row_id: int | None, location: dict | None = None) -> int:
    """A tending of ``zone`` by the sender with this photo; the flow ends. Returns the season's count so far.

    The photo's media row may already be downloaded (sent before 管护): the media listeners are told again,
    so that they see the new link (bot.media.announce)."""
    location = location or {}
    store.add_tending(
        ctx.db,
        zone_id=zone["id"],
        person_id=ctx.person["id"],
        openid=ctx.openid,
        media_row_id=media_row_id,
        lat=location.get("lat"),
        lng=location.get("lng"),
        inbox_id=ctx.inbox_id,
        now=ctx.now_s,
    )
    FLOW.end(ctx)
    if media_row_id is not None:
        announce(ctx.app, ctx.db, media_row_id)
    return season_count(ctx.db, ctx.config, ctx.person["id"], ctx.now)


def photo_of_message(ctx) -> int | None:
    return media_store.row_for_inbox(ctx.db, ctx.inbox_id)


# -- what other capabilities read ------------------------------------------------------------------------
def photos_covering(db, village_id: int, lat: float | None, lng: float | None) -> list[dict]:
    """Tending photos of the village's zones that reach this place (a plot's location), oldest first:
    sha256, created_at, zone."""
    if lat is None or lng is None:
        return []
    return [
        row
        for row in store.tending_photos_near(db, village_id)
        if covers({"lat": row["zone_lat"], "lng": row["zone_lng"], "radius_m": row["radius_m"]}, lat, lng)
    ]


def tending_of_media(db, media_row_id: int) -> dict | None:
    """The tending a photo belongs to (with its zone's village, centre and radius), or None."""
    return store.tending_of_media(db, media_row_id)


# -- the job and the report --------------------------------------------------------------------------------
def zone_nudges(app, now: datetime) -> dict:
    """Job: one nudge to each holder idle for zones.nudge_days in the season (bot.reminders' queue)."""
    start, end = season_of(app.config)
    if not start <= now < end:
        return {"queued": 0, "over_weekly_cap": 0}
    days = int(app.config.get("zones.nudge_days"))
    queue = ReminderQueue(app, now)
    with transaction(app.db):
        for row in store.holders_to_nudge(app.db, clock.to_db(start)):
            last = clock.from_db(row["last_active"])
            if nudge_due(last, now, days, end):
                text = app.t("zones.nudge", name=row["name"], zone=row["zone"], days=(now - last).days)
                queue.put(
                    row["openid"], "reminder", text, nudge_key(row["person_id"], row["zone_id"], row["last_active"])
                )
    return queue.report()


def month_start(until: str, tz: str) -> str:
    """The start of the campaign-local month that ends at ``until`` (database time)."""
    local = clock.local(clock.from_db(until), tz)
    return clock.to_db(at_local(local.date().replace(day=1), time(0, 0), tz))


def tended_share(db, config, until: str) -> dict[int, float]:
    """Report column 责任区管护: village id -> share of its zones tended in the month ending at ``until``."""
    end = clock.to_db(clock.from_db(until) + timedelta(seconds=1))
    shares = store.tended_share_by_village(db, month_start(until, config.get("campaign.timezone")), end)
    return {village_id: round(share, 4) for village_id, share in shares.items()}


def tending_by_person(db, since: str | None, until: str | None) -> dict[int, int]:
    """person id -> their 管护 records in [since, until] (the awards' 最美植绿人)."""
    return store.tending_by_person(db, since, until)
