"""Issue 17, the memory round: the precedents' n-grams and the model trained on them are held in a few numpy arrays
(bot/gram_table.py), not an object per n-gram, and a model read from the cache needs no scipy; what they answer is
the same to the bit (tests/unit/test_faq_model.py, test_faq_loading.py, test_faq_closest.py; the report compares
every answer before and after). Memory round 101: the postings' weights computed when read from a byte's count and
each text's length, the precedents' texts packed in one str, and malloc's freed pages given back once a server is warm:
the same answers, to the bit, as the plain form (weights held as floats, a str a text)."""

from __future__ import annotations

import dataclasses
import pickle
import subprocess
import sys
import tracemalloc
from pathlib import Path

import numpy as np
import pytest

from bot import faq, gram_table
from bot.packed_texts import PackedTexts

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
    # text); then 24 blocks, ~19.3 million bytes (62,226 texts); memory round 101: ~9.6 million (a byte a posting's
    # count, not a float of eight its weight)
    assert blocks < 200 and size < 12 * 2**20, (blocks, size)


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


def plain_weights(ngrams: faq.CharNgrams, texts) -> np.ndarray:
    """Every posting's weight as ``CharNgrams._build`` kept it before memory round 101: ``_tf_idf`` of its text's
    n-gram counts (Python's floats), in the order the postings are held (by n-gram, then by text)."""
    index = ngrams._built()
    rows, docs, weights = [], [], []
    for doc, text in enumerate(texts):
        counts = ngrams.grams(text)
        found = index.rows(counts)
        rows += found.tolist()
        docs += [doc] * len(counts)
        weights += faq._tf_idf(counts.values(), index.idf[found].tolist())
    order = np.lexsort((docs, rows))
    assert np.array_equal(np.asarray(docs)[order], index.docs)  # every posting, and only those
    return np.asarray(weights, dtype=np.float64)[order]


class PlainPostings(faq._Postings):
    """The postings in their plain form: each weight a float held, read back as it is."""

    def __init__(self, compact: faq._Postings, weights: np.ndarray):
        super().__init__(compact.grams, compact.idf, compact.starts, compact.docs, compact.counts, compact.norms)
        self.weights = weights

    def posting(self, row: int) -> tuple[np.ndarray, np.ndarray]:
        start, end = int(self.starts[row]), int(self.starts[row + 1])
        return self.docs[start:end], self.weights[start:end]


@pytest.fixture(scope="module")
def plain(index) -> faq.Precedents:
    """The served precedents in their plain form: the postings' weights held as floats, each text a str."""
    served = index.precedents
    ngrams = faq.CharNgrams.from_state(served.ngrams.state(), faq.STOP_CHARS)
    ngrams._index = PlainPostings(ngrams._built(), plain_weights(ngrams, served.texts))
    return dataclasses.replace(served, ngrams=ngrams, texts=tuple(served.texts))


def test_every_posting_weighs_what_the_plain_form_held_to_the_bit(index, plain):
    compact, held = index.precedents.ngrams._built(), plain.ngrams._built()
    read = np.concatenate([compact.posting(row)[1] for row in range(len(compact.idf))])
    assert read.dtype == np.float64 and np.array_equal(read.view(np.int64), held.weights.view(np.int64))
    assert compact.counts.dtype == np.uint8 and compact.counts.nbytes * 8 == held.weights.nbytes


def questions_of_the_sets(count: int) -> list[str]:
    """About ``count`` questions spread evenly over the project's sets (a fixed number: each new blind set had made
    the check longer, every third question of them all took ~50 s of the suite)."""
    sets = [ROOT / "tests" / "data" / "faq_questions.tsv", *sorted((ROOT / "tests" / "data").glob("faq_heldout_*.tsv"))]
    questions = [case.question for path in sets for case in faq.load_eval_set(path)]
    return questions[:: max(1, len(questions) // count)]


def test_a_few_hundred_questions_match_as_on_the_plain_form(index, plain):
    compact, twin = index.copy(), index.copy()
    twin.precedents = plain
    questions = questions_of_the_sets(800)
    assert len(questions) > 300
    for question in questions:
        assert compact.match(question) == twin.match(question), question
        norm = compact._masked(compact._fixed(question))
        assert compact.precedents.nearest(norm, 10) == plain.nearest(norm, 10), question


def test_the_precedents_texts_are_one_str(index):
    texts = index.precedents.texts
    assert isinstance(texts, PackedTexts) and len(texts) > 50_000
    _, blocks, size = allocations(lambda: PackedTexts(list(texts)))
    # a tuple of 62,226 str: ~6.7 MB; one str of their ~975,000 characters and where each starts: ~2.2 MB
    assert blocks < 20 and size < 3 * 2**20, (blocks, size)


def test_packed_texts_read_as_the_tuple():
    plain = ("", "桂花几月种", "□□苗放几天再种", "", "叶子\ud800黄了😀", "a")
    packed = PackedTexts(plain)
    assert len(packed) == len(plain) and list(packed) == list(plain) and tuple(packed) == plain
    assert [packed[i] for i in range(-len(plain), len(plain))] == [plain[i] for i in range(-len(plain), len(plain))]
    for cut in (slice(None), slice(1, 4), slice(None, None, -2), slice(4, 100), slice(3, 1)):
        assert packed[cut] == plain[cut]
    with pytest.raises(IndexError):
        packed[len(plain)]
    assert packed == plain and packed == PackedTexts(list(plain)) and packed != plain[:-1]
    assert hash(packed) == hash(PackedTexts(plain)) and PackedTexts() == ()


def test_a_warm_process_gives_malloc_s_freed_pages_back():
    """Loading the FAQ's cached files frees what it read them into: ``give_back_freed_memory`` (``serve``, once warm)
    hands those pages back (~16 MB a process in memory round 101; main kept them)."""
    probe = (
        "from pathlib import Path; from bot import config, faq, serving; "
        "rss = lambda: int(next(l for l in open('/proc/self/status') if l.startswith('VmRSS:')).split()[1]) // 1024; "
        "c = config.load(Path('config.toml'), env={}); "
        "i = faq.FaqIndex.load(Path('messages'), c.section('campaign'), c.get('faq.confidence_threshold')); "
        "i.match('桂花什么时候种'); before = rss(); done = serving.give_back_freed_memory(); print(done, before, rss())"
    )
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    trimmed, before, after = done.stdout.split()
    # ~16 MB on a quiet machine; 5 MB seen with the full suite running beside it: some pages, not a figure
    assert trimmed == "True" and int(before) - int(after) >= 2, done.stdout
