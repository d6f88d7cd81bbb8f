"""The registration capability's manifest: follow / QR scene welcome, 登记 and 绑定 <code>, the follow-up answers of
登记 (the ``registration`` flow's table, the phone check included; its diagram is in docs/roster.md), and 我的信息;
roster import, ``invite`` (one-time codes), QR codes, the roster and binding-conflict pages; the codes' and
failed proofs' tables (bot/store/proofs.py).

After a successful binding the messages kept by ``bot.identity.registered`` are handled again and their
replies appended.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from bot import common_words, conversation, hanzi, identity, nlu, planting, proofs, qrcodes, roster, village_matters
from bot.context import Ctx
from bot.conversation import END, FlowTable, Step
from bot.dashboard import binding_pages, roster_pages
from bot.identity import REGISTRATION, normalize_text
from bot.ids import row_id
from bot.kept import Kept
from bot.registry import Command
from bot.roster import match_village
from bot.router import Decided, Route, staged
from bot.store import events as events_store
from bot.store import proofs as proofs_store
from bot.store import roster as roster_store
from bot.store import users as users_store
from handlers import core

MAX_CHOICES = 8


# -- follow / scan ----------------------------------------------------------------------------------
def scene_of(event_key: str | None) -> str:
    """A QR code's scene: ``qrscene_12`` (follow through a code) or ``12`` (scan while following) -> ``12``."""
    return (event_key or "").strip().removeprefix("qrscene_")


def scene_village_id(event_key: str | None) -> int | None:
    """A village's code: its scene is the village id (other scenes, e.g. a planting day's ``event_5``, are None)."""
    return row_id(scene_of(event_key))


def on_follow(ctx: Ctx, _match) -> str:
    return follow(ctx, roster_store.village(ctx.db, scene_village_id(ctx.msg.event_key)))


def follow(ctx: Ctx, village: dict | None) -> str:
    """A follow or a scan: subscribed, ``village`` preselected (a village's code, or the village of another scene,
    e.g. a planting day's: handlers/events.py); the welcome."""
    if ctx.msg.event == "subscribe":
        users_store.set_subscribed(ctx.db, ctx.openid, True, ctx.now_s)
    if village:
        users_store.set_scene_village(ctx.db, ctx.openid, village["id"])
    person = ctx.person
    if person:
        return ctx.t("core.welcome_back", name=person["name"])
    if village:
        REGISTRATION.enter(ctx, "ask_name", {"village_id": village["id"]})
        return ctx.t("registration.welcome_village", village=village["name"])
    return ctx.t("core.welcome")


# -- 登记 ---------------------------------------------------------------------------------------------
def _register_words(ctx: Ctx):
    """The text alone: ``登记 …`` / ``绑定 …`` or a self-introduction, and which (read ahead: bot/router.py)."""
    if ctx.msg.msg_type != "text":
        return None
    text = ctx.msg.text or ""
    if planting.recorded_asked(nlu.normalize(text)):
        return None  # round 67 (20w): '登记咗未', '入咗数未': whether recorded asked, never a 登记 (nor the name 咗未)
    if nlu.right_name_in(nlu.normalize(text)) and _name_fix_said(ctx.app, nlu.normalize(text)):
        return None  # conv88: '登记个名写错字 正确系刘志强' corrects one's name (on_fix_name), never a 登记 of 正确系刘志强
    if nlu.not_me_said(nlu.normalize(text)):
        return None  # sim71: '登记错人了' denies the name registered (on_fix_name), never a 登记 of one named 错人
    if identity.introduction_told_at_length(text):  # round 54: '我要注册，我是埔心村五队的林木兰，今年七十三岁了，…'
        return identity.parse_introduction_told_at_length, text
    if identity.is_register_text(text):
        return identity.parse_register_text, text
    if identity.code_in_story(text):
        return identity.parse_code_in_story, text  # round 33b: '村书记俾咗个码我 583920 要绑定
    if identity.looks_like_introduction(text):
        return identity.parse_introduction, text
    if identity.sign_up_said(nlu.normalize(text)):
        return identity.parse_sign_up, text  # tidy75: '我想报名', only from a follower not registered, no day open
    if identity.looks_like_name_and_village(text):
        return identity.read_name_and_village, text  # only from a sender not registered yet
    if identity.looks_like_introduction(identity.last_clause(text)):
        return identity.parse_introduction_at_end, text  # '… 我系埔心村嘅钟亚森': only from a sender not registered yet
    return next(((parse, text) for applies, parse in LAST_READERS if applies(text)), None)


