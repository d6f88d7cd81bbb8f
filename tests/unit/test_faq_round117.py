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
    cases = _cases(("kept", "house_kept"))
    assert len(cases) == 16  # round 117's 13 less the three moved to the house front (house), + 6 (house_kept)
    for case in cases:
        result = index.match(case.question)
        assert faq.result_label(result) == "escalate", (case.question, faq.result_label(result), result.reason)


def test_round117_a_ticket_is_never_counted_right_for_a_comparison(index):
    """The evaluation's rule (bench/faq_eval.py): a label the comparing reply carries is right; the ticket with the
    comparing note under its number stays wrong, whatever the note holds."""
    # (the first part's example, '我屋后有块地 种荔枝好还是龙眼好', is answered by its second part: the house front)
    case = faq.EvalCase("屋墙已经有裂缝了 门口种荔枝还是龙眼", "species.荔枝.card")
    (row,) = faq.evaluate(index, [case])
    assert row.got == "escalate" and not row.right and not row.ticket_with_answer


def _house_line(index, name: str) -> str:
    """What a tree's house line must hold: its size from species.toml (the rest is the card's house words)."""
    return str(index.species[name]["size"])


def test_round117_house_front_comparison_answered_with_both_house_lines(index):
    """Second part: two listed trees compared at the house front, door or yard ('门口种龙眼好还是柿子好') are answered
    with both trees' house line (size, what the card says of the house, where it fits), no ticket; on review56 a ticket.
    '我家' / '我屋' at the house front is the house front itself, no situation of its own."""
    cases = _cases(("house",))
    assert len(cases) == 11
    for case, row in zip(cases, faq.evaluate(index, cases), strict=True):
        result = index.match(case.question)
        assert result.kind == "answer" and result.reason == "compared", (case.question, result.reason)
        assert row.right, (case.question, row.got, result.compared)
        assert "问题编号" not in result.answer_text
        assert len(result.answer_text.strip().splitlines()) <= 16, result.answer_text


def test_round117_house_label_counted_only_with_both_house_lines(index):
    """The evaluation's rule: recommend.房前屋后 / recommend.庭院 (and their +small) are right only for a reply that
    carries both trees' house line: the label is in ``compared`` only then, and each tree's size and house caution are
    in the text."""
    for question in ("门口种龙眼好还是柿子好", "院子不大 种石榴定系桂花", "屋前种簕杜鹃定系木棉"):
        result = index.match(question)
        names = [n for n, _ in index._trees(index._fixed(question)) if n in index.species]
        assert any(label.startswith("recommend.") for label in result.compared), (question, result.compared)
        for name in names:
            assert f"{faq.display_name(index.species, name)}：" in result.answer_text, (question, name)
            assert _house_line(index, name) in result.answer_text, (question, name, result.answer_text)
    kapok = index.match("屋前种簕杜鹃定系木棉").answer_text
    assert "离房屋和围墙至少8米" in kapok, kapok  # the card's house caution, not its fluff and thorns
    assert "飞絮" not in kapok, kapok
    # a comparison away from the house never carries the house label, nor does a ticket
    for question in ("香樟同秋枫边个大得快", "屋墙已经有裂缝了 门口种香樟还是桂花"):
        result = index.match(question)
        assert not any(label.split("+")[0] in ("recommend.房前屋后", "recommend.庭院") for label in result.compared)
    (row,) = faq.evaluate(index, [faq.EvalCase("屋墙已经有裂缝了 门口种香樟还是桂花", "recommend.房前屋后")])
    assert not row.right


def test_round117_what_decides_at_the_house_front_keeps_its_ticket(index):
    """A wall already cracking, a neighbour's house, whose land, 风水, money: the villager's own situation decides.
    Which stands wind better: most cards hold no typhoon resistance (two name a typhoon's care), a ticket."""
    for case in _cases(("house_kept",)):
        result = index.match(case.question)
        assert faq.result_label(result) == "escalate", (case.question, faq.result_label(result), result.reason)
