"""The core's manifest: unfollow and silent events, menu clicks and voice as text, 取消, 帮助, 退订/订阅,
the fallback; the engine's own tables (users, inbox, conversations, outbox, media, tokens, leases,
dashboard logins and sessions, the replay guard, the health heartbeat, and the roster every capability
refers to) and the outbox export."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from bot import asked_for, clock, conversation, escalation, nlu, office, planting, request_frames
from bot.context import Ctx
from bot.identity import acts_as
from bot.menu import click_texts
from bot.roster import ADMIN, ADVISER
from bot.router import Decided, Route, pure, redispatch_as_text, staged
from bot.store import admins, conversations, health, inbox, leases, media, replay_guard, tokens
from bot.store import outbox as outbox_store
from bot.store import roster as roster_store
from bot.store import users as users_store

# Events that need no answer (WeChat's delivery reports, page views, auto-reported location).
SILENT_EVENTS = {"templatesendjobfinish", "masssendjobfinish", "view", "location", "view_miniprogram"}


# Voice recognition ends sentences with punctuation: "取消。", "我的进度。"
_TRAILING = " \t\r\n。．.！!？?，,"


def text_is(key: str):
    """Matcher: the text, without surrounding spaces (or sentence punctuation), is one of the words of the
    command ``key`` (a word list in messages/replies, e.g. ``core.commands.cancel``)."""

    @pure
    def matches(ctx: Ctx) -> bool:
        if ctx.msg.msg_type != "text":
            return False
        wanted = ctx.app.messages.words(key)
        text = (ctx.msg.text or "").strip()
        return text in wanted or text.strip(_TRAILING) in wanted

    return matches


_FINAL_PARTICLES = re.compile(r"[了啦呀啊吧呢哦喔嘛咯噢]+$")
_FOR_NOW_RE = re.compile(r"(?<=[\u4e00-\u9fff]{2})先(?:啦|吧|喇|啊|了)?$")  # Cantonese 先 after a command: for now


def _meaning(text: str) -> str:
    """A short text as the FAQ reads it (bot.nlu.normalize: no punctuation, Cantonese and colloquial forms
    rewritten: 咗 -> 了, 几多 -> 多少, 唔好 -> 不要), without voice input's fillers before it (嗯 那个 …:
    ``nlu.without_fillers``) and its final particles (了, 啦, 呀 …)."""
    # texts repeat (帮助, 我的进度, 你好, the day's questions): normalizing each was ~5 % of a message's GIL time;
    # a long text is no command and is not kept
    return _short_meaning(text) if len(text) <= 64 else _FINAL_PARTICLES.sub("", _normalized(text))


@functools.lru_cache(maxsize=4096)
def _short_meaning(text: str) -> str:
    return _FINAL_PARTICLES.sub("", _normalized(text))


def _normalized(text: str) -> str:
    # command words typed by their sound read as meant (等级一下 -> 登记一下, 退定 -> 退订: messages/typos.toml)
    # Hakka 𠊎 read as 我 before normalising drops it (messages/typos.toml [characters])
    # round 27: a word begun again after a pause ('订 订阅 要 要提醒') read once (nlu.without_stutter)
    fixed = nlu.command_characters_fixed(nlu.without_stutter(text))
    return nlu.command_typos_fixed(nlu.without_fillers(nlu.normalize(fixed)))


# round 48 (19u): how long the kind last asked is remembered for an elliptic follow-up ('我种咗几多' then '成条村呢')
FOLLOW_UP_MINUTES = 10


_FOLLOWED_UP = object()  # ``follow_up``'s ahead read: an elliptic follow-up, its message before still to be read


def follow_up(means: Callable[[Ctx], Any], kind: str, after: frozenset[str]) -> Callable[[Ctx], Any]:
    """Matcher: ``means`` (pure or staged), or an elliptic follow-up of ``kind`` (``nlu.follow_up_said``) sent within
    ``FOLLOW_UP_MINUTES`` of the sender's text message before it, when a route of ``after`` handled that one."""
    means_ahead, means_then = getattr(means, "ahead", means), getattr(means, "then", None)

    def ahead(ctx) -> Any:
        read = means_ahead(ctx)
        if read:
            return read if means_then is not None else Decided(read)
        if ctx.msg.msg_type == "text" and nlu.follow_up_said(text_normalized(ctx)) == kind:
            return _FOLLOWED_UP
        return read

    def then(ctx: Ctx, read) -> Any:
        if read is not _FOLLOWED_UP:
            return means_then(ctx, read) if means_then is not None else read
        return said_just_after(ctx, after)

    return staged(ahead, then)


def said_just_after(ctx: Ctx, routes: frozenset[str]) -> bool:
    """Did one of ``routes`` handle the sender's text message before this one, within ``FOLLOW_UP_MINUTES``? (read in
    the writer: one indexed row)"""
    since = clock.to_db(ctx.now - timedelta(minutes=FOLLOW_UP_MINUTES))
    return inbox.last_text_handler(ctx.db, ctx.openid, ctx.inbox_id, since) in routes


def just_before(ctx: Ctx) -> dict | None:
    """The route that handled the sender's text message before this one and its reply, within ``FOLLOW_UP_MINUTES``
    (round 77: a bare 更多 reads the page the list just shown offered; read in the writer: one indexed row)."""
    since = clock.to_db(ctx.now - timedelta(minutes=FOLLOW_UP_MINUTES))
    return inbox.last_text_reply(ctx.db, ctx.openid, ctx.inbox_id, since)


