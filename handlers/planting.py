"""The planting capability's manifest: planting records through the chat, the windows job, the photo analysis,
the review pages; its rules and services are in bot/planting.py, its states in docs/planting.md.

Routes (dispatch order in handlers/__init__.py):
- planting_count_choice: after a new count for a record that has one, ``1`` / ``改`` changes it, ``2`` / ``另外``
  keeps another record (``TABLE``)
- withdraw_confirm: ``确定作废`` after the bot asked whether to withdraw the record just finished
  (``WITHDRAW_TABLE``): it is withdrawn (status ``withdrawn``, the row kept)
- withdraw: ``作废``, a retraction in words with nothing in progress (``刚刚报的那个作废 我重新来``), or a bare ``取消``
  within ``planting.withdraw_minutes`` of a record finished (round 57): the sender's
  last finished record, asked to confirm (within ``planting.withdraw_minutes``, no cadre decision yet), else who
  corrects it; with no record ever finished (round 38), that there is none to withdraw and how to report one
- recount_confirm: ``确定`` after the bot asked whether to change the count of the record just finished
  (``RECOUNT_TABLE``): its count (and tree) changed, its flags computed again
- recount: a count (round 52: or a tree) said wrong and said right with nothing in progress (``头先报错咗 系三棵唔系两棵``,
  ``帮我改成3棵``, ``头先嗰三棵唔系龙眼系黄皮``):
  the sender's last finished record, asked to confirm (the window and checks of 作废), else who corrects it; with no
  record ever finished, that there is none (never a ticket: no adviser changes a count)
- planting_menu: ``记录种树`` (the menu) explains in one line what to send; so does 登记 said of trees planted
  (``登记种树``, ``帮我登记一下种树``: ``nlu.planting_log_asked``) without a count or a tree that makes a record
- planting_photo: a photo starts a record, joins the pending one, or (right after a record was
  finished) is one more photo of it
- planting_location: a location joins the pending record, or the latest one within the window
- planting_text: ``3棵桂花`` / ``种了两棵龙眼`` / cadres: ``党建林 2.5亩 120棵 香樟``, ``代种 张三 2棵龙眼``; round 40:
  trees planted for another household (``我帮隔壁阿婆种了一棵龙眼``) are a cadre's 代种, never a villager's own record
  (told who records them); a total its parts do not make (``我种了6棵 3棵桂花2棵荔枝``) records nothing and asks;
  round 69: trees said planted, then a plain question (``我种咗两棵荔枝 几时施肥``): as planting_text_then_asked
- planting_text_then_asked (ASKED_AFTER_ROUTES, placed before the ticket's commands; round 68): trees reported, then a
  question asked aside or whether recorded (``木眠树一棵 顺便问几时淋水``, ``涯种了两棵狮子树 记到冇``): the record, and
  the FAQ's answer of the trees told (or a ticket); one reader (``planting.told_then_asked``) and one reply
  (``on_told_then_asked``) for both routes, which differ only in where they stand in the dispatch order
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from bot import ask_back, certificates, conversation, escalation, nlu, planting
from bot.conversation import END, FlowTable, Step
from bot.dashboard import review_pages
from bot.identity import registered, staff_refusal
from bot.media import MediaListener
from bot.planting import needs_cadre
from bot.progress import my_progress_text, progress_line
from bot.router import AsText, Decided, Route, pure, staged
from bot.scheduler import Job
from bot.store import dashboard as dashboard_store
from bot.store import plantings as store
from bot.store import roster as roster_store
from handlers import escalation as escalation_handlers
from handlers.core import message_heads, message_tails, retraction_in_words, text_is, text_means, text_normalized
from handlers.village import cadre_names


# -- matchers ---------------------------------------------------------------------------------------
@pure
def _is_photo(ctx) -> bool:
    return ctx.msg.msg_type == "image"


def _location_target(ctx) -> dict | None:
    """The record a location joins; ``{"id": None}`` (a registered sender without one): kept for the next."""
    if ctx.msg.msg_type != "location" or ctx.msg.lat is None or ctx.msg.lng is None:
        return None
    return planting.record_for_location(ctx) or ({"id": None} if ctx.person else None)


def _planting_whole(ctx):
    """The text alone (read ahead of the transaction: bot/router.py): a whole report decides; None for a text that is
    none and never a bare part; ``MAY_BE_PART`` asks for the sender's record."""
    if ctx.msg.msg_type != "text":
        return None
    whole = planting.read_whole(ctx.msg.text or "", planting.species_table(ctx.app), planting.offlist_names(ctx.app))
    if isinstance(whole, nlu.PlantingText) and whole.species is None and escalation.danger_now(ctx.app, ctx.msg.text):
        # a danger told with a count and no tree ('一个人孭三十棵苗上山 条腰闪咗 郁唔到': not 30 trees '苗上山'): the FAQ's,
        # its safety line first (safety round 39)
        return None
    if isinstance(whole, nlu.PlantingText) and escalation.count_disputed(ctx.app, ctx.msg.text or ""):
        # faq138 (CW: '村里登记我种了三棵 其实我种了五棵'): a count the village holds disputed reports no trees (it had
        # been a record of a tree called 其实五棵): the FAQ's, record_disputed's ticket for the village
        return None
    if isinstance(whole, nlu.PlantingText) and _when_planted_of_no_tree(ctx.msg.text or "", whole):
        return WhenPlantedTold(whole)  # round 61: the writer asks whether a ticket is open (``_planting_part``)
    if whole is None or whole is planting.MAY_BE_PART:
        # round 69 (21a): trees planted told, then a plain question about them (one asked aside or whether recorded is
        # planting_text_then_asked's, read before progress): the record, and the question answered after it
        asked = _told_then_asked_ahead(ctx)
        if asked is not None and (asked.planted_said or asked.troubled):  # round 72: troubled, after a photo too
            return asked
        # round 78 (21p): the count and tree not said planted, then a plain question ('两棵荔枝 荔枝几时施肥好'): only for
        # the record being collected (``_told_then_asked_then``), a text that is no part of it alone
        if asked is not None and whole is None:
            return asked
    return Decided(whole) if whole is not None and whole is not planting.MAY_BE_PART else whole


@dataclasses.dataclass(frozen=True)
class WhenPlantedTold:
    """Round 61 (20o): a count with when the trees were planted and no tree the bot knows ('是今年刚种的两棵': 今年刚 read
    as a tree): with a question for the adviser open, the trees it asks about described (its 补充, handlers/escalation.py
    ``_joins``: ``nlu.planted_when_told``), never a record of a tree called 今年刚; else the report it reads as."""

    whole: nlu.PlantingText


