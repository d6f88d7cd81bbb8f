"""Texts written in traditional characters (a son abroad writing for his parents, a Cantonese keyboard) are read as
the same texts in simplified ones, through signed pushes: every command, a registration's name, a record's tree, the
FAQ (bot/hanzi.py, applied where bot/incoming.py reads a text and a voice's recognition). Set 19g (blind) missed
`認領兩棵桂花 爸媽說清明前種` and `爸媽想在屋後種一棵芒果 可以嗎` for it; these examples are of their own."""

from __future__ import annotations

import pytest

from bot import hanzi
from tests.e2e.test_conversation_probes import probe  # noqa: F401  (the module's fixture: one app for the examples)

# (context, message, expected kind as tests/e2e/test_conversation_probes.py KINDS reads it)
EXAMPLES = [
    ("new", "登記 陳美玲 埔心村", "register"),
    ("member", "我種了幾棵了", "progress"),
    ("member", "今天種了兩棵龍眼", "planting"),
    ("member", "認領三棵荔枝", "pledge"),
    ("member", "不要再發提醒了", "unsubscribe"),
    ("member", "幫助", "help"),
    ("party", "黨員責任區", "zone"),
    ("member", "桂花幾月種最好", "question"),
    ("pending", "取消剛才那條", "cancel"),
]


@pytest.mark.parametrize(("context", "message", "expected"), EXAMPLES)
def test_a_text_in_traditional_characters_is_read_as_in_simplified(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


def test_only_traditional_characters_change():
    """Simplified text, Cantonese characters (嘅, 咗, 啲, 嗰) and the Hakka 𠊎 stay as written."""
    for text in ("我种了三棵桂花", "我哋嘅树种咗啲", "嗰棵荔枝", "𠊎系埔心村个", "著名的乾隆", "3棵 ok"):
        assert hanzi.simplified(text) == text
    assert hanzi.simplified("登記 張德福 埔心村") == "登记 张德福 埔心村"


def test_the_registered_name_is_the_rosters_and_the_record_keeps_the_payload(person, rows, villager_factory, bot):
    """A name written in traditional characters matches the roster's (张德福), and the inbox keeps what was sent."""
    from bot.clock import to_db
    from bot.db import transaction
    from bot.store import roster as roster_store

    person("o-wang", "王书记", "村书记")  # the village on the roster
    with transaction(bot.db):
        roster_store.insert_person(bot.db, {"name": "张德福", "village_id": 1, "role": "群众"}, to_db(bot.clock()))
    son = villager_factory("o-son")
    reply = son.says("登記 張德福 埔心村")
    assert "张德福" in reply
    [bound] = [p for p in rows("people") if p["name"] == "张德福"]
    assert bound["openid"] == "o-son"
    [inbox] = [r for r in rows("inbox") if r["openid"] == "o-son"]
    assert "張德福" in inbox["payload"]
