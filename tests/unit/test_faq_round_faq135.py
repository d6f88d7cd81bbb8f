"""FAQ helper faq135 (the sixtieth session; issue 17 §1, set CU's confident wrongs): a trouble seen on the asker's own
tree or trees is the adviser's, the card only a supplement under the ticket's number, whichever route had answered it
(an intent asked before the rules: pine wilt, ring-barking, a tree nailed or hung with things; a danger's entry: the
caterpillars; a species' field with no symptom word: bamboo in flower, a tree that grows slower than its neighbours; the
precedents: the typhoon felled one of mine). The same trouble asked in general keeps its card. The helper's own
phrasings and controls: tests/data/faq_rule_checks_faq135.tsv (docs/faq.md, helper faq135)."""

from __future__ import annotations

from pathlib import Path

from bot import faq
from tests.faq_helpers import check_lines

CHECKS = Path(__file__).resolve().parents[1] / "data" / "faq_rule_checks_faq135.tsv"


def _rows(cls: str) -> list[tuple[str, ...]]:
    return [row for row in check_lines(CHECKS) if row[2] == cls]


def test_faq135_a_trouble_on_ones_own_tree_goes_to_the_adviser(index):
    """On review60 11 of the 53 lines were answered by a card; after, none (five lines of a typhoon-felled tree, first
    written here, are left: tests/data/faq_rule_checks_faq135.tsv, 'own_typhoon_left')."""
    own = _rows("own")
    assert len(own) == 53
    wrong = [q for q, expected, _ in own if faq.result_label(index.match(q)) != expected]
    assert not wrong, wrong


def test_faq135_the_same_trouble_asked_in_general_keeps_its_card(index):
    """How to prevent, treat or report it, what it is, how fast the species grows: the card (first, for the three the
    matcher asks back between the card and another entry) on all 45, on review60 and after."""
    near = _rows("near_control")
    assert len(near) == 45
    wrong = [q for q, expected, _ in near if faq.result_label(index.match(q)) != expected]
    assert not wrong, wrong


def test_faq135_the_card_goes_under_the_tickets_number(index):
    """A trouble on one's own tree that an intent or a danger's entry had answered keeps that entry's answer under the
    ticket's number (the 'ticket+answer' path): the villager reads the general card while a person looks."""
    for question, entry in (
        ("我那片湿地松有几棵黄了红了 会不会是线虫", "tech.pine_wilt"),
        ("我那棵龙眼控梢之后新梢全枯了", "tech.flower_induction"),
        ("我种的杨桃树干被人钉了钉子 现在流胶了", "tech.tree_decor"),
    ):
        result = index.match(question)
        assert result.kind == "escalate" and result.note_entry == entry, (question, result)
        assert index.entry(entry).answer.strip() in result.answer_text
