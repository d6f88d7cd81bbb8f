"""Pledges (认领安排) and the seedling list (需求清单): the service layer of the pledges capability.

Seed 002 asks each village for a 植树安排表 by 2月8日 (timetable row 5: 明确种植时间、党员干部和群众(每户)认领安排)
and the office to keep a 需求清单 of seedlings (二(四): 加强各村(社区)绿化苗木需求统计，建立需求清单). The rules
(config keys in brackets; docs/pledges.md says why):

- ``认领 2棵荔枝`` (optionally a month: ``认领 2棵荔枝 3月``, ``三月份``) is a pledge of the sender's household:
  species, count, month. A household holds one pledge per species: pledging the same species again replaces the
  count (and the month, when one is said: sim58); ``取消认领`` ends the household's pledges (``取消认领 荔枝``: that species). At most
  [pledges.max_trees] trees per pledge. A pledge is not a planting: nothing counts until the trees are planted and
  logged with a photo (``认领`` is never read as a planting record: bot/nlu.py ``is_pledge``).
- A cadre ([pledges.cadre_roles], bound with proof) pledges for a household of their village:
  ``认领 张三 2棵龙眼``; a name packed with a month reads as one where it can (``认领张三三月两棵龙眼``: 张三, March);
  where it reads two ways (``认领李四十二月…``: 李四 in December, or 李四十 in February) the village's roster chooses,
  else the cadre is asked to space it. A name may start with a tree (``认领 李明 2棵龙眼``: 李 is also a surname;
  ``_looks_like_name``), a tree's whole name is none (``认领 李子 2棵``) unless the count of another tree follows it
  (``认领 李子 2棵龙眼``: the name, which the roster then asks about, never 2棵李子). A name not on the village's roster is asked about first: ``是`` adds that household
  (a 群众 of the village, as 代种 does) and pledges; the household's member, if they follow the account, is told.
- The village's schedule (植树安排表) is its pledges: the ``schedules_due`` milestone is met when
  [pledges.schedule_share] of its households have a pledge or a verified tree (bot/progress.py, bot/schedule.py).
- The seedling list per village and species: pledged, planted (verified trees of the pledging households, at most
  their pledge), needed, and what arrived and was handed out. The office records a batch on the dashboard as
  已到 (with the day and place to collect it) or 已发放; on 已到 every pledger of that village and species who still
  needs trees of it is told where and from when to collect them (a ``notice``, once per batch and pledge).
- In a pledge's month, from its [pledges.nudge_day], a household that has not planted that species yet gets one
  nudge naming its pledge (bot.reminders' queue: weekly cap, quiet hours, 退订).

Everything from ``parse`` to ``describe`` is pure (no app, no database) and unit-tested; the functions after it are
the services: they read and write through bot/store/pledges.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime

from bot import clock, hanzi, nlu, planting, request_frames, zones
from bot.conversation import Flow
from bot.db import transaction
from bot.reminders import ReminderQueue, queue_notice, tell_village
from bot.store import pledges as store
from bot.store import roster as roster_store

# confirm_name {name, species, count, month}: a cadre named someone not on the village's roster; ``是`` adds
# that household and pledges. Its table is in handlers/pledges.py, its diagram in docs/pledges.md.
FLOW = Flow("pledges", ("confirm_name",))

STATUS_LABELS = {store.ARRIVED: "pledges.batch_arrived", store.HANDED_OUT: "pledges.batch_handed_out"}

# 我家认领一棵杨梅; round 20: voice input's fillers first, and the wish after the household ('嗯那个我家要认领两棵'); round
# 21: the household said 户 ('我们户认领四棵桂花')
_PREFIX = re.compile(
    # round 22: the household named in Cantonese or for it ('我屋企认领…', '帮我哋户认领…', '帮我们家认领…')
    # round 28 (19h): this year's, said first ('今年我家认领一棵桂花'); formal 本人 under a heading ('党员认领：本人认领3棵龙眼')
    # round 53 (20b): 我 before this year's ('我今年认领5棵')
    r"^(?:(?:嗯|呃|额)+(?:那个|就是)*\s*)?(?:(?:党员|群众|村民|干部)?认领\s*[:：]\s*(?=本人|我))?(?:我(?=今年|今次|这次))?"
    r"(?:今年|今次|这次)?\s*"
    # round 61 (20o): when, said first ('下个月我还要认领两棵桃')
    r"(?:下个?月|下个?礼拜|下周|下星期|明年|过几天|过两天|迟啲|迟些|到时)?\s*"
    r"(?:帮|替|给)?(?:我要|我想|我来|我们家|我家|我们户|我哋户|我哋屋企|我屋企|我哋|我户"
    # round 33b: first, ahead of others (我先认领), the wish in 潮汕 (欲) or as a plan or a promise (打算, 承诺)
    # round 37 (19m): signed up for (我报名认领两棵桃树)
    # round 54 (20e): oneself said apart from the leaders before ('我个人认领5棵木棉', '我自己认领', '我本人认领')
    r"|我个人|我自己|我本人|我们|家里|本户|本人|我"
    # round 52 (20a): the role said as who pledges ('党员认领 一棵桂花', '书记认领 三棵桂花'): the sender's own pledge
    # round 61 (20m, 20o): one more pledge, still or again wished ('我仲想认领两棵龙眼下个月种', '再认领两棵龙眼', '我还要认领两棵桃')
    r"|(?:两委|村)?(?:党员|干部|书记|支书|主任))?(?:也|都|先)?"
    r"(?:还|仲|再|又|另外再|另外)?(?:要|想|欲|打算|承诺|决定)?(?:再|多)?(?:报名)?(?:再)?"
    # conv98 (round 97's left: '我认咗两棵橄榄' had started a planting record): 认 said done, a count right after it, is
    # the pledge told (认咗 is 认领咗; a planting says 种咗)
    r"(?:认领(?:了)?|认(?:咗|了)(?=\s*[0-9一二两三四五六七八九十]+\s*[棵株颗]))\s*[:：]?\s*"
)
_CANCEL_PREFIX = re.compile(r"^(?:取消|撤销|不要)认领\s*[:：]?\s*")
# round 89 (22g: '认领 2棵荔枝' then '唉都系唔认领住 取消认领'): the withdrawal said after a sigh or a change of mind (唉, 算啦,
# 我谂过: I thought it over; 都系/还是: after all), or as not pledging (唔认领住, 不认领了), alone or before 取消认领; particles
# after it ('取消认领啦')
# conv106 (23d: '认领 2棵荔枝' then '搞错咗 取消认领' had been asked back between the FAQ's two): or a mistake said (搞错咗,
# 弄错了, 报错了)
# conv110 (23g: '唔好意思 唔认领住 取消认领' had been the FAQ's how to pledge): or a sorry (nlu.SORRY_SAID)
_CANCEL_LEAD = re.compile(
    r"^(?:(?:唉|哎|哎呀|算啦|算了|算罢|算数|算吧|我谂过|我想过|谂过|想过|想了想|谂咗谂"
    rf"|{nlu.SORRY_SAID}"
    r"|(?:搞|弄|整|报|写|打|揿|按)?错(?:咗|了|啦|喇)?)[\s,，]*)*(?:都系|都是|还是|仲系)?\s*"
)
# round 90: or not planting after all (不种了, 唔想种喇, 种唔到啦, 冇地方种) before 取消认领
_NOT_PLEDGING = r"(?:(?:唔|不)(?:认领|要|想种|种)|种(?:唔|不)(?:到|成|了|切)|(?:冇|没|没有)(?:地方|地|时间|空)种)(?:住|了|啦|喇|咯)*"
_NOT_PLEDGING_FIRST = re.compile(rf"^{_NOT_PLEDGING}[\s,，]+(?:都系|都是|还是)?\s*(?=(?:取消|撤销|不要)认领)")
_NOT_PLEDGING_ALONE = re.compile(r"^(?:唔|不)认领(?:住|了|啦|喇|咯)*$")
_PARTICLES_AFTER = re.compile(r"(?<=认领)(?:吧|啦|喇|了|咯|啊|呀)+$")
# round 97 (22q: '我认咗两棵橄榄嗰个 取消 唔种住' had started a planting record of 2 橄榄): the pledge pointed at by what
# was pledged (认咗, 认领了: Cantonese and Mandarin), then only its withdrawal or not planting after all
# conv98 (22s: '上次报嘅认领两棵龙眼 而家种唔到了 想撤回', a ticket): when said as a month or a week ago, or as 报嘅 (reported),
# the pledge said as done (认领嘅, 认领的) too, when a time or 报 before it points at it
_PLEDGE_POINTED = re.compile(
    r"^(?:我|我家|我屋企|我们|我哋|我们家)?"
    r"(?:(?:(?:之前|头先|上次|啱啱|刚才|刚刚|早前|前几日|前几天|上个月|上个礼拜|上周|上礼拜|前阵子)(?:报|报名)?(?:嘅|的)?)"
    # the lead (fifty-third session): or 认领 pointing at what was pledged by 的/嘅 alone ('认领的荔枝不种了 帮我取消')
    # conv112 (23h: '算了 认领嗰两棵荔枝唔要喇' had been the FAQ's): or by 嗰/那 (认领嗰两棵, 认领的那三棵), and the
    # withdrawal run on after the trees with no pause (荔枝唔要喇, 香樟不要了, 木棉退咗佢)
    r"(?:认(?:领)?(?:咗|了|过)?|认领)|认(?:领)?(?:咗|了|过)|认领(?=嘅|的|嗰|那))(?:嘅|的)?(?:嗰|那)?\s*"
    r"(?P<trees>[^\s,，]+?)\s*(?:嗰个|那个|嗰啲|那些|嗰条|那条|的|嘅)?(?:[\s,，]+|(?=(?:唔|不)要|退))(?P<tail>.+)$"
)
# conv98: the withdrawal wished (想撤回, 我要撤销) or Cantonese 撤咗佢 (撤 alone)
# round 99 (22t: '之前认领嘅两棵唔种住 帮我撤销'): asked of the bot (帮我, 唔该, 麻烦, 请) too
# conv105 (23b: '之前认领咗三棵龙眼 我而家唔种得咁多 想退咗佢', a ticket): or given back (退, 退掉, 退咗佢)
# conv108 (23f: '我上次认领的那两棵桃树种不了 取消认领' had been the FAQ's how to pledge): or the contract's own 取消认领 said
# last, the pledge named before it
_WITHDRAWN = (
    r"(?:我)?(?:想|要|想要)?(?:请|麻烦|唔该|帮我|同我|替我|你|您)*(?:取消|撤销|撤回|撤|唔要|不要|删除|删掉|退)"
    r"(?:认领)?(?:佢|它|掉|咗|了|啦|喇|吧|住|咯)*"
)
# conv98: not planting after all with now or this year first ('而家种唔到了', '现在种不了了')
_NOW = r"(?:而家|现在|今年|今次)"
_NOT_PLEDGING_AFTER_TREES = re.compile(rf"(?<=[^\s]){_NOT_PLEDGING}$")
_WITHDRAWN_TAIL = re.compile(rf"^(?:(?:{_WITHDRAWN}|{_NOW}?{_NOT_PLEDGING})[\s,，]*)+$")
# A month is read from the whole run of numerals before 月 (13月 and 二十三月 are bad months, never 3月); only when
# that run follows a name at the start of the text may it begin with the name's last numerals (张三三月: 张三, 3月).
_MONTH = re.compile(r"(?:在|于)?(\d+|[〇一二三四五六七八九十]+)\s*月(?:份)?(?:里|中|内|种)?")
_RELATIVE_MONTH = re.compile(r"(?:(这个|本|今个|呢个|今)|下个|下)月(?:份)?(?:内|里|中)?")
_MONTH_WORD = re.compile(r"1[0-2]|0?[1-9]|十[一二]|[一二三四五六七八九十]")
_NAME_CHARS = re.compile(r"[\u4e00-\u9fff·]{1,4}")
_NAME_SPACED = re.compile(r"^([\u4e00-\u9fff·]{2,4}\d{0,3})(?:\s+|$)")  # round 82: 村民2 (nlu.pledge_for)
_NAME_PACKED = re.compile(rf"^([\u4e00-\u9fff·]{{2,4}}?)(?=\d|[{nlu._CN_NUM}]+\s*[{nlu.MEASURE_WORDS}])")
# After a one-character tree these make a tree word (李花, 桃林), never a person's name (李明)
_TREE_WORDS = frozenset("树苗子花果林")
_SELF_WORDS = {"我家", "我们", "我们家", "自家", "家里", "我屋", "我屋企", "一共", "总共", "共计"}
_TRAILING = " \t\r\n。．.！!，,"


@dataclass(frozen=True)
class PledgeText:
    """What a 认领 (or 取消认领) text says; a part it does not give is None."""

    count: int | None = None
    vague: bool = False  # 几棵: ask for the number
    species: str | None = None  # canonical name from the species table
    species_text: str = ""  # as written ('' when none)
    month: int | None = None
    bad_month: bool = False  # a month was given but is none (13月)
    name: str | None = None  # 认领 <姓名> …: a cadre pledging for a household
    # 认领李四十二月…: a name and a month packed so that they read two ways ((李四, 12), (李四十, 2)); name and month
    # are then None, and the roster or the sender chooses (``choose_reading``)
    readings: tuple[tuple[str, int], ...] = ()
    written: str = ""  # the packed name and month as written (李四十二月), when ``readings``
    # round 36: the further trees of the same pledge ('一棵桂花一棵杨梅', '两棵荔枝三棵龙眼'): (count, species) each
    more: tuple[tuple[int, str], ...] = ()
    # round 37: the month said from today's ('下个月种': 1, '这个月': 0); ``month`` stays None until ``dated`` reads it
    month_offset: int | None = None
    # round 61 (the simulator: '我想再加一棵龙眼' after a pledge had started a planting record): the count is added to the
    # household's pledge of the same tree (``parse_added``), not put in its place
    added: bool = False

    def dated(self, today: date) -> PledgeText:
        """The pledge with a month said from today's as that month ('下个月' in March: 4); as it is otherwise."""
        if self.month is not None or self.month_offset is None:
            return self
        return replace(self, month=(today.month - 1 + self.month_offset) % 12 + 1, month_offset=None)

    def trees(self) -> list[tuple[int, str]]:
        """Every tree pledged, (count, species), the first one first (count and species known)."""
        assert self.count is not None and self.species is not None
        return [(self.count, self.species), *self.more]


