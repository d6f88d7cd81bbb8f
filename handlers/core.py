"""Core handlers: unfollow and silent events, 取消, 帮助, 退订/订阅, and the fallback."""
from __future__ import annotations

from bot import conversation
from bot.context import Ctx
from bot.store import outbox as outbox_store
from bot.store import users as users_store

# Events that need no answer (WeChat's delivery reports, page views, auto-reported location).
SILENT_EVENTS = {"templatesendjobfinish", "masssendjobfinish", "view", "location", "view_miniprogram"}


# Voice recognition ends sentences with punctuation: "取消。", "我的进度。"
_TRAILING = " \t\r\n。．.！!？?，,"


def text_is(*words: str):
    """Matcher: the text, without surrounding spaces (or sentence punctuation), is one of ``words``."""
    wanted = set(words)

    def matches(ctx: Ctx) -> bool:
        text = (ctx.msg.text or "").strip()
        return ctx.msg.msg_type == "text" and (text in wanted or text.strip(_TRAILING) in wanted)

    return matches


def is_event(*events: str):
    wanted = set(events)
    return lambda ctx: ctx.msg.msg_type == "event" and ctx.msg.event in wanted


# -- events -------------------------------------------------------------------------------------
def on_unsubscribe(ctx: Ctx, _match) -> None:
    users_store.set_subscribed(ctx.db, ctx.openid, False, ctx.now_s)
    outbox_store.cancel_pending(ctx.db, ctx.openid, "unsubscribed")
    return None


def on_silent_event(ctx: Ctx, _match) -> None:
    return None


# -- commands -----------------------------------------------------------------------------------
def on_cancel(ctx: Ctx, _match) -> str:
    dropped = conversation.cancel_all(ctx)
    return ctx.t("core.cancelled") if dropped else ctx.t("core.nothing_to_cancel")


def on_help(ctx: Ctx, _match) -> str:
    return ctx.t("core.help")


def on_reminders_off(ctx: Ctx, _match) -> str:
    users_store.set_reminders_off(ctx.db, ctx.openid, True)
    outbox_store.cancel_pending(ctx.db, ctx.openid, "退订", kinds=("reminder", "followup", "broadcast"))
    return ctx.t("core.unsubscribed_reminders")


def on_reminders_on(ctx: Ctx, _match) -> str:
    users_store.set_reminders_off(ctx.db, ctx.openid, False)
    return ctx.t("core.subscribed_reminders")


# -- the fallback -------------------------------------------------------------------------------
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
    return ctx.t("core.not_understood")
