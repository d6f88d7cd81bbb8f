"""The FAQ capability's manifest (routes only): greetings and thanks, the 种树问答 intro, and the answer from
the FAQ index (bot/faq.py).

A question the index cannot answer confidently falls through to the escalation fallback (a ticket).
Text sent within escalation.attach_minutes of the villager's open ticket joins that ticket instead.
"""

from __future__ import annotations

import functools

from bot import asked_for, conversation, escalation, nlu
from bot.context import Ctx
from bot.router import AsText, Route, warmed_by
from handlers import escalation as escalation_handlers
from handlers.core import text_is

GREETING_WORDS = (
    "你好",
    "您好",
    "你们好",
    "大家好",
    "在吗",
    "在不在",
    "在么",
    "有人",
    "早",
    "午好",
    "晚上好",
    "hello",
    "hi",
    "哈喽",
    "嗨",
    # round 29: a greeting to whoever reads ('老师好', '师傅好')
    "老师好",
    "师傅好",
    "领导好",
    "专家好",
    "书记好",
    "各位好",
)


THANKS_WORDS = ("谢", "感谢", "不该", "辛苦", "赞")  # in normalised text: 唔该 is 不该


@functools.lru_cache(maxsize=4096)  # a pure reading of the text: 你好, 谢谢 and the like repeat (issue 21)
def chitchat_reply_key(text: str | None, small_talk: bool = False) -> str:
    """Asked whether a person answers: who does, and how to reach one; a complaint about the bot an apology and the
    way to a person; a greeting gets the greeting; thanks, praise, 好的, 哈哈 and the like a friendly 'you're welcome';
    other ``small_talk`` (the weather, leaving, a wish: bot/nlu.py is_small_talk) a friendly word back."""
    norm = nlu.normalize(text or "")
    if nlu.asks_who_answers(norm):
        return "faq.who_answers"
    if nlu.complains_about_the_bot(norm):
        return "faq.sorry"
    lowered = (text or "").lower()
    praised = nlu.praises_the_bot(norm)
    greets = any(word in lowered for word in GREETING_WORDS) and not praised  # '你好叻': praise
    if greets:
        return "faq.greeting"
    if small_talk and not praised and not any(word in norm for word in THANKS_WORDS):
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
    return _faq_result_of_kind(ctx, "chitchat")


def on_chitchat(ctx: Ctx, result) -> str:
    small_talk = result.reason == "small_talk"
    return ctx.t(chitchat_reply_key(ctx.msg.text, small_talk)) + "\n" + ctx.t("core.help_hint")


def on_intro(ctx: Ctx, _match) -> str:
    return ctx.t("faq.intro")


# Round 32: FAQ entries that tell the command doing what they describe. A villager who asked for the thing itself
# (bot/asked_for.py), not how to get it, has the command done: the command's text is handled as if sent (bot.router
# ``AsText``), by its own route. Each is the entry's command and, for two, the second with what chooses it.
ENTRY_COMMANDS: dict[str, tuple[str, ...]] = {
    "bot.progress": ("我的进度", "本村进度"),  # the second when the village is asked about
    "bot.unsubscribe": ("退订", "订阅"),  # the second when the reminders are wanted on
    "bot.cancel": ("取消",),  # only while a record (or another flow) is in progress
    "bot.certificate": ("我的证书",),
    "bot.care_zones": ("认领责任区",),
    "bot.my_trees": ("我的树",),
    "bot.my_info": ("我的信息",),
    "camp.adopt": ("认养",),
}


# Entries on a rule or on logging, ranked for a question on where the sender stands ('我屋企算唔算完成咗',
# '我自己报咗几多棵'): their progress shows the task and what is done (bot/asked_for.py ``own_standing_asked``).
STANDING_ENTRIES = frozenset(
    {"camp.quota_household", "camp.quota_party", "camp.quota_secretary", "camp.quota_leader", "camp.party_age"}
    | {"bot.log_planting", "bot.progress"}
)


def _command_asked(ctx: Ctx, entry_id: str | None) -> str | None:
    """The command an answer's entry tells, when the text asks for the thing itself; None otherwise."""
    if ctx.msg.via == "faq":  # handled once as the command: never read as one again
        return None
    norm = nlu.normalize(ctx.msg.text or "")
    if entry_id in STANDING_ENTRIES and ctx.person is not None and asked_for.own_standing_asked(norm):
        return ENTRY_COMMANDS["bot.progress"][0]
    commands = ENTRY_COMMANDS.get(entry_id or "")
    if commands is None:
        return None
    if not asked_for.asked_for(norm, figures=entry_id == "bot.progress"):
        return None
    if entry_id not in ("bot.unsubscribe", "bot.cancel") and asked_for.wish_refused(norm):
        return None  # round 31: '我不想认养树 只想自己种' asks for no adoption
    if entry_id == "bot.unsubscribe":
        wanted_on = asked_for.reminders_wanted_on(norm) if asked_for.reminders_meant(norm) else None
        return None if wanted_on is None else commands[wanted_on]
    if entry_id == "bot.progress":
        return commands[asked_for.village_asked(norm)]
    if entry_id == "bot.cancel" and (asked_for.count_said(norm) or not conversation.in_progress(ctx, ctx.app.flows)):
        return None  # a correction ('删掉 是三棵'), or nothing to throw away: the answer says how a record is corrected
    return commands[0]


@warmed_by(_warm_faq)
def _match_answer(ctx: Ctx):
    result = _faq_result_of_kind(ctx, "answer")
    command = _command_asked(ctx, result.entry_id) if result else None
    return AsText(command, "faq") if command else result


# FAQ entries the chat answers with a reply text: "您能做什么" gets the one help text, core.help.
REPLY_ENTRIES = {"bot.help": "core.help"}


def on_answer(ctx: Ctx, result) -> str:
    key = REPLY_ENTRIES.get(result.entry_id)
    return ctx.t(key) if key else result.answer_text


ROUTES: list = [
    Route("chitchat", _match_chitchat, on_chitchat),
    Route("faq_intro", text_is("faq.commands.intro"), on_intro),
    Route("ticket_supplement_text", escalation_handlers.match_text_supplement, escalation_handlers.on_supplement),
    Route("faq_answer", _match_answer, on_answer),
]
