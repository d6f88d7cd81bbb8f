"""Issue 17, the memory round: the precedents' n-grams and the model trained on them are held in a few numpy arrays
(bot/gram_table.py), not an object per n-gram, and a model read from the cache needs no scipy; what they answer is
the same to the bit (tests/unit/test_faq_model.py, test_faq_loading.py, test_faq_closest.py; the report compares
every answer before and after)."""

from __future__ import annotations

import pickle
import subprocess
import sys
import tracemalloc
from pathlib import Path

import numpy as np
import pytest

from bot import faq, gram_table

ROOT = Path(__file__).resolve().parents[2]


def allocations(build) -> tuple[object, int, int]:
    """What ``build()`` gives, and the blocks and bytes still allocated for it."""
    tracemalloc.start()
    try:
        before = tracemalloc.take_snapshot()
        made = build()
        stats = tracemalloc.take_snapshot().compare_to(before, "filename")
    finally:
        tracemalloc.stop()
    return made, sum(s.count_diff for s in stats), sum(s.size_diff for s in stats)


def test_the_precedents_ngrams_read_back_are_a_few_arrays(index):
    texts = index.precedents.texts
    faq.precedent_ngrams(texts)  # on the disk (the index read it, or built it and wrote it)
    read, blocks, size = allocations(lambda: faq.precedent_ngrams(texts))
    assert read._frozen
    # main: 580,007 blocks, 48,629,664 bytes (a str, two arrays and an idf float per n-gram; a tuple and a dict per
    # text); now 24 blocks, ~17.9 million bytes
    assert blocks < 200 and size < 25 * 2**20, (blocks, size)


def test_the_model_read_back_is_a_few_arrays(index):
    data = pickle.dumps(index.precedents.model, protocol=pickle.HIGHEST_PROTOCOL)
    model, blocks, size = allocations(lambda: pickle.loads(data))
    # main: 235,723 blocks, 29,012,188 bytes (a dict of ~118,000 n-grams); now the arrays and the labels' few hundred str
    assert blocks < 2000 and size < 16 * 2**20, (blocks, size)
    assert model.predict("□□要几月种") == index.precedents.model.predict("□□要几月种")


def test_a_model_read_from_the_cache_needs_no_scipy(index):
    """scipy's sparse module is ~23 MB a process: only training and tests import it."""
    probe = (
        "import sys; from pathlib import Path; from bot import config, faq; "
        "c = config.load(Path('config.toml'), env={}); "
        "i = faq.FaqIndex.load(Path('messages'), c.section('campaign'), c.get('faq.confidence_threshold')); "
        "assert i.precedents.model is not None; i.match('桂花什么时候种'); i.match('叶子发黄是什么原因'); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('scipy', 'sklearn')))"
    )
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


GRAMS = ["a", "aa", "aaa", "\x00", "\x00\x00", "\x00\x00\x00", "种", "种树", "□□种", "😀", "😀😀😀", "\U0010ffff" * 3]


def test_each_ngram_has_a_key_of_its_own_below_2_63():
    keys = [gram_table.gram_key(gram) for gram in GRAMS]
    assert len(set(keys)) == len(GRAMS) and all(0 < key < 2**63 for key in keys)
    with pytest.raises(ValueError):
        gram_table.gram_key("四个字的")


@pytest.mark.parametrize("text", ["", "种", "桂花 几时种", "叶子\ud800黄了😀", "□□苗放几天再种"])
def test_a_texts_runs_are_keyed_as_each_ngram_alone(text):
    coded = gram_table.codes(text)
    for n in (1, 2, 3):
        runs = [text[start : start + n] for start in range(len(text) - n + 1)]
        assert gram_table.run_keys(coded, n).tolist() == [gram_table.gram_key(run) for run in runs]


def test_a_table_finds_its_ngrams_and_no_other():
    table = gram_table.GramTable.of({"种树": 7, "种": 3, "😀": 0})
    keys = np.array([gram_table.gram_key(g) for g in ["种", "树", "种树", "😀", "树种"]], dtype=np.int64)
    assert table.find(keys).tolist() == [3, -1, 7, 0, -1]
    assert gram_table.GramTable.of({}).find(keys).tolist() == [-1] * 5
    ranked = gram_table.GramTable(np.sort(keys[[0, 2]]))  # no values: an n-gram's rank
    assert ranked.find(keys).tolist() == [0, -1, 1, -1, -1]