def _when_planted_of_no_tree(text: str, whole: nlu.PlantingText) -> bool:
    norm = nlu.normalize(text)
    return (whole.species is None or whole.unknown_species) and (
        nlu.planted_when_told(norm) or nlu.which_planted_told(norm)  # round 73 (21i): '系新种嗰两棵'
    )


def _planting_part(ctx, _may_be_part):
    if isinstance(_may_be_part, planting.ToldThenAsked):
        return _told_then_asked_then(ctx, _may_be_part)
    if isinstance(_may_be_part, WhenPlantedTold):
        described = not planting.collecting(ctx) and escalation_handlers.supplementable_when_matching(ctx)
        # round 73 (21i): which trees pointed at ('系新种嗰两棵') is never a report of a tree called 系嗰, question open or not
        pointed = not planting.collecting(ctx) and nlu.which_planted_told(text_normalized(ctx))
        return None if described or pointed else _may_be_part.whole
    # a bare part ('5棵', '桂花') is read for the open record, or a late one it would finish ("还差棵数" reminder);
    # a whole report or a question (most texts: _planting_whole) needs no record looked up
    return planting.read_part(
        ctx.msg.text or "",
        lambda: planting.collecting(ctx) or planting.late_record(ctx, "text"),
        planting.species_table(ctx.app),
        planting.offlist_names(ctx.app),
    )


_planting_text = staged(_planting_whole, _planting_part)


# -- trees told, then a question (rounds 68 and 69) ----------------------------------------------------------
def _told_then_asked_ahead(ctx) -> planting.ToldThenAsked | None:
    if ctx.msg.msg_type != "text":
        return None
    return planting.told_then_asked(
        ctx.msg.text or "", planting.species_table(ctx.app), planting.offlist_names(ctx.app)
    )


def _asked_aside_ahead(ctx) -> planting.ToldThenAsked | None:
    """The question asked aside or whether recorded ('三棵桂花 另外想问几时淋水', '涯种了两棵狮子树 记到冇') is read before
    progress and the ticket's commands (whose review_why and photo_question took them); a plain question after the
    trees ('我种咗两棵荔枝 几时施肥') waits for planting_text, after progress and the planting help have had theirs."""
    said = _told_then_asked_ahead(ctx)
    return said if said is not None and (said.aside or said.status) else None


def _asked_aside_then(ctx, said: planting.ToldThenAsked) -> planting.ToldThenAsked | None:
    """Round 68: a sender not registered yet is left to the routes after (as before the two readers were one)."""
    return _told_then_asked_then(ctx, said) if ctx.person is not None else None


def _told_then_asked_then(ctx, said: planting.ToldThenAsked) -> planting.ToldThenAsked | None:
    """Trees not said planted ('龙眼两棵 顺便问…') only for the record being collected; with a record just finished,
    neither whether it was recorded (that one's own check: review_why, recorded_asked) nor its trees told again before
    the question ('荔枝两棵种咗喇 几时施肥': the question alone, the FAQ's; no second record)."""
    if not (said.planted_said or planting.collecting(ctx)):
        return None
    if said.troubled and not (said.today or planting.collecting(ctx)):
        return None  # round 72: one of the trees in trouble, of trees planted some time ago: a question about them
    finished = planting.just_finished(ctx)
    restated = finished is not None and (finished["species"], finished["count"]) == (said.told.species, said.told.count)
    return None if finished is not None and (said.status or restated) else said


@registered
def on_told_then_asked(ctx, said: planting.ToldThenAsked) -> str:
    """The record first; then whether it was recorded is its own reply's, else the question answered after it (of the
    trees just told when it names none: '几时淋水' of 木棉) or sent to the adviser."""
    reply = _recorded(ctx, said.told)
    if said.status:
        return reply
    # the lead (fifty-fourth session, the simulator): a tree off the list keeps its name as written ('种了两棵木瓜，要注意
    # 什么': the question had been asked of no tree, and got the off-topic reply)
    return reply + "\n\n" + _question_after(ctx, said.question, said.told.species or said.told.species_text or "")


@pure
def _count_alone(ctx) -> int | None:
    """A count and nothing else ('三棵') that no record took (planting_text reads it for a record waiting for one)."""
    return nlu.count_alone(text_normalized(ctx)) if ctx.msg.msg_type == "text" else None


@registered
def on_count_alone(ctx, count: int) -> str:
    return ctx.t("planting.count_alone", n=count)


def _choice(key: str, number: int):
    """In state count_changed: one of the words of ``key`` (``1``, ``改``; ``2``, ``另外``), or a short text
    starting with one of its longer words (``改成5棵``, ``另外一条记录``), or the pick ``number`` said as the FAQ's
    choice of two reads it (sim68: by voice, where recognition writes the digit '一。', '选二', '二号')."""

    def matches(ctx, _state) -> bool:
        if ctx.msg.msg_type != "text":
            return False
        text = nlu.normalize(ctx.msg.text or "")
        words = {nlu.normalize(w) for w in ctx.app.messages.words(key)}
        return (
            text in words
            or ask_back.chosen(ctx.msg.text or "") == number
            or (len(text) <= 8 and not nlu.is_question(text) and any(len(w) > 1 and text.startswith(w) for w in words))
        )

    return matches


def _planting_log_said(app, meaning: str) -> bool:
    """'登记种树', '登记我种的树': 登记 as 'record' (bot/nlu.py ``planting_log_asked``); one that says its trees
    ('帮我登记今天种的三棵龙眼') is planting_text's record. A bare wish to plant ('种树', '我要种树':
    ``nlu.planting_wished``) asks the same help."""
    if nlu.planting_wished(meaning) or nlu.record_steps_asked(meaning):  # round 22: '发相之后要唔要发位置'
        return True
    if nlu.log_tree_named(meaning, planting.species_table(app)):  # round 61: '登记桂花树': the trees, no name
        return True
    return (nlu.planting_log_asked(meaning) or nlu.log_record_wished(meaning)) and (
        nlu.parse_planting_text(meaning, planting.species_table(app), planting.offlist_names(app)) is None
    )


_menu_words = text_means("planting.commands.menu", _planting_log_said)


