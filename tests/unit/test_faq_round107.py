"""FAQ round 107 (issue 17 §1: a confident wrong answer is the worst outcome): set CF's confident wrongs, by class.
Its own examples and controls (tests/data/faq_rule_checks_107.tsv) were written in other words than CF's, before any
change, and measured on the untouched matcher: of the 40 examples 18 right, 20 confident wrong, 2 asked back; after: 23
right outright, 14 asked back offering the expected entry first, 3 confident wrong (the table's missed lines: fruit trees
shown to pupils, which the precedents label 吃果, and a slope's yield). The 8 controls kept their answers before and
after (tidy82: they had been counted into the outright figure, 26 and 31 of 48; they are checked apart now). The mends are data
(messages/faq/matching.toml, 第一百零七轮): a pledge (认领), the plan to file and a cadre's milestones asked bare or
where to fill them reach their entries' intents; 无/冇 no fruit or flowers, listlessness (冇精神), seedlings not
growing (唔生), and 伊个/阮个 (one's own tree) are a diagnosis's; a fruit tree 看着好看 is 观果, a yield (收益) 经济. Where the model reads another entry, the reply asks which was meant (round 43): no longer a confident answer.
Each line is read by tests/unit/test_faq_own_checks.py (tests/data/faq_rule_checks.toml ["107"]); here, how many are
answered outright, and where the mends stop."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot import faq

DATA = Path(__file__).resolve().parents[1] / "data"
CHECKS = DATA / "faq_rule_checks_107.tsv"
# the examples answered outright right (bench/faq_eval.py's right: an answer asked back is not counted), measured after
# the mends (18 of 40 before); the controls are not counted here: each keeps its answer (tidy82)
OUTRIGHT = 23


def _rows() -> list[tuple[str, str]]:
    lines = CHECKS.read_text(encoding="utf-8").splitlines()
    return [tuple(line.split("\t")[:2]) for line in lines if line.strip() and not line.startswith("#")]


def test_the_examples_answered_outright(index):
    outright = sum(
        faq.result_label(result) == expected and result.other is None
        for question, expected in _rows()
        if not expected.startswith("!")
        for result in [index.match(question)]
    )
    assert outright >= OUTRIGHT


def test_the_controls_keep_their_answers(index):
    controls = [(question, expected[1:]) for question, expected in _rows() if expected.startswith("!")]
    assert len(controls) == 8
    moved = [
        (question, got) for question, wrong in controls if (got := faq.result_label(index.match(question))) == wrong
    ]
    assert moved == []


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("我的认领表报错了截止了还能改吗", "!bot.pledge"),  # past the deadline: the village's, not the command's
        ("新种的树苗冇精神点算", "!escalate"),  # just planted: the transplant shock's answer, as for 蔫
        ("党员要认领几棵树", "!bot.pledge"),  # the quota
        ("水果好看又好吃的树", "!recommend.观果"),  # to eat too
    ],
)
def test_the_mends_stop_where_their_words_mean_something_else(index, question, expected):
    got = faq.result_label(index.match(question))
    assert got != expected[1:], got
