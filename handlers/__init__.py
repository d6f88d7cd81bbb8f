"""The one ordered handler registry. Order is priority; the first route that matches handles the message.

Dispatch order:
1. unsubscribe — mark the user gone, cancel what was queued for them
2. subscribe — follow (also via a village QR code): welcome
3. silent_event — delivery reports, page views, auto-reported location: no reply
4. menu_click — a menu click is handled as the text command it stands for
5. voice_text — a voice message with recognition is handled as that text
6. cancel — 取消 ends every flow of the user
7. help — 帮助
8. reminders_off — 退订
9. reminders_on — 订阅
10. fallback — anything else: a short hint
"""
from __future__ import annotations

from bot.menu import click_texts
from bot.router import Route, redispatch_as_text
from handlers import core


def _menu_click(ctx):
    if ctx.msg.msg_type == "event" and ctx.msg.event == "click":
        return click_texts().get(ctx.msg.event_key or "")
    return None


def _voice_text(ctx):
    return ctx.msg.recognition if ctx.msg.msg_type == "voice" else None


ROUTES: list[Route] = []
ROUTES += [
    Route("unsubscribe", core.is_event("unsubscribe"), core.on_unsubscribe),
    Route("subscribe", core.is_event("subscribe", "scan"), core.on_subscribe),
    Route("silent_event", core.is_event(*core.SILENT_EVENTS), core.on_silent_event),
    Route("menu_click", _menu_click, lambda ctx, text: redispatch_as_text(ROUTES, ctx, text, "menu")[1]),
    Route("voice_text", _voice_text, lambda ctx, text: redispatch_as_text(ROUTES, ctx, text, "voice")[1]),
    Route("cancel", core.text_is("取消", "取消记录"), core.on_cancel),
    Route("help", core.text_is("帮助", "help", "?", "？", "菜单"), core.on_help),
    Route("reminders_off", core.text_is("退订", "关闭提醒", "不要提醒"), core.on_reminders_off),
    Route("reminders_on", core.text_is("订阅", "开启提醒"), core.on_reminders_on),
    Route("fallback", lambda ctx: True, core.on_anything),
]

# Scheduled work that belongs to a capability: bot.scheduler.Job(name, fn(app, now), every_seconds).
JOBS: list = []
