"""Which of two answers the villager meant (round 43, issue 17 §1: a confident wrong answer is the worst outcome).

When the FAQ's rules and its model read a question as two different entries (``FaqResult.other``, bot/faq.py
``_asked_back``), the reply names both, numbered, instead of answering with one: on the sets the model had not seen,
the rules' answer was wrong about half the time in such a case, and one of the two was the right one four times in
five. The ``faq_choice`` flow keeps the question and both answers; ``1`` or ``2`` (voice: 一, 第二个) gives that
answer, ``0`` (都不是) sends the question to the village's adviser. Anything else goes its own way: the choice lapses
after ``conversation.timeout_minutes``. Handlers: handlers/faq.py (``CHOICE_TABLE``); the diagram is in docs/faq.md.
"""

from __future__ import annotations

import re

from bot import nlu
from bot.conversation import Flow

FLOW = Flow("faq_choice", ("choosing",), choice_states=("choosing",))

NEITHER = 0
# the whole message, normalised (full-width digits and punctuation as ASCII, a voice message's full stop gone)
_CHOICES = (
    (
        1,
        re.compile(
            r"(?:选)?(?:1|一|第(?:1|一)(?:个|条|项|种)?|头一个|前面(?:那|嗰)个|上面(?:那|嗰)个)(?:号|个)?(?:吧|啦|呀|啊)?"
        ),
    ),
    (
        2,
        re.compile(
            r"(?:选)?(?:2|二|两|第(?:2|二)(?:个|条|项|种)?|后面(?:那|嗰)个|下面(?:那|嗰)个)(?:号|个)?(?:吧|啦|呀|啊)?"
        ),
    ),
    (NEITHER, re.compile(r"0|零|都不是|两个都不是|都唔系|冇一个啱|都不对|都唔啱|问专家|转专家")),
)


def chosen(text: str) -> int | None:
    """1 or 2 for the first or second answer offered, ``NEITHER`` (0) for a person; None for anything else."""
    norm = nlu.normalize(text).strip(" 。.!！")
    for number, words in _CHOICES:
        if words.fullmatch(norm):
            return number
    return None


def title(answer_text: str, entry_title: str | None) -> str:
    """An answer's name in the list: its entry's title, else its first line (a tree's field: '荔枝·什么时候种')."""
    if entry_title:
        return entry_title
    first = next((line for line in answer_text.splitlines() if line.strip()), "")
    return first.strip().rstrip("：:")
