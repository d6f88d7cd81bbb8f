"""Adviser escalation: a ticket for each question the bot cannot answer, and the answer's way back.

Life of a ticket (``tickets.status``)::

    open --答 / dashboard--> answered --解决了--> closed
    open --不用问了 / 解决了 (the villager, round 52)--> closed
      ^                         |
      +-- follow-up within escalation.reopen_days
    open or answered --关闭 (dashboard, with a reason)--> closed
      (answered: within escalation.reopen_days only, ending its follow-ups: ``close_means``)
    answered (or closed within reopen_days) --更正--> the same status, the answer corrected
    closed unanswered by its adviser (84号唔使答) --答 by them within reopen_days (round 54)--> answered

An answer is corrected (``correct_answer``: ``更正 <编号> <新的回答>``, ``答 <编号> 更正：…``, the dashboard) by the adviser
who gave it or an admin; every answer and correction is a row of ``ticket_answers`` (who, when), the ticket's ``answer``
the latest; the villager is told (kind ``answer``, dedupe key ``correct:<ticket>:<round>:<row>``; before round 54
``correct:<ticket>:<row>``), and the FAQ entry made of it
(``收录``) answers the corrected text at once, in every process (``_AdviserEntrySync``).

A follow-up reopens the ticket and starts a new round (``reopened_count``; each attachment keeps its
``round``); the round's first attachment is the follow-up question (``follow_up_question``), shown by ``待办``
and the dashboard instead of the original one. Answers are signed ``signature`` (县林业站 王工).
Staff close a ticket that is not a question (``close_ticket``): who and why are kept on the ticket, and
the villager hears of it only when staff write them a message.

Who answers (``choose_adviser``): the least recently assigned adviser linked to the villager's village
(adviser_villages); none linked -> the least recently assigned adviser of all (round-robin); no
advisers -> the campaign admins (people with role 管理员; ``adviser_person_id`` stays NULL). Round 100: a ticket whose
question the FAQ reads as the village's (money, land, …: ``route_for``, messages/escalation_routes.toml) is held by the
village's 村书记, then 村干部 (``choose_cadre``), else the admins; ``tickets.route`` keeps whose it is, and every rule that
hands a ticket on, lets one answer it or counts an adviser's answers follows it (``route_of``, ``holds``).
Every message to advisers and villagers goes through the outbox: notices (kind ``notice``) to the
adviser, after quiet hours (``reminders.queue_notice``), the answer (kind ``answer``, linking the public page
``/answer/<token>``) to the villager at once, night or not: it is the reply to what they asked. A ticket answered
or closed before its notices went (a question at night answered by another adviser or an admin) withdraws them
(``withdraw_notices``): nobody is woken in the morning for a question already answered. A reassigned ticket
withdraws the old owner's waiting notices the same way, before the new owner's notice is queued.

SLA (``check_sla``, a scheduled job): open ``remind_after_hours`` after it was (re)opened -> the adviser
is reminded once; open ``reassign_after_hours`` -> handed to another adviser, or raised to the admins,
once. An owner the roster no longer names 技术顾问, or no longer links to the ticket's village while another adviser
is linked, hands it on at the job's next run (``store.owned_outside_their_villages``), as that one reassignment.
Response time = answered_at - created_at (answered_at is the first answer).

The FAQ index is a shared service (``app.service("faq")``); ``faq_match`` keeps it in step with the
adviser-approved entries in ``faq_entries`` (``收录``), so an entry matches at once, in every process.
"""

from __future__ import annotations

import logging
import re
import secrets
import statistics
import threading
import tomllib
from collections import OrderedDict
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from functools import lru_cache

from bot import clock, conversation, identity, nlu, outbox, planting, reminders
from bot.conversation import Flow
from bot.faq import FaqIndex, FaqResult, display_name, load_offlist_shortened
from bot.follow import Follower
from bot.ids import row_id
from bot.messages import MESSAGES_DIR
from bot.roster import ADMIN, ADVISER, CADRE_ROLES, MASSES
from bot.store import admins as admins_store
from bot.store import inbox as inbox_store
from bot.store import media as media_store
from bot.store import outbox as outbox_store
from bot.store import roster as roster_store
from bot.store import tickets as store

log = logging.getLogger(__name__)

# A bare 问专家 waits for the question {photos: media row ids sent meanwhile}; its table is in
# handlers/escalation.py, its diagram in docs/escalation.md.
ASK_FLOW = Flow("ask_expert", ("waiting_question",), photo_states=("waiting_question",))
# a ticket's route (``tickets.route``): the adviser's (a tree's trouble; NULL on tickets before round 100), the
# village's (money, land …: its cadres, else the admins)
# village's (money, land …: its cadres, else the admins) or the office's (a complaint: the admins, never whom it may be
# about)
ROUTE_ADVISER, ROUTE_VILLAGE, ROUTE_OFFICE = "adviser", "village", "office"
# who may hold a ticket of each route (a holder the roster no longer names so hands it on: ``_reassign``); the office's
# tickets are the admins' (``adviser_person_id`` NULL)
HOLDER_ROLES = {ROUTE_ADVISER: (ADVISER,), ROUTE_VILLAGE: CADRE_ROLES, ROUTE_OFFICE: ()}
QUESTION_PREVIEW_CHARS = 60
ANSWER_CHAT_CHARS = 600  # longer answers are cut in chat; the answer page has them whole

# Said after sending a photo: the photo is the question ("看看这棵树怎么了").
PHOTO_QUESTION_WORDS = (
    "怎么了",
    "咋了",
    "怎么回事",
    "咋回事",
    "看看",
    "看下",
    "看一下",
    "瞧瞧",
    "帮我看",
    "什么病",
    "啥病",
    "什么虫",
    "啥虫",
    "正常吗",
    "是不是病",
    "有救吗",
    "还能活",
    "救活",
    "卷了",
    "蔫了",
    "变色",
)
RESOLVED_WORDS = frozenset({"解决了", "已解决", "问题解决了", "已经解决了", "解决啦", "解决了谢谢", "好了解决了"})

# A new question inside a ticket's 补充 window, or after its answer, joins the ticket only when it is clearly about
# the same tree: it names a tree the ticket names, or names none and reads as a follow-up (``about_same_tree``).
FOLLOW_UP_WORDS = (
    "还有",
    "另外",
    "它",
    "这棵",
    "那棵",
    "这树",
    "那树",
    "这些树",
    "那些树",
    "还是",
    "还在",
    "仍然",
    "依然",
    "以后",
    "之后",
    "照您说",
    "按您说",
    "照你说",
    "按你说",
    "您说的",
    "你说的",
    "顾问说",
)
# What the FAQ says of a text that is a detail for the adviser, not a question of its own: it found no topic. The
# model's reading of a person over an answer ('model', 'dissent') is no topic either (round 36: '系盆栽嚟嘅，上个月先换盆'
# told in a ticket's window is its detail); round 88: nor is an answer the precedents or the model guessed ('unsupported').
DETAIL_REASONS = frozenset(
    {"empty", "not_a_question", "not_covered", "ambiguous", "low_confidence", "model", "dissent", "unsupported"}
)
# Topics that are about no tree (messages/faq/matching.toml [[escalate.classes]]): never a tree's follow-up.
# round 46: subsidy split from money; round 48: whose a tree's fruit is (fruit_owner) is the village's matter, never the
# ticket's tree's trouble ('村道边种的龙眼结果了大家能摘吗' during a ticket on a 龙眼's spots: its own question)
OFF_TREE_REASONS = frozenset({"money", "subsidy", "land", "account", "fruit_owner"})

_PUNCT = " \t\r\n,，.。!！?？:：;；、~～"
_ASK_RE = re.compile(r"^问专家[\s,，:：。、]*(.*)$", re.S)
# a ticket's number: digits, or as voice input writes it, in Chinese numerals ('答，第八十八号，…', '答八十八 …'), then only
# with 第 before or 号 or a pause after ('答一下' is no ticket 1)
_TICKET_NUMBER = rf"(\d+|(?<=第)[{nlu._CN_NUM}]+|[{nlu._CN_NUM}]+(?=\s*号|[\s,，:：]))"
_ANSWER_RE = re.compile(rf"^答[\s,，:：]*[#＃第]?\s*{_TICKET_NUMBER}\s*号?[\s,，:：。]*(.*)$", re.S)
# an answer without 答, from an adviser in a hurry: '84 回答', '84号：回答', '第84号 回答', '回复84 回答' (the
# number must then name a ticket waiting for them: handlers/escalation.py)
_NUMBERED_ANSWER_RE = re.compile(
    rf"^(?:回复|答复|回答|回)?[\s,，:：]*[#＃第]?\s*{_TICKET_NUMBER}\s*(?:号(?:问题)?[\s,，:：。]*|[\s,，:：。]+)(\S.*)$",
    re.S,
)
# 更正 <编号> <新的回答> (also 改正): the answering adviser's (or an admin's) correction of an answered ticket; the number as
# 答 takes it, then 号 or a pause (no count: '更正 3棵' is no ticket 3)
_CORRECT_RE = re.compile(
    rf"^(?:更正|改正)[\s,，:：]*[#＃第]?\s*{_TICKET_NUMBER}\s*(?:号(?:问题)?[\s,，:：。]*|[\s,，:：。]+|$)(.*)$", re.S
)
# 答 <编号> 更正：… / 改正 … : on an answered ticket, a correction (what follows the word is the new answer)
_CORRECTION_WORD_RE = re.compile(r"^(?:更正|改正|纠正)(?:一下|下)?[\s,，:：。、]*(.*)$", re.S)
# sim69: 补充 <编号> <内容> (追加): what the answering adviser adds to an answer sent, the answer kept whole
_SUPPLEMENT_RE = re.compile(
    rf"^(?:补充|追加)[\s,，:：]*[#＃第]?\s*{_TICKET_NUMBER}\s*(?:号(?:问题)?[\s,，:：。]*|[\s,，:：。]+|$)(.*)$", re.S
)
# 答 <编号> 补充：… (84号 补充一下，…): on an answered ticket, an addition (what follows the word is added)
_SUPPLEMENT_WORD_RE = re.compile(r"^(?:再)?(?:补充|追加)(?:一下|下|一句|多句|多一句)?[\s,，:：。、]*(.*)$", re.S)
# an answer without 答 that names its ticket plainly ('回复84 …', '84号：…', '第84号 …'), not a bare number ('84 …')
_MARKED_NUMBER_RE = re.compile(r"^(?:回复|答复|回答|回|[#＃第])|^\S*?号")
_ADD_FAQ_RE = re.compile(rf"^收录[\s,，:：]*[#＃第]?\s*{_TICKET_NUMBER}\s*号?[\s,，:：。]*(.*)$", re.S)
_TOKEN_RE = re.compile(r"^[A-Za-z0-9_-]{20,64}$")


# -- pure helpers ----------------------------------------------------------------------------------
def parse_ask_expert(text: str) -> str | None:
    """``问专家 <问题>`` -> the question ('' for a bare 问专家); None for anything else. Round 68 (20y): the command typed
    by its sound ('问砖家 木棉苗歪咗要唔要撑': ``nlu.command_typos_fixed``, messages/typos.toml [sound]) is the command."""
    text = (text or "").strip()
    if text[:1] == "问" and text[:3] != "问专家" and nlu.command_typos_fixed(text[:3]) == "问专家":
        text = "问专家" + text[3:]
    match = _ASK_RE.match(text)
    if match and nlu.expert_wait_asked(text):
        return None  # round 51: '问专家一般多久回复' asks how long the adviser takes (the FAQ's bot.ticket_wait)
    if match and nlu.expert_how_asked(text):
        return None  # round 82: '问专家怎么问' asks how to ask one (the FAQ's bot.advisers)
    return match.group(1).strip() if match else None


_BARE_COMMAND_RE = re.compile(
    r"^(答|收录)(?:$|[\s,，:：])|^(?:更正|改正)[\s,，:：]+(?![\d零〇一二两三四五六七八九十百])\S"
)


def bare_command(text: str) -> str | None:
    """'答', '收录' or '更正' without a ticket number ('答', '答 叶黄是积水', '更正 是缺铁'): the command word, for its
    usage; not '答应'; a bare '更正' (a planting record's choice, bot/planting.py) or '更正 3棵' is none."""
    match = _BARE_COMMAND_RE.match((text or "").strip())
    if not match:
        return None
    return match.group(1) or "更正"


_A_COUNT_RE = re.compile(r"^\s*(?:棵|株|亩|颗|个)")


def _numbered_command(pattern: re.Pattern, text: str) -> tuple[int | None, str] | None:
    """A ticket's command with its number and words (``更正 84 …``, ``补充 84 …``): (the number, the words); None for
    anything else. A count after the word ('更正 3棵') is no ticket number."""
    match = pattern.match((text or "").strip())
    if not match or _A_COUNT_RE.match(match.group(2)):
        return None
    return _ticket_id(match.group(1)), match.group(2).strip()


def _said_in_answer(pattern: re.Pattern, rest: str) -> str | None:
    """What follows ``答 84`` after the word of ``pattern`` ('更正：…', '补充：…'): '' when nothing follows; None when
    the word is not there."""
    match = pattern.match((rest or "").strip())
    return match.group(1).strip() if match else None


def parse_correct_command(text: str) -> tuple[int | None, str] | None:
    """``更正 84 是缺铁，用硫酸亚铁`` -> (84, '是缺铁，用硫酸亚铁'); None for anything else ('更正 3棵')."""
    return _numbered_command(_CORRECT_RE, text)


def correction_in_answer(rest: str) -> str | None:
    """What follows ``答 84`` when it says it corrects ('更正：是缺铁…', '改正 …'): the new answer ('' when nothing
    follows); None when it does not."""
    return _said_in_answer(_CORRECTION_WORD_RE, rest)


