"""Short runs of characters (n-grams of one to three) held as numbers, not strings: a table of ~100,000 n-grams is
two numpy arrays of ~1 MB where a dict of str took ~15–30 MB a process (the FAQ's model and the precedents' n-grams,
bot/faq_model.py and bot/faq.py; issue 17, the memory round).

An n-gram's key is its characters' code points, each plus one, in 21 bits apiece, the first highest: one key per
n-gram of up to three characters, never the same for two (a character adds at least one, so a shorter n-gram's key is
another number than a longer one's), and below 2**63."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

MAX_CHARS = 3
_BITS = 21  # a code point (at most 0x10FFFF) plus one fits in 21 bits


def gram_key(gram: str) -> int:
    """The key of an n-gram of one to three characters."""
    if not 0 < len(gram) <= MAX_CHARS:
        raise ValueError(f"an n-gram of 1-{MAX_CHARS} characters, not {gram!r}")
    key = 0
    for char in gram:
        key = key << _BITS | (ord(char) + 1)
    return key


def codes(text: str) -> np.ndarray:
    """Each character's code point plus one (int64), ready for ``run_keys``."""
    # utf-32 holds any code point; surrogatepass: a lone surrogate is its code point, as ord() reads it
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32).astype(np.int64) + 1


def run_keys(coded: np.ndarray, n: int) -> np.ndarray:
    """The keys of the text's runs of ``n`` characters, in the order they start (``coded``: ``codes(text)``)."""
    starts = max(len(coded) - n + 1, 0)
    keys = coded[:starts].copy()
    for i in range(1, n):
        keys = keys << _BITS | coded[i : i + starts]
    return keys


class GramTable:
    """A read-only map of n-grams to ints: the keys sorted, their values beside them; ``find`` looks up many at once.
    Without ``values`` an n-gram's value is its rank among the keys (its row in arrays kept in that order)."""

    def __init__(self, keys: np.ndarray, values: np.ndarray | None = None):
        self.keys = keys
        self.values = values

    @classmethod
    def of(cls, mapping: Mapping[str, int]) -> GramTable:
        """The table of ``{n-gram: value}``."""
        keys = np.fromiter((gram_key(gram) for gram in mapping), dtype=np.int64, count=len(mapping))
        values = np.fromiter(mapping.values(), dtype=np.int64, count=len(mapping))
        order = np.argsort(keys, kind="stable")
        return cls(keys[order], values[order].astype(np.int32 if len(values) < 2**31 else np.int64))

    def __len__(self) -> int:
        return len(self.keys)

    def find(self, keys: np.ndarray) -> np.ndarray:
        """Each key's value, -1 for a key not in the table."""
        if not len(self.keys):
            return np.full(len(keys), -1, dtype=np.int64)
        slots = np.minimum(np.searchsorted(self.keys, keys), len(self.keys) - 1)
        found = self.keys[slots] == keys
        values = slots if self.values is None else self.values[slots]
        return np.where(found, values, -1)