def text_means(
    key: str,
    said: Callable[..., bool] | None = None,
    heads_unless: Callable[[Any, str], bool] | None = None,
    *,
    as_sent: bool = False,
):
    """Matcher: the text says one of the words of the command ``key``, in any of the ways villagers write or
    voice input writes it: ``我种咗几多棵``, ``我种了几棵了`` and ``我种了多少棵`` are one word; ``唔好再发啦`` is
    ``不要再发``. Still the whole text, never a part of it. ``said(app, meaning)``, when given, reads the request in
    other words (bot/nlu.py "what a short text asks the bot to do": ``别烦我了`` is 退订). A request said first is read
    too (``text_heads``), unless ``heads_unless(app, rest)`` says what follows it takes it back or says otherwise.
    Frames75: with ``as_sent``, ``said(app, meaning, text)`` is given the text as sent too (where the sender paused:
    ``nlu.clause_marked``)."""

    def meanings(app) -> frozenset[str]:
        return frozenset(_meaning(word) for word in app.messages.words(key)) - {""}

    @pure
    def matches(ctx: Ctx) -> bool:
        if ctx.msg.msg_type != "text":
            return False
        # both read once: the command's words per process, the text per message (not per matcher)
        meaning = _text_meaning(ctx)
        words = ctx.app.service(f"text_means.{key}", meanings)

        def reads(text: str) -> bool:
            return bool(said and (said(ctx.app, text, ctx.msg.text or "") if as_sent else said(ctx.app, text)))

        if meaning in words or reads(meaning):
            return True
        # round 31: who the sender is, said before the request, left out ('我系党员想睇下我嘅证书', '我是村干部 帮我看下全村
        # 进度': nlu.without_who_i_am), for every request read here
        mine = _text_meaning_without_who(ctx)
        if mine != meaning and (mine in words or reads(mine)):
            return True
        # round 22: a request said at the end of a story ('听村广播讲礼拜日义务植树 我都想去 参加'): its last clauses;
        # round 25: or first, then why ('提醒重新开返啦 唔收到都唔知几时要淋水'): its first clauses
        if any(tail in words or reads(tail) for tail in message_tails(ctx)):
            return True
        # round 57: a command's word with Cantonese 先 after it (for now: '呢排好忙 退订先'), alone or ending the text
        if any(_FOR_NOW_RE.sub("", said_last) in words for said_last in (meaning, *message_tails(ctx))):
            return True
        # round 90 (22j: '唔该帮我退订' had been the FAQ's how-to, '帮我退订' a ticket): the command asked politely
        # (唔该, 麻烦, 请, 帮我 before its word, nothing after)
        if nlu.without_please(meaning) in words:
            return True
        return any(
            (head in words or reads(head))
            and not (heads_unless and heads_unless(ctx.app, rest))
            and not nlu.asks_after(head, rest)  # '退订 之后仲收唔收到专家回复': a question about 退订
            for head, rest in message_heads(ctx)
        )

    return matches


def either(first, second):
    """Matcher: ``first`` or ``second`` (the first's match wins; the second is not asked then). Both pure: pure, so the
    plan decides it before the transaction (tidy77: one helper, where a pure-only ``_either`` had stood beside this
    one). Else staged (``bot.router``): both read ahead, a pure first's match deciding alone, then each asked in turn
    with what it read."""
    first_ahead, first_then = first.ahead, first.then
    second_ahead, second_then = second.ahead, second.then
    if first_then is None and second_then is None:

        @pure
        def matches(ctx: Ctx) -> Any:
            return first(ctx) or second(ctx)

        return matches

    def ahead(ctx) -> Any:
        read = first_ahead(ctx)
        if (isinstance(read, Decided) and read.match) or (first_then is None and read):
            return read if isinstance(read, Decided) else Decided(read)  # decided alone: the second is never asked
        other = second_ahead(ctx)
        return (read, other) if _may_match(read) or _may_match(other) else None

    def then(ctx: Ctx, reads) -> Any:
        read, other = reads
        return _asked(ctx, read, first_then) or _asked(ctx, other, second_then)

    return staged(ahead, then)


def _may_match(read: Any) -> bool:
    return bool(read.match) if isinstance(read, Decided) else bool(read)


def _asked(ctx: Ctx, read: Any, then: Callable[[Ctx, Any], Any] | None) -> Any:
    """A part's match from what it read ahead (``either``)."""
    if isinstance(read, Decided):
        return read.match
    return then(ctx, read) if read and then is not None else read


def _help_said(_app, meaning: str) -> bool:
    return nlu.help_said(meaning)


_help_words = either(text_is("core.commands.help"), text_means("core.commands.help", _help_said))


# round 73 (21i): a greeting or a call alone ('你好', '在吗', '喂'), read for a follower not registered yet
GREETED = "greeted"
# round 75 (21m): the bot said to understand nothing ('你呢个机械人乜都听唔明'): the help, an apology first
COMPLAINED = "complained"
# round 79 (21r): how to answer the villagers asked ('回答村民要用什么格式'): the help, an adviser's only
ANSWER_HOW = "answer_how"
ACCOUNT = "account"  # _help_ahead's reading: what this account is for (round 92), the help unless a record is collected


