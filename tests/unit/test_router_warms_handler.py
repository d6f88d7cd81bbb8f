"""Esc101: a route whose handler consults a cache (``warmed_by(warm, handler=True)``) has it warmed even when its
matcher's pure part read the message (``问专家 <问题>``: the question alone); a matcher's own warm is not (the FAQ routes
after a pure read are asked anyway)."""

from __future__ import annotations

from bot import router
from bot.incoming import from_fields


def message(text: str):
    return from_fields({"FromUserName": "o", "MsgType": "text", "CreateTime": "1", "Content": text})


def test_a_handlers_cache_is_warmed_when_the_pure_part_read_the_message():
    calls: list[str] = []
    staged = router.staged(lambda ctx: ("q",) if ctx.msg.text == "ask" else None, lambda ctx, read: read)
    routes = [
        router.Route(
            "ask", router.warmed_by(lambda r: calls.append("handler"), handler=True)(staged), lambda c, m: "a"
        ),
        router.Route(
            "read",
            router.warmed_by(lambda r: calls.append("matcher"))(
                router.staged(lambda ctx: ("q",) if ctx.msg.text == "ask" else None, lambda ctx, read: read)
            ),
            lambda c, m: "r",
        ),
    ]
    router.plan(routes, message("ask"), object())  # type: ignore[arg-type]
    assert calls == ["handler"]  # the matcher's own warm: its pure part read it, nothing to warm
    calls.clear()
    router.plan(routes, message("other"), object())  # type: ignore[arg-type]
    assert calls == []  # neither route kept
