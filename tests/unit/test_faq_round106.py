"""FAQ round 106 (issue 17 §1, §4): how to use the bot's own capabilities. A blind writer found several with no FAQ
entry (认领, the planting day's 参加, a cadre's 树穴 report, an adviser's 签到, …): asked how, the bot asked back
between two unrelated entries, gave the planting how-to, or named the advisers. New bot.* entries in
messages/faq/campaign.toml (第一百零六轮), each saying the command as DESIGN.md spells it and who uses it, reached by
their words in matching.toml (第一百零六轮); set tests/data/faq_usage_106.tsv (each capability asked three ways by role,
written first; random.Random(106) holds out 22 of 67, never tuned on); controls tests/data/faq_rule_checks_106.tsv."""

from __future__ import annotations

import random
import tomllib
from pathlib import Path

import pytest

from bot import faq
from tests.unit.faq_knowledge import own_checks

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
CAMPAIGN = ROOT / "messages" / "faq" / "campaign.toml"
NEW = {
    "bot.pledge",
    "bot.planting_day",
    "bot.milestones",
    "bot.adviser_visit",
    "bot.adviser_tickets",
    "bot.cadre_lists",
}
# who may use it, said in the answer itself (§3: a villager asking how an adviser signs in is told it is the advisers')
WHO = {
    "bot.milestones": ("村书记、村干部", "村民不用报"),
    "bot.adviser_visit": ("技术顾问用的", "村民不用签到"),
    "bot.adviser_tickets": ("技术顾问用的", "村书记、村干部"),
    "bot.cadre_lists": ("村书记、村干部用的",),
    "bot.planting_day": ("村书记、村干部发起",),
    "bot.pledge": ("村干部帮村民报",),
}
# the commands as DESIGN.md (and the README's table) spell them
COMMANDS = {
    "bot.pledge": ("认领 2棵荔枝 3月", "我的认领", "取消认领", "认领 姓名 2棵龙眼"),
    "bot.planting_day": ("“参加”", "参加 活动码", "我的签到", "活动 名称"),
    "bot.milestones": ("计划已备案", "树穴 120个", "示范点 名称", "更新 记录号"),
    "bot.adviser_visit": ("签到", "我的下沉", "位置"),
    "bot.adviser_tickets": ("待办", "答 编号 回答", "收录 编号", "更正 编号", "补充 编号"),
    "bot.cadre_lists": ("未种名单", "未认领名单", "并户 ", "取消并户"),
}


def _rows(name: str) -> list[tuple[str, str]]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [tuple(line.split("\t")[:2]) for line in lines if line.strip() and not line.startswith("#")]


def test_the_new_entries_are_sourced_short_and_polite(index):
    rows = {row["id"]: row for row in tomllib.loads(CAMPAIGN.read_text(encoding="utf-8"))["entry"]}
    for entry_id in NEW:
        row = rows[entry_id]
        assert "DESIGN.md" in row["source"] or "README" in row["source"], entry_id
        assert 8 <= len(row["questions"]) <= 15, entry_id
        answer = index.entry(entry_id).answer
        assert len(answer) <= 260, entry_id  # one phone screen
        assert "你" not in answer, entry_id  # 您 throughout
        assert not any(c in answer for c in ",;:?!()"), entry_id  # full-width punctuation


@pytest.mark.parametrize("entry_id", sorted(NEW))
def test_each_answer_says_the_commands_and_who_uses_them(index, entry_id):
    answer = index.entry(entry_id).answer
    assert all(word in answer for word in COMMANDS[entry_id]), (entry_id, answer)
    assert all(word in answer for word in WHO[entry_id]), (entry_id, answer)


def test_the_held_out_third_is_the_seed_s_sample():
    whole = _rows("faq_usage_106.tsv")
    held = set(random.Random(106).sample(range(len(whole)), len(whole) // 3))
    assert _rows("faq_usage_106_held.tsv") == [row for i, row in enumerate(whole) if i in held]
    assert _rows("faq_usage_106_dev.tsv") == [row for i, row in enumerate(whole) if i not in held]


def test_the_missing_topics_the_entries_answer_are_mapped_to_them():
    mapped = faq.load_missing_map(ROOT / "messages" / "faq" / "precedents" / "missing_map.tsv")
    assert mapped["missing:milestone_report"] == mapped["missing:holes_milestone_report"] == "bot.milestones"
    assert mapped["missing:planting_day_attendance"] == mapped["missing:event_checkin"] == "bot.planting_day"
    assert mapped["missing:pledge_planting"] == mapped["missing:pledge_later"] == "bot.pledge"
    assert mapped["missing:adviser_visit_checkin"] == "bot.adviser_visit"
    assert mapped["missing:adviser_queue"] == mapped["missing:顾问回复"] == "bot.adviser_tickets"
    assert mapped["missing:tending_log"] == "bot.care_zones"
    assert "missing:attendance" not in mapped  # BU's '植树活动要不要签到' is disputed (precedents/disputed.tsv)


# the development part answered outright (bench/faq_eval.py's right: a choice of two offering it is not counted):
# 24 of 45 on main (10 confident wrong), 33 after (none; the 11 asked back each offer the entry first). Round 118: 32,
# the model retrained with four more aliases masked offers bot.log_planting second to '我想搞场植树活动 点样喺度开'
# (bot.planting_day still first: asked back, not counted outright)
DEV_RIGHT = 32


def _outright(index, question: str) -> str:
    result = index.match(question)
    return faq.result_label(result) if result.other is None else ""


def test_the_development_part_is_answered(index):
    rows = _rows("faq_usage_106_dev.tsv")
    assert sum(_outright(index, q) == expected for q, expected in rows) >= DEV_RIGHT


@pytest.mark.parametrize(("question", "expected"), own_checks(DATA / "faq_rule_checks_106.tsv", {}))
def test_the_capabilities_words_with_another_meaning_keep_their_answer(index, question, expected):
    got = faq.result_label(index.match(question))
    if expected.startswith("!"):
        assert got != expected[1:], got
    else:
        assert got == expected, got