def _help_ahead(ctx) -> Any:
    """帮助 in its words decides; '这个怎么弄' (how to go on, ``nlu.go_on_asked``) is asked of the sender's state; a
    greeting alone (round 73) of whether the sender is registered."""
    unhelpful = ctx.msg.msg_type == "text" and nlu.bot_unhelpful_said(_text_meaning(ctx))
    if _help_words(ctx) or (ctx.msg.msg_type == "text" and nlu.question_marks_alone(ctx.msg.text or "")):
        return Decided(COMPLAINED if unhelpful else True)  # round 58: '❓', '？？'
    if ctx.msg.msg_type == "text" and nlu.greeting_alone(nlu.normalize(ctx.msg.text or "")):
        return GREETED  # as said: the meaning drops a bare '喂' as a telephone's filler
    if unhelpful:
        return COMPLAINED  # round 75 (21m): '你呢个机械人乜都听唔明'
    if ctx.msg.msg_type == "text" and nlu.answer_how_asked(_text_meaning(ctx)):
        return ANSWER_HOW  # round 79 (21r): '回答村民要用什么格式', an adviser's
    if ctx.msg.msg_type == "text" and nlu.account_purpose_asked(nlu.normalize(ctx.msg.text or "")):
        return ACCOUNT  # round 92 (22k: '呢个系做咩嘅'): what this account is for, the help (had been asked back by the FAQ)
    # round 27: not the record's steps around its photo ('发完相之后仲要发咩': the planting help's, record or none)
    return (
        ctx.msg.msg_type == "text"
        and nlu.go_on_asked(meaning := _text_meaning(ctx))
        and not nlu.record_steps_asked(meaning)
        and not nlu.count_given_asked(meaning)  # conv96: '要唔要讲几多棵', the planting help's
    )


def _help_then(ctx: Ctx, read) -> Any:
    # round 73 (21i): a follower's first words, a greeting alone before any 登记: the welcome with how to register (the
    # first-use contract's), never small talk; a registered sender's greeting stays the chit-chat's
    if read == GREETED:
        return GREETED if ctx.person is None else False
    # round 79 (21r): how to answer the villagers, asked by an adviser: the help ends with the adviser's commands (答 编号
    # …); from anyone else it is no question of theirs here
    if read == ANSWER_HOW:
        return acts_as(ctx.person, (ADVISER,))
    # round 92: while a record is collected, 'what is this for' may be its photo's: the record's routes take it
    if read == ACCOUNT and planting.collecting(ctx) is not None:
        return False
    # a flow in progress that answers it itself (after a photo: the planting record's next step) takes it
    if any(flow.answers_go_on for flow, _state in conversation.in_progress(ctx, ctx.app.flows)):
        return False
    # round 74 (21l): just after a record finished ('跟住仲要做咩'), that record's state (handlers/planting.py done_said)
    if planting.just_finished(ctx) is not None and not conversation.in_progress(ctx, ctx.app.flows):
        return False
    # round 56: just after a question went to the adviser (its 补充 window open), it is that question asked after
    # ('我应该点做' after a fall told at night: ticket_wait, with the danger's safety line again), never the menu
    if escalation.open_in_window(ctx):
        return False
    return COMPLAINED if read == COMPLAINED else True  # round 75: the apology first


def _cancel_ahead(ctx) -> Any:
    """取消 in its words decides; a retraction said otherwise ('发错了', '刚才那个不要了': ``nlu.retraction_said``) is
    取消 only while something is in progress."""
    if _cancel_words(ctx) or _cancel_words_said_with_particles(ctx):
        return BARE_CANCEL
    # round 54 (20e): 取消 of the reminders ('取消每日提醒，照片我等下发') is 退订, the record in progress kept
    if _reminders_off_words(ctx):
        return False
    # round 37 (19m): not now, alone or before a put-off ('那两棵先不登了 等种好再说'): only the record in progress
    if ctx.msg.msg_type == "text" and (
        nlu.not_now_said(_text_meaning(ctx))
        or any(nlu.not_now_said(head) and nlu.put_off_said(rest) for head, rest in message_heads(ctx))
        # the lead (fifty-first session; 22r '我明日先种 今日唔好记住'): when instead said first, then not now
        or any(nlu.put_off_said(head) and nlu.not_now_said(rest) for head, rest in message_heads(ctx))
        or _not_now_given_up(ctx)
    ):
        return True
    # round 70 (21d): never mind said alone ('算啦', '算了吧', '罢了'): 取消 only of what is in progress (a record waiting for
    # its photo), else small talk
    meaning = _text_meaning(ctx)
    if ctx.msg.msg_type == "text" and (nlu.given_up(meaning) or nlu.given_up(_SPOKEN_PARTICLES.sub("", meaning))):
        return True
    return retraction_in_words(ctx)


def _not_now_given_up(ctx) -> bool:
    """Round 71 (21f): not now, with a never-mind before or after it ('唔种住啦 算啦', '算了 先不种了'): every clause one
    of them, one at least not now (``nlu.not_now_said``; 算了 alone stays an aside)."""
    clauses = [_meaning(c) for c in nlu.PAUSES_RE.split(ctx.msg.text or "") if c]
    return (
        2 <= len(clauses) <= 3
        and any(nlu.not_now_said(c) for c in clauses)
        and all(nlu.not_now_said(c) or nlu.given_up(c) for c in clauses)
    )


