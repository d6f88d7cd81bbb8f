"""Who asks, said by the one who writes: the go-between's words left out of a question (FAQ round 80, set BJ).

A villager writes for a parent away at work, a grandmother, a neighbour with no phone or a teacher: '邻居阿伯冇手机托我问
佢屋企要种几多棵', '帮阿公问下 龙眼树要唔要剪枝', '三角梅几时开花 我阿嫲叫我问'. Those words say who asks, never what
is asked; read with the question they had sent it elsewhere: 邻居 to the dispute rule (a quarrel with a neighbour), 帮阿公
to doing things for others (``bot.proxy``), 阿爷 to a memorial tree. ``without_go_between`` gives the question without
them: a clause that is only the go-between (with the neighbour's having no phone, said beside it) is dropped, and the
go-between said first or last in a clause is cut off. What the relative has or does stays ('帮我阿爸绑定 佢冇微信',
'我帮阿妈报种咗两棵': no 问 of the go-between, the words are the question); a phone lacked with no go-between's 问
('隔篱阿伯冇手机 我帮佢登记得唔得') is the proxy's own question and stays.

Round 96 (set BV, voice messages): the frame a speaker puts around the question is who writes too. ``without_closing``
drops the clauses that only close a message ('唔该晒', '你话我知啦', '嗯 就这样', '我等你回复'); ``asked_part`` gives
what follows the last words that announce the question ('我就想问', '佢想知', '叫我问你'), or a first clause that only
says who writes ('我是家庭主妇，…'), with what came before it: the caller (``FaqIndex.match``) reads the part alone only
when the whole was too unsure to answer. Their words are data (matching.toml ``[who_asks]``).
"""

from __future__ import annotations

import re

# who the question is for: a relative, a neighbour, a teacher, a cadre, a colleague (raw text: Cantonese and Mandarin)
_WHO = (
    r"(?:(?:邻居|隔壁|隔篱|隔离|对面)(?:的|嘅|家的|家|屋|屋企)?)?(?:我(?:的|嘅|个|家|屋企|哋)?)?"
    r"(?:老人家|爸爸|妈妈|爷爷|奶奶|外婆|外公|婆婆|公公|伯伯|叔叔|阿姨|老人|老师|班主任|校长|书记|支书|村长|主任|组长|队长"
    r"|老板|老细|领导|同事|朋友|亲戚|孙子|孙女|孙仔|儿子|女儿|个仔|个女|老公|老婆|老伴|老豆|老母|五保户|阿[爸妈爷嫲嬷婆公伯叔婶姨姑舅奶哥姐嫂]"
    r")?"
)
_THEY = r"(?:佢哋|佢|它们|他们|她们|它|他|她|人哋)"
_ASK = r"(?:问|打听)(?!题)(?!(?:一下|一吓|下|吓|问)?(?:专家|顾问|技术员|人工|咗|了|过|到))(?:一下|一吓|下|吓|问|清楚|一声|声|明白)?"
# '托我问', '叫我帮佢问下', '阿妈叫我问', '佢哋叫我帮手问下'
_ASKED_ME = rf"{_WHO}{_THEY}?(?:叫|让|托|要|喊|请|拜托)(?:咗|了)?我(?:帮|替|同)?(?:{_THEY}|手|忙)?{_ASK}"
# '帮阿公问下', '我帮佢问', '替我外公问一声', '帮我问下'
_FOR_THEM = rf"我?(?:帮|替|代)(?:我)?{_WHO}{_THEY}?{_ASK}"
_RELAY = rf"(?:{_ASKED_ME}|{_FOR_THEM})"
_NO_PHONE = rf"{_WHO}{_THEY}?(?:冇|没有|没|无|唔识用|不会用|不识用|唔会用)(?:智能)?(?:手机|微信)"
_END = r"[啦喇呀啊吖嘅咯的]*"  # round 96: '我老婆叫我问的'