def _menu_ahead(ctx):
    """The planting help asked in words decides; how to go on ('这个怎么弄', ``nlu.go_on_asked``) asks for the record
    being collected."""
    if _menu_words(ctx):
        return Decided(True)
    text = ctx.msg.text or ""
    if ctx.msg.msg_type == "voice" and not (ctx.msg.recognition or "").strip():
        return _UNHEARD  # sim69: the answer to the record's question, said aloud and not read (it became a ticket)
    if ctx.msg.msg_type != "text":
        return False
    # round 78 (21t): a tree planted earlier told, then whether or how to log it ('我家还有棵桃树上个月种的 也要记吗怎么记')
    if len(text) <= 30 and any(nlu.earlier_tree_log_asked(head, rest) for head, rest in message_heads(ctx)):
        return _STEPS
    # conv98: a voice story of the record so far, the photo asked for, then how or where ('…你叫我发照片我不知道怎么弄
    # 那个加号在哪里'): the record's next step, only while one waits (``_menu_then``)
    if nlu.photo_how_told_at_length(text_normalized(ctx)):
        return True
    if nlu.album_photo_send_asked(text_normalized(ctx)):  # conv101: '用相册入面嘅相得唔得 点发'
        return True
    # conv105 (23b: '帮我阿妈报紧 佢影咗相喺佢部手机度 点传过嚟', longer than the gates below)
    if nlu.photo_on_their_phone_how_asked(text_normalized(ctx)):
        return True
    if len(text) > 32:
        return False
    said = text_normalized(ctx)
    # conv110 (23g: '我阿妈叫我问下 报咗两棵荔枝之后要发乜嘢'): a relative's having the sender ask said first: the question
    # after it, read as the sender's own and as short as it is
    asked = nlu.relayed_ask(nlu.normalize(text))
    if asked is not None and len(asked) <= 20 and planting.asked_of_the_record(asked):
        return True
    # round 92: people with no phone said, then how to log asked, runs longer than the 20 characters below
    # ('村民冇智能手机嘅 我点样帮佢哋报种树', '屋企仲有两个老人家种咗 佢哋冇手机 点报')
    if nlu.relative_no_phone_log_asked(said):
        return _RELATIVE_STEPS  # round 77: a relative with no phone, their trees: the household's own record
    if nlu.proxy_log_how_asked(said):
        return _PROXY_STEPS  # round 48: how to log for another household, a cadre's 代种 (``_menu_then``)
    if len(text) > 20:
        return False
    # round 97: whether one's group reports the same way ('党员种树系咪都系咁报 影相就得'): the steps of a record, with none
    # in progress too (its photo said after it had read as the photo's how, the record's only)
    if nlu.same_way_reported_asked(said):
        return _STEPS
    # round 27: the location's how, or which photo, asked with no record in progress too: the help says the steps
    if nlu.location_how_asked(said) or any(nlu.location_how_asked(head) for head, _rest in message_heads(ctx)):
        return _STEPS
    if nlu.count_given_asked(said):  # conv96: '要唔要讲几多棵': the record's next step, or with none how one is made
        return _STEPS
    if planting.asked_of_the_record(said):  # while a record waits: its next step (one list with the photo's question)
        return True
    if nlu.bot_unhelpful_said(said) or nlu.complains_about_the_bot(said):
        return _SORRY  # sim69: a grumble after a photo had the greeting's small talk, the photo's tree never asked
    if nlu.log_planted_how_asked(said):  # round 58: '点样登记种咗嘅树': a follower not registered yet's
        return _LOG_HOW
    if nlu.bare_log_said(said):  # round 70 (21d): a registered villager's bare 登记 ('我要登记'): the planting help
        return _BARE_LOG
    # round 54: asked otherwise ('影完相之后撳边度发', '点样讲种咗几多棵'), or asked then why ('相点发？我搵唔到影相个掣')
    if nlu.record_asked_otherwise(said) or any(
        nlu.photo_asked_then_why(head, rest) for head, rest in message_heads(ctx)
    ):
        return True
    # round 37: the photo to come later, or the trees not planted yet ('还没种 明天种了再拍', '照片等下发 现在在田里'): the
    # record waits, and the reply says what it still needs (never a ticket); 取消 with why (core's cancel) comes first
    # round 82 (21y): 'wait' said first, then a question ('等阵先 种荔枝系咪要离屋两米以上'): the question's, nothing put off
    clauses = [said, *(head for head, rest in message_heads(ctx) if not nlu.is_question(rest))]
    # round 93: or said after why, no question in it ('而家冇手机影 夜晚先发')
    clauses += [rest for head, rest in message_heads(ctx) if not nlu.is_question(head)]
    # round 78 (21t): 'wait' before a count corrected ('等阵 唔系三棵 系四棵桃') puts nothing off: the record's count
    put_off = nlu.count_corrected(text) is None
    if put_off and any(nlu.photo_later_said(c) or nlu.put_off_said(c) for c in clauses):
        return True
    # round 22: the photo asked about after what keeps the sender ('我而家唔喺棵树度 影相要几时发先得'); not how to go on
    # after a story ('叶子黄了 怎么弄' is about the leaves)
    return any(nlu.photo_how_asked(tail) for tail in message_tails(ctx))


_STEPS = "steps"  # the record's steps asked, whether or not a record is in progress
_PROXY_STEPS = "proxy_steps"  # a 代种's steps asked: a cadre's (anyone else's stays the FAQ's)
_RELATIVE_STEPS = "relative_steps"  # how to log a relative's trees asked, the relative with no phone (round 77)
_LOG_HOW = "log_how"  # how to log one's planted trees: a follower not registered yet's, or the record's in progress
_BARE_LOG = "bare_log"  # 登记 alone: a registered villager's (a follower not registered yet's is registration's)
_UNHEARD = "unheard"  # sim69: a voice WeChat could not read while the record waits for words (its tree, its count)
_SORRY = "sorry"  # sim69: the bot said to know nothing ('你乜都唔识') while a record waits: sorry, and its next step


def _is_cadre(ctx) -> bool:
    return planting.is_cadre(ctx.person, ctx.config.get("planting.cadre_roles"))


def _menu_then(ctx, read):
    if read == _PROXY_STEPS:
        return _PROXY_STEPS if _is_cadre(ctx) else None
    if read == _RELATIVE_STEPS:
        return _RELATIVE_STEPS
    if read == _LOG_HOW and ctx.person is None:
        return True  # round 58: the planting help, which asks 登记 first and keeps the message
    if read == _BARE_LOG:
        return ctx.person is not None or planting.collecting(ctx)
    if read == _UNHEARD:  # a record waiting for its photo alone is not answered by a voice: the voice stays a ticket
        record = planting.collecting(ctx)
        return (_UNHEARD, record) if record is not None and planting.waits_for_words(ctx, record) else None
    if read == _SORRY:
        record = planting.collecting(ctx)
        return (_SORRY, record) if record is not None else None
    return planting.collecting(ctx) or (read == _STEPS)


_menu = staged(_menu_ahead, _menu_then)


# -- a yes to the tree guessed (round 72) ---------------------------------------------------------------------
_guess_yes_words = text_is("planting.commands.guess_yes")


