"""Words misheard by voice input or typed by their sound ('嫁结' for 嫁接, '登济' for 登记): a run of characters that reads
like one of the words it is given is read as that word. The FAQ reads its topic words so (bot/faq.py), the readers of
requests the command words (bot/nlu.py ``command_typos_fixed``, messages/typos.toml ``[sound]``)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Protocol


class Reader(Protocol):
    """The characters' toneless readings (bot/nlu.py, or a reading of it: round 68's flat tongue for command words)."""

    def readings(self, char: str, /) -> frozenset[str]: ...

    def main_reading(self, char: str, /) -> str: ...


class SoundAlikeWords:
    """Topic words misheard by voice input or mistyped by sound ('嫁结' for 嫁接, '刷百' for 刷白, '台疯' for
    台风, '顶跟水' for 定根水): a run of characters that reads like one of ``words`` (toneless pinyin: the
    run's characters by their usual reading, the word's by any of its readings), keeps at least one of its characters in place and is no word itself (``real``:
    dictionaries of words, '有机肥') is read as that word. Not every changed character may be a grammar
    character (``keep``: '有什么' is not 为什么) unless each is framed by the word's own characters in place ('定跟水' is
    定根水: ``_framed``). Tree names are not here (``nlu.find_sound_alike_species``)."""

    def __init__(
        self,
        words: Iterable[str],
        keep: frozenset[str] = frozenset(),
        real: Iterable[Mapping] = (),
        framed_context: Mapping[str, str] | None = None,
        *,
        reader: Reader,
    ):
        self._reader = reader  # bot.nlu: the characters' readings (passed in: nlu reads command words with this class)
        self._real = tuple(real)  # dictionaries of real words: '有机肥' is no misheard word
        self._framed_context = {word: re.compile(words_re) for word, words_re in (framed_context or {}).items()}
        self._words = {w for w in words if 2 <= len(w) <= 4 and all("\u4e00" <= c <= "\u9fff" for c in w)}
        self._keep = keep
        # the first or last characters of a topic word, which may be a word too ('党建' of 党建林)
        self._word_ends = {w[:k] for w in self._words for k in range(2, len(w))} | {
            w[-k:] for w in self._words for k in range(2, len(w))
        }
        self._sizes = sorted({len(w) for w in self._words}, reverse=True)  # the windows a word can fill, longest first
        self._by_first: dict[str, list[tuple[str, tuple[frozenset[str], ...]]]] = {}
        for word in sorted(self._words, key=lambda w: (-len(w), w)):
            sounds = tuple(reader.readings(c) for c in word)
            for first in sounds[0]:
                self._by_first.setdefault(first, []).append((word, sounds))

    def _sounds_like(self, window: str, word: str, sounds: tuple[frozenset[str], ...], norm: str, at: int) -> bool:
        same = [a == b for a, b in zip(window, word)]
        if not any(same) or all(same):
            return False
        changed = [i for i, eq in enumerate(same) if not eq]
        if all(window[i] in self._keep for i in changed) and not self._framed(word, same, changed, norm, at):
            return False
        return all(eq or self._reader.main_reading(c) in s for c, s, eq in zip(window, sounds, same))

    def _framed(self, word: str, same: list[bool], changed: list[int], norm: str, at: int) -> bool:
        """May grammar characters alone be the misheard ones (定跟水 for 定根水)? Only inside the word, each with both
        neighbours in place (有什么 is not 为什么; 跟我说, 跟着: 跟 frames nothing), and only where the question is of
        the word's matter (``framed_context``: watering, for 定根水) or the word opens it: the frame's first character
        may end a word of its own (决定跟水库…, 说定跟水站…), which no dictionary here knows."""
        if not all(0 < i < len(same) - 1 and same[i - 1] and same[i + 1] for i in changed):
            return False
        context = self._framed_context.get(word)
        return at == 0 or bool(context and context.search(norm))

    def fix(self, norm: str, blocked: Iterable[tuple[int, int]] = ()) -> str:
        """``norm`` with every misheard word written right (same length: spans stay where they were). A real word is
        kept whole ('有机肥' holds no misheard '机肥'), unless it is the start or end of a word itself ('党建' of a misheard
        '党建邻'): asked only of a window that sounds like a word, which few do."""
        blocked_at = {i for start, end in blocked for i in range(start, end)}
        in_real: dict[int, bool] = {}

        def taken(start: int, size: int) -> bool:
            for at in range(start, start + size):
                if at in blocked_at:
                    return True
                if at not in in_real:
                    in_real[at] = any(
                        self._real_piece(norm[j : j + k])
                        for j in range(max(0, at - 3), min(at, len(norm) - 2) + 1)
                        for k in (2, 3, 4)
                        if j + k > at
                    )
                if in_real[at]:
                    return True
            return False

        out, i = list(norm), 0
        while i < len(norm):
            found = None
            for size in self._sizes:
                window = norm[i : i + size]
                if len(window) < size or window in self._words:
                    continue
                found = next(
                    (
                        word
                        for word, sounds in self._by_first.get(self._reader.main_reading(window[0]), ())
                        if len(word) == size and self._sounds_like(window, word, sounds, norm, i)
                    ),
                    None,
                )
                if found and not taken(i, size):
                    break
                found = None
            if found:
                out[i : i + len(found)] = found
                i += len(found)
            else:
                i += 1
        return "".join(out)

    def _real_piece(self, piece: str) -> bool:
        return any(piece in real for real in self._real) and piece not in self._word_ends
