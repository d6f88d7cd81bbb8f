"""Who is writing: the guards other capabilities put on their handlers, and 登记 (binding a WeChat user to a
roster person).

``@registered`` is the one line planting, progress and the others write above a handler that acts for a
villager; ``@staff(roles)`` above one that only proven staff may use (待办, 答, 收录; plot records and 代种
call ``staff_refusal`` for the texts that need it)::

    @registered
    def on_my_progress(ctx, _match) -> str: ...

    @staff(roster.TICKET_ROLES, refusal="escalation.not_adviser")
    def on_queue(ctx, _match) -> str: ...

**Identity by proof.** A binding records how it was proven (``people.bound_via``). A staff role
(``bot.roster.STAFF_ROLES``) counts only when its binding was proven by a one-time code (bot/proofs.py) or by
the roster file's openid column (``PROOFS``); until then that person has 群众 powers
(``is_proven``) and the office sees the binding on 登记冲突. A 群众 or 党员 holds at once (roles come from the
roster: DESIGN.md); one bound by name alone is listed on 登记冲突 for the village to confirm or release.

When the sender is bound to a roster person the handler runs. Otherwise
(``require_registered(ctx)``) the guard keeps the message (the ``pending_registration`` flow holds its inbox id)
and returns the one-line register hint. After a successful ``登记`` the registration
handler calls ``replay_kept(ctx)``: every kept message is rebuilt from its inbox
payload and dispatched through the router again, so the villager does not have to
send it twice; what those messages produced is appended to the registration reply.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import logging
import operator
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import timedelta
from functools import lru_cache
from typing import Any

from bot import common_words, conversation, hanzi, households, nlu, proofs, request_frames
from bot.context import Ctx
from bot.incoming import MalformedMessage, from_fields
from bot.kept import Kept
from bot.nlu import OLD_RELATIVES
from bot.roster import (
    ADMIN,
    ADVISER,
    CADRE,
    CHIEF_LEADER,
    LEADER,
    MASSES,
    PARTY_MEMBER,
    SECRETARY,
    STAFF_ROLES,
    core_name,
    match_village,
)
from bot.router import dispatch
from bot.store import inbox as inbox_store
from bot.store import outbox as outbox_store
from bot.store import roster as roster_store
from bot.surnames import COMMON_SURNAMES, COMPOUND_SURNAMES, has_common_surname  # noqa: F401  (read here)

log = logging.getLogger(__name__)


def _three_days(_config) -> timedelta:
    return timedelta(days=3)


# Messages sent before registering are kept this long (a villager may register the next day).
PENDING = conversation.Flow("pending_registration", ("waiting",), timeout=_three_days)
MAX_KEPT = 10  # at most this many messages are kept (a photo, its count, a location …)
# 登记 in steps: ask_name {village_id} (QR welcome), ask_village {name}, choose_village {name, village_ids},
# confirm_phone {person_id, name, village_id} (the phone check);
# its table is in handlers/registration.py, its diagram in docs/roster.md.
REGISTRATION = conversation.Flow(
    "registration", ("ask_name", "ask_village", "choose_village", "confirm_phone"), timeout=_three_days
)


# How a binding may be proven for a staff role: a one-time code, or the roster file's openid column.
PROOFS = ("code", "roster")


def is_staff_role(role: str | None) -> bool:
    return role in STAFF_ROLES


def is_proven(person: Mapping | None) -> bool:
    """Does this binding hold with its roster role? Always for 群众 and 党员; a staff role only when the
    binding was proven by a code or the roster's openid column."""
    if not person:
        return False
    return not is_staff_role(person.get("role")) or person.get("bound_via") in PROOFS


def proven_office(db) -> list[dict]:
    """The office: the roster's 管理员 bound to WeChat with proof (``is_proven``), in roster order. Told of what has no
    one else to go to: a ticket with no adviser (bot/escalation.py ``recipients``), an accident with no cadre on
    WeChat (bot/accidents.py), the award dates (bot/awards.py); tidy84: one filter, where three had stood."""
    return [p for p in roster_store.bound_in_role(db, ADMIN) if is_proven(p)]


def acts_as(person: Mapping | None, roles: Iterable[str]) -> bool:
    """Does this binding hold one of ``roles`` with proof (``is_proven``)? For rules outside a handler."""
    if not person:
        return False
    return person.get("role") in set(roles) and is_proven(person)


def staff_refusal(ctx: Ctx, roles: Iterable[str], refusal: str, no_village: str | None = None) -> str | None:
    """None when the sender may act as one of ``roles``; else the reply: the register hint (the message is
    kept, as ``@registered`` does), ``refusal`` (a message key) for other roles, or how to prove a staff role
    that is not proven yet; with ``no_village`` (a message key), staff acting for their village's households,
    whom the roster gives no village, get that."""
    hint = require_registered(ctx)
    if hint:
        return hint
    assert ctx.person is not None  # require_registered found the binding
    if ctx.person["role"] not in tuple(roles):
        return ctx.t(refusal)
    if not is_proven(ctx.person):
        return ctx.t("registration.staff_unproven", role=ctx.person["role"])
    if no_village and ctx.person["village_id"] is None:
        return ctx.t(no_village)
    return None


def staff(roles: Iterable[str] | Callable[[Any], Iterable[str]], refusal: str = "registration.staff_only"):
    """Handler decorator: only a sender bound, with proof, to a person holding one of ``roles`` (a tuple of
    roster roles, or ``roles(app)`` for roles the config holds) gets through; see ``staff_refusal``."""

    def decorate(handle):
        @functools.wraps(handle)
        def guarded(ctx: Ctx, match):
            wanted = roles(ctx.app) if callable(roles) else roles
            return staff_refusal(ctx, wanted, refusal) or handle(ctx, match)

        return guarded

    return decorate


def registered(handle):
    """Handler decorator: the sender must be registered; otherwise the message is kept and the reply is the
    register hint (``require_registered``)."""

    @functools.wraps(handle)
    def guarded(ctx: Ctx, match):
        return require_registered(ctx) or handle(ctx, match)

    return guarded


def require_registered(ctx: Ctx) -> str | None:
    """None when the sender is registered; otherwise keep this message and return the register hint."""
    if ctx.person:
        return None
    keep_message(ctx)
    village = scene_village(ctx)
    if village:
        REGISTRATION.enter(ctx, "ask_name", {"village_id": village["id"]})  # a bare name now registers
        return ctx.t("registration.register_first_with_village", village=village["name"])
    return ctx.t("registration.register_first")


def scene_village(ctx: Ctx) -> dict | None:
    """The village preselected by the QR code the user followed or scanned, if any."""
    return roster_store.village(ctx.db, (ctx.user or {}).get("scene_village_id"))


def keep_message(ctx: Ctx) -> None:
    """Remember this message's inbox id so it can be handled again once the sender has registered."""
    kept = kept_inbox_ids(ctx)
    if ctx.inbox_id not in kept:
        kept = (kept + [ctx.inbox_id])[-MAX_KEPT:]
    PENDING.enter(ctx, "waiting", {"inbox_ids": kept, "kept_at": ctx.now_s})


def kept_since(ctx: Ctx, since: str) -> bool:
    """Did the sender, not yet registered, have a message kept for after 登记 at or after ``since`` (a record's
    text: the photo after it is the record's too, kept with it, never a ticket's 补充)?"""
    state = PENDING.state(ctx)
    return bool(state and state.data.get("inbox_ids") and (state.data.get("kept_at") or "") >= since)


def kept_inbox_ids(ctx: Ctx) -> list[int]:
    state = PENDING.state(ctx)
    return list(state.data.get("inbox_ids", [])) if state else []


def replay_kept(ctx: Ctx) -> list[str]:
    """Handle the kept messages again, now that the sender is registered; returns their replies.

    Each is rebuilt from the inbox payload and dispatched through the app's routes with its original
    inbox id (so a photo's media row still belongs to it). The flow ends first, so nothing is replayed twice.
    """
    inbox_ids = kept_inbox_ids(ctx)
    PENDING.end(ctx)
    ctx.forget_person()
    replies: list[str] = []
    for row in inbox_store.rows_of(ctx.db, ctx.openid, inbox_ids):
        try:
            msg = from_fields(json.loads(row["payload"] or "{}"))
        except (MalformedMessage, ValueError):
            log.warning("kept message %s cannot be rebuilt", row["id"])
            continue
        replay_ctx = dataclasses.replace(ctx, msg=msg, inbox_id=row["id"], _person=None)
        _name, reply = dispatch(ctx.app.routes, replay_ctx)
        if reply:
            replies.append(reply)
    return replies


# -- 登记: reading the command and binding --------------------------------------------------------------
# tidy78: the words of registering, one source (tidy79: for every reader of them here: the command, a wish to register, how
# asked, one not registered yet, no person's name); binding is registering asked
_REGISTER = "登记|注册"
_REGISTER_OR_BIND = f"{_REGISTER}|绑定"
# round 64 (the simulator's '登记一下龙眼' had asked 一下龙眼's village): 一下 / 下 after the word is its particle, never a
# name's first characters
# round 81 (issue 17 §5; 21s '嗯那个我要登记一下啊我叫陈木棉埔心村的' had bound 啊我叫陈木棉): a spoken particle after the
# request (啊, 呀, 嘛 …) is no part of the name that follows it
_SPOKEN_PARTICLE = r"(?:啊|呀|吖|嘛|啦|喔|哦)?"
_COMMAND_PREFIX = re.compile(rf"^(?:我要)?(?:{_REGISTER_OR_BIND})(?:一下|下)?{_SPOKEN_PARTICLE}\s*[:：]?\s*")
# 登记 asked for in words ('我想登记一下', '帮我登记，我叫梁志明，埔心村的'): what follows is nothing, or a name and a
# village as a self-introduction gives them (``read_name_and_village``), never anything else ('我想登记我种的树')
_ASKED_PREFIX = re.compile(
    rf"^(?:(?:你好|您好)[\s,，!！]*)?(?:帮我|帮忙|我想|我想要|想|请|请帮我|麻烦|麻烦你|麻烦帮我)(?:{_REGISTER})(?:一下|下)?"
    r"(?:做|当|成为)?"  # round 48 (19v): registered as what ('我想注册做埔心村嘅村民 我叫钟伟')
    rf"{_SPOKEN_PARTICLE}[\s,，:：。!！]*"  # round 81: '我想注册一下呀我系埔心村嘅叶春花'
)
_TRAILING_CODE = re.compile(
    rf"(?<!\d)(\d{{{proofs.CODE_DIGITS}}})[\s。.!！]*$"
)  # 登记 张三 埔心村 123456 / 埔心村123456
_SEPARATORS = re.compile(r"[\s,，、:：;；/。.!！?？~～]+")
_HAN_NAME = re.compile(r"^[\u3400-\u9fff][\u3400-\u9fff·]{1,7}$")
_HAN_PLACE = re.compile(r"^[\u3400-\u9fff]{2,12}$")
_LATIN_NAME = re.compile(r"^[A-Za-z][A-Za-z .'\-]{1,29}$")
# Short texts that are never a name, even in the ask-name step (menu texts are added to these).
NOT_NAMES = {
    "帮助",
    "取消",
    "退订",
    "订阅",
    "菜单",
    "你好",
    "您好",
    "在吗",
    "好的",
    "谢谢",
    "收到",
    "是的",
    "不是",
    "没有",
    "可以",
    "知道",
    "知道了",
    "明白",
    "登记",
    "注册",
    "待办",
    "种树",
    "进度",
    "问题",
    "专家",
    "照片",
    "图片",
    "语音",
    "测试",
    "本村",
    "我的",
    "记录",
    "求助",
    "老师",
    # roles and the like ('我是埔心村的党员' names no one): the roster's (bot/roster.py) but 技术顾问, 主要领导, and others
    PARTY_MEMBER,
    MASSES,
    "村民",
    "农民",
    "老人",
    "干部",
    CADRE,
    "书记",
    SECRETARY,
    "支书",
    "村长",
    "主任",
    LEADER,
    # conv110 (23g: '我是技术顾问 今天来埔心村巡查' had registered a 群众 named 技术顾问, and from an adviser been read as
    # a roster name not his): every roster role, the longer ones too
    CHIEF_LEADER,
    "顾问",
    ADVISER,
    "技术员",
    ADMIN,
}


@dataclass(frozen=True)
class RegisterText:
    """What a 登记 (or 绑定) command says; a part not given is None."""

    name: str | None
    village_text: str | None
    code: str | None = None  # a one-time invite code (bot/proofs.py)


# round 63 (20q): Hakka 涯 written for 𠊎 (I) read as 我 wherever an introduction is read ('涯系埔心村嘅 想登记'), only before
# a word 我 is said with — the words messages/typos.toml [characters] reads as 我 after it (涯想, 涯屋 …), and 系/是 — and
# first in its clause or after a filler (the lead: a name holding 涯, 刘涯系埔心村嘅, keeps it)
_HAKKA_I_BEFORE = "系是" + "".join(
    key[1]
    for key, meant in nlu.COMMAND_CHARACTERS.items()
    if len(key) == 2 and key[0] == "涯" and meant == "我" + key[1]
)
_HAKKA_I = re.compile(f"(?:(?<![\u4e00-\u9fff])|(?<=[嗯喂啊哦咁噉解话]))涯(?=[{_HAKKA_I_BEFORE}])")


# round 66 (20u): voice input that spaced out every character ('登 记 罗 荔 芳 埔 心 村'): one word again, as typed
_SPACED_OUT = re.compile(r"^[\u3400-\u9fff](?:\s[\u3400-\u9fff]){3,}$")


def normalize_text(text: str | None) -> str:
    norm = unicodedata.normalize("NFKC", text or "").strip()
    if _SPACED_OUT.match(norm):
        norm = re.sub(r"\s", "", norm)
    return _HAKKA_I.sub("我", norm)