def parse_supplement_command(text: str) -> tuple[int | None, str] | None:
    """Sim69: ``补充 84 要睇相先知`` -> (84, '要睇相先知'); None for anything else (a count is no ticket number)."""
    return _numbered_command(_SUPPLEMENT_RE, text)


def supplement_in_answer(rest: str) -> str | None:
    """What follows ``答 84`` when it says it adds ('补充：要睇相先知'): the addition ('' when nothing follows); None when
    it does not."""
    return _said_in_answer(_SUPPLEMENT_WORD_RE, rest)


def names_ticket_plainly(text: str) -> bool:
    """An answer without 答 that names its ticket plainly ('回复84 …', '84号：…', '第84号 …'), not a bare number first."""
    return bool(_MARKED_NUMBER_RE.match((text or "").strip()))


def parse_answer_command(text: str) -> tuple[int | None, str] | None:
    """``答 12 回答`` -> (12, '回答'); None when the text is not an answer command. The number is None when
    it cannot name a ticket (past SQLite's integers: bot/ids.py)."""
    match = _ANSWER_RE.match((text or "").strip())
    return (_ticket_id(match.group(1)), match.group(2).strip()) if match else None


def _ticket_id(number: str) -> int | None:
    """The ticket's id from its number as written: '88', or as voice input writes it, digit by digit ('幺二':
    ``nlu.spoken_digits``) or as a number ('八十八': ``nlu.chinese_to_int``)."""
    if number.isdigit():
        return row_id(number)
    value = nlu.spoken_digits(number) or nlu.chinese_to_int(number)
    return row_id(str(value)) if value else None


# round 53 (the lead, in the simulator): what follows a ticket's number may be said of the ticket, to the bot, never
# to the villager: '84号答咗未' had been taken for the answer '答咗未', '84号唔系问题 唔使答' for the answer '唔系问题 唔使答',
# and both were sent. Read in a short rest only (an answer is rarely so short and never says these):
# its state asked ('答咗未', '有人答了吗', '回复了没有', '处理好了吗', '怎么样了')
_STATE_ASKED_RE = re.compile(
    r"^(?:问题)?(?:(?:有|有没有|有冇|有无|边个|谁)人?)?(?:答|回答|回复|回|处理|解决|跟进|搞掂|睇)(?:好|完|过)?(?:咗|了)?"
    r"(?:未|吗|没|没有|冇|未呀|未啊|未呢|没呢|冇呀|了没|了没有|咩)[?？。!！]*$"
    r"|^(?:问题)?(?:现在)?(?:怎么样了?|点样了?|进展如何|进展怎么样|什么情况|咩情况|到哪一步了?)[?？。]*$"
)
# no answer needed ('唔使答', '不用回复了', '重复的', '测试', '关闭'): the ticket closed, nothing sent
_DISMISSED_RE = re.compile(
    r"(?:不用|唔使|唔洗|无需|不需要|不必|冇需要|免)(?:再)?(?:答|回答|回复|回(?![填家去来头]))"
    r"|^(?:是|系)?(?:测试|重复)(?:的|嘅|咗|了)?(?:问题)?(?:来的|嚟嘅)?(?:[\s,，。]|$)"
    r"|^(?:关闭|关掉|关咗佢|作废|忽略|删除|删掉)"
)
# someone else's to answer ('转给管理员', '我答唔到 转其他顾问', '唔系我范围'): the ticket passed on
_PASSED_ON_RE = re.compile(
    r"(?:转|转给|转交|转去)(?:其他|别的|第二个|另一个|另外的)?(?:管理员|办公室|顾问|专家|人|别人)"
    r"|(?:交给|交俾|俾|畀|给)(?:其他|别的|第二个|另一个|另外的)?(?:管理员|办公室|顾问|专家)"
    r"|我(?:答|回答|解答|搞)(?:唔到|不了|不到|唔掂)|我(?:唔识|不会|不懂)(?:答|回答|解答)?$"
    r"|(?:不是|唔系)我(?:的|嘅)?(?:专业|范围|领域)"
)
_TO_THE_ADMINS_RE = re.compile(r"管理员|办公室")
# not now ('我睇下先', '等阵再答', '明天再回复'): the ticket stays in 待办
_LATER_RE = re.compile(
    r"^(?:我)?(?:睇下|睇吓|看下|看看|看一下|研究下|研究一下|想下|查下|查一下)(?:先|再说|再答|再回)"
    r"|^(?:我)?(?:等阵|等一下|等下|迟啲|迟D|晚点|晚些|稍后|明天|听日|下午|今晚)(?:先)?(?:再)?(?:答|回|回复|回答|处理)"
)
# the lead (forty-second session, the simulator as an adviser): the question not followed, said to the bot ('佢问嘅系…
# 我唔知佢问咩', '看不懂他问什么', '村民讲嘅我睇唔明'): it had been sent to the villager as the answer. What the adviser does
# not know of the trouble ('不知道品种的话先拍张照片') is said to the villager, and stays an answer
_NOT_FOLLOWED_RE = re.compile(
    r"(?:唔知|不知道|不清楚|搞唔清|睇唔明|睇唔懂|看不懂|看不明白|不明白|唔明|没看懂|冇睇明)(?:佢|他|她|村民|人哋|对方)?"
    r"(?:想)?(?:问|讲|说)(?:紧)?(?:咩|什么|乜嘢|乜|啥|嘅系咩|的是什么)"
    r"|(?:佢|他|她|村民|对方)(?:想)?(?:问|讲|说)(?:嘅|的)(?:嘢|东西|问题)?(?:我)?(?:唔知|不知道|睇唔明|睇唔懂|看不懂|不明白|唔明|没看懂)"
    r"|(?:我)?(?:唔知|不知道|睇唔明|看不懂|不明白|唔明|没看懂)(?:佢|他|她|村民|对方)(?:想)?(?:问|讲|说)"
)
INSTRUCTION_MAX_CHARS = 20


def instruction_in(rest: str) -> str | None:
    """Round 53: what a short text after a ticket's number says of the ticket, to the bot: 'state' (asked after),
    'dismissed' (no answer needed), 'passed_on' (another adviser's; 'to_admins' when the admins are named), 'later',
    'not_followed' (the question not understood: nothing sent, how to ask the villager for more); None for an answer."""
    rest = (rest or "").strip()
    if len(rest.strip(_PUNCT)) > INSTRUCTION_MAX_CHARS:
        return None
    if _STATE_ASKED_RE.match(rest):
        return "state"
    if _PASSED_ON_RE.search(rest):
        return "to_admins" if _TO_THE_ADMINS_RE.search(rest) else "passed_on"
    if _DISMISSED_RE.search(rest):
        return "dismissed"
    if _NOT_FOLLOWED_RE.search(rest):
        return "not_followed"
    return "later" if _LATER_RE.match(rest) else None


def ticket_instruction(text: str) -> tuple[int, str, str] | None:
    """Round 53: a ticket's number, what is said of it and the words ('84号答咗未' -> (84, 'state', '答咗未'), '84号唔使答'
    -> (84, 'dismissed', '唔使答')); None for anything else (an answer: ``parse_numbered_answer``) or a number naming no
    row."""
    match = _NUMBERED_ANSWER_RE.match((text or "").strip())
    said = instruction_in(match.group(2)) if match else None
    ticket_id = _ticket_id(match.group(1)) if match and said else None
    return (ticket_id, said, match.group(2).strip()) if match and ticket_id is not None and said else None


# The lead (thirty-ninth session, the simulator as an adviser): a ticket pointed at by its place in the 待办 list or as
# 'this one', with no number ('第一条我唔识答 转俾其他专家', '呢条唔使答', '第二个：要多淋水')
_POINTED_RE = re.compile(
    r"^(?:答|回答|回复)?\s*(?:第\s*(?P<nth>[一二两三四五六七八九十\d]{1,2})\s*(?:条|个|单|题|道)(?:问题)?"
    # sim70: the newest, with its measure word, or after 答 ('答 最新 多淋水', '最新嗰条转俾其他专家')
    r"|(?P<newest>(?<=答|复)\s*最新(?:嗰|那|的|嘅|一)?\s*(?:条|个|单|题|道)?(?:问题)?(?=[\s,，:：])"
    r"|最新(?:嗰|那|的|嘅|一)?\s*(?:条|个|单|题|道)(?:问题)?)"
    r"|(?:呢|这|嗰|那|头先嗰|刚才那)\s*(?:(?:条|单|道)(?:问题)?|个问题))[\s,，:：。]*(?P<rest>.+)$"
)
NEWEST = 0  # ticket_pointed's place for the newest question waiting ('答 最新 …', '睇下最新嗰个')
# sim70 (leftover of sim69, an adviser on the phone): the newest question waiting asked to be shown ('睇下最新嗰个',
# '最新嗰条问咩', '看看最新的问题'): its state, as '84号' asks it
_NEWEST_SHOWN_RE = re.compile(
    r"^(?:帮我|俾我|给我)?(?:睇下|睇睇|睇吓|睇|看下|看看|看一下|看|查下|查看|打开)?(?:一下)?最新(?:收到|来)?"
    r"(?:嗰|那|的|嘅|一)?\s*(?:(?:条|个|单|道)(?:问题)?|问题)(?:系乜|系咩|是什么|问乜|问咩|问什么|讲乜|讲咩|说什么)?(?:嘢|呀|啊|吖)?$"
)


def newest_shown(text: str) -> bool:
    """Sim70: the newest question waiting asked to be shown ('睇下最新嗰个'), nothing said of it."""
    return bool(_NEWEST_SHOWN_RE.match((text or "").strip(_PUNCT)))


def ticket_pointed(text: str) -> tuple[int | None, str] | None:
    """(the place in the 待办 list, 1 the first; None for 'this one'; the words said of it), or None: a ticket pointed
    at with no number ('第一条我唔识答', '呢条唔使答'; 'this one' only with what is said of a ticket, never an answer)."""
    match = _POINTED_RE.match((text or "").strip())
    if match is None or len(match["rest"].strip(_PUNCT)) < 2:
        return None
    nth, rest = match["nth"], match["rest"].strip()
    said = instruction_in(rest)
    if match["newest"]:
        return NEWEST, rest  # the newest, a place as 第一条 is: an answer named and its number asked for
    if nth is None and (said is None or said == "dismissed" and not re.search(r"[答回]", rest)):
        # 'this one' only with what is said of a ticket ('呢条唔使答'): '这个号有什么功能' is a question, '头先嗰条作废'
        # one's own record withdrawn
        return None
    return (nlu.chinese_to_int(nth) if nth else None), rest


def parse_numbered_answer(text: str) -> tuple[int, str] | None:
    """``84 回答``, ``84号：回答``, ``回复84 回答`` -> (84, '回答'): an answer without ``答``, read only from an
    adviser whose waiting ticket the number names (handlers/escalation.py); None otherwise or when the rest is
    not words (``84 。``)."""
    match = _NUMBERED_ANSWER_RE.match((text or "").strip())
    if not match:
        return None
    ticket_id, rest = _ticket_id(match.group(1)), match.group(2).strip()
    if instruction_in(rest):
        return None  # round 53: said of the ticket ('84号答咗未', '84号唔使答'), no answer
    return (ticket_id, rest) if ticket_id is not None and len(rest.strip(_PUNCT)) >= 2 else None


def parse_add_faq_command(text: str) -> tuple[int | None, str] | None:
    """``收录 12`` -> (12, ''); ``收录 12 问题文字`` -> (12, '问题文字'); the number as in parse_answer_command."""
    match = _ADD_FAQ_RE.match((text or "").strip())
    return (_ticket_id(match.group(1)), match.group(2).strip()) if match else None


def is_resolved(text: str) -> bool:
    """解决了, as written (``RESOLVED_WORDS``) or, round 77 (the lead, in the simulator: '已经解决咗' with no ticket had
    the FAQ's funding answer, 资金怎么解决), told in other words (``_RESOLVED_TOLD_RE``): a statement, never a question."""
    if (text or "").strip(_PUNCT) in RESOLVED_WORDS:
        return True
    if "解决" not in (text or ""):
        return False
    norm = nlu.normalize(text)
    return bool(_RESOLVED_TOLD_RE.match(norm)) and bool(_RESOLVED_DONE_RE.search(norm))


# round 77: the problem told solved in other words ('已经解决咗', '我个问题已经解决咗 唔该晒'), thanks after it, and the
# adviser's answer command copied before it ('回复 1 已经解决咗'): the number is never acted on, only the sender's own
# tickets are (``ticket_to_close``)
_RESOLVED_TOLD_RE = re.compile(
    r"^(?:回复|回)?(?:第)?\d{0,6}(?:号)?(?:好了|好)?(?:我|我的|我个|那个|这个|个)?(?:问题|事|事情)?(?:都|就)?"
    r"(?:已经|经已|已)?(?:解决|得到解决)(?:了|啦|咯|喇|嘞|哦|喔|晒)*"
    r"(?:谢谢|多谢|感谢|不该|唔该)?(?:你|你们|晒|专家|顾问|老师)?(?:了|啦|哦|喔|嘞)*$"
)
_RESOLVED_DONE_RE = re.compile(r"已|了|啦|咯|喇|晒")  # told done ('解决' alone, a topic, is not)


