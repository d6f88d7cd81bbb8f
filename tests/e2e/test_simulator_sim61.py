"""sim61: the simulator's leftovers tried as the bot's real users (an old villager on Cantonese voice, a grandchild for a
grandmother, a party member with a care zone), each written here before its mend and run on the untouched branch first;
through signed pushes, judged by what the bot did (the probes' fixture: tests/e2e/test_conversation_probes.py)."""

from __future__ import annotations

import pytest

from tests.conftest import at
from tests.e2e.test_conversation_probes import (  # noqa: F401  (the module's fixture: one app for the examples)
    cases_of,
    probe,
)
from tests.e2e.test_reminders_season import season  # noqa: F401  (its roster and ticks)

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


# -- case 2: a villager who registers after this week's nudge slot (Monday 09:00) had the weekly household nudge at
# once, right after the registration's own reply (您家还差1棵): noise; the nudge waits for the next week's slot. One
# bound before the slot (a roster villager) is nudged this week as before -------------------------------------------
def test_sim61_no_weekly_nudge_right_after_registering(season):  # noqa: F811
    s = season
    s.set_clock(at("2027-03-16T10:00"))  # a Tuesday: this week's slot was Monday 09:00
    newcomer = s.user("o-new")
    newcomer.follows(scene="1")
    assert "登记好了" in (newcomer.says("我叫何亚妹") or "")
    s.tick("2027-03-16T10:05")
    assert not any(k.startswith("nudge:") for k in s.keys("o-new"))
    assert "nudge:2027-W11" in s.keys("o-wang")  # bound before the slot: this week's nudge, as before
    s.tick("2027-03-22T09:00")  # the next Monday: the newcomer's first nudge, with the household's numbers
    assert s.keys("o-new") == ["nudge:2027-W12"]
    assert "您家还差1棵" in s.texts_sent_to("o-new")[-1]
