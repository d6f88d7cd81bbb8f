"""The webhook through the writer process of ``serve --workers N`` (bot/webhook.py ``serve_writer_process``): the real
app, signed XML through the real /wechat route, the messages crossing a real Unix socket to the writer's loop (run
here in a thread, as bot/serving.py runs it in a process of its own) and applied there on the real SQLite file."""

from __future__ import annotations

import pickle
import re
import socket
import threading

import pytest

from bot import escalation, webhook
from bot import writer as writer_module
from bot.db import connect, transaction
from bot.simulator import Signer, WeChatUser, message_xml
from bot.store import tickets as tickets_store
from tests.conftest import rows_of, transport_for

SCRIPT = ["帮助", "桂花什么时候种", "3棵桂花", "我的进度", "香樟要浇多少水", "你好", "登记 王小明 埔心村"]


@pytest.fixture
def writer_process(app_with, tmp_path, monkeypatch):
    """An app whose pushes go over a Unix socket to the writer loop (in a thread), which applies them with an app of its
    own on the same database, as the writer process does beside the workers; yields (the app, the writer loop's app)."""
    app, writer_app = app_with(), app_with()
    address = str(tmp_path / "writer.sock")
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(address)
    listener.listen(64)
    stopping = threading.Event()
    loop = threading.Thread(
        target=webhook.serve_writer_process, args=(writer_app.extensions["bot"], listener, stopping.is_set), daemon=True
    )
    loop.start()
    monkeypatch.setattr(writer_module, "remote_address", address)
    try:
        yield app, writer_app
    finally:
        monkeypatch.setattr(writer_module, "remote_address", None)
        hang_up(app.extensions["bot"])
        stopping.set()
        loop.join(30)
        assert not loop.is_alive()
        listener.close()


def hang_up(bot) -> None:
    """This thread's connection to the writer loop closed, as a worker's are when it ends: the loop then stops."""
    remote = bot._services.get("remote_writer")
    if remote is not None:
        remote.hang_up()


def _without_time(reply: bytes) -> bytes:
    return re.sub(rb"<CreateTime>\d+</CreateTime>", b"", reply)


def test_pushes_through_the_writer_process_get_the_replies_of_the_writer_thread(writer_process, app_with):
    app, _writer_app = writer_process
    remote_bot = app.extensions["bot"]
    assert isinstance(webhook._writer(remote_bot), writer_module.RemoteWriter)
    signer = Signer("spamtest")
    through_process = WeChatUser(transport_for(app), signer, openid="o-through-process")
    replies = [through_process.says(text) for text in SCRIPT]

    local_app = app_with()  # the same database; this app's writer is a thread of its own (a single process)
    writer_module.remote_address, address = None, writer_module.remote_address
    try:
        assert isinstance(webhook._writer(local_app.extensions["bot"]), writer_module.MessageWriter)
        in_process = WeChatUser(transport_for(local_app), signer, openid="o-in-process")
        expected = [in_process.says(text) for text in SCRIPT]
    finally:
        writer_module.remote_address = address
    assert replies == expected and all(replies)
    kept = rows_of(remote_bot, "SELECT openid, content, handler, status FROM inbox ORDER BY id")
    by_user = {
        openid: [(r["content"], r["handler"], r["status"]) for r in kept if r["openid"] == openid]
        for openid in ("o-through-process", "o-in-process")
    }
    assert by_user["o-through-process"] == by_user["o-in-process"]
    assert len(by_user["o-through-process"]) == len(SCRIPT)


def test_a_retry_through_the_writer_process_is_answered_once_with_the_first_reply(writer_process):
    app, _writer_app = writer_process
    bot = app.extensions["bot"]
    transport = transport_for(app)
    query, body = Signer("spamtest").wrap(message_xml("o-retry", "text", {"Content": "我的进度"}))
    first = transport(query, body)
    again = transport(query, body)
    assert first[0] == again[0] == 200 and _without_time(first[1]) == _without_time(again[1])
    assert len(rows_of(bot, "SELECT * FROM inbox WHERE openid = 'o-retry'")) == 1


def test_the_replay_guard_holds_through_the_writer_process(writer_process):
    app, _writer_app = writer_process
    bot = app.extensions["bot"]
    transport = transport_for(app)
    query, body = Signer("spamtest").wrap(message_xml("o-victim", "text", {"Content": "我的进度"}))
    assert transport(query, body)[0] == 200
    forged = message_xml("o-victim", "text", {"Content": "退订"}).encode()
    assert transport(query, forged)[0] == 403
    assert [r["content"] for r in rows_of(bot, "SELECT content FROM inbox")] == ["我的进度"]


def test_a_push_is_answered_503_when_the_writer_process_is_gone_and_recorded_once_when_retried(
    app_with, tmp_path, monkeypatch
):
    app = app_with()
    bot = app.extensions["bot"]
    address = str(tmp_path / "writer.sock")
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(address)
    listener.listen(64)
    monkeypatch.setattr(writer_module, "remote_address", address)
    transport = transport_for(app)
    query, body = Signer("spamtest").wrap(message_xml("o-gone", "text", {"Content": "帮助"}))

    # a writer process that reads the message and ends before answering (as under SIGKILL)
    def dies_after_reading():
        conn, _ = listener.accept()
        conn.recv(1 << 16)
        conn.close()

    dying = threading.Thread(target=dies_after_reading)
    dying.start()
    assert transport(query, body)[0] == 503  # not acknowledged: WeChat retries
    dying.join(10)
    assert rows_of(bot, "SELECT * FROM inbox") == []

    stopping = threading.Event()
    loop = threading.Thread(target=webhook.serve_writer_process, args=(bot, listener, stopping.is_set), daemon=True)
    loop.start()  # the restarted writer process
    try:
        status, reply = transport(query, body)
        assert status == 200 and Signer("spamtest").unwrap(reply).startswith("我能帮您")
        assert transport(query, body)[0] == 200
        assert len(rows_of(bot, "SELECT * FROM inbox WHERE openid = 'o-gone'")) == 1
    finally:
        monkeypatch.setattr(writer_module, "remote_address", None)
        hang_up(bot)
        stopping.set()
        loop.join(30)
        assert not loop.is_alive()
        listener.close()