# round 52 (the lead, in the simulator: '算了不用问了' with a question waiting got small talk, and the adviser still had it
# to answer; '解决了' said of a question not answered yet was 'nothing to confirm'): the villager's question withdrawn
_WITHDRAWN_RE = re.compile(
    r"(?:不用|不需要|无需|不必|别|莫)(?:再)?(?:麻烦)?(?:专家|顾问|你们|你)?(?:再)?(?:问|答|回答|回复|回|看)(?:了|啦|喇|咯|$)"
    r"|(?:不用|不需要|别)(?:再)?麻烦(?:专家|顾问|你们|你)"
    r"|(?:撤回|取消|收回)(?:刚才|头先|之前|我)?(?:的|那个)?(?:问题|提问)"
    r"|(?:问题|提问)(?:撤回|取消|不问|作废)"
    r"|^(?:算了|好了)?不问(?:了|啦)"
    # round 70 (21c): no need, found out elsewhere ('唔使啦 自己问到咗', '不用了 我问过村里的人了', '算了 自己查到了')
    r"|^(?:不用|不需要|不必|算了|算啦|好了)(?:了|啦|喇|咯)?(?:我)?(?:自己)?(?:已经)?"
    r"(?:问到|问过|问了|查到|查过|找到|知道|搞定|解决|弄好|搞好|完成)"
    # the lead (41st, the simulator: '算啦 我自己搵人睇' had become the ticket's 补充): no need, one will see to it oneself
    # or ask someone else ('唔使啦 我叫村里人睇下', '算了 我自己去问农技站', '算了我自己处理')
    r"|^(?:不用|不需要|不必|算了|算啦|好了)(?:了|啦|喇|咯)?(?:我)?(?:自己)?(?:去|再)?"
    r"(?:(?:找|请|叫)(?:个|別)?(?:人|别人|其他人|村里人|师傅|技术员)(?:来)?(?:看|问|弄|搞|处理)|问(?:下|一下)?\S{1,6}|处理|看着办)"
)
_WITHDRAWN_ASKED_RE = re.compile(r"吗|吧|什么|怎么|点样|几|咩|哪|边个|为什么|[?？]")
WITHDRAWN_MAX_CHARS = 16
# every withdrawal above says one of these as written (问, 答, 回, 麻烦; round 70: 不用, 唔使, 不需要, 不必, 算了): most texts are
# not normalised at all
_WITHDRAWN_HINT_RE = re.compile(r"[问問答回烦煩用使需必算]")


def question_withdrawn(text: str) -> bool:
    """Round 52: the villager says their question needs no answer now ('算了不用问了', '唔使问啦', '撤回刚才的问题',
    '我问错了不用回答'); never a question ('不用浇水吗') nor a longer text that goes on to something else."""
    if not _WITHDRAWN_HINT_RE.search(text or ""):
        return False
    norm = nlu.normalize(text or "")
    return bool(
        norm
        and len(norm) <= WITHDRAWN_MAX_CHARS
        and not _WITHDRAWN_ASKED_RE.search(norm)
        and _WITHDRAWN_RE.search(norm)
    )


def is_photo_question(text: str, symptom_words: tuple[str, ...] = ()) -> bool:
    """Said right after a photo: asks about it ('看看这棵树怎么了') or names a symptom ('叶子卷了'), as written or as
    spoken (normalised: '你睇下而家点样', 睇下 read 看下; round 49)."""
    words = (*PHOTO_QUESTION_WORDS, *symptom_words)
    return any(word in (text or "") for word in words) or any(word in nlu.normalize(text or "") for word in words)


def is_new_question(text: str, result: FaqResult) -> bool:
    """A question of its own: worded as one (``桂花什么时候施肥``), or what the FAQ sends to a person by its
    topic (a symptom ``叶子被虫咬了好多洞``, money, land, a dispute, a comparison); not a detail
    (``去年施过两次鸡粪``, ``树是前年种的``)."""
    asked = nlu.is_question(nlu.without_negated_amount(text))  # round 83: '晒唔到几多日头' is a detail
    return asked or (result.kind == "escalate" and result.reason not in DETAIL_REASONS)


def about_same_tree(text: str, earlier: list[str], species_table, others: tuple[str, ...] = ()) -> bool:
    """Is ``text`` clearly about the tree of ``earlier`` (the ticket's question and 补充)? It names a tree they
    name, or names no tree and reads as a follow-up (还有, 另外, 它, 这棵 …)."""

    def trees(words: str) -> set[str]:
        return {name for name, _ in nlu.find_all_species(words, species_table, others)}

    named, before = trees(text), set().union(*map(trees, earlier))
    # round 93 (22m: '桂花隔篱嗰棵簕杜鹃唔开花 点解' on a 桂花 ticket): a tree named to say where another stands is not
    # what the text is about
    named -= nlu.landmark_trees(text, species_table, others)
    # round 61 (20n): their tree said shortened ('问专家 榄仁黑点' after '小叶榄仁新叶有黑点'; 榄仁 alone is off the list);
    # round 64 (the simulator's '杜鹃' on a 簕杜鹃 ticket): only a name that is the whole of its tail, and no tree of its
    # own (杜鹃, 大叶榄仁: another tree's question)
    if named:
        return bool(named & before) or any(
            nlu.tail_of(name, before) and (name not in others or name in _shortened_names()) for name in named
        )
    return any(word in text for word in FOLLOW_UP_WORDS) or nlu.shortened_tree_said(text, before)


def ticket_tree_corrected(text: str, earlier: list[str], species_table, others: tuple[str, ...] = ()) -> str | None:
    """Round 70 (21c): the ticket's tree said wrong and the right one said ('讲错咗 唔系桂花 系米兰' on a 桂花 question,
    '讲错 系橄榄唔系石榴'): the right tree, when the one denied is a tree ``earlier`` (the ticket's texts) names; None
    otherwise (a count corrected is a record's, ``nlu.count_corrected``)."""
    if nlu.count_corrected(text) is not None:
        return None
    right = nlu.tree_corrected(text, species_table, others)
    if right is None:
        return None
    denied = {name for name, _ in nlu.find_all_species(text, species_table, others)} - {right[0]}
    before = {name for words in earlier for name, _ in nlu.find_all_species(words, species_table, others)}
    return right[0] if denied & before and right[0] not in before else None


def another_trees_photo(said: str | None, earlier: list[str], species_table, others: tuple[str, ...] = ()) -> bool:
    """Round 64 (the simulator's 管护 photo): is a photo sent in a ticket's window, after the sender ``said`` something of
    a tree that is not the ticket's ('管护了龙眼' on a 桂花 question), that tree's picture rather than the question's? A
    text naming no tree, or the ticket's tree, leaves the photo to the ticket."""
    named = nlu.find_all_species(said or "", species_table, others)
    return bool(named) and not about_same_tree(said or "", earlier, species_table, others)


@lru_cache(maxsize=1)
def _shortened_names() -> frozenset[str]:
    """The off-list names that are a listed tree shortened (species.toml ``[offlist] shortened``)."""
    return frozenset(load_offlist_shortened(MESSAGES_DIR))


# Words that point at the tree already talked about: a question with one of them ('这棵桂花浇水多久一次') is about the
# ticket's tree even when the FAQ can answer it (``points_at_ticket_tree``).
# '同一棵' (the same tree: round 47's '补张照片 还是同一棵桂花', answered by the FAQ's photos entry once the precedents moved)
# is nlu's reader (``nlu.same_tree_said``, which planting's count reader uses too: round 48, one source)
POINTING_WORDS = ("它", "这棵", "那棵", "这树", "那树", "这些树", "那些树", "呢棵", "嗰棵")


def points_at_ticket_tree(text: str, earlier: list[str], species_table, others: tuple[str, ...] = ()) -> bool:
    """Does ``text`` point at the ticket's tree (这棵, 它 …; a tree named must be the ticket's)? '其它' points at
    nothing."""
    bare = text.replace("其它", "")
    pointed = any(word in bare for word in POINTING_WORDS) or nlu.same_tree_said(bare)
    return pointed and about_same_tree(bare, earlier, species_table, others)


# round 49 (the lead, in the simulator): a reply to the adviser's answer, within escalation.reopen_days. The adviser's
# words pointed at (normalised: '专家讲的复合肥', '王工讲的方法', '你说的药', '佢话要开沟' -> 它话); 'you' only as what you
# said (的), since '你说几时种树好' asks the bot
_ADVISER_SAID_RE = re.compile(
    r"(?:专家|顾问|老师|技术员|师傅|[\u4e00-\u9fff]工)(?:讲|说|话|教|写)|(?:你|您)(?:讲|说|话|教|写)(?:过)?的|它话"
)
# asked otherwise than nlu.is_question reads ('开多长', '在哪里买'): where, how long/deep/much, when, how
_ASKED_RE = re.compile(r"哪里|哪儿|边度|多长|多深|多远|多高|多大|多少|多久|几时|什么时候|怎么|点样|几次")
# characters that carry no advice of their own: a run of the answer quoted back needs two others ('施一次', not '一个月')
_FUNCTION_CHARS = frozenset("的了吗呢啊呀吧是有在不没一个这那我你他她它就都也还会要可以把被给和与或很太再又才过着用")
QUOTED_RUN = 3  # a run of the answer this long, two of its characters of substance, is the answer quoted back
# a word of the answer asked what it is ('根颈是哪里' after '把根颈扒出来', '什么叫红蜘蛛'), normalised
_WHAT_IS_RE = re.compile(
    r"(?:什么是|什么叫|啥是|啥叫)([\u4e00-\u9fff]{2,6})|([\u4e00-\u9fff]{2,6}?)(?:是|指|叫)(?:什么|啥|哪里|哪个|哪种)"
)


def _quotes(said: str, answer: str) -> bool:
    """Does ``said`` repeat a run of ``answer`` (both normalised, trees left out) of QUOTED_RUN characters or more,
    two of them of substance ('复合肥', '施一次', '排水沟')?"""
    runs = {said[i : i + QUOTED_RUN] for i in range(len(said) - QUOTED_RUN + 1)}
    return any("|" not in run and sum(ch not in _FUNCTION_CHARS for ch in run) >= 2 and run in answer for run in runs)


def replies_to_answer(text: str, answer: str, earlier: list[str], species_table, others: tuple[str, ...] = ()) -> bool:
    """Is ``text``, sent after the adviser's ``answer`` to a ticket whose texts are ``earlier``, a question about that
    answer: it quotes it ('复合肥要用几多' after '每月施一次复合肥'), asks what a word of it is ('根颈系边度'), points at
    what the adviser said ('专家讲嘅复合肥系边种') or at the ticket's tree ('这棵桂花…'), and names no tree but the
    ticket's ('龙眼要不要施复合肥' is a question of its own)?"""
    said = nlu.normalize(text)
    if not said or not answer or not (nlu.is_question(text) or _ASKED_RE.search(said)):
        return False
    named = {name for name, _ in nlu.find_all_species(text, species_table, others)}
    if named and not named & {
        name for told in earlier for name, _ in nlu.find_all_species(told, species_table, others)
    }:
        return False
    if _ADVISER_SAID_RE.search(said) or points_at_ticket_tree(text, earlier, species_table, others):
        return True  # what the adviser said, or the ticket's tree pointed at ('这棵桂花…', as in the 补充 window)
    asked_what = _WHAT_IS_RE.search(said)
    if asked_what and (asked_what.group(1) or asked_what.group(2)) in nlu.normalize(answer):
        return True

    def without_trees(words: str) -> str:
        for _, found in nlu.find_all_species(words, species_table, others):
            words = words.replace(found, "|")
        return words.replace("树", "|")

    return _quotes(without_trees(said), without_trees(nlu.normalize(answer)))


def joins_ticket(text: str, result: FaqResult, earlier: list[str], species_table, others: tuple[str, ...] = ()) -> bool:
    """Does this text, sent within the ticket's 补充 window (or after its answer), belong to that ticket? A
    detail does; a new question only when it is about the same tree (else it is answered, or its own ticket), and
    money, land or the villager's account never are (``补贴还是没到账`` after a question on a tree)."""
    if result.kind == "escalate" and result.reason in OFF_TREE_REASONS:
        return False
    if symptom_told(text, result) and about_a_tree(earlier, species_table, others):
        # round 58: a symptom told in the window of a tree's ticket, naming no tree or the ticket's
        named = nlu.find_all_species(text, species_table, others)
        return not named or about_same_tree(text, earlier, species_table, others)
    return not is_new_question(text, result) or about_same_tree(text, earlier, species_table, others)


# What the FAQ sends to a person for what a tree shows (messages/faq/matching.toml: diagnosis, photo_diagnosis).
SYMPTOM_REASONS = frozenset({"diagnosis", "photo_diagnosis"})
# trees named as what the text is about ('我种的树死了几棵了': the trees, maybe others, told of anew), not a part of one
# (树干, 树皮, 树头 …): a subject of its own, read as any question is
_TREES_AS_SUBJECT_RE = re.compile(r"树(?![干皮枝头根叶身])")
# a tree, or a part of one, named in a ticket's texts ('补贴几时发' names none: a symptom told after it is its own)
_TREE_PART_RE = re.compile(r"树|苗|叶|果|花|枝|根|干|虫")


def about_a_tree(earlier: list[str], species_table, others: tuple[str, ...] = ()) -> bool:
    """Do the ticket's texts speak of a tree (a tree named, or a part of one)?"""
    return any(_TREE_PART_RE.search(e) or nlu.find_all_species(e, species_table, others) for e in earlier)


# round 69 (21a): a tree pointed at alone, as voice input cuts a question after its subject ('我屋企嗰棵龙眼', '我门口那棵
# 桂花', '就是我种的那棵荔枝'): who has it or where it stands, the measure, the tree; nothing asked or told of it yet
_TREE_ALONE_RE = re.compile(
    r"^(?:我|我们|我家|我屋企|我们家|家里|屋企)?(?:的)?(?:门口|屋前|屋后|院子|田边|后山|村口|屋企|家里)?(?:的)?"
    r"(?:种的|种了的|新种的)?(?:那|这|呢|嗰)?(?:棵|株|些|几棵)(?P<tree>[\u4e00-\u9fff]{1,5}?)(?:树|苗)?(?:呢|啊|呀|嘅|的)?$"
)


