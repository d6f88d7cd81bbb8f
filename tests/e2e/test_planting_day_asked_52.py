"""Round 52 (the lead, in the simulator), through signed pushes: the village's planting day asked with the question
first ('村里几时搞植树活动', '几号搞种树活动', '什么时候有义务植树') gets the day's reply (none set yet, the village will
announce it), as '礼拜六植树活动几点开始' does (round 23); it was asked back between two campaign entries (the campaign's
timetable and what it is). The best time to plant and the campaign's own dates stay the FAQ's."""

from __future__ import annotations

from bot import nlu
from tests.e2e.test_conversation_round23 import handlers_of

# written before the reader was widened (0 of 6 read as the day before, 6 after)
ASKED_WHEN_FIRST = (
    "村里几时搞植树活动",
    "什么时候有义务植树",
    "几号搞种树活动",
    "村里边日搞植树日",
    "哪天组织义务植树活动",
    "今年村里什么时候搞义务植树",
)
NOT_THE_DAY = ("什么时候种树最好", "几时种树好", "种树活动什么时候结束", "什么时候开始挖树穴", "什么时候种树活动最好")


def test_the_day_asked_when_first_is_the_days_reply(person, clock, rows):
    clock.set("2027-03-06T08:30")
    villager = person("o-li", "李秀英")
    for asked in ASKED_WHEN_FIRST:
        reply = villager.says(asked)
        assert "还没有安排植树活动" in reply and "参加" in reply, asked
        clock.advance(minutes=1)
    assert handlers_of(rows, "o-li") == ["event_asked"] * len(ASKED_WHEN_FIRST)


def test_the_best_time_and_the_campaigns_dates_are_not_the_day():
    for text in NOT_THE_DAY:
        assert not nlu.planting_day_asked(nlu.normalize(text)), text