def counted_matches(app, monkeypatch) -> list[str]:
    """The questions this app's FAQ index matches from now on."""
    index = app.extensions["bot"].service("faq", escalation.load_faq_index)
    matched: list[str] = []
    match = index.match

    def counting(question, *args, **kwargs):
        matched.append(question)
        return match(question, *args, **kwargs)

    monkeypatch.setattr(index, "match", counting)
    return matched


def test_a_question_matched_ahead_in_the_worker_is_not_matched_again_in_the_writer_process(writer_process, monkeypatch):
    app, writer_app = writer_process
    in_writer = counted_matches(writer_app, monkeypatch)
    in_worker = counted_matches(app, monkeypatch)
    user = WeChatUser(transport_for(app), Signer("spamtest"), openid="o-asks")
    first = user.says("桂花什么时候种")
    assert first and user.says("香樟要浇多少水")
    assert in_worker == ["桂花什么时候种", "香樟要浇多少水"]
    assert in_writer == []  # each answer came with its message
    assert user.says("桂花什么时候种") == first  # kept in both


def test_an_entry_advisers_added_counts_in_the_answers_matched_ahead(writer_process, monkeypatch):
    app, writer_app = writer_process
    monkeypatch.setattr(webhook, "FAQ_LOOK_SECONDS", 0.0)
    user = WeChatUser(transport_for(app), Signer("spamtest"), openid="o-asks-new")
    user.says("帮助")  # the worker has looked at the entries once
    question, answer = "我家那棵黄皮树叶子卷起来了是什么虫", "黄皮卷叶多是卷叶蛾幼虫，剪掉卷叶烧毁即可。"
    db = connect(app.extensions["bot"].databases.path)
    with transaction(db):
        tickets_store.add_faq_entry(db, ticket_id=None, question=question, answer=answer, created_by="t", now="x")
    db.close()
    in_writer = counted_matches(writer_app, monkeypatch)
    in_worker = counted_matches(app, monkeypatch)
    assert answer in user.says(question)  # matched ahead with the new entry, which the writer process holds too
    assert in_worker == [question] and in_writer == []


def test_a_repeated_texts_plan_crosses_as_it_was_read_ahead_encoded_and_decoded_once(writer_process):
    """A repeated text has the same plan (bot/router.py ``PlanCache``): its encoding is kept in the worker and its
    decoding in the writer process, and what the writer process dispatches with is the plan read ahead, route by
    route (issue 21, eleventh round)."""
    from bot.incoming import parse
    from bot.store import json_text

    app, writer_app = writer_process
    bot, writer_bot = app.extensions["bot"], writer_app.extensions["bot"]
    incoming = parse(message_xml("o-plan", "text", {"Content": "桂花什么时候种"}).encode())
    now = bot.clock()
    jobs = [
        webhook.Job(incoming, now, "s", json_text(incoming.fields), 0.0, None, webhook.read_ahead(bot, incoming))
        for _ in range(2)
    ]
    assert jobs[0].planned is jobs[1].planned  # kept by the plan cache
    first, second = (webhook._encoded(bot, job, with_plan=True) for job in jobs)
    assert isinstance(first[6], bytes) and first[6] is second[6]  # pickled once
    decoded = [webhook._decoded(writer_bot, encoded) for encoded in (first, second)]
    assert decoded[0].planned is decoded[1].planned  # decoded once
    assert [(route.name, read) for route, read in decoded[0].planned] == [
        (route.name, read) for route, read in jobs[0].planned
    ]
    place = pickle.loads(first[6])[0][0]
    mutable = (*first[:6], pickle.dumps(((place, ["a list"]),)), *first[7:])  # a read a handler could change
    handed = [webhook._decoded(writer_bot, mutable).planned[0][1] for _ in range(2)]
    assert handed == [["a list"], ["a list"]] and handed[0] is not handed[1]  # each message its own
    for read in (1, True, 1.0):  # equal, and of different types: each decoded as it was
        typed = (*first[:6], pickle.dumps(((place, read),)), *first[7:])
        assert type(webhook._decoded(writer_bot, typed).planned[0][1]) is type(read)


def test_a_plan_whose_reads_cannot_be_pickled_crosses_without_its_plan(writer_process):
    """The writer process then asks every route itself, as it does for a message read ahead by no one."""
    from bot.incoming import parse
    from bot.router import ASK
    from bot.store import json_text

    app, writer_app = writer_process
    bot, writer_bot = app.extensions["bot"], writer_app.extensions["bot"]
    incoming = parse(message_xml("o-plan", "text", {"Content": "帮助"}).encode())
    route = bot.routes[0]
    job = webhook.Job(
        incoming, bot.clock(), "s", json_text(incoming.fields), 0.0, None, ((route, lambda: None), (route, ASK))
    )
    encoded = webhook._encoded(bot, job, with_plan=True)
    assert encoded[6] is None and webhook._decoded(writer_bot, encoded).planned is None
