"""What the FAQ knowledge rounds' tests share (rounds 61 and 64 knowledge): their own checks as parameters, strict xfails
for the lines still missed, and the rules every new entry file keeps (short, sourced, polite)."""

from __future__ import annotations

import functools
import tomllib
from pathlib import Path

import pytest

OWN_CHECKS = Path(__file__).resolve().parents[1] / "data" / "faq_rule_checks.toml"


@functools.cache
def own_checks_table() -> dict:
    """tests/data/faq_rule_checks.toml: each own checks file's name -> how it is read and its lines still missed."""
    return tomllib.loads(OWN_CHECKS.read_text(encoding="utf-8"))


def own_checks(path: Path, missed: dict[str, str]) -> list:
    """(question, expected) of a checks file as parameters; a line in ``missed`` is a strict xfail with its why."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            question, expected = line.split("\t")[:2]
            marks = [pytest.mark.xfail(reason=missed[question], strict=True)] if question in missed else []
            rows.append(pytest.param(question, expected, id=question, marks=marks))
    return rows


def assert_short_sourced_and_polite(
    path: Path, ids: set[str], index=None, others: frozenset[str] = frozenset()
) -> None:
    """The entry file holds exactly ``ids``, each sourced, with 8–15 phrasings and an answer of one phone screen in 您
    and full-width punctuation; with ``index`` (a FaqIndex), each is served from that file and its served answer is
    the one measured (rounds 54 and 56 knowledge: tidy76 folded their copies of this check). ``others``: entries a later
    round put in the same file, answered only by their own intents (faq140's), held to that round's checks."""
    rows = {row["id"]: row for row in tomllib.loads(path.read_text(encoding="utf-8"))["entry"]}
    assert set(rows) == ids | others
    rows = {
        entry_id: row for entry_id, row in rows.items() if entry_id in ids
    }  # ``others``: a later round's, its own check
    for entry_id, row in rows.items():
        assert row["source"].strip(), entry_id
        assert 8 <= len(row["questions"]) <= 15, entry_id
        answer = row["answer"].strip()
        if index is not None:
            entry = index.entry(entry_id)
            assert entry is not None and entry.source == path.stem, entry_id
            answer = entry.answer
        assert len(answer) <= 260, entry_id  # one phone screen
        assert "你" not in answer, entry_id  # 您 throughout
        assert not any(c in answer for c in ",;:?!()"), entry_id  # full-width punctuation
