"""Every FAQ round's own checks (tidy76): the phrasings a round wrote in words of its own before its change
(tests/data/faq_rule_checks_<name>.tsv), run by one parametrised test over the files tests/data/faq_rule_checks.toml
lists, each with how its lines are read and the lines still missed, a strict xfail with its why. Each round had its
own copy of the same test (own_checks + MISSED); its story and its other tests stay in its module (the table's
``module``), or, where that test was all the module held, in the table's comment."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot import faq
from tests.faq_helpers import reads_answered_as, reads_label, reads_label_note, reads_safety_first, safety_checks
from tests.unit.faq_knowledge import OWN_CHECKS, own_checks, own_checks_table

DATA = OWN_CHECKS.parent
FILES = own_checks_table()
CHECKS = ("label", "label_note", "answered_as", "label_as_answered", "safety_first", "bench")


def checks_file(name: str) -> Path:
    return DATA / f"faq_rule_checks_{name}.tsv"


def cases() -> list:
    """(check, alone, question, expected, rules) of every listed file's lines, named ``<file>:<question>``, with its
    strict xfails; a file without rules reads '-'."""
    rows = []
    for name, how in FILES.items():
        missed = how.get("missed", {})
        if how["check"] == "bench":
            continue
        if how["check"] == "safety_first":
            params = [(p, p.values) for p in safety_checks(checks_file(name), missed)]
            values = [(p, (question, expected, rules)) for p, (question, expected, _cls, rules) in params]
        else:
            values = [(p, (*p.values, "-")) for p in own_checks(checks_file(name), missed)]
        alone = how.get("alone", False)
        rows += [pytest.param(how["check"], alone, *v, id=f"{name}:{p.id}", marks=p.marks) for p, v in values]
    return rows


@pytest.mark.parametrize(("check", "alone", "question", "expected", "rules"), cases())
def test_own_checks(index, check, alone, question, expected, rules):
    if check == "safety_first":
        reads_safety_first(index, question, expected, rules)
        return
    result = index.match(question)
    if check == "label":
        reads_label(result, expected)
    elif check == "label_note":
        reads_label_note(index, result, expected)
    elif check == "answered_as":
        reads_answered_as(index, result, expected)
    else:  # label_as_answered: the label itself, the expected one as answered
        assert faq.result_label(result) == index.answered_as(expected), (result.reason, result.note_entry)
    if alone:  # not asked back: no second reading offered
        assert result.other is None, faq.result_label(result.other)


def test_every_listed_file_is_read_as_its_table_says():
    for name, how in FILES.items():
        assert checks_file(name).is_file() and how["check"] in CHECKS, name
        assert set(how) <= {"check", "alone", "module", "missed"}, name
        if "module" in how:
            assert (Path(__file__).parent / f"{how['module']}.py").is_file(), name
        questions = {line.split("\t")[0] for line in checks_file(name).read_text(encoding="utf-8").splitlines()}
        assert set(how.get("missed", {})) <= questions, name  # a missed line not in its file would xfail nothing


def test_every_checks_file_is_run_here_or_by_its_round():
    """A new round's file is listed in faq_rule_checks.toml (or, read in its own way, named by its module)."""
    sources = "\n".join(path.read_text(encoding="utf-8") for path in Path(__file__).parent.glob("test_*.py"))
    for path in DATA.glob("faq_rule_checks_*.tsv"):
        name = re.fullmatch(r"faq_rule_checks_(.+)\.tsv", path.name).group(1)
        assert name in FILES or path.name in sources, path.name
