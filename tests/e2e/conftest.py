"""Fixtures the end to end FAQ rounds share (the unit rounds': tests/unit/conftest.py)."""

from __future__ import annotations

import pytest

from tests.e2e.test_escalation import add_roster
from tests.faq_helpers import Asker


@pytest.fixture
def asker(bot, villager) -> Asker:
    """Villager 张三 of 埔心村 with the villages' advisers and an admin on the roster (``add_roster``), asking."""
    add_roster(bot)
    return Asker(bot, villager)
