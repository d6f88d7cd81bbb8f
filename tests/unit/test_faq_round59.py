"""FAQ round 59 (issue 17 §1, §3): set AV's over-escalation by class, each class first asked in words of our own
(tests/data/faq_rule_checks_59.tsv, written before any change, none of AV's questions): prevention asked in Cantonese
read as a fall that happened, a thunderstorm with nobody struck, a line touched with only the line under the ticket,
the days to wait after spraying read as a poisoning, ants alone and seedlings delivered dry read as one tree's
diagnosis, and campaign facts asked in Cantonese (Arbor Day no holiday, money instead of planting, a video).
Then a fate only feared, going out after a typhoon, who trims the trees, and (written after its change, measured on the
code before it) recommendations asked in Cantonese or told as a wish. Controls (tagged ``control``) must not move:
own 5/30 -> 29/30 (one a strict xfail), controls 14/14 -> 14/14. docs/faq.md, round 59."""

from pathlib import Path

import pytest

from bot import faq

ROOT = Path(__file__).resolve().parents[2]
CHECKS = ROOT / "tests" / "data" / "faq_rule_checks_59.tsv"


@pytest.fixture(scope="module")
def rules() -> dict[str, faq.SafetyRule]:
    return {rule.name: rule for rule in faq.load_safety_rules(ROOT / "messages" / "faq")}


# own phrasings still missed, each a strict xfail with why
# round 68 (the thirty-seventh session's merge): the model retrained on orchard.toml reads '企喺梯度剪枝 点样先唔跌落地' as
# tech.fall_safety above its doubt (0.32): answered, with the ladder's safety line
MISSED: dict[str, str] = {}


def _checks() -> list:
    rows = [line.split("\t") for line in CHECKS.read_text(encoding="utf-8").splitlines()]
    return [
        pytest.param(r[0], r[1], r[2] if len(r) > 2 else "", marks=pytest.mark.xfail(strict=True, reason=MISSED[r[0]]))
        if r[0] in MISSED
        else (r[0], r[1], r[2] if len(r) > 2 else "")
        for r in rows
        if r[0] and not r[0].startswith("#")
    ]


@pytest.mark.parametrize(("question", "expected", "tags"), _checks())
def test_round_59_classes_and_controls(index, rules, question, expected, tags):
    """A rule's line is the one it opens this question with (``line_for``: round 90 gave the pre-harvest interval,
    '啱啱喷完农药 几时先可以摘啲果食', pesticide_exposure's own short line)."""
    result = index.match(question)
    assert faq.result_label(result) == expected, (faq.result_label(result), result.reason, result.note_entry)
    for tag in tags.split():
        if tag.startswith("note:"):
            assert result.note_entry == tag.removeprefix("note:"), (result.reason, result.note_entry)
        if tag.startswith("line:"):
            line = rules[tag.removeprefix("line:")].line_for(index._fixed(question))
            assert line in result.safety, result.safety
            if result.kind == "answer":
                assert result.answer_text.startswith(line)