def _guess_then(ctx, _yes):
    """'系', '啱' right after the bot asked whether the unheard tree is the one it sounds like ('如果是柿子，请回复“柿
    子”'): the tree's name, handled as if sent (the record takes it); anything else in between, no answer to it."""
    guess = planting.guess_taken(ctx)
    return AsText(_species(ctx, {"species": guess}), "guess") if guess else None


# -- handlers ---------------------------------------------------------------------------------------
@registered
def on_menu(ctx, match) -> str:
    if match == _PROXY_STEPS:  # round 48: a cadre asking how to log for another household
        return ctx.t("planting.proxy_how_to")
    if match == _RELATIVE_STEPS:  # round 77: with the sender's own WeChat, the household's; else a cadre's 代种
        return "\n".join(
            [ctx.t("planting.relative_how_to"), ctx.t("planting.how_to"), ctx.t("planting.relative_other_household")]
        )
    if isinstance(match, tuple):  # sim69: a voice unheard, or a grumble, while the record waits: its question again
        said_how, record = match
        step = planting.advance(ctx, record["id"])
        return ctx.t("planting.unheard_then" if said_how == _UNHEARD else "planting.sorry_then", then=_reply(ctx, step))
    if isinstance(match, dict):  # how to go on with the record being collected: what it still needs
        step = planting.advance(ctx, match["id"])
        said = text_normalized(ctx)
        if "photo" in step.missing and (
            nlu.cannot_photo_said(said) or any(nlu.cannot_photo_said(head) for head, _rest in message_heads(ctx))
        ):  # round 46: '我唔识影相 点算'; round 54: why after it ('没有照片可以吗，我手机拍不了照')
            return _reply(ctx, step) + "\n" + ctx.t("planting.photo_help")
        if "photo" in step.missing and nlu.photo_beyond_sender_said(said):  # round 65: '我唔识发图 叫个孙教都唔得'
            return _reply(ctx, step) + "\n" + ctx.t("planting.photo_help")
        if "photo" in step.missing and nlu.photo_cannot_told(said):  # round 61: '手机相机打不开 照片发不了'
            return _reply(ctx, step) + "\n" + ctx.t("planting.photo_help")
        if "photo" in step.missing and nlu.photo_where_asked(said):  # round 61: '要在哪里拍': the tips first
            return ctx.t("planting.photo_what") + "\n" + _reply(ctx, step)
        if "photo" in step.missing and nlu.photo_how_told_at_length(said):  # conv98: '…那个加号在哪里'
            return _reply(ctx, step) + "\n" + ctx.t("planting.photo_send_how")
        if "photo" in step.missing and nlu.album_photo_send_asked(said):  # conv101: from the album, how
            return _reply(ctx, step) + "\n" + ctx.t("planting.photo_send_how")
        if "photo" in step.missing and nlu.photo_how_cannot_said(said):
            return _reply(ctx, step) + "\n" + ctx.t("planting.photo_help")  # round 57: '我要点样发相片啊 唔识'
        cannot_tell = nlu.cannot_tell_how_asked(said)
        if cannot_tell and set(step.missing) - {"photo"}:  # round 89: '点样报先得 我唔识打字', '我唔知种嘅系咩树 点填'
            key = "planting.cannot_tell_typing" if cannot_tell == "typing" else "planting.cannot_tell_tree"
            return _reply(ctx, step) + "\n" + ctx.t(key)
        if nlu.photo_what_asked(said) or ("photo" in step.missing and nlu.photo_take_how_asked(said)):
            # round 54: '拍照要拍整棵树还是拍树苗就行'; round 57: '相要点影先得': the photo's tips, then the next step
            return ctx.t("planting.photo_what") + "\n" + _reply(ctx, step)
        return _reply(ctx, step)
    return ctx.t("planting.how_to")


@registered
def on_photo(ctx, _match) -> str:
    media_row_id = store.media_row_id(ctx.db, ctx.msg.media_id)
    assert media_row_id is not None  # the webhook recorded the photo's media row
    linked = store.photo_by_media(ctx.db, media_row_id)
    if linked:  # the same photo handled again (replayed after 登记): nothing new
        return _reply(ctx, planting.advance(ctx, linked["planting_id"]))
    planting.settle_sender(ctx)
    # the pending record, else a late one waiting only for its photo, else one more photo of a record just finished
    record = planting.collecting(ctx) or planting.reopen(ctx, "photo")
    if record is not None and _cadres_work(record):
        refusal = staff_refusal(ctx, ctx.config.get("planting.cadre_roles"), "planting.cadres_only")
        if refusal:  # sim67: the roster took the cadre's role away since the 代种 or plot text: not completed
            planting.drop_collecting(ctx, record)
            return refusal
    if record is None:
        extra = planting.add_extra_photo(ctx, media_row_id)
        if extra:
            return ctx.t("planting.extra_photo", id=extra["id"], n=len(store.photos_of(ctx.db, extra["id"])))
        record = planting.new_record(ctx)
    store.add_photo(ctx.db, record["id"], media_row_id, ctx.now_s)
    return _reply(ctx, planting.advance(ctx, record["id"]))


def _cadres_work(record: dict) -> bool:
    """A plot record (党建林 …) or a 代种 (entered for another household): a cadre's, whoever completes it."""
    return record["kind"] == "plot" or record.get("entered_by_person_id") not in (None, record["person_id"])


@registered
def on_text(ctx, parsed) -> str:
    if isinstance(parsed, planting.ToldThenAsked):
        return on_told_then_asked(ctx, parsed)
    return _recorded(ctx, parsed)


def _question_after(ctx, question: str, tree: str) -> str:
    """Rounds 68 and 69: the question asked after the trees told: the FAQ's answer (asked of ``tree`` when it names
    none), else the adviser's ticket with the question as asked (never lost)."""
    named = not tree or nlu.find_species(question, planting.species_table(ctx.app))[0]
    found = escalation.faq_match(ctx.app, ctx.db, question if named else tree + question)
    if found.kind == "answer":
        return found.answer_text.strip()
    return escalation_handlers.question_ticket(ctx, question)


