"""Reminders: the answers to survival follow-ups, and the calendar jobs.

While a ``survival`` conversation is open (bot.reminders.survival_followups opens it when it queues
a follow-up, data {planting_id, due_days}), a photo becomes a survival check of that planting
(``survival_checks`` row with its media row) and 活了 / 死了 / 补种了 record the result; once both a
photo and a result are in, the conversation ends. This segment runs before planting's, so a photo
sent in answer never starts a new planting record.

```mermaid
stateDiagram-v2
    [*] --> asked: follow-up queued
    asked --> photo: photo (result unknown)
    asked --> answered: 活了 / 死了 / 补种了
    photo --> [*]: 活了 / 死了 / 补种了
    answered --> [*]: photo
    asked --> [*]: timeout (reminders.survival_flow_days) or 取消
```
"""
from __future__ import annotations

from bot import broadcasts, reminders
from bot.context import Ctx
from bot.conversation import Flow
from bot.dashboard import broadcast_pages
from bot.registry import Command
from bot.router import Route
from bot.scheduler import Job
from bot.store import conversations as conversations_store
from bot.store import followups as followups_store
from bot.store import media as media_store
from bot.store import reminders as reminders_store

STATES = ("asked", "photo", "answered")
RESULT_REPLIES = {"alive": "reminders.survival_alive", "dead": "reminders.survival_dead",
                  "replanted": "reminders.survival_replanted"}


def _flow(ctx: Ctx) -> Flow:
    days = int(ctx.config.get("reminders.survival_flow_days"))
    return Flow(reminders.SURVIVAL_FLOW, STATES, timeout_minutes=days * 24 * 60)


def _open(ctx: Ctx):
    state = _flow(ctx).state(ctx)
    if state is None or not followups_store.planting(ctx.db, state.data.get("planting_id")):
        return None
    return state


def _is_survival_photo(ctx: Ctx):
    """A photo answers the follow-up unless the user has since started something else (a new
    planting record waiting for its photo): the conversation touched last gets the photo."""
    if ctx.msg.msg_type != "image":
        return None
    live = conversations_store.live_flows(ctx.db, ctx.openid, ctx.now_s)
    return _open(ctx) if live and live[0] == reminders.SURVIVAL_FLOW else None


def _is_survival_answer(ctx: Ctx):
    if ctx.msg.msg_type != "text":
        return None
    result = reminders.survival_result(ctx.msg.text)
    state = _open(ctx) if result else None
    return (state, result) if state else None


def on_survival_photo(ctx: Ctx, state) -> str:
    data = dict(state.data)
    planting = followups_store.planting(ctx.db, data["planting_id"])
    media_row_id = media_store.row_for_inbox(ctx.db, ctx.inbox_id)
    what = reminders.describe_planting(planting)
    if state.name == "answered":
        followups_store.update_check(ctx.db, data["check_id"], media_row_id=media_row_id, now=ctx.now_s)
        _flow(ctx).end(ctx)
        return ctx.t("reminders.survival_photo_thanks", what=what)
    data["check_id"] = followups_store.add_check(ctx.db, planting_id=planting["id"], due_days=data["due_days"],
                                                 result="unknown", media_row_id=media_row_id, note=None,
                                                 now=ctx.now_s)
    _flow(ctx).enter(ctx, "photo", data)
    return ctx.t("reminders.survival_photo_received", what=what)


def on_survival_answer(ctx: Ctx, match) -> str:
    state, result = match
    data = dict(state.data)
    what = reminders.describe_planting(followups_store.planting(ctx.db, data["planting_id"]))
    note = (ctx.msg.text or "").strip()
    if state.name == "photo":
        followups_store.update_check(ctx.db, data["check_id"], result=result, note=note, now=ctx.now_s)
        _flow(ctx).end(ctx)
        return ctx.t(RESULT_REPLIES[result], what=what)
    if state.name == "answered":
        followups_store.update_check(ctx.db, data["check_id"], result=result, note=note, now=ctx.now_s)
    else:
        data["check_id"] = followups_store.add_check(ctx.db, planting_id=data["planting_id"],
                                                     due_days=data["due_days"], result=result, media_row_id=None,
                                                     note=note, now=ctx.now_s)
        _flow(ctx).enter(ctx, "answered", data)
    return ctx.t(RESULT_REPLIES[result], what=what) + "\n" + ctx.t("reminders.survival_ask_photo")


ROUTES: list = [
    Route("survival_photo", _is_survival_photo, on_survival_photo),
    Route("survival_answer", _is_survival_answer, on_survival_answer),
]


JOBS: list = [
    Job("milestone_reminders", reminders.milestone_reminders, 300),
    Job("weekly_nudges", reminders.weekly_nudges, 300),
    Job("survival_followups", reminders.survival_followups, 300),
    Job("broadcasts", broadcasts.start_due_broadcasts, 30),
]
STORES: list = [followups_store, reminders_store]
COMMANDS: dict = {
    "broadcast": Command("message a segment of followers now or later (--list, --cancel ID, --dry-run)",
                         broadcasts.broadcast_arguments, broadcasts.cmd_broadcast),
}
DASHBOARD: list = broadcast_pages.PAGES
