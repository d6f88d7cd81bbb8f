"""Multi-step flows as state tables, persisted per (flow, openid).

A ``Flow`` names its states, its timeout and what ``取消`` undoes (``on_cancel``, passed explicitly);
each flow is defined once, beside its capability (bot/<cap>.py), and listed in the manifest's
``FLOWS``: 取消 (handlers/core.py) ends every flow of the user through ``app.flows``, after calling the
``on_cancel`` of each live one that has one; with none live, each flow's ``on_cancel_idle`` (round 56: planting's
record set aside).

A flow's table says which handler answers which input in which state, one handler per (state,
input), on the model of python-telegram-bot's ConversationHandler: ``FlowTable(flow, [Step(state,
input, matches, handle, to), ...])``; ``table.route(name, *inputs)`` is the route that answers those
inputs (default: all) in whichever state the sender's flow is in, trying the steps in table order.
``to`` names where the handler may go (a state, or END: the flow is over). The flow's one Mermaid
diagram (a block starting ``%% flow <name>``, in docs/) shows the same states and transitions:
tests/unit/test_flows.py checks it against the table.

An expired flow is simply absent: ``state`` returns None, and jobs that must act on expiry (a
planting that never got its photo) read ``bot.store.conversations.expired``.

Every message passes the matchers of a dozen flow tables, most of them for flows the sender has not started: the
names of the sender's live flows are read once per message, with the user row (``bot.store.users.touch_inbound``:
no statement of their own), kept in ``Ctx._live_flows`` and up to date by ``enter``, ``end`` and ``cancel_all``;
``state`` reads a flow's row only when its name is among them (a context built elsewhere reads the names at its
first ``state``). The webhook reads the live flows' rows with the names (``Ctx._flow_rows``), and ``state`` then reads
none: a planting text asked its flow's row five times. The rows carry when each flow was last entered
(``touched_at``): an open ticket's 补充 window yields a photo to the flow waiting for one (``photo_states``) that the
sender touched after the ticket (``photo_awaited``), with no statement for a sender who has none.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from bot import clock
from bot.context import Ctx
from bot.router import Route
from bot.store import conversations as store
from bot.store import json_text

END = "[*]"  # a step's target when the flow is over (Mermaid's name for it)


@dataclass(frozen=True)
class State:
    name: str
    data: dict


@dataclass(frozen=True)
class Flow:
    name: str
    states: tuple[str, ...]
    # (config) -> how long it waits; None: conversation.timeout_minutes
    timeout: Callable[[Any], timedelta] | None = None
    on_cancel: Callable[[Ctx, State], None] | None = field(default=None, compare=False)  # what 取消 undoes
    # round 56: what 取消 ends when no flow of the sender is live (planting: the record set aside, its reminder sent, that
    # a late part still finishes); True when it ended something
    on_cancel_idle: Callable[[Ctx], bool] | None = field(default=None, compare=False)
    # the flow answers 'how do I go on' itself ('这个怎么弄' after a photo: the planting record's next step), so the
    # help leaves such a question to it while it is live (handlers/core.py)
    answers_go_on: bool = False
    # states that wait for the answer to a choice ('改成5棵，还是另外一条记录？'): a retraction said in words there
    # ('不要', '发错了') is of the last message, not of the whole flow, so it is no 取消 (handlers/core.py)
    choice_states: tuple[str, ...] = ()
    # states whose table takes a photo (a Step on input "photo"; tests/unit/test_flows.py keeps the two the same): an
    # open ticket's 补充 window yields a photo to the flow in one of them that was touched after the ticket
    # (``photo_awaited``; handlers/escalation.py)
    photo_states: tuple[str, ...] = ()

    def _timeout(self, ctx: Ctx) -> timedelta:
        if self.timeout is not None:
            return self.timeout(ctx.config)
        return timedelta(minutes=int(ctx.config.get("conversation.timeout_minutes")))

    def state(self, ctx: Ctx) -> State | None:
        if ctx._live_flows is None:
            ctx._live_flows = set(store.live_flows(ctx.db, ctx.openid, ctx.now_s))
        if self.name not in ctx._live_flows:
            return None
        if ctx._flow_rows is not None:  # read with the user row, and kept up to date since
            kept = ctx._flow_rows.get(self.name)
            return None if kept is None else State(kept[0], json.loads(kept[1] or "{}"))
        row = store.get(ctx.db, ctx.openid, self.name, ctx.now_s)
        return State(row["state"], row["data"]) if row else None

    def touched_at(self, ctx: Ctx) -> str | None:
        """When the sender's live flow was last entered (database time), None when it is not live; read with the user
        row like ``state``."""
        if ctx._live_flows is not None and self.name not in ctx._live_flows:
            return None
        if ctx._flow_rows is not None:
            kept = ctx._flow_rows.get(self.name)
            return None if kept is None else kept[2]
        row = store.get(ctx.db, ctx.openid, self.name, ctx.now_s)
        return row["updated_at"] if row else None

    def enter(self, ctx: Ctx, state: str, data: dict | None = None) -> None:
        if state not in self.states:
            raise ValueError(f"flow {self.name} has no state {state!r}")
        expires = clock.to_db(ctx.now + self._timeout(ctx))
        stored = json_text(data or {})
        store.put(ctx.db, ctx.openid, self.name, state, stored, expires, ctx.now_s)
        if ctx._live_flows is not None:
            ctx._live_flows.add(self.name)
        if ctx._flow_rows is not None:
            ctx._flow_rows[self.name] = (state, stored, ctx.now_s)

    def touched_last(self, ctx: Ctx) -> bool:
        """Is this the sender's live flow touched last? A photo or a location goes to that one (a planting record
        started after 管护 or 签到 keeps its own)."""
        live = store.live_flows(ctx.db, ctx.openid, ctx.now_s)
        return bool(live) and live[0] == self.name

    def end(self, ctx: Ctx) -> None:
        store.drop(ctx.db, ctx.openid, self.name)
        if ctx._live_flows is not None:
            ctx._live_flows.discard(self.name)
        if ctx._flow_rows is not None:
            ctx._flow_rows.pop(self.name, None)


def photo_awaited(ctx: Ctx, flows: Sequence[Flow], since: str) -> Flow | None:
    """The sender's live flow among ``flows`` that waits for a photo (its state one of its ``photo_states``), was
    touched at or after ``since`` (database time: an open ticket's last activity) and is the flow touched last (its
    table's photo step then takes the photo, ``Flow.touched_last``); None when there is none. The states and times come
    with the user row: only a sender with such a flow live asks which flow was touched last."""
    for flow, state in in_progress(ctx, [flow for flow in flows if flow.photo_states]):
        touched = flow.touched_at(ctx)
        if state.name in flow.photo_states and touched is not None and touched >= since and flow.touched_last(ctx):
            return flow
    return None


def in_progress(ctx: Ctx, flows: Sequence[Flow]) -> list[tuple[Flow, State]]:
    """The sender's live flows among ``flows``, with their states: what is in progress (a retraction said in words
    is 取消 only then)."""
    if ctx._live_flows is None:
        ctx._live_flows = set(store.live_flows(ctx.db, ctx.openid, ctx.now_s))
    live = [(flow, flow.state(ctx)) for flow in flows if flow.name in ctx._live_flows]
    return [(flow, state) for flow, state in live if state is not None]


def cancel_all(ctx: Ctx, flows: Sequence[Flow]) -> int:
    """取消: end every flow of the user, letting each of ``flows`` undo what it started; how many were live. With none
    live, what each flow's ``on_cancel_idle`` ends (round 56: a planting record set aside), counted as one each."""
    for flow in flows:
        if flow.on_cancel is not None:
            state = flow.state(ctx)
            if state:
                flow.on_cancel(ctx, state)
    ctx._live_flows = set()
    if ctx._flow_rows is not None:
        ctx._flow_rows = {}
    dropped = store.drop(ctx.db, ctx.openid)
    if dropped:
        return dropped
    return sum(1 for flow in flows if flow.on_cancel_idle is not None and flow.on_cancel_idle(ctx))


