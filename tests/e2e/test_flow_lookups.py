"""The flows' cost on the webhook's hot path: every message passes the matchers of a dozen flow tables (planting,
zones, visits, adoption, pledges, events …), and a sender has started few of those flows or none. The live flows'
names and rows come with the user row (no statement of their own, issue 21's eleventh round); a context built
elsewhere reads a flow's row only when that flow is live (bot/conversation.py). And the statements one message costs the writer thread, each of which lets the request
threads take the GIL (README "Where the time goes")."""

from __future__ import annotations

import re
import threading

import pytest

from bot import db as db_module
from bot.store import conversations as conversations_store


@pytest.fixture
def lookups(monkeypatch) -> dict[str, list]:
    """The calls of the conversation store's two reads (the real functions, counted)."""
    calls: dict[str, list] = {"get": [], "live_flows": []}
    for name in calls:
        real = getattr(conversations_store, name)

        def counted(*args, _real=real, _name=name):
            calls[_name].append(args[2] if _name == "get" else args[1])
            return _real(*args)

        monkeypatch.setattr(conversations_store, name, counted)
    return calls


def test_a_message_reads_the_live_flows_once_and_only_live_flows_rows(person, clock, lookups):
    chen = person("o-chen", "陈伯", "党员")
    clock.set("2027-03-05T10:00")
    lookups["get"].clear(), lookups["live_flows"].clear()
    assert "桂花" in chen.says("桂花什么时候种")  # no flow live: no flow's row is read
    assert (lookups["get"], lookups["live_flows"]) == ([], [])  # the names came with the user row

    assert "照片" in chen.says("3棵桂花")  # starts the planting flow
    lookups["get"].clear(), lookups["live_flows"].clear()
    assert "桂花" in chen.says("桂花什么时候种")  # the planting flow is live: its row came with the user row too
    assert (lookups["get"], lookups["live_flows"]) == ([], [])


def test_the_live_flows_come_with_when_each_was_last_entered(person, clock, bot):
    """The user row's live flows carry each one's state, data and last entry (``updated_at``): ``Flow.touched_at`` (an
    open ticket's 补充 yields a photo to the flow touched after it) reads no row of its own."""
    from bot.db import transaction
    from bot.store import users as users_store

    chen = person("o-chen", "陈伯", "党员")
    clock.set("2027-03-05T10:00")
    assert "照片" in chen.says("3棵桂花")
    with transaction(bot.db):
        user = users_store.touch_inbound(bot.db, "o-chen", "2027-03-05T02:01:00", counts_as_contact=False)
    assert user is not None and user["live_flows"]["planting"][2] == "2027-03-05T02:00:00"


def test_a_context_built_elsewhere_reads_only_live_flows_rows(bot, lookups):
    from datetime import timedelta

    from bot.conversation import Flow
    from bot.db import transaction
    from tests.conftest import chat_context

    planting, zones = Flow("planting", ("collecting",)), Flow("zones", ("asking",))
    now = bot.clock()
    with transaction(bot.db):
        planting.enter(chat_context(bot, "o-chen", now), "collecting", {"planting_id": 7})
        ctx = chat_context(bot, "o-chen", now + timedelta(minutes=1))  # no rows from a user row: it asks
        assert zones.state(ctx) is None and planting.state(ctx).data == {"planting_id": 7}
    assert lookups["get"] == ["planting"] and len(lookups["live_flows"]) == 1


