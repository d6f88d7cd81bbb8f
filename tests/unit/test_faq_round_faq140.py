"""FAQ helper faq140 (the sixtieth session; issue 17 §4: missing knowledge a villager will ask for): the twenty topics
the blind writers of CW and CU labelled missing:<topic> that no entry reached are each answered by one entry, with no
ticket and nothing asked back: the planting day's practicalities by the village's arrangements, the rest by an entry
whose answer now says it (five of them new). The helper's own phrasings and the near questions that keep their
answers: tests/data/faq_rule_checks_faq140.tsv (docs/faq.md, helper faq140)."""

from __future__ import annotations

from pathlib import Path

from bot import faq
from tests.faq_helpers import check_lines

CHECKS = Path(__file__).resolve().parents[1] / "data" / "faq_rule_checks_faq140.tsv"


def _read_as_written(index: faq.FaqIndex, question: str, expected: str) -> bool:
    """The line's label, with nothing asked back."""
    result = index.match(question)
    return faq.result_label(result) == expected and result.other is None


def test_faq140_every_missing_topic_is_answered_by_its_entry(index):
    """On review60 6 of the 60 own phrasings (3 a topic) were read with the entry meant, none with an answer that said
    it; after, 39 of 60: every one but the 21 marked 'left' (asked back between the entry and the model's reading, or
    a ticket), each still not read as meant, so that a mended one is seen (strictly: remove its mark)."""
    mended = [row for row in check_lines(CHECKS) if not row[2].endswith("_control")]
    assert len(mended) == 60
    wrong = [row[0] for row in mended if len(row) == 3 and not _read_as_written(index, *row[:2])]
    assert not wrong, wrong
    left = [row for row in mended if len(row) == 4]
    assert len(left) == 21
    mended_since = [row[0] for row in left if _read_as_written(index, *row[:2])]
    assert not mended_since, mended_since


def test_faq140_every_control_keeps_its_reading(index):
    """Rain and planting, the day's gathering, the seedlings' source, choosing and unbagging them, waterlogged ground,
    flower induction, bagging, sweetness, logging, quarantine, grafting, heatstroke, banners, name plates, holes, forest
    tenure, pests, a named tree's cracking, fruiting and alternate bearing (the sets label it the tree's fruit), a cut:
    24 of 24 on review60 and after."""
    controls = [row for row in check_lines(CHECKS) if row[2].endswith("_control")]
    assert len(controls) == 24
    wrong = [row[0] for row in controls if not _read_as_written(index, *row[:2])]
    assert not wrong, wrong