def offlist_named(text: str, offlist: Sequence[str], pledged: Sequence[str] = ()) -> list[str]:
    """Conv96: the trees off the campaign's list (species.toml ``[offlist]``) that a 认领 text names, in the order said,
    none that only a longer one said holds (黄皮 in 黄皮果) nor one inside a tree pledged (杜鹃 in 簕杜鹃)."""
    found = [name for name in offlist if name in text and not any(name in tree for tree in pledged)]
    found = [name for name in found if not any(name != other and name in other for other in found)]
    return sorted(found, key=text.index)


def _month_value(numerals: str) -> int | None:
    return nlu.chinese_to_int(numerals) if _MONTH_WORD.fullmatch(numerals) else None


def _looks_like_name(text: str, rest: str, species_table: Mapping) -> bool:
    """Is ``text`` (2 to 4 characters before the count or the month) a person's name, ``rest`` the text after it?
    Not a self word (我家), a count, words of planting (种的树: nlu.is_planting_words) or a tree's name alone (李子, 龙眼苗: nlu.is_tree_name). A name may hold a
    tree's name, 李 being a plum and the commonest surname: 李明 and 李子明 are people when the rest names the pledge's
    tree (认领 李子明 1棵桂花); when it names none, 李明 still is (its tree is its first character alone, and no tree
    word follows it: the tree is asked for), 李子明 and 荔枝明年 are not (the pledge's tree is in them). Two trees
    (李和桃, 荔枝龙眼) are never a name. A tree's whole name is one only before the count of another tree (认领 李子
    2棵龙眼: nlu.tree_word_is_a_name), and then the roster asks whether it is a new household."""
    if text in _SELF_WORDS or nlu.parse_count(text) or nlu.is_planting_words(text):
        return False  # 我家, 3棵, 种的树: no name
    if nlu.is_tree_name(text, species_table):  # 认领 李子 2棵龙眼: the pledge's tree is 龙眼, 李子 where the name goes
        return nlu.tree_word_is_a_name(text, rest, species_table)
    trees = nlu.find_all_species(text, species_table)
    if len(trees) != 1:
        return not trees
    if nlu.find_species_as_heard(rest, species_table)[0] is not None:
        return True
    written = trees[0][1]
    return len(written) == 1 and text.startswith(written) and text[1] not in _TREE_WORDS


def _month_readings(text: str, found: re.Match, species_table: Mapping) -> list[tuple[str, int]]:
    """(name, month) for each way to read the run of numerals before 月: right after a name at the start (张三三月)
    it may begin with the name's last numerals (a name has 2 to 4 characters); else, or when no such name reads,
    the whole run is the month ('' for the name: the text keeps whatever is before it)."""
    run, before = found.group(1), text[: found.start()]
    readings = []
    if found.start() == found.start(1) and _NAME_CHARS.fullmatch(before):
        for cut in range(1 if run.isdigit() else len(run)):  # a name has no digits
            name, value = before + run[:cut], _month_value(run[cut:])
            if value and 2 <= len(name) <= 4 and _looks_like_name(name, text[found.end() :], species_table):
                readings.append((name, value))
    whole = _month_value(run)
    return readings or ([("", whole)] if whole else [])


@dataclass(frozen=True)
class _Month:
    month: int | None
    bad: bool
    rest: str  # the text without the month (a name packed with it stays, spaced: 张三三月… -> 张三 …)
    readings: tuple[tuple[str, int], ...] = ()  # a packed name and month that read two ways: both left out
    written: str = ""  # those as written
    offset: int | None = None  # a month said from today's ('下个月': 1)


# round 53 (20b): when the trees will be done said right after the month ('四月份种完', '五月前种好', '下个月种完'): no tree
_DONE_BY = re.compile(r"^(?:之前|以前|前|底|初|内|里|中)?(?:要|会|就|先|再)?(?:种)?(?:完|好|完成|下|落去|晒)?(?=\s|$)")


def _after_done_by(text: str, end: int) -> str:
    """What follows the month at ``end``, without when the trees will be done said right after it (``_DONE_BY``)."""
    after = text[end:]
    done = _DONE_BY.match(after)
    return after[done.end() :] if done else after


def _month(text: str, species_table: Mapping) -> _Month:
    found = _MONTH.search(text)
    if found:  # the text before the month, and so the month's match, stay as they are
        text = text[: found.end()] + _after_done_by(text, found.end())  # round 53: '四月份种完'
    if not found:
        # round 36: a festival as the time ('清明前后种', '春节后再种'): the month it stands for (nlu.festival_month)
        festival = nlu.FESTIVAL_RE.search(text)
        if festival:
            rest = text[: festival.start()] + " " + _after_done_by(text, festival.end())
            return _Month(nlu.festival_month(text), False, rest)
        # round 37 (19m): a month said from today's ('下个月种', '这个月内种好'): read against the date by ``dated``
        relative = _RELATIVE_MONTH.search(text)
        if relative:
            offset = 0 if relative.group(1) else 1
            rest = text[: relative.start()] + " " + _after_done_by(text, relative.end())
            return _Month(None, False, rest, offset=offset)
        return _Month(None, False, text)
    readings = _month_readings(text, found, species_table)
    after = " " + text[found.end() :]
    if not readings:
        return _Month(None, True, text[: found.start()] + after)
    if len(readings) > 1:
        return _Month(None, False, after, tuple(readings), text[: found.end()])
    name, value = readings[0]
    return _Month(value, False, (name or text[: found.start()]) + after)


def _name(text: str, species_table: Mapping) -> tuple[str | None, str]:
    """('张三', the rest) for '张三 2棵龙眼' or '张三两棵龙眼'; (None, text) when it starts with no person's name."""
    for pattern in (_NAME_SPACED, _NAME_PACKED):
        found = pattern.match(text)
        if found:
            name, rest = found.group(1), text[found.end() :]
            if not _looks_like_name(name, rest, species_table):
                return None, text
            return name, rest
    return None, text


def _body(text: str, species_table: Mapping) -> PledgeText:
    month = _month(text, species_table)
    name, rest = (None, month.rest) if month.readings else _name(month.rest.strip(), species_table)
    count = nlu.parse_count(rest)
    species, written = nlu.find_species_as_heard(rest, species_table)
    if species is None and count is not None:
        written = nlu.extract_unknown_species(rest) or ""
    several = nlu.several_trees(rest, species_table) if count and not count.vague else []
    if several:  # round 36: every tree of the pledge, the first as the pledge's own
        (first_count, species), written = several[0], several[0][1]
    return PledgeText(
        count=first_count if several else count.count if count else None,
        vague=bool(count and count.vague),
        species=species,
        species_text=written,
        month=month.month,
        bad_month=month.bad,
        name=name,
        readings=month.readings,
        written=month.written,
        more=tuple(several[1:]),
        month_offset=month.offset,
    )