_PART_OF_A_TREE_RE = re.compile(r"叶|果|花(?!钱|费)|枝|根|树干|树皮|树头|虫|苗|黄|枯|烂|死")


def tree_part_named(text: str) -> bool:
    """Round 69: does the text speak of a part of a tree or its state (叶, 枝, 果, 黄, 枯 …), not of trees in general
    ('村里几时有植树活动' names none)?"""
    return bool(_PART_OF_A_TREE_RE.search(text or ""))


def tree_said_alone(db, ticket: dict, species_table, others: tuple[str, ...] = ()) -> bool:
    """Is the ticket's one text a tree pointed at alone (``_TREE_ALONE_RE``, voice input's fillers left out): the first
    half of a question cut in two, whose second half (naming no other tree) is its 补充?"""
    texts = ticket_texts(db, ticket)
    if len(texts) != 1:
        return False
    norm = nlu.without_fillers(nlu.normalize(nlu.command_characters_fixed(texts[0] or "")))
    found = _TREE_ALONE_RE.match(norm)
    return found is not None and bool(nlu.find_all_species(found["tree"], species_table, others))


def symptom_told(text: str, result: FaqResult) -> bool:
    """Round 58 (20i, 20j; round 20 had read it otherwise): a symptom told, not asked ('叶底有啲白色嘅虫仔', '叶子被虫咬了好多
    洞'). Within a ticket's 补充 window it is what the villager sees on the ticket's tree, unless it names another: blind
    writers label it so every time (19o, 19r, 19s, 20i, 20j), and a villager with a second tree's trouble names it."""
    return (
        result.kind == "escalate"
        and result.reason in SYMPTOM_REASONS
        and not nlu.is_question(text)
        and not _TREES_AS_SUBJECT_RE.search(text)
    )


def worth_a_ticket(text: str) -> bool:
    """At least two Chinese characters, or four letters/digits: not '1', '?' or an emoji."""
    return bool(_TWO_HAN.search(text or "") or _FOUR_LETTERS_OR_DIGITS.search(text or ""))


# worth_a_ticket's two counts as searches that stop at the second character or the fourth (no list of every one)
_TWO_HAN = re.compile(r"[\u4e00-\u9fff][^\u4e00-\u9fff]*[\u4e00-\u9fff]")
_FOUR_LETTERS_OR_DIGITS = re.compile(r"[A-Za-z0-9](?:[^A-Za-z0-9]*[A-Za-z0-9]){3}")


def new_public_token() -> str:
    """Unguessable: 144 random bits, URL-safe."""
    return secrets.token_urlsafe(18)


def looks_like_token(token: str) -> bool:
    return bool(_TOKEN_RE.match(token or ""))


@lru_cache(maxsize=1)
def _routes() -> dict:
    """messages/escalation_routes.toml [route]: which of the FAQ's reasons are the village's."""
    with open(MESSAGES_DIR / "escalation_routes.toml", "rb") as handle:
        route = tomllib.load(handle)["route"]
    keys = ("village", "explicit_village", "adviser_when_tree", "tree_asked", "office", "office_words")
    return {key: frozenset(route.get(key, ())) for key in keys}


def _says_any(text: str, words: frozenset[str]) -> bool:
    """Does ``text``, as written or normalised, say one of ``words``?"""
    norm = nlu.normalize(text or "")
    return any(word in (text or "") or word in norm for word in words)


def route_for(reason: str | None, source: str, text: str) -> str:
    """Round 100 (issue 17 §1: 'go to the adviser, or the village for money and land'): whose a new ticket is, by the
    FAQ's reading of its question (``reason``), as messages/escalation_routes.toml lists them: the village's
    (``ROUTE_VILLAGE``), the office's (``ROUTE_OFFICE``: a complaint, or a village matter complained of), the adviser's
    otherwise. 问专家 said (``source`` 'explicit') stays the adviser's unless the FAQ reads money or land; a dispute
    telling of a tree's symptom, or asking whether it lives, is the adviser's (pure)."""
    routes = _routes()
    if source != "explicit" and reason in routes["office"]:
        return ROUTE_OFFICE
    village = routes["explicit_village"] if source == "explicit" else routes["village"]
    if not reason or reason not in village:
        return ROUTE_ADVISER
    if reason in routes["adviser_when_tree"] and (
        nlu.symptom_named(nlu.normalize(text or "")) or _says_any(text, routes["tree_asked"])
    ):
        return ROUTE_ADVISER
    return ROUTE_OFFICE if _says_any(text, routes["office_words"]) else ROUTE_VILLAGE


def route_of(ticket: dict) -> str:
    """The ticket's route; tickets opened before round 100 have none: the adviser's."""
    return ticket.get("route") or ROUTE_ADVISER


def choose_cadre(cadres: list[dict]) -> dict | None:
    """Round 100: who holds a village's ticket: of ``cadres`` (the village's, 村书记 first, each role least recently
    assigned first), the first bound to WeChat with proof (one who would never read it holds nothing); None (the
    admins) when there is none."""
    return next((p for p in cadres if p["openid"] and identity.acts_as(p, CADRE_ROLES)), None)


def choose_adviser(linked: list[dict], everyone: list[dict]) -> dict | None:
    """Both lists come least recently assigned first: a linked adviser, else round-robin, else None
    (the admins)."""
    candidates = linked or everyone
    return candidates[0] if candidates else None


def may_answer(ticket: dict, person: dict | None, by_admin: str | None) -> bool:
    """The assigned adviser, a roster admin (管理员) or a dashboard admin. Who the person is was proven by
    the channel: in chat ``@identity.staff`` (a binding proven by a code or the roster's openid column), on
    the dashboard the adviser's login."""
    if by_admin:
        return True
    if not person:
        return False
    return person["role"] == ADMIN or (holds(ticket, person) and ticket["adviser_person_id"] == person["id"])


def holds(ticket: dict, person: dict) -> bool:
    """Round 100: may ``person``'s role hold ``ticket`` (a 技术顾问 an adviser's ticket, a cadre the village's)?"""
    return person["role"] in HOLDER_ROLES[route_of(ticket)]


def may_take_over(app, ticket: dict, person: dict | None, now: datetime) -> bool:
    """Tidy80 (campaign reality: the 村书记 is often busy): a village's ticket left waiting past
    escalation.remind_after_hours (超时, ``overdue_before``) may be answered by the village's other cadre too, who takes
    it on (``take_over``); before that, its holder only (``may_answer``)."""
    return bool(
        person
        and ticket["status"] == "open"
        and route_of(ticket) == ROUTE_VILLAGE
        and ticket["adviser_person_id"] != person["id"]
        and holds(ticket, person)
        and person.get("village_id") is not None
        and person.get("village_id") == ticket["village_id"]
        and is_overdue(ticket, overdue_before(app, now))
    )


def may_answer_now(app, ticket: dict, person: dict | None, by_admin: str | None, now: datetime) -> bool:
    """``may_answer``, or the village's other cadre after the ticket's wait (``may_take_over``)."""
    return may_answer(ticket, person, by_admin) or may_take_over(app, ticket, person, now)


def reopens_for_closer(ticket: dict, person: dict | None, since: str) -> bool:
    """Round 54: a ticket its assigned adviser closed unanswered themselves ('84号唔使答', kept under their name) at or
    after ``since`` (the start of the escalation.reopen_days window): their answer after all (答, '84号 …') opens it
    again and goes to the villager. Anyone else (another adviser, the office), a ticket closed after its answer (更正),
    one withdrawn or settled by its villager, or later: it has ended."""
    return bool(
        person
        and ticket["status"] == "closed"
        and not ticket["answer"]
        and holds(ticket, person)
        and ticket["adviser_person_id"] == person["id"]
        and ticket["closed_by"] == person["name"]
        and (ticket["closed_at"] or "") >= since
    )


