"""Round 40: village matters, the village's to answer, not an adviser's: leave from the planting day (下礼拜三村里种树我去
不了 能请假吗), how seedlings are shared out and where they are collected (分树苗是按户分还是按人分), who in the village
runs the campaign (村里谁管). The sender is given the village's answer path: its cadres by name and role from the
roster, or the campaign office when the roster names none (or the sender's village is not known). No ticket: the
adviser answers questions about trees, never the village's arrangements. A technical question (a symptom, how to plant)
stays the adviser's whatever else it says (龙眼树长虫了找谁)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping

from bot import nlu

LEAVE, SEEDLINGS, WHO = "leave", "seedlings", "who"
# each topic's reply (the first line; then whom to ask)
REPLIES = {LEAVE: "village.leave", SEEDLINGS: "village.seedlings", WHO: "village.who"}
MAX_NAMED = 3
MAX_CHARS = 40

# leave from the planting day: 请假 said, or not going asked as allowed
_LEAVE_RE = re.compile(
    r"请假|请个假|请下假|告假"
    r"|(?:可以|可不可以|可唔可以|能不能|能否|得唔得|行不行|好不好)(?:不|唔)(?:去|参加|嚟|来)"
    r"|(?:不|唔)(?:去|参加)(?:可以|得|行)(?:吗|唔得|不得|不行|么|冇)"
    # round 56: declined, the day named ('明天的活动我不参加了', '礼拜六种树我唔去啦')
    r"|(?:不|唔)(?:想|去)?(?:去|参加)(?:了|啦|喇|咯)?$"
    r"|(?:去不了|去唔到|去唔倒|去唔了|来不了|嚟唔到|来唔到|参加不了|参加唔到|去不成)"
    r".{0,8}?(?:怎么办|点算|点搞|点办|找谁|跟谁|同边个|问谁|会不会|会唔会|扣分|有冇问题|有没有问题|要不要紧|得唔得|行不行)"
)
# what the leave is from: the village's planting (not any outing)
_PLANTING_DAY_RE = re.compile(r"种树|植树|活动|义务|劳动|那天|嗰日|嗰日|当天|礼拜|星期|周[一二三四五六日天]|村里|村委")
# how seedlings are shared out (按户 or 按人), or whom to ask for them, or none come yet; where and when they are collected,
# and whether they cost, are the FAQ's (earlier rounds' probes: '树苗去哪里领啊', '苗什么时候发')
_SEEDLINGS_RE = re.compile(
    r"(?:按户|按人|按人头|按家|按户口)[^，。,\s]{0,3}?(?:分|发|派)|(?:分|发|派)[^，。,\s]{0,3}?(?:按户|按人|按家)"
    r"|(?:树苗|苗木|苗)[^，。,\s]{0,6}?(?:没分到|未分到|冇分到|还没分|仲未分|还没发|还未发|仲未发|没领到|冇领到)"
)
_SEEDLINGS_WHO_RE = re.compile(
    r"(?:分|发|派|领)(?:树苗|苗木|苗)[^，。,\s]{0,4}?(?:找谁|找边个|问谁|问边个|谁管|边个管|谁负责)"
    r"|(?:树苗|苗木|苗)[^，。,\s]{0,4}?(?:找谁|找边个|问谁|问边个|谁管|边个管|谁负责)"
)
# who in the village runs it: the village asked who ('村里谁管', '找村里哪个'), or who runs the planting's tasks ('村里的种树
# 任务是谁负责的'); not a bare 找谁 ('中学生来村里种树，学校要证明，找谁开' is the FAQ's on volunteers)
_WHO_RE = re.compile(
    r"(?:村里|村委|村上|村入面|我们村|我哋村|本村)[^，。,\s]{0,4}?(?:谁管|谁负责|边个管|边个负责|哪个管|找谁|找边个|找哪个|问谁|问边个)"
    r"|(?:找村里|问村里)(?:哪个|边个|谁|哪位)"
    r"|(?:种树|植树|任务|请假)[^，。,\s]{0,6}?(?:谁管|谁负责|边个管|边个负责)"
)
# the trees' own trouble or care: the adviser's (a ticket, or the FAQ)
# the campaign's rules asked ('党员几多岁以上可以唔参加植树活动呢'): the FAQ's
_RULE_RE = re.compile(r"岁|年纪|年龄|规定|要求|政策|文件")
_TECHNICAL_RE = re.compile(
    r"虫|病|死|枯|黄|烂|斑|叶|果|根|施肥|肥料|浇水|淋水|修剪|打药|农药|嫁接|怎么种|点种|种法|种几深|挖|穴|成活|活唔活|补种|补领"
)


# round 56: the routes of a planting day: '我不参加了' just after one of them is leave from that day (handlers/village.py)
PLANTING_DAY_ROUTES = frozenset(
    {"event_scene", "event_join", "event_join_code", "event_asked", "event_place_or_presence", "event_attended"}
)


def matter_said(text: str) -> str | None:
    """LEAVE, SEEDLINGS or WHO when ``text`` asks a village matter (``_LEAVE_RE`` …); None for anything else, for a
    technical question and for the campaign's rules, whatever else it says."""
    norm = nlu.to_halfwidth(text or "").strip()
    if not norm or len(norm) > MAX_CHARS or norm.startswith("问专家") or _TECHNICAL_RE.search(norm):
        return None
    if _RULE_RE.search(norm):
        return None
    if _LEAVE_RE.search(norm) and _PLANTING_DAY_RE.search(norm):
        return LEAVE
    if _SEEDLINGS_RE.search(norm) or _SEEDLINGS_WHO_RE.search(norm):
        return SEEDLINGS
    if _WHO_RE.search(norm):
        return WHO
    return None


def contacts(people: Iterable[Mapping], t: Callable[..., str]) -> str:
    """'陈建国（村书记）、李红（村干部）': the cadres named, at most ``MAX_NAMED``; '' when there are none."""
    named = [t("village.contact", name=p["name"], role=p["role"]) for p in list(people)[:MAX_NAMED]]
    return "、".join(named)