def _recorded(ctx, parsed: nlu.PlantingText) -> str:
    # a plot counts in the cadre's village, a 代种 household joins it: a cadre with no village may do neither
    cadres = ctx.config.get("planting.cadre_roles")
    if parsed.for_another and not planting.is_cadre(ctx.person, cadres):
        # round 40: a villager's planting for another household is that household's: the cadres' 代种, or its family's
        return ctx.t("planting.for_another_household", cadres=cadre_names(ctx))
    if parsed.total_differs:  # round 40: a total its parts do not make: nothing recorded, each tree asked for
        return _total_differs(ctx, *parsed.total_differs)
    refusal = needs_cadre(parsed) and staff_refusal(ctx, cadres, "planting.cadres_only", "planting.cadre_no_village")
    if refusal:
        return refusal
    if parsed.proxy_without_name:  # 代种 2棵龙眼, 代种李子2棵: whose trees? nothing is recorded until the name comes
        return ctx.t("planting.ask_proxy_name")
    if parsed.of_someone and planting.is_cadre(ctx.person, cadres):  # sim71: '佢话种咗两棵荔枝 帮佢记落': whose?
        return ctx.t("planting.ask_proxy_name")
    record = planting.record_for(ctx, "text")
    if planting.another_household(ctx, record, parsed) or planting.plot_onto_trees(record, parsed):
        return ctx.t(
            "planting.finish_first",
            whose=_whose(ctx, record),
            what=_what(ctx, record),
            missing=planting.waiting_for_text(ctx.app, ctx.db, record),
        )
    if planting.count_changes(record, parsed):
        changed = planting.ask_count_change(ctx, record, parsed)
        if nlu.more_trees_told(text_normalized(ctx)):  # round 54: '仲有三棵荔枝': another record, as 2 would say
            state = planting.FLOW.state(ctx)
            assert state is not None  # ask_count_change entered it
            return on_another_record(ctx, state, None)
        proxy = planting.proxy_name(ctx.db, record)
        before = ctx.t("planting.proxy_what", name=proxy, what=_what(ctx, record)) if proxy else _what(ctx, record)
        return ctx.t("planting.ask_count_change", before=before, after=_what(ctx, changed))
    planting.apply_text(ctx, record, parsed)
    unheard = parsed.species_text if parsed.unheard else ""
    reply = _reply(ctx, planting.advance(ctx, record["id"]), vague=parsed.vague, unheard=unheard)
    if parsed.more:
        reply += "\n" + _more_later(ctx, parsed.more)
    return reply + _withdrawal_still_asked(ctx)


def _withdrawal_still_asked(ctx) -> str:
    """Round 48: 作废 asked, then the trees sent again without the yes (found in the simulator: both records counted):
    the new record's reply says the old one still counts and how to withdraw it."""
    asked = planting.WITHDRAW.state(ctx)
    old = store.get(ctx.db, asked.data["planting_id"]) if asked else None
    if old is None or old["status"] != "complete":
        return ""
    return "\n" + ctx.t("planting.withdraw_still_asked", id=old["id"], what=_what(ctx, old))


def _more_later(ctx, more: tuple[tuple[int, str], ...]) -> str:
    """Round 38: the other trees of a text naming several, which one record cannot hold: what to send for them."""
    trees = [
        ctx.t("planting.more_tree", count=count, species=planting.display_name(ctx.app, species))
        for count, species in more
    ]
    return ctx.t("planting.more_later", trees="、".join(trees), next=trees[0])


def _total_differs(ctx, total: int, parts: tuple[tuple[int, str], ...]) -> str:
    """Round 40: '我种了6棵 3棵桂花2棵荔枝': the total and what the parts make, nothing recorded, each tree to be sent."""
    trees = [
        ctx.t("planting.more_tree", count=count, species=planting.display_name(ctx.app, species))
        for count, species in parts
    ]
    made = sum(count for count, _species in parts)
    return ctx.t("planting.total_differs", total=total, parts="、".join(trees), made=made, first=trees[0])


def on_change_count(ctx, state, _match) -> str:
    return _reply(ctx, planting.change_count(ctx, state))


def on_another_record(ctx, state, _match) -> str:
    step, earlier = planting.another_record(ctx, state)
    return _reply(ctx, step) + "\n" + planting.incomplete_text(ctx.app, ctx.db, earlier)


@registered
def on_location(ctx, record) -> str:
    location = {"lat": ctx.msg.lat, "lng": ctx.msg.lng, "location_label": ctx.msg.label}
    if record["id"] is None:
        planting.keep_location(ctx, location)
        return ctx.t("planting.location_saved") + ctx.t("planting.ask_species_count_photo")
    now = planting.attach_location(ctx, record, location)
    if record["status"] == "pending":
        return ctx.t("planting.location_saved") + _reply(ctx, planting.advance(ctx, record["id"]))
    attached = ctx.t("planting.location_attached", id=record["id"])
    waiting = planting.waiting_reasons(now)
    if now["review"] == "pending" and waiting and record["review"] != "pending":
        # sim69: far from the village, a finished record now waits for the check: said, as its confirmation says it;
        # sim70: and a certificate sent on it waits for the check too
        certs = certificates.resting_on(ctx.db, record["person_id"], record["id"])
        held = [ctx.t("planting.certificate_waits", serial=c["serial"]) for c in certs[:1]]
        return "\n".join([attached, ctx.t("planting.done_pending", reasons="；".join(waiting)), *held])
    return attached


# -- replies ----------------------------------------------------------------------------------------
def _what(ctx, record: dict) -> str:
    return planting.describe_for_villager(ctx.app, record)


def _whose(ctx, record: dict) -> str:
    name = planting.proxy_name(ctx.db, record)
    return ctx.t("planting.whose_proxy", name=name) if name else ctx.t("planting.whose_own")


def _species(ctx, record: dict) -> str:
    return planting.display_names(ctx.app).get(record["species"], record["species"])


def _reply(ctx, step: planting.Step, vague: bool = False, unheard: str = "") -> str:
    return _ask(ctx, step, vague, unheard) if step.missing else _confirmation(ctx, step.record)


def _ask(ctx, step: planting.Step, vague: bool, unheard: str = "") -> str:
    """One short line asking for what is missing; ``unheard``: the word the text gave for the tree, no tree the bot
    knows (张三 2棵), named in the question."""
    record, missing = step.record, step.missing
    if missing == ["photo"]:
        proxy = planting.proxy_name(ctx.db, record)
        if proxy:  # which record the photo joins: the household's, not the cadre's own
            return ctx.t(
                "planting.ask_photo_proxy",
                what=ctx.t("planting.proxy_what", name=proxy, what=_what(ctx, record)),
                name=proxy,
            )
        return ctx.t("planting.ask_photo", what=_what(ctx, record))
    if (
        "species" in missing
        and unheard
        and (guess := nlu.tree_it_sounds_like(unheard, planting.species_table(ctx.app)))
    ):
        # the lead (thirty-ninth session, the simulator by voice): '种咗三棵狮子' is likely 柿子 misheard: asked
        line = ctx.t("planting.ask_unheard_species_guess", word=unheard, guess=_species(ctx, {"species": guess}))
        planting.guess_asked(ctx, record, guess)  # round 72: a yes right after takes it (``_guess_yes``)
    elif "species" in missing and unheard:
        line = ctx.t("planting.ask_unheard_species", word=unheard, what=_what(ctx, record))
    elif "species" in missing and ("count" in missing or "area" in missing):
        line = ctx.t("planting.ask_species_area" if "area" in missing else "planting.ask_species_count")
    elif "species" in missing:
        line = ctx.t("planting.ask_species", what=_what(ctx, record))
    elif "area" in missing:
        line = ctx.t("planting.ask_area", site=record["site"] or ctx.t("planting.plot"))
    elif vague:
        line = ctx.t("planting.ask_exact_count", species=_species(ctx, record))
    else:
        line = ctx.t("planting.ask_count", species=_species(ctx, record))
    if "photo" in missing:
        return line + ctx.t("planting.and_photo")
    return ctx.t("planting.photo_received", n=step.photo_count) + line


