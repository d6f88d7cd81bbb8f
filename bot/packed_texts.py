"""Many short texts held as one str and where each starts, not a str each: the FAQ's ~62,000 precedents' masked
texts ~6.7 -> ~2.2 MB a process (a str object costs ~50-75 bytes besides its characters; bot/faq.py ``Precedents``;
issue 17, memory round 101). Read like the tuple it replaces: by index, by slice, in turn."""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Sequence
from typing import overload


class PackedTexts(Sequence[str]):
    """A read-only sequence of str kept as one: text ``i`` is ``blob[starts[i]:starts[i + 1]]``."""

    __slots__ = ("_blob", "_starts")

    def __init__(self, texts: Iterable[str] = ()):
        texts = list(texts)
        self._blob = "".join(texts)
        self._starts = array("i", [0])  # a blob under 2**31 characters (~1 million now)
        for text in texts:
            self._starts.append(self._starts[-1] + len(text))

    def __len__(self) -> int:
        return len(self._starts) - 1

    @overload
    def __getitem__(self, i: int) -> str: ...

    @overload
    def __getitem__(self, i: slice) -> tuple[str, ...]: ...

    def __getitem__(self, i: int | slice) -> str | tuple[str, ...]:
        if isinstance(i, slice):
            return tuple(self[j] for j in range(*i.indices(len(self))))
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError("text index out of range")
        return self._blob[self._starts[i] : self._starts[i + 1]]

    def __iter__(self) -> Iterator[str]:
        blob, starts = self._blob, self._starts
        return (blob[starts[i] : starts[i + 1]] for i in range(len(starts) - 1))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, PackedTexts):
            return self._blob == other._blob and self._starts == other._starts
        return isinstance(other, Sequence) and not isinstance(other, str) and tuple(self) == tuple(other)

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"PackedTexts({len(self)} texts, {len(self._blob)} characters)"
