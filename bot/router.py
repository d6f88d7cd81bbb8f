"""The ordered handler registry and its dispatcher.

A route is (name, matches, handle). ``dispatch`` asks each route in order
whether it matches the message; the first that does handles it and returns the
reply text (None means "nothing to say": the webhook answers ``success``). The
order is priority; it is written once, in ``handlers/__init__.py``, whose
docstring lists it (a test keeps the two the same).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from bot.context import Ctx


@dataclass(frozen=True)
class Route:
    name: str
    matches: Callable[[Ctx], Any]
    handle: Callable[[Ctx, Any], str | None]


def dispatch(routes: Sequence[Route], ctx: Ctx) -> tuple[str, str | None]:
    for route in routes:
        match = route.matches(ctx)
        if match:
            return route.name, route.handle(ctx, match)
    return "unhandled", None


def redispatch_as_text(routes: Sequence[Route], ctx: Ctx, text: str, via: str) -> tuple[str, str | None]:
    """Handle a voice message's recognition or a menu click as if the user had typed ``text``."""
    ctx.msg = ctx.msg.as_text(text, via)
    return dispatch(routes, ctx)
