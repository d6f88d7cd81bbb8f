"""FAQ helper faq132 (the fifty-ninth session; issue 17 §1, §3; set CU, its missed tickets and missing safety lines
grouped by class), mended by class where the other sets label the class the same way: a tree about to fall 'at any
moment' said as 随时要倒 (hazard_tree's line and a ticket); a tree fallen in a strong wind that is not named a typhoon
(typhoon_fallen_tree's line); spraying asked while the wind blows (a line on spraying in wind before the answer on
spraying safely); another household claiming one's tree under its name (a disputed record: the village's); people
gathering on one's own hill (a dispute); leeches said to be many on the hill (the leech line before tech.leeches). The helper's own phrasings and controls: tests/data/faq_rule_checks_faq132.tsv
(read here, each line with its safety rule; docs/faq.md, helper faq132)."""

from __future__ import annotations

from pathlib import Path

from bot import faq
from tests.faq_helpers import check_lines, fired_rules

CHECKS = Path(__file__).resolve().parents[1] / "data" / "faq_rule_checks_faq132.tsv"


def _read_as_written(index: faq.FaqIndex, question: str, expected: str, rules: str) -> bool:
    """The line's label ('*': any; 'escalate:class', a ticket of that class, whose route it decides) and its safety
    line: the named rule's line opens the reply, some line ('*'), or none ('-')."""
    result = index.match(question)
    label, _, reason = expected.partition(":")
    if label != "*" and faq.result_label(result) != label or reason and result.reason != reason:
        return False
    if rules == "*":
        return result.safety.startswith("⚠")
    if rules == "-":
        return result.safety == ""
    if rules.startswith("!"):
        return rules[1:] not in fired_rules(index, question)
    lines = result.safety.splitlines()
    rule = next(r for r in index.safety if r.name == rules)
    return rule.line_for(index._fixed(question)) in lines


def test_faq132_the_mended_classes_are_read_as_labelled(index):
    """On review59 6 of the 22 lines (the claimed class read right but for a precedent-agreed phrasing, CU's) were read
    with their label, class and line; after, all 22."""
    mended = [row for row in check_lines(CHECKS) if not row[2].endswith("_control")]
    assert len(mended) == 22
    right = [row[0] for row in mended if _read_as_written(index, row[0], row[1], row[3])]
    assert len(right) == 22, sorted(set(row[0] for row in mended) - set(right))


def test_faq132_every_control_keeps_its_reading(index):
    """A seedling blown askew, wind feared, trees fallen in a gale named so, what to wear to spray, planting on a windy
    day, helping an old neighbour register, when agarwood is harvested, whether leeches are many, one's own fallen tree taken
    home, a bonsai counted, a tree grown in a pot: 13 of 13 on review59 and after."""
    controls = [row for row in check_lines(CHECKS) if row[2].endswith("_control")]
    assert len(controls) == 13
    for question, expected, _cls, rules in controls:
        assert _read_as_written(index, question, expected, rules), question
