"""Flows as state tables: each flow's one Mermaid diagram shows exactly its table's states and transitions."""

from __future__ import annotations

import ast
import re

import pytest

import handlers
from bot.conversation import END, Flow, FlowTable, State, Step, cancel_all
from tests.conftest import ROOT, app_over_file, chat_context

BLOCK = re.compile(r"```mermaid\n(.*?)```", re.S)
EDGE = re.compile(r"^\s*(\S+)\s*-->\s*(\S+?)\s*(?::\s*(.*))?$")


def diagram_sources() -> dict[str, str]:
    """Where diagrams may be written: docs pages, and module docstrings."""
    sources = {str(p.relative_to(ROOT)): p.read_text(encoding="utf-8") for p in ROOT.glob("docs/*.md")}
    for path in [*ROOT.glob("bot/**/*.py"), *ROOT.glob("handlers/*.py")]:
        doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
        if "```mermaid" in doc:
            sources[str(path.relative_to(ROOT))] = doc
    return sources


def diagrams() -> list[tuple[str, str, str]]:
    """(where, first line, body) of every Mermaid state diagram."""
    found = []
    for where, text in diagram_sources().items():
        for block in BLOCK.findall(text):
            if "stateDiagram" in block:
                found.append((where, block.strip().splitlines()[0], block))
    return found


def edges(block: str) -> dict[tuple[str, str, str], str]:
    """Every transition: (from, to, the input: the label's first word) -> the whole label."""
    found = {}
    for line in block.splitlines():
        match = EDGE.match(line)
        if match:
            source, target, label = match.groups()
            found[(source, target, (label or "").split(" ")[0])] = label or ""
    return found


def tables() -> list[FlowTable]:
    return [
        value for module in handlers.CAPABILITIES for value in vars(module).values() if isinstance(value, FlowTable)
    ]


def check(table: FlowTable, block: str) -> list[str]:
    """What differs between a flow's table and its diagram."""
    problems = []
    drawn = edges(block)
    states = {s for edge in drawn for s in edge[:2]} - {END}
    if states != set(table.flow.states):
        problems.append(f"states drawn {sorted(states)} != {sorted(table.flow.states)}")
    declared = {(step.state, target, step.input) for step in table.steps for target in step.to}
    problems += [f"not drawn: {s} --> {t}: {i}" for s, t, i in sorted(declared - set(drawn))]
    for source, target, word in sorted(set(drawn) - declared):
        entry = source == END and target in table.flow.states  # a flow starts in other routes' handlers
        timeout_or_cancel = target == END and ("timeout" in drawn[source, target, word] or "取消" in word)
        if not (entry or timeout_or_cancel):
            problems.append(f"not in the table: {source} --> {target}: {word}")
    return problems


def test_every_state_diagram_says_what_it_shows():
    unmarked = [where for where, first, _ in diagrams() if not first.startswith("%%")]
    assert unmarked == []


def test_each_flow_table_has_its_one_diagram_and_they_agree():
    blocks: dict[str, list[tuple[str, str]]] = {}
    for where, first, block in diagrams():
        match = re.match(r"%% flow (\w+)$", first)
        if match:
            blocks.setdefault(match.group(1), []).append((where, block))
    found = tables()
    assert sorted(t.flow.name for t in found) == [
        "adoption",
        "ask_expert",
        "correction",
        "events",
        "faq_choice",
        "milestone",
        "planting",
        "pledges",
        "recount",
        "registration",
        "survival",
        "visits",
        "withdraw",
        "zones",
    ]
    for table in found:
        written = blocks.get(table.flow.name, [])
        assert len(written) == 1, (table.flow.name, [where for where, _ in written])  # written once
        assert check(table, written[0][1]) == [], table.flow.name
    assert sorted(blocks) == sorted(t.flow.name for t in found)  # no diagram of a flow without a table


def test_every_flow_with_a_table_is_in_the_registry():
    flows = {f.name for module in handlers.CAPABILITIES for f in getattr(module, "FLOWS", [])}
    assert {t.flow.name for t in tables()} <= flows


def test_a_flows_photo_states_are_its_tables_states_that_take_a_photo():
    """``Flow.photo_states`` (an open ticket's 补充 yields a photo to such a flow touched after it:
    bot.conversation.photo_awaited) say what the table says: the states with a step on input "photo"."""
    for table in tables():
        taking = {step.state for step in table.steps if step.input == "photo"}
        assert set(table.flow.photo_states) == taking, table.flow.name
    assert {t.flow.name for t in tables() if t.flow.photo_states} == {
        "adoption",
        "ask_expert",
        "milestone",
        "survival",
        "visits",
        "zones",
    }


def test_the_check_sees_a_missing_or_extra_transition():
    flow = Flow("demo", ("a", "b"))
    table = FlowTable(flow, (Step("a", "photo", lambda c, s: True, lambda c, s, m: "", to=("b",)),))
    good = "%% flow demo\nstateDiagram-v2\n    [*] --> a: start\n    a --> b: photo\n    b --> [*]: timeout\n"
    assert check(table, good) == []
    assert check(table, good.replace("a --> b: photo", "a --> b: text")) == [
        "not drawn: a --> b: photo",
        "not in the table: a --> b: text",
    ]
    assert check(table, good + "    b --> a: photo\n") == ["not in the table: b --> a: photo"]


def test_a_step_naming_an_unknown_state_is_refused():
    with pytest.raises(ValueError, match="nowhere"):
        FlowTable(Flow("demo", ("a",)), (Step("a", "photo", lambda c, s: True, lambda c, s, m: "", to=("nowhere",)),))


def test_a_flow_ended_in_a_message_is_not_live_for_the_rest_of_it(tmp_path):
    """``end`` (and 取消's ``cancel_all``) take the flow out of the message's live names as ``enter`` puts it in:
    a later ``state`` in the same message answers None without reading the flow's row."""
    from datetime import UTC, datetime

    flow = Flow("demo", ("asking",))
    with app_over_file(tmp_path) as app:
        ctx = chat_context(app, "o-1", datetime(2027, 3, 5, 2, 0, tzinfo=UTC))
        statements: list[str] = []
        app.db.conn.set_trace_callback(statements.append)
        reads = lambda: [sql for sql in statements if "FROM conversations" in sql]  # noqa: E731
        for finish in (flow.end, lambda ctx: cancel_all(ctx, [flow])):
            flow.enter(ctx, "asking", {"n": 1})
            assert flow.state(ctx) == State("asking", {"n": 1})
            finish(ctx)
            statements.clear()
            assert flow.state(ctx) is None
            assert reads() == []
