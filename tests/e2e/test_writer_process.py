"""The webhook through the writer process of ``serve --workers N`` (bot/webhook.py ``serve_writer_process``): the real
app, signed XML through the real /wechat route, the messages crossing a real Unix socket to the writer's loop (run
here in a thread, as bot/serving.py runs it in a process of its own) and applied there on the real SQLite file."""

from __future__ import annotations

import re
import socket
import threading

import pytest

from bot import webhook
from bot import writer as writer_module
from bot.simulator import Signer, WeChatUser, message_xml
from tests.conftest import rows_of, transport_for

SCRIPT = ["帮助", "桂花什么时候种", "3棵桂花", "我的进度", "香樟要浇多少水", "你好", "登记 王小明 埔心村"]


@pytest.fixture
def writer_process(app_with, tmp_path, monkeypatch):
    """An app whose pushes go to the writer loop (in a thread) over a Unix socket; yields (app, the loop's app)."""
    app = app_with()
    bot = app.extensions["bot"]
    address = str(tmp_path / "writer.sock")
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(address)
    listener.listen(64)
    stopping = threading.Event()
    loop = threading.Thread(target=webhook.serve_writer_process, args=(bot, listener, stopping.is_set), daemon=True)
    loop.start()
    monkeypatch.setattr(writer_module, "remote_address", address)
    try:
        yield app
    finally:
        monkeypatch.setattr(writer_module, "remote_address", None)
        hang_up(bot)
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
    remote_bot = writer_process.extensions["bot"]
    assert isinstance(webhook._writer(remote_bot), writer_module.RemoteWriter)
    signer = Signer("spamtest")
    through_process = WeChatUser(transport_for(writer_process), signer, openid="o-through-process")
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
    bot = writer_process.extensions["bot"]
    transport = transport_for(writer_process)
    query, body = Signer("spamtest").wrap(message_xml("o-retry", "text", {"Content": "我的进度"}))
    first = transport(query, body)
    again = transport(query, body)
    assert first[0] == again[0] == 200 and _without_time(first[1]) == _without_time(again[1])
    assert len(rows_of(bot, "SELECT * FROM inbox WHERE openid = 'o-retry'")) == 1


def test_the_replay_guard_holds_through_the_writer_process(writer_process):
    bot = writer_process.extensions["bot"]
    transport = transport_for(writer_process)
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
