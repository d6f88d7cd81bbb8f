"""Fixtures the end to end FAQ rounds share (the unit rounds': tests/unit/conftest.py); tidy84: and the village's cadre,
a villager and the notices delivered, which tests/e2e/test_aid_notice.py and test_pledge_withdrawn_told.py had each
written out."""

from __future__ import annotations

import pytest

from tests.e2e.test_escalation import add_roster
from tests.faq_helpers import Asker


@pytest.fixture
def asker(bot, villager) -> Asker:
    """Villager 张三 of 埔心村 with the villages' advisers and an admin on the roster (``add_roster``), asking."""
    add_roster(bot)
    return Asker(bot, villager)


@pytest.fixture
def secretary(person):
    """王书记, the village's 村书记 on WeChat (o-wang): the cadre told of what happens in it."""
    return person("o-wang", "王书记", "村书记")


@pytest.fixture
def li(person):
    """李四 (o-li), a villager of household 1组1号 on WeChat."""
    return person("o-li", "李四", "群众", household="1组1号")


@pytest.fixture
def notices(sent_to):
    """``notices(openid, word)``: the texts WeChat delivered to ``openid`` (after ``tick``) that hold ``word``."""
    return lambda openid, word: [text for text in sent_to(openid) if word in text]
