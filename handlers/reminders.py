"""The reminders capability's manifest: the calendar jobs, broadcasts (command, dashboard page), and the
answers to survival follow-ups.

While a ``survival`` conversation is open (bot.reminders.survival_followups opens it when it queues
a follow-up, data {planting_id, due_days}), a photo becomes a survival check of that planting
(``survival_checks`` row with its media row) and 活了 / 死了 / 补种了 record the result; once both a
photo and a result are in, the conversation ends. ``SURVIVAL_TABLE`` is the flow's table (its diagram
is in docs/reminders.md). This segment runs before planting's, so a photo sent in answer never starts
a new planting record.
"""

from __future__ import annotations

from bot import broadcasts, escalation, nlu, planting, reminders
from bot.context import Ctx
from bot.conversation import END, FlowTable, Step
from bot.dashboard import broadcast_pages
from bot.planting import describe_for_villager
from bot.registry import Command
from bot.reminders import SURVIVAL_FLOW
from bot.router import Route, pure
from bot.scheduler import Job
from bot.store import followups as followups_store
from bot.store import media as media_store
from bot.store import reminders as reminders_store
from handlers.core import text_normalized

RESULT_REPLIES = {
    "alive": "reminders.survival_alive",
    "dead": "reminders.survival_dead",
    "replanted": "reminders.survival_replanted",
}


# -- inputs -----------------------------------------------------------------------------------------
def _planting(ctx: Ctx, state) -> dict | None:
    return followups_store.planting(ctx.db, state.data.get("planting_id"))


def _photo(ctx: Ctx, state) -> bool:
    """A photo answers the follow-up unless the user has since started something else (a new
    planting record waiting for its photo): the conversation touched last gets the photo."""
    if ctx.msg.msg_type != "image" or not _planting(ctx, state):
        return False
    # sim68: nor while the question is still held, unseen and unanswered (the photo of new trees had become its
    # answer); once the villager has answered in words (死了), the photo the reply asks for is the check's
    unseen = state.name == "asked" and reminders.followup_unseen(ctx.db, state.data)
    return SURVIVAL_FLOW.touched_last(ctx) and not unseen


UNHEARD = "unheard"


def _result(ctx: Ctx, state) -> str | None:
    """活了 / 死了 / 补种了 (and their synonyms) -> alive / dead / replanted; sim69: a voice WeChat could not read right
    after the photo, when the bot has just asked 活了 or 死了 -> ``UNHEARD`` (it had become a ticket)."""
    if not _planting(ctx, state):
        return None
    if state.name == "photo" and ctx.msg.msg_type == "voice" and not (ctx.msg.recognition or "").strip():
        return UNHEARD
    if ctx.msg.msg_type != "text":
        return None
    if reminders.survival_asked(ctx.msg.text) or _another_tree(ctx, state):
        return None  # sim70: '要唔要补种', '我嗰两棵荔枝死咗一棵' (桂花 asked after): no answer, nothing recorded
    return reminders.survival_result(ctx.msg.text)


def _another_tree(ctx: Ctx, state) -> bool:
    """Sim70: the text names a tree, none of them the follow-up record's."""
    record = _planting(ctx, state)
    table, others = planting.species_table(ctx.app), planting.offlist_names(ctx.app)
    named = {name for name, _said in nlu.find_all_species(ctx.msg.text or "", table, others)}
    return bool(named) and record is not None and record["species"] not in named


# -- handlers: one per (state, input) ---------------------------------------------------------------
def _what(ctx: Ctx, state) -> str:
    planting = _planting(ctx, state)
    assert planting is not None  # the record the follow-up asks about
    return describe_for_villager(ctx.app, planting)


def _add_check(ctx: Ctx, state, *, result: str, media_row_id: int | None, note: str | None) -> dict:
    data = dict(state.data)
    data["check_id"] = followups_store.add_check(
        ctx.db,
        planting_id=data["planting_id"],
        due_days=data["due_days"],
        result=result,
        media_row_id=media_row_id,
        note=note,
        now=ctx.now_s,
    )
    return data


def on_photo(ctx: Ctx, state, _match) -> str:
    """asked or photo: the photo starts a check (result unknown), waiting for 活了 / 死了."""
    data = _add_check(
        ctx, state, result="unknown", media_row_id=media_store.row_for_inbox(ctx.db, ctx.inbox_id), note=None
    )
    SURVIVAL_FLOW.enter(ctx, "photo", data)
    return ctx.t("reminders.survival_photo_received", what=_what(ctx, state))