def preview(text: str, limit: int = QUESTION_PREVIEW_CHARS) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def waited_words(t, start: str, end: datetime) -> str:
    """How long a ticket has waited, as an adviser reads it: '25小时' under two days, then '3天'."""
    hours = max(0, int((end - clock.from_db(start)).total_seconds() // 3600))
    return t("escalation.waited_hours", n=hours) if hours < 48 else t("escalation.waited_days", n=hours // 24)


def _settings(app) -> dict:
    section = app.config.section("escalation")
    return {
        "attach_minutes": int(section["attach_minutes"]),
        "max_per_hour": int(section["max_tickets_per_hour"]),
        "remind_hours": float(section["remind_after_hours"]),
        "reassign_hours": float(section["reassign_after_hours"]),
        "reopen_days": float(section["reopen_days"]),
    }


def attach_window_start(app, now: datetime) -> str:
    # asked on every text (the free photos, the open tickets): the one key, not the whole section's dict
    return clock.to_db(now - timedelta(minutes=int(app.config.get("escalation.attach_minutes"))))


def open_in_window(ctx) -> list[dict]:
    """The villager's open tickets written to within ``escalation.attach_minutes`` (their 补充 window), latest
    first: what 'what do I do now' asks after (round 56). Read once per message: the help's matcher and ticket_wait's
    both ask it of the same text."""
    read = vars(ctx).get("_open_in_window")
    if read is None or read[0] is not ctx.msg:
        read = (
            ctx.msg,
            store.open_with_activity_since(ctx.db, ctx.openid, attach_window_start(ctx.app, ctx.now), ctx.now_s),
        )
        vars(ctx)["_open_in_window"] = read
    return read[1]


# -- the FAQ index, with the adviser-approved entries ------------------------------------------------
def load_faq_index(app) -> FaqIndex:
    return FaqIndex.load(
        MESSAGES_DIR, app.config.section("campaign"), float(app.config.get("faq.confidence_threshold"))
    )


class _AdviserEntrySync:
    """Which faq_entries rows the shared index holds (bot/follow.py: only committed ones for good, so an entry whose
    transaction rolled back leaves the index again); a lock so that adding never races a match.
    Also the answers to the questions asked lately: on a planting day many villagers ask the same few
    questions, and matching one costs about a millisecond of the writer thread, so an answer is kept
    (``RESULTS_KEPT`` questions, least recently asked dropped first) until the entries change. The entries are read
    once per write transaction (``Follower``): no other connection can add one before it ends, so the writer thread
    reads them once per group of messages, not once per question.
    A request thread may match a question ahead (``read_ahead``, outside the lock, so that the writer thread, which
    holds the write lock every worker queues for, finds the answer kept): ``catch_up`` changes the index only once
    no such match is under way (the index keeps word weights as it matches: one taken from the index before the
    change must not outlive it), and an answer read before a change is not kept (``version``)."""

    RESULTS_KEPT = 4096

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.entries = Follower(self._read_after, "id")
        self.results: OrderedDict[str, FaqResult] = OrderedDict()
        self.version = 0  # changed only under the lock: +1 before the index changes, +1 after
        self.reading = 0  # matches under way in request threads (read_ahead), counted under the lock
        self.read = threading.Condition(self.lock)  # notified when one ends
        # Corrected answers (``更正`` of a 收录'd ticket: faq_entries.revision raised). The index can only drop its last
        # entries, so a corrected answer rebuilds the adviser entries (all of them: they are its last ones, ``held``).
        # ``revision``: every correction up to it is committed and in the index; the last read's rows corrected past it
        # are compared with those the index was last rebuilt with (``applied``): a correction committed by another
        # process, or undone with its transaction or savepoint, rebuilds it again.
        self.held = 0
        self.revision = 0
        self.applied: frozenset = frozenset()
        self._read: tuple[int, list[dict]] | None = None  # the last read: past which id, and its rows
        self._revised_in: object | None = None  # the write transaction that corrected an entry (``revised``)

    def _read_after(self, db, after_id: int) -> list[dict]:
        """The Follower's read: the entries past ``after_id``, and (kept aside) those corrected past ``revision``."""
        rows = store.faq_entries_after(db, after_id, self.revision)
        self._read = (after_id, rows)
        return [row for row in rows if row["id"] > after_id]

    def revised(self, db) -> None:
        """Under ``lock``: ``db``'s open transaction has just corrected an entry's answer."""
        self._revised_in = getattr(db, "open_transaction", None)
        self.entries.read_again()

    def _in_revising_transaction(self, db) -> bool:
        return bool(db.conn.in_transaction) and getattr(db, "open_transaction", None) is self._revised_in

    def catch_up(self, index: FaqIndex, db) -> None:
        """Under ``lock``: the entries added or dropped since it last looked, into the index; every adviser entry again
        when an answer was corrected."""
        own = self._in_revising_transaction(db)
        if own:
            self.entries.read_again()  # a savepoint may undo the correction: read until the transaction ends
        self._read = None
        change = self.entries.catch_up(db)
        if self._read is None:
            return  # nothing read: nothing changed
        after_id, rows = self._read
        corrected = frozenset(
            (row["id"], row["revision"], row["answer"]) for row in rows if row["id"] <= after_id and row["revision"]
        )
        if corrected != self.applied:
            self.entries.restart()
            self._read = None
            change = self.entries.catch_up(db)
            assert change is not None and self._read is not None  # every row read again
            rows = self._read[1]
            self._change(index, self.held, change.add)
        elif change is not None:
            self._change(index, change.drop, change.add)
        if own:
            self.applied = corrected
        else:  # all committed: held from now on
            self.revision = max([self.revision, *(row["revision"] for row in rows)])
            self.applied = frozenset()

    def _change(self, index: FaqIndex, drop: int, add: list[dict]) -> None:
        self.version += 1  # no new match ahead starts
        while self.reading:  # one under way ends within a match's time (~1-3 ms); only when the entries changed
            self.read.wait()
        try:
            index.drop_last_entries(drop)
            for row in add:
                index.add_entry(f"adviser.{row['id']}", row["question"], row["answer"])
            self.held += len(add) - drop
            self.results.clear()  # an added entry may answer any question better, a dropped one answered some
        finally:
            self.version += 1

    def read_ahead(self, index: FaqIndex, question: str) -> None:
        """Match ``question`` without the lock and keep the answer, unless the index changed meanwhile; the writer's
        ``match`` then finds it. Nothing when the answer is kept already or the index is changing."""
        with self.lock:
            version = self.version
            if version % 2 or question in self.results:
                return
            self.reading += 1
        try:
            result = index.match(question)
        except Exception:  # noqa: BLE001 - the writer matches it again, under the lock, and fails there if it must
            result = None
        with self.lock:
            self.reading -= 1
            self.read.notify_all()
            if result is not None and self.version == version and question not in self.results:
                self._keep(question, result)

    def _keep(self, question: str, result: FaqResult) -> None:
        self.results[question] = result
        if len(self.results) > self.RESULTS_KEPT:
            self.results.popitem(last=False)

    def match(self, index: FaqIndex, question: str) -> FaqResult:
        result = self.results.get(question)
        if result is None:
            result = index.match(question)
            self._keep(question, result)
        else:
            self.results.move_to_end(question)
        return result


def danger_now(app, text: str) -> bool:
    """A danger happening now in ``text`` (a rule of messages/faq/safety.toml fires): the FAQ's, its line first."""
    return app.service("faq", load_faq_index).danger_now(text)


def count_disputed(app, text: str) -> bool:
    """faq138: ``text`` disputes a record's count (the FAQ's record_disputed, ``FaqIndex.count_disputed``)."""
    return app.service("faq", load_faq_index).count_disputed(text)


def safety_lines(app, text: str) -> str:
    """The safety lines the FAQ opens its reply to ``text`` with ('' for none): told again when asked what to do."""
    return app.service("faq", load_faq_index).safety_lines(text)


def _adviser_entries(app) -> _AdviserEntrySync:
    return app.service("faq_adviser_entries", lambda _app: _AdviserEntrySync())


def faq_match(app, db, question: str) -> FaqResult:
    """The FAQ answer for ``question``, adviser-approved entries included (also those another
    process added)."""
    index = app.service("faq", load_faq_index)
    sync = _adviser_entries(app)
    with sync.lock:
        sync.catch_up(index, db)
        return sync.match(index, question)


def read_faq_ahead(app, question: str) -> None:
    """Match ``question`` in the calling (request) thread and keep the answer for ``faq_match`` (the adviser entries
    it has not seen yet, if any, make the writer match again)."""
    _adviser_entries(app).read_ahead(app.service("faq", load_faq_index), question)


def faq_also_read(text: str) -> tuple[str, ...]:
    """Esc101: what a handler matches in the FAQ besides the message's whole text, read ahead with it (in the request
    thread, and across to the writer process): ``问专家 <问题>``'s question alone, whose reading decides whose the ticket is
    (handlers/escalation.py ``_route``)."""
    question = parse_ask_expert(text) if text else None
    return (question,) if question else ()


# -- the answers matched ahead, across to the writer process of ``serve --workers N`` (bot/writer.py) ----------------------
def faq_matched_ahead(app, question: str) -> tuple[tuple[int, int], FaqResult] | None:
    """In a worker that hands its messages to the writer process: the answer ``read_faq_ahead`` kept for ``question``,
    with which adviser entries it was matched (``offer_faq_answer``: the last committed entry and the last corrected
    answer held); None when none is kept or the index is changing or holds what is not committed."""
    sync = _adviser_entries(app)
    with sync.lock:
        result = sync.results.get(question)
        if result is None or sync.version % 2 or sync.entries.holds_uncommitted or sync.applied:
            return None
        return (sync.entries.committed, sync.revision), result


def offer_faq_answer(app, db, question: str, committed: tuple[int, int], result: FaqResult) -> None:
    """In the writer process, outside a transaction: an answer a worker matched ahead with the adviser entries up to
    ``committed`` (entry id, corrected answers' revision), kept for ``faq_match`` when this process's index holds the
    same entries (read from ``db`` first when the worker has seen more; a catch-up that changes them drops it, as it
    drops every kept answer), so the question is not matched twice."""
    sync = _adviser_entries(app)
    with sync.lock:
        if committed[0] > sync.entries.committed or committed[1] > sync.revision:
            sync.catch_up(app.service("faq", load_faq_index), db)
        if (
            question not in sync.results
            and sync.version % 2 == 0
            and not sync.entries.holds_uncommitted
            and not sync.applied
            and (sync.entries.committed, sync.revision) == tuple(committed)
        ):
            sync._keep(question, result)


def faq_catch_up_ahead(app, db) -> None:
    """In a worker that hands its messages to the writer process (which alone catches its own index up while it
    applies them): the adviser entries added since this process's index last looked, so that its answers matched
    ahead count them too (a read of ``db``)."""
    index = app.service("faq", load_faq_index)
    sync = _adviser_entries(app)
    with sync.lock:
        sync.catch_up(index, db)


def symptom_words(app) -> tuple[str, ...]:
    """The FAQ's symptom vocabulary (messages/faq/matching.toml [escalate])."""
    escalate = app.service("faq", load_faq_index).matching["escalate"]
    return (*escalate["symptoms"], *escalate["observed"])


def faq_result(ctx) -> FaqResult:
    """``faq_match`` for the message being handled, computed once per message text; a detail after the FAQ's answer
    read with the question it follows (``_with_question_before``)."""
    cache = vars(ctx).setdefault("_faq_results", {})
    text = ctx.msg.text or ""
    if text not in cache:
        cache[text] = _off_topic_only_for_a_villager_at_rest(
            ctx, _with_question_before(ctx, text) or faq_match(ctx.app, ctx.db, text)
        )
    return cache[text]


def _off_topic_only_for_a_villager_at_rest(ctx, result: FaqResult) -> FaqResult:
    """The lead, fifty-first session: round 104's off-topic reading (``off_topic_unread``: a doubt's ticket about nothing
    of the campaign) is a villager's with nothing in progress; staff's words the bot cannot read have their own replies
    (an office's '帮我睇下呢个月嘅嘢搞成点', an adviser's '睇完啦 冇乜问题' while a sign-in waits), and a party member's
    or cadre's loose words are their duties' ('我屋企喺村东头 有冇近啲嘅' after the zones): the doubt's own result
    (``FaqResult.doubted``) stands."""
    if result.doubted is None:
        return result
    person = ctx.person
    if (person is None or person.get("role") == MASSES) and not conversation.in_progress(ctx, ctx.app.flows):
        return result
    return result.doubted


# the lead (43rd session, the simulator): a detail sent just after the FAQ's answer, no question in it, naming the tree
# ('我啲树死咗一棵 要唔要补种' answered, then '系荔枝嚟嘅 上个月种嘅', which had got 荔枝·浇水; '几时施肥好' then '桂花') is read
# with the question it follows, when that named no tree: its answer for that tree, or the detail alone as before
DETAIL_AFTER_ANSWER_MINUTES = 10
DETAIL_MAX_CHARS = 16


def detail_said(text: str, species_table) -> bool:
    """A short text naming a tree, with no question, count, symptom or complaint in it ('系荔枝嚟嘅 上个月种嘅', '桂花')
    (pure)."""
    norm = nlu.normalize(text or "")
    return (
        0 < len(norm) <= DETAIL_MAX_CHARS
        and not nlu.is_question(text)
        and not nlu.is_chitchat(text)
        and nlu.parse_count(text) is None
        and not nlu.symptom_named(norm)  # '去年种的桃树流胶了': a trouble of its own, the adviser's (round 24)
        and not nlu.is_complaint(text)
        and nlu.find_species_as_heard(norm, species_table)[0] is not None
    )


def _with_question_before(ctx, text: str) -> FaqResult | None:
    if ctx.msg.msg_type != "text" or not detail_said(text, planting.species_table(ctx.app)):
        return None
    since = clock.to_db(ctx.now - timedelta(minutes=DETAIL_AFTER_ANSWER_MINUTES))
    before = inbox_store.last_text(ctx.db, ctx.openid, ctx.inbox_id, since)
    if before is None or before["handler"] != "faq_answer" or not nlu.is_question(before["content"] or ""):
        return None
    if nlu.find_species_as_heard(nlu.normalize(before["content"]), planting.species_table(ctx.app))[0] is not None:
        return None  # a tree asked of already: the detail names another, a question of its own
    result = faq_match(ctx.app, ctx.db, f"{before['content']} {text}")
    if result.kind != "answer":
        return None
    if not result.safety and result.entry_id == faq_match(ctx.app, ctx.db, before["content"]).entry_id:
        # the answer just given holds for the tree told ('树苗死咗要唔要补种' then '系龙眼 旧年种嘅'): said so in a line,
        # the whole answer not sent again (the lead, forty-fourth session)
        species = planting.species_table(ctx.app)
        tree, _ = nlu.find_species_as_heard(nlu.normalize(text), species)
        return replace(result, answer_text=ctx.app.t("faq.same_answer_for", tree=display_name(species, tree or "")))
    return result


# -- notices to advisers ---------------------------------------------------------------------------
def dashboard_link(app, ticket_id: int) -> str:
    return app.config.public_link(f"/admin/tickets/{ticket_id}")


def village_name(app, db, village_id: int | None) -> str:
    village = roster_store.village(db, village_id)
    return village["name"] if village else app.t("escalation.village_unknown")


def recipients(db, ticket: dict) -> list[str]:
    """The assigned adviser's openid; the admins' when there is no adviser or they never bound WeChat (a
    binding without proof does not count: villagers' questions go only to proven staff; sim67: nor one the roster no
    longer names 技术顾问)."""
    adviser = roster_store.person(db, ticket["adviser_person_id"])
    if adviser and adviser["openid"] and identity.acts_as(adviser, HOLDER_ROLES[route_of(ticket)]):
        return [adviser["openid"]]
    return [p["openid"] for p in identity.proven_office(db)]


def notify_staff(app, db, ticket: dict, text: str, key: str, now: datetime, at_once: bool = False) -> int:
    """Queue a notice to whoever answers ``ticket``, for after quiet hours (``reminders.queue_notice``: a question
    asked at night waits for the morning; the answer to the villager goes at once), or ``at_once`` (a new ticket
    telling of a danger now, round 56); ``key`` makes it idempotent."""
    to = recipients(db, ticket)
    if not to:
        log.warning("ticket %s: nobody to notify (no adviser or admin bound to WeChat)", ticket["id"])
    return sum(
        _queue_notice(app, db, ticket, openid, text, f"{_notices_of(ticket['id'])}{key}:{openid}", now, at_once)
        for openid in to
    )


def _queue_notice(
    app, db, ticket: dict, openid: str, text: str, key: str, now: datetime, at_once: bool = False
) -> bool:
    """One staff notice about ``ticket`` (linking its dashboard page), after quiet hours unless ``at_once``."""
    return reminders.queue_notice(
        db,
        app.config,
        openid=openid,
        text=text,
        key=key,
        now=now,
        url=f"/admin/tickets/{ticket['id']}",
        at_once=at_once,
    )


def _said_by(app, person: dict) -> str:
    """A cadre or adviser as a notice names them: '村书记林书记'."""
    return app.t("escalation.passed_by", role=person["role"], name=person["name"])


def _notices_of(ticket_id: int) -> str:
    """The dedupe-key prefix of every staff notice about this ticket."""
    return f"ticket:{ticket_id}:"


def withdraw_notices(db, ticket_id: int, why: str) -> int:
    """Answered or closed, a ticket needs nobody any more: its staff notices still waiting (for the end of quiet
    hours, or held for an adviser outside the 48-hour window) are withdrawn (``cancelled``, ``why`` as the
    reason); what was sent stays sent. The number withdrawn."""
    return outbox_store.cancel_outbox_prefix(db, _notices_of(ticket_id), why)


def _attachment_summary(app, db, ticket_id: int) -> str:
    found = store.attachments(db, ticket_id)
    photos = sum(1 for a in found if a["media_kind"] == "image")
    voices = sum(1 for a in found if a["media_kind"] == "voice")
    link = dashboard_link(app, ticket_id)
    if photos or voices:
        return app.t("escalation.notice_attachments", photos=photos, voices=voices, link=link)
    return app.t("escalation.notice_details", link=link)


def urgent(app, ticket: dict) -> bool:
    """A ticket whose question tells of a danger happening now (a safety rule fires: ``danger_now``): the villager
    had its safety line at once; the adviser sees it marked ⚠ and first (round 46)."""
    return danger_now(app, ticket["question"] or "")


def urgent_first(app, tickets: list[dict]) -> tuple[list[dict], set[int]]:
    """``tickets`` with the urgent ones first, each part in its order (oldest first), and the urgent ones' ids (each
    question read once: ~0.15 ms)."""
    ids = {ticket["id"] for ticket in tickets if urgent(app, ticket)}
    return sorted(tickets, key=lambda ticket: ticket["id"] not in ids), ids


def _new_ticket_notice(
    app, db, ticket: dict, template: str, now: datetime, danger: bool | None = None, **extra: str
) -> tuple[str, bool]:
    """The notice and whether it is urgent (marked ⚠). ``danger``: whether the FAQ's reading of the question had a
    safety line (round 48: passed through from the reply just given, not read again); None when nobody read it
    (``urgent`` reads it). ``extra``: the template's own fields (``passed_on_notice``'s ``by``)."""
    notice = _ticket_notice(app, db, ticket, template, now, **extra)
    flagged = urgent(app, ticket) if danger is None else danger
    return (app.t("escalation.notice_urgent") + "\n" + notice if flagged else notice), flagged


def _ticket_notice(app, db, ticket: dict, template: str, now: datetime, **extra: str) -> str:
    return app.t(
        template,
        **extra,
        id=ticket["id"],
        village=village_name(app, db, ticket["village_id"]),
        question=preview(ticket["question"], 200),
        attachments=_attachment_summary(app, db, ticket["id"]),
        waited=waited_words(app.t, ticket["opened_at"], now),
    )


# -- opening and adding to tickets -----------------------------------------------------------------
def over_hourly_limit(app, db, openid: str, now: datetime) -> int | None:
    """The limit when the villager already opened that many tickets in the last hour, else None."""
    limit = _settings(app)["max_per_hour"]
    since = clock.to_db(now - timedelta(hours=1))
    return limit if store.count_created_since(db, openid, since) >= limit else None


def open_ticket(
    app,
    db,
    *,
    openid: str,
    person: dict | None,
    village_id: int | None,
    question: str,
    source: str,
    media_row_ids: list[int],
    now: datetime,
    danger: bool | None = None,
    route: str = ROUTE_ADVISER,
) -> dict:
    """Create, assign, attach the media and notify the adviser. Returns the ticket row. ``danger``: whether the FAQ's
    reading of the question had a safety line (the notice is then marked ⚠); None reads it again (``urgent``).
    ``route`` (round 100, ``route_for``): the village's ticket is held by its cadre (``choose_cadre``), else the admins."""
    adviser = _first_holder(db, route, village_id)
    now_s = clock.to_db(now)
    ticket_id = store.create(
        db,
        openid=openid,
        person_id=person["id"] if person else None,
        village_id=village_id,
        adviser_person_id=adviser["id"] if adviser else None,
        question=question,
        source=source,
        public_token=new_public_token(),
        now=now_s,
        route=route,
    )
    for media_row_id in dict.fromkeys(media_row_ids):
        store.add_attachment(db, ticket_id, media_row_id=media_row_id, text=None, now=now_s)
    ticket = store.get(db, ticket_id)
    assert ticket is not None  # just inserted
    template = "escalation.new_notice_village" if route == ROUTE_VILLAGE and adviser else "escalation.new_notice"
    notice, flagged = _new_ticket_notice(app, db, ticket, template, now, danger)
    # round 56: a danger told now is no question for the morning: its first notice goes at once, quiet hours or not
    notify_staff(app, db, ticket, notice, "new", now, at_once=flagged)
    return ticket


def _first_holder(db, route: str, village_id: int | None, but: int | None = None) -> dict | None:
    """Who a ticket of ``route`` goes to (other than ``but``, its holder now): the village's cadre, or an adviser (a
    linked one first, else round-robin); None: the admins."""
    skip = lambda people: [p for p in people if p["id"] != but]  # noqa: E731
    if route == ROUTE_OFFICE:
        return None
    if route == ROUTE_VILLAGE:
        return choose_cadre(skip(store.cadres_of_village(db, village_id, CADRE_ROLES)))
    linked = store.advisers_of_village(db, village_id) if village_id else []
    return choose_adviser(skip(linked), skip(store.advisers(db)))


def holder_words(app, db, ticket: dict) -> str:
    """Round 100: who a village's ticket went to, for the villager: '村里（陈建国，村书记）', or the campaign office."""
    if route_of(ticket) == ROUTE_OFFICE:
        return app.t("escalation.holder_office_route")
    holder = roster_store.person(db, ticket["adviser_person_id"])
    if holder is None:
        return app.t("escalation.holder_office")
    return app.t("escalation.holder_village", name=holder["name"], role=holder["role"])


def add_supplement(app, db, ticket: dict, *, text: str | None, media_row_id: int | None, now: datetime) -> int:
    """A 补充 from the villager: kept on the ticket and passed on to the adviser."""
    now_s = clock.to_db(now)
    attachment_id = store.add_attachment(
        db, ticket["id"], media_row_id=media_row_id, text=text, now=now_s, round_=ticket["reopened_count"]
    )
    store.touch_activity(db, ticket["id"], now_s)
    shown = text or _media_label(app, db, media_row_id)
    notify_staff(
        app,
        db,
        ticket,
        app.t(
            "escalation.supplement_notice", id=ticket["id"], text=preview(shown), link=dashboard_link(app, ticket["id"])
        ),
        f"add{attachment_id}",
        now,
    )
    return attachment_id


def media_label(app, kind: str | None) -> str:
    """（语音） or （照片）: what a message without text was."""
    return app.t("escalation.voice_label" if kind == "voice" else "escalation.photo_label")


def _media_label(app, db, media_row_id: int | None) -> str:
    row = media_store.get(db, media_row_id) if media_row_id else None
    return media_label(app, row["kind"] if row else None)


def follow_up(app, db, ticket: dict, *, text: str | None, media_row_ids: list[int], now: datetime) -> None:
    """A follow-up question after the answer: the ticket opens again for the same adviser, with the text and the
    photos (or voice) it came with; a photo shown to the adviser by its count and the ticket's page (sim62)."""
    now_s = clock.to_db(now)
    store.reopen(db, ticket["id"], now_s)
    first: int | None = media_row_ids[0] if media_row_ids else None
    more = media_row_ids[1:]
    round_ = ticket["reopened_count"] + 1
    store.add_attachment(db, ticket["id"], media_row_id=first, text=text, now=now_s, round_=round_)
    for media_row_id in more:
        store.add_attachment(db, ticket["id"], media_row_id=media_row_id, text=None, now=now_s, round_=round_)
    refreshed = store.get(db, ticket["id"])
    assert refreshed is not None
    ticket = refreshed
    shown = text or _media_label(app, db, first)
    photos = sum(1 for m in media_row_ids if (media_store.get(db, m) or {}).get("kind") == "image")
    notice = (
        app.t(
            "escalation.reopen_notice_photos",
            id=ticket["id"],
            text=preview(shown, 200),
            photos=photos,
            link=dashboard_link(app, ticket["id"]),
        )
        if text and photos
        else app.t("escalation.reopen_notice", id=ticket["id"], text=preview(shown, 200))
    )
    notify_staff(app, db, ticket, notice, f"reopen{ticket['reopened_count']}", now)


def reopen_window_start(app, now: datetime) -> str:
    """Database time from which an answered ticket may be reopened (escalation.reopen_days)."""
    return clock.to_db(now - timedelta(days=_settings(app)["reopen_days"]))


def reopenable_ticket(app, db, openid: str, now: datetime) -> dict | None:
    return store.latest_answered_since(db, openid, reopen_window_start(app, now), clock.to_db(now))


def supplementable_tickets(app, db, openid: str, now: datetime) -> list[dict]:
    """The villager's open tickets within their 补充 window (escalation.attach_minutes), latest first."""
    return store.open_with_activity_since(db, openid, attach_window_start(app, now), clock.to_db(now))


@dataclass(frozen=True)
class AskedAgain:
    """A question asked again within the 补充 window of the open ticket that holds it (the same question sent twice is
    one ticket). ``new_words``: the words said again, when they differ from every text of the ticket (round 59, asked
    in other words: '点解啲竹枯咗一半' after '竹子枯咗一半点解'); None when the same words came again (as the FAQ reads
    them: punctuation, spoken forms and the 问专家 prefix aside). One decision of the reply (handlers/escalation.py
    ``_asked_again``): new words join the ticket as 补充, with the 补充's reply; the same words add nothing, and the reply
    says the question is with the adviser already."""

    ticket: dict
    new_words: str | None


def asked_again_ticket(app, db, openid: str, text: str, now: datetime) -> AskedAgain | None:
    """The villager's open ticket within its 补充 window (escalation.attach_minutes) that ``text`` asks again, read in
    one go: the same words as one of its texts (its question or a 补充; any ticket's before another's rewording), else
    the same question in other words (``nlu.reworded``: the characters of substance of the shorter nearly all in the
    other's), the latest such ticket first."""
    tickets = supplementable_tickets(app, db, openid, now)
    if not tickets:  # most texts: no ticket open, so the text need not be normalized
        return None
    said = nlu.normalize(text)
    if not said:
        return None
    held = [(ticket, [nlu.normalize(t) for t in ticket_texts(db, ticket)]) for ticket in tickets]
    same = next((ticket for ticket, texts in held if said in texts), None)
    if same is not None:
        return AskedAgain(same, None)
    reworded = next(
        (
            ticket
            for ticket, texts in held
            if any(nlu.reworded(said, t) for t in texts) and not _another_tree_named(app, db, text, ticket)
        ),
        None,
    )
    return AskedAgain(reworded, text) if reworded is not None else None


def _another_tree_named(app, db, text: str, ticket: dict) -> bool:
    """Round 64: ``text`` names a tree and not the ticket's ('杜鹃叶子都黄咗' on '簕杜鹃叶子发黄掉叶'): never the ticket's
    question asked again in other words, however many of its words it shares."""
    table, others = planting.species_table(app), planting.offlist_names(app)
    return bool(nlu.find_all_species(text, table, others)) and not about_same_tree(
        text, ticket_texts(db, ticket), table, others
    )


def asked_again(db, ticket: dict, now: datetime) -> None:
    """The same question again: nothing new for the adviser, but the 补充 window runs on."""
    store.touch_activity(db, ticket["id"], clock.to_db(now))


def ticket_texts(db, ticket: dict) -> list[str]:
    """What the villager wrote on the ticket: its question and every text 补充 or follow-up."""
    return [ticket["question"] or "", *(a["text"] for a in store.attachments(db, ticket["id"]) if a["text"])]


def resolve(db, ticket: dict, now: datetime) -> None:
    store.close(db, ticket["id"], clock.to_db(now))
    withdraw_notices(db, ticket["id"], "ticket resolved")


def ticket_to_close(app, db, openid: str, now: datetime, withdrawn: bool) -> dict | None:
    """Which ticket '解决了' (or, round 52, '不用问了') closes: the answered one within escalation.reopen_days, else the
    open one waiting for an answer (a question solved or withdrawn before the adviser came to it); a withdrawal takes
    the open one first (only a question not yet answered can be withdrawn)."""
    answered = reopenable_ticket(app, db, openid, now)
    waiting = store.latest_open(db, openid) if withdrawn or answered is None else None
    return waiting or answered


def withdraw_question(app, db, ticket: dict, by: str, now: datetime) -> None:
    """Close a question its villager withdrew before it was answered: off the adviser's 待办, its waiting notices
    withdrawn; the dashboard shows who and why (``close_reason``)."""
    store.close(db, ticket["id"], clock.to_db(now), by=by, reason=app.t("escalation.withdrawn_reason"))
    withdraw_notices(db, ticket["id"], "ticket withdrawn by its villager")


def follow_up_question(app, ticket: dict) -> str | None:
    """A reopened ticket's follow-up (its text, or 语音/照片 when it came without text); None for a ticket
    that was never reopened. ``ticket`` is a row of the open/answered listings (``follow_up_text``)."""
    if not ticket.get("reopened_count"):
        return None
    if ticket.get("follow_up_text"):
        return ticket["follow_up_text"]
    return media_label(app, ticket["follow_up_media"]) if ticket.get("follow_up_media") else None


def round_question(ticket: dict, attachments: list[dict]) -> str:
    """What the ticket's current answer answers (round 54): a reopened ticket's follow-up, the first attachment of its
    round when it has words (a voice or photo alone: the question), else its question. The villager's copy of an answer
    or of its correction shows it after 问：, so a correction of the follow-up's answer is read as that one's."""
    round_ = ticket["reopened_count"]
    if round_:
        first = next((a for a in attachments if a["round"] == round_), None)
        if first is not None and first["text"]:
            return first["text"]
    return ticket["question"]


def overdue_before(app, now: datetime) -> str:
    """An open ticket (re)opened before this moment has waited past escalation.remind_after_hours."""
    return clock.to_db(now - timedelta(hours=_settings(app)["remind_hours"]))


def is_overdue(ticket: dict, before: str) -> bool:
    return ticket["status"] == "open" and (ticket["opened_at"] or ticket["created_at"]) <= before


# -- answering -------------------------------------------------------------------------------------
def answerer_name(app, by_person: dict | None, by_admin: str | None) -> str:
    """Who answered or closed, as kept on the ticket: the roster person's name, or the dashboard login."""
    return by_person["name"] if by_person else (by_admin or app.t("escalation.admin_name"))


def signer(app, db, *, by_person: dict | None = None, by_admin: str | None = None) -> tuple[str, str]:
    """(role title, name) of who answers: the dashboard login's title and display name (``create-admin --title
    县林业站 --display-name 王工``), each falling back to the roster person's role and name (技术顾问 王工), and for
    an admin login without them to 管理员 and the login's name."""
    login = admins_store.by_username(db, by_admin) if by_admin else None
    if login is None and by_person:
        login = admins_store.by_person(db, by_person["id"])
    login = login or {}
    linked = by_person or (roster_store.person(db, login.get("person_id")) if login.get("person_id") else None)
    title = login.get("title") or (linked["role"] if linked else app.t("escalation.admin_name"))
    name = login.get("display_name") or (linked["name"] if linked else by_admin or app.t("escalation.admin_name"))
    return title, name


def signature(app, db, *, by_person: dict | None = None, by_admin: str | None = None) -> str:
    """How the villager sees who answered: 县林业站 王工 (``signer``)."""
    return " ".join(signer(app, db, by_person=by_person, by_admin=by_admin))


@dataclass(frozen=True)
class AnswerResult:
    """``reason``: answered | taken_over (tidy80: answered by the village's other cadre after its wait, who took it on)
    | unknown | closed | already_answered | not_allowed | empty."""

    ok: bool
    reason: str
    ticket: dict | None = None


def answer_ticket(
    app, db, ticket_id: int, text: str, *, by_person: dict | None = None, by_admin: str | None = None, now: datetime
) -> AnswerResult:
    """Answer a ticket (``答`` in chat, or the dashboard) and queue the answer to the villager.

    ``by_person``: the roster person answering (the assigned 技术顾问, or any 管理员);
    ``by_admin``: a dashboard admin's login name (always allowed). Call inside a transaction."""
    ticket = store.get(db, ticket_id)
    if ticket is None:
        return AnswerResult(False, "unknown")
    taken_from = None
    if not may_answer(ticket, by_person, by_admin):
        if not may_take_over(app, ticket, by_person, now):
            return AnswerResult(False, "not_allowed", ticket)
        if not (text or "").strip():
            return AnswerResult(False, "empty", ticket)  # taken on only with an answer
        assert by_person is not None  # may_take_over: a cadre of the village
        taken_from = take_over(app, db, ticket, by_person, now)
        ticket = store.get(db, ticket_id) or ticket
    reopens = reopens_for_closer(ticket, by_person, reopen_window_start(app, now))
    if ticket["status"] == "closed" and not reopens:
        return AnswerResult(False, "closed", ticket)
    if ticket["status"] == "answered":
        return AnswerResult(False, "already_answered", ticket)
    text = (text or "").strip()
    if not text:
        return AnswerResult(False, "empty", ticket)
    if reopens:  # round 54: closed unanswered by this adviser, answered after all
        store.undo_close(db, ticket_id, clock.to_db(now))
        log.info("ticket %s: closed unanswered by %s, answered by them after all", ticket_id, ticket["closed_by"])
    name = answerer_name(app, by_person, by_admin)
    signed = signature(app, db, by_person=by_person, by_admin=by_admin)
    store.set_answer(
        db,
        ticket_id,
        answer=text,
        answered_by=name,
        answered_by_person_id=by_person["id"] if by_person else None,
        signature=signed,
        now=clock.to_db(now),
    )
    withdraw_notices(db, ticket_id, "ticket answered")
    ticket = store.get(db, ticket_id)
    assert ticket is not None  # just answered
    store.add_answer_history(
        db,
        ticket_id,
        round_=ticket["reopened_count"],
        kind="answer",
        answer=text,
        answered_by=name,
        answered_by_person_id=by_person["id"] if by_person else None,
        signature=signed,
        now=clock.to_db(now),
    )
    _queue_delivery(
        app,
        db,
        ticket,
        ANSWER_DELIVERIES[route_of(ticket)],
        text,
        signed,
        f"answer:{ticket_id}:{ticket['reopened_count']}",
        now,
    )
    if taken_from is not None and by_person is not None:  # after the answer withdrew the ticket's notices
        _tell_former_holder(app, db, ticket, taken_from, by_person, now)
        return AnswerResult(True, "taken_over", ticket)
    return AnswerResult(True, "answered", ticket)


# the villager's copy of an answer, by the ticket's route (round 100: who answered it, said)
ANSWER_DELIVERIES = {
    ROUTE_ADVISER: "escalation.answer_delivery",
    ROUTE_VILLAGE: "escalation.answer_delivery_village",
    ROUTE_OFFICE: "escalation.answer_delivery_office",
}


def _queue_delivery(
    app, db, ticket: dict, template: str, text: str, signed: str, dedupe_key: str, now: datetime
) -> None:
    """The villager's copy of an answer or its correction (``template``), through the outbox: the answer whole, a long
    one cut with its public page's address (``_shown_answer``)."""
    page = f"/answer/{ticket['public_token']}"
    delivery = app.t(
        template,
        id=ticket["id"],
        question=preview(round_question(ticket, store.attachments(db, ticket["id"]))),
        answer=_shown_answer(app, text, page),
        signature=signed,
        days=int(_settings(app)["reopen_days"]),
    )
    outbox.enqueue(db, openid=ticket["openid"], kind="answer", text=delivery, now=now, dedupe_key=dedupe_key, url=page)


def _shown_answer(app, text: str, page: str) -> str:
    """An answer as the chat shows it: whole, or cut with the public answer page's address after it."""
    if len(text) <= ANSWER_CHAT_CHARS:
        return text
    return text[:ANSWER_CHAT_CHARS] + "…\n" + app.config.public_link(page)


# -- correcting an answer (更正) --------------------------------------------------------------------
@dataclass(frozen=True)
class CorrectResult:
    """``reason``: corrected | corrected_quietly (a ticket closed past escalation.reopen_days: the record and the FAQ
    corrected, the villager not written to) | unknown | not_allowed | not_answered | reopened (asked again: answer
    with 答) | empty | same."""

    ok: bool
    reason: str
    ticket: dict | None = None
    faq_updated: bool = False


def may_correct(ticket: dict, person: dict | None, by_admin: str | None) -> bool:
    """Who answered (the roster person the ticket's answer is kept under: the one who gave it), a roster admin
    (管理员) or a dashboard admin: an adviser does not correct another's answer."""
    if by_admin:
        return True
    if not person:
        return False
    return person["role"] == ADMIN or (holds(ticket, person) and ticket["answered_by_person_id"] == person["id"])


def correction_reaches_villager(app, db, ticket: dict, now: datetime) -> bool:
    """An answered ticket's villager is told of a correction whenever it comes. A closed one (解决了, or closed by staff)
    only within escalation.reopen_days of its last answer: the villager may still be acting on it, and it is the
    window in which they could ask again (counted, like it, from the last answer: a correction does not stretch it);
    past it a message about a question long settled would puzzle more than help, so the record and the FAQ are corrected
    without writing to them."""
    if ticket["status"] != "closed":
        return True
    last = store.last_answer_at(db, ticket["id"]) or ticket["answered_at"] or ticket["closed_at"]
    return bool(last) and clock.from_db(last) >= now - timedelta(days=_settings(app)["reopen_days"])


def _answer_unchangeable(
    ticket: dict | None, text: str | None, by_person: dict | None, by_admin: str | None
) -> CorrectResult | None:
    """Why a ticket's answer may not be corrected or added to now (``correct_answer``, ``supplement_answer``), else
    None: unknown, not answered yet, not the answerer's, asked again after it (the next answer, 答, is where to say it),
    or nothing said."""
    if ticket is None:
        return CorrectResult(False, "unknown")
    if not ticket["answer"]:
        return CorrectResult(
            False, "not_answered" if may_answer(ticket, by_person, by_admin) else "not_allowed", ticket
        )
    if not may_correct(ticket, by_person, by_admin):
        return CorrectResult(False, "not_allowed", ticket)
    if ticket["status"] == "open":
        return CorrectResult(False, "reopened", ticket)
    if len((text or "").strip().strip(_PUNCT)) < 2:
        return CorrectResult(False, "empty", ticket)
    return None


def _kept_in_history(
    app, db, ticket: dict, kind: str, text: str, signed: str, now_s: str, by_person: dict | None, by_admin: str | None
) -> int:
    """A correction or supplement of the ticket's answer in its answer history (ticket_answers), by whom: its id."""
    return store.add_answer_history(
        db,
        ticket["id"],
        round_=ticket["reopened_count"],
        kind=kind,
        answer=text,
        answered_by=answerer_name(app, by_person, by_admin),
        answered_by_person_id=by_person["id"] if by_person else None,
        signature=signed,
        now=now_s,
    )


def correct_answer(
    app, db, ticket_id: int, text: str, *, by_person: dict | None = None, by_admin: str | None = None, now: datetime
) -> CorrectResult:
    """``更正``: the ticket's answer becomes ``text``; the earlier one stays in its answer history (ticket_answers); the
    villager gets a short message through the outbox (kind ``answer``, once per correction: its own dedupe key), and the
    adviser FAQ entry made of it (``收录``) answers with the corrected text at once, in every process. An earlier answer
    or correction not yet sent (held outside the 48-hour window) is withdrawn: the villager never gets the wrong one.
    Call inside a transaction."""
    ticket = store.get(db, ticket_id)
    refused = _answer_unchangeable(ticket, text, by_person, by_admin)
    if refused is not None:
        return refused
    assert ticket is not None
    text = text.strip()
    if text == ticket["answer"].strip():
        return CorrectResult(False, "same", ticket)
    deliver = correction_reaches_villager(app, db, ticket, now)
    now_s = clock.to_db(now)
    signed = signature(app, db, by_person=by_person, by_admin=by_admin)
    store.set_corrected_answer(db, ticket_id, answer=text, signature=signed, now=now_s)
    history_id = _kept_in_history(app, db, ticket, "correction", text, signed, now_s, by_person, by_admin)
    faq_updated = _correct_faq_entry(app, db, ticket_id, text)
    if deliver:
        round_ = ticket["reopened_count"]
        # an answer the villager never received (held outside the 48-hour window, or still queued: now withdrawn) is
        # no answer to correct: the corrected one comes as the answer. Only this round's answer and corrections count
        # (round 54: after a follow-up, the first round's answer delivered made the second's correction read as the
        # first's, though the second never went)
        this_round = (f"answer:{ticket_id}:{round_}", f"correct:{ticket_id}:" + (f"{round_}:" if round_ else ""))
        seen = any(
            status.startswith("sent/")
            for prefix in this_round
            for status in outbox_store.outbox_status_counts(db, prefix)
        )
        for prefix in (f"answer:{ticket_id}:", f"correct:{ticket_id}:"):
            outbox_store.cancel_outbox_prefix(db, prefix, "answer corrected")
        template = "escalation.correction_delivery" if seen else "escalation.answer_delivery"
        key = f"correct:{ticket_id}:{round_}:{history_id}"
        _queue_delivery(app, db, ticket, template, text, signed, key, now)
    log.info("ticket %s: answer corrected by %s", ticket_id, answerer_name(app, by_person, by_admin))
    refreshed = store.get(db, ticket_id)
    return CorrectResult(True, "corrected" if deliver else "corrected_quietly", refreshed, faq_updated)


def supplement_answer(
    app, db, ticket_id: int, text: str, *, by_person: dict | None = None, by_admin: str | None = None, now: datetime
) -> CorrectResult:
    """Sim69: ``补充``: ``text`` added to the ticket's answer, which stays as it was (a correction would replace it); kept
    in its answer history (``kind`` 'supplement') and sent to the villager through the outbox as a correction is, when
    and to whom a correction would go (``correction_reaches_villager``). Reasons as ``correct_answer``'s, 'added' and
    'added_quietly' for its two. Call inside a transaction."""
    ticket = store.get(db, ticket_id)
    refused = _answer_unchangeable(ticket, text, by_person, by_admin)
    if refused is not None:
        return refused
    assert ticket is not None
    text = text.strip()
    deliver = correction_reaches_villager(app, db, ticket, now)
    now_s = clock.to_db(now)
    signed = signature(app, db, by_person=by_person, by_admin=by_admin)
    history_id = _kept_in_history(app, db, ticket, "supplement", text, signed, now_s, by_person, by_admin)
    if deliver:
        key = f"supplement:{ticket_id}:{ticket['reopened_count']}:{history_id}"
        _queue_delivery(app, db, ticket, "escalation.supplement_delivery", text, signed, key, now)
    log.info("ticket %s: answer added to by %s", ticket_id, answerer_name(app, by_person, by_admin))
    return CorrectResult(True, "added" if deliver else "added_quietly", store.get(db, ticket_id))


def _correct_faq_entry(app, db, ticket_id: int, text: str) -> bool:
    """The adviser FAQ entry made of this ticket (``收录``), if any, answers with ``text`` from now on; the shared index
    is brought up to date at once (as ``add_answer_to_faq`` does)."""
    entry = store.faq_entry_for_ticket(db, ticket_id)
    if entry is None:
        return False
    store.revise_faq_entry(db, entry["id"], text)
    sync = _adviser_entries(app)
    with sync.lock:
        sync.revised(db)
    faq_match(app, db, entry["question"])  # brings the shared index up to date now
    return True


@dataclass(frozen=True)
class FaqAddResult:
    """``reason``: added | unknown | not_allowed | village_matter (a cadre's answer: round 100) | not_answered | already |
    needs_question."""

    ok: bool
    reason: str
    entry_id: int | None = None


def add_answer_to_faq(
    app,
    db,
    ticket_id: int,
    question: str = "",
    *,
    by_person: dict | None = None,
    by_admin: str | None = None,
    now: datetime,
) -> FaqAddResult:
    """``收录``: the ticket's question (or ``question``) and answer become an FAQ entry, matching at once."""
    ticket = store.get(db, ticket_id)
    if ticket is None:
        return FaqAddResult(False, "unknown")
    if not may_answer(ticket, by_person, by_admin):
        return FaqAddResult(False, "not_allowed")
    if route_of(ticket) == ROUTE_VILLAGE and not by_admin and (by_person or {}).get("role") != ADMIN:
        # round 100: a cadre's answer (a household's money, a plot of land) is that villager's, not every villager's:
        # the office may still add it, deliberately
        return FaqAddResult(False, "village_matter")
    if not ticket["answer"]:
        return FaqAddResult(False, "not_answered")
    if store.faq_entry_for_ticket(db, ticket_id):
        return FaqAddResult(False, "already")
    question = question or ("" if ticket["source"] == "voice" else ticket["question"])
    if not worth_a_ticket(question):
        return FaqAddResult(False, "needs_question")
    created_by = by_person["name"] if by_person else by_admin
    assert created_by is not None  # may_answer: a person or an admin
    entry_id = store.add_faq_entry(
        db, ticket_id=ticket_id, question=question, answer=ticket["answer"], created_by=created_by, now=clock.to_db(now)
    )
    sync = _adviser_entries(app)
    with sync.lock:
        sync.entries.wrote(db, entry_id)
    faq_match(app, db, question)  # brings the shared index up to date now
    return FaqAddResult(True, "added", entry_id)


@dataclass(frozen=True)
class CloseResult:
    """``reason``: closed | unknown | not_allowed | already_closed | needs_reason."""

    ok: bool
    reason: str


def close_means(app, ticket: dict, now: datetime) -> str | None:
    """What closing ``ticket`` does (tidy80: the dashboard offers 关闭 only where it does something): an open ticket is
    ended as not a question ('not_a_question'); an answered one still within escalation.reopen_days ends its follow-ups
    ('ends_follow_ups': the villager's next words are no longer this ticket reopened, nor 解决了 said of it, as
    ``reopenable_ticket`` reads); one answered earlier has ended already, a closed one too: None."""
    if ticket["status"] == "open":
        return "not_a_question"
    answered_at = ticket["answered_at"] or ""
    if ticket["status"] == "answered" and reopen_window_start(app, now) <= answered_at <= clock.to_db(now):
        return "ends_follow_ups"
    return None


def close_ticket(
    app,
    db,
    ticket_id: int,
    reason: str,
    message: str = "",
    *,
    by_person: dict | None = None,
    by_admin: str | None = None,
    now: datetime,
) -> CloseResult:
    """Staff close a ticket that is not a question (a test, a duplicate, a planting report): ``reason`` is kept
    with who closed it on the ticket; the villager gets ``message`` (through the outbox, once, signed like an
    answer) only when it is written. The same people may close as may answer. Call inside a transaction."""
    ticket = store.get(db, ticket_id)
    if ticket is None:
        return CloseResult(False, "unknown")
    if not may_answer(ticket, by_person, by_admin):
        return CloseResult(False, "not_allowed")
    if ticket["status"] == "closed":
        return CloseResult(False, "already_closed")
    reason, message = (reason or "").strip()[:500], (message or "").strip()[:ANSWER_CHAT_CHARS]
    if not reason:
        return CloseResult(False, "needs_reason")
    by = answerer_name(app, by_person, by_admin)
    store.close(db, ticket_id, clock.to_db(now), by=by, reason=reason)
    withdraw_notices(db, ticket_id, "ticket closed")
    if message:
        text = app.t(
            "escalation.closed_delivery",
            id=ticket_id,
            message=message,
            signature=signature(app, db, by_person=by_person, by_admin=by_admin),
        )
        outbox.enqueue(db, openid=ticket["openid"], kind="answer", text=text, now=now, dedupe_key=f"close:{ticket_id}")
    log.info("ticket %s closed by %s: %s", ticket_id, by, reason)
    return CloseResult(True, "closed")


# -- queues (chat 待办 and the dashboard) ------------------------------------------------------------
def open_tickets_for(db, person: dict) -> list[dict]:
    """An adviser's open tickets, oldest first; an admin (管理员) also sees those raised to the admins."""
    mine = store.open_for_adviser(db, person["id"])
    if person["role"] == ADMIN:
        mine = sorted(mine + store.open_for_admins(db), key=lambda t: (t["opened_at"], t["id"]))
    return mine


def waits_for(db, person: dict, ticket_id: int) -> bool:
    """Is this ticket open and in ``person``'s 待办 (``open_tickets_for``: assigned to the adviser; an admin's also
    those raised to the admins)? One row read, not the whole queue."""
    ticket = store.get(db, ticket_id)
    if ticket is None or ticket["status"] != "open":
        return False
    if ticket["adviser_person_id"] == person["id"]:
        return True
    return person["role"] == ADMIN and ticket["adviser_person_id"] is None


def is_open(db, ticket_id: int) -> bool:
    """Is there an open ticket with this number (anyone's)?"""
    ticket = store.get(db, ticket_id)
    return ticket is not None and ticket["status"] == "open"


def all_open_tickets(db) -> list[dict]:
    """Every open ticket, oldest first, with ``village`` and ``adviser`` names."""
    return store.all_open(db)


def response_times(db) -> list[dict]:
    """Per adviser: tickets answered, average and longest hours to the first answer."""
    return store.response_times(db)


def adviser_figures(db, since: str | None = None, until: str | None = None) -> dict[int, dict]:
    """Per adviser (people.id): ``open`` tickets assigned now, ``answered`` (first answers in [since, until]) and
    ``median_hours`` from question to first answer (None without answers); for the visits page and the awards."""
    figures: dict[int, dict] = {}
    for person_id, count in store.open_by_adviser(db).items():
        figures.setdefault(person_id, {"open": 0, "answered": 0, "median_hours": None})["open"] = count
    hours: dict[int, list[float]] = {}
    for row in store.answer_hours(db, since, until):
        hours.setdefault(row["person_id"], []).append(row["hours"])
    for person_id, values in hours.items():
        entry = figures.setdefault(person_id, {"open": 0, "answered": 0, "median_hours": None})
        entry["answered"], entry["median_hours"] = len(values), round(statistics.median(values), 1)
    return figures


# round 53 (the lead, as the office in the simulator: '顾问们回复问题快不快' got the office's own 待办): how the advisers
# answer, asked by the campaign office
_ADVISERS_ASKED_RE = re.compile(
    r"(?:顾问|专家|技术员)(?:们|的)?(?:回复|回答|答|解答|处理)(?:问题)?(?:得)?"
    r"(?:快不快|快吗|快唔快|够快吗|及时吗|及不及时|及唔及时|慢不慢|慢唔慢|怎么样|点样|情况|几快|多快)"
    r"|(?:顾问|专家)(?:们)?(?:的)?(?:回复|回答|答题)(?:情况|速度|效率|时效|统计)"
    r"|(?:哪个|哪位|边个|边位)(?:顾问|专家)(?:回复|回答|答)(?:得)?(?:最)?(?:慢|快|少|多)"
)
ADVISERS_ASKED_MAX_CHARS = 24
ADVISERS_LISTED = 10  # advisers named in one reply; the rest on the dashboard


def advisers_asked(norm: str) -> bool:
    """Round 53: the advisers' answering asked after ('顾问们回复问题快不快', '专家回复情况', '边个顾问答得最慢')."""
    return bool(norm and len(norm) <= ADVISERS_ASKED_MAX_CHARS and _ADVISERS_ASKED_RE.search(norm))


def advisers_text(app, db, now: datetime) -> str:
    """Each adviser's answering this month (first answers, their median hours) and what waits for them now, the most
    waiting first; the dashboard for the rest."""
    local = clock.local(now, app.tz)
    start = reminders.at_local(local.date().replace(day=1), datetime.min.time(), app.tz)
    figures = adviser_figures(db, clock.to_db(start), clock.to_db(now))
    people = store.advisers(db)
    if not people:
        return app.t("escalation.advisers_none")
    empty = {"open": 0, "answered": 0, "median_hours": None}
    rows = sorted(((p, figures.get(p["id"], empty)) for p in people), key=lambda pf: (-pf[1]["open"], pf[0]["name"]))
    lines = [app.t("escalation.advisers_header", month=local.month)]
    for person, figure in rows[:ADVISERS_LISTED]:
        key = "escalation.advisers_line" if figure["answered"] else "escalation.advisers_line_none"
        lines.append(
            app.t(
                key,
                name=person["name"],
                n=figure["answered"],
                hours=f"{figure['median_hours'] or 0:g}",
                open=figure["open"],
            )
        )
    if len(rows) > ADVISERS_LISTED:
        lines.append(app.t("escalation.advisers_more", n=len(rows) - ADVISERS_LISTED))
    lines.append(app.t("escalation.advisers_footer", url=app.config.public_link("/admin/")))
    return "\n".join(lines)


# -- the SLA job -----------------------------------------------------------------------------------
def check_sla(app, now: datetime) -> dict:
    """Job: remind advisers of old open tickets (once), then reassign or raise them (once)."""
    from bot.db import transaction

    settings = _settings(app)
    db = app.db
    counts = {"reminded": 0, "reassigned": 0}
    with transaction(db):
        # the lead (forty-second session): a ticket whose adviser no longer serves its village (the roster re-imported)
        # is handed on at this check, not a day later when its SLA would: the villager's words and photos leave them
        for ticket in store.owned_outside_their_villages(db, CADRE_ROLES):
            _reassign(app, db, ticket, now)
            counts["reassigned"] += 1
        for ticket in store.due_for_reassignment(db, clock.to_db(now - timedelta(hours=settings["reassign_hours"]))):
            _reassign(app, db, ticket, now)
            counts["reassigned"] += 1
        for ticket in store.due_for_reminder(db, clock.to_db(now - timedelta(hours=settings["remind_hours"]))):
            store.mark_reminded(db, ticket["id"], clock.to_db(now))
            notice, flagged = _new_ticket_notice(app, db, ticket, "escalation.remind_notice", now)
            notify_staff(app, db, ticket, notice, f"remind{ticket['reopened_count']}", now, at_once=flagged)
            if route_of(ticket) == ROUTE_VILLAGE:  # tidy80: the village's other cadre may answer it from now on
                _tell_other_cadres(app, db, ticket, now)
            counts["reminded"] += 1
    return counts


def pass_on(app, db, ticket_id: int, now: datetime, *, to_admins: bool, by: dict) -> dict | None:
    """Round 53: an adviser's ticket passed on in their words ('84号我答唔到 转其他顾问', '84号转给管理员'): to another
    adviser as the SLA job would (``_reassign``) or to the admins; the new owner (None: the admins). Call inside a
    transaction, for a ticket waiting for the sender ``by`` (``waits_for``), whose role and name the new owner's notice
    says (esc101: '原来的顾问' had been said of a village's cadre too)."""
    ticket = store.get(db, ticket_id)
    assert ticket is not None
    return _reassign(
        app,
        db,
        ticket,
        now,
        to_admins=to_admins,
        template="escalation.passed_on_notice",
        key=f"pass{clock.to_db(now)}-",  # passed back and forth, each owner is told each time
        by=_said_by(app, by),
    )


def take_over(app, db, ticket: dict, person: dict, now: datetime) -> dict:
    """Tidy80: the ticket passed on to ``person``, the village's other cadre answering it after its wait
    (``may_take_over``): assigned to them and marked handed on (``escalated_at``: the SLA hands it on no further), the
    former holder's waiting notices withdrawn. The former holder's row ({} when the admins held it). Call inside a
    transaction; the answer follows."""
    former = roster_store.person(db, ticket["adviser_person_id"]) or {}
    now_s = clock.to_db(now)
    withdraw_notices(db, ticket["id"], "ticket taken over")
    store.assign(db, ticket["id"], person["id"], now_s)
    store.mark_escalated(db, ticket["id"], now_s)
    log.info(
        "ticket %s: waited past its time, taken over from %s by %s", ticket["id"], former.get("name"), person["name"]
    )
    return former


def _tell_former_holder(app, db, ticket: dict, former: dict, by: dict, now: datetime) -> None:
    """The former holder of a ticket taken over (``take_over``) is told who answered it (``taken_over_notice``): it
    is off their 待办. Keyed outside the ticket's notices (``_notices_of``), which the answer withdraws."""
    if not (former.get("openid") and identity.is_proven(former)):
        return
    notice = _ticket_notice(app, db, ticket, "escalation.taken_over_notice", now, by=_said_by(app, by))
    key = f"takeover:{ticket['id']}:{ticket['reopened_count']}:{former['openid']}"
    _queue_notice(app, db, ticket, former["openid"], notice, key, now)


def _tell_other_cadres(app, db, ticket: dict, now: datetime) -> int:
    """Tidy80: at a village ticket's wait (its holder reminded), the village's other cadres bound with proof are told
    they may answer it now (``passed_on_notice``'s sibling ``waiting_for_village_notice``); withdrawn with the ticket's
    other notices once it is answered."""
    holder = roster_store.person(db, ticket["adviser_person_id"])
    holder_words_ = _said_by(app, holder) if holder else app.t("escalation.admin_name")
    others = [
        p
        for p in store.cadres_of_village(db, ticket["village_id"], CADRE_ROLES)
        if p["id"] != ticket["adviser_person_id"] and p["openid"] and identity.acts_as(p, CADRE_ROLES)
    ]
    notice = _ticket_notice(app, db, ticket, "escalation.waiting_for_village_notice", now, holder=holder_words_)
    key = f"{_notices_of(ticket['id'])}other{ticket['reopened_count']}:"
    return sum(_queue_notice(app, db, ticket, p["openid"], notice, key + p["openid"], now) for p in others)


def _reassign(
    app,
    db,
    ticket: dict,
    now: datetime,
    *,
    to_admins: bool = False,
    template: str = "escalation.reassigned_notice",
    key: str = "reassign",
    **extra: str,
) -> dict | None:
    """To the least recently assigned other adviser (a linked one first), a village's ticket to another of its cadres
    (round 100: never to an adviser); none (or ``to_admins``) -> the admins. The
    old owner's notices still waiting (for the end of quiet hours, or held outside the 48-hour window) are withdrawn
    first: the ticket is no longer theirs; the new owner's notice is queued after, so it stays. The new owner."""
    now_s = clock.to_db(now)
    withdraw_notices(db, ticket["id"], "ticket reassigned")
    current = ticket["adviser_person_id"]
    adviser = None if to_admins else _first_holder(db, route_of(ticket), ticket["village_id"], but=current)
    store.assign(db, ticket["id"], adviser["id"] if adviser else None, now_s)
    store.mark_escalated(db, ticket["id"], now_s)
    store.mark_reminded(db, ticket["id"], now_s)  # the new owner gets the reassignment notice, not a reminder
    refreshed = store.get(db, ticket["id"])
    assert refreshed is not None
    ticket = refreshed
    notice, flagged = _new_ticket_notice(app, db, ticket, template, now, None, **extra)
    notify_staff(app, db, ticket, notice, f"{key}{ticket['reopened_count']}", now, at_once=flagged)
    return adviser
