"""tidy71: trees told, then a question in the same message, read by one reader (bot/planting.py ``told_then_asked``).
Held-out cases (new sentences of the class: Mandarin and Cantonese, with and without a photo before) and controls that
must not split (a tree's trouble, a question with a number in it, the record just finished told again), written
before the two readers were folded into one and run on the untouched branch first."""

from __future__ import annotations

import pytest

from tests.e2e.test_conversation_probes import (  # noqa: F401  (the module's fixture: one app for the examples)
    cases_of,
    probe,
)

EXAMPLES = [
    # Mandarin, nothing before
    ("member", "我刚在院子里种了两棵桂花 想问一下多久浇一次水", "planting"),
    ("member", "今天种了三棵龙眼 顺便问下要不要施肥", "planting"),
    ("party", "我种好了一棵香樟，请问什么时候修剪", "planting"),
    ("member", "杨梅两棵种好了 另外想问几时施肥", "planting"),
    # Cantonese, nothing before
    ("member", "我尋日喺屋企门口种咗两棵荔枝 想问下几时施肥", "planting"),
    ("member", "啱啱种咗一棵龙眼 顺便问下要唔要淋水", "planting"),
    ("member", "涯种了三棵桂花 记到冇", "planting"),
    # after a photo
    ("after_photo", "种了两棵杨梅 想问下多久浇水", "planting"),
    ("after_photo", "桂花三棵 顺便问下几时施肥", "planting"),
    ("after_photo", "我种咗两棵龙眼 几时可以结果", "planting"),
]
CONTROLS = [
    ("member", "我种了两棵桂花 叶子怎么发黄了", "question"),  # a tree's trouble: the FAQ's or the adviser's
    ("member", "去年种咗三棵龙眼 有一棵枯咗点算", "question"),  # one of the trees told of
    ("member", "一棵桂花 要浇几次水", "question"),  # a question with a number in it
    ("member", "种两棵荔枝 要隔几米", "question"),
    ("member", "我准备种两棵杨梅 什么时候种好", "question"),  # trees meant, not planted
    ("finished", "两棵荔枝种好了 多久施一次肥", "question"),  # the record just finished told again
]


@pytest.mark.parametrize(("context", "message", "expected"), cases_of([*EXAMPLES, *CONTROLS], {}))
def test_told_then_asked(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


@pytest.mark.parametrize(
    ("context", "message", "question"),
    [
        ("member", "今天种了两棵龙眼 顺便问下要不要施肥", "要不要施肥"),
        ("after_photo", "我种咗两棵杨梅 想问下几耐淋一次水", "几耐淋一次水"),
    ],
)
def test_the_question_is_never_lost(probe, context, message, question):  # noqa: F811
    """The record takes the trees; the question is answered after the record's line (the FAQ's answer, as said or of
    the trees just told), or goes to the adviser as a ticket."""
    from bot import escalation

    assert probe.run(context, message, "planting") == ""
    openid = f"o-probe-{probe.count}"
    reply = probe.rows("SELECT reply FROM inbox WHERE openid = ? ORDER BY id DESC LIMIT 1", [openid])[0]["reply"]
    tree = probe.rows("SELECT species FROM plantings WHERE openid = ?", [openid])[0]["species"]
    answers = [escalation.faq_match(probe.bot, probe.bot.db, q) for q in (question, tree + question)]
    texts = [a.answer_text.strip() for a in answers if a.kind == "answer"]
    tickets = probe.rows("SELECT question FROM tickets WHERE openid = ?", [openid])
    assert any(t in reply for t in texts) or tickets, reply


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("今天种了三棵龙眼 顺便问下要不要施肥", ("龙眼", 3, "要不要施肥", True, True, False)),
        ("桂花三棵 顺便问下几时施肥", ("桂花", 3, "几时施肥", False, True, False)),
        ("涯种了三棵桂花 记到冇", ("桂花", 3, "记到冇", True, False, True)),
        ("我种咗两棵龙眼 几时可以结果", ("龙眼", 2, "几时可以结果", True, False, False)),
    ],
)
def test_one_reader_splits_the_report_from_the_question(text, read):
    """The one place that splits trees told from the question after them (bot/planting.py ``told_then_asked``)."""
    from bot import planting
    from bot.faq import load_offlist, load_species_table
    from bot.messages import MESSAGES_DIR

    said = planting.told_then_asked(text, load_species_table(MESSAGES_DIR), tuple(load_offlist(MESSAGES_DIR)))
    assert said is not None
    assert (said.told.species, said.told.count, said.question, said.planted_said, said.aside, said.status) == read


@pytest.mark.parametrize("text", [message for _context, message, _kind in CONTROLS[:5]])
def test_controls_are_never_split(text):
    from bot import planting
    from bot.faq import load_offlist, load_species_table
    from bot.messages import MESSAGES_DIR

    assert planting.told_then_asked(text, load_species_table(MESSAGES_DIR), tuple(load_offlist(MESSAGES_DIR))) is None
