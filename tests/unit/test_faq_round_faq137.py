"""FAQ helper faq137 (the sixtieth session; issue 17 §1; set CW's answerable questions that became tickets, by cause):
two varieties of one listed tree compared are answered by the tree's card, which now says how they differ; two listed
trees' flowers compared by their looks (花靓, 花好看) are answered side by side like their scent; an off-list tree with
an entry of its own (citrus, tea) asked its years to fruit or its shaping cuts is that entry's; one's own slip in the bot
(a photo of another household's tree, the village chosen wrong) is how to mend it, not a dispute; a listed tree's price
asked in a few words is the seedlings' price, not money's ticket. The helper's own phrasings and controls:
tests/data/faq_rule_checks_faq137.tsv (docs/faq.md, helper faq137)."""

from __future__ import annotations

from pathlib import Path

from bot import faq
from tests.faq_helpers import check_lines

CHECKS = Path(__file__).resolve().parents[1] / "data" / "faq_rule_checks_faq137.tsv"


def _read_as_written(index: faq.FaqIndex, question: str, expected: str) -> bool:
    """The line's label, nothing asked back."""
    result = index.match(question)
    return faq.result_label(result) == expected and result.other is None


def test_faq137_the_mended_classes_are_answered(index):
    """On review60 none of the 19 lines was read with its label (each a ticket); after, all 19."""
    mended = [row for row in check_lines(CHECKS) if not row[2].endswith("_control")]
    assert len(mended) == 19
    wrong = [row[0] for row in mended if not _read_as_written(index, *row[:2])]
    assert not wrong, wrong


def test_faq137_every_control_keeps_its_reading(index):
    """Varieties weighed for money or grown together, an off-list tree's pruning, cracks or pests, another's claim on
    one's trees or fruit, the fruit's market price or a fee the village collects stay tickets; the flowers compared with
    开花 said, a place said, the seedlings' price with 苗 keep their answers: 18 of 18 on review60 and after (the last, a village tried and not changeable, added after set CR showed it)."""
    controls = [row for row in check_lines(CHECKS) if row[2].endswith("_control")]
    assert len(controls) == 18
    wrong = [row[0] for row in controls if not _read_as_written(index, *row[:2])]
    assert not wrong, wrong