# Readers of a name and a village told among other words, for a sender not registered yet: what the text reads as when
# no reader above takes it, and, in that order, when the reader that took it found nothing (``_read_against``)
LAST_READERS = (
    (identity.asks_register_in_story, identity.parse_register_in_story),  # '开店嘅 罗少华 埔心村 快啲登记'
    # round 58: an elder's long story, the name said with 我叫 ('… 佢话要登记 我叫黄桂英 七十几岁啦 唔识打字')
    (identity.self_named_in_story, identity.parse_self_named_in_story),
    # conv98: who speaks, then that registering is needed and how, in one breath ('…我是埔心村的刘桂英今年七十多了…我要怎么弄')
    (identity.introduction_then_how, identity.parse_introduction_then_how),
    # conv109: a form of address with its village, one's own name after it ('我系埔心村嘅黄伯 我叫黄炳坤点样登记啊')
    (identity.title_then_own_name, identity.parse_title_then_own_name),
    # round 34: '埔心村 李淑贞 🙏 绑定', '我叫黄志强，石角镇埔心村人，帮我登记一下身份'
    (identity.clauses_of, identity.read_name_and_village_in_clauses),
    # round 41: the wish in a clause, how in another, no name ('点样绑定啊 我想登记做村民'): a bare 登记
    (identity.wish_and_how_to_register, identity.parse_wish_to_register),
    # round 52: how to register asked, where one is from in another clause ('点样注册呀 我系埔心村村民'): a bare 登记 with
    # its village, the name asked next
    (identity.how_to_register_from_village, identity.parse_how_to_register_from_village),
    # round 89: what registering takes asked ('我是埔心村的 要登记什么', '未登记过 要填咩资料'): a bare 登记, its village kept
    (identity.what_registering_takes_asked, identity.parse_what_registering_takes),
    # round 57: where one is from alone, or with the wish ('埔心村', '我系埔心村嘅 想登记'): a bare 登记 with its village
    (identity.village_told_alone, identity.parse_village_told_alone),
)


def _register_with_villages(ctx: Ctx, words):
    """The 登记 read (``_register_reading``), unless a roster person's of a name not theirs (fix_name's: reg77)."""
    parsed = _register_reading(ctx, words)
    return None if _roster_name_not_ones_own(ctx, parsed) else parsed


def _roster_rename(ctx: Ctx, words) -> bool:
    """Reg77 (trust: nobody acts as someone else): a sender bound to a roster person whose 登记 names someone else
    ('登记 刘木兰 埔心村' from 党员 刘木兰 of another writing, '我名字系统写错了…' read as the name 统写错): most likely their
    name fixed, which is the office's (on_fix_name: registration.fix_roster); never a new registration under that name,
    which unbound the roster row and its role."""
    return _roster_name_not_ones_own(ctx, _register_reading(ctx, words))


def _roster_name_not_ones_own(ctx: Ctx, parsed: identity.RegisterText | None) -> bool:
    """A roster person's 登记 (no code: a code is the office's proof) of a name that is not theirs; a tree's name stays
    the registration's (registration.tree_not_name: no name)."""
    person = ctx.person
    if parsed is None or parsed.code or not parsed.name or person is None or person["source"] == "self":
        return False
    name = identity.name_without_particles(parsed.name) or ""
    return hanzi.simplified(name) != hanzi.simplified(person["name"]) and not identity.names_a_tree(name)


def _register_reading(ctx: Ctx, words):
    """What ``_register_words`` read, read against the roster's villages and the sender (None: no 登记)."""
    parse, text = words
    if _another_on_this_wechat(ctx, nlu.normalize(text)):
        return None  # round 81: another person named to be registered: for_someone's, never bound to the sender
    if parse in NOT_REGISTERED_READERS and ctx.person is not None:
        return None  # a registered villager's '埔心村 李秀英' is something else (登记 again says so)
    if parse is identity.parse_sign_up and (ctx.person is not None or _planting_day_open(ctx)):
        return None  # tidy75: registered, or a planting day open to join: the day's (event_join)
    if identity.village_told_alone(text) and _registration_waits(ctx):
        return None  # round 57: the village the registration asked (registration_reply), not a 登记 begun again
    if identity.village_told_alone(text) and ctx.person is None and roster_store.open_claim_of(ctx.db, ctx.openid):
        return None  # round 56: a claim waiting for the office, its village said again (own_words: it waits)
    villages = roster_store.kept_villages(ctx.db)  # only read: not copied (bot/store/roster.py)
    unregistered = ctx.person is None
    if villages.mark is None:
        parsed = _read_against(ctx.app, villages, parse, text, unregistered)
    else:
        readings = ctx.app.service("registration_readings", lambda _app: Kept(READINGS_KEPT))
        parsed = readings.get_or_make(
            (villages.mark, parse, text, unregistered),
            lambda: _read_against(ctx.app, villages, parse, text, unregistered),
        )
    if parsed is not None and not unregistered and _nothing_told(parsed):
        return None  # round 70 (21d): a registered villager's bare 登记 logs trees (the planting help), no name asked
    return parsed


def _planting_day_open(ctx: Ctx) -> bool:
    """A planting day not over in the village the follower came by (a village's QR code), else in any village (the
    follower's is not known yet): 报名 may be for it (event_join's: register first, the message kept for after)."""
    village = identity.scene_village(ctx)
    if village is not None:
        return bool(events_store.current_in_village(ctx.db, village["id"], ctx.now_s))
    return bool(events_store.codes_in_use(ctx.db, ctx.now_s))