# round 22: a wish to pledge some trees, the trees said in the next clause with a hedge ('我想认领几棵树 初步讲两棵橄榄啦',
# '想认领一些树 大概三棵桂花'): read as 认领 with that clause's trees
_VAGUE_WISH = re.compile(
    r"^(?:我|我们|我家|我屋企|我哋)?(?:也|都)?(?:想|要|想要)?认领(?:几|几多|多少|一些|些|一下)?(?:棵|株)?(?:树|树苗|果树)?$"
)
_HEDGE = re.compile(r"^(?:初步|暂时|大概|先|就|应该|可能)*(?:讲|说|定|报|系|是)?")
_CLAUSES = re.compile(r"[\s,，、;；。!！~～]+")


def _trees_after_the_wish(text: str) -> str | None:
    """'我想认领几棵树 初步讲两棵橄榄啦' -> '认领 两棵橄榄啦'; None unless a vague wish to pledge is followed by one clause."""
    clauses = [c for c in _CLAUSES.split(text) if c]
    if len(clauses) != 2 or not _VAGUE_WISH.match(clauses[0]):
        return None
    trees = _HEDGE.sub("", clauses[1], count=1)
    return f"认领 {trees}" if trees and not nlu.is_question(trees) else None


# round 25: a pledge told for the household by whom it is typed for ('阿婆讲屋家认领三棵桃树 清明前种 系𠊎帮佢打字', '老豆叫我
# 帮屋企认领 3棵杨梅 hh'): the asides (who typed it, laughter: nlu.is_aside) and who told it left out, the household named
# alone (Cantonese 屋企, Hakka 屋家/屋下) read as 我家
# conv100 (22v: '另外我屋企阿爸想认领两棵杨梅'): the household said before the relative (屋企阿爸, 我家老爸): the same household
_OUR_HOUSEHOLDS = r"(?:我)?(?:屋企|屋家|屋下|屋里|家里|家|我们家|我哋屋企)?(?:的|嘅|个)?"
_TOLD_BY = re.compile(
    rf"^{_OUR_HOUSEHOLDS}(?:我)?(?:我的|我个|我嘅)?(?:{nlu.RELATIVES})(?:讲|话|说|叫我|让我|要我|喊我|嘱我)(?:帮|替|给)?(?:佢|她|他)?"
)
_HOUSEHOLD = re.compile(r"^(?:帮|替|给)?(?:屋企|屋家|屋下|屋里|屋企人|家里)(?=(?:也|都)?(?:要|想)?认领)")
# conv98 (the older left '同老婆一齐认领两棵桂花', the care zones' FAQ): pledged together with one's family, the household's
_WITH_FAMILY = re.compile(
    rf"^(?:我)?(?:同埋|同|和|跟|与|联同)(?:我)?(?:的|个|嘅)?(?:{nlu.RELATIVES}|屋企人|家里人|家人|屋里人|一家人)"
    r"(?:一齐|一起|一同|一块|两个|两公婆)?(?=(?:也|都)?(?:要|想|打算)?认领)"
)
# round 27: a relative who pledges, named as who does it ('阿姆爱认领一棵杨梅 下个月种', '阿公想认领两棵龙眼'): the household's
_RELATIVE_PLEDGES = re.compile(
    rf"^{_OUR_HOUSEHOLDS}(?:我)?(?:我的|我个|我嘅)?(?:{nlu.RELATIVES})(?=(?:也|都)?(?:要|想|打算)?认领)"
)
# conv100 (22v: '另外我屋企阿爸想认领两棵杨梅' in a ticket's window had joined it as 补充): a turn to something else said first
# (另外, 还有, 顺便讲下), a pledge after it: the pledge
_TURN_FIRST = re.compile(
    r"^(?:哦|噢)?(?:对了)?[\s,，]*(?:另外|还有|仲有|顺便(?:讲|说|话|提)?(?:一下|下|吓)?|对了)(?:呢)?[\s,，]*(?=\S*认领)"
)
# round 27: a pledge said whole, then 'may I?' ('认领3棵柿子 五一放假返来种 ok吗', '认领一棵荔枝 国庆回来种 可以吗'): the pledge
_MAY_I_AFTER = re.compile(
    r"[\s,，、;；。!！~～]+(?:ok|可以|行|得|好)?(?:吗|嘛|不|唔得|不得|不行|不可以|未)?[?？]?$|(?:ok|OK|Ok)吗?[?？]?$"
)
_MAY_I_WORDS = re.compile(
    r"^(?:ok|OK|Ok|可以|行|得|好)(?:吗|嘛|不|唔得|不得|不行|不可以)?$|^得唔得$|^可唔可以$|^行唔行$"
)


# round 33b: what is said before a pledge to announce it ('先报数 我打算种…', '报个名 今年我屋企负责种3棵龙眼', '党员带头
# 我先认领五棵香樟'): left out when what follows is a pledge
_LEAD = re.compile(
    # round 36: asked of whoever keeps the list ('帮我报个数 我认领五棵桃树 …')
    r"^(?:帮我|同我|给我|替我|请)?(?:我|我哋|我们)?先?(?:报数|报个数|报个名|报名|报一下|报下)(?:先|啦|吧|喇|咯)?$"
    r"|^(?:党员|干部|村干部|群众|我|我们)?(?:带头|带个头|做表率|做个表率|打头阵)(?:先)?$"
    # round 54 (20e): the village's leaders leading ('我们村两委带头', '党员干部带头', '支部带头'), one's own pledge after it
    r"|^(?:我们村|我哋村|我们|我哋|本村|村里)?(?:村)?(?:两委|两委班子|支部|党支部|党员干部|干部党员|村干部|班子)(?:成员)?"
    r"(?:都)?(?:要)?(?:带头|带个头|做表率|做个表率|打头阵)(?:种树)?(?:先)?$"
    r"|^(?:帮我|同我|给我|请)?(?:记|登记|记录)(?:一下|下|低|上)(?:先|啦|吧)?$"  # put me down ('帮我记一下 我计划…')
    r"|^(?:谢谢|多谢|唔该|感谢|好的|收到)(?:晒)?(?:你|你们|你哋)?(?:啦|呀|啊)?$"  # round 61 (20o): thanks first ('谢谢 下个月…')
    # round 42 (19p): the quota as someone said it ('书记说每人至少三棵 我先认三棵香樟')
    rf"|^(?:书记|支书|村书记|上面|村里|村委|领导|干部)?(?:说|讲|话|讲过|说过|要求)?(?:每人|每个人|每户|每家|党员|干部)"
    rf"(?:都)?(?:至少|最少|起码|要|最低)(?:要)?(?:种)?[{nlu._CN_NUM}\d]+(?:棵|株)(?:树)?$"
)
# round 42 (19p): 认 alone before a count, for 认领 ('我先认三棵香樟'); a count told then 登记为认领 asked ('我报三棵 帮我
# 登记为认领')
_BARE_REN = re.compile(rf"^((?:我|我家|本人)?(?:也|都|先)?(?:要|想)?(?:先)?)认(?=\s*[{nlu._CN_NUM}\d]+\s*(?:棵|株))")
_COUNT_TOLD = re.compile(rf"^(?:我|我家|本人)?(?:也|都|先)?(?:报|认|要)\s*([{nlu._CN_NUM}\d]+\s*(?:棵|株))(?:树)?$")
_AS_PLEDGE_WORDS = r"(?:帮我|请|麻烦|麻烦你)?(?:登记|记|算|记录)(?:为|做|成|作)认领(?:吧|啦|先)?"  # '帮我登记为认领'
_AS_PLEDGE = re.compile(rf"^{_AS_PLEDGE_WORDS}$")
# round 43 (19q): the pledge named in a clause of its own, the trees told with 报 in another, when to plant after them
# ('今年我报三棵香樟 认领先 四月再种', '两委干部认领任务 我报两棵杨梅'): 认领 those trees, when kept
_PLEDGE_NAMED = re.compile(
    r"^(?:(?:两委|村)?(?:干部|党员|群众|村民|书记)?认领(?:任务|指标)|(?:先)?认领(?:先|住|啦|吧)?"
    rf"|{_AS_PLEDGE_WORDS})$"
)
_TREES_TOLD = re.compile(
    rf"^(?:今年|今次)?(?:我|我家|本人)?(?:今年)?(?:也|都|先)?(?:报|认|要)\s*([{nlu._CN_NUM}\d]+\s*(?:棵|株)[\u4e00-\u9fff]{{0,5}})$"
)


def _count_as_pledge(text: str) -> str:
    """'我报三棵 帮我登记为认领' -> '认领 三棵'; '我先认三棵香樟' -> '我先认领三棵香樟'; '今年我报三棵香樟 认领先 四月再种' ->
    '认领 三棵香樟 四月再种'; any other text as it is."""
    clauses = [c for c in _CLAUSES.split(text) if c]
    told = _COUNT_TOLD.match(clauses[0]) if len(clauses) == 2 and _AS_PLEDGE.match(clauses[1]) else None
    if told:
        return f"认领 {told.group(1)}"
    named = [i for i, c in enumerate(clauses) if _PLEDGE_NAMED.match(c)]
    trees = [(i, found) for i, c in enumerate(clauses) if (found := _TREES_TOLD.match(c))]
    if len(clauses) >= 2 and len(named) == 1 and len(trees) == 1 and abs(named[0] - trees[0][0]) == 1:
        rest = [c for i, c in enumerate(clauses) if i not in (named[0], trees[0][0])]
        return " ".join(["认领", trees[0][1].group(1), *rest])
    return _BARE_REN.sub(r"\1认领", text, count=1)


