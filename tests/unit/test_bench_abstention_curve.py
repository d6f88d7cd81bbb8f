"""Tidy81: bench/abstention_curve.py finds its default sets where they are (BT-BY among the precedents since round 102,
BZ and CA in tests/data), and answers a precedent set with the other sets as precedents (as bench/faq_eval.py)."""

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _bench():
    spec = importlib.util.spec_from_file_location("abstention_curve", ROOT / "bench" / "abstention_curve.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_tidy81_the_default_sets_are_found():
    bench = _bench()
    assert all(path.exists() for path in [*bench.CHOOSE, *bench.CONFIRM])
    assert all(path.parent == bench.PRECEDENTS for path in bench.CHOOSE)
    assert bench.set_file("bz") == bench.DATA / "faq_heldout_bz.tsv"