def _registration_waits(ctx: Ctx) -> bool:
    """登记 is in progress: it asked the name, the village or which village."""
    return any(flow is REGISTRATION for flow, _state in conversation.in_progress(ctx, ctx.app.flows))


def _nothing_told(parsed: identity.RegisterText) -> bool:
    """A bare 登记: no name, no village, no code."""
    return parsed.name is None and parsed.village_text is None and not parsed.code


# readers only for a sender not registered yet (a registered villager's '埔心村 李秀英' is something else), and those of
# them whose name is a word beside a village (checked: not a common word, ``_may_be_a_name``)
NAME_BESIDE_VILLAGE_READERS = (identity.read_name_and_village, identity.read_name_and_village_in_clauses)
NOT_REGISTERED_READERS = (
    *NAME_BESIDE_VILLAGE_READERS,
    identity.parse_introduction_at_end,
    *(parse for _, parse in LAST_READERS),
)


# ``_read_against``'s answers, by the villages' mark (the same mark, the same villages: bot/store/roster.py), the
# reader, the text and whether the sender is registered: what else it reads is the app's (its command words, trees,
# jieba's dictionary). A follower not registered yet who sends 我的进度 had it read against every village's name for
# each message (~0.1 ms of the writer's serial work; issue 21, sixteenth round).
READINGS_KEPT = 4096


def _read_against(app, villages, parse, text: str, unregistered: bool):
    """``_register_with_villages`` past its first check: the text read against the roster's villages."""
    parsed = parse(text, villages)
    for applies, last in LAST_READERS if unregistered else ():
        if parsed is None and last is not parse and applies(text):
            parse, parsed = last, last(text, villages)  # another reader's words, but 登记 asked in a story, or a clause
    if unregistered and parse is identity.parse_register_text:
        parsed = identity.village_as_name(parsed, villages) or parsed  # round 57: '登记 埔心村': the name asked next
    if parse in NAME_BESIDE_VILLAGE_READERS and parsed and not _may_be_a_name(app, parsed.name):
        return None  # '埔心村活动', '埔心村认养': a word beside a village is no name
    if parsed and parsed.name and nlu.is_planting_words(parsed.name, planting.species_table(app)):
        return None  # '登记种树', '登记我种的树': trees to log (the planting help: handlers/planting.py), no name
    if parsed and parsed.name and parsed.village_text is None and identity.names_a_tree(parsed.name):
        return None  # round 61 (20n): '登记桂花树', a tree alone: trees to log too ('登记 桂花 埔心村' is told it is no name)
    return parsed


def _may_be_a_name(app, name: str | None) -> bool:
    """The name of a name-and-village pair said alone: not a command's word, nor a common word of jieba's dictionary
    (活动, 参加, 进度 are; 李秀英 is rare, most names are absent) unless one it knows as a person's (round 42: '埔心村
    陈国强', 李娜). A famous name under a rarer surname (鲁迅) is missed: its sender registers with 登记 or 我叫. Read
    from compact tables of the dictionary's words, never from jieba's own (+52 MB: bot/common_words.py, round mem102)."""
    if name is None or name in _command_words(app):
        return False
    return not common_words.is_common_word(name) or identity.is_known_persons_name(name)


def _command_words(app) -> frozenset[str]:
    """Every text command's words (the ``[commands]`` tables of messages/replies)."""

    def collect(app) -> frozenset[str]:
        lists = app.messages.word_lists
        return frozenset(word for key, words in lists.items() if ".commands." in key for word in words)

    return app.service("registration_command_words", collect)


# ``登记 …`` / ``绑定 …``, or a self-introduction that reads the same (``我叫李桂英，是埔心村的``), or, from a sender
# not registered yet, a name and a roster village alone (``埔心村 李秀英``)
match_register = staged(_register_words, _register_with_villages)


def on_register(ctx: Ctx, parsed: identity.RegisterText) -> str:
    if parsed.name:  # '你问我叫咩名 叶荔芳啊 埔心村嘅': the name without the particle said after it
        parsed = dataclasses.replace(parsed, name=identity.name_without_particles(parsed.name))
    if parsed.code:
        return _reply(ctx, identity.bind_by_code(ctx, parsed), parsed.name)
    if parsed.name is None:  # a bare 登记: the name next (then the village, unless a QR code or the text gave it)
        village = identity.scene_village(ctx) or _one_village(ctx, parsed.village_text)
        if village:
            REGISTRATION.enter(ctx, "ask_name", {"village_id": village["id"]})
            return ctx.t("registration.not_registered_with_village", village=village["name"])
        REGISTRATION.enter(ctx, "ask_name", {})
        return ctx.t("registration.ask_name")
    villages = roster_store.all_villages(ctx.db)
    # round 65: '登记杨梅埔心村': a tree's name under a common surname, a roster village beside it, is a person's, from a
    # follower not registered yet (a registered villager's is a slip, which renames no one: test_registration.py)
    named_so = ctx.person is None and identity.a_tree_named_person(parsed.name, parsed.village_text, villages)
    if identity.names_a_tree(parsed.name) and not named_so:  # 登记 桂花 3棵: perhaps trees to log; never a name
        return ctx.t("registration.tree_not_name", name=parsed.name)
    if not named_so and not identity.is_plausible_name(parsed.name):
        return ctx.t("registration.bad_name")
    if parsed.village_text is None:
        village = identity.scene_village(ctx)
        if village:
            return _bind(ctx, parsed.name, village)
        REGISTRATION.enter(ctx, "ask_village", {"name": parsed.name})
        return ctx.t("registration.ask_village", name=parsed.name)
    return _resolve_village(ctx, parsed.name, parsed.village_text, villages)


