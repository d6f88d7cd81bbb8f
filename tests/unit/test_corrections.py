"""Round 75: how a cadre's correction is read (bot/corrections.py ``read_command``, ``confirm_reason``), and what a
correction may touch (``refusal``, ``changes``). Held-out examples written before the reader, in other words than the
e2e tests'; controls: the same words meaning something else."""

from __future__ import annotations

import pytest

from bot import corrections, planting
from bot.messages import MESSAGES_DIR, Messages

TABLE = planting.load_species_table(MESSAGES_DIR)
MESSAGES = Messages.load()
COMMANDS = {
    corrections.RECOUNT: MESSAGES.words("corrections.commands.recount"),
    corrections.WITHDRAW: MESSAGES.words("corrections.commands.withdraw"),
}
CONFIRM = MESSAGES.words("corrections.commands.confirm")

READ = [
    ("更正记录 12 3棵", corrections.RECOUNT, 12, {"count": 3}, ""),
    ("更正记录12 三棵 数错咗", corrections.RECOUNT, 12, {"count": 3}, "数错咗"),
    (
        "更正记录 第7号 5棵龙眼，品种报错",
        corrections.RECOUNT,
        7,
        {"count": 5, "species": "龙眼", "species_known": 1},
        "品种报错",
    ),
    ("修改记录 30 4棵数漏了", corrections.RECOUNT, 30, {"count": 4}, "数漏了"),
    ("更正记录 12 改成两棵", corrections.RECOUNT, 12, {"count": 2}, ""),
    ("更正记录 12", corrections.RECOUNT, 12, None, ""),
    ("作废记录 12", corrections.WITHDRAW, 12, None, ""),
    ("作废记录 12 同一批树报了两次", corrections.WITHDRAW, 12, None, "同一批树报了两次"),
    ("作废记录第45号 树苗冇种落去", corrections.WITHDRAW, 45, None, "树苗冇种落去"),
]


@pytest.mark.parametrize(("text", "action", "number", "fields", "reason"), READ, ids=[r[0] for r in READ])
def test_a_cadres_correction_is_read(text, action, number, fields, reason):
    assert corrections.read_command(text, COMMANDS, TABLE) == corrections.Said(action, number, fields, reason)


# controls: no record's number after the command word, or another command
@pytest.mark.parametrize(
    "text", ["作废记录", "作废 12", "更正记录怎么弄", "更正 12 桂花要多淋水", "我想更正记录", "记录 12 3棵"]
)
def test_other_words_are_no_correction(text):
    assert corrections.read_command(text, COMMANDS, TABLE) is None


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("确定", ""),
        ("好的", ""),
        ("确定 重复报了", "重复报了"),
        ("确认，数错了", "数错了"),
        ("确定作废", ""),
        ("确定？", ""),
    ],
)
def test_the_yes_and_its_reason(text, reason):
    assert corrections.confirm_reason(text, CONFIRM) == reason


@pytest.mark.parametrize("text", ["确定吗", "唔知", "不要", "算了"])
def test_no_yes(text):
    assert corrections.confirm_reason(text, CONFIRM) is None


def test_what_may_be_corrected():
    record = {"status": "complete", "review": "approved", "count": 2, "species": "荔枝"}
    assert corrections.refusal(record) is None  # checked by the village: still its cadres' to correct
    assert corrections.refusal({**record, "review": "rejected"}) == corrections.REJECTED
    assert corrections.refusal({**record, "status": "withdrawn"}) == corrections.WITHDRAWN
    assert corrections.refusal({**record, "status": "pending"}) == corrections.NOT_FINISHED
    assert corrections.refusal(None) == corrections.MISSING
    assert corrections.changes(record, {"count": 2}) == {}
    assert corrections.changes(record, {"count": 3}) == {"count": 3}
    assert corrections.changes(record, {"count": 2, "species": "龙眼", "species_known": 1}) == {
        "species": "龙眼",
        "species_known": 1,
    }