def on_photo_after_result(ctx: Ctx, state, _match) -> str:
    followups_store.update_check(
        ctx.db, state.data["check_id"], media_row_id=media_store.row_for_inbox(ctx.db, ctx.inbox_id), now=ctx.now_s
    )
    SURVIVAL_FLOW.end(ctx)
    return ctx.t("reminders.survival_photo_thanks", what=_what(ctx, state))


def on_result(ctx: Ctx, state, result: str) -> str:
    """asked: the result starts a check, and the bot asks for a photo."""
    data = _add_check(ctx, state, result=result, media_row_id=None, note=(ctx.msg.text or "").strip())
    SURVIVAL_FLOW.enter(ctx, "answered", data)
    return ctx.t(RESULT_REPLIES[result], what=_what(ctx, state)) + "\n" + ctx.t("reminders.survival_ask_photo")


def on_result_after_photo(ctx: Ctx, state, result: str) -> str:
    if result == UNHEARD:  # sim69: the question asked again, the check kept waiting for its answer
        SURVIVAL_FLOW.enter(ctx, "photo", dict(state.data))
        return ctx.t("reminders.survival_unheard", what=_what(ctx, state))
    followups_store.update_check(
        ctx.db, state.data["check_id"], result=result, note=(ctx.msg.text or "").strip(), now=ctx.now_s
    )
    SURVIVAL_FLOW.end(ctx)
    return ctx.t(RESULT_REPLIES[result], what=_what(ctx, state))


def on_result_again(ctx: Ctx, state, result: str) -> str:
    """answered: a corrected result; the photo is still asked for."""
    followups_store.update_check(
        ctx.db, state.data["check_id"], result=result, note=(ctx.msg.text or "").strip(), now=ctx.now_s
    )
    return ctx.t(RESULT_REPLIES[result], what=_what(ctx, state)) + "\n" + ctx.t("reminders.survival_ask_photo")


SURVIVAL_TABLE = FlowTable(
    SURVIVAL_FLOW,
    (
        Step("asked", "photo", _photo, on_photo, to=("photo",)),
        Step("photo", "photo", _photo, on_photo, to=("photo",)),
        Step("answered", "photo", _photo, on_photo_after_result, to=(END,)),
        Step("asked", "result", _result, on_result, to=("answered",)),
        Step("photo", "result", _result, on_result_after_photo, to=("photo", END)),
        Step("answered", "result", _result, on_result_again, to=("answered",)),
    ),
)


# -- round 56: a tree of a record told dead, no follow-up open ('我上个星期报咗三棵 其实死咗一棵') ------------------------
REPLANT_ENTRY = "tech.replant"  # the FAQ's answer on replanting (messages/faq/technique.toml)


@pure
def _dead_tree_told(ctx: Ctx) -> bool:
    return ctx.msg.msg_type == "text" and nlu.dead_tree_told(text_normalized(ctx))


def on_dead_tree_told(ctx: Ctx, _match) -> str:
    """The FAQ's replant answer (it had become a ticket): replant, then log the new tree with 补种."""
    entry = ctx.app.service("faq", escalation.load_faq_index).entry(REPLANT_ENTRY)
    return entry.answer.strip() if entry else ctx.t("reminders.dead_tree_told")


# -- the manifest -----------------------------------------------------------------------------------
ROUTES: list = [
    SURVIVAL_TABLE.route("survival_photo", "photo"),
    SURVIVAL_TABLE.route("survival_answer", "result"),
    Route("dead_tree_told", _dead_tree_told, on_dead_tree_told),
]
JOBS: list = [
    Job("milestone_reminders", reminders.milestone_reminders, 300),
    Job("weekly_nudges", reminders.weekly_nudges, 300),
    Job("survival_followups", reminders.survival_followups, 300),
    Job("broadcasts", broadcasts.start_due_broadcasts, 30),
]
STORES: list = [followups_store, reminders_store]
COMMANDS: dict = {
    "broadcast": Command(
        "message a segment of followers now or later / 群发消息（预览、定时、取消）",
        broadcasts.broadcast_arguments,
        broadcasts.cmd_broadcast,
    ),
}
DASHBOARD: list = broadcast_pages.PAGES
FLOWS: list = [SURVIVAL_FLOW]