def retraction_in_words(ctx) -> bool:
    """'Drop what I just sent' said in words (not the bare 取消): 取消 while something is in progress; with nothing in
    progress, the finished record's withdrawal (作废, handlers/planting.py)."""
    if ctx.msg.msg_type != "text":
        return False
    # conv106 (23d: '刚才那条报错了 其实是龙眼不是荔枝 帮我撤回'): the withdrawal asked in the last clause, whatever was said
    # wrong and right before it (never the correction offered)
    if nlu.withdrawal_closes(ctx.msg.text or ""):
        return True
    # round 39 (19n): a count said wrong, the right one said ('不是两棵 是三棵 打错了'): the record's count corrected
    # (handlers/planting.py), never the record dropped
    if nlu.count_corrected(ctx.msg.text or "") is not None:
        return False
    # round 91: a slip with the right tree said, in either order ('系龙眼 唔系荔枝 打错咗', '龙眼嚟嘅 头先打错'): the record's
    # tree corrected (handlers/planting.py: the one in progress, or a finished one's correction asked), never dropped
    if nlu.tree_corrected(ctx.msg.text or "", planting.species_table(ctx.app), planting.offlist_names(ctx.app)):
        return False
    if _retraction_then_why(ctx) or _retraction_among_whys(ctx):
        return True
    if nlu.planted_pointed_then_dropped(nlu.normalize(ctx.msg.text or "")):
        return True  # round 97: '我种咗两棵橄榄嗰个 取消'
    if nlu.wrong_record_cancel_asked(_text_meaning(ctx)):
        return True  # round 67: '张相发错咗 可唔可以取消', '取消 头先搞错咗系龙眼唔系荔枝'
    # round 22: a retraction ending a few clauses ('唔好意思 系个孙乱撳 唔算')
    if nlu.retraction_said(_text_meaning(ctx)) or any(nlu.retraction_said(tail) for tail in message_tails(ctx)):
        return True
    if nlu.given_up_then_not_yet(_text_meaning(ctx)):
        return True  # the lead (43rd session, 21s): '算了唔记喇荔枝未种好', by voice with no pause
    if nlu.duplicate_dropped_said(_text_meaning(ctx)):
        return True  # the lead (42nd session, 21s): reported twice, then not wanted, in one long breath
    if nlu.not_planted_yet_said(nlu.normalize(ctx.msg.text or "")):
        return True  # round 80 (21u): '刚才那个说错了还没种呢是准备种': the record told is for trees still to plant
    if nlu.not_planted_then_later([_meaning(c) for c in nlu.PAUSES_RE.split(ctx.msg.text or "") if c]):
        return True  # round 89 (22g, 22h): '讲错咗 其实未种 下礼拜先种', '算啦 今日冇种到 听日先'
    # round 25: said first, then only when to go on ('取消吧 明天再弄', '算了 改天再发'), never a correction after it
    # ('讲错了 是三棵'); 算了 (never mind) is an aside elsewhere, a retraction only before a put-off
    clauses = [c for c in nlu.PAUSES_RE.split(ctx.msg.text or "") if c]
    if len(clauses) >= 2 and nlu.given_up(_meaning(clauses[0])) and nlu.put_off_said(_meaning(" ".join(clauses[1:]))):
        return True
    # round 27: after 'that is wrong' ('唔啱 取消先 迟啲再报')
    return any(
        nlu.retraction_said(nlu.without_wrong_first(head)) and nlu.put_off_said(rest)
        for head, rest in message_heads(ctx)
    )


def _retraction_then_why(ctx) -> bool:
    """Round 39 (19n): a retraction said first (never mind before it left out), then why ('算了 取消吧 手机拍不了照', '这张不算
    是隔壁家的树 不好意思': ``nlu.why_dropped_said``)."""
    clauses = [c for c in nlu.PAUSES_RE.split(ctx.msg.text or "") if c]
    while len(clauses) > 2 and nlu.given_up(_meaning(clauses[0])):
        clauses = clauses[1:]
    return any(
        nlu.retraction_said(nlu.without_wrong_first(_meaning(" ".join(clauses[:n]))))
        and nlu.why_dropped_said(_meaning(" ".join(clauses[n:])))
        for n in range(1, len(clauses))
    )


def _retraction_among_whys(ctx) -> bool:
    """Round 50 (19y): a retraction said among why it is meant, in any order, an apology first ('不好意思，刚才那两棵荔枝是
    重复提交的，帮我作废掉', '麻烦把刚才那条记录作废，我多报了一次'): one clause a retraction, every other one why
    (``nlu.why_dropped_said``); round 95 (22o: '唔记得种咗几多 迟啲再报 呢条唔要住'): or when it will be reported instead
    (``nlu.put_off_said``), with a why among them."""
    text = ctx.msg.text or ""
    clauses = [_meaning(c) for c in nlu.PAUSES_RE.split(text) if c]
    if len(text) > 40 or not 2 <= len(clauses) <= 4:
        return False
    dropped = [nlu.retraction_said(nlu.without_wrong_first(c)) for c in clauses]
    why = [nlu.why_dropped_said(c) for c in clauses]
    later = [nlu.put_off_said(c) for c in clauses]
    return any(dropped) and all(d or w or (p and any(why)) for d, w, p in zip(dropped, why, later, strict=True))