# How a self-introduction is spoken (round 19), read before it: voice input's fillers first ('嗯那个我系埔心村嘅');
# Hakka 𠊎 (I), 喊 (am called) and 个 (of) after the village ('𠊎系埔心村个 𠊎喊邓桂娣'); the request said after it
# ('我是埔心村村民叶桃娣麻烦帮我登记一下谢谢')
# round 21: an elder naming herself before 我, as a grandchild's phone writes her voice ('阿嬷我叫陈梅花埔心村的')
_FILLERS = re.compile(
    r"^(?:(?:嗯|呃|额|哦|噢|喂|诶|欸|唉)+[\s,，]*(?:(?:那个|就是)[\s,，]*)*|那个[\s,，]*(?=我)"
    r"|(?:阿嬷|阿婆|阿公|阿爷|奶奶|爷爷|外婆|外公)[\s,，]*(?=我))"
)
# round 64 (20q: '嗯 登记 嗯 林桃妹 埔心村'): a filler standing alone between the words, as voice input writes a pause
_FILLERS_BETWEEN = re.compile(r"(?<=[\s,，])(?:嗯|呃|额|唔嗯)+(?:[\s,，]+|$)")
_HAKKA = (
    (re.compile("\U0002028e"), "我"),
    (re.compile(r"(?<=我)喊"), "叫"),
    # conv83a (21z): 喊 after the name's word too ('涯系埔心村个 名喊钟亚秀'; 喊做 is read below)
    (re.compile(r"(?:(?<=名)|(?<=名字))喊(?!做)"), "叫"),
    # round 33b: 安做 (is called, Hakka) after 我 ('𠊎安做刘石生 係埔心村人')
    (re.compile(r"(?<=我)安做"), "叫"),
    # round 44 (19r): 喊做 (is called, Hakka) after the name's word or alone ('名喊做温石生', '𠊎喊做罗四妹'); round 56 (20f):
    # 安做 after the name's word too ('涯系埔心村个 名安做曾桃英')
    (re.compile(r"(?:(?<=名)|(?<=名字)|(?<=我))(?:喊做|安做)"), "叫"),
    # round 25: before the name too ('𠊎系埔心村个钟四妹')
    (re.compile(r"(?<=[村区])个(?=$|[\s,，]|[\u3400-\u9fff]{2,4}$)"), "的"),
    # round 20: 就系 (is, Hakka and Cantonese) before the village after a name ('我叫叶火生就系埔心村个')
    (re.compile(r"(?<=[\u3400-\u9fff])就(?:系|是)(?=[\u3400-\u9fff]{1,10}[村区])"), "，是"),
)
_PUNCT = r"[\s,，。.!！?？~～]*"
# round 84 (22b: '你好呀我想报个名我系埔心村嘅黄德胜'): the greeting's particle and 哈喽 too, as voice input runs them on
_GREETING = r"^(?:(?:你好|您好|老师好|哈喽|哈啰)(?:呀|啊|吖)?[\s,，!！]*)?"
_WITH_THIS = r"(?:用呢个|用这个|用呢度|用这里|喺度|在这里)"
# conv110 (23g): 'just followed' said after the introduction's name with no pause ('…的李秀英刚关注想绑定一下', '…嘅陈金凤啱啱
# 关注咗想登记下'). A name may end in 刚 or 新 (李志刚, 陈国新): those are read as 'just' or 'new' only after a name of three
# characters (its 的, 嘅, 叫, 是 before it), so '…的李志刚刚关注' keeps 李志刚; Cantonese 啱 after two or three
_NAME_OF = "[的嘅叫系是]"
_JUST_FOLLOWED_SAID = (
    rf"(?:(?<={_NAME_OF}[\u4e00-\u9fff]{{3}})(?:刚刚|刚|新)"
    rf"|(?:(?<={_NAME_OF}[\u4e00-\u9fff]{{2}})|(?<={_NAME_OF}[\u4e00-\u9fff]{{3}}))(?:啱啱|啱))"
    r"(?:关注|加)(?:了|咗)?(?:的|嘅)?(?:公众号)?"
)
_REQUEST_AFTER = re.compile(
    # round 21: 办理登记 (formal), 登上去 (colloquial: put me on the list)
    rf"{_PUNCT}(?:(?:麻烦|请)(?:你)?(?:帮我|帮忙)?|帮我|帮忙)(?:办理|办)?(?:{_REGISTER_OR_BIND}|登上去|登上)(?:一下|下)?{_PUNCT}"
    rf"(?:啊|呀|吧|啦)?{_PUNCT}(?:谢谢|多谢|唔该)?{_PUNCT}$"  # round 23: '帮我登记啊唔该'
    # round 23: who sent the sender to register, after the introduction ('…我孙子叫我在这里登记一下名字')
    # round 84: Hakka 涯 (I) there too ('涯系埔心村个 佢喊涯来登记' had registered the name 佢喊涯来)
    rf"|{_PUNCT}(?:我)?[一-鿿]{{0,3}}(?:叫|让|喊)(?:我|涯)(?:在这里|在这|喺度|嚟|来|过来)?(?:{_REGISTER})(?:一下|下)?"
    rf"(?:名字|个名)?{_PUNCT}$"
    rf"|{_PUNCT}(?:谢谢|多谢|唔该){_PUNCT}$"
    # round 28: wanted with or without a pause, 绑定 beside 登记, Teochew 欲 and Hakka 爱 for 要 ('…李亚妹我要登记',
    # '阮是埔心村个林丽珠，欲登记', '𠊎系埔心村个刘观娣，想登记一下名字', '…郑国雄，请帮忙绑定，谢谢')
    # round 81 (issue 17 §5; 21u '我是埔心村村民张龙眼想报个名参加种树登记一下' had become a ticket): the wish to sign up
    # for the planting said before it ('想报个名参加种树'), 登记 last: the introduction registers (the day is 参加's)
    # round 84 (22a: '…村民李水娣想报名用呢个', '…叶春兰想用呢个登记'): with this account (用呢个) before or after it, and
    # 报名 alone (a sign-up wish ending an introduction, nothing of a planting day named)
    # conv100 (22v: '你好我是埔心村的李桂芳想绑定一下身份', 22u: '…黄志强想登记下点样搞'): what is bound named after the
    # wish (身份, 账号), and how asked after it (点样搞)
    # conv110 (23g: '你好我是埔心村的李秀英刚关注想绑定一下'): just followed said between, with no pause (_JUST_FOLLOWED_SAID)
    rf"|{_PUNCT}(?:{_JUST_FOLLOWED_SAID}{_PUNCT})?(?:我)?(?:要|想|欲|爱){_WITH_THIS}?(?:报个名|报名)?(?:参加|参与)?(?:种树|植树)?"
    r"(?:活动)?(?:请你?)?(?:帮我|帮忙)?"
    rf"(?:{_REGISTER_OR_BIND})(?:一下|下)?(?:名字|个名|身份|我的身份|账号|帐号)?{_WITH_THIS}?{_PUNCT}"
    rf"(?:(?:要)?(?:点样|点|怎么|怎样|如何)(?:样)?(?:搞|弄|做|办|操作)?)?"
    rf"(?:啊|呀|吧|啦)?{_PUNCT}(?:谢谢|多谢|唔该)?{_PUNCT}$"
    rf"|{_PUNCT}(?:我)?(?:要|想|欲|爱){_WITH_THIS}?(?:报个名|报名){_WITH_THIS}?(?:啊|呀|吧|啦)?{_PUNCT}$"
    # round 79 (21r: '𠊎係新搬转来埔心村个 叫罗石榴 爱唔爱登记' had left 爱唔 of it, the introduction a question): whether
    # one needs to register, asked after it (要不要, Hakka 爱唔爱 — its second 爱 typed 要 by messages/typos.toml —,
    # Cantonese 使唔使, 需不需要), before the wish's 要 reads it
    rf"|{_PUNCT}(?:请问)?(?:我)?(?:(?:要|爱|使|洗|用|需|需要)(?:唔|不)(?:要|爱|使|洗|用|需要)|需要|要)?"
    rf"(?:先)?(?:{_REGISTER_OR_BIND})(?:一下|下)?(?:吗|呢|啊|呀|咩|不|没有|未)?{_PUNCT}$"
    # round 22: the bare command after it ('我叫李秀英 埔心 登记'), or hurried ('快啲登记')
    rf"|[\s,，。.!！]+(?:快啲|快点)?(?:{_REGISTER})(?:一下|下)?(?:啦|吧)?{_PUNCT}$"
    # round 20: how to register asked after the introduction ('点样登记啊', '刚关注的，请问要怎么绑定？')
    rf"|{_PUNCT}(?:刚关注的?{_PUNCT})?(?:请问)?(?:我)?(?:要|应该)?(?:点样|点|怎么|怎样|如何)(?:样)?(?:{_REGISTER_OR_BIND}|激活|开通)"
    # round 33b: what is bound said after it ('点样绑定身份', '怎样绑定账号')
    rf"(?:身份|账号|帐号|名字|个名|资料|信息)?(?:啊|呀|呢|先)?{_PUNCT}$"
    # round 33b: what to fill in to register asked after it ('…要填乜个资料正用得', '…要填啲乜嘢资料'): the introduction
    # registers, the reply says what else is needed
    rf"|{_PUNCT}(?:请问)?(?:我)?(?:要|应该|需要|使)?(?:填|交|提供|写|准备)(?:啲|些|一些)?(?:乜嘢|乜|咩|什么|啥|哪些)"
    rf"(?:个|嘅|的)?(?:资料|信息|东西|嘢)?[\u4e00-\u9fff]{{0,4}}?(?:啊|呀|呢)?{_PUNCT}$"
)


# round 79 (21q: '怎么报名啊我是埔心村的刘松英' had become a ticket): how to register asked before the introduction, with or
# without a pause; 报名 (signing up) is registering only so, an introduction right after it (``spoken_text`` keeps the
# text whole unless one follows: '怎么报名参加植树活动' is the planting day's)
_REQUEST_BEFORE = re.compile(
    rf"^(?:请问|想问下|想问一下)?(?:我)?(?:要|应该)?(?:点样|点|怎么|怎样|如何|咋)(?:样)?(?:才能|可以|去)?"
    rf"(?:{_REGISTER_OR_BIND}|报名)(?:一下|下)?(?:啊|呀|呢|先|嘅|的|嘛)?{_PUNCT}"
    # round 84 (22b: '喂你好呀我想登记一下啊我叫张伯华系埔心村嘅'): the wish said first, a greeting before it, run on with
    # no pause as voice input writes it (with pauses, the story's readers read its clauses); as the question above,
    # only with an introduction right after it
    rf"|{_GREETING}(?:我)?(?:想|要|想要)(?:{_REGISTER_OR_BIND}|报名|报个名)(?:一下|下)?{_WITH_THIS}?(?:啊|呀|先)?(?=我|本人)"
)


# round 25: 登记 typed by a word that sounds like it, first and spaced from the name and the village after it ('等级 李德胜
# 埔心村': 等级 is a word of its own, a seedling's grade, which the sound reader keeps); two parts must follow it, the
# last a place ('等级 一级苗 二级苗' is no 登记)
_COMMAND_WORD_FIRST = re.compile(r"^([\u4e00-\u9fff]{2})[\s:：,，]+(?=\S+[\s,，]+\S*(?:村|社区|居委|镇|街道|乡)\s*$)")


def _command_by_its_sound(norm: str) -> str:

    first = _COMMAND_WORD_FIRST.match(norm)
    if (
        first
        and first.group(1) != "登记"
        and all(nlu.readings(a) & nlu.readings(b) for a, b in zip(first.group(1), "登记"))
    ):
        return "登记 " + norm[first.end() :]
    return norm


def _without_asides(norm: str) -> str:
    """Round 25: the asides after an introduction left out ('𠊎系埔心村个钟四妹 阿媳帮𠊎打字': who typed it, thanks)."""

    clauses = [c for c in _SEPARATORS.split(norm) if c]
    if len(clauses) < 2 or not nlu.is_aside(clauses[-1]):
        return norm
    while len(clauses) > 1 and nlu.is_aside(clauses[-1]):
        clauses.pop()
    return norm[: norm.rindex(clauses[-1]) + len(clauses[-1])]


# conv108 (23f: '我系埔心村嘅黄伯叫黄炳坤点样登记啊' had been the FAQ's steps): who one is in the village said as a title (黄伯,
# 陈婶), run on into 叫 and a name of that surname: the name is the speaker's, the title left out ('我系埔心村嘅黄炳坤…');
# a name of another surname may be someone else's, and stays as said
# tidy91: bot/nlu.py's forms of address (``nlu.ADDRESS_TITLES``, their one owner), said once or twice; 婆婆 is not among
# them here (as before: '黄婆婆' is no form of address to ``is_form_of_address``); conv109: ``is_form_of_address`` too
_ADDRESS_TITLES = nlu.titles_alternation(nlu.ADDRESS_TITLES + nlu.ADDRESS_TITLES_DOUBLED, without=("婆婆",))
_TITLE_THEN_NAMED = re.compile(
    rf"(?<=[的嘅个])(?P<surname>[\u4e00-\u9fff]){_ADDRESS_TITLES}(?:叫做|名叫|叫)"
    r"(?=(?P=surname)[\u4e00-\u9fff]{1,3})"
)


def spoken_text(text: str | None) -> str:
    """``normalize_text``, then the text as a self-introduction says it (above): fillers left out, Hakka read, and a
    request for 登记 after an introduction left out; conv108: a title run on into one's name left out."""

    # pinyin left unconverted and sound-alikes typed for the command words (messages/typos.toml: wo叫 -> 我叫)
    told = _TITLE_THEN_NAMED.sub("", normalize_text(text), count=1)
    norm = nlu.command_typos_fixed(_FILLERS.sub("", _command_by_its_sound(told), count=1))
    norm = _without_asides(_FILLERS_BETWEEN.sub("", norm))
    bare = _REQUEST_BEFORE.sub("", _said_once(_REQUEST_AFTER.sub("", norm)), count=1)
    for pattern, replacement in _HAKKA:
        norm = pattern.sub(replacement, norm)
        bare = pattern.sub(replacement, bare)
    return bare if bare and _INTRO_START.match(bare) else norm


# round 28: a name said twice in one breath, as voice input writes it ('我系埔心村的李亚妹李亚妹'): said once
_SAID_TWICE = re.compile(r"([\u3400-\u9fff]{2,4})\1$")


def _said_once(norm: str) -> str:
    return _SAID_TWICE.sub(r"\1", norm)


def last_clause(text: str | None) -> str:
    """The last of a few clauses ('我阿爸叫我嚟登记 佢唔识用手机 我系埔心村嘅钟亚森' -> '我系埔心村嘅钟亚森'): a
    self-introduction at the end of a short story; '' for one clause or a long text."""
    norm = spoken_text(text)
    clauses = [c for c in _SEPARATORS.split(norm) if c]
    return clauses[-1] if 2 <= len(clauses) <= 4 and len(norm) <= 40 else ""


def is_register_text(text: str) -> bool:
    """Cheap test, before any village is loaded: does the text start with the 登记 command (or ask for it)?"""
    norm = spoken_text(text)
    return bool(_COMMAND_PREFIX.match(norm) or _ASKED_PREFIX.match(norm))


def parse_register_text(text: str, villages: list[dict]) -> RegisterText | None:
    """'登记 张三 埔心村' -> RegisterText('张三', '埔心村'); None when the text is not a 登记 command.

    Forgiving about the rest: '登记张三埔心村' (no spaces, split at a known village name),
    '登记 埔心村 张三' (order swapped), '登记：张三，埔心' (other separators). A trailing run of 6 digits,
    with or without a space, is a one-time code: '绑定 123456', '登记 张三 埔心村123456'.
    """
    norm = spoken_text(text)
    asked = _ASKED_PREFIX.match(norm)
    if asked:
        rest = norm[asked.end() :]
        if not rest.strip():
            return RegisterText(None, None)
        return read_name_and_village(rest, villages)
    match = _COMMAND_PREFIX.match(norm)
    if not match:
        return None
    rest, code = norm[match.end() :], None
    found = _TRAILING_CODE.search(rest)
    if found:
        rest, code = rest[: found.start()], found.group(1)
    elif _asks(rest):
        return None  # round 33b: '绑定要填什么资料' asks how (the FAQ's), names no one
    if looks_like_introduction(rest.lstrip(" ,，:：。!！")):  # '我要登记，我叫梁志明，埔心村的'
        introduced = parse_introduction(rest.lstrip(" ,，:：。!！"), villages)
        if introduced:
            return dataclasses.replace(introduced, code=code)
    if rest.startswith("的"):
        return None  # round 39: what was registered, told ('登记的是小名阿强 要改成林志强'), no name given to bind
    tokens = [t for t in _SEPARATORS.split(rest) if t]
    if not tokens:
        return RegisterText(None, None, code)
    if len(tokens) == 1:
        return dataclasses.replace(_split_packed(tokens[0], villages), code=code)
    name, village_text = tokens[0], "".join(tokens[1:])
    # round 46 (19s): the village first by its short name too ('我要注册 埔心 刘志明')
    exact_names = {s for v in villages for s in (v["name"], core_name(v["name"])) if len(s) >= 2}
    if name in exact_names and not match_village(village_text, villages):
        name, village_text = village_text, name

    return RegisterText(name, village_text, code)


def _asks(rest: str) -> bool:

    return bool(rest.strip()) and nlu.is_question(nlu.normalize(rest))


