"""Every user-facing string and every command word, read from messages/replies/*.toml: the one loader
(``AppContext.t`` and ``AppContext.messages``; code that has an app never loads messages itself).

A key is ``<file stem>.<key>``: ``core.help`` is the ``help`` key of ``messages/replies/core.toml``.
Strings are texts (``t``); arrays of strings are word lists (``words``), e.g. the words of a text
command under ``[commands]``: ``core.commands.cancel = ["取消", "取消记录"]``. A missing key raises
KeyError (a test scans the code for every key it uses, so that fails in CI, not in front of a villager).
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from bot.config import ROOT

MESSAGES_DIR = ROOT / "messages"


class Messages:
    def __init__(self, texts: dict[str, str], words: dict[str, frozenset[str]] | None = None):
        self.texts = texts
        self.word_lists = words or {}

    @classmethod
    def load(cls, directory: Path = MESSAGES_DIR) -> Messages:
        texts: dict[str, str] = {}
        words: dict[str, frozenset[str]] = {}
        for path in sorted((directory / "replies").glob("*.toml")):
            with open(path, "rb") as fh:
                for key, value in _flatten(tomllib.load(fh)).items():
                    if isinstance(value, list):
                        words[f"{path.stem}.{key}"] = frozenset(str(v) for v in value)
                    else:
                        texts[f"{path.stem}.{key}"] = str(value).strip("\n")
        return cls(texts, words)

    def t(self, key: str, **values: Any) -> str:
        template = self.texts[key]
        return template.format(**values) if values else template

    def words(self, key: str) -> frozenset[str]:
        """A word list, e.g. the words of a text command."""
        return self.word_lists[key]

    def labels(self, keys: Mapping[Any, str]) -> dict[Any, str]:
        """A literal table of message keys (value -> key) as its texts (value -> text)."""
        return {value: self.t(key) for value, key in keys.items()}

    def section(self, prefix: str) -> dict[str, str]:
        """The texts of one table (``admin.exports``), by their own key (``plantings``)."""
        start = prefix + "."
        return {key[len(start) :]: text for key, text in self.texts.items() if key.startswith(start)}

    def __contains__(self, key: str) -> bool:
        return key in self.texts or key in self.word_lists


def _flatten(node: dict, prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in node.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flatten(value, name + "."))
        else:
            flat[name] = value
    return flat


@functools.cache
def _loaded() -> Messages:
    return Messages.load()


def words(key: str) -> frozenset[str]:
    """A word list read where no app is at hand (a module's pattern built at import): the same files and keys as
    ``AppContext.messages.words``."""
    return _loaded().words(key)