@dataclass(frozen=True)
class Step:
    """One row of a flow's table: in ``state``, the ``input`` that ``matches(ctx, state)`` is answered by
    ``handle(ctx, state, match)``, which may move the flow to the states in ``to`` (END: over)."""

    state: str
    input: str  # a name for the input, e.g. "photo", "number", "village"
    matches: Callable[[Ctx, State], Any]
    handle: Callable[[Ctx, State, Any], str | None]
    to: tuple[str, ...]


@dataclass(frozen=True)
class FlowTable:
    flow: Flow
    steps: tuple[Step, ...]

    def __post_init__(self) -> None:
        for step in self.steps:
            unknown = {step.state, *step.to} - {*self.flow.states, END}
            if unknown:
                raise ValueError(f"flow {self.flow.name}: step {step.state}/{step.input} names {sorted(unknown)}")

    def route(self, name: str, *inputs: str) -> Route:
        """The route that answers ``inputs`` (all, if none is named) in whichever state the sender's flow is in."""
        steps = [step for step in self.steps if not inputs or step.input in inputs]

        def matches(ctx: Ctx):
            state = self.flow.state(ctx)
            if state is None:
                return None
            for step in steps:
                if step.state == state.name:
                    match = step.matches(ctx, state)
                    if match:
                        return step, state, match
            return None

        def handle(ctx: Ctx, found) -> str | None:
            step, state, match = found
            return step.handle(ctx, state, match)

        return Route(name, matches, handle, flow=self.flow.name)