# round 84 (22b: '我叫张伯华系埔心村嘅' had bound 张伯华系): 系 / 是 (am) run on before the village too
_LIVES_IN = re.compile(r"(?:家住|住在|住喺|住|来自|系|是|係)$")


def _split_packed(token: str, villages: list[dict]) -> RegisterText:
    """'张三埔心村' -> ('张三', '埔心村') at the longest known village name (or name without suffix); round 43 (19q):
    the village first, as voice input writes it ('登记埔心村李秀兰' -> ('李秀兰', '埔心村'))."""
    endings = sorted(
        {s for v in villages for s in (v["name"], core_name(v["name"])) if len(s) >= 2}, key=len, reverse=True
    )
    for ending in endings:
        if token.endswith(ending) and len(token) - len(ending) >= 2:
            # round 61: where one lives said between ('黄亚妹住埔心村'): the name without 住
            name = _LIVES_IN.sub("", token[: -len(ending)])
            return RegisterText(name if len(name) >= 2 else token[: -len(ending)], ending)
    for start in endings:
        if token.startswith(start) and 2 <= len(token) - len(start) <= 4 and _HAN_NAME.match(token[len(start) :]):
            return RegisterText(token[len(start) :], start)
    return RegisterText(token, None)


# A self-introduction registers like 登记: '我叫李桂英，是埔心村的', '我是埔心村的李桂英', '我叫李桂英 埔心村'.
# 'my name': 我的名字, 我名字, 本人名字 (叫, 是, 系 after it)
_MY_NAME = r"(?:我的|我|本人的|本人)名字(?:叫做|叫|是|系)?"
_INTRO_START = re.compile(_GREETING + r"(?:我叫|我名叫|我名字|我的名字|本人|我是|我系|我係)")
_INTRO_NAMED = re.compile(_GREETING + rf"(?:我叫做|我叫|我名叫|{_MY_NAME}|本人叫|本人是|本人)\s*(.+)$")
# 我是埔心村的李桂英; round 46: the name after its words ('我系埔心村嘅 叫黄亚妹' bound 叫黄亚妹, '…嘅 我个名叫黄亚妹')
# (the name's words left out by ``without_name_words``, as for the name asked)
_INTRO_VILLAGE_FIRST = re.compile(_GREETING + r"我(?:是|系)\s*(.+?)的[\s,，]*((?:我的|本人的)?[^\s,，的]+)$")
_INTRO_NAME_FIRST = re.compile(_GREETING + r"我(?:是|系)\s*([^\s,，]+)[\s,，]+(.+)$")  # 我是李桂英，埔心村的
_REQUEST_WORD = re.compile(_REGISTER_OR_BIND)
# round 81: what follows 'my name' is how it was written wrong ('弄错了', '打错咗', '登记成了'), no name
# round 87 (22e: '我叫错名'): or 错 at once after 我叫 (the name called or typed wrong), never a name 错名
_WRITTEN_WRONG = re.compile(r"(?:被|给)?(?:写|打|弄|搞|登记|录|记|填)(?:错|成|得不对)|错(?:了|咗)?(?:个)?(?:名|字)")
_PLACE_END = re.compile(r"(?:村|社区|居委|镇|街道|乡|组|屯|寨|围|坊)$")
_VILLAGE_WORDS = re.compile(r"^(?:是|系|住在|住|来自|在)|(?:的人|的村民|村民|的|人)$")


def looks_like_introduction(text: str) -> bool:
    """Cheap test, before any village is loaded: does the text start like a self-introduction (我叫, 我是 …)?"""
    return bool(_INTRO_START.match(spoken_text(text)))


def parse_introduction(text: str, villages: list[dict]) -> RegisterText | None:
    """A self-introduction as ``登记`` reads it: '我叫李桂英，是埔心村的', '我叫李桂英 埔心村', '我叫李桂英埔心村',
    '我叫李桂英' -> RegisterText('李桂英', '埔心村' or None); '我是埔心村的李桂英', '我是李桂英，埔心村的' (with 我是,
    only when the village is one of the roster's: '我是种树的老手' introduces no one); after 我叫 a text that names no
    place is left out ('我叫李桂英，今年七十岁了': the name alone). None for anything else: when the
    name is not plausible (2–4 Chinese characters, not a role: '我是埔心村的党员') or what follows it is no place
    ('我叫李桂英，想问一下桂花什么时候种')."""
    norm = spoken_text(text).rstrip("。.!！~～").replace("嘅", "的").replace("係", "系")  # Cantonese 嘅 (of), 係 (am)
    named = _INTRO_NAMED.match(norm)
    parsed: RegisterText | None
    if named and _WRITTEN_WRONG.match(named.group(1)):
        return None  # round 81: '我名字弄错了呀 是桂花的桂…' tells the name written wrong (fix_name's), names no one
    if named:
        tokens = [t for t in _SEPARATORS.split(named.group(1)) if t]
        if not tokens:
            return None
        if len(tokens) == 1:
            parsed = _split_packed(_VILLAGE_WORDS.sub("", tokens[0]), villages)
        else:
            parsed = RegisterText(tokens[0], _VILLAGE_WORDS.sub("", "".join(tokens[1:])) or None)
        if parsed.village_text and not looks_like_place(parsed.village_text):
            return None  # '我叫李桂英，想问一下桂花什么时候种': a question, for the FAQ
        if parsed.village_text and not (
            _PLACE_END.search(parsed.village_text) or match_village(parsed.village_text, villages)
        ):
            parsed = RegisterText(parsed.name, None)  # '我叫李桂英，今年七十岁了': the name; the bot asks the village
    else:
        found = _INTRO_VILLAGE_FIRST.match(norm)
        parsed = (
            RegisterText(without_name_words(found.group(2)), _VILLAGE_WORDS.sub("", found.group(1))) if found else None
        )
        if parsed is None or not match_village(parsed.village_text, villages):
            found = _INTRO_NAME_FIRST.match(norm)
            # round 56 (20j): what one is, then 登记 and the name ('我系村委嘅 登记 刘桃红 埔心村' had registered 村委的):
            # a word with 的 after it is no name, and the request after it is read by the story's reader
            if found and (found.group(1).endswith("的") or _REQUEST_WORD.search(found.group(2))):
                found = None
            parsed = RegisterText(found.group(1), _VILLAGE_WORDS.sub("", found.group(2))) if found else None
        if parsed is None or not parsed.village_text or not match_village(parsed.village_text, villages):
            return read_name_and_village(norm, villages)
    return parsed if looks_like_bare_name(parsed.name) else read_name_and_village(norm, villages)


def parse_introduction_at_end(text: str, villages: list[dict]) -> RegisterText | None:
    """A self-introduction that ends a short story ('我阿爸叫我嚟登记 佢唔识用手机 我系埔心村嘅钟亚森'): read as
    ``parse_introduction`` reads its last clause, and only with a name and a roster village both (a clause that
    names no village may be about someone else)."""
    clause = last_clause(text)
    parsed = parse_introduction(clause, villages) if clause else None
    if parsed and parsed.name and parsed.village_text and match_village(parsed.village_text, villages):
        return parsed
    return None


# round 22: 登记 asked in a story of a few clauses, the name and the village among the others ('你好我系埔心村嘅黄伯
# 全名黄国强 帮我登记下', '开店嘅 罗少华 埔心村 快啲登记', '我系谢婆婆个孙女 帮阿爷登记 佢叫谢德明 埔心村人'): the clause
# that asks (or asks how to join), the name said with its word (全名, 名叫, 佢叫) or alone, a roster village
_STORY_REQUEST = re.compile(
    # round 23: 我 first ('我帮我妈妈登记 她叫刘桂芳 埔心村的'); round 59 (20k): the old relative named with the home
    # before it ('帮我屋企阿爷登记', '帮屋企老人家登记')
    r"^(?:我)?(?:快啲|快点|麻烦|麻烦你|请|请你|我要|我想|要|想)?"
    rf"(?:帮(?:我|忙|(?:我)?(?:屋企|家里|家)(?:的|嘅)?(?:{OLD_RELATIVES})|[一-鿿]{{1,3}}?))?(?:{_REGISTER})(?:一下|下|先)?"
    r"(?:啦|吧|啊|呀|喇|咯)?$"
    # round 28: told as what the sender is doing ('我是帮爷爷注册的'); conv101 (22w: '我系帮阿爷用佢部手机登记', where it
    # is done left out: _ON_THEIR_PHONE): 的 left unsaid
    rf"|^(?:我)?(?:是|系)(?:帮|替|同)[一-鿿]{{1,3}}?(?:{_REGISTER})(?:的|嘅)?$"
)
# round 42 (19p): the same told with 弄/搞 after a greeting ('你好我是帮我妈弄的 她叫李秀英 埔心村 要怎么绑定'): a request
# only when another clause names the binding (``asks_register_in_story``)
# round 64 (the simulator's '我系帮阿嫲用嘅 佢叫陈桂香'): the account used (用, 开, 装) for the relative, 是/系 left unsaid
# too ('我帮外婆弄的')
_STORY_DOING_FOR = re.compile(
    r"^(?:你好|您好)?(?:我)?(?:是|系)?(?:帮|替|同)[一-鿿]{1,3}?(?:弄|搞|整|办|用|开|装)(?:的|嘅)$"
)
# round 44 (19r): the message said typed for a relative ('我帮阿妈打嘅字', '我代我妈打字'), then the relative named by 佢叫 /
# 她叫 with a village: her registration (as round 23's '我帮我妈妈登记 她叫刘桂芳 埔心村的'); only with her named so
_STORY_TYPING_FOR = re.compile(
    r"^(?:我)?(?:是|系)?(?:我)?(?:帮|替|代|同)(?:我)?[一-鿿]{1,3}?(?:打|写)(?:的|嘅)?字(?:的|嘅)?$"
)
_STORY_THIRD_PERSON_NAMED = re.compile(r"^(?:佢|她|他)(?:叫|叫做|名叫|(?:个|嘅|的)名字?叫)")  # sim70: 佢个名叫
_STORY_HOW_TO_JOIN = re.compile(
    rf"^(?:我)?(?:要|应该)?(?:点样|点|怎么|怎样|如何)(?:样)?(?:加入|参加|{_REGISTER_OR_BIND})(?:啊|呀|呢)?$"
)
_STORY_NAMED = re.compile(
    r"(?:全名|全名叫|名叫|名字叫|名字是|名字系|叫做|佢叫|他叫|她叫|我叫|姓名"
    # sim70: the relative's name said with 个名 / 的名字 ('帮阿爷登记下 佢个名叫陈福来')
    rf"|(?:{nlu.HE_WORDS})(?:个|嘅|的)名字?叫"
    # round 28: the relative's word before 叫 ('爷爷叫张德福', '阿嫲叫陈桂英')
    r"|(?:爷爷|奶奶|外公|外婆|阿公|阿婆|阿爷|阿嫲|阿嬷|阿爸|阿妈|爸爸|妈妈|老爸|老妈|老豆)叫)(?:是|系)?([㐀-鿿·]{2,4})$"
)
_STORY_MAX_CLAUSES = 5
# round 56 (20f): the sender named by 我叫 in a clause of the story, how to bind asked in another ('我系埔心村嘅 阿仔帮我装咗
# 微信 我叫钟娣 要点绑定': who set up the phone told between): a request as 帮我登记 is
_STORY_SELF_NAMED = re.compile(r"^(?:我)(?:叫|叫做|名叫|个名叫|的名字叫|嘅名叫)[㐀-鿿·]{2,4}$")
_STORY_NAME_SAID = re.compile(r"^(?:我)(?:叫做|名叫|个名叫|的名字叫|嘅名叫|叫)")


def asks_register_in_story(text: str | None) -> bool:
    """Cheap test, before any village is loaded: a few clauses (2 to 5), one of them asking for 登记 (``快啲登记``,
    ``帮我登记下``, ``帮阿爷登记``)?"""
    clauses = [c for c in _SEPARATORS.split(_story_text(text)) if c]
    if not 2 <= len(clauses) <= _STORY_MAX_CLAUSES:
        return False
    return (
        any(_STORY_REQUEST.match(c) for c in clauses)
        or (any(_STORY_DOING_FOR.match(c) for c in clauses) and any(_BIND_WORD.search(c) for c in clauses))
        or (
            any(_STORY_TYPING_FOR.match(c) or _STORY_DOING_FOR.match(c) for c in clauses)  # round 64: 帮阿嫲用嘅
            and any(_STORY_THIRD_PERSON_NAMED.match(c) for c in clauses)
        )
        or (  # round 56
            any(_STORY_HOW_TO_JOIN.match(c) for c in clauses) and any(_STORY_SELF_NAMED.match(c) for c in clauses)
        )
    )


# round 59 (20k): a story told in one breath, no pause ('帮我屋企阿爷登记佢叫张松柏埔心村佢唔识用手机'): paused before the one
# acted for said as the subject of a clause (佢叫…, 佢唔识…, 她不会…), and after the request (登记下)
_BREATH_SEAM = re.compile(
    r"(?<=[一-鿿])(?=(?:佢|她|他)(?:叫|名叫|唔识|不识|不会|唔会|冇|没|今年|已经|住|七|八|九))"
    # conv101 (22w: '我系帮阿妈用佢部手机登记嘅 佢叫…'): never before the 嘅 (的) that ends the request
    r"|(?<=[登注][记册])(?!一下|下|嘅|的)(?=[一-鿿])|(?<=[登注][记册]一下)(?=[一-鿿])|(?<=[登注][记册]下)(?=[一-鿿])"
)


# round 61 (20o): one's own introduction told in one breath ('我叫何木兰住埔心村给我登个记'): paused before where one lives
# (住埔心村, after the name: not 我住…) and before the request after the village (给我登记, 帮我注册); 登记 said split
# (登个记, 登下记) is 登记, and so is one made (整个登记, 搞个登记: '帮阿爷整个登记')
_SELF_BREATH_SEAM = re.compile(
    r"(?<=[一-鿿])(?<!我)(?=(?:家住|住在|住喺|住)[一-鿿]{2,8}?(?:村|社区))"
    rf"|(?:(?<=村)|(?<=社区))(?=(?:请|麻烦|你)?(?:给我|帮我|同我|想|要)(?:{_REGISTER_OR_BIND}))"
    # conv103 (22z: '喂你好我系埔心村嘅黄伯我叫黄志明想登记一下' had become a ticket): who one is in the village said first
    # (黄伯), then 我叫 run on after it, the wish to register run on after the name: paused before each (never after a
    # greeting alone, nor inside 我想登记)
    r"|(?<=[一-鿿])(?<!你好)(?<!您好)(?<!喂)(?<!哈啰)(?=我(?:叫|名叫))"
    rf"|(?<=[一-鿿]{{2}})(?<![我都也亦])(?=(?:想|要|想要)(?:{_REGISTER_OR_BIND}))"
)
_SPLIT_REGISTER = re.compile(r"登(?:个|一个|下|吓)记|(?:整|搞|弄|做|办)(?:个|一个)登记")
# conv98 (22s: '我帮阿爸喺佢部手机度登记 佢叫李永福 埔心村人', the household's FAQ): where the request is made said as the
# relative's own phone (喺佢部手机度, 用阿爸部手机, 在用我爸的手机) is left out: this WeChat is theirs, the registration theirs
# (as round 82's '用我阿妈部手机帮佢登记' is; the sender's own phone, 用我的手机, stays); conv108 (23f: '我用我妈手机帮她登记
# 她叫何亚娣…' had been the household's FAQ): the phone said with no 的 between (用我妈手机, 用阿爸手机)
_ON_THEIR_PHONE = re.compile(
    r"(?:喺|在|系|是)?(?:用|拿|拎|喺|在)(?:住|着)?"
    rf"(?:(?:我)?(?:的|个|嘅)?(?:{OLD_RELATIVES}|爸|妈)|佢|她|他)(?:的|嘅|部|个|只)*(?:手机|微信)(?:度|上|上面|里|里面|处)?"
)


