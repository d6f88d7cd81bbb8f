"""The FAQ capability's manifest (routes, the one flow, its table): greetings and thanks, the 种树问答 intro, and the answer
from the FAQ index (bot/faq.py).

A question the index cannot answer confidently falls through to the escalation fallback (a ticket).
Text sent within escalation.attach_minutes of the villager's open ticket joins that ticket instead.
A question the rules and the model read as two answers is asked back (round 43, bot/ask_back.py): the villager's
1 or 2 (``CHOICE_ROUTES``, early in the dispatch order) gives that answer, 0 a ticket.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from bot import accidents, ask_back, asked_for, conversation, escalation, nlu, zones
from bot.context import Ctx
from bot.conversation import END, FlowTable, Step
from bot.dashboard import accident_pages
from bot.router import AsText, Route, pure, warmed_by
from bot.store import accidents as accidents_store
from bot.store import faq_choices as choices_store
from handlers import escalation as escalation_handlers
from handlers.core import text_is, text_normalized, welcome_text

GREETING_WORDS = (
    "你好",
    "您好",
    "你们好",
    "大家好",
    "在吗",
    "在不在",
    "在么",
    "有人",
    "有没有人",  # the lead (the simulator by voice): '喂 有冇人啊' (normalised) had been thanked
    "喂",  # the telephone's hello, in small talk only (this reads only what the FAQ took for chitchat)
    "早",
    "午好",
    "晚上好",
    "hello",
    "hi",
    "哈喽",
    "嗨",
    "又来了",  # round 118 (set CN: '嘿嘿，我又来了'): back again, a hello
    "又是我",
    # round 29: a greeting to whoever reads ('老师好', '师傅好')
    "老师好",
    "师傅好",
    "领导好",
    "专家好",
    "书记好",
    "各位好",
    # round 53: asked whether one has eaten, the village's hello ('吃了没', '食咗饭未')
    "吃了没",
    "吃了吗",
    "吃饭了",
    "吃了饭",
    "吃咗未",
    "食咗",
    "食饭未",
    # round 56: a festival's greeting ('过年好', '春节好呀')
    "过年好",
    "新年好",
    "新春好",
    "春节好",
)


THANKS_WORDS = ("谢", "感谢", "不该", "辛苦", "赞")  # in normalised text: 唔该 is 不该
# round 64 (sim62): an apology alone ('唔好意思', normalised 不要意思; '对唔住') gets a 'never mind', not 'you're welcome'
APOLOGY_RE = re.compile(
    r"^(?:不好意思|不要意思|对不起|对不住|抱歉|sorry)(?:呀|啊|哦|啦|喇|嘅|晒|你|您|[\s,，。!！])*$", re.I
)
# round 54 (the lead, in the simulator: '好的' after a ticket's number got 'you're welcome'): a bare acknowledgement, the
# whole text normalised, gets an 'all right' back
OKAY_WORDS = frozenset(
    {
        "好的",
        "好",
        "好嘅",
        "好啦",
        "好吧",
        "好滴",
        "收到",
        "知道了",
        "知道",
        "明白",
        "明白了",
        "嗯",
        "嗯嗯",
        "ok",
        "okay",
        "行",
        "得",
        "没问题",
        "冇问题",
        "没有问题",  # round 56: 冇问题 normalised
        "得嘞",
        "得喇",
        "得啦",
        "得咯",
        "可以",
        # sim68: a confirmation with nothing waiting for it (a correction's window over) had the technique card
        *nlu.CONFIRM_WORDS,
    }
)


@functools.lru_cache(maxsize=4096)  # a pure reading of the text: 你好, 谢谢 and the like repeat (issue 21)
def chitchat_reply_key(text: str | None, small_talk: bool = False) -> str:
    """Asked whether a person answers: who does, and how to reach one; a complaint about the bot an apology and the
    way to a person; a greeting gets the greeting; a bare acknowledgement (好的, 收到) or never mind (算啦) an 'all right';
    thanks, praise, 哈哈 and the like a friendly 'you're welcome';
    other ``small_talk`` (the weather, leaving, a wish: bot/nlu.py is_small_talk) and a festival's wish a friendly word
    back."""
    norm = nlu.normalize(text or "")
    if nlu.asks_who_answers(norm):
        return "faq.who_answers"
    if nlu.complains_about_the_bot(norm):
        return "faq.sorry"
    lowered = (text or "").lower()
    praised = nlu.praises_the_bot(norm)
    greets = any(word in lowered or word in norm for word in GREETING_WORDS) and not praised  # '你好叻': praise
    if greets:
        return "faq.greeting"
    if norm in OKAY_WORDS or nlu.never_mind_said(norm):  # tidy75: never mind alone ('算啦', '罢了') too
        return "faq.okay"
    if APOLOGY_RE.match(norm):
        return "faq.never_mind"
    # round 130: a festival's wish read as chit-chat ('中秋节快乐 技术员们') is small talk's friendly line, not thanked
    if (small_talk or nlu.festive_wish(norm)) and not praised and not any(word in norm for word in THANKS_WORDS):
        return "faq.small_talk"
    return "faq.thanks"


def _warm_faq(reading) -> None:
    """The FAQ's answer to a text, matched in the request thread (bot/router.py ``warmed_by``)."""
    if reading.msg.msg_type == "text":
        escalation.read_faq_ahead(reading.app, reading.msg.text or "")