def _confirmation(ctx, record: dict) -> str:
    return "\n".join(
        [ctx.t("planting.done", id=record["id"], what=_what(ctx, record)), *_confirmation_tail(ctx, record)]
    )


def _confirmation_tail(ctx, record: dict) -> list[str]:
    """What a finished record's reply says after its first line: whose trees, an unknown tree, why it waits for the
    village's check, the sender's (or the household's) progress."""
    credited = roster_store.person(ctx.db, record["person_id"]) or ctx.person
    lines = []
    if record["entered_by_person_id"] and record["entered_by_person_id"] != record["person_id"]:
        lines.append(ctx.t("planting.done_proxy", name=credited["name"]))
    if record["species_known"] == 0:
        lines.append(ctx.t("planting.done_unknown_species", species=record["species"]))
    waiting = planting.waiting_reasons(record)
    if record["review"] == "pending" and waiting:
        lines.append(ctx.t("planting.done_pending", reasons="；".join(waiting)))
    lines.append(progress_line(ctx.app, ctx.db, credited, named=credited["id"] != ctx.person["id"]))
    return lines


# -- 作废: a finished record withdrawn by its sender (round 36) ----------------------------------------------
_withdraw_words = text_is("planting.commands.withdraw")
_cancel_words = text_is("core.commands.cancel")


_WORDS, _RETRACTION, _BARE_CANCEL = "words", "retraction", "bare cancel"
# round 38 (19m): a withdrawal asked with no record ever finished ('刚才报的那个不作数 帮我撤掉' from a villager who
# reported none): told so, never a ticket; a retraction in words only when it speaks of a report or a record (a photo
# or a question taken back is no record's)
NOTHING = {"id": None}
_A_RECORD_SAID_RE = re.compile(r"报|记录|登记|记")


# the lead (fortieth session, the simulator): 作废 with the number its reply named ('作废 12', '作废第12号') had been
# "not understood": the sender's own record by that number; another's number is never withdrawn, only said not theirs
_NUMBERED = "numbered"
_NUMBERED_WITHDRAW_RE = re.compile(r"(?:作废|撤回|撤销)(?:记录)?第?(\d{1,9})号?(?:记录)?")


def _withdraw_number(ctx) -> int | None:
    said = ctx.msg.msg_type == "text" and _NUMBERED_WITHDRAW_RE.fullmatch(re.sub(r"\s+", "", text_normalized(ctx)))
    return int(said[1]) if said else None


def _withdraw_ahead(ctx):
    """作废 in its words, or a retraction said in words ('刚刚报的那个作废 我重新来', '头先嗰条记录唔要啦 搞错咗')."""
    if _withdraw_words(ctx):
        return _WORDS
    if _withdraw_number(ctx) is not None:
        return _NUMBERED
    # round 57: a bare 取消 right after a record finished (nothing in progress: handlers/core.py leaves it here)
    if _cancel_words(ctx):
        return _BARE_CANCEL
    return _RETRACTION if retraction_in_words(ctx) else False


def _withdraw_then(ctx, said):
    """With nothing in progress (a retraction is 取消 then: handlers/core.py), the sender's last finished record; a
    retraction in words speaks of what was just sent: only of a record finished within the last day (an older one is
    no 'just reported': the text keeps its old route)."""
    live = [flow for flow, _state in conversation.in_progress(ctx, ctx.app.flows) if flow is not planting.WITHDRAW]
    if live:
        return None
    if said == _BARE_CANCEL:
        return planting.just_finished(ctx)
    number = _withdraw_number(ctx) if said == _NUMBERED else None
    if number is not None:
        return planting.own_finished(ctx, number)
    record = planting.last_finished(ctx)
    if record is None:
        said_of_a_record = _A_RECORD_SAID_RE.search(text_normalized(ctx)) or nlu.planted_pointed_then_dropped(
            text_normalized(ctx)
        )  # round 97: '我种咗两棵橄榄嗰个 取消' with none reported: none to withdraw (it had become a record)
        return NOTHING if said == _WORDS or said_of_a_record else None
    if said == _WORDS or planting.finished_within(record, ctx.now, planting.RETRACTION_HORIZON):
        return record
    return None


@registered
def on_withdraw_asked(ctx, record: dict) -> str:
    if record is NOTHING:
        return ctx.t("planting.withdraw_nothing")
    if record.get("openid") != ctx.openid:  # planting.NOT_THE_SENDERS: no record of theirs by that number
        return ctx.t("planting.withdraw_not_theirs", id=record["id"])
    facts = {"id": record["id"], "what": _what(ctx, record)}
    refusal = _senders_change_refused(ctx, record, ("planting.withdraw_late", "planting.withdraw_checked"), facts)
    if refusal:
        return refusal
    planting.ask_withdraw(ctx, record)
    return ctx.t("planting.withdraw_ask", **facts)


def _senders_change_refused(ctx, record: dict, keys: tuple[str, str], facts: dict) -> str | None:
    """Why the sender may not withdraw or correct their finished record themselves: withdrawn already, too late or
    checked by the village (``planting.withdraw_refusal``: ``keys`` are the late and the checked messages); None when
    they may."""
    late, checked = keys
    if record["status"] == store.WITHDRAWN:
        return ctx.t("planting.withdraw_already", **facts)
    minutes = planting.withdraw_minutes(ctx.config)
    refusal = planting.withdraw_refusal(record, ctx.now_s, minutes)
    if refusal == planting.LATE:
        return ctx.t(late, minutes=minutes, **facts)
    if refusal == planting.CHECKED:
        return ctx.t(checked, **facts)
    return None


def on_withdraw_confirmed(ctx, state, _match) -> str:
    withdrawn = planting.withdraw(ctx, state.data["planting_id"])
    if withdrawn is None:
        return ctx.t("planting.withdraw_failed", id=state.data["planting_id"])
    return ctx.t("planting.withdrawn", id=withdrawn["id"], what=_what(ctx, withdrawn))


