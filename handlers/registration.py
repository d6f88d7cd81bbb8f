"""(placeholder: the registration capability replaces this; core's welcome for now)"""
from __future__ import annotations

from bot.router import Route
from handlers import core

ROUTES: list = [Route("subscribe", core.is_event("subscribe", "scan"), core.on_subscribe)]
JOBS: list = []