def _cancel_then(ctx: Ctx, said) -> bool:
    live = conversation.in_progress(ctx, ctx.app.flows)
    if said is BARE_CANCEL:
        # round 57: with nothing in progress, right after a record finished, the withdrawal's (handlers/planting.py
        # asks at once whether to withdraw it, as 作废 does); else nothing to cancel
        return bool(live) or not planting.just_finished(ctx)
    # the lead (fifty-third session, the simulator: '之前认领嘅两棵唔种住 帮我撤销' while the adoption list's pages waited):
    # a duty withdrawn in its words (a pledge, an adoption, a care zone, a planting day's sign-up) is its capability's
    # (the matchers of each manifest's WITHDRAWAL_ROUTES: app.withdrawals, bot/registry.py), whatever else waits, kept
    if ctx.msg.msg_type == "text" and any(reads(ctx) for reads in ctx.app.withdrawals):
        return False
    # not while a flow waits for the answer to a choice: '不要' there answers it (bot/conversation.py choice_states)
    return bool(live) and not any(state.name in flow.choice_states for flow, state in live)


BARE_CANCEL = "bare"  # 取消 in its own words (core.commands.cancel), what _cancel_ahead read


_cancel_words = text_is("core.commands.cancel")
_SPOKEN_PARTICLES = re.compile(r"[了啦呀啊吧呢哦喔嘛咯噢喇嘞啰]+$")


def _cancel_words_said_with_particles(ctx) -> bool:
    """Round 61 (20p): 取消 in its words with a spoken particle after it ('取消啦', '取消吧'): the bare 取消 (with
    nothing in progress told there is nothing to cancel, never a ticket); round 66: with never mind first and a pronoun
    after it ('唔要啦 取消佢': ``nlu.cancel_word_said``)."""
    if ctx.msg.msg_type != "text":
        return False
    text = _SPOKEN_PARTICLES.sub("", (ctx.msg.text or "").strip(_TRAILING)).strip(_TRAILING)
    words = ctx.app.messages.words("core.commands.cancel")
    if text != (ctx.msg.text or "").strip(_TRAILING) and text in words:
        return True
    # round 66 (20v): never mind first, the thing as a pronoun after it ('唔要啦 取消佢', '算啦 取消呢个')
    return nlu.cancel_word_said(ctx.msg.text or "") in words


def _reminders_said(wanted: str) -> Callable[[Any, str, str], bool]:
    def said(_app, meaning: str, as_sent: str) -> bool:
        return nlu.reminders_said(meaning, as_sent) == wanted

    return said


def _reminders_said_after(_app, rest: str) -> bool:
    # round 25: what is said last decides ('之前关了提醒 现在想再收'): a wish about the reminders after the first clause;
    # round 33: or a word that gives a direction, the reminders unnamed ('之前关了提醒 现在想重新打开', '…不该帮我恢复回')
    return (
        nlu.reminders_said(rest) is not None
        or nlu.reminders_declined(rest)
        or asked_for.reminders_wanted_on(rest) is not None
        or nlu.events_told_wished(rest)  # round 53: '之前我关咗提醒 以后有活动都通知我'
    )


@pure
def _answers_unwanted(ctx: Ctx) -> bool:
    """tidy77: an adviser's answers not wanted ('我不想收到专家的消息', request_frames.answers_stopped): no reminder, so
    never 退订; had been. Round 92: whether they still come after 退订, asked (``nlu.answers_after_switching_off_asked``)."""
    if ctx.msg.msg_type != "text":
        return False
    if nlu.answers_after_switching_off_asked(nlu.normalize(ctx.msg.text or "")):
        return True  # round 92: '我说退订之后还能收到专家回复吗': whether they still come, the same reply
    return request_frames.answers_stopped(nlu.request_frame(_text_meaning(ctx), ctx.msg.text or ""))


@pure
def _reminders_after_off_asked(ctx: Ctx) -> bool:
    """Round 94: whether reminders still come after 退订, asked ('退订咗仲会唔会有提醒'): answered, nothing switched off
    (``nlu.reminders_after_switching_off_asked``; it had been 退订 itself)."""
    return ctx.msg.msg_type == "text" and nlu.reminders_after_switching_off_asked(nlu.normalize(ctx.msg.text or ""))


_reminders_off_said = text_means(
    "core.commands.reminders_off", _reminders_said("off"), _reminders_said_after, as_sent=True
)


@pure
def _reminders_off_words(ctx: Ctx) -> bool:
    """退订 in any words, unless the whole text tells the reminders switched off before and wanted again after it
    (round 99: '上次话唔要提醒 其实都系要嘅 帮我开番啦': its first clause had switched them off; reminders_on's)."""
    if not _reminders_off_said(ctx):
        return False
    return not (ctx.msg.msg_type == "text" and nlu.reminders_wanted_again_after_off(_text_meaning(ctx)))