def test_a_flow_entered_left_or_cancelled_in_a_message_is_seen_so_by_the_rest_of_it(bot, lookups):
    """The rows read with the user row are kept up to date by ``enter``, ``end`` and ``cancel_all``, as the database
    is: what a handler asks after changing a flow is what it would read, with no statement."""
    from bot.conversation import Flow, cancel_all
    from bot.db import transaction
    from tests.conftest import chat_context

    planting, zones = Flow("planting", ("collecting", "asking")), Flow("zones", ("asking",))
    now = bot.clock()
    with transaction(bot.db):
        ctx = chat_context(bot, "o-chen", now)
        ctx._live_flows, ctx._flow_rows = set(), {}  # as bot/webhook.py makes them for a sender with no live flow
        assert planting.state(ctx) is None
        planting.enter(ctx, "collecting", {"planting_id": 7, "species": ("桂花",)})
        state = planting.state(ctx)
        assert (state.name, state.data) == ("collecting", {"planting_id": 7, "species": ["桂花"]})  # as stored
        state.data["planting_id"] = 8  # a handler changing what it was handed changes nothing kept
        assert planting.state(ctx).data["planting_id"] == 7
        planting.enter(ctx, "asking", {"planting_id": 7})
        zones.enter(ctx, "asking")
        assert planting.state(ctx).name == "asking" and zones.state(ctx).data == {}
        # when each was last entered, kept with its row (an open ticket's 补充 yields a photo to a flow touched after it)
        assert planting.touched_at(ctx) == zones.touched_at(ctx) == ctx.now_s
        zones.end(ctx)
        assert zones.state(ctx) is None and planting.state(ctx) is not None
        assert cancel_all(ctx, [planting, zones]) == 1
        assert planting.state(ctx) is None and zones.state(ctx) is None
        assert lookups["get"] == [] and lookups["live_flows"] == []
        elsewhere = chat_context(bot, "o-chen", now)  # the database agrees
        assert planting.state(elsewhere) is None and zones.state(elsewhere) is None
        assert planting.touched_at(elsewhere) is None


@pytest.fixture
def writer_statements(monkeypatch) -> list[str]:
    """The SQL statements the message writer thread runs (every connection opened from now on is traced), with their
    literals written as ``?``."""
    statements: list[str] = []
    real_connect = db_module.connect

    def traced(*args, **kwargs):
        db = real_connect(*args, **kwargs)

        def trace(sql: str) -> None:
            if threading.current_thread().name == "message-writer":
                statements.append(re.sub(r"'(?:[^']|'')*'|\b\d+\b", "?", " ".join(sql.split())))

        db.conn.set_trace_callback(trace)
        return db

    monkeypatch.setattr(db_module, "connect", traced)
    return statements


def test_a_question_costs_the_writer_few_statements(person, clock, writer_statements):
    chen = person("o-chen", "陈伯", "党员")
    clock.set("2027-03-05T10:00")
    assert "桂花" in chen.says("桂花什么时候种")
    writer_statements.clear()
    assert "桂花" in chen.says("桂花什么时候种")  # again, as many villagers ask the same question on a planting day
    heads = [" ".join(sql.split()[:4]) for sql in writer_statements]
    assert not [sql for sql in writer_statements if sql.startswith("SELECT") and "FROM conversations" in sql]
    # the free photos and open tickets: read with the user row, no statement of their own
    assert [sql for sql in writer_statements if "FROM media" in sql] == [
        sql for sql in writer_statements if sql.startswith("INSERT INTO users")
    ]
    assert heads[0] == "BEGIN IMMEDIATE" and heads[-1] == "COMMIT"
    # the inbox row once, with its reply: the dedupe was the user row's statement, which also gave the row's id
    assert len([sql for sql in writer_statements if sql.startswith("INSERT INTO inbox")]) == 1
    assert not [sql for sql in writer_statements if sql.startswith("UPDATE inbox")]
    # BEGIN, the replay guard (plaintext mode: one statement for the group), the user row (with the recent photos
    # and tickets), the adviser entries (once a group), the inbox row, COMMIT (8 before issue 21's sixth round)
    assert len(writer_statements) <= 6, heads


def test_a_planting_text_reads_its_sender_and_its_flow_with_the_user_row(person, clock, writer_statements):
    """Who is writing (``Ctx.person``) and the planting flow's row come with the user row (issue 21, eleventh round:
    a planting text read its flow's row five times and its sender once more)."""
    chen = person("o-chen", "陈伯", "党员")
    clock.set("2027-03-05T10:00")
    assert "照片" in chen.says("3棵桂花")
    writer_statements.clear()
    assert "改成2棵香樟" in chen.says("2棵香樟")  # the flow is live now: it asks which
    assert not [sql for sql in writer_statements if sql.startswith("SELECT") and "FROM conversations" in sql]
    assert not [sql for sql in writer_statements if sql.startswith("SELECT") and "FROM people WHERE openid" in sql]


def test_a_follower_not_registered_yet_is_read_so_with_the_user_row(villager, clock, writer_statements):
    clock.set("2027-03-05T10:00")
    assert villager.says("3棵桂花")  # kept until 登记
    writer_statements.clear()
    assert villager.says("我的进度")
    assert not [sql for sql in writer_statements if sql.startswith("SELECT") and "FROM people WHERE openid" in sql]
    assert not [sql for sql in writer_statements if sql.startswith("SELECT") and "FROM conversations" in sql]


