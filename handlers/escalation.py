"""The escalation capability's manifest: in chat 问专家, 补充, 解决了 and follow-ups, the advisers' 答, 待办
and 收录 (``ask_expert`` answers through ``ASK_TABLE``); the SLA job, the tickets pages and export.

The logic lives in ``bot/escalation.py``; these handlers read the message and reply.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any, NamedTuple

from bot import ask_back, clock, conversation, escalation, nlu, planting, visits
from bot.context import Ctx
from bot.conversation import END, FlowTable, Step
from bot.dashboard import ticket_pages
from bot.escalation import ASK_FLOW
from bot.identity import acts_as, kept_since, staff, village_named
from bot.registry import UserRead
from bot.roster import ADMIN, ADVISER, ANSWERER_ROLES, CADRE_ROLES, TICKET_ROLES
from bot.router import Decided, Route, pure, staged, warmed_by
from bot.scheduler import Job
from bot.store import inbox as inbox_store
from bot.store import media as media_store
from bot.store import roster as roster_store
from bot.store import tickets as tickets_store
from handlers.core import message_heads, message_tails, text_is, text_normalized

QUEUE_LINES = 8


def _text(ctx: Ctx) -> str | None:
    return (ctx.msg.text or "").strip() if ctx.msg.msg_type == "text" else None


@pure
def _is_silent_voice(ctx: Ctx) -> bool:
    """A voice message WeChat could not turn into text (one with text was redispatched as text)."""
    return ctx.msg.msg_type == "voice"


def _current_media(ctx: Ctx) -> int | None:
    """The media row of this message (a photo, or a voice even when it came with its text)."""
    return media_store.row_for_inbox(ctx.db, ctx.inbox_id)


def _village_id(ctx: Ctx) -> int | None:
    person = ctx.person
    return (person or {}).get("village_id") or ctx.user.get("scene_village_id")


def _free_photos(ctx: Ctx) -> list[int]:
    """Photos of the last escalation.attach_minutes that no ticket and no planting record holds (a finished
    record's photos stay its own)."""
    since = escalation.attach_window_start(ctx.app, ctx.now)
    return [
        m
        for m in tickets_store.recent_unattached_images(ctx.db, ctx.openid, since, ctx.now_s)
        if not planting.holds_photo(ctx.db, m)
    ]


def _recent_when_matching(ctx: Ctx) -> tuple[list[int], bool]:
    """``_free_photos``, and whether a ticket is open within its 补充 window (``_supplementable`` has one), for the
    matchers of one message (ticket_repeat, photo_question, ticket_supplement_text: matchers write nothing), read
    once, with the user row (``RECENT_ACTIVITY``) or else in one statement; a handler reads them afresh, a
    redispatched message anew."""
    msg, recent = vars(ctx).get("_recent", (None, ([], False)))
    if msg is not ctx.msg:
        read = ctx.read_with_user(RECENT_ACTIVITY.name)
        if read is not None:
            photos, any_open = tickets_store.recent_activity_of(read)
        else:
            since = escalation.attach_window_start(ctx.app, ctx.now)
            photos, any_open = tickets_store.recent_activity(ctx.db, ctx.openid, since, ctx.now_s)
        recent = ([m for m in photos if not planting.holds_photo(ctx.db, m)], any_open)
        vars(ctx)["_recent"] = (ctx.msg, recent)
    return recent


def _recent_activity_params(app, now) -> list[str]:
    since = escalation.attach_window_start(app, now)
    until = clock.to_db(now)
    return [since, until, since, until]


# what _recent_when_matching reads, read with the user row on most texts (no statement of its own)
RECENT_ACTIVITY = UserRead("recent_activity", tickets_store.RECENT_ACTIVITY_OF_USER, _recent_activity_params)
# whether a ticket was answered within the reopen window (_answer_reply_then), likewise
RECENT_ANSWER = UserRead(
    "recent_answer",
    tickets_store.ANSWERED_SINCE_OF_USER,
    lambda app, now: [escalation.reopen_window_start(app, now), clock.to_db(now)],
)


def _free_photos_when_matching(ctx: Ctx) -> list[int]:
    return _recent_when_matching(ctx)[0]


def supplementable_when_matching(ctx: Ctx) -> list[dict]:
    """``_supplementable`` for a matcher: no statement when ``_recent_when_matching`` found no open ticket."""
    return _supplementable(ctx) if _recent_when_matching(ctx)[1] else []


def _take_photos(ctx: Ctx) -> list[int]:
    """Photos just sent for this question: the photo-only pending planting record's (moved off it, the record
    dropped) and any other free photo (``_free_photos``)."""
    return list(dict.fromkeys(planting.take_pending_photos(ctx) + _free_photos(ctx)))


def said_after_asides(ctx: Ctx) -> str:
    """The text normalised without the asides said before what it says (thanks, a greeting: ``nlu.without_leading_asides``);
    the whole text's when it starts with none or is asides only."""
    rest = nlu.without_leading_asides(_text(ctx) or "")
    return nlu.normalize(rest) if rest else text_normalized(ctx)


def _joins(ctx: Ctx, ticket: dict) -> bool:
    """Does this text belong to ``ticket`` (a detail, or a question about the same tree)? One said to be added
    ('补充一下 叶子背面有白色小点点', '对了 …': ``nlu.addition_said``) does unless it names another tree."""
    # round 33b: a tree the text says it is not about is not named ('唔关桂花事 想问柿子苗点解唔出芽')
    text = nlu.without_tree_denied(_text(ctx) or "")
    assert text  # the matchers call this for text only
    result = escalation.faq_result(ctx)
    earlier = escalation.ticket_texts(ctx.db, ticket)
    table, others = planting.species_table(ctx.app), planting.offlist_names(ctx.app)
    # round 37: a danger that names no tree is its own matter ('打雷了我们还在山顶挖坑怎么办': 还在); round 70 (21d): not
    # what is said added ('仲有啲虫', which the FAQ read as a caterpillar's sting: the 补充's reply puts any safety line first)
    if result.safety and not nlu.find_all_species(text, table, others) and not nlu.addition_said(text_normalized(ctx)):
        return False
    if nlu.planted_together_asked(
        text_normalized(ctx)
    ):  # round 74: '石榴同桂花种埋一齐得唔得': where to plant, its own
        return False
    # round 70 (21d): how to do another tree's work, asked with 点 alone ('柿树点驳枝' on a 桂花 question): its own
    if nlu.how_to_tend_asked(text_normalized(ctx)) and not escalation.about_same_tree(text, earlier, table, others):
        return False
    if nlu.new_question_said(text_normalized(ctx)):  # '顺便问 …': its own, unless about the same tree
        return bool(nlu.find_all_species(text, table, others)) and escalation.about_same_tree(
            text, earlier, table, others
        )
    said = said_after_asides(ctx)  # round 71 (21e): thanks first ('多谢 仲有就系啲新芽都唔出'), the addition after them
    if nlu.addition_said(said) and not (result.kind == "escalate" and result.reason in escalation.OFF_TREE_REASONS):
        if _about_the_campaign(ctx, nlu.after_addition(said)):
            return False  # round 21: '对了 村里种树活动是哪天': a question of its own, about no tree
        return not nlu.find_all_species(text, table, others) or escalation.about_same_tree(text, earlier, table, others)
    if escalation.joins_ticket(text, result, earlier, table, others):
        return True
    # round 20: the ticket's own symptom told in more detail, no tree named ('是老叶先黄 新出的叶还好' after 叶子发黄);
    # round 21: a closer look at the part it asked about ('叶子背面有白色的小点点' after 叶子发黄), a cause guessed ('我还施了
    # 点尿素 会不会是肥太多')
    return not (result.kind == "escalate" and result.reason in escalation.OFF_TREE_REASONS) and (
        not nlu.find_all_species(text, table, others)
        and (
            nlu.same_symptom(text, earlier)
            or nlu.closer_look(text, earlier)
            or nlu.told_again(text, earlier)  # round 23: '洞在离地半米那里' after '树干有蛀洞'
            or nlu.degree_told(text, earlier)  # round 61: '掉得很厉害 一碰就掉' after '叶子发黄还掉叶'
            or _cause_guessed(ctx)
            or nlu.planted_when_told(text_normalized(ctx))  # round 25: '佢话系今年先种嘅 爱点搞'
            or nlu.tree_place_told(text)  # round 57: '佢喺屋后面 下昼先有太阳'
            or nlu.trees_described(text)  # round 57: '得一棵系咁 其他几棵冇事', '系去年三月种嘅 8棵都系咁'
        )
    )


# FAQ entries of the campaign and the bot itself (messages/faq/campaign.toml): about no tree
_CAMPAIGN_ENTRIES = ("camp.", "bot.")


def _about_the_campaign(ctx: Ctx, question: str) -> bool:
    """Is ``question`` (what follows 对了, 补充一下 …) one the FAQ answers from the campaign's facts (a date, a rule, the
    bot itself), naming no tree? Such a question is its own, never a 补充 of a tree's ticket."""
    if not question or not nlu.is_question(question):
        return False
    table, others = planting.species_table(ctx.app), planting.offlist_names(ctx.app)
    if nlu.find_all_species(question, table, others):
        return False
    found = escalation.faq_match(ctx.app, ctx.db, question)
    return found.kind == "answer" and (found.entry_id or "").startswith(_CAMPAIGN_ENTRIES)


def _guesses_its_cause(ctx: Ctx, ticket: dict) -> bool:
    """A cause guessed for the ticket's trouble ('我还施了点尿素 会不会是肥太多'), naming no other tree: the same tree's,
    whatever the FAQ answers of it."""
    text = _text(ctx) or ""
    if not _cause_guessed(ctx):
        return False
    table, others = planting.species_table(ctx.app), planting.offlist_names(ctx.app)
    earlier = escalation.ticket_texts(ctx.db, ticket)
    return not nlu.find_all_species(text, table, others) or escalation.about_same_tree(text, earlier, table, others)


def _cause_guessed(ctx: Ctx) -> bool:
    """A guess at the cause, the whole text (``nlu.cause_guessed``); round 69 (21a): or at the end of a longer text,
    after what was done ('涯个桂花又冇淋多水 叶子黄佢 系唔系淋水唔够'); round 74 (21l): or first, what was done (or not)
    told after it, no question of its own ('系咪缺肥啊 我好耐冇落肥')."""
    return (
        nlu.cause_guessed(text_normalized(ctx))
        or any(nlu.cause_guessed(tail) for tail in message_tails(ctx))
        or any(nlu.cause_guessed(head) and not nlu.is_question(rest) for head, rest in message_heads(ctx))
    )


def _safety_first(ctx: Ctx, reply: str, note: bool = False) -> str:
    """A dangerous situation in the text (power line, fallen tree, pesticide, lime, fire): its safety line
    opens the reply, before the ticket's number; with ``note``, what the FAQ says of such questions (who
    decides on money and land, the law on felling) follows it."""
    result = escalation.faq_result(ctx) if _text(ctx) else None
    if result is None:
        return reply
    extra = result.answer_text if note and result.kind == "escalate" else ""
    if not (result.safety or extra):
        return reply
    return "\n".join(part for part in (result.safety, reply.strip(), extra) if part)


def _adviser_unread(ctx: Ctx) -> str:
    """An adviser's words the bot did not read (an answer without its number, a note) are no question for the adviser
    themselves: how to answer, list and sign in instead; sim71: while a sign-in waits for its village (outside every
    one), that it is not recorded yet and the villages to pick from, the commands left out (a phone's screen)."""
    waiting = visits.choosing_reminder(ctx)
    if waiting:
        return ctx.t("escalation.adviser_unread_short") + "\n" + waiting
    return ctx.t("escalation.adviser_unread")


def _office_unread(ctx: Ctx) -> str:
    """Round 53 (the lead, as the office in the simulator: '导出本月数据' became a question for an adviser): the office's
    words the bot did not read are no question for the advisers either; what it can do, and 问专家."""
    return ctx.t("escalation.office_unread") + "\n" + ctx.t("core.help_office", url=ctx.config.public_link("/admin/"))


# Staff whose words the bot did not read (a question it would send on, a voice without text): their role's reply, never
# a ticket; the first role the sender acts as answers (bot.identity.acts_as)
UNREAD_REPLIES = ((ADVISER, _adviser_unread), (ADMIN, _office_unread))
UNREAD_SOURCES = ("low_confidence", "voice")


def _open(ctx: Ctx, question: str, source: str, media_row_ids: list[int | None]) -> str:
    if source in UNREAD_SOURCES:
        reply = next((reply for role, reply in UNREAD_REPLIES if acts_as(ctx.person, (role,))), None)
        if reply is not None:
            return _safety_first(ctx, reply(ctx))  # a danger told still gets its safety line
    return _safety_first(ctx, _open_ticket(ctx, question, source, media_row_ids), note=True)


def _open_ticket(ctx: Ctx, question: str, source: str, media_row_ids: list[int | None]) -> str:
    repeated = (
        None if source == "voice" else escalation.asked_again_ticket(ctx.app, ctx.db, ctx.openid, question, ctx.now)
    )
    if repeated:
        return _asked_again(ctx, repeated, media_row_ids)
    limit = escalation.over_hourly_limit(ctx.app, ctx.db, ctx.openid, ctx.now)
    if limit:
        return ctx.t("escalation.rate_limited", n=limit)
    ticket = escalation.open_ticket(
        ctx.app,
        ctx.db,
        openid=ctx.openid,
        person=ctx.person,
        village_id=_village_id(ctx),
        question=question,
        source=source,
        media_row_ids=[m for m in media_row_ids if m],
        now=ctx.now,
        danger=_danger_read(ctx),
        route=_route(ctx, question, source),
    )
    photos = sum(1 for a in tickets_store.attachments(ctx.db, ticket["id"]) if a["media_kind"] == "image")
    attached = ctx.t("escalation.photos_attached", n=photos) if photos > 0 else ""
    minutes = ctx.config.get("escalation.attach_minutes")
    if escalation.route_of(ticket) != escalation.ROUTE_ADVISER:  # round 100: who it went to, said
        to = escalation.holder_words(ctx.app, ctx.db, ticket)
        return ctx.t("escalation.opened_village", id=ticket["id"], to=to, attached=attached, minutes=minutes)
    return ctx.t("escalation.opened", id=ticket["id"], attached=attached, minutes=minutes)


def _route(ctx: Ctx, question: str, source: str) -> str:
    """Round 100: whose the new ticket is (``escalation.route_for``), by the FAQ's reading of the message (问专家's
    question read alone: the command's reading is 'asked_expert'; esc101: read ahead in the request thread,
    ``_warm_question``, and found kept here); a voice without text is the adviser's."""
    if source == "voice" or not _text(ctx):
        return escalation.ROUTE_ADVISER
    if source == "explicit":
        reason = escalation.faq_match(ctx.app, ctx.db, question).reason if question else None
    else:
        reason = escalation.faq_result(ctx).reason
    return escalation.route_for(reason, source, question)


def _danger_read(ctx: Ctx) -> bool | None:
    """Whether the FAQ's reading of this text, the one whose safety line opens the reply, had one (the new ticket's
    notice is marked ⚠ from it, not read again: round 48); None for a voice without text."""
    return bool(escalation.faq_result(ctx).safety) if _text(ctx) else None


def _asked_again(ctx: Ctx, again: escalation.AskedAgain, media_row_ids: list[int | None]) -> str:
    """The question asked again (``escalation.asked_again_ticket``): no new ticket, and one decision of the reply. What
    is new joins the ticket as 补充: a photo or voice that came with it, and the words when they are other words (round
    59), whose reply is the 补充's (they were added to the question); the same words add nothing, and the reply says the
    question is with the adviser already (the adviser hears of it once)."""
    ticket = again.ticket
    if again.new_words:
        escalation.add_supplement(ctx.app, ctx.db, ticket, text=again.new_words, media_row_id=None, now=ctx.now)
    media = [m for m in dict.fromkeys(media_row_ids) if m]
    for media_row_id in media:
        escalation.add_supplement(ctx.app, ctx.db, ticket, text=None, media_row_id=media_row_id, now=ctx.now)
    if not (media or again.new_words):
        escalation.asked_again(ctx.db, ticket, ctx.now)
    photos = sum(1 for m in media if (row := media_store.get(ctx.db, m)) is not None and row["kind"] == "image")
    attached = ctx.t("escalation.photos_attached", n=photos) if photos else ""
    if again.new_words:
        return ctx.t("escalation.supplement_added", id=ticket["id"]) + attached
    if escalation.route_of(ticket) != escalation.ROUTE_ADVISER:  # round 100: with the village, not an adviser
        to = escalation.holder_words(ctx.app, ctx.db, ticket)
        return ctx.t("escalation.asked_again_village", id=ticket["id"], to=to, attached=attached)
    return ctx.t("escalation.asked_again", id=ticket["id"], attached=attached)


def _voice_ticket(ctx: Ctx, extra_media: Sequence[int | None] = ()) -> str:
    return _open(ctx, ctx.t("escalation.voice_question"), "voice", [_current_media(ctx), *extra_media])


# -- adviser commands ------------------------------------------------------------------------------
ANSWER_REPLIES = {
    "answered": "escalation.answered",
    "answered_village": "escalation.answered_village",  # round 100: no 收录 offered
    "taken_over": "escalation.taken_over_village",  # tidy80: the village's other cadre, after the ticket's wait
    "unknown": "escalation.unknown_ticket",
    "closed": "escalation.ticket_closed",
    "already_answered": "escalation.already_answered_other",
    "not_allowed": "escalation.not_your_ticket",
    "empty": "escalation.empty_answer",
}
FAQ_ADD_REPLIES = {
    "added": "escalation.faq_added",
    "unknown": "escalation.unknown_ticket",
    "not_allowed": "escalation.not_your_ticket",
    "not_answered": "escalation.faq_not_answered",
    "already": "escalation.faq_already",
    "needs_question": "escalation.faq_needs_question",
    "village_matter": "escalation.faq_village_matter",
}


# 答, 待办 and 收录: advisers and admins bound with proof (bot/identity.py); round 100: and a village's cadres, who hold its
# tickets (money, land …: escalation.route_for)
staff_only = staff(TICKET_ROLES, refusal="escalation.not_adviser")


USAGE = ("usage",)  # a matcher's result: the command without a ticket number


def _ticket_command(parse, act, replies: dict, word: str, usage: str):
    """``答`` and ``收录``: parse '<命令> <编号> <rest>', act on the ticket as the sending staff member, and
    reply by the result's reason; the command without a number, from staff, gets its format (``usage``)."""

    def words(ctx: Ctx):
        """The text alone: the parsed command, or ``USAGE`` for the bare command word (read ahead: bot/router.py)."""
        text = _text(ctx)
        if not text:
            return None
        parsed = parse(text)
        if parsed is not None:
            return Decided(parsed)
        if escalation.ticket_pointed(text):
            return None  # sim70: '答 最新 …', '答 第一条 …': a ticket pointed at (ticket_pointed names it)
        return USAGE if escalation.bare_command(text) == word else None

    def from_staff(ctx: Ctx, parsed):
        # the usage only for staff: from anyone else the bare word goes on to the other routes
        return parsed if acts_as(ctx.person, TICKET_ROLES) else None

    matches = staged(words, from_staff)

    @staff_only
    def handle(ctx: Ctx, parsed) -> str:
        if parsed is USAGE:
            return ctx.t(usage)
        ticket_id, rest = parsed
        if ticket_id is None:
            return ctx.t("core.no_such_number")
        result = act(ctx.app, ctx.db, ticket_id, rest, by_person=ctx.person, now=ctx.now)
        ticket = getattr(result, "ticket", None)
        village = ticket is not None and escalation.route_of(ticket) == escalation.ROUTE_VILLAGE
        return ctx.t(replies.get(f"{result.reason}_village" if village else "", replies[result.reason]), id=ticket_id)

    return matches, handle


_match_answer, _on_answer = _ticket_command(
    escalation.parse_answer_command, escalation.answer_ticket, ANSWER_REPLIES, "答", "escalation.answer_usage"
)
CORRECT_REPLIES = {
    "corrected": "escalation.corrected",
    "corrected_quietly": "escalation.corrected_quietly",
    "unknown": "escalation.unknown_ticket",
    "not_allowed": "escalation.not_your_answer",
    "not_answered": "escalation.correct_not_answered",
    "reopened": "escalation.correct_reopened",
    "empty": "escalation.correct_usage_for",
    "same": "escalation.correct_same",
}
# sim69: 补充, an addition to an answer sent (the answer kept whole)
SUPPLEMENT_REPLIES = {
    **CORRECT_REPLIES,
    "added": "escalation.supplemented",
    "added_quietly": "escalation.supplemented_quietly",
    "not_allowed": "escalation.not_your_answer_to_add",
    "not_answered": "escalation.supplement_not_answered",
    "reopened": "escalation.supplement_reopened",
    "empty": "escalation.supplement_usage_for",
}
# 答 on a ticket answered already (or closed after its answer), from one who may correct it: how to correct
ANSWERED_HINTS = {"already_answered": "escalation.already_answered", "closed": "escalation.ticket_closed_correctable"}


def _correct(ctx: Ctx, ticket_id: int, text: str) -> str:
    result = escalation.correct_answer(ctx.app, ctx.db, ticket_id, text, by_person=ctx.person, now=ctx.now)
    reply = ctx.t(CORRECT_REPLIES[result.reason], id=ticket_id, days=int(ctx.config.get("escalation.reopen_days")))
    return reply + "\n" + ctx.t("escalation.corrected_faq", id=ticket_id) if result.faq_updated else reply


def _supplement(ctx: Ctx, ticket_id: int, text: str) -> str:
    result = escalation.supplement_answer(ctx.app, ctx.db, ticket_id, text, by_person=ctx.person, now=ctx.now)
    return ctx.t(SUPPLEMENT_REPLIES[result.reason], id=ticket_id, days=int(ctx.config.get("escalation.reopen_days")))


def _answered_ticket(ctx: Ctx, ticket_id: int | None) -> dict | None:
    """The ticket, when it has an answer that is not waiting for the next one (answered, or closed after it)."""
    ticket = tickets_store.get(ctx.db, ticket_id) if ticket_id is not None else None
    return ticket if ticket and ticket["answer"] and ticket["status"] != "open" else None


@staff_only
def on_answer(ctx: Ctx, parsed) -> str:
    """答 <编号> <回答>; on a ticket answered already, ``答 84 更正：…`` (改正 …) is its correction, and a plain answer is
    told how to correct (``更正``): 答 never overwrites an answer."""
    if parsed is not USAGE and parsed[0] is not None:
        ticket_id, rest = parsed
        correction = escalation.correction_in_answer(rest)
        addition = escalation.supplement_in_answer(rest)  # sim69: '答 75 补充：要睇相先知'
        ticket = _answered_ticket(ctx, ticket_id)
        if ticket is not None:
            if correction is not None:
                return _correct(ctx, ticket_id, correction)
            if addition is not None:
                return _supplement(ctx, ticket_id, addition)
            if escalation.may_correct(ticket, ctx.person, None):
                return ctx.t(
                    ANSWERED_HINTS["closed" if ticket["status"] == "closed" else "already_answered"], id=ticket_id
                )
    return _on_answer(ctx, parsed)


class Supplement(NamedTuple):
    """Sim69: 补充 <编号> <内容>, read by the 更正 route (one command family: what an adviser does to an answer sent)."""

    ticket_id: int | None
    text: str


def _match_correct_words(ctx: Ctx):
    """更正 <编号> <新的回答> (改正 …), or the bare word with no number ('更正 是缺铁': its format), read from the text."""
    text = _text(ctx)
    if not text:
        return None
    parsed = escalation.parse_correct_command(text)
    if parsed is not None:
        return Decided(parsed)
    added = escalation.parse_supplement_command(text)  # sim69: 补充 <编号> <内容>, said as 更正 is
    if added is not None:
        return Decided(Supplement(*added))
    return USAGE if escalation.bare_command(text) == "更正" else None


def _correct_from_staff(ctx: Ctx, parsed):
    return parsed if acts_as(ctx.person, TICKET_ROLES) else None


_match_correct = staged(_match_correct_words, _correct_from_staff)


@staff_only
def on_correct(ctx: Ctx, parsed) -> str:
    """更正 <编号> <新的回答>: the answering adviser's (or an admin's) correction, delivered to the villager."""
    if parsed is USAGE:
        return ctx.t("escalation.correct_usage")
    ticket_id, text = parsed
    if ticket_id is None:
        return ctx.t("core.no_such_number")
    if isinstance(parsed, Supplement):
        return _supplement(ctx, ticket_id, text)
    return _correct(ctx, ticket_id, text)


_match_add_faq, on_add_faq = _ticket_command(
    escalation.parse_add_faq_command, escalation.add_answer_to_faq, FAQ_ADD_REPLIES, "收录", "escalation.faq_usage"
)


def _numbered_answer(ctx: Ctx):
    """An answer without 答 ('84 死了的挖掉重种', '84号：…', '回复84 …'), read from the text alone."""
    text = _text(ctx)
    return escalation.parse_numbered_answer(text) if text else None


def _waiting_for_sender(ctx: Ctx, parsed):
    """Only staff's, and only when the number names a ticket waiting for them, or, named plainly ('回复84 …', '84号：…'),
    one they answered themselves (answered or closed after it: told how to correct, or corrected when it says 更正) or
    another's still open (round 56: told it is not theirs, as with 答): any other number stays what it was (a count, a
    question that starts with a number)."""
    if ctx.person is None or not acts_as(ctx.person, TICKET_ROLES):
        return None
    if escalation.waits_for(ctx.db, ctx.person, parsed[0]):
        return parsed
    ticket = tickets_store.get(ctx.db, parsed[0]) if parsed[0] is not None else None
    if ticket is not None and escalation.may_take_over(ctx.app, ticket, ctx.person, ctx.now):
        # tidy81: the village's other cadre after the ticket's wait (tidy80), as its holder's own '84号 …'
        return parsed
    if not acts_as(ctx.person, ANSWERER_ROLES):
        return None  # round 100: a cadre's '2号地块种了30棵' is their village's work, unless ticket 2 waits for them
    if not escalation.names_ticket_plainly(_text(ctx) or ""):
        return None
    if _closed_by_sender(ctx, parsed[0]):  # round 54: one they closed unanswered ('84号唔使答'), answered after all
        return parsed
    if escalation.is_open(ctx.db, parsed[0]):  # round 56: a colleague's, named plainly: refused by on_answer, as 答 84
        return parsed
    ticket = _answered_ticket(ctx, parsed[0])  # their own answer only (an admin's '第2号记录…' stays a question)
    return parsed if ticket is not None and ticket["answered_by_person_id"] == ctx.person["id"] else None


def _closed_by_sender(ctx: Ctx, ticket_id: int) -> bool:
    """A ticket the sending adviser closed unanswered within escalation.reopen_days (``escalation.reopens_for_closer``)."""
    ticket = tickets_store.get(ctx.db, ticket_id)
    since = escalation.reopen_window_start(ctx.app, ctx.now)
    return ticket is not None and escalation.reopens_for_closer(ticket, ctx.person, since)


def _answerable(ctx: Ctx, ticket_id: int) -> str:
    """Round 54: to the adviser who closed it unanswered, that they may still answer it (``_closed_by_sender``)."""
    return ctx.t("escalation.closed_answerable", id=ticket_id, days=int(ctx.config.get("escalation.reopen_days")))


def _instruction_said(ctx: Ctx) -> tuple[int, str, str] | None:
    """A ticket's number and what is said of it ('84号答咗未', '84号唔使答'), read from the text alone."""
    text = _text(ctx)
    return escalation.ticket_instruction(text) if text else None


def _instruction_from_staff(ctx: Ctx, said: tuple[int, str, str]) -> tuple[int, str, str] | None:
    """Staff's only: from a villager the words go on (their own questions asked after: ``ticket_wait``); round 100: a
    cadre's only of a ticket they hold or answered (their own question asked after is a villager's)."""
    if acts_as(ctx.person, ANSWERER_ROLES):
        return said
    person = ctx.person if acts_as(ctx.person, TICKET_ROLES) else None
    ticket = tickets_store.get(ctx.db, said[0]) if person else None
    held = person and ticket and person["id"] in (ticket["adviser_person_id"], ticket["answered_by_person_id"])
    return said if held else None


@staff_only
def on_ticket_instruction(ctx: Ctx, said: tuple[int, str, str]) -> str:
    """Round 53: said of a ticket by its number, to the bot, never an answer: a ticket waiting for the sender is closed
    unanswered ('唔使答'), passed on ('转给管理员', '我答唔到'), or left in 待办 ('我睇下先'); otherwise, and when its
    state is asked ('答咗未'), where it stands."""
    assert ctx.person is not None  # @staff_only
    ticket_id, kind, words = said
    if kind != "state" and escalation.waits_for(ctx.db, ctx.person, ticket_id):
        if kind == "dismissed":  # the adviser's words, without the number, are the reason kept
            result = escalation.close_ticket(ctx.app, ctx.db, ticket_id, words, by_person=ctx.person, now=ctx.now)
            assert result.ok  # waiting for the sender: open, and theirs to close
            return ctx.t("escalation.dismissed", id=ticket_id) + "\n" + _answerable(ctx, ticket_id)
        if kind in ("passed_on", "to_admins"):
            owner = escalation.pass_on(
                ctx.app, ctx.db, ticket_id, ctx.now, to_admins=kind == "to_admins", by=ctx.person
            )
            who = owner["name"] if owner else ctx.t("escalation.admin_name")
            return ctx.t("escalation.passed_on", id=ticket_id, who=who)
        if kind == "not_followed":  # the lead (forty-second session): never sent; how to ask the villager for more
            return ctx.t("escalation.not_followed", id=ticket_id)
        return ctx.t("escalation.later", id=ticket_id)
    return _ticket_state(ctx, ticket_id)


def _pointed_said(ctx: Ctx) -> tuple[int | None, str] | None:
    """A ticket pointed at with no number ('第一条我唔识答 转俾其他专家'), read from the text alone."""
    text = _text(ctx)
    return escalation.ticket_pointed(text) if text else None


def _pointed_by_staff(ctx: Ctx, said: tuple[int | None, str]):
    """Staff's only, with questions waiting for them: (what was said, their 待办 in its order)."""
    if ctx.person is None or not acts_as(ctx.person, TICKET_ROLES):
        return None
    tickets = escalation.open_tickets_for(ctx.db, ctx.person)
    return (said, escalation.urgent_first(ctx.app, tickets)[0]) if tickets else None


@staff_only
def on_ticket_pointed(ctx: Ctx, found) -> str:
    """The lead (thirty-ninth session): a ticket pointed at by its place in 待办 or as 'this one'. With one question
    waiting, what is said of it to the bot (passed on, no answer needed, later, asked after) is done; an answer is
    never sent from a place (a villager might get another's answer): the number asked for, the ticket at that place
    named ('您说的第一条是第3号问题吗？…')."""
    (place, rest), tickets = found
    kind = escalation.instruction_in(rest)
    if kind and len(tickets) == 1 and place in (None, 1, escalation.NEWEST):
        return on_ticket_instruction(ctx, (tickets[0]["id"], kind, rest))
    if place == escalation.NEWEST:  # sim70: '答 最新 …': the newest waiting named, its number asked for
        which = ctx.t("escalation.pointed_newest")
        return ctx.t(
            "escalation.pointed_which", which=which, id=_newest(tickets)["id"], rest=escalation.preview(rest, 20)
        )
    shown = tickets[:QUEUE_LINES]
    if place is not None and 1 <= place <= len(shown) or place is None and len(tickets) == 1:
        ticket_id = shown[(place or 1) - 1]["id"]
        which = ctx.t("escalation.pointed_place", n=place) if place else ctx.t("escalation.pointed_this")
        return ctx.t("escalation.pointed_which", which=which, id=ticket_id, rest=escalation.preview(rest, 20))
    return ctx.t("escalation.pointed_number", id=tickets[0]["id"], rest=escalation.preview(rest, 20))


def _described_said(ctx: Ctx) -> str | None:
    """Conv96: one question pointed at by what it asked, to be looked at ('村民问桂花黄叶嗰条 我想再睇下')."""
    return nlu.ticket_described(text_normalized(ctx)) if ctx.msg.msg_type == "text" else None


def _described_for_staff(ctx: Ctx, what: str) -> list[dict] | None:
    """Staff's only, with questions waiting for them: those whose question is what was said (``_asked_of``), or, none
    being so, every one waiting (the 待办)."""
    if ctx.person is None or not acts_as(ctx.person, TICKET_ROLES):
        return None
    tickets = escalation.open_tickets_for(ctx.db, ctx.person)
    if not tickets:
        return None
    return [t for t in tickets if _asked_of(ctx, t, what)] or tickets


def _asked_of(ctx: Ctx, ticket: dict, what: str) -> bool:
    """Does the ticket's question (and its 补充) ask ``what``: its tree, if it names one, and every other character
    of it ('桂花黄叶' of '我家桂花叶子发黄还掉叶')?"""
    table = planting.species_table(ctx.app)
    asked = nlu.normalize(" ".join(escalation.ticket_texts(ctx.db, ticket)))
    tree, named = nlu.find_species(what, table)
    if tree and tree not in asked and named not in asked:
        return False
    rest = what.replace(named, "") if named else what
    return all(char in asked for char in rest)


@staff_only
def on_ticket_described(ctx: Ctx, tickets: list[dict]) -> str:
    """Conv96: the one question that matches shown as its number shows it ('84号'); several: those, as 待办 lists."""
    if len(tickets) == 1:
        return _ticket_state(ctx, tickets[0]["id"])
    return _queue_reply(ctx, tickets)


def _newest(tickets: list[dict]) -> dict:
    """The question waiting that came last (the highest number)."""
    return max(tickets, key=lambda t: t["id"])


def _newest_said(ctx: Ctx) -> bool:
    """Sim70: the newest question waiting asked to be shown ('睇下最新嗰个'), read from the text alone."""
    return escalation.newest_shown(_text(ctx) or "")


def _newest_for_staff(ctx: Ctx, _said) -> list[dict] | None:
    """Staff's only, with questions waiting for them."""
    if ctx.person is None or not acts_as(ctx.person, TICKET_ROLES):
        return None
    return escalation.open_tickets_for(ctx.db, ctx.person) or None


def on_newest_shown(ctx: Ctx, tickets: list[dict]) -> str:
    """Sim70 (an adviser on the phone): the newest question waiting, shown as its number asks it ('84号')."""
    return _ticket_state(ctx, _newest(tickets)["id"])


def _ticket_state(ctx: Ctx, ticket_id: int) -> str:
    """Where a ticket stands, for the adviser it is assigned to, the one who answered it or a 管理员: waiting (since
    when, what was asked, how to answer), answered (by whom, when, the answer) or ended unanswered."""
    assert ctx.person is not None
    ticket = tickets_store.get(ctx.db, ticket_id)
    if ticket is None:
        return ctx.t("escalation.unknown_ticket", id=ticket_id)
    if not (escalation.may_answer(ticket, ctx.person, None) or ticket["answered_by_person_id"] == ctx.person["id"]):
        return ctx.t("escalation.not_your_ticket", id=ticket_id)
    if ticket["status"] == "open":
        return ctx.t(
            "escalation.state_waiting",
            id=ticket_id,
            village=escalation.village_name(ctx.app, ctx.db, ticket["village_id"]),
            age=clock.ago(ctx.t, clock.from_db(ticket["created_at"]), ctx.now, ctx.app.tz),
            question=escalation.preview(ticket["question"], 30),
        )
    if not ticket["answer"] and ticket["closed_by"]:  # closed by staff, or withdrawn by its villager
        reason = escalation.preview(ticket["close_reason"] or "", 30)
        state = ctx.t("escalation.state_closed_unanswered", id=ticket_id, by=ticket["closed_by"], reason=reason)
        return state + "\n" + _answerable(ctx, ticket_id) if _closed_by_sender(ctx, ticket_id) else state
    if not ticket["answer"]:
        return ctx.t("escalation.state_ended_unanswered", id=ticket_id)
    return ctx.t(
        "escalation.state_answered",
        id=ticket_id,
        who=ticket["answered_by"] or ctx.t("escalation.admin_name"),
        age=clock.ago(ctx.t, clock.from_db(ticket["answered_at"]), ctx.now, ctx.app.tz),
        answer=escalation.preview(ticket["answer"], 40),
    )


_queue_words = text_is("escalation.commands.queue")


def _queue_ahead(ctx):
    """待办 in its words decides; the queue asked otherwise ('有什么问题要我回答', '村民问了什么':
    ``nlu.queue_asked``) is the staff's only (from a villager it is a question of theirs)."""
    if _queue_words(ctx):
        return Decided(True)
    text = _text(ctx) or ""
    if not text:
        return False
    table = planting.species_table(ctx.app)
    if visits.sign_in_then_queue(text, ctx.app.messages.words("visits.commands.sign_in"), table):
        return False  # round 68: 签到 said first, the queue after it: the visit's, with the queue (handlers/visits.py)
    if len(text) <= 30 and nlu.queue_asked(text_normalized(ctx), table):
        return True
    # round 76: why it is empty asked ('点解我个待办系空嘅'), a question wished answered with no number ('我想答返埔心村
    # 阿婆嗰个桂花问题': the tree named is the adviser's, not a question of theirs)
    if nlu.queue_empty_asked(text_normalized(ctx)) or nlu.answer_wished(text_normalized(ctx)):
        return True
    # round 22: asked at the end of a few clauses ('刚下车 看看埔心那边有没有人问东西还没答')
    return any(nlu.queue_asked(tail, table) for tail in message_tails(ctx))


def _queue_from_staff(ctx: Ctx, _asked) -> bool:
    return acts_as(ctx.person, TICKET_ROLES)


def _wait_ahead(ctx: Ctx) -> Any:
    """Asked after a question already sent ('我问的还没人回', '还有几条没回'), in a short text (``nlu.wait_asked``);
    round 56: or how to go on, asked bare ('我应该点做': ``GO_ON``), which only a ticket in its 补充 window makes so."""
    text = _text(ctx) or ""
    if not text or len(text) > 30:
        return False
    table = planting.species_table(ctx.app)
    if nlu.wait_asked(text_normalized(ctx), table):
        return True
    # round 65 (20s): asked after an aside (a greeting of the time of day: '早晨 专家睇到未'), nothing else said
    after_asides = nlu.without_leading_asides(text)
    if after_asides != text and nlu.wait_asked(nlu.normalize(after_asides), table):
        return True
    if nlu.call_said(nlu.normalize(text)):  # (喂 alone is a filler to the readers of requests: read before them)
        return CALLED  # round 66 (20v): '喂', '在吗' just after a question went to the adviser
    if nlu.thanks_alone(nlu.normalize(text)):
        return THANKED  # round 71 (21e): '多谢' just after a question went to the adviser
    return GO_ON if nlu.go_on_asked(text_normalized(ctx)) else False


GO_ON = "go_on"  # _wait_ahead's reading: how to go on asked, not the waiting
CALLED = "called"  # _wait_ahead's reading: a bare call ('喂', '在吗'), the question just sent asked after
THANKED = "thanked"  # _wait_ahead's reading: thanks alone, for the question just sent (its waiting, thanked back)


@dataclasses.dataclass(frozen=True)
class Waiting:
    """A villager's open tickets asked after, oldest first (none: no question waits); always a match. With none open,
    the one answered within ``escalation.reopen_days`` (round 53: its answer told again), if any."""

    tickets: tuple[dict, ...]
    answered: dict | None = None
    go_on: bool = False  # round 56: what to do now asked, just after the question went (its safety line again)
    thanked: bool = False  # round 71: thanks alone, just after the question went ('you're welcome' and its waiting)


def _waiting_tickets(ctx: Ctx, _asked) -> Waiting | None:
    """A villager's (not staff: their words are the queue's) open tickets, oldest first (round 22: [] when there are
    none: no question waits, said so, never a ticket made of the asking); None for staff."""
    if acts_as(ctx.person, ANSWERER_ROLES):
        return None
    if planting.record_state_asked(ctx):
        return None  # conv96: '等咗好耐都冇人覆 头先嗰两棵荔枝记咗未': the record just finished, recorded_asked's
    if _asked in (GO_ON, CALLED, THANKED):  # only a question in its 补充 window is what 'what do I do now' asks after
        # (else the help's), or what a bare call asks after (round 66; else the chit-chat's greeting), or what thanks
        # alone are for (round 71; else the chit-chat's 'you're welcome')
        just_asked = escalation.open_in_window(ctx)
        ordered = tuple(sorted(just_asked, key=lambda t: t["id"]))
        return Waiting(ordered, go_on=_asked == GO_ON, thanked=_asked == THANKED) if just_asked else None
    waiting = tickets_store.open_with_activity_since(ctx.db, ctx.openid, "", ctx.now_s)
    if waiting:
        return Waiting(tuple(sorted(waiting, key=lambda t: t["id"])))
    if nlu.photo_sent_unanswered(text_normalized(ctx)) and planting.collecting(ctx):
        return None  # round 75 (21m): '张相发咗好耐都冇人理' with no question open: the record's (what it waits for)
    return Waiting((), escalation.reopenable_ticket(ctx.app, ctx.db, ctx.openid, ctx.now))


# the FAQ's entry on how long an adviser takes (messages/faq/campaign.toml): the waiting explained
TICKET_WAIT_ENTRY = "bot.ticket_wait"


def on_ticket_wait(ctx: Ctx, asked: Waiting) -> str:
    """Which of the villager's questions still wait, then the FAQ's answer on how long an adviser takes (the entry
    ``bot.ticket_wait``): no new ticket, no 补充. With none open: the answer of one answered lately, told again, or
    that no question waits, and how to ask one."""
    waiting = asked.tickets
    if not waiting and asked.answered:
        # round 53 (the lead, in the simulator: '我84号问题答咗未' half an hour after the answer got 'none waits'): the
        # answer that came is told again, for one who missed it
        ticket = asked.answered
        return ctx.t(
            "escalation.answered_already",
            id=ticket["id"],
            age=clock.ago(ctx.t, clock.from_db(ticket["answered_at"]), ctx.now, ctx.app.tz),
            answer=escalation.preview(ticket["answer"], 60),
        )
    if not waiting:
        return ctx.t("escalation.nothing_waiting")
    ids = "、".join(str(ticket["id"]) for ticket in waiting)
    if asked.thanked:  # round 71: thanks for the question just sent: welcome, and where its answer will come
        return ctx.t("escalation.thanks_waiting", ids=ids)
    advisers = [ticket for ticket in waiting if escalation.route_of(ticket) == escalation.ROUTE_ADVISER]
    # the FAQ's answer on how long an adviser takes, only when an adviser holds one of them
    entry = ctx.app.service("faq", escalation.load_faq_index).entry(TICKET_WAIT_ENTRY) if advisers else None
    lines = [_still_waiting(ctx, waiting, ids, advisers), entry.answer.strip() if entry else ""]
    if asked.go_on:  # round 56: a danger told just now has its safety line again, first
        lines.insert(0, escalation.safety_lines(ctx.app, waiting[-1]["question"] or ""))
    return "\n".join(line for line in lines if line)


def _still_waiting(ctx: Ctx, waiting: Sequence[dict], ids: str, advisers: list[dict]) -> str:
    """Which questions wait, and for whom when not every one waits for an adviser (round 100: the village's cadre or
    the office holds some; the lead, forty-ninth session: '还在等技术顾问回答' had been said of them too)."""
    if len(advisers) == len(waiting):
        return ctx.t("escalation.still_waiting", ids=ids)
    parts = "、".join(
        ctx.t(
            "escalation.still_waiting_part",
            id=ticket["id"],
            to=ctx.t("escalation.holder_adviser")
            if escalation.route_of(ticket) == escalation.ROUTE_ADVISER
            else escalation.holder_words(ctx.app, ctx.db, ticket),
        )
        for ticket in waiting
    )
    return ctx.t("escalation.still_waiting_held", parts=parts)


def _advisers_ahead(ctx: Ctx) -> bool:
    text = _text(ctx) or ""
    return bool(text) and escalation.advisers_asked(text_normalized(ctx))


def _from_office(ctx: Ctx, _asked: bool) -> bool | None:
    """Only the campaign office (管理员): anyone else's words go on (an adviser's are their 待办)."""
    return True if acts_as(ctx.person, (ADMIN,)) else None


def on_advisers(ctx: Ctx, _match) -> str:
    """Round 53: the advisers' answering this month, for the office."""
    return escalation.advisers_text(ctx.app, ctx.db, ctx.now)


@staff_only
def on_queue(ctx: Ctx, _match) -> str:
    assert ctx.person is not None  # @staff_only
    tickets = escalation.open_tickets_for(ctx.db, ctx.person)
    if not tickets:
        if nlu.queue_empty_asked(text_normalized(ctx) or ""):  # round 76: why it is empty, said
            return ctx.t("escalation.queue_empty") + "\n" + _queue_empty_why(ctx)
        return ctx.t("escalation.queue_empty")
    # round 72 (21g): a village named ('睇下埔心村啲问题'): that village's tickets only, the others counted
    village = village_named(text_normalized(ctx) or "", roster_store.kept_villages(ctx.db))
    if village is not None:
        of_village = [t for t in tickets if t["village"] == village["name"]]
        if not of_village:
            return ctx.t("escalation.queue_village_empty", village=village["name"], n=len(tickets))
        tickets = of_village
    # round 76 (21n): a question wished answered by its tree ('…阿婆嗰个桂花问题'): those naming the tree first
    norm = text_normalized(ctx) or ""
    tree = nlu.find_species(norm, planting.species_table(ctx.app))[1] if nlu.answer_wished(norm) else ""
    if tree:
        tickets = sorted(tickets, key=lambda t: tree not in (t["question"] or ""))
    return _queue_reply(ctx, tickets)


def _queue_reply(ctx: Ctx, tickets: list[dict]) -> str:
    """The 待办's lines of ``tickets`` (a danger first), with how to answer."""
    tickets, urgent = escalation.urgent_first(ctx.app, tickets)  # round 46: a danger told first, marked ⚠
    lines = [ctx.t("escalation.queue_header_urgent" if urgent else "escalation.queue_header", n=len(tickets))]
    for ticket in tickets[:QUEUE_LINES]:
        age = clock.ago(ctx.t, clock.from_db(ticket["opened_at"]), ctx.now, ctx.app.tz)
        follow_up = escalation.follow_up_question(ctx.app, ticket)
        question = (
            ctx.t("escalation.queue_follow_up", text=escalation.preview(follow_up, 30))
            if follow_up
            else escalation.preview(ticket["question"], 30)
        )
        lines.append(
            ctx.t(
                "escalation.queue_line_urgent" if ticket["id"] in urgent else "escalation.queue_line",
                id=ticket["id"],
                age=age,
                village=ticket["village"] or ctx.t("escalation.village_unknown"),
                question=question,
            )
        )
    if len(tickets) > QUEUE_LINES:
        lines.append(ctx.t("escalation.queue_more", n=len(tickets) - QUEUE_LINES))
    lines.append(ctx.t("escalation.queue_footer"))
    return "\n".join(lines)


def _queue_empty_why(ctx: Ctx) -> str:
    """Round 76: what the 待办 holds, when it is empty and why is asked: the questions of the adviser's villages the
    FAQ could not answer, until answered."""
    assert ctx.person is not None  # @staff_only
    if ctx.person["role"] in CADRE_ROLES:  # round 100: a cadre's 待办 holds the village's matters
        return ctx.t("escalation.queue_empty_why_cadre")
    villages = "、".join(v["name"] for v in roster_store.villages_of_adviser(ctx.db, ctx.person["id"]))
    return ctx.t("escalation.queue_empty_why", villages=villages or ctx.t("escalation.village_unknown"))


# -- villager: asking ------------------------------------------------------------------------------
@pure
def _match_ask_expert(ctx: Ctx):
    text = _text(ctx)
    question = escalation.parse_ask_expert(text) if text else None
    return None if question is None else (question,)


def _warm_question(reading) -> None:
    """Esc101: ``问专家 <问题>``'s question alone, matched in the request thread (bot/router.py ``warmed_by``): whose the
    ticket is (``_route``) is the FAQ's reading of it, which the writer then finds kept instead of matching it under
    its lock (the whole text is the FAQ routes' to warm)."""
    text = (reading.msg.text or "").strip() if reading.msg.msg_type == "text" else ""
    for question in escalation.faq_also_read(text):
        escalation.read_faq_ahead(reading.app, question)


def _same_tree_ticket(ctx: Ctx, match):
    """问专家 <问题> about the tree of the villager's ticket still open within its 补充 window ('问专家 桂花叶子还在掉'
    after a question on the 桂花's leaves): that ticket, for a 补充 (the same question asked again, in the same words or
    in others, is ask_expert's: one ticket, its number again; a photo just sent goes with ask_expert's ticket)."""
    (question,) = match
    if not escalation.worth_a_ticket(question) or planting.pending_photos(ctx) or _free_photos_when_matching(ctx):
        return None
    tickets = supplementable_when_matching(ctx)
    if not tickets or escalation.asked_again_ticket(ctx.app, ctx.db, ctx.openid, question, ctx.now):
        return None  # asked again, in the same words or in others: ask_expert's (``_open_ticket``), one reply
    table, others = planting.species_table(ctx.app), planting.offlist_names(ctx.app)
    # round 67 (20x): a cause guessed, naming no tree ('问专家 系咪淋水太多' after '香樟苗叶黄黄'): the ticket's own tree
    no_tree = not nlu.find_all_species(question, table, others)
    guessed = nlu.cause_guessed(nlu.normalize(question)) and no_tree
    return next(
        (
            ticket
            for ticket in tickets
            if guessed
            or escalation.about_same_tree(question, texts := escalation.ticket_texts(ctx.db, ticket), table, others)
            # round 70 (21c): its trouble told again, no tree named ('问专家 啲虫系白色嘅' after '问专家 桂花生虫')
            or (no_tree and (nlu.same_symptom(question, texts) or nlu.same_pest(question, texts)))
        ),
        None,
    )


def on_ask_expert_supplement(ctx: Ctx, ticket) -> str:
    (question,) = _match_ask_expert(ctx)
    ASK_FLOW.end(ctx)
    escalation.add_supplement(ctx.app, ctx.db, ticket, text=question, media_row_id=_current_media(ctx), now=ctx.now)
    return _safety_first(ctx, ctx.t("escalation.supplement_added", id=ticket["id"]))


def _not_asked_again(ctx: Ctx, match):
    """问专家 <问题> unless it asks the question of a ticket still open again (round 72, 21h: ticket_repeat's, the one
    ticket's number, as the same words sent without 问专家 are answered)."""
    (question,) = match
    if escalation.worth_a_ticket(question) and _repeat_then(ctx, True):
        return None
    return match


def on_ask_expert(ctx: Ctx, match) -> str:
    (question,) = match
    if not escalation.worth_a_ticket(question):
        ASK_FLOW.enter(ctx, "waiting_question", {"photos": []})
        return ctx.t("escalation.ask_question")
    ASK_FLOW.end(ctx)
    return _open(ctx, question, "explicit", [_current_media(ctx), *_take_photos(ctx)])


def _is_image(ctx: Ctx, _state) -> bool:
    return ctx.msg.msg_type == "image"


def _is_question(ctx: Ctx, _state) -> bool:
    if ctx.msg.msg_type not in ("text", "voice"):
        return False
    text = _text(ctx)
    # 好的 / 嗯 while they think: let the chat answer it
    return text is None or (escalation.worth_a_ticket(text) and not nlu.is_chitchat(text))


def on_photo_for_question(ctx: Ctx, state, _match) -> str:
    ASK_FLOW.enter(ctx, "waiting_question", {"photos": [*state.data.get("photos", []), _current_media(ctx)]})
    return ctx.t("escalation.photo_kept")


def on_question(ctx: Ctx, state, _match) -> str:
    photos = list(state.data.get("photos", []))
    ASK_FLOW.end(ctx)
    if _is_silent_voice(ctx):
        return _voice_ticket(ctx, [*photos, *_take_photos(ctx)])
    question = _text(ctx)
    assert question is not None  # _is_question saw text
    return _open(ctx, question, "explicit", [_current_media(ctx), *photos, *_take_photos(ctx)])


# One handler per (state, input); the diagram is in docs/escalation.md.
ASK_TABLE = FlowTable(
    ASK_FLOW,
    (
        Step("waiting_question", "photo", _is_image, on_photo_for_question, to=("waiting_question",)),
        Step("waiting_question", "question", _is_question, on_question, to=(END,)),
    ),
)


@pure
def _resolved_ahead(ctx: Ctx) -> str | None:
    """'resolved' (解决了) or, round 52, 'withdrawn' (算了不用问了, 撤回刚才的问题)."""
    text = _text(ctx)
    if not text:
        return None
    if escalation.is_resolved(text):
        return "resolved"
    return "withdrawn" if escalation.question_withdrawn(text) else None


NO_TICKET = {"id": None}


def _ticket_to_close(ctx: Ctx, said: str):
    """The ticket the words close; 解决了 with none is told so (``NO_TICKET``), a withdrawal with none goes on (its
    words are then thanks or small talk: '不用回复了谢谢')."""
    ticket = escalation.ticket_to_close(ctx.app, ctx.db, ctx.openid, ctx.now, said == "withdrawn")
    return ticket or (NO_TICKET if said == "resolved" else None)


def on_resolved(ctx: Ctx, ticket: dict) -> str:
    if ticket is NO_TICKET:
        return ctx.t("escalation.nothing_to_resolve")
    if ticket["status"] == "open":  # round 52: a question solved or withdrawn before its answer
        who = (ctx.person or {}).get("name") or ctx.openid
        escalation.withdraw_question(ctx.app, ctx.db, ticket, who, ctx.now)
        return ctx.t("escalation.withdrawn", id=ticket["id"])
    escalation.resolve(ctx.db, ticket, ctx.now)
    return ctx.t("escalation.resolved", id=ticket["id"])


@pure
def _worth_a_ticket(ctx: Ctx) -> bool:
    """A text worth a ticket (``escalation.worth_a_ticket``): the pure part of the matchers below, read ahead
    (bot/router.py ``staged``: kept in the text's plan, so a repeated text is not read again in the writer)."""
    text = _text(ctx)
    return bool(text and escalation.worth_a_ticket(text))


def _repeat_then(ctx: Ctx, _worth: bool):
    """The question asked again within the 补充 window of the ticket that holds it, in the same words or in others (a
    villager who saw no answer yet: ``escalation.asked_again_ticket``); not after a new photo (the photo question then
    brings it to that ticket, ``_open_ticket``, read the same way)."""
    text = _text(ctx)
    assert text  # _worth_a_ticket
    # round 72 (21h): 问专家 with the question of the ticket still open ('问专家 我家桂花叶子发黄…' again): its question
    asked = escalation.parse_ask_expert(text)
    if asked is not None and not escalation.worth_a_ticket(asked):
        return None  # a bare 问专家: ask_expert asks for the question
    if (
        planting.pending_photos(ctx)
        or _free_photos_when_matching(ctx)
        or not _recent_when_matching(ctx)[1]  # no ticket open: none to repeat
    ):
        return None
    return escalation.asked_again_ticket(ctx.app, ctx.db, ctx.openid, asked or text, ctx.now)


def on_repeat(ctx: Ctx, again: escalation.AskedAgain) -> str:
    """The question asked again: the reply its ticket's first carried, the safety line first and what the FAQ puts
    under the number (the first aid, who decides on money) after it (round 48: the repeat had dropped the first aid);
    in other words, the FAQ's answer meanwhile too, as for any 补充 (``_faq_meanwhile``: '认养要钱吗' after '认养一棵要交多少钱')."""
    reply = _safety_first(ctx, _asked_again(ctx, again, [_current_media(ctx)]), note=True)
    return reply + _faq_meanwhile(ctx) if again.new_words else reply


_match_repeat = staged(_worth_a_ticket, _repeat_then)


def _photo_question_then(ctx: Ctx, _worth: bool) -> bool:
    """A question about the photo just sent ("看看这棵树怎么了"), before planting reads it as a record."""
    text = _text(ctx)
    assert text  # _worth_a_ticket
    if not (planting.pending_photos(ctx) or _free_photos_when_matching(ctx)):
        return False
    said = text_normalized(ctx)
    if planting.asked_of_the_record(said) and planting.collecting(ctx):
        # '这个怎么弄', '发完照片还要打字吗', '相发咗 点解冇反应', '记到未' right after the photo of a record: the record's
        # next step (handlers/planting.py), never the photo's question
        return False
    if nlu.progress_said(said, planting.species_table(ctx.app)) == "mine":
        return False  # round 66 (20v): one's own progress asked ('涯今年种够几多棵了'): progress's, never the photo's
    if nlu.attendance_asked(ctx.msg.text or ""):
        return False  # conv101 (22x: '顺便问下上次植树活动有冇记我出席'): one's attendance, never the photo's
    if nlu.what_is_this_asked(said):
        return True  # conv96 (22o: '呢样系咩嚟㗎'): what the photo shows asked, the adviser's with the photo
    if planting.collecting(ctx):
        # round 72 (21c): the photo's trees told, then one of them in trouble asked ('两棵木棉 其中一棵断咗枝 仲生唔生得'):
        # the record takes the report, the question after it (planting_text: bot/planting.py told_then_asked)
        told = planting.told_then_asked(text, planting.species_table(ctx.app), planting.offlist_names(ctx.app))
        if told is not None and told.troubled:
            return False
        # round 72 (21c): 'can't you tell?' then the trees ('你认唔出咩 桂花嚟嘅 一棵'): the answer to the record's question
        if nlu.without_rhetorical_lead(text) != text and isinstance(
            planting.read_whole(text, planting.species_table(ctx.app), planting.offlist_names(ctx.app)),
            nlu.PlantingText,
        ):
            return False
        # round 82 (21x, 21y): the tree's name searched for or told not known after the count ('三棵 嘢 叫咩嚟 石榴', '一棵
        # 唔知咩树 阿伯送嘅苗'): the report, with nothing else asked
        bare = nlu.without_spoken_fillers(text)
        searched = nlu.without_name_searched(bare)
        if searched != bare and not nlu.is_question(searched):
            return False
    if escalation.is_photo_question(text, escalation.symptom_words(ctx.app)):
        return True
    result = escalation.faq_result(ctx)  # not low confidence alone: '三株' or '黄皮' answers the planting record
    return result.reason == "diagnosis" or (result.kind == "escalate" and nlu.is_question(text))


_match_photo_question = staged(_worth_a_ticket, _photo_question_then)


def on_photo_question(ctx: Ctx, _match) -> str:
    question = _text(ctx)
    assert question is not None  # _match_photo_question saw text
    return _open(ctx, question, "photo", [_current_media(ctx), *_take_photos(ctx)])


def _photo_follow_up_then(ctx: Ctx, worth: bool):
    """sim62: a question about the photo just sent that follows up the answer the villager got within
    escalation.reopen_days ('喷了药还是有黑点' with a photo of the leaves, after the adviser's answer about the black
    spots; as ``_match_follow_up`` reads a text alone): that ticket, reopened with the photos. It had opened a new
    ticket, the earlier question and answer out of the adviser's sight."""
    if not _photo_question_then(ctx, worth):
        return None
    return _follow_up_then(ctx, worth)


def on_photo_follow_up(ctx: Ctx, ticket) -> str:
    photos = [m for m in dict.fromkeys([_current_media(ctx), *_take_photos(ctx)]) if m]
    escalation.follow_up(ctx.app, ctx.db, ticket, text=_text(ctx), media_row_ids=photos, now=ctx.now)
    reply = ctx.t("escalation.reopened", id=ticket["id"])
    if photos:
        reply += "\n" + ctx.t("escalation.photos_attached", n=len(photos))
    return _safety_first(ctx, reply)


def _supplementable(ctx: Ctx) -> list[dict]:
    return escalation.supplementable_tickets(ctx.app, ctx.db, ctx.openid, ctx.now)


def _match_media_supplement(ctx: Ctx):
    """A photo or a voice sent within escalation.attach_minutes of the villager's open ticket. A photo goes to a flow
    instead: to a planting record in progress (`问专家 …`, then `3棵桂花` + photo is a planting), and to any flow
    that waits for a photo and that the sender touched after the ticket's last activity (``conversation.photo_awaited``:
    管护, a survival check, 更新's photo, a visit's, a milestone's, asked for after the question went to the adviser)."""
    if ctx.msg.msg_type == "image" and planting.collecting(ctx):
        return None
    tickets = _supplementable(ctx) if ctx.msg.msg_type in ("image", "voice") else []
    if not tickets or ctx.msg.msg_type != "image":
        return tickets[0] if tickets else None
    latest = tickets[0]["activity_at"]
    if conversation.photo_awaited(ctx, ctx.app.flows, latest):
        return None
    if not ctx.person and kept_since(ctx, latest):
        return None  # round 48: a follower not yet registered said 种咗两棵龙眼 (kept) after the ticket: the record's photo
    if _after_another_tree(ctx, tickets[0]):
        return None  # round 64: '管护了龙眼' then a photo, on a 桂花 question: the 龙眼's picture (the planting help)
    return tickets[0]


def _after_another_tree(ctx: Ctx, ticket: dict) -> bool:
    """The sender's last text since the ticket was opened spoke of another tree than the ticket's
    (``escalation.another_trees_photo``; words that joined it as a detail are read against its other texts)."""
    said = inbox_store.last_text_since(ctx.db, ctx.openid, ctx.inbox_id, ticket["created_at"])
    table, others = planting.species_table(ctx.app), planting.offlist_names(ctx.app)
    question, *added = escalation.ticket_texts(ctx.db, ticket)
    earlier = [question, *(text for text in added if text != said)]  # the words themselves may have joined it
    return escalation.another_trees_photo(said, earlier, table, others)


def _match_weather_supplement(ctx: Ctx):
    """Round 44 (19r): a spell of weather told within escalation.attach_minutes of the villager's open ticket
    ('最近成个礼拜都落雨'): what the tree has been through, its 补充 (the FAQ reads it alone as small talk); round 68 (20y):
    or the weather now told alone ('风好大', ``nlu.weather_now_told``)."""
    text = ctx.msg.text or ""
    if ctx.msg.msg_type != "text" or not (nlu.weather_spell_told(text) or nlu.weather_now_told(text)):
        return None
    tickets = supplementable_when_matching(ctx)
    return tickets[0] if tickets else None


def on_supplement(ctx: Ctx, ticket) -> str:
    escalation.add_supplement(ctx.app, ctx.db, ticket, text=_text(ctx), media_row_id=_current_media(ctx), now=ctx.now)
    tree = _corrected_tree(ctx, ticket) if ctx.msg.msg_type == "text" else None
    if tree is not None:  # round 70: the ticket's tree corrected, said back (the adviser reads it with the question)
        return ctx.t("escalation.tree_corrected", id=ticket["id"], tree=tree)
    return _safety_first(ctx, ctx.t("escalation.supplement_added", id=ticket["id"])) + _faq_meanwhile(ctx)


def _corrected_tree(ctx: Ctx, ticket: dict) -> str | None:
    """The right tree when the text corrects ``ticket``'s tree (``escalation.ticket_tree_corrected``; its own words
    left out of the ticket's texts, which hold them once joined)."""
    text = _text(ctx) or ""
    table, others = planting.species_table(ctx.app), planting.offlist_names(ctx.app)
    earlier = [words for words in escalation.ticket_texts(ctx.db, ticket) if words != text]
    return escalation.ticket_tree_corrected(text, earlier, table, others)


def _tree_corrected_ticket(ctx: Ctx) -> dict | None:
    """Round 70 (21c): the latest ticket in its 补充 window whose tree the text says wrong, then right."""
    return next((t for t in supplementable_when_matching(ctx) if _corrected_tree(ctx, t) is not None), None)


def _faq_meanwhile(ctx: Ctx) -> str:
    """After a text's 补充: the FAQ's answer meanwhile, as for any question (a blank line before it); none to a question
    with no subject but the ticket's tree (round 53: '会不会死' had been given the heeling-in card)."""
    text = _text(ctx)
    if nlu.echoed_then_answered(text or ""):
        return ""  # round 70: '你要知几时种嘅咩 旧年秋天' answers the adviser's question, asks the FAQ none
    if nlu.pointed_tree_go_on_asked(nlu.normalize(text or "")):
        # sim70: '阿爸嗰两棵点算' (what now with Dad's two) asks nothing an entry answers (the 纪念树 card had been given)
        return ""
    if text and ctx.msg.msg_type == "text" and _answered_by_faq(ctx, text) and not nlu.elliptic_care_asked(text):
        return "\n\n" + escalation.faq_result(ctx).answer_text
    return ""


def _text_supplement_then(ctx: Ctx, _worth: bool):
    """Text within escalation.attach_minutes of the villager's open ticket (used by handlers/faq.py, which
    places it after chit-chat and before the FAQ answer). Details (`去年施过两次鸡粪`) and questions about the
    same tree (`还有它的叶子也卷了`, the ticket's tree named) are 补充; a new question the FAQ answers confidently
    (`河边种什么好`) is answered, one it cannot answer (`我家荔枝叶子有黑斑` on a 龙眼 ticket) is its own ticket.
    With several tickets in the window, the latest one the text belongs to takes it."""
    text = _text(ctx)
    assert text  # _worth_a_ticket
    if not _recent_when_matching(ctx)[1]:
        return None  # no ticket open: none to join (what supplementable_when_matching finds below)
    if nlu.echoed_then_answered(text):  # round 70: '你要知几时种嘅咩 旧年秋天': what the adviser would ask, answered
        return next(iter(supplementable_when_matching(ctx)), None)
    table, others = planting.species_table(ctx.app), planting.offlist_names(ctx.app)
    if nlu.trees_described(text) and not nlu.find_all_species(text, table, others):
        # round 71 (21e): how many of the trees the trouble is on, no other tree named ('附近几棵都系咁': 几 reads as a
        # question the FAQ may answer): the ticket's detail
        return next(iter(supplementable_when_matching(ctx)), None)
    if nlu.look_now_asked(text):  # round 51: '你睇下而家点样' after the photo: a look at what the ticket was sent
        return next(iter(supplementable_when_matching(ctx)), None)
    if nlu.photo_announced(text_normalized(ctx)) and not nlu.find_all_species(text, table, others):
        return next(iter(supplementable_when_matching(ctx)), None)  # round 74: '我影咗张相俾专家睇下片叶'
    if nlu.cannot_say_asked(text):  # round 57: '涯唔识讲 你睇下点算': a look at what the ticket was sent
        return next(iter(supplementable_when_matching(ctx)), None)
    if nlu.elliptic_care_asked(text):  # round 53: '系咪要淋多啲水', '会不会死': no subject but the ticket's tree
        return next(iter(supplementable_when_matching(ctx)), None)
    if not nlu.find_all_species(text, table, others):
        # round 79 (21p): a fix asked with no subject, the ticket's own trouble told again beside it ('咁系咪要剪枝 叶子都黄晒',
        # '啲花落晒 点算好' after '问专家 龙眼落花'): that ticket's (it had been a new ticket, the FAQ reading 剪枝)
        fixed = (
            t
            for t in supplementable_when_matching(ctx)
            if nlu.fix_asked_of_its_trouble(text, escalation.ticket_texts(ctx.db, t))
        )
        if (ticket := next(fixed, None)) is not None:
            return ticket
    if nlu.mistyped_then_right(text_normalized(ctx)):  # round 60: '唔好意思 打错 系秋枫叶卷': the ticket corrected
        return next(iter(supplementable_when_matching(ctx)), None)
    if (corrected := _tree_corrected_ticket(ctx)) is not None:  # round 70: '讲错咗 唔系桂花 系米兰': its tree
        return corrected
    table, others = planting.species_table(ctx.app), planting.offlist_names(ctx.app)
    # round 74 (21l): an elder's guess relayed ('阿婆话系红蜘蛛 系咪啊'), which the readers take as a relay's filler
    guess_told = nlu.others_guess_told(text_normalized(ctx)) or nlu.others_guess_told(nlu.normalize(text))
    if guess_told and not nlu.find_all_species(text, table, others):
        return next(iter(supplementable_when_matching(ctx)), None)  # round 70: '屋企人话系虫 我睇唔到有虫'

    # round 69 (21a): a question cut in two, the tree said first alone ('嗯 那个 我屋企嗰棵龙眼' then '啲叶黄晒仲落叶 点算啊'):
    # the second half names a part of a tree (叶, 枝, 果 …) and no other tree: '村里几时有植树活动' after it is its own
    if escalation.tree_part_named(text) and not nlu.find_all_species(text, table, others):
        cut = (t for t in supplementable_when_matching(ctx) if escalation.tree_said_alone(ctx.db, t, table, others))
        if (ticket := next(cut, None)) is not None:
            return ticket
    if _about_the_bot(ctx):  # round 54: '照片发错了 发了别人的树': the bot's own usage, about no tree: answered
        return None
    # round 72 (21f): two trees together asked ('杨梅可唔可以同桂花种埋一齐' on a 桂花 ticket): its own question
    if nlu.planted_together_asked(text_normalized(ctx)) and len(nlu.find_all_species(text, table, others)) >= 2:
        return None
    if nlu.land_matter_told(text_normalized(ctx)):  # round 56: '种咗喺人哋块地': a land matter, its own question
        return None
    # round 59 (20k): the question asked again in other words ('点解啲竹枯咗一半' after '竹子枯咗一半点解') is ticket_repeat's
    if _answered_by_faq(ctx, text):  # answered; joins only when it points at the ticket's tree ('这棵桂花…')
        return next(
            (
                ticket
                for ticket in supplementable_when_matching(ctx)
                if _points_at(ctx, ticket) or _guesses_its_cause(ctx, ticket)
            ),
            None,
        )
    return next((ticket for ticket in supplementable_when_matching(ctx) if _joins(ctx, ticket)), None)


match_text_supplement = staged(_worth_a_ticket, _text_supplement_then)


# the bot's usage entries that are about a record or a person, never a tree's trouble: said with no question word
# ('照片发错了 发了别人的树', '我报多咗一棵 想改返') they are answered, not the ticket's 补充 (round 54)
USAGE_ENTRIES = frozenset(
    {"bot.cancel", "bot.register", "bot.rebind", "bot.my_info", "bot.my_trees", "bot.progress", "bot.unsubscribe"}
)


def _about_the_bot(ctx: Ctx) -> bool:
    if nlu.addition_said(text_normalized(ctx)):
        return False  # '补充下 上个月先换咗泥' (the model read 换 as a new phone): said to be the ticket's
    result = escalation.faq_result(ctx)
    return result.kind == "answer" and result.entry_id in USAGE_ENTRIES


def _answered_by_faq(ctx: Ctx, text: str) -> bool:
    return nlu.is_question(text) and escalation.faq_result(ctx).kind == "answer"


def _points_at(ctx: Ctx, ticket: dict) -> bool:
    return escalation.points_at_ticket_tree(
        nlu.without_tree_denied(_text(ctx) or ""),
        escalation.ticket_texts(ctx.db, ticket),
        planting.species_table(ctx.app),
        planting.offlist_names(ctx.app),
    )


# -- fallback: what the bot cannot answer ---------------------------------------------------------
@pure
def _escalatable(ctx: Ctx) -> bool:
    """Unrecognised voice, or a real question the FAQ could not answer (it reached the fallback)."""
    return _is_silent_voice(ctx) or _worth_a_ticket(ctx)


def _follow_up_then(ctx: Ctx, _read: bool):
    """A follow-up to the answered ticket: a voice, a detail, or a question about the same tree (another
    question is its own ticket, as in the 补充 window)."""
    ticket = escalation.reopenable_ticket(ctx.app, ctx.db, ctx.openid, ctx.now)
    return ticket if ticket and (_is_silent_voice(ctx) or _joins(ctx, ticket)) else None


_match_follow_up = staged(_escalatable, _follow_up_then)


def _answer_reply_then(ctx: Ctx, _worth: bool):
    """Round 49: a question about the adviser's answer (it quotes the answer, or points at what the adviser said)
    reopens the answered ticket before the FAQ answers it in general ('复合肥要用几多' after '每月施一次复合肥')."""
    if ctx.read_with_user(RECENT_ANSWER.name) == 0:
        return None  # no ticket answered within the window (read with the user row: most texts)
    ticket = escalation.reopenable_ticket(ctx.app, ctx.db, ctx.openid, ctx.now)
    if ticket is None or planting.pending_photos(ctx):
        return None
    earlier = escalation.ticket_texts(ctx.db, ticket)
    table, others = planting.species_table(ctx.app), planting.offlist_names(ctx.app)
    text = _text(ctx)
    assert text  # _worth_a_ticket
    return ticket if escalation.replies_to_answer(text, ticket["answer"] or "", earlier, table, others) else None


match_answer_reply = staged(_worth_a_ticket, _answer_reply_then)


def on_follow_up(ctx: Ctx, ticket) -> str:
    media = _current_media(ctx)
    escalation.follow_up(ctx.app, ctx.db, ticket, text=_text(ctx), media_row_ids=[media] if media else [], now=ctx.now)
    return _safety_first(ctx, ctx.t("escalation.reopened", id=ticket["id"]))


def on_silent_voice(ctx: Ctx, _match) -> str:
    return _voice_ticket(ctx)


def _unanswered_then(ctx: Ctx, _worth: bool) -> bool:
    return escalation.faq_result(ctx).reason != "empty"


_match_unanswered = staged(_worth_a_ticket, _unanswered_then)


def question_ticket(ctx: Ctx, question: str) -> str:
    """A ticket for a question the FAQ could not settle (handlers/faq.py: neither answer offered was meant; rounds 68
    and 69: one read beside trees told, handlers/planting.py), no media with it."""
    return _open(ctx, question, "low_confidence", [])


def on_unanswered(ctx: Ctx, _match) -> str:
    question = _text(ctx)
    assert question is not None  # _match_unanswered saw text
    answer = escalation.faq_result(ctx).other
    if answer is not None and not acts_as(ctx.person, (ADVISER,)):
        # only a doubt stopped the answer the model reads: asked whether it is meant, 0 for the adviser (round 43)
        return ask_back.offer(ctx, question, [answer], [answer.answer_text])
    return _open(ctx, question, "low_confidence", [_current_media(ctx)])


COMMAND_ROUTES: list = [
    Route("ticket_answer", _match_answer, on_answer),
    Route("ticket_instruction", staged(_instruction_said, _instruction_from_staff), on_ticket_instruction),
    Route("ticket_answer_numbered", staged(_numbered_answer, _waiting_for_sender), on_answer),
    Route("ticket_newest", staged(_newest_said, _newest_for_staff), on_newest_shown),  # sim70
    Route("ticket_described", staged(_described_said, _described_for_staff), on_ticket_described),  # conv96
    Route("ticket_pointed", staged(_pointed_said, _pointed_by_staff), on_ticket_pointed),
    Route("advisers_answering", staged(_advisers_ahead, _from_office), on_advisers),
    Route("ticket_queue", staged(_queue_ahead, _queue_from_staff), on_queue),
    Route("ticket_wait", staged(_wait_ahead, _waiting_tickets), on_ticket_wait),
    Route("ticket_add_faq", _match_add_faq, on_add_faq),
    Route("ticket_correct", _match_correct, on_correct),
    Route("ask_expert_supplement", staged(_match_ask_expert, _same_tree_ticket), on_ask_expert_supplement),
    Route(
        "ask_expert",
        warmed_by(_warm_question, handler=True)(staged(_match_ask_expert, _not_asked_again)),
        on_ask_expert,
    ),
    ASK_TABLE.route("ask_expert_question"),
    Route("ticket_resolved", staged(_resolved_ahead, _ticket_to_close), on_resolved),
    Route("ticket_repeat", _match_repeat, on_repeat),
    Route("photo_follow_up", staged(_worth_a_ticket, _photo_follow_up_then), on_photo_follow_up),
    Route("photo_question", _match_photo_question, on_photo_question),
    Route("ticket_supplement_media", _match_media_supplement, on_supplement),
    Route("ticket_supplement_weather", _match_weather_supplement, on_supplement),
]
FALLBACK_ROUTES: list = [
    Route("ticket_follow_up", _match_follow_up, on_follow_up),
    Route("ticket_from_voice", _is_silent_voice, on_silent_voice),
    Route("ticket_from_question", _match_unanswered, on_unanswered),
]
ROUTES: list = [*COMMAND_ROUTES, *FALLBACK_ROUTES]
JOBS: list = [Job("ticket_sla", escalation.check_sla, 300)]
STORES: list = [tickets_store]
EXPORTS: dict = {**tickets_store.EXPORT_SQL}
# esc101: the tickets export says whose each ticket is in Chinese too (route_label: 技术顾问, 村里, 活动办公室)
EXPORT_LABELS: dict = {"tickets": {"route": "escalation.routes"}}
FLOWS: list = [ASK_FLOW]
USER_READS: list = [RECENT_ACTIVITY, RECENT_ANSWER]
DASHBOARD: list = ticket_pages.PAGES