def _faq_result_of_kind(ctx: Ctx, kind: str):
    """The FAQ's result for a text, when it is of this kind ('chitchat', 'answer'); None otherwise."""
    if ctx.msg.msg_type != "text":
        return None
    result = escalation.faq_result(ctx)
    return result if result.kind == kind else None


@warmed_by(_warm_faq)
def _match_chitchat(ctx: Ctx):
    """Small talk; round 54: a statement of substance only the model or the precedents read as small talk ('种咗两年啦
    系种喺花盆度嘅', once set AS joined them), with a question for the adviser open, is that ticket's detail (the
    supplement's, after this route), never 'you're welcome'; round 57: so is where the tree stands or its sun ('佢喺屋后面
    下昼先有太阳'); round 58: so are the trees described ('有三棵都系咁 黄晒': how many the trouble is on)."""
    result = _faq_result_of_kind(ctx, "chitchat")
    substance = result is not None and (
        (result.reason in ("model", "precedents") and nlu.has_substance(text_normalized(ctx)))
        or nlu.tree_place_told(ctx.msg.text or "")
        or nlu.trees_described(ctx.msg.text or "")  # round 58: '有三棵都系咁 黄晒', '三棵都系咁'
        # round 71 (21e): thanks, then something added ('多谢 仲有就系啲新芽都唔出'): the addition is the ticket's
        or bool(nlu.after_addition(escalation_handlers.said_after_asides(ctx)))
    )
    if substance and escalation_handlers.supplementable_when_matching(ctx):
        return None
    return result


def on_chitchat(ctx: Ctx, result) -> str:
    small_talk = result.reason == "small_talk"
    key = chitchat_reply_key(ctx.msg.text, small_talk)
    if key == "faq.greeting" and ctx.person is None:
        # round 72 (21h): a hello or call from a follower not registered yet that round 73's greeting reader leaves
        # ('师傅好'): the one welcome, how to 登记 first (two routes had sent two different texts)
        return welcome_text(ctx)
    return ctx.t(key) + "\n" + ctx.t("core.help_hint")


def on_intro(ctx: Ctx, _match) -> str:
    return ctx.t("faq.intro")


# Round 32: FAQ entries that tell the command doing what they describe. A villager who asked for the thing itself
# (bot/asked_for.py), not how to get it, has the command done: the command's text is handled as if sent (bot.router
# ``AsText``), by its own route. Round 33: each entry's chooser reads the text (normalised once a message, as the
# command readers read it: handlers/core.py ``text_normalized``) and picks one of its commands, or declines; a command
# is its word list in messages/replies (``EntryCommand.keys``), sent as that list's shortest word.
Chooser = Callable[[Ctx, str], "str | None"]


@dataclass(frozen=True)
class EntryCommand:
    """The commands (word-list keys) an FAQ entry tells, and ``choose(ctx, norm)``: the key the text asks for, or None
    when it asks how (or for nothing the entry tells)."""

    keys: tuple[str, ...]
    choose: Chooser


def _the(key: str) -> Chooser:
    """The one command, when the thing is asked for and not refused ('我不想认养树 只想自己种' asks for no adoption)."""

    def choose(_ctx: Ctx, norm: str) -> str | None:
        return key if asked_for.asked_for(norm) and not asked_for.wish_refused(norm) else None

    return choose


def _standing(ctx: Ctx, norm: str) -> str | None:
    """Where the sender (or the household) stands, asked beside a rule or the logging steps ('我屋企算唔算完成咗',
    '我自己报咗几多棵'): their progress shows the task and what is done (``asked_for.own_standing_asked``)."""
    return _MY_PROGRESS if ctx.person is not None and asked_for.own_standing_asked(norm) else None