def test_adviser_entries_are_read_once_per_write_transaction_and_seen_from_another_process(app_with, monkeypatch):
    """The FAQ's adviser entries (收录) are read once per write transaction: none can be added by another connection
    while it is open. An entry another process added is seen in the next transaction; one added in this transaction
    at once."""
    from bot import escalation
    from bot.db import transaction
    from bot.store import tickets as tickets_store

    reads: list[int] = []
    real_read = tickets_store.faq_entries_after
    monkeypatch.setattr(
        tickets_store, "faq_entries_after", lambda db, after, *rest: reads.append(after) or real_read(db, after, *rest)
    )
    here, there = app_with().extensions["bot"], app_with().extensions["bot"]  # two processes, one database
    question, answer = "火龙果能不能和桂花种在一起", "可以，间隔2米以上，火龙果要搭架。"
    with transaction(here.db) as db:
        assert answer not in escalation.faq_match(here, db, question).answer_text
        escalation.faq_match(here, db, "桂花什么时候种")
        escalation.faq_match(here, db, question)
    assert len(reads) == 1

    with transaction(there.db) as db:
        tickets_store.add_faq_entry(db, ticket_id=0, question=question, answer=answer, created_by="李顾问", now="x")
    with transaction(here.db) as db:
        assert answer in escalation.faq_match(here, db, question).answer_text
    assert len(reads) == 2

    other, other_answer = "簕杜鹃光长叶子不开花咋办", "簕杜鹃要晒足太阳才开花。"
    now = here.clock()
    with transaction(here.db) as db:  # 收录 in the writer's transaction: the next question in it is answered by it
        assert other_answer not in escalation.faq_match(here, db, other).answer_text
        ticket = escalation.open_ticket(
            here,
            db,
            openid="o-x",
            person=None,
            village_id=None,
            question=other,
            source="text",
            media_row_ids=[],
            now=now,
        )
        assert escalation.answer_ticket(here, db, ticket["id"], other_answer, by_admin="admin", now=now).ok
        assert escalation.add_answer_to_faq(here, db, ticket["id"], by_admin="admin", now=now).ok
        assert other_answer in escalation.faq_match(here, db, other).answer_text

    # an answer corrected (更正) in another process: seen in the next transaction, still one read in each
    corrected = "簕杜鹃要晒足太阳、少施氮肥才开花。"
    with transaction(there.db) as db:
        assert escalation.correct_answer(there, db, ticket["id"], corrected, by_admin="admin", now=now).faq_updated
    reads.clear()
    with transaction(here.db) as db:
        assert corrected in escalation.faq_match(here, db, other).answer_text
        escalation.faq_match(here, db, "桂花什么时候种")
        assert corrected in escalation.faq_match(here, db, other).answer_text
    assert len(reads) == 1  # the entry was still this process's own (its tail): read again, corrected
    again = "簕杜鹃要全日照，花前少浇水、停氮肥。"
    with transaction(there.db) as db:
        assert escalation.correct_answer(there, db, ticket["id"], again, by_admin="admin", now=now).faq_updated
    reads.clear()
    with transaction(here.db) as db:
        assert again in escalation.faq_match(here, db, other).answer_text
        escalation.faq_match(here, db, "桂花什么时候种")
        assert again in escalation.faq_match(here, db, other).answer_text
    assert reads == [2, 0]  # the read that found the correction, and the rebuild's read of every entry


def test_a_text_is_read_anew_when_the_message_is_redispatched_as_another_text(bot):
    """``text_means`` reads a message's text once, not once per matcher; a voice's recognition or a menu click
    re-dispatched as text (bot.router.redispatch_as_text) is read anew."""
    from bot.context import Ctx
    from bot.incoming import Incoming
    from handlers.core import text_means

    stop = text_means("core.commands.reminders_off")
    msg = Incoming(openid="o-x", account="gh", msg_type="text", create_time=0, text="桂花什么时候种")
    ctx = Ctx(app=bot, db=bot.db, msg=msg, now=bot.clock(), user={}, inbox_id=0)
    assert not stop(ctx)
    ctx.msg = msg.as_text(sorted(bot.messages.words("core.commands.reminders_off"))[0], "voice")
    assert stop(ctx)
