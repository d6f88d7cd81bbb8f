"""FAQ round 117 (issue 17 §1, two trees of the list compared; docs/faq.md 第一百一十七轮): '桂花和龙眼哪个好养',
'香樟同秋枫边个大得快' were a ticket with both trees' field under its number; eight blind sets label an answer (28 of 28).
Now two listed trees compared on what both species cards hold are answered with both trees' field side by side, no
ticket (``[compare]`` of messages/faq/matching.toml); which fits my plot or house, disease passing, grafting, two in one
hole, money, or no field named keep the ticket. The evaluation counts such a reply right when the expected label is a
label the reply carries (``FaqResult.compared``). The helper's own phrasings and controls:
tests/data/faq_rule_checks_117.tsv."""

from __future__ import annotations

from pathlib import Path

from bot import faq
from tests.faq_helpers import check_lines

CHECKS = Path(__file__).resolve().parents[1] / "data" / "faq_rule_checks_117.tsv"
ANSWERED = ("compare", "place", "purpose", "together")


def _cases(classes: tuple[str, ...]) -> list[faq.EvalCase]:
    return [faq.EvalCase(q, label, frozenset({cls})) for q, label, cls in check_lines(CHECKS) if cls in classes]


def test_round117_two_trees_compared_are_answered_with_both_fields(index):
    """On review56 none of the 24 lines was answered (each a ticket with the comparing note); after, all 24."""
    cases = _cases(ANSWERED)
    assert len(cases) == 24
    for case, row in zip(cases, faq.evaluate(index, cases), strict=True):
        result = index.match(case.question)
        assert result.kind == "answer" and result.reason == "compared", (case.question, result.reason)
        assert row.right, (case.question, row.got, result.compared)
        names = {n for n, _ in index._trees(index._fixed(case.question)) if n in index.species}
        assert len(names) == 2
        for name in names:  # each tree's line, as the species table names it, or its card (which opens with its name)
            card = str(index.species[name]["card"]).strip()
            shown = f"{faq.display_name(index.species, name)}：" in result.answer_text or card in result.answer_text
            assert shown, (case.question, name)
        assert len(result.answer_text.strip().splitlines()) <= 16, result.answer_text  # one phone screen


def test_round117_what_needs_a_person_keeps_its_ticket(index):
    cases = _cases(("kept",))
    assert len(cases) == 13
    for case in cases:
        result = index.match(case.question)
        assert faq.result_label(result) == "escalate", (case.question, faq.result_label(result), result.reason)


def test_round117_a_ticket_is_never_counted_right_for_a_comparison(index):
    """The evaluation's rule (bench/faq_eval.py): a label the comparing reply carries is right; the ticket with the
    comparing note under its number stays wrong, whatever the note holds."""
    case = faq.EvalCase("我屋后有块地 种荔枝好还是龙眼好", "species.荔枝.card")
    (row,) = faq.evaluate(index, [case])
    assert row.got == "escalate" and not row.right and not row.ticket_with_answer
