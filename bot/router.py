"""The ordered handler registry and its dispatcher.

A route is (name, matches, handle). ``dispatch`` asks each route in order
whether it matches the message; the first that does handles it and returns the
reply text (None means "nothing to say": the webhook answers ``success``). The
order is priority; it is written once, in ``handlers/__init__.py``, whose
docstring lists it (a test keeps the two the same).

**Reading ahead** (issue 21). Every message is applied by the one writer thread inside the cross-process write
lock, so whatever Python a matcher runs there is serialised across ``serve --workers``. A matcher that reads only
the message and the app (its words, its config; never the database, the sender's state or the clock) says so with
``@pure``; one whose first part is such a reading says so with ``staged(ahead, then)`` (the first part may also
decide alone: ``Decided``). ``plan`` asks those parts in the request thread, before the message is queued, and keeps
the routes that may still match with what was read; ``dispatch`` with the plan asks only those, in the same order,
and hands a staged matcher what was read. A matcher that consults a cache a pure reading can fill (the FAQ's answers)
says so with ``warmed_by(warm)``: ``plan`` calls ``warm`` for it when it is kept. The routes stay the one ordered
list: the plan is derived from their own matchers, and a matcher asked without a plan (a voice's recognition or a
menu click redispatched, a kept message replayed after 登记) reads everything itself.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from bot.context import AppContext, Ctx
from bot.incoming import Incoming


@dataclass(frozen=True)
class Route:
    name: str
    matches: Callable[[Ctx], Any]
    handle: Callable[[Ctx, Any], str | None]


class Reading:
    """What a matcher's pure part may read ahead of the transaction: the message and the app. Anything else (the
    database, the sender, the clock) is an AttributeError, so a matcher declared pure by mistake fails loudly. Like a
    Ctx, it keeps what a matcher caches in its ``vars`` (``text_means`` keeps the text's meaning there)."""

    def __init__(self, msg: Incoming, app: AppContext):
        self.msg = msg
        self.app = app


def pure(matches: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """Declare ``matches(ctx)`` a pure matcher: it reads only ``ctx.msg`` and ``ctx.app`` (a ``Reading`` will do),
    so its answer for a message can be taken before the message's transaction."""
    matches.ahead = matches  # type: ignore[attr-defined]
    matches.then = None  # type: ignore[attr-defined]
    return matches


@dataclass(frozen=True)
class Decided:
    """A staged matcher's first part decided alone: ``match`` is the matcher's answer (no second part asked)."""

    match: Any


def staged(ahead: Callable[[Any], Any], then: Callable[[Ctx, Any], Any]) -> Callable[[Ctx], Any]:
    """A matcher in two parts: ``ahead(ctx)`` reads only ``ctx.msg`` and ``ctx.app`` (pure); a falsy answer means no
    match, a ``Decided`` is the answer; else ``then(ctx, read)``, asked in the transaction, decides with the database
    and the sender's state."""

    def matches(ctx: Ctx) -> Any:
        read = ahead(ctx)
        if isinstance(read, Decided):
            return read.match
        return then(ctx, read) if read else read

    matches.ahead = ahead  # type: ignore[attr-defined]
    matches.then = then  # type: ignore[attr-defined]
    return matches


def warmed_by(warm: Callable[[Reading], None]) -> Callable[[Callable[[Ctx], Any]], Callable[[Ctx], Any]]:
    """Declare that the matcher consults a cache that ``warm(reading)`` fills from the message alone (the FAQ's
    answers): ``plan`` calls it when the route is kept, so the matcher, asked in the transaction, finds it there.
    The matcher's answer is the same either way; ``warm`` must not raise."""

    def declare(matches: Callable[[Ctx], Any]) -> Callable[[Ctx], Any]:
        matches.warm = warm  # type: ignore[attr-defined]
        return matches

    return declare


# ``Plan``: the routes that may match, in order, each with what its pure part read (``ASK``: nothing read ahead).
ASK = object()
Plan = tuple[tuple[Route, Any], ...]


def plan(routes: Sequence[Route], msg: Incoming, app: AppContext) -> Plan:
    """The routes that may still match ``msg``, with what their pure parts read, in dispatch order: a route whose
    pure part says no is left out, and none after the first route that matches on the message alone. Then the
    caches of the routes kept are warmed (``warmed_by``)."""
    reading = Reading(msg, app)
    kept: list[tuple[Route, Any]] = []
    for route in routes:
        ahead = getattr(route.matches, "ahead", None)
        if ahead is None:
            kept.append((route, ASK))
            continue
        read = ahead(reading)
        if isinstance(read, Decided):
            if read.match:
                kept.append((route, read))
                break  # decided: no route after it is ever asked
            continue
        if not read:
            continue
        kept.append((route, read))
        if route.matches.then is None:  # type: ignore[attr-defined]
            break  # a pure match: no route after it is ever asked
    for route, read in kept:
        warm = getattr(route.matches, "warm", None)
        if read is ASK and warm is not None:
            warm(reading)
    return tuple(kept)


def dispatch(routes: Sequence[Route], ctx: Ctx, planned: Plan | None = None) -> tuple[str, str | None]:
    """The first route that matches handles the message. ``planned`` (``plan`` for this message): ask only the
    routes it kept, handing each staged matcher what was read ahead."""
    if planned is None:
        for route in routes:
            match = route.matches(ctx)
            if match:
                return route.name, route.handle(ctx, match)
        return "unhandled", None
    for route, read in planned:
        if read is ASK:
            match = route.matches(ctx)
        elif isinstance(read, Decided):
            match = read.match
        else:
            then = route.matches.then  # type: ignore[attr-defined]
            match = read if then is None else then(ctx, read)
        if match:
            return route.name, route.handle(ctx, match)
    return "unhandled", None


def redispatch_as_text(routes: Sequence[Route], ctx: Ctx, text: str, via: str) -> tuple[str, str | None]:
    """Handle a voice message's recognition or a menu click as if the user had typed ``text``."""
    ctx.msg = ctx.msg.as_text(text, via)
    return dispatch(routes, ctx)