def _progress(ctx: Ctx, norm: str) -> str | None:
    """One's own or the village's figures (the second when the village is asked about): a question whose answer is
    the figures asks for them ('全村完成咗几多', '我两样都齐未')."""
    if _standing(ctx, norm):
        return _MY_PROGRESS
    if not asked_for.asked_for(norm, figures=True) or asked_for.wish_refused(norm):
        return None
    return _VILLAGE_PROGRESS if asked_for.village_asked(norm) else _MY_PROGRESS


def _reminders(_ctx: Ctx, norm: str) -> str | None:
    """The sender's own reminders off or on, by the last word that gives a direction (never the expert's messages nor
    the villagers': ``asked_for.reminders_meant``); a refusal is the request here ('我不想要提醒了')."""
    if not asked_for.asked_for(norm) or not asked_for.reminders_meant(norm):
        return None
    wanted_on = asked_for.reminders_wanted_on(norm)
    return None if wanted_on is None else ("core.commands.reminders_on" if wanted_on else "core.commands.reminders_off")


def _cancel(ctx: Ctx, norm: str) -> str | None:
    """Only while a record (or another flow) is in progress, and never beside a count ('删掉 是三棵' corrects): with
    nothing to throw away the answer says how a record is corrected."""
    if not asked_for.asked_for(norm) or asked_for.count_said(norm):
        return None
    return "core.commands.cancel" if conversation.in_progress(ctx, ctx.app.flows) else None


def _log_steps(ctx: Ctx, norm: str) -> str | None:
    """Round 64 (20q: '点样登记种个树', '涯想种两棵荔枝要点登记' from a follower not registered yet): the steps of a record,
    asked by a follower not registered yet however it is asked, are the planting help (DESIGN.md: it asks 登记 first and
    keeps the message, answered once registered); a registered villager's, where they stand or the steps. Only when
    trees are spoken of: '怎么登记' alone stays the FAQ's (round 52: 登记 is also registering)."""
    if ctx.person is None:
        return _PLANTING_HELP if nlu.trees_spoken_of(norm) else None
    return _standing(ctx, norm)


def _zones(ctx: Ctx, norm: str) -> str | None:
    """The zones' list when asked for; the lead (round 68): also where the zones are or how to claim one, asked by a
    party member or cadre of a village with zones ('党员责任区喺边', '责任区点认领'), as the list ends with how to claim by
    number (``zones.where_or_how_to_claim_asked``); the FAQ's steps for one with no zones to list."""
    if _the(_ZONE_LIST)(ctx, norm):
        return _ZONE_LIST
    return _ZONE_LIST if zones.where_or_how_to_claim_asked(norm) and zones.zones_to_list(ctx) else None


_ZONE_LIST = "zones.commands.list"


def _plot_steps(ctx: Ctx, _norm: str) -> str | None:
    """Round 69 (21b: '我系村干部 点样报党建林' from a follower not registered yet): the steps of a plot's record asked
    before registering are the planting help, which asks 登记 first and keeps the message (as ``_log_steps``); the
    cadre's role comes from the roster once registered, never from the words. A registered sender gets the steps."""
    return _PLANTING_HELP if ctx.person is None else None


_MY_PROGRESS, _VILLAGE_PROGRESS = "progress.commands.my_progress", "progress.commands.village_progress"
_PLANTING_HELP = "planting.commands.menu"
_STANDING = EntryCommand((_MY_PROGRESS,), _standing)
ENTRY_COMMANDS: dict[str, EntryCommand] = {
    "bot.progress": EntryCommand((_MY_PROGRESS, _VILLAGE_PROGRESS), _progress),
    "bot.unsubscribe": EntryCommand(("core.commands.reminders_off", "core.commands.reminders_on"), _reminders),
    "bot.cancel": EntryCommand(("core.commands.cancel",), _cancel),
    "bot.certificate": EntryCommand(("certificates.commands.mine",), _the("certificates.commands.mine")),
    "bot.care_zones": EntryCommand((_ZONE_LIST,), _zones),
    "bot.my_trees": EntryCommand(("adoption.commands.my_trees",), _the("adoption.commands.my_trees")),
    "bot.my_info": EntryCommand(("registration.commands.my_info",), _the("registration.commands.my_info")),
    "camp.adopt": EntryCommand(("adoption.commands.adopt",), _the("adoption.commands.adopt")),
    # entries on a rule or on logging, ranked for a question on where the sender stands ('我屋企算唔算完成咗')
    **dict.fromkeys(
        ("camp.quota_household", "camp.quota_party", "camp.quota_secretary", "camp.quota_leader", "camp.party_age"),
        _STANDING,
    ),
    "bot.log_planting": EntryCommand((_MY_PROGRESS, _PLANTING_HELP), _log_steps),
    "bot.plot": EntryCommand((_PLANTING_HELP,), _plot_steps),
}