def _one_village(ctx: Ctx, village_text: str | None) -> dict | None:
    """The one roster village ``village_text`` names (round 52: '点样注册呀 我系埔心村村民'), else None."""
    if not village_text:
        return None
    candidates = match_village(village_text, roster_store.all_villages(ctx.db))
    return candidates[0] if len(candidates) == 1 else None


def _resolve_village(ctx: Ctx, name: str, village_text: str, villages: list[dict]) -> str:
    candidates = match_village(village_text, villages)
    if not candidates:
        REGISTRATION.enter(ctx, "ask_village", {"name": name})
        return ctx.t("registration.unknown_village", village=village_text, name=name)
    if len(candidates) == 1:
        return _bind(ctx, name, candidates[0])
    candidates = candidates[:MAX_CHOICES]
    REGISTRATION.enter(ctx, "choose_village", {"name": name, "village_ids": [v["id"] for v in candidates]})
    choices = "\n".join(
        ctx.t("registration.choice_line", n=n, name=v["name"], town=f"（{v['town']}）" if v["town"] else "")
        for n, v in enumerate(candidates, start=1)
    )
    return ctx.t("registration.choose_village", village=village_text, choices=choices)


# what a 登记 came to (identity.Binding.status) -> its reply
BINDING_REPLIES = {
    "registered": "registration.registered",
    "code_ok": "registration.code_bound",
    "already": "registration.already_registered",
    "taken": "registration.taken",
    "needs_code": "registration.needs_code",
    "ask_phone": "registration.ask_phone",
    "phone_wrong": "registration.phone_wrong",
    "waiting": "registration.phone_waiting",
    "released": "registration.name_released",
    "code_wrong": "registration.code_wrong",
    "code_unmatched": "registration.code_unmatched",
    "code_expired": "registration.code_expired",
    "code_used": "registration.code_used",
    "code_limited": "registration.code_limited",
    "gone": "registration.usage",
    "roster_kept": "registration.fix_roster",  # reg77: the office corrects a roster name
}


def _bind(ctx: Ctx, name: str, village: dict) -> str:
    return _reply(ctx, identity.bind(ctx, name, village), name)


def _reply(ctx: Ctx, binding: identity.Binding, name: str | None) -> str:
    person = binding.person
    village = roster_store.village(ctx.db, person["village_id"]) if person else None
    facts = dict(
        name=person["name"] if person else name,
        village=village["name"] if village else "",
        role=person["role"] if person else "",
        left=binding.left,
    )
    reply = ctx.t(BINDING_REPLIES[binding.status], **facts)
    if binding.status == "already":
        assert person is not None  # already bound to that person
        return "\n".join([reply, *_unproven_line(ctx, person)])
    if binding.status in ("registered", "code_ok", "code_unmatched"):
        assert person is not None  # bound
        reply = "\n".join([reply, *_unproven_line(ctx, person), *_relative_named_line(ctx, binding, facts)])
        replies = identity.replay_kept(ctx)
        if replies:
            reply += "\n\n" + ctx.t("registration.replayed") + "\n" + "\n\n".join(replies)
    return reply


def _relative_named_line(ctx: Ctx, binding: identity.Binding, facts: dict) -> list[str]:
    """Sim70: a relative named and registered by a new follower ('帮我阿爸登记 佢叫陈阿水'): the name is bound (the
    sender may be setting up the relative's phone), and the reply says whose this WeChat now is and how the sender
    takes it back if it is their own (登记 again renames a self-registered villager)."""
    if binding.status != "registered" or ctx.msg.msg_type != "text":
        return []
    if not nlu.registering_another_named(core.text_normalized(ctx)):
        return []
    return [ctx.t("registration.registered_for_relative", name=facts["name"], village=facts["village"])]


# -- the follow-up answers: the registration flow's table -------------------------------------------------
def _reply_text(ctx: Ctx) -> str | None:
    # sim68: without the full stop voice recognition ends every text with ('陈秀英。' had become a ticket)
    return normalize_text(ctx.msg.text).rstrip("。.!！") if ctx.msg.msg_type == "text" else None


def _bare_name(ctx: Ctx, _state) -> str | None:
    text = identity.without_name_words(_reply_text(ctx) or "")  # round 46: '叫黄亚妹', '姓名：黄亚妹'
    return text if text and identity.looks_like_bare_name(text) else None