def _story_text(text: str | None) -> str:
    """``spoken_text`` with the request after an introduction kept (the story reader reads it as a clause); round 59: a
    story told in one breath paused at its seams (``_BREATH_SEAM``); round 61: one's own too (``_SELF_BREATH_SEAM``)."""

    told = _SPLIT_REGISTER.sub("登记", nlu.command_typos_fixed(_FILLERS.sub("", normalize_text(text), count=1)))
    told = _ON_THEIR_PHONE.sub("", told)  # conv98
    # conv106 (23c: '你好我帮我阿妈登记一下她叫李秀兰埔心村的' had been a ticket): a greeting run on before who speaks is a
    # clause of its own, as said with a pause
    told = _GREETING_LEAD.sub(r"\g<0> ", told, count=1)
    if "我叫" in told:
        told = _SELF_BREATH_SEAM.sub(" ", told)
    return _BREATH_SEAM.sub(" ", told) if any(who in told for who in "佢她他") else told


def parse_register_in_story(text: str, villages: list[dict]) -> RegisterText | None:
    """登记 asked in a story (``asks_register_in_story``): the name the other clauses give (said with its word, 全名
    黄国强, or alone, 罗少华; exactly one) and the roster village one of them names; None unless both are there (a
    story of trees to log names no person: '我屋前种咗树 想登记 点搞')."""
    if not asks_register_in_story(text):
        return None
    norm = _story_text(text).replace("嘅", "的").replace("係", "系")
    clauses = [c for c in _SEPARATORS.split(norm) if c]
    rest = [
        c
        for c in clauses
        if not (
            _STORY_REQUEST.match(c)
            or _STORY_HOW_TO_JOIN.match(c)
            or _STORY_DOING_FOR.match(c)
            or _STORY_TYPING_FOR.match(c)
        )
    ]
    village: str | None = None
    named: list[str] = []
    bare: list[str] = []
    for clause in rest:
        found = _STORY_NAMED.search(clause)
        glued = None if found else _named_then_village(clause, villages)
        if glued:  # round 59: '佢叫张松柏埔心村', the village said with no pause after the name
            named.append(glued[0])
            village = village or glued[1]
            continue
        if found:
            named.append(found.group(1))
            clause = clause[: found.start()]
        place = _VILLAGE_WORDS.sub("", clause)
        forms = [f for v in villages for f in (v["name"], core_name(v["name"])) if len(f) >= 2 and f in clause]
        if place and match_village(place, villages) and (forms or _PLACE_END.search(place)):
            village = village or place
            continue
        if forms:
            village = village or max(forms, key=len)
            continue
        if clause and looks_like_bare_name(clause) and clause not in NOT_NAMES and not clause.endswith("的"):
            bare.append(clause)
    names = named or bare
    if not names and village is not None and not _TREES_IN_STORY.search(norm):
        # round 64 (20r: '我个仔教我用 登记 埔心村'): who set the phone up told, then a bare 登记 with the village: the name
        # asked next; a story of trees ('我屋前种咗树 想登记 埔心村') is trees to log
        return RegisterText(None, village)
    if len(names) != 1 or _NO_PERSONS_NAME.search(names[0]) or not looks_like_bare_name(names[0]):
        return None
    if village is None:
        # round 64: a relative the sender acts for, named by her word (佢叫陈桂香) and no village told: her name, her
        # village asked next (as '帮阿嫲登记' then '佢叫陈桂香' is); a bare name with no village stays no reading
        return RegisterText(names[0], None) if _acting_for_named(clauses) else None
    return RegisterText(names[0], village)


_TREES_IN_STORY = re.compile(r"种|树|苗|棵")


def _acting_for_named(clauses: list[str]) -> bool:
    """Round 64: one clause tells the sender acts for someone (帮阿爷登记, 我系帮阿嫲用嘅, 我帮阿妈打嘅字), another names
    them by their word (佢叫, 她叫)."""
    return any(
        _STORY_REQUEST.match(c) or _STORY_DOING_FOR.match(c) or _STORY_TYPING_FOR.match(c) for c in clauses
    ) and any(_STORY_THIRD_PERSON_NAMED.match(c) for c in clauses)


_WHERE_BEFORE_VILLAGE = re.compile(r"(?:住在|住喺|住|喺|在|系|是)$")
_AFTER_VILLAGE = re.compile(r"^(?:的|人|村民|的人|的村民)?$")


def _named_then_village(clause: str, villages: list[dict]) -> tuple[str, str] | None:
    """Round 59: a name said with its word and a roster village after it with no pause ('佢叫张松柏埔心村', '他叫刘德旺埔心村
    的', '佢叫黄松林住埔心村'): (the name, the village's form); else None."""
    form = _VillageForms.of(villages).longest_in(clause)
    if not form or clause.startswith(form):
        return None
    head, _, tail = clause.partition(form)
    if not _AFTER_VILLAGE.match(tail):
        return None
    found = _STORY_NAMED.search(_WHERE_BEFORE_VILLAGE.sub("", head))
    return (found.group(1), form) if found else None


# round 58 (20j): an elder's long voice message: who they are, who set the phone up, that they were told to register, the
# name said with 我叫 in a clause of its own, the age, that they cannot type ('喂你好啊 我系埔心村嘅老人家 我个孙帮我装咗呢个
# 微信 佢话要登记 我叫黄桂英 七十几岁啦 唔识打字'): the one name said so, and the one roster village named; never when
# someone else is named or registered (佢叫, 帮阿妈登记: the relative's readers)
_SELF_STORY_MAX_CLAUSES = 10
_FOR_SOMEONE_ELSE = re.compile(
    rf"(?:帮|替|代)(?!我)[一-鿿]{{1,3}}?(?:{_REGISTER_OR_BIND})|(?:佢|她|他)(?:叫|叫做|名叫)"
)


def _self_story_clauses(text: str | None) -> list[str]:
    clauses = [c for c in _SEPARATORS.split(_story_text(text)) if c]
    return clauses if 3 <= len(clauses) <= _SELF_STORY_MAX_CLAUSES else []


def self_named_in_story(text: str | None) -> bool:
    """Cheap test, before any village is loaded: a story of 3 to 10 clauses, exactly one of them the sender's name said
    with 我叫, one speaking of 登记 (注册, 绑定), none naming or registering someone else."""
    clauses = _self_story_clauses(text)
    return (
        sum(bool(_STORY_SELF_NAMED.match(c)) for c in clauses) == 1
        and any(_BIND_WORD.search(c) for c in clauses)
        and not any(_FOR_SOMEONE_ELSE.search(c) for c in clauses)
    )


def parse_self_named_in_story(text: str, villages: list[dict]) -> RegisterText | None:
    """``self_named_in_story``'s name (the clause said with 我叫) and the one roster village the clauses name; None
    without exactly one village, or a name that is none."""
    if not self_named_in_story(text):
        return None
    clauses = _self_story_clauses(text)
    name = next(_STORY_NAME_SAID.sub("", c) for c in clauses if _STORY_SELF_NAMED.match(c))
    found = {v["id"]: v for c in clauses if (v := village_named(c, villages)) is not None}
    if len(found) != 1 or _NO_PERSONS_NAME.search(name) or not looks_like_bare_name(name):
        return None
    return RegisterText(name, next(iter(found.values()))["name"])


# round 54 (20e): the wish to register said first, then the self-introduction, then what else the sender tells of
# themselves: the age, the family ('我要注册，我是埔心村五队的林木兰，今年七十三岁了，儿子在外面打工'): the introduction's
# name and village, the rest left out (a team or group after the village is the introduction's own: 五队, 二组)
_WISH_FIRST_CLAUSE = re.compile(
    rf"^(?:你好|您好)?(?:我)?(?:要|想|想要|需要)?(?:先)?(?:{_REGISTER_OR_BIND})(?:一下|下)?(?:身份)?(?:啊|呀|吧)?$"
    rf"|^(?:请|麻烦)?(?:你)?(?:帮我|同我)(?:{_REGISTER_OR_BIND})(?:一下|下)?(?:啊|呀|吧)?$"
)
_ABOUT_ME_CLAUSE = re.compile(
    r"^(?:我)?(?:今年|已经|都)?(?:有)?[\d一二三四五六七八九十两]{1,4}(?:多)?岁(?:了|啦|喇|咯)?$"
    r"|^(?:我)?(?:的|嘅)?(?:儿子|个仔|仔|女儿|个女|老公|老婆|老伴|孙|孙仔|孙女|子女|仔女|家里人|屋企人)"
    r"(?:都|就|又)?(?:在|喺|去|出|出咗|出了|不在|唔喺)[\u4e00-\u9fff]{0,10}$"
)


def introduction_told_at_length(text: str | None) -> bool:
    """Cheap test: the wish to register first, one self-introduction, and only the age or the family after it."""
    return _introduction_among(text) is not None


def _introduction_among(text: str | None) -> str | None:
    clauses = [c for c in _SEPARATORS.split(hanzi.simplified(normalize_text(text))) if c]
    if len(clauses) < 3 or not _WISH_FIRST_CLAUSE.match(clauses[0]):
        return None
    rest = clauses[1:]
    told = [c for c in rest if looks_like_introduction(c)]
    if len(told) != 1 or not all(c in told or _ABOUT_ME_CLAUSE.match(c) for c in rest):
        return None
    return told[0]


def parse_introduction_told_at_length(text: str, villages: list[dict]) -> RegisterText | None:
    """``introduction_told_at_length``'s introduction, read as one (``parse_introduction``)."""
    told = _introduction_among(text)
    return parse_introduction(told, villages) if told else None


# conv98 (22s: '喂喂你好我是埔心村的刘桂英今年七十多了孙子帮我关注了这个号说要报个名字才能用我要怎么弄', asked back the
# FAQ's): a voice story in one breath, who speaks first (我是 the roster village, then the name, the age or a relative
# right after it), then that registering is needed (报个名, 登记, 注册, 绑定) and how asked at its end: that name and village
_INTRO_FIRST = re.compile(
    r"^(?:你好|您好|你们好)?(?:啊|呀)?[\s,，]*我(?:是|系)(?P<village>[一-鿿]{2,5}?(?:村|社区))(?:的|嘅)?(?:村民)?[\s,，]*"
    r"(?P<name>[一-鿿]{2,3}?)(?=[\s,，]|今年|已经|我|孙|儿|女|个仔|阿|老)(?P<rest>.{4,60})$"
)
_REGISTERING_THEN_HOW = re.compile(
    rf"(?:报个名|报名字|报个名字|报下名|(?:{_REGISTER_OR_BIND})).{{0,14}}?(?:我)?(?:要|该|应该)?"
    r"(?:怎么|点样|点|如何|咋)(?:样)?(?:弄|搞|做|办|操作|整|用)(?:啊|呀|呢|先)?[?？]?$"
)


def _introduction_then_how(text: str | None) -> re.Match | None:
    said = _FILLERS.sub("", hanzi.simplified(normalize_text(text)), count=1)
    found = _INTRO_FIRST.match(said)
    return found if found and _REGISTERING_THEN_HOW.search(found["rest"]) else None


def introduction_then_how(text: str | None) -> bool:
    """Cheap test: who speaks (village, name) first, then that registering is needed and how asked (conv98)."""
    return _introduction_then_how(text) is not None


def parse_introduction_then_how(text: str, villages: list[dict]) -> RegisterText | None:
    """``introduction_then_how``'s name and roster village; None when the village is none of the roster's or the name
    is none."""
    found = _introduction_then_how(text)
    village = village_named(found["village"], villages) if found else None
    if found is None or village is None:
        return None
    name = found["name"]
    if _NO_PERSONS_NAME.search(name) or not looks_like_bare_name(name):
        return None
    return RegisterText(name, village["name"])


# round 41 (19o): the wish to register said in a clause of its own, how asked in another, no name nor village ('点样绑定啊
# 我想登记做村民', '你好 我想注册 怎么弄'): a bare 登记 (the name is asked next); only from a sender not registered yet
_WISH_TO_REGISTER = re.compile(
    # round 52 (19z): one's own identity named ('我想绑定我的身份 怎么弄')
    # conv110 (23g: '想喺度登记'): here (喺度, 在这里) said before it
    rf"^(?:我)?(?:想|要|想要|需要)(?:先)?(?:喺呢度|喺度|在呢度|呢度|在这里|在这|这里)?(?:{_REGISTER_OR_BIND})(?:一下|下)?"
    r"(?:做|当|成为)?(?:我的|我嘅|我)?(?:村民|群众|身份|个人|账号)?(?:啊|呀|吧|先)?$"
    # round 50 (19y): one's details put in ('我想把我的信息登记上去', '我想把资料登记上')
    r"|^(?:我)?(?:想|要|想要|需要)(?:先)?(?:把|将)(?:我的|我嘅|我)?(?:个人)?(?:信息|资料|名字)(?:登记|录入|录|填|输入|报)"
    r"(?:上去|进去|上|入|进)?(?:啊|呀|吧)?$"
    # round 84 (the Hakka leftover '涯系埔心村个 佢喊涯来登记'): someone told one to come and register
    rf"|^[\u4e00-\u9fff]{{0,3}}?(?:叫|让|喊)(?:我|涯)(?:在这里|在这|喺度|嚟|来|过来)?(?:{_REGISTER})(?:一下|下)?(?:啊|呀|吧)?$"
)

