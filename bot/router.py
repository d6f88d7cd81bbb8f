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

import dataclasses
import operator
import threading
import types
from collections import OrderedDict
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
    # the flow whose table the route answers (bot/conversation.py ``FlowTable.route``): its matcher finds nothing for a
    # sender without that flow live, so ``dispatch`` does not ask it then (a dozen tables a message, issue 21)
    flow: str | None = None


@dataclass(frozen=True)
class AsText:
    """A match meaning the message is another text: ``dispatch`` handles it as if the sender had typed ``text``, and
    the route that does is the one recorded (the FAQ's entry telling a command, when the command itself is asked for:
    handlers/faq.py ``ENTRY_COMMANDS``)."""

    text: str
    via: str


class MessageView:
    """What a pure part may read of a message: its kind and its words (``msg_type``, ``text``, ``event``,
    ``event_key``, ``recognition``, ``via``), never who sent it or when; so a plan read for one text serves every
    sender of that text (``PlanCache``)."""

    __slots__ = ("msg_type", "text", "event", "event_key", "recognition", "via")
    msg_type: str
    text: str | None
    event: str | None
    event_key: str | None
    recognition: str | None
    via: str | None

    def __init__(self, msg: Incoming):
        self.msg_type, self.text, self.event, self.event_key, self.recognition, self.via = _view_values(msg)

    def key(self) -> tuple:
        return (self.msg_type, self.text, self.event, self.event_key, self.recognition, self.via)


_view_values = operator.attrgetter(*MessageView.__slots__)


class Reading:
    """What a matcher's pure part may read ahead of the transaction: the message's ``MessageView`` and the app.
    Anything else (the database, the sender, the clock) is an AttributeError, so a matcher declared pure by mistake
    fails loudly. Like a Ctx, it keeps what a matcher caches in its ``vars`` (``text_means`` keeps the text's meaning
    there)."""

    def __init__(self, msg: Incoming | MessageView, app: AppContext):
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


def warmed_by(
    warm: Callable[[Reading], None], *, handler: bool = False
) -> Callable[[Callable[[Ctx], Any]], Callable[[Ctx], Any]]:
    """Declare that the matcher consults a cache that ``warm(reading)`` fills from the message alone (the FAQ's
    answers): ``plan`` calls it when the route is kept, so the matcher, asked in the transaction, finds it there.
    The matcher's answer is the same either way; ``warm`` must not raise. ``handler`` (esc101): the route's handler
    consults it, so it is warmed even when the matcher's pure part read the message (``问专家 <问题>``: the question
    alone, which decides whose the ticket is)."""

    def declare(matches: Callable[[Ctx], Any]) -> Callable[[Ctx], Any]:
        matches.warm = warm  # type: ignore[attr-defined]
        matches.warms_handler = handler  # type: ignore[attr-defined]
        return matches

    return declare


# ``Plan``: the routes that may match, in order, each with what its pure part read (``ASK``: nothing read ahead).
ASK = object()
Plan = tuple[tuple[Route, Any], ...]


class PlanCache:
    """The plans of the last ``KEPT`` short messages, by their ``MessageView``: texts repeat (帮助, 我的进度, 你好, the
    day's questions), and a plan is a pure function of the view and the app. Only a plan whose every reading is
    immutable is kept (a handler may change the match it is handed), with the caches it warms (``warms``)."""

    KEPT = 4096
    MAX_TEXT = 64

    def __init__(self) -> None:
        self._plans: OrderedDict[tuple, tuple[Sequence[Route], Plan, Warms]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, routes: Sequence[Route], key: tuple) -> tuple[Plan, Warms] | None:
        with self._lock:
            found = self._plans.get(key)
            if found is None or found[0] is not routes:
                return None
            self._plans.move_to_end(key)
            return found[1], found[2]

    def keep(self, routes: Sequence[Route], key: tuple, planned: Plan, warms: Warms) -> None:
        if all(immutable(read) for _route, read in planned):
            with self._lock:
                self._plans[key] = (routes, planned, warms)
                if len(self._plans) > self.KEPT:
                    self._plans.popitem(last=False)