def _name_and_village(ctx: Ctx, _state) -> identity.RegisterText | None:
    """The answer to 'your name?' with the village too, as 登记 reads it: ``李桂英 埔心村``, ``李桂英，埔心村``; round 56:
    said with its words, of oneself or of the one registered (``佢叫张阿婆 埔心村``)."""
    text = identity.without_name_words(_reply_text(ctx) or "")
    villages = roster_store.all_villages(ctx.db)
    parsed = identity.parse_register_text("登记 " + text, villages) if text else None
    if text and (parsed is None or not parsed.village_text):
        # conv108 (23f: '我想登记' then '我叫林月娥埔心村嘅' had been a ticket): the name run into the village with 嘅 / 的
        # after it, read as a self-introduction is (as a fresh follower's '我叫林月娥埔心村嘅' is)
        parsed = identity.parse_introduction(_reply_text(ctx) or "", villages) or parsed
    if (
        parsed
        and parsed.village_text
        and identity.looks_like_bare_name(parsed.name)
        and identity.looks_like_place(parsed.village_text)
    ):
        return parsed
    return None


def _for_someone(ctx: Ctx, _state=None) -> bool:
    """Round 56: a relative registering an old person ('我系陈伯嘅新抱 帮佢整', ``nlu.registering_for_someone``)."""
    return ctx.msg.msg_type == "text" and nlu.registering_for_someone(core.text_normalized(ctx))


FOR_ANOTHER = "for_another"  # _for_someone_ahead's reading: another person named to be registered (round 81)


def _for_someone_ahead(ctx: Ctx) -> Any:
    """Round 81 (issue 17 §5): another person named to be registered ('帮我老公也登记一下 刘松林 埔心村',
    ``nlu.registering_another_named``); else round 56's reading."""
    if ctx.msg.msg_type == "text":
        norm = core.text_normalized(ctx)
        # the lead (fifty-fifth session): a relative without a phone who wishes to register, no name said
        if nlu.registering_another_named(norm) or nlu.relative_without_phone_registering(norm):
            return FOR_ANOTHER
    return _for_someone(ctx)


def _for_someone_then(ctx: Ctx, read: Any) -> Any:
    """Another person named: for_someone's when this WeChat is surely not theirs (``_another_on_this_wechat``), else
    the registration's (round 56's relative on their own phone); round 56's reading from a follower not registered."""
    if read == FOR_ANOTHER:
        return FOR_ANOTHER if _another_on_this_wechat(ctx, core.text_normalized(ctx)) else False
    return _unregistered(ctx, read)


def _another_on_this_wechat(ctx: Ctx, norm: str) -> bool:
    """Round 81 (trust: nobody acts as someone else): another person named to be registered (``norm``: the normalised
    text) by a registered sender, or by one not registered yet who says they have no phone or use the sender's
    (``nlu.another_on_my_wechat``)."""
    if nlu.relative_without_phone_registering(norm):
        return True  # the lead (fifty-fifth session): said to have no phone, so never on this WeChat
    return nlu.registering_another_named(norm) and (ctx.person is not None or nlu.another_on_my_wechat(norm))


def on_for_someone(ctx: Ctx, *match) -> str:
    """How to register for an old person (on their phone: their name; on one's own WeChat: one's own, the trees count
    for the household); the registration waits for the name (the QR code's village kept), never a ticket. Round 81:
    another person named ('帮我老公也登记 刘松林 埔心村'): nobody is bound to that name; a registered sender is told how
    each registers (the household on one account, 代种 for one without a phone), one not registered yet is asked the
    name of whoever uses this WeChat, the village said kept."""
    another = bool(match) and match[-1] == FOR_ANOTHER
    if another and ctx.person is not None:
        return ctx.t("registration.for_another")
    waiting = REGISTRATION.state(ctx)
    if waiting is not None:
        data = waiting.data
    else:
        village = identity.scene_village(ctx) or (_village_said(ctx) if another else None)
        data = {"village_id": village["id"]} if village else {}
    REGISTRATION.enter(ctx, "ask_name", data)  # waits (again) for the name, its time renewed
    return ctx.t("registration.for_another_ask_name" if another else "registration.for_someone")


def _village_said(ctx: Ctx) -> dict | None:
    """The one roster village the text names as the roster writes it (round 81), else None."""
    text = hanzi.simplified(ctx.msg.text or "")
    named = [v for v in roster_store.all_villages(ctx.db) if v["name"] in text]
    return named[0] if len(named) == 1 else None


def _unregistered(ctx: Ctx, _said) -> bool:
    """A follower not registered yet acting for someone ('帮我阿爸登记'); a registered one's words are the FAQ's
    (bot.proxy: how a household member logs)."""
    return ctx.person is None


def _village_text(ctx: Ctx, _state) -> str | None:
    text = _reply_text(ctx)
    if text and (identity.looks_like_place(text) or match_village(text, roster_store.all_villages(ctx.db))):
        return text
    return None


def _phone_digits(ctx: Ctx, _state) -> str | None:
    digits = nlu.spoken_digits(_reply_text(ctx) or "")  # '0002', or by voice '零零零二。'
    return digits if digits and len(digits) == proofs.PHONE_DIGITS else None


def _choice_number(ctx: Ctx, state) -> int | None:
    # '2', or by voice '二。', '第二个' (sim68); one reader for every numbered list (tidy72)
    return nlu.pick(_reply_text(ctx) or "", len(state.data.get("village_ids", [])))