def command_word(app, key: str) -> str:
    """The word a command's text is sent as: its word list's shortest (the first in code-point order of those)."""
    return min(app.messages.words(key), key=lambda word: (len(word), word))


def _command_asked(ctx: Ctx, entry_id: str | None) -> str | None:
    """The command an answer's entry tells, when the text asks for the thing itself; None otherwise."""
    entry = ENTRY_COMMANDS.get(entry_id or "")
    if entry is None or ctx.msg.via == "faq":  # handled once as the command: never read as one again
        return None
    key = entry.choose(ctx, text_normalized(ctx))
    return command_word(ctx.app, key) if key else None


@warmed_by(_warm_faq)
def _match_answer(ctx: Ctx):
    result = _faq_result_of_kind(ctx, "answer")
    command = _command_asked(ctx, result.entry_id) if result else None
    return AsText(command, "faq") if command else result


# FAQ entries the chat answers with a reply text: "您能做什么" gets the one help text, core.help.
REPLY_ENTRIES = {"bot.help": "core.help"}


def _reply_of(ctx: Ctx, result) -> str:
    key = REPLY_ENTRIES.get(result.entry_id)
    return ctx.t(key) if key else result.answer_text


def on_answer(ctx: Ctx, result) -> str:
    told = accidents.heard(ctx, result)  # aidnotice: an accident answered with first aid is still told to the village
    if result.other is None:
        return accidents.with_told(ctx, _reply_of(ctx, result), told)
    # two readings of two answers (round 43, bot/ask_back.py): ask which, keep both until the villager picks
    offered = [result, result.other]
    return ask_back.offer(ctx, ctx.msg.text or "", offered, [_reply_of(ctx, answer) for answer in offered])


def _choice_said(ctx: Ctx, state) -> str | None:
    """The answer picked, as its digit ('1', '2'; '0' for neither: a match must be truthy), of those offered, while the
    choice is the sender's last flow (a count after a photo sent since is the planting record's)."""
    offered = len(state.data.get("answers", ()))
    number = ask_back.chosen(ctx.msg.text or "", offered) if ctx.msg.msg_type == "text" else None
    if number is None:  # one past those offered is none (nlu.pick)
        return None
    return str(number) if ask_back.FLOW.touched_last(ctx) else None


def on_choice(ctx: Ctx, state, said: str) -> str:
    ask_back.FLOW.end(ctx)
    if state.data.get("choice_id"):
        choices_store.picked(ctx.db, state.data["choice_id"], int(said), ctx.now_s)
    if int(said) == ask_back.NEITHER:
        return escalation_handlers.question_ticket(ctx, state.data.get("question", ""))
    return state.data["answers"][int(said) - 1]


# One handler per (state, input); the diagram is in docs/faq.md.
CHOICE_TABLE = FlowTable(ask_back.FLOW, (Step("choosing", "number", _choice_said, on_choice, to=(END,)),))
CHOICE_ROUTES: list = [CHOICE_TABLE.route("faq_choice")]


# sim71 (leftover of sim70): where to plant asked with no tree named ('种在哪里好') had become a question for the
# adviser: each tree's answer is its own, so which tree is asked back (``nlu.where_to_plant_unnamed``)
@pure
def _where_unnamed(ctx: Ctx) -> bool:
    return ctx.msg.msg_type == "text" and nlu.where_to_plant_unnamed(text_normalized(ctx))


def on_where_unnamed(ctx: Ctx, _match) -> str:
    return ctx.t("faq.which_tree")


ANSWER_ROUTES: list = [
    Route("chitchat", _match_chitchat, on_chitchat),
    Route("faq_intro", text_is("faq.commands.intro"), on_intro),
    Route("ticket_supplement_text", escalation_handlers.match_text_supplement, escalation_handlers.on_supplement),
    Route("ticket_answer_reply", escalation_handlers.match_answer_reply, escalation_handlers.on_follow_up),
    Route("faq_answer", _match_answer, on_answer),
    Route("faq_which_tree", _where_unnamed, on_where_unnamed),
]
ROUTES: list = [*CHOICE_ROUTES, *ANSWER_ROUTES]
FLOWS: list = [ask_back.FLOW]
STORES: list = [choices_store, accidents_store]
EXPORTS: dict = {**choices_store.EXPORT_SQL, **accidents_store.EXPORT_SQL}
EXPORT_LABELS: dict = {"accidents": {"kind": accidents.KINDS, "told_to": accidents.TOLD_TO}}
VILLAGE_SECTIONS: list = [accident_pages.village_section]  # left123: the village page shows its accidents
