"""What jieba's own dictionary says of a name told beside a village (handlers/registration.py ``_may_be_a_name``): is
it a word jieba counts often (活动 27,526, 签到 27: no name), and is it a word jieba tags as a person's name (陈国强, a
name still). Both read once from the dictionary's file (``jieba.dt.get_dict_file()``), never through ``jieba.dt``
itself, whose tables of every word and prefix (``FREQ``) cost a process ~52 MB of RSS and its first registration
~1.7 s (issue 17, memory round mem102: ``bench/memory.py --serve 1``). Each table is one sorted str per word length,
~2 bytes a character and no object per word (``WordSet``): the ~80,000 words counted >= ``COMMON_WORD_FREQ`` and the
~34,000 persons' names, ~0.5 MB together, kept on disk between processes (bot/faq_cache.py's folder, ``words-*``).
The answers are jieba's to the bit: tests/unit/test_name_table_mem102.py compares them with
``jieba.Tokenizer().FREQ`` over every word and prefix of the dictionary."""

from __future__ import annotations

import hashlib
import marshal
import sys
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from bot import faq_cache, surnames
from bot.surnames import has_common_surname

COMMON_WORD_FREQ = 20  # jieba's count of a word: 签到 27, 订阅 75, 活动 27,526; 李秀英 3, 张国强 7


class WordSet:
    """A read-only set of str kept as one sorted str per length: word ``i`` of length ``n`` is
    ``blobs[n][i * n:(i + 1) * n]``, found by bisection (~17 steps for the ~45,000 words of two characters)."""

    __slots__ = ("_blobs",)

    def __init__(self, words: Iterable[str] = ()):
        by_length: dict[int, set[str]] = {}
        for word in words:
            if word:
                by_length.setdefault(len(word), set()).add(word)
        self._blobs = {n: "".join(sorted(same)) for n, same in by_length.items()}

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str) or (blob := self._blobs.get(n := len(word))) is None:
            return False
        i = bisect_left(range(len(blob) // n), word, key=lambda j: blob[j * n : j * n + n])
        return blob[i * n : i * n + n] == word

    def __len__(self) -> int:
        return sum(len(blob) // n for n, blob in self._blobs.items())

    def __iter__(self) -> Iterator[str]:
        for n, blob in sorted(self._blobs.items()):
            yield from (blob[i : i + n] for i in range(0, len(blob), n))

    def __repr__(self) -> str:
        return f"WordSet({len(self)} words)"

    def state(self) -> dict[int, str]:
        """What ``from_state`` reads back (marshal writes it: a dict of int and str)."""
        return dict(self._blobs)

    @classmethod
    def from_state(cls, blobs: object) -> WordSet:
        if not isinstance(blobs, dict) or not all(
            isinstance(n, int) and n > 0 and isinstance(blob, str) and len(blob) % n == 0 for n, blob in blobs.items()
        ):
            raise ValueError("not a WordSet's state")
        table = cls()
        table._blobs = blobs
        return table


class DictionaryWords(NamedTuple):
    common: WordSet  # the words jieba counts >= COMMON_WORD_FREQ, of any length
    persons_names: WordSet  # the words it tags ``nr``, of two to four characters under a common surname


@lru_cache(maxsize=1)
def dictionary_words() -> DictionaryWords:
    """Both tables (before serving: bot/cli.py ``_warm_up``), kept on disk between processes like the FAQ's files
    (bot/faq_cache.py): a file named by a hash of the dictionary, this code and the Python version, read back in
    ~0.05 s; built from the dictionary when there is none (~0.5-1 s; no cache folder, or none writable: every time)."""
    import jieba

    with jieba.dt.get_dict_file() as fh:
        data = fh.read()
    digest = hashlib.sha256(f"dictionary words 1\0{sys.version}\0".encode())
    for code in (__file__, surnames.__file__):
        digest.update(Path(code).read_bytes())
    digest.update(data)
    path = faq_cache.folder() / f"words-{digest.hexdigest()[:32]}.marshal"
    try:
        state = marshal.loads(path.read_bytes())
        if isinstance(state, tuple) and len(state) == 2:
            return DictionaryWords(*(WordSet.from_state(blobs) for blobs in state))
    except (OSError, ValueError, EOFError, TypeError):
        pass  # none yet, or unreadable: built below
    words = _read_dictionary(data)
    faq_cache.write(path, marshal.dumps(tuple(table.state() for table in words)))
    return words


def _read_dictionary(data: bytes) -> DictionaryWords:
    """Each line read as jieba reads it into ``FREQ`` (``word count [tag]``: the bytes stripped, then split on
    spaces; a word listed twice keeps its last count) and as the persons' names were read before round mem102 (any
    of its lines tagged ``nr``)."""
    common: set[str] = set()
    names: set[str] = set()
    for raw in data.split(b"\n"):
        if not (line := raw.strip()):
            continue
        word, count, *tag = line.decode("utf-8").split(" ")
        if int(count) >= COMMON_WORD_FREQ:
            common.add(word)
        else:
            common.discard(word)
        if tag and tag[-1] == "nr" and 2 <= len(word) <= 4 and has_common_surname(word):
            names.add(word)
    return DictionaryWords(WordSet(common), WordSet(names))


def is_common_word(word: str) -> bool:
    """Does jieba count ``word`` >= ``COMMON_WORD_FREQ`` (``jieba.dt.FREQ.get(word, 0) >= COMMON_WORD_FREQ``)?"""
    return word in dictionary_words().common