def _unheard_voice(ctx: Ctx, _state) -> bool:
    """Sim68: a voice WeChat could not read while 登记 waits for an answer: most likely that answer, said aloud (an
    elderly villager's name or phone digits), never a question for the adviser."""
    return ctx.msg.msg_type == "voice" and not (ctx.msg.recognition or "").strip()  # one read is its text's


def _candidates(ctx: Ctx, state) -> list[dict]:
    return [v for v in (roster_store.village(ctx.db, i) for i in state.data["village_ids"]) if v]


def on_name(ctx: Ctx, state, name: str) -> str:
    village = roster_store.village(ctx.db, state.data.get("village_id"))
    if village is None:  # a bare 登记, or the QR code's village is gone: ask the village
        REGISTRATION.enter(ctx, "ask_village", {"name": name})
        return ctx.t("registration.ask_village", name=name)
    return _bind(ctx, name, village)


def on_name_and_village(ctx: Ctx, _state, parsed: identity.RegisterText) -> str:
    assert parsed.name is not None and parsed.village_text is not None  # _name_and_village saw both
    return _resolve_village(ctx, parsed.name, parsed.village_text, roster_store.all_villages(ctx.db))


def on_phone_digits(ctx: Ctx, state, digits: str) -> str:
    return _reply(ctx, identity.confirm_phone(ctx, state, digits), state.data["name"])


def on_village(ctx: Ctx, state, text: str) -> str:
    return _resolve_village(ctx, state.data["name"], text, roster_store.all_villages(ctx.db))


def on_unheard(ctx: Ctx, state, _unheard: bool) -> str:
    """The question of the state asked again, the voice said unheard; the flow keeps waiting."""
    REGISTRATION.enter(ctx, state.name, dict(state.data))  # its time renewed: the villager is answering
    if state.name == "ask_village":
        return ctx.t("registration.unheard_village", name=state.data["name"])
    if state.name == "choose_village":
        choices = "\n".join(
            ctx.t("registration.choice_line", n=n, name=v["name"], town=f"（{v['town']}）" if v["town"] else "")
            for n, v in enumerate(_candidates(ctx, state), start=1)
        )
        return ctx.t("registration.unheard_choice", choices=choices)
    if state.name == "confirm_phone":
        return ctx.t("registration.unheard_phone")
    return ctx.t("registration.unheard_name")


def on_choice(ctx: Ctx, state, number: int) -> str:
    return _bind(ctx, state.data["name"], _candidates(ctx, state)[number - 1])


def on_village_among_choices(ctx: Ctx, state, text: str) -> str:
    """The name of one of the listed villages picks among them; another village name starts again."""
    candidates = _candidates(ctx, state)
    villages = candidates if match_village(text, candidates) else roster_store.all_villages(ctx.db)
    return _resolve_village(ctx, state.data["name"], text, villages)


# One handler per (state, input); the diagram is in docs/roster.md.
REGISTRATION_TABLE = FlowTable(
    REGISTRATION,
    (
        Step("ask_name", "name", _bare_name, on_name, to=("ask_village", "confirm_phone", END)),
        Step("ask_name", "for_someone", _for_someone, on_for_someone, to=("ask_name",)),  # round 56
        Step(
            "ask_name",
            "name_village",
            _name_and_village,
            on_name_and_village,
            to=("ask_village", "choose_village", "confirm_phone", END),
        ),
        Step(
            "ask_village",
            "village",
            _village_text,
            on_village,
            to=("ask_village", "choose_village", "confirm_phone", END),
        ),
        Step("choose_village", "number", _choice_number, on_choice, to=("confirm_phone", END)),
        Step(
            "choose_village",
            "village",
            _village_text,
            on_village_among_choices,
            to=("ask_village", "choose_village", "confirm_phone", END),
        ),
        Step("confirm_phone", "digits", _phone_digits, on_phone_digits, to=("confirm_phone", END)),
        # sim68: a voice not read, in any state: the state's question again (it had become the adviser's ticket)
        Step("ask_name", "unheard", _unheard_voice, on_unheard, to=("ask_name",)),
        Step("ask_village", "unheard", _unheard_voice, on_unheard, to=("ask_village",)),
        Step("choose_village", "unheard", _unheard_voice, on_unheard, to=("choose_village",)),
        Step("confirm_phone", "unheard", _unheard_voice, on_unheard, to=("confirm_phone",)),
    ),
)


# -- 我的信息 ------------------------------------------------------------------------------------------
def _not_registered(ctx: Ctx) -> str:
    village = identity.scene_village(ctx)
    if village:
        return ctx.t("registration.not_registered_with_village", village=village["name"])
    return ctx.t("registration.not_registered")