_RELAY_CLAUSE_RE = re.compile(rf"(?:{_NO_PHONE})?{_RELAY}{_END}")
_NO_PHONE_CLAUSE_RE = re.compile(rf"{_NO_PHONE}{_END}")
_RELAY_FIRST_RE = re.compile(rf"^(?:{_NO_PHONE})?{_RELAY}")
_RELAY_LAST_RE = re.compile(rf"{_RELAY}{_END}$")
_PAUSE_RE = re.compile(r"([\s,，。.!！?？;；、~～…]+)")
_MIN_LEFT = 4  # characters of the question left, else the words are kept (nothing else was asked)
# the merge with round 79: what is asked is a thing done for them ('阿伯冇手机 托我问点样帮佢报种树'): the whole text is
# the proxy's question (bot.proxy), the phone they lack with it
_DONE_FOR_THEM_RE = re.compile(rf"(?:帮|替|代)(?:{_THEY})(?!问|打听)")


def without_go_between(question: str) -> str:
    """``question`` without the go-between's words (module doc), or as written when none are said or too little is
    left to be a question."""
    if _DONE_FOR_THEM_RE.search(question):
        return question
    parts = _PAUSE_RE.split(question)
    clauses, relayed, kept = parts[0::2], False, []
    for clause in clauses:
        if clause and _RELAY_CLAUSE_RE.fullmatch(clause):
            relayed = True
            kept.append("")
            continue
        first = _RELAY_FIRST_RE.match(clause)
        if first and len(clause) - first.end() >= 2:
            relayed = True
            clause = clause[first.end() :]
        else:
            last = _RELAY_LAST_RE.search(clause)
            if last and last.start() >= 2:
                relayed = True
                clause = clause[: last.start()]
        kept.append(clause)
    if not relayed:
        return question
    kept = ["" if _NO_PHONE_CLAUSE_RE.fullmatch(clause) else clause for clause in kept]
    text = " ".join(clause for clause in kept if clause)
    return text if len(re.sub(r"\W", "", text)) >= _MIN_LEFT else question


def without_closing(question: str, closing: re.Pattern) -> str:
    """``question`` without the clauses at its end that only close the message (``closing`` matches a whole clause), or
    as written when too little would be left (round 96)."""
    parts = _PAUSE_RE.split(question.strip())
    clauses = parts[0::2]
    end = len(clauses)
    while end > 1 and (not clauses[end - 1] or closing.fullmatch(clauses[end - 1])):
        end -= 1
    if end == len(clauses):
        return question
    text = "".join(parts[: 2 * end - 1])
    return text if len(re.sub(r"\W", "", text)) >= _MIN_LEFT else question


def asked_part(question: str, asking: re.Pattern, who_writes: re.Pattern) -> tuple[str, str] | None:
    """(what came before, the question) when the message announces its question (``asking``: the last such words) or
    opens with a clause that only says who writes (``who_writes``, a whole first clause before a pause); None when
    neither, or too little follows (round 96)."""
    found = list(asking.finditer(question))
    if found:
        cut = found[-1]
        before, after = question[: cut.start()], question[cut.end() :]
    else:
        parts = _PAUSE_RE.split(question.strip(), maxsplit=1)
        if len(parts) < 3 or not who_writes.fullmatch(parts[0]):
            return None
        before, after = parts[0], parts[2]
    after = after.strip(" \t,，。.!！;；、~～…")
    return (before, after) if len(re.sub(r"\W", "", after)) >= _MIN_LEFT else None


def note_told(question: str, norm: str, note: re.Pattern, is_question: bool) -> bool:
    """Round 98: a visit note, not a question: someone's trees looked at, then what he or she was told to do (``note``
    reads the normalised text, matching.toml ``[who_asks] note``: '今日睇咗陈大伯啲荔枝 长得好 叫佢淋水'). It asks
    nothing; with a question anywhere ('…使唔使叫佢淋水') the question is read."""
    return bool(question.strip()) and not is_question and bool(note.search(norm))