# round 33b: trees to plant said with no aspect (种两棵龙眼, never 种了/种咗), then when, to come ('… 下个月种', '… 过几日先
# 种', '… 四月种'; the count alone first: '两棵柿子 下个月种'): a plan, read as 打算种 (a pledge)
_TO_PLANT = re.compile(
    rf"^(?:我|我家|我屋企|我哋|我们)?(?:今年)?(?:种|栽)?(?=\s*[{nlu._CN_NUM}\d]+\s*[{nlu.MEASURE_WORDS}])"
)
_LATER_WHEN = (
    rf"(?:下个月|下月|过几日|过几天|过两日|过两天|迟啲|迟些|明年|开春|[{nlu._CN_NUM}\d]{{1,3}}月(?:份)?"
    r"(?:上旬|中旬|下旬|初|底|中|前|之前|以前)?|" + nlu.FESTIVAL_RE.pattern + r")"
)
_LATER = re.compile(rf"^{_LATER_WHEN}(?:先|再|就|才|会)?(?:种|种落去|种好|种完|完成|种下)(?:啦|吧|喇)?$")
# round 90 (22k: '村尾陈叔屋企话清明前种三棵杨梅 帮佢登记一下'): trees to plant at a time to come said first, then the trees
_LATER_TREES = re.compile(
    rf"^{_LATER_WHEN}(?:先|再|就|才|会|要)?种(?![了咗过好完])\s*[{nlu._CN_NUM}\d]+\s*[{nlu.MEASURE_WORDS}]"
)


# round 82 (21x, 21y, just after a record: '下个月仲想种两棵龙眼 先登记住', '我五月再认领两棵龙眼种'): put down first asked
# after the trees to come ('先登记住', '先报住个数'), left out; the month said before 认领, moved after the trees
# round 90 (conv90: '六月份再种三棵荔枝 帮我先认领住'): or 认领 itself, the trees to come in a month said before it
_PUT_DOWN_FIRST = re.compile(
    r"^(?:帮我|同我|给我|请)?先(?:登记|记|报|记录|认领)(?:住|着|下|低|一下|上)?(?:个数|数)?(?:先)?(?:啦|吧|喇|咯|先)?$"
)
# round 95 (22o: '…喺屋后种两棵龙眼 想认领住先', '…帮我认领', '…认领一下'): 认领 wished or asked for after a plan's
# trees, 先 before or after it or none: the plan's trees claimed (a quota's, '我做书记要种三棵，先认领定', is
# ``_quota_then_claimed``'s)
_CLAIMED_LAST = re.compile(
    r"^(?:我)?(?:想|要|想要)?(?:先)?(?:帮我|同我|给我|请)?(?:先)?认领(?:住|着|下|一下)?(?:先)?(?:啦|吧|喇|咯|先)?$"
)
_MONTH_THEN_PLANTING = re.compile(
    rf"^(?P<when>[{nlu._CN_NUM}\d]{{1,3}}月(?:份)?(?:底|初|中|尾)?)(?:我|我家|我哋|我们)?(?:再|还|又|仲|也|都)?(?:会|要|想)?"
    rf"种(?:多)?\s*(?P<trees>[{nlu._CN_NUM}\d]+\s*[{nlu.MEASURE_WORDS}].*)$"
)
_MONTH_FIRST = re.compile(
    rf"^(?P<who>我|我家|我们|我屋企)?(?P<when>[{nlu._CN_NUM}\d]{{1,3}}月(?:份)?)"
    r"(?P<rest>(?:再|还|又|仲|也|都)?(?:要|想)?认领.+?)(?:来|去)?种$"
)


def _later_trees_put_down(text: str) -> str:
    """'下个月仲想种两棵龙眼 先登记住' -> '下个月仲想种两棵龙眼'; '我五月再认领两棵龙眼种' -> '我再认领两棵龙眼 五月种';
    round 95: '打算开春喺田边种两棵荔枝 帮我认领' -> '认领 两棵荔枝'; any other text as it is."""
    clauses = [c for c in _CLAUSES.split(text) if c]
    if len(clauses) >= 2 and _PUT_DOWN_FIRST.match(clauses[-1]):
        text = " ".join(clauses[:-1])
        planted = _MONTH_THEN_PLANTING.match(text) if "认领" in clauses[-1] else None
        if planted:  # round 90: the month's trees claimed after them
            return f"认领 {planted['trees']} {planted['when']}"
    elif len(clauses) >= 2 and _CLAIMED_LAST.match(clauses[-1]):
        planned = nlu.planned_planting(nlu.without_who_i_am(" ".join(clauses[:-1])))
        if planned:  # round 95: a plan's trees claimed after it, an off-list tree too (the reply asks a listed one)
            return f"认领 {planned}"
    found = _MONTH_FIRST.match(text)
    return f"{found['who'] or ''}{found['rest']} {found['when']}种" if found else text


def _without_the_lead(text: str) -> str:
    """'先报数 我打算种一棵桂花 …' -> '我打算种一棵桂花 …'; a text with no such first clause as it is."""
    clauses = [c for c in _CLAUSES.split(text) if c]
    return " ".join(clauses[1:]) if len(clauses) >= 2 and _LEAD.match(clauses[0]) else text


# round 48 (19v): one's quota said, then claimed first ('我做书记要种三棵，先认领定', '书记要种三棵 我先认领定'): a pledge of
# that count (the reply asks the tree when none is named)
_QUOTA_THEN_CLAIMED = re.compile(
    r"^(?:我|我家|我们家|我屋企|屋企)?(?:做|系|是|作为)?(?:村)?(?:书记|支书|党员|干部|村干部|主任)?(?:我)?(?:要|需要|得|就)种"
    rf"(?P<trees>{nlu._NUM}\s*[{nlu.MEASURE_WORDS}][\u4e00-\u9fff]{{0,6}}?)[\s,，。]*(?:我)?(?:先|就)?(?:帮我)?认领"
    r"(?:定|住|下|一下)?(?:先)?(?:啦|吧|了)?$"
)


def _quota_then_claimed(text: str) -> str | None:
    """'我做书记要种三棵，先认领定' -> '认领 三棵'; None for anything else."""
    found = _QUOTA_THEN_CLAIMED.match(text)
    return "认领 " + found["trees"] if found else None


def _planted_later(text: str) -> str | None:
    """'种两棵龙眼 下个月种' -> '我打算种两棵龙眼 下个月种'; None unless its later clauses say when it is to come."""
    clauses = [c for c in _CLAUSES.split(text) if c]
    first = _TO_PLANT.match(clauses[0]) if len(clauses) >= 2 else None
    if first is None or not any(_LATER.match(c) for c in clauses[1:]):
        return None
    return "我打算种" + text[first.end() :]


# round 61 (the simulator: a cadre's '帮我阿嫲认领一棵龙眼 佢叫陈大伯' had taken 我阿嫲 as the name): a relative pledged for,
# their name told in a clause after ('佢叫陈大伯', '她名叫李秀英'): that name's household; no name told, the sender's own
_FOR_A_RELATIVE = re.compile(
    rf"^(?:帮|替|给|为)(?:我)?(?:我的|我个|我嘅)?(?:{nlu.RELATIVES})(?=(?:也|都)?(?:要|想|打算)?认领)"
)
_THEIR_NAME = re.compile(
    rf"^(?:{nlu.HE_WORDS})(?:个名|的名字|名字|嘅名)?(?:叫做|叫|名叫|系|是)(?P<name>[\u4e00-\u9fff·]{{2,4}})$"
)


def _for_a_relative(clauses: list[str]) -> list[str]:
    """['帮我阿嫲认领一棵龙眼', '佢叫陈大伯'] -> ['帮陈大伯认领一棵龙眼']; ['帮我阿嫲认领一棵龙眼'] -> ['我家认领一棵龙眼']."""
    found = _FOR_A_RELATIVE.match(clauses[0]) if clauses else None
    if not found:
        return clauses
    named = [i for i, c in enumerate(clauses[1:], start=1) if _THEIR_NAME.match(c)]
    if not named:
        return ["我家" + clauses[0][found.end() :], *clauses[1:]]
    name = _THEIR_NAME.match(clauses[named[0]])["name"]  # type: ignore[index]
    rest = [c for i, c in enumerate(clauses) if i not in (0, named[0])]
    return [f"帮{name}" + clauses[0][found.end() :], *rest]


# round 79 (21r: '五保户陈伯冇手机 帮佢认领一棵龙眼 四月先种' had become a ticket): a cadre naming the household first, why
# it cannot do it itself after the name (no phone, cannot use one), then 帮佢 (for him) and the pledge: the pledge for
# that name, as '帮五保户陈伯认领一棵龙眼' is read (nlu.pledge_for: who the household is before the name stays its word);
# one's own relative ('我阿妈冇手机 …') is no other household's name (the FAQ's family answer)
_NAMED_WITHOUT_A_PHONE = re.compile(
    rf"^(?!我)(?P<named>[\u4e00-\u9fff·]{{2,10}}?)(?:{nlu.HE_WORDS})?(?:屋企|家里|家)?(?:冇|没有|没|无|唔识|不会|不识|不懂)(?:用)?(?:智能)?"
    r"(?:手机|微信)(?:嘅|的)?$"
)
_FOR_THEM = re.compile(rf"^(?:我)?(?:帮|替|给|为|同)(?:{nlu.HE_WORDS})(?:屋企|家|哋)?(?=(?:也|都)?(?:要|想|打算)?认领)")


def _named_then_for_them(clauses: list[str]) -> list[str]:
    """['五保户陈伯冇手机', '帮佢认领一棵龙眼', '四月先种'] -> ['帮五保户陈伯认领一棵龙眼', '四月先种']."""
    for i in range(len(clauses) - 1):
        named, them = _NAMED_WITHOUT_A_PHONE.match(clauses[i]), _FOR_THEM.match(clauses[i + 1])
        if named and them:
            pledged = f"帮{named['named']}" + clauses[i + 1][them.end() :]
            return [*clauses[:i], pledged, *clauses[i + 2 :]]
    return clauses


# round 83 (21z: '李婶屋企话四月种三棵柿 帮佢登记个认领' had been the FAQ's family answer): a cadre telling what a household
# said it will plant, then 帮佢登记认领 (register it for them): the pledge for that name, as '帮李婶认领…' is read; one's
# own (我…) or a relative's ('我阿妈话…') is no other household's name
# issue 17 §5 (22b: '刘婶话佢屋企四月会种两棵龙眼 帮佢认领先'): the pledge asked for them read by the request frame
# (bot/request_frames.py: '帮佢认领先', '帮佢登记个认领'), its own regex gone; who said it of their household ('佢屋企…') left
# out of what they said; round 86 (22c: '村民8话佢四月种三棵柿 帮佢认领'): a roster name with its number (村民8) too
_NAMED_SAID = re.compile(
    rf"^(?!我)(?P<named>[\u4e00-\u9fff·]{{2,6}}?\d{{0,3}})(?:{nlu.HE_WORDS})?(?:(?:屋企|屋家|家里|家)(?:{nlu.SAYS_WORDS})?|{nlu.SAYS_WORDS})"
    rf"(?:{nlu.HE_WORDS})?(?:屋企|屋家|家里|家)?(?P<what>.+)$"
)


