"""An FAQ answer matched ahead in a worker crosses to the writer process as a pickle made once a result and decoded
once a pickle (bot/webhook.py ``_faq_pickle``, ``_faq_result``; issue 21, fourteenth round): the real app, signed XML,
a real Unix socket to the writer's loop, the real SQLite file (the fixture of tests/e2e/test_writer_process.py)."""

from __future__ import annotations

import pickle

from bot import escalation, webhook
from bot.incoming import parse
from bot.simulator import Signer, WeChatUser, message_xml
from bot.store import json_text
from tests.conftest import rows_of, transport_for
from tests.e2e.test_writer_process import counted_matches, writer_process  # noqa: F401 - the fixture

QUESTIONS = ["桂花什么时候种", "香樟要浇多少水", "你好"]


def test_a_repeated_questions_answer_is_pickled_once_and_read_once(writer_process, monkeypatch):  # noqa: F811
    app, writer_app = writer_process
    bot, writer_bot = app.extensions["bot"], writer_app.extensions["bot"]
    user = WeChatUser(transport_for(app), Signer("spamtest"), openid="o-faq-once")
    replies = [user.says(question) for question in QUESTIONS]  # matched ahead, kept in both
    in_writer = counted_matches(writer_app, monkeypatch)
    for question, reply in zip(QUESTIONS, replies, strict=True):
        incoming = parse(message_xml("o-faq-once-2", "text", {"Content": question}).encode())
        jobs = [
            webhook.Job(
                incoming, bot.clock(), "s", json_text(incoming.fields), 0.0, None, webhook.read_ahead(bot, incoming)
            )
            for _ in range(2)
        ]
        first, second = (webhook._encoded(bot, job, with_plan=True) for job in jobs)
        committed, data = first[7]
        assert isinstance(data, bytes) and second[7][1] is data  # pickled once
        matched_ahead = escalation.faq_matched_ahead(bot, question)
        assert matched_ahead is not None and pickle.loads(data) == matched_ahead[1]
        assert committed == matched_ahead[0]
        decoded = [webhook._decoded(writer_bot, encoded) for encoded in (first, second)]
        assert all(job.incoming == incoming for job in decoded)
        assert webhook._faq_result(writer_bot, data) is webhook._faq_result(writer_bot, data)  # read once
        assert user.says(question) == reply  # the same answer through the writer process
    assert in_writer == []  # every answer came with its message
    texts = [row["content"] for row in rows_of(writer_bot, "SELECT content FROM inbox WHERE openid = 'o-faq-once'")]
    assert texts == QUESTIONS * 2  # each once a push


def test_an_answer_offered_by_its_pickle_is_the_one_the_writer_gives(writer_process, monkeypatch):  # noqa: F811
    """A result unpickled in the writer process is offered as the worker's (``offer_faq_answer``): the writer process
    answers with it and matches nothing itself, for a question it never saw."""
    app, writer_app = writer_process
    bot, writer_bot = app.extensions["bot"], writer_app.extensions["bot"]
    question = "荔枝树几年才结果"
    escalation.read_faq_ahead(bot, question)
    incoming = parse(message_xml("o-faq-offer", "text", {"Content": question}).encode())
    job = webhook.Job(
        incoming, bot.clock(), "s", json_text(incoming.fields), 0.0, None, webhook.read_ahead(bot, incoming)
    )
    encoded = webhook._encoded(bot, job, with_plan=True)
    in_writer = counted_matches(writer_app, monkeypatch)
    webhook._decoded(writer_bot, encoded)
    sync = escalation._adviser_entries(writer_bot)
    assert sync.results[question] == escalation.faq_matched_ahead(bot, question)[1]
    assert in_writer == []