# Round 76: the tree then the reason with no space between (`更正记录 12 3棵荔枝数错了`) had kept 荔枝数错了 as the tree
# and lost the reason. Held-out examples written before the mend (in other words than the brief's), then controls: a
# tree alone, a tree the table does not know, a tree whose name holds no reason.
KNOWN = {"species_known": 1}
READ_76 = [
    ("更正记录12 5棵龙眼点错咗", 12, {"count": 5, "species": "龙眼", **KNOWN}, "点错咗"),
    ("更正记录 8 两棵桂花重复数了", 8, {"count": 2, "species": "桂花", **KNOWN}, "重复数了"),
    ("修改记录 31 4棵木棉品种报错", 31, {"count": 4, "species": "木棉", **KNOWN}, "品种报错"),
    ("更正记录 第9号 六棵荔枝唔系两棵", 9, {"count": 6, "species": "荔枝", **KNOWN}, "唔系两棵"),
    ("更改记录 40 3棵香樟现场核过", 40, {"count": 3, "species": "香樟", **KNOWN}, "现场核过"),
    ("更正记录 15 十棵龙眼户主讲多咗", 15, {"count": 10, "species": "龙眼", **KNOWN}, "户主讲多咗"),
    ("更正记录 21 1棵荔枝因为死咗一棵", 21, {"count": 1, "species": "荔枝", **KNOWN}, "因为死咗一棵"),
]
CONTROLS_76 = [
    ("更正记录 12 3棵荔枝", 12, {"count": 3, "species": "荔枝", **KNOWN}, ""),
    ("更正记录 12 3棵龙眼树", 12, {"count": 3, "species": "龙眼", **KNOWN}, ""),
    ("更正记录 12 3棵荔枝 数错了", 12, {"count": 3, "species": "荔枝", **KNOWN}, "数错了"),
    ("更正记录 12 3棵数错了", 12, {"count": 3}, "数错了"),
]


@pytest.mark.parametrize(("text", "number", "fields", "reason"), READ_76 + CONTROLS_76, ids=lambda v: str(v))
def test_the_reason_after_the_tree_with_no_space_is_kept(text, number, fields, reason):
    assert corrections.read_command(text, COMMANDS, TABLE) == corrections.Said(
        corrections.RECOUNT, number, fields, reason
    )


# Round 77: 恢复记录 N [原因], read as 作废记录 is (no count); examples in other words than the e2e tests', then
# controls: the reminders' 恢复 (恢复提醒), no number, a question about restoring.
COMMANDS_77 = {**COMMANDS, corrections.RESTORE: MESSAGES.words("corrections.commands.restore")}
READ_77 = [
    ("恢复记录 12", 12, ""),
    ("恢复记录12 作废错咗号", 12, "作废错咗号"),
    ("恢复记录 第33号，搞错了编号", 33, "搞错了编号"),
    ("恢复记录 7号记录 呢条系真嘅", 7, "呢条系真嘅"),
]


@pytest.mark.parametrize(("text", "number", "reason"), READ_77, ids=[r[0] for r in READ_77])
def test_a_restore_is_read(text, number, reason):
    said = corrections.read_command(text, COMMANDS_77, TABLE)
    assert said == corrections.Said(corrections.RESTORE, number, None, reason)


@pytest.mark.parametrize(
    "text", ["恢复记录", "恢复提醒", "恢复 12", "恢复记录点样弄", "我想恢复记录", "帮我恢复返啲提醒"]
)
def test_other_words_are_no_restore(text):
    assert corrections.read_command(text, COMMANDS_77, TABLE) is None


def test_what_may_be_restored():
    withdrawn = {"status": "withdrawn", "review": "none", "completed_at": "2027-03-06T02:00:00Z"}
    assert corrections.refusal(withdrawn, corrections.RESTORE) is None
    assert corrections.refusal({**withdrawn, "review": "approved"}, corrections.RESTORE) is None
    assert corrections.refusal({**withdrawn, "status": "complete"}, corrections.RESTORE) == corrections.NOT_WITHDRAWN
    assert corrections.refusal({**withdrawn, "status": "cancelled"}, corrections.RESTORE) == corrections.NOT_FINISHED
    assert corrections.refusal({**withdrawn, "completed_at": None}, corrections.RESTORE) == corrections.NOT_FINISHED
    assert corrections.refusal(None, corrections.RESTORE) == corrections.MISSING
    assert corrections.refusal(withdrawn) == corrections.WITHDRAWN  # a withdrawal of it, as before
