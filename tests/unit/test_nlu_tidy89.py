"""Tidy89: the withdrawal asked in the last clause, read once (``nlu.withdrawal_closes``) for both
handlers/core.retraction_in_words and planting.correction_said (each had split the clauses its own way)."""

import pytest

from bot import nlu, planting

SPECIES = {"荔枝": {}, "龙眼": {}}


@pytest.mark.parametrize(
    "text",
    [
        "刚才那条报错了 其实是龙眼不是荔枝 帮我撤回",
        "系龙眼唔系荔枝，作废吧",
        "头先报错咗 删咗佢",  # Cantonese, read normalised (删了它): planting's own split had missed it
        "不对？帮我撤回",  # a question mark is a pause too
    ],
)
def test_withdrawal_in_the_last_clause(text):
    assert nlu.withdrawal_closes(text)
    assert planting.correction_said(text, SPECIES) is None


@pytest.mark.parametrize("text", ["帮我撤回", "撤回 刚才那条报错了", "不是两棵 是三棵 打错了", "其实是龙眼不是荔枝"])
def test_no_withdrawal_closing(text):
    assert not nlu.withdrawal_closes(text)


def test_the_correction_without_a_withdrawal_is_still_read():
    assert planting.correction_said("其实是龙眼不是荔枝", SPECIES) == "其实是龙眼不是荔枝"
