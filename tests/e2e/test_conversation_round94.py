"""Round 94 of issue 17 §5 (conv94), through signed pushes: the lefts that keep coming back. conv94's own held-out
examples in other words with their controls (tests/data/conversation_examples_conv94.tsv, written and run before any
reader changed)."""

from __future__ import annotations

import pytest

from tests.e2e.test_conversation_probes import (  # noqa: F401  (the module's fixture: one app for the examples)
    cases_of,
    load,
    probe,
)

EXAMPLES = load("conversation_examples_conv94.tsv")
LEFT: dict[str, str] = {}


@pytest.mark.parametrize(("context", "message", "expected"), cases_of(EXAMPLES, LEFT))
def test_round_94(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""
