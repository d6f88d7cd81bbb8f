"""The fifty-second session: bench/faq_eval.py reports a set's figures on the questions the matcher does not hold
verbatim (``↳ unseen``): set CE, written blind, repeated 402 of its 1,405 questions from the precedents, whose answers
are memory, not generalisation."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

from tests.conftest import ROOT


def _eval():
    spec = importlib.util.spec_from_file_location("faq_eval", ROOT / "bench" / "faq_eval.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_question_is_held_whatever_its_punctuation_and_spaces():
    plain = _eval().plain
    assert plain("桂花 几时种？") == plain("桂花几时种") == plain("桂花几时种?!")
    assert plain("桂花几时种") != plain("荔枝几时种")


def test_held_are_the_entries_questions_and_the_precedents_consulted(index):
    bench = _eval()
    first_set = sorted(bench.PRECEDENTS.glob("faq_heldout_*.tsv"))[0]
    precedent = next(
        line.split("\t")[0].strip()
        for line in first_set.read_text("utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    )
    entry_question = index.entries[0].questions[0]
    served = bench.held_verbatim(index, None)
    assert bench.plain(precedent) in served and bench.plain(entry_question) in served
    left_out = bench.held_verbatim(index, [first_set.stem])  # the set scored is never its own witness
    others = {
        bench.plain(q)
        for path in bench.PRECEDENTS.glob("faq_heldout_*.tsv")
        if path != first_set
        for q in (line.split("\t")[0] for line in path.read_text("utf-8").splitlines() if line and line[0] != "#")
    }
    assert (bench.plain(precedent) in left_out) == (bench.plain(precedent) in others | {bench.plain(entry_question)})
    assert bench.held_verbatim(index, []) == frozenset(bench.plain(q) for e in index.entries for q in e.questions)


def test_the_unseen_row_is_printed_under_a_set_that_repeats_held_questions(tmp_path):
    first_set = sorted((ROOT / "messages/faq/precedents").glob("faq_heldout_*.tsv"))[0]
    held = [line for line in first_set.read_text("utf-8").splitlines() if line.strip() and not line.startswith("#")][:3]
    fresh = ["我阿公话隔篱屋棵树遮晒我哋啲菜 点算\tescalate", "荔枝种落去几耐先有得食\tspecies.荔枝.fruit"]
    path = tmp_path / "mixed.tsv"
    path.write_text("# question\texpected\ttags\n" + "\n".join(held + fresh) + "\n", "utf-8")
    out = subprocess.run(
        [sys.executable, str(ROOT / "bench/faq_eval.py"), "--set", str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rows = [line for line in out.splitlines() if line.startswith(("mixed", "  ↳ unseen"))]
    assert rows[0].split()[1] == "5" and rows[1].split()[2] == "2", out