def immutable(value: Any) -> bool:
    """A read no handler can change (kept and handed to more than one message: ``PlanCache``, the writer process)."""
    if value is None or value is ASK or isinstance(value, (str, int, float, types.FunctionType)):
        return True
    if isinstance(value, (tuple, frozenset)):
        return all(immutable(item) for item in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type) and value.__dataclass_params__.frozen:  # type: ignore[attr-defined]
        return all(immutable(getattr(value, f.name)) for f in dataclasses.fields(value))
    return False


def plan(routes: Sequence[Route], msg: Incoming, app: AppContext, cache: PlanCache | None = None) -> Plan:
    """The routes that may still match ``msg``, with what their pure parts read, in dispatch order: a route whose
    pure part says no is left out, and none after the first route that matches on the message alone. Then the
    caches of the routes kept are warmed (``warmed_by``), each cache once. ``cache``: plans kept for repeated short
    texts, with their caches to warm (looked up once a plan, not once a message: issue 21, fourteenth round)."""
    view = MessageView(msg)
    reading = Reading(view, app)
    key = view.key() if cache is not None and len(view.text or "") <= PlanCache.MAX_TEXT else None
    found = cache.get(routes, key) if cache is not None and key is not None else None
    if found is None:
        planned = _read(routes, reading)
        warms = warms_of(planned)
        if cache is not None and key is not None:
            cache.keep(routes, key, planned, warms)
    else:
        planned, warms = found
    for warm in warms:
        warm(reading)
    return planned


# ``Warms``: the distinct ``warm`` functions of a plan's routes asked in the transaction (``ASK``), in their order
Warms = tuple[Callable[[Reading], None], ...]


def warms_of(planned: Plan) -> Warms:
    """The caches ``planned`` warms: each route kept with nothing read ahead (``ASK``) whose matcher is ``warmed_by``
    one, or whose handler is (``warmed_by(..., handler=True)``), each ``warm`` once (two FAQ routes share one: a second
    call would find the answer kept)."""
    warms: list[Callable[[Reading], None]] = []
    for route, read in planned:
        warm = getattr(route.matches, "warm", None)
        asked = read is ASK or getattr(route.matches, "warms_handler", False)
        if asked and warm is not None and warm not in warms:
            warms.append(warm)
    return tuple(warms)


def _read(routes: Sequence[Route], reading: Reading) -> Plan:
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
    return tuple(kept)


def _flow_not_live(route: Route, ctx: Ctx) -> bool:
    """A flow table's route whose flow the sender has not live (known once read): its matcher would answer None
    (``Flow.state``), so it is not asked."""
    live = ctx._live_flows
    return route.flow is not None and live is not None and route.flow not in live


def dispatch(routes: Sequence[Route], ctx: Ctx, planned: Plan | None = None) -> tuple[str, str | None]:
    """The first route that matches handles the message. ``planned`` (``plan`` for this message): ask only the
    routes it kept, handing each staged matcher what was read ahead."""
    if planned is None:
        for route in routes:
            if _flow_not_live(route, ctx):
                continue
            match = route.matches(ctx)
            if match:
                return _handled(routes, ctx, route, match)
        return "unhandled", None
    for route, read in planned:
        if read is ASK:
            if _flow_not_live(route, ctx):
                continue
            match = route.matches(ctx)
        elif isinstance(read, Decided):
            match = read.match
        else:
            then = route.matches.then  # type: ignore[attr-defined]
            match = read if then is None else then(ctx, read)
        if match:
            return _handled(routes, ctx, route, match)
    return "unhandled", None


def _handled(routes: Sequence[Route], ctx: Ctx, route: Route, match: Any) -> tuple[str, str | None]:
    if isinstance(match, AsText):
        return redispatch_as_text(routes, ctx, match.text, match.via)
    return route.name, route.handle(ctx, match)


def redispatch_as_text(routes: Sequence[Route], ctx: Ctx, text: str, via: str) -> tuple[str, str | None]:
    """Handle a voice message's recognition or a menu click as if the user had typed ``text``."""
    ctx.msg = ctx.msg.as_text(text, via)
    return dispatch(routes, ctx)