_HOW_TO_REGISTER = re.compile(
    rf"^(?:请问)?(?:我)?(?:要|应该)?(?:点样|点|怎么|怎样|如何)(?:样)?(?:{_REGISTER_OR_BIND}|弄|搞|做|办|操作)?(?:啊|呀|呢|先)?$"
)
_GREETING_CLAUSE = re.compile(r"^(?:你好|您好|老师好|喂)(?:啊|呀)?$")
# round 97 (22q: '你好我系埔心村民想登记下', said without a pause): a greeting said first in the clause, before who speaks
_GREETING_LEAD = re.compile(r"^(?:你好|您好|你们好|老师好|喂)(?:啊|呀)?(?=我|本人)")
# round 42 (19p): the follower says they have just followed ('刚关注的 要先登记身份吧 怎么绑定'); the wish asked as whether
# it comes first ('是不是要先绑定身份', '要唔要先登记'); how asked naming the binding ('怎么登记身份')
_JUST_FOLLOWED = re.compile(
    r"^(?:我)?(?:是|系)?(?:刚|刚刚|啱啱|啱|新)(?:关注|加|加入)(?:了|咗)?(?:的|嘅)?(?:公众号|你们)?$"
    # round 46 (19s): new here ('你好 我系新来嘅 想登记一下', '我是新搬来的')
    r"|^(?:我)?(?:是|系|係)?(?:新|刚|刚刚|啱啱|啱)(?:来|嚟|搬来|搬嚟|到)(?:的|嘅|个)?(?:村民|人)?(?:啊|呀)?$"
    # round 54 (20d): a villager here ('我系村民', '我是本村人'), or told to follow by someone ('我阿妈叫我关注嘅', '村干部叫我
    # 关注的')
    r"|^(?:我)?(?:是|系|係)(?:本村|本地|这里|呢度|村里|村里面)?(?:的|嘅)?(?:村民|群众|人)(?:啊|呀|嚟㗎|来的)?$"
    r"|^(?:是)?[\u4e00-\u9fff]{1,4}?(?:叫|让|喊|要)我(?:来)?(?:关注|加|扫码关注|扫码|扫)(?:了|咗)?(?:这个|呢个)?(?:公众号)?"
    r"(?:的|嘅)?(?:啊|呀)?$"
)
_WISH_ASKED = re.compile(
    rf"^(?:是不是|系唔系|系咪|是否|要不要|要唔要|使不使|使唔使|需不需要)(?:要)?(?:先)?(?:{_REGISTER_OR_BIND})(?:一下|下)?"
    r"(?:身份|个人|账号)?(?:先)?(?:啊|呀|吧|呢)?$"
)
_ASKING_POLITELY = re.compile(r"^(?:麻烦|请|想|我想)?(?:问下|问一下|请问|问问|问吓)(?:你|您)?$")
# conv101: to be able to use it after (才能用); conv108 (23f: '刚关注 要怎么注册才能报种树' had been the FAQ's steps): or to
# report or plant trees after (才能报种树, 先可以种树): what registering is for
_SO_AS_TO_USE = r"(?:(?:才能|才可以|先可以|先能)(?:用|报种树|报树|种树|上报种树|记录种树)|先用得|先得)"
_HOW_NAMING_BINDING = re.compile(
    # round 50: oneself named ('新关注的 要怎么登记自己'); conv101, conv108: what it is for after (``_SO_AS_TO_USE``)
    rf"^(?:请问)?(?:我)?(?:要|应该)?(?:点样|点|怎么|怎样|如何)(?:样)?(?:{_REGISTER_OR_BIND}|绑)(?:身份|个人|账号|自己|我自己)?"
    rf"{_SO_AS_TO_USE}?(?:啊|呀|呢|先)?$"
    # round 54 (20d): one's own name named ('我要点样绑定自己个名', '怎么绑定我的名字')
    r"|^(?:请问)?(?:我)?(?:要|应该)?(?:点样|点|怎么|怎样|如何)(?:样)?(?:绑定|登记|绑)(?:自己|我自己|我)?(?:的|嘅|个)?(?:名字|名)"
    r"(?:啊|呀|呢|先)?$"
)
# round 54 (20d): who one is said after how, with no pause but a particle ('点样登记身份啊我系村民'): two clauses
_PARTICLE_THEN_WHO = re.compile(r"(?<=[啊呀啦])(?=我(?:是|系|係))")


# round 48 (19u): what it takes to be able to register asked in one clause ('要点先可以登记做村民', '点样先可以注册'): the
# wish is in 先/才 (first, only then) or in what one is to become; a bare 登记 (the name asked next). '怎么登记' stays the
# FAQ's (how, the command's words)
_WHAT_IT_TAKES_TO_REGISTER = re.compile(
    # conv107 (23e: '请问要点样先登记到㗎'): able said after the verb as Cantonese does (登记到, 登记得到), 想问下 first,
    # the particle 㗎 last
    rf"^(?:请问|想问下|想问一下)?(?:我)?(?:要|应该)?(?:点样|点|怎么|怎样|如何)(?:样)?(?:先|才)"
    rf"(?:(?:可以|能|能够)(?:{_REGISTER_OR_BIND})|(?:{_REGISTER_OR_BIND})(?:得)?到)"
    r"(?:做|当|成为)?(?:村民|群众)?(?:啊|呀|呢|㗎|嘅|架)?$"
    # round 49 (19w): how to bind the account, the account named ('请问点样绑定账号', '账号点绑定'): 账号 is the sender's
    # own, so the wish is in it; '怎么绑定' alone stays the FAQ's
    r"|^(?:请问)?(?:我)?(?:要|应该)?(?:点样|点|怎么|怎样|如何)(?:样)?(?:绑定|绑)(?:我的|我嘅|我)?(?:个)?(?:账号|帐号|账户|微信号)"
    r"(?:啊|呀|呢)?$"
    r"|^(?:请问)?(?:我的|我嘅|我)?(?:个)?(?:账号|帐号|账户|微信号)(?:要|应该)?(?:点样|点|怎么|怎样|如何)(?:样)?(?:绑定|绑)(?:啊|呀|呢)?$"
    # round 50: how one's details are put in ('怎样把我的信息录进去'): one's own, so the wish is in it
    r"|^(?:请问)?(?:我)?(?:要|应该)?(?:点样|点|怎么|怎样|如何)(?:样)?(?:才能|可以)?(?:把|将)(?:我的|我嘅|我)(?:个人)?(?:信息|资料)"
    r"(?:登记|录入|录|填|输入|报)(?:上去|进去|上|入|进)?(?:啊|呀|呢)?$"
)


# round 52 (19z, 20a): how to register or bind asked by a follower not registered yet, with 注册 or 绑定 (never 登记 alone,
# which is also logging trees: '怎么登记' stays the FAQ's), the how first or last ('请问点样注册', '怎么绑定', '绑定身份要怎么弄',
# '注册点弄'): one who asks it wants to register, so a bare 登记 (the name asked next). A registered villager's '怎么注册'
# stays the FAQ's (these readers are only for a sender not registered yet: handlers/registration.py)
# round 68 (20z): following the account said with it, asked how together ('点样关注登记', '点样关注同注册')
_FOLLOW_THEN = r"(?:关注(?:了|咗|完)?(?:同|和|再|然后|跟住|又|及)?)?"
_HOW_TO_BIND_ASKED = re.compile(
    rf"^(?:请问|想问下|想问一下)?(?:我)?(?:要|应该)?(?:点样|点|怎么|怎样|如何)(?:样)?(?:才能|可以|先)?{_FOLLOW_THEN}(?:注册|绑定|绑)"
    rf"(?:一下|下)?(?:我的|我嘅|我)?(?:身份|个人|账号|帐号|公众号|自己|我自己)?{_SO_AS_TO_USE}?(?:啊|呀|呢|先|啦)?$"
    r"|^(?:请问)?(?:我)?(?:要)?(?:注册|绑定)(?:我的|我嘅|我)?(?:身份|账号|公众号)?(?:要|应该)?(?:点样|点|怎么|怎样|如何)(?:样)?"
    r"(?:弄|搞|做|办|操作|整)?(?:啊|呀|呢)?$"
)
# round 61 (20p): how to 登记 asked ('点登记呀'): alone it may be trees to log, beside where one is from a person's
_HOW_TO_REGISTER_ONESELF = re.compile(
    rf"^(?:请问|想问下|想问一下)?(?:我)?(?:要|应该)?(?:点样|点|怎么|怎样|如何)(?:样)?(?:才能|可以|先)?{_FOLLOW_THEN}登记"
    r"(?:一下|下)?(?:啊|呀|呢|先|啦|吖)?$"
)
# round 81: 登记 first, how after it ('登记要怎么弄', '登记点搞啊'), alone
_REGISTER_THEN_HOW = re.compile(
    r"^(?:请问)?(?:我)?(?:要)?登记(?:一下|下)?(?:要|应该|是)?(?:点样|点|怎么|怎样|如何)(?:样)?(?:弄|搞|做|办|操作|整|登记)?"
    r"(?:的|啊|呀|呢)?$"
)
# and where one is from said in another clause ('点样注册呀 我系埔心村村民', '我系埔心村人 点样绑定身份', '注册点弄 我住埔心村'):
# the village is kept, only the name is asked (as a QR code's village is)
# round 93 (22m: '点样登记啊我系埔心村嘅'): we (我哋), and living there said after (我喺埔心村住: 喺 or 在 only so, '我在埔心村'
# is where one is now)
_FROM_A_PLACE = re.compile(
    r"^(?:我|本人|我们|我哋)?(?:是|系|住在|住喺|住|来自|屋企喺|家在|(?:喺|在)(?=[\u4e00-\u9fff]{2,8}?(?:村|社区)住))?"
    r"(?P<place>[\u4e00-\u9fff]{2,8}?(?:村|社区))"
    r"(?:的|嘅|个|人|村民|民|的村民|嘅村民|个村民|的人|嘅人|个人|住|住的|住嘅)?(?:啊|呀|嚟嘅|来的)?$"
)  # round 66 (20v): Hakka 个 (of: '埔心村个')
# round 73 (21i): the village's short name, without 村, said in the whole frame of where one is from ('我系埔心嘅', '我是埔心
# 的村民'): read as a place only when it is a roster village's form as a whole (parse_village_told_alone)
_FROM_A_SHORT_PLACE = re.compile(
    r"^(?:我|本人)?(?:是|系|住在|住喺|来自|屋企喺|家在)(?P<place>[\u4e00-\u9fff]{2,4}?)"
    r"(?:的|嘅|个|人|村民|的村民|嘅村民|个村民|的人|嘅人)(?:啊|呀)?$"
)


# round 59 (20l): voice input's fillers said as clauses of their own ('嗯 那个 我系埔心村嘅 想登记下', '呃 就是 …'): no clause
_FILLER_CLAUSE = re.compile(r"^(?:嗯|呃|额|哦|噢|喂|诶|欸|唉|啊|那个|就是|这个|呢个|嗰个|即系|然后|其实)+$")


def _clauses_said(text: str | None) -> list[str]:
    """The text's clauses, simplified, voice input's fillers said alone left out (``_FILLER_CLAUSE``); round 87 (22e: '你好
    我系埔心村村民 点样登记'): a greeting said alone (``_GREETING_CLAUSE``) too."""
    clauses = [_GREETING_LEAD.sub("", c) for c in _SEPARATORS.split(hanzi.simplified(normalize_text(text)))]
    return [c for c in clauses if c and not _FILLER_CLAUSE.match(c) and not _GREETING_CLAUSE.match(c)]


def _how_to_register(clause: str) -> bool:
    """How to register or bind asked (``_HOW_TO_BIND_ASKED``; round 61: or 登记, ``_HOW_TO_REGISTER_ONESELF``; round 93:
    登记 first, how after it, ``_REGISTER_THEN_HOW``)."""
    return bool(
        _HOW_TO_BIND_ASKED.match(clause) or _HOW_TO_REGISTER_ONESELF.match(clause) or _REGISTER_THEN_HOW.match(clause)
    )


def _asked_beside_a_place(clauses: list[str], asked: Callable[[str], object]) -> bool:
    return len(clauses) == 2 and any(asked(c) for c in clauses) and any(_FROM_A_PLACE.match(c) for c in clauses)


def _at_the_seam(clauses: list[str], asked: Callable[[str], object]) -> list[str]:
    """Round 93 (22m: '点样登记啊我系埔心村嘅'): one clause said without a pause read as the two it holds, when it parts
    into one ``asked`` reads and where one is from (``_FROM_A_PLACE``), either first; else ``clauses`` as they are."""
    if len(clauses) != 1:
        return clauses
    whole = clauses[0]
    for at in range(len(whole) - 2, 1, -1):  # the longest first part first: a particle ends the ask ('点样登记啊')
        parts = [whole[:at], whole[at:]]
        if _asked_beside_a_place(parts, asked):
            return parts
    return clauses


# conv100 (22u: '请问怎么绑定身份 我是埔心村的 谢谢'): thanks said as a clause of its own, after the rest, asks nothing
_THANKS_CLAUSE = re.compile(r"^(?:谢谢|多谢|唔该|感谢|麻烦晒|麻烦你|麻烦了)(?:你|您|晒|你们|你哋)?(?:啦|啊|呀)?$")


def _without_thanks_last(clauses: list[str]) -> list[str]:
    return clauses[:-1] if len(clauses) > 1 and _THANKS_CLAUSE.match(clauses[-1]) else clauses


def how_to_register_from_village(text: str | None) -> bool:
    """Cheap test: two clauses (round 93: or one said without a pause, ``_at_the_seam``), how to register or bind asked
    in one (``_how_to_register``), where one is from in the other (``_FROM_A_PLACE``); conv100: thanks after them."""
    clauses = _without_thanks_last(_clauses_said(text))
    return _asked_beside_a_place(_at_the_seam(clauses, _how_to_register), _how_to_register)


def parse_how_to_register_from_village(text: str, villages: list[dict]) -> RegisterText | None:
    """``how_to_register_from_village``'s text as a bare 登记 with its village, when that is a roster village."""
    if not how_to_register_from_village(text):
        return None
    clauses = _at_the_seam(_without_thanks_last(_clauses_said(text)), _how_to_register)
    place = next(found["place"] for c in clauses if (found := _FROM_A_PLACE.match(c)))
    return RegisterText(None, _VillageForms.of(villages).longest_in(place))  # not the roster's: the village asked later


# round 89 (22g, 22h: '我系埔心村嘅 要做咩先可以用呢个', '我是埔心村的 要登记什么', '我想用呢个报种树 未登记过 要填咩资料'):
# what registering takes asked by a follower not registered yet: what to give or fill (要填咩资料, 要登记什么, 要提供乜嘢资料),
# or what to do first to use the bot (要做咩先可以用呢个); the other clauses only where one is from, a first use, not
# registered yet, or the wish to report trees with the bot. How to start or what to do (要点开始, 要做啲咩) is read so only
# beside one of those (alone it is the help's). A bare 登记, the village kept when said (the name asked next)
# conv110 (23g: '我系埔心村人 想喺度登记 要打啲乜字'): what to type or send (打, 发, 输入 … 字)
_WHAT_TO_GIVE = re.compile(
    rf"^(?:请问|想问下)?(?:我)?(?:第一次用)?(?:{_REGISTER})?(?:要|需要|应该|得)(?:先)?"
    rf"(?:填|提供|准备|交|俾|给|写|输入|打|发|{_REGISTER})"
    rf"(?:啲|些|哪些)?(?:什么|咩|乜嘢|乜|啥|哪些)(?:资料|信息|嘢|东西|证件|字|内容)?(?:先得|先可以|才行|先|呢|啊|呀|㗎)?"
    rf"(?:{_REGISTER})?$"
    rf"|^(?:我)?(?:要|需要|应该|得)?(?:做|搞)(?:啲|些)?(?:咩|乜嘢|乜|什么|啥)(?:先|才)(?:可以|能|得)(?:用|使用|{_REGISTER})"
    r"(?:呢个|这个|你哋|你们)?(?:啊|呀|呢)?$"
)
_HOW_TO_START = re.compile(
    r"^(?:我)?(?:要|需要|应该|得)?(?:(?:点样|点|怎么|怎样|如何)(?:样)?(?:开始|入手|用|弄|搞)|(?:做|搞)(?:啲|些)?(?:咩|乜嘢|乜|什么|啥))"
    r"(?:先|啊|呀|呢)?$"
)
_FIRST_USE_OR_UNREGISTERED = re.compile(
    r"^(?:我)?(?:是|系)?(?:第一次|头一次|初次)(?:用|使用)?(?:呢个|这个)?(?:的|嘅)?$"
    rf"|^(?:我)?(?:仲|还|都)?(?:未|没|冇|没有)(?:有)?(?:{_REGISTER})(?:过)?(?:的|嘅|住)?$"
    r"|^(?:我)?(?:想|要)(?:用(?:呢个|这个))?(?:报|登记|记录|上报)(?:种树|种咗树|种了树|树)$"
)


def what_registering_takes_asked(text: str | None) -> bool:
    """Cheap test (round 89): what registering takes asked (``_WHAT_TO_GIVE``; or how to start, ``_HOW_TO_START``, beside
    where one is from, a first use or not registered yet), every other clause one of those (``_FROM_A_PLACE``,
    ``_FIRST_USE_OR_UNREGISTERED``)."""
    clauses = _clauses_said(text)
    if not 1 <= len(clauses) <= 3:
        return False
    asked = [c for c in clauses if _WHAT_TO_GIVE.match(c) or _HOW_TO_START.match(c)]
    # conv110 (23g): or the wish to register said in a clause of its own ('想喺度登记')
    told = [
        c
        for c in clauses
        if _FROM_A_PLACE.match(c) or _FIRST_USE_OR_UNREGISTERED.match(c) or _WISH_TO_REGISTER.match(c)
    ]
    if len(asked) != 1 or len(asked) + len(told) != len(clauses):
        return False
    return bool(_WHAT_TO_GIVE.match(asked[0]) or told)


