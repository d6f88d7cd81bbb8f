"""What the FAQ round tests share (rounds 73 to 83, unit and end-to-end; tidy72: each file had its own copy): the
safety checks file as parameters, the safety rules a question fires, one rule by its name, and the running app's FAQ
index and an entry's first line. The unit tests' index is ``tests/unit/conftest.py``'s ``index`` fixture; the end to
end rounds' villager of a rostered village is ``tests/e2e/conftest.py``'s ``asker`` (an ``Asker``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot import faq
from bot.escalation import load_faq_index
from tests.e2e.test_faq_chat import rules_answer, ticket_count


# -- unit: a FaqIndex ---------------------------------------------------------------------------------------------
def check_lines(path: Path) -> list[tuple[str, ...]]:
    """The lines of a round's own checks file (tests/data/faq_rule_checks_N.tsv) as their tab-separated fields
    (question, expected, cls[, rules]), comments and blank lines skipped (the review of the fifty-fifth session: five
    round files had each their own copy)."""
    return [
        tuple(line.split("\t"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]


def safety_checks(path: Path, left: dict[str, str]) -> list:
    """(question, expected, cls, rules) of a safety checks file as parameters; a line in ``left`` is a strict xfail
    with its why."""
    rows = []
    for question, expected, cls, rules in check_lines(path):
        marks = [pytest.mark.xfail(strict=True, reason=left[question])] if question in left else []
        rows.append(pytest.param(question, expected, cls, rules, id=question, marks=marks))
    return rows


def fired_rules(index: faq.FaqIndex, question: str) -> set[str]:
    """The names of the safety rules ``question`` fires, read as the index reads it."""
    norm = index._fixed(question)
    return {rule.name for rule in index.safety if rule.fires(norm)}


def safety_rule(index: faq.FaqIndex, name: str) -> faq.SafetyRule:
    rules = [rule for rule in index.safety if rule.name == name]
    assert rules, f"no safety rule {name}"
    return rules[0]


def reads_label(result: faq.FaqResult, expected: str) -> None:
    """An own checks line's label (tests/data/faq_rule_checks.toml, check "label"): the matcher's label is
    ``expected`` ('*': any, '!label': any but that)."""
    got = faq.result_label(result)
    if expected.startswith("!"):
        assert got != expected[1:], (got, result.reason)
    elif expected != "*":
        assert got == expected, (got, result.reason)


def reads_label_note(index: faq.FaqIndex, result: faq.FaqResult, expected: str) -> None:
    """Check "label_note": the label, or 'escalate>entry', a ticket with that entry's answer under its number."""
    label, _, note = expected.partition(">")
    reads_label(result, label)
    if note:
        assert result.note_entry == note and index.entry(note).answer in result.answer_text, result


def reads_answered_as(index: faq.FaqIndex, result: faq.FaqResult, expected: str) -> None:
    """Check "answered_as": the label as answered (a set's other name for a list is that list); a question asked back
    offers the rules' reading first, and that reading is the one checked."""
    got = faq.result_label(result)
    assert index.answered_as(got) == index.answered_as(expected), (
        got,
        result.reason,
        result.other and faq.result_label(result.other),
    )


def reads_safety_first(index: faq.FaqIndex, question: str, expected: str, rules: str) -> None:
    """A safety checks file's line (check "safety_first"): the label as ``reads_label``, then what the villager reads
    first: each named rule's line opens the reply ('!name': it does not fire nor open the reply; '-': no safety line at
    all; '*': some safety line)."""
    result = index.match(question)
    got = faq.result_label(result)
    reads_label(result, expected)
    norm = index._fixed(question)
    if rules == "-":
        assert result.safety == "", result.safety
        return
    if rules == "*":
        assert result.safety.startswith("⚠"), (got, result.safety)
        return
    for name in rules.split(","):
        if name.startswith("!"):
            rule = safety_rule(index, name[1:])
            assert not rule.fires(norm) and rule.line_for(norm) not in result.safety, result.safety
        else:
            line = safety_rule(index, name).line_for(norm)
            assert line in result.safety.splitlines(), (got, result.safety)
            if result.kind == "answer":
                assert result.answer_text.startswith(result.safety), result.answer_text[:60]


# -- end to end: the running app's index ---------------------------------------------------------------------------
def faq_index(bot) -> faq.FaqIndex:
    return bot.service("faq", load_faq_index)


def first_line(bot, entry_id: str) -> str:
    """The first line of an entry's answer, as the villager reads it first."""
    entry = faq_index(bot).entry(entry_id)
    assert entry is not None
    return entry.answer.strip().splitlines()[0]


class Asker:
    """A villager of the rostered villages asking through the signed webhook, and what an end to end FAQ round reads
    back: the reply, the rules' own answer when two are offered, the tickets filed, an entry's first line, a rule."""

    def __init__(self, bot, villager) -> None:
        self.bot, self.villager = bot, villager

    def says(self, text: str) -> str:
        return self.villager.says(text)

    def answer(self, text: str) -> str:
        """The reply, or the rules' own answer when it offers two (``rules_answer``)."""
        return rules_answer(self.villager, self.bot, self.villager.says(text))

    def tickets(self) -> int:
        return ticket_count(self.bot)

    def answered_by(self, question: str, entry_id: str) -> str:
        """The rules' answer to ``question``, asserted ``entry_id``'s with no ticket filed; the reply, for more checks."""
        reply = self.answer(question)
        assert self.first_line(entry_id) in reply, reply
        assert "问题编号" not in reply and self.tickets() == 0, reply
        return reply

    def first_line(self, entry_id: str) -> str:
        return first_line(self.bot, entry_id)

    def danger_line_then_ticket(self, question: str, words: tuple[str, ...]) -> str:
        """A danger that happened: the reply opens with its safety line (holding ``words``), the ticket's number after
        it, one ticket filed; the reply, for more checks."""
        reply = self.says(question)
        line = reply.strip().splitlines()[0]
        assert line.startswith("⚠ 安全第一"), reply
        assert all(word in line for word in words), reply
        assert "问题编号" in reply and reply.index("⚠") < reply.index("问题编号"), reply
        assert self.tickets() == 1
        return reply

    def danger_line_no_ticket(self, question: str, word: str) -> str:
        """A danger answered here: the reply opens with its safety line (holding ``word``), no ticket filed."""
        reply = self.says(question)
        line = reply.strip().splitlines()[0]
        assert line.startswith("⚠ 安全第一") and word in line, reply
        assert "问题编号" not in reply, reply
        assert self.tickets() == 0
        return reply

    def rule(self, name: str) -> faq.SafetyRule:
        return safety_rule(faq_index(self.bot), name)
