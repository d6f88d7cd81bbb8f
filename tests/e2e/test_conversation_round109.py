"""Round 109 (issue 17 §5 and the trust rule: nobody is bound as someone else): a new follower's form of address (黄伯,
陈婶, 阿强, 老李) said first and one's real name said after it in a clause of its own ('我叫…', '名叫…'), the how-to
question run on after the name: the name said after is the one registered, never the title (conv108 found '我系埔心村嘅黄伯
我叫黄炳坤点样登记啊' bound as 黄伯). Through the signed webhook; the bound name is checked exactly (the probe's own check
passes any name the text holds, a title too)."""

from __future__ import annotations

import pytest

from tests.e2e.test_conversation_probes import probe  # noqa: F401

# (message, the name to be registered): Cantonese and Mandarin, with and without a space or a comma before the name
TITLE_THEN_NAME = [
    ("我系埔心村嘅黄伯 我叫黄炳坤点样登记啊", "黄炳坤"),
    ("我系埔心村嘅黄伯，我叫黄炳坤，点样登记", "黄炳坤"),
    ("我系埔心村嘅陈婶 我个名叫陈玉梅 点样注册呀", "陈玉梅"),
    ("我是埔心村的李伯 我叫李国华怎么登记啊", "李国华"),
    ("我是埔心村的李叔，名叫李建新，要怎么注册", "李建新"),
    ("我是埔心村的老王 我叫王志强 怎么绑定", "王志强"),
    ("我系埔心村嘅阿芳 我叫何丽芳点样登记", "何丽芳"),
    ("埔心村张姨 我叫张秀兰 点样登记", "张秀兰"),
    ("我是埔心村的王婶，我的名字叫王桂香，怎么登记", "王桂香"),
    ("我系埔心村嘅黄伯我叫黄炳坤点样登记啊", "黄炳坤"),  # run together (conv103's seam before 我叫)
    ("我是埔心村的李伯 我叫李国华", "李国华"),  # nothing asked after the name
    # 叫我 is what one is called, not one's name: the name said first stays
    ("我系埔心村嘅黄炳坤 大家叫我黄伯 点样登记", "黄炳坤"),
]


@pytest.mark.parametrize(("message", "name"), TITLE_THEN_NAME)
def test_round_109_the_name_after_a_title_is_registered(probe, message, name):
    probe.count += 1
    openid = f"o-probe-{probe.count}"
    with probe_fresh(probe):
        user = probe.user(openid)
        user.follows()
        reply = user.says(message) or ""
    bound = [row["name"] for row in probe.rows("SELECT name FROM people WHERE openid = ?", [openid])]
    claimed = [
        r["name"] for r in probe.rows("SELECT claimed_name AS name FROM binding_conflicts WHERE openid = ?", [openid])
    ]
    if bound or claimed:
        assert (bound or claimed) == [name], f"bound {bound or claimed}: {reply[:60]!r}"
    else:  # unsure: asked back with the name read, never a title
        assert name in reply, f"nobody bound, {name} not asked back: {reply[:60]!r}"
    assert not probe.rows("SELECT id FROM tickets WHERE openid = ?", [openid])


# a title alone, no name after it: as today. Without a village it binds nobody (small talk); with one it is registered
# as said, as '登记 王村长 埔心村' is (tests/e2e/test_lead39.py: how some are known), the office correcting the roster
TITLE_ALONE = [
    ("我系黄伯", []),
    ("我是埔心村的李伯", ["李伯"]),
    ("我系埔心村嘅黄伯 点样登记啊", ["黄伯"]),
    # another's title and name (a father's): never the sender's (round 81's trust rule)
    ("我阿爸系埔心村嘅黄伯 名叫黄炳坤 点样登记", []),
    ("我老豆系埔心村嘅黄伯，叫黄炳坤，点样登记", []),
]


@pytest.mark.parametrize(("message", "bound"), TITLE_ALONE)
def test_round_109_a_title_alone_as_today(probe, message, bound):
    probe.count += 1
    openid = f"o-probe-{probe.count}"
    with probe_fresh(probe):
        user = probe.user(openid)
        user.follows()
        user.says(message)
    assert [row["name"] for row in probe.rows("SELECT name FROM people WHERE openid = ?", [openid])] == bound
    assert not probe.rows("SELECT id FROM tickets WHERE openid = ?", [openid])


class probe_fresh:  # noqa: N801
    """A fresh follower meets the fixture's roster only: names earlier probes registered are renamed apart (as the
    probe's own context new does)."""

    def __init__(self, runner):
        self.runner = runner

    def __enter__(self):
        from bot.db import transaction

        self.runner.bot.clock.advance(hours=2)
        with transaction(self.runner.bot.db):
            self.runner.bot.db.execute("UPDATE people SET name = name || '·' || id WHERE source = 'self'")
        return self

    def __exit__(self, *exc):
        return False
