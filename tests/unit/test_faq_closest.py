"""bot/faq.py ``CharNgrams.closest`` keeps the ``n`` largest without sorting every entry that shares a gram
(``_top_first``, issue 21, thirteenth round): the same entries in the same order as the full stable sort it replaced,
ties at the cut included, on random scores and on the served precedents."""

from __future__ import annotations

import numpy as np

from bot import faq
from tests.unit.test_faq import ROOT


def sorted_first(ids: np.ndarray, values: np.ndarray, n: int) -> np.ndarray:
    """What ``closest`` did before the thirteenth round."""
    return ids[np.argsort(-values, kind="stable")[:n]]


def test_the_n_largest_come_as_the_full_sort_gave_them_ties_included():
    rng = np.random.default_rng(21)
    for _ in range(2000):
        size = int(rng.integers(0, 60))
        ids = np.sort(rng.choice(1000, size=size, replace=False))
        values = rng.integers(1, 6, size=size) / 7.0 if rng.random() < 0.5 else rng.random(size)  # many ties, or few
        for n in (0, 1, 2, 3, 5, size - 1, size, size + 3):
            if n < 0:
                continue
            got = faq._top_first(ids, values, n)
            assert got.tolist() == sorted_first(ids, values, n).tolist(), (ids, values, n)


def test_every_value_equal_keeps_the_first_ids():
    ids = np.arange(10, 30)
    values = np.full(20, 0.5)
    assert faq._top_first(ids, values, 3).tolist() == [10, 11, 12]


def closest_as_before(ngrams: faq.CharNgrams, text: str, n: int) -> list[tuple[int, float]]:
    """``CharNgrams.closest`` as it was before the thirteenth round (a full sort), but for its name and the postings'
    arrays as they are held since the memory round (issue 17)."""
    dots = np.zeros(len(ngrams._doc_entries))
    for row, weight in ngrams._query(text):
        docs, weights = ngrams._built().posting(row)
        dots[docs] += weight * weights
    entries = ngrams._entries()
    if entries is None:
        best = dots
    else:
        best = np.zeros(int(entries.max()) + 1 if len(entries) else 0)
        np.maximum.at(best, entries, dots)
    shared = np.flatnonzero(best > 0)
    ranked = shared[np.argsort(-best[shared], kind="stable")[:n]]
    return [(int(entry), float(best[entry])) for entry in ranked]


def test_the_precedents_closest_are_those_the_full_sort_ranked(index):
    ngrams = index.precedents.ngrams
    questions = [case.question for case in faq.load_eval_set(ROOT / "tests" / "data" / "faq_questions.tsv")][::2]
    questions += ["桂花几月种最好", "树叶发黄怎么办", "收录 12", "你好", "嗯", ""]
    for question in questions:
        text = index._masked(index._fixed(question))
        for n in (1, 2, 3, 10, 100):
            assert ngrams.closest(text, n) == closest_as_before(ngrams, text, n), (question, n)
