"""Issue #17 §5: a wish to take on one of the campaign's duties read as one frame, WHO × ACT × OBJECT (with the amount
and month of trees, negated or not), the wrappers around it left out: politeness, fillers, particles, a may-I question.
The words are data (messages/request_frames.toml); the duty readers (bot/nlu.py, bot/pledges.py) ask the frame what
they need instead of one regex per phrasing.

Pure: the text given is already ``nlu.normalize``d (Cantonese and Hakka read as Mandarin, spaces gone), so this module
imports nothing of the bot's; frames75: with the sender's pauses put back as '，' where the readers have the text as sent
(``nlu.clause_marked``, ``nlu.request_frame``), each a clause's end."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

DATA_FILE = Path(__file__).resolve().parent.parent / "messages" / "request_frames.toml"
_PUNCTUATION = " \t\r\n,，、;；。!！~～?？…"
_NUMERALS = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_AMOUNT_RE = re.compile(r"(\d{1,3}|[一两二三四五六七八九十]{1,3})(?:棵|株)")
# conv98 (22s: '能不能不要再发了' had lost its 不要): the character after the question is never a refusal's first
_A_NOT_A_RE = re.compile(r"([\u4e00-\u9fff])[不没]\1(?:(?![不没别莫甭勿])[\u4e00-\u9fff])?|有没有")
_SENDING = ("receive", "send", "switch_off")  # the acts of the reminders: messages received, sent, switched off
_SIGN_UP_WORDS = ("参加", "报名", "报名参加", "报个名")  # joining said, never going alone ('我也想去': where?)
# round 99 (22t: '报名参加党员义务植树日 谢谢'): signing up is asked by its own word, as an order, the day named
_SIGN_UP_ASKED = ("报名", "报名参加", "报个名")
# a negation before the act: the refusals ('不要', '别', '甭', read by nlu's reminders-off too) and the others
_NEGATIONS = ("modal", "negations", "refusals")
_MONTH_RE = re.compile(r"(1[0-2]|0?[1-9]|十[一二]|[一二三四五六七八九十])月")


@dataclass(frozen=True)
class Clause:
    """One clause read: who, act ('' for none), object ('' for none) and the rest."""

    who: str = ""
    act: str = ""
    negated: bool = False
    wished: bool = False
    object: str = ""
    asked: bool = False
    others: bool = False  # frames76: the sender with others ('我和老婆', '阿妈同我', '我们两个'): who is self
    word: str = ""  # the act's word ('参加', '去')
    complaint: bool = False
    done: bool = False  # the act told done ('我去年参加了')
    not_yet: bool = False  # the act told not done ('我没有收到', '还没认领')
    may: bool = False  # who may do it ('可以认领')
    whole: bool = False  # nothing in it but the frame's words and wrappers
    after_all: bool = False  # said after all ('还是', '都是', '算了' before the act)
    slip: bool = False  # a slip or a sorry said before the act ('搞错咗', '唔好意思')
    go_on: bool = False  # round 95: the act to go on as before, just before it ('照收', '继续发')
    cannot: bool = False  # tidy84: negated by cannot after the act ('关不掉'), no refusal


@dataclass(frozen=True)
class Frame:
    """A request: who asks it of whom (self, other, village, asked: '哪个党员'), the act (join, take_on, receive, send,
    leave, delete), its object (planting_day, zone, reminders, data), the trees' amount and month, whether the act is
    negated, the request asked as a question (a may-I question is no question), and said with nothing else."""

    who: str = ""
    act: str = ""
    object: str = ""
    amount: int | None = None
    month: int | None = None
    negated: bool = False
    wished: bool = False
    asked: bool = False
    complaint: bool = False
    done: bool = False
    not_yet: bool = False
    may: bool = False
    whole: bool = False
    after_all: bool = False
    slip: bool = False  # in the request's clause or one before it
    go_on: bool = False  # round 95: the request's act to go on as before ('照收提醒')
    cannot: bool = False  # tidy84: negated by cannot after the act ('通知关不掉'), no refusal
    # tidy84: the stopping refused or the keeping said in a clause before the request's ('提醒别停 我要收')
    kept_before: bool = False
    others: bool = False  # the sender with others (frames76: '我和老婆都想参加')
    word: str = ""  # the act's word
    clauses: int = 0


@cache
def _data() -> dict[str, Any]:
    return tomllib.loads(DATA_FILE.read_text(encoding="utf-8"))


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


@cache
def _families(table: str) -> tuple[re.Pattern, dict[str, str]]:
    """One regex over every word of a table's families (longest first), and each word's family."""
    families = {word: family for family, words in _data()[table].items() if isinstance(words, list) for word in words}
    return re.compile(_alternation(list(families))), families


def words(table: str, *keys: str) -> str:
    """The words of ``table``'s ``keys`` as one alternation (longest first), for a reader outside the frame that shares
    them (tidy78: ``nlu._STOP_SENDING_RE`` reads ``[modal] refusals``)."""
    return _alternation([word for key in keys for word in _data()[table][key]])


@cache
def _words(table: str, *keys: str) -> re.Pattern:
    return re.compile(words(table, *keys))


@cache
def _wrappers() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    wrappers = _data()["wrappers"]
    before = re.compile(rf"^(?:{_alternation(wrappers['please'] + wrappers['you'] + wrappers['before'])})+")
    may_i = re.compile(rf"(?:{_alternation(wrappers['may_i'])})$")
    inner = [p for p in wrappers["particles"] if len(p) == 1 and p not in "先定住"]  # these say something inside
    return before, may_i, re.compile(rf"[{''.join(inner)}]+(?=[\u4e00-\u9fff])")


@cache
def _where_may_starts() -> re.Pattern:
    """Where a where-may question starts inside a clause ('…管树|哪里可以揽一片', '…管护|我在哪里可以领一块')."""
    where, may = _words("question", "where_may").pattern, _words("modal", "may").pattern
    return re.compile(rf"(?<=[\u4e00-\u9fff])((?:我们|我)?(?:在)?(?:还有|还)?(?:{where})(?:还|都)?(?:{may}))")


def _trailing(text: str) -> str:
    particles = _data()["wrappers"]["particles"]
    while text and text[-1] in "".join(particles) + "了":
        text = text[:-1]
    return text


def without_politeness(norm: str) -> str:
    """``norm`` without the politeness said before a request (``[wrappers]``: '唔该', '麻烦你', '请', '你好'), for the
    readers of a request outside the frame (conv88: '唔该列出未答嘅提问', the adviser's questions listed)."""
    return _wrappers()[0].sub("", norm) if norm else norm


def clauses(norm: str) -> tuple[list[str], bool]:
    """The text's clauses, its wrappers left out, and whether a may-I question wrapped it ('…可不可以')."""
    before, may_i, breaks = _wrappers()
    text = norm.strip(_PUNCTUATION)
    asked_may = False
    # a complaint ends its clause too ('你们每天发这么多好烦不想收了')
    text = re.sub(rf"({_words('complaint', 'words').pattern})(?=[\u4e00-\u9fff])", r"\1，", breaks.sub("，", text))
    # round 86: so does what is said before a where-may question ('…分片管树哪里可以揽一片')
    text = _where_may_starts().sub(r"，\1", text)
    parts = [p for p in re.split(f"[{re.escape(_PUNCTUATION)}]+", text) if p]
    kept = []
    for part in parts:
        part = _trailing(part)
        stripped = may_i.sub("", part)
        asked_may = asked_may or stripped != part
        part = _trailing(before.sub("", stripped))
        if part:
            kept.append(part)
    return kept, asked_may


def _leftover(text: str, found: list[re.Match | _Act | _Who | None]) -> str:
    spans = sorted((m.start, m.end) if isinstance(m, (_Act, _Who)) else m.span() for m in found if m)
    rest, last = [], 0
    for start, end in spans:
        rest.append(text[last:start])
        last = max(last, end)
    rest.append(text[last:])
    left = _families("who")[0].sub("", "".join(rest))
    for table, *keys in (("modal", "words"), _NEGATIONS, ("modal", "not_yet"), ("wrappers", "adverbs")):
        left = _words(table, *keys).sub("", left)
    return re.sub(r"[的了个一块]", "", left)


@cache
def _objects_only() -> re.Pattern:
    """The objects' words that are no act's (推送 is both): no act is read inside them."""
    acts = _families("act")[1]
    return re.compile(_alternation([word for word in _families("object")[1] if word not in acts]))


@dataclass(frozen=True)
class _Act:
    start: int
    end: int
    word: str
    name: str


def _act_found(text: str, found_object: re.Match | None, object_name: str) -> _Act | None:
    """The clause's act: its word, outside the objects' words (frames75: 管护区 is a zone, 分片 the zones' pieces); or,
    with none, the reminders wanted said of themselves ('我仲要提醒', '要返通知': received; '提醒我': sent), at the
    object."""
    acts, act_of = _families("act")
    masked = _objects_only().sub(lambda m: "\u3000" * len(m.group()), text)
    # conv111 (23h: '发错咗 我仲要提醒㗎'): a slip's verb is no act ('发错': sent wrong, never the sending asked)
    masked = _words("modal", "slip").sub(lambda m: "\u3000" * len(m.group()), masked)
    found = acts.search(masked)
    if found:
        return _Act(found.start(), found.end(), found.group(), act_of[found.group()])
    if text.endswith(("关", "停")) and not text.endswith(("有关", "相关", "无关")):
        return _Act(len(text) - 1, len(text), text[-1], "switch_off")  # frames76: '…好烦，点关', '先停'
    if not found_object or object_name != "reminders":
        return None
    # tidy84: 关 or 停 just before the reminders, whose they are between ('别关我的提醒', '停埋啲通知')
    # (never 有关, 开关, nor 不停: the reminders without end, '日日不停提醒')
    bare = re.search(
        r"(?<![不没有相无机开公过攸难])[关停](?:我的|我们的|我|这些|那些|些|个|的)?$", text[: found_object.start()]
    )
    if bare:
        return _Act(bare.start(), bare.start() + 1, bare.group()[0], "switch_off")
    between = _words("modal", "object_between").pattern
    at = found_object.start()
    if re.search(rf"(?:{_words('modal', 'words').pattern})(?:{between})?$", text[:at]):
        return _Act(at, at, "", "receive")
    if _words("modal", "object_me_after").match(text, found_object.end()):
        return _Act(at, at, "", "send")
    return None


@dataclass(frozen=True)
class _Who:
    start: int
    end: int
    name: str
    others: bool


def _who_found(text: str, act: _Act | None) -> _Who | None:
    """The clause's who, before its act when one is named before it (frames76: several said together, the sender among
    them, are the sender with others: '我和老婆都想参加', '阿妈同我一齐去', '我们两个都去', [together])."""
    whos, who_of = _families("who")
    found = whos.search(text)
    if act and found and found.start() >= act.end:
        found = whos.search(text[: act.start]) or found
    if not found:
        return None
    name, start, end = who_of[found.group()], found.start(), found.end()
    # for one's own relative ('帮我老公报个名': 帮我 then 我老公; '帮我阿妈…') is theirs
    mine = name == "self" and found.group().endswith("我")
    kin = mine and (whos.match(text, end - 1) or whos.match(text, end))
    if kin and who_of[kin.group()] == "other":
        name, end = "other", kin.end()
    names = {name}
    joined = re.compile(rf"(?:{_words('together', 'joined_by').pattern})(?:{whos.pattern})")
    while (more := joined.match(text, end)) and (not act or more.end() <= act.start):
        names.add(who_of[whos.search(more.group()).group()])  # type: ignore[union-attr]
        end = more.end()
    if name == "self" and (more := _words("together", "after").match(text, end)):
        names.add("other")
        end = more.end()
    if "self" in names and len(names) > 1:
        return _Who(start, end, "self", True)
    return _Who(start, end, name, False)


@cache
def _answers_named() -> re.Pattern:
    """An adviser's answers named by who sends them ('专家的消息', '专家发的消息', '顾问的回复'; [answers])."""
    answers = _data()["answers"]
    by, between, said = (_alternation(answers[key]) for key in ("by", "between", "said"))
    return re.compile(rf"(?:{by})(?:{between})?(?:{said})")


def read_clause(text: str) -> Clause:
    """What one clause (wrappers out) says of a request."""
    objects, object_of = _families("object")
    found_object = objects.search(text) or re.search(_data()["object"]["zone_names"], text)
    object_name = object_of.get(found_object.group(), "zone") if found_object else ""
    found_act = _act_found(text, found_object, object_name)
    # tidy77: an adviser's answers received or sent ('我不想收到专家的消息', '我唔要顾问嘅消息': wanted of themselves) are
    # no reminders
    answers = _answers_named().search(text)
    unnamed = text[: answers.start()] + "\u3000" * len(answers.group()) + text[answers.end() :] if answers else text
    answers_act = _act_found(unnamed, answers, "reminders") if answers else None  # '专家发的消息我不想收': 收
    if answers and answers_act and answers_act.name in _SENDING:
        found_object, object_name, found_act = answers, "answers", answers_act
    if object_name == "things":  # tidy77: things sent or received are the reminders ('以后咪再发嘢俾我')
        object_name = "reminders" if found_act and found_act.name in _SENDING else ""
    if object_name == "messages":  # frames76: the reminders received, sent or switched off; one's data else
        object_name = "reminders" if found_act and found_act.name in _SENDING else "data"
    found_who = _who_found(text, found_act)
    before = _A_NOT_A_RE.sub("", text[: found_act.start]) if found_act else ""
    before = _words("wrappers", "adverbs").sub("", before)
    wished = bool(found_act and _words("modal", "words").search(before[-3:]))
    # frames75: asked for oneself ('给我分一块'), a may-I before the act ('可不可以分一块…'), a piece taken ('我认一块')
    wished = wished or bool(
        found_act
        and (
            _words("modal", "for_me").search(text)
            or _words("wrappers", "may_i").search(text[: found_act.start])
            or _words("modal", "piece_after").match(text, found_act.end)
            or _words("modal", "piece_after").search(found_act.word)
            or not found_act.word  # the reminders wanted, or reminding asked, said of themselves
        )
    )
    may = bool(found_act and _words("modal", "may").search(before[-3:]))
    before = _words("modal", "words").sub("", before)
    # frames76: the sender, and always, left out between the refusal and the act ('别再给我推消息了', '别老给我发通知')
    refused = _words("wrappers", "adverbs").sub("", _words("who", "self").sub("", before))
    negated = bool(found_act and re.search(rf"(?:{_words(*_NEGATIONS).pattern})$", refused))
    # frames75: or cannot, after the act ('我去不到', Cantonese 去唔到: the pause before it kept, nothing asks it)
    cannot = bool(found_act and _words("modal", "cannot_after").match(text, found_act.end))
    negated = negated or cannot
    not_yet = bool(found_act and re.search(rf"(?:{_words('modal', 'not_yet').pattern})$", before))
    question = re.sub(r"可不可以|可以不可以|行不行|得不得|好不好", "", text)
    return Clause(
        who=found_who.name if found_who else "",
        others=bool(found_who and found_who.others),
        act=found_act.name if found_act else "",
        word=found_act.word if found_act else "",
        negated=negated,
        not_yet=not_yet,
        may=may,
        wished=wished,
        object=object_name,
        # an A-not-A question asks ('我今年67岁党员还要不要参加义务种树'), the may-I ones left out before
        asked=bool(_words("question", "words").search(question) or _A_NOT_A_RE.search(question)),
        complaint=bool(_words("complaint", "words").search(text)),
        # tidy84: a 了 after an act refused is the clause's particle, never the act done ('不要再发了')
        done=bool(
            found_act
            and (
                (text[found_act.end : found_act.end + 1] in _data()["done"]["after"] and not negated)
                or _words("done", "before").search(text)
            )
        ),
        # frames75: after all ('都系收返通知好'), a slip or a sorry ('搞错咗 我要返提醒')
        after_all=bool(found_act and _words("modal", "after_all").search(text[: found_act.start])),
        slip=bool(_words("modal", "slip").search(text[: found_act.start] if found_act else text)),
        go_on=bool(found_act and re.search(rf"(?:{_words('modal', 'go_on').pattern})$", text[: found_act.start])),
        cannot=cannot,
        whole=not _leftover(text, [found_act, found_who, found_object]),
    )


def _number(numerals: str) -> int | None:
    if numerals.isdigit():
        return int(numerals)
    if numerals.startswith("十"):
        return 10 + _NUMERALS.get(numerals[1:], 0) if len(numerals) <= 2 else None
    if len(numerals) == 1:
        return _NUMERALS.get(numerals)
    return None


@lru_cache(maxsize=1024)  # pure, and asked of one message by up to five duty readers on the webhook's path
def read(norm: str) -> Frame:
    """The frame of a ``normalize``d text: the last clause with an act is the request, its who and object (when it
    names none) from the clauses before ('我们村有没有种树活动啊 我想去': the day asked after, then the going)."""
    texts, asked_may = clauses(norm or "")
    read_ = [read_clause(text) for text in texts]
    acting = [i for i, clause in enumerate(read_) if clause.act]
    if not acting:
        return Frame(clauses=len(texts))
    last = acting[-1]
    # frames75: a last act naming nothing, neither wished nor refused, tells what the wish before it is for
    # ('…责任区分一块给我吧 我负责浇水')
    # frames76: or, with none such, what a refusal before it names is refused, the last act the reason
    # ('停发提醒，我出去工作了，没有时间看')
    if not (read_[last].object or read_[last].wished or read_[last].negated):
        same = [i for i in acting if read_[i].wished and read_[i].act == read_[last].act]
        refused = [i for i in acting[:-1] if read_[i].object and read_[i].negated]
        last = (same or refused or [last])[-1]
    main = read_[last]
    earlier = read_[:last][::-1]
    obj = main.object or next((c.object for c in earlier if c.object), "")
    complaint = any(c.complaint for c in read_)
    if not obj and complaint and any(c.act == "send" for c in read_):
        obj = "reminders"  # the bot's sending complained of: the reminders ('每日都发好烦啊 唔想收')
    # tidy84: or its sending refused and a stop said, nothing named ('别再发了 停了吧', '停了吧 别再发了')
    if (
        not obj
        and any(c.act in ("send", "receive") and c.negated and not c.cannot for c in read_)
        and any(c.act == "switch_off" and not c.negated for c in read_)
    ):
        obj = "reminders"
    amount = _AMOUNT_RE.search(norm or "")
    month = _MONTH_RE.search(norm or "")
    return Frame(
        who=main.who or next((c.who for c in earlier if c.who), ""),
        act=main.act,
        object=obj,
        amount=_number(amount.group(1)) if amount else None,
        month=_number(month.group(1)) if month else None,
        negated=main.negated,
        wished=main.wished,
        # frames75: a question after the request, in a clause of its own, asks of it ('我想去帮手，要带什么')
        asked=(main.asked or any(c.asked for c in read_[last + 1 :])) and not asked_may,
        complaint=complaint,
        done=main.done or any(_words("done", "now_after").match(text) for text in texts[last + 1 :]),
        not_yet=main.not_yet,
        may=main.may,
        whole=len(texts) == 1 and main.whole,
        after_all=main.after_all,
        slip=any(c.slip for c in read_[: last + 1]),
        go_on=main.go_on,
        cannot=main.cannot,
        kept_before=any(_keeps(c) for c in read_[:last]),
        others=main.others if main.who else any(c.others for c in earlier if c.who),
        word=main.word,
        clauses=len(texts),
    )


# --- what the duty readers ask of a frame -------------------------------------------------------------------------


def names_the_day(norm: str) -> bool:
    """The planting day named among the words ([object] planting_day: '种树活动', '义务种树'; tidy75: 报名 with it is
    the day's, without it a follower's registering)."""
    return bool(_words("object", "planting_day").search(norm or ""))


def joins_the_day(frame: Frame) -> bool:
    """One's going to the planting day ('我们村有没有种树活动啊 我想去'), alone or with others ('我和老婆都想参加': the
    day unnamed, joining or signing up said with nothing else, as '我想参加' is)."""
    return (
        frame.act == "join"
        and (frame.object == "planting_day" or (not frame.object and frame.whole and frame.word in _SIGN_UP_WORDS))
        # never heard of ('听讲可以参加种树活动'); conv98 (22s: '下次村里集体种树算我一个'): or the act's own word says the
        # sender (算我一个, 叫埋我), the day the village's
        and (
            frame.who == "self"
            or (frame.wished and not frame.who)
            or (frame.who == "village" and "我" in frame.word)
            or (not frame.who and frame.object == "planting_day" and frame.word in _SIGN_UP_ASKED)  # round 99
        )
        and not frame.negated
        and not frame.asked
        and not frame.done
    )


def stops_the_reminders(frame: Frame, what: str = "reminders") -> bool:
    """The reminders not wanted, complained of or named ('每日都发好烦啊 唔想收', '别再给我推消息了'), or switched off
    ('麻烦关掉那些通知', '日日提醒好烦 点关'; frames76: round 31's frames moved here), never told done before ('之前关了
    提醒'); someone else's only when complained of ('阿婆话成日收到提醒好烦 点关': her phone, the sender's reminders).
    ``what``: the object stopped (``answers_stopped``)."""
    if frame.object != what or frame.done:
        return False
    if frame.act == "switch_off":
        return not frame.negated and (frame.who in ("", "self") or (frame.who == "other" and frame.complaint))
    # conv98 (22s: '…我阿婆说吵死了能不能不要再发了'): someone else's not wanted when complained of, as switched off
    return (
        frame.act in ("receive", "send")
        and frame.negated
        and (frame.who in ("", "self") or (frame.who == "other" and frame.complaint))
    )


def _keeps(said: Clause | Frame) -> bool:
    """The stopping refused ('唔好停咗佢', '别关'; never cannot: '关不掉') or the keeping said ('留着'), by the act."""
    if said.act == "keep":
        return not said.negated
    return said.act == "switch_off" and said.negated and not said.cannot


def stopping_refused(frame: Frame) -> bool:
    """Tidy84: the reminders kept, their stopping refused ('提醒唔好停咗佢', '别关我的提醒', '日日都发嘢嚟 唔好停咗佢') or
    their keeping said ('提醒还是留着吧'), or so before they are wanted ('提醒别停 我要收'); never asked ('点解唔好关提醒'),
    told done, nor cannot ('通知关不掉')."""
    if frame.object != "reminders" or frame.asked or frame.done:
        return False
    wanted = frame.act in ("receive", "send") and frame.kept_before and not frame.negated and not frame.not_yet
    return _keeps(frame) or wanted


@cache
def _stopping_refused_words() -> re.Pattern:
    table = "stopping_refused"
    return re.compile(rf"(?:{words(table, 'refusals')})(?:再)?(?:{words(table, 'stops')})")


def stopping_refused_at(norm: str) -> list[tuple[int, int]]:
    """Where the stopping of the reminders is refused by its own words, which the frame reads no act in ('我不想退订',
    '唔好取消提醒', '别关通知'; ``[stopping_refused]``): the spans, none if not. With ``stopping_refused`` (the frame's:
    停 refused, the keeping said) the one reader of the reminders kept (nlu.reminders_said, asked_for)."""
    return [found.span() for found in _stopping_refused_words().finditer(norm or "")]


def answers_stopped(frame: Frame) -> bool:
    """tidy77: an adviser's answers not wanted, as the reminders are ('我不想收到专家的消息', '技术员的回复不用发给我了'):
    no reminder, so never 退订 (the reply says how the reminders are switched off, and that an adviser answers only
    one's own questions)."""
    return stops_the_reminders(frame, "answers")


def zone_holders_asked(frame: Frame) -> bool:
    """Who has taken the care zones on ('石岗片和长塘片有哪个党员认领了'); not who may ('…哪些党员可以认领') nor who has
    not ('…哪些党员还没认领')."""
    return (
        frame.act == "take_on"
        and frame.object == "zone"
        and frame.who == "asked"
        and not frame.negated
        and not frame.not_yet
        and not frame.wished
        and not frame.may
    )


def reminders_back(frame: Frame) -> bool:
    """The reminders wanted back after a slip or a sorry ('搞错咗 我要返提醒', '唔好意思 我仲要提醒'), or after all
    ('都系收返通知好', '算了还是提醒我吧'); round 95: or to go on after a slip ('睇错咗 照收提醒'); '我要提醒' alone says
    nothing of before."""
    return (
        frame.act in ("receive", "send")
        and frame.object == "reminders"
        and frame.who in ("", "self")
        and (frame.slip or frame.after_all)
        and (frame.wished or frame.after_all or frame.go_on)
        and not (frame.negated or frame.asked or frame.done or frame.not_yet)
    )


def takes_on_a_zone(frame: Frame) -> bool:
    """A care zone wished to be taken on ('我想包祠堂边嗰块责任区', '涯系党员 要揾块责认区来管'): the list to claim one."""
    return (
        frame.act == "take_on"
        and frame.object == "zone"
        and frame.who in ("", "self")
        and frame.wished
        and not (frame.negated or frame.asked or frame.done)
    )


def zone_declined_or_not_mine(frame: Frame) -> bool:
    """A care zone refused ('我唔想认领责任区') or someone else's wish ('我老公想认领责任区', '佢想认领一块责任区'): no
    list to claim one from, whatever else reads a zone in it."""
    return frame.act == "take_on" and frame.object == "zone" and (frame.negated or frame.who == "other")


def zones_to_take_asked(frame: Frame) -> bool:
    """Where or which care zone one may take on, asked ('我们党员有没有分片管树 哪里可以揽一片'): the list to claim from; not
    who may ('…哪些党员可以认领': who is asked) nor how ('责任区怎么认领': no may)."""
    return (
        frame.act == "take_on"
        and frame.object == "zone"
        and frame.who in ("", "self")
        and frame.asked
        and frame.may
        and not (frame.negated or frame.done or frame.not_yet)
    )


def taken_on_for_them(frame: Frame) -> bool:
    """A pledge asked for someone pointed at, nothing else said ('帮佢认领先', '帮佢登记个认领')."""
    # 登记 (data, as '注销登记' says it) before 认领 is the registering asked ('帮佢登记个认领')
    return (
        frame.act == "take_on"
        and frame.who == "other"
        and frame.object in ("", "data")
        and not frame.negated
        and not frame.asked
    )


def leaving(frame: Frame) -> bool:
    """The campaign left ('我想注销', '删除我的资料', '我唔想参加啦', '我要退出'), said with nothing else."""
    if not frame.whole or frame.asked or frame.who not in ("", "self"):
        return False
    if frame.act == "leave":
        return not frame.negated and frame.object in ("", "data")
    if frame.act == "delete":
        return not frame.negated and frame.object == "data"
    return frame.act == "join" and frame.negated and not frame.object
