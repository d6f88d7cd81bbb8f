"""Hakka words a question is written in, read as their Mandarin before the FAQ reads it (faq136, issue 17 §1).

``nlu.normalize`` reads Cantonese (唔, 冇, 几时 …), and the readers of requests read Hakka 𠊎 and 涯 (I) through
messages/typos.toml ``[characters]``; the FAQ read neither, nor Hakka's own words: '涯屋家门口想种棵桂花 做得无' (can I
plant one by my door?), '恁样种树会唔会死' (like this), '种树爱交钱无' (must one pay?). ``read`` writes them as meant
before the question is normalised: 𠊎 and 涯 as the request readers' table does (only before a word 我 is said with:
a name holding 涯 keeps it), then the FAQ's own table (messages/faq/matching.toml ``[hakka] words``: 屋下 after 我,
做得无, 恁样 …), then Hakka 爱 (want, must) before a question's end: 爱 … 无 is 要 … 吗 ('种树爱交钱无'), 爱唔爱 要不要,
爱 before how much or what 要 ('爱种几多棵'). 爱 anywhere else is love and stays ('我爱种树', '爱护树木', '佢好爱种花').
Read before ``normalize``, so the FAQ's model, trained on normalised precedents, is not retrained."""

from __future__ import annotations

import re
from collections.abc import Mapping

from bot import nlu

# 𠊎 and 涯 of the request readers' table (typos.toml [characters]): only its keys that hold them, and 涯系 / 涯是 (I am),
# which that table leaves to the introduction's reader
_I = {key: meant for key, meant in nlu.COMMAND_CHARACTERS.items() if "涯" in key or "\U0002028e" in key}
_I.update({"涯系": "我系", "涯是": "我是"})
# a key opening with 涯 only where 我 could stand: first, after a pause or a word before it, never after a name's
# surname ('刘涯家门口种咗桂花' keeps 刘涯)
_I_FIRST = r"(?:(?<![\u4e00-\u9fff])|(?<=[就都系是又也话讲和同]))"
_PAUSE = r"[\s,，、;；。!！?？~～]"
_NOT_LOVE = r"(?<![好很最真恋可热喜亲关心疼宠友仁博溺偏])"  # 好爱, 恋爱, 可爱 … are love
# 爱 … 无 (or 冇) ending a clause: 要 … 吗
_MUST_THEN_NOT_RE = re.compile(
    rf"{_NOT_LOVE}爱(?![护心好惜情人意国])((?:(?!{_PAUSE})[^爱无冇]){{1,8}})(?:无|冇)(?={_PAUSE}|$)"
)
_MUST_OR_NOT_RE = re.compile(r"爱(?:唔|不|毋)爱")
# 爱 before how much, how many, what, when in the same clause: 要
_MUST_ASKED_RE = re.compile(
    rf"{_NOT_LOVE}爱(?![护心好惜情人意国])(?=(?:(?!{_PAUSE}).){{0,4}}?(?:几多|多少|几|什么|么个|乜|咩|几时|边个))"
)


def _table_re(words: Mapping[str, str]) -> re.Pattern[str]:
    return re.compile(
        "|".join(
            (_I_FIRST if word.startswith("涯") else "") + re.escape(word)
            for word in sorted(words, key=len, reverse=True)
        )
        or "(?!)"
    )


class HakkaReader:
    """``read(text)``: the text with its Hakka words written as their Mandarin (module doc); ``words`` is
    ``[hakka] words`` of messages/faq/matching.toml."""

    def __init__(self, words: Mapping[str, str]) -> None:
        self._words = dict(words)
        self._words_re = _table_re(self._words)
        self._i_re = _table_re(_I)

    def read(self, text: str) -> str:
        if not text:
            return text
        text = self._i_re.sub(lambda m: _I[m.group(0)], text)
        text = self._words_re.sub(lambda m: self._words[m.group(0)], text)
        text = _MUST_OR_NOT_RE.sub("要不要", text)
        text = _MUST_THEN_NOT_RE.sub(r"要\1吗", text)
        return _MUST_ASKED_RE.sub("要", text)
