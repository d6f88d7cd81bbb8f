"""Every user-facing string, read from messages/replies/*.toml.

A key is ``<file stem>.<key>``: ``core.help`` is the ``help`` key of
``messages/replies/core.toml``. A missing key raises KeyError (a test scans the
code for every key it uses, so that fails in CI, not in front of a villager).
"""
from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from bot.config import ROOT

MESSAGES_DIR = ROOT / "messages"


class Messages:
    def __init__(self, texts: dict[str, str]):
        self.texts = texts

    @classmethod
    def load(cls, directory: Path = MESSAGES_DIR) -> "Messages":
        texts: dict[str, str] = {}
        for path in sorted((directory / "replies").glob("*.toml")):
            with open(path, "rb") as fh:
                for key, value in _flatten(tomllib.load(fh)).items():
                    texts[f"{path.stem}.{key}"] = value
        return cls(texts)

    def t(self, key: str, **values: Any) -> str:
        template = self.texts[key]
        return template.format(**values) if values else template

    def __contains__(self, key: str) -> bool:
        return key in self.texts


def _flatten(node: dict, prefix: str = "") -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in node.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flatten(value, name + "."))
        else:
            flat[name] = str(value).strip("\n")
    return flat
