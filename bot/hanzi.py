"""Traditional characters read as simplified ones (a villager's son abroad writes 登記 張德福, a Cantonese keyboard
點樣登記): every reader of a text — the commands, the roster's names, the FAQ — reads it in the characters the
roster, the messages and the campaign use. Imports nothing of the project.

The table is OpenCC's character table shipped with opencc-python-reimplemented, read as data (the package is not
imported): only characters outside GB2312, which simplified text never uses, so no simplified text changes; and only
to one GB2312 has (Cantonese 嗰 stays 嗰, not 𠮶; 嘅, 咗, 啲 and 𠊎 are no traditional characters and stay)."""

from __future__ import annotations

import importlib.util
from pathlib import Path


def _traditional_to_simplified() -> dict[int, str]:
    spec = importlib.util.find_spec("opencc")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("opencc-python-reimplemented is not installed (requirements.txt)")
    table = Path(spec.submodule_search_locations[0], "dictionary", "TSCharacters.txt")
    chars: dict[int, str] = {}
    for line in table.read_text(encoding="utf-8").splitlines():
        traditional, _, simplified = line.partition("\t")
        simplified = simplified.split()[0] if simplified else ""
        if len(traditional) == 1 and not _in_gb2312(traditional) and _in_gb2312(simplified):
            chars[ord(traditional)] = simplified
    return chars


def _in_gb2312(char: str) -> bool:
    try:
        char.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


TRADITIONAL: dict[int, str] = _traditional_to_simplified()


def simplified(text: str) -> str:
    """``text`` with its traditional characters written simplified ('認領兩棵桂花' -> '认领两棵桂花')."""
    return text.translate(TRADITIONAL)
