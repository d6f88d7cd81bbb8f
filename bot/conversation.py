"""Multi-step flows as explicit state machines, persisted per (flow, openid).

A ``Flow`` names its states and its timeout. ``取消`` ends every flow of the
user (handlers/core.py), after calling the ``on_cancel`` of each live flow that has one. An expired flow is simply absent: ``state`` returns
None, and jobs that must act on expiry (a planting that never got its photo)
read ``bot.store.conversations.expired``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from typing import Callable

from bot import clock
from bot.context import Ctx
from bot.store import conversations as store


@dataclass(frozen=True)
class State:
    name: str
    data: dict


# flow name -> what to undo when 取消 ends that flow (e.g. a pending planting record is marked cancelled)
_ON_CANCEL: dict[str, Callable[[Ctx, "State"], None]] = {}


@dataclass(frozen=True)
class Flow:
    name: str
    states: tuple[str, ...]
    timeout_minutes: int | None = None  # None: the [conversation] timeout_minutes of config.toml
    on_cancel: Callable[[Ctx, "State"], None] | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        if self.on_cancel is not None:
            _ON_CANCEL[self.name] = self.on_cancel

    def _timeout(self, ctx: Ctx) -> timedelta:
        minutes = self.timeout_minutes or int(ctx.config.get("conversation.timeout_minutes"))
        return timedelta(minutes=minutes)

    def state(self, ctx: Ctx) -> State | None:
        row = store.get(ctx.db, ctx.openid, self.name, ctx.now_s)
        return State(row["state"], row["data"]) if row else None

    def enter(self, ctx: Ctx, state: str, data: dict | None = None) -> None:
        if state not in self.states:
            raise ValueError(f"flow {self.name} has no state {state!r}")
        expires = clock.to_db(ctx.now + self._timeout(ctx))
        store.put(ctx.db, ctx.openid, self.name, state, data or {}, expires, ctx.now_s)

    def end(self, ctx: Ctx) -> None:
        store.drop(ctx.db, ctx.openid, self.name)


def cancel_all(ctx: Ctx) -> int:
    """取消: end every flow of the user, letting each undo what it started; how many were live."""
    for name, undo in _ON_CANCEL.items():
        row = store.get(ctx.db, ctx.openid, name, ctx.now_s)
        if row:
            undo(ctx, State(row["state"], row["data"]))
    return store.drop(ctx.db, ctx.openid)