# conv88 (22f: '张伯屋企话认三棵龙眼 五月先种 帮佢记低'): or written down for them (帮佢记低), when said between; what they
# said starting with 认 (认 or 认领, the pledge's own word, normalised '要认') keeps it once; round 90: or trees to plant at a
# time to come (``_LATER_TREES``: '…话清明前种三棵杨梅 帮佢登记一下'; '…今日种咗一棵荔枝 我帮佢记一下' stays a 代种)
_WRITE_IT_DOWN_FOR_THEM = re.compile(
    rf"^(?:我)?(?:帮|替|同|给)(?:{nlu.HE_WORDS})(?:哋|们)?(?:记低|记下|记一下|记住|记上|记录|登记)(?:下|一下)?(?:先|啦|吧|呀|啊)?$"
)
_PLEDGE_WORD_FIRST = re.compile(r"^(?:要|想|会)?认(?:领)?")


def _for_them(clause: str, next_one: bool, what: str) -> bool:
    """'帮佢认领先', '帮佢登记个认领' (the request frame) just after what they said; '帮佢记低' (written down for them) in any
    later clause when what they said pledges (认: '黄伯屋企今日种咗一棵荔枝 我帮佢记一下' is trees planted, a 代种)."""
    if next_one and request_frames.taken_on_for_them(request_frames.read(nlu.normalize(clause))):
        return True
    return bool(_WRITE_IT_DOWN_FOR_THEM.match(clause)) and bool(
        _PLEDGE_WORD_FIRST.match(what) or _LATER_TREES.match(what)  # round 90: trees at a time to come
    )


def _said_then_for_them(clauses: list[str]) -> list[str]:
    """['李婶屋企话四月种三棵柿', '帮佢登记个认领'] -> ['帮李婶认领四月种三棵柿']; ['张伯屋企话认三棵龙眼', '五月先种',
    '帮佢记低'] -> ['帮张伯认领三棵龙眼', '五月先种']."""
    for i in range(len(clauses) - 1):
        said = _NAMED_SAID.match(clauses[i])
        if not said:
            continue
        for j in range(i + 1, len(clauses)):
            if _for_them(clauses[j], j == i + 1, said["what"]):
                what = _PLEDGE_WORD_FIRST.sub("", said["what"])
                return [*clauses[:i], f"帮{said['named']}认领{what}", *clauses[i + 1 : j], *clauses[j + 1 :]]
    return clauses


def _for_the_household(text: str) -> str:
    """'阿婆讲屋家认领三棵桃树 清明前种 系我帮佢打字' -> '我家认领三棵桃树 清明前种'; a text with none of that as it is."""
    clauses = _said_then_for_them(_named_then_for_them(_for_a_relative([c for c in _CLAUSES.split(text) if c])))
    kept = " ".join(c for c in clauses if not nlu.is_aside(c)) or text
    told = _TOLD_BY.match(kept)
    if told and "认领" in kept[told.end() :]:
        kept = kept[told.end() :]
    kept = _WITH_FAMILY.sub("我家", kept, count=1)
    kept = _RELATIVE_PLEDGES.sub("我家", kept, count=1)
    return _HOUSEHOLD.sub("我家", kept, count=1)


def _without_may_i(text: str) -> str:
    """A text whose last clause only asks 'may I?' ('… ok吗', '… 得唔得', '… 可以吗') without that clause; else as it is."""
    clauses = [c for c in _CLAUSES.split(text) if c]
    if len(clauses) >= 2 and _MAY_I_WORDS.match(clauses[-1].strip("?？")):
        return " ".join(clauses[:-1])
    last = clauses[-1] if clauses else ""
    for ending in ("ok吗", "OK吗", "可以吗", "得唔得", "得不得", "行不行", "可不可以", "行吗", "好吗"):
        # conv106 (23d: '我想认领三棵龙眼四月份种得唔得', one clause): or run on after the trees and their month (种得唔得)
        run_on = len(clauses) == 1 and last.endswith("种" + ending) and nlu.parse_count(last) is not None
        if (len(clauses) >= 2 or run_on) and last.endswith(ending) and len(last) > len(ending):
            return " ".join([*clauses[:-1], last[: -len(ending)]])
    return text


# round 81 (issue 17 §5; 21s '我想认领那个两棵龙研四月份再种' had been a pledge for a household called 那个): voice's filler
# right after 认领, before the count ('认领嗰个三棵荔枝', '我要认领这个一棵桂花'), left out: never a household's name
_INNER_FILLER_RE = re.compile(r"(?<=认领)\s*(?:那个|这个|嗰个|呢个)\s*(?=[0-9一二两三四五六七八九十几]+\s*[棵株颗])")


# round 94 (22n: '我想认领几棵树自己种' had become a ticket, 几 read as how many): a few trees wished by the sender, 几 right
# after 认领 with a tree and nothing asked after it, is no count (the quota asked, '党员要认领几棵树', '认领几棵树好', is
# none): the pledge's how-to asks the count and the tree
_A_FEW_RE = re.compile(r"^((?:我|我家)?(?:想|要|想要)?认领)几(?:棵|株)(?=(?:树|树苗|果树|苗)(?:自己种|来种|种|$|\s))")


def parse(text: str | None, species_table: Mapping) -> PledgeText | None:
    """``认领 2棵荔枝 3月`` / ``认领两棵荔枝三月份`` / ``认领 张三 2棵龙眼`` → a PledgeText; None when the text is no
    pledge (a question about pledging, or a care zone: ``认领责任区`` is bot/zones.py's)."""
    # round 20: Hakka typed by its sound read as meant (涯屋下: my household; messages/typos.toml)
    # round 37 (19m): traditional characters read as simplified ('我報名認領兩棵桃樹'), as the roster writes names
    # round 46 (19s): Hakka 𠊎 (I) read as 我 before the rest ('𠊎认领一棵杨梅': messages/typos.toml [characters])
    # round 69 (21a): voice input's fillers before it ('嗯 那个 我认领两棵龙眼 三月尾先种')
    text = nlu.without_spoken_fillers(nlu.command_characters_fixed(nlu.to_halfwidth(text or "")))
    text = nlu.command_typos_fixed(hanzi.simplified(text).strip().strip(_TRAILING))
    text = _INNER_FILLER_RE.sub("", text, count=1)
    text = _TURN_FIRST.sub("", text, count=1)  # conv100
    text = zones.zones_not_meant(text) or text  # round 82: '认领 唔系认领责任区 系认领种树 两棵桂花'
    text = zones.zones_refused(text) or text  # round 94: '我想认领几棵树自己种 唔系认领责任区'
    text = _A_FEW_RE.sub(r"\1", text, count=1)  # round 94: '认领几棵果树' (a few: no count said)
    text = _later_trees_put_down(text)  # round 82
    text = _count_as_pledge(_for_the_household(text))
    led = _without_the_lead(text)
    if led != text and parse(led, species_table):
        return parse(led, species_table)
    text = _trees_after_the_wish(text) or _planted_later(text) or _quota_then_claimed(text) or text
    if "认领" in text or nlu.planned_planting(nlu.without_who_i_am(text)):
        text = nlu.without_who_i_am(
            text
        )  # round 33b: '作为党员我打算下个月亲自种三棵香樟' too  # round 30: '我系党员认领三棵龙眼', '本人是党员，认领两棵杨梅'
    if _PREFIX.match(text) and nlu.is_question(text):
        text = _without_may_i(text)
    if "责任区" in text or nlu.is_question(text) or nlu.pledged_trees_planted(text):
        return None
    if nlu.zone_number_said(nlu.normalize(text)) is not None:
        return None  # round 37 (19m): a care zone by its number ('我认领2号那片'), bot/zones.py's
    found = _PREFIX.match(text)
    if found:
        return _body(text[found.end() :], species_table)
    # said the way villagers say it: a cadre's '帮陈伯认领两棵荔枝', a plan with its trees ('我报名种两棵荔枝',
    # '我家打算种三棵龙眼'): a pledge only with a tree the bot knows (the plan's words are no tree)
    proxied = nlu.pledge_for(text)
    if proxied:
        return _body(proxied, species_table)
    planned = nlu.planned_planting(text)
    parsed = _body(planned, species_table) if planned else None
    if parsed and parsed.count and not parsed.species and parsed.species_text in _A_TREE:
        return replace(parsed, species_text="")  # '我报名种一棵树四月份种': a plan; the reply asks the tree
    return parsed if parsed and parsed.species and parsed.count else None


# round 61 (the simulator): more trees added to a pledge, said without 认领 ('我想再加一棵龙眼', '再多加两棵荔枝', '加多一棵桂花
# 四月种'): read by ``parse`` as 认领 of them, ``added``; a pledge of the household must stand (handlers/pledges.py), else
# it is no pledge (the planting record's or the FAQ's)
_ADDED = re.compile(
    rf"^(?:我|我家|我们家|我屋企|我哋)?(?:想|要|想要)?(?:再|多|另外|额外)?(?:加|添|追加|增加|加多|添多)(?:多)?"
    rf"(?=\s*[{nlu._CN_NUM}\d]+\s*[{nlu.MEASURE_WORDS}])"
)


def parse_added(text: str | None, species_table: Mapping) -> PledgeText | None:
    """'我想再加一棵龙眼' -> the pledge of one 龙眼, ``added``; None for anything else."""
    text = nlu.to_halfwidth(hanzi.simplified(text or "")).strip().strip(_TRAILING)
    found = _ADDED.match(text)
    if not found or nlu.is_question(text):
        return None
    parsed = parse("认领" + text[found.end() :], species_table)
    return replace(parsed, added=True) if parsed and parsed.name is None else None


# conv101 (22w: '认领 5棵桂花' then '唔好意思写错 应该係认领3棵桂花' had been the FAQ's record corrections): the command said
# again inside the right count (应该系认领3棵) is the count said right, its 认领 left out before it is read
# conv106: or inside the change ('改成认领3棵龙眼' just after '认领 2棵龙眼': the same tree's count said right)
_COMMAND_IN_THE_RIGHT_RE = re.compile(r"((?:应该\s*(?:是|系|係|为)?|^(?:改成|改做|改为|换成))\s*)认领")


def without_command_in_the_right(text: str) -> str:
    """'应该係认领3棵桂花' -> '应该係3棵桂花' (conv101); '改成认领3棵龙眼' -> '改成3棵龙眼' (conv106)."""
    return _COMMAND_IN_THE_RIGHT_RE.sub(r"\1", text)


