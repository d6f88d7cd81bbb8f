"""Tidy80: bench/faq_gate.py (FAQ round 88's abstain gate over truly blind answers) runs again: every set it names is
found where it lives now (the precedents since faq95, or tests/data), and each is answered by a matcher that had not
read it (the commit before the one that added it; BP, round 88's set of the day, is a precedent now)."""

from __future__ import annotations

import importlib.util
import subprocess

from tests.conftest import ROOT


def _gate():
    spec = importlib.util.spec_from_file_location("faq_gate", ROOT / "bench" / "faq_gate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_set_the_gate_names_is_found():
    gate = _gate()
    for name in [*gate.BLIND, *gate.TODAY]:
        assert gate.set_file(name).exists(), name
    assert gate.MISSING_MAP.exists()


def test_no_set_is_answered_by_a_matcher_that_read_it():
    gate = _gate()
    precedents = {path.stem.removeprefix("faq_heldout_") for path in gate.PRECEDENTS.glob("faq_heldout_*.tsv")}
    assert not precedents & set(gate.TODAY)  # today's matcher reads every precedent
    for name, commit in gate.BLIND.items():
        added = subprocess.run(
            ["git", "show", "--name-only", "--format=", commit], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout
        assert f"faq_heldout_{name}.tsv" in added, (name, commit)
