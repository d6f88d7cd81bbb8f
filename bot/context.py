"""The two context objects: the app's shared services, and one incoming message."""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from bot import clock
from bot.config import Config
from bot.db import Databases
from bot.incoming import Incoming
from bot.messages import Messages
from bot.registry import Registry
from bot.store import roster as roster_store


def _from_registry(name: str) -> property:
    return property(lambda self: getattr(self.registry, name))


@dataclass
class AppContext:
    """Built once per process by ``create_context``; shared by requests, jobs and the CLI.

    ``registry`` holds what the capabilities contribute (bot/registry.py); the properties below read it.
    ``clock`` is the program clock (bot/clock.py): everything the campaign decides reads it;
    ``rehearsal`` is where a rehearsal clock started (env ``BOT_NOW``), None on the real clock.
    """

    config: Config
    databases: Databases
    messages: Messages
    api: Any  # bot.wechat_api.WeChatAPI
    registry: Registry = field(default_factory=Registry)
    clock: Callable[[], datetime] = clock.utcnow
    rehearsal: datetime | None = None
    _services: dict = field(default_factory=dict)
    _services_lock: threading.RLock = field(default_factory=threading.RLock)  # a factory may use another service

    @property
    def db(self):
        return self.databases.get()

    def t(self, key: str, **values: Any) -> str:
        return self.messages.t(key, **values)

    def service(self, name: str, factory: Callable[[AppContext], Any]) -> Any:
        """A lazily built, shared service (the FAQ index, the photo index …). A factory may itself call
        ``service`` (species display names read the species table): the lock is re-entrant."""
        if name not in self._services:
            with self._services_lock:
                if name not in self._services:
                    self._services[name] = factory(self)
        return self._services[name]

    @property
    def tz(self) -> str:
        return self.config.get("campaign.timezone")

    # what the capabilities contribute (bot/registry.py): app.routes is app.registry.routes, …
    routes = _from_registry("routes")
    jobs = _from_registry("jobs")
    media_listeners = _from_registry("media_listeners")
    report_columns = _from_registry("report_columns")
    report_summary = _from_registry("report_summary")
    exports = _from_registry("exports")
    export_labels = _from_registry("export_labels")
    imports = _from_registry("imports")
    commands = _from_registry("commands")
    dashboard_pages = _from_registry("dashboard_pages")
    village_sections = _from_registry("village_sections")
    photo_villages = _from_registry("photo_villages")
    stores = _from_registry("stores")
    flows = _from_registry("flows")
    withdrawal_routes = _from_registry("withdrawal_routes")
    withdrawals = _from_registry("withdrawals")
    user_reads = _from_registry("user_reads")


@dataclass
class Ctx:
    """What a handler gets: the message, the sender, the clock and the open transaction."""

    app: AppContext
    db: Any
    msg: Incoming
    now: datetime
    user: dict
    inbox_id: int
    _person: Any = field(default=None, repr=False)
    # the flows live when first asked (bot/conversation.py), and those entered since: a flow not in it has no state
    _live_flows: set[str] | None = field(default=None, repr=False)
    # with them, when read with the user row (bot/webhook.py), each live flow's (state, data as stored, when it was last
    # entered), kept up to date the same way: ``Flow.state`` and ``Flow.touched_at`` then read no row
    _flow_rows: dict[str, tuple[str, str | None, str]] | None = field(default=None, repr=False)
    # (the message, {name: value}): app.user_reads as read with the user row for that message (bot/webhook.py)
    _user_reads: tuple[Incoming, dict] | None = field(default=None, repr=False)

    @property
    def openid(self) -> str:
        return self.msg.openid

    @functools.cached_property
    def now_s(self) -> str:
        return clock.to_db(self.now)

    @property
    def config(self) -> Config:
        return self.app.config

    @property
    def person(self) -> dict | None:
        """The roster person this openid is bound to (None until 登记)."""
        if self._person is None:
            self._person = roster_store.person_by_openid(self.db, self.openid) or False
        return self._person or None

    def read_with_user(self, name: str) -> Any:
        """The value of the user read ``name`` (bot/registry.py ``UserRead``) read with the user row for this message;
        None when it was not (another message handled in this context, a context built elsewhere)."""
        if self._user_reads is None or self._user_reads[0] is not self.msg:
            return None
        return self._user_reads[1].get(name)

    def forget_person(self) -> None:
        self._person = None

    def t(self, key: str, **values: Any) -> str:
        return self.app.t(key, **values)