def on_my_info(ctx: Ctx, _match) -> str:
    person = ctx.person
    if person is None:
        return _not_registered(ctx)
    village = roster_store.village(ctx.db, person["village_id"])
    lines = [
        ctx.t(
            "registration.my_info",
            name=person["name"],
            village=village["name"] if village else "—",
            role=person["role"],
            household=person["household"] or ctx.t("registration.household_unknown"),
        )
    ]
    if person["role"] == roster.ADVISER:
        villages = roster_store.villages_of_adviser(ctx.db, person["id"])
        if villages:
            lines.append(
                ctx.t("registration.my_info_adviser_villages", villages="、".join(v["name"] for v in villages))
            )
    lines += _unproven_line(ctx, person)
    lines.append(_how_to_correct(ctx, person))
    return "\n".join(lines)


def _how_to_correct(ctx: Ctx, person: dict) -> str:
    """Who registered themselves corrects by registering again (bot.identity.bind renames them); a roster
    person's name and village are the office's."""
    return ctx.t("registration.fix_self" if person["source"] == "self" else "registration.fix_roster")


def on_fix_name(ctx: Ctx, _match) -> str:
    """我想改名字, 名字打错了: what 我的信息 says of correcting, for this sender; round 52: with the right name said
    (``我个名写错咗 应该系陈月姣``), one who registered themselves is corrected at once, as 登记 with that name would."""
    person = ctx.person
    if not person:
        return _not_registered(ctx)
    said = nlu.normalize(ctx.msg.text or "")
    # round 75 (21m): or said against the name the bot used ('点解叫我李桂华 我叫李桂花啊')
    name = (
        (
            nlu.right_name_in(said)
            or nlu.name_complained(said)
            or nlu.name_corrected(said, planting.species_table(ctx.app))
        )
        if person["source"] == "self"
        else None
    )
    village = roster_store.village(ctx.db, person["village_id"]) if name and name != person["name"] else None
    if name and village and identity.is_plausible_name(name):
        return _bind(ctx, name, village)
    return _how_to_correct(ctx, person)


def _unproven_line(ctx: Ctx, person: dict) -> list[str]:
    """A staff role not proven yet: what that means and how to prove it."""
    return [] if identity.is_proven(person) else [ctx.t("registration.staff_unproven", role=person["role"])]


def _name_corrected_ahead(ctx: Ctx) -> str | None:
    """Conv96: the right name said with its slip or a denial ('唔系 系陈亚梅 打错字', ``nlu.name_corrected``)."""
    if ctx.msg.msg_type != "text":
        return None
    return nlu.name_corrected(nlu.normalize(ctx.msg.text or ""), planting.species_table(ctx.app))


def _just_registered(ctx: Ctx, _name: str) -> bool:
    """Conv96: said by one who registered themselves, just after the registration (its reply the last text's): the
    registration's name corrected (on_fix_name), never a question for the adviser."""
    person = ctx.person
    return person is not None and person["source"] == "self" and core.said_just_after(ctx, _REGISTERED_BY)


_REGISTERED_BY = frozenset({"register", "registration_reply"})


def _name_fix_said(app, meaning: str) -> bool:
    """'我的名字写错了', '我想改一下名' … in other words (bot/nlu.py ``name_fix_said``)."""
    return nlu.name_fix_said(meaning, planting.species_table(app))


# -- round 54: one's own village or name sent again after registering ('埔心', as the welcome asked) ----------------
OWN_WORDS_MAX_CHARS = 8


def _short_words(ctx) -> str | None:
    """A short text of Chinese characters alone (a village's or a person's name, said bare)."""
    if ctx.msg.msg_type != "text":
        return None
    text = roster.clean(ctx.msg.text or "").strip("。.！!，, ")
    if not (2 <= len(text) <= OWN_WORDS_MAX_CHARS and all("\u4e00" <= c <= "\u9fff" for c in text)):
        return None
    # a question, a count or a tree (李 of 李秀英 is a surname) is no name: read on with no look at the roster
    tree = nlu.find_species(text, planting.species_table(ctx.app))[1]
    if nlu.is_question(text) or nlu.parse_count(text) or len(tree) >= 2:
        return None
    return text


def _own_words(ctx: Ctx, text: str) -> bool:
    """The registered sender's own village (埔心 or 埔心村) or own name, said again: no question for an adviser (the
    lead, in the simulator: a new follower who registered by name sent the village the welcome had asked about)."""
    person = ctx.person
    said = identity.normalize_text(text)
    if person is None:  # round 56: a claim waiting for the office, its name or village said again
        claim = roster_store.open_claim_of(ctx.db, ctx.openid)
        return claim is not None and (
            said == claim["claimed_name"]
            or (claim["village"] is not None and roster.core_name(said) == roster.core_name(claim["village"]))
        )
    if person.get("village_id") is None:
        return False
    if _registration_waits(ctx):
        return False  # round 84 (22a): '登记 陈秀英' then '埔心村': the village the registration asked, not said again
    village = roster_store.village(ctx.db, person["village_id"])
    return said == person["name"] or (
        village is not None and roster.core_name(said) == roster.core_name(village["name"])
    )


