"""A symptom told by degree right after a finished record (conv50's note, twenty-ninth session: '刚才那两棵荔枝叶子有点黄'
had started a new planting record of 2棵荔枝): yellow said with 有点, 好, 开始 is a question (issue 17 §5: a complaint
or symptom about a tree is never the start of a record). Written before the change, run on main 515da86: SYMPTOMS
0/4, CONTROLS 3/3."""

from __future__ import annotations

import pytest

from tests.e2e.test_escalation import add_roster

SYMPTOMS = ["刚才那两棵荔枝叶子有点黄", "种了两棵荔枝 叶子有点黄", "头先种嗰两棵龙眼啲叶好黄", "三棵桂花叶开始黄"]
CONTROLS = ["种了两棵黄皮", "今日种咗两棵黄花风铃木", "两棵荔枝"]


def _live_records(bot) -> int:
    return next(bot.db.query("SELECT COUNT(*) AS n FROM plantings WHERE status != 'cancelled'"))["n"]


@pytest.mark.parametrize("text", SYMPTOMS)
def test_a_symptom_by_degree_after_a_finished_record_is_no_record(villager, bot, clock, text):
    add_roster(bot)
    villager.says("两棵荔枝")
    villager.sends_photo("ph-lychee")
    clock.advance(minutes=3)
    before = _live_records(bot)
    villager.says(text)
    assert _live_records(bot) == before


@pytest.mark.parametrize("text", CONTROLS)
def test_trees_named_yellow_are_still_planted(villager, bot, text):
    add_roster(bot)
    villager.says(text)
    assert next(bot.db.query("SELECT COUNT(*) AS n FROM plantings"))["n"] == 1