def parse_what_registering_takes(text: str, villages: list[dict]) -> RegisterText | None:
    """``what_registering_takes_asked``'s text as a bare 登记, with the roster village said when one is."""
    if not what_registering_takes_asked(text):
        return None
    places = [found["place"] for c in _clauses_said(text) if (found := _FROM_A_PLACE.match(c))]
    return RegisterText(None, _VillageForms.of(villages).longest_in(places[0]) if places else None)


def village_told_alone(text: str | None) -> bool:
    """Cheap test (round 57): where one is from and nothing else ('埔心村', '我系埔心村嘅'), or with the wish to register in
    another clause, before or after it ('我系埔心村嘅 想登记', round 59: '我想登记下 我系埔心村嘅'), voice input's fillers
    aside ('嗯 那个 …'): a bare 登记 with its village, from a follower not registered yet."""
    return _place_clause(_clauses_said(text)) is not None


def _place_clause(clauses: list[str]) -> re.Match | None:
    """Where one is from (``_FROM_A_PLACE``), alone or beside the wish to register; else None."""
    return next(iter(_place_clauses(clauses)), None)


def _place_clauses(clauses: list[str]) -> list[re.Match]:
    """Every reading of where one is from (``_FROM_A_PLACE``, round 73: ``_FROM_A_SHORT_PLACE``), alone or beside the
    wish to register (round 93: said without a pause, ``_at_the_seam``)."""
    clauses = _at_the_seam(clauses, _WISH_TO_REGISTER.match)  # the wish parted off first: no place holds it
    if len(clauses) == 1:
        return _from_a_place(clauses[0])
    if len(clauses) != 2:
        return []
    for place, wish in (clauses, clauses[::-1]):
        if (found := _from_a_place(place)) and _WISH_TO_REGISTER.match(wish):
            return found
    return []


def _from_a_place(clause: str) -> list[re.Match]:
    return [found for found in (_FROM_A_PLACE.match(clause), _FROM_A_SHORT_PLACE.match(clause)) if found]


def parse_village_told_alone(text: str, villages: list[dict]) -> RegisterText | None:
    """``village_told_alone``'s text as a bare 登记 with its village, when the place is a roster village's name as a
    whole (not '我在埔心村': 在埔心村 is no village's; round 73: nor '埔心的村' of '我是埔心的村民', whose 埔心 is)."""
    for found in _place_clauses(_clauses_said(text)):
        if parsed := village_as_name(RegisterText(found["place"], None), villages):
            return parsed
    return None


def village_as_name(parsed: RegisterText | None, villages: list[dict]) -> RegisterText | None:
    """A 登记 whose only word is a roster village's name ('登记 埔心村'): a bare 登记 with that village (round 57), the name
    asked next; else None."""
    if parsed is None or not parsed.name or parsed.village_text or parsed.code:
        return None
    return (
        RegisterText(None, parsed.name) if _VillageForms.of(villages).longest_in(parsed.name) == parsed.name else None
    )


def wish_and_how_to_register(text: str | None) -> bool:
    """Cheap test: two or three clauses, the wish to register one, how asked another, a greeting the only other; round
    48: or what it takes to register, asked alone; round 52: or how to register or bind, asked alone."""
    # round 50 (19x): traditional characters read as simplified ('點樣登記身份啊 我係新關注嘅')
    said = _PARTICLE_THEN_WHO.sub(" ", hanzi.simplified(normalize_text(text)))
    clauses = [c for c in _SEPARATORS.split(said) if c and not _FILLER_CLAUSE.match(c)]  # round 59: fillers aside
    # conv101 (22x: '麻烦问下 新关注的 要怎么注册才能用 谢谢'): a polite ask first and thanks last, each its own clause
    clauses = _without_thanks_last([c for at, c in enumerate(clauses) if at or not _ASKING_POLITELY.match(c)])
    if len(clauses) == 1:
        # round 81 (issue 17 §5; 21v '怎么登记啊', 21s '点样登记啊' had been given the steps of a record): how to 登记
        # asked alone, before or after the word ('登记要怎么弄'), is a bare 登记 too; read only for a follower not
        # registered yet, whose 登记 is their own (a registered villager's logs trees: handlers/registration.py)
        return bool(
            _WHAT_IT_TAKES_TO_REGISTER.match(clauses[0])
            or _HOW_TO_BIND_ASKED.match(clauses[0])
            or _HOW_TO_REGISTER_ONESELF.match(clauses[0])
            or _REGISTER_THEN_HOW.match(clauses[0])
        )
    if not 2 <= len(clauses) <= 3:
        return False
    if any(_JUST_FOLLOWED.match(c) for c in clauses):  # round 42: just followed, then the wish or how to bind
        return all(
            _JUST_FOLLOWED.match(c)
            or _GREETING_CLAUSE.match(c)  # round 46 (19s): '你好 我系新来嘅 想登记一下'
            or _WISH_TO_REGISTER.match(c)
            or _WISH_ASKED.match(c)
            or _HOW_TO_REGISTER.match(c)
            or _HOW_NAMING_BINDING.match(c)
            for c in clauses
        ) and any(_WISH_TO_REGISTER.match(c) or _WISH_ASKED.match(c) or _HOW_NAMING_BINDING.match(c) for c in clauses)
    return (
        any(_WISH_TO_REGISTER.match(c) for c in clauses)
        and any(_HOW_TO_REGISTER.match(c) for c in clauses)
        and all(_WISH_TO_REGISTER.match(c) or _HOW_TO_REGISTER.match(c) or _GREETING_CLAUSE.match(c) for c in clauses)
    )


def parse_wish_to_register(text: str, _villages: list[dict]) -> RegisterText | None:
    """``wish_and_how_to_register``'s text as a bare 登记."""
    return RegisterText(None, None) if wish_and_how_to_register(text) else None


# round 33b: a one-time code the village gave, said in a short story with the wish to bind ('村书记俾咗个码我 583920 要
# 绑定', '村委给了我一个码 381047 我要绑定'): ``绑定 <code>`` (DESIGN.md, staff binding). One run of the code's digits
# alone (a phone's 11 digits are no code), a word for binding, and a word for the code or its giving; nothing asked
_CODE_ALONE = re.compile(rf"(?<!\d)(\d{{{proofs.CODE_DIGITS}}})(?!\d)")
_BIND_WORD = re.compile(f"{_REGISTER_OR_BIND}|激活|验证")
_CODE_WORD = re.compile(r"码|俾咗?我|给了?我|发了?我|发咗?|给的|俾嘅|畀咗?我")
_CODE_STORY_MAX = 30
_CODE_GIVEN_HOW_TO_USE = re.compile(
    r"(?:点|怎么|怎样|点样|如何|咋)(?:样)?(?:用|使用|弄|搞|操作)(?:呢|啊|呀|㗎|嘅)?\s*$"
)


def code_in_story(text: str | None) -> bool:
    """Cheap test: a short text holding exactly one run of the code's digits, a word for binding and one for the code
    (or its giving), and no question ('验证码 583920 是什么意思' asks)."""

    norm = normalize_text(text)
    if len(norm) > _CODE_STORY_MAX or len(_CODE_ALONE.findall(norm)) != 1 or re.search(r"\d{7,}", norm):
        return False
    words = _CODE_ALONE.sub(" ", norm)
    if _CODE_GIVEN_HOW_TO_USE.search(words) and "码" in words:
        return True  # round 99 (22t: '支书俾咗我个码839201 点用'): how to use the code given is its binding
    return bool(_BIND_WORD.search(words) and _CODE_WORD.search(words)) and not nlu.is_question(nlu.normalize(words))


def parse_code_in_story(text: str, _villages: list[dict]) -> RegisterText | None:
    """``code_in_story``'s text as ``绑定 <code>``."""
    found = _CODE_ALONE.search(normalize_text(text)) if code_in_story(text) else None
    return RegisterText(None, None, found.group(1)) if found else None


# What a self-introduction says around the name and the village: '我是埔心村村民张国强', '我是埔心村的，叫罗桂芳'
_AROUND_NAME_LEAD = re.compile(
    # round 41 (19o): 要 and 绑定 as the request after the name ('埔心村 三队 张亚娣 要登记', '埔心村 一队 罗伟强 绑定')
    rf"^(?:你好|您好|老师好|(?:帮我|我要|我想|想|要|请|麻烦)?(?:{_REGISTER_OR_BIND})(?:一下|下)?|我叫做|我名叫|(?:我的|我|本人的|本人)名字(?:叫做|叫|是|系)?"
    r"|我叫|本人叫|本人是|本人"
    r"|我是|我系|叫做|名叫|叫|是|系|住在|住喺|住|来自|在|村民|的"  # round 50 (19x): 住喺 ('我叫叶振华 住喺埔心村')
    # round 42 (19p): home said before the village ('我屋企喺埔心村 我叫何带娣')
    r"|我住在|我住喺|我住|(?:我)?(?:屋企|家)(?:喺|在|住在|住)?"
    # round 43 (19q): the fields named as a form names them ('我想登记 名字张国华 村子是埔心村')
    # round 53 (20c): the village's field named 村 alone ('姓名叶丽华 村埔心村', '村：埔心村')
    r"|(?:名字|姓名|全名)(?:叫做|叫|是|系)?|(?:村子|村名|村庄|所在村|所在的村)(?:是|系|叫)?|村(?:是|系)|村(?![\u4e00-\u9fff])"
    # round 48 (19u): Hakka and Cantonese 'my name is' (𠊎个名系, 我个名系: 𠊎 read as 我)
    r"|(?:我|本人)(?:的|个)?名(?:字)?(?:叫做|叫|是|系)"
    # round 48 (the lead's simulator): who one is there said between the village and the name ('…嘅老人家叫做邓亚妹')
    r"|老人家|老人|阿婆|阿公|阿伯|阿婶|村民|群众|党员"
    # round 52 (19z): a post said before the name ('我是埔心村书记钟建平 登记一下'): the role is the roster's, never the
    # sender's word (an unknown name registers as 群众; staff prove it with a code)
    r"|(?:党支部|支部|村委会|村委|村)?(?:副)?(?:书记|支书|主任|委员)|妇女主任|村委|村长|组长|队长|村干部|两委干部|干部)+"
)
# after the village: who one is there, and the team or group ('埔心村人', '埔心村五队的': round 34)
# round 42 (19p): where one lives said after the name, before the village ('我叫张伟明住在埔心村五队')
_AROUND_NAME_TAIL = re.compile(
    r"(?:的村民|村民|的人|的|人|[一二三四五六七八九十\d]{1,3}(?:队|组|社|小组)|住在|住喺|住|来自|家在|屋企喺"
    # round 48 (19u, 19v): the request after the name ('埔心村杨志坚登记', '埔心村嘅何丽珍想报个名')
    rf"|(?:我)?(?:要|想|想要|帮我|麻烦)?(?:{_REGISTER_OR_BIND}|报名|报个名|报上名)(?:一下|下|先)?(?:种树|参加)?"
    # round 53 (20c): reporting in ('埔心村党员钟伟雄报到', '…来报到')
    r"|(?:来|前来)?报到(?:了)?)+$"
)


_PRONOUN_ALONE = frozenset({"我", "本人", "系我", "是我"})
_GROUP_AFTER_VILLAGE = r"[一二三四五六七八九十\d]{1,3}(?:队|组|社|小组)(?:的)?"


def read_name_and_village(text: str, villages: list[dict]) -> RegisterText | None:
    """A name and a roster village in any order and wording: '埔心村 李秀英', '李秀英 埔心村', '埔心村黄志强',
    '我是埔心村村民张国强', '我是埔心村的，叫罗桂芳', '我係埔心村嘅，我叫冯亚妹'. The village must be one of the roster's
    (its name, or its name without 村/社区), and what is left, the words around a name taken off, one plausible name
    (``looks_like_bare_name``: not a tree, a command, a question); else None."""

    norm = spoken_text(text).rstrip("。.!！~～").replace("嘅", "的").replace("係", "系")
    form = _VillageForms.of(villages).longest_in(norm)
    if form is None:
        norm = _village_by_its_sound(norm, villages)
        form = _VillageForms.of(villages).longest_in(norm)
    if form is None:
        return None
    # round 33b: the town said before the village is no name ('我是石角镇埔心村的村民陈国良')
    norm = re.sub(rf"[\u4e00-\u9fff]{{2}}(?:镇|街道|乡)(?={re.escape(form)})", "", norm, count=1)
    # round 48 (19v): the villager said with the village's 村 ('我系埔心村民': 埔心村 + 民)
    rest = norm.replace(form + "民", " ", 1) if form.endswith("村") else norm
    # conv101 (22w: '我是埔心村三组的张志强 刚关注的 要怎么报名字上去'): the team or group right after the village, before
    # the name, is the village's (as after the name: _AROUND_NAME_TAIL)
    rest = re.sub(re.escape(form) + _GROUP_AFTER_VILLAGE, " ", rest, count=1)
    rest = rest.replace(form, " ", 1)
    names = []
    for token in _SEPARATORS.split(rest):
        if not token or nlu.is_chitchat(token) or token in _PRONOUN_ALONE:
            continue  # '你好，我叫何金兰，住在埔心村'; round 49 (19w): 我 alone between pauses ('埔心村，我，林阿娣')
        token = _AROUND_NAME_TAIL.sub("", _AROUND_NAME_LEAD.sub("", token))
        if token:
            names.append(token)
    if len(names) != 1 or not looks_like_bare_name(names[0]) or _NO_PERSONS_NAME.search(names[0]):
        return None
    return RegisterText(names[0], form)


def village_named(text: str, villages: list[dict]) -> dict | None:
    """The roster village ``text`` names (its name, or its name without 村/社区 of two characters or more; the longest
    form said), read as ``read_name_and_village`` finds it (``_VillageForms``, kept per roster)."""
    form = _VillageForms.of(villages).longest_in(text)
    return next((v for v in villages if form in (v["name"], core_name(v["name"]))), None) if form else None


# Round 34: a name and a village told in clauses among others ('埔心村 李淑贞 🙏 绑定', '我叫黄志强，石角镇埔心村人，帮我
# 登记一下身份', '我姓何 叫何福生 埔心村五队的 孙仔话要先报上名字村名'): each clause, and each two side by side, read as
# ``read_name_and_village`` reads a whole text; one reading among them all is the sender's.
CLAUSES_READ = 8  # at most; a longer text is a story (``parse_register_in_story``)
_CLAUSE_SEPARATORS = re.compile(rf"{_SEPARATORS.pattern}|[^\u3400-\u9fff\w·]+")  # and emoji, symbols


# round 50 (19x): 实名 (one's real name, the wish to register: '我要实名 我叫叶振华 住喺埔心村')
_ASKS_BINDING = re.compile(f"{_BIND_WORD.pattern}|身份|报名|报上|实名")


def clauses_of(text: str | None) -> list[str]:
    """The text's clauses (separated by punctuation, spaces or emoji), or none past ``CLAUSES_READ``; round 87: the
    surname said in a clause of its own before the full name (``without_surname_said``)."""
    clauses = without_surname_said([c for c in _CLAUSE_SEPARATORS.split(normalize_text(text)) if c])
    return clauses if 2 <= len(clauses) <= CLAUSES_READ else []