# conv101: what it should be said alone, a sorry before it at most ('唔好意思 应该系认领两棵龙眼'), read only just after a
# pledge (handlers/pledges.py ``_count_changed``): its count (and tree) said right
_SHOULD_BE_RE = re.compile(
    r"^(?:唔好意思|不好意思|对唔住|对不起|sorry)?[\s,，。]*(?:应该|应当)\s*(?:是|系|係|为)\s*(?:认领)?\s*(?P<right>[^\s,，。]+)$"
)


def should_be_said(text: str) -> str | None:
    """'唔好意思 应该系认领两棵龙眼' -> '两棵龙眼'; None unless it holds a count."""
    found = _SHOULD_BE_RE.match((text or "").strip())
    count = nlu.parse_count(found["right"]) if found else None
    return found["right"] if found and count is not None and count.count else None


def count_changed(corrected: str, latest: Mapping, species_table: Mapping) -> PledgeText | None:
    """Round 97 (22q: '认领 2棵荔枝' then '改做3棵'): the count said right just after a pledge
    (``nlu.count_corrected``'s '3棵', '三棵荔枝') as the pledge of the tree it names, else of the ``latest`` pledge's
    tree, the new count in place of its count; None without a count."""
    parsed = parse("认领" + corrected, species_table)
    if parsed and parsed.species and parsed.count and parsed.name is None:
        return parsed
    count = nlu.parse_count(corrected)
    if count is None or not count.count:
        return None
    return PledgeText(count=count.count, species=latest["species"], species_text=latest["species"])


# a tree in general, no tree named: '一棵树', '两棵树苗'
_A_TREE = frozenset({"", "树", "树苗", "果树", "苗"})


# round 49 (the lead, in the simulator): one's pledges asked after in words, done said (normalised: '我认领咗几多棵 种咗几多'
# -> 我认领了多少棵种了多少, '我家认领了哪些树', '我认领的树种够了没有'); never the quota asked ('党员要认领几棵': no 了),
# nor 认种 (认种认养 is adoption)
# round 99 (22t: '我今年认领咗几多棵 记唔清' had been a ticket): when or how far between (今年, 之前, 总共, 已经)
_WHEN_BETWEEN = r"(?:今年|今次|这次|之前|以前|上次|头先|刚才|早前|总共|一共|合共|已经|都|自己|一共都)*"
_OWN_PLEDGES_RE = re.compile(
    rf"(?:我|我家|我们|家里|家|屋企)(?:的)?{_WHEN_BETWEEN}认领(?:了|过)(?:多少|几|什么|哪些|哪几)"
    rf"|(?:我|我家|我们|家里|家|屋企)(?:的)?{_WHEN_BETWEEN}认领的(?:树)?(?:有|是|种|情况|完成|够)"
)
OWN_PLEDGES_MAX_CHARS = 24


# round 61 (the simulator: '我哋村认领情况点' had become a ticket): the village's pledges asked after (normalised: 我们村认领
# 情况点, 村里认领安排进度如何, 我们村认领得怎么样了): the village's progress, with its 认领安排 line (handlers/progress.py)
_VILLAGE_PLEDGES_RE = re.compile(
    r"^(?:我们村|本村|村里|村里面|全村|我们)(?:的)?(?:认领|认领安排|植树安排)(?:的)?(?:情况|进度|进展|安排)?(?:得)?"
    r"(?:怎么样|怎样|如何|点|点样|咋样|好不好|多少了|多少户了|到哪了)(?:了)?$"
)


# sim62 (a cadre before the 2月8日 schedule, in the simulator: '我村认领了多少户' had become a ticket, '认领了几户' the pledge's
# how-to): how many households pledged, the village's pledges named with no question ('本村认领情况'; sim64: a
# secretary's bare '认领情况' had the pledge's usage), or whether its
# 植树安排表 is done ('我们村植树安排表完成了吗'; 植树 is normalised 种树)
_VILLAGE = r"(?:我们村|本村|村里|村里面|全村|我村|我们)"
_PLEDGES = r"(?:认领|认领安排|种树安排表?|认领表)"
_VILLAGE_PLEDGES_MORE_RE = re.compile(
    rf"^{_VILLAGE}?(?:的)?(?:有)?(?:多少户|几户){_PLEDGES}(?:了)?$"
    rf"|^{_VILLAGE}?(?:的)?{_PLEDGES}(?:了|的)?(?:有)?(?:多少户|几户)(?:了)?$"
    rf"|^{_VILLAGE}?(?:的)?{_PLEDGES}(?:的)?(?:情况|进度|进展)$"
    rf"|^{_VILLAGE}?(?:的)?(?:认领安排|种树安排表?|认领表)(?:报|交|做|备案|填)?(?:了|好了|齐了|完成了|完了)(?:没有|吗|未|没)$"
    # round 82 (21x: '全村有边几户认领咗种树'): which households or who pledged, the trees after
    rf"|^{_VILLAGE}?(?:的)?(?:有)?(?:哪几户|哪些户|哪户|哪几家|哪些家|哪些人|哪几个|哪个|谁)(?:已经)?认领(?:了|过)(?:种树|树)?$"
)


def village_pledges_asked(norm: str) -> bool:
    """'我们村认领情况点': the village's pledges asked after (not one's own: ``own_pledges_asked``); sim62: how many
    households (``认领了几户``), named bare (``本村认领情况``), the 植树安排表 done or not."""
    said = norm.rstrip("？?啊呀呢") if norm else ""
    return (
        bool(said)
        and len(said) <= OWN_PLEDGES_MAX_CHARS
        and bool(_VILLAGE_PLEDGES_RE.match(said) or _VILLAGE_PLEDGES_MORE_RE.match(said))
    )


# round 92 (22i '村里面几多户已经认领咗 边个未认领', 22l '想睇下边几户认领咗树 有冇清单'): which households have pledged
# asked, loosely, or their list: the village's pledge list, for a cadre (handlers/progress.py). The households (几户, 边几户,
# 哪些人) before or after 认领了, or a list named with 认领 (认领名单, 清单); a person asked (谁, 哪个) only with the trees or
# the village said (责任区 is the zones', 认养/认种 adoption, 未认领名单 alone the households left: left_to_pledge)
_HOUSEHOLDS_WHO = (
    r"(?:哪几户|哪些户|哪户|边几户|哪几家|哪些家|边几家|哪些人|边啲人|哪几个人|多少户|几多户|几户|有哪些人|有哪几户)"
)
_PERSON_WHO = r"(?:谁|哪个|边个|哪位)"
_PLEDGERS_RE = re.compile(
    rf"{_HOUSEHOLDS_WHO}(?:人)?(?:已经|已)?(?:有)?认领(?:了|过)"
    rf"|认领(?:了|过)?(?:种树|树)?的(?:户|人)?(?:有|是)?(?:{_HOUSEHOLDS_WHO}|{_PERSON_WHO})"
    rf"|(?<![未没还])认领(?:了|过)?(?:的)?(?:户|人|户口)?(?:名单|清单|名册|明细)"
    rf"|(?:名单|清单)[^，。]{{0,10}}?{_PERSON_WHO}(?:已经)?认领(?:了|过)"
    rf"|(?:村|全村|村里)[^，。]{{0,6}}?{_PERSON_WHO}(?:已经)?认领(?:了|过)"
    rf"|{_PERSON_WHO}(?:已经)?认领(?:了|过)(?:种树|树)"
    # conv100 (22v: '全村认领了多少 名单发我看看' had been asked back about species): the village's pledges named (how many,
    # how they stand), then its list asked for in the same breath
    r"|(?:村|全村|村里|本村|我们村|我村)[^，。]{0,4}?(?<![未没还])认领(?:了|过|的)?[^，。]{0,8}?(?:名单|清单|名册|明细)"
    # conv101 (22x: '全村认领情况俾我睇下' had become a ticket): how the village's pledges stand, wished shown to the sender
    r"|(?:全村|村里|本村|我们村|我村)(?:的)?认领(?:的)?情况(?:给我|发给我|发我|俾我)(?:看|睇|看看|看下|看一下|睇下)"
)
_NOT_THE_PLEDGERS_RE = re.compile(r"责任区|认养|认种|^(?:我|我家|我们家)认领|(?:怎么|点)(?:样)?(?:填|写|交|做|弄)")


def pledgers_asked(norm: str) -> bool:
    """Round 92: which households of the village have pledged asked ('边几户认领咗 俾张名单我睇下', '已经认领的有哪几户'):
    the village's pledge list (a cadre's); never the zones', adoption, one's own pledges."""
    said = norm or ""
    return len(said) <= 32 and bool(_PLEDGERS_RE.search(said)) and not _NOT_THE_PLEDGERS_RE.search(said)


def own_pledges_asked(norm: str) -> bool:
    """'我认领了多少棵': the household's pledges asked after (``我的认领`` in words)."""
    return bool(norm) and len(norm) <= OWN_PLEDGES_MAX_CHARS and bool(_OWN_PLEDGES_RE.search(norm))


# withdraw83 (a blind set's miss: '我之前认领咗三棵龙眼 而家脚唔方便种唔到 想撤回', a ticket): why said before the
# withdrawal ('屋企冇位种', '身体唔好'), a few short clauses, the withdrawal last
_WITHDRAWN_LAST = re.compile(rf"^{_WITHDRAWN}$")
_WHY_MAX_CHARS = 12
# conv105: why told as not planting so many now ('现在种不了那么多', '我而家唔种得咁多'), which the question reader takes
# for a question (nlu.is_question reads the 么 of 那么多, 这么多 as a question's): a reason, never a question.
# tidy87 (review58 item 3: reuse a reader of the same): none reads it. nlu.is_question is the misreading itself (taught
# 那么多, every reader of a question would change); nlu's not in time (``_NOT_IN_TIME_RE``) is a record's, with its own
# days and no so many; the request frame reads duties (join, take_on, …), no planting act to negate. Its now is
# ``_NOW``, shared with ``_WITHDRAWN_TAIL``; its cannot-plant words are its own (``_NOT_PLEDGING`` lacks 种不完, 种不过来)
_NOT_SO_MANY_RE = re.compile(
    rf"^(?:我)?{_NOW}?(?:种不了|种唔到|种不到|唔种得|不种得|种唔晒|种不完|种唔切|种不过来)"
    r"(?:咁多|那么多|这么多|那样多)(?:了|啦|喇|咯)?$"
)