def _read_once(ctx: Ctx, name: str, read: Callable[[str], Any]) -> Any:
    """``read(text)`` of the message's text, once a message: kept on ``ctx`` with the text it was read from (a voice
    message or a menu click is re-dispatched as text: bot.router), for the readers of several routes."""
    text = ctx.msg.text or ""
    kept = vars(ctx).get(name)
    if kept is None or kept[0] != text:
        kept = vars(ctx)[name] = (text, read(text))
    return kept[1]


def _text_meaning(ctx: Ctx) -> str:
    return _read_once(ctx, "_text_meaning", _meaning)


def _text_meaning_without_who(ctx: Ctx) -> str:
    return _read_once(ctx, "_text_meaning_without_who", lambda text: nlu.without_who_i_am(_meaning(text)))


# round 22: where a villager paused (spaces, punctuation); a story's last clauses are read when the whole is none of
# the requests ('村委话十二号搞植树活动 我想去 点报名参加': 我想去怎么报名参加)
TAIL_CLAUSES = 3


def _clauses(text: str) -> tuple[list[str], int]:
    """A text's clauses without the asides around a request (laughter, slang, thanks, a greeting: ``nlu.is_aside``),
    and how many of them may be read as a part (all but one when nothing was left out: the whole is read already)."""
    clauses = [c for c in nlu.PAUSES_RE.split(text or "") if c]
    kept = [c for c in clauses if not nlu.is_aside(c)]
    return kept, len(kept) - 1 if len(kept) == len(clauses) else len(kept)


def text_tails(text: str) -> tuple[str, ...]:
    """The meanings (``_meaning``) of a text's last one, two and three clauses when it has more than that, each only when
    it is short enough to be a request (``nlu.INTENT_MAX_CHARS``), shortest first; () for one clause. Round 25: the
    asides around them left out first ('帮我睇下进度 唔该晒', '植树日报名 算我一个 nb': ``nlu.is_aside``)."""
    clauses, most = _clauses(text)
    tails = []
    for n in range(1, min(TAIL_CLAUSES, most) + 1):
        tail = _meaning(" ".join(clauses[-n:]))
        if tail and len(tail) <= nlu.INTENT_MAX_CHARS and tail not in tails:
            tails.append(tail)
    return tuple(tails)


# round 25: a request said first, then why or what else ('提醒重新开返啦 唔收到都唔知几时要淋水', '证书咋领 想发朋友圈炫一下',
# '村里进度咋样 是不是又垫底了'): its first clauses are read when the whole and its last clauses are none
HEAD_CLAUSES = 2


def text_heads(text: str) -> tuple[tuple[str, str], ...]:
    """The meanings (``_meaning``) of a text's first one and two clauses when it has more than that (the asides around
    them left out), each only when short enough to be a request, shortest first, each with the meaning of what follows
    it (``heads_unless`` of ``text_means`` reads it); () for one clause."""
    clauses, most = _clauses(text)
    heads: list[tuple[str, str]] = []
    for n in range(1, min(HEAD_CLAUSES, most) + 1):
        head = _meaning(" ".join(clauses[:n]))
        if head and len(head) <= nlu.INTENT_MAX_CHARS and head not in [h for h, _rest in heads]:
            heads.append((head, _meaning(" ".join(clauses[n:]))))
    return tuple(heads)


def message_tails(ctx: Ctx) -> tuple[str, ...]:
    """``text_tails`` of the message's text, once a message (the queue and the retraction read them too)."""
    return _read_once(ctx, "_text_tails", text_tails)


def message_heads(ctx: Ctx) -> tuple[tuple[str, str], ...]:
    """``text_heads`` of the message's text, once a message."""
    return _read_once(ctx, "_text_heads", text_heads)


def text_normalized(ctx: Ctx) -> str:
    """The message's text as ``nlu.normalize`` reads it, without voice input's fillers before it
    (``nlu.without_fillers``), once a message: the readers of several routes ask for it (adoption, the ticket queue,
    the check-in, how to go on)."""
    return _read_once(ctx, "_text_normalized", _normalized)


# round 65 (20t): a place said with the thing picked's measure word after 第 ('认养第二棵'); '认养 2棵' is no place
_NUMBER_RE = re.compile(
    r"^(?:第\s*(\d{1,4}|[零〇一二两三四五六七八九十百]{1,4})\s*(?:号|个|棵|块|片)?"
    r"|(\d{1,4}|[零〇一二两三四五六七八九十百]{1,4})\s*(?:号|个)?)$"
)


def text_with_number(key: str):
    """Matcher: one of the words of the command ``key`` followed by a number (``认养 3``, ``认养第3号``, voice
    ``认养三号。``) -> the number (an int >= 1)."""

    @pure
    def matches(ctx: Ctx) -> int | None:
        if ctx.msg.msg_type != "text":
            return None
        text = nlu.to_halfwidth(ctx.msg.text or "").strip().strip(_TRAILING)
        # round 65 (20t): the command typed by its sound ('认领则任区第一个', '人养第二棵'), read as the readers of requests
        # read it (messages/typos.toml), when the text as written starts with no command word
        for said in (text, text_normalized(ctx)):
            for word in sorted(ctx.app.messages.words(key), key=len, reverse=True):
                if said.startswith(word):
                    found = _NUMBER_RE.match(said[len(word) :].strip())
                    number = nlu.chinese_to_int(found.group(1) or found.group(2)) if found else None
                    return number if number else None
        return None

    return matches


