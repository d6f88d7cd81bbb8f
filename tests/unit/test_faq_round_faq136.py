"""FAQ helper faq136 (the sixtieth session; issue 17 §1; set CW's small talk, off-topic asks and Hakka words, by
class): a message that asks nothing and only greets, thanks, acknowledges, says what one is off to do or how the talk
and the day went is chit-chat, never a ticket nor a card; a question about another domain (a person's illness, fish and
farm animals, phones and computers, the village's other affairs) is the off-topic reply; Hakka words the matcher did
not read (做得无, 恁样, 爱…无, 屋下, 涯/𠊎) are read as their Mandarin. A real question after thanks is still answered.
The helper's own phrasings and controls: tests/data/faq_rule_checks_faq136.tsv (docs/faq.md, helper faq136)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot import faq
from tests.faq_helpers import check_lines

CHECKS = Path(__file__).resolve().parents[1] / "data" / "faq_rule_checks_faq136.tsv"


def _read_as_written(index: faq.FaqIndex, question: str, expected: str) -> bool:
    """The line's label with nothing asked back."""
    result = index.match(question)
    return faq.result_label(result) == expected and result.other is None


def test_faq136_the_mended_classes_are_read_as_labelled(index):
    """On review60 none of the 36 lines was read with its label alone (a ticket, a card, the off-topic reply for small
    talk, chit-chat for a restaurant, asked back); after, all 36."""
    mended = [row for row in check_lines(CHECKS) if not row[2].endswith("_control")]
    assert len(mended) == 36
    wrong = [row[0] for row in mended if not _read_as_written(index, *row[:2])]
    assert not wrong, wrong


def test_faq136_every_control_keeps_its_reading(index):
    """A question after thanks or an 'all right' (a symptom, a tree's field, a planting told), trees near the other
    domains (a pond's edge, an ancestral hall's square, cattle at the seedlings, pesticide and a headache), Hakka the
    matcher read already, a notice acknowledged: 23 of 23 on review60 and after."""
    controls = [row for row in check_lines(CHECKS) if row[2].endswith("_control")]
    assert len(controls) == 23
    wrong = [row[0] for row in controls if not _read_as_written(index, *row[:2])]
    assert not wrong, wrong


@pytest.mark.parametrize(
    ("spoken", "read"),
    [
        ("恁样种树会唔会死", "这样种树会唔会死"),
        ("种树爱交钱无", "种树要交钱吗"),
        ("涯屋家门口想种棵桂花 做得无", "我家门口想种棵桂花 可以吗"),
        ("𠊎屋下门口种荔枝做得无", "我家门口种荔枝可以吗"),
        ("爱唔爱淋定根水", "要不要淋定根水"),
        ("𠊎兜村爱种几多棵", "我们村要种几多棵"),
        # 爱 is love where nothing is asked, and 爱护 is to protect; a name holding 涯 keeps it
        ("我爱种树", "我爱种树"),
        ("爱护树木人人有责", "爱护树木人人有责"),
        ("刘涯家门口种咗桂花", "刘涯家门口种咗桂花"),
        ("佢好爱种花 冇问题", "佢好爱种花 冇问题"),
    ],
)
def test_faq136_hakka_words_are_read_as_their_mandarin(index, spoken, read):
    assert index.hakka_read(spoken) == read
