"""FAQ round 51 (issue 17 §1: matching that generalises): set AQ's misses by class, each class first asked in words
of our own (tests/data/faq_rule_checks_51.tsv, written before any change, none of AQ's questions): answerable questions
that went to a person (off-topic matters, insurance, the day's lunch, depth, rain and heat, photos, the adviser's wait,
the law, 清明, a heat-fainted person, a power line, spraying, spacing, yellow leaves, care, the campaign, seedlings,
reaching the technician, 低保), and the campaign's basics read as a neighbouring entry; controls that must not move.
docs/faq.md, round 51."""

from pathlib import Path

import pytest

from bot import faq

ROOT = Path(__file__).resolve().parents[2]
CHECKS = ROOT / "tests" / "data" / "faq_rule_checks_51.tsv"


def _checks() -> list[tuple[str, str, str]]:
    rows = [line.split("\t") for line in CHECKS.read_text(encoding="utf-8").splitlines()]
    return [(r[0], r[1], r[2] if len(r) > 2 else "") for r in rows if r[0] and not r[0].startswith("#")]


def passes(index: faq.FaqIndex, question: str, expected: str, tags: str) -> bool:
    """The expected label, and for ``note:ENTRY`` that entry's answer under the ticket's number."""
    result = index.match(question)
    if faq.result_label(result) != expected:
        return False
    note = next((t.removeprefix("note:") for t in tags.split() if t.startswith("note:")), None)
    return note is None or result.note_entry == note


# left, strict, with why (none is confidently wrong but the second certificate's; round 54 answers the first part of two,
# 下雨天能种吗 种好还要浇水不 among them):
LEFT = {
    "六月日头好猛 仲种唔种得树": "the model reads the late season (仲种唔种得 in June) over the heat's intent",
    "认养咗棵树 可唔可以出张证明": "the certificate entry says nothing of adopted trees (no certificate is made for them): not sure",
    "认种的树能开证明吗": "the closest precedents read volunteering (camp.volunteers): a confident wrong left",
    "之前喷药脸上起疹 这次要怎么防护": "round 95, AT-BS in the precedents (changed): tech.pesticide_safety (model) -> escalate (not_sure)",
    "树苗去哪拿 每户可以领几棵": "round 102, BT-BY in the precedents (changed): camp.seedlings (model) -> escalate (not_sure), offered second",
    # round 64 (the merge of rounds 63 and 64) had the retrained model's lead on tech.house_distance at 0.29, under [model]
    # doubt (0.3); round 68's retrained model leads by 0.33 again: '树种在屋边要离几米才保险' is answered
}


@pytest.mark.parametrize(
    ("question", "expected", "tags"),
    [
        pytest.param(q, e, t, marks=pytest.mark.xfail(strict=True, reason=LEFT[q])) if q in LEFT else (q, e, t)
        for q, e, t in _checks()
    ],
)
def test_round_51_classes_and_controls(index, question, expected, tags):
    result = index.match(question)
    assert passes(index, question, expected, tags), (faq.result_label(result), result.reason, result.note_entry)


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("问专家一般多久回复", None),  # how long the adviser takes: the FAQ's bot.ticket_wait, no ticket
        ("问专家要等几耐先有人覆", None),
        ("问专家 龙眼多久浇一次水", "龙眼多久浇一次水"),  # a question put to the adviser that says 多久
        ("问专家 我的荔枝叶子黄了 几时有人来看", "我的荔枝叶子黄了 几时有人来看"),
    ],
)
def test_the_adviser_s_wait_asked_after_the_command_word_opens_no_ticket(text, question):
    from bot import escalation

    assert escalation.parse_ask_expert(text) == question
