"""What a question asks, learned from the labelled villagers' questions (round 25).

The precedents (messages/faq/precedents/*.tsv: 56,318 distinct questions since round 95, written by people who never
saw the matcher, each labelled with the entry, species field, ``escalate`` or ``chitchat`` it should get; tree names
masked, species fields for any tree: ``species.*.time``) and the entries' own phrasings train a linear classifier over
their characters and runs of two and three (scikit-learn's ``TfidfVectorizer`` and ``SGDClassifier``, a linear SVM).
It reads a whole question at once, every word weighed by how it told the labels apart, where the matcher's rules see a
word at a time (``FaqIndex._by_model`` says when it decides; docs/faq.md, round 25). Alone it reads 91.7 % of the
development sets BT–BW right (the species field of any tree); round 98m measured other features and learners on them
(bench/model_experiment.py: char 1–4 grams, char_wb, jieba words, modified Huber, linear SVC, kept shares): within
±0.1 point for the whole matcher, none kept.

Training takes ~50 s of CPU (~1.3 GB at peak), so a model is kept on disk between processes beside the
precedents' other caches, named by a hash of its texts, labels, settings, this module and scikit-learn's version;
the weights too small to matter are dropped (``keep``): a ~14 MB file, ~10 MB a process with its n-grams, held as
numpy arrays (``QuestionModel.__init__``; ~28 MB and scipy's sparse module, ~23 MB, before issue 17's memory round:
scikit-learn and scipy are imported only to train)."""

from __future__ import annotations

import hashlib
import importlib.metadata
import pickle
import re
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from bot import faq_cache, gram_table
from bot.gram_table import GramTable

if TYPE_CHECKING:
    import scipy.sparse


@dataclass(frozen=True)
class ModelSettings:
    """``[model]`` of messages/faq/matching.toml: how the model is trained."""

    min_questions: int = 2000  # fewer precedents (a test's own few): no model (bot/faq.py Precedents.build)
    epochs: int = 15
    alpha: float = 1e-4  # SGDClassifier's regularisation
    keep: float = 0.1  # share of the weights kept (the largest)
    min_df: int = 2  # an n-gram seen in fewer questions is no feature

    @classmethod
    def from_table(cls, table: Mapping[str, Any]) -> ModelSettings:
        names = cls.__dataclass_fields__
        return cls(**{name: type(getattr(cls, name))(value) for name, value in table.items() if name in names})