def _confirm_words(ctx, _state) -> bool:
    return ctx.msg.msg_type == "text" and nlu.normalize(ctx.msg.text or "") in {
        nlu.normalize(word) for word in ctx.app.messages.words("planting.commands.withdraw_confirm")
    }


# The one answer to "要作废您刚报的第…号记录吗"; the diagram is in docs/planting.md.
WITHDRAW_TABLE = FlowTable(
    planting.WITHDRAW, (Step("confirm", "yes", _confirm_words, on_withdraw_confirmed, to=(END,)),)
)


# -- a finished record's count corrected by its sender (round 48) ---------------------------------------------
# the lead (forty-first session, from sim67: '第2号记录改成5棵' had started a record of a tree called 号): a record named
# by its number first, then its count or tree corrected: the sender's own record by that number, as 作废 <N> reads it
_NUMBERED_RECORD_RE = re.compile(r"^(?:帮我|请)?(?:把|将)?第?(\d{1,9})号(?:记录|嘅记录|的记录|嗰条|那条)?(?:的|嘅)?")


def numbered_record(ctx) -> tuple[int | None, str]:
    """The number of a record named first and the words after it; (None, the text) when none is named."""
    text = re.sub(r"\s+", "", ctx.msg.text or "")
    found = _NUMBERED_RECORD_RE.match(text)
    return (int(found[1]), text[found.end() :]) if found else (None, ctx.msg.text or "")


@pure
def _recount_ahead(ctx) -> bool:
    """A count said wrong and said right ('头先报错咗 系三棵唔系两棵', '刚才那个是三棵 不是两棵', '帮我改成3棵'); round 52:
    or the tree ('头先嗰三棵唔系龙眼系黄皮', '树种报错了 应该是龙眼'); the lead (41st): a record named by its number first
    ('第12号记录改成5棵')."""
    if ctx.msg.msg_type != "text":
        return False
    # sim62: or in one clause, who writes said beside it ('我是他孙子 帮爷爷发的 刚才那个是三棵不是两棵')
    table, others = planting.species_table(ctx.app), planting.offlist_names(ctx.app)
    return planting.correction_said(numbered_record(ctx)[1], table, others) is not None


def _recount_then(ctx, _said):
    """With nothing in progress (a record being collected takes the correction itself: ``planting.read_part``), the
    sender's last finished record: (the record, the fields the text changes or None); ``NOTHING`` when they never
    finished one (told so: no adviser can change a count)."""
    if any(flow is planting.FLOW for flow, _state in conversation.in_progress(ctx, ctx.app.flows)):
        return None
    number, text = numbered_record(ctx)
    record = planting.last_finished(ctx) if number is None else planting.own_finished(ctx, number)
    table, others = planting.species_table(ctx.app), planting.offlist_names(ctx.app)
    said = planting.correction_said(text, table, others) or ""
    if record is not None and record.get("openid") != ctx.openid:  # planting.own_finished: none of theirs by N
        return record, None
    if _corrects_the_ticket(ctx, said, record):
        return (
            None  # round 70 (21c): the tree of the question just sent corrected: the ticket's (handlers/escalation.py)
        )
    if record is None:
        return NOTHING
    return record, planting.recount_of(said, record, table, others)


def _corrects_the_ticket(ctx, said: str, record: dict | None) -> bool:
    """The tree corrected is the one of a question sent after the sender's last record, its 补充 window open
    ('讲错咗 唔系桂花 系米兰' on a 桂花 question): the ticket's tree, never the record's."""
    table, others = planting.species_table(ctx.app), planting.offlist_names(ctx.app)
    return any(
        (record is None or ticket["created_at"] > (record["completed_at"] or record["created_at"]))
        and escalation.ticket_tree_corrected(said, escalation.ticket_texts(ctx.db, ticket), table, others)
        for ticket in escalation.supplementable_tickets(ctx.app, ctx.db, ctx.openid, ctx.now)
    )


@registered
def on_recount_asked(ctx, found: tuple) -> str:
    if found is NOTHING:
        return ctx.t("planting.recount_nothing")
    record, fields = found
    if record.get("openid") != ctx.openid:  # a number of no finished record of theirs: never changed, never whose
        return ctx.t("planting.recount_not_theirs", id=record["id"])
    facts = {"id": record["id"], "what": _what(ctx, record)}
    if fields is None and record["status"] != store.WITHDRAWN:
        return ctx.t("planting.recount_same", **facts)
    refusal = _senders_change_refused(ctx, record, ("planting.recount_late", "planting.recount_checked"), facts)
    if refusal:
        return refusal
    planting.ask_recount(ctx, record, fields)
    return ctx.t("planting.recount_ask", new=_what(ctx, {**record, **fields}), **facts)


def on_recount_confirmed(ctx, state, _match) -> str:
    changed = planting.recount(ctx, state.data["planting_id"], state.data["fields"])
    if changed is None:
        return ctx.t("planting.recount_failed", id=state.data["planting_id"])
    return "\n".join(
        [ctx.t("planting.recounted", id=changed["id"], what=_what(ctx, changed)), *_confirmation_tail(ctx, changed)]
    )


def _recount_confirm_words(ctx, _state) -> bool:
    return ctx.msg.msg_type == "text" and nlu.normalize(ctx.msg.text or "") in {
        nlu.normalize(word) for word in ctx.app.messages.words("planting.commands.recount_confirm")
    }


# The one answer to "要把第…号改成…吗"; the diagram is in docs/planting.md.
RECOUNT_TABLE = FlowTable(
    planting.RECOUNT, (Step("confirm", "yes", _recount_confirm_words, on_recount_confirmed, to=(END,)),)
)


# One handler per (state, input) of the answers to "改成5棵，还是另外一条记录？"; the diagram is in docs/planting.md.
TABLE = FlowTable(
    planting.FLOW,
    (
        Step(
            "count_changed",
            "change",
            _choice("planting.commands.change_count", 1),
            on_change_count,
            to=("collecting", END),
        ),
        Step(
            "count_changed",
            "another",
            _choice("planting.commands.another_record", 2),
            on_another_record,
            to=("collecting", END),
        ),
    ),
)


# -- whether the record just finished was recorded (sim62) --------------------------------------------------
@pure
def _recorded_ahead(ctx) -> bool:
    # the lead (43rd session, 21w): thanks said first ('唔该晒 记到未啊' had got 不客气) left out (its asides)
    return ctx.msg.msg_type == "text" and (
        planting.recorded_asked(text_normalized(ctx))
        or planting.recorded_asked(escalation_handlers.said_after_asides(ctx))
    )


