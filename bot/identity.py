"""Who is writing: the guard other capabilities call before they act for a villager.

``require_registered(ctx)`` is the one call planting, progress and the others make first::

    hint = require_registered(ctx)
    if hint:
        return hint

When the sender is bound to a roster person it returns None and the caller goes on.
Otherwise it keeps the message (the ``pending_registration`` flow holds its inbox id)
and returns the one-line register hint. After a successful ``登记`` the registration
handler calls ``replay_kept(ctx)``: every kept message is rebuilt from its inbox
payload and dispatched through the router again, so the villager does not have to
send it twice; what those messages produced is appended to the registration reply.
"""
from __future__ import annotations

import dataclasses
import json
import logging

from bot import conversation
from bot.context import Ctx
from bot.incoming import MalformedMessage, from_fields
from bot.store import roster as roster_store

log = logging.getLogger(__name__)

# Messages sent before registering are kept this long (a villager may register the next day).
PENDING = conversation.Flow("pending_registration", ("waiting",), timeout_minutes=3 * 24 * 60)
MAX_KEPT = 10  # at most this many messages are kept (a photo, its count, a location …)


def require_registered(ctx: Ctx) -> str | None:
    """None when the sender is registered; otherwise keep this message and return the register hint."""
    if ctx.person:
        return None
    keep_message(ctx)
    village = roster_store.village(ctx.db, ctx.user.get("scene_village_id")) if ctx.user else None
    if village:
        return ctx.t("registration.register_first_with_village", village=village["name"])
    return ctx.t("registration.register_first")


def keep_message(ctx: Ctx) -> None:
    """Remember this message's inbox id so it can be handled again once the sender has registered."""
    state = PENDING.state(ctx)
    kept = list(state.data.get("inbox_ids", [])) if state else []
    if ctx.inbox_id not in kept:
        kept = (kept + [ctx.inbox_id])[-MAX_KEPT:]
    PENDING.enter(ctx, "waiting", {"inbox_ids": kept})


def kept_inbox_ids(ctx: Ctx) -> list[int]:
    state = PENDING.state(ctx)
    return list(state.data.get("inbox_ids", [])) if state else []


def replay_kept(ctx: Ctx, routes=None) -> list[str]:
    """Handle the kept messages again, now that the sender is registered; returns their replies.

    Each is rebuilt from the inbox payload and dispatched with its original inbox id (so a
    photo's media row still belongs to it). The flow ends first, so nothing is replayed twice.
    """
    from bot.router import dispatch

    if routes is None:
        import handlers

        routes = handlers.ROUTES
    inbox_ids = kept_inbox_ids(ctx)
    PENDING.end(ctx)
    ctx.forget_person()
    replies: list[str] = []
    for row in roster_store.kept_inbox_rows(ctx.db, ctx.openid, inbox_ids):
        try:
            msg = from_fields(json.loads(row["payload"] or "{}"))
        except (MalformedMessage, ValueError):
            log.warning("kept message %s cannot be rebuilt", row["id"])
            continue
        replay_ctx = dataclasses.replace(ctx, msg=msg, inbox_id=row["id"], _person=None)
        _name, reply = dispatch(routes, replay_ctx)
        if reply:
            replies.append(reply)
    return replies
