"""sim61: the simulator's leftovers tried as the bot's real users (an old villager on Cantonese voice, a grandchild for a
grandmother, a party member with a care zone), each written here before its mend and run on the untouched branch first;
through signed pushes, judged by what the bot did (the probes' fixture: tests/e2e/test_conversation_probes.py)."""

from __future__ import annotations

import pytest

from tests.e2e.test_conversation_probes import (  # noqa: F401  (the module's fixture: one app for the examples)
    cases_of,
    probe,
)

# -- case 1: the photo's trees pointed at with Cantonese 呢 (these) before the count ('就系呢两棵桂花'): the record's
# trees, never a question (呢 before a numeral is no question particle: it had given 桂花's species card) ---------------
EXAMPLES_THESE_TREES = [
    ("after_photo", "就系呢两棵桂花", "planting"),
    ("after_photo", "呢三棵龙眼", "planting"),
    ("after_photo", "系呢2棵荔枝", "planting"),
]
CONTROLS_THESE_TREES = [
    ("member", "桂花呢", "question"),
    ("after_photo", "呢两棵桂花点解叶黄", "question"),
    ("member", "呢几棵龙眼几时施肥", "question"),
]


@pytest.mark.parametrize(
    ("context", "message", "expected"), cases_of([*EXAMPLES_THESE_TREES, *CONTROLS_THESE_TREES], {})
)
def test_sim61_these_trees_after_a_photo(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""