class QuestionModel:
    """``predict(masked text)`` -> (label, lead): the label the model scores highest and by how much it leads the
    second (a linear SVM's decision values; 0 is a tie). Trained with scikit-learn; a question is read by the
    same steps as its ``TfidfVectorizer`` (every run of one to three characters, 1 + log of its count, times its
    idf, the whole scaled to length one), here in a few lines: the vectorizer's own checks cost ~5 ms a question."""

    def __init__(
        self,
        grams: dict[str, int],
        idf: np.ndarray,
        weights: scipy.sparse.csr_matrix,
        bias: np.ndarray,
        labels: tuple[str, ...],
    ):
        # held compactly (issue 17, the memory round; bot/gram_table.py): the n-grams as sorted numbers, not a dict of
        # ~120,000 str (~28 -> ~12 MB a process), and the weights as the three arrays of their CSR matrix, so that a
        # model read from the cache needs numpy alone (scipy's sparse module: ~23 MB a process)
        self._grams = GramTable.of(grams)  # n-gram -> feature
        self._idf = idf
        self._shape = weights.shape  # features x labels
        self._indptr = weights.indptr
        # a label's number fits 16 bits (a few hundred labels); the same numbers, half the bytes
        self._indices = weights.indices.astype(np.uint16 if weights.shape[1] <= 2**16 else weights.indices.dtype)
        self._data = weights.data
        self._bias = bias
        self.labels = labels

    def weights(self) -> scipy.sparse.csr_matrix:
        """The weights as scikit-learn left them (features x labels), for tests and benches: scipy is imported here."""
        import scipy.sparse

        return scipy.sparse.csr_matrix((self._data, self._indices.astype(np.int32), self._indptr), shape=self._shape)

    @classmethod
    def train(cls, texts: Sequence[str], labels: Sequence[str], settings: ModelSettings) -> QuestionModel:
        """scikit-learn (and scipy) are imported here only: a model read from the cache needs numpy alone (~60 MB
        less a process)."""
        import scipy.sparse
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import SGDClassifier

        vectorizer = TfidfVectorizer(
            analyzer="char", ngram_range=(1, NGRAM), sublinear_tf=True, min_df=settings.min_df, lowercase=False
        )
        features = vectorizer.fit_transform(texts)
        svm = SGDClassifier(loss="hinge", alpha=settings.alpha, max_iter=settings.epochs, tol=None, random_state=0).fit(
            features, list(labels)
        )
        weights = svm.coef_
        if settings.keep < 1:
            floor = np.quantile(np.abs(weights), 1 - settings.keep)
            weights = np.where(np.abs(weights) >= floor, weights, 0.0)
        grams = {gram: int(feature) for gram, feature in vectorizer.vocabulary_.items()}
        sparse = scipy.sparse.csr_matrix(weights.T.astype(np.float32))
        return cls(
            grams, vectorizer.idf_.astype(np.float32), sparse, svm.intercept_.astype(np.float32), tuple(svm.classes_)
        )

    def features(self, text: str) -> scipy.sparse.csr_matrix:
        """The question as the vectorizer reads it (``TfidfVectorizer(analyzer='char', sublinear_tf=True)``)."""
        import scipy.sparse

        columns, values = self._read(text)
        return scipy.sparse.csr_matrix((values, columns, [0, len(columns)]), shape=(1, len(self._idf)))

    def _read(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """``features``' columns (in the order the n-grams first occur) and values, without scipy's matrix: building
        one and multiplying it cost ~0.2–0.3 ms a question of the ~0.3–0.4 ms (issue 21, twelfth round)."""
        coded = gram_table.codes(_SPACES.sub(" ", text))
        keys = np.concatenate([gram_table.run_keys(coded, n) for n in range(1, NGRAM + 1)])  # every run, in turn
        found = self._grams.find(keys)
        found = found[found >= 0]
        features, first, counts = np.unique(found, return_index=True, return_counts=True)
        order = np.argsort(first)  # in the order they first occur
        columns = features[order].astype(np.int32)
        values = (1 + np.log(counts[order].astype(np.float32))) * self._idf[columns]
        norm = float(np.sqrt(values @ values)) or 1.0
        return columns, values / norm

    def predict(self, text: str) -> tuple[str, float]:
        """('', 0.0) for a text with none of the model's n-grams: no opinion. The scores are what ``features(text) @
        weights + bias`` gives, to the bit: scipy's product adds each label's terms in float32 in the order of the
        question's features, then of each feature's row of weights, and so does ``np.add.at`` here (tested)."""
        columns, values = self._read(text)
        if not len(columns):
            return "", 0.0
        starts = self._indptr[columns]
        lengths = self._indptr[columns + 1] - starts
        ends = np.cumsum(lengths)
        at = np.arange(int(ends[-1])) + np.repeat(starts - (ends - lengths), lengths)  # each feature's row, in turn
        scores = np.zeros(self._shape[1], dtype=np.float32)
        np.add.at(scores, self._indices[at], np.repeat(values, lengths) * self._data[at])
        scores += self._bias
        first = int(scores.argmax())
        best = float(scores[first])
        scores[first] = -np.inf
        return self.labels[first], best - float(scores.max())


NGRAM = 3  # runs of one to three characters
_SPACES = re.compile(r"\s\s+")  # scikit-learn's char analyzer: runs of white space as one


def question_model(
    texts: Sequence[str],
    labels: Sequence[str],
    settings: ModelSettings,
    more: Sequence[tuple[str, str]] = (),
    read: Callable[[str], str] = str,
) -> QuestionModel | None:
    """The model of these (masked text, label)s and of ``more`` (text, label) read by ``read`` (masking: costly,
    so only when it is trained), from the disk cache or trained (and kept there); None for one label."""
    if len(set(labels)) < 2:
        return None
    learner = importlib.metadata.version("scikit-learn")
    digest = hashlib.sha256(f"question model 2\0{sys.version}\0{learner}\0{settings}\0".encode())
    for code in (__file__, gram_table.__file__):  # how the model is held is part of the file's format
        digest.update(Path(code).read_bytes())
    for pairs in (zip(texts, labels, strict=True), more):
        digest.update("\n".join(f"{text}\t{label}" for text, label in pairs).encode() + b"\0")
    path = faq_cache.folder() / f"model-{digest.hexdigest()[:32]}.pickle"
    try:
        model = pickle.loads(path.read_bytes())  # our own file, written below by this code and version
        if isinstance(model, QuestionModel):
            return model
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
        pass  # none yet, or unreadable: trained below
    taught = [*texts, *(read(text) for text, _ in more)], [*labels, *(label for _, label in more)]
    model = QuestionModel.train(*taught, settings)
    faq_cache.write(path, pickle.dumps(model, protocol=pickle.HIGHEST_PROTOCOL))
    return model