def _withdrawn_tail(tail: str) -> bool:
    """The tail after a pledge pointed at: only its withdrawal or not planting after all (``_WITHDRAWN_TAIL``), or up to
    two short clauses of why, then the withdrawal (withdraw83); never a question."""
    if _WITHDRAWN_TAIL.match(tail):
        return True
    clauses = [c for c in re.split(r"[\s,，。]+", tail) if c]
    return (
        2 <= len(clauses) <= 3
        and bool(_WITHDRAWN_LAST.match(clauses[-1]))
        and all(len(c) <= _WHY_MAX_CHARS and (_NOT_SO_MANY_RE.match(c) or not nlu.is_question(c)) for c in clauses)
    )


def pointed_withdrawal(text: str) -> str | None:
    """Round 97: a pledge pointed at by what was pledged, then withdrawn ('我认咗两棵橄榄嗰个 取消 唔种住', '头先认咗五棵
    香樟 取消') as the ``取消认领`` of its trees ('取消认领 两棵橄榄'); None for any other text (how to withdraw asked,
    '…点样取消', is the FAQ's)."""
    found = _PLEDGE_POINTED.match(text)
    if found is None or not _withdrawn_tail(found["tail"]):
        return None
    # round 99: not planting said with the trees, no space between ('两棵唔种住 帮我撤销'): the trees only
    trees = _NOT_PLEDGING_AFTER_TREES.sub("", found["trees"]) or found["trees"]
    return "取消认领 " + trees


def parse_cancel(text: str | None, species_table: Mapping) -> PledgeText | None:
    """``取消认领`` (every pledge of the household), ``取消认领 荔枝``, a cadre's ``取消认领 张三 [荔枝]``."""
    text = nlu.to_halfwidth(text or "").strip().strip(_TRAILING)
    # round 89: a sigh or a change of mind first, not pledging said before 取消认领 or alone, particles after it
    text = _PARTICLES_AFTER.sub("", _NOT_PLEDGING_FIRST.sub("", _CANCEL_LEAD.sub("", text, count=1), count=1))
    if _NOT_PLEDGING_ALONE.match(text):
        text = "取消认领"
    text = pointed_withdrawal(text) or text
    found = _CANCEL_PREFIX.match(text)
    if not found or "责任区" in text or nlu.is_question(text[found.end() :]):
        return None  # round 25: '取消认领要点搞' asks how (the FAQ's), no name 要点搞
    return _body(text[found.end() :], species_table)


# withdraw83 (a blind set's miss: '认领改成一棵桃树，原来的两棵荔枝不要了'): the pledge changed in words, the new trees and
# the old ones withdrawn, in either order
_CHANGED_TO = r"(?:改成|改做|改为|换成|转成|改)(?:认领)?\s*(?P<new>[^\s,，。]+)"
_OLD_DROPPED = (
    r"(?:原来|原先|本来|之前|头先|先前)(?:认领)?(?:的|嘅|嗰|那)?\s*(?P<old>[^\s,，。]+?)\s*"
    r"(?:都)?(?:不要|唔要|取消|撤销|撤回|唔种|不种)(?:佢|它|掉|咗)?(?:了|啦|喇|咯|住|吧)*"
)
_CHANGED = (
    re.compile(rf"^(?:我)?(?:想|要)?认领\s*{_CHANGED_TO}[\s,，。]+{_OLD_DROPPED}$"),
    re.compile(rf"^{_OLD_DROPPED}[\s,，。]+(?:我)?(?:想|要)?(?:认领)?{_CHANGED_TO}$"),
)


def parse_changed(text: str | None, species_table: Mapping) -> tuple[PledgeText, PledgeText] | None:
    """withdraw83: a pledge changed in words, '认领改成一棵桃树，原来的两棵荔枝不要了' (or the old ones said first, '原来嗰两棵
    荔枝唔要啦 改成认领三棵龙眼'): (the new pledge, the trees withdrawn), each with its tree; None for any other text."""
    text = nlu.to_halfwidth(text or "").strip().strip(_TRAILING)
    for pattern in _CHANGED:
        found = pattern.match(text)
        if found and not nlu.is_question(text):
            new, old = _body(found["new"], species_table), _body(found["old"], species_table)
            if new.species and new.count and old.species:
                return new, old
    return None


# conv106 (23c: '认领 2棵龙眼' then '改为认领5棵桂花 5月前' had been the FAQ's how to pledge): the change said alone, the
# old trees unsaid: just after a pledge (handlers/pledges.py), the pledge just made is the old one
_CHANGED_TO_ALONE = re.compile(
    r"^(?:我)?(?:想|要)?(?:认领)?\s*(?:改成|改做|改为|换成|转成)(?:认领)?\s*(?P<new>[^,，。]+)$"
)


def parse_changed_to(text: str | None, species_table: Mapping) -> PledgeText | None:
    """Conv106: the new pledge of a change said alone ('改为认领5棵桂花 5月前' -> 5 桂花, 5月); None unless it names a tree
    and a count (a count alone, '改做3棵', is round 97's count said right)."""
    text = nlu.to_halfwidth(text or "").strip().strip(_TRAILING)
    found = _CHANGED_TO_ALONE.match(text)
    if not found or nlu.is_question(text):
        return None
    new = _body(found["new"], species_table)
    return new if new.species and new.count and new.name is None else None


# conv106 (23d: '之前认领咗5棵桂花 我想改做3棵' had been the FAQ's how to pledge): the pledge named as made before, then its
# count changed (改做3棵, 改成两棵): the pledge of that tree at the new count (the household's pledge of a tree is its
# latest)
_NAMED_THEN_RECOUNTED = re.compile(
    r"^(?:我)?(?:之前|原来|原先|上次|头先|早前|本来|先前|前几日|前几天)?(?:我)?(?:家)?认领(?:咗|了|过)?\s*(?P<old>[^\s,，。]+?)"
    r"[\s,，。]*(?:我|现在|而家)*(?:想|要)?(?:改做|改成|改为|换成|改)\s*(?P<new>[^\s,，。]+?)(?:吧|啦|得唔得|可以吗)?$"
)


def named_then_recounted(text: str | None, species_table: Mapping) -> PledgeText | None:
    """Conv106: '之前认领咗5棵桂花 我想改做3棵' -> 认领 3棵桂花 (the tree named before, the count said after); None unless
    both counts are said and no other tree is named after."""
    found = _NAMED_THEN_RECOUNTED.match(nlu.to_halfwidth(text or "").strip().strip(_TRAILING))
    if not found:
        return None
    old, new = _body(found["old"], species_table), _body(found["new"], species_table)
    if not (old.species and old.count and new.count) or (new.species and new.species != old.species):
        return None
    return replace(new, species=old.species, species_text=old.species_text)


def month_words(t: Callable[..., str], month: int | None) -> str:
    return t("pledges.in_month", month=month) if month else ""


def before_words(t: Callable[..., str], count: int, month: int | None, before: int, before_month: int | None) -> str:
    """What a changed pledge was, for '原来是…': its count, and its month when that changed too and was set or is all
    that changed ('2棵（3月种）', '2棵（没定月份）')."""
    changed_month = before_month != month and (before_month or count == before)
    return t(
        "pledges.before",
        count=before,
        month=(month_words(t, before_month) or t("pledges.no_month")) if changed_month else "",
    )


def describe(t: Callable[..., str], pledges: Sequence[Mapping], names: Mapping[str, str] | None = None) -> str:
    """'2棵荔枝（3月）、1棵桃子': ``names`` is planting.display_names (stored species -> the name replies show)."""
    names = names or {}
    return "、".join(
        t(
            "pledges.item",
            count=p["count"],
            species=names.get(p["species"], p["species"]),
            month=month_words(t, p["month"]),
        )
        for p in pledges
    )


def pledgers_text(
    t: Callable[..., str], village: str, rows: Sequence[Mapping], names: Mapping[str, str], limit: int
) -> str:
    """Round 92: the village's pledge list asked by a cadre (``pledgers_asked``): each household that pledged, by the
    name its pledges are under, with its trees (``describe``), at most ``limit`` households (then how many more); rows
    are ``store.pledges_of_village``'s."""
    households: dict[str, list[Mapping]] = {}
    for row in rows:
        households.setdefault(row["person"], []).append(row)
    if not households:
        return t("pledges.list_none", village=village)
    lines = [t("pledges.list_header", village=village, n=len(households))]
    for name, theirs in list(households.items())[:limit]:
        lines.append(t("pledges.list_line", name=name, items=describe(t, theirs, names)))
    if len(households) > limit:
        lines.append(t("pledges.list_more", n=len(households) - limit))
    return "\n".join(lines)


def nudge_due(config, now: datetime) -> int | None:
    """The month whose pledges are nudged at ``now`` (campaign time): from its [pledges.nudge_day] to its end,
    in campaign.year; None otherwise."""
    local = clock.local(now, config.get("campaign.timezone"))
    if local.year != int(config.get("campaign.year")) or local.day < int(config.get("pledges.nudge_day")):
        return None
    return local.month


# -- the services --------------------------------------------------------------------------------------
def species_table(app) -> dict:
    return planting.species_table(app)


def household_pledges(db, person_id: int) -> list[dict]:
    return store.live_of_household(db, person_id)


def village_pledge_list(app, db, village: Mapping) -> str:
    """Round 92: the village's pledge list for a cadre (``pledgers_text``), as many households as 未认领名单 names."""
    rows = store.pledges_of_village(db, village["id"])
    limit = int(app.config.get("progress.left_per_page"))
    return pledgers_text(app.t, village["name"], rows, planting.display_names(app), limit)


@dataclass(frozen=True)
class Pledged:
    """What a pledge came to: the household's pledges now, and the count and month it replaced (``before`` None: a
    new species)."""

    pledge: dict
    before: int | None
    household: list[dict]
    before_month: int | None = None

    @property
    def unchanged(self) -> bool:
        """The same pledge again (count and month): nothing was changed."""
        return self.before == self.pledge["count"] and self.before_month == self.pledge["month"]