def list_again(ctx: Ctx, flow, show, key: str, **params: Any) -> str:
    """``认养 3`` / ``认领责任区 3`` with no list kept (tidy74: or a count said to the adoptable list): the list
    (``show(ctx)``, which keeps it in ``flow``'s state ``listed``), after the line ``key`` (with ``params``) asking to
    choose again; just ``show``'s reply when there is no list."""
    reply = show(ctx)
    state = flow.state(ctx)
    return ctx.t(key, **params) + "\n" + reply if state and state.name == "listed" else reply


def is_event(*events: str):
    wanted = set(events)

    @pure
    def matches(ctx: Ctx) -> bool:
        return ctx.msg.msg_type == "event" and ctx.msg.event in wanted

    return matches


# -- events -------------------------------------------------------------------------------------
def on_unsubscribe(ctx: Ctx, _match) -> None:
    users_store.set_subscribed(ctx.db, ctx.openid, False, ctx.now_s)
    outbox_store.cancel_pending(ctx.db, ctx.openid, "unsubscribed")
    return None


def on_silent_event(ctx: Ctx, _match) -> None:
    return None


# -- round 54: the office asking in chat for the dashboard's work ('帮我群发一条通知', '今日有几多条记录要审核') ---------
def _office_page_ahead(ctx) -> str | None:
    return office.page_asked(ctx.app, text_normalized(ctx)) if ctx.msg.msg_type == "text" else None


def _from_the_office(ctx: Ctx, key: str) -> str | None:
    """Only the campaign office (管理员): anyone else's words go on (a villager's 审核 is the FAQ's); round 58: a village
    cadre's review asked ('帮我睇下边啲记录要审核' had become a question for the adviser) is the village's queue."""
    if acts_as(ctx.person, (ADMIN,)):
        return key
    # not the cadre's own records asked after ('点解我嘅树要审核', '审核要几耐': review_why's, as anyone's)
    if not ((ctx.person or {}).get("village_id") and acts_as(ctx.person, ctx.config.get("planting.cadre_roles"))):
        return None
    if key == "exports":  # the lead (41st): a secretary's 导出 had gone to the adviser as a question
        return office.VILLAGE_EXPORTS
    return office.VILLAGE_REVIEW if key == "review" and not nlu.review_why_asked(text_normalized(ctx)) else None


def on_office_page(ctx: Ctx, key: str) -> str:
    if key == office.VILLAGE_REVIEW:
        assert ctx.person is not None  # _from_the_office read the cadre's village
        return office.village_review_text(ctx.app, ctx.db, ctx.person["village_id"])
    if key == office.VILLAGE_EXPORTS:
        assert ctx.person is not None
        return office.village_exports_text(ctx.app, ctx.person["village_id"])
    return office.page_text(ctx.app, ctx.db, key)


# -- commands -----------------------------------------------------------------------------------
def on_cancel(ctx: Ctx, _match) -> str:
    dropped = conversation.cancel_all(ctx, ctx.app.flows)
    if dropped and ctx.msg.msg_type == "text" and _not_planted_told(ctx.msg.text or ""):
        return ctx.t("core.cancelled_not_planted")  # round 80: and how to tell the plan meanwhile (a 认领)
    return ctx.t("core.cancelled") if dropped else ctx.t("core.nothing_to_cancel")


def _not_planted_told(text: str) -> bool:
    """The trees said not planted yet (round 80), or not after all and when instead (round 89)."""
    clauses = [_meaning(c) for c in nlu.PAUSES_RE.split(text) if c]
    return nlu.not_planted_yet_said(nlu.normalize(text)) or nlu.not_planted_then_later(clauses)


def welcome_text(ctx: Ctx) -> str:
    """A greeting from a follower not registered yet, whichever route reads it (round 73's greeting alone here, the
    chit-chat's greeting in handlers/faq.py): the welcome, how to 登记 first, and the help hint."""
    return ctx.t("core.greeting_new").rstrip() + "\n" + ctx.t("core.help_hint")


def on_help(ctx: Ctx, match) -> str:
    if match == GREETED:
        return welcome_text(ctx)
    if match == COMPLAINED:  # round 75: what it can do (问专家 reaches a person), the apology first
        return ctx.t("core.help_sorry") + "\n" + on_help(ctx, True)
    # round 43 (19q): an adviser's own commands after the villagers' ('这个号顾问能用什么功能')
    if acts_as(ctx.person, (ADVISER,)):
        return ctx.t("core.help").rstrip() + "\n" + ctx.t("core.help_adviser")
    # round 52 (the lead, as the office in the simulator): the county in chat was nowhere in its help
    if acts_as(ctx.person, (ADMIN,)):
        url = ctx.config.public_link("/admin/")
        return ctx.t("core.help").rstrip() + "\n" + ctx.t("core.help_office", url=url)
    # round 53 (the lead, as a village secretary in the simulator): 代种, plots, pledges for a household, planting days
    if acts_as(ctx.person, tuple(ctx.config.get("planting.cadre_roles"))):
        return ctx.t("core.help").rstrip() + "\n" + ctx.t("core.help_cadre")
    return ctx.t("core.help")


def on_answers_unwanted(ctx: Ctx, _match) -> str:
    """Nothing switched off: how the reminders are, and that an adviser answers only one's own questions."""
    return ctx.t("core.answers_not_reminders")