# round 87 (22d: '我是埔心村村民 姓钟 钟秀兰'): the surname said first in a clause of its own ('姓钟', '我姓黄嘅'), then the
# full name it begins: the name's clause says it all
_SURNAME_SAID = re.compile(r"^(?:我|本人)?(?:是|系)?姓(?P<surname>[\u4e00-\u9fff]{1,2}?)(?:的|嘅|个)?$")
_NAME_WORDS_FIRST = re.compile(r"^(?:我|本人)?(?:叫做|叫|名叫|个名叫|的名字叫|名字叫|全名|全名叫|全名是)?")


def without_surname_said(clauses: list[str]) -> list[str]:
    """``clauses`` without a clause that says only the surname when the next clause's name begins with it."""
    kept = []
    for at, clause in enumerate(clauses):
        said = _SURNAME_SAID.match(clause)
        after = _NAME_WORDS_FIRST.sub("", clauses[at + 1], count=1) if said and at + 1 < len(clauses) else ""
        if said and len(after) > len(said["surname"]) and after.startswith(said["surname"]):
            continue
        kept.append(clause)
    return kept


# conv109 (conv108's find: '我系埔心村嘅黄伯 我叫黄炳坤点样登记啊' had registered 黄伯): who one is in the village said as a
# form of address (黄伯, 李叔, 阿芳, 老王: a title, not one's name), one's own name said after it in a clause of its own
# (我叫, 名叫, 我的名字叫; 叫我 is what one is called, never this), the how-to run on after the name left out (``spoken_text``):
# the name is the one registered, with the title's village; a title alone is read as before (registered as said)
_FORM_OF_ADDRESS = re.compile(
    rf"^(?:[\u4e00-\u9fff]{_ADDRESS_TITLES}|{nlu.titles_alternation(nlu.NAME_PREFIXES)}[\u4e00-\u9fff])$"
)
_OWN_NAME_SAID = re.compile(
    r"^(?:我|本人)?(?:的|嘅|个)?(?:叫做|名叫|名字叫|叫|名字系|名字是|全名叫|全名)(?!我)(?P<name>[\u4e00-\u9fff·]{2,4})$"
)


_ANOTHER_SPOKEN_OF = re.compile(rf"{OLD_RELATIVES}|爸|妈|佢|她|他|帮|替|代|同")


def is_form_of_address(name: str | None) -> bool:
    """A title one is called by (黄伯, 陈婶, 阿芳, 老王), not a full name."""
    return bool(name and _FORM_OF_ADDRESS.match(name))


def _title_and_own_name(text: str | None) -> tuple[list[str], str] | None:
    """The clauses before the one that says one's own name (``_OWN_NAME_SAID``, exactly one such clause), and that name
    (a common surname, a bare name); None else. Read from the text as said, the request or how-to after the name left out
    and a breath's seams paused (``_story_text``: '…黄伯我叫黄炳坤')."""
    clauses = [c for c in _SEPARATORS.split(_story_text(spoken_text(text))) if c]
    said = [(at, found["name"]) for at, c in enumerate(clauses) if (found := _OWN_NAME_SAID.match(c))]
    if len(said) != 1 or said[0][0] == 0:
        return None
    at, name = said[0]
    if any(_ANOTHER_SPOKEN_OF.search(c) for c in clauses[:at]):
        return None  # '我阿爸系埔心村嘅黄伯 名叫黄炳坤': the father's title and name, never the sender's (round 81)
    if not has_common_surname(name) or _NO_PERSONS_NAME.search(name) or not looks_like_bare_name(name):
        return None
    return clauses[:at], name


def title_then_own_name(text: str | None) -> bool:
    """Cheap test, before any village is loaded: a clause before one's own name said (``_title_and_own_name``) ends in
    a form of address."""
    found = _title_and_own_name(text)
    return found is not None and any(_FORM_OF_ADDRESS.match(c[-2:]) for c in found[0])


def parse_title_then_own_name(text: str, villages: list[dict]) -> RegisterText | None:
    """``title_then_own_name``'s own name with the roster village of the clause that says the title (one village, one
    title); None else."""
    found = _title_and_own_name(text)
    if found is None:
        return None
    titled = {
        reading.village_text
        for clause in found[0]
        if (reading := read_name_and_village(clause, villages)) is not None and is_form_of_address(reading.name)
    }
    return RegisterText(found[1], titled.pop()) if len(titled) == 1 else None


def read_name_and_village_in_clauses(text: str, villages: list[dict]) -> RegisterText | None:
    """The one name-and-village reading among the text's clauses and pairs of clauses side by side; None for none or
    two that differ."""
    clauses = [c for c in clauses_of(text) if not _ASKS_BINDING.search(c)]  # '帮我登记一下身份' names nobody
    windows = [*clauses, *(f"{a} {b}" for a, b in zip(clauses, clauses[1:], strict=False))]
    readings = {found for window in windows if (found := read_name_and_village(window, villages)) is not None}
    readings = {found for found in readings if has_common_surname(found.name)}  # '埔心村 刚关注': no name
    return readings.pop() if len(readings) == 1 else None


def is_known_persons_name(name: str) -> bool:
    """A name the dictionary knows as a word, but as a person's name (jieba's tag ``nr``: 陈国强, 张国强), a common
    surname and a given name after it: a name still, not a common word (round 42, set 19p's '埔心村 陈国强'). The ~34,000
    such words are read once from the dictionary's file (bot/common_words.py, round mem102), never through
    ``jieba.posseg``, whose tag table of every word costs each process ~50 MB."""
    return has_common_surname(name) and len(name) <= 4 and name in common_words.dictionary_words().persons_names


# round 81 (issue 17 §5; 21v '喂 我要那个等级 我叫张龙眼 铺心村' had become a ticket): a roster village's full name as voice
# input mishears it, one character written by another of its sound (铺心村 for 埔心村), the rest in place and the place
# word (村, 社区) last: that village, as 登记's own reading of the village (bot/roster.py match_village) allows one
# character off. Only where no village is named as the roster writes it, over the place words of the text
_PLACE_WORD_END = re.compile(r"村|社区")


def _village_by_its_sound(norm: str, villages: Iterable[Mapping]) -> str:
    """``norm`` with a village's name misheard by one character of its sound written as the roster's; else as it is.
    The first village in the roster's order that fits, at the first place word it fits (``_VillageForms.one_off``: a
    city's 1,200 villages had cost a text ~5-9 ms read one by one; the lead, forty-fourth session)."""
    ends = [found.end() for found in _PLACE_WORD_END.finditer(norm)]
    if not ends:
        return norm
    forms = _VillageForms.of(villages)
    fits = []
    for end_at, end in enumerate(ends):
        for length in forms.full_lengths:
            heard = norm[end - length : end] if end >= length else ""
            for at in range(len(heard)):
                for order, name in forms.one_off.get((heard[:at], heard[at + 1 :]), ()):
                    if heard[at] != name[at] and nlu.readings(heard[at]) & nlu.readings(name[at]):
                        fits.append((order, end_at, name, end))
    if not fits:
        return norm
    _, _, name, end = min(fits)
    return norm[: end - len(name)] + name + norm[end:]


class _VillageForms:
    """Every village's name and short name (``core_name``) of two characters or more, each with its first place in
    the order ``read_name_and_village`` read them (by village, the name before the short name), and their lengths
    longest first. Kept for the last few rosters: a city's 1,200 villages cost a short text from a follower not
    registered yet ~0.75 ms read one by one (issue 21, twelfth round). Villages as a connection keeps them
    (bot/store/roster.py ``KeptVillages``) are known by their ``villages_version`` mark; others by the tuple of their
    names (~0.05 ms a text for 1,200, the thirteenth round's cut)."""

    def __init__(self, names: tuple[str, ...]):
        first: dict[str, int] = {}
        for name in names:
            for form in (name, core_name(name)):
                if len(form) >= 2:
                    first.setdefault(form, len(first))
        self.first = first
        self.lengths = sorted({len(form) for form in first}, reverse=True)
        # every full name of three characters or more with one character taken out, (before, after) -> (its place in
        # the roster's order, the name): the names one misheard character off (``_village_by_its_sound``)
        one_off: dict[tuple[str, str], list[tuple[int, str]]] = {}
        for order, name in enumerate(names):
            if len(name) >= 3:
                for at in range(len(name)):
                    one_off.setdefault((name[:at], name[at + 1 :]), []).append((order, name))
        self.one_off = one_off
        self.full_lengths = sorted({len(name) for name in names if len(name) >= 3})

    @classmethod
    def of(cls, villages: Iterable[Mapping]) -> _VillageForms:
        mark = getattr(villages, "mark", None)
        key: tuple = (_MARKED, mark) if mark is not None else tuple(map(_NAME, villages))
        return _forms_kept.get_or_make(key, lambda: cls(tuple(map(_NAME, villages)) if mark is not None else key))

    def longest_in(self, text: str) -> str | None:
        """The longest form ``text`` holds; of several as long, the one read first (as the loop over the villages
        chose it)."""
        first = self.first
        for length in self.lengths:
            found = [text[at : at + length] for at in range(len(text) - length + 1) if text[at : at + length] in first]
            if found:
                return min(found, key=first.__getitem__)
        return None


_NAME = operator.itemgetter("name")
_MARKED = object()  # a key's first item: the rest is a villages_version mark, not a village's name
FORMS_KEPT = 4  # rosters (a test's, the city's) whose forms are kept
_forms_kept = Kept(FORMS_KEPT)


# What is left beside a village that names no person: '我在埔心村' (我在), '埔心村村委' (村委)
# round 93 (conv93: '点注册呀 我埔心村嘅' had registered one named 点注册): nor how to register asked
_NO_PERSONS_NAME = re.compile(rf"^(?:我|你|您|他|她|它|咱|俺|大家|这|那|在|去|到|来|回)|村|委|社区|{_REGISTER_OR_BIND}")


def looks_like_name_and_village(text: str) -> bool:
    """Cheap test, before any village is loaded: could this short text be a name and a village alone ('埔心村 李秀英',
    '李秀英埔心村')? Chinese characters and separators only, at most 16, no question."""

    norm = spoken_text(text).rstrip("。.!！~～")
    return 4 <= len(norm) <= 16 and bool(_NAME_AND_PLACE_CHARS.match(norm)) and not nlu.is_question(norm)


# round 53 (20c): a form's colons too ('名字：邓永华 村：埔心村')
_NAME_AND_PLACE_CHARS = re.compile(r"^[\u3400-\u9fff][\u3400-\u9fff\s,，、·:：]*$")


# A particle, negation or aspect word never opens or closes a person's name: what 登记 took as one was a question
# ('登记咗未' -> 咗未, '登记成功没' -> 成功没, '登记好了吗' -> 好了吗); 未 may close a given name ('林阿未'), never open one
_PARTICLES_OPENING = "了咗没冇未吗嘛呢吧啦咩呀啊哦喔噢唔嘅哋"
_PARTICLES_CLOSING = "了咗没冇吗嘛呢吧啦咩呀啊哦喔噢唔嘅哋"


def name_without_particles(name: str | None) -> str | None:
    """A name said with a particle after it ('叶荔芳啊', '我叫李明呀'): the name ('叶荔芳'), when two characters or more
    are left; anything else as it is (``is_plausible_name`` refuses what still ends with one)."""
    if not name:
        return name
    bare = name.rstrip(_PARTICLES_CLOSING)
    return bare if len(bare) >= 2 and bare != name else name


# tidy75 (issue 17 §5): 报名 (signing up) from a follower not registered yet ('我想报名', '报名先', '我要报个名'): with no
# planting day open, the campaign signed up for, registering (handlers/registration.py); 参加 alone stays the day's
_SIGN_UP_RE = re.compile(r"报(?:个|一下|下)?名")
_BARE_SIGN_UP_RE = re.compile(
    r"^(?:我|我们)?(?:也|都)?(?:想|要|想要)?报(?:个|一下|下)?名(?:先|啦|呀|啊|吧|喇|咯|啰|喔|哦|嘅)*$"
)


def sign_up_said(norm: str) -> bool:
    """A wish to sign up said with 报名 (text ``normalize``d): the planting day's join wish (``nlu.joining_said``) or 报名
    alone with its particles; never with the planting day named ('我想报名参加植树活动': the day's, round 81 and 84)."""
    said = (norm or "").replace(" ", "")
    if not _SIGN_UP_RE.search(said) or request_frames.names_the_day(said):
        return False
    return bool(_BARE_SIGN_UP_RE.match(said)) or nlu.joining_said(said)


def parse_sign_up(text: str, villages: list[dict]) -> RegisterText | None:
    """报名 read as a bare 登记: nothing told, the name asked next."""
    return RegisterText(name=None, village_text=None) if sign_up_said(nlu.normalize(text)) else None


# tidy75 (issue 17 §5): a registration in progress withdrawn in words ('退出登记', '唔登记喇', '取消登记', '我不想登记了',
# '唔注册住'), read while 登记 waits for the name or village (handlers/registration.py): it had been the leave reply with
# the registration still waiting, or the words read as the village
_REGISTRATION_WITHDRAWN_RE = re.compile(
    rf"^(?:我)?(?:算了|算啦|算数)?(?:我)?(?:取消|退出|不想|不要|不用|不再|不)(?:再)?(?:{_REGISTER})"
    r"(?:了|啦|喇|咯|住|先|啰|吧|喔|哦)*$"
)


def registration_withdrawn(norm: str) -> bool:
    """'退出登记', '不登记了', '算了 不登记了', or leaving (``nlu.leave_wished``: '我要退出') or never mind (``nlu.given_up``)
    said alone: every clause one of them, one at least (text ``normalize``d)."""
    clauses = [c for c in nlu.PAUSES_RE.split(norm or "") if c]
    return bool(clauses) and all(
        _REGISTRATION_WITHDRAWN_RE.match(c) or nlu.leave_wished(c) or nlu.given_up(c) for c in clauses
    )


# The lead (thirty-ninth session, the simulator by voice): whether one is registered, asked (``normalize``d, spaces
# out): '我登记咗未', '我注册成功了吗', '我系咪已经登记咗', or someone having done it for one ('我个仔帮我登记好未',
# '孙女话帮我登记好咗 系唔系真㗎'); a relative's own registration ('我老婆登记咗未') is not one's own
_REGISTRATION_ASKED_RE = re.compile(
    r"^(?:我|帮我|(?:我(?:的|个|嘅|屋企|家)?)?[\u4e00-\u9fff]{1,3}?(?:话|说)?(?:已经)?(?:帮|替|同|给)我)"
    rf"(?:是不是|有没有)?(?:已经)?(?:{_REGISTER_OR_BIND}|认证)(?:好|到|上|成功|完)?(?:了)?"
    rf"(?:{nlu.DONE_YET_WORDS}|是不是(?:真的?)?|对不对|啦是不是)?(?:呀|啊|呢|啦|嘅|㗎|嘛)*$"
)
_QUESTION_ENDINGS = ("没有", "没", "未", "吗", "是不是", "是不是真", "是不是真的", "对不对")


def registration_asked(norm: str) -> bool:
    """Whether one is registered, asked: a question (its ending, or 是不是/有没有 before the verb), never the request
    itself ('帮我登记': the register route's)."""
    said = norm.replace(" ", "").rstrip("？?。.！!~～呀啊呢啦嘅㗎嘛")
    found = _REGISTRATION_ASKED_RE.match(said)
    return bool(found) and (said.endswith(_QUESTION_ENDINGS) or "是不是" in said or "有没有" in said)


