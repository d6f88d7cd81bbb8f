"""Planting records: the service layer of the planting capability (chat, jobs, media job, dashboard).

A record needs a photo, a species and a count (a cadre's plot: a photo, a species and an area in 亩);
a location is welcome. The parts may come in any order within the collecting window
(``conversation.timeout_minutes``): the pending record's id is kept in the ``planting`` flow, the
record itself is a ``plantings`` row from its first part on, so a photo links to it (its media row)
at once and is analysed later by the media job (``prepare_record_photo`` outside the write lock:
hashes, EXIF, thumbnail; ``analyse_record_photo`` inside its transaction: near-duplicates, the
analysis rows, the flags). The ``planting_windows`` job (``settle_windows``) closes windows: a record
whose flow vanished is marked cancelled, one whose window ran out stays pending (incomplete) and its
sender is reminded once. The states and their diagram: docs/planting.md.

**Verified or waiting** (docs/planting.md): a complete record counts at once (``review = none``) only when
it passes every check of ``compute_flags``: a photo; done in the campaign season (bot/schedule.py: from
``plans_due`` to the end of the window; a later 补种 is reviewed); within the village's radius when a
location is known (a location message or the photo's EXIF GPS); no duplicate photo, no old photo, a
recommended species; at most ``review.max_trees_per_record`` trees for the sender's role; a plot tag
(党建林, 主题林, 示范点) only from ``planting.cadre_roles``. Otherwise it waits (``review = pending``) and
counts once approved. Each record that passes is drawn for a spot check (随机抽查) with probability
``review.spot_check_rate`` (twice that without any location): a keyed hash of its id against the rate
(``spot_check_draw``), so the draw is the same every time it is computed and anyone with the key can
check it; a drawn record (``review = spot_check``) still counts until a reviewer rejects it.

Everything from ``parse_text`` to ``review_after`` is pure (no app, no database) and unit-tested; the
functions after it are the services: they read and write through bot/store/plantings.py.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import re
import secrets
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, NamedTuple

from bot import clock, identity, nlu, outbox, schedule
from bot.conversation import Flow
from bot.db import transaction
from bot.faq import load_offlist, load_species_table
from bot.follow import Follower
from bot.messages import MESSAGES_DIR
from bot.photos import NearDuplicateIndex, PhotoError, haversine_m, is_far_from, is_old_photo, process_photo
from bot.registry import UserRead
from bot.roster import MASSES
from bot.store import conversations as conversations_store
from bot.store import dashboard as dashboard_store
from bot.store import inbox as inbox_store
from bot.store import plantings as store
from bot.store import roster as roster_store
from bot.store import tickets as tickets_store
from bot.store import tokens as tokens_store

log = logging.getLogger(__name__)


def _cancel_pending_record(ctx, state) -> None:
    """取消 while a record is being collected: it is marked cancelled at once (it never counted)."""
    record = store.get(ctx.db, state.data.get("planting_id"))
    if record and record["status"] == "pending":
        store.update(ctx.db, record["id"], {"status": "cancelled", "closed_at": ctx.now_s, "updated_at": ctx.now_s})


def drop_collecting(ctx, record: Mapping) -> None:
    """sim67: a record being collected that its sender may no longer finish (a 代种 or plot text of a cadre the roster
    has since named otherwise): cancelled (it never counted), the flow ended."""
    store.update(ctx.db, record["id"], {"status": "cancelled", "closed_at": ctx.now_s, "updated_at": ctx.now_s})
    FLOW.end(ctx)


def _cancel_set_aside_record(ctx) -> bool:
    """Round 56: 取消 with nothing in progress while a record is set aside (its window over and its reminder sent, a late
    part still finishes it within planting.late_part_hours: ``late_record``'s): it is cancelled (it had been 'nothing
    to cancel', while the reminder and the 代种 notice say 取消 drops it)."""
    since = ctx.now - timedelta(hours=float(ctx.config.get("planting.late_part_hours")))
    record = store.latest_incomplete(ctx.db, ctx.openid, clock.to_db(since), ctx.now_s)
    if record is None:
        return False
    store.update(ctx.db, record["id"], {"status": "cancelled", "updated_at": ctx.now_s})
    return True


# round 36: confirm {planting_id}: a finished record its sender asked to void (作废, '刚刚报的那个作废 我重新来') waits
# for a clear yes (确定作废) before it is withdrawn; 取消 or the timeout leave it as it is. Its table is in
# handlers/planting.py (WITHDRAW_TABLE), its diagram in docs/planting.md.
WITHDRAW = Flow("withdraw", ("confirm",), choice_states=("confirm",))
# round 48: confirm {planting_id, count, species}: the count of a record just finished, said wrong and said right
# ('头先报错咗 系三棵唔系两棵'), waits for a clear yes (确定) before it is changed; the same window and checks as 作废.
RECOUNT = Flow("recount", ("confirm",), choice_states=("confirm",))

# collecting {planting_id} (or {location}: sent before any part); count_changed {planting_id, updates}: a new
# count for a record that has one waits for 1 (change it) or 2 (another record). Timeout:
# conversation.timeout_minutes; the table is in handlers/planting.py, the diagram in docs/planting.md.
FLOW = Flow(
    "planting",
    ("collecting", "count_changed"),
    on_cancel=_cancel_pending_record,
    on_cancel_idle=_cancel_set_aside_record,
    answers_go_on=True,
    choice_states=("count_changed",),
)

FLAG_ORDER = (
    "duplicate_photo",
    "far_from_village",
    "old_photo",
    "unknown_species",
    "no_photo",
    "out_of_season",
    "over_cap",
    "plot_tag",
)
# The parts of a record and the review flags, as the messages name them.
PART_NAMES = {
    "photo": "planting.part_photo",
    "species": "planting.part_species",
    "count": "planting.part_count",
    "area": "planting.part_area",
}
FLAG_REASONS = {
    "duplicate_photo": "planting.flag_duplicate_photo",
    "far_from_village": "planting.flag_far_from_village",
    "old_photo": "planting.flag_old_photo",
    "unknown_species": "planting.flag_unknown_species",
    "no_photo": "planting.flag_no_photo",
    "out_of_season": "planting.flag_out_of_season",
    "over_cap": "planting.flag_over_cap",
    "plot_tag": "planting.flag_plot_tag",
}
SPOT_CHECK = "spot_check"  # the review state of a counted record drawn for a spot check (and its details key)
PLOT_SITES = ("党建林", "主题林", "示范点")

# A bare tree name typed while a record waits for its species: CJK only, short, not a command.
_BARE_NAME_RE = re.compile(r"^[\u4e00-\u9fff]{1,8}$")
# words of a sentence no tree's name holds ('这张照片拍得不好', '照片是昨天拍的', '我弄错了'): such a text after a
# photo says something about it, it does not name its tree (相 stays: 相思树)
_NOT_IN_A_NAME_RE = re.compile(r"[我你您他她这那呢嗰了吗吧呀啊得很太没不拍照要会能想错]|昨天|今天|明天|刚才|等下")
_NOT_A_NAME = {"取消", "帮助", "好", "好的", "是", "是的", "对", "对的", "不是", "没有", "知道了", "谢谢"}
# sim62: a yes said while the record waits for its tree ('确实叫“张三”就再发一次“张三”' answered '确定', which had recorded a
# tree named 确定, and '没错' or '可以', which got an FAQ card): no name, the tree asked again
_YES_WORDS = frozenset(
    {"确定", "确认", "确定了", "可以", "行", "嗯", "嗯嗯", "没错", "对啊", "是啊", "系", "系呀", "系啊", "冇错", "啱"}
    | {"收到", "明白", "明白了", "好吧", "好啊", "同意", "确实", "真的", "是的", "对的", "对", "是", "好", "好的"}
)


# -- text -------------------------------------------------------------------------------------------
def parse_text(
    text: str, species_table: Mapping, waiting_for: frozenset[str] = frozenset(), others: tuple[str, ...] = ()
) -> nlu.PlantingText | None:
    """A planting report, as ``nlu.parse_planting_text`` reads it; while a record waits for parts
    (``waiting_for``: 'species', 'count', 'area'), a bare answer is accepted too: ``3棵``, ``三株``,
    ``桂花``, ``2亩``, or an unknown tree name as written (``黄皮``; ``others``, the trees off the list, keep
    their whole name: ``发财树``), with filler (``是桂花``, ``不对，是5棵``) but nothing more: a complaint or symptom
    (``桂花叶子黄了``) or another sentence naming a tree (``隔壁家的竹子长到我家地里了``) is never a part of a record.

    nlu gap this covers: ``parse_planting_text`` needs a tree word next to a count ('3棵' alone, or
    '桂花' alone, is not a report), which is right without context but not as an answer.
    """
    whole = read_whole(text, species_table, others)
    return _bare_part(text, species_table, waiting_for, others) if whole is MAY_BE_PART else whole  # type: ignore[return-value]


def _bare_part(
    text: str, species_table: Mapping, waiting_for: frozenset[str], others: tuple[str, ...]
) -> nlu.PlantingText | None:
    """The part of a record a text that is no whole report and no question gives (``parse_text``), if the record
    waits for it."""
    if not waiting_for:
        return None
    # round 57: emoji around the answer are none of it ('🌳🌳 秋枫' after the photo: the tree, its count asked)
    text = nlu.to_halfwidth(nlu.without_emoji(text or "")).strip().strip("。.!！,，")
    if "species" in waiting_for and text in _YES_WORDS:
        return nlu.PlantingText(None, False, None, "", False, None, None, None)  # nothing given: the tree asked again
    number = nlu.number_alone(text) if "count" in waiting_for else None
    if number is not None:  # round 52 (20a): '2' after the photo is its count (never a tree named 三); the tree asked
        return nlu.PlantingText(number, False, None, "", False, None, None, None)
    count = nlu.parse_count(text)
    area = nlu.parse_area_mu(text)
    species, written = nlu.find_species(text, species_table)
    unknown = False
    if (
        species is None
        and "species" in waiting_for
        and count is None
        and area is None
        and _BARE_NAME_RE.match(text)
        and text not in _NOT_A_NAME
        and not _NOT_IN_A_NAME_RE.search(text)
        and not nlu.find_site(text)
    ):
        written = nlu.tree_name(text, others)
        unknown = True
    if count is None and area is None and species is None and not unknown:
        return None
    if not unknown and not nlu.is_bare_answer(text, written, count.matched if count else ""):
        return None  # a sentence that names a tree ('隔壁家的竹子长到我家地里了') answers nothing
    return nlu.PlantingText(
        count=count.count if count else None,
        vague=bool(count and count.vague),
        species=species,
        species_text=written,
        unknown_species=unknown,
        site_kind=nlu.find_site(text),
        area_mu=area,
        proxy_name=None,
    )


def never_a_part(text: str) -> bool:
    """A question, chit-chat, an adoption wish, a complaint or a pledge is never a bare part of a record:
    ``parse_text`` reads it as a whole report or nothing, whatever the record waits for."""
    text = nlu.to_halfwidth(text or "").strip().strip("。.!！,，")
    return (
        not text
        or nlu.is_question(text)
        # a confirmation, chit-chat with nothing waiting (sim68), stays the record's while it waits (sim62: its tree asked)
        or (nlu.is_chitchat(text) and text not in nlu.CONFIRM_WORDS)
        or nlu.is_small_talk(text, nlu.normalize(text))  # '得闲再倾' is no tree's name
        or nlu.is_adoption_wish(text)
        or nlu.is_complaint(text)
        or nlu.is_pledge(text)
    )


MAY_BE_PART = "may be a part"  # read_whole: no whole report, but perhaps a bare part of the sender's record


class ToldThenAsked(NamedTuple):
    """Trees told, then a question in the same breath (rounds 68 and 69: '木眠树一棵 顺便问几时淋水', '涯种了两棵狮子树
    记到冇', '我同老伴头先喺屋后种咗四棵杨梅 想问下几耐淋一次水', after a photo '呢啲系阿妈种嘅 两棵杨梅 佢哋几时结果'): the
    report starts or completes the record, the question is answered after it (or goes to the adviser), never lost."""

    told: nlu.PlantingText
    question: str  # as asked, its aside lead ('顺便问下') left out
    planted_said: bool  # the trees said planted; else only a record being collected takes the report ('龙眼两棵 …')
    aside: bool  # the question asked aside ('顺便问下…')
    status: bool  # whether it was recorded asked ('记到冇'): the record's own reply answers it
    # round 72 (21c): the question asks of one of the trees in trouble ('两棵木棉 其中一棵断咗枝 仲生唔生得'): a report only
    # for the record being collected, or of trees said planted today ('今朝种咗两棵龙眼 有一棵啲叶卷晒 …')
    troubled: bool = False
    today: bool = False  # the trees said planted today or just now


# trees told planted (种咗, 种了, 种好, 种嘅 …), never meant to be (想种, 要种, 打算种), pledged or adopted (认领两棵荔枝)
_PLANTED_TOLD_RE = re.compile(r"[种栽植](?:咗|了|左|好|下|落|低|埋|嘅|的)|(?:新|刚|啱|才)[种栽]")
_TODAY_RE = re.compile(
    r"今天|今日|今朝|今早|今晚|刚刚|刚才|头先|啱啱|早上|上午|下午|琴日|昨天"
)  # round 72: when planted, of late
_SOME_OF_THEM_RE = re.compile(r"(?:有|其中|当中|得)(?:一|两|几|\d)?(?:棵|株|樖)")
_PLANTING_MEANT_RE = re.compile(r"(?:想|要|打算|准备|计划|将|会)[种栽]|(?:想|要|打算|准备|计划)[^种栽]{0,4}[种栽]")
_NOT_PLANTED_SAID_RE = re.compile(r"认领|认养|认种|想|要|准备|打算|计划|明天|下个月")
# round 78 (21t): the trees just told pointed back at ('刚才那两棵荔枝是帮我婆婆种的 能算她的吗', '这两棵是帮我妈种的'): what
# is asked is of them (whose they count as), never a second report of them
_POINTED_BACK_RE = re.compile(rf"^(?:刚才|刚刚|头先|啱先|之前|上面)?(?:的)?(?:那|这)(?:些)?{nlu._NUM}?{nlu._MEASURE}")
# the question's lead-in ('顺便问下', '另外想问'), left out of what is asked
_ASIDE_LEAD_RE = re.compile(r"^(?:顺便|另外|还有|仲有|再)?(?:想|要)?(?:问|请教)(?:下|一下|多句|一句)?(?=.)")


def told_then_asked(text: str, species_table: Mapping, others: tuple[str, ...] = ()) -> ToldThenAsked | None:
    """The shortest run of first clauses that is a whole report (a count and a tree, for the sender's own household),
    and the clauses after it a question; voice input's fillers before it left out. Trees not said planted ('龙眼两棵')
    only with the question asked aside ('顺便问…') or whether recorded: the caller has them for a record being
    collected. None when a clause names a tree's trouble (a symptom or complaint is a question about trees standing,
    never a record: the FAQ's or the adviser's), or the question is announced first or asks of one of the trees."""
    clauses = [c for c in nlu.PAUSES_RE.split(nlu.without_spoken_fillers(text or "")) if c]
    if len(clauses) < 2:
        return None
    troubled = nlu.is_complaint(text) or nlu.symptom_named(nlu.normalize(text))
    if nlu.kin_trees_count_asked(nlu.normalize(text)):
        return None  # the lead (43rd session): a relative's trees, whether they count for the sender asked (the FAQ's)
    unsaid: ToldThenAsked | None = None  # round 78: the first report not said planted, nothing longer said so
    for n in range(1, len(clauses)):  # the shortest report: what follows it is the question, as said
        question = " ".join(clauses[n:])
        norm = nlu.normalize(question)
        status = recorded_asked(norm) or nlu.review_why_asked(norm)
        one_of_them = _SOME_OF_THEM_RE.match(norm)  # round 72: the question starts with one of the trees ('其中一棵…')
        if not (status or nlu.is_question(question)) or (nlu.parse_count(question) is not None and not one_of_them):
            continue  # trees still counted after it ('两棵桂花 两棵荔枝 几时施肥'): more of the report
        head = " ".join(clauses[:n])
        if _PLANTING_MEANT_RE.search(head) or _NOT_PLANTED_SAID_RE.search(nlu.normalize(head)):
            continue  # trees to be planted ('我想种两棵荔枝 种边个品种好啲'): a question, never a record
        if _POINTED_BACK_RE.match(nlu.normalize(head)):
            return None  # round 78: the trees just told, asked of
        if "问" in head:
            return None  # the question announced first ('另外问下 我种咗三棵荔枝 几耐淋一次水')
        if (troubled or _SOME_OF_THEM_RE.search(norm)) and not (
            one_of_them and not nlu.is_complaint(head) and not nlu.symptom_named(nlu.normalize(head))
        ):
            # a trouble told (a symptom or complaint is a question about trees standing, never a record); one of the
            # trees told of, other than right after the report ('小叶榄仁种咗三棵 有一棵歪咗点扶返' is, and waits for the
            # caller: a record being collected, or trees planted today)
            return None
        troubled = bool(one_of_them)
        aside = _ASIDE_LEAD_RE.sub("", question)
        planted_said = bool(_PLANTED_TOLD_RE.search(head))
        told = nlu.parse_planting_text(head, species_table, others)
        if not (
            told is not None
            and told.count is not None
            and not told.vague
            and (told.species or told.unknown_species)
            and not (told.for_another or told.total_differs or told.proxy_name or told.proxy_without_name)
        ):
            continue
        if not (planted_said or status or aside != question or troubled):
            # (one of the trees told of: the caller has them for a record being collected, round 72); round 78 (21p):
            # so has it the bare count and tree before a plain question ('两棵荔枝 荔枝几时施肥好' after a photo), when no
            # longer run of clauses says them planted
            unsaid = unsaid or ToldThenAsked(told, aside, False, False, False, False, False)
            continue
        today = bool(_TODAY_RE.search(nlu.normalize(head)))
        return ToldThenAsked(told, aside, planted_said, aside != question, status, troubled, today)
    return unsaid


# The lead (set 21c, 'a tree lost, then replanted'): a replant told done after the loss ('旧年种嗰棵龙眼死咗 今日补种咗两棵',
# '门口那棵桂花枯死了 今天重新种了两棵'): the loss made the text a complaint (a question, never a record); the replant is
# the report, its tree the one lost when the replant names none. Wished ('我想补种', '要唔要补种') or asked, no report.
_REPLANT_DONE_RE = re.compile(
    r"(?:补种|补栽|补植|重新种|重种|再种|种回)(?:了|好了|好|下去了|回)(?:回)?"
    r"(?P<count>(?:[0-9]+|[一二两三四五六七八九十廿]+)(?:棵|株|樖|颗))(?P<tree>[\u4e00-\u9fff]{0,6})$"
)


# What ``normalize`` reads as 补, 重, 再 or 回 (the words _REPLANT_DONE_RE needs): themselves, a variant (補, 迴), a
# synonym (返 -> 回), a context rule (覆 -> 回复). A text with none names no replant: ``read_whole`` asks every text, and
# most skip the normalising (bench/replant.py).
_REPLANT_WORDS = "补重再回"
_REPLANT_HINT_RE = re.compile(
    "|".join(
        sorted(
            {
                *_REPLANT_WORDS,
                "覆",
                *(
                    chr(k)
                    for k, v in nlu._VARIANTS.items()
                    if set(v if isinstance(v, str) else chr(v)) & set(_REPLANT_WORDS)
                ),
                *(k for k, v in nlu.SYNONYMS.items() if set(v) & set(_REPLANT_WORDS)),
            },
            key=len,
            reverse=True,
        )
    )
)


def replant_told(text: str, species_table: Mapping, others: tuple[str, ...] = ()) -> nlu.PlantingText | None:
    """A replant told done at the end of a loss ('…死咗 今日补种咗两棵'): the report of the trees replanted (their tree
    named, else the one lost), or None."""
    if not _REPLANT_HINT_RE.search(text or ""):
        return None
    return _replant_of(text, species_table, others)


def _replant_of(text: str, species_table: Mapping, others: tuple[str, ...]) -> nlu.PlantingText | None:
    norm = nlu.normalize(nlu.without_spoken_fillers(text or "")).rstrip("。.!！~～ ")
    found = _REPLANT_DONE_RE.search(norm.replace(" ", ""))
    if found is None or nlu.is_question(text) or _PLANTING_MEANT_RE.search(norm[: found.start()][-4:]):
        return None
    for tree in (found["tree"], nlu.find_species(norm[: found.start()], species_table)[1]):
        report = nlu.parse_planting_text(found["count"] + tree, species_table, others) if tree else None
        if report is not None and report.species is not None:
            return report
    return None


def read_whole(text: str, species_table: Mapping, others: tuple[str, ...] = ()) -> nlu.PlantingText | str | None:
    """What ``read_text`` reads from the text alone (pure: the webhook reads it before the message's transaction): a
    whole report; None for a text that is none and never a bare part (``never_a_part``); else ``MAY_BE_PART``; the
    lead: a replant told after a loss, its report (``replant_told``)."""
    replanted = replant_told(text, species_table, others)
    if replanted is not None:
        return replanted
    if nlu.care_after_planting_asked(text):
        return None  # the lead (fifty-first session): '荔枝种好要点打理' asks, it reports nothing
    text = nlu.without_rhetorical_lead(text)  # round 72: '你睇唔出咩 荔枝嚟㗎 两棵'
    text = nlu.without_set_aside(text)  # round 78: '桂花掉叶的事先不管 我家门口刚种了三棵龙眼'
    text = nlu.without_name_searched(text)  # round 82: '三棵 嘢 叫咩嚟 石榴', '一棵 唔知咩树 阿伯送嘅苗'
    said_again = nlu.count_said_then_corrected(text)
    if said_again is not None:  # round 74: '三棵桂花 唔系唔系 两棵 讲错咗': the count said last, a whole report
        return nlu.parse_planting_text(said_again, species_table, others)
    parsed = nlu.parse_planting_text(text, species_table, others)
    if nlu.count_corrected(text) is not None:
        # round 39: a count corrected is for the sender's record, if one waits; round 48: never a tree named by the
        # words around it ('刚才那个是三棵 不是两棵' is no 3棵“不两棵”); round 78 (21t): nor the count denied taken as the
        # report ('等阵 唔系三棵 系四棵桃' had been read 3棵桃): the right count is the record's (``read_part``)
        return MAY_BE_PART
    if parsed is None and nlu.tree_corrected(text, species_table, others) is not None:
        # round 80 (21v): the tree said wrong, then right ('哦搞错了应该是桂花': 应该 read as a question) is for the
        # sender's record, if one waits (``read_part``)
        return MAY_BE_PART
    if parsed is not None or never_a_part(text):
        return parsed
    return MAY_BE_PART


def read_text(
    text: str, find_record: Callable[[], Mapping | None], species_table: Mapping, others: tuple[str, ...] = ()
) -> nlu.PlantingText | None:
    """A planting text for the sender's pending or late record (``find_record``, asked only for a text that is no
    whole report and no question: most texts need no record read): ``parse_text`` with the parts it waits for; a
    bare count for a record that has its count (``5棵``, ``不对，是5棵``) is a new count for it (``count_changes``
    then asks what it means)."""
    whole = read_whole(text, species_table, others)
    if whole is not MAY_BE_PART:
        return whole  # type: ignore[return-value]  # a PlantingText or None
    return read_part(text, find_record, species_table, others)


def read_part(
    text: str, find_record: Callable[[], Mapping | None], species_table: Mapping, others: tuple[str, ...] = ()
) -> nlu.PlantingText | None:
    """``read_text`` of a text ``read_whole`` found ``MAY_BE_PART``: the part the sender's record waits for."""
    record = find_record()
    if record is None:
        return None
    # round 89: a record with no tree yet (after its photo) takes the right one said too ('唔系荔枝 系龙眼': 龙眼)
    tree = nlu.tree_corrected(text, species_table, others)
    if tree is not None:  # round 57: '唔系荔枝 系龙眼' of the record in progress: its tree changed, its count kept
        name, listed = tree
        return nlu.PlantingText(None, False, name if listed else None, name, not listed, None, None, None)
    shown = nlu.photo_trees_said(text) if record.get("count") is None else None
    if shown is not None:  # round 74: '啱先张相系我屋后嗰两棵柚子树' of the record's photo: the trees it shows
        return nlu.parse_planting_text(shown, species_table, others)
    corrected = nlu.count_corrected(text)
    if corrected is not None:  # round 39 (19n): '唔系两棵 系三棵荔枝 打错字': the right count for a record that has one
        if record.get("count") is None:
            # round 78 (21t): a record with no count yet (after its photo) takes the right one said ('等阵 唔系三棵
            # 系四棵桃': 4棵桃), with the tree if said
            return nlu.parse_planting_text(corrected, species_table, others) or _bare_part(
                corrected, species_table, text_parts_missing(record), others
            )
        return nlu.parse_planting_text(corrected, species_table, others) or _bare_part(
            corrected, species_table, frozenset({"count"}), others
        )
    parsed = _bare_part(text, species_table, text_parts_missing(record), others)
    if parsed is None and record.get("count") is not None:
        bare = _bare_part(text, species_table, frozenset({"count"}), others)
        if bare and bare.count is not None and not (bare.species or bare.unknown_species or bare.area_mu):
            return bare
    return parsed


def count_changes(record: Mapping, parsed: nlu.PlantingText) -> bool:
    """Does this text give a record that has its count another count? Then the bot asks whether to change it or
    to keep another record, never overwriting it silently (``种了3棵发财树``, then ``种了5棵发财树``; a 代种 for the same
    household too: ``代种 李明 3棵龙眼`` after ``代种 李明 2棵龙眼``; one for another household never reaches this:
    ``another_household``)."""
    return record.get("count") is not None and parsed.count is not None and parsed.count != record["count"]


def is_plot(parsed: nlu.PlantingText) -> bool:
    """A cadre's plot record: an area in 亩 (党建林 2.5亩 …)."""
    return parsed.area_mu is not None


def needs_cadre(parsed: nlu.PlantingText) -> bool:
    """Plot records and 代种 (named or not): only ``planting.cadre_roles`` with a proven binding
    (``identity.staff_refusal``)."""
    return is_plot(parsed) or parsed.proxy_name is not None or parsed.proxy_without_name


def is_cadre(person: Mapping | None, roles: tuple[str, ...] | list[str]) -> bool:
    """May this person log plot records and 代种 (``planting.cadre_roles``, bound with proof)?"""
    return identity.acts_as(person, roles)


# The record columns a planting text may set (text_updates).
TEXT_COLUMNS = ("kind", "area_mu", "site", "species", "species_known", "count")
# Whose record it is (a 代种 sets both: apply_text).
WHOSE_COLUMNS = ("person_id", "entered_by_person_id")


def text_updates(parsed: nlu.PlantingText) -> dict[str, Any]:
    """The record columns a planting text sets (only what it says; a vague count sets none)."""
    fields: dict[str, Any] = {}
    if is_plot(parsed):
        fields["kind"] = "plot"
        fields["area_mu"] = parsed.area_mu
    if parsed.site_kind:
        fields["site"] = parsed.site_kind
    if parsed.species:
        fields.update(species=parsed.species, species_known=1)
    elif parsed.unknown_species and parsed.species_text and not parsed.unheard:
        fields.update(species=parsed.species_text, species_known=0)
    if parsed.count is not None:
        fields["count"] = parsed.count
    return fields


# -- what is missing --------------------------------------------------------------------------------
def missing_parts(record: Mapping, photo_count: int) -> list[str]:
    """The parts a record still needs, in the order the bot asks for them."""
    missing = []
    if not record.get("species"):
        missing.append("species")
    if record.get("kind") == "plot":
        if record.get("area_mu") is None:
            missing.append("area")
    elif record.get("count") is None:
        missing.append("count")
    if photo_count < 1:
        missing.append("photo")
    return missing


def text_parts_missing(record: Mapping) -> frozenset[str]:
    return frozenset(p for p in missing_parts(record, 1) if p != "photo")


def describe(record: Mapping, shown: Mapping[str, str] | None = None) -> str:
    """What was recorded, as a villager would say it: '3棵桂花', '党建林 2.5亩 120棵香樟'; ``shown`` maps a stored
    species to the name replies show (``display_names``: 桃 -> 桃子)."""
    parts = []
    if record.get("kind") == "plot" or record.get("site") in PLOT_SITES:
        parts.append(record.get("site") or "")
    if record.get("area_mu") is not None:
        parts.append(f"{record['area_mu']:g}亩")
    tree = ""
    if record.get("count") is not None:
        tree += f"{record['count']}棵"
    species = record.get("species")
    tree += (shown or {}).get(species, species) if species else ("树" if tree else "")
    parts.append(tree)
    return " ".join(p for p in parts if p)


def describe_for_villager(app, record: Mapping) -> str:
    """``describe`` with the names replies show (桃 -> 桃子): what every message to a villager calls a record."""
    return describe(record, display_names(app))


# -- flags ----------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Flag:
    name: str
    values: dict  # what the reason text is made of
    ref: int | None = None  # duplicate_photo: the other record


@dataclass(frozen=True)
class Checks:
    """What one record is checked against: the campaign's settings and its sender's (``checks_for``)."""

    season: tuple[date, date]  # bot.schedule.season: plans_due .. the window's end
    old_photo_tolerance_days: int
    cap: int  # the sender's review.max_trees_per_record
    cadre: bool  # the sender may tag plots (planting.cadre_roles)


def cap_for(caps: Mapping[str, int], role: str | None) -> int:
    """The sender's per-record cap (``review.max_trees_per_record``); a role not listed gets the smallest."""
    caps = {str(k): int(v) for k, v in caps.items()}
    return caps.get(role or "", min(caps.values(), default=0))


def location_of(record: Mapping, photos: Sequence[Mapping]) -> tuple[float | None, float | None]:
    """Where the record was made: its location message, else the first photo with EXIF GPS."""
    lat, lng = record.get("lat"), record.get("lng")
    if lat is None or lng is None:
        gps = next((p for p in photos if p.get("exif_lat") is not None and p.get("exif_lng") is not None), None)
        lat, lng = (gps["exif_lat"], gps["exif_lng"]) if gps else (None, None)
    return lat, lng


def compute_flags(
    record: Mapping, photos: Sequence[Mapping], village: Mapping | None, checks: Checks, day: date
) -> list[Flag]:
    """The reasons a record cannot count at once (each sends it to review), from its parts, its analysed
    photos, its village, and ``day`` (the local day it was completed)."""
    flags: list[Flag] = []
    dups = [p for p in photos if p.get("duplicate_of")]
    if dups:
        first = min(dups, key=lambda p: (p.get("duplicate_distance") or 0, p["duplicate_of"]))
        flags.append(
            Flag(
                "duplicate_photo",
                {"ref": first["duplicate_of"], "distance": first.get("duplicate_distance") or 0},
                ref=first["duplicate_of"],
            )
        )
    lat, lng = location_of(record, photos)
    if village and is_far_from(lat, lng, village.get("lat"), village.get("lng"), village.get("radius_m")):
        assert lat is not None and lng is not None  # unknown never counts as far
        distance = haversine_m(lat, lng, village["lat"], village["lng"])
        flags.append(
            Flag(
                "far_from_village",
                {
                    "village": village.get("name") or "",
                    "km": round(distance / 1000, 1),
                    "radius_km": round(village["radius_m"] / 1000, 1),
                },
            )
        )
    start, end = checks.season
    old = [p for p in photos if is_old_photo(p.get("exif_time"), start, checks.old_photo_tolerance_days)]
    if old:
        flags.append(Flag("old_photo", {"taken": old[0]["exif_time"][:10], "season": start.isoformat()}))
    if record.get("species") and record.get("species_known") == 0:
        flags.append(Flag("unknown_species", {"species": record["species"]}))
    if not photos:
        flags.append(Flag("no_photo", {}))
    if not start <= day <= end:
        # the lead (41st): another year's day said as month and day alone read as inside the window ('3月21日不在种植季
        # （1月31日至5月31日）' under a campaign.year not yet moved on): the years are said then
        words = schedule.date_words if day.year == start.year else schedule.dated_words
        flags.append(Flag("out_of_season", {"day": words(day), "start": words(start), "end": words(end)}))
    if (record.get("count") or 0) > checks.cap:
        flags.append(Flag("over_cap", {"count": record["count"], "cap": checks.cap}))
    if record.get("site") in PLOT_SITES and not checks.cadre:
        flags.append(Flag("plot_tag", {"site": record["site"]}))
    return sorted(flags, key=lambda f: FLAG_ORDER.index(f.name))


def waiting_reasons(record: Mapping) -> list[str]:
    """Why a finished record waits for review, as its flags' reasons say (unknown_species has its own line)."""
    try:
        details = json.loads(record.get("flag_details") or "{}")
    except ValueError:
        return []
    return [
        details[name]["reason"]
        for name in (record.get("flags") or "").split()
        if name != "unknown_species" and isinstance(details.get(name), dict) and "reason" in details[name]
    ]


def spot_check_draw(key: str, planting_id: int) -> float:
    """The record's draw in [0, 1): a keyed hash (HMAC-SHA256) of its id, the same every time."""
    digest = hmac.new(key.encode(), f"spot-check:{int(planting_id)}".encode(), hashlib.sha256).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


def spot_check_rate(rate: float, located: bool) -> float:
    """The chance a counted record is spot-checked: ``review.spot_check_rate``, twice that without a location."""
    return min(1.0, float(rate) * (1 if located else 2))


def review_after(current_review: str, flags: list[Flag], drawn: bool = False) -> str:
    """Flags ask for a review; a record without flags counts (``none``), or counts and waits for its spot
    check (``spot_check``) when drawn; a decision already taken (approved/rejected) stands."""
    if current_review in ("approved", "rejected"):
        return current_review
    if flags:
        return "pending"
    return SPOT_CHECK if drawn else "none"


# -- the escalation hooks ---------------------------------------------------------------------------
# Photos join a ticket only from the record still in progress (a photo-only record, taken off it by
# ``take_pending_photos``), never from a finished one (``holds_photo``).
def _photo_only_record(ctx) -> dict | None:
    """The sender's pending record while it has no species, count or area yet (only photos, if any)."""
    record = collecting(ctx)
    if record is None or record["species"] or record["count"] is not None or record["area_mu"] is not None:
        return None
    return record


def pending_photos(ctx) -> list[int]:
    """The media row ids of the sender's photo-only pending record (read only; see ``take_pending_photos``)."""
    record = _photo_only_record(ctx)
    return [p["media_row_id"] for p in store.photos_of(ctx.db, record["id"])] if record else []


def holds_photo(db, media_row_id: int) -> bool:
    """Does a planting record (pending or finished, any purpose: the record's, a survival check's) hold it?"""
    return store.photo_by_media(db, media_row_id) is not None


def take_pending_photos(ctx) -> list[int]:
    """The media row ids of the sender's pending record when it has photos but no species/count/area yet,
    dropping that record (cancelled, photos unlinked): the escalation capability calls this when the
    text after a photo is a question, so the photo goes to the adviser instead. [] when there is none."""
    record = _photo_only_record(ctx)
    if record is None:
        return []
    media_ids = store.unlink_photos(ctx.db, record["id"])
    if not media_ids:
        return []
    store.update(ctx.db, record["id"], {"status": "cancelled", "closed_at": ctx.now_s, "updated_at": ctx.now_s})
    FLOW.end(ctx)
    return media_ids


# -- shared services --------------------------------------------------------------------------------
# -- withdrawing a finished record (作废) ------------------------------------------------------------
LATE, CHECKED = "late", "checked"


def withdraw_refusal(record: Mapping, now_s: str, minutes: int) -> str | None:
    """Why the sender may no longer withdraw this finished record themselves (None: they may): finished more than
    [planting.withdraw_minutes] ago (LATE), or a cadre has decided on it (CHECKED: approved, rejected, or reviewed at
    all). Either way the village's cadres correct it on the dashboard."""
    if record["reviewed_at"] or record["review"] in ("approved", "rejected"):
        return CHECKED
    finished = clock.from_db(record["completed_at"])
    return LATE if clock.from_db(now_s) - finished > timedelta(minutes=minutes) else None


# a retraction in words (not 作废 itself) is about a record finished this recently, else about something else
RETRACTION_HORIZON = timedelta(days=1)


def finished_within(record: Mapping, now, span: timedelta) -> bool:
    return now - clock.from_db(record["completed_at"]) <= span


def withdraw_minutes(config) -> int:
    return int(config.get("planting.withdraw_minutes"))


# sim62: whether the record just sent was recorded, asked bare (normalised: '记上了没有', voice '记咗未' -> 记了没, '有冇记到',
# '登记好了吗'); it had become a question for the adviser
# round 67 (20w: '登记咗未' from a registered member had been read as 登记 with the name 咗未): counted in (入数, 入账:
# '入咗数未', '有冇入到数'), the record pointed at first ('我嗰两棵登记好未', '啱啱嗰个登记咗冇'), a particle after; a status
# question, never a registration (handlers/registration.py)
_RECORD_POINTED = (
    r"(?:(?:刚刚|刚才|头先|啱先|啱啱|之前)?(?:报的|发的)?(?:那|这)(?:个|条|些|棵|两棵|几棵|三棵)(?:树|记录)?"
    r"|我(?:的|家的|们的|那|这)?(?:些|个|条|两棵|几棵|三棵)?(?:树|记录)?"
    # the lead (forty-second session, set 21s by voice): the one just sent, with 的 ('刚才的记上了吗')
    r"|(?:刚刚|刚才|头先|啱先|啱啱)(?:的|报的|发的)"
    # round 80 (21u, 21v): what one planted or reported as a number ('我种嘅数有冇记低', '我报的数记下来没有')
    r"|我(?:种|报|报上去)的(?:数|树|那些|那个))"
)
_RECORDED_ASKED_RE = re.compile(
    rf"^{_RECORD_POINTED}?(?:是不是|是否|到底)?(?:已经)?(?:(?:登记|记录|记)(?:(?:上|到|好|低|下|落|成功)(?:去|来)?(?:了)?|了)"
    r"|入(?:了|到)?(?:数|账))"
    rf"(?:{nlu.DONE_YET_WORDS}|吧|啦|呢){nlu.DONE_YET_PARTICLES}$"
    rf"|^{_RECORD_POINTED}?(?:到底|究竟)?有没有(?:(?:登记|记录|记)(?:上|到|好|低|下|落|成功)(?:去)?(?:了)?|入(?:到)?(?:数|账))(?:呢|啊|呀)?$"
)

# round 75 (21m): the trees reported named, before or after ('有冇记到我两棵荔枝', '两棵荔枝有冇记到', '我啲荔枝记到未'):
# a count and its tree, or one's own trees by their name (never one's name or phone: '有冇记到我个名' is no record's)
_TREES_NAMED = (
    rf"(?:我)?(?:的|那|这|些|家的|家)?(?:[\d{nlu.CN_NUMERALS}]+)[{nlu.MEASURE_WORDS}][\u4e00-\u9fff]{{0,4}}?"
    r"|我(?:的|那|这|些|家的)(?!名|电话|手机|号|身份|资料)[\u4e00-\u9fff]{1,4}?"
    # round 82 (21x: '头先嗰两棵荔枝录咗入去未', '头先报嘅荔枝入咗系统未'): the ones just reported, by when, then the count or tree
    # conv96: said as one's own ('我啱啱报嗰两棵': 我刚刚报那两棵)
    r"|(?:我)?(?:刚刚|刚才|头先|啱先|啱啱)(?:报的|发的|种的|报(?=那|这))?(?:那|这)?(?:些|个)?"
    rf"(?:[\d{nlu.CN_NUMERALS}]+[{nlu.MEASURE_WORDS}])?(?!名|电话|手机|号|身份|资料)[\u4e00-\u9fff]{{1,4}}?"
)
# round 94 (22n: '头先嗰两棵荔枝记咗未啊'): or 记 with 了 alone; counted in ('头先报嘅荔枝入咗数未')
_RECORDED_VERB = (
    r"(?:(?:登记|记录|记)(?:(?:上|到|好|低|下|落|入|成功)(?:去)?(?:了)?|了(?=没|未|吗|冇))|入(?:了|到)?(?:数|账))"
)
_TREES_RECORDED_ASKED_RE = re.compile(
    rf"^(?:{_TREES_NAMED})(?:是不是|是否|有没有)?(?:已经)?{_RECORDED_VERB}(?:{nlu.DONE_YET_WORDS}){nlu.DONE_YET_PARTICLES}$"
    rf"|^(?:{_TREES_NAMED})(?:是不是|是否|有没有)(?:已经)?{_RECORDED_VERB}(?:呀|啊|呢|啦)?$"
    rf"|^(?:你)?(?:是不是|是否|有没有)(?:帮我)?(?:已经)?{_RECORDED_VERB}(?:{_TREES_NAMED})(?:呀|啊|呢|啦)?$"
)

# the lead (fortieth session, the simulator by voice just after a record): whether the photo was received ('啱啱影咗相
# 有冇收到啊', '相收到未', '你收到我的照片没有') had become a question for the adviser; a bare '收到' (got it) asks nothing
_PHOTO = r"(?:照片|相片|相|图片|图)"
_PHOTO_RECEIVED_RE = re.compile(
    r"^(?:刚刚|刚才|头先|啱先|啱啱)?(?:(?:影|拍|发|照)了?(?:的)?)?(?:我(?:的)?)?(?:张|那张|这张)?" + _PHOTO + r"?"
    r"(?:你|你们|你哋)?(?:是不是|有没有)?(?:收到|收着)(?:了)?(?:我(?:的)?)?(?:张|那张|这张)?" + _PHOTO + r"?"
    rf"(?:{nlu.DONE_YET_WORDS}|吧|呢|未呀){nlu.DONE_YET_PARTICLES}$"
    r"|^(?:刚刚|刚才|头先|啱先|啱啱)?(?:(?:影|拍|发|照)了?(?:的)?)?(?:我(?:的)?)?(?:张|那张|这张)?" + _PHOTO + r"?"
    r"(?:你|你们|你哋)?有没有收到(?:了)?(?:我(?:的)?)?(?:张|那张|这张)?" + _PHOTO + r"?(?:呀|啊|呢|啦)?$"
    # the lead (41st, the simulator: '点解冇反应' just after a record's reply had become a question for the adviser):
    # nothing back said, bare (round 75's '相发咗 点解冇反应' is the record in progress's)
    r"|^(?:你|你们|你哋)?(?:为什么|怎么|点解|做什么)(?:都|还|仲|一直)?(?:没有|没|冇|唔|不)(?:什么)?"
    r"(?:反应|回复|回应|回音|动静|消息|声气)(?:的|呢|啊|呀|嘅)?$"
)


# the lead (forty-second session, set 21s by voice): what one reported, when, and the trees, asked whether it went
# through ('我报的那两棵力枝有没有成功啊', '我上个礼拜报的那个三棵荔枝有没有记上去啊'); a filler first ('嗯', '那个') left out
# conv108 (23f: '我之前报的几次都记录了没有' had been the FAQ's 我的树): or recorded with 了 alone before the question, as
# ``_RECORDED_VERB`` reads it
_REPORTED_VERB = r"(?:(?:报|登记|记录|记)(?:成功|上去|上|到|好|落)|成功|(?:登记|记录|记)(?=了(?:没|未|吗|冇)))(?:了)?"
_REPORTED_FIRST_RE = re.compile(
    r"^(?:我|我们|我家)?(?:上个礼拜|上个星期|上星期|上礼拜|上周|前几天|前两天|昨天|琴日|今天|今日|早上|头先|刚才|刚刚|啱啱"
    r"|之前|以前|早几天|前些天|上次|上个月)?"  # round 90 (22k: '我之前报嘅树你哋收到未'): earlier
    # round 84: the tree named with no count ('头先报嘅荔枝'); round 90: reported with its count ('我琴日报咗两棵龙眼')
    # conv103 (22z: '刚刚发的荔枝两棵 系统收到冇' had started a record): sent over (发过去的), the count after the tree
    rf"(?:报的|发的|发过去的|报过去的|登记的|报上去的|报了(?={nlu._NUM}{nlu._MEASURE})|登记了(?={nlu._NUM}{nlu._MEASURE}))(?:那|这)?(?:个|些)?"
    rf"(?:(?:{nlu._NUM}{nlu._MEASURE})?[\u4e00-\u9fff]{{0,4}}?(?:{nlu._NUM}{nlu._MEASURE})?)?(?:树)?"
    rf"(?:(?:有没有|是不是|是否)(?:已经)?{_REPORTED_VERB}"
    # round 84 (22b: '头先报嘅荔枝成功未啊'): or with the question after it (成功未, 成功了没)
    rf"|(?:已经)?{_REPORTED_VERB}(?:{nlu.DONE_YET_WORDS})){nlu.DONE_YET_PARTICLES}$"
)

# round 89 (22h: '点解冇回复我 到底记咗冇'): no reply said first, then whether recorded: the second question's (a bare '点解冇
# 反应' stays the photo's, ``_PHOTO_RECEIVED_RE``)
# round 94 (22n: '点解冇回复嘅 头先嗰两棵荔枝记咗未啊'): or the wait said with no why ('咁耐都冇回复', '冇反应嘅')
_NO_REPLY_FIRST_RE = re.compile(
    # conv96 (22o: '咁耐都冇回复 啱啱嗰两棵记到未'): how long or how slow said in more words ('等咗好耐都冇人覆', '点解咁慢都
    # 冇回音', '成日都冇回复'), nobody said ('冇人理我嘅')
    r"^(?:你|你们|你哋)?(?:为什么|怎么|点解|这么耐|这么久|这么慢|咁耐|经常|成日|等了(?:好)?(?:耐|久))*(?:都|还|仲|一直)?"
    r"(?:没有|没|冇|不)(?:人)?(?:什么)?(?:反应|回复|回应|回音|动静|消息|声气|回|理)"
    r"(?:我)?(?:的|呢|啊|呀|嘅)?[，, ]?(?=.)"
)
# round 89 (22g: '头先嗰两棵荔枝收到未啊'): the trees just reported named or pointed at, then whether received: as recorded
# ('记到'); a bare '收到未' stays the photo's; round 90 (conv90: '上个礼拜报嘅荔枝有冇收到'): or whether received asked
# before it, at the end, read as 有没有记到 (tidy78: one regex, the question after or before, ``_as_recorded``)
_TREES_RECEIVED_RE = re.compile(
    # conv103: or the system said as who received them (系统, 后台)
    rf"(?<=[\u4e00-\u9fff])(?:你|你们|你哋|系统|后台|平台)?(?P<asked>有没有|是不是)?收到"
    rf"(?:(?:了)?(?={nlu.DONE_YET_WORDS})|(?(asked)(?={nlu.DONE_YET_PARTICLES}$)|(?!))(?P<asked_before>))"
)


def _as_recorded(received: re.Match) -> str:
    """``_TREES_RECEIVED_RE``'s received read as recorded: '记到' with the question after it, '有没有记到' before."""
    return "有没有记到" if received.group("asked_before") is not None else "记到"


# round 94 (22n: '刚才那个报上去了吗', '头先嗰张报咗上去未'): gone up (报上去, 交上去, 上咗去) read as recorded (记上去了); never
# what one reported up (报上去的)
_WENT_UP_RE = re.compile(r"(?<![记录])(?:报|交|传)?(?:了)?上(?:了)?去(?:了)?(?!的)")  # 记上去 is read as it is
_FILLER_FIRST_RE = re.compile(r"^(?:嗯+|呃+|哦+|啊+|那个|这个)+")
# conv83a (21z): no reply seen said after the question ('记录咗未啊 冇见回复', '登记好未 冇收到回复'): the question's
_NO_REPLY_AFTER_RE = re.compile(
    r"(?<=.)(?:都|还|仲|一直)?(?:没有|没|冇|不)(?:见|看见|看到|收到)(?:你|你们|你哋)?(?:的)?(?:回复|回应|反应|回音|消息)"
    r"(?:的|呢|啊|呀|嘅)?$"
)
# round 82 (21x): entered said for recorded ('录咗入去未': 录了入去, '入咗系统未': 入了系统, '输入了吗'), read as 记上了
_ENTERED_RE = re.compile(
    # round 84 (22a: '录入成功了吗', '录入成功未'): entered with success said after it
    r"(?:录|输)(?:了)?(?:入|进)(?:去|系统|电脑)?(?:成功)?(?:了)?|(?:入|进)(?:了)?(?:系统|电脑)(?:里)?(?:了)?"
)
# the lead, fiftieth session (22o: '录咗未' just after a record had the FAQ's answer; '头先嗰两棵录咗未' started a record of a
# tree called 录未): 录 with what recording says after it (录了, 录好, 录低, 录到) read as 记; never 记录, 录音, 录像
_LU_AS_RECORDED_RE = re.compile(r"(?<![记纪登])录(?=了|好|低|到|下|落|上|成功)")
# round 80 (21u): a look asked for first ('帮我看看记上没', '你查下记好了没'): the question after it
# tidy78: the please and the help-me are nlu's (``nlu.PLEASE_LEAD``: 唔该, 劳驾, 拜托 and 您, 你们, 给我 too)
_LOOK_FIRST_RE = re.compile(rf"^{nlu.PLEASE_LEAD}(?:看看|看一下|看下|查查|查一下|查下|睇下|睇睇|睇一下)(?:吧|啊)?")


# sim71 (a grandmother by voice just after her record, her grandson's photo sent): who helped said first ('我孙帮我影咗相
# 得未呀', '我个仔帮我影咗相 收到未') is left out before the photo (never before 登记: '我个仔帮我登记好未' asks of one's
# registration); the photo taken, then whether it is done ('影咗相 得未'), as 记上了没有
_HELPER_FIRST_RE = re.compile(
    r"^(?:(?:我)?(?:个)?(?:孙|孙子|孙女|外孙|仔|女|儿子|女儿|老公|老婆|新抱|媳妇))?(?:帮我|同我|替我|帮手)(?=影|拍|照|发)"
)
_PHOTO_THEN_DONE_YET_RE = re.compile(
    rf"^(?:影|拍|照|发)(?:了|好了|完)(?:相|照片|相片|张相)?(?:得|搞定|完成|成功|行)(?:了)?(?:{nlu.DONE_YET_WORDS})"
    r"(?:呀|啊|呢|啦)?$"
)

# conv88 (22f: '收到未 记录咗未'): received asked first, then recorded, in one breath: the second question's (a bare
# '收到未' stays the photo's, ``_PHOTO_RECEIVED_RE``)
_RECEIVED_FIRST_RE = re.compile(
    rf"^(?:你|你们)?(?:是不是|有没有)?收到(?:了)?(?:{nlu.DONE_YET_WORDS}){nlu.DONE_YET_PARTICLES}[，,]?(?=.)"
)


def recorded_asked(norm: str) -> bool:
    """'记上了没有': whether the record just finished was recorded, asked with nothing else said (``normalize``d);
    round 67: counted in ('入咗数未'), the record pointed at first ('我嗰两棵登记好未'); the lead: its photo received
    ('相收到未': ``photo_received_asked``, which only a record just finished answers)."""
    if _record_pinged(norm):  # round 92: a ping whether received ('收到未', '你收到我讲嘅嘢未'), before the cuts below
        return True
    norm = _FILLER_FIRST_RE.sub("", (norm or "").rstrip("？?。.！! "))
    norm = _LOOK_FIRST_RE.sub("", norm).lstrip("，, ")
    norm = _ENTERED_RE.sub("记上了", norm)  # round 82
    norm = _LU_AS_RECORDED_RE.sub("记", norm)  # the lead, fiftieth session
    norm = _WENT_UP_RE.sub("记上去了", norm)  # round 94
    norm = _NO_REPLY_AFTER_RE.sub("", norm).rstrip("，, ")  # conv83a
    norm = _HELPER_FIRST_RE.sub("", norm)  # sim71
    norm = _RECEIVED_FIRST_RE.sub("", norm)  # conv88
    # round 89: no reply said first, then whether recorded; the trees named, then whether received (read as recorded):
    # only the records' questions read on it (a bare '点解冇回复', '相收到未' stay the photo's, read on the text as said)
    recorded = _TREES_RECEIVED_RE.sub(_as_recorded, _NO_REPLY_FIRST_RE.sub("", norm))  # round 90: asked before
    return bool(norm) and bool(
        _PHOTO_THEN_DONE_YET_RE.match(norm)  # sim71: '影咗相 得未'
        or _RECORDED_ASKED_RE.match(norm)
        or photo_received_asked(norm)
        or _TREES_RECORDED_ASKED_RE.match(norm)
        or _REPORTED_FIRST_RE.match(norm)
        or (
            recorded != norm
            and (
                _RECORDED_ASKED_RE.match(recorded)
                or _TREES_RECORDED_ASKED_RE.match(recorded)
                or _REPORTED_FIRST_RE.match(recorded)  # round 90: '我之前报嘅树你哋收到未'
            )
        )
    )


def asked_of_the_record(said: str) -> bool:
    """A question about the record being collected, its next step the answer ('这个怎么弄', '相片点发俾你', '数报咗，仲差啲
    乜', '几多棵都要讲咩', '记到未'; ``normalize``d): read by the planting help (handlers/planting.py, while a record is
    collected) and, right after a photo, kept from the photo's question for the adviser (handlers/escalation.py) — one
    list, so a reader added for the one is the other's too."""
    return (
        nlu.go_on_asked(said)
        or nlu.photo_how_asked(said)
        or nlu.record_steps_asked(said)  # round 41: '发完照片还要打字吗'
        or nlu.record_part_asked(said)  # round 49: '数报咗，仲差啲乜'
        or nlu.record_photo_how_asked(said)  # round 57: '相要点影先得', '我点样完成呢条记录'
        or nlu.record_next_asked(said)  # round 58: '咁点样记录落去', '仲要打字吗 打咩'
        or nlu.record_detail_asked(said)  # round 60: '点样报棵数', '要影埋我个人咩'
        or nlu.count_needed_asked(said)  # round 74: '几多棵都要讲咩 我唔记得种咗几多'
        or nlu.record_photo_trouble_asked(said)  # round 61: '要在哪里拍', '手机相机打不开 照片发不了'
        or nlu.record_itself_asked(said)  # round 65: '影相喺边度按'; round 75: '相发咗 点解冇反应'
        or nlu.record_go_on_said(said)  # round 67: '要打咩字落去', '荔枝种好咗 跟住要点'
        or recorded_asked(said)  # the lead (41st): '记到未', '入咗数未' while it still waits
        or nlu.record_still_needed_asked(said)  # round 80: '是不是还要发位置', '点算啊 仲要打字咩'
        or nlu.pointed_tree_go_on_asked(said)  # sim69: '阿妈嗰棵点算' (it had become a ticket)
        or nlu.cannot_tell_how_asked(said) is not None  # round 89: '点样报先得 我唔识打字', '我唔知种嘅系咩树 点填'
    )


def photo_received_asked(norm: str) -> bool:
    """Whether the photo was received, asked bare ('啱啱影咗相 有冇收到啊', normalised, its spaces gone), or nothing
    back said ('点解冇反应'): only a record just finished answers them; round 92: any ping whether received ('收到未',
    '你收到我讲嘅嘢未': ``nlu.received_pinged``), a record's state while one is collected or just finished."""
    said = re.sub(r"\s+", "", (norm or "").rstrip("？?。.！! "))
    return bool(_PHOTO_RECEIVED_RE.match(said)) or _record_pinged(said)


def _record_pinged(norm: str) -> bool:
    """A ping whether received (``nlu.received_pinged``) that names no question: '你收到我的问题没有' asks after one's
    question, never the record just finished (the lead, forty-ninth session: lead40's test caught round 92 reading it so)."""
    return nlu.received_pinged(norm) and "问" not in norm


# The lead (the simulator, a villager by voice just after a record): done said bare, nothing asked ('种好咯', '弄好了',
# '种落去了' -> 种下去了, '搞掂咗' -> 完成了, '好咯'); the adviser had got '种好咯' as a question
_DONE_SAID_RE = re.compile(
    r"^(?:我|我们|我哋|我地)?(?:已经|都)?(?:(?:种|弄|搞|做|插|栽)(?:好|完|掂|定|妥|下去|落去)|完成|好|ok|搞掂)"
    r"(?:了|咯|啦|喇|嘞|啰|喽|罗|哦|嗮|晒)+(?:呀|啊|哈|喔|噢)?$"
)


def done_said(norm: str) -> bool:
    """'种好咯': done said, nothing else (``normalize``d): the record just finished, or how to log one."""
    return bool(norm) and bool(_DONE_SAID_RE.match(norm.rstrip("。.！!~～ ")))


def last_finished(ctx) -> dict | None:
    """The sender's newest finished record (作废 is about it), or None when they never finished one."""
    return store.last_finished(ctx.db, ctx.openid, ctx.now_s)


def own_finished(ctx, planting_id: int) -> dict:
    """The sender's finished record by its number ('作废 12'), withdrawn or not, as ``last_finished`` reads one; a
    number of no finished record of theirs (another's, one still collected, none) is ``{"id": N, "openid": None}``:
    never acted on, and never told whose it is."""
    record = store.get(ctx.db, planting_id)
    if (
        record is None
        or record["openid"] != ctx.openid
        or record["status"] not in ("complete", store.WITHDRAWN)
        or not record["completed_at"]
        or record["completed_at"] > ctx.now_s
    ):
        return {"id": planting_id, "openid": None}
    return record


# conv96: the check named ('点解审核咁慢'): why the record waits (review_why's), never only whether it was recorded
_REVIEW_NAMED_RE = re.compile(r"审核|核实|核准|审批|批准")


def record_state_asked(ctx) -> bool:
    """Conv96 (22o: '咁耐都冇回复 啱啱嗰两棵记到未' had been why the review is slow): whether the record just finished was
    recorded (``recorded_asked``, a complaint of no reply before it read too), no check named, with that record finished
    (complete) and nothing collected: its state (recorded_asked's route), before the readers of the review's wait, one's
    progress and a ticket's wait take the words. Read in the writer (one record)."""
    if ctx.msg.msg_type != "text":
        return False
    norm = nlu.normalize(ctx.msg.text or "")
    if not recorded_asked(norm) or _REVIEW_NAMED_RE.search(norm) or collecting(ctx) is not None:
        return False
    record = just_finished(ctx)
    return record is not None and record["status"] == "complete"


def just_finished(ctx) -> dict | None:
    """The sender's record finished within [planting.withdraw_minutes] and still counted: a bare 取消 right after it
    asks at once whether to withdraw it, as 作废 does (round 57); None otherwise (取消 has nothing to cancel)."""
    record = last_finished(ctx)
    if record is None or record["status"] == store.WITHDRAWN:
        return None
    return record if finished_within(record, ctx.now, timedelta(minutes=withdraw_minutes(ctx.config))) else None


def ask_withdraw(ctx, record: dict) -> None:
    WITHDRAW.enter(ctx, "confirm", {"planting_id": record["id"]})


def withdraw(ctx, planting_id: int) -> dict | None:
    """Withdraw the record the sender confirmed (status withdrawn, the row kept, counted nowhere again); None when
    it may no longer be (a cadre decided on it meanwhile, or it is not complete)."""
    WITHDRAW.end(ctx)
    if _still_the_senders(ctx, planting_id) is None:
        return None
    return store.get(ctx.db, planting_id) if store.withdraw(ctx.db, planting_id, ctx.now_s) else None


def _still_the_senders(ctx, planting_id: int) -> dict | None:
    """The sender's finished record its sender may still withdraw or correct after their yes (no cadre decided on it
    meanwhile, the window and the question's wait not past); None when it may no longer be."""
    record = store.get(ctx.db, planting_id)
    if record is None or record["openid"] != ctx.openid or record["status"] != "complete":
        return None
    if withdraw_refusal(record, ctx.now_s, withdraw_minutes(ctx.config) + _confirm_minutes(ctx.config)):
        return None
    return record


# -- a finished record's count corrected by its sender (round 48) ------------------------------------
_CLAUSE_BREAK_RE = re.compile(r"[\s,，。;；!！]+")


def correction_said(text: str, species_table: Mapping, others: tuple[str, ...] = ()) -> str | None:
    """The words of a text that say a count (or a tree) wrong and right: the whole text, or (sim62: a grandchild's
    '我是他孙子 帮爷爷发的 刚才那个是三棵不是两棵' had recorded a tree called 不两棵) its one clause that does, the others
    naming no count and no tree (who writes, for whom, an apology: '唔好意思 发错咗 唔系荔枝系龙眼'); None when none are."""
    if nlu.withdrawal_closes(text):
        return None  # conv106: '…其实是龙眼不是荔枝 帮我撤回': the withdrawal asked (the withdraw route's)
    clauses = [clause for clause in _CLAUSE_BREAK_RE.split(text or "") if clause]
    if nlu.count_corrected(text) is not None or nlu.tree_corrected(text, species_table, others) is not None:
        return text
    if len(clauses) < 2:
        return None
    said = [
        clause
        for clause in clauses
        if nlu.count_corrected(clause) is not None or nlu.tree_corrected(clause, species_table, others) is not None
    ]
    if len(said) != 1:
        return None
    rest = [clause for clause in clauses if clause != said[0]]
    if any(nlu.parse_count(clause) or nlu.find_species(clause, species_table)[0] for clause in rest):
        return None
    return said[0]


def recount_of(text: str, record: Mapping, species_table: Mapping, others: tuple[str, ...] = ()) -> dict | None:
    """The fields a count (or, round 52, a tree) said wrong and said right changes in the sender's finished ``record``
    ('系三棵唔系两棵' -> {'count': 3}; '不是两棵龙眼 是三棵荔枝' -> {'count': 3, 'species': '荔枝', ...}; '唔系龙眼系黄皮' ->
    {'species': '黄皮', 'species_known': 0}); None when the text is no such
    correction, or changes nothing (the record holds it already) or needs a count the record does not keep (an area)."""
    corrected = nlu.count_corrected(text)
    if corrected is None:  # round 52: the tree said wrong and said right ('头先嗰三棵唔系龙眼系黄皮')
        tree = nlu.tree_corrected(text, species_table, others)
        if tree is None or tree[0] == record.get("species"):
            return None
        return {"species": tree[0], "species_known": int(tree[1])}
    if record.get("count") is None:
        return None
    parsed = nlu.parse_planting_text(corrected, species_table, others) or _bare_part(
        corrected, species_table, frozenset({"count"}), others
    )
    if parsed is None or parsed.count is None or parsed.vague or parsed.count < 1:
        return None
    fields: dict = {"count": parsed.count}
    if parsed.species and parsed.species != record.get("species"):
        fields.update(species=parsed.species, species_known=1)
    return fields if any(record.get(key) != value for key, value in fields.items()) else None


def count_and_tree(text: str, species_table: Mapping, others: tuple[str, ...] = ()) -> nlu.PlantingText | None:
    """A count, with or without its tree ('3棵', '三棵荔枝', '改成3棵'), as a record's part reads it."""
    return nlu.parse_planting_text(text, species_table, others) or _bare_part(
        text, species_table, frozenset({"count"}), others
    )


def ask_recount(ctx, record: dict, fields: dict) -> None:
    RECOUNT.enter(ctx, "confirm", {"planting_id": record["id"], "fields": fields})


def recount(ctx, planting_id: int, fields: dict) -> dict | None:
    """Change the count (and tree) of the record the sender confirmed, its flags computed again (a count past the
    role's cap waits for the village's check, as it would have at first); None when it may no longer be changed by
    its sender (as ``withdraw``: a cadre decided on it meanwhile, or it is too late)."""
    RECOUNT.end(ctx)
    record = _still_the_senders(ctx, planting_id)
    if record is None:
        return None
    allowed = {key: fields[key] for key in ("count", "species", "species_known") if key in fields}
    # what it said at first stays (a second correction keeps the first words): the cadres see it was changed
    first = record.get("recounted_from") or describe(record, display_names(ctx.app))
    store.update(
        ctx.db, planting_id, {**allowed, "recounted_from": first, "recounted_at": ctx.now_s, "updated_at": ctx.now_s}
    )
    refresh_flags(ctx.app, ctx.db, planting_id, ctx.now_s)
    log.info("planting %s recounted by its sender: %s", planting_id, allowed)
    return store.get(ctx.db, planting_id)


def _confirm_minutes(config) -> int:
    """The yes may come while the question waits (conversation.timeout_minutes) after the window it was asked in."""
    return int(config.get("conversation.timeout_minutes"))


def window(config) -> timedelta:
    return timedelta(minutes=int(config.get("conversation.timeout_minutes")))


def species_table(app) -> dict:
    return app.service("species_table", lambda _app: load_species_table(MESSAGES_DIR))


def display_names(app) -> dict[str, str]:
    """Stored species -> the name replies show: the seed's 桃子, 李子, 柿子 where the stored key is short (the
    ``display`` of species.toml); other names as stored."""
    return app.service(
        "species_display", lambda a: {name: row.get("display", name) for name, row in species_table(a).items()}
    )


def display_name(app, species: str | None) -> str:
    """The name a villager reads for one stored species (桃 -> 桃子; '' for none)."""
    return display_names(app).get(species, species) if species else ""


def offlist_names(app) -> tuple[str, ...]:
    """Trees off the campaign's list as villagers name them (species.toml ``[offlist]``: 发财树, 芒果 …)."""
    return app.service("offlist_names", lambda _app: tuple(load_offlist(MESSAGES_DIR)))


class PhotoIndex:
    """This process's near-duplicate index of the record photos, kept in step with the database: before
    each decision it takes in every photo analysed since it last looked, by this process or another
    (``serve --workers``, a ``worker``, a scheduler lease that moved), in their ``index_seq`` order; a photo whose
    analysis was rolled back leaves it again (bot/follow.py: ``index_seq`` is the largest + 1, so the next photo
    takes the freed number)."""

    def __init__(self, threshold: int):
        self.index = NearDuplicateIndex(threshold=threshold)
        self.lock = threading.Lock()
        self.photos = Follower(store.record_phashes_after, "index_seq")

    def catch_up(self, db) -> None:
        change = self.photos.catch_up(db)
        if change is not None:
            self.index.drop_last(change.drop)
            self.index.load((r["planting_id"], r["phash"]) for r in change.add)

    def near(self, db, planting_id: int, phash: int) -> list[tuple]:
        """Other records with a photo near ``phash``, closest first; inside the write transaction that saves
        this photo's analysis, so no other process adds one meanwhile."""
        with self.lock:
            self.catch_up(db)
            return self.index.nearest(phash, exclude_key=planting_id)

    def wrote(self, db, index_seq: int) -> None:
        """``db``'s open transaction has just saved the analysis that took ``index_seq``."""
        with self.lock:
            self.photos.wrote(db, index_seq)


def photo_index(app) -> PhotoIndex:
    return app.service("photo_index", lambda a: PhotoIndex(int(a.config.get("planting.near_duplicate_bits"))))


# -- the sender's record ----------------------------------------------------------------------------
def waits_for_words(ctx, record: Mapping) -> bool:
    """Sim69: the record still waits for something said (its tree, its count, its area), not its photo alone."""
    return bool(set(missing_parts(record, len(store.photos_of(ctx.db, record["id"])))) - {"photo"})


def collecting(ctx) -> dict | None:
    """The sender's pending record while its window is open."""
    state = FLOW.state(ctx)
    planting_id = state.data.get("planting_id") if state else None
    record = store.get(ctx.db, planting_id) if planting_id is not None else None
    return record if record and record["status"] == "pending" else None


def guess_asked(ctx, record: dict, guess: str) -> None:
    """The bot asked whether the record's unheard tree is ``guess`` ('如果是柿子…', planting.ask_unheard_species_guess):
    kept in the flow's state with the message that asked it (round 72), so that a yes right after takes it."""
    FLOW.enter(ctx, "collecting", {"planting_id": record["id"], "guess": guess, "guess_inbox": ctx.inbox_id})


def guess_taken(ctx) -> str | None:
    """The tree guessed, when the record it was asked of still waits for its tree and the message is the one right
    after the question (anything in between, and a yes is no answer to it); None otherwise."""
    state = FLOW.state(ctx)
    if state is None or state.name != "collecting" or not state.data.get("guess"):
        return None
    record = collecting(ctx)
    if record is None or record["species"]:
        return None
    if inbox_store.previous_id(ctx.db, ctx.openid, ctx.inbox_id) != state.data.get("guess_inbox"):
        return None
    return str(state.data["guess"])


def record_for_location(ctx) -> dict | None:
    """The record a location joins: the pending one, or the latest within the window."""
    return collecting(ctx) or store.latest_of(ctx.db, ctx.openid, clock.to_db(ctx.now - window(ctx.config)), ctx.now_s)


def new_record(ctx) -> dict:
    """A new pending record; a location sent just before (kept in the flow) joins it."""
    person = ctx.person
    planting_id = store.create(
        ctx.db,
        openid=ctx.openid,
        person_id=person["id"],
        village_id=person["village_id"],
        inbox_id=ctx.inbox_id,
        now=ctx.now_s,
    )
    state = FLOW.state(ctx)
    if state and state.data.get("location"):
        store.update(ctx.db, planting_id, state.data["location"])
    record = store.get(ctx.db, planting_id)
    assert record is not None  # just inserted
    return record


def late_record(ctx, arriving: str) -> dict | None:
    """The sender's incomplete record (window over, within planting.late_part_hours) that this part completes
    or moves on: a photo for a record that has its text, a text for one that has only photos."""
    since = ctx.now - timedelta(hours=float(ctx.config.get("planting.late_part_hours")))
    record = store.latest_incomplete(ctx.db, ctx.openid, clock.to_db(since), ctx.now_s)
    if record is None:
        return None
    missing = missing_parts(record, len(store.photos_of(ctx.db, record["id"])))
    fits = missing == ["photo"] if arriving == "photo" else ("photo" not in missing and bool(missing))
    return record if fits else None


def reopen(ctx, arriving: str) -> dict | None:
    """``late_record``, taken up again (its window reopens)."""
    record = late_record(ctx, arriving)
    if record:
        store.update(ctx.db, record["id"], {"closed_at": None})
    return record


# whether the sender has an open ticket a voice opened (the photos ``record_for`` may take hang on one), read with the
# user row: a planting text of a sender with none asks no ticket's photos. Of the message's start, which is what
# ``record_for`` needs: the photos it takes were sent, and their ticket opened, by earlier messages.
OPEN_VOICE_TICKET = UserRead("open_voice_ticket", tickets_store.OPEN_VOICE_TICKET_OF_USER, lambda app, now: [])


def record_for(ctx, arriving: str) -> dict:
    """The record a new part joins: the pending one, a late one it finishes, or a new one (after closing the
    sender's earlier windows). A new one from a text takes the photos just sent after a voice the bot could not
    read (round 58: they joined the ticket that voice opened, 补充, and '种咗两棵荔枝' then says what they were), asked
    only of a sender with such a ticket open (``OPEN_VOICE_TICKET``; read anew when not read with the user row)."""
    settle_sender(ctx)
    record = collecting(ctx) or reopen(ctx, arriving)
    if record is not None:
        return record
    record = new_record(ctx)
    if arriving == "text" and ctx.read_with_user(OPEN_VOICE_TICKET.name) != 0:
        since = clock.to_db(ctx.now - window(ctx.config))
        for media_row_id in tickets_store.photos_on_unheard_voice(ctx.db, ctx.openid, since, ctx.now_s):
            store.add_photo(ctx.db, record["id"], media_row_id, ctx.now_s)
    return record


def add_extra_photo(ctx, media_row_id: int) -> dict | None:
    """A photo right after a record was finished (planting.extra_photo_seconds) is one more photo of it;
    the record, or None when there is no such record."""
    since = ctx.now - timedelta(seconds=int(ctx.config.get("planting.extra_photo_seconds")))
    latest = store.latest_of(ctx.db, ctx.openid, clock.to_db(since), ctx.now_s)
    if not latest or latest["status"] != "complete":
        return None
    store.add_photo(ctx.db, latest["id"], media_row_id, ctx.now_s)
    store.update(ctx.db, latest["id"], {"last_part_at": ctx.now_s, "updated_at": ctx.now_s})
    return latest


def apply_text(ctx, record: dict, parsed: nlu.PlantingText) -> None:
    """What a planting text says, onto the record; 代种 credits the household member (added if absent)."""
    updates = text_updates(parsed)
    if parsed.proxy_name:
        member = household_member(ctx, parsed.proxy_name, ctx.person)
        updates.update(person_id=member["id"], entered_by_person_id=ctx.person["id"])
    store.update(ctx.db, record["id"], updates)


def another_household(ctx, record: Mapping, parsed: nlu.PlantingText) -> bool:
    """Is this 代种 text for another household than the record being collected, which already says its trees (the
    cadre's own 3棵桂花, then 代种 李明 2棵龙眼 before the photo; 代种 李明 …, then 代种 王五 …)? Then it is another
    record, never a correction of this one: the bot says what this one still needs and changes nothing (it once
    replaced the record's trees and person, and the household first named was added with no record). A record with
    only its photo is the 代种's, and so is one for the same household."""
    if not parsed.proxy_name or all(record.get(column) is None for column in ("species", "count", "area_mu")):
        return False
    member = roster_store.person_by_name_in_village(ctx.db, parsed.proxy_name, ctx.person["village_id"])
    return member is None or member["id"] != record["person_id"]


def plot_onto_trees(record: Mapping, parsed: nlu.PlantingText) -> bool:
    """Is this a plot text (``党建林种了2亩桂花``) while a record of counted trees, or a 代种, is being collected
    (``帮陈伯登记3棵龙眼`` waiting for its photo)? Then it is another record, as ``another_household`` says of a 代种:
    it once became that record's area (``为陈伯代种党建林 2亩 3棵桂花``; the lead, in the simulator, round 52). A record
    with only its photo or its tree takes the plot (a photo, ``桂花``, then ``党建林 2亩``)."""
    if not is_plot(parsed) or record.get("kind") == "plot":
        return False
    proxy = record.get("entered_by_person_id") not in (None, record.get("person_id"))
    return record.get("count") is not None or proxy


def waiting_for_text(app, db, record: Mapping) -> str:
    """The parts a record still needs, as replies name them (照片、棵数)."""
    missing = missing_parts(record, len(store.photos_of(db, record["id"])))
    return "、".join(app.t(PART_NAMES[part]) for part in missing)


def ask_count_change(ctx, record: dict, parsed: nlu.PlantingText) -> dict:
    """Keep the new text's parts while the sender says what the new count means (state ``count_changed``);
    the record as it would be with them."""
    updates = text_updates(parsed)
    FLOW.enter(ctx, "count_changed", {"planting_id": record["id"], "updates": updates})
    return {**record, **updates}


def change_count(ctx, state) -> Step:
    """1 / 改: the kept parts replace the record's."""
    store.update(ctx.db, state.data["planting_id"], state.data["updates"])
    return advance(ctx, state.data["planting_id"])


def another_record(ctx, state) -> tuple[Step, dict]:
    """2 / 另外: another record as the question described it (the kept parts over the first record's text: ``5棵``
    after ``3棵发财树`` is 5棵发财树), which collects from now on; the first one is set aside (incomplete: its missing
    part still finishes it within planting.late_part_hours). (the new record's step, the record set aside)"""
    earlier = store.get(ctx.db, state.data["planting_id"])
    assert earlier is not None  # the record being collected
    store.update(ctx.db, earlier["id"], {"closed_at": ctx.now_s, "reminded_at": ctx.now_s, "updated_at": ctx.now_s})
    FLOW.end(ctx)
    record = new_record(ctx)
    # the same household's: a 代种's second record is the household member's too, entered by the cadre
    said = {column: earlier[column] for column in (*TEXT_COLUMNS, *WHOSE_COLUMNS) if earlier[column] is not None}
    store.update(ctx.db, record["id"], {**said, **state.data["updates"]})
    step = advance(ctx, record["id"])
    set_aside = store.get(ctx.db, earlier["id"])
    assert set_aside is not None
    return step, set_aside


def keep_location(ctx, location: dict) -> None:
    """A location before any part: the flow keeps it for the record the next part starts."""
    FLOW.enter(ctx, "collecting", {"location": location})


def household_member(ctx, name: str, cadre: dict) -> dict:
    """The person of that name in the cadre's village; a 群众 (source 'proxy') is added when absent."""
    member = roster_store.person_by_name_in_village(ctx.db, name, cadre["village_id"])
    if member is None:
        person_id = roster_store.insert_person(
            ctx.db,
            {"name": name, "village_id": cadre["village_id"], "role": MASSES, "source": "proxy"},
            ctx.now_s,
        )
        member = roster_store.person(ctx.db, person_id)
        assert member is not None  # just inserted
    return member


@dataclass(frozen=True)
class Step:
    """Where a record stands after a part joined it: ``missing`` empty once it is complete."""

    record: dict
    missing: list[str]
    photo_count: int


def advance(ctx, planting_id: int) -> Step:
    """After a part joined the record: keep collecting (the window restarts), or complete it (flags computed)."""
    record = store.get(ctx.db, planting_id)
    assert record is not None  # a part just joined it
    photos = store.photos_of(ctx.db, planting_id)
    missing = missing_parts(record, len(photos))
    if record["status"] == "complete":
        return Step(record, [], len(photos))
    if missing:
        store.update(ctx.db, planting_id, {"last_part_at": ctx.now_s, "updated_at": ctx.now_s})
        FLOW.enter(ctx, "collecting", {"planting_id": planting_id})
        return Step(record, missing, len(photos))
    store.update(
        ctx.db,
        planting_id,
        {
            "status": "complete",
            "completed_at": ctx.now_s,
            "last_part_at": ctx.now_s,
            "closed_at": ctx.now_s,
            "updated_at": ctx.now_s,
        },
    )
    FLOW.end(ctx)
    refresh_flags(ctx.app, ctx.db, planting_id, ctx.now_s)
    completed = store.get(ctx.db, planting_id)
    assert completed is not None
    return Step(completed, [], len(photos))


def proxy_name(db, record: Mapping) -> str | None:
    """The household member a 代种 record is for (None for the sender's own record): replies name them."""
    if not record.get("entered_by_person_id") or record["entered_by_person_id"] == record.get("person_id"):
        return None
    credited = roster_store.person(db, record["person_id"])
    return credited["name"] if credited else None


def incomplete_text(app, db, record: Mapping) -> str:
    """What an incomplete record still needs, and how long its parts are still taken (planting.late_part_hours); a
    代种 record names its household (为李明代种2棵龙眼: the cadre may have several waiting)."""
    what = describe_for_villager(app, record) or app.t("planting.part_photo")
    name = proxy_name(db, record)
    if name:
        what = app.t("planting.proxy_what", name=name, what=what)
    return app.t(
        "planting.reminder",
        what=what,
        missing=waiting_for_text(app, db, record),
        hours=app.config.get("planting.late_part_hours"),
    )


def attach_location(ctx, record: dict, location: dict) -> dict:
    """A location joins a record; a finished record's flags are computed again (far_from_village). The record now
    (sim69: whether it has come to wait for review is said)."""
    store.update(ctx.db, record["id"], {**location, "updated_at": ctx.now_s})
    if record["status"] != "pending":
        refresh_flags(ctx.app, ctx.db, record["id"], ctx.now_s)
    now = store.get(ctx.db, record["id"])
    assert now is not None  # just updated
    return now


# -- closing windows --------------------------------------------------------------------------------
def _settle(app, db, records: list[dict], live_ids: set, expired_rows: list[dict], now_s: str) -> dict:
    """Pending records outside a live window: cancelled (their flow vanished) or incomplete (reminded once)."""
    expired = {row["data"].get("planting_id"): row for row in expired_rows}
    counts = {"cancelled": 0, "incomplete": 0}
    for record in records:
        if record["id"] in live_ids:
            continue
        if record["id"] not in expired:
            store.update(db, record["id"], {"status": "cancelled", "closed_at": now_s, "updated_at": now_s})
            counts["cancelled"] += 1
            continue
        store.update(db, record["id"], {"closed_at": now_s, "reminded_at": now_s, "updated_at": now_s})
        conversations_store.drop(db, record["openid"], FLOW.name)
        outbox.enqueue(
            db,
            openid=record["openid"],
            kind="system",
            dedupe_key=f"planting-incomplete:{record['id']}",
            text=incomplete_text(app, db, record),
            now=clock.from_db(now_s),
        )
        counts["incomplete"] += 1
    return counts


def settle_sender(ctx) -> None:
    """Close the sender's earlier windows before a new part is placed (the job does it for everyone)."""
    records = store.unsettled(ctx.db, ctx.openid)
    state = FLOW.state(ctx)
    live_ids = {state.data.get("planting_id")} if state else set()
    if all(r["id"] in live_ids for r in records):
        return
    expired = [r for r in conversations_store.expired(ctx.db, FLOW.name, ctx.now_s) if r["openid"] == ctx.openid]
    _settle(ctx.app, ctx.db, records, live_ids, expired, ctx.now_s)


def settle_windows(app, now) -> dict:
    """Job: close every window that was cancelled or ran out (idempotent: a closed record is not seen again)."""
    db, now_s = app.db, clock.to_db(now)
    with transaction(db):
        records = store.unsettled(db)
        live_ids = set()
        for record in records:
            live = conversations_store.get(db, record["openid"], FLOW.name, now_s)
            if live and live["data"].get("planting_id") == record["id"]:
                live_ids.add(record["id"])
        return _settle(app, db, records, live_ids, conversations_store.expired(db, FLOW.name, now_s), now_s)


# -- photos and flags -------------------------------------------------------------------------------
def spot_check_key(app) -> str:
    """``review.spot_check_key``, or a random key made once and kept in the database (every process shares it)."""

    def load(a) -> str:
        if a.config.get("review.spot_check_key"):
            return str(a.config.get("review.spot_check_key"))
        with transaction(a.db):
            return tokens_store.get_or_put(
                a.db, "spot_check_key", lambda: secrets.token_hex(32), clock.to_db(a.clock())
            )

    return app.service("spot_check_key", load)


def checks_for(app, db, record: Mapping) -> Checks:
    """The checks of one record: the campaign's settings and its sender's role (the 代种 cadre for a 代种; a staff
    role bound without proof is 群众's)."""
    cfg = app.config
    sender = roster_store.person(db, record.get("entered_by_person_id") or record.get("person_id")) or {}
    # a staff role without proof has 群众 powers only (identity.is_proven), its cap among them
    role = sender.get("role") if not sender or identity.is_proven(sender) else MASSES
    return Checks(
        season=schedule.season(cfg),
        old_photo_tolerance_days=int(cfg.get("planting.old_photo_tolerance_days")),
        cap=cap_for(cfg.get("review.max_trees_per_record"), role),
        cadre=is_cadre(sender, tuple(cfg.get("planting.cadre_roles"))),
    )


def refresh_flags(app, db, planting_id: int, now_s: str) -> list[str]:
    """Recompute a record's flags (with their reasons), its spot-check draw and its review state from what is
    known now."""
    record = store.get(db, planting_id)
    assert record is not None  # refresh_flags is called for an existing record
    photos = store.photos_of(db, planting_id)
    day = clock.local(clock.from_db(record["completed_at"] or record["created_at"]), app.tz).date()
    flags = compute_flags(
        record, photos, roster_store.village(db, record["village_id"]), checks_for(app, db, record), day
    )
    details = {f.name: {"reason": app.t(FLAG_REASONS[f.name], **f.values), "ref": f.ref} for f in flags}
    located = location_of(record, photos)[0] is not None
    rate = spot_check_rate(app.config.get("review.spot_check_rate"), located)
    draw = spot_check_draw(spot_check_key(app), planting_id)
    review = review_after(record["review"], flags, drawn=draw < rate)
    if review == SPOT_CHECK or record["review"] == SPOT_CHECK:
        details[SPOT_CHECK] = {
            "reason": app.t(
                "planting.spot_check_reason" if located else "planting.spot_check_reason_no_location",
                rate=f"{rate:.0%}",
                draw=f"{draw:.4f}",
            ),
            "ref": None,
        }
    store.update(
        db,
        planting_id,
        {
            "flags": " ".join(f.name for f in flags),
            "flag_details": json.dumps(details, ensure_ascii=False) if details else None,
            "review": review,
            "updated_at": now_s,
        },
    )
    return [f.name for f in flags]


def _duplicate_of(db, sha256: str, near: list[tuple], planting_id: int) -> tuple[int | None, int | None]:
    """(other record, Hamming distance) for the closest counting record that holds the same photo."""
    exact = store.records_with_sha256(db, sha256, planting_id)
    if exact:
        return exact[0], 0
    statuses = store.statuses(db, [key for key, _ in near])
    for key, distance in near:  # closest first
        if statuses.get(key) not in (None, "cancelled", store.WITHDRAWN):
            return key, distance
    return None, None


def prepare_record_photo(app, media_row: dict, data: bytes):
    """Media listener, outside any transaction and possibly in parallel: hash the photo, read its EXIF,
    write the thumbnail (the slow part). Returns (photo row, PhotoResult | PhotoError) or None."""
    if media_row["kind"] != "image":
        return None
    photo = store.photo_by_media(app.db, media_row["id"])
    if photo is None:
        return None
    try:
        return photo, process_photo(data, app.config.photos_dir, None)
    except PhotoError as error:
        return photo, error


def analyse_record_photo(app, db, media_row: dict, prepared) -> None:
    """Media listener, inside the media job's transaction: save the analysis, refresh the record's flags."""
    if prepared is None:
        return
    photo, result = prepared
    now_s = media_row["fetched_at"] or clock.to_db(app.clock())
    planting_id = photo["planting_id"]
    if isinstance(result, PhotoError):
        log.warning("photo %s of planting %s unusable: %s", media_row["id"], planting_id, result)
        store.save_photo_analysis(
            db,
            photo["id"],
            sha256=media_row["sha256"],
            phash=None,
            exif_time=None,
            exif_lat=None,
            exif_lng=None,
            duplicate_of=None,
            duplicate_distance=None,
            error=str(result)[:300],
            now=now_s,
        )
        return
    info = result.info
    # The index step runs here, in media-row order, so the later of two near-identical photos is the flagged one.
    index = photo_index(app)
    near = index.near(db, planting_id, info.phash)
    duplicate_of, distance = _duplicate_of(db, info.sha256, near, planting_id)
    index_seq = store.save_photo_analysis(
        db,
        photo["id"],
        sha256=info.sha256,
        phash=info.phash,
        exif_time=info.taken_at,
        exif_lat=info.lat,
        exif_lng=info.lng,
        duplicate_of=duplicate_of,
        duplicate_distance=distance,
        error=None,
        now=now_s,
    )
    if index_seq is not None:
        index.wrote(db, index_seq)
    refresh_flags(app, db, planting_id, now_s)


# -- review (the dashboard's 照片审核) ----------------------------------------------------------------
def decide_review(app, db, planting_id: int, decision: str, reason: str, by: str, now: str) -> dict | None:
    """Approve or reject a record waiting for review or drawn for a spot check, and keep the decision (who,
    when, why); the record as it was, or None if it was not waiting. Call inside a transaction."""
    record = store.get(db, planting_id)
    if record is None or not store.set_review(db, planting_id, decision, reason, by, now):
        return None
    dashboard_store.add_review_decision(db, planting_id, decision, reason, by, now, previous=record["review"])
    return record


def review_notice(app, record: Mapping, decision: str, reason: str) -> str | None:
    """Round 54: what its sender is told of a review decision, or None: a record that waited is told approved
    (now counted) or rejected with the reason; a spot-checked one (counted already) only when rejected."""
    what = describe_for_villager(app, record)
    if decision == "rejected":
        return app.t("planting.review_rejected", id=record["id"], what=what, reason=reason)
    if record["review"] == "pending":
        return app.t("planting.review_approved", id=record["id"], what=what)
    return None


# -- what other capabilities read (the certificates) ------------------------------------------------------
def people_with_changed_records(db, since: str | None, until: str) -> list[int]:
    """The people credited with a complete record that changed (finished, analysed, reviewed) between ``since``
    (database time; None: any time) and ``until``, both included. A record dated after ``until`` (a demo county
    dated ahead of the clock) waits until the clock reaches it."""
    return store.people_with_records_changed_since(db, since, until)


def awaiting_review(db, planting_ids: list[int]) -> set[int]:
    """Those of these records that wait for a reviewer (a far location came after they counted: sim70)."""
    return store.awaiting_review_among(db, planting_ids)


def verified_tree_records(db, person_id: int) -> list[dict]:
    """A person's verified (核实) tree records, oldest first: id, count, species, completed_at, collective (at a
    党建林/主题林/示范点 site: planted by many, logged by one)."""
    return store.verified_tree_records(db, person_id)


def still_verified(db, planting_ids: list[int]) -> set[int]:
    """Those of these records that still count (not rejected by a review or a spot check)."""
    return store.verified_among(db, planting_ids)


def verified_trees_by_person(db, since: str | None, until: str | None) -> dict[int, dict]:
    """person id -> {trees, records, collective, collective_records}: their verified tree records completed in
    [since, until], apart from those at a collective site (PLOT_SITES), for the awards."""
    return store.verified_trees_by_person(db, since, until)