def on_reminders_after_off_asked(ctx: Ctx, _match) -> str:
    """What 退订 stops and how it is undone; the reminders as they are."""
    return ctx.t("core.after_unsubscribing")


def on_reminders_off(ctx: Ctx, _match) -> str:
    users_store.set_reminders_off(ctx.db, ctx.openid, True)
    outbox_store.cancel_pending(ctx.db, ctx.openid, "退订", kinds=("reminder", "followup", "broadcast"))
    return ctx.t("core.unsubscribed_reminders")


def on_reminders_on(ctx: Ctx, _match) -> str:
    users_store.set_reminders_off(ctx.db, ctx.openid, False)
    return ctx.t("core.subscribed_reminders")


# -- the fallback -------------------------------------------------------------------------------
@pure
def _anything(ctx: Ctx) -> bool:
    return True


def on_anything(ctx: Ctx, _match) -> str | None:
    kind = ctx.msg.msg_type
    if kind == "event":
        return None
    if kind == "link":
        return ctx.t("core.link_received")
    if kind == "location":  # no coordinates: missing, not finite or not on Earth (bot/incoming.py)
        return ctx.t("core.location_saved") if ctx.msg.lat is not None else ctx.t("core.location_invalid")
    if kind in ("video", "shortvideo", "file", "unknown"):
        return ctx.t("core.unsupported_media")
    return ctx.t("core.not_understood") + "\n" + ctx.t("core.help_hint")


# -- input normalisation ------------------------------------------------------------------------------
@pure
def _menu_click(ctx: Ctx) -> str | None:
    if ctx.msg.msg_type == "event" and ctx.msg.event == "click":
        return click_texts().get(ctx.msg.event_key or "")
    return None


@pure
def _voice_text(ctx: Ctx) -> str | None:
    return ctx.msg.recognition if ctx.msg.msg_type == "voice" else None


def on_menu_click(ctx: Ctx, text: str) -> str | None:
    return redispatch_as_text(ctx.app.routes, ctx, text, "menu")[1]


def on_voice_text(ctx: Ctx, text: str) -> str | None:
    return redispatch_as_text(ctx.app.routes, ctx, text, "voice")[1]


# -- the manifest (placed in the dispatch order by handlers/__init__.py) ------------------------------
EVENT_ROUTES: list = [
    Route("unsubscribe", is_event("unsubscribe"), on_unsubscribe),
    Route("silent_event", is_event(*SILENT_EVENTS), on_silent_event),
]
INPUT_ROUTES: list = [
    Route("menu_click", _menu_click, on_menu_click),
    Route("voice_text", _voice_text, on_voice_text),
]
COMMAND_ROUTES: list = [
    Route("cancel", staged(_cancel_ahead, _cancel_then), on_cancel),
    Route("help", staged(_help_ahead, _help_then), on_help),
    Route("office_page", staged(_office_page_ahead, _from_the_office), on_office_page),
    Route("answers_unwanted", _answers_unwanted, on_answers_unwanted),  # tidy77: before 退订's words
    Route("reminders_after_off_asked", _reminders_after_off_asked, on_reminders_after_off_asked),  # round 94
    # conv96 (22o): the stop kept just after 退订, the slip denied ('我冇睇错 唔想收'): off again, never the how-to
    Route("reminders_off", follow_up(_reminders_off_words, "kept", frozenset({"reminders_off"})), on_reminders_off),
    Route(
        "reminders_on",
        # round 48 (19u): wanted back again, elliptically, just after they were switched off ('唔要提醒' then '又想收返')
        follow_up(
            text_means("core.commands.reminders_on", _reminders_said("on"), _reminders_said_after, as_sent=True),
            "again",
            frozenset({"reminders_off"}),
        ),
        on_reminders_on,
    ),
]


@pure
def _pinged(ctx: Ctx) -> bool:
    """Round 92: whether the message before was received, pinged bare ('有冇收到', '点解冇反应': ``nlu.received_pinged``),
    when nothing before it answers that (a question just sent: ticket_wait; a record: recorded_asked; both routes come
    first)."""
    return ctx.msg.msg_type == "text" and nlu.received_pinged(text_normalized(ctx))


def on_pinged(ctx: Ctx, _match) -> str:
    """Yes, received, and what the bot does (the help): a ping with nothing waiting had become a ticket or 'welcome'."""
    return ctx.t("core.pinged") + "\n" + on_help(ctx, True)


# placed after the ticket's and the record's routes, before the FAQ's small talk (handlers/__init__.py)
PING_ROUTES: list = [Route("pinged", _pinged, on_pinged)]
FALLBACK_ROUTES: list = [Route("fallback", _anything, on_anything)]
ROUTES: list = [*EVENT_ROUTES, *INPUT_ROUTES, *COMMAND_ROUTES, *PING_ROUTES, *FALLBACK_ROUTES]
# roster (villages, people) is registration's, migrated with the core: every capability's tables refer to it
STORES: list = [
    roster_store,
    users_store,
    inbox,
    conversations,
    outbox_store,
    media,
    tokens,
    leases,
    admins,
    replay_guard,
    health,
]
EXPORTS: dict = {**outbox_store.EXPORT_SQL}