def pledge(ctx, person: dict, species: str, count: int, month: int | None, added: bool = False) -> Pledged:
    """The household of ``person`` pledges ``count`` trees of ``species`` (in ``month``): a new pledge, or the
    same species' count and month replaced (a count said without a month keeps the month; the same pledge again
    changes nothing, and the household is not told again); ``added`` (round 61: '再加一棵龙眼'): the count added to the
    same species' pledge. Entered by the sender."""
    db = ctx.db
    same = [p for p in store.live_of_household(db, person["id"]) if p["species"] == species]
    before = before_month = None
    if same:
        kept, before, before_month = same[0], same[0]["count"], same[0]["month"]
        count = count + before if added else count
        # sim58: a new count said without a month ('认领嘅荔枝改做三棵') keeps the pledge's month (it had been dropped)
        month = before_month if month is None else month
        store.cancel(db, [p["id"] for p in same[1:]], ctx.now_s)
        if (count, month) == (before, before_month):
            return Pledged(kept, before, store.live_of_household(db, person["id"]), before_month)
        store.update(db, kept["id"], count=count, month=month, entered_by_person_id=ctx.person["id"], now=ctx.now_s)
        pledge_id = kept["id"]
    else:
        pledge_id = store.insert(
            db,
            village_id=person["village_id"],
            person_id=person["id"],
            species=species,
            count=count,
            month=month,
            entered_by_person_id=ctx.person["id"],
            openid=ctx.openid,
            inbox_id=ctx.inbox_id,
            now=ctx.now_s,
        )
    row = store.pledge(db, pledge_id)
    assert row is not None  # just written
    if person["id"] != ctx.person["id"]:
        _tell_household(ctx, person, row)
    return Pledged(row, before, store.live_of_household(db, person["id"]), before_month)


def _tell_household(ctx, person: dict, row: dict) -> None:
    """A cadre pledged for a household: its member, if they follow the account, hears of it (once per change)."""
    if not person.get("openid"):
        return
    text = ctx.t(
        "pledges.told_household",
        name=person["name"],
        cadre=ctx.person["name"],
        count=row["count"],
        species=planting.display_name(ctx.app, row["species"]),
        month=month_words(ctx.t, row["month"]),
    )
    key = f"pledge-for:{row['id']}:{row['updated_at']}"
    queue_notice(ctx.db, ctx.config, openid=person["openid"], text=text, key=key, now=ctx.now)


def species_by_count(ctx, person: dict, parsed: PledgeText) -> str | None:
    """Round 99 ('之前认领嘅两棵唔种住 帮我撤销' with 2棵龙眼 and 1棵桂花 pledged): a withdrawal that names a count and no tree
    is of the one pledge with that count; '' when the household holds several and none or more than one has it, or holds
    one of another count (withdraw83; which is asked), None when the count says nothing (no count, or the one pledge's)."""
    if parsed.species is not None or parsed.count is None:
        return None
    live = store.live_of_household(ctx.db, person["id"])
    if len(live) == 1 and live[0]["count"] != parsed.count:
        return ""  # withdraw83: the one pledge held has another count ('两棵' of 1棵香樟): asked, never ended unsaid
    if len(live) < 2:
        return None
    counted = [p["species"] for p in live if p["count"] == parsed.count]
    return counted[0] if len(counted) == 1 else ""


def cancel(ctx, person: dict, species: str | None) -> tuple[list[dict], list[dict]]:
    """End the household's pledges (of ``species`` only, when given): (the pledges ended, those kept). A bare
    取消认领 keeps a pledge already planted in full (verified): sim64, '取消认领' after a new 荔枝 pledge had also
    cancelled the 3棵木棉 planted in March, and the household left 认领户数; named, a species ends whatever it holds."""
    live = [p for p in store.live_of_household(ctx.db, person["id"]) if species is None or p["species"] == species]
    planted = planted_of(ctx.db, person["id"]) if species is None else {}
    kept = [p for p in live if planted.get(p["species"], 0) >= p["count"]]
    ended = [p for p in live if p not in kept]
    store.cancel(ctx.db, [p["id"] for p in ended], ctx.now_s)
    return ended, kept


def tell_cadres(ctx, person: Mapping, ended: Sequence[Mapping], new: Sequence[Mapping] = ()) -> list[Mapping]:
    """withdraw84: the household's pledges ``ended`` (取消认领; with ``new``: changed to those, 认领改成…) are told to the
    village's cadres (``pledges.cadre_roles``) who follow the account, as an adoption ended is (a notice through the
    outbox, once per pledge and cadre), never to the sender (a cadre who withdrew it for the household). Those told."""
    if not ended:
        return []
    names = planting.display_names(ctx.app)
    items = describe(ctx.t, ended, names)
    if new:
        text = ctx.t("pledges.changed_told", name=person["name"], before=items, after=describe(ctx.t, new, names))
    elif person["id"] != ctx.person["id"]:
        text = ctx.t("pledges.withdrawn_told_by", by=ctx.person["name"], name=person["name"], items=items)
    else:
        text = ctx.t("pledges.withdrawn_told", name=person["name"], items=items)
    key = "pledge-ended:" + "-".join(str(p["id"]) for p in ended)
    roles = ctx.config.get("pledges.cadre_roles")
    village_id = ended[0]["village_id"]
    return tell_village(ctx.db, ctx.config, village_id, roles, text=text, key=key, now=ctx.now, but=ctx.person["id"])


def told_line(t: Callable[..., str], told: Sequence[Mapping]) -> str:
    """The reply's line naming the cadres told (``tell_cadres``); empty when none was."""
    return t("pledges.cadres_told", names="、".join(p["name"] for p in told)) if told else ""


def village_person(ctx, name: str) -> dict | None:
    """The person of that name in the cadre's village."""
    return roster_store.person_by_name_in_village(ctx.db, name, ctx.person["village_id"])


def choose_reading(ctx, parsed: PledgeText) -> PledgeText | None:
    """A packed name and month that read two ways (认领李四十二月…: 李四 in December or 李四十 in February): the one
    reading whose name is on the cadre's village roster; None when none or several are (the sender is asked)."""
    known = [(name, month) for name, month in parsed.readings if village_person(ctx, name)]
    if len(known) != 1:
        return None
    return replace(parsed, name=known[0][0], month=known[0][1], readings=(), written="")


def readings_words(t: Callable[..., str], parsed: PledgeText) -> str:
    """'“李四 12月”还是“李四十 2月”': the readings, for the reply that asks which."""
    return t("pledges.reading_or").join(t("pledges.reading", name=name, month=month) for name, month in parsed.readings)


def ask_about_name(ctx, parsed: PledgeText) -> None:
    FLOW.enter(
        ctx,
        "confirm_name",
        {
            "name": parsed.name,
            "species": parsed.species,
            "count": parsed.count,
            "month": parsed.month,
            **({"more": [list(tree) for tree in parsed.more]} if parsed.more else {}),
        },
    )


def new_household(ctx, name: str) -> dict:
    """The confirmed new household of the cadre's village (a 群众 added as 代种 adds one)."""
    FLOW.end(ctx)
    return planting.household_member(ctx, name, ctx.person)


def planted_of(db, person_id: int) -> dict[str, int]:
    return store.planted_by_household(db, person_id)


# -- the seedling list ---------------------------------------------------------------------------------
def demand(db, village_id: int | None = None) -> list[dict]:
    return store.demand(db, village_id)


def county_demand(rows: list[dict]) -> list[dict]:
    """The seedling list summed over villages, by species (pure)."""
    totals: dict[str, dict] = {}
    for row in rows:
        total = totals.setdefault(
            row["species"],
            {
                "species": row["species"],
                "pledged": 0,
                "planted": 0,
                "needed": 0,
                "arrived": 0,
                "delivered": 0,
                "villages": 0,
            },
        )
        for key in ("pledged", "planted", "needed", "arrived", "delivered"):
            total[key] += int(row[key] or 0)
        total["villages"] += 1
    return sorted(totals.values(), key=lambda r: (-r["needed"], r["species"]))


def batch_problem(
    village: dict | None, species: str | None, count: int | None, status: str, pickup_date: str, place: str
) -> str | None:
    """The admin.pledges message key of what is wrong with a batch form, or None (pure)."""
    if village is None or not species:
        return "admin.pledges.bad_village_species"
    if count is None or not 0 < count <= nlu.MAX_COUNT:
        return "admin.pledges.bad_count"
    if status not in store.BATCH_STATUSES:
        return "admin.pledges.bad_status"
    try:
        date.fromisoformat(pickup_date)
    except ValueError:
        return "admin.pledges.bad_date"
    if status == store.ARRIVED and not place.strip():
        return "admin.pledges.place_needed"
    return None


def record_batch(
    app,
    db,
    *,
    village_id: int,
    species: str,
    count: int,
    status: str,
    pickup_date: str,
    place: str,
    by: str,
    now: datetime,
) -> tuple[int, int]:
    """A batch of seedlings for a village; when it arrived (已到), every pledger of that village and species who
    still needs trees of it is told where and from when to collect them. (batch id, notices queued)."""
    batch_id = store.insert_batch(
        db,
        village_id=village_id,
        species=species,
        count=count,
        status=status,
        pickup_date=pickup_date,
        place=place.strip(),
        by=by,
        now=clock.to_db(now),
    )
    told = tell_pledgers(app, db, batch_id, now) if status == store.ARRIVED else 0
    return batch_id, told


def tell_pledgers(app, db, batch_id: int, now: datetime) -> int:
    """Seedlings arrived: a notice to each pledger still needing them; once per (batch, pledge)."""
    batch = store.batch(db, batch_id)
    assert batch is not None  # the batch just recorded
    day = date.fromisoformat(batch["pickup_date"])
    queued = 0
    for row in store.pledgers_to_tell(db, batch["village_id"], batch["species"]):
        text = app.t(
            "pledges.seedlings_arrived",
            name=row["person"],
            species=planting.display_name(app, batch["species"]),
            needed=row["needed"],
            place=batch["place"],
            day=f"{day.month}月{day.day}日",
        )
        queued += queue_notice(
            db, app.config, openid=row["openid"], text=text, key=f"seedlings:{batch_id}:{row['id']}", now=now
        )
    return queued


def hand_out(db, batch_id: int, by: str, now: datetime) -> bool:
    return store.hand_out(db, batch_id, by, clock.to_db(now))


# -- the job and the report ------------------------------------------------------------------------------
def pledge_nudges(app, now: datetime) -> dict:
    """Job: in a pledge's month, one nudge to each household that has not planted that species yet."""
    month = nudge_due(app.config, now)
    if month is None:
        return {"queued": 0, "over_weekly_cap": 0}
    queue = ReminderQueue(app, now)
    year = int(app.config.get("campaign.year"))
    with transaction(app.db):
        for row in store.to_nudge(app.db, month):
            text = app.t(
                "pledges.nudge",
                name=row["person"],
                count=row["count"],
                species=planting.display_name(app, row["species"]),
                month=month,
            )
            queue.put(row["openid"], "reminder", text, f"pledge-nudge:{row['id']}:{year}-{month:02d}")
    return queue.report()


def pledged_households(db, config, until: str) -> dict[int, int]:
    """Report column 认领户数: village id -> households with a pledge standing at the end of the month."""
    return store.pledged_households(db, until)