def on_own_words(ctx: Ctx, _match) -> str:
    if ctx.person is None:  # round 56: the claim waits (_own_words)
        claim = roster_store.open_claim_of(ctx.db, ctx.openid)
        assert claim is not None
        return ctx.t("registration.claim_waiting", name=claim["claimed_name"], village=claim["village"] or "—")
    village = roster_store.village(ctx.db, ctx.person["village_id"])
    return ctx.t(
        "registration.already_registered",
        name=ctx.person["name"],
        village=village["name"] if village else "—",
        role=ctx.person["role"],
    )


# -- the lead (thirty-ninth session): whether one is registered, asked ('我个仔帮我登记好未') ---------------------------
def _registration_asked(ctx: Ctx) -> bool:
    return ctx.msg.msg_type == "text" and identity.registration_asked(core.text_normalized(ctx))


def _not_of_a_record_just_finished(ctx: Ctx, _asked) -> bool:
    """'我登记咗未' just after a record is of the record (recorded_asked's); said for one by someone else, never."""
    said = core.text_normalized(ctx)
    return not (planting.recorded_asked(said) and ctx.person is not None and planting.just_finished(ctx))


def on_registration_asked(ctx: Ctx, _match) -> str:
    """Registered: yes, and what the registration says (my_info's); else how to register (it had been a ticket, the
    first-use help to one registered, or the progress)."""
    if ctx.person is None:
        return _not_registered(ctx)
    return ctx.t("registration.registered_yes") + "\n" + on_my_info(ctx, None)


# -- tidy75: a registration in progress withdrawn in words ('退出登记', '不登记了') -------------------------------------
def _withdrawn_ahead(ctx) -> bool:
    return ctx.msg.msg_type == "text" and identity.registration_withdrawn(core.text_normalized(ctx))


def _registration_waits_then(ctx: Ctx, _said) -> bool:
    return _registration_waits(ctx)


def on_registration_withdrawn(ctx: Ctx, _match) -> str:
    """The registration waiting for the name or village ended, as 取消 ends it (nothing else in progress touched): it
    had been the leave reply with the registration still waiting, its next message read as the name or village."""
    conversation.cancel_all(ctx, [REGISTRATION])
    return ctx.t("core.cancelled")


# -- round 54: the wish to leave or to have one's registration deleted ('我想注销') ---------------------------------------
def _leave_ahead(ctx) -> Any:
    if ctx.msg.msg_type != "text" or not nlu.leave_wished(said := core.text_normalized(ctx), ctx.msg.text or ""):
        return False
    # round 56: 'not going' with nothing named ('我不参加了') is of the planting day when it was talked of just before
    return True if nlu.follow_up_said(said) == "declined" else Decided(True)


def _not_of_the_planting_day(ctx: Ctx, _wished) -> bool:
    return not core.said_just_after(ctx, village_matters.PLANTING_DAY_ROUTES)


def on_leave(ctx: Ctx, _match) -> str:
    """How to stop the reminders (退订) and who deletes a registration (the roster's keepers): never a ticket."""
    return ctx.t("registration.leave")


ROUTES: list = [
    Route("subscribe", core.is_event("subscribe", "scan"), on_follow),
    # tidy75: before register and leave ('退出登记' while 登记 waits: that registration cancelled)
    Route("registration_withdrawn", staged(_withdrawn_ahead, _registration_waits_then), on_registration_withdrawn),
    Route("register", match_register, on_register),
    Route("my_info", core.text_is("registration.commands.my_info"), on_my_info),
    Route("registration_asked", staged(_registration_asked, _not_of_a_record_just_finished), on_registration_asked),
    Route("own_words", staged(_short_words, _own_words), on_own_words),
    Route("leave", staged(_leave_ahead, _not_of_the_planting_day), on_leave),
    # round 56: '帮我阿爸登记', not registered yet; round 81: another person named, from anyone
    Route("for_someone", staged(_for_someone_ahead, _for_someone_then), on_for_someone),
    # round 50: the right name said alone just after the name was said wrong ('名字写错了' then '改成林振东')
    Route(
        "fix_name",
        core.either(
            core.follow_up(
                core.text_means("registration.commands.fix_name", _name_fix_said), "name", frozenset({"fix_name"})
            ),
            core.either(
                staged(_register_words, _roster_rename),  # reg77: a roster person's 登记 of a name not theirs
                staged(_name_corrected_ahead, _just_registered),  # conv96: '唔系 系陈亚梅 打错字' after 登记
            ),
        ),
        on_fix_name,
    ),
    REGISTRATION_TABLE.route("registration_reply"),
]
STORES: list = [proofs_store]
EXPORTS: dict = {**roster_store.EXPORT_SQL}
IMPORTS: dict = {**roster.IMPORTS}
COMMANDS: dict = {
    "invite": Command(
        "a one-time code (6 digits, single use) for a roster person to bind WeChat with: 绑定 <code> / 登记码",
        proofs.invite_arguments,
        proofs.cmd_invite,
    ),
    "qrcodes": Command(
        "a permanent QR code per village as PNG / 每个村一个永久二维码", qrcodes.qrcodes_arguments, qrcodes.cmd_qrcodes
    ),
}
DASHBOARD: list = [*roster_pages.PAGES, *binding_pages.PAGES]
FLOWS: list = [identity.PENDING, REGISTRATION]