# The lead (thirty-ninth session, the simulator): what one is, or a pronoun, is no one's name ('登记 村干部 埔心村' had
# registered a 群众 named 村干部, shown so in the cadres' lists; '登记 我系 埔心村' one named 我系); 的 closes none
# ('村委的'): a role, alone or after the village's words (村委, 村里的), a pronoun (我系) alone
# round 84: who told one to come, read where the name is ('佢喊涯来', '他叫我来'): a pronoun telling, never a name
_SOMEONE_TELLS = r"^[佢他她你您](?:叫|喊|让|话|讲|说|要)"
_SOMEONE_TELLS_RE = re.compile(_SOMEONE_TELLS)
_NOT_A_PERSON_RE = re.compile(
    r"^(?:本村|村里|村委|村委会|村的|村)?(?:的)?(?:党员|群众|村民|农民|老人|干部|村干部|书记|村书记|支书|村长|主任|委员|组长|队长"
    r"|领导|顾问|技术员|管理员|专家|老师)$"
    r"|^村委|^[我你您佢他她](?:系|是|哋|们|地|自己)?$|的$"
    r"|" + _SOMEONE_TELLS
)


def is_plausible_name(name: str | None) -> bool:
    """A name as 登记 takes it: Chinese characters (or Latin letters), never a tree's whole name (``names_a_tree``) nor
    words of planting ('种树', '我种的树': ``nlu.is_planting_words``), nor opened or closed by a particle ('咗未',
    '成功没': a status question, not a name)."""

    if not name:
        return False
    return (
        bool(_HAN_NAME.match(name) or _LATIN_NAME.match(name))
        and name[0] not in _PARTICLES_OPENING
        and name[-1] not in _PARTICLES_CLOSING
        and not _NOT_A_PERSON_RE.search(name)
        and not names_a_tree(name)
        and not nlu.is_planting_words(name, _species_table())
    )


def a_tree_named_person(name: str | None, village_text: str | None, villages: list[dict]) -> bool:
    """Round 65 (20s): a tree's name under a common surname ('杨梅', '龙眼', '石榴') said where 登记 takes the name, a
    village of the roster beside it: a person's name, as a person named so registers ('登记 荔枝 三棵', or a tree no
    surname starts, stays a tree: registration.tree_not_name)."""
    return (
        bool(name and village_text)
        and names_a_tree(name)
        and has_common_surname(name)
        and bool(match_village(village_text or "", villages))
    )


def names_a_tree(text: str | None) -> bool:
    """A tree's whole name ('桂花', '李子', '龙眼苗'), never a person's, at 登记 as in a 代种 or a pledge
    (``nlu.is_tree_name``: '李明' and '李子明' are people)."""

    return nlu.is_tree_name(normalize_text(text), _species_table())


@lru_cache(maxsize=1)
def _species_table() -> dict:
    from bot.faq import load_species_table
    from bot.messages import MESSAGES_DIR

    return load_species_table(MESSAGES_DIR)


# round 46: the words a name is said with, before it ('叫黄亚妹', '名叫黄亚妹', '姓名：黄亚妹', '我个名叫黄亚妹'): no surname
# starts so
# round 56: the name of the one registered said of them by a relative setting up their WeChat ('佢叫陈大伯',
# '我阿爸叫陈大伯', '老人家叫陈大伯'): the subject needs its name word after it (叫, 是 …: '阿爸' alone is no name)
_THIRD_PERSON = (
    rf"(?:佢|它|他|她|(?:我(?:的|个|嘅)?)?(?:屋企|家里)?(?:{OLD_RELATIVES}))(?:的|个|嘅)?"
    r"(?=(?:名字|姓名|个名|名)?(?:叫做|叫|系|是))"
)
_NAME_WORDS = re.compile(
    rf"^(?:{_THIRD_PERSON}|我(?:的|个)?|本人(?:的)?)?(?:名字|姓名|个名|名(?=叫))?(?:叫做|叫|系|是)?[:：\s]*(?=\S)"
)


def without_name_words(text: str) -> str:
    """``text`` without the words a name is said with before it ('叫黄亚妹' -> '黄亚妹'); any other text as it is
    ('黄亚妹', '是' alone)."""
    found = _NAME_WORDS.match(text)
    return text[found.end() :] if found and found.end() else text


# round 89: an ordinal or a first time opens no name ('第一次用', '头次用')
_ORDINAL_OR_FIRST = re.compile(r"^第[一二三四五六七八九十两\d]|^(?:头|初)次")


def looks_like_bare_name(text: str | None) -> bool:
    """Is this short reply a person's name (the answer to 'please send your name')?

    Strict, because it is only asked while the registration step waits for a name, before every
    other route: 2-4 Chinese characters (or a name with ·), not a command, a greeting, a question,
    a species, a count or words of planting (``nlu.is_planting_words``: '种的树'; a village's name may hold them:
    榕树村).
    """

    norm = normalize_text(text)
    return (
        bool(_HAN_NAME.match(norm))
        and not norm.startswith("叫")  # '叫黄亚妹': the name said with its word
        and not _SOMEONE_TELLS_RE.match(norm)  # round 84: '佢喊涯来' (he told me to come)
        and not _ORDINAL_OR_FIRST.match(norm)  # round 89: '我是埔心村的 第一次用…' had registered 第一次用
        and (len(norm) <= 4 or "·" in norm)
        and _plain_words(norm)
        and not nlu.is_planting_words(norm, _species_table())
    )


def looks_like_place(text: str | None) -> bool:
    """Is this reply a village or community name (the answer to 'which village?')?"""
    norm = normalize_text(text)
    return bool(_HAN_PLACE.match(norm)) and _plain_words(norm)


def _plain_words(norm: str) -> bool:
    """Not a command, a menu text, a greeting, a question, a count or a species name alone."""
    from bot.menu import click_texts

    if norm in NOT_NAMES or norm in set(click_texts().values()):
        return False
    if nlu.is_question(norm) or nlu.is_chitchat(norm) or nlu.parse_count(norm):
        return False
    return not names_a_tree(norm)


@dataclass(frozen=True)
class Binding:
    """What a 登记 came to. ``status``: registered | already | taken | needs_code (a staff person named without
    a code: nothing bound) | ask_phone (the phone check starts) | phone_wrong (``left`` tries) | waiting (the
    claim waits for the village's cadres or an admin) | released (the village released this sender's binding of
    the person by name: not bound again) | gone (the person left the roster) | code_ok |
    code_wrong | code_expired | code_used | code_limited | code_unmatched (round 71: a name on no roster with a
    code: registered as without the code, told it matched nothing) | roster_kept (reg77: a roster person's 登记 of
    another name or village: nothing bound, the roster's binding kept)."""

    status: str
    person: dict | None
    left: int = 0


def bind(ctx: Ctx, name: str, village: dict) -> Binding:
    """``登记 <name> <village>`` without a code. From a sender bound to a roster person, anything but that person
    binds nothing (``roster_kept``: the roster's name and village are the office's to correct; reg77). The roster
    person of that name, if listed:

    * already bound to the sender: ``already``;
    * bound to another openid: not taken over; the conflict is recorded (``taken``) for an admin;
    * a staff role (``STAFF_ROLES``): nothing is bound, a name proves nothing; the claim is recorded for
      the office (``needs_code``): staff bind with a one-time code (``bind_by_code``);
    * a villager with a phone on file: the phone check starts (``ask_phone``, state ``confirm_phone``;
      ``confirm_phone`` below); with no tries left today the claim waits (``waiting``);
    * a binding by name of this person that the village released for this sender before: not bound again
      (``released``);
    * else bound at once (``bound_via = 'name'``), and a claim of kind ``name`` is opened for the village's
      cadres and the admins to confirm or release (bot/bindings.py); its roster role holds meanwhile.

    Not listed: a new 群众 of that village (source and ``bound_via`` 'self'), or a correction of the
    sender's own earlier self-registration."""
    db, now = ctx.db, ctx.now_s
    current = ctx.person
    target = named_person(db, name, [village])
    if current and current["source"] != "self" and not (target and target["id"] == current["id"]):
        REGISTRATION.end(ctx)  # reg77: a roster person's name and village are the office's (never bound again)
        return Binding("roster_kept", current)
    if target and target["openid"] == ctx.openid:
        REGISTRATION.end(ctx)
        return Binding("already", target)
    if target and (target["openid"] or is_staff_role(target["role"])):
        return _claim_waits(ctx, target, name, village["id"], "taken" if target["openid"] else "needs_code")
    if target and target["phone"]:
        if proofs.phone_tries_left(ctx.app, db, target["id"], ctx.openid, ctx.now) == 0:
            return _claim_waits(ctx, target, name, village["id"], "phone")
        REGISTRATION.enter(ctx, "confirm_phone", {"person_id": target["id"], "name": name, "village_id": village["id"]})
        return Binding("ask_phone", target)
    if target and roster_store.was_released(db, ctx.openid, target["id"]):
        REGISTRATION.end(ctx)
        return Binding("released", target)
    if target:
        roster_store.unbind_openid(db, ctx.openid, now)
        roster_store.bind_openid(db, target["id"], ctx.openid, now, via="name")
        roster_store.record_binding_conflict(
            db,
            openid=ctx.openid,
            person_id=target["id"],
            claimed_name=name,
            village_id=village["id"],
            bound_openid=ctx.openid,
            now=now,
            kind="name",
        )
    elif current and current["source"] == "self":  # a correction of what they typed before
        if current["village_id"] != village["id"]:  # another village's: out of the household a cadre put them in
            households.leave(db, current, now)
        roster_store.update_person(db, current["id"], {"name": name, "village_id": village["id"]}, now)
        # sim71: a reminder queued before it greets by the new name
        greeting = [ctx.t("reminders.greeting", name=who) for who in (current["name"], name)]
        outbox_store.rename_waiting(db, ctx.openid, *greeting)
    else:
        roster_store.unbind_openid(db, ctx.openid, now)
        roster_store.insert_person(
            db,
            {
                "name": name,
                "village_id": village["id"],
                "role": MASSES,
                "source": "self",
                "openid": ctx.openid,
                "bound_via": "self",
            },
            now,
        )
    ctx.forget_person()
    REGISTRATION.end(ctx)
    return Binding("registered", ctx.person)


def _claim_waits(ctx: Ctx, person: dict, name: str, village_id: int | None, kind: str) -> Binding:
    """Nothing is bound: the claim is recorded for the office (登记冲突; a ``phone`` claim also for the
    village's cadres)."""
    roster_store.record_binding_conflict(
        ctx.db,
        openid=ctx.openid,
        person_id=person["id"],
        claimed_name=name,
        village_id=village_id,
        bound_openid=person["openid"],
        now=ctx.now_s,
        kind=kind,
    )
    REGISTRATION.end(ctx)
    return Binding("waiting" if kind == "phone" else kind, person)


def confirm_phone(ctx: Ctx, state, digits: str) -> Binding:
    """The answer to the phone check (state ``confirm_phone``): the last 4 digits of the roster phone."""
    db = ctx.db
    person = roster_store.person(db, state.data["person_id"])
    name, village_id = state.data["name"], state.data["village_id"]
    if person is None:  # gone from the roster meanwhile: start again
        REGISTRATION.end(ctx)
        return Binding("gone", None)
    if person["openid"]:  # bound by someone else meanwhile
        return _claim_waits(ctx, person, name, village_id, "taken")
    if proofs.phone_matches(person["phone"], digits):
        return _bound_with_proof(ctx, person, "phone", "registered")
    proofs.record_phone_failure(db, ctx.openid, person["id"], ctx.now)
    left = proofs.phone_tries_left(ctx.app, db, person["id"], ctx.openid, ctx.now)
    if left == 0:
        return _claim_waits(ctx, person, name, village_id, "phone")
    return Binding("phone_wrong", person, left)


def bind_by_code(ctx: Ctx, parsed: RegisterText) -> Binding:
    """``绑定 <code>`` or ``登记 <姓名> <村> <code>`` (then only that person's code counts): bot/proofs.py."""
    db = ctx.db
    assert parsed.code is not None  # on_register calls this for a code
    person_id = None
    if parsed.name:
        villages = _villages_meant(ctx, parsed.village_text)
        target = named_person(db, parsed.name, villages)
        if target is None:  # no such roster person: a wrong code, as far as the limit goes
            if proofs.over_code_limit(ctx.app, db, ctx.openid, None, ctx.now):
                return Binding("code_limited", None)
            proofs.record_code_failure(db, ctx.openid, None, ctx.now)
            if ctx.person is None and parsed.village_text and len(villages) == 1:
                return _registered_without_code(ctx, parsed.name, villages[0])
            return Binding("code_wrong", None)
        person_id = target["id"]
    result = proofs.redeem(ctx.app, db, openid=ctx.openid, code=parsed.code, now=ctx.now, person_id=person_id)
    person = roster_store.person(db, result.person_id)
    if result.status == "ok":
        assert person is not None  # the code's person
        return _bound_with_proof(ctx, person, "code", "code_ok")
    if result.status == "used" and person and person["openid"] == ctx.openid:
        return Binding("already", person)
    return Binding(CODE_STATUSES[result.status], person)


def _registered_without_code(ctx: Ctx, name: str, village: dict) -> Binding:
    """Round 71 (21f: '登记 赖杉娣 埔心村 472615'): from a follower not registered yet, a name on no roster of the one
    village named, with digits that cannot be that name's code (codes are given to roster people only): registered as
    登记 <姓名> <村> without them would be (a 群众 of that village, the role never from the user: what the name alone
    gets; no roster person's role is taken), and told the code matched nothing (``code_unmatched``), so one who is staff
    binds with 绑定 <code> later (bind_person releases this binding). The failure still counts towards the daily limit,
    and the reply is the same whether the digits are someone else's code or none (no oracle for guessing). A name on the
    roster keeps ``code_wrong`` (nothing bound: only that person's code proves them)."""
    binding = bind(ctx, name, village)
    return Binding("code_unmatched", binding.person) if binding.status == "registered" else binding


CODE_STATUSES = {"wrong": "code_wrong", "expired": "code_expired", "used": "code_used", "limited": "code_limited"}


def _bound_with_proof(ctx: Ctx, person: dict, via: str, status: str) -> Binding:
    bind_person(ctx.db, person, ctx.openid, ctx.now_s, via)
    ctx.forget_person()
    REGISTRATION.end(ctx)
    return Binding(status, ctx.person)


def bind_person(db, person: dict, openid: str, now: str, via: str) -> None:
    """Bind ``openid`` to ``person``, proven by ``via`` (a code, the phone, an approval): the sender's own earlier
    binding is released, and whoever held the person before is unbound. The sender's open claims on the person
    are closed. Call inside a transaction."""
    if person["openid"] != openid:
        roster_store.unbind_openid(db, openid, now)
        if person["openid"]:
            roster_store.unbind_openid(db, person["openid"], now)
            log.info("binding of person %s moved to another WeChat user (%s)", person["id"], via)
    roster_store.bind_openid(db, person["id"], openid, now, via=via)
    roster_store.close_open_claims(db, person["id"], openid, resolution=via, resolved_by=via, now=now)


def _villages_meant(ctx: Ctx, village_text: str | None) -> list[dict]:
    villages = roster_store.all_villages(ctx.db)
    if village_text:
        return match_village(village_text, villages)
    scene = scene_village(ctx)
    return [scene] if scene else villages


def named_person(db, name: str, villages: list[dict]) -> dict | None:
    """The one roster person of this name in these villages (an adviser: linked to one of them); None when
    there is none or more than one."""
    found = {}
    for village in villages:
        person = roster_store.person_by_name_in_village(
            db, name, village["id"]
        ) or roster_store.person_of_role_named_in_villages(db, ADVISER, name, [village["id"]])
        if person:
            found[person["id"]] = person
    return next(iter(found.values())) if len(found) == 1 else None
