"""Esc101: ``问专家 <问题>``'s question alone (whose reading decides whose the ticket is) is matched ahead in the worker
and crosses to the writer process with its message (bot/webhook.py ``_encoded``, ``escalation.faq_also_read``): the
writer process matches nothing itself. The real app, signed XML, a real Unix socket to the writer's loop, the real
SQLite file (the fixture of tests/e2e/test_writer_process.py)."""

from __future__ import annotations

import re

from bot.simulator import Signer, WeChatUser
from tests.conftest import rows_of, transport_for
from tests.e2e.test_writer_process import counted_matches, writer_process  # noqa: F401 - the fixture


def test_ask_experts_question_crosses_to_the_writer_process_matched(writer_process, monkeypatch):  # noqa: F811
    app, writer_app = writer_process
    in_writer = counted_matches(writer_app, monkeypatch)
    in_worker = counted_matches(app, monkeypatch)
    user = WeChatUser(transport_for(app), Signer("spamtest"), openid="o-asks-expert")
    question = "我垫咗三百蚊买苗 村里几时还"
    reply = user.says(f"问专家 {question}")
    number = int(re.search(r"问题编号：(\d+)", reply).group(1))
    assert question in in_worker and in_writer == [], (in_worker, in_writer)
    (row,) = rows_of(writer_app.extensions["bot"], "SELECT route FROM tickets WHERE id = ?", [number])
    assert row["route"] == "village"  # money: the village's, as the question read alone says