def _recorded_then(ctx, _said):
    """The sender's record finished within planting.withdraw_minutes (nothing collected meanwhile); round 67: with
    none, the sender's progress (``NONE_JUST_FINISHED``: '登记咗未' is never a 登记, and had nothing else to answer it), unless a
    record is being collected (its own routes answer)."""
    if any(flow is planting.FLOW for flow, _state in conversation.in_progress(ctx, ctx.app.flows)):
        # round 80 (21u: '种了3棵桂花 || 帮我看看记上没' had become a question for the adviser): the record being
        # collected is not recorded yet: said so, with what it still needs (on_recorded_asked)
        return planting.collecting(ctx)
    record = planting.just_finished(ctx)
    if record is None or record["status"] != "complete":
        # the photo asked after with no record just finished is no record's ('相收到未' after a ticket's photo)
        return None if planting.photo_received_asked(text_normalized(ctx)) else NONE_JUST_FINISHED
    return record


NONE_JUST_FINISHED = {"id": None}


@registered
def on_recorded_asked(ctx, record: dict) -> str:
    """'记上了没有' just after a record: yes, which record, and what its reply said after (its check, the progress);
    round 67: with no record just finished, the sender's progress (what is counted, what waits)."""
    assert ctx.person is not None  # @registered
    if record is NONE_JUST_FINISHED:
        return my_progress_text(ctx.app, ctx.db, ctx.person)
    if record["status"] == "pending":  # round 80: not recorded until it is complete: its next step, then the progress
        return "\n".join(
            [ctx.t("planting.recorded_not_yet"), on_menu(ctx, record), my_progress_text(ctx.app, ctx.db, ctx.person)]
        )
    return "\n".join(
        [ctx.t("planting.recorded_yes", id=record["id"], what=_what(ctx, record)), *_confirmation_tail(ctx, record)]
    )


# -- done said just after a record (the lead, from the simulator) ---------------------------------------------
_GO_ON = "go_on"  # _done_ahead's reading: what next asked, thanks or an okay before it or not ('多谢晒 跟住仲要做咩')
# round 73 (21i): a bare yes or filler ('嗯' after a photo, '好' to the question of the record waiting for its photo)
ACKNOWLEDGED = "acknowledged"


@pure
def _done_ahead(ctx) -> Any:
    if ctx.msg.msg_type != "text":
        return False
    said = text_normalized(ctx)
    if planting.done_said(said):
        return True
    # round 74 (21l): what next asked, asides before it left out: just after a record finished, its state (below)
    aside = nlu.without_leading_asides(ctx.msg.text or "")
    if aside and nlu.go_on_asked(nlu.without_fillers(nlu.normalize(aside))):
        return _GO_ON
    if nlu.pointed_tree_go_on_asked(said):  # sim69: '阿爸嗰两棵点算' just after the record: that record
        return _GO_ON
    # round 73: as said: the reading drops a bare '嗯' as voice input's filler
    return ACKNOWLEDGED if nlu.acknowledged_alone(nlu.normalize(ctx.msg.text or "")) else False


def _done_then(ctx, said):
    """'种好咯': the record being collected (pending: its next step), else with no other flow waiting the record
    finished within planting.withdraw_minutes, else ``NONE_JUST_FINISHED`` (how to log one: the planting help).
    Round 74: what next asked ('跟住仲要做咩') only just after a record finished: that record (nothing more to do). Round
    73: a bare yes or filler ('嗯', '好') only while the record is collected, the flow the sender touched last and no
    question for the adviser open in its window: the question the record asked still stands (else small talk)."""
    collected = planting.collecting(ctx)
    if said == ACKNOWLEDGED:
        state = planting.FLOW.state(ctx)
        waiting = (
            collected is not None
            and state is not None
            and state.name == "collecting"  # not the choice of 1 or 2 a new count asks (planting_count_choice's)
            and planting.FLOW.touched_last(ctx)
            and not escalation.open_in_window(ctx)
        )
        return collected if waiting else None
    if collected:
        return collected if said is not _GO_ON else None  # the planting help's, which says what it still needs
    if conversation.in_progress(ctx, ctx.app.flows):
        return None  # a flow asked something: its own routes read the answer
    if said is _GO_ON:
        return planting.just_finished(ctx)
    return _recorded_then(ctx, said)


@registered
def on_done_said(ctx, record: dict) -> str:
    """Done said: while a record is collected, what it still needs (the photo, the count); just after a record, which
    it was and its progress, as '记上了没有' is answered; with neither, how to log the trees: never a question for
    the adviser."""
    if record is NONE_JUST_FINISHED:
        return ctx.t("planting.how_to")
    if record["status"] == "pending":
        return on_menu(ctx, record)
    return on_recorded_asked(ctx, record)


# -- the manifest -----------------------------------------------------------------------------------
RECORD_ROUTES: list = [
    TABLE.route("planting_count_choice"),
    WITHDRAW_TABLE.route("withdraw_confirm"),
    Route("withdraw", staged(_withdraw_ahead, _withdraw_then), on_withdraw_asked),
    RECOUNT_TABLE.route("recount_confirm"),
    Route("recount", staged(_recount_ahead, _recount_then), on_recount_asked),
    Route("recorded_asked", staged(_recorded_ahead, _recorded_then), on_recorded_asked),
    Route("done_said", staged(_done_ahead, _done_then), on_done_said),
    Route("planting_guess_yes", staged(_guess_yes_words, _guess_then), on_menu),
    Route("planting_menu", _menu, on_menu),
    Route("planting_photo", _is_photo, on_photo),
    Route("planting_location", _location_target, on_location),
    Route("planting_text", _planting_text, on_text),
    Route("planting_count_alone", _count_alone, on_count_alone),
]
# round 68: read before progress (whose review_why took '涯种了两棵狮子树 记到冇') and the FAQ (handlers/__init__.py)
ASKED_AFTER_ROUTES: list = [
    Route("planting_text_then_asked", staged(_asked_aside_ahead, _asked_aside_then), on_told_then_asked)
]
ROUTES: list = [*ASKED_AFTER_ROUTES, *RECORD_ROUTES]
JOBS: list = [Job("planting_windows", planting.settle_windows, 60)]
MEDIA_LISTENERS: list = [MediaListener(planting.prepare_record_photo, planting.analyse_record_photo)]
# dashboard_store holds the review decisions (they refer to plantings, so it migrates after it)
STORES: list = [store, dashboard_store]
EXPORTS: dict = {**store.EXPORT_SQL, **dashboard_store.EXPORT_SQL}
DASHBOARD: list = review_pages.PAGES
PHOTO_VILLAGES: list = [dashboard_store.photo_villages]
FLOWS: list = [planting.FLOW, planting.WITHDRAW, planting.RECOUNT]
USER_READS: list = [planting.OPEN_VOICE_TICKET]
